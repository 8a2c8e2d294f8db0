"""Where the two period readers disagree: the as-of drafting gave a figure (``drafting.asof``) against the
period align reads for it (``analysis.periods.resolve``), and where a wrong period parts a gold pair.

For each set, the briefs are added as ``lineup_eval`` adds them and align's real path runs in process
(``lineup_pairs._members``). Each figure is counted in one class:

- ``agree``: both readers give one period (or neither gives one);
- ``drafted only`` / ``align only``: one reader gives a period, the other none;
- ``coarser`` / ``finer``: drafting's as-of holds align's, or lies inside it ("2024" against "2024-09");
- ``other``: two periods neither holding the other; ``base``: of these, drafting's is the period of a
  comparison base in the sentence ("climbed 23.1%, from EUR 2.7 billion in 2023").

Then, for each gold pair kept apart whose first difference is its period (``lineup_pairs``), how each side's
period was found (``Member.period_how``).

Usage: python benchmarks/period_readers.py SET_FOLDER ... [-v]
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

import lineup_eval  # noqa: E402
import lineup_pairs  # noqa: E402


def _span(period: str) -> tuple[str, str]:
    """The first and last month of a period as align writes it ("2024" -> 2024-01, 2024-12)."""
    parts = period.split("/")
    first, last = parts[0], parts[-1]
    first = first if len(first) > 4 else first[:4] + "-01"
    last = last if len(last) > 4 else last[:4] + "-12"
    return first[:7], last[:7]


def classify(drafted: str, read: str, base: bool) -> str:
    """The class of one figure's two periods (see the module)."""
    if drafted == read:
        return "agree"
    if not read:
        return "drafted only"
    if not drafted:
        return "align only"
    (d0, d1), (r0, r1) = _span(drafted), _span(read)
    if d0 <= r0 and r1 <= d1:
        return "coarser"
    if r0 <= d0 and d1 <= r1:
        return "finer"
    return "base" if base else "other"


def _drafted(claim) -> str:
    return str(claim.as_of) if claim.as_of is not None and not claim.as_of_inferred else ""


def _base_date(member, drafted: str) -> bool:
    """Whether the sentence's comparison base writes the drafted year (a base read as the period)."""
    from briefcmp.analysis import periodbases

    if not member.period_read or not drafted:
        return False
    sentence = member.period_read[0]
    return any(base and drafted[:4] in sentence[a:b] for a, b, base in periodbases.segments(sentence))


def figures_of(folder: Path, work: Path) -> tuple[Counter, list[str], list[dict]]:
    kept = {}
    real = lineup_pairs._members

    def members(corpus_dir):  # (align once: what pairs_of saw, kept for the figures)
        kept["seen"], result = real(corpus_dir)
        return kept["seen"], result

    lineup_pairs._members = members
    try:
        rows = lineup_pairs.pairs_of(folder, work)
    finally:
        lineup_pairs._members = real
    seen = kept["seen"]
    counts: Counter = Counter()
    lines = []
    for ref, members in seen.items():
        m = members[0]
        drafted = _drafted(m.claim)
        read = m.period_read[-2] if m.period_read else ""
        cls = classify(drafted, read, _base_date(m, drafted))
        counts[cls] += 1
        if cls != "agree":
            quote = (m.claim.quote or "").replace("\n", " ")[:110]
            lines.append(f"{folder.name} {ref} [{cls}] drafted {drafted or '-'} align {read or '-'} "
                         f"kept {m.period or '-'} ({m.period_how or '-'}): {quote}")
    return counts, lines, [r for r in rows if r.get("diff") == "period"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    folders = [f for s in args.sets for f in lineup_eval.folders_for(s)]
    total: Counter = Counter()
    hows: Counter = Counter()
    every, parted = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            counts, lines, period_rows = figures_of(folder, Path(tmp))
            total += counts
            every += lines
            for r in period_rows:
                hows[" / ".join(sorted((r["seen_a"]["how"] or "-", r["seen_b"]["how"] or "-")))] += 1
                parted.append(f"{r['set']} [{r['where']}] {r['detail']}\n    {r['a']}\n    {r['b']}")
    print(f"{sum(total.values())} figures: " + ", ".join(f"{k} {n}" for k, n in total.most_common()))
    print(f"{sum(hows.values())} gold pairs parted by period, by how each side's was found: "
          + ", ".join(f"{k} {n}" for k, n in hows.most_common()))
    if args.verbose:
        print("\n".join(every))
        print("\n".join(parted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
