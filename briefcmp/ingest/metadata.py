"""What a document states about itself: title, publisher, publication date, address.

Only what is written in the document is taken, and each field records where it was
found (``ORIGINS``):

- ``pdf-metadata``: the PDF's document information (``/Title``; a ``/Publisher`` entry
  where the producer wrote one). A PDF's creation date is when the file was made, not
  when the brief was published, so it is never taken as the publication date.
- ``json-ld``: schema.org data in a web page (``headline``/``name``, ``publisher.name``,
  ``datePublished``, ``url``) of an article-like item.
- ``html-meta``: ``<meta>`` tags (Open Graph, Dublin Core, Highwire ``citation_*``) and
  ``<link rel=canonical>``.
- ``html-title``: the page's ``<title>``, less a trailing " | Site name" when the site
  name is the publisher found.
- ``front-matter``: the ``title:``, ``date:`` and ``publisher:`` lines of a Markdown file's
  front matter.
- ``text``: the date line, title or publisher line at the top of the text itself (what
  ``briefcmp annotate`` finds), when the document states nothing else.

A field with no stated value is left out: nothing is guessed. A web page's own fields are read by ``htmlmeta``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Optional

from briefcmp.analysis.datelines import NUMERIC as _NUMERIC, date_order, date_readings
from briefcmp.corpus.model import METADATA_FIELDS as FIELDS  # noqa: F401 (re-exported)
from briefcmp.corpus.model import METADATA_ORIGINS as ORIGINS  # noqa: F401
from briefcmp.corpus.model import PartialDate
from briefcmp.drafting import localdates


@dataclass
class DocMeta:
    """Fields as found (strings; ``published`` a PartialDate) and where each came from."""

    title: str = ""
    publisher: str = ""
    published: Optional[PartialDate] = None
    url: str = ""
    origin: dict[str, str] = field(default_factory=dict)  # field -> one of ORIGINS
    # A date in numbers that nothing in it decides ("03/12/2024"): its (day first, month first) readings,
    # the order the place beside it reads dates in ("day" | "month" | "") and why; ``settle_date`` decides.
    readings: tuple = ()
    date_text: str = ""
    order: str = ""
    order_why: str = ""
    # The masthead's fields name the document's kind ("Press release | Brussels, 3 December 2024"), not
    # who issued it: the letterhead line above it does (``from_masthead``).
    kind_only: bool = False

    def set(self, name: str, value: Any, origin: str) -> None:
        """Take ``value`` for ``name`` unless the field is already filled from an earlier (better) place."""
        if value and name not in self.origin:
            setattr(self, name, value)
            self.origin[name] = origin


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s].*)?$")
# "Posted On: 01 FEB 2025 1:05PM": a label before the date a masthead field states
_LABEL = re.compile(r"^(?:(?:last\s+)?(?:posted|published|released|issued|dated?)(?:\s+on)?)\s*:?\s*", re.I)


def parse_date(text: str) -> Optional[PartialDate]:
    """A stated date: ISO 8601 (the date part as written, time and zone ignored), or one date in words
    or in numbers whose order a part above 12 decides ("23-10-2024"; see ``date_readings`` for one that
    nothing in the date itself decides), or one in another language's words (``drafting.localdates``)."""
    text = (text or "").strip()
    if not text or len(text) > 100:
        return None
    m = _ISO.match(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
        try:
            pd = PartialDate(y, mo, d)
            pd.start()
            return pd if 1000 <= y <= 9999 else None
        except ValueError:
            return None
    from briefcmp.drafting.dates import find_dates, fold_month_case

    found = [d for d in find_dates(fold_month_case(_LABEL.sub("", text))) if d.period is not None and d.period.end is None]
    if len(found) == 1 and found[0].period.start.precision.value != "year":
        return localdates.with_day(text, found[0].period.start)  # ("Wien, 7. April 2025")
    if all(d.period.start.precision.value == "year" for d in found):  # "Lunes 16 de diciembre de 2024"
        return localdates.one(text)  # (its year alone is all the English reading finds)
    return None


def _clean(value: Any, limit: int = 300) -> str:
    from briefcmp.ingest.clean import tidy_characters

    if not isinstance(value, str):
        return ""
    return " ".join(tidy_characters(value).split())[:limit]


# ---------------------------------------------------------------------------- PDF

_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|pptx?|odt|rtf|"
                         r"tmp|qxp|xlsx?)|document\d*|title|slide \d+)$", re.I)


def from_pdf(info: dict[str, str], file_stem: str, headline: str = "") -> DocMeta:
    """The title and publisher a PDF's document information states; without a title there, the
    ``headline`` its first page sets in large type (origin ``text``: it is the text's own)."""
    meta = DocMeta()
    title = _clean(info.get("Title", ""))
    if title and not _JUNK_TITLE.match(title) and title.lower() != file_stem.lower():
        meta.set("title", title, "pdf-metadata")
    elif headline:
        meta.set("title", _clean(headline), "text")
    meta.set("publisher", _clean(info.get("Publisher", ""), 200), "pdf-metadata")
    return meta


# ---------------------------------------------------------------------------- Markdown front matter


def from_front_matter(lines: list[str]) -> DocMeta:
    """title:, date:/published:, publisher: and url: lines of a front matter block (plain scalars only)."""
    meta = DocMeta()
    for line in lines:
        m = re.match(r"^(title|date|published|publisher|url)\s*:\s*(.+?)\s*$", line, re.I)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        if key in ("date", "published"):
            meta.set("published", parse_date(value), "front-matter")
        elif key == "url":
            meta.set("url", _clean(value, 500) if value.startswith(("http://", "https://")) else "", "front-matter")
        else:
            meta.set(key, _clean(value, 300 if key == "title" else 200), "front-matter")
    return meta


# ---------------------------------------------------------------------------- a masthead line

# "Mekong Energy Institute | Policy Brief No. 7 | 10 March 2024": fields set apart by a bar or a
# middle dot or a bullet; an en or em dash or a slash with spaces around it is taken too, but only
# when the first field looks like an organisation's name (a dash is common inside titles:
# "Vietnam's Power Plan – Build the Grid – 10 March 2024" is a title, not a masthead).
_MASTHEAD_SEP = re.compile(r"\s+[|\u00b7\u2022\u2016]\s+")
_MASTHEAD_WEAK_SEP = re.compile(r"\s+[\u2013\u2014/]\s+")
_SERIES_WORDS = (r"No\.?|Nr\.?|Number|Vol\.?|Volume|Issue|Series|Brief|Paper|Report|Note|Notes|"
                 r"Commentary|Analysis|Bulletin|Update|Release|Statement|Edition")
_SERIES = re.compile(r"\b(?:" + _SERIES_WORDS + r")\b|#\s?\d", re.I)
_ORGANISATION = re.compile(r"\b(?:Institute|Institut|Institution|Centre|Center|Council|Foundation|Forum|Agency|"
                           r"Ministry|Department|Office|Bureau|Bank|University|College|School|Association|Government|"
                           r"Society|Group|Trust|Fund|Commission|Committee|Board|Authority|Service|News|Press|"
                           r"Times|Post|Herald|Journal|Tribune|Gazette|Review|Daily|Media|Network|Project|Lab|"
                           r"Initiative|Programme|Program|Observatory|Partners|Associates|Confederation|Federation|Chamber|"
                           r"Union|Alliance|Coalition)\b")
# "Ministry of Industry and Trade, press release, 22 May 2023": commas, as weak as dashes (the first
# field must be an organisation's name), the date last.
_COMMA_MASTHEAD = re.compile(r"^(?P<pub>[^,]{3,80}),\s+(?:[^,\d]{2,40},\s+)?(?P<date>[^,]*\d[^,]*(?:,\s*\d{4})?)$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.&'’-]*|of|for|and|the|on|in|de|du|des|la|le|für|&)$")


_BYLINE = re.compile(r"^By\s+[A-Z]")


# Words that name a publication series after its publisher's name ("East Asia Institute Commentary",
# "Harbour Institute Policy Brief No. 12"), cut from the end of a masthead's first field.
_SERIES_TAIL = re.compile(r"(?:\s+(?:Policy|Working|Occasional|Discussion|Research|Special|Briefing|Insights?|"
                          r"Perspectives?|Viewpoint|Opinion|Op-Ed|Comment|No\.?|Nr\.?|#?\s?\d+[\w/.-]*)"
                          r"|\s+(?:" + _SERIES_WORDS + r"))+$", re.I)


def _without_series(field: str) -> str:
    """A masthead field naming a publisher and then its series: the publisher alone, when what is left is
    an organisation's name; else the field as it is."""
    m = _SERIES_TAIL.search(field)
    name = field[:m.start()].strip() if m else ""
    if m and _SERIES.search(m.group()) and _organisation_like(name) \
            and name.split()[-1].lower() not in ("of", "for", "and", "the", "on", "in", "&"):
        return name  # ("Centre for Policy" names no series: it stays whole)
    return field


def _organisation_like(name: str) -> bool:
    """A name in title case with an organisation word in it ("Harbour Institute for Economic Security")."""
    words = name.split()
    return (bool(_ORGANISATION.search(name)) and all(_NAME_WORD.match(w) for w in words)
            and not re.search(r"['’]s\b", name))


def from_masthead(text: str) -> tuple[DocMeta, str]:
    """Publisher and date from a masthead line "Publisher | Series | Date" (two to four fields, one of
    them a date, the first other field not a series label): the first line, with the title on the
    next line when it holds one; or the second line under a title line (as news copy and the
    benchmark sets print it: "Headline" then "The Maple Ledger | 8 October 2022 | By A. Writer").
    A browser's print header above it ("12/6/26, 7:19 AM Title") is passed over. Returns
    (meta, title line) with origin ``text``; nothing when no line is of that form."""
    from briefcmp.ingest.clean import is_print_header

    lines = [line.strip() for line in text.split("\n", 9)[:9] if line.strip()]
    if lines and is_print_header(lines[0]):
        lines = lines[1:]
    meta, title = _masthead(lines)
    if not meta.origin and len(lines) > 1 and _title_like(lines[0]):
        meta, _ = _masthead(lines[1:2])
        if meta.kind_only and _issuer_like(lines[0]):
            # "COUNCIL OF THE EUROPEAN UNION" over "Press release | Brussels, 3 December 2024": a letterhead,
            # then the document's kind and date; the headline is the line after
            meta.set("publisher", _clean(title_cased(lines[0]), 200), "text")
            title = _clean(lines[2]) if len(lines) > 2 and _title_like(lines[2]) else ""
            meta.set("title", title, "text")
        elif meta.origin:
            title = _clean(lines[0])
            meta.set("title", title, "text")
    if meta.readings and not meta.order:  # the city a dateline below files the story from: "BRASILIA (Reuters) -"
        from briefcmp.analysis import datelines

        found = datelines.find("\n".join(lines[:6]))
        if found is not None:
            meta.order, meta.order_why = date_order(found.city)
    return meta, title


# A masthead field that names the document's kind or its embargo, never its publisher
_DOC_KIND = re.compile(r"^(?:(?:joint\s+)?(?:media|press|news)\s+(?:release|statement|notice|briefing|note)s?|"
                       r"statement|communiqu[ée]|announcement|for\s+(?:immediate\s+)?release\b.*|embargo(?:ed)?\b.*)$",
                       re.I)


_SMALL_WORDS = {"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "für"}


def title_cased(name: str) -> str:
    """An organisation's name set in capitals, as it is written in running text ("RESERVE BANK OF NEW
    ZEALAND" -> "Reserve Bank of New Zealand"); a name in mixed case as it is."""
    if not name.isupper():
        return name
    words = [w.capitalize() for w in name.split()]
    return " ".join(w.lower() if i and w.lower() in _SMALL_WORDS else w for i, w in enumerate(words))


def _issuer_like(line: str) -> bool:
    """A letterhead: a name of a few words, each capitalised but small words ("Forest Watch Europe",
    "COUNCIL OF THE EUROPEAN UNION"), no sentence and no date."""
    words = line.split()
    return (1 <= len(words) <= 8 and all(_NAME_WORD.match(w) or w.isupper() for w in words)
            and not line.rstrip().endswith((".", "?", "!", ":")) and parse_date(line) is None)


def _title_like(line: str) -> bool:
    """A headline: a few words on one short line, no masthead separator, no sentence run-on."""
    return (1 <= len(line.split()) <= 30 and len(line) <= 200 and not _MASTHEAD_SEP.search(line)
            and not _date_line(line))


def _date_line(line: str) -> bool:
    """A line that is a date and little else ("Friday, August 2, 2024"), not a title naming a month
    ("The Employment Situation — July 2024")."""
    if parse_date(line) is None:
        return False
    from briefcmp.drafting.dates import find_dates, fold_month_case

    rest = list(fold_month_case(line))
    for a, b in [(d.start, d.end) for d in find_dates("".join(rest))] + [x[:2] for x in localdates.find(line)]:
        rest[a:b] = " " * (b - a)
    return len(re.findall(r"[^\W\d_]{2,}", "".join(rest))) <= 2


def _masthead(lines: list[str]) -> tuple[DocMeta, str]:
    """``from_masthead`` on lines[0] (the title from lines[1])."""
    meta = DocMeta()
    if not lines or len(lines[0]) > 200:
        return meta, ""
    weak = False
    parts = [p.strip() for p in _MASTHEAD_SEP.split(lines[0])]
    if len(parts) == 1:
        parts, weak = [p.strip() for p in _MASTHEAD_WEAK_SEP.split(lines[0])], True
    if len(parts) == 1 and (m := _COMMA_MASTHEAD.match(lines[0])):  # the date may hold commas itself
        parts = [m.group("pub"), m.group("date")]
    if not 2 <= len(parts) <= 4 or not all(parts):
        return meta, ""
    dated = [(i, d) for i, d in ((i, parse_date(p)) for i, p in enumerate(parts)) if d is not None]
    unsure = [(i, r) for i, r in ((i, date_readings(p)) for i, p in enumerate(parts)) if r is not None]
    if not dated and len(unsure) == 1:  # "Agência Brasil | Rio de Janeiro | 03/12/2024"
        dated = [(unsure[0][0], None)]
    if len(dated) != 1:
        return meta, ""
    index, published = dated[0]
    others = [p for i, p in enumerate(parts) if i != index]
    # "By Jane Doe | 16 Dec 2024": a byline names the author, not the publisher (the date still holds)
    authors = [p for p in others if _BYLINE.match(p)]
    others = [p for p in others if not _BYLINE.match(p)]
    # "Media release | Canberra, 4 December 2024 | Embargo 11.30 am": the document's kind and its embargo
    # are no publisher (the letterhead above names it)
    kinds = [p for p in others if _DOC_KIND.match(p)]
    others = [p for p in others if not _DOC_KIND.match(p)]
    publisher = others[0] if others else ""
    # ("Press Information Bureau, Government of India, Ministry of Finance": organisations' names, each short)
    if not publisher and (weak or not (authors or kinds)):
        return meta, ""
    meta.kind_only = not publisher and bool(kinds)
    publisher = _without_series(publisher)
    if publisher and (_SERIES.search(publisher) or not re.search(r"[A-Z]", publisher) or len(publisher.split()) > 8
                      and not (len(publisher.split()) <= 16 and all(_organisation_like(p) for p in publisher.split(", ")))):
        return meta, ""
    if weak and not _organisation_like(publisher):
        return meta, ""
    if publisher:
        meta.set("publisher", _clean(publisher, 200), "text")
    if published is None:
        meta.readings, meta.date_text = unsure[0][1], _NUMERIC.search(parts[index]).group()
        # the place the line names (a city, the outlet's country), else the date's own line: "Ha Noi, 06/01/2025"
        meta.order, meta.order_why = date_order(" | ".join(others))
        if not meta.order:
            meta.order, meta.order_why = date_order(parts[index])
    meta.set("published", published, "text")
    title = ""
    if len(lines) > 1 and 2 <= len(lines[1].split()) <= 30 and not _MASTHEAD_SEP.search(lines[1]):
        title = _clean(lines[1])
        meta.set("title", title, "text")
    return meta, title


# ---------------------------------------------------------------------------- a labelled date line

# "Released: 2022-10-07", "Published 12 March 2024", "Date of publication: 3 May 2023" on a line of
# their own near the top: the date a release states for itself. "Updated" is not the publication.
# An embargo line ("Embargoed until 10:45am, 19 December 2024") gives the moment the release came out.
_DATE_LABEL = re.compile(r"^(?:released|published|issued|release date|publication date|date published|"
                         r"for (?:immediate )?release|"
                         r"date of (?:publication|issue|release)|embargoed(?:\s+(?:until|till|to))?|date)"
                         r"(?:\s+on)?\s*[:\u2013\u2014-]?\s*(.{4,60})$", re.I)


def from_date_line(text: str) -> DocMeta:
    """The publication date a labelled line among the first ten lines states (origin ``text``)."""
    meta = DocMeta()
    for line in [line.strip() for line in text.split("\n", 12)[:12] if line.strip()][:10]:
        m = _DATE_LABEL.match(line)
        if m:
            meta.set("published", parse_date(m.group(1)), "text")
            if meta.published is not None:
                break
    return meta


# ---------------------------------------------------------------------------- a wire dateline


def from_dateline(text: str) -> DocMeta:
    """Publisher (and a date with its year) from a wire dateline opening one of the first four lines
    ("OTTAWA, Oct 7 (Canadian Wire Service) -", "TOKYO, Dec 22, 2024 (Reuters) —": the form
    ``analysis.datelines`` reads); a day with no year is dated by the corpus (``settle_date``)."""
    from briefcmp.analysis import datelines

    meta = DocMeta()
    lines = [line for line in text.split("\n", 8)[:8] if line.strip()][:4]
    found = datelines.find("\n".join(lines))
    if found is None:
        return meta
    agency = found.agency
    if agency and all(_NAME_WORD.match(w) for w in agency.split()) and re.search(r"[A-Z]", agency):
        meta.set("publisher", _clean(agency, 200), "text")
    if found.year:
        from briefcmp.drafting.dates import pdate

        meta.set("published", pdate(found.year, found.month, found.day), "text")
    return meta


# ---------------------------------------------------------------------------- dates the corpus settles

def settle_date(meta: DocMeta, text: str, known: tuple[date, ...]) -> tuple[Optional[PartialDate], str, str]:
    """(date, origin, warning) for a document that states no date as such: a date in numbers whose order
    nothing in it decides (``DocMeta.readings``) is read in the order of the place beside it, checked
    against the corpus's other briefs (``known``), or, when no place says, the one reading near them
    (``datelines.settle_numbers``); a wire dateline with no year takes the year that puts it near them
    (``datelines.day_in_corpus``). A date nothing decides stays unread, and the warning says so."""
    from briefcmp.analysis import datelines

    if meta.published is not None:
        return None, "", ""
    if meta.readings:
        first, second = meta.readings
        written = meta.date_text

        def show(r: PartialDate) -> str:
            return f"{r.day} {calendar.month_name[r.month]} {r.year}"
        day, how = datelines.settle_numbers(meta.readings, meta.order, known)
        if how == "order":
            return day, "text", f"the date {written!r} read {meta.order} first ({show(day)}), the order of {meta.order_why}"
        if how == "corpus":
            return day, "corpus", f"the date {written!r} read as {show(day)}, the one reading of it near the corpus's other briefs"
        if how == "conflict":
            chosen, other = (first, second) if meta.order == "day" else (second, first)
            return None, "", (f"the date {written!r} reads {show(chosen)} in the order of {meta.order_why}, but "
                              f"{show(other)} is the reading near the corpus's other briefs: left unread")
        return None, "", (f"the date {written!r} may be {show(first)} or {show(second)} and nothing decides which: "
                          f"left unread")
    found = datelines.find(text)
    if found is None or found.year or not found.month:
        return None, "", ""
    day = datelines.day_in_corpus(found.month, found.day, known)
    if day is None:  # (with no other brief at all, add's own warning says that no date was found)
        return None, "", ("the dateline gives no year, and no other brief of the corpus was published near that day "
                          "in one year: left undated") if known else ""
    return PartialDate(day.year, day.month, day.day), "corpus", (
        f"the dateline gives no year: took {day.year}, the year that puts it near the other briefs of the corpus")
