"""Dates and periods as written: "February 24, 2022", "2014-2021", "in 2021", "last year", "FY2023".

``find_dates`` returns every mention, longest patterns first, without overlaps; a date
written without a year takes it from the publication date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from briefcmp.corpus.model import PartialDate, Period
from briefcmp.drafting.spans import SpanSet

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
YEAR = r"(?:1[89]\d\d|20\d\d)"
MONTH_SHORT = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_COUNTS = {w: i + 2 for i, w in enumerate("two three four five six seven eight nine ten eleven twelve".split())}
_COUNT_WORD = "(?:" + "|".join(_COUNTS) + ")"


@dataclass(frozen=True)
class DateMention:
    """A date or period written in the text ("February 24, 2022", "2014-2021", "in 2021")."""

    start: int
    end: int
    period: Optional[Period]  # None when the year is not known
    pattern: str
    word_before: str = ""  # the word before it, lower-case ("in", "since", ...)
    month_day: tuple[int, int] = (0, 0)  # as written, also when the year is not known
    implied_year: bool = False  # the year is not written: it came from the publication date


_DATE_PATTERNS = [
    ("mdy", rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>{YEAR})\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b"),
    ("iso", rf"\b(?P<y>{YEAR})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})\b"),
    # "2024.12.16", "2024/12/16": the year first, as East Asian outlets print a date (Korean and Japanese
    # sites, Xinhua), read as ISO's order is
    ("iso", rf"(?<![\d./])(?P<y>{YEAR})(?P<sep>[./])(?P<mo>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})\b(?![./]\d)"),
    # "16-Dec-24", "16-Dec-2024": the day, the month's short name and the year set apart by hyphens, as
    # spreadsheets and broker notes print a date; a two-digit year is read as POSIX strptime's %y does
    # (69-99: 1900s, 00-68: 2000s)
    ("dmy", rf"(?<![\w.,-])(?P<d>\d{{1,2}})-(?P<m>{MONTH_SHORT})-(?P<y>{YEAR}|\d\d)\b(?!-\d)"),
    ("dotted", rf"\b(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>{YEAR})\b"),
    ("slashed", rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{YEAR})\b"),
    # "23-10-2024": read as "23/10/2024" is (only when a part above 12 decides the order)
    ("slashed", rf"(?<![\d-])(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})-(?P<y>{YEAR})\b(?!-)"),
    # Parts of a year from its start or up to a month, as releases write a year to date: "January-September
    # 2024", "between January and September 2024", "the first nine months of 2024", "the first three
    # quarters of last year", "the six months to March 2025". The span, not its last month or its year
    # (read as the month, "January-September 2024" set a nine months' total against September's figure).
    ("mspan", rf"\b(?:(?:between|from)\s+)?(?P<m1>{MONTH})\s*(?:-|–|to|through|and|until)\s*(?P<m>{MONTH}),?\s+"
              rf"(?:of\s+)?(?P<y>{YEAR})\b"),
    ("firstn", rf"\b(?:the\s+)?first\s+(?P<n>{_COUNT_WORD}|[2-9]|1[01])\s+(?P<u>months|quarters)\s+of\s+"
               rf"(?:(?P<y>{YEAR})|(?:the\s+)?(?P<rel>last|this|previous)\s+year|(?P<ty>the\s+year))\b"),
    # (not "the 12 months to June 2024": a rate's twelve months, which reports date by June, as
    # analysis.periods reads it)
    ("monthsto", rf"\b(?:the\s+)?(?P<n>{_COUNT_WORD}|[2-9]|1[01])\s+months\s+(?:to|through|ended|ending|"
                 rf"ending\s+in)\s+(?P<m>{MONTH}),?\s+(?P<y>{YEAR})\b"),
    ("my", rf"\b(?P<m>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR})\b"),
    ("mrel", rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    # "the 2023/24 business year": a split year (a fiscal year, a season), not its first year
    ("range", rf"(?<![\d$€£¥.,/])(?P<y>{YEAR})/(?P<y2>\d\d)\b(?![/.,]\d)"),
    ("range", rf"(?<![\d$€£¥.,])(?P<y>{YEAR})\s*(?:-|to|and|through|until)\s*(?P<y2>{YEAR}|\d\d)\b(?![.,]\d)"),
    ("fiscal", rf"\b(?:FY\s?|[Ff]iscal\s+(?:[Yy]ear\s+)?)(?P<y>{YEAR})\b"),
    # A quarter or a half of a year is a period of its own, not the year: "the fourth quarter of 2023", "Q4 2023",
    # "the first half of 2023", "H1 2023".
    ("quarter", rf"\b(?:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?|"
                rf"Q(?P<qn>[1-4])\s*)(?P<y>{YEAR})\b"),
    ("half", rf"\b(?:(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+(?:of\s+)?|H(?P<hn>[12])\s*)(?P<y>{YEAR})\b"),
    ("decade", r"(?<![\d$€£¥])(?P<y>(?:1[89]|20)\d0)'?s\b"),
    ("md", rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]\d)"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})\b"),
    ("qyear", rf"\b(?:[Ee]arly|[Mm]id|[Ll]ate)-(?P<y>{YEAR})\b"),  # "mid-2023": the year, qualified
    ("year", rf"(?<![\d$€£¥.,#/+:-])(?P<y>{YEAR})\b(?!,\d|%|\s?-?(?:percent|per cent|thousand|million|"
             r"billion|trillion|[mb]n)\b)"),
    ("relyear", r"\b(?P<rel>last|this|next|previous|past)\s+year\b(?!s)"),
    ("month", rf"\b(?:in|since|by|until|from|early|late|mid|end\s+of|beginning\s+of)[\s-](?P<m>{MONTH})\b"
              r"(?![\s,]*\d)"),
    # A month that qualifies a statistic, as headlines write it: "Korea Sept inflation cools", "China's
    # October exports" (in a headline only: in prose "the February forecast", "the September meeting" date
    # another thing; "May" and the short forms that are words are left out below).
    ("headmonth", rf"(?<![\w.,])(?P<m>{MONTH})(?=\s+(?!(?:and|or|to|was|were|is|are|had|has|will|would|"
                  rf"meeting|forecast|report|session|election|survey)\b)[a-z]{{3,}}\b)"),
]
_DATE_RES = [(name, re.compile(p)) for name, p in _DATE_PATTERNS]
_MONTH_CAPS = re.compile(r"\b(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|"
                         r"JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\b")


def fold_month_case(text: str) -> str:
    """A date line's months in capitals in title case ("01 FEB 2025" -> "01 Feb 2025"), offsets kept: for a
    line that is a date, not running text (where "MAY" may be the verb of a headline in capitals)."""
    return _MONTH_CAPS.sub(lambda m: m.group().title(), text)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+(?:the\s+)?(?:(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|"
                          r"year(?:\s+of)?)[\s-]+)?$", re.I)


_INDIAN = re.compile(r"\bRs\.?\s?\d|₹|\b(?:crores?|lakhs?)\b")


def pdate(year: int, month: int = 0, day: int = 0) -> Optional[PartialDate]:
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def find_dates(text: str, published: Optional[PartialDate] = None, fiscal_start: int = 1) -> list[DateMention]:
    """Every date or period mention, longest patterns first, without overlaps."""
    taken = SpanSet()
    out: list[DateMention] = []
    # "2025-26" is a fiscal year where the config says when one starts, or in an Indian text (rupees,
    # crores, lakhs: India's fiscal year starts in April)
    span_start = fiscal_start if fiscal_start != 1 else (4 if _INDIAN.search(text) else 1)
    for written, pattern in _DATE_RES:
        name = "month" if written == "headmonth" else written  # a headline's month is a month
        for m in pattern.finditer(text):
            if written == "headmonth" and not _in_headline(text, m.start()):
                continue
            a, b = m.span("m") if name == "month" else m.span()
            if taken.overlaps(a, b):
                continue
            if name == "year" and re.match(r"\.\d", text[b:b + 2]) and not footnote_after(text, b):
                continue  # "2021.5 million": a decimal, not a year
            if name in ("year", "relyear") and text[b:b + 1] == "\u2044":
                continue  # "1801⁄2" is "180½" folded (drafting.numbers.VULGAR), not a year
            if name == "month" and m.group("m") == "May" and not re.match(r"(?:in|since|until|early|late|mid)\b",
                                                                            m.group(), re.I):
                continue  # "from May", "by May": perhaps a name; "in May" is the month
            if name == "month" and m.group("m").rstrip(".") in ("Mar", "Jan", "Jun"):
                continue  # short forms that are also words or names
            period = date_period(name, m, published)
            if name == "fiscal" and period is not None and fiscal_start != 1:
                period = fiscal_period(period.start.year, fiscal_start)
            if name == "range" and span_start != 1 and period is not None and len(m.group("y2")) == 2 and \
                    int(m.group("y2")) == (int(m.group("y")) + 1) % 100:
                y = int(m.group("y"))  # "2025-26": the fiscal year that starts in 2025
                period = Period(PartialDate(y, span_start), PartialDate(y + 1, span_start - 1))
            if name == "my" and period is not None and not period.start.day and period.end is None and (
                    _QUARTER_AFTER.match(text, m.end()) or _QUARTER_TO.search(text[max(0, a - 30):a])):
                period = _quarter_to(period.start)  # "the September 2024 quarter": July to September
            before = _WORD_BEFORE.search(text, max(0, a - 40), a)
            taken.add(a, b)
            g = m.groupdict()
            month_day = (month_of(g["m"]) if g.get("m") else 0, int(g["d"]) if g.get("d") else 0)
            out.append(DateMention(a, b, period, name, before.group(1).lower() if before else "", month_day,
                                   name in ("md", "dm", "month")))
    out.sort(key=lambda d: d.start)
    return out


# A quarter named by its last month, as the Australian and New Zealand statistics offices write it ("the
# September 2024 quarter", "the three months to September 2024", "the quarter ended June 2025").
_QUARTER_AFTER = re.compile(r"\s+quarter\b(?![-\s]+(?:on|over)[-\s]+(?:the\s+)?(?:(?:previous|prior|same|last)\s+)?"
                            r"quarter\b)", re.I)  # (not a basis: "quarter-on-quarter", "quarter on the previous quarter")
_QUARTER_TO = re.compile(r"\b(?:(?:three|3)\s+months|quarter)\s+(?:to|ended|ending)\s+(?:the\s+end\s+of\s+)?$", re.I)


def _quarter_to(month: PartialDate) -> Period:
    """The three months that end with ``month``."""
    y, m = (month.year, month.month - 2) if month.month > 2 else (month.year - 1, month.month + 10)
    return Period(PartialDate(y, m), PartialDate(month.year, month.month))


def _in_headline(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a line that is a headline: at most 14 words and no full stop ending a sentence."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].strip()
    return len(line.split()) <= 14 and not re.search(r"[.!?;:][\"')\]]*$|[.!?]\s", line)


def footnote_after(text: str, b: int) -> bool:
    """``2021.29 Hyundai``: a footnote number after a full stop, not decimals."""
    return bool(re.match(r"\.\d{1,3}(?:\s+[A-Z\"']|\s*$|\s*\n)", text[b:b + 8]))


def fiscal_period(year: int, start: int) -> Period:
    """Fiscal year ``year`` when fiscal years start in month ``start``: Japan's FY2022 (April) is
    2022-04/2023-03; a year starting in July or later is named by its end (US FY2024: 2023-10/2024-09)."""
    if start == 1:
        return Period(PartialDate(year, 1), PartialDate(year, 12))
    first = year if start <= 6 else year - 1
    return Period(PartialDate(first, start), PartialDate(first + 1, start - 1))


def date_period(name: str, m: re.Match, published: Optional[PartialDate]) -> Optional[Period]:
    g = m.groupdict()
    base = published.year if published else None
    if g.get("rel"):
        if base is None:
            return None
        year = base + {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[g["rel"].lower()]
    elif g.get("y"):
        year = full_year(g["y"])
    else:
        year = implied_year(m, g, published)
        if year is None:
            return None
    month = month_of(g["m"]) if g.get("m") else 0
    if name in ("iso", "dotted"):
        d = pdate(year, int(g["mo"]), int(g["d"]))
    elif name == "slashed":
        a, b = int(g["a"]), int(g["b"])
        # a part above 12 decides the order; equal parts ("12/12/2024") are one date either way
        day, mon = (a, b) if a > 12 or a == b else (b, a) if b > 12 else (0, 0)
        d = pdate(year, mon, day) if mon else None
    elif name in ("mdy", "dmy", "md", "dm"):
        d = pdate(year, month, int(g["d"]))
    elif name in ("my", "month", "mrel"):
        d = pdate(year, month)
    elif name == "range":
        y2 = g["y2"]
        end = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        return Period(PartialDate(year), PartialDate(end)) if end > year else None
    elif name in ("mspan", "firstn", "monthsto"):
        return _part_of_year(name, g, year, published)
    elif name == "decade":
        return Period(PartialDate(year), PartialDate(year + 9))
    elif name in ("quarter", "half"):
        part = (g.get("q") or g.get("qn") or g.get("h") or g.get("hn") or "1").lower()
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(part) or int(part[0])
        months = 3 if name == "quarter" else 6
        return Period(PartialDate(year, (n - 1) * months + 1), PartialDate(year, n * months))
    else:
        d = PartialDate(year)
    return Period(d) if d else None


def _part_of_year(name: str, g: dict, year: int, published: Optional[PartialDate]) -> Optional[Period]:
    """The months a year-to-date span covers (see ``_DATE_PATTERNS``), or None when they cross a year end."""
    if name == "mspan":
        first, last = month_of(g["m1"]), month_of(g["m"])
        return Period(PartialDate(year, first), PartialDate(year, last)) if 0 < first < last else None
    n = _COUNTS.get(g["n"].lower()) or int(g["n"])
    if name == "firstn":
        last = n * (3 if g["u"].lower() == "quarters" else 1)
        if g.get("ty") and published and published.month and last >= published.month:
            year -= 1  # "the first nine months of the year" published in February: last year's nine months
        return Period(PartialDate(year, 1), PartialDate(year, last)) if 1 < last < 12 else None
    last = month_of(g["m"])  # "the six months to March 2025": October 2024 to March 2025
    first, first_year = last - n + 1, year
    if first < 1:
        first, first_year = first + 12, year - 1
    return Period(PartialDate(first_year, first), PartialDate(year, last)) if 1 < n < 12 else None


def full_year(written: str) -> int:
    """A year as written: "2024", or "24" read as POSIX strptime's %y reads it (69-99: 1969-1999, else 2000s)."""
    year = int(written)
    return year if len(written) != 2 else year + (1900 if year >= 69 else 2000)


def dateline_span(text: str) -> tuple[int, int]:
    """Where the wire dateline heading a story is ("LAGOS, Dec 16 (Reuters) - ..."; ``analysis.datelines``),
    (0, 0) when it has none: its day is when the story was filed, the brief's date, not a date it reports."""
    from briefcmp.analysis import datelines

    found = datelines.find(text)
    return (found.start, found.end) if found is not None else (0, 0)


def month_of(word: str) -> int:
    w = word.rstrip(".").lower()
    return MONTHS.get(w if w in MONTHS else w[:3], 0)


def implied_year(m: re.Match, g: dict, published: Optional[PartialDate]) -> Optional[int]:
    """The year of "on February 16" in a text published on ``published`` (see ``_Finder.settle_year``)."""
    return published.year if published else None


# --------------------------------------------------------------------------- event dates

# Verbs of a dated event ("signed in 2017", "took effect in 2019", "will be extended in mid-2025");
# "grew", "reached", "mined" measure a figure of the period instead.
EVENT_VERB = re.compile(
    r"\b(?:sign|adopt|approv|announc|launch|introduc|enact|ratif|elect|establish|join|invad|annex|impos|"
    r"abolish|creat|agree|conclud|extend|expir|laps|publish|releas|declar|merg|suspend|default|"
    r"nationali[sz]|privati[sz]|award|complet|commission|inaugurat|resign|collaps|visit|attack|scrap|"
    r"unveil|appoint|withdr[ae]w|replac|revis|amend|cancel|postpon|abandon|restor|resum|legali[sz]|dissolv|"
    r"relaunch|decid)(?:e|es|ed|d|s|ing|ment)?\b"
    # (stems that are also adjectives or nouns count only inflected: "open" markets, a "ban", "fir" trees)
    r"|\b(?:open|clos|start|lift|pass|fir|shut|exit|found|ban)(?:ed|ned|s|es)\b"
    r"|\b(?:began|begun|held|met|took\s+effect|takes?\s+effect|came\s+into\s+force|entered\s+into\s+force|"
    r"enters?\s+into\s+force|set\s+up|built|won|broke\s+out|struck|quit|withdrawn|sworn\s+in|died|"
    r"signed|forged|ended|shut\s+down)\b", re.I)
# What a year names when it stands before a noun: "the 1996 accord" is an event, "the 2040 target" a period.
EVENT_NOUN = re.compile(
    r"(?:accord|treaty|agreement|deal|pact|summit|election|vote|referendum|law|act|decree|decision|crisis|war|"
    r"invasion|coup|earthquake|flood|attack|reform|strike|protest|census|conference|meeting|talks|visit|"
    r"declaration|constitution|revolution|uprising|default|devaluation|merger|launch|ban|bailout|agreement|"
    r"ceasefire|armistice|truce|accession|annexation|handover|games|olympics|cup|disaster|shock|crash|"
    r"recession|pandemic|outbreak|bombing|massacre|riots?|sanctions?)s?$", re.I)
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that|whose)|'s)\s+$", re.I)
_CLAUSE = re.compile(r"[;:,(]\s|\s-\s|\)")


def event_year(text: str, d: DateMention, sentence: tuple[int, int]) -> bool:
    """Whether a year, written alone, may date an event of its own ("signed in 2017", "in 2008, Lee
    forged ...", "the 1996 accord", "the Declaration of 1956", "frozen since 2018"), rather than
    label a period: "by 2030", "until 2030", "after 2021", "during 2022", "the 2040 target", "the
    level of 2021", "set 2045 as the year", "more in 2023 than". (A year that dates a figure is its
    as-of: decided by the caller.)"""
    s, e = sentence
    noun = re.match(r"\s+([A-Za-z-]+)", text[d.end:min(e, d.end + 30)])
    if noun and _ATTRIBUTIVE.search(text, max(s, d.start - 12), d.start):
        # "the 2014 summit", "its 2013 National Security Strategy"; not "the 2030 target"
        return noun.group(1)[0].isupper() or bool(EVENT_NOUN.match(noun.group(1)))
    opens = not text[s:d.start].strip()  # "2017 saw ..." ("In 2017, ..." has "in" before it)
    named_of = d.word_before == "of" and re.search(r"\b[A-Z][a-z]+\s+of\s+$", text[max(s, d.start - 30):d.start])
    if not (opens or named_of or d.word_before in ("in", "since")):
        return False
    a = max((m.end() for m in _CLAUSE.finditer(text, s, d.start)), default=s)
    b = min((m.start() for m in _CLAUSE.finditer(text, d.end, e)), default=e)
    return not re.search(r"\bthan\b", text[a:b])  # "added more in 2023 than ...": a comparison's period
