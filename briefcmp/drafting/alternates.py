"""One figure written in several expressions is one claim with alternates.

- A **conversion in parentheses**: "9.1 trillion yen ($64 billion)", "56.23 U.S. cents (US$0.5623)",
  "68 billion cubic metres (2.4 trillion cubic feet)": the same amount in another currency or unit.
- A **conversion after "or"**: "591.48 trillion yen, or $4.21 trillion,".
- An **alternative**: "$3.1 trillion, or $3.2 trillion, depending on the exchange rate": either may hold.

The second figure becomes an alternate of the first (``Value.alternates``); `compare` reads the claim
in the expression that matches the other claims of its key (``analysis.rules.screening``). Which
spans are conversions and alternatives is ``analysis.clauses``'s to say (align reads them the same way).
"""

from __future__ import annotations

import dataclasses
import re

from briefcmp.analysis import clauses
from briefcmp.corpus import units
from briefcmp.drafting.figures import Figure

_QUANTITY_KINDS = ("money", "count", "percent", "points", "duration")


def merge_alternates(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` (in text order) with each conversion or alternative folded into the figure it restates."""
    out: list[Figure] = []
    for f in figures:
        prev = out[-1] if out else None
        if prev is not None and prev.sentence == f.sentence and _restates(text, prev, f):
            v = prev.value
            alt = (f.value.amount, f.value.upper, f.value.scale, f.value.unit, f.value.bound)
            if (v.base_amount, v.base_upper, v.unit) != (f.value.base_amount, f.value.base_upper, f.value.unit):
                out[-1] = dataclasses.replace(prev, value=dataclasses.replace(v, alternates=(*v.alternates, alt)))
            continue  # (the same amount written twice, "56.23 U.S. cents (US$0.5623)", is one figure)
        out.append(f)
    return out


def _restates(text: str, first: Figure, second: Figure) -> bool:
    """Whether ``second`` is another expression of ``first``: a conversion or an alternative of it."""
    a, b = first.value, second.value
    if a.type != "quantity" or b.type != "quantity" or first.kind not in _QUANTITY_KINDS \
            or second.kind not in _QUANTITY_KINDS or a.amount is None or b.amount is None:
        return False
    s0 = first.sentence[0]
    sentence = text[s0:first.sentence[1]]
    at = (second.start - s0, second.end - s0)
    gap = text[first.end:second.start]
    if "\n" in gap or len(gap) > 40:
        return False
    unit_a, unit_b = units.canonical_unit(a.unit), units.canonical_unit(b.unit)
    other_unit = unit_a != unit_b and _same_dimension(first.kind, unit_a, second.kind, unit_b)
    if clauses.alternative(sentence, at) is not None and re.fullmatch(r"\s*,?\s+or\s+(?:about\s+|around\s+|"
                                                                       r"roughly\s+)?", gap, re.I):
        return unit_a == unit_b or other_unit  # "$3.1 trillion, or $3.2 trillion, depending on ..."
    # "56.23 U.S. cents (US$0.5623)": the same amount written another way is a restatement too
    same_amount = unit_a == unit_b and abs((a.base_amount or 0) - (b.base_amount or 0)) <= \
        1e-9 * max(abs(a.base_amount or 0), abs(b.base_amount or 0), 1e-12) and first.kind == second.kind
    if not other_unit and not same_amount:
        return False  # "$5 billion ($4.8 billion a year earlier)": another figure, not a conversion
    inside = next(((p, q) for p, q in clauses.conversions(sentence) if p <= at[0] < q), None)
    if inside is not None and not text[first.end:s0 + inside[0]].strip() \
            and not text[second.end:s0 + inside[1]].strip(" )"):
        # "9.1 trillion yen ($64 billion)" (not "NT$12.54 (US$1.94 per ADR unit)": another measure)
        return True
    if not other_unit:
        return False
    return clauses.or_conversion(sentence, at) is not None and re.fullmatch(r"\s*,?\s+or\s+(?:about\s+|around\s+|"
                                                                          r"roughly\s+)?", gap, re.I) is not None


def _same_dimension(kind_a: str, unit_a: str, kind_b: str, unit_b: str) -> bool:
    """Two currencies, or two units of one physical dimension (never a count and a currency)."""
    if kind_a == "money" or kind_b == "money":
        return kind_a == kind_b == "money" and bool(unit_a) and bool(unit_b)
    if not units.is_physical(unit_a) or not units.is_physical(unit_b):
        return False
    return units.comparable(unit_a, 0.0)[0] == units.comparable(unit_b, 0.0)[0]
