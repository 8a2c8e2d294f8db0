"""Numbers written with no unit whose unit the text wrote once, beside them: the bracketed figure after a
figure ("net orders reached 826 (2023: 1,952)", "inflation 2.4% (prev. 2.6)", "sales 4.1 bn (cons. 4.0)").

Terse copy gives a figure and then, in brackets, the same measure for another period or in another's
estimate, behind a short label (a year, a month, "prev.", "cons.", "est."), and writes the unit once,
on the first. The number in brackets is that figure's measure: its unit and scale. Not a change
("(+12)", "(up 0.3)": a move, in points when the figure is a percent), not an alternative ("(or 5%)"),
and not a number of another order than the figure (``_NEAR``).
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus import units as unit_table
from briefcmp.corpus.model import Value
from briefcmp.drafting.barecounts import place_word
from briefcmp.drafting.dates import MONTHS
from briefcmp.drafting.numbers import WORD_NUMBERS
from briefcmp.drafting.qualifiers import REFERENCE_WORDS, with_bound
from briefcmp.drafting.unitwords import STOP, plural_noun

# a period in a label: "2023", "Q3", "H1", "FY23", "Oct 2024"
_PERIOD = re.compile(r"\b(?:(?:19|20)\d\d|Q[1-4]|H[12]|FY\s?\d{2,4})\b")
# "(2023: ", "(prev. ", "(cons. ", "(Oct ", "(a year earlier: ": an opening bracket and a short label
_LABEL = re.compile(r"(?:\s+(?:in|for|during)\s+(?:the\s+)?(?:[A-Za-z]+\s+){0,2}" + _PERIOD.pattern + r")?\s?\((?P<label>(?:[A-Za-z][A-Za-z.'-]*\.?\s*|" + _PERIOD.pattern + r"\s*){0,4})[:=]?\s*$")
_NOT_BASE = re.compile(r"\b(?:up|down|or|change|chg|rise|fall|gain|loss|plus|minus|rank|no|page|p|see)\b", re.I)
_NEAR = 20.0  # a measure's other period or estimate is within this factor of it


def bracketed_base(text: str, a: int, b: int, amount: float,
                   last: Optional[tuple[int, str, Value]]) -> Optional[tuple[int, int, str, Value]]:
    """The figure of the unitless number ``text[a:b]`` when it is in brackets opened right after the last
    figure (``last``: its end, kind and value), behind a short label; else None."""
    if last is None or not 0 < a - last[0] <= 40:
        return None
    m = _LABEL.fullmatch(text, last[0], a)
    if m is None or not m.group("label").strip() or _NOT_BASE.search(m.group("label")) or text[a - 1:a] in "+-\u2212":
        return None  # (a bare "(30,420)" says neither its period nor whose estimate: two values for one period)
    if not re.match(r"\s*[);,]", text[b:b + 3]):
        return None  # "(2023: 2,094)", "(cons. 825; ...)": the number closes its label's clause
    end_kind, value = last[1], last[2]
    if value.amount is None or amount == 0 or not 1 / _NEAR <= abs(value.amount / amount) <= _NEAR:
        return None
    if end_kind not in ("money", "percent", "points", "count", "ratio") or value.upper is not None:
        return None
    return with_bound(text, a, b, end_kind, Value("quantity", amount=amount, scale=value.scale, unit=value.unit))


# "cut 25 million bushels to 1.825 billion": the level a change reached, its unit written on the change
_TO_LEVEL = re.compile(r"\s+to\s+(?:(?:a\s+)?(?:record|revised|new)\s+|about\s+|around\s+|nearly\s+|some\s+)?")


def level_unit(text: str, a: int, last: Optional[tuple[int, str, Value]]) -> str:
    """The counted or physical unit of a scaled number with none ("to 1.825 billion") that a change
    written just before it names ("cut 25 million bushels to 1.825 billion"), or ""."""
    if last is None or last[1] != "count" or not last[2].unit or not last[2].scale or not 0 < a - last[0] <= 30:
        return ""
    return last[2].unit if _TO_LEVEL.fullmatch(text, last[0], a) else ""


# --------------------------------------------------------------------------- a measure named again

# "Ending stocks 470", "Deliveries: 766", "gross orders of 878", "stocks were 470": a number right after
# the words naming its measure (a label, "of", a verb of being), the unit not written (not "fell to 1.2":
# a verb's object, named by the verb)
_LABELLED = re.compile(r"(?P<label>(?:[A-Za-z][A-Za-z'-]*\s+){0,2}(?P<head>[A-Za-z][A-Za-z'-]{2,}))"
                       r"(?:\s*:\s*|\s+(?:of|was|were|is|are|stood\s+at|came\s+in\s+at)\s+|\s+)"
                       r"(?:(?:about|around|some|nearly|almost|roughly|a\s+record)\s+)?[+\-\u2212]?$")
# Nouns that name a measure only through another ("the average trade estimate of 52.8", "the forecast of
# 2.1"): what they estimate or average is the measure of the figure before them in the sentence.
_STAND_INS = frozenset("estimate estimates forecast forecasts expectation expectations consensus average median "
                       "projection projections guess guidance target poll reading figure level".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# "yield 183.1 bushels per acre vs trade 183.6": what a figure is set against is of its measure
_COMPARED = re.compile(r"\b(?:vs\.?|versus|against|compared\s+(?:with|to))\s", re.I)
# words that name no measure: function words, references ("page", "number"), months, identifiers
_NO_MEASURE = STOP | REFERENCE_WORDS | frozenset(MONTHS) | frozenset(WORD_NUMBERS) | frozenset(
    "id code ref reference tel telephone phone fax mobile isin isbn ticker account zip postcode "
    "minus plus negative positive".split())  # ("from minus 0.1": a sign, not a measure)
_NEAR_MEASURE = 10.0  # one measure in one text is of one order: a number ten times off is another measure


def _stem(word: str) -> str:
    w = word.lower()
    return w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def measure_named_again(text: str, unplaced: list[tuple[int, int, float, int]],
                        found: list[tuple[int, int, str, Value]]) -> list[tuple[int, int, str, Value]]:
    """Figures for numbers written with no unit after the words naming their measure, whose unit the text
    gave where it named the same measure with a figure ("Ending stocks were raised to 470 million bushels"
    ... "Ending stocks 470"), or, after a stand-in noun ("the average trade estimate of 52.8") or set
    against the figure before it in its sentence ("vs trade 183.6"), that figure's unit. ``unplaced``: (start, end, amount, sentence start) of the
    numbers. Only where every figure so named has one unit and scale,
    and the number is of the order of one of them."""
    found = [f for f in found if _usable(f[2], f[3])]
    by_word: dict[str, list[tuple[int, int, str, Value]]] = {}
    for f in found:
        lead = re.split(r"[.;!?]\s|\n|\d", text[max(0, f[0] - 60):f[0]])[-1]  # its clause, after any other number
        for w in _WORD.findall(lead)[-6:]:
            if w.lower() not in _NO_MEASURE:
                by_word.setdefault(_stem(w), []).append(f)
    out = []
    for a, b, amount, s0 in unplaced:
        m = _LABELLED.search(text, max(s0, a - 60), a)
        if m is None or amount == 0 or _stem(m.group("head")) in _NO_MEASURE or m.group("head").lower() in _NO_MEASURE \
                or m.group("head").endswith("ed"):
            continue
        head = m.group("head").lower()
        before = [f for f in found if s0 <= f[0] and f[1] <= a][-1:]
        if before and (any(w.lower() in _STAND_INS for w in _WORD.findall(text, before[0][1], a))
                       or _COMPARED.search(text, before[0][1], a)) and not re.search(r"\d", text[before[0][1]:a]):
            named = before  # "rose by 35,600, above forecasts for a gain of 25,000": what was forecast
        else:
            named = by_word.get(_stem(head), [])
        if not named and plural_noun(head) and not place_word(m.group("head")) and "." not in text[a:b] \
                and not unit_table.is_physical(head) \
                and re.match(r"\s*:|\s+of\b", text[m.end("head"):a]):
            # "Commercial aircraft deliveries: 766", "gross orders of 878": a count of what the label names
            # (never of a unit: "bpd of 68" counts no barrels a day)
            out.append(with_bound(text, a, b, "count", Value("quantity", amount=amount, unit=head)))
            continue
        units = {(f[2], f[3].unit, f[3].scale) for f in named}
        if len(units) != 1 or not any(1 / _NEAR_MEASURE <= abs(f[3].amount / amount) <= _NEAR_MEASURE for f in named):
            continue
        kind, unit, scale = units.pop()
        sign = text[a - 1:a] in "-\u2212" and (a < 2 or text[a - 2] in " (\n:")
        out.append(with_bound(text, a - 1 if sign else a, b, kind,
                              Value("quantity", amount=-amount if sign else amount, scale=scale, unit=unit)))
    return out


def _usable(kind: str, v: Value) -> bool:
    """A figure whose unit may be carried: one amount, with a unit or scale written."""
    return v.type == "quantity" and v.amount is not None and v.upper is None and bool(v.unit or v.scale) \
        and kind in ("money", "percent", "points", "count")
