"""The years of yearless dates, as a text's figures are found (``drafting.figures``): a month written after a
year takes that year ("the 2014 conference in November"), and one after the publication month is last year's unless
its sentence looks ahead. Split from ``figures`` (its size), as a mixin of its finder.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus.model import PartialDate, Period
from briefcmp.drafting.dates import DateMention, pdate
from briefcmp.drafting.tense import looks_ahead, looks_back, only_ahead, own_clause


class DateYears:
    """Needs ``text``, ``published``, ``sentences`` and ``sentence_index`` from the finder it is mixed into."""

    text: str
    published: Optional[PartialDate]
    sentences: list[tuple[int, int]]

    def complete_years(self, dates: list[DateMention]) -> list[DateMention]:
        """"the 2014 conference in November": a yearless date takes the year written just before it."""
        out: list[DateMention] = []
        for d in dates:
            if d.pattern in ("md", "dm", "month") and out:
                prev = out[-1]
                gap = self.text[prev.end:d.start]
                # (not across a clause's end or another number: "since spring 2021: CPI inflation was 1.7
                # per cent in September" dates the 1.7 per cent, it makes no date "September 2021")
                if prev.pattern == "year" and len(gap) < 60 and not re.search(r"[.;:!?]\s|\d", gap) and prev.period \
                        and d.month_day[0]:
                    month, day = d.month_day
                    if pdate(prev.period.start.year, month, day):
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
        if pub is None or not pub.month:
            return d
        i = self.sentence_index(d.start)
        sentence = self.text[self.sentences[i][0]:d.start] + self.text[d.end:self.sentences[i][1]] if i >= 0 else ""
        if start.year == pub.year and pub.month - start.month >= 3 and i >= 0 and only_ahead(
                own_clause(self.text[self.sentences[i][0]:d.start], self.text[d.end:self.sentences[i][1]])):
            # "the bank next reviews the rate on February 19", written in December: next February
            ahead = pdate(start.year + 1, start.month, start.day)
            return DateMention(d.start, d.end, Period(ahead), d.pattern, d.word_before, d.month_day, True) \
                if ahead else d
        if (start.year, start.month) <= (pub.year, pub.month):
            return d
        if looks_ahead(sentence):  # (the date itself left out: "in May" is no modal verb)
            return d
        if re.search(r"\b(?:starting|beginning|commencing)\s+(?:on\s+)?$", self.text[max(0, d.start - 16):d.start], re.I):
            return d  # "the fiscal year starting July 1": the start of a period ahead, whatever the verb
        if not looks_back(sentence) and start.month <= pub.month + 2:
            return d
        shifted = pdate(start.year - 1, start.month, start.day)
        return DateMention(d.start, d.end, Period(shifted), d.pattern, d.word_before, d.month_day, True) \
            if shifted else d
