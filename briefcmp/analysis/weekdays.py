"""Weekdays as periods: "on Tuesday", "today", "yesterday" date a decision in a report of that week
(``analysis.periods`` reads them after every other period expression)."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional


_WEEKDAY = re.compile(r"\b(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                      r"\b(?P<today>today)\b|\b(?P<yesterday>yesterday)\b")
_SAID = re.compile(r"\b(?:said|says|say|reported|reports|announced|showed|shows|show|released|published|told|stated|"
                   r"estimated|added|noted|wrote)\s+(?:\w+\s+)?(?:on\s+)?$", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_DAY_AFTER = 40  # characters from a figure's start to a weekday that dates it ("38,814 on Thursday")
_BREAK_BEFORE = re.compile(r"[,;:()]")


def weekdays_in(text: str, published: Optional[date], rank: int) -> list[tuple[int, int, int, str, str]]:
    """"on Tuesday", "today", "yesterday": the day of a decision, in a report of that week (the latest such
    day), as period expressions (start, end, rank, value, how) of the lowest rank (``rank``)."""
    if published is None:
        return []
    out = []
    for m in _WEEKDAY.finditer(text):
        # "Statistics Canada said on Friday", "data showed on Tuesday": the day of the saying, not of the figure
        if _SAID.search(text, max(0, m.start() - 30), m.start()):
            continue
        if m.group("today"):
            day = published
        elif m.group("yesterday"):  # "cut its deposit rate to 3 per cent yesterday", in the next morning's paper
            day = date.fromordinal(published.toordinal() - 1)
        else:
            day = date.fromordinal(published.toordinal() - (published.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7)
        out.append((m.start(), m.end(), rank, day.isoformat(), "relative"))
    return out
