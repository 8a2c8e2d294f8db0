"""Rule: claims of one role and period whose values agree (counting independent origins)."""

from __future__ import annotations

from briefcmp.analysis.rules.base import (
    INFO, Group, KeyView, PeriodCluster, count_origins, join_shown, make_relation, own_agencies,
)
from briefcmp.analysis.rules.wording import (
    agreement_reason, drafted_statements, for_period, inferred_note, origins_text, quoted, who,
)
from briefcmp.corpus.model import Corpus, Relation


def agreement(k: KeyView, g: Group, period: PeriodCluster, corpus: Corpus, role: str) -> Relation:
    claims = g.claims
    what = {"fact": "agree", "position": "take the same position", "forecast": "forecast alike"}[role]
    own = own_agencies(corpus)
    shown = [c.value.display() for c in claims if c.value is not None]
    several = len(set(shown)) > 1
    text = (f"{who(claims, False)} {what}: {join_shown(shown)}{for_period(period)}"
            f"{agreement_reason(k, claims) if several else ''}; {origins_text(claims, own)}")
    if drafted_statements(k, claims):
        text += f" ({quoted(claims)})"
    if count_origins(claims, own) == 1:
        text += ", so this is one source repeated, not independent confirmation"
    # Positions are compared whatever their dates, so an inferred date needs no caveat there.
    note = inferred_note(claims) if role != "position" else ""
    return make_relation("agreement", INFO, k, claims, corpus, text + note)
