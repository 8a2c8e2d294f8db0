"""An undated brief's publication date, inferred as a lower bound: no earlier than the latest date it cites.

A brief that states no publication date (a think-tank page saved without its byline, a PDF with no
date on it) leaves its claims with no as-of, and ``compare`` can place none of them among dated claims.
Yet a brief is written after what it cites: its notes and references ("[11] Reuters, 'Japan imposes
sanctions ...', 15 March 2022", "accessed 2 March 2022") and a web page's own "Updated:" or "Last
modified" line bound its publication from below. ``floor`` gives that bound; ``date_undated`` gives
the claims of such a brief that have no as-of that date, marked as inferred (``as_of_inferred``; the
brief's ``published`` stays unset, and ``floored`` says which briefs were dated so: explanations say
"only a floor").

Read only where a reference is written: a note line ("[3] ...", "3. ...", "^ ..."), a line with a
web address, a line under a "Notes"/"References"/"Sources" heading, or a labelled date line. A date
in the running text may be a deadline or a plan ("by 1 January 2025"), not something cited.
A misprinted year in one note ("25 February 2025" among notes of 2022) must not move the floor years
ahead: the floor is the latest cited date that another cited date precedes within
``CORROBORATE_DAYS`` (a brief cites several recent items; a lone outlier is more likely a slip),
or the only one there is.

A date inferred this way never decides a contradiction alone (``rules.conflicts.same_moment``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from briefcmp.corpus.functionwords import MONTH_NUMBER
from briefcmp.corpus.model import Corpus, PartialDate, Period

CORROBORATE_DAYS = 365
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_YEAR = r"(?:19\d\d|20\d\d)"
_DATES = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})\b"  # 15 March 2022, 28 February, 2022
    rf"|\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR})\b"  # March 15, 2022
    rf"|\b(?P<y3>{_YEAR})-(?P<mo3>[01]\d)-(?P<d3>[0-3]\d)\b"  # 2022-03-15 (also inside an address)
    rf"|\b(?P<m4>{_MONTH}),?\s+(?P<y4>{_YEAR})\b",  # March 2022: the month's first day is the floor
    re.I)
# A note or reference: "[11] ...", "11. ...", "11) ...", "^ ...", "* ...", a superscript number.
_NOTE = re.compile(r"\s*(?:\[\d{1,3}\]|\d{1,3}[.)]\s|[\^*†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s)")
_URL = re.compile(r"https?://|\bwww\.|\bdoi:", re.I)
_NOTES_HEADING = re.compile(r"\s*#*\s*(?:end\s*notes?|foot\s*notes?|notes?|references?|sources?|bibliography|"
                            r"works\s+cited|further\s+reading)\s*:?\s*$", re.I)
# A page's own date lines: "Updated: 2 March 2022", "Last modified on March 2, 2022", "Accessed 2 March 2022".
_LABELLED = re.compile(r"\b(?:(?:last\s+)?(?:updated|modified|revised|reviewed)|accessed|retrieved|posted)\b", re.I)
MAX_LINES = 20_000


def cited_dates(text: str) -> list[date]:
    """Every date written where the text cites or stamps something (see the module's docstring)."""
    out: list[date] = []
    in_notes = False
    for n, line in enumerate(text.splitlines()):
        if n >= MAX_LINES:
            break
        if _NOTES_HEADING.fullmatch(line):
            in_notes = True
            continue
        if not (in_notes or _NOTE.match(line) or _URL.search(line) or _LABELLED.search(line)):
            continue
        for m in _DATES.finditer(line[:2000]):
            d = _date(m)
            if d is not None:
                out.append(d)
    return out


def _date(m: re.Match) -> Optional[date]:
    g = m.groupdict()
    try:
        if g["y1"]:
            return date(int(g["y1"]), MONTH_NUMBER[g["m1"][:3].lower()], int(g["d1"]))
        if g["y2"]:
            return date(int(g["y2"]), MONTH_NUMBER[g["m2"][:3].lower()], int(g["d2"]))
        if g["y3"]:
            return date(int(g["y3"]), int(g["mo3"]), int(g["d3"]))
        return date(int(g["y4"]), MONTH_NUMBER[g["m4"][:3].lower()], 1)
    except ValueError:  # "31 February 2022": no such day
        return None


def floor(text: str) -> Optional[date]:
    """The date a brief with no publication date was published no earlier than: the latest cited date that
    another cited date precedes within ``CORROBORATE_DAYS`` (else the latest); None when it cites no date."""
    dates = sorted(set(cited_dates(text)))
    if not dates:
        return None
    near = timedelta(days=CORROBORATE_DAYS)
    corroborated = [d for i, d in enumerate(dates) if i and d - dates[i - 1] <= near]
    return corroborated[-1] if corroborated else dates[-1]


# The corpus date_undated last dated and its floors: the relation rules ask, per conflict, whether a claim's
# inferred as-of is a floor (one corpus at a time is compared; a strong reference, so its id is never reused).
_LAST: list = [None, {}]


def floored(corpus: Corpus) -> frozenset[str]:
    """The briefs of ``corpus`` whose claims ``date_undated`` dated by a floor: their dates decide nothing alone."""
    return frozenset(_LAST[1]) if _LAST[0] is corpus else frozenset()


def current_floors() -> dict[str, date]:
    """{brief id: floor} of the corpus being compared (the one ``date_undated`` dated last), for explanations."""
    return _LAST[1]


def date_undated(corpus: Corpus) -> dict[str, date]:
    """Give the claims of each brief with no publication date that have no as-of the date its citations bound its
    publication from below (inferred; date values excepted, as for a publication date). Idempotent; returns
    {brief id: floor} for the briefs dated so."""
    from briefcmp.analysis.document import Document

    out: dict[str, date] = {}
    for brief in corpus.briefs:
        if brief.published is not None or not brief.source_path:
            continue
        waiting = [c for c in brief.claims if c.value is not None and c.value.type != "date" and c.as_of is None]
        if not waiting and not any(c.as_of_inferred for c in brief.claims):
            continue
        doc = Document.read(brief.source_path)
        day = floor(doc.original) if doc is not None else None
        if day is None:
            continue
        out[brief.id] = day
        for c in waiting:
            c.as_of = Period(PartialDate(day.year, day.month, day.day))
            c.as_of_inferred = True
    _LAST[:] = [corpus, out]
    return out
