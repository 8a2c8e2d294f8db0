"""When a figure holds, from the dates of its text: the nearest date of its sentence (``as_of``), or
the date of the sentence before when the sentence goes on about it ("In 2023 Chile mined ... Its share
was 30 percent"). A mixin of ``drafting.figures``' finder, which holds the text, its sentences and its
dates (sorted by start).
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from briefcmp.analysis import figureperiod
from briefcmp.analysis.periodbases import blank_asides, segments
from briefcmp.corpus.model import PartialDate, Period
from briefcmp.drafting.dates import MONTH, DateMention
from briefcmp.drafting.fiscalparts import INDEX_BASE_AFTER
from briefcmp.drafting.spans import SpanSet

WORDS = re.compile(r"[^\W\d_]{2,}")
# Sentences that continue the one before: a pronoun or "the country" as subject, or "that year".
_CARRIES = re.compile(r"\s*(?:It|Its|They|Their|This|These|He|She|His|Her|The\s+(?P<noun>country|company|government|"
                      r"economy|state|region|bank|firm|group)(?P<own>'s)?|That\s+year|The\s+same\s+year|"
                      r"In\s+that\s+year)\b")
_THE_YEAR = re.compile(r"\b(?:the|that)\s+(?:same\s+)?year\b(?!\s+(?:before|after|earlier|ago))")
# A comparison base with its own figure between a figure and a date: the date is the base's.
_BASE_BETWEEN = re.compile(r"\b(?:from|against|compared\s+(?:with|to)|versus|vs\.?|than|"
                           r"(?:above|below|times|twice|double|triple|half)\s+the)\s+(?:(?:a|an|the)\s+)?"
                           r"(?:(?:revised|record|previous|budgeted|initial)\s+)?[$€£¥₹]?\d")


# "rose to $6.5 billion from $3.9 billion in 2023, while revenue grew to $55.5 billion", "a deficit of 0.4%, after
# 0.1% in 2023", "almost double the 1.9 per cent of 2023": a date right after a base's figure dates that figure alone
_BASE_FIGURE_DATE = re.compile(r"\b(?:from|against|compared\s+(?:with|to)|versus|vs\.?|than|after|"
                               r"(?:above|below|times|twice|double|triple|half)\s+the)\s+(?:(?:a|an|the)\s+)?"
                               r"(?:(?:revised|record|previous|budgeted|initial)\s+)?[$€£¥₹]?\d[\d,.]*\s*"
                               r"(?:[^\s\d,;]+\s+){0,2}?(?:in|for|during|of)\s+(?:the\s+)?$", re.I)


# "19.5% more than in 2023", "higher than during 2022": the date after "than" and a preposition is a base
_THAN_IN = re.compile(r"\bthan\s+(?:in|during|for|at|on)\s+(?:the\s+)?$", re.I)


_MONTH_NAMING = re.compile(rf"\b({MONTH})(\s+(?:meeting|forecast|report|session|election|survey)\b)")
_INDEX_BASE = re.compile(r"\b(?:19|20)\d\d(?=" + INDEX_BASE_AFTER.pattern + ")")


class AsOf:
    """The date a figure holds for (see the module); needs ``text``, ``sentences``, ``sentence_starts``,
    ``dates`` and ``date_starts``."""

    text: str
    blocked: SpanSet
    published: Optional[PartialDate]
    fiscal_start: int
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    dates: list[DateMention]
    date_starts: list[int]

    def sentence_index(self, a: int) -> int:
        """The index of the sentence holding offset ``a`` (or -1)."""
        i = bisect.bisect_right(self.sentence_starts, a) - 1
        return i if i >= 0 and a < self.sentences[i][1] else -1

    def dates_in(self, s: int, e: int) -> list[DateMention]:
        return self.dates[bisect.bisect_left(self.date_starts, s):bisect.bisect_left(self.date_starts, e)]

    def opens(self, sent_start: int, d: DateMention) -> bool:
        """True when the date opens its sentence ("In 2020, ...", "As of 2019, ..."): it dates it all."""
        head = self.text[sent_start:d.start]
        return len(head) <= 20 and len(WORDS.findall(head)) <= 4


    def base_date(self, d: DateMention) -> bool:
        """Whether ``d`` dates a comparison base ("than 2023", "more than in 2023"), not a figure."""
        return d.word_before in ("since", "after", "before", "until", "till", "than") or \
            bool(_THAN_IN.search(self.text, max(0, d.start - 20), d.start))

    def carried_date(self, sent: tuple[int, int]) -> Optional[DateMention]:
        """A sentence that goes on about the one before ("In 2023 Chile mined ... Its share was 30
        percent", "That year, ...") holds for the year that opens the sentence before, or its only date.
        (Found once per sentence: a sentence may hold hundreds of figures.)"""
        memo = self.__dict__.setdefault("_carried", {})
        if sent not in memo:
            memo[sent] = self._carried_date(sent)
        return memo[sent]

    def _carried_date(self, sent: tuple[int, int]) -> Optional[DateMention]:
        carries = _CARRIES.match(self.text, sent[0])
        if not carries and not _THE_YEAR.search(self.text, sent[0], sent[1]):
            return None
        i = self.sentence_index(sent[0])
        if i <= 0:
            return None
        ps, pe = self.sentences[i - 1]
        if "\n\n" in self.text[pe:sent[0]]:
            return None  # another paragraph
        if carries and carries.group("noun") and not carries.group("own") and \
                not _THE_YEAR.search(self.text, sent[0], sent[1]) and \
                not re.search(rf"\b{carries.group('noun')}\b", self.text[ps:pe], re.I):
            return None  # "The government has committed ...": a new statement, unless the sentence before spoke of it
        dates = [d for d in self.dates_in(ps, pe) if d.period is not None and not self.base_date(d)
                 and d.word_before != "by" and not (self.text[d.start - 1:d.start] == "(" and self.text[d.end:d.end + 1] == ":")]
        # ("(2023: EUR 17,096 million)" labels a base in brackets: it dates that figure, not the sentence)
        opening = [d for d in dates if self.opens(ps, d)]
        if opening:
            return opening[0]
        return dates[0] if len({str(d.period) for d in dates}) == 1 else None

    def as_of(self, sent: tuple[int, int], a: int, b: int) -> Optional[DateMention]:
        """The date that says when the figure holds: the nearest one in its sentence.

        A date across a clause break counts as far; one more than 100 characters
        away only counts when it opens the sentence ("In 2020, ...").
        """
        best: Optional[tuple[float, DateMention]] = None
        part = self.base_part(sent, a)
        # what align blanks before it reads a period: an aside holding another figure ("(confirming 21 Jan
        # pre-release)", "(2023: EUR 5m)"). (Not yet the month a forecast was made, "in line with November
        # guidance", which align blanks too: dated so, two figures whose measures sit unread in parentheses were
        # kept apart, novo-fy2024's "(+26% CER)" of sales and of EBIT; undated, they were keyed together.)
        read = blank_asides(self.text[sent[0]:sent[1]], (a - sent[0], b - sent[0]))
        for d in self.dates_in(*sent):
            # "this year" with no publication date to read it against still dates its figure: as unknown, so
            # that the figure takes no later figure's year ("2.4% this year ... before slipping to 1.9% in 2026")
            if (d.period is None and d.pattern not in ("relyear", "mrel")) or d.end > sent[1]:
                continue
            if self.dates_a_base(sent, a, part, d) or not read[d.start - sent[0]].strip():
                continue  # a comparison base's date is the base's ("up 23.1%, from EUR 2.7 billion in 2023")
            between = self.text[d.end:a] if d.end <= a else self.text[b:d.start]
            if len(between) > 100 and not self.opens(sent[0], d):
                continue
            if _BASE_BETWEEN.search(between):
                continue  # "slipped to 1.27 from 1.30 in October": October dates the 1.30, not the 1.27
            if self.dates_other_in_parens(d, a, b):
                continue  # "62.03 million (2011: 51.8 million)": 2011 dates the figure in the parentheses
            breaks = len(re.findall(r";|,\s+(?:and|but|while|whereas)\b|\.\s", between))
            if breaks and d.start > b and d.pattern not in ("year", "qyear", "relyear", "fiscal"):
                continue  # "averaged 7.7 percent over the year, and ... 12.5 percent in December 2023"
            dist = len(between) + 1000 * breaks
            if d.start > b and "," in between and \
                    any(self.opens(sent[0], o) and o.end <= a for o in self.dates_in(*sent)):
                dist += 500  # "In 2023, coverage was 92%, up from 89% in 2022": the opening year dates the 92%
            if d.start > b:
                dist -= 0.5  # on a tie, "$15 billion in 2020" reads forward
            if best is None or dist < best[0]:
                best = (dist, d)
        return best[1] if best and best[1].period is not None else None

    def figure_period(self, sent: tuple[int, int], a: int, b: int, own: Optional[DateMention] = None) -> Optional[Period]:
        """The period the one reader (``analysis.figureperiod``) reads for the figure [a, b), as align reads
        it; None when it reads none, when the config names a fiscal year of its own (drafting's reader
        applies it: ``dates.fiscal_period``), or when ``own`` (the date drafting's reader found) is a span of
        years holding it ("between 2015 and 2020": align reads the last year only) or a fiscal year's part."""
        if self.fiscal_start != 1 or not re.search(r"\d", self.text[a:b]):
            return None  # (a figure in words, "about a fifth": align finds no span for it and reads no period)
        read = self._one_reader(sent, a, b)
        if read is not None and self._only_a_base_says(sent, a, read):
            return None  # ("1.10 euros, almost three times the 40 cents paid for 2022": drafting's bases, as ``as_of``)
        if read is None or own is None or own.pattern not in ("range", "fiscal") or own.period is None or \
                own.period.end is None:
            return read
        first, last = own.period.span()
        if first <= read.span()[0] <= read.span()[1] <= last or (last - first).days < 360:
            return None  # (a fiscal year's part, "H1 2024-25", ``fiscalparts``: align reads the calendar's half)
        return read

    def split_year(self, d: DateMention, a: int, b: int) -> bool:
        """Whether ``d`` is a split year ("2023/24", "2023-24") read as two calendar years, dating a figure in words
        (``figure_period`` reads none for it): whose fiscal year or season it is decides its months, and drafting
        does not know whose figure it is (``analysis.figureperiod``: such a reading is left to align)."""
        p = d.period
        return d.pattern == "range" and self.fiscal_start == 1 and not re.search(r"\d", self.text[a:b]) and \
            p is not None and p.end is not None and not p.start.month and p.end.year == p.start.year + 1

    def dates_a_base(self, sent: tuple[int, int], a: int, part: int, d: DateMention) -> bool:
        """Whether ``d`` dates a comparison base of the figure at ``a`` (``part``: the base part ``a`` stands in):
        a base's own date, one in another part of the sentence, or one right after a base's figure ("... from
        $3.9 billion in 2023, while revenue grew to $55.5 billion": the base's year)."""
        if self.base_date(d) or self.base_part(sent, d.start) != part:
            return True
        base = _BASE_FIGURE_DATE.search(self.text, max(sent[0], d.start - 80), d.start)
        return bool(base and not base.start() <= a < d.start)

    def _only_a_base_says(self, sent: tuple[int, int], a: int, read: Period) -> bool:
        """Whether every date of the sentence writing ``read`` dates a comparison base of the figure at ``a``."""
        part = self.base_part(sent, a)
        said = [d for d in self.dates_in(*sent) if d.period is not None and d.period.span() == read.span()]
        return bool(said) and all(self.dates_a_base(sent, a, part, d) for d in said)

    def _one_reader(self, sent: tuple[int, int], a: int, b: int) -> Optional[Period]:
        s, e = sent
        chars = list(self.text[s:e])
        blocked = self.blocked
        i = max(bisect.bisect_right(blocked.starts, s) - 1, 0)
        while i < len(blocked.starts) and blocked.starts[i] < e:  # a citation's year ("(IMF 2023)") dates nothing
            for k in range(max(blocked.starts[i], s), min(blocked.ends[i], e)):
                chars[k - s] = " "
            i += 1
        sentence = _INDEX_BASE.sub(lambda m: " " * len(m.group()), "".join(chars))  # "2010 = 100": an index's base
        # "the February forecast", "the September meeting": a month naming which one, as drafting's dates read it
        sentence = _MONTH_NAMING.sub(lambda m: " " * len(m.group(1)) + m.group(2), sentence)
        return figureperiod.drafted(sentence, (a - s, b - s), self.published)

    def base_part(self, sent: tuple[int, int], pos: int) -> int:
        """Which comparison base of its sentence offset ``pos`` stands in (its start), -1 outside any: the
        bases align reads (``analysis.periodbases.segments``), so that drafting dates a figure as align does."""
        for a, b, base in segments(self.text[sent[0]:sent[1]]):
            if a <= pos - sent[0] < b:
                return a if base else -1
        return -1

    def dates_other_in_parens(self, d: DateMention, a: int, b: int) -> bool:
        """Whether ``d`` stands in parentheses that hold another figure and not the figure [a, b)."""
        text = self.text
        open_ = text.rfind("(", max(0, d.start - 40), d.start)
        if open_ < 0 or ")" in text[open_:d.start] or open_ <= a < d.start:
            return False
        close = text.find(")", d.end, d.end + 60)
        if close < 0 or a < close and b > open_:
            return False
        return bool(re.search(r"\d", text[open_ + 1:d.start] + text[d.end:close]))
