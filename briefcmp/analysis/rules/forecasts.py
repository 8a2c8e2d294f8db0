"""Rule: a forecast is set against the latest facts about the period it forecasts."""

from __future__ import annotations

from briefcmp.analysis.rules.base import (
    INFO, INTERVAL_TYPES, WARNING, Group, Item, KeyView, PeriodCluster, make_relation,
)
from briefcmp.analysis.rules.wording import distance, join, tolerance_text
from briefcmp.corpus.model import Claim, Corpus, Relation


def forecast_targets(forecast: Claim, facts: PeriodCluster) -> bool:
    """Whether a fact period is what the forecast is about (or later, when its target is unknown)."""
    if not facts.dated or forecast.as_of is None:
        return False
    a, b = (d.toordinal() for d in forecast.as_of.span())
    if forecast.as_of_inferred:  # target unknown: any period after publication
        return facts.start > b
    return a <= facts.end and facts.start <= b


def forecast_vs_fact(k: KeyView, f: Item, facts: PeriodCluster, corpus: Corpus) -> Relation:
    target = "" if f.claim.as_of_inferred else f" for {f.claim.as_of}"
    groups = facts.groups(k.type)
    reporters = list(dict.fromkeys(c.brief for c in facts.claims))
    lead = (f"{f.claim.brief} forecast {f.claim.value.display()}{target}; "  # type: ignore[union-attr]
            f"{join(reporters)} report{'s' * (len(reporters) == 1)} {facts.values()} for {facts.text()}")
    held = any(_agrees(f, g, k) for g in groups)
    if held:
        verdict = "the forecast held" + tolerance_text(k)
    elif k.type in INTERVAL_TYPES:
        nearest = min(groups, key=lambda g: abs(g.rep() - f.rep))
        verdict = f"the forecast missed by {distance(k, f.rep, nearest.rep())}"
    else:
        verdict = "the forecast did not hold"
    text = f"{lead}: {verdict}"
    if len(groups) > 1:
        text += " (the reported facts differ among themselves)"
    return make_relation("forecast-vs-fact", INFO if held else WARNING, k, [f.claim, *facts.claims], corpus, text)


def _agrees(item: Item, group: Group, k: KeyView) -> bool:
    if k.type in INTERVAL_TYPES:
        return item.wlo <= group.hi and group.lo <= item.whi
    return item.label == group.items[0].label
