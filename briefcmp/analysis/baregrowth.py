"""A bare change of an economy is its GDP's: "Ruritania grew 2.1%", "it shrank 0.3% in the quarter",
"FY2024: +2.3%" in a report on GDP.

A figure whose clause names no measure, only which way it went (and maybe its base, or that it is
expected), says what it measures through the report's frame: in a report whose title names GDP, or
whose figures of the same subject name it, a subject that "grew" is that economy. What keeps this
safe: the subject must be the one the report's GDP figures are of (a company or a region that grew
is left alone; so is a subject only the whole brief gave), the figure a percentage (a rate of change,
not an amount) of a period the text gives, its whole sentence naming no other measure ("Investment,
expected to grow 6.7%": the clause reads bare, the sentence does not; "the fastest growth among
regions"), and no two bare changes of one subject, period and base with other values (which one
would be the economy's?). A list item whose carried direction its own sign denies ("+0.4% y/y, Q3 -0.8%":
a rise carried to a fall) was misread before it came here: left alone. Called per brief, after ``ellipsis`` has carried what a clause leaves to
the one before it.
"""

from __future__ import annotations

from collections import defaultdict

from briefcmp.analysis import statnames
from briefcmp.analysis.measure import _DIRECTION, _EXPECTATION_NOTIONS, BASIS_TAGS, measured_words

_PLAIN = frozenset({"real", "annual", "overall", "total"})  # ("real growth" is the economy's volume growth)
_MAY_STAY = _DIRECTION | BASIS_TAGS | _EXPECTATION_NOTIONS | _PLAIN | {"forecast"}
_RATES = ("percent", "percentage-points")


def bare(m) -> bool:
    """Whether a figure's words say only which way it went (and maybe its base or an expectation)."""
    return bool(m.words & _DIRECTION) and m.words <= _MAY_STAY and m.unit in _RATES


def _misread(m) -> bool:
    """Whether a list item's carried words say it rose while its own value is negative (``ellipsis``)."""
    return bool(m.elided) and (m.claim.value.amount or 0.0) < 0 and "increase" in m.words


def _sentence_bare(m, entities) -> bool:
    """Whether the figure's whole quote names no measure but the economy's (its clause may leave one out)."""
    return measured_words(m.claim.quote, entities, m.unit)[0] <= _MAY_STAY | {"gdp"}


def read(members: list, title: str, entities) -> None:
    """Give the bare changes of a report on GDP (``members``: one brief's figures) the word "gdp"."""
    titled = any("gdp" in canon for _, _, canon, _ in statnames.find(title or ""))
    framed = {m.subjects for m in members if "gdp" in m.words and m.subjects}
    if not framed and not titled:
        return
    cells: dict[tuple, list] = defaultdict(list)
    for m in members:
        if bare(m) and m.subjects and m.dated and not _misread(m) and m.subjects_from != "whole brief" and (
                m.subjects in framed or (titled and not framed)) and _sentence_bare(m, entities):
            cells[(m.subjects, m.period, m.basis, frozenset(m.words))].append(m)
    for group in cells.values():
        if len({round(m.claim.value.amount or 0.0, 9) for m in group}) > 1:
            continue  # two bare changes of one period and base with other values: two measures, neither read
        for m in group:
            m.words = m.words | {"gdp"}
            m.order = (*m.order, "gdp")
            m.shown = {**m.shown, "gdp": "GDP"}
            m.words_from = m.words_from or "the report's frame (a bare change of an economy)"
