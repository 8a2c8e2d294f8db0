"""A wire dateline: the city a story is filed from, often its day, sometimes the agency.

One pattern reads every form the press prints at the head of a story ("SEOUL --", "TOKYO, Dec 26
(Reuters) -", "TOKYO, Dec 22, 2024 (Reuters) —", "NEW DELHI/OTTAWA, Sept 19 (Reuters) -",
"New Delhi, Feb 1 (PTI)", "WASHINGTON (AP) —", "TASS | MOSCOW, October 14."): ``find`` gives the
city (whose country a story filed from there is about: ``analysis.briefcontext``), the month and
day, the year when written, and the agency (the publisher: ``ingest.metadata``).

A dateline with no year ("ROME, Oct. 4 (Xinhua) --") is dated by the corpus it is added to
(``day_in_corpus``): the year that puts the day within ``NEAR_DAYS`` of another report of the
corpus, when exactly one year does.

A date line in numbers ("03/12/2024") is read by a part above 12, else in the order of the place it
names (``date_order``: the CLDR short date pattern of that territory, through Babel), checked against
the corpus, else as the one reading near the corpus's other briefs (``settle_numbers``). Nothing
else is guessed.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from briefcmp.corpus.functionwords import MONTH_NUMBER
from briefcmp.corpus.model import PartialDate

_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
        r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
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
        month = MONTH_NUMBER.get(m.group("mon")[:3].lower(), 0) if m.group("mon") else 0
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


# "03/12/2024", "8/2/2024, 9:41 AM", "07-10-2025": a date in numbers, separated by slashes or dashes
# (dots are read day first: no locale writes a month first with dots)
NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/-]|\.\d)")


def date_readings(text: str) -> tuple[PartialDate, PartialDate] | None:
    """(day first, month first) for the one date in numbers that ``text`` holds when both readings are
    dates and differ ("03/12/2024": 3 December or 12 March); None otherwise (no such date, several, or
    one that a part above 12 or equal parts decide, which ``parse_date`` reads)."""
    if not text or len(text) > 100:
        return None
    found = NUMERIC.findall(text)
    if len(found) != 1:
        return None
    a, _, b, y = found[0]
    a, b, y = int(a), int(b), int(y)
    if a == b or a > 12 or b > 12 or not a or not b:
        return None
    try:
        date(y, b, a), date(y, a, b)
    except ValueError:
        return None
    return PartialDate(y, b, a), PartialDate(y, a, b)


def _fold(text: str) -> str:
    """Lower case, accents dropped ("Brasília" -> "brasilia"), each character kept one for one."""
    import unicodedata

    return "".join((unicodedata.normalize("NFKD", c.lower()).encode("ascii", "ignore").decode() or c.lower() or c)[:1]
                   for c in text)


@functools.lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], Optional[re.Pattern]]:
    """Place names, folded (``_fold``), -> ISO 3166 code: countries, their capitals and other names;
    provinces and states, from the maintained data ``analysis.entities`` reads (countryinfo); names two
    countries share are left out."""
    import countryinfo

    from briefcmp.analysis.countrydata import countries

    owner: dict[str, set[str]] = {}
    for c in countries():
        for n in (c.label, *c.names):
            if len(n) > 3 and not n.isupper():
                owner.setdefault(_fold(n), set()).add(c.code)
    codes = {c.label: c.code for c in countries()}
    for c in countryinfo.all_countries():
        info = c.info()
        code = (info.get("ISO") or {}).get("alpha2") or codes.get(info.get("name", ""), "")
        capital = info.get("capital")
        for p in [*(info.get("provinces") or ()), *([capital] if isinstance(capital, str) else [])]:
            if code and isinstance(p, str) and len(p) > 3 and p[:1].isupper():
                owner.setdefault(_fold(" ".join(p.split())), set()).add(code)
    names = {n: next(iter(cs)) for n, cs in owner.items() if len(cs) == 1}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w-])") if names else None
    return names, pattern


@functools.lru_cache(maxsize=256)
def _territory_order(code: str) -> tuple[str, str]:
    """("day" | "month", the patterns): which comes first in the CLDR short date pattern of every official
    language of territory ``code`` that writes the year last (pt_BR "dd/MM/y", en_US "M/d/yy"); ("", "")
    when they differ or put the year first (en_CA "y-MM-dd")."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_date_format
    from babel.languages import get_official_languages

    orders, shown = set(), []
    for lang in get_official_languages(code, de_facto=True):
        try:
            pattern = get_date_format("short", locale=Locale.parse(f"{lang}_{code}")).pattern
        except (UnknownLocaleError, ValueError):
            continue
        d, mo, y = pattern.find("d"), pattern.find("M"), pattern.find("y")
        if min(d, mo, y) < 0 or y < max(d, mo):
            return "", ""
        orders.add("day" if d < mo else "month")
        shown.append(f"{lang}_{code} {pattern}")
    return (orders.pop(), ", ".join(shown)) if len(orders) == 1 else ("", "")


def date_order(place: str) -> tuple[str, str]:
    """("day" | "month" | "", why) for a date in numbers printed beside ``place`` (the other fields of a
    masthead: a city, an outlet's name): the order of the territory every place named there belongs to
    ("Rio de Janeiro": Brazil, pt_BR "dd/MM/y", day first; "Ha Noi": Viet Nam). ("", "") when none is
    named, several territories are, or their locales do not agree."""
    names, pattern = _places()
    if pattern is None or not place:
        return "", ""
    hits = [(place[m.start():m.end()], names[m.group()]) for m in pattern.finditer(_fold(place))]
    if len({code for _, code in hits}) != 1:
        return "", ""
    order, shown = _territory_order(hits[0][1])
    return (order, f"{hits[0][0]} ({shown})") if order else ("", "")


NUMBERS_NEAR_DAYS = 31  # a reading of a date in numbers this near another brief of the corpus is the one meant


def settle_numbers(readings: tuple[PartialDate, PartialDate], order: str,
                   known: tuple[date, ...]) -> tuple[Optional[PartialDate], str]:
    """(date, how) for a date in numbers read (day first, month first): how is "order" (the place's order,
    which the corpus does not contradict), "corpus" (no place: the one reading within NUMBERS_NEAR_DAYS of
    a brief of ``known``), "conflict" (the place's reading is not the one near the corpus) or "open"
    (nothing decides); the date is None for the last two."""
    first, second = readings
    near = [r for r in readings if any(abs((r.start() - k).days) <= NUMBERS_NEAR_DAYS for k in known)]
    if order:
        chosen = first if order == "day" else second
        return (None, "conflict") if len(near) == 1 and near[0] != chosen else (chosen, "order")
    return (near[0], "corpus") if len(near) == 1 else (None, "open")


def numbers_day(text: str, known: tuple[date, ...]) -> Optional[date]:
    """The publication date a date in numbers on one of the first lines of ``text`` gives, read as
    ``settle_numbers`` reads it (the order of the place the line or the dateline names, else the corpus):
    for a brief whose date ``add`` left unread before the briefs beside it were added."""
    lines = [line for line in text.split("\n", 8)[:8] if line.strip()][:4]
    for line in lines:
        readings = date_readings(line) if len(line) <= 200 else None
        if readings is None:
            continue
        order = date_order(line)[0]
        if not order:
            found = find("\n".join(lines))
            order = date_order(found.city)[0] if found is not None else ""
        day, _ = settle_numbers(readings, order, known)
        return day.start() if day is not None else None
    return None


# A wire story's dateline opening its first sentence: "Taipei, Oct. 17 (CNA)", "MANILA, Nov 7 (Reuters) -", "ISTANBUL -".
OPENING = re.compile(r"\s*(?:[A-Z][A-Za-z.'-]+(?:[ /][A-Z][A-Za-z.'-]+){0,3},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                     r"(?:,\s+\d{4})?\s*\([A-Za-z .]{2,30}\)\s*[-–—:]?|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}\s+[-–—]{1,2})\s")


def opening(sentence: str) -> int:
    """Where a dateline opening ``sentence`` ends (0: none): "Taipei, Oct. 17 (CNA) TSMC reported ...", filed
    from there, is not about there."""
    m = OPENING.match(sentence)
    return m.end() if m else 0
