"""All relations among the claims that share one key: screen, split by role and period, apply the rules.

1. *Screening* (``rules.screening``): claims that do not fit the key are annotation problems.
2. *Roles*: facts are compared with facts; recommendations and assessments (positions)
   with each other, whatever their dates; forecasts with forecasts, and with the facts
   for the period they forecast (``rules.forecasts``).
3. *Periods*: facts are clustered by as-of period; figures of different periods are a
   change over time (``rules.changes``), never a contradiction. Date-typed values (the
   date of an event) are compared whatever their as-of.
4. *Values*: within a period, agreeing claims form groups (``rules.agreement``); more
   than one group is a conflict (``rules.conflicts``).
"""

from __future__ import annotations

import dataclasses
from typing import Container, Optional

from briefcmp.analysis.rules.agreement import agreement
from briefcmp.analysis.rules.base import (
    INFO, POSITION_KINDS, KeyView, PeriodCluster, dimension, make_item, make_relation, period_clusters,
)
from briefcmp.analysis.rules.changes import change_over_time
from briefcmp.analysis.rules.conflicts import conflict
from briefcmp.analysis.rules.forecasts import forecast_targets, forecast_vs_fact
from briefcmp.analysis.rules.screening import pick_expressions, screen
from briefcmp.analysis.signs import signed
from briefcmp.analysis.topics import topic_order
from briefcmp.corpus.model import Claim, Corpus, Relation


def relations_for_key(key: str, claims: list[Claim], corpus: Corpus,
                      order: Optional[dict[str, int]] = None, kinds: Optional[Container[str]] = None,
                      unexplained: Container[str] = ()) -> list[Relation]:
    """All relations among the claims that share ``key`` (``order``: ``topic_order``, if known).

    ``kinds``: when given, agreements, changes over time and forecasts set against facts are
    made only if their kind is in it (the others cost little and are always made); every
    relation that is made is the same either way. ``unexplained``: kinds made without their
    explanation where that saves work, which is changes over time (the most numerous
    relations; `check` reads only their ``inferred_decides``).
    """
    def wanted(kind: str) -> bool:
        return kinds is None or kind in kinds

    k = KeyView.of(key, corpus.config.keys.get(key), claims)
    k.order = order if order is not None else topic_order(corpus.config)
    claims = sorted(claims, key=lambda c: c.ref)
    out: list[Relation] = []
    bridged: dict[str, list[Claim]] = {}
    usable = screen(k, claims, corpus, out, bridged)
    out.extend(_compare(k, usable, corpus, wanted, unexplained))
    for dim in sorted(bridged):
        # "591.48 trillion yen, or $4.21 trillion" under a key of figures in yen and in dollars: the
        # figures in dollars are compared among themselves too, the converted one among them
        other = dataclasses.replace(k, dim=dim)
        written = [c for c in claims if c.value is not None and c.value.alternates
                   and any(dimension(v) == dim for v in c.value.expressions())]
        out.extend(_compare(other, pick_expressions(other, sorted([*bridged[dim], *written], key=lambda c: c.ref)),
                            corpus, wanted, unexplained))
    return out


def _compare(k: KeyView, usable: list[Claim], corpus: Corpus, wanted, unexplained: Container[str]) -> list[Relation]:
    """The relations among the usable claims of one key (and one dimension)."""
    out: list[Relation] = []
    usable = signed(usable)  # "fell 1.1%" beside "-1.1%": one figure (analysis/signs.py)
    facts = [c for c in usable if c.kind == "fact"]
    positions = [c for c in usable if c.kind in POSITION_KINDS]
    forecasts = [c for c in usable if c.kind == "forecast"]

    fact_periods = _join_undated(k, _join_unchanged(k, period_clusters(k, facts)))
    if len(fact_periods) > 1 and not fact_periods[-1].dated:
        # Facts with no date at all (their brief has no publication date) cannot be placed
        # among the dated ones: say so rather than leave them out silently.
        for c in fact_periods[-1].claims:
            out.append(make_relation("annotation-problem", INFO, k, [c], corpus,
                                 f"{c.ref} has no as-of date (and its brief no publication date), so it is "
                                 f"compared with no dated claim under key {k.id}: add as_of"))
    agreements = wanted("agreement")
    for cluster in fact_periods:
        out.extend(compare_cluster(k, cluster, corpus, role="fact", agreements=agreements))
    for a, b in zip(fact_periods, fact_periods[1:]) if wanted("change-over-time") else ():
        if a.dated and b.dated:
            out.append(change_over_time(k, a, b, corpus, explain="change-over-time" not in unexplained))
    if positions:
        out.extend(compare_cluster(k, PeriodCluster([make_item(k, c) for c in positions], dated=False), corpus,
                                   role="position", agreements=agreements))
    if forecasts:
        for cluster in period_clusters(k, forecasts, forecast=True):
            out.extend(compare_cluster(k, cluster, corpus, role="forecast", agreements=agreements))
        for f in forecasts if wanted("forecast-vs-fact") else ():
            # The latest facts about the forecast's period tell whether it held.
            targets = [cluster for cluster in fact_periods if forecast_targets(f, cluster)]
            if targets:
                out.append(forecast_vs_fact(k, make_item(k, f), targets[-1], corpus))
    return out


def _join_unchanged(k: KeyView, periods: list[PeriodCluster]) -> list[PeriodCluster]:
    """Consecutive periods of a category or stance key whose claims all give one value and whose dates
    are inferred from publication dates (the later one's at least): one period. Briefs published days
    apart that say the same thing agree; "unchanged" between two guessed dates would say less. (A differing value stays a
    change over time, with its caveat about inferred dates.)"""
    if k.type not in ("category", "stance") or len(periods) < 2:
        return periods
    out: list[PeriodCluster] = []
    for p in periods:
        prev = out[-1] if out else None
        # a later report dated only by its publication that gives the value a dated act had ("suspended the treaty
        # on 23 April", then "has suspended the treaty") says that act again: no change
        if prev is not None and p.dated and prev.dated and _inferred_one_label(p) \
                and len({i.label for i in prev.items}) == 1 and prev.items[0].label == p.items[0].label:
            out[-1] = PeriodCluster(prev.items + p.items, True, prev.start, max(prev.end, p.end))
        else:
            out.append(p)
    return out


def _join_undated(k: KeyView, periods: list[PeriodCluster]) -> list[PeriodCluster]:
    """Statements with no date at all (their brief has no publication date) that give the one value every dated
    statement of a category or stance key gives join the last dated period: whatever their date, they agree ("the
    treaty was suspended", in a release with no date, beside two reports of the suspension). Another value is left
    undated: a change and a contradiction cannot be told apart without the date."""
    if k.type not in ("category", "stance") or len(periods) < 2 or periods[-1].dated:
        return periods
    if len({i.label for p in periods for i in p.items}) != 1:
        return periods
    last = periods[-2]
    return [*periods[:-2], PeriodCluster(last.items + periods[-1].items, True, last.start, last.end)]


def _inferred_one_label(p: PeriodCluster) -> bool:
    return all(i.claim.as_of_inferred for i in p.items) and len({i.label for i in p.items}) == 1


def compare_cluster(k: KeyView, period: PeriodCluster, corpus: Corpus, role: str,
                    agreements: bool = True) -> list[Relation]:
    """Agreements (unless ``agreements`` is False) and conflicts among claims of one role and one period."""
    groups = period.groups(k.type)
    out = []
    for g in groups if agreements else ():
        if len({c.brief for c in g.claims}) > 1:
            out.append(agreement(k, g, period, corpus, role))
    if len(groups) > 1:
        out.append(conflict(k, groups, period, corpus, role))
    return out
