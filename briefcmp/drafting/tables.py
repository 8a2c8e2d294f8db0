"""The unit a table states once, in its caption, for the numbers of its rows.

A release prints "Table: crude oil production, tb/d (September 2024; change m-o-m)" and then rows
such as "Iraq 4,112 (-155); Libya 540 (-410)": each row's numbers are in the caption's unit (4,112
thousand barrels a day, and a change of -155). A caption is a line that opens with "Table" or
"Chart" and a colon; its unit is the last comma-separated part before any parenthesis that reads
as a unit (``unitwords.unit_after``). The rows run to the next blank line.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.drafting.spans import SpanSet
from briefcmp.drafting.unitwords import After, unit_after

_CAPTION = re.compile(r"^[ \t]*(?:Table|Chart)\b[^:\n]{0,20}:(?P<body>[^\n]*)$", re.M | re.I)
_ROWS_END = re.compile(r"\n[ \t]*\n|\Z")


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
