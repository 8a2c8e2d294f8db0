"""Rounding as written: a figure stands for every value that rounds to it at the precision it shows.

"$1 trillion" is any amount from 0.5 to 1.5 trillion, "7.9 trillion" 7.85 to 7.95 trillion, "591.48"
591.475 to 591.485: half a unit of the last written digit, on the figure's own scale word. The
written digits are read back from the stored amount (a trailing decimal zero, "7.90", is lost and
reads as the coarser "7.9": wider, so never a false contradiction), except a whole percentage, read
to one decimal: "2.0%" is written often and must not hold "2.1%"; where the claim's quote is known and
writes the percentage with no decimal ("up 8%", "8 percent") and never as "8.0", it holds what rounds to
it, as any whole number does ("copper output +8%" and "rose 8.2%": one figure, rounded by a broker's note). Two figures agree by rounding
when the more precise one rounds to the coarser one; two figures written to the same precision
with different digits never do (the half-unit is kept just short of the boundary).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Optional

from briefcmp.corpus import units
from briefcmp.corpus.model import SCALES, Value

# Just short of half a unit, so that "2.0" and "2.1" (both to one decimal) never touch.
_HALF = 0.5 * (1 - 1e-9)
_PERCENT = ("percent", "percentage-points")


@lru_cache(maxsize=8192)  # align compares a few thousand values tens of thousands of times
def half_unit(amount: float) -> float:
    """Half a unit of the last digit of ``amount`` as written (0.5 for integers: trailing zeros of an
    integer are taken as written, the narrower reading)."""
    try:
        exponent = Decimal(repr(float(amount))).normalize().as_tuple().exponent
    except (InvalidOperation, ValueError, OverflowError):
        return 0.0
    if not isinstance(exponent, int):  # inf or nan
        return 0.0
    return _HALF * 10.0 ** min(exponent, 0)


def _half(amount: float, whole_percent: bool) -> float:
    half = half_unit(amount)
    return min(half, _HALF * 0.1) if whole_percent else half


# A percentage or points written after a number ("8%", "8 per cent", "0.25 percentage points"); also analysis.signs
PERCENT_WORD = r"\s?(?:%|percent\b|per\s+cent\b|pct\b|pc\b|percentage\s+points?\b|pp\b|points?\b)"


@lru_cache(maxsize=4096)
def written_whole(amount: float, quote: str) -> bool:
    """Whether ``quote`` writes the whole percentage ``amount`` with no decimal ("up 8%", "8 percent",
    "+8%") and nowhere with a decimal zero ("8.0%"): then it is rounded to the unit as written."""
    if not quote or amount != int(amount):
        return False
    n = str(abs(int(amount)))
    if re.search(rf"(?<![\d.,]){n}[.,]0+(?!\d)", quote):
        return False  # "2.0%": written to one decimal
    figure = rf"(?<![\d.,]){n}(?![\d]|[.,]\d){PERCENT_WORD}"
    # Only a change: "+8%", "up 8%", "rose 8 percent", "an 8% rise" is the press's rounding of "8.2%"; a level
    # ("the rate of 4%", "cut to 4%") is as exact as it looks, and "4%" must not hold a rate of 3.75%.
    return bool(re.search(rf"(?:\+\s?|\b(?:up|down|by|rose|rise[sn]?|fell|fall(?:s|en)?|grew|grow(?:s|n)?|"
                          rf"(?:gain|jump|climb|surge|soar|plunge|slip|drop|add|increase|decrease|decline|expand|"
                          rf"contract|edge|tumble|slide|sink)(?:s|d|ed|ped)?|slid|sank|shrank|shrinks?|lost|loses?)"
                          rf"(?:\s+(?:up|down))?\s+(?:an?\s+|some\s+|about\s+)?){figure}", quote, re.I)
                or re.search(rf"{figure}\s+(?:rise|increase|gain|growth|fall|drop|decline|jump|contraction|"
                             rf"expansion)\b", quote, re.I))


@lru_cache(maxsize=4096)
def written_decimals(amount: float, quote: str) -> int:
    """The most decimals with which ``quote`` writes ``amount`` ("1.0%" for 1: one; "1.10" for 1.1: two), or 0:
    the stored amount loses a trailing zero, the quote keeps it."""
    most = 0
    for m in re.finditer(r"(?<![\d.,])(\d+)[.,](\d+)(?![\d])", quote or ""):
        try:
            if abs(float(f"{m.group(1)}.{m.group(2)}") - abs(amount)) < 1e-9:
                most = max(most, len(m.group(2)))
        except ValueError:
            continue
    return most


# Shares written as a fraction in words ("almost a fifth", "one in four", "two-thirds"): a writer rounds to the
# nearest simple fraction, so the figure stands for a tenth of itself either side ("almost a fifth" holds 19%)
_FRACTIONS = {50.0: r"half", 100 / 3: r"(?:a|one)[\s-]third", 25.0: r"(?:a|one)[\s-]quarter|one\s+in\s+four",
              20.0: r"(?:a|one)[\s-]fifth|one\s+in\s+five", 10.0: r"(?:a|one)[\s-]tenth|one\s+in\s+ten",
              200 / 3: r"two[\s-]thirds", 75.0: r"three[\s-]quarters", 100 / 6: r"(?:a|one)[\s-]sixth"}
_WORD_SHARE = 0.1


@lru_cache(maxsize=4096)
def word_fraction(amount: float, quote: str) -> bool:
    """Whether ``quote`` writes the share ``amount`` (percent) as a fraction in words, not in digits."""
    return any(abs(amount - share) < 0.05 and re.search(rf"\b(?:{words})\b", quote or "", re.I)
               for share, words in _FRACTIONS.items()) and not re.search(rf"(?<![\d.]){int(amount)}(?:[.,]\d+)?"
                                                                        rf"{PERCENT_WORD}", quote or "")


def rounding_interval(value: Value, quote: str = "") -> Optional[tuple[float, float]]:
    """The comparable interval (units as ``units.comparable``) of values that round to an exact or
    approximate quantity or range as written; None for bounds ("at least"), ranks and dates. ``quote``:
    the claim's quote, which tells a whole percentage written so ("8%") from one written "8.0%"."""
    if value.type != "quantity" or value.amount is None or value.bound not in ("exact", "approximate"):
        return None
    scale = SCALES.get(value.scale, 1)
    top = value.amount if value.upper is None else value.upper
    # "about 12%", "nearly 12%": the writer says it is rounded, so a whole percentage is rounded too
    whole_percent = value.unit in _PERCENT and not value.scale and value.bound != "approximate" \
        and not (written_whole(value.amount, quote) and (value.upper is None or written_whole(value.upper, quote)))
    lo = (value.amount - _half(value.amount, whole_percent)) * scale
    hi = (top + _half(top, whole_percent)) * scale
    if value.unit in _PERCENT and value.upper is None and word_fraction(value.amount, quote):
        lo, hi = value.amount * (1 - _WORD_SHARE), value.amount * (1 + _WORD_SHARE)
    a, b = units.comparable(value.unit, lo)[1], units.comparable(value.unit, hi)[1]
    return (a, b) if a <= b else (b, a)


def agree_rounded(a: Value, b: Value, quote_a: str = "", quote_b: str = "") -> bool:
    """Whether either figure rounds to the other at the other's written precision (the quotes, where
    known, tell a whole percentage's precision)."""
    ra, rb = rounding_interval(a, quote_a), rounding_interval(b, quote_b)
    if ra is None or rb is None:
        return False
    xa = units.comparable(a.unit, a.base_amount or 0.0)[1]
    xb = units.comparable(b.unit, b.base_amount or 0.0)[1]
    return rb[0] <= xa <= rb[1] or ra[0] <= xb <= ra[1]
