"""Benchmark briefcmp against baselines measured in the same run, and check the targets of issue 15.

    python benchmarks/bench.py                      # 1,000, 3,000 and 10,000 briefs x 40 claims
    python benchmarks/bench.py --quick              # CI: two small sizes, few repeats
    python benchmarks/bench.py --sizes 1000,3000 --markdown benchmarks/RESULTS.md

Every figure is the wall time of a fresh process (what a user waits for), the best
of a few runs, with its peak memory (maxrss of that process, from wait4/getrusage).
Baselines, measured in the same run on the same files:

- start-up: ``python -c "import typer"``;
- scale: a bare ``yaml.load(..., Loader=yaml.CSafeLoader)`` of the same claims files
  and config, in a fresh process (the cheapest way to read them at all);
- check-jsonschema validating the same files against briefcmp's own JSON Schema,
  when it is installed (``--cjs``; it is not a briefcmp dependency).

``cold`` runs start from an empty cache folder, ``warm`` runs reuse it; the
cache folder is a temporary one, never the user's. Bytecode is compiled first
(``compileall`` on briefcmp and the libraries it starts with, and every measured process
may write what is missing: PYTHONDONTWRITEBYTECODE is removed from its environment), and
the report says whether it was: start-up figures without ``.pyc`` files mean little. Generated corpora go to
``--out`` (default: benchmarks/out/, which git ignores) and are reused while the
generator's parameters are the same.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (benchmarks/ is not a package)

TARGETS = {
    "help": 1.6,  # x import typer
    "compare-bundled": 2.0,  # x import typer
    "compare-cold": 1.3,  # x bare C-loader parse, from JUDGED_FROM briefs
    "compare-warm": 0.1,  # x bare C-loader parse, from JUDGED_FROM briefs
    "memory-mb": 400.0,  # peak of `check` and `compare --format json` at 10,000 briefs (and below)
    "memory-mb-1k": 150.0,  # peak of `compare --format json` at 1,000 briefs
    "check-vs-cjs": 0.5,  # check cold / check-jsonschema
    "align-1k-s": 10.0,  # seconds of `align` on 1,000 drafted briefs (issue 21 item 8); the ratio to the bare
    # parse of the same files, measured in the same run, says how much of a miss is the machine's load
}

# The compare ratios are targets for 1,000 briefs and more: on a few dozen briefs start-up (a fixed cost the bare
# parse does not pay) is most of the time, so --quick shows them "not judged at this size" rather than MISSED.
JUDGED_FROM = 1000

BARE_PARSE = r"""
import os, sys, yaml
root = sys.argv[1]
files = []
for folder, dirs, names in os.walk(root):
    dirs.sort()
    files += [os.path.join(folder, n) for n in sorted(names) if n.endswith(".claims.yaml")]
files.append(os.path.join(root, "briefcmp.yaml"))
for f in files:
    with open(f, encoding="utf-8") as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int


@dataclass
class Row:
    what: str
    size: str
    seconds: float
    peak_mb: float
    baseline: str = ""
    ratio: Optional[float] = None
    per_claim_us: Optional[float] = None
    target: Optional[float] = None
    note: str = ""
    judged: bool = True  # False: the target is for larger corpora (JUDGED_FROM), shown but not judged

    @property
    def verdict(self) -> str:
        if self.target is not None and not self.judged:
            return "not judged at this size"
        if self.what.startswith("peak memory"):
            return "ok" if self.peak_mb <= (self.target or 0) else "MISSED"
        if self.what.startswith("bytecode"):
            return ""
        if self.what.startswith("briefcmp align") and self.target is not None:
            return "ok" if self.seconds <= self.target else "MISSED (s)"
        if self.target is None or self.ratio is None:
            return ""
        return "ok" if self.ratio <= self.target else "MISSED"


@dataclass
class Report:
    machine: dict
    precompiled: str = ""
    rows: list[Row] = field(default_factory=list)
    growth: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- measuring


def run_once(cmd: list[str], env: dict, cwd: Path, timeout: float) -> Run:
    """Wall time and peak memory (MB) of one fresh process; its output is discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if hasattr(os, "wait4"):
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                raise TimeoutError(" ".join(cmd))
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = proc.stderr.read() if proc.stderr else b""
        peak = usage.ru_maxrss
    else:  # pragma: no cover - Windows: no per-process maxrss
        _, stderr = proc.communicate(timeout=timeout)
        seconds = time.perf_counter() - start
        peak = 0
    if proc.stderr:
        proc.stderr.close()
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak_mb = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{stderr.decode(errors='replace')[-2000:]}")
    return Run(seconds, peak_mb, proc.returncode)


def best(cmd: list[str], env: dict, cwd: Path, repeat: int, timeout: float, before=None) -> Run:
    """The fastest of ``repeat`` runs (the least disturbed by other load); the largest peak memory."""
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        runs.append(run_once(cmd, env, cwd, timeout))
    fastest = min(runs, key=lambda r: r.seconds)
    return Run(fastest.seconds, max(r.peak_mb for r in runs), fastest.code)


def briefcmp_cmd() -> list[str]:
    """How users run briefcmp: the console script next to this Python, else ``python -m briefcmp``."""
    script = Path(sys.executable).parent / ("briefcmp.exe" if os.name == "nt" else "briefcmp")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefcmp"]


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        pass
    import yaml

    from briefcmp import __version__

    versions = {}
    for mod in ("typer", "rich", "pydantic"):
        try:
            from importlib.metadata import version

            versions[mod] = version(mod)
        except Exception:
            versions[mod] = "-"
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": mem, "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(), "briefcmp": __version__, "pyyaml": yaml.__version__,
        "libyaml": bool(getattr(yaml, "__with_libyaml__", False)), **versions,
        "load_average_at_start": round(load, 2) if load is not None else None,
        "date": time.strftime("%Y-%m-%d"),
    }


def find_cjs(given: Optional[str]) -> Optional[str]:
    if given:
        return given if given != "none" else None
    for candidate in (shutil.which("check-jsonschema"), "/tmp/cjs/bin/check-jsonschema"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


# --------------------------------------------------------------------------- bytecode


def precompile(env: dict) -> str:
    """Compile briefcmp and the libraries every run imports; say whether their bytecode is now there."""
    import importlib.util

    folders = []
    for name in ("briefcmp", "typer", "click", "rich", "yaml"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            folders += list(spec.submodule_search_locations)
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], env=env, cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    probe = [sys.executable, "-c",
             "import sys\nsys.path.pop(0)  # not the working folder: what the console script imports\n"
             "import importlib.util, os\n"
             "names = ('briefcmp.cli', 'briefcmp.corpus.cache', 'typer.main', 'click.core', 'rich.console')\n"
             "have = [os.path.exists(importlib.util.cache_from_source(importlib.util.find_spec(n).origin))"
             " for n in names]\n"
             "print(sum(have), len(have))"]
    done = subprocess.run(probe, env=env, cwd=REPO, capture_output=True, text=True, check=False).stdout.split()
    if len(done) == 2 and done[0] == done[1]:
        return "yes (compileall before measuring; .pyc found for briefcmp, typer, click, rich)"
    return f"NO ({'/'.join(done) or '?'} modules have .pyc: start-up figures include compiling)"


# --------------------------------------------------------------------------- the benchmark


def bench(args: argparse.Namespace) -> Report:
    report = Report(machine())
    bc = args.briefcmp.split() if args.briefcmp else briefcmp_cmd()
    cache_root = Path(tempfile.mkdtemp(prefix="briefcmp-bench-cache-"))
    # Any value of PYTHONDONTWRITEBYTECODE (even "0") stops Python writing .pyc files.
    base_env = {k: v for k, v in os.environ.items()
                if not k.startswith("BRIEFCMP_") and k != "PYTHONDONTWRITEBYTECODE"}
    report.precompiled = precompile(base_env)
    cold_dir = cache_root / "cold"
    env = dict(base_env, BRIEFCMP_CACHE_DIR=str(cold_dir))
    nocache_env = dict(base_env, BRIEFCMP_NO_CACHE="1")
    timeout = args.timeout

    def fresh_cache() -> None:
        shutil.rmtree(cold_dir, ignore_errors=True)

    try:
        # ---- start-up
        r = args.repeat_startup
        if args.no_startup:
            r = 0
        bundled = REPO / "briefs"
        if r:
            typer_run = best([sys.executable, "-c", "import typer"], env, REPO, r, timeout)
            report.rows.append(Row("import typer (baseline)", "-", typer_run.seconds, typer_run.peak_mb))
            help_run = best(bc + ["--help"], env, REPO, r, timeout)
            report.rows.append(Row("briefcmp --help", "-", help_run.seconds, help_run.peak_mb, "import typer",
                                   help_run.seconds / typer_run.seconds, target=TARGETS["help"]))
        if r and bundled.is_dir():
            run_once(bc + ["compare", str(bundled), "--format", "json"], env, REPO, timeout)  # warm the cache
            cmp_run = best(bc + ["compare", "briefs", "--format", "json"], env, REPO, r, timeout)
            n_claims = count_claims(bundled)
            report.rows.append(Row("compare briefs/ (bundled, warm)", f"{n_claims} claims", cmp_run.seconds,
                                   cmp_run.peak_mb, "import typer", cmp_run.seconds / typer_run.seconds,
                                   target=TARGETS["compare-bundled"]))
            nc = best(bc + ["compare", "briefs", "--format", "json"], nocache_env, REPO, r, timeout)
            report.rows.append(Row("compare briefs/ (bundled, no cache)", f"{n_claims} claims", nc.seconds,
                                   nc.peak_mb, "import typer", nc.seconds / typer_run.seconds))

        # ---- scale
        cjs = find_cjs(args.cjs)
        schema = REPO / "briefcmp" / "schemas" / "claims.schema.json"
        sizes = args.sizes
        for n in sizes:
            corpus = args.out / f"corpus-{n}x{args.claims}"
            generate.ensure(corpus, n, args.claims, seed=args.seed)
            claims = n * args.claims
            label = f"{n:,} x {args.claims}"
            rep = 1 if n >= 10_000 else args.repeat
            bare = best([sys.executable, "-c", BARE_PARSE, str(corpus)], base_env, REPO, rep, timeout)
            report.rows.append(Row("bare yaml.load CSafeLoader (baseline)", label, bare.seconds, bare.peak_mb,
                                   per_claim_us=bare.seconds / claims * 1e6))
            commands = [("check", ["check", str(corpus), "--format", "json"])]
            if not args.no_compare:
                commands.append(("compare --format json", ["compare", str(corpus), "--format", "json"]))
            for name, argv in commands:
                is_compare = name.startswith("compare")
                modes = [("cold", env, fresh_cache), ("warm", env, None)]
                if args.nocache:
                    modes.insert(0, ("no cache", nocache_env, None))
                for mode, menv, before in modes:
                    run = best(bc + argv, menv, REPO, rep, timeout, before)
                    target = None
                    if is_compare and mode in ("cold", "warm"):
                        target = TARGETS[f"compare-{mode}"]
                    report.rows.append(Row(f"briefcmp {name} ({mode})", label, run.seconds, run.peak_mb,
                                           "bare parse", run.seconds / bare.seconds,
                                           run.seconds / claims * 1e6, target, judged=n >= JUDGED_FROM))
                    report.growth.setdefault(f"{name} ({mode})", {})[n] = run.seconds / claims * 1e6
            report.growth.setdefault("bare parse", {})[n] = bare.seconds / claims * 1e6
            for name, _ in commands:
                peak_mb = max(r.peak_mb for r in report.rows if r.size == label and r.what.startswith(f"briefcmp {name} ("))
                limit = TARGETS["memory-mb-1k"] if n == 1000 and name.startswith("compare") else (
                    TARGETS["memory-mb"] if n <= 10_000 else None)
                report.rows.append(Row(f"peak memory, briefcmp {name}", label, 0.0, peak_mb, target=limit))
            if cjs and n <= args.cjs_max:
                files = sorted(str(p) for p in corpus.rglob("*.claims.yaml"))
                cjs_run = best([cjs, "--schemafile", str(schema), *files], base_env, REPO, 1, timeout)
                check_cold = next(r for r in report.rows if r.what == "briefcmp check (cold)" and r.size == label)
                report.rows.append(Row("check-jsonschema (same files, own schema)", label, cjs_run.seconds,
                                       cjs_run.peak_mb, "bare parse", cjs_run.seconds / bare.seconds,
                                       cjs_run.seconds / claims * 1e6))
                report.rows.append(Row("briefcmp check (cold) vs check-jsonschema", label, check_cold.seconds,
                                       check_cold.peak_mb, "check-jsonschema", check_cold.seconds / cjs_run.seconds,
                                       target=TARGETS["check-vs-cjs"]))
        # ---- align on drafted briefs (issue 21: under 10 s at 1,000)
        for n in args.align:
            corpus = drafted_corpus(args.out, n)
            label = f"{n:,} drafted"
            bare = best([sys.executable, "-c", BARE_PARSE, str(corpus)], base_env, REPO, args.repeat, timeout)
            report.rows.append(Row("bare yaml.load CSafeLoader (baseline)", label, bare.seconds, bare.peak_mb))
            run = best(bc + ["align", str(corpus), "--format", "json"], env, REPO, args.repeat, timeout)
            report.rows.append(Row("briefcmp align (plan, no apply)", label, run.seconds, run.peak_mb, "bare parse",
                                   run.seconds / bare.seconds,
                                   target=TARGETS["align-1k-s"] * n / 1000 if n >= 1000 else None,
                                   note=f"{count_unkeyed(corpus):,} unkeyed claims with a value; target in seconds"))
    finally:
        shutil.rmtree(cache_root, ignore_errors=True)
    return report


_COUNTRIES = ("Japan", "South Korea", "China", "India", "Australia", "Germany", "France", "Brazil", "Mexico",
              "Indonesia", "Vietnam", "Thailand", "Canada", "Italy", "Spain", "Poland", "Turkey", "Egypt", "Kenya",
              "Nigeria", "Chile", "Peru", "Colombia", "Argentina", "Malaysia", "Philippines", "Pakistan",
              "Bangladesh", "Sweden", "Norway", "Finland", "Denmark", "Austria", "Belgium", "Portugal", "Greece",
              "Ireland", "Romania", "Hungary", "Morocco")


def drafted_corpus(out: Path, n: int) -> Path:
    """``n`` drafted briefs (unkeyed figures, as annotate writes them): the lineup dev texts, each copy
    about one of 40 countries with its figures moved a little, annotated once and kept in ``out``."""
    import random
    import re

    from typer.testing import CliRunner

    from briefcmp.cli import app

    corpus = out / f"drafted-{n}"
    if (corpus / ".complete").exists():
        return corpus
    shutil.rmtree(corpus, ignore_errors=True)
    runner = CliRunner()
    runner.invoke(app, ["init", str(corpus)])
    texts = sorted((HERE / "lineup" / "dev").glob("*/*.txt"))
    rnd = random.Random(0)
    names = re.compile(r"\b(?:Japan|South Korea|Korea|China|India|Australia)\b")
    for i in range(n):
        country = _COUNTRIES[i % len(_COUNTRIES)]
        text = names.sub(country, texts[i % len(texts)].read_text(encoding="utf-8"))
        text = re.sub(r"\b\d+\.\d+\b", lambda m: f"{float(m.group()) * rnd.choice((1, 1, 1.1)):.2f}", text)
        src = corpus / "sources" / f"b{i:04d}.txt"
        src.write_text(text, encoding="utf-8")
        runner.invoke(app, ["annotate", str(src), "-o", str(corpus / f"b{i:04d}.claims.yaml")])
    (corpus / ".complete").write_text("", encoding="utf-8")
    return corpus


def count_unkeyed(folder: Path) -> int:
    """Drafted claims with a value and no key: what ``align`` has to place."""
    from briefcmp.corpus.load import load_corpus

    return sum(1 for b in load_corpus([folder], cache=False).corpus.briefs for c in b.claims
               if c.value is not None and not c.key)


def count_claims(folder: Path) -> int:
    from briefcmp.corpus.load import load_corpus

    return sum(len(b.claims) for b in load_corpus([folder], cache=False).corpus.briefs)


# --------------------------------------------------------------------------- output


def growth_lines(report: Report) -> list[str]:
    lines = []
    for what, by_size in report.growth.items():
        sizes = sorted(by_size)
        if len(sizes) < 2:
            continue
        first, last = by_size[sizes[0]], by_size[sizes[-1]]
        per = ", ".join(f"{by_size[s]:.0f}" for s in sizes)
        lines.append(f"{what}: {per} us/claim for {', '.join(f'{s:,}' for s in sizes)} briefs "
                     f"(x{last / first:.2f} from smallest to largest)")
    return lines


def table(report: Report, markdown: bool = False) -> str:
    head = ["what", "corpus", "seconds", "peak MB", "ratio", "us/claim", "target", ""]
    rows = []
    for r in report.rows:
        if r.what.startswith("peak memory"):
            limit = f"<= {r.target:.0f} MB" if r.target else ""
            rows.append([r.what, r.size, "", f"{r.peak_mb:.0f}", "", "", limit, r.verdict if r.target else ""])
            continue
        ratio = f"{r.ratio:.2f}x {r.baseline}" if r.ratio is not None else ""
        rows.append([r.what, r.size, f"{r.seconds:.3f}", f"{r.peak_mb:.0f}", ratio,
                     f"{r.per_claim_us:.0f}" if r.per_claim_us is not None else "",
                     _target_text(r), r.verdict + (f" ({r.note})" if r.note else "")])
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
        return "\n".join(out) + "\n"
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    fmt = "  ".join(f"{{:{'<' if i < 2 else '>'}{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*head), fmt.format(*["-" * w for w in widths])]
    out += [fmt.format(*row) for row in rows]
    return "\n".join(out) + "\n"


def _target_text(r: Row) -> str:
    if r.target is None:
        return ""
    return f"<= {r.target:g} s" if r.what.startswith("briefcmp align") else f"<= {r.target:g}x"


def machine_line(m: dict) -> str:
    return (f"{m['cpu']}, {m['cores']} cores, {m['memory']} RAM, {m['os']}; Python {m['python']}, "
            f"briefcmp {m['briefcmp']}, typer {m['typer']}, rich {m['rich']}, pydantic {m['pydantic']}, "
            f"PyYAML {m['pyyaml']} (libyaml: {'yes' if m['libyaml'] else 'no'}); "
            f"load average at start {m['load_average_at_start']}; {m['date']}")


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default=None, help="briefs per corpus, comma-separated (default 1000,3000,10000)")
    ap.add_argument("--claims", type=int, default=40, help="claims per brief (default 40)")
    ap.add_argument("--quick", action="store_true", help="CI: 20 and 50 briefs x 10 claims, 2 repeats")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement below 10,000 briefs (best is kept)")
    ap.add_argument("--repeat-startup", type=int, default=10, help="runs per start-up measurement")
    ap.add_argument("--nocache", action="store_true", help="also measure with the cache turned off")
    ap.add_argument("--no-compare", action="store_true", help="measure check only")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up measurements")
    ap.add_argument("--cjs", default=None, help="check-jsonschema executable (default: PATH or /tmp/cjs); "
                                               "'none' to skip")
    ap.add_argument("--cjs-max", type=int, default=10_000, help="largest size to run check-jsonschema on")
    ap.add_argument("--briefcmp", default=None, metavar="CMD",
                    help="how to run briefcmp (default: the console script next to this Python)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--align", default=None, help="drafted briefs to time `align` on, comma-separated "
                                                   "(default 1000 when --sizes is not given; 'none' to skip)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="where generated corpora are kept")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds before a run is abandoned")
    ap.add_argument("--json", type=Path, default=None, help="also write the raw figures as JSON here")
    ap.add_argument("--markdown", type=Path, default=None, help="also write a Markdown section here")
    args = ap.parse_args(argv)
    sizes_given = args.sizes is not None
    if args.quick:
        args.sizes = args.sizes or "20,50"
        args.claims = 10 if args.claims == 40 else args.claims
        args.repeat, args.repeat_startup = 2, 3
    args.sizes = sorted(int(s.replace(",", "").replace("_", "")) for s in (args.sizes or "1000,3000,10000").split(","))
    if args.align is None:
        args.align = "30" if args.quick else ("none" if sizes_given else "1000")
    args.align = [] if args.align == "none" else [int(x) for x in args.align.split(",") if x.strip()]
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    report = bench(args)
    text = table(report)
    growth = growth_lines(report)
    print(f"machine: {machine_line(report.machine)}")
    print(f"bytecode precompiled: {report.precompiled}\n")
    print(text)
    for line in growth:
        print("growth: " + line)
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps({"machine": report.machine, "rows": [asdict(r) for r in report.rows],
                                         "growth": report.growth}, indent=1) + "\n", encoding="utf-8")
    if args.markdown:
        md = ["## Performance", "", f"Machine: {machine_line(report.machine)}.", "",
              f"Bytecode precompiled: {report.precompiled}.", "",
              "Wall time of a fresh process, best of several runs; ratios against baselines measured in the "
              "same run. `cold`: empty cache; `warm`: cache filled by an earlier run. Reproduce with "
              "`python benchmarks/bench.py`.", "", table(report, markdown=True)]
        if growth:
            md += ["Growth (time per claim, smallest to largest corpus):", ""]
            md += [f"- {line}" for line in growth]
        args.markdown.write_text("\n".join(md) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
