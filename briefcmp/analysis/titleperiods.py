"""The period a title or a heading states, for the figures of a brief that state none.

``title_period(title, published, country)`` gives the one period a title names ("Japan's 2024 trade
deficit shrinks 44%": "2024"), never the date a text was published nor a time something is still
expected; ``headed_items`` and ``heading_period`` give the list items under a heading line ("Revised
Estimates 2024-25") and the period that heading names. The reading of each expression is
``analysis.periods``'.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from briefcmp.analysis.periodbases import _MON, _YEAR, segments
from briefcmp.analysis.periods import _IN_BEFORE, _PATTERNS, _expressions, _find, months  # (how periods reads each expression)


_BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s")
# "On the previous quarter, adjusted for price: +0.2%": a label and its value, a line of a table
_LABEL_LINE = re.compile(r"[^\n]{3,100}:\s*[-+−]?\S*\d\S*\s*$")


def headed_items(original: str) -> list[tuple[str, str]]:
    """(heading, item) for each list item that sits under a heading line: "Revised Estimates 2024-25"
    over "- Total expenditure of Rs 47.16 lakh crore". A heading governs the items right below it up
    to a blank line or a line that is neither an item nor a heading, never a paragraph further on."""
    out: list[tuple[str, str]] = []
    heading = ""
    for line in original.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line.strip():
            heading = ""
        elif _BULLET.match(line) or (heading and _LABEL_LINE.match(line)):
            if heading:
                out.append((heading, line))
        else:
            words = re.findall(r"[^\W\d_]+", line)
            # (a line that ends in a colon introduces the list below it: "Q4 FY24 (Jul-Sep) vs our estimates:")
            heading = line if len(words) <= 8 and not re.search(r"[.!?;,]\s*$", line) else ""
    return out


def heading_period(heading: str, published: Optional[date], country: str = "") -> tuple[str, str]:
    """The period a heading names ("Budget Estimates 2025-26"), for the items under it."""
    return _find(heading, published, country, len(heading))


def introduces(heading: str) -> bool:
    """Whether a heading is a line that introduces its list ("TSMC's third quarter, at a glance:"): the items'
    period, but an inference (``evidence.borrowed_unit``: such an item whose value differs waits)."""
    return heading.rstrip().endswith(":")


# A day, month and year written in a title date the text (its announcement or publication), not a period it reports
_FULL_DATE = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON},?\s+{_YEAR}|{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})\b",
                        re.I)
_SPAN_AFTER = re.compile(r"\s*(?:-|–|to\b|through\b|thru\b|until\b)", re.I)
_SPAN_BEFORE = re.compile(r"(?:-|–|\bto|\bthrough|\bthru|\buntil|\bfrom|\bbetween)\s*$", re.I)


def title_period(title: str, published: Optional[date], country: str = "") -> str:
    """The one period a title states ("Japan's 2024 trade deficit shrinks 44%": "2024"), its comparison
    bases left out; "" when it states none or several ("2023 Annual and December Export-Import Trends")."""
    blanked = list(title)
    for a, b, base in segments(title):
        if base:
            blanked[a:b] = " " * (b - a)
    for m in _FULL_DATE.finditer(title):  # "Interest Rate Announcement (October 23, 2024)": when it was said
        if _SPAN_AFTER.match(title, m.end()) or _SPAN_BEFORE.search(title[:m.start()]):
            continue  # "(April 1, 2023 through March 31, 2024)": the ends of a span are its period
        blanked[m.start():m.end()] = " " * (m.end() - m.start())
    text = "".join(blanked)
    found = set()
    expressions = _expressions(text, published, country, "")
    rest = list(text)
    for a, b, *_ in expressions:
        rest[a:b] = " " * (b - a)
    figureless = not re.search(r"\d", "".join(rest))
    clauses = _title_clauses(text)
    for a, _, rank, value, how in expressions:
        if _forecast_clause(text, clauses, a):
            continue  # "profit falls 39%, sees rebound in 2025": the year is the outlook's, not the report's
        if _PATTERNS[rank][0] == "month-rel" and not _IN_BEFORE.search(text, max(0, a - 12), a):
            return ""  # a month named alone, not after "in": "a December cut is still on" names an event
        if not value:
            continue  # ("this year" with no publication date: unread, no period)
        # "rate relief for early next year", "cuts seen by mid-2025", a figureless "Rate cut likely next year":
        # when something is expected, no period of the report's figures (a past "by the end of 2023" is a stock's)
        if published and value.split("/")[0] > f"{published:%Y-%m}" and (
                _POINT_BEFORE.search(text, max(0, a - 24), a) or how == "relative" and figureless):
            continue
        # "solid Q4, guide in line" in November: a quarter not over when the report came out holds none of its outcomes
        if published and how == "relative" and months(value) < 12 and f"{value.split('/')[-1]}" > f"{published:%Y-%m}":
            continue
        # "MTI keeps its 2025 growth forecast" in February 2025: the forecast's period, not the figures' it reports
        if published and _FORECAST.search(text) and f"{value.split('/')[-1]}-12"[:7] > f"{published:%Y-%m}":
            continue
        found.add(value)
    return found.pop() if len(found) == 1 else ""


_FORECAST = re.compile(r"\b(?:forecasts?|outlook|projections?|guidance|targets?)\b", re.I)
# A period named as a point ("early next year", "by mid-2025", "until the end of 2026"): in a title, when it is
# still to come, it says when something is expected, never the period a report's figures cover
_POINT_BEFORE = re.compile(r"\b(?:early|mid|late|by|until|till|before|after|(?:the\s+)?(?:end|start|beginning|middle)"
                           r"\s+of)[\s-]+(?:the\s+)?$", re.I)


# A title of two clauses, one reporting and one looking ahead ("Lufthansa profit falls 39%, sees strong rebound in
# 2025"; "... closes 2024 with record revenue; higher earnings expected for 2025"): the period of the clause that
# looks ahead is the outlook's; the report's figures are the other clause's
_TITLE_CLAUSE = re.compile(r"[,;:]\s|\s[-–—]\s|\s(?:as|but|while|and\s+(?=sees?\b|expects?\b|forecasts?\b))\s", re.I)
_AHEAD = re.compile(r"\b(?:sees?|seen|expects?|expected|expecting|forecasts?|predicts?|projects?|projected|eyes|targets?|"
                    r"aims?|plans?|will|likely|guides?|guidance|vows?|pledges?|outlook)\b", re.I)


def _title_clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0, *(m.end() for m in _TITLE_CLAUSE.finditer(text)), len(text) + 1]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _forecast_clause(text: str, clauses: list[tuple[int, int]], a: int) -> bool:
    """Whether position ``a`` lies in a clause that looks ahead while another clause of the title does not."""
    if len(clauses) < 2:
        return False
    own = next((c for c in clauses if c[0] <= a < c[1]), None)
    if own is None or not _ahead(text, own[0], a):
        return False
    return any(not _ahead(text, c[0], c[1]) and re.search(r"[^\W\d_]{3}", text[c[0]:c[1]])
               for c in clauses if c != own)


# "beats forecasts", "tops expectations", "above the outlook": an outcome set against a forecast
_MEASURED_AGAINST = re.compile(r"\b(?:beats?|beaten|tops?|topped|miss(?:es|ed)?|exceed(?:s|ed)?|than|above|below|"
                               r"of|with|on|past|defies|defied|confounds?)\s+(?:the\s+|all\s+|analysts'?\s+)?$", re.I)


def _ahead(text: str, a: int, b: int) -> bool:
    return any(not _MEASURED_AGAINST.search(text, max(0, m.start() - 24), m.start())
               for m in _AHEAD.finditer(text, a, b))
