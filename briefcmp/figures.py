"""Find the figures a text states: money, percentages, ranks, counts, durations, multiples.

``find_figures(text)`` returns one ``Figure`` per figure, each with a typed
``model.Value`` (amount as written, scale, unit, bound from the qualifier), the
period it refers to when the sentence says so, and the offsets of the figure
and of its sentence. The text is expected in the *prepared* form of
``briefcmp.sentences.prepare`` (typographic characters folded, line breaks
kept), but any text works.

What is deliberately not a figure: footnote markers (``week.2``), endnote and
bibliography sections and citation lines, URLs and e-mail addresses, page /
issue / article numbers (``p. 12``, ``No. 4``, ``Article 9``), numbers that are
part of names (``G7``, ``Sakhalin-1``, ``COP 21``, ``2+2``, ``F-35``), dates and
years (they become the figure's ``as_of`` instead), and bare numbers with
nothing counted (``the 2 sides`` of a list, ``(1)``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from briefcmp import sentences as _sentences
from briefcmp.model import PartialDate, Period, Value

# --------------------------------------------------------------------------- vocabulary

_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                "fifteen sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUMBERS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_WORDS)}
WORD_NUMBERS.update({w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)})
WORD_NUMBERS.update({"dozen": 12, "hundred": 100, "thousand": 1000})
_ORDINAL_WORDS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_FOLD_WORDS = {"twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
               "eightfold": 8, "ninefold": 9, "tenfold": 10, "twentyfold": 20, "hundredfold": 100,
               "thousandfold": 1000}

_SCALE_WORDS = {"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
                "k": "thousand", "m": "million", "mn": "million", "mln": "million", "b": "billion",
                "bn": "billion", "bln": "billion", "t": "trillion", "tn": "trillion", "trn": "trillion"}

_SYMBOLS = {"$": "USD", "us$": "USD", "u.s.$": "USD", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD",
            "s$": "SGD", "nt$": "TWD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW",
            "₽": "RUB", "₹": "INR", "₴": "UAH", "元": "CNY"}
_CODES = ("USD EUR JPY KRW RUB GBP CNY UAH CHF CAD AUD INR HKD SGD TWD NZD BRL TRY PLN SEK NOK DKK "
          "CZK HUF KZT").split()
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
                   "won": "KRW", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
                   "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "hryvnia": "UAH", "hryvnias": "UAH",
                   "hryvnas": "UAH", "rupee": "INR", "rupees": "INR", "pounds sterling": "GBP",
                   "sterling": "GBP", "swiss francs": "CHF", "zloty": "PLN", "zlotys": "PLN",
                   "tenge": "KZT", "lira": "TRY"}
_DOLLAR_ADJ = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD",
               "singapore": "SGD", "taiwan": "TWD", "taiwanese": "TWD"}

# Qualifier -> bound, longest phrases first so "just over" wins over "over".
_QUALIFIERS = [
    ("approximate", "roughly about around approximately approx. approx some nearly almost circa c. ca. "
                    "an_estimated estimated close_to just_about more_or_less upwards_of_about ~"),
    ("more-than", "more_than over above exceeding in_excess_of upwards_of greater_than higher_than "
                  "just_over well_over larger_than"),
    ("less-than", "less_than fewer_than under below lower_than just_under short_of smaller_than"),
    ("at-least", "at_least no_less_than no_fewer_than not_less_than a_minimum_of minimum_of"),
    ("at-most", "at_most no_more_than not_more_than a_maximum_of maximum_of not_exceeding"),
    ("up-to", "up_to as_much_as as_many_as as_high_as"),
]
QUALIFIER_BOUND: dict[str, str] = {}
for _bound, _words in _QUALIFIERS:
    for _w in _words.split():
        QUALIFIER_BOUND[_w.replace("_", " ")] = _bound
_QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(\"'\-]))(" + "|".join(re.escape(q) for q in sorted(QUALIFIER_BOUND, key=len, reverse=True))
    + r")\s*(?:a\s+|an\s+)?$", re.I)

# Words before a number that make it a reference, not a figure ("p. 12", "Article 9").
_REFERENCE_WORDS = frozenset("""
p pp page pages vol vols volume volumes no nos number numbers issue issues iss chapter chapters ch
section sections sec art article articles para paragraph paragraphs fig figure figures table tables
note notes footnote footnotes endnote ed edition part parts item items clause clauses annex appendix
resolution resolutions rule rules line lines level phase stage step version v ver model type class
unit units grade route highway flight room box tier round session plenum cop summit title
""".split())

# Words that end a modifier run before a counted noun, and -s words that are not plural nouns.
_STOP = frozenset("""
a an the this that these those its his her their our your my of in on at to for from by with without
into onto than as and or but nor if per via about among between against during through under over
is are was were be been being has have had do does did will would shall should can could may might
must not no also only just more less most least which who whom whose what when where while it they
we he she them us him i you each every all both some any such other another same so very too up down
out off then there here percent per cent times fold s
""".split())
_NOT_PLURAL = frozenset("""
is was has does this its his hers ours theirs yours us as thus plus less unless across always perhaps
whereas various previous serious numerous famous nervous obvious enormous tremendous anxious cautious
conscious continuous dangerous generous vigorous ambitious religious gas bus status bonus census
consensus crisis analysis basis emphasis thesis yes besides towards afterwards sometimes nevertheless
regardless series species politics economics physics means news alas chaos canvas christmas
""".split())
_IRREGULAR_PLURALS = frozenset("""
people children men women personnel police staff cattle feet teeth mice geese data aircraft
sheep fish deer offspring
""".split())
_MEASURE_UNITS = frozenset("km kg mt bcm tcm mw gw twh kwh bpd mtoe ha sq.km km2 tonnes tons".split())
_DURATIONS = {"second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
              "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks",
              "weeks": "weeks", "month": "months", "months": "months", "year": "years", "years": "years",
              "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries"}
_SUPERLATIVE = re.compile(
    r"[\s-]+(largest|biggest|greatest|highest|lowest|smallest|leading|top|richest|poorest|strongest|"
    r"weakest|busiest|fastest[\s-]growing|most[\s-]+[a-z]+|least[\s-]+[a-z]+)\b", re.I)
_DEFINITE = frozenset("the these those its their our his her both all".split())

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Figure:
    """One figure found in a text. Offsets are into the text given to ``find_figures``."""

    kind: str  # money | percent | points | rank | count | duration | multiple | date
    value: Value
    start: int  # the figure phrase, qualifier included
    end: int
    sentence: tuple[int, int]
    as_of: Optional[Period] = None

    def phrase(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True)
class DateMention:
    """A date or period written in the text ("February 24, 2022", "2014-2021", "in 2021")."""

    start: int
    end: int
    period: Period
    word_before: str = ""  # the preposition before it, lower-case ("in", "since", ...)


@dataclass
class _Scan:
    text: str
    blocked: list[tuple[int, int]] = field(default_factory=list)  # spans where nothing is a figure
    used: list[tuple[int, int]] = field(default_factory=list)  # spans already taken by a figure or date

    def free(self, a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in self.blocked) and not any(x < b and a < y for x, y in self.used)


# --------------------------------------------------------------------------- exclusions

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\b[\w-]+\.(?:com|org|net|gov|edu|int)"
                  r"(?:/\S*)?", re.I)
_NOTES_HEADING = re.compile(r"^[ \t]*(?:end[ \t-]?notes|notes|foot[ \t-]?notes|references|bibliography|"
                            r"sources|works[ \t]+cited|literature|citations|sources[ \t]+and[ \t]+notes)"
                            r"[ \t]*:?[ \t]*$", re.I | re.M)
_CITATION_MARK = re.compile(r"https?://|www\.|\bavailable at\b|\baccessed\b|\bretrieved\b|\bibid\b|\bop\. ?cit\b|"
                            r"\bet al\.|\bpp?\. ?\d", re.I)
_NUMBERED_LINE = re.compile(r"^[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)]|\^\d{1,3})[ \t]+\S.*$", re.M)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans that hold no figures: URLs, e-mail addresses, endnote sections, citation lines."""
    spans = [m.span() for m in _URL.finditer(text)]
    for m in _NOTES_HEADING.finditer(text):
        if m.start() >= len(text) * 0.3:  # a notes heading near the start is a section, not the end matter
            spans.append((m.start(), len(text)))
            break
    numbered = list(_NUMBERED_LINE.finditer(text))
    cited = [bool(_CITATION_MARK.search(m.group())) for m in numbered]
    for i, m in enumerate(numbered):
        # A numbered line is a citation when it cites, or sits between citation lines.
        if cited[i] or (0 < i < len(numbered) - 1 and cited[i - 1] and cited[i + 1]):
            spans.append(m.span())
    return sorted(spans)


# --------------------------------------------------------------------------- dates

_DATE_PATTERNS = [
    ("mdy", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>{_YEAR})\b")),
    ("dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR})\b")),
    ("iso", re.compile(rf"\b(?P<y>{_YEAR})-(?P<mo>\d{{2}})-(?P<d>\d{{2}})\b")),
    ("dotted", re.compile(rf"\b(?P<d>\d{{1,2}})\.(?P<mo>\d{{1,2}})\.(?P<y>{_YEAR})\b")),
    ("slashed", re.compile(rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_YEAR})\b")),
    ("my", re.compile(rf"\b(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("range", re.compile(rf"(?<![\d$€£¥.,])(?P<y>{_YEAR})\s*(?:-|to|and|through|until)\s*(?P<y2>{_YEAR}|\d\d)\b(?![.,]\d)")),
    ("fiscal", re.compile(rf"\b(?:FY\s?|fiscal\s+(?:year\s+)?)(?P<y>{_YEAR})\b", re.I)),
    ("decade", re.compile(r"(?<![\d$€£¥])(?P<y>(?:1[89]|20)\d0)'?s\b")),
    ("md", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]\d)")),
    ("dm", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\b")),
    ("year", re.compile(rf"(?<![\d$€£¥.,#/+:])(?P<y>{_YEAR})\b(?![,.]\d|%|\s?-?(?:percent|per cent|"
                        r"thousand|million|billion|trillion|[mb]n)\b)")),
    ("relyear", re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+year\b", re.I)),
    ("month", re.compile(rf"\b(?:in|since|by|until|from|of|early|late|mid|end)[\s-](?P<m>{_MONTH})\b(?![\s,]*\d)")),
]
_DATE_BEFORE = re.compile(r"(\w+)[\s-]+(?:the\s+)?(?:(?:early|late|mid|end\s+of|beginning\s+of|start\s+of)[\s-]+)?$", re.I)


def _pdate(year: int, month: int = 0, day: int = 0) -> Optional[PartialDate]:
    import datetime as _dt

    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def find_dates(text: str, default_year: Optional[int] = None) -> list[DateMention]:
    """Every date or period mention, longest patterns first, without overlaps."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for name, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            a, b = m.span("m") if name == "month" else m.span()
            if any(x < b and a < y for x, y in taken):
                continue
            period = _date_period(name, m, default_year)
            if name == "my" and m.group("m") == "May" and not re.match(r"May,?\s+(?:of\s+)?\d", m.group()):
                continue
            if period is None:
                if name in ("md", "dm", "month", "relyear"):
                    taken.append((a, b))  # a date even when its year is unknown: its digits are no figure
                continue
            if name in ("month", "md", "my") and m.group("m") == "May" and name == "month":
                continue  # "may" the verb is written in lower case, but "May" opens sentences too
            before = _DATE_BEFORE.search(text, max(0, a - 40), a)
            taken.append((a, b))
            out.append(DateMention(a, b, period, before.group(1).lower() if before else ""))
    out.sort(key=lambda d: d.start)
    return out


def _date_period(name: str, m: re.Match, default_year: Optional[int]) -> Optional[Period]:
    g = m.groupdict()
    if name == "relyear":
        if default_year is None:
            return None
        shift = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return Period(PartialDate(default_year + shift))
    year = int(g["y"]) if g.get("y") else default_year
    if year is None:
        return None
    month = MONTHS.get(g["m"].rstrip(".").lower()[:4] if g.get("m") and g["m"].lower().startswith("sept")
                       else g["m"].rstrip(".").lower()[:3], 0) if g.get("m") else 0
    if name in ("iso", "dotted"):
        d = _pdate(year, int(g["mo"]), int(g["d"]))
        return Period(d) if d else None
    if name == "slashed":
        a, b = int(g["a"]), int(g["b"])
        day, mon = (a, b) if a > 12 else (b, a) if b > 12 else (0, 0)
        d = _pdate(year, mon, day) if mon else None
        return Period(d) if d else None
    if name in ("mdy", "dmy", "md", "dm"):
        d = _pdate(year, month, int(g["d"]))
        return Period(d) if d else None
    if name in ("my", "month"):
        d = _pdate(year, month)
        return Period(d) if d else None
    if name == "range":
        y2 = g["y2"]
        end = int(y2) if len(y2) == 4 else year // 100 * 100 + int(y2)
        return Period(PartialDate(year), PartialDate(end)) if end > year else None
    if name == "decade":
        return Period(PartialDate(year), PartialDate(year + 9))
    return Period(PartialDate(year))


# --------------------------------------------------------------------------- numbers

_NUMWORD = (r"(?:(?:" + "|".join(_TENS_WORDS) + r")(?:-(?:" + "|".join(_UNITS_WORDS[1:10]) + r"))?|"
            + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + r"|dozen)")
_TOKEN = re.compile(
    r"(?P<ord>\b\d+(?:st|nd|rd|th)\b|\b(?:" + "|".join(_ORDINAL_WORDS) + r")\b)"
    r"|(?P<fold>\b(?:" + "|".join(_FOLD_WORDS) + r")\b)"
    r"|(?P<twice>\btwice\b(?=\s+(?:as|the)\b))"
    r"|(?P<word>\b(?:a\s+)?" + _NUMWORD + r"(?:\s+hundred)?\b)"
    r"|(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)", re.I)

_PREFIX_CURRENCY = re.compile(
    r"(?:(?P<code>\b(?:" + "|".join(_CODES) + r"))\s?|(?P<sym>(?:US|U\.S\.|A|C|HK|NZ|S|NT|R)?\$|[€£¥₩₽₹₴元])\s?)$")
_SCALE_AFTER = re.compile(r"(?:\s?-?\s?|\s)(?P<s>thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn)\b"
                          r"|(?P<g>[kmbtKMBT])\b(?!\.\w)", re.I)
_PERCENT_AFTER = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|pct\b)(?P<pts>\s+points?\b)?", re.I)
_POINTS_AFTER = re.compile(r"\s+percentage[\s-]points?\b|\s?(?:pp|ppt|p\.p\.)(?![\w])", re.I)
_CURRENCY_AFTER = re.compile(
    r"\s+(?:(?P<adj>U\.?S\.?|US|American|Australian|Canadian|Hong Kong|New Zealand|Singapore|Taiwan(?:ese)?|"
    r"Japanese|Korean|South Korean|Russian|Chinese|Ukrainian|Indian|Swiss)\s+)?"
    r"(?P<cur>" + "|".join(sorted(_CURRENCY_WORDS, key=len, reverse=True)) + "|" + "|".join(_CODES) + r")\b", re.I)
_FOLD_AFTER = re.compile(r"(?:\s?-\s?|\s?)fold\b|\s+times\b|x\b", re.I)
_DURATION_AFTER = re.compile(r"(?:\s+|-)(?P<u>" + "|".join(_DURATIONS) + r")\b(?P<old>-old)?", re.I)
_RANK_BEFORE = re.compile(r"\b(?:rank(?:s|ed|ing)?|placed?|places|position(?:ed)?)\s+(?:as\s+)?(?:the\s+)?(?:world'?s\s+)?$", re.I)
_RANK_PLACE_AFTER = re.compile(r"\s+(?:place|position|spot)\b", re.I)
_WORD = re.compile(r"[\s-]*([A-Za-z][A-Za-z'.]*(?:-[A-Za-z]+)*)")


def _number_value(token: str) -> Optional[float]:
    t = token.lower().strip()
    if t[:1].isdigit() or t[:1] == ".":
        return float(t.replace(",", ""))
    if t.startswith(("a ", "an ")):
        t = t.split(None, 1)[1]
    hundred = t.endswith("hundred") and t != "hundred"
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
class _Parsed:
    kind: str
    unit: str = ""
    scale: str = ""
    end: int = 0
    rank_of: str = ""


def find_figures(text: str, *, default_year: Optional[int] = None,
                 sentence_spans: Optional[list[tuple[int, int]]] = None,
                 date_claims: bool = False) -> list[Figure]:
    """Every figure in ``text``, in text order.

    ``default_year`` completes dates written without a year ("on February 16");
    ``sentence_spans`` may be given when the caller has split the text already.
    With ``date_claims``, full dates (day or month) in a sentence that has no
    other figure become date figures instead of mere as-of dates.
    """
    scan = _Scan(text, excluded_spans(text))
    dates = [d for d in find_dates(text, default_year) if scan.free(d.start, d.end)]
    date_spans = [(d.start, d.end) for d in dates]
    if sentence_spans is None:
        sentence_spans = [(s.start, s.end) for s in _sentences.split(text)]
    scan.used.extend(_name_like_dates(text, date_spans))
    found: list[tuple[int, int, str, Value]] = []
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        if not scan.free(a, b) or any(x < b and a < y for x, y in date_spans):
            continue
        got = _figure_at(text, m)
        if got is None:
            continue
        start, end, kind, value = got
        if not scan.free(start, end) or any(x < end and start < y for x, y in date_spans if not (x >= b)):
            continue
        scan.used.append((start, end))
        found.append((start, end, kind, value))
    figures: list[Figure] = []
    for start, end, kind, value in found:
        sent = _sentence_of(sentence_spans, start, end)
        figures.append(Figure(kind, value, start, end, sent, _as_of(dates, sent, start, end)))
    if date_claims:
        figures.extend(_date_figures(text, dates, sentence_spans, figures))
        figures.sort(key=lambda f: f.start)
    return figures


def _name_like_dates(text: str, date_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return []


def _sentence_of(spans: list[tuple[int, int]], a: int, b: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= a < e:
            return (s, max(e, b))
    return (a, b)


def _as_of(dates: list[DateMention], sent: tuple[int, int], a: int, b: int) -> Optional[Period]:
    """The date of the sentence nearest to the figure, skipping "since", "after", "before" dates."""
    best: Optional[tuple[int, DateMention]] = None
    for d in dates:
        if d.start < sent[0] or d.end > sent[1] or d.word_before in ("since", "after", "before", "until", "till"):
            continue
        dist = a - d.end if d.end <= a else d.start - b
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1].period if best else None


def _date_figures(text: str, dates: list[DateMention], spans: list[tuple[int, int]],
                  figures: list[Figure]) -> list[Figure]:
    """Date claims: day- or month-precise dates in sentences with no other figure."""
    busy = {f.sentence for f in figures}
    out = []
    for d in dates:
        if d.period.end is not None or d.period.start.precision.value == "year":
            continue
        sent = _sentence_of(spans, d.start, d.end)
        if sent in busy:
            continue
        out.append(Figure("date", Value("date", date=d.period.start), d.start, d.end, sent, None))
    return out


def _figure_at(text: str, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
    """The figure whose number is the token ``m``, or None."""
    a, b = m.span()
    if m.group("ord"):
        return _rank_at(text, m)
    if m.group("fold"):
        return _finish(text, a, b, "multiple", Value("quantity", amount=float(_FOLD_WORDS[m.group().lower()]),
                                                     unit="times"), numeric_start=a)
    if m.group("twice"):
        return _finish(text, a, b, "multiple", Value("quantity", amount=2.0, unit="times"), numeric_start=a)
    words = bool(m.group("word"))
    if words:
        if m.group().lower() in ("a dozen",):
            pass
        elif m.group().lower().startswith(("a ", "an ")):
            return None
    amount = _number_value(m.group())
    if amount is None:
        return None
    if not words and not _digits_stand_alone(text, a, b):
        return None
    before = text[max(0, a - 30):a]
    currency, cur_start = _prefix_currency(text, a)
    parsed = _after(text, b, currency=bool(currency), words=words)
    if parsed is None:
        return None
    if words and m.group().lower() in ("one", "zero") and parsed.kind in ("count", "duration", "bare"):
        return None  # "one of", "one year after": not figures
    if currency and parsed.kind not in ("money", "bare", "count", "scaled"):
        return None
    upper = None
    end = parsed.end
    rng = _range_after(text, b, parsed, currency)
    if rng is not None:
        upper, parsed, end = rng
    unit, kind = parsed.unit, parsed.kind
    if currency:
        unit, kind = currency, "money"
    if kind == "bare":
        return None
    if kind == "scaled":
        kind = "count"
    if not words and _is_year_like(m.group(), kind, parsed, currency):
        return None
    if kind in ("count", "duration") and not currency:
        if _reference_before(before) or _name_before(text, a):
            return None
        if words and _definite_before(before) and not _selective(text[b:end]):
            return None  # "the two countries": a reference back, not a count
    if _reference_before(before):
        return None
    start = cur_start if currency else a
    if _negative_before(text, start):
        amount = -amount
        start -= 1
    value = Value("quantity", amount=amount, upper=upper, scale=parsed.scale, unit=unit)
    return _finish(text, start, end, kind, value, numeric_start=a)


def _finish(text: str, start: int, end: int, kind: str, value: Value, numeric_start: int):
    """Apply the qualifier before the figure (and "or more" after it) as the bound."""
    bound = "exact"
    q = _QUAL_RE.search(text, max(0, start - 30), start)
    if q:
        bound = QUALIFIER_BOUND[q.group(1).lower().rstrip()] if q.group(1) != "~" else "approximate"
        start = q.start(1)
    after = re.match(r"\s+or\s+(more|less|fewer|so)\b|\s*\+(?!\d)|-plus\b", text[end:end + 14], re.I)
    if after and bound == "exact":
        word = (after.group(1) or "more").lower()
        bound = {"more": "at-least", "less": "at-most", "fewer": "at-most", "so": "approximate"}[word]
        end += after.end()
    if value.upper is not None and bound in ("exact",):
        bound = "exact"
    if bound != "exact":
        value = Value(value.type, amount=value.amount, upper=value.upper, scale=value.scale, unit=value.unit,
                      bound=bound)
    return start, end, kind, value


def _digits_stand_alone(text: str, a: int, b: int) -> bool:
    """False for digits glued to a name, a footnote position, a time, a ratio or a code."""
    prev = text[a - 1] if a > 0 else " "
    prev2 = text[a - 2] if a > 1 else " "
    nxt = text[b] if b < len(text) else " "
    nxt2 = text[b + 1] if b + 1 < len(text) else " "
    if prev.isalpha():
        return bool(re.search(r"\b(?:" + "|".join(_CODES) + r")$", text[max(0, a - 3):a]))
    if prev == "-" and (prev2.isalnum()):
        return False  # Sakhalin-1, COVID-19, F-35
    if prev in ".,;:)]'\"!?" and not prev2.isspace() and a > 1:
        return False  # a footnote marker: "weeks.2", "said,3"
    if prev in "+/#^:@_&=\\*":
        return False
    if nxt in "+/:" and nxt2.isdigit():
        return False  # 2+2, 24/7, 10:30, 3:1
    if nxt in ",." and nxt2.isdigit():
        return False  # "1,5" or a version number "1.2.3"
    if nxt == "-" and nxt2.isdigit() and prev.isalpha():
        return False
    if nxt.isalpha():
        tail = re.match(r"[A-Za-z]+", text[b:b + 6]).group()
        if tail.lower() not in ("bn", "mn", "mln", "bln", "tn", "trn", "k", "m", "b", "t", "x", "pp", "ppt"):
            return False  # 5G, 3D, A321-style codes
    return True


def _prefix_currency(text: str, a: int) -> tuple[str, int]:
    m = _PREFIX_CURRENCY.search(text, max(0, a - 6), a)
    if not m:
        return "", a
    if m.group("code"):
        return m.group("code").upper(), m.start()
    return _SYMBOLS.get(m.group("sym").lower(), "USD"), m.start()


def _after(text: str, pos: int, *, currency: bool, words: bool) -> Optional[_Parsed]:
    """What follows a number: scale, then unit (percent, currency word, times, duration, counted noun)."""
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
        return _Parsed("points", "percentage-points", scale, m.end())
    m = _PERCENT_AFTER.match(text, pos)
    if m:
        if m.group("pts"):
            return _Parsed("points", "percentage-points", scale, m.end())
        return _Parsed("percent", "percent", scale, m.end())
    m = _CURRENCY_AFTER.match(text, pos)
    if m and not currency:
        cur = m.group("cur")
        low = cur.lower()
        if low == "won" and not (scale or m.group("adj")):
            m = None
        elif low in ("dollar", "dollars") and m.group("adj") and m.group("adj").lower() in _DOLLAR_ADJ:
            return _Parsed("money", _DOLLAR_ADJ[m.group("adj").lower()], scale, m.end())
        if m:
            code = cur.upper() if cur.upper() in _CODES else _CURRENCY_WORDS[low]
            return _Parsed("money", code, scale, m.end())
    if currency:
        return _Parsed("money", "", scale, pos)
    m = _FOLD_AFTER.match(text, pos)
    if m and not scale:
        return _Parsed("multiple", "times", "", m.end())
    m = _DURATION_AFTER.match(text, pos)
    if m and not scale:
        return _Parsed("duration", _DURATIONS[m.group("u").lower()], "", m.end())
    noun = _counted_noun(text, pos)
    if noun:
        unit, end = noun
        return _Parsed("count", unit, scale, end)
    return _Parsed("scaled" if scale else "bare", "", scale, pos)


def _counted_noun(text: str, pos: int) -> Optional[tuple[str, int]]:
    """The plural noun counted after a number, past up to three modifiers ("seven largest banks")."""
    if pos < len(text) and not text[pos].isspace():
        return None
    for _ in range(4):
        m = _WORD.match(text, pos)
        if not m or "\n" in text[pos:m.start(1)]:
            return None
        word = m.group(1).rstrip(".'")
        low = word.lower()
        if low in _STOP or low in WORD_NUMBERS or low in MONTHS:
            return None
        if _plural_noun(word):
            return low, m.start(1) + len(word)
        pos = m.end()
    return None


def _range_after(text: str, b: int, parsed: _Parsed, currency: str):
    """A range "10-15%", "$10 billion to $15 billion", "10 to 15 percent": (upper, parsed, end) or None."""
    m = re.compile(r"(?:\s?-\s?|\s+to\s+|\s+and\s+)(?P<cur>(?:US)?\$|[€£¥₩₽])?\s?(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
                   r"\d+(?:\.\d+)?)\b").match(text, parsed.end if parsed.kind != "bare" and parsed.scale else b)
    if not m:
        return None
    if "and" in m.group().split() and not re.search(r"\bbetween\s+\S*$", text[max(0, b - 40):b], re.I):
        return None
    low = float(text[b - len(m.group("n")):b].replace(",", "")) if False else None
    second = _after(text, m.end(), currency=bool(currency or m.group("cur")), words=False)
    if second is None or second.kind == "bare":
        return None
    if parsed.kind not in ("bare", "scaled") and parsed.kind != second.kind:
        return None
    upper = float(m.group("n").replace(",", ""))
    if re.search(r"\bfrom\s+\S*$", text[max(0, b - 40):b], re.I):
        return None  # "from 5% to 10%": a change between two figures, not a range
    merged = _Parsed(second.kind, second.unit or parsed.unit, parsed.scale or second.scale, second.end,
                     second.rank_of)
    if parsed.scale and second.scale and parsed.scale != second.scale:
        return None
    del low
    return upper, merged, second.end


def _is_year_like(token: str, kind: str, parsed: _Parsed, currency: str) -> bool:
    if currency or parsed.scale or kind in ("money", "percent", "points", "multiple"):
        return False
    return bool(re.fullmatch(_YEAR, token))


def _reference_before(before: str) -> bool:
    m = re.search(r"([A-Za-z§]+)\.?\s*$", before)
    return bool(m) and (m.group(1).lower() in _REFERENCE_WORDS or m.group(1) == "§")


_CAPITALISED_OK = frozenset("""
the in on at by over about some nearly almost around roughly approximately only just more less fewer
up since for with of and or but another its all these those their our each every also then than last
next past first about another around between from to after before during within under until while
when as if although though because whereas yet so both some many most several just another over
""".split())


def _name_before(text: str, a: int) -> bool:
    """True when the number follows a capitalised word that is not a function word: COP 21, Boeing 737."""
    m = re.search(r"([A-Za-z][\w'.-]*)\s+$", text[max(0, a - 40):a])
    if not m:
        return False
    word = m.group(1)
    if not word[0].isupper() or word.lower().rstrip(".") in _CAPITALISED_OK or word.lower()[:3] in MONTHS:
        return False
    return True


def _definite_before(before: str) -> bool:
    m = re.search(r"(\w+)(?:'s)?\s+$", before)
    return bool(m) and (m.group(1).lower() in _DEFINITE or before.rstrip().endswith("'s"))


def _selective(tail: str) -> bool:
    """A superlative or "top"/"major" between number and noun selects: "the seven largest banks"."""
    return bool(re.search(r"\b(?:\w+est|top|major|biggest|leading|most\s+\w+)\b", tail, re.I))


def _negative_before(text: str, start: int) -> bool:
    return start > 0 and text[start - 1] == "-" and (start < 2 or text[start - 2] in " (\n")


def _rank_at(text: str, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
    a, b = m.span()
    token = m.group().lower()
    rank = int(re.match(r"\d+", token).group()) if token[0].isdigit() else _ORDINAL_WORDS[token]
    if rank < 1:
        return None
    if token[0].isdigit() and not _digits_stand_alone(text, a, a + len(re.match(r"\d+", token).group())):
        pass
    sup = _SUPERLATIVE.match(text, b)
    if sup:
        end = sup.end()
        of, end = _rank_of(text, end)
        return _finish(text, a, end, "rank", Value("rank", amount=float(rank), unit=of), numeric_start=a)
    if _RANK_BEFORE.search(text, max(0, a - 40), a):
        start = _RANK_BEFORE.search(text, max(0, a - 40), a).start()
        place = _RANK_PLACE_AFTER.match(text, b)
        end = place.end() if place else b
        of = ""
        return start, end, "rank", Value("rank", amount=float(rank), unit=of)
    place = _RANK_PLACE_AFTER.match(text, b)
    if place and token[0].isdigit():
        return a, place.end(), "rank", Value("rank", amount=float(rank))
    return None


def _rank_of(text: str, pos: int) -> tuple[str, int]:
    """What is ranked: the noun phrase after the superlative, up to three words ("trade partner")."""
    words: list[str] = []
    end = pos
    for _ in range(3):
        m = _WORD.match(text, end)
        if not m or "\n" in text[end:m.start(1)] or text[end:m.start(1)].strip(" -"):
            break
        word = m.group(1).rstrip(".'")
        low = word.lower()
        if low in _STOP or low.endswith("'s") or low in MONTHS:
            break
        words.append(low)
        end = m.start(1) + len(word)
        if _plural_noun(word) or low.endswith(("er", "or", "y", "et", "nt")):
            # a head noun reached: "partner", "economy", "market", "recipient"
            nxt = _WORD.match(text, end)
            if not nxt or nxt.group(1).lower() in _STOP or len(words) == 3:
                break
    return " ".join(words), end
