"""Run the benchmark families per half and print one summary row per half (what each session's start and end
runs in RESULTS.md are).

usage: python benchmarks/halves_eval.py [--root REPO] [--only lineup,inc,decl,facts,dec] [--test] [--halves s16,s17]
       [--out FILE.json] [--jobs 2]
       python benchmarks/halves_eval.py --summary FILE.json [--only ...] [--halves ...]   (print a saved run)

Families: lineup (``lineup_eval.py``, batch), inc (``--incremental``), decl (``--decisions``), facts
(``facts_eval.py``), dec (``facts_eval.py --decisions``). ``--root`` runs another checkout's code (a clone at the
start commit): the eval scripts put their own repository first on the path. ``benchmarks/halves_compare.py A B``
lists the sets whose figures differ between two ``--out`` files.

Halves: each dev README-heldout-*.md names its sets in its table (s2 for the undated 2026-12-06 one, sN for
-sN); sets named in none are 'old'. The newest half (highest sN) is the check half: 'tuning' sums the others.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

FAM = {"lineup": ("lineup", "lineup_eval.py", ["--json"]),
       "inc": ("lineup", "lineup_eval.py", ["--json", "--incremental"]),
       "decl": ("lineup", "lineup_eval.py", ["--json", "--decisions"]),
       "facts": ("facts", "facts_eval.py", []),
       "dec": ("facts", "facts_eval.py", ["--decisions"])}


def halves(root: Path, family: str, test: bool) -> dict[str, list[Path]]:
    base = root / "benchmarks" / family / ("test" if test else "dev")
    sets = sorted(p.parent for p in base.glob("*/gold.yaml"))
    if test:
        return {"test": sets}
    names = {s.name: s for s in sets}
    out: dict[str, list[Path]] = {}
    seen = set()
    for readme in sorted(base.glob("README-heldout-*.md")):
        m = re.search(r"-s(\d+)\.md$", readme.name)
        half = f"s{m.group(1)}" if m else "s2"
        for line in readme.read_text(encoding="utf-8").splitlines():
            m2 = re.match(r"\|\s*\**([a-z0-9][a-z0-9-]*)\**\s*\|", line)
            if m2 and m2.group(1) in names and m2.group(1) not in seen:
                out.setdefault(half, []).append(names[m2.group(1)])
                seen.add(m2.group(1))
    out["old"] = [s for s in sets if s.name not in seen]
    return out


def run_lineup(root: Path, script: str, flags: list[str], sets: list[Path]) -> list[dict]:
    cmd = [sys.executable, str(root / "benchmarks" / script), *flags, *map(str, sets)]
    p = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    dec, text, i, rows = json.JSONDecoder(), p.stdout, 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        try:
            obj, i = dec.raw_decode(text, i)
        except json.JSONDecodeError:
            sys.stderr.write(p.stderr[-3000:])
            raise
        rows.extend(obj if isinstance(obj, list) else [obj])
    if len(rows) != len(sets):
        sys.stderr.write(f"lineup: {len(rows)} rows for {len(sets)} sets\n{p.stderr[-2000:]}\n")
    return rows


def run_facts(root: Path, script: str, flags: list[str], sets: list[Path]) -> list[dict]:
    cmd = [sys.executable, str(root / "benchmarks" / script), *flags, *map(str, sets)]
    p = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    rows = []
    names = {s.name for s in sets}
    cur = None
    for line in p.stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells and cells[0] in names:
            if len(cells) == 9:  # auto table
                kr, kw, ku = cells[6].split("/")
                pf, pt = cells[4].split("/")
                cur = {"name": cells[0], "gold": int(cells[1]), "found": int(cells[2]), "pairs_found": int(pf),
                       "pairs": int(pt), "fc": int(cells[5]), "keys_right": int(kr), "keys_wrong": int(kw)}
                rows.append(cur)
            elif len(cells) == 8:  # decisions table
                d = next(r for r in rows if r["name"] == cells[0])
                d["dec_found"] = int(cells[3])
                d["asked"] = int(cells[4].split()[0])
                d["dec_fc"] = int(cells[5])
                d["dec_keys_wrong"] = int(cells[6])
                d["dec_traps"] = int(cells[7])
        m = re.match(r"gold statements drafted with a value: (\d+)/(\d+)", line)
        if m and rows:
            rows[-1]["drafted"], rows[-1]["quotes"] = int(m.group(1)), int(m.group(2))
    if len(rows) != len(sets):
        sys.stderr.write(f"facts: parsed {len(rows)} of {len(sets)} sets\n{p.stderr[-2000:]}\n")
    return rows


def summarise(mode: str, rows: list[dict]) -> str:
    s = lambda k: sum(r.get(k, 0) if not isinstance(r.get(k), list) else len(r[k]) for r in rows)  # noqa: E731
    if mode in ("lineup", "inc"):
        return (f"{s('found')}/{s('gold')} part {s('found_part')} pairs {s('pairs_found')}/{s('pairs')} "
                f"keys {s('keys_right')}/{s('keys_wrong')} FC {s('false_contradictions')} traps {s('trap_failures')} "
                f"err {s('errors')}")
    if mode == "decl":
        return (f"{s('found')}/{s('gold')} after {s('asked')} pairs {s('pairs_found')} keys {s('keys_right')}/"
                f"{s('keys_wrong')} FC {s('false_contradictions')} traps {s('trap_failures')} failed {s('failed')}")
    if mode == "facts":
        return (f"{s('found')}/{s('gold')} pairs {s('pairs_found')}/{s('pairs')} keys {s('keys_right')}/"
                f"{s('keys_wrong')} FC {s('fc')} drafted {s('drafted')}/{s('quotes')}")
    return (f"auto {s('found')}/{s('gold')} dec {s('dec_found')} after {s('asked')} FC {s('dec_fc')} "
            f"wrong {s('dec_keys_wrong')} traps {s('dec_traps')}")


def _run(root: Path, mode: str, a: argparse.Namespace) -> dict[str, list[dict]]:
    family, script, flags = FAM[mode]
    hs = halves(root, family, a.test)
    if a.halves:
        hs = {k: v for k, v in hs.items() if k in a.halves.split(",")}
    runner = run_lineup if family == "lineup" else run_facts
    # chunks of at most 12 sets so two workers stay busy
    jobs = [(h, sets[i:i + 12]) for h, sets in hs.items() for i in range(0, len(sets), 12)]
    with ThreadPoolExecutor(a.jobs) as ex:
        outs = list(ex.map(lambda j: (j[0], runner(root, script, flags, j[1])), jobs))
    per: dict[str, list[dict]] = {}
    for h, rows in outs:
        per.setdefault(h, []).extend(rows)
    return per


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--only", default="lineup,facts")
    ap.add_argument("--test", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--halves", help="comma list of halves to run (default all)")
    ap.add_argument("--summary", metavar="FILE", help="print the rows of an earlier --out file; run nothing")
    a = ap.parse_args()
    root = Path(a.root).resolve()
    results: dict[str, dict[str, list[dict]]] = {}
    saved = json.loads(Path(a.summary).read_text(encoding="utf-8")) if a.summary else None
    for mode in a.only.split(","):
        if saved is not None:
            if mode not in saved:
                continue
            per = {h: rows for h, rows in saved[mode].items() if not a.halves or h in a.halves.split(",")}
        else:
            per = _run(root, mode, a)
        results[mode] = per
        order = sorted(per, key=lambda h: (h != "old", int(h[1:]) if h[1:].isdigit() else 0))
        nums = [int(h[1:]) for h in per if h[1:].isdigit()]
        check = f"s{max(nums)}" if nums and not a.test else None
        for h in order:
            print(f"{mode:6} {h:6} {len(per[h]):3} sets  {summarise(mode, per[h])}", flush=True)
        if not a.test and not a.halves:
            tuning = [r for h in per if h != check for r in per[h]]
            print(f"{mode:6} tuning {len(tuning):3} sets  {summarise(mode, tuning)}  (all but {check})")
            allr = [r for h in per for r in per[h]]
            print(f"{mode:6} ALL    {len(allr):3} sets  {summarise(mode, allr)}", flush=True)
    if a.out:
        Path(a.out).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
