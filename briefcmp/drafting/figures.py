"""Find the figures a text states: money, percentages, ranks, counts, durations, multiples, dates.

``find_figures(text)`` returns one ``Figure`` per figure, each with a typed
``model.Value`` (amount as written, scale, unit, bound from the qualifier), the
period the figure refers to when its sentence says so (``as_of``), and the
offsets of the figure phrase and of its sentence. The text is expected in the
*prepared* form of ``briefcmp.corpus.sentences.prepare`` (typographic characters
folded, line breaks kept), but any text works.

Not figures: footnote markers (``week.2``), endnote and bibliography sections
and citation lines, URLs and e-mail addresses, page / issue / article numbers
(``p. 12``, ``No. 4``, ``Article 9``), numbers that are part of names (``G7``,
``Sakhalin-1``, ``COP 21``, ``2+2``, ``F-35``), bare numbers with nothing
counted, and dates that only say when another figure holds (they become its
``as_of``). A date that is itself the point ("on February 16, Kishida spoke")
is a date figure; a year written alone only when it dates an event ("in 2017, X
signed ..."), not when it labels a period ("by 2030", "the 2040 target").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Optional

from briefcmp.corpus.model import PartialDate, Period, Value
from briefcmp.corpus import sentences as _sentences
from briefcmp.drafting.asof import WORDS, AsOf
from briefcmp.drafting.barecounts import COUNTED_BEFORE, PER_BASE, bare_figure, counted_by, terse_label
from briefcmp.drafting.carried import bracketed_base, level_unit, measure_named_again
from briefcmp.drafting.dates import EVENT_VERB, YEAR, DateMention, dateline_span, event_year, find_dates, fiscal_period
from briefcmp.drafting.definedunits import DefinedUnits
from briefcmp.drafting.figureyears import DateYears
from briefcmp.drafting.fiscalparts import fiscal_parts
from briefcmp.drafting.digitbands import digit_bands
from briefcmp.drafting.fractions import (PERCENT_WRITTEN, RATE_NOUN, change_then_level, fraction_at, percent_base,
                                         proportion_at, rate_level)
from briefcmp.drafting.lettercurrency import letter_currency
from briefcmp.drafting.nochange import no_change_figures
from briefcmp.drafting.numbers import FOLD_WORDS, NUMWORD, TOKEN, number_value
from briefcmp.drafting.qualifiers import definite_before, name_before, reference_before, selective, with_bound
from briefcmp.drafting.ranks import phrase_ranks, rank_at
from briefcmp.drafting.spans import SpanSet, excluded_spans
from briefcmp.drafting.tables import TableUnits
from briefcmp.drafting.unitwords import (
    DURATION_FACTOR, SCALE_AFTER, counted_noun, digits_stand_alone, event_noun, gapped_currency, plural_noun,
    prefix_currency, range_after, unit_after, unit_of_base,
)
from briefcmp.drafting.votes import tally_at

_SENTENCE_END = re.compile(r"[.!?:;。！？][\"')\]]*(?:\d{1,3}|\[\d{1,3}\])?$")


def _mentioned_before(text: str, a: int, noun: str) -> bool:
    """Whether the counted thing was named before ``a``: "the two countries" refers back to two
    countries named earlier; "adopted the three strategic documents" introduces them."""
    stem = noun.split()[-1].lower().rstrip("s")[:6] if noun else ""
    if len(stem) < 3:
        return True
    return stem in text[:a].lower() or noun.split()[-1].lower() in _ACTORS


# Who "the two ..." usually refers back to, named or not: "the two presidents have talked 14 times".
_ACTORS = frozenset("countries nations sides leaders men women states parties presidents ministers heads governments "
                    "allies partners neighbours neighbors rivals powers companies firms sisters brothers".split())


def is_heading(text: str) -> bool:
    """At most 14 words and no closing punctuation: a heading, title or dateline."""
    return len(text.split()) <= 14 and not _SENTENCE_END.search(text)


# "committed 1.2 billion dollars over four years": a total over a period whose end is not stated, not
# a figure of one year (not "in over four years", "for over four years": a duration's bound).
_OVER_YEARS = re.compile(r"(?<!\bin\s)(?<!\bfor\s)(?<!\bof\s)(?<!\bthan\s)\b(?:over|during|across)\s+"
                         r"(?:the\s+)?(?:(?:next|past|last|coming|following)\s+)?(?:\d{1,2}|" + NUMWORD + r")\s+"
                         r"years?\b", re.I)
_YEAR_BEFORE = re.compile(r"\s*(?:in\s+)?(?:a\s+year\s+(?:earlier|before)|the\s+(?:previous|prior|preceding)\s+year|"
                          r"the\s+year\s+(?:before|earlier))\b", re.I)
_FISCAL_BEFORE = re.compile(r"\b(?:fiscal(?:\s+year)?|FY|financial\s+year)\s*$", re.I)
# "over five years through fiscal 2027": a period, not a duration figure; the figures of the
# sentence hold for the whole period.
_SPAN_OF_YEARS = re.compile(r"\b(?:over|in|during|for|across)\s+(?:the\s+)?(?:(?:next|past|last|coming)\s+)?"
                            r"(?P<n>\d{1,2}|" + NUMWORD + r")\s+years?\s+"
                            r"(?:through|to|until|till|ending(?:\s+in)?|up\s+to)\s+"
                            r"(?:(?:fiscal|financial)\s+(?:year\s+)?|FY\s*)?(?P<y>(?:19|20)\d\d)\b", re.I)
# "the twelve months ending November", "the 12 months to September 2024": a period a figure is of, not a
# duration the text claims (the figure is the rate or total over it).
_SPAN_OF_MONTHS = re.compile(r"\b(?P<n>\d{1,2}|" + NUMWORD + r")\s+months?\s+(?:ending|ended|to|through|until|up\s+to)\s+"
                             r"(?:(?:in|end|end-|the\s+end\s+of)\s*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b",
                             re.I)
# A length that names the period a figure is measured over or against, not a figure: "from the previous three
# months", "in the first nine months of the year", "than twelve months earlier", "two years ago"
_PERIOD_NAMED = re.compile(r"\b(?:(?:the\s+)?(?:previous|preceding|prior|first)\s+(?P<n>\d{1,2}|" + NUMWORD +
                           r")\s+(?:months|quarters|weeks)\b|(?P<n2>\d{1,2}|" + NUMWORD +
                           r")\s+(?:months?|quarters?|weeks?|years?)\s+(?:earlier|ago|before|prior)\b)", re.I)
# What a hyphenated span labels rather than states: "the 10-year yield", "(12-month average: ...)" (not "a
# 23-year high": how long since, a claim of its own)
_SPAN_LABEL_AFTER = re.compile(r"\s+(?:(?:rolling|moving|trailing)\s+)?(?:average|averages|yields?|bonds?|notes?|bills?|"
                               r"tenor|maturity|horizon|window|"
                               # "a four-day week", "a 24-hour day": a kind of week or day, no duration claimed
                               r"(?:work(?:ing)?[\s-]?)?(?:weeks?|days?|months?|years?|shifts?))\b", re.I)
_POINTS = re.compile(r"\s+points?\b|\s?pts?\b(?!\.\w)", re.I)  # ("+0.3 pt", "0.2pts": market copy's points)
# One move said twice, in points and in percent, is in the index's points, either way round:
# "down 36.10 points, or 1.44 percent" (_OR_PERCENT after the points), "fell 1.2%, or 480 points" (_PERCENT_OR before)
_ABOUT_OR = r",?\s+or\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|some\s+)?"
_PERCENT_WORD = r"(?:%|per\s?cent\b|percent\b)"
_OR_PERCENT = re.compile(_ABOUT_OR + r"\d[\d.,]*\s*" + _PERCENT_WORD, re.I)
_PERCENT_OR = re.compile(r"\d\s*" + _PERCENT_WORD + _ABOUT_OR + r"$", re.I)
# what says a figure in points is a level ("stood at an average of 127.4 points", "its peak of 160.2 points")
_INDEX_LEVEL_BEFORE = re.compile(r"\b(?:at|of|averaged|averaging|reached|hit|touched|printed|registered|posted|"
                                 r"came\s+to|came\s+in\s+at|revised\s+to)\s+(?:an?\s+)?(?:average\s+of\s+|revised\s+|"
                                 r"record\s+)?$", re.I)
_EVENT_CLAUSE = re.compile(r"[;:,]\s|\s-\s")
# between a figure and the month it holds for: "34.6% in", "2.64% m/m in", "34.60 per cent y/y for"
_FIGURE_THEN_MONTH = re.compile(r"(?:\s*(?:per\s*cent|percent|pct|points?|y/y|m/m|yoy|mom|year-on-year|month-on-month))*"
                                r"\s+(?:in|for|during)\s+(?:the\s+month\s+of\s+)?", re.I)
_HANGING_RANGE = re.compile(r"-\s+(?:to|and|or)\s+(\d+(?:\.\d+)?)(?=[\s-])")


@dataclass(frozen=True)
class Figure:
    """One figure found in a text. Offsets are into the text given to ``find_figures``."""

    kind: str  # money | percent | points | rank | count | duration | multiple | date
    value: Value
    start: int  # the figure phrase, qualifier included
    end: int
    sentence: tuple[int, int]  # the span to quote
    as_of: Optional[Period] = None
    note: str = ""  # how else the number may read ("1,234" in a German text), for the reviewer

    def phrase(self, text: str) -> str:
        return text[self.start:self.end]


class _Finder(DateYears, AsOf):
    """One pass over a text; see ``find_figures``."""

    def __init__(self, text: str, published: Optional[PartialDate],
                 sentence_spans: Optional[list[tuple[int, int]]], fiscal_start: int = 1) -> None:
        self.text = text
        self.published = published
        self.blocked = SpanSet(excluded_spans(text))
        if sentence_spans is None:
            sentence_spans = [(s.start, s.end) for s in _sentences.split(text)]
        self.sentences = sorted(sentence_spans)
        self.sentence_starts = [s for s, _ in self.sentences]
        # ("Q2 2024-25" is the fiscal year's second quarter; "2010 = 100" no period: drafting.fiscalparts)
        dates = fiscal_parts(text, [d for d in find_dates(text, published, fiscal_start)
                                    if not self.blocked.overlaps(d.start, d.end)])
        self.fiscal_start = fiscal_start
        self.dates = self.complete_years(dates)
        self.date_starts = [d.start for d in self.dates]
        self.date_spans = SpanSet((d.start, d.end) for d in self.dates)
        self.used = SpanSet()
        self.tables = TableUnits(text)
        self.defined = DefinedUnits(text)  # "million bushels (mb)", then "Exports -25 mb"

    def run(self, dates: bool) -> list[Figure]:
        found: list[tuple[int, int, str, Value]] = []
        for m in TOKEN.finditer(self.text):
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
            self._last = (end, got[2], got[3])  # for the bracketed figure after it: drafting.carried
            if got[2] == "ratio" or (got[2] == "count" and got[3].unit == ""):  # "rose to 1.27 from 1.30", "rose by 25,000, government by 17,000"
                self._last_bare = (self.sentence_of(start, end)[0], got[2])
            if got[2] == "count":  # "visitors from Korea numbered 8,817,800, followed by China with ..."
                self._last_count = (self.sentence_of(start, end)[0], got[3].unit)
            if got[2] == "money" and got[3].scale:  # "cuts of 40 billion euros and tax rises for 20 billion"
                self._last_money = (self.sentence_of(start, end)[0], end, got[3].unit)
                self.__dict__.setdefault("_money", []).append((start, got[3].scale, got[3].unit))
        found.extend(measure_named_again(self.text, self.__dict__.get("_unplaced", []), found))
        found.extend(phrase_ranks(self.text, self.blocked, self.used))
        found.extend(digit_bands(self.text, self.blocked, self.used))  # "a high single-digit percentage"
        found.extend(no_change_figures(self.text, self.sentences, self.blocked, self.used))  # "were unchanged": 0
        figures = []
        as_of_used: set[int] = set()
        # What is looked up in a sentence is looked up once per sentence, not once per figure in it
        # (a dense sentence holds hundreds of figures: the time would grow with their square).
        spans_of_years: dict[tuple[int, int], Optional[re.Match]] = {}
        over_years: dict[tuple[int, int], list[re.Match]] = {}
        for start, end, kind, value in sorted(found, key=lambda f: f[0]):
            sent = self.sentence_of(start, end)
            if sent not in spans_of_years:
                spans_of_years[sent] = _SPAN_OF_YEARS.search(self.text, sent[0], sent[1])
            span = spans_of_years[sent]
            if kind == "duration" and any(m.start("n") <= start < m.end("n")
                                          for m in _SPAN_OF_MONTHS.finditer(self.text, sent[0], sent[1])):
                continue  # "the twelve months ending November": the period, not a figure
            if kind == "duration" and any(start < m.end() and m.start() < end
                                          for m in _PERIOD_NAMED.finditer(self.text, sent[0], sent[1])):
                continue  # "from the previous three months", "than a year earlier": the period, not a figure
            if span is not None:
                n = number_value(span.group("n")) or 0
                if kind == "duration" and span.start("n") <= start < span.end():
                    continue  # the "five years" of the period itself
                year = int(span.group("y"))
                if 1 <= n <= 50:
                    period = Period(PartialDate(year - int(n) + 1), PartialDate(year))
                    if self.fiscal_start != 1 and re.search(r"fiscal|financial|FY", span.group(), re.I):
                        first, last = fiscal_period(year - int(n) + 1, self.fiscal_start), \
                            fiscal_period(year, self.fiscal_start)
                        period = Period(first.start, last.end)
                    figures.append(Figure(kind, value, start, end, sent, period))
                    as_of_used.update(d.start for d in self.dates_in(span.start("y"), span.end("y")))
                    continue
            if sent not in over_years:
                over_years[sent] = list(_OVER_YEARS.finditer(self.text, sent[0], sent[1]))
            total = next((t for t in over_years[sent]
                          if not re.search(r"[,;:]|\s-\s", self.text[end:t.start()] if end <= t.start()
                                           else self.text[t.end():start])), None)
            if total is not None:
                figures.append(Figure(kind, value, start, end, sent, None))
                continue
            when = self.as_of(sent, start, end) or self.carried_date(sent)
            precision = when.period.start.precision.value if when is not None else ""
            if when is not None and precision == "year":
                between = self.text[when.end:start] if when.end <= start else self.text[end:when.start]
                if self.opens(sent[0], when) or not re.search(r"[,;:]|\s-\s", between):
                    as_of_used.add(when.start)  # a year that only dates this figure is no claim of its own
            elif when is not None and precision == "month" and self.opens(sent[0], when) and when.start < start:
                as_of_used.add(when.start)  # "In March 2023 the union imposed duties of 25 percent": its as-of
            read = self.figure_period(sent, start, end, when)  # (one reader: align's)
            period = read or (when.period if when else None)
            if read is None and when is not None and self.split_year(when, start, end):
                period = None  # ("nine billion euros" in "the 2023/24 business year": whose fiscal year? align's fellows say)
            if read is None and period is not None and period.end is None and precision == "year" and \
                    _YEAR_BEFORE.match(self.text, end, sent[1]):
                # "3.4 percent in 2023, up from 4.8 percent a year earlier"
                period = Period(PartialDate(period.start.year - 1))
            figures.append(Figure(kind, value, start, end, sent, period))
        if dates:
            figures.extend(self.date_figures(figures, as_of_used))
            figures.sort(key=lambda f: (f.start, f.end))
        return figures

    def sentence_of(self, a: int, b: int) -> tuple[int, int]:
        """The sentence holding [a, b); a figure alone on its line (not a list item) takes the next as its caption."""
        spans = self.sentences
        i = self.sentence_index(a)
        if i < 0:
            return (a, b)
        s, e = spans[i]
        e = max(e, b)
        if self.label_only(s, e) and i + 1 < len(spans) and not re.match(r"[-*\u2022\u2013]\s", self.text[s:e]):
            nxt = spans[i + 1]
            if "\n" in self.text[e:nxt[0]] and not self.label_only(*nxt):
                return (s, nxt[1])
        return (s, e)

    def label_only(self, s: int, e: int) -> bool:
        """A chart or table label: no more than two words that are not the figure itself."""
        memo = self.__dict__.setdefault("_labels", {})
        if (s, e) not in memo:
            words = WORDS.findall(self.text[s:e])
            memo[(s, e)] = len(words) <= 2 and bool(re.search(r"\d", self.text[s:e]))
        return memo[(s, e)]

    def date_figures(self, figures: list[Figure], as_of_used: set[int]) -> list[Figure]:
        """Dates that are claims in their own right.

        Not: a year that says when another figure holds, a period, a dateline, a
        date a comparison refers to ("more than in 2014", "2019's share"), or the
        baseline or deadline of a figure ("the highest since 2013", "by 2030").
        """
        with_figures = {f.sentence for f in figures if f.kind != "date"}
        out: list[Figure] = []
        seen: set[tuple[tuple[int, int], str]] = set()
        starts = sorted(f.start for f in figures if f.kind != "date")
        ends = sorted(f.end for f in figures if f.kind != "date" and f.value.type == "quantity")
        filed = dateline_span(self.text)
        for d in self.dates:
            if d.period is None or d.period.end is not None or filed[0] <= d.start < filed[1]:
                continue
            i = self.sentence_index(d.start)
            own = self.sentences[i] if i >= 0 else (d.start, d.end)
            if d.start in as_of_used and not self.dates_an_event(d, own, starts):
                continue
            if d.period.start.precision.value == "month" and self.dates_a_figure(d, ends):
                continue  # "rose to 34.6% in November": the month its figure holds for, not a date of its own
            if d.period.start.precision.value == "year" and not event_year(self.text, d, own):
                continue  # "by 2030", "the 2040 target": a period label, not a date of its own
            own_text = self.text[own[0]:own[1]]
            if len(WORDS.findall(own_text)) < 4 or is_heading(own_text):
                continue  # a dateline or a heading ("Published on 3 May 2023", "Policy After 2022"), not a claim
            if d.pattern == "relyear" and re.match(r"previous|past", self.text[d.start:d.end], re.I):
                continue  # "compared with the previous year": a reference, not a date of its own
            if d.pattern == "fiscal" or _FISCAL_BEFORE.search(self.text[max(own[0], d.start - 16):d.start]):
                continue  # "the budget for fiscal 2025", "the FY 2027 level": a label of a period, not a date
            clause = re.split(r"[;:,]\s|\s-\s", self.text[own[0]:d.start])[-1]
            if re.search(r"\bthan\b", clause) or re.match(r"'s\b", self.text[d.end:d.end + 3]):
                continue
            sent = self.sentence_of(d.start, d.end)
            part = self.base_part(own, d.start)
            if sent in with_figures and (d.word_before in ("by", "since", "than") or part >= 0 and not
                                         EVENT_VERB.search(self.text, own[0] + part, d.start)):
                # ("grew from almost nothing in 2018 to 16 GW": the base's period, as align reads it; "After the
                # region introduced tariffs in 2018, losses fell from 28%": an event's date, a claim of its own)
                continue
            key = (sent, str(d.period))
            if key in seen:
                continue
            seen.add(key)
            out.append(Figure("date", Value("date", date=d.period.start), d.start, d.end, sent, None))
        return out

    def dates_a_figure(self, d: DateMention, ends: list[int]) -> bool:
        """A month written right after a figure is that figure's period ("rose to 34.6% in November", "was
        steady at 2.8% in November 2024"), not a date of its own; an event's month is not ("host Putin in
        December 2016", "the second summit in September 2013")."""
        k = bisect.bisect_right(ends, d.start) - 1
        return k >= 0 and bool(_FIGURE_THEN_MONTH.fullmatch(self.text, ends[k], d.start))

    def dates_an_event(self, d: DateMention, own: tuple[int, int], starts: list[int]) -> bool:
        """A date opening its sentence dates its event too when the event has a clause without a
        figure: "In 2017, the government signed the decision, paying 9.35 cents for twenty years"
        (not "In March 2023 the union imposed duties of 25 percent": the duty is the event)."""
        if not self.opens(own[0], d):
            return False
        cuts = [own[0], *(m.end() for m in _EVENT_CLAUSE.finditer(self.text, d.end, own[1])), own[1]]
        for a, b in zip(cuts, cuts[1:]):
            a = max(a, d.end) if a <= d.start else a
            k = bisect.bisect_left(starts, a)
            if EVENT_VERB.search(self.text, a, b) and not (k < len(starts) and starts[k] < b):
                return True
        return False

    def figure_at(self, m: re.Match) -> Optional[tuple[int, int, str, Value]]:
        """The figure whose number is the token ``m``, or None."""
        text = self.text
        a, b = m.span()
        if m.group("ord"):
            return rank_at(text, m)
        if m.group("fold"):
            return with_bound(text, a, b, "multiple", Value("quantity", amount=float(FOLD_WORDS[m.group().lower()]),
                                                      unit="times"))
        if m.group("twice"):
            n = {"tri": 3.0, "qua": 4.0}.get(m.group().lower()[:3], 2.0)
            return with_bound(text, a, b, "multiple", Value("quantity", amount=n, unit="times"))
        if m.group("mag"):
            n = {"an": 1, "one": 1, "two": 2, "three": 3, "several": 0}[m.group().split()[0].lower()]
            if not n:
                return None
            return with_bound(text, a, b, "multiple", Value("quantity", amount=float(10 ** n), unit="times"))
        if m.group("frac"):
            return fraction_at(text, m)
        words = bool(m.group("word"))
        token = m.group()
        if words and token.lower().startswith(("a ", "an ")) and not token.lower().endswith("dozen"):
            return None
        amount = number_value(token)
        if amount is None:
            return None
        share = proportion_at(text, a, b, amount, words)  # "three in four refugees": 75 percent, not 4 refugees
        if share is not None:
            return share
        tally = tally_at(text, a) if not words else None  # "voted 8-1": 8 votes of 9
        if tally is not None:
            return tally
        hanging = _HANGING_RANGE.match(text, b) if not words else None
        letters = ("", a)
        if not words and re.search(r"[A-Za-z]\s?$", text[max(0, a - 2):a]):  # "W9.18tn", "R4.2bn", "Ksh 50bn"
            letters = letter_currency(text, a, bool(SCALE_AFTER.match(text, b)), sum(c.isdigit() for c in token),
                                      lambda: self.named)
        if not words and not hanging and not letters[0] and not digits_stand_alone(text, a, b):
            return None
        before = text[max(0, a - 40):a]
        currency, cur_start = prefix_currency(text, a)
        if not currency and letters[0]:
            currency, cur_start = letters
        if hanging:  # "10- to 15-year contracts", "5- to 8-percent": the unit is written once, at the end
            b2 = hanging.end()
            spaced = text[:b2] + " " + text[b2 + 1:] if text[b2:b2 + 1] == "-" else text
            after = unit_after(spaced, b2, currency=bool(currency))
            if after.kind not in ("bare", "scaled"):
                upper = float(hanging.group(1))
                if after.kind == "duration" and after.unit in DURATION_FACTOR:
                    unit, factor = DURATION_FACTOR[after.unit]
                    return with_bound(text, a, after.end, "duration",
                                      Value("quantity", amount=amount * factor, upper=upper * factor, unit=unit))
                kind = "count" if after.kind in ("scaled", "times") else after.kind
                return with_bound(text, cur_start if currency else a, after.end, "money" if currency else kind,
                                  Value("quantity", amount=amount, upper=upper, scale=after.scale,
                                        unit=currency or after.unit))
        own = self.defined.after(text, b) if not currency and not words else None  # "-25 mb", "mb" defined
        after = own or unit_after(text, b, currency=bool(currency))
        row = self.tables.at(a) if after.kind == "bare" and not currency and not words else None
        after = dataclasses.replace(row, end=b) if row else after  # "Iraq 4,112" under "Table: ..., tb/d"
        row = row or own
        pts = _POINTS.match(text, b) if not currency and after.kind in ("count", "bare") else None
        if pts and not (words and re.match(r"\s+[a-z]", text[pts.end():pts.end() + 2])):  # not "an eight point plan"
            s0, s1 = self.sentence_of(a, b)
            # "4.1 percent in 2023, a rise of 0.2 point"; not an index's level in a sentence with a percent
            # ("the index came to 127.4 points, a 2 percent increase": points of the index)
            # "the jobless rate rose 0.2 point": a rate's move, with no percentage written beside it
            # the same move restated in percent ("36.10 points, or 1.44 percent"): index points
            if (PERCENT_WRITTEN.search(text, s0, s1) or RATE_NOUN.search(text, s0, s1)) \
                    and not _OR_PERCENT.match(text, pts.end()) and not _PERCENT_OR.search(text, max(s0, a - 40), a) \
                    and not (_INDEX_LEVEL_BEFORE.search(text, max(s0, a - 40), a)
                             and re.search(r"\bindex\b", text[s0:s1], re.I)) \
                    and not (not PERCENT_WRITTEN.search(text, s0, s1) and re.search(r"\bindex\b", text[s0:s1], re.I)):
                neg = text[a - 1:a] == "-" and text[a - 2:a - 1] in ("", " ", "(", "\n")  # "(-0.2 pts)"
                return with_bound(text, a - neg, pts.end(), "points",
                                  Value("quantity", amount=-amount if neg else amount, unit="percentage-points"))
        if words and token.lower() in ("one", "zero") and after.kind not in ("money", "percent", "points") \
                and not after.scale:  # ("one million visitors" is a figure)
            return None  # "one of", "one year after": not figures
        if currency and after.kind not in ("money", "bare", "count", "scaled"):
            return None
        upper, end = None, after.end
        rng = range_after(text, b, after, currency)
        if rng is not None and change_then_level(text, cur_start if currency else a, b, amount, rng[0]):
            rng = None  # "+$1.57 to $31.67", "rose 25 cents to $4.10": a change, then the level it reached
        if rng is not None and rng[0] >= amount:  # "10-4" falls: a score or a change, never a range
            upper, after, end = rng
        unit, kind, scale = after.unit, after.kind, after.scale
        if after.cents:  # "56.23 U.S. cents" is USD 0.5623, as its conversion "(US$0.5623)" writes it
            amount, upper = round(amount / 100, 12), round(upper / 100, 12) if upper is not None else None
        if currency:
            unit, kind = currency, "money"
        if kind == "bare" and not words and not upper and not re.fullmatch(YEAR, token):
            if percent_base(text, a, self.sentence_of(a, b)[0]) or unit_of_base(text, a, b, "") or \
                    rate_level(text, a, self.sentence_of(a, b)[0], self.sentence_before(a), amount):
                # "inflation rose to 34.6% from 33.88", "rose to 4.3 from 4.1 per cent": the unit written once
                return with_bound(text, a, b, "percent", Value("quantity", amount=amount, unit="percent"))
        if kind == "bare":
            base = bracketed_base(text, a, b, amount, self.__dict__.get("_last")) if not words and not upper else None
            if base is not None:  # "net orders reached 826 (2023: 1,952)": the unit written once, before
                return base
            counted = COUNTED_BEFORE.search(text, max(0, a - 80), a) if not words and not upper else None
            if counted and plural_noun(counted.group("n")) and not re.fullmatch(YEAR, token):
                # "Deportations rose to 16,400", "asylum applications reached 329,000": the subject is counted
                return with_bound(text, a, b, "count",
                                  Value("quantity", amount=amount, unit=counted.group("n").lower()))
            if not words and not upper and not re.fullmatch(YEAR, token):
                bare = self.bare_figure(a, b, token, amount)
                if bare is not None:
                    return bare
            if not words and not upper and not re.fullmatch(YEAR, token):  # drafting.carried, once all are read
                self.__dict__.setdefault("_unplaced", []).append((a, b, amount, self.sentence_of(a, b)[0]))
            return self.of_the_count(m, amount) if words or amount < 1000 else None
        if kind == "scaled":
            kind = "count"
            if not words and not currency:  # "the number of visitors hit a record 36.87 million": visitors
                unit = self.counted_by_sentence(a) or level_unit(text, a, self.__dict__.get("_last")) or unit
            if not words and not currency and not unit:
                unit = gapped_currency(text, self.sentence_of(a, b)[0], a, self.__dict__.get("_last_money")) \
                    or self.carried_currency(a, scale) or getattr(unit_of_base(text, a, end, scale), "unit", "")
                kind = "money" if unit else kind
        if kind == "times":
            kind, unit = "count", event_noun(text, a) or "times"
        if not words and not currency and not scale and kind in ("count", "duration", "multiple") \
                and re.fullmatch(YEAR, token):
            return None  # "2022 sanctions": a year
        if reference_before(before) and not scale:  # ("refugees number 43.4 million": a verb; no "No. 4 million")
            return None
        if kind in ("count", "duration") and not currency and not words and after.kind != "times" and unit != "bps" \
                and row is None and not (scale and "." in token) \
                and name_before(text, a) and not (unit and terse_label(text, self.sentence_of(a, b)[0], a)):
            return None  # ("Gauteng 15.1 million" in a list: a figure after its name; "Passengers 131m" counts them)
        if kind == "count" and words and definite_before(before) and not selective(text[b:end]) \
                and not re.match(r"\s+of\b", text[end:end + 4]) \
                and not re.search(r"\b(?:\d+|" + NUMWORD + r")\s+of\s+\w+\s+$", before, re.I) \
                and _mentioned_before(text, a, unit):
            return None  # "the two countries": a reference back, not a count ("two of the four" is one)
        if words and token[:1].isupper() and re.match(r"-[A-Z][a-z]+\s+[A-Z]", text[b:b + 24]):
            return None  # "China's 14th Five-Year Plan", "the Six-Party Talks": a name, not a duration or count
        if words and self.in_title(a):
            return None  # "Two Models of Defence Spending": a title, not a claim
        if kind == "duration" and "-" in text[a:end] and _SPAN_LABEL_AFTER.match(text, end):
            return None  # "the 10-year yield", "(12-month average: ...)": a label, no figure
        if kind == "duration" and unit in DURATION_FACTOR:
            unit, factor = DURATION_FACTOR[unit]
            amount, upper = amount * factor, upper * factor if upper is not None else None
        per = PER_BASE.match(text, end) if kind == "count" and unit and not currency and not upper else None
        if per:  # "42 deaths per 1,000 live births": a rate, one figure (not a count of births)
            unit, end = f"{unit} per {per.group('n').replace(',', '')} {per.group('what')}", per.end()
        start = cur_start if currency else a
        if start > 0 and text[start - 1] == "-" and (start < 2 or text[start - 2] in " (\n"):
            amount, start = -amount, start - 1
        return with_bound(text, start, end, kind, Value("quantity", amount=amount, upper=upper, scale=scale, unit=unit))

    def bare_figure(self, a: int, b: int, token: str, amount: float) -> Optional[tuple[int, int, str, Value]]:
        """A number with no unit after it that is still a figure (``drafting.barecounts``)."""
        return bare_figure(self.text, a, b, token, amount, self.sentence_of(a, b)[0],
                           self.__dict__.get("_last_bare"), self.__dict__.get("_last_count"))

    def sentence_before(self, a: int) -> int:
        """Where the sentence before the one holding ``a`` starts, unless it is a heading (else its own start)."""
        i = self.sentence_index(a)
        if i <= 0:
            return self.sentences[i][0] if i == 0 else a
        ps, pe = self.sentences[i - 1]
        return self.sentences[i][0] if is_heading(self.text[ps:pe]) else ps

    def carried_currency(self, a: int, scale: str) -> str:
        """The currency of a scaled amount written with no unit, from the sentence before it (not a heading)
        or the title: "Exports rose 6% to 107.9 trillion yen. Imports rose 2% to 113.3 trillion." The
        sums of that scale there must all be in one currency ("9.1 trillion yen ($64 billion)": yen for a
        trillion, dollars for a billion)."""
        money = self.__dict__.get("_money")
        i = self.sentence_index(a)
        if not money or i <= 0:
            return ""
        spans = []
        ps, pe = self.sentences[i - 1]
        if not is_heading(self.text[ps:pe]):  # (wire copy sets each sentence apart: a paragraph break is no bar)
            spans.append((ps, pe))
        if self.in_title(self.sentences[0][0]):
            spans.append(self.sentences[0])
        said = {unit for start, sc, unit in money if sc == scale and any(s <= start < e for s, e in spans)}
        return said.pop() if len(said) == 1 else ""

    def counted_by_sentence(self, a: int) -> str:
        """What a scaled count with no noun after it counts, when its clause says (``drafting.barecounts``)."""
        return counted_by(self.text, a, self.sentence_of(a, a + 1)[0], self.__dict__.get("_last_count"))

    @functools.cached_property
    def named(self) -> list[set[str]]:
        """The countries the text names (``heads.named_territories``), read once per text when asked."""
        from briefcmp.drafting.heads import named_territories

        return named_territories(self.text)

    def in_title(self, a: int) -> bool:
        """Whether offset ``a`` is in the first line of the text, a heading (the title)."""
        first = self.text.lstrip("\n")
        offset = len(self.text) - len(first)
        end = self.text.find("\n", offset)
        return a < (end if end >= 0 else len(self.text)) and is_heading(self.text[offset:end if end >= 0 else None])

    def of_the_count(self, m: re.Match, amount: float) -> Optional[tuple[int, int, str, Value]]:
        """"two of the four islands": the first number counts the same noun."""
        text = self.text
        tail = re.match(r"\s+of\s+(?:the|its|their|these|those|(?:the\s+)?[A-Za-z]+'s)\s+(" + NUMWORD + r"|\d+)\b",
                        text[m.end():], re.I)
        if not tail:
            return None
        noun = counted_noun(text, m.end() + tail.end())
        if not noun:
            return None
        # "two of the three banks": the second number counts the same things again; not a figure of its own.
        self.used.add(m.end() + tail.start(1), m.end() + tail.end(1))
        return with_bound(text, m.start(), m.end(), "count", Value("quantity", amount=amount, unit=noun[0]))


def find_figures(text: str, *, published: Optional[PartialDate] = None,
                 sentence_spans: Optional[list[tuple[int, int]]] = None, dates: bool = True,
                 fiscal_start: int = 1) -> list[Figure]:
    """Every figure in ``text``, in text order.

    ``published`` completes dates written without a year ("on February 16") and
    relative ones ("last year"); ``sentence_spans`` may be given when the caller
    has split the text already. With ``dates``, dates that are claims in their
    own right (not the as-of year of another figure in the sentence) are figures too.
    ``fiscal_start`` is the month fiscal years start (the config's ``fiscal_year_start``):
    "fiscal 2022" is then a period, not the calendar year.
    """
    return _Finder(text, published, sentence_spans, fiscal_start).run(dates)
