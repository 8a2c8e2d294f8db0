"""What the simulated analyst of ``lineup_eval.py --decisions`` is asked, and why its answers buy so few relations.

Runs each set as ``--decisions`` does (``align --apply``, then the analyst of ``fromscratch_review`` answering
every ``align --review`` prompt from the gold, y/n/s) and sorts every question:

- **where it came from**: a review group (``reviewgroups``: "asked as one measure"), a part of one a person
  split or reduced ("split by a person", "a person said ..."), or align's own candidate (the rest);
- **why it was answered no**: no member in any gold relation; one member only; members in gold but in
  different relations (other measures); a join whose new claims are another measure than the key's; a join
  to a key whose own claims share no gold relation; a trap; and whether every claim of it was answered no
  before (asked again under another group);
- **the pair linker's best score** over the group's pairs of two briefs (``figlink``, recorded as ``align``
  scores its pairs; "none" when it scored none of them): how well it predicts the answer.

Prints one table per family of counts (never a set's questions, unless ``-v``; never ``-v`` on the check half).

Usage: python benchmarks/lineup_questions.py [--halves old,s16,s17] [-v] [SET_FOLDER ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

BUCKETS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.01)


def origin(doubt: str) -> str:
    if doubt.startswith("asked as one measure"):
        return "review group"
    if "split by a person" in doubt or "a person said" in doubt or "a person just gave" in doubt:
        return "after a decision"
    return "align's candidate"


def why_no(keys: list[set], keyed: list[set], trap: bool) -> str:
    """Why the analyst answered n (or s) to a group whose members have the gold keys ``keys`` (``keyed``: those
    of the claims under the key it was asked to join)."""
    if trap:
        return "a trap"
    if keyed:
        base = set.intersection(*keyed)
        if not base:
            return "join: the key's own claims share no gold relation"
        return "join: the new claims another measure" if not any(k & base for k in keys) else "join: in part"
    if not any(keys):
        return "no member in gold"
    if sum(1 for k in keys if k) == 1:
        return "one member in gold"
    shared = Counter(k for ks in keys for k in ks)
    return "in part (a split)" if shared.most_common(1)[0][1] >= 2 else "members in gold, other relations"


def bucket(p) -> str:
    return "none" if p is None else next(f"<{t}" for t in BUCKETS if p < t)


def watch(records: list):
    """Patch the analyst's oracle and the pair linker to record each question (what ``run`` reads)."""
    import fromscratch_review as FR
    from briefcmp.analysis import figlinkplace

    links: dict = {}
    described = figlinkplace.figlink.described

    def scored(members, ctx):
        out = described(members, ctx)
        model = figlinkplace.figlink.model()
        for i, j, x in out:
            links[frozenset((members[i].claim.ref, members[j].claim.ref))] = model.probability(x)
        return out

    figlinkplace.figlink.described = scored
    answer = FR.Oracle.answer

    def recorded(self, group, keyed):
        ans, keep = answer(self, group, keyed)
        members = [m.claim for m in group.members]
        refs, under = [c.ref for c in members], [c.ref for c in keyed]
        ps = [links[p] for i, a in enumerate(refs) for b in [*refs[i + 1:], *under]
              if a.split("#")[0] != b.split("#")[0] and (p := frozenset((a, b))) in links]
        records.append({"ans": ans, "new": group.new, "refs": refs, "key": group.key, "doubt": group.doubt,
                        "keys": [self.keys(c) for c in members], "keyed": [self.keys(c) for c in keyed],
                        "trap": self.apart([*keyed, *members]), "best": max(ps) if ps else None})
        return ans, keep

    FR.Oracle.answer = recorded


def run(folders: list[Path]) -> list[tuple[str, list[dict]]]:
    import fromscratch_review as FR
    from lineup_eval import run_set

    records: list[dict] = []
    watch(records)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            records.clear()
            run_set(folder, Path(tmp), analyst=FR.make_analyst(FR.Analyst(split=True), lambda c, f=folder: FR.Gold(f, c)))
            out.append((folder.name, list(records)))
    return out


def tables(sets: list[tuple[str, list[dict]]], verbose: bool = False) -> str:
    why: Counter = Counter()
    by_origin: dict = defaultdict(Counter)
    by_link: dict = defaultdict(Counter)
    lines = []
    for name, questions in sets:
        said_no: set[str] = set()
        for q in questions:
            kind = (origin(q["doubt"]), "new key" if q["new"] else "join a key")
            by_origin[kind][q["ans"]] += 1
            by_link[(kind[0], bucket(q["best"]))][q["ans"]] += 1
            if q["ans"] != "y":
                again = " (every claim answered no before)" if set(q["refs"]) <= said_no else ""
                why[why_no(q["keys"], q["keyed"], q["trap"]) + again] += 1
            if q["ans"] == "n":
                said_no |= set(q["refs"])
            if verbose:
                lines.append(f"{name}: {q['ans']} {q['key']} ({kind[0]}, linker {q['best']}): {', '.join(q['refs'])}")
    asked = sum(len(q) for _, q in sets)
    out = [*lines, f"{len(sets)} sets, {asked} questions", "", "| answered no (or split) because | questions |",
           "|---|---|", *(f"| {k} | {v} |" for k, v in why.most_common()), "",
           "| asked as | y | n | s |", "|---|---|---|---|",
           *(f"| {a}, {b} | {c['y']} | {c['n']} | {c['s']} |" for (a, b), c in sorted(by_origin.items())), "",
           "| asked as, linker's best pair | y | n | s |", "|---|---|---|---|",
           *(f"| {a}, {b} | {c['y']} | {c['n']} | {c['s']} |" for (a, b), c in sorted(by_link.items()))]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from halves_eval import halves

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", help="set folders (else --halves of benchmarks/lineup/dev)")
    ap.add_argument("--halves", default="", help="old,s2,... (the dev halves, as halves_eval.py names them)")
    ap.add_argument("-v", "--verbose", action="store_true", help="every question (never on the check half)")
    args = ap.parse_args(argv)
    folders = [Path(s) for s in args.sets]
    if args.halves:
        hs = halves(ROOT.parent, "lineup", False)
        folders += [f for h in args.halves.split(",") for f in hs.get(h, [])]
    if not folders:
        ap.error("no sets: give set folders or --halves")
    print(tables(run(folders), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
