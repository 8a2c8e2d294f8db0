"""Replay a new user's walk on the walk sets (benchmarks/walks/SET/planted.yaml) and count what it shows.

For each set: ``briefcmp init``, ``add`` each source (the PDFs printed from their texts by makedocs.py),
``align`` (timed), ``align --apply``, ``compare`` as text (80 and 120 columns) and as json, markdown and
html, and ``check``. Then, against the planted relations: how many ``compare`` shows (a relation of the
planted kind holding claims of at least two of its briefs), shown complete (every planted brief),
false contradictions (a contradiction or disagreement no planted contradiction names), traps joined
(claims a trap says are two questions under one key), and wrong relations (a change over time between
claims planted as agreeing). ``--keep DIR`` leaves the corpora there; ``-v`` prints every relation.
The interactive steps (``align`` read at 80 columns in tmux, ``align --review`` in a pty) are done by
hand; this replays the rest so that a change can be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from makedocs import text_pdf  # noqa: E402

BRIEFCMP = [sys.executable, "-m", "briefcmp"]


def run(args: list[str], cwd: Path, columns: int = 120) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    p = subprocess.run(BRIEFCMP + args, cwd=cwd, capture_output=True, text=True, env=env)
    return time.perf_counter() - t, p


def _value(v) -> str:
    return str(v).rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def matches(planted: dict, claim: dict) -> bool:
    """Whether a claim of compare's json is the planted claim: its brief, a piece of its quote, its value."""
    if claim["brief"] != planted["source"]:
        return False
    if planted["quote"].lower() not in " ".join((claim.get("quote") or "").split()).lower():
        return False
    if "value" not in planted:
        return True
    value = claim.get("value") or {}
    want = _value(planted["value"])
    got = {_value(value.get("amount")), _value(value.get("base_amount")), str(value.get("display", "")),
           str(value.get("date", ""))}
    return want in got or any(g.startswith(want) for g in got if g and "-" in want)


KINDS = {"agreement": {"agreement"}, "contradiction": {"contradiction", "disagreement"},
         "disagreement": {"disagreement", "contradiction"}, "change": {"change-over-time"}}


def score(planted: dict, relations: list[dict], verbose: bool = False) -> dict:
    shown = complete = wrong = 0
    for rel in planted["relations"]:
        briefs = {c["source"] for c in rel["claims"]}
        best: set[str] = set()
        for r in relations:
            hit = {c["brief"] for c in r["claims"] if any(matches(p, c) for p in rel["claims"])}
            if rel["kind"] == "change" and len({c["ref"] for c in r["claims"]
                                                 if any(matches(p, c) for p in rel["claims"])}) >= 2:
                hit |= {"", " "}  # a change may be one brief's two figures
            if len(hit) < 2:
                continue
            if r["kind"] in KINDS[rel["kind"]]:
                best = max(best, hit, key=len)
            elif rel["kind"] == "agreement" and (r["kind"] in ("contradiction", "disagreement") or len(
                    {c.get("as_of") for c in r["claims"] if any(matches(p, c) for p in rel["claims"])}) >= 2):
                wrong += 1  # claims that agree shown in conflict, or as a change between two periods
                if verbose:
                    print(f"  WRONG {r['kind']} for planted agreement: {rel['note']}")
        best.discard("")
        best.discard(" ")
        ok = len(best) >= 2 or (rel["kind"] == "change" and bool(best))
        shown += ok
        complete += best == briefs
        if verbose:
            print(f"  {'shown' if ok else 'MISSED':6} {len(best)}/{len(briefs)} {rel['kind']}: {rel['note']}")
    planted_conflicts = [r for r in planted["relations"] if r["kind"] in ("contradiction", "disagreement")]
    fc = []
    for r in relations:
        if r["kind"] not in ("contradiction", "disagreement"):
            continue
        if not any(len({c["brief"] for c in r["claims"] if any(matches(p, c) for p in rel["claims"])}) >= 2
                   for rel in planted_conflicts):
            fc.append(r["id"])
    traps = 0
    for trap in planted.get("traps", []):
        for r in relations:
            hit = [p for p in trap["claims"] if any(matches(p, c) for c in r["claims"])]
            if len({p["quote"] for p in hit}) >= 2 and len({p.get("value") for p in hit}) >= 2:
                traps += 1
                if verbose:
                    print(f"  TRAP joined: {trap['note']} ({r['id']})")
                break
    if verbose:
        for r in fc:
            print(f"  FC {r}")
    return {"planted": len(planted["relations"]), "shown": shown, "complete": complete, "wrong": wrong,
            "fc": len(fc), "traps": traps}


def walk(folder: Path, work: Path, verbose: bool = False) -> dict:
    planted = yaml.safe_load((folder / "planted.yaml").read_text(encoding="utf-8"))
    corpus = work / folder.name
    docs = work / (folder.name + "-docs")
    docs.mkdir(parents=True)
    times: dict[str, float] = {}
    messages: list[str] = []
    _, p = run(["init", str(corpus)], work)
    assert p.returncode == 0, p.stderr
    for name in planted["sources"]:
        src = folder / name
        if src.suffix == ".pdf":  # printed from its text, so the text is what is kept
            src = text_pdf((folder / name).with_suffix(".txt").read_text(encoding="utf-8"), docs / name)
        t, p = run(["add", *planted.get("add", []), str(src), str(corpus)], work)
        times[f"add {name}"] = t
        assert p.returncode == 0, p.stderr
        messages += [line for line in (p.stdout + p.stderr).splitlines() if line.startswith(("stated:", "briefcmp: warning"))]
    times["align"], p = run(["align", str(corpus)], work, 80)
    times["align --apply"], p = run(["align", str(corpus), "--apply"], work)
    for cols in (80, 120):
        times[f"compare {cols}"], p = run(["compare", str(corpus)], work, cols)
    for fmt in ("json", "markdown", "html"):
        times[f"compare {fmt}"], p = run(["compare", str(corpus), "--format", fmt], work)
        assert p.returncode in (0, 1), p.stderr
        if fmt == "json":
            relations = json.loads(p.stdout)["relations"]
    times["check"], p = run(["check", str(corpus)], work)
    if verbose:
        print(f"== {folder.name}")
        for m in messages:
            print(f"  {m}")
        for r in relations:
            print(f"  {r['kind']}: {r['key']}: {r['explanation']}")
    out = score(planted, relations, verbose)
    out["slowest"] = max(times.items(), key=lambda kv: kv[1])
    out["times"] = times
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="walk sets (default: every folder here with a planted.yaml)")
    ap.add_argument("--keep", help="leave the corpora in this folder")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    sets = [Path(s) for s in args.sets] or sorted(p.parent for p in HERE.glob("*/planted.yaml"))
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="walk-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        for s in sets:
            r = walk(s.resolve(), work, args.verbose)
            slow = ", ".join(f"{k} {v:.1f}s" for k, v in r["times"].items())
            print(f"{s.name}: shown {r['shown']}/{r['planted']} (complete {r['complete']}) wrong {r['wrong']} "
                  f"FC {r['fc']} traps {r['traps']}; {slow}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
