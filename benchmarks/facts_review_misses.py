"""Why a statement relation is still missed after a simulated analyst answers ``align --review`` (issue 22).

Each set runs as ``facts_eval.py --decisions`` runs it (``align --apply``, then the analyst of
``fromscratch_review`` answering from the set's gold). Every gold relation not found afterwards is put in the
first class that loses it:

- ``not drafted``: some quote has no claim with a category or stance value over it;
- ``never asked``: every quote is drafted with a value, but no group the analyst was asked holds claims of two
  of its quotes;
- ``asked in part``: a group asked held claims of two or more of its quotes but never of all of them;
- ``asked whole``: a group asked held claims of every quote (answered n: it held other claims too, or a trap);
- ``keyed``: the claims ended under one key but ``compare`` shows no relation of the gold's kind.

Run it on the tuning halves only (``-v`` prints the notes of the relations missed).

Usage: python benchmarks/facts_review_misses.py FOLDER ... [--cache DIR] [-v]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval as le  # noqa: E402

CLASSES = ("not drafted", "never asked", "asked in part", "asked whole", "keyed")


def _valued(c: dict) -> bool:
    return isinstance(c.get("value"), dict) and ("category" in c["value"] or "stance" in c["value"])


def classify(folder: Path, run: le.SetRun, asked: list[set[str]], score: le.SetScore) -> list[tuple[str, str]]:
    """(class, the gold relation's kind and note) for each gold relation ``score`` did not find."""
    from yaml import safe_load

    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    missed = set(score.missed)
    key_of = {f"{c['brief']}:{c['claim']}": c.get("key") for c in run.claims}
    out = []
    for rel in gold.get("relations") or []:
        name = f"{rel['kind']}: {rel.get('note', '')}"
        if name not in missed:
            continue
        quotes = [{f"{c['brief']}:{c['claim']}" for c in run.claims if _valued(c)
                   and le.claim_matches(c, q["source"], q["quote"], run.sources)} for q in rel.get("claims") or []]
        if not all(quotes):
            out.append(("not drafted", name))
            continue
        keys = [{key_of.get(r) for r in q} - {None} for q in quotes]
        if set.intersection(*keys):
            out.append(("keyed", name))
            continue
        held = [sum(1 for q in quotes if q & g) for g in asked]
        best = max(held, default=0)
        out.append(("asked whole" if best == len(quotes) else "asked in part" if best >= 2 else "never asked", name))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--cache", help="drafted sets kept here (as facts_losses.py --cache)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each missed relation's class and note")
    args = ap.parse_args()
    from facts_losses import gold_folders
    from fromscratch_review import Analyst, Gold, make_analyst

    total, found, gold, decisions, wrong = Counter(), 0, 0, 0, Counter()
    folders = gold_folders(args.folders)
    if folders is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            stats = Analyst()
            run = le.run_set(folder, Path(tmp), analyst=make_analyst(stats, lambda c, f=folder: Gold(f, c)),
                             drafted=Path(args.cache) if args.cache else None)
            score = le.score_set(folder, run)
            asked = [{r.strip().replace("#", ":") for r in line.split(": ", 1)[1].split(",")} for line in stats.log]
            rows = classify(folder, run, asked, score)
            counts = Counter(c for c, _ in rows)
            total.update(counts)
            found, gold, decisions = found + score.found, gold + score.gold, decisions + stats.asked
            wrong.update(FC=len(score.false_contradictions), keys_wrong=len(score.keys_wrong),
                         traps=len(score.trap_failures))
            print(f"{folder.name}: found {score.found}/{score.gold} after {stats.asked}; "
                  + "".join(f"FALSE CONTRADICTION {x}; " for x in score.false_contradictions)
                  + ", ".join(f"{c} {counts[c]}" for c in CLASSES if counts[c]), flush=True)
            if args.verbose:
                for c, n in rows:
                    print(f"  [{c}] {n}")
                for line in stats.log:
                    print(f"  asked {line}")
    print(f"all: found {found}/{gold} after {decisions} decisions (FC {wrong['FC']}, keys wrong {wrong['keys_wrong']}, "
          f"traps joined {wrong['traps']}); missed: " + ", ".join(f"{c} {total[c]}" for c in CLASSES if total[c]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
