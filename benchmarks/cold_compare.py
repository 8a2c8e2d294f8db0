"""Cold `briefcmp compare` on a corpus of drafted statements, as a ratio to `briefcmp --version`.

compare must not load align, the lemmatiser or the tagger (issue 24: it took 1.7-2.1 s on such a
corpus). This builds a corpus from one set of benchmarks/facts/dev (init, then `add --sentences`
for each text, as a new user does), then times fresh processes with an empty cache folder each
(cold), best of --runs, and lists what `python -X importtime` shows compare importing from the
heavy stack. Timings on a shared machine vary: read the ratios, measured in
the same run.

    python benchmarks/cold_compare.py [--set canada-india-diplomats] [--runs 5] [--briefcmp PATH]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("textblob", "nltk", "lemminflect", "simplemma", "numpy", "briefcmp.analysis.align",
         "briefcmp.analysis.alignfacts", "briefcmp.analysis.nlp", "briefcmp.analysis.facts")


def best(cmd: list[str], env: dict, runs: int, base: str) -> float:
    times = []
    for _ in range(runs):
        env = {**env, "BRIEFCMP_CACHE_DIR": tempfile.mkdtemp(dir=base)}  # cold: an empty cache
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="canada-india-diplomats", help="a set of benchmarks/facts/dev")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--briefcmp", default=str(Path(sys.executable).parent / "briefcmp"))
    args = ap.parse_args()
    exe = args.briefcmp
    python = str(Path(exe).parent / "python")
    env = {**os.environ, "NO_COLOR": "1"}
    for name in ("COLUMNS", "BRIEFCMP_NO_CACHE"):
        env.pop(name, None)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "statements"
        subprocess.run([exe, "init", str(corpus)], env=env, capture_output=True, check=True)
        for text in sorted((ROOT / "benchmarks" / "facts" / "dev" / args.set).glob("*.txt")):
            subprocess.run([exe, "add", "--sentences", str(text), str(corpus)], env=env, capture_output=True,
                           check=True)
        claims = sum(f.read_text(encoding="utf-8").count("\n  - id: ") for f in corpus.glob("*.claims.yaml"))
        package = subprocess.run([python, "-c", "import briefcmp, os; print(os.path.dirname(briefcmp.__file__))"],
                                 capture_output=True, text=True, cwd=tmp).stdout.strip()
        for where in (str(Path(exe).resolve().parent.parent), package):  # the venv and the package (editable)
            subprocess.run([python, "-m", "compileall", "-q", where], capture_output=True, check=False)
        version = best([exe, "--version"], env, args.runs, tmp)
        compare = best([exe, "compare", str(corpus)], env, args.runs, tmp)
        done = subprocess.run([python, "-X", "importtime", "-m", "briefcmp", "compare", str(corpus)],
                              env={**env, "BRIEFCMP_CACHE_DIR": tempfile.mkdtemp(dir=tmp)},
                              capture_output=True, text=True, cwd=tmp)  # cwd: not this checkout's package
        names = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
        loaded = sorted({m.split(".")[0] if not m.startswith("briefcmp") else m for m in names if m.startswith(HEAVY)})
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"corpus: benchmarks/facts/dev/{args.set}, {claims} claims drafted with add --sentences; "
          f"an empty cache each run; best of {args.runs}; load average {load:.1f} (bytecode compiled first)")
    print(f"briefcmp --version        {version:.3f} s")
    print(f"briefcmp compare (cold)   {compare:.3f} s  = {compare / version:.2f}x --version")
    print("heavy modules compare imports: " + (", ".join(loaded) if loaded else "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
