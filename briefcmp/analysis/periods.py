"""The period a figure refers to, read from its sentence and the date of publication.

``resolve(sentence, figure, published, country)`` gives the as-of a reader would give the figure
(``"2023"``, ``"2023-10/2023-12"``, ``"2024-04/2025-03"``) and how it was found:

- stated: "in 2023", "fiscal 2024", "FY2024", "2024-25", "October-December 2023", "the fourth
  quarter of 2023";
- relative, resolved against the publication date: "last year", "this year", "next year", "the
  current fiscal year", "the next fiscal year", "the fiscal year starting in April",
  "October-December" (the latest such quarter before publication), "the last quarter of last
  year", a month named alone ("in November": the latest November up to the month of publication);
- a comparison base is not the period: in "jumped 16.5 percent from 6.8 trillion yen in the
  current fiscal year" the period of 16.5 percent is not the current fiscal year, while 6.8
  trillion yen, inside the base, is. "On-year", "year-on-year", "from a year earlier" and "from the
  previous quarter" say what a change is measured against, never when;
- spans: "the July 2024 through September 2024 period", "the three months to September", "3Q24";
  "last quarter" is the latest quarter before publication;
- whose period: one a preposition brings in right after a figure is that figure's ("1.2% in 2024,
  2.1% in 2025"); a month in parentheses that hold a figure dates only the figures inside them
  ("+1.6% y/y (August +2.0%)"); where a record run starts ("since data began in 1979"), a
  dateline's clock-stamped date and the day something was said ("said on Friday") date no figure.

``analysis.titleperiods`` gives the one period a title or a heading states, for a brief's figures
that state none.

A fiscal year is named by the calendar year it starts in and spans twelve months from the
country's first month (April for Japan and India, July for Australia, October for the United
States; a country not listed keeps the calendar year). Nothing is guessed: a sentence with no
period gives ``("", "")`` and the caller decides (see ``align``: reports of one release).
"""

from __future__ import annotations

import bisect
import functools
import re
from datetime import date
from typing import Callable, Optional

from briefcmp.analysis.periodbases import (_BASE_FIGURE, _CONCESSIVE, _MONTHS, _cut_starts, _cuts_between,
                                           _other_figures, blank_asides, blank_vintages, segments, year_before)
from briefcmp.analysis.weekdays import _BREAK_BEFORE, _DAY_AFTER, weekdays_in
from briefcmp.analysis.fiscalyears import (FISCAL_START, ISSUER, _NAMED_BY_START, _fiscal_of,  # noqa: F401 (as
                                           _issuer_year, _month_span, _named_by_start, fiscal_start,  # callers name
                                           fiscal_year)  # them)
from briefcmp.analysis.periodsahead import _ahead, _year_ahead
from briefcmp.analysis.periodbases import base_dated, compared_aside, has_base, in_base, month_basis  # noqa: F401 (periods.in_base and the rest, as callers name them)

_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
        "last": 4}

_SEASON = re.compile(r"\b(?:season|harvest|crop|marketing\s+year|campaign|academic|school\s+year|winter|league)\b", re.I)
_FISCAL_CONTEXT = re.compile(r"\b(?:fiscal|financial\s+year|budget\w*|FY|Rs|crores?|lakhs?)\b|₹", re.I)
from briefcmp.analysis.periodpatterns import _PATTERNS  # noqa: E402 (the expressions, in rank order)


_COUNT = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven".split())}


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation ("Dec", "Sept", "December"), else 0."""
    return _MONTHS.get(name.lower().rstrip("."), 0)


def _latest(published: date, first: int, months: int, ahead: bool = False) -> str:
    """The span of ``months`` months starting in month ``first`` (a quarter, a half) written with no year:
    the latest such span that has ended by the month of publication (a reported outcome: "grew 0.9% in the
    third quarter" in December is this year's, in August last year's); ``ahead``: the earliest that has
    not (guidance, a plan: "Q4 guide", "will grow in the fourth quarter")."""
    y = published.year
    now = published.year * 12 + published.month - 1
    ended = (y * 12 + first - 1 + months - 1) < now
    if ahead and ended:
        y += 1
        if y * 12 + first - 1 - now > 9:
            return ""  # guidance for a quarter nearly a year off ("expects third-quarter profit" in October): unread
    elif not ahead and not ended:
        y -= 1
    return _month_span(y, first, first + months - 1)


def _one(kind: str, m: re.Match, published: Optional[date], country: str, main: str,
         fiscal: bool = False) -> tuple[str, str]:
    g = m.groupdict()
    ahead = kind in ("quarter", "half") and _ahead(m.string, m.start(), m.end())
    if kind == "months-to":
        if g.get("part"):  # "the quarter ended September", "the half-year to June"
            n = 3 if g["part"].lower() == "quarter" else 6
        else:
            n = {"three": 3, "six": 6, "nine": 9}.get(g["n"].lower()) or int(g["n"])
        end = _MONTHS[g["m1"].lower()[:3]]
        if g.get("y"):
            y, how = int(g["y"]), "stated"
        elif published is None:
            return "", ""
        else:  # the latest such month, up to the month of publication
            y, how = published.year - (end > published.month), "relative"
        first = y * 12 + end - 1 - (n - 1)
        return _month_span(first // 12, first % 12 + 1, end), how
    if kind == "months":
        if (g.get("d1") or g.get("d2")) and re.search(r"\band\b", m.group(), re.I) and \
                not m.group().lower().startswith("between"):
            return "", ""  # "on 1 March and 5 April": two days, not a span
        m1, m2 = _MONTHS[(g["m1"] or g["b1"]).lower()[:3]], _MONTHS[(g["m2"] or g["b2"]).lower()[:3]]
        if g.get("y1"):
            y1, y2 = int(g["y1"]), int(g["y"])
            if not 0 <= (y2 * 12 + m2) - (y1 * 12 + m1) < 24:
                return "", ""  # not a span a figure is reported over
            return _month_span(y1, m1, m2) if y1 == y2 else f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "stated"
        if g.get("y"):
            return _month_span(int(g["y"]), m1, m2), "stated"
        if published is None:
            return "", ""
        y = published.year
        end_y = y + 1 if m2 < m1 else y
        to_day = bool(g.get("d1") or g.get("d2"))  # "1 February - 10 March": a span to a day may end this month
        if date(end_y, m2, 1) > date(published.year, published.month, 1) or (
                not to_day and date(end_y, m2, 1) == date(published.year, published.month, 1)):
            y -= 1  # the latest such months that ended before publication
        return _month_span(y, m1, m2), "relative"
    if kind in ("year-to", "fy-end"):
        end = int(g["mn"]) if g.get("mn") else _MONTHS[g["m1"].lower()[:3]]
        short = g.get("yy") or g.get("yy2")
        if short:  # "FY3/25": the fiscal year that ends in March 2025
            y = int(short) + (2000 if len(short) == 2 else 0)
            return _month_span(y - (end < 12), end % 12 + 1, end), "stated"
        if g.get("y"):
            y = int(g["y"])
        elif published is None:
            return "", ""
        elif _year_ahead(m):  # "expects growth of 6.6% in the fiscal year ending in March": the year running now
            y = published.year + (end < published.month)
        else:
            y = published.year - (end > published.month)  # the latest such month, up to publication
        start_y, start_m = (y, end + 1) if end < 12 else (y + 1, 1)
        # (the year to December is the calendar year: "2024", as every other report of it writes it)
        return _month_span(start_y - 1, start_m, end), "relative" if not g.get("y") else "stated"
    if kind == "month-rel":
        if published is None:
            return "", ""
        mo = _MONTHS[(g["m1"] or g["may"] or g["mays"]).lower()[:3]]
        y = published.year - (mo > published.month)  # the latest such month, up to the month of publication
        return f"{y:04d}-{mo:02d}", "relative"
    if kind == "month":
        return f"{int(g['y']):04d}-{_MONTHS[g['m1'].lower()[:3]]:02d}", "stated"
    if kind == "quarter":
        q = int(g.get("qn") or g.get("qn2") or g.get("qn3") or 0) or _ORD[g["q"].lower()]
        short = g.get("yy") or g.get("yy2")
        if short:
            return _month_span(int(short) + (2000 if len(short) == 2 else 0), 3 * q - 2, 3 * q), "stated"
        if g.get("y") and g.get("fy") and fiscal_start(country) > 1:
            first = int(g["y"]) * 12 + fiscal_start(country) - 1 + 3 * (q - 1)  # a split year's quarter: fiscal
            return _month_span(first // 12, first % 12 + 1, first % 12 + 3), "stated"
        if g.get("y"):
            y = int(g["y"])
            how = "stated"
        elif published is None:
            return "", ""
        elif g.get("rel"):
            y, how = published.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0), "relative"
        elif g.get("q") and g["q"].lower() == "last":
            # "grew 5.05 percent last quarter": the latest quarter ended before publication, not the fourth
            first = (published.year * 12 + published.month - 1) // 3 * 3 - 3
            return _month_span(first // 12, first % 12 + 1, first % 12 + 3), "relative"
        else:
            return _latest(published, 3 * q - 2, 3, ahead), "relative"
        return _month_span(y, 3 * q - 2, 3 * q), how
    if kind == "half":
        h = int(g.get("hn") or g.get("hn2") or 0) or _ORD[g["h"].lower()]
        short = g.get("yy")
        if short or g.get("y") or g.get("y2"):
            y = int(short) + (2000 if len(short) == 2 else 0) if short else int(g.get("y") or g.get("y2"))
            return _month_span(y, 6 * h - 5, 6 * h), "stated"
        if published is None:
            return "", ""
        if g.get("rel"):
            y = published.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
            return _month_span(y, 6 * h - 5, 6 * h), "relative"
        return _latest(published, 6 * h - 5, 6, ahead), "relative"
    if kind == "fiscal-quarter":
        start = fiscal_start(country)
        if start == 1 and not country.startswith(ISSUER):
            return "", ""  # whose fiscal year? (held in place: ``_expressions``)
        half = bool(g.get("hn") or g.get("hn2") or g.get("h"))
        part = int(g.get("qn") or g.get("qn2") or g.get("hn") or g.get("hn2") or 0) or \
            _ORD[(g.get("q") or g["h"]).lower()]
        if g.get("fy"):  # "the first half of fiscal 2025": as "fiscal 2025" is read (``fiscal``)
            y = int(g["fy"]) - (not g.get("fy2") and country.startswith(ISSUER) and not _named_by_start(country)
                                and start != 1)
        else:
            short = g.get("yy") or g.get("yy2")
            y = int(short) + (2000 if len(short) == 2 else 0)
            if start != 1 and not _named_by_start(country):
                y -= 1  # "Q4 FY24" of a year that ends in 2024
        length = 6 if half else 3
        first = y * 12 + start - 1 + length * (part - 1)
        return _month_span(first // 12, first % 12 + 1, (first + length - 1) % 12 + 1), "stated"
    if kind == "quarter-month":
        end = _MONTHS[g["mq"].lower()[:3]]
        if g.get("y"):
            return _month_span(int(g["y"]), end - 2, end), "stated"
        if published is None:
            return "", ""
        y = published.year if date(published.year, end, 1) < date(published.year, published.month, 1) or \
            published.month >= end else published.year - 1
        return _month_span(y, end - 2, end), "relative"
    if kind == "fiscal":
        y = int(g["y"])
        if country.startswith(ISSUER) and not _named_by_start(country) and fiscal_start(country) != 1:
            y -= 1  # an issuer's "fiscal 2024" that ends in September 2024
        return fiscal_year(y, country), "stated"
    if kind == "fiscal-span":
        y, y2 = int(g["y"]), g["y2"]
        y2n = int(y2) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if y2n != y + 1:
            return "", ""
        if fiscal_start(country) != 1:
            return fiscal_year(y, country), "stated"
        if country or _SEASON.search(m.string, max(0, m.start() - 40), m.end() + 40) and not fiscal:
            return f"{y:04d}/{y + 1:04d}", "stated"  # a season across two years: "the 2024/25 harvest"
        return fiscal_year(y, "india"), "stated"  # "Rs 50.65 lakh crore in 2025-26": most such labels are India's
    if kind == "fiscal-end":
        y = 2000 + int(g["yy"])
        if country.startswith(ISSUER):  # an issuer's own year ("FY24" of a company whose year is the calendar's: 2024)
            return fiscal_year(y if _named_by_start(country) or fiscal_start(country) == 1 else y - 1, country), "stated"
        if country and FISCAL_START.get(country, 1) == 1:
            return "", ""  # a country whose fiscal year is the calendar year: the writer meant something else
        # (no country known: read as "2025-26" is read, the Indian way, which is how most "FY26" is written)
        return fiscal_year(y if country in _NAMED_BY_START else y - 1, country or "india"), "stated"
    if kind == "year":
        return _issuer_year(int(m.group("y")), country), "stated"
    if published is None:
        return "", ""
    if kind == "quarters-trailing":
        first = (published.year * 12 + published.month - 1) // 3 * 3 - 12  # the four quarters before this one
        return f"{first // 12:04d}-{first % 12 + 1:02d}/{(first + 11) // 12:04d}-{(first + 11) % 12 + 1:02d}", "relative"
    if kind == "months-first":
        if g.get("q"):  # "the first three quarters"
            n = 3 * (_COUNT.get(g["q"].lower()) or int(g["q"]))
        elif g.get("nm"):  # "9M24"
            n = int(g["nm"])
        else:
            n = _COUNT.get(g["n"].lower()) or int(g["n"])
        if g.get("y") or g.get("y2") or g.get("yy"):
            y = int(g.get("y") or g.get("y2") or 2000 + int(g["yy"]))
            return _month_span(y, 1, n), "stated"
        if published is None:
            return "", ""
        y = published.year - (1 if (g.get("rel") or "").lower() == "last" else 0)
        if not g.get("rel") and n >= published.month:
            y -= 1  # this year's n months have not ended: last year's
        return _month_span(y, 1, n), "relative"
    if kind == "trailing":
        end = published.year * 12 + published.month - 2  # the last full month before publication
        return f"{(end - 11) // 12:04d}-{(end - 11) % 12 + 1:02d}/{end // 12:04d}-{end % 12 + 1:02d}", "relative"
    if kind == "quarter-before":
        # "after 0.2% in the previous three months": the quarter before the sentence's own quarter
        q = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", main or "")
        if not q or (int(q.group(3)) * 12 + int(q.group(4))) - (int(q.group(1)) * 12 + int(q.group(2))) != 2:
            return "", ""
        first = int(q.group(1)) * 12 + int(q.group(2)) - 1 - 3
        return _month_span(first // 12, first % 12 + 1, (first + 2) % 12 + 1), "relative"
    if kind == "month-last":
        rel = g["rel"].lower()
        if rel == "this":
            return f"{published.year:04d}-{published.month:02d}", "relative"
        if rel == "previous" and main:
            one = re.fullmatch(r"(\d{4})-(\d{2})", main)
            if not one:
                return "", ""  # the month before what? (a base whose main period is no month)
            y, mo = int(one.group(1)), int(one.group(2))
        else:
            y, mo = published.year, published.month
        y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        return f"{y:04d}-{mo:02d}", "relative"
    if kind == "fiscal-rel":
        rel = g["rel"].lower()
        fy = _fiscal_of(published, country or "japan")
        if rel in ("next", "coming", "upcoming", "start"):
            fy += 1
        elif rel in ("previous", "last"):
            fy -= 1
        return fiscal_year(fy, country if FISCAL_START.get(country) or country.startswith(ISSUER) else "japan"), "relative"
    if kind == "year-rel":
        rel = (g.get("rel") or g.get("rel2") or "").lower()
        if g.get("rel3") or rel in ("previous", "prior", "before") and main and main != "-":
            # "rose 9% in the year to January from 5.4 billion the year before": the main span, a year earlier
            return (year_before(main), "relative") if year_before(main) else ("", "")
        if rel in ("previous", "prior", "before"):
            if main == "-":  # in a comparison base whose main period is unknown: the year before what?
                return "", ""
            return _issuer_year(published.year - 1, country), "relative"
        step = {"last": -1, "past": -1, "this": 0, "current": 0, "next": 1}[rel]
        # "spending will rise 16% next year" in a budget story is the fiscal year; the economy's growth,
        # prices and jobs are counted by calendar year even there ("its growth forecast for this year")
        if fiscal and fiscal_start(country) != 1 and not _CALENDAR_MEASURE.search(
                m.string, max(0, m.start() - 50), m.start()):
            return fiscal_year(_fiscal_of(published, country) + step, country), "relative"
        return _issuer_year(published.year + step, country), "relative"
    if kind == "year":
        return m.group("y"), "stated"
    return "", ""


# "its weakest since May 2022", "the 0.2 percent it had published at the end of October", "the range the
# company had guided in July": where a record run starts and when a figure was published or said date no figure
_SINCE_BEFORE = re.compile(r"\b(?:(?:since|until|till|before)|(?:published|released|reported|announced|issued|guided|"
                           r"indicated|signall?ed|said|pledged|promised)"
                           r"(?:\s+(?:in|on|at))?)\s+(?:(?:early|mid|late|spring|summer|autumn|fall|winter|"
                           r"the\s+end\s+of|the\s+start\s+of)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?$", re.I)  # "on 2 January"
# "the highest since comparable data became available in 1979": where a record run starts
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w-]+\s+){0,4}?(?:began|begun|became|started|were\s+first|was\s+first|"
                           r"(?:were|was)\s+\w+ed)\s+(?:\w+\s+)?(?:in\s+)?$", re.I)
# A date stamped with a clock time ("October 02, 2024 09:12", "2 Oct 2024 08:30 KST") is when a text was
# published (a dateline run into its title), never a figure's period
_CLOCK = re.compile(r"\s*\d{1,2}:\d{2}\b")
# A price change over the twelve months to a month is that month's rate: "prices rose 4.9% in the
# year to September" is September's inflation; output or sales "in the year to June" stay the twelve
# months (a flow over the year, and its growth on the year before).
_RATE_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.I)
_PRICES = re.compile(r"\b(?:prices?|inflation|CPI|CPIH|RPI|PPI|HICP|cost\s+of\s+living)\b", re.I)


# What a rate of another measure is named by: "cut its growth estimate for the year to March to 6.6%, and raised its
# inflation projection" gives growth over the year, not March's rate, whatever else the sentence prices
_NOT_PRICES = re.compile(r"\b(?:growth|GDP|output|economy|production|sales|revenues?|profits?|exports|imports|earnings|"
                         r"wages|employment|unemployment|jobless)\b", re.I)


def _other_measure(sentence: str, figure: tuple[int, int]) -> bool:
    """Whether the figure's own clause names a measure other than prices, and no price (``_PRICES``)."""
    starts = _cut_starts(sentence)
    lo = max((c for c in starts if c <= figure[0]), default=0)
    hi = min((c for c in starts if c >= figure[1]), default=len(sentence))
    return not _PRICES.search(sentence, lo, hi) and bool(_NOT_PRICES.search(sentence, lo, hi))


_SOME_DAY = date(2000, 6, 15)  # any date: does an expression need one to be read?


@functools.lru_cache(maxsize=4096)
def _expressions(text: str, published: Optional[date], country: str, main: str, fiscal: bool = False) -> tuple:
    """Every period expression of ``text``: (start, end, rank, value, how); remembered, as a sentence
    is read once for each of its figures. ``fiscal``: the sentence speaks of a budget or a fiscal year
    (so "next year" is the next fiscal year), also where ``text`` is only its comparison base."""
    fiscal = fiscal or bool(_FISCAL_CONTEXT.search(text))
    out = []
    taken: list[tuple[int, int]] = []
    before: list[tuple[re.Match, int]] = []  # "the previous three-month period" with no main period given
    for rank, (kind, pattern) in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # inside a longer expression already read ("fiscal 2024", not "2024")
            if _SINCE_BEFORE.search(text, max(0, m.start() - 24), m.start()) or _CLOCK.match(text, m.end()) or \
                    _SINCE_CLAUSE.search(text, max(0, m.start() - 60), m.start()):
                # "its weakest since May 2022" in a base: where a record run starts, no figure's period
                taken.append(m.span())
                continue
            value, how = _one(kind, m, published, country, main, fiscal)
            if value:
                taken.append(m.span())
                out.append((m.start(), m.end(), rank, value, how))
            elif kind == "quarter-before" and not main:
                before.append((m, rank))
            elif kind == "fiscal-quarter":  # a quarter of a fiscal year no one says the start of: no period, nor
                taken.append(m.span())  # the year's ("Q4 FY24" is not FY24)
                out.append((m.start(), m.end(), rank, "", ""))
            elif published is None and _one(kind, m, _SOME_DAY, country, main, fiscal)[0]:
                # relative ("this year") with no publication date to read it against: it holds its place, so
                # the figure it follows takes no period rather than the next figure's ("... before 1.9% in 2026")
                taken.append(m.span())
                out.append((m.start(), m.end(), rank, "", ""))
    quarters = {v for *_, v, _ in out if _QUARTER_SPAN.fullmatch(v) and months(v) == 3}
    for m, rank in before:  # "5.05% in the three months to June, below 5.11% of the previous three-month period"
        if len(quarters) == 1 and not any(a < m.end() and m.start() < b for a, b in taken):
            value, how = _one("quarter-before", m, published, country, next(iter(quarters)), fiscal)
            if value:
                out.append((m.start(), m.end(), rank, value, how))
    return tuple(sorted(out))


_QUARTER_SPAN = re.compile(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})")


def months(period: str) -> int:
    """How many months a period as align writes it spans ("2023-12": 1, "2024-07/2024-09": 3, "2023": 12);
    0 for a day (a point in time, as a rate set or a close) or anything else."""
    ends = []
    for part in (period or "").split("/")[:2]:
        bits = part.split("-")
        if not bits[0].isdigit() or len(bits[0]) != 4 or len(bits) > 2 or not all(b.isdigit() for b in bits):
            return 0
        ends.append((int(bits[0]), int(bits[1]) if len(bits) == 2 else 0))
    if not ends:
        return 0
    (y1, m1), (y2, m2) = ends[0], ends[-1]
    n = (y2 - y1) * 12 + (m2 or 12) - (m1 or 1) + 1
    return n if n > 0 else 0


# "2.1% in 2025", "2.8 percent in 2024", "5.2 per cent for the year": a period a preposition brings in
# right after a figure (and its unit) is that figure's
_AFTER_FIGURE = re.compile(r"(?:\s*(?:%|per\s?cent|percent|pct|points?|[a-z]*illion|tonnes|tons|yen|won|dollars|"
                           r"euros|rupees|crore))*\s*(?:in|for|during)\s+(?:the\s+)?$", re.I)


def _bound_to(text: str, a: int) -> int:
    """Where the figure starts whose period the expression at ``a`` is ("in 2024" after "1.2%"), or -1."""
    if a <= 0 or text[a - 1] != " ":
        return -1
    before = text[max(0, a - 40):a]
    for m in reversed(list(_BASE_FIGURE.finditer(before))):
        if _AFTER_FIGURE.fullmatch(before, m.end()):
            return a - len(before) + m.start()
        break
    return -1


# A period right before the figure it dates: "in the first quarter at 1.1%", "for 2025 of 2.4%"
_LEADS_FIGURE = re.compile(r",?\s+(?:at|of|was|were|stood\s+at|came\s+to|reached)\s+(?:an?\s+|about\s+|around\s+)?[-+−]?\$?\d")


_CALENDAR_MEASURE = re.compile(r"\b(?:growth|grow|grew|grows|economy|economic|inflation|prices|unemployment|jobless)\b",
                               re.I)
# A period after "over", "against" or "versus" is what a change is measured against when the sentence
# states another period beside it
_OVER_BEFORE = re.compile(r"\b(?:over|against|versus|vs\.?)\s+(?:the\s+)?$", re.I)


def _find(text: str, published: Optional[date], country: str, near: int, main: str = "",
          fiscal: bool = False, rate: Optional[Callable[[], bool]] = None, days: bool = False,
          end: int = -1) -> tuple[str, str]:
    """The period expression of ``text`` nearest to position ``near``; ``rate`` says (when asked)
    whether the figure is a price change, read over the year to a month as that month's rate; ``days``:
    a weekday ("on Thursday", ``weekdays.weekdays_in``) is one of the expressions too, the last in rank;
    ``end``: where the figure ends, what an expression after it is measured from ("1.2% this year and 2.1%
    next year": "next year" is right after 2.1%, "this year" five characters before it)."""
    best: tuple[int, int, str, str] | None = None
    expressions = _expressions(text, published, country, main, fiscal)  # disjoint, in text order
    if days:  # a weekday right after the figure ("kept at 0.25% on Thursday", "to 38,814 on Thursday") is its
        # day; one before it mostly dates the report ("TSMC on Thursday reported a profit of ... for the quarter")
        weekdays = weekdays_in(text, published, len(_PATTERNS))
        extra = [d for d in weekdays if near <= d[0] <= near + _DAY_AFTER and not _BREAK_BEFORE.search(text, near, d[0])
                 and not any(a < d[1] and d[0] < b for a, b, *_ in expressions)]
        expressions = tuple(sorted((*expressions, *extra))) if extra else expressions
        if not expressions and weekdays:  # nothing else dates the figure: a decision's day in the sentence
            return weekdays[0][3], weekdays[0][4]
    # the nearest is the last one starting at or before ``near`` or the first after it
    i = bisect.bisect_right(expressions, near, key=lambda e: e[0])
    nearest = expressions[max(i - 1, 0):i + 1]
    starts = _cut_starts(text)
    for a, b, rank, value, how in nearest:
        if a > near and (_other_figures(text, starts, near, a) or _CONCESSIVE.search(text, near, a)):
            # "..., though it slowed from 5.7% in the third quarter", ", even though December is soft": theirs
            continue
        dist = 0 if a <= near <= b else a - max(end, near) if a > near else min(abs(a - near), abs(b - near))
        # one across a clause break is farther: "May's gain is 216,000 and June's 179,000"
        dist += 1000 * _cuts_between(starts, min(b, near), max(a, near))
        if len(nearest) > 1 and _bound_to(text, a) not in (-1, near):
            dist += 500  # "1.2% in 2024, 2.1% in 2025": "in 2024" is the period of the figure it follows
        if len(nearest) > 1 and a > near and _LEADS_FIGURE.match(text, b):
            dist += 500  # "stands at 1.4% and in the first quarter at 1.1%": the period of the figure after it
        over = _OVER_BEFORE.search(text, max(0, a - 12), a)
        if len(nearest) > 1 and over and (a > near or not over.group().lower().startswith("over")):
            # "In the April-June quarter, the economy had grown 1.4% over January-March": a base ("Over January to
            # September, growth averaged 5.8%": a period before the figure, "over" it, is the figure's own)
            dist += 2000
        if best is None or (dist, rank) < best[:2]:
            best = (dist, rank, value, how)
    year_to = best is not None and best[1] < len(_PATTERNS) and _PATTERNS[best[1]][0] == "year-to"
    if best is not None and rate is not None and ("/" in best[2] or year_to):
        a, b = next((x[0], x[1]) for x in expressions if x[2] == best[1] and x[3] == best[2])
        if (year_to or text[a:b].lower().startswith("between")) and rate():
            # September's rate, not the twelve months' (the year to December: December's)
            best = (*best[:2], best[2].split("/")[1] if "/" in best[2] else f"{best[2]}-12", best[3])
    return (best[2], best[3]) if best else ("", "")


# "GDP reached R$3.0 trillion in the quarter", "gained 1.9 percent over the month", "averaged 3.63% over the year":
# the period the report is about, named by its length only ("the same quarter", "the previous month" are others)
_THE_PERIOD = re.compile(r"\b(?:in|for|during|over|through|throughout|across)\s+the\s+(?P<n>quarter|month|year|half|period)\b"
                         r"(?!\s+(?:to|ended|ending|before|earlier|ago|of|that|which|starting|beginning|through|under)\b)"
                         r"(?![-\w])", re.I)
_LENGTH = {"month": 1, "quarter": 3, "half": 6, "year": 12}


def the_period(sentence: str, figure: tuple[int, int]) -> str:
    """"quarter", "month", "half", "year" or "period" when the figure's own clause (not a comparison base)
    dates it as "in the quarter", "over the month": the period of the report, which the brief's title or
    lead states (``fits_length``); "" otherwise."""
    own = next(((a, b) for a, b, base in segments(sentence) if a <= figure[0] < b and not base), None)
    if own is None:
        return ""
    starts = _cut_starts(sentence)
    for m in _THE_PERIOD.finditer(sentence, own[0], own[1]):
        if not _cuts_between(starts, min(m.start(), figure[0]), max(m.start(), figure[1])):
            return m.group("n").lower()
    return ""


def fits_length(period: str, noun: str) -> bool:
    """Whether ``period`` ("2024-07/2024-09", "2024-10", "2024") is as long as ``noun`` says ("quarter")."""
    if noun == "period":
        return bool(period)
    return months(period) == _LENGTH.get(noun, -1)


_IN_BEFORE = re.compile(r"\b(?:in|for|during|of)\s+(?:the\s+)?$", re.I)


# "four quarters at 0.3%", "three straight months of 0.5%": a figure each of a run of periods, none of them the
# sentence's own period
_RUN_BEFORE = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(?:(?:straight|"
                         r"consecutive|successive|preceding|previous|prior)\s+)?(?:quarters|months|years|weeks)\s+"
                         r"(?:at|of)\s+(?:about\s+|around\s+|roughly\s+)?[$€£¥+-]?$", re.I)


def resolve(sentence: str, figure: tuple[int, int], published: Optional[date], country: str = "",
            own_year: str = "") -> tuple[str, str]:
    """(as-of, how) for the figure at ``figure`` (offsets in ``sentence``); how: stated | relative | "".
    ``own_year``: the year the brief reports on (its title's), for "the previous year" of a sentence naming none."""
    if _RUN_BEFORE.search(sentence, 0, figure[0]):  # "after four straight quarters at 0.3%": a run's figure, no one period's
        return "", ""
    segs = segments(sentence)
    own = next((s for s in segs if s[0] <= figure[0] < s[1]), (0, len(sentence), False))
    sentence = blank_vintages(blank_asides(sentence, figure))
    blanked = list(sentence)
    for a, b, base in segs:
        if base:
            for i in range(a, b):
                blanked[i] = " "
    semicolon = sentence.find(";", figure[1])  # "up 59% for the year; ... reached $17bn in December": another clause's
    if semicolon >= 0:
        blanked[semicolon:] = " " * (len(blanked) - semicolon)
    main_text = "".join(blanked)

    def rate() -> bool:
        return bool(_RATE_AFTER.match(sentence, figure[1]) or _RATE_AFTER.search(sentence[figure[0]:figure[1]])) \
            and bool(_PRICES.search(sentence)) and not _other_measure(sentence, figure)

    if own[2]:  # the figure is inside a comparison base: its own words date it, relative to the main period
        main = _find(main_text, published, country, figure[0])[0] or own_year or "-"
        text = " " * own[0] + sentence[own[0]:own[1]]
        return _find(text, published, country, figure[0] - 0, main, bool(_FISCAL_CONTEXT.search(sentence)), rate)
    # a decision's day dates the figure beside it ("kept rates at 0.25% on Thursday, ... next year's wage
    # talks": Thursday's, not next year's), and any figure nothing else in its sentence dates
    if own_year and _previous_year_only(main_text, published, country):
        # "Net profit amounted to EUR 1,380 million (previous year: EUR 1,673 million)" in a release on 2024
        # published in 2025: the year before 2024, not before the day of publication
        return _find(main_text, published, country, figure[0], main=own_year, rate=rate, days=True, end=figure[1])
    return _find(main_text, published, country, figure[0], rate=rate, days=True, end=figure[1])



_PREVIOUS_YEAR = re.compile(r"(?:the\s+)?(?:previous|prior)\s+year|the\s+year\s+before", re.I)


def _previous_year_only(text: str, published: Optional[date], country: str) -> bool:
    """Whether the one kind of period ``text`` names is "the previous year" (none of its own)."""
    found = _expressions(text, published, country, "")
    return bool(found) and all(_PREVIOUS_YEAR.fullmatch(text[a:b].strip()) for a, b, *_ in found)
