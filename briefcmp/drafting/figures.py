"""Find the figures a text states: money, percentages, ranks, counts, durations, multiples, dates.

``find_figures(text)`` returns one ``Figure`` per figure, each with a typed
``model.Value`` (amount as written, scale, unit, bound from the qualifier), the
period the figure refers to when its sentence says so (``as_of``), and the
offsets of the figure phrase and of its sentence. The text is expected in the
*prepared* form of ``briefcmp.drafting.sentences.prepare`` (typographic characters
folded, line breaks kept), but any text works.

Not figures: footnote markers (``week.2``), endnote and bibliography sections
and citation lines, URLs and e-mail addresses, page / issue / article numbers
(``p. 12``, ``No. 4``, ``Article 9``), numbers that are part of names (``G7``,
``Sakhalin-1``, ``COP 21``, ``2+2``, ``F-35``), bare numbers with nothing
counted, and dates that only say when another figure holds (they become its
``as_of``). A date that is itself the point ("on February 16, Kishida spoke")
is a date figure.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from briefcmp.drafting import sentences as _sentences
from briefcmp.corpus.model import PartialDate, Period, Value

# --------------------------------------------------------------------------- vocabulary

_UNIT_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
               "fifteen sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNIT_WORDS)}
WORD_NUMBERS.update({w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)})
WORD_NUMBERS["dozen"] = 12
ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_FOLD_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
               "eightfold": 8, "ninefold": 9, "tenfold": 10, "twentyfold": 20, "hundredfold": 100,
               "thousandfold": 1000}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
              "fifth": 20.0, "fifths": 20.0, "tenth": 10.0, "tenths": 10.0}

_SCALE_WORDS = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
                "k": "thousand", "m": "million", "mn": "million", "mln": "million", "b": "billion",
                "bn": "billion", "bln": "billion", "t": "trillion", "tn": "trillion", "trn": "trillion"}

_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD",
            "s$": "SGD", "nt$": "TWD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW",
            "₽": "RUB", "₹": "INR", "₴": "UAH"}
_CODES = ("USD EUR JPY KRW RUB GBP CNY UAH CHF CAD AUD INR HKD SGD TWD NZD BRL TRY PLN SEK NOK DKK "
          "CZK HUF KZT").split()
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
                   "won": "KRW", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
                   "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "hryvnia": "UAH", "hryvnias": "UAH",
                   "rupee": "INR", "rupees": "INR", "pounds sterling": "GBP", "sterling": "GBP",
                   "swiss francs": "CHF", "zloty": "PLN", "zlotys": "PLN", "tenge": "KZT", "lira": "TRY"}
_DOLLAR_ADJ = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD",
               "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD"}

# Qualifier -> bound. The regex tries longer phrases first, so "just over" wins over "over".
_QUALIFIERS = [
    ("approximate", "roughly about around approximately approx. approx some nearly almost circa ca. "
                    "an_estimated estimated close_to just_about more_or_less ~"),
    ("more-than", "more_than over above exceeding in_excess_of upwards_of greater_than higher_than "
                  "just_over well_over larger_than"),
    ("less-than", "less_than fewer_than under below lower_than just_under short_of smaller_than"),
    ("at-least", "at_least no_less_than no_fewer_than not_less_than a_minimum_of"),
    ("at-most", "at_most no_more_than not_more_than a_maximum_of not_exceeding"),
    ("up-to", "up_to as_much_as as_many_as as_high_as"),
]
QUALIFIER_BOUND: dict[str, str] = {}
for _bound, _words in _QUALIFIERS:
    for _w in _words.split():
        QUALIFIER_BOUND[_w.replace("_", " ")] = _bound
_QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(\"'-]))(" + "|".join(re.escape(q) for q in sorted(QUALIFIER_BOUND, key=len, reverse=True))
    + r")\s*(?:(?:an?|the)\s+(?:additional\s+|extra\s+|further\s+)?)?$", re.I)

# Words before a number that make it a reference, not a figure ("p. 12", "Article 9").
_REFERENCE_WORDS = frozenset("""
p pp page pages vol vols volume volumes no nos number issue issues iss chapter chapters ch section
sections sec art article articles para paragraph paragraphs fig figure figures table tables note notes
footnote footnotes endnote ed edition part parts item items clause clauses annex appendix resolution
resolutions rule rules line lines level phase stage step version ver model type class grade route
highway flight room box tier session plenum cop
""".split())

# Words that end a modifier run before a counted noun.
_STOP = frozenset("""
a an the this that these those its his her their our your my of in on at to for from by with without
into onto than as and or but nor if per via about among between against during through under over
is are was were be been being has have had do does did will would shall should can could may might
must not no also only just more less most least which who whom whose what when where while it they
we he she them us him i you each every all both some any such other another same so very too up down
out off then there here percent cent times fold s
""".split())
# -s words that are not plural nouns.
_NOT_PLURAL = frozenset("""
is was has does this its his hers ours theirs yours us as thus plus less unless across always perhaps
whereas various previous serious numerous famous nervous obvious enormous tremendous anxious cautious
conscious continuous dangerous generous vigorous ambitious religious gas bus status bonus census
consensus crisis analysis basis emphasis thesis yes besides towards afterwards sometimes nevertheless
regardless series species politics economics physics means news alas chaos canvas christmas
""".split())
_IRREGULAR_PLURALS = frozenset("""
people children men women personnel police staff cattle feet teeth mice geese aircraft sheep fish
deer offspring
""".split())
_MEASURE_UNITS = frozenset("km kg mt bcm tcm mw gw twh kwh bpd mtoe ha km2 tonnes tons".split())
_DURATIONS = {"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
              "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
              "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years",
              "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries"}
# Units briefcmp cannot compare are written in ones it can: a decade is ten years.
_DURATION_FACTOR = {"decades": ("years", 10), "centuries": ("years", 100)}
# "met 27 times": the verb says what was counted.
_EVENT_VERBS = {"meet": "meetings", "met": "meetings", "meeting": "meetings", "meetings": "meetings",
                "visit": "visits", "visited": "visits", "visiting": "visits", "call": "calls",
                "called": "calls", "phoned": "calls", "talked": "talks", "spoke": "conversations",
                "vote": "votes", "voted": "votes", "attacked": "attacks", "launched": "launches",
                "tested": "tests", "postponed": "postponements", "delayed": "delays", "summit": "summits",
                "summits": "summits"}
_SUPERLATIVE = re.compile(
    r"[\s-]+(largest|biggest|greatest|highest|lowest|smallest|leading|top|richest|poorest|strongest|"
    r"weakest|busiest|fastest[\s-]growing|most[\s-]+[a-z]+|least[\s-]+[a-z]+)\b", re.I)
_DEFINITE = frozenset("the these those its their our his her both all".split())
_COMPOUND_NOT_COUNT = frozenset("way sided fold thirds third half quarter".split())

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Figure:
    """One figure found in a text. Offsets are into the text given to ``find_figures``."""

    kind: str  # money | percent | points | rank | count | duration | multiple | date
    value: Value
    start: int  # the figure phrase, qualifier included
    end: int
    sentence: tuple[int, int]  # the span to quote
    as_of: Optional[Period] = None

    def phrase(self, text: str) -> str:
        return text[self.start:self.end]


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


# --------------------------------------------------------------------------- exclusions

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\b[\w-]+\.(?:com|org|net|gov|edu|int)"
                  r"(?:/\S*)?", re.I)
_NOTES_HEADING = re.compile(r"^[ \t]*(?:end[ \t-]?notes|notes|foot[ \t-]?notes|references|bibliography|"
                            r"sources|works[ \t]+cited|literature|citations|sources[ \t]+and[ \t]+notes)"
                            r"[ \t]*:?[ \t]*$", re.I | re.M)
_CITATION_MARK = re.compile(r"https?://|www\.|\bavailable at\b|\baccessed\b|\bretrieved\b|\bibid\b|\bop\. ?cit\b|"
                            r"\bet al\.|\bpp?\. ?\d", re.I)
_LINE = re.compile(r"^.+$", re.M)
_NUMBERED_LINE = re.compile(r"^[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)]|\^\d{1,3})[ \t]+\S.*$", re.M)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans that hold no figures: URLs, e-mail addresses, endnote sections, citation lines."""
    spans = [m.span() for m in _URL.finditer(text)]
    for m in _NOTES_HEADING.finditer(text):
        if m.start() < len(text) * 0.3:  # near the start, "Sources" heads a section of the body
            continue
        # The notes run until a paragraph of prose that cites nothing (an appendix, the next text).
        end = len(text)
        for line in _LINE.finditer(text, m.end()):
            words = line.group().split()
            if len(words) >= 25 and not _NUMBERED_LINE.match(line.group()) \
                    and not _CITATION_MARK.search(line.group()) and not re.search(r"\(\d{4}\)|\b\d{4}\b,", line.group()):
                end = line.start()
                break
        spans.append((m.start(), end))
    numbered = list(_NUMBERED_LINE.finditer(text))
    cited = [bool(_CITATION_MARK.search(m.group())) for m in numbered]
    for i, m in enumerate(numbered):
        # A numbered line is a citation when it cites, or sits between citation lines.
        if cited[i] or (0 < i < len(numbered) - 1 and cited[i - 1] and cited[i + 1]):
            spans.append(m.span())
    return sorted(spans)


class SpanSet:
    """Non-overlapping spans kept sorted, so overlap tests cost a binary search, not a scan."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b)  # spans starting before b
        return i > 0 and self.ends[i - 1] > a

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


# --------------------------------------------------------------------------- dates

_DATE_PATTERNS = [
    ("mdy", rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>{_YEAR})\b"),
    ("dmy", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
    ("iso", rf"\b(?P<y>{_YEAR})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})\b"),
    ("dotted", rf"\b(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>{_YEAR})\b"),
    ("slashed", rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})\b"),
    ("my", rf"\b(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b"),
    ("mrel", rf"\b(?P<m>{_MONTH})\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b"),
    ("range", rf"(?<![\d$€£¥.,])(?P<y>{_YEAR})\s*(?:-|to|and|through|until)\s*(?P<y2>{_YEAR}|\d\d)\b(?![.,]\d)"),
    ("fiscal", rf"\b(?:FY\s?|[Ff]iscal\s+(?:[Yy]ear\s+)?)(?P<y>{_YEAR})\b"),
    ("decade", r"(?<![\d$€£¥])(?P<y>(?:1[89]|20)\d0)'?s\b"),
    ("md", rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]\d)"),
    ("dm", rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\b"),
    ("year", rf"(?<![\d$€£¥.,#/+:-])(?P<y>{_YEAR})\b(?!,\d|%|\s?-?(?:percent|per cent|thousand|million|"
             r"billion|trillion|[mb]n)\b)"),
    ("relyear", r"\b(?P<rel>last|this|next|previous|past)\s+year\b(?!s)"),
    ("month", rf"\b(?:in|since|by|until|from|early|late|mid|end\s+of|beginning\s+of)[\s-](?P<m>{_MONTH})\b"
              r"(?![\s,]*\d)"),
]
_DATE_RES = [(name, re.compile(p)) for name, p in _DATE_PATTERNS]
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]+(?:the\s+)?(?:(?:early|late|mid|end\s+of|beginning\s+of|start\s+of|"
                          r"year(?:\s+of)?)[\s-]+)?$", re.I)


def _pdate(year: int, month: int = 0, day: int = 0) -> Optional[PartialDate]:
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def find_dates(text: str, published: Optional[PartialDate] = None) -> list[DateMention]:
    """Every date or period mention, longest patterns first, without overlaps."""
    taken = SpanSet()
    out: list[DateMention] = []
    for name, pattern in _DATE_RES:
        for m in pattern.finditer(text):
            a, b = m.span("m") if name == "month" else m.span()
            if taken.overlaps(a, b):
                continue
            if name == "year" and re.match(r"\.\d", text[b:b + 2]) and not _footnote_after(text, b):
                continue  # "2021.5 million": a decimal, not a year
            if name in ("month", "md") and m.group("m") == "May" and name == "month":
                continue
            if name == "month" and m.group("m").rstrip(".") in ("Mar", "May", "Jan", "Jun"):
                continue  # short forms that are also words or names
            period = _date_period(name, m, published)
            before = _WORD_BEFORE.search(text, max(0, a - 40), a)
            taken.add(a, b)
            g = m.groupdict()
            month_day = (_month(g["m"]) if g.get("m") else 0, int(g["d"]) if g.get("d") else 0)
            out.append(DateMention(a, b, period, name, before.group(1).lower() if before else "", month_day,
                                   name in ("md", "dm", "month")))
    out.sort(key=lambda d: d.start)
    return out


def _footnote_after(text: str, b: int) -> bool:
    """``2021.29 Hyundai``: a footnote number after a full stop, not decimals."""
    return bool(re.match(r"\.\d{1,3}(?:\s+[A-Z\"']|\s*$|\s*\n)", text[b:b + 8]))


def _date_period(name: str, m: re.Match, published: Optional[PartialDate]) -> Optional[Period]:
    g = m.groupdict()
    base = published.year if published else None
    if g.get("rel"):
        if base is None:
            return None
        year = base + {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[g["rel"].lower()]
    elif g.get("y"):
        year = int(g["y"])
    else:
        year = _implied_year(m, g, published)
        if year is None:
            return None
    month = _month(g["m"]) if g.get("m") else 0
    if name in ("iso", "dotted"):
        d = _pdate(year, int(g["mo"]), int(g["d"]))
    elif name == "slashed":
        a, b = int(g["a"]), int(g["b"])
        day, mon = (a, b) if a > 12 else (b, a) if b > 12 else (0, 0)
        d = _pdate(year, mon, day) if mon else None
    elif name in ("mdy", "dmy", "md", "dm"):
        d = _pdate(year, month, int(g["d"]))
    elif name in ("my", "month", "mrel"):
        d = _pdate(year, month)
    elif name == "range":
        y2 = g["y2"]
        end = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        return Period(PartialDate(year), PartialDate(end)) if end > year else None
    elif name == "decade":
        return Period(PartialDate(year), PartialDate(year + 9))
    else:
        d = PartialDate(year)
    return Period(d) if d else None


def _month(word: str) -> int:
    w = word.rstrip(".").lower()
    return MONTHS.get(w if w in MONTHS else w[:3], 0)


def _implied_year(m: re.Match, g: dict, published: Optional[PartialDate]) -> Optional[int]:
    """The year of "on February 16" in a text published on ``published`` (see ``_Finder.settle_year``)."""
    return published.year if published else None


# --------------------------------------------------------------------------- numbers

_NUMWORD = (r"(?:(?:" + "|".join(_TENS_WORDS) + r")(?:-(?:" + "|".join(_UNIT_WORDS[1:10]) + r"))?|"
            + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True)) + r"|dozen)")
_TOKEN = re.compile(
    r"(?P<ord>\b\d+(?:st|nd|rd|th)\b|\b(?:" + "|".join(ORDINAL_WORDS) + r")\b)"
    r"|(?P<fold>\b(?:" + "|".join(_FOLD_WORDS) + r")\b)"
    r"|(?P<twice>\btwice\b(?=\s+(?:as|the)\b))"
    r"|(?P<mag>\b(?:an|one|two|three|several)\s+orders?\s+of\s+magnitude\b)"
    r"|(?P<frac>\b(?:(?:one|a)[\s-]+(?:third|quarter|fifth|tenth)|(?:two|three|four)[\s-]+(?:thirds|quarters|fifths|"
    r"tenths)|half)\b)"
    r"|(?P<word>\b(?:a\s+(?=dozen))?" + _NUMWORD + r"(?:\s+hundred)?\b)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)", re.I)

_PREFIX_CURRENCY = re.compile(
    r"(?:(?P<code>\b(?:" + "|".join(_CODES) + r"))\s?|(?P<sym>(?:US|U\.S\.|A|C|HK|NZ|S|NT|R)?\$|[€£¥₩₽₹₴])\s?)$")
_SCALE_AFTER = re.compile(r"(?:\s?-?\s?|\s)(?P<s>thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b"
                          r"|(?P<g>[kmbtKMBT])\b(?!\.\w)", re.I)
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|pct\b)(?P<pts>\s+points?\b)?", re.I)
_POINTS_AFTER = re.compile(r"\s+percentage[\s-]points?\b|\s?(?:pp|ppt|p\.p\.)(?![\w])", re.I)
_CURRENCY_AFTER = re.compile(
    r"\s+(?:(?P<adj>U\.?S\.?|US|American|Australian|Canadian|Hong Kong|New Zealand|Singapore|Taiwan(?:ese)?|"
    r"Japanese|Korean|South Korean|Russian|Chinese|Ukrainian|Indian|Swiss)\s+)?"
    r"(?P<cur>" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + "|" + "|".join(_CODES) + r")\b", re.I)
_TIMES_AFTER = re.compile(r"(?P<more>\s+more)?\s+times\b|(?:\s?-\s?|\s?)fold\b|x\b", re.I)
_COMPARATIVE_AFTER = re.compile(r"\s+(?:more|less|fewer|larger|bigger|greater|higher|lower|smaller|"
                                r"as\s+[a-z]+\s+as|the\s+(?:size|amount|level|number|value|volume|rate|total)|"
                                r"that\s+of|[a-z]+er\s+than)\b", re.I)
_DURATION_AFTER = re.compile(r"(?:\s+|-)(?P<u>" + "|".join(_DURATIONS) + r")\b", re.I)
_COMPOUND_AFTER = re.compile(r"-(?P<n>[a-z]{3,})\b(?!-)")
_RANK_BEFORE = re.compile(r"\b(?:rank(?:s|ed|ing)?|placed?|places|position(?:ed)?)\s+(?:as\s+)?(?:the\s+)?"
                          r"(?:world'?s\s+)?$", re.I)
_PLACE_AFTER = re.compile(r"\s+(?:place|position|spot)\b", re.I)
_RANGE_NEXT = re.compile(r"(?:\s?-\s?|\s+to\s+|\s+and\s+)(?P<cur>(?:US)?\$|[€£¥₩₽])?\s?"
                         r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\b(?![.,]\d)")
_WORD = re.compile(r"[\s-]*([A-Za-z][A-Za-z'.]*(?:-[A-Za-z]+)*)")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_PAST = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed)\b")
_FUTURE = re.compile(r"\b(?:will|shall|would|may|might|could|upcoming|next|coming|due|expected|planned|scheduled|"
                     r"to be held|is to)\b", re.I)
_SENTENCE_END = re.compile(r"[.!?:;。！？][\"')\]]*(?:\d{1,3}|\[\d{1,3}\])?$")


def _heading(text: str) -> bool:
    """At most 14 words and no closing punctuation: a heading, title or dateline."""
    return len(text.split()) <= 14 and not _SENTENCE_END.search(text)
_ANY_OTHER = re.compile(r"\b(?:more|larger|bigger|higher|greater|most)\b[^.;:]{0,40}?\bthan\s+any\s+other\s+"
                        r"([a-z]+(?:\s+[a-z]+)?)", re.I)
_FIRST_TO = re.compile(r"\b[Tt]he\s+first\s+((?:[A-Za-z-]+\s+){0,3}?[A-Za-z-]+)\s+to\s+[a-z]+\b")
_TOP_SUPERLATIVE = re.compile(
    r"(?:\b(?:the|its|their|his|her)|'s)\s+(largest|biggest)\s+([A-Za-z-]+)")


def number_value(token: str) -> Optional[float]:
    """The value of a number token: "1,234.5", "seven", "twenty-one", "a dozen", "two hundred"."""
    t = token.lower().strip()
    if t[:1].isdigit() or t[:1] == ".":
        return float(t.replace(",", ""))
    if t.startswith(("a ", "an ")):
        t = t.split(None, 1)[1]
    hundred = t.endswith(" hundred")
    if hundred:
        t = t.rsplit(None, 1)[0]
    parts = t.split("-")
    if any(p not in WORD_NUMBERS for p in parts):
        return None
    n = sum(WORD_NUMBERS[p] for p in parts)
    return float(n * 100 if hundred else n)


def _plural_noun(word: str) -> bool:
    w = word.lower().strip("'.")
    if w in _IRREGULAR_PLURALS or w in _MEASURE_UNITS:
        return True
    if w in _NOT_PLURAL or w in _STOP or len(w) < 3 or "'" in w:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


@dataclass
class _After:
    """What follows a number."""

    kind: str  # money | percent | points | multiple | times | duration | count | scaled | bare
    unit: str = ""
    scale: str = ""
    end: int = 0


class _Finder:
    """One pass over a text; see ``find_figures``."""

    def __init__(self, text: str, published: Optional[PartialDate],
                 sentence_spans: Optional[list[tuple[int, int]]]) -> None:
        self.text = text
        self.published = published
        self.blocked = SpanSet(excluded_spans(text))
        if sentence_spans is None:
            sentence_spans = [(s.start, s.end) for s in _sentences.split(text)]
        self.sentences = sorted(sentence_spans)
        self.sentence_starts = [s for s, _ in self.sentences]
        dates = [d for d in find_dates(text, published) if not self.blocked.overlaps(d.start, d.end)]
        self.dates = self.complete_years(dates)
        self.date_starts = [d.start for d in self.dates]
        self.date_spans = SpanSet((d.start, d.end) for d in self.dates)
        self.used = SpanSet()

    def sentence_index(self, a: int) -> int:
        """The index of the sentence holding offset ``a`` (or -1)."""
        i = bisect.bisect_right(self.sentence_starts, a) - 1
        return i if i >= 0 and a < self.sentences[i][1] else -1

    def dates_in(self, s: int, e: int) -> list[DateMention]:
        return self.dates[bisect.bisect_left(self.date_starts, s):bisect.bisect_left(self.date_starts, e)]

    def opens(self, sent_start: int, d: DateMention) -> bool:
        """True when the date opens its sentence ("In 2020, ...", "As of 2019, ..."): it dates it all."""
        head = self.text[sent_start:d.start]
        return len(head) <= 20 and len(_WORDS.findall(head)) <= 4

    def complete_years(self, dates: list[DateMention]) -> list[DateMention]:
        """"the 2014 conference in November": a yearless date takes the year written just before it."""
        out: list[DateMention] = []
        for d in dates:
            if d.pattern in ("md", "dm", "month") and out:
                prev = out[-1]
                gap = self.text[prev.end:d.start]
                if prev.pattern == "year" and len(gap) < 60 and not re.search(r"[.;!?]\s", gap) and prev.period \
                        and d.month_day[0]:
                    month, day = d.month_day
                    if _pdate(prev.period.start.year, month, day):
                        period = Period(PartialDate(prev.period.start.year, month, day))
                        out[-1] = DateMention(prev.start, d.end, period, d.pattern, prev.word_before)
                        continue
            out.append(self.settle_year(d) if d.implied_year and d.period is not None else d)
        return out

    def settle_year(self, d: DateMention) -> DateMention:
        """A yearless date after the publication month is last year's unless the sentence looks ahead.

        "storage reached 95% on November 1" written in September is last November; "the
        vote due on November 1" is this one; with no tense to go by, a month more than
        two months ahead is taken as last year's.
        """
        pub = self.published
        start = d.period.start
        if pub is None or not pub.month or (start.year, start.month) <= (pub.year, pub.month):
            return d
        i = self.sentence_index(d.start)
        sentence = self.text[self.sentences[i][0]:self.sentences[i][1]] if i >= 0 else ""
        if _FUTURE.search(sentence):
            return d
        if not _PAST.search(sentence) and start.month <= pub.month + 2:
            return d
        shifted = _pdate(start.year - 1, start.month, start.day)
        return DateMention(d.start, d.end, Period(shifted), d.pattern, d.word_before, d.month_day, True) \
            if shifted else d

    # ----------------------------------------------------------------- driver

    def run(self, dates: bool) -> list[Figure]:
        found: list[tuple[int, int, str, Value]] = []
        for m in _TOKEN.finditer(self.text):
            a, b = m.span()
            if self.blocked.overlaps(a, b) or self.date_spans.overlaps(a, b) or self.used.overlaps(a, b):
                continue
            got = self.figure_at(m)
            if got is None:
                continue
            start, end = got[0], got[1]
            if self.blocked.overlaps(start, end) or self.used.overlaps(start, end):
                continue
            self.used.add(start, end)
            found.append(got)
        found.extend(self.phrase_ranks())
        figures = []
        as_of_used: set[int] = set()
        for start, end, kind, value in sorted(found, key=lambda f: f[0]):
            sent = self.sentence_of(start, end)
            when = self.as_of(sent, start, end)
            if when is not None and when.period.start.precision.value == "year":
                between = self.text[when.end:start] if when.end <= start else self.text[end:when.start]
                if self.opens(sent[0], when) or not re.search(r"[,;:]|\s-\s", between):
                    as_of_used.add(when.start)  # a year that only dates this figure is no claim of its own
            figures.append(Figure(kind, value, start, end, sent, when.period if when else None))
        if dates:
            figures.extend(self.date_figures(figures, as_of_used))
            figures.sort(key=lambda f: (f.start, f.end))
        return figures

    def sentence_of(self, a: int, b: int) -> tuple[int, int]:
        """The sentence holding [a, b); a figure alone on its line takes the next line as its caption."""
        spans = self.sentences
        i = self.sentence_index(a)
        if i < 0:
            return (a, b)
        s, e = spans[i]
        e = max(e, b)
        if self.label_only(s, e) and i + 1 < len(spans):
            nxt = spans[i + 1]
            if "\n" in self.text[e:nxt[0]] and not self.label_only(*nxt):
                return (s, nxt[1])
        return (s, e)

    def label_only(self, s: int, e: int) -> bool:
        """A chart or table label: no more than two words that are not the figure itself."""
        words = _WORDS.findall(self.text[s:e])
        return len(words) <= 2 and bool(re.search(r"\d", self.text[s:e]))

    def as_of(self, sent: tuple[int, int], a: int, b: int) -> Optional[DateMention]:
        """The date that says when the figure holds: the nearest one in its sentence.

        A date across a clause break counts as far; one more than 100 characters
        away only counts when it opens the sentence ("In 2020, ...").
        """
        best: Optional[tuple[float, DateMention]] = None
        for d in self.dates_in(*sent):
            if d.period is None or d.end > sent[1]:
                continue
            if d.word_before in ("since", "after", "before", "until", "till", "than"):
                continue
            between = self.text[d.end:a] if d.end <= a else self.text[b:d.start]
            if len(between) > 100 and not self.opens(sent[0], d):
                continue
            dist = len(between) + 1000 * len(re.findall(r";|,\s+(?:and|but|while|whereas)\b|\.\s", between))
            if d.start > b:
                dist -= 0.5  # on a tie, "$15 billion in 2020" reads forward
            if best is None or dist < best[0]:
                best = (dist, d)
        return best[1] if best else None

    def date_figures(self, figures: list[Figure], as_of_used: set[int]) -> list[Figure]:
        """Dates that are claims in their own right.

        Not: a year that says when another figure holds, a period, a dateline, a
        date a comparison refers to ("more than in 2014", "2019's share"), or the
        baseline or deadline of a figure ("the highest since 2013", "by 2030").
        """
        with_figures = {f.sentence for f in figures if f.kind != "date"}
        out: list[Figure] = []
        seen: set[tuple[tuple[int, int], str]] = set()
        for d in self.dates:
            if d.period is None or d.period.end is not None or d.start in as_of_used:
                continue
            i = self.sentence_index(d.start)
            own = self.sentences[i] if i >= 0 else (d.start, d.end)
            own_text = self.text[own[0]:own[1]]
            if len(_WORDS.findall(own_text)) < 4 or _heading(own_text):
                continue  # a dateline or a heading ("Published on 3 May 2023", "Policy After 2022"), not a claim
            clause = re.split(r"[;:,]\s|\s-\s", self.text[own[0]:d.start])[-1]
            if re.search(r"\bthan\b", clause) or re.match(r"'s\b", self.text[d.end:d.end + 3]):
                continue
            sent = self.sentence_of(d.start, d.end)
            if sent in with_figures and d.word_before in ("by", "since", "than"):
                continue
            key = (sent, str(d.period))
            if key in seen:
                continue
            seen.add(key)
            out.append(Figure("date", Value("date", date=d.period.start), d.start, d.end, sent, None))
        return out

    # ----------------------------------------------------------------- one number

    def figure_at(self, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
        """The figure whose number is the token ``m``, or None."""
        text = self.text
        a, b = m.span()
        if m.group("ord"):
            return self.rank_at(m)
        if m.group("fold"):
            return self.finish(a, b, "multiple", Value("quantity", amount=float(_FOLD_WORDS[m.group().lower()]),
                                                      unit="times"))
        if m.group("twice"):
            return self.finish(a, b, "multiple", Value("quantity", amount=2.0, unit="times"))
        if m.group("mag"):
            n = {"an": 1, "one": 1, "two": 2, "three": 3, "several": 0}[m.group().split()[0].lower()]
            if not n:
                return None
            return self.finish(a, b, "multiple", Value("quantity", amount=float(10 ** n), unit="times"))
        if m.group("frac"):
            return self.fraction_at(m)
        words = bool(m.group("word"))
        token = m.group()
        if words and token.lower().startswith(("a ", "an ")) and not token.lower().endswith("dozen"):
            return None
        amount = number_value(token)
        if amount is None:
            return None
        if not words and not self.digits_stand_alone(a, b):
            return None
        before = text[max(0, a - 40):a]
        currency, cur_start = self.prefix_currency(a)
        after = self.after(b, currency=bool(currency))
        if words and token.lower() in ("one", "zero") and after.kind not in ("money", "percent", "points"):
            return None  # "one of", "one year after": not figures
        if currency and after.kind not in ("money", "bare", "count", "scaled"):
            return None
        upper, end = None, after.end
        rng = self.range_after(b, after, currency)
        if rng is not None:
            upper, after, end = rng
        unit, kind, scale = after.unit, after.kind, after.scale
        if currency:
            unit, kind = currency, "money"
        if kind == "bare":
            return self.of_the_count(m, amount) if words or amount < 1000 else None
        if kind == "scaled":
            kind = "count"
        if kind == "times":
            kind, unit = "count", self.event_noun(a) or "times"
        if not words and not currency and not scale and kind in ("count", "duration", "multiple") \
                and re.fullmatch(_YEAR, token):
            return None  # "2022 sanctions": a year
        if _reference_before(before):
            return None
        if kind in ("count", "duration") and not currency and not words and after.kind != "times" \
                and self.name_before(a):
            return None
        if kind == "count" and words and _definite_before(before) and not _selective(text[b:end]) \
                and not re.match(r"\s+of\b", text[end:end + 4]) \
                and not re.search(r"\b(?:\d+|" + _NUMWORD + r")\s+of\s+\w+\s+$", before, re.I):
            return None  # "the two countries": a reference back, not a count ("two of the four" is one)
        if kind == "duration" and unit in _DURATION_FACTOR:
            unit, factor = _DURATION_FACTOR[unit]
            amount, upper = amount * factor, upper * factor if upper is not None else None
        start = cur_start if currency else a
        if start > 0 and text[start - 1] == "-" and (start < 2 or text[start - 2] in " (\n"):
            amount, start = -amount, start - 1
        return self.finish(start, end, kind, Value("quantity", amount=amount, upper=upper, scale=scale, unit=unit))

    def finish(self, start: int, end: int, kind: str, value: Value) -> tuple[int, int, str, Value]:
        """Apply the qualifier before the figure (or "or more" after it) as the bound."""
        text = self.text
        bound = "exact"
        q = _QUAL_RE.search(text, max(0, start - 40), start)
        if q and not (q.group(1).lower() == "over" and _preposition_over(text, q.start(1), kind)):
            bound = "approximate" if q.group(1) == "~" else QUALIFIER_BOUND[q.group(1).lower()]
            start = q.start(1)
        between = re.search(r"\bbetween\s+$", text[max(0, start - 10):start], re.I)
        if between and value.upper is not None:
            start -= len(between.group())
        after = re.match(r"\s+or\s+(more|less|fewer|so)\b|\+(?!\d)|-plus\b", text[end:end + 14], re.I)
        if after and bound == "exact":
            word = (after.group(1) or "more").lower()
            bound = {"more": "at-least", "less": "at-most", "fewer": "at-most", "so": "approximate"}[word]
            end += after.end()
        if bound != "exact":
            value = Value(value.type, amount=value.amount, upper=value.upper, scale=value.scale, unit=value.unit,
                          bound=bound)
        return start, end, kind, value

    def digits_stand_alone(self, a: int, b: int, ordinal: bool = False) -> bool:
        """False for digits glued to a name, a footnote position, a time, a ratio or a code."""
        text = self.text
        prev = text[a - 1] if a > 0 else " "
        prev2 = text[a - 2] if a > 1 else " "
        nxt = text[b] if b < len(text) else " "
        nxt2 = text[b + 1] if b + 1 < len(text) else " "
        if prev.isalpha():
            return bool(re.search(r"\b(?:" + "|".join(_CODES) + r")$", text[max(0, a - 4):a]))
        if prev == "-" and prev2.isalnum():
            return False  # Sakhalin-1, COVID-19, F-35
        if prev in ".,;:)]'\"!?" and a > 1 and not prev2.isspace():
            return False  # a footnote marker: "weeks.2", "said,3"
        if prev in "+/#^:@_&=\\*[" or (prev == "(" and nxt == ")"):
            return False  # 2+2, 24/7, #6, [6], (3)
        if ordinal:
            return True
        if nxt in "+/:" and nxt2.isdigit():
            return False  # 2+2, 24/7, 10:30, 3:1
        if nxt in ",." and nxt2.isdigit():
            return False  # "1,5" or a version number "1.2.3"
        if nxt.isalpha():
            tail = re.match(r"[A-Za-z]+", text[b:b + 6]).group()
            if tail.lower() not in ("bn", "mn", "mln", "bln", "tn", "trn", "k", "m", "b", "t", "x", "pp", "ppt"):
                return False  # 5G, 3D, 155mm
        return True

    def prefix_currency(self, a: int) -> tuple[str, int]:
        m = _PREFIX_CURRENCY.search(self.text, max(0, a - 6), a)
        if not m:
            return "", a
        if m.group("code"):
            return m.group("code").upper(), m.start()
        return _SYMBOLS.get(m.group("sym").lower(), "USD"), m.start()

    def after(self, pos: int, *, currency: bool) -> _After:
        """What follows a number: scale, then a unit (percent, currency word, times, duration, counted noun)."""
        text = self.text
        scale = ""
        m = _SCALE_AFTER.match(text, pos)
        if m:
            if m.group("s"):
                scale = _SCALE_WORDS[m.group("s").lower()]
                pos = m.end()
            elif currency or _CURRENCY_AFTER.match(text, m.end()):
                scale = _SCALE_WORDS[m.group("g").lower()]
                pos = m.end()
        m = _POINTS_AFTER.match(text, pos)
        if m:
            return _After("points", "percentage-points", scale, m.end())
        m = _PERCENT_AFTER.match(text, pos)
        if m:
            return _After("points" if m.group("pts") else "percent",
                          "percentage-points" if m.group("pts") else "percent", scale, m.end())
        m = _CURRENCY_AFTER.match(text, pos)
        if m and not currency:
            cur, adj = m.group("cur").lower(), (m.group("adj") or "").lower()
            if cur == "won" and not (scale or adj):
                m = None  # "won" the verb
            elif cur in ("dollar", "dollars") and adj in _DOLLAR_ADJ:
                return _After("money", _DOLLAR_ADJ[adj], scale, m.end())
            if m:
                code = cur.upper() if cur.upper() in _CODES else _CURRENCY_WORDS[cur]
                return _After("money", code, scale, m.end())
        if currency:
            return _After("money", "", scale, pos)
        if not scale:
            m = _TIMES_AFTER.match(text, pos)
            if m:
                comparative = _COMPARATIVE_AFTER.match(text, m.end())
                if "times" in m.group().lower() and not comparative and not self.growth_before(pos):
                    return _After("times", "times", "", m.end())  # "met 27 times": a count of events
                return _After("multiple", "times", "", m.end())
            m = _DURATION_AFTER.match(text, pos)
            if m:
                end = m.end()
                old = re.match(r"-old\b|-long\b", text[end:end + 5])
                return _After("duration", _DURATIONS[m.group("u").lower()], "", end + (old.end() if old else 0))
            m = re.compile(r"\s+point\b(?=\s+[a-z])").match(text, pos)
            if m:
                return _After("count", "points", "", m.end())  # "an eight point plan"
            m = _COMPOUND_AFTER.match(text, pos)
            if m and m.group("n") not in _COMPOUND_NOT_COUNT and not _plural_noun(m.group("n")) \
                    and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]):
                return _After("count", _pluralise(m.group("n")), "", m.end())  # "an eight-point plan"
        noun = self.counted_noun(pos)
        if noun:
            return _After("count", noun[0], scale, noun[1])
        return _After("scaled" if scale else "bare", "", scale, pos)

    def growth_before(self, pos: int) -> bool:
        """"grew/rose/increased ... 27 times": a multiple, not a count of events."""
        return bool(re.search(r"\b(?:gr[eo]w|grown|rose|risen|increas|expand|multipl|jump|soar|climb|fell|drop|"
                              r"declin|shr[ui]nk|larger|bigger|higher|more)\w*\b(?:\s+\w+){0,3}\s+\S+$",
                              self.text[max(0, pos - 60):pos], re.I))

    def event_noun(self, a: int) -> str:
        """What "N times" counts, from the verb before it: "met with him 27 times" -> meetings."""
        clause = re.split(r"[.;:!?]|,\s", self.text[max(0, a - 80):a])[-1]
        for word in reversed(re.findall(r"[A-Za-z]+", clause)):
            if word.lower() in _EVENT_VERBS:
                return _EVENT_VERBS[word.lower()]
        return ""

    def counted_noun(self, pos: int) -> Optional[tuple[str, int]]:
        """The plural noun counted after a number, past up to three modifiers ("seven largest banks")."""
        text = self.text
        if pos < len(text) and not text[pos].isspace():
            return None
        for _ in range(4):
            m = _WORD.match(text, pos)
            if not m or "\n" in text[pos:m.start(1)]:
                return None
            word = m.group(1).rstrip(".'")
            low = word.lower()
            if low in _STOP or low in WORD_NUMBERS or low[:3] in MONTHS and low in MONTHS:
                return None
            if _plural_noun(word):
                return low, m.start(1) + len(word)
            pos = m.end()
        return None

    def of_the_count(self, m: re.Match, amount: float) -> Optional[tuple[int, int, str, Value]]:
        """"two of the four islands": the first number counts the same noun."""
        text = self.text
        tail = re.match(r"\s+of\s+(?:the|its|their|these|those)\s+(" + _NUMWORD + r"|\d+)\b", text[m.end():], re.I)
        if not tail:
            return None
        noun = self.counted_noun(m.end() + tail.end())
        if not noun:
            return None
        return self.finish(m.start(), m.end(), "count", Value("quantity", amount=amount, unit=noun[0]))

    def range_after(self, b: int, first: _After, currency: str):
        """A range "10-15%", "$10 billion to $15 billion", "between 10 and 15 percent": (upper, after, end)."""
        text = self.text
        m = _RANGE_NEXT.match(text, max(first.end, b))
        if not m:
            return None
        lead = text[max(0, b - 50):b]
        if " and " in m.group() and not re.search(r"\bbetween\s+\S*$", lead, re.I):
            return None
        if re.search(r"\bfrom\s+\S*$", lead, re.I):
            return None  # "from 5% to 10%": a change between two figures, not a range
        second = self.after(m.end(), currency=bool(currency or m.group("cur")))
        if second.kind in ("bare", "scaled") and not (currency and second.scale):
            return None
        if first.kind not in ("bare", "scaled") and (second.kind, second.unit) != (first.kind, first.unit):
            return None
        if first.scale and second.scale and first.scale != second.scale:
            return None
        upper = float(m.group("n").replace(",", ""))
        merged = _After(second.kind, second.unit or first.unit, first.scale or second.scale, second.end)
        return upper, merged, second.end

    def name_before(self, a: int) -> bool:
        """True when the number follows a capitalised word that is not a function word: COP 21, Boeing 737."""
        m = re.search(r"([A-Za-z][\w'.-]*)\s+$", self.text[max(0, a - 40):a])
        if not m:
            return False
        word = m.group(1)
        low = word.lower().rstrip(".")
        return word[0].isupper() and low not in _CAPITALISED_OK and low not in MONTHS and low not in QUALIFIER_BOUND

    def fraction_at(self, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
        """"half of", "half-owned", "a third of", "two-thirds of": a share in percent."""
        text = self.text
        a, b = m.span()
        token = m.group().lower()
        follow = re.match(r"[\s-]+(?:of\b|the\b|its\b|their\b|his\b|her\b|[a-z]+-?owned\b|owned\b)", text[b:b + 12])
        if not follow:
            return None
        if re.search(r"\b(?:and|a)\s+$|\bon\s+be$", text[max(0, a - 6):a], re.I):
            return None  # "one and a half", "on behalf"
        parts = re.split(r"[\s-]+", token)
        n = WORD_NUMBERS.get(parts[0], 1) if len(parts) > 1 else 1
        amount = round(n * _FRACTIONS[parts[-1]], 1)
        end = b
        owned = re.match(r"-owned\b", text[b:b + 7])
        if owned:
            end = b + owned.end()
        return self.finish(a, end, "percent", Value("quantity", amount=amount, unit="percent"))

    # ----------------------------------------------------------------- ranks

    def rank_at(self, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
        text = self.text
        a, b = m.span()
        token = m.group().lower()
        digits = re.match(r"\d+", token)
        if digits and not self.digits_stand_alone(a, a + len(digits.group()), ordinal=True):
            return None
        rank = int(digits.group()) if digits else ORDINAL_WORDS[token]
        if rank < 1:
            return None
        sup = _SUPERLATIVE.match(text, b)
        if sup:
            of, end = self.rank_of(sup.end())
            return self.finish(a, end, "rank", Value("rank", amount=float(rank), unit=of))
        before = _RANK_BEFORE.search(text, max(0, a - 40), a)
        place = _PLACE_AFTER.match(text, b)
        if before or (place and digits):
            return a, place.end() if place else b, "rank", Value("rank", amount=float(rank))
        if digits:
            anniversary = re.match(r"\s+(?:anniversary|birthday)\b", text[b:b + 14], re.I)
            if anniversary and rank > 1:
                return a, b + anniversary.end(), "duration", Value("quantity", amount=float(rank), unit="years")
            return None
        if rank >= 2 and token == m.group() and re.search(r"\b(?:the|its|their|his|her|a)\s+$|'s\s+$",
                                                          text[max(0, a - 8):a]):  # "the Second World War": a name
            # "his second premiership", "the third summit": the n-th of a series
            of, end = self.rank_of(b)
            if of and of.split()[0] not in ("time", "times", "half", "quarter", "place", "round", "largest"):
                return a, end, "rank", Value("rank", amount=float(rank), unit=of)
        return None

    def rank_of(self, pos: int) -> tuple[str, int]:
        """What is ranked: the noun phrase after the ordinal, up to three words ("trade partner")."""
        text = self.text
        words: list[str] = []
        end = pos
        for _ in range(3):
            m = _WORD.match(text, end)
            if not m or "\n" in text[end:m.start(1)] or text[end:m.start(1)].strip(" -"):
                break
            word = m.group(1).rstrip(".'")
            low = word.lower()
            if low in _STOP or low.endswith("'s") or low in MONTHS or low in ORDINAL_WORDS:
                break
            words.append(low)
            end = m.start(1) + len(word)
            nxt = _WORD.match(text, end)
            if not nxt or nxt.group(1).lower() in _STOP or not text[end:nxt.start(1)].strip(" ") == "":
                break
        return " ".join(words), end

    def phrase_ranks(self) -> list[tuple[int, int, str, Value]]:
        """Rank 1 said in words: "its largest partner", "more than any other country", "the first X to"."""
        out = []
        text = self.text
        for pattern, group in ((_TOP_SUPERLATIVE, 2), (_ANY_OTHER, 1), (_FIRST_TO, 1)):
            for m in pattern.finditer(text):
                a, b = m.span()
                if self.blocked.overlaps(a, b) or self.used.overlaps(a, b):
                    continue
                if pattern is _TOP_SUPERLATIVE and re.search(r"\b(?:one|some|among|several|many)\s+of\s+"
                                                             r"(?:the\s+)?\S*$", text[max(0, a - 30):a], re.I):
                    continue  # "one of the largest": not first
                if pattern is _FIRST_TO and (re.search(r"\b(?:time|of)\b", m.group(1), re.I)
                                             or not m.group(1)[:1].isalpha()):
                    continue
                of = m.group(group).lower()
                if pattern is _TOP_SUPERLATIVE:
                    a = m.start(1)
                    of, b = self.rank_of(m.end(1))
                    if not of:
                        continue
                self.used.add(a, b)
                out.append((a, b, "rank", Value("rank", amount=1.0, unit=of)))
        return out


_CAPITALISED_OK = frozenset("""
the in on at by over about some nearly almost around roughly approximately only just more less fewer
up since for with of and or but another its all these those their our each every also then than last
next past first between from to after before during within under until while when as if although
though because whereas yet so both many most several another
""".split())


def _reference_before(before: str) -> bool:
    m = re.search(r"([A-Za-z§]+)\.?\s*$", before)
    return bool(m) and (m.group(1).lower() in _REFERENCE_WORDS or m.group(1) == "§")


def _definite_before(before: str) -> bool:
    m = re.search(r"(\w+)\s+$", before)
    return bool(m) and (m.group(1).lower() in _DEFINITE or before.rstrip().endswith("'s"))


def _selective(tail: str) -> bool:
    """A superlative or "top"/"major" between number and noun selects: "the seven largest banks"."""
    return bool(re.search(r"\b(?:[a-z]+est|[a-z]+most|top|major|biggest|leading|most\s+\w+)\b", tail, re.I))


def _preposition_over(text: str, q: int, kind: str) -> bool:
    """"a dispute over four islands", "50 billion yen over ten years": "over" as a preposition.

    Before a duration "over" means "during" unless a preposition comes first ("in over
    four years"); before a count it is a preposition after a noun ("dispute over").
    """
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, q - 30):q])
    word = m.group(1).lower() if m else ""
    if kind == "duration":
        return word not in ("in", "for", "of", "than", "after", "within", "since")
    if kind != "count" or not word:
        return False
    return word.endswith(("ute", "ion", "ict", "ol", "ty", "ence", "ance", "ment", "sy")) and word not in _STOP


def _pluralise(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def find_figures(text: str, *, published: Optional[PartialDate] = None,
                 sentence_spans: Optional[list[tuple[int, int]]] = None, dates: bool = True) -> list[Figure]:
    """Every figure in ``text``, in text order.

    ``published`` completes dates written without a year ("on February 16") and
    relative ones ("last year"); ``sentence_spans`` may be given when the caller
    has split the text already. With ``dates``, dates that are claims in their
    own right (not the as-of year of another figure in the sentence) are figures too.
    """
    return _Finder(text, published, sentence_spans).run(dates)
