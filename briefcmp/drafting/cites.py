"""Who said it first: the news agency or outlet a report names as its source ("citing Kyodo News",
"the AP reports", "Yonhap News Agency reported", "according to Xinhua").

A wire story and its rewrites are one origin: drafts record the cited agency as ``cites:``, so an
agreement among them counts once (``compare`` already counts origins by ``cites``). Only named
news agencies and wire services count: "according to LSEG data" or "the ministry said" name where
figures come from, not a report being rewritten.

``cites_for(text, sentence, paragraph)`` gives the agency a figure's sentence cites, else the one
its paragraph cites, else, when the sentence points back ("according to the report", "the wire service
reported"), the one the text cites; "" otherwise. A publisher of another brief of the corpus counts as
an agency too ("citing Canadian Wire Service" when the corpus holds that wire's story): it is a
report being rewritten.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from briefcmp.corpus.agencies import NAME_OF as _NAME_OF

_NAMES = "|".join(re.escape(n) for n in sorted(_NAME_OF, key=len, reverse=True))
_AGENCY = rf"(?:(?:the\s+)?(?:national\s+|state[\s-]run\s+|official\s+)?(?:news\s+agency\s+)?)({_NAMES})\b"
_CITES = re.compile(
    rf"\bciting\s+{_AGENCY}|\baccording\s+to\s+{_AGENCY}|\b(?:cited|quoted)\s+by\s+{_AGENCY}|"
    rf"{_AGENCY}\s+(?:news\s+agency\s+)?(?:reported|reports|said|says|quoted)\b|\b(?:reported|said)\s+by\s+{_AGENCY}|"
    rf"\bdata\s+cited\s+by\s+{_AGENCY}")
_POINTS_BACK = re.compile(r"\b(?:according\s+to|the)\s+(?:the\s+)?(?:report|agency|wire)\b|\bthe\s+report\s+said\b",
                          re.I)


@lru_cache(maxsize=64)  # one pattern per corpus being drafted into
def _known_pattern(known: tuple[str, ...]) -> Optional[re.Pattern]:
    """The citing phrases of ``known`` publishers (the corpus's own: "according to Canadian Wire Service")."""
    names = sorted({" ".join(n.split()) for n in known if len(n.strip()) >= 3}, key=len, reverse=True)
    if not names:
        return None
    named = r"(?:the\s+)?(" + "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names) + r")(?![\w-])"
    return re.compile(
        rf"\bciting\s+{named}|\baccording\s+to\s+{named}|\b(?:cited|quoted)\s+by\s+{named}|"
        rf"(?<![\w-]){named}\s+(?:reported|reports|said|says|quoted)\b|\b(?:reported|said)\s+by\s+{named}",
        re.I)


def cited(text: str, known: tuple[str, ...] = ()) -> str:
    """The agency ``text`` cites ("Kyodo"), else the ``known`` publisher it cites (as written in
    ``known``), or "". ``known``: the publishers of the corpus's other briefs, so that a rewrite
    citing the corpus's own wire story ("according to Canadian Wire Service") shares its origin."""
    m = _CITES.search(text)
    if m:
        return _NAME_OF.get(next((g for g in m.groups() if g), ""), "")
    pattern = _known_pattern(known) if known else None
    m = pattern.search(text) if pattern else None
    if not m:
        return ""
    found = " ".join(next(g for g in m.groups() if g).split()).casefold()
    return next((" ".join(n.split()) for n in known if " ".join(n.split()).casefold() == found), "")


def cites_for(text: str, sentence: tuple[int, int], paragraph: tuple[int, int], known: tuple[str, ...] = ()) -> str:
    """The agency (or ``known`` publisher) a figure's sentence cites, else its paragraph, else (when
    the sentence points back to "the report", "the wire service") the first one the text cites."""
    s, e = sentence
    found = cited(text[s:e], known)
    if found:
        return found
    found = cited(text[paragraph[0]:paragraph[1]], known)
    if found:
        return found
    if _POINTS_BACK.search(text[s:e]):
        return cited(text, known)
    return ""
