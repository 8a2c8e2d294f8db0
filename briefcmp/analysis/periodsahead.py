"""Whether a period a text names is spoken of as to come: guidance, an outlook, a forecast's object ("Q4 guide",
"expects ... in the fourth quarter", "its growth estimate for the fiscal year ending in March"). Split from
``analysis.periods`` (its size), which reads such a period as the next one rather than the latest ended.
"""

from __future__ import annotations

import re

# What speaks of a period to come: guidance, an outlook, a plan ("Q4 guide", "expects ... in the fourth
# quarter", "will grow ... in the first half"); a past "expected" or "forecasts" beaten is no such word.
_AHEAD = re.compile(r"\b(?:guid(?:e|ance|ing)|outlook|will|expects?|projects?|sees|is\s+(?:expected|projected|"
                    r"forecast|seen)\s+to|plans?\s+to)\b", re.I)
_AHEAD_CLAUSE = re.compile(r"[;.!?]\s|,\s+(?:and|but|while|as|after)\s|\s(?:while|whereas|but|after)\s")


# "TSMC forecast fourth-quarter revenue", "expects third-quarter sales": a forecast's object right after the verb
# ("beat forecasts in Q3", "than expected in the third quarter" name an outcome)
_FORECAST_OF = re.compile(r"\b(?:forecast(?:s|ed)?|predict(?:s|ed)?|project(?:s|ed)|expect(?:s|ed)|sees|saw|guided)\s+"
                          r"(?:(?:the|its|a|their)\s+)?$", re.I)


def _ahead(text: str, a: int, b: int) -> bool:
    """Whether the period at text[a:b] is spoken of as to come: a word of ``_AHEAD`` in its clause, or a
    forecast's verb right before it."""
    if _FORECAST_OF.search(text, max(0, a - 30), a) and not re.match(r"(?:in|for|during|over|of|by)\s", text[a:b], re.I):
        return True
    lo = max((m.end() for m in _AHEAD_CLAUSE.finditer(text, 0, a)), default=0)
    nxt = _AHEAD_CLAUSE.search(text, b)
    return bool(_AHEAD.search(text, lo, nxt.start() if nxt else len(text)))


# A forecast's object: "its growth estimate for", "the deficit target for", "guidance for"
_FORECAST_FOR = re.compile(r"\b(?:estimates?|projections?|forecasts?|outlook|targets?|guidance)\s+(?:for|of)\s+(?:the\s+|its\s+)?$",
                           re.I)


def _year_ahead(m: re.Match) -> bool:
    """Whether a year named by the month it ends in and no year ("the fiscal year ending in March") is spoken of as
    to come: a forecast's (``_ahead``, or a forecast noun before it); "ended" names one that has ended."""
    if re.search(r"\bended\b", m.group(), re.I):
        return False
    return _ahead(m.string, m.start(), m.end()) or bool(_FORECAST_FOR.search(m.string, max(0, m.start() - 40), m.start()))
