"""Figures each the only one of their kind in its brief, in reports of one release: one group.

Split from ``grouping``. Figures no group applied, each the only one of its brief, bucket and stated
period, in reports published within ``evidence.RELEASE_DAYS``, with compatible words (``_compatible``),
are keyed together when the evidence is sure and ``groupcore.split`` finds no doubt beyond naming more.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from briefcmp.analysis import evidence
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.figclusters import _same_figure
from briefcmp.analysis.groupcore import _digits, group_evidence, split
from briefcmp.analysis.keynames import common_topics, label, new_key_id, reason
from briefcmp.analysis.measure import _DIRECTION
from briefcmp.analysis.measuresim import _BASES, _EXPECT, _neutral, _strong, veto
from briefcmp.corpus import units

_INFERRED = ("brief", "release-date", "")  # periods no report's text states (a brief's main one, a release's date)



ALONE = 0.85  # the measure evidence of figures that are each the only one of their brief, bucket and period


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two word sets that may name one measure: nothing forbids it (``veto``), the same direction, base and
    expectation, and one names no measure word the other lacks while the other names one it lacks (GDP in
    one brief and household consumption in another never are); something named on one side at least."""
    na, nb = _neutral(a), _neutral(b)
    return (not veto(a, b) and a & (_BASES | _DIRECTION) == b & (_BASES | _DIRECTION)
            and bool(a & _EXPECT) == bool(b & _EXPECT) and (na <= nb or nb <= na) and _strong(na | nb))


def alone(members: list, unapplied: list[list], eff: dict, entities: Entities, taken: set[str], result,
          group_cls: Callable) -> set[int]:
    """The only figure of its kind: in reports of one release (published within ``evidence.RELEASE_DAYS``),
    when each of two briefs or more gives exactly one figure of a bucket (subjects, unit) for a stated period,
    and none of that bucket without a period, their figures answer one question if their words are
    compatible (``_compatible``), though too unlike to be grouped by similarity ("the population" and
    "South Africans"). Only figures no group applied are taken; returns the ids of those keyed."""
    left = [m for g in unapplied for m in g]
    if len({m.claim.brief for m in left}) < 2:
        return set()
    # a period taken from the brief's main one or the release's date is an inference: as none here
    undated = {m.claim.brief for m in members if m.period_how in _INFERRED}
    per: dict[tuple[str, str], list] = defaultdict(list)  # (period, brief) -> that brief's figures of it
    for m in members:
        if m.period_how not in _INFERRED:
            per[(m.period, m.claim.brief)].append(m)
    free = {id(m) for m in left}
    by_period: dict[str, list] = defaultdict(list)
    for (period, brief), same in per.items():
        one = same[0]
        if brief in undated or any(not _same_figure(one, o) for o in same[1:]) or id(one) not in free:
            continue  # (one figure written twice, a headline over the body, counts once)
        if all(id(o) in free for o in same):
            by_period[period].append(max(same, key=_digits))
    used: set[int] = set()
    for period, ones in sorted(by_period.items()):
        days = [m.published for m in ones]
        if len(ones) < 2 or any(d is None for d in days) or (max(days) - min(days)).days > evidence.RELEASE_DAYS:
            continue
        if not all(_compatible(eff[id(x)], eff[id(y)]) for i, x in enumerate(ones) for y in ones[i + 1:]):
            continue
        g = sorted(ones, key=lambda m: m.claim.ref)
        # an inference overrides no doubt of split's, save an amount naming more ("LNG" beside "shipping ... tons"
        # of it): of a share, more words name another whole ("of those who know their status")
        doubts = split(g, eff, {frozenset((eff[id(x)], eff[id(y)])): 1.0 for x in g for y in g})[1]
        if not group_evidence(g, ALONE).sure() or any(m.unit == "percent" or "names more than" not in why
                                                       for m, why in doubts):
            continue
        key = new_key_id(g, taken)
        taken.add(key)
        result.groups.append(group_cls(key, True, label(g, entities), units.shared_unit([m.unit for m in g]), g,
                                       reason(g, "the only figure of its kind in each brief"), True, g[0].subjects,
                                       common_topics(g), ""))
        used |= {id(m) for m in g}
    return used

