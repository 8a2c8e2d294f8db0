"""Who said it first: the news agency or outlet a report names as its source ("citing Kyodo News",
"the AP reports", "Yonhap News Agency reported", "according to Xinhua").

A wire story and its rewrites are one origin: drafts record the cited agency as ``cites:``, so an
agreement among them counts once (``compare`` already counts origins by ``cites``). Only named
news agencies and wire services count: "according to LSEG data" or "the ministry said" name where
figures come from, not a report being rewritten.

``cites_for(text, sentence, paragraph)`` gives the agency a figure's sentence cites, else the one
its paragraph cites, else, when the sentence points back ("according to the report"), the one the
text cites; "" otherwise.
"""

from __future__ import annotations

import re

from briefcmp.corpus.agencies import NAME_OF as _NAME_OF

_NAMES = "|".join(re.escape(n) for n in sorted(_NAME_OF, key=len, reverse=True))
_AGENCY = rf"(?:(?:the\s+)?(?:national\s+|state[\s-]run\s+|official\s+)?(?:news\s+agency\s+)?)({_NAMES})\b"
_CITES = re.compile(
    rf"\bciting\s+{_AGENCY}|\baccording\s+to\s+{_AGENCY}|\b(?:cited|quoted)\s+by\s+{_AGENCY}|"
    rf"{_AGENCY}\s+(?:news\s+agency\s+)?(?:reported|reports|said|says|quoted)\b|\b(?:reported|said)\s+by\s+{_AGENCY}|"
    rf"\bdata\s+cited\s+by\s+{_AGENCY}")
_POINTS_BACK = re.compile(r"\b(?:according\s+to|the)\s+(?:the\s+)?(?:report|agency|wire)\b|\bthe\s+report\s+said\b",
                          re.I)


def cited(text: str) -> str:
    """The agency ``text`` cites ("Kyodo"), or ""."""
    m = _CITES.search(text)
    return _NAME_OF.get(next((g for g in m.groups() if g), ""), "") if m else ""


def cites_for(text: str, sentence: tuple[int, int], paragraph: tuple[int, int]) -> str:
    """The agency a figure's sentence cites, else its paragraph, else (when the sentence points back
    to "the report") the first one the text cites."""
    s, e = sentence
    found = cited(text[s:e])
    if found:
        return found
    found = cited(text[paragraph[0]:paragraph[1]])
    if found:
        return found
    if _POINTS_BACK.search(text[s:e]):
        return cited(text)
    return ""
