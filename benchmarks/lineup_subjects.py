"""Whose figure align reads for each gold pair of a lineup set, and where the pair ended.

For every pair of claims of a gold relation (as ``lineup_eval`` counts pairs), runs align's real path (init ->
add -> ``align``, batch) and prints the two figures' subjects, where each subject came from
(``Member.subjects_from``) and where the pair ended: ``applied`` (one sure group), ``candidate`` (one
candidate group) or ``apart``. Pairs that end apart are sorted into classes of how their subjects differ,
pairs left in a candidate by the candidate's doubt; the totals per class close the output.

Usage: python benchmarks/lineup_subjects.py FOLDER... [-q] (``-q``: the class totals only)
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval  # noqa: E402


def _capture(run):
    """align's members (every figure it described) and its result on the corpus at ``run``."""
    from briefcmp.analysis import align as al
    from briefcmp.corpus.cache import load_corpus

    seen: list = []
    original = al.grouping.new_keys

    def spy(every, *rest, **kw):
        seen.extend(every)
        return original(every, *rest, **kw)

    al.grouping.new_keys = spy
    try:
        corpus = load_corpus([run], cache=False).corpus
        result = al.align(corpus)
    finally:
        al.grouping.new_keys = original
    return seen, result


def classify(a, b) -> str:
    """How two figures' subjects differ (for pairs that end apart)."""
    sa, sb = set(a.subjects), set(b.subjects)
    if sa == sb:
        return "same subjects"
    if not sa or not sb:
        other = a if sa else b
        return f"one none, other from {other.subjects_from or '?'}"
    if any(x.startswith("(") for x in sa | sb):
        return "a bracketed (unsure/region) subject"
    if sa & sb:
        return "overlap (one names more)"
    return f"different: {a.subjects_from or '?'} vs {b.subjects_from or '?'}" if a.subjects_from <= b.subjects_from \
        else f"different: {b.subjects_from or '?'} vs {a.subjects_from or '?'}"


def _doubt_class(doubt: str) -> str:
    """A candidate's doubt without the claims it names ("no stated period for ...")."""
    first = re.split(r"[;:(]", doubt, maxsplit=1)[0]
    return re.sub(r"\S+#\S+|\d[\d.]*", "_", first).strip()


def pairs_of(folder: Path, quiet: bool, classes: Counter, ends: Counter) -> None:
    from yaml import safe_load

    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    with tempfile.TemporaryDirectory() as tmp:
        run = lineup_eval.run_set(folder, Path(tmp), align=False)
        members, result = _capture(Path(tmp) / folder.name)
    by_ref: dict[str, list] = {}
    for m in members:
        by_ref.setdefault(f"{m.claim.brief}:{m.claim.id}", []).append(m)
    where: dict[int, tuple[str, str]] = {}
    doubts: dict[str, str] = {}
    for kind, groups in (("applied", result.groups), ("candidate", result.candidates)):
        for g in groups:
            doubts.setdefault(g.key, g.doubt)
            for m in g.members:
                where.setdefault(id(m.claim), (kind, g.key))
                where.setdefault(id(m), (kind, g.key))

    def matching(item):
        return [lineup_eval._ref(c) for c in run.claims
                if lineup_eval.claim_matches(c, item["source"], item["quote"], run.sources)]

    def place(m):
        return where.get(id(m)) or where.get(id(m.claim)) or ("", "")

    for g in gold.get("relations") or []:
        quotes = [matching(q) for q in g.get("claims") or []]
        for i in range(len(quotes)):
            for j in range(i + 1, len(quotes)):
                ma = [m for r in quotes[i] for m in by_ref.get(r, [])]
                mb = [m for r in quotes[j] for m in by_ref.get(r, [])]
                if not ma or not mb:
                    ends["not drafted"] += 1
                    continue
                best = None
                for a in ma:
                    for b in mb:
                        pa, pb = place(a), place(b)
                        end = pa[0] if pa[0] and pa == pb else "apart"
                        rank = {"applied": 0, "candidate": 1, "apart": 2}[end]
                        if best is None or rank < best[0]:
                            best = (rank, end, a, b)
                _, end, a, b = best
                ends[end] += 1
                cls = classify(a, b) if end == "apart" else \
                    f"doubt: {_doubt_class(doubts.get(place(a)[1], ''))}" if end == "candidate" else ""
                if cls:
                    classes[cls] += 1
                if not quiet:
                    print(f"{folder.name}\t{g['kind']}\t{end}\t{cls}\n"
                          f"   A {a.claim.brief}:{a.claim.id} {a.subjects} [{a.subjects_from}] "
                          f"{sorted(a.words)} {a.period} | {a.claim.quote[:150]!r}\n"
                          f"   B {b.claim.brief}:{b.claim.id} {b.subjects} [{b.subjects_from}] "
                          f"{sorted(b.words)} {b.period} | {b.claim.quote[:150]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-q", action="store_true", help="the class totals only")
    a = ap.parse_args(argv)
    classes: Counter = Counter()
    ends: Counter = Counter()
    for folder in a.folders:
        pairs_of(folder, a.q, classes, ends)
    print("ends:", dict(ends))
    for cls, n in classes.most_common():
        print(f"{n:5d}  {cls}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
