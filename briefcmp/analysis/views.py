"""Whose figure it is: a figure a brief gives as a view (its own estimate, or a forecast it reports) is no fact.

Two readings of attribution, each of the figure's own clause, never of the sentence:

- **the brief's own view**: a bank note's or a think tank's first person ("we estimate the 2025 deficit at about
  8.2%", "we now expect 1.1%", "our 2.2% forecast", "our base case of 1.5%"). What an author estimates is no report
  of the outcome, so that two such figures differ as views, and a view against the outcome is a forecast set
  against a fact, never a contradiction.
- **a forecast named after its figure**: "the 6.7% the budget had counted on", "the 2.2% assumed in the state
  budget", "the 2.1% expected by economists". The figure is the object of a verb of expecting, in a relative
  clause or a participle after it; the figure before it in the sentence is the outcome ("at 4.5%, about two
  thirds of the 6.7% the budget had counted on": 4.5% stays a fact).

Both are grammar (person, a relative clause's object), not lists of outlets; each verb class is closed and short.
"""

from __future__ import annotations

import re

# Verbs of estimating after a first-person subject; never verbs of doing ("we cut costs by 5%" is a company's
# fact), and never "calculate" or "find" (a computation of an outcome).
_WE_ESTIMATE = re.compile(
    r"\b(?:we|I)\s+(?:now\s+|still\s+|also\s+|currently\s+|continue\s+to\s+|conservatively\s+)?"
    r"(?:estimate|expect|forecast|project|predict|assume|anticipate|reckon|pencil|put|see)s?\b", re.I)
# "our" heading a noun phrase that names a view: the figure inside it ("our 2.2% forecast") or after it ("our
# estimate of 8.2%", "our base case is 1.5%").
_OUR_VIEW = re.compile(
    r"\bour\s+(?:[^\s,;:()]*[^\s,;:.()]\s+){0,4}?(?:estimates?|forecasts?|projections?|calls?|expectations?|base[\s-]+case|"
    r"baseline|scenarios?|assumptions?|view|outlook|model)\b", re.I)
# After the figure: "[that] the budget had counted on", "the government had pencilled in", "assumed in the budget",
# "expected by economists" (a participle needs its preposition: "2.2% expected" alone may head "expected growth").
_EXPECTING = (r"(?:counted\s+on|assumed|expected|forecast|projected|predicted|pencill?ed\s+in|budgeted|"
              r"anticipated|envisaged|penciled\s+in|bargained\s+for)")
_UNIT = r"(?:\s*(?:%|per\s*cent|percent|pc)(?![A-Za-z]))?"  # (a figure's span may end before its unit)
# "[that] the budget had counted on": an expectation held before the outcome, told after it
_HAD_AFTER = re.compile(
    _UNIT + r"\s*(?:(?:that|which)\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[A-Za-z][\w'.&-]*\s+){1,4}?"
    r"(?:had|has|have)\s+(?:been\s+|originally\s+|initially\s+)?" + _EXPECTING + r"\b", re.I)
# "assumed in the budget", "expected by economists" (not "forecast for 2024/25": a budget's own projection, which
# reports of the budget give as its content)
_PARTICIPLE_AFTER = re.compile(
    _UNIT + r"\s*(?:originally\s+|initially\s+|previously\s+)?" + _EXPECTING + r"\s+(?:in|by)\b", re.I)


def own_view(clause: str, figure: tuple[int, int]) -> bool:
    """Whether the figure at ``figure`` (offsets in ``clause``) is the brief's own estimate or forecast: after a
    first-person verb of estimating, or inside or right after "our" naming a view, with no other figure or clause
    break between (a year may stand between: "we estimate the 2025 deficit at 8.2%")."""
    start = figure[0]
    for m in _WE_ESTIMATE.finditer(clause, 0, start):
        if _close(clause[m.end():start]):
            return True
    for m in _OUR_VIEW.finditer(clause):
        if m.start() < start and (start < m.end() or _close(clause[m.end():start])):
            return True
    return False


def _close(gap: str) -> bool:
    return not _BREAK.search(_YEAR.sub("", gap)) and len(gap.split()) <= 8


_YEAR = re.compile(r"\b(?:FY)?(?:19|20)\d\d(?:[-/]\d\d)?\b")
_BREAK = re.compile(r"[\d,;:]|\b(?:while|but|whereas|and\s+(?:the|its|their)\b)", re.I)


def expected_after(text: str, end: int) -> bool:
    """Whether the words right after a figure ending at ``end`` name it as what someone expected."""
    return _HAD_AFTER.match(text, end) is not None or _PARTICIPLE_AFTER.match(text, end) is not None


def a_view(clause: str, figure: tuple[int, int]) -> bool:
    """Either reading: the figure is a view, not an outcome (drafting makes it a forecast)."""
    return own_view(clause, figure) or expected_after(clause, figure[1])


def held_view(clause: str, figure: tuple[int, int]) -> bool:
    """A view no budget's wording makes a fact (``evidence.plan``): the brief's own, or an expectation told as held
    before the outcome ("the 6.7% the budget had counted on"). A budget's own projection stated as its content
    ("a deficit of $28.3 billion forecast for 2024/25") is what the budget says, a figure of fact about it."""
    return own_view(clause, figure) or _HAD_AFTER.match(clause, figure[1]) is not None
