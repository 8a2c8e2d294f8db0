"""Rule: claims of one period whose values differ.

Facts that differ are a contradiction (figures beyond the tolerance, or different
categories); positions and forecasts that differ are a disagreement; differing claims
whose overlapping periods need not be the same moment are a change over time.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefcmp.analysis.rules.base import (
    ERROR, INFO, INTERVAL_TYPES, WARNING, Group, KeyView, PeriodCluster, as_of_text, count_origins, make_relation,
)
from briefcmp.analysis.rules.wording import (
    distance, drafted_statements, for_period, inferred_note, join, statement, tolerance_text,
)
from briefcmp.analysis.evidence import RELEASE_DAYS
from briefcmp.analysis.vintages import EARLY, LATER, said_superseded
from briefcmp.analysis.rules.unsettled import reading
from briefcmp.analysis.undated import floored
from briefcmp.corpus.model import Claim, Corpus, Relation


def _span(c: Claim) -> tuple[int, int]:
    a, b = c.as_of.span()  # type: ignore[union-attr]
    return a.toordinal(), b.toordinal()


def same_moment(sides: list[list[Claim]], floored: frozenset[str] = frozenset()) -> bool:
    """Whether differing claims of one period cluster certainly describe the same time.

    Overlapping as-of spans may still be different moments: "2022-02" (some time in
    February, before the invasion) and "2022-02-24" can both be right. The conflict is
    certain when two sides share a span, when a side has an explicit START/END period
    (the claim holds throughout it) that contains or overlaps a claim of another side,
    or when an as-of was only inferred (then the explanation says so). Cost: one pass,
    plus a containment test against the intervals of a single side.
    """
    briefs = {c.brief for side in sides for c in side}
    if len(briefs) > 1 and any(c.as_of_inferred and c.brief in floored for side in sides for c in side):
        # a brief with no publication date is dated no earlier than what it cites (analysis.undated): a floor
        # says when it was written at the earliest, not that it describes another brief's moment
        return False
    seen: set[str] = set()
    spans: dict[tuple[int, int], set[int]] = defaultdict(set)
    intervals: list[tuple[int, int, int]] = []
    points: list[tuple[int, int, int]] = []
    for i, side in enumerate(sides):
        for c in side:
            if c.ref in seen:
                continue
            seen.add(c.ref)
            if c.as_of is None or c.as_of_inferred:
                return True
            span = _span(c)
            spans[span].add(i)
            (intervals if c.as_of.end is not None else points).append((*span, i))
    if any(len(sides_) > 1 for sides_ in spans.values()):
        return True
    if len({i for _, _, i in intervals}) > 1:
        return True  # spans in one cluster overlap pairwise: both hold at a common time
    return any(a <= x and y <= b for a, b, i in intervals for x, y, j in points if i != j)


def revision(sides: list[list[Claim]], corpus: Corpus) -> str:
    """How two sides are a first estimate and its revision ("" when they are not): one side's every claim said to
    be an estimate since replaced and none of the other's (``vintages.said_superseded``); or every brief of one side
    published more than ``RELEASE_DAYS`` days before every brief of the other (a brief with no date only when its
    claim names its side's vintage itself), and the earlier said to be an
    early estimate (flash, advance, preliminary) or the later said to be revised or detailed. Reports of two
    vintages of one period differ as a change of estimate, never as a contradiction (issue 21)."""
    if len(sides) != 2:
        return ""
    # reports of one release that quote the estimate it replaced ("a shade below the 9.5% first announced in
    # January"): the side whose every claim is said superseded is the earlier estimate, whatever the dates
    old = [all(said_superseded(c.quote or "", c.value.amount if c.value else None) for c in side) for side in sides]
    if old.count(True) == 1:
        early, late = (0, 1) if old[0] else (1, 0)
        if not any(said_superseded(c.quote or "", c.value.amount if c.value else None) for c in sides[late]):
            return (f"; a revision, not a contradiction: {join(sorted({c.brief for c in sides[early]}))} quote"
                    f"{'s' if len({c.brief for c in sides[early]}) == 1 else ''} the estimate since replaced, "
                    f"{join(sorted({c.brief for c in sides[late]}))} the current one")
    spans, undated = [], []
    for side in sides:
        dates = {c.ref: b.published for c in side for b in [corpus.brief(c.brief)] if b is not None and b.published}
        if not dates:
            return ""
        # (a date known to the month only counts from its first day on the later side, its last on the earlier)
        spans.append((min(d.start() for d in dates.values()), max(d.end() for d in dates.values())))
        undated.append([c for c in side if c.ref not in dates])
    early, late = (0, 1) if spans[0][0] <= spans[1][0] else (1, 0)
    gap = (spans[late][0] - spans[early][1]).days
    # an undated report takes a side only by naming its own vintage ("advance estimates put growth at 4.0%")
    if any(not EARLY.search(c.quote or "") for c in undated[early]) or \
            any(not LATER.search(c.quote or "") for c in undated[late]):
        return ""
    # the later report may name the earlier figure's vintage itself ("against an advance reading of 4.3%",
    # "a touch faster than the 4.2% first reported")
    if gap <= RELEASE_DAYS or not (any(EARLY.search(c.quote or "") for c in sides[early])
                                   or any(LATER.search(c.quote or "") or EARLY.search(c.quote or "")
                                          or _FIRST_REPORTED.search(c.quote or "") for c in sides[late])):
        return ""
    return (f"; a revision, not a contradiction: {join(sorted({c.brief for c in sides[early]}))} reported an earlier "
            f"estimate, {join(sorted({c.brief for c in sides[late]}))} the figure published {gap} days later")


_FIRST_REPORTED = re.compile(r"\b(?:first|initially|originally)\s+(?:reported|published|estimated|announced)\b", re.I)


def conflict(k: KeyView, groups: list[Group], period: PeriodCluster, corpus: Corpus, role: str) -> Relation:
    # Open-ended bounds that agree with every group take no side: leave them out.
    everywhere = set.intersection(*({i.ref for i in g.items} for g in groups))
    sides = [sorted((i.claim for i in g.items if i.ref not in everywhere), key=lambda c: c.ref) for g in groups]
    claims = [c for side in sides for c in side]
    briefs = {c.brief for c in claims}
    internal = len(briefs) == 1
    # Name claims rather than briefs when a brief is on more than one side.
    by_ref = internal or sum(len({c.brief for c in side}) for side in sides) > len(briefs)
    certain = not period.dated or same_moment(sides, floored(corpus) if any(c.as_of_inferred for c in claims) else frozenset())
    quotes = drafted_statements(k, claims)
    if not period.dated or len({as_of_text(c) for c in claims}) <= 1:
        text = "; ".join(statement(side, by_ref, quotes) for side in sides) + for_period(period)
    else:  # periods differ: say whose is which
        text = "; ".join(f"{statement(side, by_ref, quotes)} for {join(sorted({as_of_text(c) for c in side}))}"
                         for side in sides)
    if k.type in INTERVAL_TYPES:
        # The widest gap, lowest figure to highest: a median could fall inside the tolerance.
        low = min(i.rep for i in groups[0].core)
        high = max(i.rep for i in groups[-1].core)
        several = len(groups) > 2 or len(groups[0].core) > 1 or len(groups[-1].core) > 1
        text += f": {'up to ' if several else ''}{distance(k, low, high)} apart{tolerance_text(k)}"
    unsettled = reading(sides, corpus) if role == "fact" else None  # (rules/unsettled.py)
    if internal and unsettled is None:
        text += f" (the brief {next(iter(briefs))} contradicts itself)"
    else:
        cited = [c for c in claims if c.cites.strip()]
        if len(cited) == len(claims) and count_origins(cited) == 1:
            text += f"; all cite {cited[0].cites.strip()}, so one of them misreads it"
    if role != "position":
        text += inferred_note(claims)
    if not certain:
        text += ("; the as-of periods overlap but need not be the same moment, so this reads as a change "
                 "over time rather than a contradiction: give the claims the same as_of if they describe "
                 "the same moment")
        return make_relation("change-over-time", WARNING, k, claims, corpus, text, sides)
    if role == "fact":
        if unsettled is not None:
            return make_relation(unsettled[0], INFO if unsettled[0] == "annotation-problem" else WARNING, k, claims,
                                 corpus, text + unsettled[1], sides)
        again = "" if internal else revision(sides, corpus)
        if again:
            return make_relation("change-over-time", WARNING, k, claims, corpus, text + again, sides)
        return make_relation("contradiction", ERROR, k, claims, corpus, text, sides)
    # Positions differ, forecasts differ: disagreements of judgement, not of fact.
    return make_relation("disagreement", WARNING, k, claims, corpus, text, sides)
