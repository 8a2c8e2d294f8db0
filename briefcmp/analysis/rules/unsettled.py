"""Differing figures of one period that are not a contradiction of fact, read from structure alone.

- **One sentence on two sides**: two figures of one brief's sentence under one key and one period ("profit
  of 1.61 billion, down from 1.92 billion a year earlier") are a figure and the base it is compared with, one of
  them dated wrong; a sentence does not contradict itself.
- **A period not over when the brief was published**: a figure for 2025 in a brief of March 2025 is an
  expectation (a forecast, a target, an early estimate), whatever the drafted kind says; expectations that
  differ are a disagreement, not a contradiction.
"""

from __future__ import annotations

from briefcmp.corpus.model import Claim, Corpus


def one_sentence(sides: list[list[Claim]]) -> tuple[Claim, Claim] | None:
    """Two claims of one brief with one quote on different sides, or None."""
    seen: dict[tuple[str, str], tuple[int, Claim]] = {}
    for i, side in enumerate(sides):
        for c in side:
            quote = " ".join((c.quote or "").split())
            if not quote:
                continue
            j, other = seen.setdefault((c.brief, quote), (i, c))
            if j != i:
                return other, c
    return None


def unfinished(claims: list[Claim], corpus: Corpus) -> list[str]:
    """The briefs (sorted) that give a figure for a period that had not ended when they were published (an
    as-of inferred from the publication date is not one: it ends that day)."""
    out = set()
    for c in claims:
        if c.as_of is None or c.as_of_inferred:
            continue
        brief = corpus.brief(c.brief)
        if brief is None or brief.published is None:
            continue
        if c.as_of.span()[1] > brief.published.end():
            out.add(c.brief)
    return sorted(out)
