"""A date written in words in another language than English, or in Chinese, Japanese or Korean numbers.

"Lunes 16 de diciembre de 2024", "Venerdì 31 gennaio 2025", "Lisboa, 10 de outubro de 2024",
"3. März 2025", "Rabu, 15 Januari 2025", "10 września 2024", "2024. szeptember 10.", "2024年9月10日",
"2024년 9월 10일", or a month alone ("Outubro de 2024"): a brief's date line as an outlet of that country prints it. The month names are CLDR's
(through Babel, a dependency already) for the languages in ``LANGUAGES``, as written in a date ("de
septiembre", the Polish genitive "września") and alone, wide and abbreviated; a name that means
different months in two languages is left out. ``find`` gives every such date with its offsets;
``ingest.metadata.parse_date`` and ``drafting.metadata`` (a text's own date line) read one when no English one
is written.
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from briefcmp.corpus.model import PartialDate

# Languages whose outlets print a date line in words with the day before the month (or, Hungarian, the
# year first); English is read by drafting.dates.
LANGUAGES = ("es", "pt", "fr", "it", "de", "nl", "ca", "ro", "id", "ms", "tr", "pl", "cs", "sk", "sl", "hr",
             "sv", "da", "nb", "fi", "hu", "ru", "uk", "lt", "lv", "et", "el", "bg", "sr", "is", "mt")

_CJK = re.compile(r"(?<!\d)(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")


@functools.lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Lower-case month name -> month number, the names of one month only."""
    from babel import Locale

    owner: dict[str, set[int]] = {}
    for lang in LANGUAGES:
        months = Locale.parse(lang).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months.get(context, {}).get(width, {}).items():
                    name = name.casefold().rstrip(".")
                    if len(name) >= 3 and not re.search(r"[\d\s]", name):
                        owner.setdefault(name, set()).add(number)
    return {name: next(iter(ns)) for name, ns in owner.items() if len(ns) == 1}


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    names = "|".join(re.escape(n) for n in sorted(_months(), key=len, reverse=True))
    month = rf"(?<![^\W\d_])(?P<m>{names})\.?(?![^\W\d_])"
    # "16 de diciembre de 2024", "31 gennaio 2025", "3. März 2025", "15 Januari 2025", "d'octubre de 2024"
    day_first = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s+(?:de\s+|d['’]\s*|ta['’]\s*)?{month},?\s+(?:de\s+|del\s+)?"
                           rf"(?P<y>\d{{4}})(?!\d)", re.I)
    # "2024. szeptember 10.": Hungarian, the year first
    year_first = re.compile(rf"(?<!\d)(?P<y>\d{{4}})\.\s+{month}\s+(?P<d>\d{{1,2}})\.?(?!\d)", re.I)
    # "2025. gada 28. februāris" (Latvian), "2025 m. kovo 1 d." (Lithuanian): the year first, as CLDR's long
    # dates of those languages write it
    year_day = re.compile(rf"(?<!\d)(?P<y>\d{{4}})\.\s+gada\s+(?P<d>\d{{1,2}})\.\s+{month}", re.I)
    year_month_d = re.compile(rf"(?<!\d)(?P<y>\d{{4}})\s+m\.\s+{month}\s+(?P<d>\d{{1,2}})\s*d\.", re.I)
    # "Outubro de 2024", "März 2025": a month (read where no day is written before it)
    month_year = re.compile(rf"{month},?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}})(?!\d)", re.I)
    return day_first, year_first, year_day, year_month_d, month_year


def find(text: str) -> list[tuple[int, int, PartialDate]]:
    """(start, end, date) of each date in ``text`` written in another language's words or in CJK numbers,
    a day that does not exist left out."""
    out: list[tuple[int, int, PartialDate]] = []
    if not text or not re.search(r"\d", text):
        return out
    for m in _CJK.finditer(text):
        _keep(out, m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if re.search(r"[^\W\d_]{3}", text):
        folded = text.casefold()
        if len(folded) == len(text):  # (offsets kept; "ß" and the like change the length: none is a month)
            months = _months()
            taken: list[tuple[int, int]] = []
            for pattern in _patterns():
                for m in pattern.finditer(folded):
                    if any(a < m.end() and m.start() < b for a, b in taken):
                        continue  # (the month of a date read already, or of a day that does not exist)
                    taken.append(m.span())
                    day = int(m.group("d")) if "d" in pattern.groupindex else 0
                    _keep(out, m.start(), m.end(), int(m.group("y")), months[m.group("m")], day)
    return sorted(out, key=lambda x: x[0])


def _keep(out: list, a: int, b: int, y: int, mo: int, d: int) -> None:
    if not 1000 <= y <= 9999:
        return
    try:
        pd = PartialDate(y, mo, d)
        pd.start()
    except ValueError:
        return
    out.append((a, b, pd))


def one(text: str) -> Optional[PartialDate]:
    """The one date ``text`` states this way; None for none or several different ones."""
    found = {d for _, _, d in find(text)}
    return found.pop() if len(found) == 1 else None


def with_day(text: str, start: PartialDate) -> PartialDate:
    """``start`` (a month the English reading found: "April 2025"), or the one date of that month with its day
    that ``text`` writes another language's way ("Wien, 7. April 2025")."""
    if start.day:
        return start
    local = one(text)
    return local if local is not None and (local.year, local.month) == (start.year, start.month) else start
