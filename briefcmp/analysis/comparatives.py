"""A comparative after a figure is its direction: "GDP was 0.2% higher than in the quarter before", "imports
were $1.5 billion higher than a year earlier", "the inflow was $6.4 billion, or 26.8 percent, higher than in
2023". The figure is a change against a base, not a level (split from ``measure``, which reads the words)."""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus import units

# ("7.55% above the same quarter of 2023", "2.0 percent above September's", "8.3% lower than": a change
# against a base; "above 2%" before a figure is no direction)
# "2.8 percent larger than the 2023 budget", "0.3 percent smaller than a year earlier": a comparative of size is one
# too; "2.8% above 2023 spending": a year after it is the base's; "$209 million ahead of budget" is "above" it
COMPARATIVE = re.compile(r"\s*(?:per\s*cent|percent|%|pc)?\s+(higher|lower|(?:above|below|more|less)(?=\s+(?:than|"
                         r"the|its|their|a|an|last|in|on|that|those|[A-Z][a-z]+['’]s|(?:19|20)\d\d)\b)|"
                         r"(?:larger|bigger|greater|smaller|fewer)(?=\s+than\b)|ahead(?=\s+of\b))\b", re.I)
RISING = frozenset({"higher", "above", "more", "larger", "bigger", "greater", "ahead"})
# "closes the year with 274,000 more jobs": a count with "more" or "fewer" before its noun is a change
MORE_NOUN = re.compile(r"\s+(more|fewer)\s+(?!than\b)[A-Za-z]", re.I)
# What may stand between an amount and its comparative: its scale and unit ("1.5 billion euros higher"), and
# the same difference told another way (", or 26.8 percent,", "(+12%)").
_SCALE = re.compile(r"\s*(?:" + "|".join(sorted((re.escape(w) for w in units.SCALE_ALIASES if w), key=len,
                                                reverse=True)) + r")\b", re.I)
_WORD = re.compile(r"\s*([A-Za-z]+)\b")
_PERCENT_THEN_COMMA = re.compile(r"\s*(?:per\s*cent|percent|%|pc)?\s*,", re.I)
# the figure is itself the other writing: "..., or 26.8 percent, higher" (its clause may begin at "or")
_AN_ALTERNATIVE = re.compile(r"(?:\A|,)\s*or\s+(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?[$€£¥]?\Z", re.I)
_OTHER_WAY = re.compile(r"\s*(?:,\s*or\s+[^,;()]{1,30}?,|\([^()]{1,30}\))", re.I)


def _past_amount(text: str, figure: tuple[int, int], unit_words: set[str]) -> int:
    """Where the words after a figure's number begin, past its scale and unit words and an alternative
    writing of the same figure (or, for that alternative, the comma closing it)."""
    m = _SCALE.match(text, figure[1])
    end = m.end() if m else figure[1]
    while True:
        m = _WORD.match(text, end)
        if not m or m.group(1).lower() not in unit_words:
            break
        end = m.end()
    if _AN_ALTERNATIVE.search(text, 0, figure[0]):
        m = _PERCENT_THEN_COMMA.match(text, end)
        return m.end() if m else end
    m = _OTHER_WAY.match(text, end)
    return m.end() if m else end


def after(text: str, figure: tuple[int, int], unit_words: set[str]) -> Optional[re.Match]:
    """The comparative that follows a figure (group 1 its word: ``RISING`` or a fall), or None."""
    # ("1.2 million more are asylum-seekers": "more" past a scale is seldom a change; read as before)
    return COMPARATIVE.match(text, _past_amount(text, figure, unit_words)) or MORE_NOUN.match(text, figure[1])


def reach(text: str, figure: tuple[int, int], unit_words: set[str]) -> Optional[int]:
    """Where a comparative after a figure ends, when a clause break (the comma of an alternative) stands
    between them: its clause reads on to it ("$6.4 billion, or 26.8 percent, higher")."""
    m = after(text, figure, unit_words)
    return m.end(1) if m is not None and m.start(1) > figure[1] else None
