"""Brief metadata read from the source text itself: title, publisher, date, language, id."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from briefcmp.corpus.model import PartialDate
from briefcmp.corpus import sentences as sent

# --------------------------------------------------------------------------- metadata

_INSTITUTION = re.compile(r"\b(?:Institute|Institut|Center|Centre|Council|Foundation|Association|University|Agency|"
                          r"Ministry|Office|Society|Forum|Academy|Bureau|Commission|Endowment|Program|Programme|"
                          r"Think Tank|Policy Studies)\b")
_PUBLISHED_BY = re.compile(r"^(?:published by|publisher:?)\s+(.+?)\.?$|^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.+?)\.?$",
                           re.I | re.M)
_PUBLISHED_ON = re.compile(r"\b(?:published|posted|released|dated?|updated)\b(?:\s+on)?:?\s*", re.I)


def brief_id_from(path: Path) -> str:
    """A brief id from a file name: lower-case letters, digits, ".", "_" and "-"."""
    stem = path.name.split(".")[0] if path.name.count(".") > 1 and path.name.endswith(".txt") else path.stem
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")
    return slug or "brief"


# a masthead's fields: set apart by a spaced dash or a bar, and in a short header line by commas too
_SEPARATORS = r"\s+[-–—·]\s+|\s*\|\s*"
_FIELD_SEP = re.compile(_SEPARATORS)
_FIELD_SEP_COMMA = re.compile(_SEPARATORS + r"|\s*,\s*")
# a month name in Latin, Greek or Cyrillic letters (CJK date lines are _cjk_dateline's)
_MONTH_LETTERS = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]{3}")


def find_metadata(prep: sent.Prepared) -> tuple[str, str, Optional[PartialDate]]:
    """(title, publisher, published) as far as the text states them.

    The title is the first non-empty line, unless a line near the top is repeated
    (web copies repeat the headline) or the first line names the publisher.
    """
    from briefcmp.drafting.dates import find_dates

    lines = [l.strip() for l in prep.text.split("\n") if l.strip()]
    head = lines[:12]
    # The header: the lines before the first paragraph of running text.
    body = next((i for i, l in enumerate(head) if len(l.split()) > 25), len(head))
    header = head[:body]
    publisher = ""
    m = _PUBLISHED_BY.search(prep.text)
    if m:
        publisher = (m.group(1) or m.group(2) or "").strip()
    if not publisher:
        for line in header[:5]:
            if _INSTITUTION.search(line) and len(line.split()) <= 8 and not re.search(r"[.?!/|:]", line):
                publisher = line
                break
    publisher = re.sub(r"\s*[,;|-]\s*[^,;|]*\b(?:19|20)\d\d\b[^,;|]*$", "", publisher).strip()  # "Institute, May 2024"
    title = ""
    for line in head:
        if head.count(line) > 1 and len(line.split()) >= 3:
            title = line
            break
    if not title:
        title = next((l for l in head if l != publisher and len(l.split()) >= 2), lines[0] if lines else "")
    # wire copy with no headline opens on its dateline ("SYDNEY, Dec 4 (Reuters) - Australia's economy ..."):
    # the lead without it is the title (the dateline is where and when, read for ``published``)
    from briefcmp.analysis.datelines import opening

    cut = opening(title)
    if cut and len(title) - cut > 20:
        title = title[cut:].strip()
    published = None
    top = "\n".join(prep.text.split("\n")[:20])
    for d in find_dates(top):
        if d.period is None or d.period.end is not None or d.period.start.precision.value == "year":
            continue
        line_start = top.rfind("\n", 0, d.start) + 1
        line_end = top.find("\n", d.end)
        line = top[line_start:line_end if line_end != -1 else len(top)]
        rest = line.replace(top[d.start:d.end], "")
        byline = re.match(r"\s*By\s+[A-Z]", line) and len(line) < 120  # "By A. Author and B. Author, 5 May 2023"
        # "Published 12 May 2024" on a line of its own; "The ministry released data on 3 May ..." in
        # running text is no publication date.
        stated = _PUBLISHED_ON.match(line.strip()) or (_PUBLISHED_ON.search(line) and len(line.split()) <= 10)
        masthead = "|" in line and len(line) < 160  # "The Hindu | Editorial | 22 September 2023"
        # "The Accra Daily Chronicle - Thursday, January 9, 2025", "ILO - News release - Geneva, 16 January 2025":
        # a masthead set apart by dashes, the date a field of its own
        # (commas too in a short header line: "IstmoWire news agency, San Salvador, 30 January 2025")
        marked = top[line_start:d.start] + "\x00" + top[d.end:line_end if line_end != -1 else len(top)]
        header_line = line.strip() in header
        fields = (_FIELD_SEP_COMMA if header_line else _FIELD_SEP).split(marked) if len(line) < 240 else []
        field = next((f for f in fields if "\x00" in f), "")
        if header_line and len(line.split()) > 16 and fields and "\x00" not in fields[-1]:
            field = ""  # (a long header line: its last field only, where mastheads print the date)
        masthead = masthead or (len(fields) > 1 and len(re.findall(r"[A-Za-z]{2,}", field)) <= 3)
        if len(re.findall(r"[A-Za-z]{2,}", rest)) <= 4 or stated or byline or masthead:
            published = d.period.start  # a dateline, or "Published on ..."
            break
    if published is None:
        published = _cjk_dateline(head[:5])
    if published is None:
        published = _local_dateline(header[:5])
    return title[:300], publisher[:200], published


def _local_dateline(lines: list[str]) -> Optional[PartialDate]:
    """A masthead's date in its own language near the top ("Der Franken-Kurier | Donnerstag, 6. März 2025",
    "Harju Majandusleht, teisipäev, 4. märts 2025"): the one such date of a short header line."""
    from briefcmp.drafting import localdates

    for line in lines:
        if not re.search(r"\d{4}", line) or re.search(r"[^\W\d_][.!?]\s*$", line) or \
                not _MONTH_LETTERS.search(line):
            continue  # (a sentence ends on a word; a masthead on its date: "Subota, 1. ožujka 2025.")
        fields = [line] if len(line.split()) <= 16 else []
        fields += [f for f in _FIELD_SEP.split(line) if len(f.split()) <= 10]
        for field in fields:
            found = localdates.one(field)
            if found is not None and found.day:
                return found
    return None


def _cjk_dateline(lines: list[str]) -> Optional[PartialDate]:
    """A Japanese, Korean or Chinese dateline near the top ("防衛省 | 2023年12月22日", "2024년 1월 1일")."""
    from briefcmp.drafting.cjknumbers import find_periods

    for line in lines:
        if len(line) > 60:
            continue
        for p in find_periods(line):
            if p.kind == "date" and p.period is not None:
                return p.period.start
    return None


def reference_date(file_name: str) -> tuple[Optional[PartialDate], str]:
    """A date in the file name ("pism-2022-03-03.txt"): the year for dates the text gives without one."""
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.](\d\d)(?:[-_.](\d\d))?(?!\d)", file_name)
    if m:
        from briefcmp.corpus.fields import parse_pdate

        d = parse_pdate("-".join(g for g in m.groups() if g))
        if d:
            return d, "the file name"
    return None, ""


def language_of(text: str) -> str:
    """The brief's language, detected from its text (``corpus.language``): "" when it cannot be told."""
    from briefcmp.corpus.language import detect

    return detect(text)


