"""When a figure holds, from the dates of its text: the nearest date of its sentence (``as_of``), or
the date of the sentence before when the sentence goes on about it ("In 2023 Chile mined ... Its share
was 30 percent"). A mixin of ``drafting.figures``' finder, which holds the text, its sentences and its
dates (sorted by start).
"""

from __future__ import annotations

import bisect
import re
from typing import Optional

from briefcmp.drafting.dates import DateMention

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


class AsOf:
    """The date a figure holds for (see the module); needs ``text``, ``sentences``, ``sentence_starts``,
    ``dates`` and ``date_starts``."""

    text: str
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
        for d in self.dates_in(*sent):
            # "this year" with no publication date to read it against still dates its figure: as unknown, so
            # that the figure takes no later figure's year ("2.4% this year ... before slipping to 1.9% in 2026")
            if (d.period is None and d.pattern not in ("relyear", "mrel")) or d.end > sent[1]:
                continue
            if self.base_date(d):
                continue
            between = self.text[d.end:a] if d.end <= a else self.text[b:d.start]
            if len(between) > 100 and not self.opens(sent[0], d):
                continue
            if _BASE_BETWEEN.search(between):
                continue  # "slipped to 1.27 from 1.30 in October": October dates the 1.30, not the 1.27
            base = _BASE_FIGURE_DATE.search(self.text, max(sent[0], d.start - 80), d.start)
            if base and not base.start() <= a < d.start:
                continue  # "... from $3.9 billion in 2023, while revenue grew to $55.5 billion": the base's year
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
