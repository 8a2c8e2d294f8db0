"""What a figure's clause says after the figure about why it moved, not what it measures: "fell 7.4 percent on
weak chip demand", "rose 2% as mines reopened", "growth hits 5% on a construction rebound" (``cause_at``). Split
from ``measure``; ``align.describe`` cuts a figure's clause there.
"""

from __future__ import annotations

import re
from typing import Optional


# What follows these after the figure says why, not what: "fell 7.4 percent on weak chip demand".
_CAUSE = re.compile(r"\s(?:due\s+to|amid|as|because|thanks\s+to|helped\s+by|driven\s+by|led\s+by|that|which|"
                    r"(?:is|was|marks|marked|represents)\s+(?:the|a|an)|on\s+(?:the\s+)?"
                    r"(?:back\s+of|weak|strong|sluggish|robust|solid|higher|lower|rising|falling|slow|brisk))\b", re.I)
# Headline grammar: "Exports rise 4% on strong demand", "growth hits 5% on construction rebound": an "on" phrase right
# after a figure whose clause moves or reaches says why, unless it names a period or base ("up 2% on the year").
_ON_CAUSE = re.compile(r"(?:\s*(?:%|percent|per\s*cent|pc))?\s+(?P<on>on)\s+(?!(?:the|a|an|its|their|this|that|last)?\s*"
                       r"(?:year|quarter|month|week|day|annual|annuali[sz]ed|yearly|quarterly|monthly|previous|prior|"
                       r"same|corresponding|preceding|last|earlier|basis|average|record|\d))", re.I)
_MOVED = re.compile(r"\b(?:ris(?:e|es|ing)|rose|gr(?:ew|ows?|owing)|hit(?:s|ting)?|reach(?:ed|es)|jump(?:ed|s)?|"
                    r"climb(?:ed|s)?|f(?:ell|alls?)|sli(?:d|ps?|pped)|surg(?:ed?|es)|soar(?:ed|s)?|plung(?:ed?|es)|"
                    r"gain(?:ed|s)|drop(?:ped|s)?|declin(?:ed|es)|rall(?:ied|ies)|tumbl(?:ed|es)|s[ai]nks?|edg(?:ed|es)|"
                    r"expand(?:ed|s)|shr(?:ank|inks?))\b", re.I)


def cause_at(clause: str, figure: tuple[int, int]) -> Optional[int]:
    """Where the words saying why a figure moved begin in its clause (``_CAUSE``, or a headline's "on ..." after a
    moving verb), or None: what follows names no measure of the figure."""
    cause = _CAUSE.search(clause, figure[1])
    on = _ON_CAUSE.match(clause, figure[1])
    at = on.start("on") - 1 if on and _MOVED.search(clause, 0, figure[0]) else None
    if cause and (at is None or cause.start() < at):
        return cause.start()
    return at
