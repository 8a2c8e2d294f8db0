"""Measure `briefcmp annotate` against the reviewed annotations of a corpus.

    python benchmarks/annotate_eval.py [briefs/] [--misses]

For every claims file of the corpus, the brief's source is drafted exactly as
`briefcmp annotate SOURCE` would draft it, and the drafted figures are matched
one to one with the reviewed ones:

- a *reviewed figure* is a reviewed claim (not ``status: draft``) with a
  quantity, rank or date value (categories and stances are not figures);
- a drafted figure *matches* a reviewed one when both have the same normalised
  value (``Value.base_amount`` and unit, durations compared in days; the rank;
  the date) and the drafted figure lies inside the reviewed claim's quote (or,
  failing that, the drafted quote overlaps it);
- recall = matched / reviewed figures; precision = matched / drafted figures.

Bounds, as-of dates and topics are not scored; key suggestions are counted on
the matched figures. ``--misses`` lists the reviewed figures the draft missed
and the drafted figures no reviewed claim has.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefcmp.drafting.annotate import AnnotateSettings, run_annotate
from briefcmp.drafting.draft import DraftClaim, same_value
from briefcmp.corpus.load import load_corpus
from briefcmp.corpus.model import Claim

sys.path.insert(0, str(Path(__file__).resolve().parent))
from drafting_eval import Rates, print_misses, table as scores_table  # noqa: E402  (the sibling benchmark, not a package)

FIGURE_TYPES = ("quantity", "rank", "date")


@dataclass
class BriefScore(Rates):
    brief: str
    reviewed: int
    drafted: int
    matched: int
    missed: list[Claim] = field(default_factory=list)
    extra: list[DraftClaim] = field(default_factory=list)
    keyed: int = 0  # matched figures whose reviewed claim has a key
    key_same: int = 0  # ... for which the draft suggested that key
    key_wrong: int = 0  # matched figures given a key the reviewed claim does not have
    kind_same: int = 0  # matched figures drafted with the reviewed kind (fact, forecast...)

    @property
    def expected(self) -> int:
        return self.reviewed


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(reviewed: list[Claim], drafted: list[DraftClaim]) -> tuple[list[tuple[Claim, DraftClaim]], list[Claim],
                                                                      list[DraftClaim]]:
    """One-to-one matching: figure inside the reviewed quote first, then overlapping quotes."""
    free_r = list(reviewed)
    free_d = list(drafted)
    pairs = []
    for near in (lambda d, r: _overlap(d.figure_span or d.span, r.span), lambda d, r: _overlap(d.span, r.span)):
        for r in list(free_r):
            for d in free_d:
                if same_value(r.value, d.value) and near(d, r):
                    free_r.remove(r)
                    free_d.remove(d)
                    pairs.append((r, d))
                    break
    return pairs, free_r, free_d


def evaluate(corpus_dir: Path) -> list[BriefScore]:
    result = load_corpus([corpus_dir])
    scores = []
    for brief in result.corpus.briefs:
        if not brief.source_path:
            continue
        reviewed = [c for c in brief.claims if c.status != "draft" and c.value is not None
                    and c.value.type in FIGURE_TYPES and c.span is not None]
        draft = run_annotate(AnnotateSettings(source=Path(brief.source_path))).draft
        # "7.95 trillion yen ($56 billion)" is one drafted claim with an alternate; the reviewed corpus
        # writes the conversion as a claim of its own: each expression is matched as a figure
        drafted = [dataclasses.replace(c, value=e, figure_span=c.figure_span if i == 0 else None)
                   for c in draft.claims if c.value is not None for i, e in enumerate(c.value.expressions())]
        pairs, missed, extra = match(reviewed, drafted)
        score = BriefScore(brief.id, len(reviewed), len(drafted), len(pairs), missed, extra)
        score.keyed = sum(1 for r, _ in pairs if r.key)
        score.key_same = sum(1 for r, d in pairs if r.key and d.key == r.key)
        score.key_wrong = sum(1 for r, d in pairs if d.key and d.key != r.key)
        score.kind_same = sum(1 for r, d in pairs if r.kind == d.kind)
        scores.append(score)
    return scores


def table(scores: list[BriefScore]) -> str:
    """Per brief and overall (the same table as the drafting benchmark's)."""
    return scores_table(scores)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="briefs", type=Path)
    parser.add_argument("--misses", action="store_true", help="list missed and extra figures")
    args = parser.parse_args(argv)
    scores = evaluate(args.corpus)
    if not scores:
        print(f"{args.corpus}: no claims files with a readable source", file=sys.stderr)
        return 2
    sys.stdout.write(table(scores))
    keyed, same, wrong = (sum(getattr(s, a) for s in scores) for a in ("keyed", "key_same", "key_wrong"))
    print(f"\nkeys: {same} of {keyed} matched figures with a reviewed key got that key suggested; "
          f"{wrong} got a different key")
    print(f"kinds: {sum(s.kind_same for s in scores)} of {sum(s.matched for s in scores)} matched figures got the "
          "reviewed kind (fact, forecast...)")
    if args.misses:
        for s in scores:
            print_misses(s.brief, [(f"{s.brief}#{c.id}", c.value.display(), c.quote[:110]) for c in s.missed], s.extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
