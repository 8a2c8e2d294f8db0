"""Periods drafting reads around a date mention rather than in it: a quarter or half of a fiscal year
("Q2 2024-25", "H1 FY2024", "Q3 FY2024-25": the quarter, not the whole year) and an index's base year
("2015=100", "2010 = 100": the base an index is expressed in, no period at all)."""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

from briefcmp.corpus.model import PartialDate, Period

_PART_BEFORE = re.compile(r"\b(?:Q(?P<q>[1-4])|H(?P<h>[12]))\s*(?:FY\s?)?$")
INDEX_BASE_AFTER = re.compile(r"\s?=\s?100\b")


def _months_after(d: PartialDate, n: int) -> PartialDate:
    k = d.year * 12 + (d.month or 1) - 1 + n
    return PartialDate(k // 12, k % 12 + 1)


def fiscal_part(text: str, start: int, period: Optional[Period]) -> Optional[Period]:
    """The quarter or half of the fiscal year ``period`` that the text right before ``start`` names
    ("Q2 " before "2024-25" whose fiscal year starts in April: 2024-07/2024-09); None when no such part
    is written or ``period`` is no twelve-month fiscal year of known months."""
    m = _PART_BEFORE.search(text, max(0, start - 8), start)
    if not m or period is None or period.end is None or not period.start.month or not period.end.month:
        return None
    first, last = period.start, period.end
    if (last.year * 12 + last.month) - (first.year * 12 + first.month) != 11:
        return None
    size, n = (3, int(m.group("q"))) if m.group("q") else (6, int(m.group("h")))
    begin = _months_after(first, size * (n - 1))
    return Period(begin, _months_after(begin, size - 1))


def part_start(text: str, start: int) -> int:
    """Where the quarter or half written before ``start`` begins (``start`` when none is)."""
    m = _PART_BEFORE.search(text, max(0, start - 8), start)
    return m.start() if m else start


def fiscal_parts(text: str, dates: list) -> list:
    """``dates`` (``dates.DateMention``s of ``text``) without index bases, each fiscal year with a quarter
    or half written before it narrowed to that part."""
    out = []
    for d in dates:
        if INDEX_BASE_AFTER.match(text, d.end):
            continue  # "2010 = 100": the base an index is expressed in
        part = fiscal_part(text, d.start, d.period) if d.pattern in ("range", "fiscal") else None
        out.append(dataclasses.replace(d, start=part_start(text, d.start), period=part) if part else d)
    return out
