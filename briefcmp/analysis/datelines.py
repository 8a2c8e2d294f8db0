"""A wire dateline: the city a story is filed from, often its day, sometimes the agency.

One pattern reads every form the press prints at the head of a story ("SEOUL --", "TOKYO, Dec 26
(Reuters) -", "TOKYO, Dec 22, 2024 (Reuters) —", "NEW DELHI/OTTAWA, Sept 19 (Reuters) -",
"New Delhi, Feb 1 (PTI)", "WASHINGTON (AP) —", "TASS | MOSCOW, October 14."): ``find`` gives the
city (whose country a story filed from there is about: ``analysis.briefcontext``), the month and
day, the year when written, and the agency (the publisher: ``ingest.metadata``).

A dateline with no year ("ROME, Oct. 4 (Xinhua) --") is dated by the corpus it is added to
(``day_in_corpus``): the year that puts the day within ``NEAR_DAYS`` of another report of the
corpus, when exactly one year does. Nothing else is guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
# (optional) an outlet and a bar ("TASS | "); the city or cities in capitals or title case ("NEW DELHI/OTTAWA",
# "New Delhi"), a region after a comma ("OTTAWA, Ontario"); the day ("Oct. 4", "October 14, 2024"); the
# agency in parentheses; then a dash, a colon, a full stop or the end of the line.
DATELINE = re.compile(
    r"(?m)^[ \t]*(?:(?P<outlet>[A-Z][^|\n]{0,60}?)[ \t]+\|[ \t]+)?"
    r"(?P<city>[A-Z][A-Za-z.'’-]*(?:[ /][A-Z][A-Za-z.'’-]*){0,3})"
    r"(?:,[ \t]*(?P<region>(?!" + _MON + r"\b)[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?:,[ \t]+(?P<mon>" + _MON + r")\.?[ \t]+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,[ \t]*(?P<year>(?:19|20)\d\d))?)?"
    r"(?:[ \t]+\((?P<agency>[^()\n]{2,60})\))?"
    r"(?P<end>[ \t]*(?:[-\u2013\u2014]+|:)|\.?[ \t]*$)")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    city: str  # as written ("NEW DELHI/OTTAWA", "New Delhi")
    month: int = 0  # 0 when no day is given
    day: int = 0
    year: int = 0  # 0 when not written
    agency: str = ""


def find(text: str, limit: int = 3000) -> Optional[Dateline]:
    """The first dateline at the start of a line of ``text[:limit]``: a city in capitals followed by a
    dash or colon, or any city with a day or an agency in parentheses ("Paris (AFP) -")."""
    for m in DATELINE.finditer(text[:limit]):
        city, end = m.group("city"), m.group("end").strip()
        capitals = city.upper() == city and len(re.sub(r"[^A-Z]", "", city)) >= 3
        if m.group("mon"):
            ok = capitals or bool(m.group("agency"))  # "New Delhi, Feb 1 (PTI)"; not "Brazil, Dec 3 was ..."
        elif m.group("agency"):
            ok = bool(end) or capitals  # "WASHINGTON (AP) —", "Paris (AFP) -"
        else:
            ok = capitals and end in ("-", "--", "\u2013", "\u2014", ":") and not m.group("outlet")
        if not ok:
            continue
        month = _MONTHS.get(m.group("mon")[:3].lower(), 0) if m.group("mon") else 0
        return Dateline(m.start("city"), m.end(), city, month, int(m.group("day") or 0), int(m.group("year") or 0),
                        (m.group("agency") or "").strip())
    return None


NEAR_DAYS = 122  # about four months: a yearless day this near a report of the corpus is of that report's time


def day_in_corpus(month: int, day: int, known: tuple[date, ...]) -> Optional[date]:
    """The date of a day written without a year ("Oct. 4") in a corpus whose other reports were published
    on ``known``: the one year that puts it within NEAR_DAYS of one of them (a wire story of the
    release before, or of the same week); None when no year or several years do."""
    if not month or not day:
        return None
    found = set()
    for k in known:
        for y in (k.year - 1, k.year, k.year + 1):
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if abs((d - k).days) <= NEAR_DAYS:
                found.add(d)
    return found.pop() if len(found) == 1 else None
