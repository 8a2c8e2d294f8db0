"""Figures of one brief that answer one question: a series over years, or a brief contradicting itself.

align groups figures that share subjects, unit dimension and measured words; a group of one
brief's figures is keyed only on stronger evidence than a group across briefs, because one
brief restates its own figures (a conversion in parentheses, "or $3.2 trillion depending on the
rate", a summary repeating the body) far more often than it contradicts itself:

- every figure states its period in its own sentence (not one taken from the publication date,
  a draft, or the brief's main period) and names its subject in its clause or sentence (or points
  to the pair named just before: "the two countries");
- two figures of one sentence are one claim and its restatement unless their periods differ
  ("from $2.85 billion in 2000 to $27.33 billion in 2021" is a series; "9.1 trillion yen ($64
  billion)" is one figure, dropped by align as an alternate already);
- two figures of one period with different values (the brief contradicting itself) must be
  measured by the same words, with at least two of them meaningful;
- the rest of the evidence (``analysis.evidence``) must reach the apply threshold, save its rule
  against "one brief gives two values for one period", which the rule above replaces.
"""

from __future__ import annotations

from collections import defaultdict

from briefcmp.analysis import evidence

STATED = ("stated", "relative", "claim")
NAMED = ("claim", "clause", "sentence", "two named before")  # "the two countries": the pair named just before


def _one_sentence(a, b) -> bool:
    """Whether two claims quote one passage (their spans in the source overlap, or one quote)."""
    sa, sb = a.claim.span, b.claim.span
    if sa is not None and sb is not None:
        return sa[0] < sb[1] and sb[0] < sa[1]
    return a.claim.quote == b.claim.quote


def sure(members: list, ev: evidence.Evidence) -> bool:
    """Whether a group of one brief's figures (``align.Member``) is one question to key."""
    if len(members) < 2 or len({m.claim.brief for m in members}) != 1:
        return False
    if any(m.period_how not in STATED or m.subjects_from not in NAMED or m.alternate for m in members):
        return False
    for i, a in enumerate(members):
        if any(a.period == b.period and _one_sentence(a, b) for b in members[i + 1:]):
            return False  # one sentence, one period, two figures: a restatement, not two claims
    by_period: dict[str, list] = defaultdict(list)
    for m in members:
        by_period[m.period].append(m)
    for same in by_period.values():
        values = {round(m.claim.value.base_amount or 0.0, 9) for m in same}
        if len(values) > 1 and (len({m.words for m in same}) > 1 or len(same[0].words) < 2):
            return False  # a brief contradicting itself only when it measures the figures in the same words
    score = 1.0
    for name, w in ev.parts.items():
        if name != "values":
            score *= w
    return score >= evidence.APPLY_THRESHOLD
