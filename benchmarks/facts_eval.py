"""Statements (issue 22) on benchmarks/facts/<dev|test>/: init -> add --sentences -> align --apply -> compare.

The sets and their scoring are ``lineup_eval``'s (a gold relation is found when ``compare`` shows a
relation of its kind whose claims match every gold quote; false contradictions; key precision from
the traps); ``lineup_eval.run_set`` drafts with ``--sentences`` for a set under ``facts/``. This adds:

- **drafted**: of the gold quotes (relations and traps), how many a drafted statement (a claim with
  a category or stance value) quotes or overlaps: the drafting recall;
- ``--sweep``: the figures for several values of ``alignfacts.SURE_SCORE``, to calibrate it on
  ``dev`` (never on ``test``);
- ``--decisions``: each set again with a simulated analyst answering every prompt ``align --review``
  asks after ``align --apply`` (``fromscratch_review.make_analyst``: **y** when the set's gold relates
  all the group's claims, and no trap parts two of them; **n** otherwise), as
  ``fromscratch.py --decisions`` does on the bundled corpus: the relations found after the decisions,
  false contradictions and wrong keys then, and the decisions asked per relation found (issue 22's
  target: at least 80% with at most 1.5 decisions per relation found).

Figures are measured on the machine it runs on; PYTHONDONTWRITEBYTECODE is honoured (the package is
imported once, in process).

Usage: python benchmarks/facts_eval.py [dev|test|FOLDER ...] [-v] [--sweep] [--decisions]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval as le  # noqa: E402

SWEEP = (1.0, 0.8, 0.75, 0.67, 0.5)


def folders_for(arg: str) -> list[Path]:
    p = ROOT / "facts" / arg if arg in ("dev", "test") else Path(arg)
    if (p / "gold.yaml").exists():
        return [p]
    return sorted(d for d in p.iterdir() if (d / "gold.yaml").exists()) if p.is_dir() else []


def drafted(folder: Path, run: le.SetRun) -> tuple[int, int, list[str]]:
    """(gold quotes drafted as statements, gold quotes, the ones missed)."""
    from yaml import safe_load

    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    quotes = {(c["source"], c["quote"]) for part in ("relations", "traps") for item in gold.get(part) or []
              for c in item.get("claims") or []}
    statements = [c for c in run.claims if isinstance(c["value"], dict) and ("category" in c["value"]
                                                                            or "stance" in c["value"])]
    hit, missed = 0, []
    for source, quote in sorted(quotes):
        if any(le.claim_matches(c, source, quote, run.sources) for c in statements):
            hit += 1
        else:
            missed.append(f"{folder.name}/{source}: {quote}")
    return hit, len(quotes), missed


def evaluate(folders: list[Path]) -> tuple[list[le.SetScore], tuple[int, int, list[str]]]:
    scores, hit, total, missed = [], 0, 0, []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            run = le.run_set(folder, Path(tmp))
            scores.append(le.score_set(folder, run))
            h, t, m = drafted(folder, run)
            hit, total, missed = hit + h, total + t, missed + m
    return scores, (hit, total, missed)


def with_decisions(folders: list[Path]) -> list[tuple[le.SetScore, object]]:
    """Each set after ``align --apply`` and a simulated analyst's answers from its gold: (score, the
    analyst's record: decisions asked, answers, log)."""
    from fromscratch_review import Analyst, Gold, make_analyst

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            stats = Analyst()
            run = le.run_set(folder, Path(tmp), analyst=make_analyst(stats, lambda c, f=folder: Gold(f, c)))
            out.append((le.score_set(folder, run), stats))
    return out


def decisions_report(auto: list[le.SetScore], decided: list[tuple[le.SetScore, object]], title: str,
                     verbose: bool = False) -> str:
    """One row a set: gold, found automatic, found with decisions, decisions asked (y/n), false
    contradictions, wrong keys and traps joined after the decisions; then the totals and the ratio."""
    lines = [f"## {title}: with decisions (simulated analyst, y when the gold relates the claims)", "",
             "| set | gold | found auto | found with decisions | decisions (y/n) | FC | keys wrong | traps joined |",
             "|---|---|---|---|---|---|---|---|"]
    tot = dict.fromkeys(("gold", "auto", "found", "asked", "y", "n", "fc", "kw", "traps"), 0)
    for a, (d, stats) in zip(auto, decided):
        row = dict(gold=d.gold, auto=a.found, found=d.found, asked=stats.asked, y=stats.answers["y"],
                   n=stats.answers["n"], fc=len(d.false_contradictions), kw=len(d.keys_wrong),
                   traps=len(d.trap_failures))
        lines.append(f"| {d.name} | {row['gold']} | {row['auto']} | {row['found']} | {row['asked']} ({row['y']}/"
                     f"{row['n']}) | {row['fc']} | {row['kw']} | {row['traps']} |")
        for k, v in row.items():
            tot[k] += v
        if verbose:
            lines += [f"    {x}" for x in stats.log] + [f"    FAILED {x}" for x in stats.failed]
            lines += [f"    FALSE CONTRADICTION {x}" for x in d.false_contradictions]
            lines += [f"    KEY WRONG {x}" for x in d.keys_wrong]
    lines.append(f"| **total** | {tot['gold']} | {tot['auto']} | {tot['found']} | {tot['asked']} ({tot['y']}/"
                 f"{tot['n']}) | {tot['fc']} | {tot['kw']} | {tot['traps']} |")
    per = f"{tot['asked'] / tot['found']:.2f}" if tot["found"] else "n/a (nothing found)"
    share = tot["found"] / tot["gold"] if tot["gold"] else 0.0
    lines += ["", f"with decisions: found {tot['found']}/{tot['gold']} ({share:.0%}), decisions asked {tot['asked']}, "
              f"decisions per relation found {per} (target: >= 80%, <= 1.5)"]
    return "\n".join(lines)


def summary(scores: list[le.SetScore]) -> str:
    g, f = sum(s.gold for s in scores), sum(s.found for s in scores)
    kr, kw = sum(s.keys_right for s in scores), sum(len(s.keys_wrong) for s in scores)
    return (f"found {f}/{g}, pairs {sum(s.pairs_found for s in scores)}/{sum(s.pairs for s in scores)}, "
            f"false contradictions {sum(len(s.false_contradictions) for s in scores)}, keys right/wrong/unjudged "
            f"{kr}/{kw}/{sum(len(s.keys_unjudged) for s in scores)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", default=["dev"], help="dev, test, or set folders")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--sweep", action="store_true", help="the figures for several SURE_SCORE values (dev only)")
    ap.add_argument("--decisions", action="store_true", help="also with a simulated analyst answering align --review "
                    "from each set's gold (y when the gold relates the claims, n otherwise)")
    args = ap.parse_args(argv)
    from briefcmp.analysis import alignfacts

    for name in args.sets:
        folders = folders_for(name)
        if not folders:
            print(f"{name}: no sets (folders with gold.yaml)", file=sys.stderr)
            return 2
        if args.sweep:
            if name == "test":
                print("--sweep calibrates: run it on dev, never on test", file=sys.stderr)
                return 2
            kept = alignfacts.SURE_SCORE
            for value in SWEEP:
                alignfacts.SURE_SCORE = value
                scores, _ = evaluate(folders)
                print(f"SURE_SCORE {value}: {summary(scores)}")
            alignfacts.SURE_SCORE = kept
            continue
        scores, (hit, total, missed) = evaluate(folders)
        print(le.table(scores, f"facts: {name}", args.verbose))
        print(f"\ngold statements drafted with a value: {hit}/{total}")
        if args.verbose:
            print("\n".join(f"  not drafted: {m}" for m in missed))
        print()
        if args.decisions:
            print(decisions_report(scores, with_decisions(folders), f"facts: {name}", args.verbose))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
