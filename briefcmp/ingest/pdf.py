"""Text out of a PDF, in reading order, with pdfplumber (characters with their positions and sizes).

Why positions: a brief's PDF has two columns, running headers, footnotes in small type
and paragraphs told apart only by the space between them. The layout, page by page:

1. **Words** from the characters, split where the gap between two characters is wider
   than 0.15 of the font size. Space characters are not used: some producers (Chromium
   among them) write a space of no width where a soft hyphen was, inside a word.
2. **Rows**: words whose vertical centres are within half a font size. Superscript
   footnote markers join the row of their line ("billion.1").
3. **Running headers, footers and page numbers** are dropped by repetition across pages
   (``clean.running_lines``) among the first and last rows of each page, and by shape on
   every page, a single one too (``print_margins``): a browser's print header (a short date
   and time, then the page title) as the first row, its footer (the page's address and/or
   the counter "n/N") among the last two, each set apart from the body (smaller type or in
   the margin, three font sizes away). Rows inside the page are never dropped this way.
4. **Columns**: a gutter is a vertical strip at least one font size wide, with text on
   both sides, that at most a tenth of the rows cross (none, on a page of two rows).
   A strip more rows cross (up to half: a one-page release's letterhead, title, dateline and
   footnotes) is a gutter when three rows in a run hold a line of text either side of it.
   Rows that run across a gutter (a word over it, or words either side a word space of
   their own type apart: a title or a note over both columns) span the page, and so do the
   rows of a table set across the columns (cells far apart, a label far left of the gutter
   and figures far right of it) with its caption; between them, each column is read top to
   bottom, left column first. A table's rows are a paragraph each.
5. **Paragraphs** inside a column: a break where the space between two lines is wider
   than the usual leading, where the font size changes, at a first-line indent, or (in
   justified text) after a short line that ends a sentence. Small type at the foot of a
   column that starts with a note marker ("1", "[2]", "*") is a footnote block, one
   paragraph per note, placed after the paragraph it interrupts.
6. Across columns and pages, a paragraph continues when it stops mid-sentence
   (``clean.continues``); never from a title or table across the page into the columns below.
7. A one-page document's own footer ("... Page 1" in the bottom margin) is dropped by its shape
   (``page_footer``): with one page, nothing repeats to tell it by.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from briefcmp.ingest import IngestError, missing_extra
from briefcmp.ingest import clean


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class Line:
    words: list[Word]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0  # the largest font size in the line (superscripts are smaller)
    text: str = ""

    def __post_init__(self) -> None:
        ws = sorted(self.words, key=lambda w: w.x0)
        self.words = ws
        self.x0, self.x1 = min(w.x0 for w in ws), max(w.x1 for w in ws)
        self.top, self.bottom = min(w.top for w in ws), max(w.bottom for w in ws)
        self.size = max(w.size for w in ws)
        parts = [ws[0].text]
        for a, b in zip(ws, ws[1:]):
            # A space between words, none before a superscript marker set tight against its word.
            parts.append(("" if b.x0 - a.x1 < 0.1 * min(a.size, b.size) else " ") + b.text)
        self.text = "".join(parts)


@dataclass
class PdfText:
    paragraphs: list[str]
    pages: int
    info: dict[str, str] = field(default_factory=dict)  # the document information dictionary
    warnings: list[str] = field(default_factory=list)
    headline: str = ""  # the first page's line(s) in the largest type, when that type stands out


# ---------------------------------------------------------------------------- reading


def extract_pdf(path: Path, data: bytes) -> PdfText:
    """The paragraphs of a PDF in reading order; IngestError with what to do when it has no usable text."""
    try:
        import pdfplumber
        from pdfplumber.utils.text import WordExtractor
    except ImportError:
        raise missing_extra("PDF") from None
    import io

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many kinds; none of them may escape as a traceback
        if _is_password_error(exc):
            raise _encrypted(path) from None
        raise IngestError(f"{path}: not a readable PDF ({type(exc).__name__}); "
                          "open it in a PDF viewer and save a fresh copy, then add that") from None
    extractor = WordExtractor(x_tolerance_ratio=0.15, y_tolerance=3, keep_blank_chars=False,
                              extra_attrs=["size"], expand_ligatures=True)
    pages: list[list[Word]] = []
    scanned: list[int] = []
    from briefcmp.corpus.progress import terminal_progress

    bar = None
    try:
        with pdf:
            info = _info(pdf.metadata)
            bar = terminal_progress(len(pdf.pages), "reading PDF")  # shown after a delay, on a terminal only
            for n, page in enumerate(pdf.pages, 1):
                if bar is not None:
                    bar(n - 1, len(pdf.pages))
                words = _words(page, extractor)
                if not words and page.images:
                    scanned.append(n)
                pages.append(words)
                if hasattr(page, "close"):
                    page.close()  # frees the page's parsed objects: memory stays flat on long PDFs
    except IngestError:
        raise
    except Exception as exc:
        if _is_password_error(exc):
            raise _encrypted(path) from None
        raise IngestError(f"{path}: cannot read the PDF ({type(exc).__name__}); "
                          "open it in a PDF viewer and save a fresh copy, then add that") from None
    finally:
        if bar is not None:
            bar.close()
    if not any(pages):
        if scanned:
            raise IngestError(f"{path}: the PDF has no text layer (a scan: its pages are images), so it "
                              "needs OCR: run it through OCRmyPDF, then add the result")
        raise IngestError(f"{path}: the PDF has no text")
    warnings = []
    if scanned:
        warnings.append(f"{path}: page{'s' * (len(scanned) > 1)} {_ranges(scanned)} ha{'ve' if len(scanned) > 1 else 's'} "
                        "no text layer (scanned images), so their text is missing; "
                        "run the PDF through OCRmyPDF, then add the result")
    return PdfText(layout(pages), len(pages), info, warnings, headline(pages[0], body_size(pages)) if pages else "")


def headline(words: list[Word], size: float) -> str:
    """The title a first page sets in type well above the body's (1.2 times or more): its largest-type
    rows, when they follow one another (a title broken over two or three lines) and hold 2-30 words;
    "" when nothing stands out (a page-wide running header in small type is no title)."""
    rows = rows_of(words)
    if not rows:
        return ""
    top = max(r.size for r in rows)
    if top < 1.2 * size:
        return ""
    at = [i for i, r in enumerate(rows) if r.size >= 0.95 * top]
    if at[-1] - at[0] != len(at) - 1 or len(at) > 3:
        return ""  # several headings in that type (section titles): no one of them is the document's
    text = " ".join(rows[i].text for i in at)
    return text if 2 <= len(text.split()) <= 30 else ""


def _encrypted(path: Path) -> IngestError:
    return IngestError(f"{path}: the PDF is encrypted and needs a password to open; open it with the password, "
                       "save or print an unprotected copy, then add that copy")


def _is_password_error(exc: BaseException) -> bool:
    seen = 0
    e: Optional[BaseException] = exc
    while e is not None and seen < 10:
        if "Password" in type(e).__name__ or "password" in str(e).lower():
            return True
        e = e.__cause__ or e.__context__
        seen += 1
    return False


def _ranges(numbers: list[int]) -> str:
    out, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            out.append(str(start) if start == n else f"{start}-{n}")
            start = None
    return ", ".join(out)


def _info(meta: Any) -> dict[str, str]:
    """The document information dictionary as plain strings (PDF strings may be bytes or names)."""
    out: dict[str, str] = {}
    if not isinstance(meta, dict):
        return out
    for k, v in meta.items():
        if isinstance(v, bytes):
            for enc in ("utf-16", "utf-8", "latin-1"):
                try:
                    v = v.decode(enc) if enc != "utf-16" or v[:2] in (b"\xfe\xff", b"\xff\xfe") else None
                except UnicodeDecodeError:
                    v = None
                if v is not None:
                    break
        if isinstance(v, str):
            v = " ".join(clean.tidy_characters(v).split())
            if v:
                out[str(k)] = v[:500]
    return out


def _words(page: Any, extractor: Any) -> list[Word]:
    chars = [c for c in page.chars if c.get("upright", True) and c.get("text", "").strip()]
    out = []
    for w in extractor.extract_words(chars):
        out.append(Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]),
                        float(w.get("size") or (w["bottom"] - w["top"]) or 1.0)))
    return out


# ---------------------------------------------------------------------------- layout


def rows_of(words: list[Word]) -> list[Line]:
    """Words grouped into rows by their vertical centres, top to bottom."""
    rows: list[list[Word]] = []
    anchor = size = 0.0
    for w in sorted(words, key=lambda w: (w.center, w.x0)):
        if rows and w.center - anchor <= 0.5 * max(size, w.size):
            rows[-1].append(w)
            if w.size > size:
                anchor, size = w.center, w.size
        else:
            rows.append([w])
            anchor, size = w.center, w.size
    return [Line(r) for r in rows]


def body_size(pages: list[list[Word]]) -> float:
    """The font size most of the text is set in (weighted by characters)."""
    weight: dict[float, int] = {}
    for words in pages:
        for w in words:
            s = round(w.size, 1)
            weight[s] = weight.get(s, 0) + len(w.text)
    return max(weight, key=lambda s: (weight[s], -s)) if weight else 10.0


def gutters(rows: list[Line], size: float) -> list[float]:
    """The x positions of column gutters on a page: vertical strips no more than a few rows cross."""
    if len(rows) < 2:
        return []
    left = min(r.x0 for r in rows)
    right = max(r.x1 for r in rows)
    width = int(right - left) + 2
    if width < 10 * size:
        return []
    cover = [0] * (width + 1)
    for r in rows:
        for w in r.words:
            a, b = int(w.x0 - left), int(w.x1 - left) + 1
            cover[a] += 1
            cover[min(b, width)] -= 1
    running, covered = 0, []
    for c in cover[:width]:
        running += c
        covered.append(running)
    out: list[float] = []
    # Strips that no row crosses, then strips that one row crosses, ... up to a tenth of the rows
    # (a title or a note set across the columns). Each is a strip with text on both sides, so a
    # column holding a line or two under a spanning title is found too. A strip more rows cross
    # (up to half) is a gutter when few cross it between the first and the last row with text on
    # both sides: a one-page release has a letterhead, a title, a dateline and footnotes across
    # the page, above and below its columns.
    few = max(1, len(rows) // 10) if len(rows) >= 3 else 0
    for limit in range(max(few, len(rows) // 2) + 1 if len(rows) >= 3 else 1):
        for a, b in _runs(covered, limit, width, size):
            # the middle of the least-crossed part of the strip (not of text a spanning row has there)
            low = min(covered[a:b])
            sa, sb = max(_runs(covered[a:b], low, b - a, 0, edges=False), key=lambda r: r[1] - r[0])
            g = left + a + (sa + sb) / 2
            if all(abs(g - h) > size for h in out) and (limit <= few or _columns_between(rows, g, size)):
                out.append(g)
    return sorted(out)


def _columns_between(rows: list[Line], g: float, size: float) -> bool:
    """Is ``g`` a gutter between columns of text: do three rows in a run of rows that do not cross
    it hold a line of text on each side (its three words nearest ``g`` a word space apart), the
    two lines a gutter's space apart (one and a half font sizes: wider than a justified line's
    word space)? Not the space between the cells of a table (figures far apart)."""

    def line(ws: list[Word]) -> bool:
        return len(ws) >= 3 and all(b.x0 - a.x1 < 1.5 * size for a, b in zip(ws, ws[1:]))

    run = 0
    for r in rows:
        left = [w for w in r.words if w.x1 < g]
        right = [w for w in r.words if w.x0 > g]
        if _crosses(r, [g], size):
            run = 0
        elif line(left[-3:]) and line(right[:3]) and right[0].x0 - left[-1].x1 >= 1.5 * size:
            run += 1
            if run >= 3:
                return True
    return False


def _runs(covered: list[int], limit: int, width: int, size: float, edges: bool = True) -> list[tuple[int, int]]:
    """Runs of bins covered by at most ``limit`` rows, at least ``size`` wide; with ``edges``, only
    runs with text on both sides."""
    out, start = [], None
    for x, c in enumerate(covered + [limit + 1]):
        if c <= limit:
            if start is None:
                start = x
        elif start is not None:
            if x - start >= size and (not edges or (0 < start and x < width)):
                out.append((start, x))
            start = None
    return out


def _crosses(row: Line, gs: list[float], size: float) -> bool:
    """Does the row run across a gutter: a word over it, or words either side a word space apart?"""
    ws = row.words  # sorted by x
    for g in gs:
        if any(w.x0 < g < w.x1 for w in ws):
            return True
        # a word space of the row's own type (a letterhead in large type spaces its words wider)
        if any(a.x1 <= g <= b.x0 and b.x0 - a.x1 < 0.8 * max(size, a.size, b.size) for a, b in zip(ws, ws[1:])):
            return True
    return False


@dataclass
class Segment:
    """Lines read in one go: one column of a band, or a run of rows spanning the columns."""

    lines: list[Line]
    spanning: bool = False  # rows across the columns (a title, a table), not a column
    table: bool = False  # a table's rows (and caption): one paragraph each, a row never run into the next


def segments(rows: list[Line], gs: list[float], size: float) -> list[Segment]:
    """The page's rows in reading order: bands between spanning rows, each band column by column."""
    out: list[Segment] = []
    band: list[Word] = []
    spanning: list[Line] = []

    def flush_band() -> None:
        if not band:
            return
        cols: list[list[Word]] = [[] for _ in range(len(gs) + 1)]
        for w in band:
            cols[sum(1 for g in gs if (w.x0 + w.x1) / 2 > g)].append(w)
        for col in cols:
            if col:
                out.append(Segment(rows_of(col)))
        band.clear()

    table = _table_rows(rows, gs, size) if gs else set()
    for i, row in enumerate(rows):
        if gs and (i in table or _crosses(row, gs, size)):
            flush_band()
            if spanning and (i in table) != (i - 1 in table):
                out.append(Segment(list(spanning), True, i - 1 in table))
                spanning.clear()
            spanning.append(row)
            continue
        if spanning:
            out.append(Segment(list(spanning), True, i - 1 in table))
            spanning.clear()
        band.extend(row.words)
    flush_band()
    if spanning:
        out.append(Segment(list(spanning), True, len(rows) - 1 in table))
    return out


def _table_rows(rows: list[Line], gs: list[float], size: float) -> set[int]:
    """Indexes of the rows of a table set across the columns (read row by row, never column by
    column): rows whose cells lie far apart (a gap of more than 2.5 font sizes between two
    words that holds no gutter), one of them also wide apart over a gutter (a label far left of
    it, the figures far right), and the tabular rows next to those (a header row)."""

    def gaps(r: Line) -> list[tuple[float, bool]]:
        """(width, holds a gutter) of each space between two words of the row."""
        return [(b.x0 - a.x1, any(a.x1 <= g <= b.x0 for g in gs)) for a, b in zip(r.words, r.words[1:])]

    narrow = [w for r in rows for w, over in gaps(r) if over]
    gutter = min(narrow) if narrow else 0.0  # the gutter's own width: the narrowest space over it
    wide = lambda r: any(w > 2.5 * size and not over for w, over in gaps(r))  # noqa: E731
    out = {i for i, r in enumerate(rows)
           if wide(r) and any(over and w > gutter + 2 * size for w, over in gaps(r))}
    grown = True
    while grown:
        grown = False
        for i, r in enumerate(rows):
            if i not in out and wide(r) and (i - 1 in out or i + 1 in out):
                out.add(i)
                grown = True
    # A caption: the row right above a table, nearer to it than to the row above it.
    for i in sorted(out):
        if i - 1 not in out and 1 <= i - 1 and (rows[i - 1].top - rows[i - 2].bottom
                                                > rows[i].top - rows[i - 1].bottom):
            out.add(i - 1)
    return out


def split_paragraphs(lines: list[Line], size: float) -> tuple[list[list[Line]], list[list[Line]]]:
    """(body paragraphs, footnote paragraphs) of one segment, each a list of lines."""
    if not lines:
        return [], []
    # Small type at the foot of the segment: footnotes.
    n = len(lines)
    while n > 0 and lines[n - 1].size < 0.88 * size:
        n -= 1
    body, notes = lines[:n], lines[n:]
    if n < len(lines) and not _starts_note(notes[0].text):
        body, notes = lines, []  # small type that is not a note (a caption, a source line)
    left = statistics.median(l.x0 for l in body) if body else 0.0
    right = max((l.x1 for l in body), default=0.0)
    gaps = [b.top - a.bottom for a, b in zip(body, body[1:]) if abs(a.size - b.size) < 0.1 * a.size]
    # The usual space between the lines of a paragraph: the smaller gaps (a fifth of them are at
    # most this), and at most what ordinary leading leaves (a run of one-line paragraphs).
    usual = sorted(gaps)[len(gaps) // 5] if gaps else 0.0
    justified = bool(body) and sum(1 for l in body if right - l.x1 < 1.5) >= 0.5 * len(body)
    # where lines of each type size end at the most (a wider title above them says nothing of the column)
    ends: dict[float, float] = {}
    for l in body:
        ends[l.size] = max(ends.get(l.size, 0.0), l.x1)
    paragraphs: list[list[Line]] = []
    prev: Optional[Line] = None
    for line in body:
        if prev is None or _breaks(prev, line, left, right, usual, justified, ends):
            paragraphs.append([])
        paragraphs[-1].append(line)
        prev = line
    note_pars: list[list[Line]] = []
    for line in notes:
        if not note_pars or _starts_note(line.text):
            note_pars.append([])
        note_pars[-1].append(line)
    return paragraphs, note_pars


_NOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|\(\d{1,3}\))[.):]?\s*\S")


def _starts_note(text: str) -> bool:
    """A footnote starts with its marker: "1 Source...", "12. Source", "* Note", "[3] Source"."""
    t = text.lstrip()
    return bool(_NOTE_MARK.match(t)) and not re.match(r"^\d{4}\b", t)


def _breaks(prev: Line, line: Line, left: float, right: float, usual: float, justified: bool,
            ends: dict[float, float]) -> bool:
    s = max(prev.size, line.size)
    if abs(prev.size - line.size) > 0.1 * s:
        return True
    if line.top - prev.bottom > min(usual, 0.6 * s) + 0.5 * s:
        return True
    if line.x0 - left > 0.8 * s and prev.x0 - left <= 0.8 * s and right - prev.x1 < 1.5:
        return True  # a first-line indent after a full line
    if justified and right - prev.x1 > 2.5 * s and (prev.text.rstrip()[-1:] in ".!?:\"”" or line.text[:1].isupper()):
        return True  # justified text sets every line full but a paragraph's last (or a heading: "Summary")
    text_right = max((x for z, x in ends.items() if abs(z - prev.size) <= 0.1 * prev.size), default=right)
    if not justified and line.words and text_right - prev.x1 > _fits(line.words[0]) + 0.6 * s:
        return True  # ragged right: the next line's first word would have fitted here, so the break is the writer's
    return False


def _fits(word: Word) -> float:
    """The width a word needs on a line (hyphenated words may break after their hyphen)."""
    part = re.split(r"(?<=[-\u2010\u2013])", word.text, maxsplit=1)[0]
    return (word.x1 - word.x0) * len(part) / max(len(word.text), 1)


def layout(pages: list[list[Word]]) -> list[str]:
    """All pages' words as paragraphs in reading order (see the module docstring)."""
    size = body_size(pages)
    page_rows = [rows_of(words) for words in pages]
    drops = clean.running_lines([[r.text for r in rows] for rows in page_rows])
    for rows, drop in zip(page_rows, drops):
        drop |= print_margins(rows, size) | page_footer(rows, size)
    pieces: list[tuple[list[list[Line]], list[list[Line]], tuple[int, bool]]] = []
    for n, (rows, drop) in enumerate(zip(page_rows, drops)):
        kept = [r for i, r in enumerate(rows) if i not in drop]
        gs = gutters(kept, size)
        for seg in segments(kept, gs, size):
            pars = ([[line] for line in seg.lines], []) if seg.table else split_paragraphs(seg.lines, size)
            pieces.append((*pars, (n, seg.spanning)))
    vocab = clean.vocabulary(l.text for pars, notes, _ in pieces for par in pars + notes for l in par)
    body: list[list[Line]] = []
    notes_after: dict[int, list[list[Line]]] = {}
    last = (-1, False)
    short = False  # the last paragraph so far ends on a short line of justified text: it is whole
    for paragraphs, notes, (page, spanning) in pieces:
        # A column carries on from the column before it or from the last page, never from the
        # title or the table across the page above it (a dateline stops mid-sentence too).
        apart = page == last[0] and (spanning or last[1])
        for i, par in enumerate(paragraphs):
            # (a short last line ends a paragraph, unless the next page or column opens in lower case after a
            # line with no closing mark: ragged text's line may be short and still run on mid-sentence)
            if i == 0 and body and not apart and (not short or _runs_on(body[-1], par)) and \
                    _continues(body[-1], par, vocab):
                body[-1].extend(par)
            else:
                body.append(list(par))
        last = (page, spanning)
        if paragraphs:
            short = _ends_short([line for par in paragraphs for line in par], size)
        if notes:
            notes_after.setdefault(max(0, len(body) - 1), []).extend(notes)
    text = lambda lines: clean.join_lines([l.text for l in lines], vocab)  # noqa: E731
    out: list[str] = []
    for i, par in enumerate(body):
        out.append(text(par))
        out.extend(text(n) for n in notes_after.get(i, []))
    if not body:
        out.extend(text(n) for ns in notes_after.values() for n in ns)
    return [p for p in out if p]


def _ends_short(lines: list[Line], size: float) -> bool:
    """Is the last line of justified text short (a paragraph's end or a heading: "Leverage already
    used" at the foot of a column never runs into the next column's first paragraph)?"""
    right = max((l.x1 for l in lines), default=0.0)
    full = sum(1 for l in lines if right - l.x1 < 1.5)
    return len(lines) >= 3 and full >= 0.5 * len(lines) and right - lines[-1].x1 > 2.5 * max(size, lines[-1].size)


_PAGE_LABEL = re.compile(r"(?:\bPage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|^[-–—]?\s*\d{1,3}\s*[-–—]?)$", re.I)


def page_footer(rows: list[Line], size: float) -> set[int]:
    """The page's own footer on a page of its own (one page: nothing repeats to tell it by): the last
    row, ending in its page number ("Media release — November 2024   Page 1", "- 3 -"), set in the
    bottom margin (three font sizes below the text) in type no larger than the body's."""
    if len(rows) < 2:
        return set()
    last, above = rows[-1], rows[-2]
    if _PAGE_LABEL.search(last.text.strip()) and last.size <= 1.05 * size and last.top - above.bottom >= 3.0 * size:
        return {len(rows) - 1}
    return set()


def print_margins(rows: list[Line], size: float) -> set[int]:
    """Indexes of the rows a browser printed in the page margins: the header (first row) and the
    footer (last rows), by shape, when set apart from the body by smaller type or a margin's space."""

    def apart(i: int, j: int) -> bool:
        """Smaller type than the body (browsers print their margins small), or, for the very
        first or last row, a margin's space (three font sizes) from the next row."""
        r = rows[i]
        if r.size < 0.95 * size:
            return True
        edge = i in (0, len(rows) - 1) and 0 <= j < len(rows)
        return edge and r.size <= 1.05 * size and abs(rows[j].top - r.top) >= 3.0 * size

    out: set[int] = set()
    if len(rows) > 1 and clean.is_print_header(rows[0].text) and apart(0, 1):
        out.add(0)
    for i in range(len(rows) - 1, max(len(rows) - 3, 0) - 1, -1):
        if i in out or not clean.is_print_footer(rows[i].text) or not apart(i, i - 1):
            break
        out.add(i)
    return out


def _runs_on(par: list[Line], nxt: list[Line]) -> bool:
    """Does the next paragraph start in lower case after a line that stops with no closing mark?"""
    a, b = par[-1].text.rstrip(), nxt[0].text.lstrip()
    return bool(a and b) and b[0].islower() and a[-1] not in ".!?:;\"'”’)]。！？」』）"


def _continues(par: list[Line], nxt: list[Line], vocab: Any) -> bool:
    """Does the next column's or page's first paragraph carry on ``par``? Same type size, mid-sentence."""
    a, b = par[-1], nxt[0]
    if abs(a.size - b.size) > 0.1 * max(a.size, b.size):
        return False
    return clean.continues(a.text, b.text)
