"""What a change is measured against: year on year, quarter on quarter, month on month, annualized.

``basis(clause, sentence, figure, period_full_year)`` reads it from a figure's clause (else its stretch of
the sentence): "rose 2.1% from a year earlier" is "yoy", "0.4% q/q" is "qoq", "an annualized 2.8%" is
"saar"; ``basis_against`` reads a base quarter the sentence names ("than in the 2nd quarter of 2024").
``BASIS_TAGS`` are the tags, which ``measure`` adds to a figure's measured words. Split from ``measure``.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis.clauses import CLAUSE_BREAK as _CLAUSE_BREAK
from briefcmp.analysis.periodbases import blank_asides

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# (an annualized rate is said "at an annual rate/pace" or "a 2.8% annual pace"; "an annual rate of 3.2%" is a
# twelve-month rate, on the year before)
_BASES = (("saar", re.compile(r"\bannuali[sz]ed\b|\bannual\s+pace\b|\bat\s+an?\s+(?:[\d.]+\s*(?:%|percent|per\s*cent)\s+)?"
                             r"annual\b|\bannual\s+rate\b(?!\s+of\b)", re.I)),
          ("qoq", re.compile(r"\bquarter[\s-](?:on|over|to)[\s-]quarter\b|\b(?:from|over|on|against|compared\s+(?:with|to))\s+the\s+(?:previous|preceding|"
                             r"prior)\s+(?:quarter|three[\s-]month\s+period|three\s+months)\b|\bquarterly\s+basis\b|"
                             r"\bq/q\b|\bq-o-q\b|\bqoq\b|\bon\s+the\s+(?:previous\s+)?quarter\b(?!['’])", re.I)),
          ("yoy", re.compile(r"\byear[\s-](?:on|over|to)[\s-]year\b|\bon[\s-]year\b|\bfrom\s+a\s+year\s+(?:earlier|ago|"
                             r"before)\b|\b(?:from|on|against|compared\s+(?:with|to))\s+the\s+same\s+(?:period|quarter|month)\b|"
                             # ("over the same month" alone is "during it": "Over the same month the FAO measured ...")
                             r"\bover\s+the\s+same\s+(?:period|quarter|month)\s+(?:a\s+year|last\s+year|of\s+(?:the\s+"
                             r"previous|last|(?:19|20)\d\d))|\by/y\b|\by-o-y\b|"
                             r"\byoy\b|\bannual\s+basis\b|\bannual\s+rate\s+of\b|"
                             # "Compared with a year earlier, ...", "in the annual comparison", "from year-earlier levels"
                             r"\b(?:compared\s+(?:with|to)|against|than)\s+a\s+year\s+(?:earlier|ago|before)\b|"
                             r"\b(?:annual|year-on-year|yearly)\s+comparison\b|\b(?:from|on|over)\s+year[\s-]earlier\b|\bon\s+(?:the\s+year|a\s+year\s+(?:earlier|ago|before))\b(?!['’])", re.I)),
          # "rose 0.4% month over month" (or "month-to-month"), "m/m", "on a monthly basis", "from the previous month"
          ("mom", re.compile(r"\bmonth[\s-](?:on|over|to)[\s-]month\b|\bm/m\b|\bm-o-m\b|\bmom\b|\bmonthly\s+basis\b|"
                             r"\bon\s+the\s+month\b(?!['’])|"
                             r"\b(?:from|over|on|against|compared\s+(?:with|to))\s+the\s+(?:previous|preceding|prior)\s+month\b", re.I)))
# "annual growth slipped to 0.8%", "through the year", "over the year to June": output's change on the year
# before (read only where no price is measured: an inflation rate is annual anyway, "the annual rise in CPI")
_ANNUAL = re.compile(r"\bannual\s+(?:growth|increase|rise|gain|expansion|contraction|decline|fall|change)\b|"
                     r"\bthrough\s+the\s+year\b|\b(?:over|in)\s+the\s+(?:year|twelve\s+months|12\s+months)\s+to\b", re.I)
_PRICED = re.compile(r"\b(?:prices?|inflation|CPI|CPIH|RPI|PPI|HICP|cost\s+of\s+living)\b", re.I)
BASIS_TAGS = frozenset(tag for tag, _ in _BASES)  # what a change is measured against, as a measured word
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_LEVEL_KEPT = re.compile(r"\b(?:unchanged|flat|steady|the\s+same\s+as)\s+$", re.I)


# Weaker hints, read only when no explicit basis is written: "5.4% for the year", "1.2% for the quarter".
_BASES_WEAK = (("yoy", re.compile(r"\b(?:for|over|in)\s+the\s+year\b|\bin\s+annual\s+terms\b", re.I)),
               ("qoq", re.compile(r"\b(?:for|over)\s+the\s+(?:\w+\s+)?quarter\b(?!\s+(?:of|from|compared|"
                                  r"a\s+year))", re.I)))


def basis(clause: str, sentence: str, figure: Optional[tuple[int, int]], period_full_year: bool,
          word_figure: bool = False) -> str:
    """"qoq", "yoy", "mom" or "saar": what a percentage change is measured against, said in its clause,
    else in its stretch of the sentence (from the figure before it to the figure after). A level said
    to be "unchanged from the previous month" has no base: that compares it, it measures no change."""
    def said(pattern: re.Pattern, text: str) -> bool:
        return any(not _LEVEL_KEPT.search(text, max(0, m.start() - 24), m.start()) for m in pattern.finditer(text))

    if word_figure and any(not _A_YEAR.fullmatch(n.group()) for n in _NUMBER.finditer(clause)):
        # (``word_figure``) a figure written as a word ("were flat", "unchanged") in a clause of other figures:
        # whose base is which ("rose 4.7% y/y and were flat m/m") cannot be told from where it stands
        return ""

    for tag, pattern in _BASES:
        if said(pattern, clause):
            return tag
    if said(_ANNUAL, clause) and not _PRICED.search(sentence or clause):
        return "yoy"
    weak = next((tag for tag, pattern in _BASES_WEAK if pattern.search(clause)), "")
    if weak:
        return weak
    if figure is None or not sentence:
        return ""
    # an aside in parentheses holding another figure ("2.3 percent (±0.4 percent) from the same period a
    # year ago") is read past; a year is no figure
    sentence = blank_asides(sentence, figure)
    nums = [m for m in _NUMBER.finditer(sentence) if not _A_YEAR.fullmatch(m.group())]
    before = max((m.end() for m in nums if m.end() <= figure[0]), default=0)
    after = min((m.start() for m in nums if m.start() >= figure[1]), default=len(sentence))
    stretch = sentence[before:after]
    if before:  # what directly follows the figure before belongs to it: "2.0 percent from the previous quarter, while"
        cut = _CLAUSE_BREAK.search(stretch)
        stretch = stretch[cut.end():] if cut else ""
    for tag, pattern in _BASES:
        if said(pattern, stretch):
            return tag
    return "yoy" if said(_ANNUAL, stretch) and not _PRICED.search(sentence) else ""


_QUARTER_BASE = re.compile(r"\b(?:than|compared\s+(?:with|to)|from|over|against|versus|on)\s+(?:in\s+)?(?:the\s+)?"
                           r"(?:(?P<n>[1-4])(?:st|nd|rd|th)|(?P<w>first|second|third|fourth))[\s-]+quarter\s+"
                           r"(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)
_QUARTER_SPAN = re.compile(r"((?:19|20)\d\d)-(01|04|07|10)/\1-(03|06|09|12)")


def basis_against(sentence: str, period: str) -> str:
    """"qoq" or "yoy" when a quarter's figure is compared with a quarter the sentence names ("0.2% higher
    than in the 2nd quarter of 2024", "compared with the 3rd quarter of 2023"): the quarter before, or
    the same quarter a year earlier; with the figure's own quarter unknown, the base itself ("against
    2024q2"), so that two changes against different quarters are never one measure; "" with no such base."""
    own = _QUARTER_SPAN.fullmatch(period or "")
    for m in _QUARTER_BASE.finditer(sentence):
        q = int(m.group("n")) if m.group("n") else ("first", "second", "third", "fourth").index(m.group("w").lower()) + 1
        y = int(m.group("y"))
        if own:
            year, quarter = int(own.group(1)), (int(own.group(2)) + 2) // 3
            if (y, q) == ((year, quarter - 1) if quarter > 1 else (year - 1, 4)):
                return "qoq"
            if (y, q) == (year - 1, quarter):
                return "yoy"
        return f"against {y}q{q}"
    if own:  # "grew 3.9% in the third quarter compared with the second": the quarter before, of its own year
        for m in _QUARTER_BEFORE.finditer(sentence):
            q = ("first", "second", "third", "fourth").index(m.group("w").lower()) + 1
            if q == (int(own.group(2)) + 2) // 3 - 1:
                return "qoq"
    return ""


# A quarter named without its year ("compared with the second", "from the first quarter"); not "the second
# estimate", nor a quarter a year names (``_QUARTER_BASE``)
_QUARTER_BEFORE = re.compile(r"\b(?:than|compared\s+(?:with|to)|from|over|against|versus|on)\s+(?:in\s+)?the\s+"
                             r"(?P<w>first|second|third|fourth)(?:(?=\s*(?:[.;,)]|$))|[\s-]+quarter\b(?![\s-]+(?:of\s+)?"
                             r"(?:(?:19|20)\d\d|last|the|a)\b))", re.I)


_AGAINST = re.compile(r"against ((?:19|20)\d\d)q([1-4])")


def settled(words: frozenset[str], period: str) -> dict[str, str]:
    """A base quarter read before the figure's own quarter was known ("against 2024q2", from "grew 0.2% against
    the second quarter of 2024" in a brief whose quarter the title gives), named once the period is: "qoq"
    for the quarter before, "yoy" for the same quarter a year earlier. Returns {written tag: its base}."""
    own = _QUARTER_SPAN.fullmatch(period or "")
    if not own:
        return {}
    year, quarter = int(own.group(1)), (int(own.group(2)) + 2) // 3
    out = {}
    for w in words:
        m = _AGAINST.fullmatch(w)
        if m:
            y, q = int(m.group(1)), int(m.group(2))
            if (y, q) == ((year, quarter - 1) if quarter > 1 else (year - 1, 4)):
                out[w] = "qoq"
            elif (y, q) == (year - 1, quarter):
                out[w] = "yoy"
    return out


def settle_bases(members: list) -> None:
    """``settled`` for the figures of one brief once their periods are read (align's members: words, order,
    shown, period, dated); a figure that states a base tag besides keeps its words."""
    for m in members:
        tags = settled(m.words, m.period) if m.dated else {}
        if tags and not m.words & BASIS_TAGS:
            m.words = frozenset(tags.get(w, w) for w in m.words)
            m.order = tuple(dict.fromkeys(tags.get(w, w) for w in m.order))
            m.shown = {tags.get(w, w): tags.get(w, x) for w, x in m.shown.items()}
