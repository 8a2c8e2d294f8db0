"""The unit a table or list states once, in its caption or a note, for the numbers of its rows.

A release prints "Table: crude oil production, tb/d (September 2024; change m-o-m)" and then rows
such as "Iraq 4,112 (-155); Libya 540 (-410)": each row's numbers are in the caption's unit (4,112
thousand barrels a day, and a change of -155). A caption is a line that opens with "Table" or
"Chart" and a colon; its unit is the last comma-separated part before any parenthesis that reads
as a unit (``unitwords.unit_after``). The rows run to the next blank line.

A release may instead say once what its amounts are in, "(amounts in Rs crore)", "All figures in
US$ million", "(in billions of yen)", and then list them bare: "- Domestic: CGST 34,141 (30,420)". Such
a note gives its unit to the numbers of the list lines (a line opening with "-", "*" or a bullet) after
it, up to the next such note; numbers in sentences write their own units.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.drafting.spans import SpanSet
from briefcmp.drafting.unitwords import After, unit_after

_CAPTION = re.compile(r"^[ \t]*(?:Table|Chart)\b[^:\n]{0,20}:(?P<body>[^\n]*)$", re.M | re.I)
_ROWS_END = re.compile(r"\n[ \t]*\n|\Z")
# "(amounts in Rs crore)", "All figures in US$ million", "(figures are in millions of dollars)", "(in billions of yen)"
_STATED = re.compile(r"(?:\(|^[ \t]*|\b(?:amounts|figures|values|numbers|data)\s+(?:are\s+|shown\s+)?)in\s+"
                     r"(?P<unit>(?:Rs\.?|₹|US\$|\$|€|£|¥|[A-Z]{3})?\s?(?:thousands?|millions?|billions?|trillions?|crores?|"
                     r"lakhs?|bn|mn|m|k)(?:\s+(?:of\s+)?[A-Za-z]+)?)\s*[).;\n]", re.I | re.M)
_NOTE_OPENS = re.compile(r"(?:\(|\b(?:amounts|figures|values|numbers|data)\s+(?:are\s+|shown\s+)?)in\s+$", re.I)
_LIST_LINE = re.compile(r"^[ \t]*[-*\u2022\u2013]\s.*$", re.M)


class TableUnits:
    """Spans of table rows and the unit their caption states, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.rows: list[tuple[int, int, After]] = []
        for m in _CAPTION.finditer(text):
            unit = caption_unit(m.group("body"))
            if unit is None:
                continue
            start = m.end() + 1
            end = _ROWS_END.search(text, m.end()).start()
            if start < end:
                self.rows.append((start, end, unit))
        notes = [(m.end(), unit) for m in _STATED.finditer(text)
                 if _NOTE_OPENS.search(text, max(0, m.start("unit") - 40), m.start("unit"))
                 and (unit := stated_unit(m.group("unit"))) is not None]
        for k, (start, unit) in enumerate(notes):
            end = notes[k + 1][0] if k + 1 < len(notes) else len(text)
            self.rows.extend((line.start(), line.end(), unit) for line in _LIST_LINE.finditer(text, start, end))
        self.spans = SpanSet((a, b) for a, b, _ in self.rows)

    def at(self, pos: int) -> Optional[After]:
        """The caption's unit when ``pos`` lies in a row of a table whose caption states one."""
        if not self.rows or not self.spans.overlaps(pos, pos + 1):
            return None
        return next((u for a, b, u in self.rows if a <= pos < b), None)


def caption_unit(body: str) -> Optional[After]:
    """The unit a caption states: "production, tb/d (September 2024)" -> thousand barrels per day."""
    head = body.split("(", 1)[0]
    last = head.rsplit(",", 1)[-1].strip() if "," in head else ""
    if not last or len(last) > 30:
        return None
    after = unit_after(" " + last, 0, currency=False)
    if after.kind in ("bare", "scaled") or after.end != len(last) + 1:
        return None
    return after


def stated_unit(phrase: str) -> Optional[After]:
    """The money unit a note states: "Rs crore" -> INR crore, "millions of dollars" -> USD million."""
    from briefcmp.drafting.unitwords import CURRENCY_WORDS, SCALE_WORDS, prefix_currency

    m = re.fullmatch(r"(?P<cur>\S*?)\s?(?P<scale>thousands?|millions?|billions?|trillions?|crores?|lakhs?|bn|mn|m|k)"
                     r"(?:\s+(?:of\s+)?(?P<word>[A-Za-z]+))?", phrase.strip(), re.I)
    if m is None:
        return None
    scale = SCALE_WORDS.get(m.group("scale").lower().rstrip("s") if m.group("scale").lower() not in ("bn", "mn")
                            else m.group("scale").lower())
    code = prefix_currency(m.group("cur") + "1", len(m.group("cur")))[0] if m.group("cur") else ""
    word = (m.group("word") or "").lower()
    if word:
        code = code or CURRENCY_WORDS.get(word, "")
        if not CURRENCY_WORDS.get(word):
            return None  # "in millions of tonnes": not a sum of money (a physical unit reads in its own words)
    return After("money", code, scale) if scale and code else None
