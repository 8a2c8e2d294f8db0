"""Percentages said as a band of digits: "a high single-digit percentage", "low double digits", "the mid-teens".

Companies guide and analysts write this way ("revenue to grow by a high single-digit percentage", "core EPS up
low double digits", "a margin in the mid-single digits"); outlets repeat the band in other words, so it is a
figure to line up like any other. The band is drafted as the range the phrase names by the financial press's
convention: low, mid and high single digits are 1-3, 4-6 and 7-9 percent; low double digits 10-13; the low,
mid and high teens 11-13, 14-16 and 17-19. "Mid" and "high double digits" are left alone: the press uses them
both for the teens and for 40-99, so no one range is theirs.
"""

from __future__ import annotations

import re

from briefcmp.corpus.model import Value
from briefcmp.drafting.spans import SpanSet

_BANDS = {("low", "single"): (1, 3), ("mid", "single"): (4, 6), ("high", "single"): (7, 9),
          ("low", "double"): (10, 13), ("low", "teens"): (11, 13), ("mid", "teens"): (14, 16),
          ("high", "teens"): (17, 19)}
_LEVEL = r"(?P<a>low|mid|middle|high)(?:[\s-]+to[\s-]+(?P<b>low|mid|middle|high))?"
BAND = re.compile(r"\b" + _LEVEL + r"[\s-]+(?:(?P<size>single|double)[\s-]+digits?|(?P<teens>teens)\b)"
                  r"(?P<pct>(?:[\s-]+(?:percent(?:age)?|per[\s-]cent)\b|\s?%)(?:[\s-]+(?:rate|points?)\b)?)?", re.I)
# A band of something counted, not of a percentage: "a high single-digit number of stores", "double-digit
# seats", "in his mid-teens"
_COUNTED_AFTER = re.compile(r"\s+(?:number|numbers|count|seats?|stores?|years?|months?|days?|weeks?|"
                            r"millions?|billions?|thousands?|handicap|score|wins?|goals?)\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:in|into)\s+(?:his|her|their|its)\s+$", re.I)
# The clause moves a rate or names one: a band there is in percent even where the word is left unsaid
# ("core EPS up low double digits", "a margin in the mid-single digits")
_RATE_CONTEXT = re.compile(r"\b(?:grow(?:s|th|ing)?|grew|rise|rises|rising|rose|increase[sd]?|up|down|fall|falls|"
                           r"fell|decline[sd]?|drop(?:s|ped)?|margins?|rates?|inflation|yields?|returns?|"
                           r"gains?|by|percent(?:age)?|%)\b", re.I)


def _band(m: re.Match) -> tuple[int, int] | None:
    size = "teens" if m.group("teens") else (m.group("size") or "").lower()
    lo_level = m.group("a").lower().replace("middle", "mid")
    hi_level = (m.group("b") or m.group("a")).lower().replace("middle", "mid")
    lo, hi = _BANDS.get((lo_level, size)), _BANDS.get((hi_level, size))
    if lo is None or hi is None or lo[0] > hi[1]:
        return None
    return lo[0], hi[1]


def digit_bands(text: str, blocked: SpanSet, used: SpanSet) -> list[tuple[int, int, str, Value]]:
    """(start, end, "percent", value) of each band of digits that is a percentage, as a range."""
    out = []
    for m in BAND.finditer(text):
        a, b = m.span()
        if blocked.overlaps(a, b) or used.overlaps(a, b):
            continue
        band = _band(m)
        if band is None or _COUNTED_AFTER.match(text, b) or _AGE_BEFORE.search(text, max(0, a - 12), a):
            continue
        if not m.group("pct"):
            lo = max(text.rfind(". ", max(0, a - 160), a), text.rfind("\n", max(0, a - 160), a), max(0, a - 160))
            hi = min(i for i in (text.find(". ", b, b + 40), text.find("\n", b, b + 40), b + 40) if i >= 0)
            if not (_RATE_CONTEXT.search(text, lo, a) or _RATE_CONTEXT.search(text, b, min(hi, len(text)))):
                continue
        if m.group("pct") and re.search(r"points?\b", m.group("pct"), re.I):
            unit = "percentage-points"
        else:
            unit = "percent"
        used.add(a, b)
        out.append((a, b, "points" if unit == "percentage-points" else "percent",
                    Value("quantity", amount=float(band[0]), upper=float(band[1]), unit=unit)))
    return out


def bands_written(text: str) -> list[tuple[int, int]]:
    """(low, high) of each band of digits ``text`` writes, wherever it stands (for matching a drafted
    band to a quote: "revenue up high single digits" writes 7-9)."""
    return [band for band in map(_band, BAND.finditer(text)) if band is not None]
