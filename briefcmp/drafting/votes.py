"""A vote's tally: "voted 8-1", "the 8-1 vote", "by a majority of 8-1", "the vote was 8 to 1", "by 312
votes to 118". One figure, the votes of the majority out of all votes cast: 8 "votes of 9". Two reports of
one vote agree when they give the same split; "7-2" against "8-1" of the same vote is a contradiction, and
"8-0" is another tally altogether (another whole), never compared with "8-1".

Read only where the words say it is a vote (a verb or noun of voting right before the numbers, or a noun
of a vote's result right after): "won 3-1" (a score), "a 10-4 fall", "Articles 8-10" are not tallies.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus.model import Value
from briefcmp.drafting.qualifiers import with_bound

_TALLY = re.compile(r"(?P<b>\d{1,3})(?:\s?[-\u2013\u2014/]\s?|\s+(?P<votes>votes?\s+)?to\s+)(?P<c>\d{1,3})"
                    r"(?!\d|[.,]\d|\s*(?:%|per\b|percent)|[\s-]+(?:\w+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|"
                    r"years?|times)\b)")
# "voted 8-1", "by a majority of 8-1", "the vote was 8 to 1", "by 312 votes to 118", "split 5-4"
_VOTE_BEFORE = re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballot(?:ed)?|split|majority|margin|tally)\s+(?:was\s+|of\s+|by\s+|"
                          r"in\s+favou?r\s+)?(?:(?:a\s+)?(?:majority|margin|vote)\s+of\s+)?$", re.I)
# "the 8-1 vote", "a 5-4 split", "a 6-3 ruling"
_VOTE_AFTER = re.compile(r"\s+(?:(?:majority|split|narrow|unanimous)\s+)?(?:vote|votes|split|decision|majority|"
                         r"ruling|verdict|ballot)\b", re.I)


def tally_at(text: str, a: int) -> Optional[tuple[int, int, str, Value]]:
    """The tally whose first number starts at ``text[a]``, or None (see the module)."""
    m = _TALLY.match(text, a)
    if not m or (a > 0 and (text[a - 1].isalnum() or text[a - 1] in ".,-")):
        return None
    won, lost = int(m.group("b")), int(m.group("c"))
    if won < lost or won == 0:
        return None  # a tally is written majority first
    if not (m.group("votes") or _VOTE_BEFORE.search(text, max(0, a - 40), a) or _VOTE_AFTER.match(text, m.end())):
        return None
    return with_bound(text, a, m.end(), "count", Value("quantity", amount=float(won), unit=f"votes of {won + lost}"))
