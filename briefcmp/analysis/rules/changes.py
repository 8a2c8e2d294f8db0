"""Rule: the same key in consecutive periods is a change over time (up, down, unchanged)."""

from __future__ import annotations

from briefcmp.analysis.rules.base import (
    INFO, INTERVAL_TYPES, WARNING, Group, Item, KeyView, PeriodCluster, make_relation,
)
from briefcmp.analysis.rules.wording import (
    distance, drafted_statements, inferred_note, join, percent, quoted, relative, tolerance_text, who,
)
from briefcmp.corpus.model import Corpus, Relation


def _change(k: KeyView, a: Group, b: Group) -> tuple[str, bool]:
    """(wording, changed?) for the move from one period's value to the next one's."""
    if k.type not in INTERVAL_TYPES:
        same = a.items[0].label == b.items[0].label
        return ("unchanged", False) if same else ("changed", True)
    if a.lo <= b.hi and b.lo <= a.hi:
        return f"unchanged{tolerance_text(k)}", False
    x, y = a.rep(), b.rep()
    if k.type == "date":
        return f"{'later' if y > x else 'earlier'} by {distance(k, x, y)}", True
    if k.type == "rank":  # a larger rank number is a lower place
        return f"{'down' if y > x else 'up'} {distance(k, x, y)}", True
    if relative(k) and x:
        return f"{'up' if y > x else 'down'} {percent(100 * abs(y - x) / abs(x))}", True
    return f"{'up' if y > x else 'down'} {distance(k, x, y)}", True


def change_over_time(k: KeyView, a: PeriodCluster, b: PeriodCluster, corpus: Corpus,
                     explain: bool = True) -> Relation:
    """The change from period ``a`` to the next one, ``b``; with ``explain`` False, no explanation
    is written (``explanation`` is ""): the rest of the relation is the same."""
    ga, gb = a.groups(k.type), b.groups(k.type)
    claims = a.claims + b.claims
    if len(ga) == 1 and len(gb) == 1:
        change, changed = _change(k, ga[0], gb[0])
    else:
        change, changed = "the figures differ within one period (see the contradiction)", True
    # A change between dates that are only inferred may be no change at all: worth a look.
    careful = changed and any(c.as_of_inferred for c in claims)
    deciding = _inferred_decides(k, a, b) if careful else []
    text = ""
    if explain:
        text = (f"{a.values()} for {a.text()} ({who(a.claims, False)}) -> "
                f"{b.values()} for {b.text()} ({who(b.claims, False)}): {change}" + inferred_note(claims))
        if drafted_statements(k, claims):
            text += f" ({quoted(claims)})"
    if deciding and explain:
        refs = join([i.ref for i in deciding])
        text += (f"; the inferred date decides this: with the other claims' as-of, {refs} would contradict "
                 f"them, so if {'it describes' if len(deciding) == 1 else 'they describe'} the same period, "
                 "this is a contradiction: add as_of")
    rel = make_relation("change-over-time", WARNING if careful else INFO, k, claims, corpus, text)
    rel.inferred_decides = tuple(i.ref for i in deciding)
    return rel


def _agree(x: Item, y: Item, k: KeyView) -> bool:
    if k.type not in INTERVAL_TYPES:
        return x.label == y.label
    return x.wlo <= y.whi and y.wlo <= x.whi


def _inferred_decides(k: KeyView, a: PeriodCluster, b: PeriodCluster) -> list[Item]:
    """Claims with an inferred as-of that disagree with a claim of the other period."""
    return [x for mine, other in ((a, b), (b, a)) for x in mine.items
            if x.claim.as_of_inferred and any(not _agree(x, y, k) for y in other.items)]
