"""Clean extracted text: every step general, documented and tested on its own.

The steps, in the order ``briefcmp add`` applies them:

1. **Running headers, footers and page numbers** (``running_lines``): the first and
   last two lines of every page are candidates. A candidate is dropped when the same
   line (case and digits ignored, so "Page 3" matches "Page 4") stands at the same
   edge of at least two pages and of at least 40% of the pages, or when it is a bare
   page number ("7", "- 7 -", "Page 7", "7 of 12", "vii"). In a PDF, a browser's print
   header ("12/6/26, 7:19 AM Title", ``is_print_header``) and footer (the page's address
   and/or "n/N", ``is_print_footer``) at a page's edge are dropped by shape, on a single
   page too (``pdf.print_margins``). Nothing else is dropped.
2. **Hyphenation at line ends** (``join_lines``): "distri-" + "bution" becomes
   "distribution". A hyphen that is part of the word stays: the hyphenated form is
   kept when the document writes it with a hyphen elsewhere ("rising-block"), when the
   next part starts with a capital or a digit ("COVID-19", "Franco-German"), after a
   prefix English writes with a hyphen ("non-", "multi-", "self-"), and when both halves
   are words the document uses on their own ("long-lived"); the joined form is taken
   when the document writes it elsewhere, and otherwise (the usual case in justified
   text). A soft hyphen (U+00AD) always joins.
   A line break *inside* a word with no hyphen at all ("sa" / "me", as copies of
   web pages show) is joined only when the joined word occurs elsewhere in the
   document and neither part is a word the document uses anywhere else.
3. **Ligatures** (``expand_ligatures``): the ligature characters (U+FB00-FB06, "ﬁ",
   "ﬄ"...) are expanded with Unicode NFKC, and the private-use code points that
   some fonts map their fi/fl glyphs to (U+F001, U+F002) become "fi" and "fl". NFKC
   is applied to the ligatures only: applied to everything it would turn "1½" into
   "11⁄2" and "km²" into "km2". Soft hyphens and zero-width spaces are removed.
4. **Paragraphs**: the extractors hand over paragraphs; the text is written one
   paragraph a line with a blank line between paragraphs.
5. **Footnote markers** are left where the text has them ("billion.1" stays): they
   are part of what the page says, and quotes are matched against this text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

# ---------------------------------------------------------------------------- characters

_LIGATURES = re.compile("[\ufb00-\ufb06\uf001\uf002]")
_PRIVATE_LIGATURES = {"\uf001": "fi", "\uf002": "fl"}
_INVISIBLE = str.maketrans({"\u00ad": None, "\u200b": None, "\u2060": None, "\ufeff": None})
# Control characters other than tab and line breaks never belong in a source text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def expand_ligatures(text: str) -> str:
    """Ligature characters expanded with NFKC ("ﬁ" -> "fi"); nothing else is NFKC-folded."""
    return _LIGATURES.sub(lambda m: _PRIVATE_LIGATURES.get(m.group()) or unicodedata.normalize("NFKC", m.group()),
                          text)


def tidy_characters(text: str) -> str:
    """Ligatures expanded; soft hyphens, zero-width and control characters removed; NBSP a space."""
    text = expand_ligatures(text).translate(_INVISIBLE)
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------------------- running headers and footers

EDGE_LINES = 2  # how many lines at the top and at the bottom of a page can be a header or footer
_ROMAN = r"[ivxlcdm]{1,7}"
_PAGE_NUMBER = re.compile(rf"^[-–—\s]*(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{{1,4}}|{_ROMAN})"
                          rf"(?:\s*(?:of|/|von|de|sur)\s*\d{{1,4}})?[-–—\s]*$", re.I)


def is_page_number(line: str) -> bool:
    """A line that is only a page number: "7", "- 7 -", "Page 7", "7 of 12", "vii"."""
    return bool(_PAGE_NUMBER.match(line.strip()))


def _key(line: str) -> str:
    """What a repeated header has in common from page to page: case and digits ignored."""
    return re.sub(r"\d+", "#", " ".join(line.lower().split()))


def _edges(lines: Sequence[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and last EDGE_LINES non-empty lines of a page."""
    filled = [i for i, l in enumerate(lines) if l.strip()]
    top = filled[:EDGE_LINES]
    bottom = [i for i in filled[-EDGE_LINES:] if i not in top]
    return top, bottom


def running_lines(pages: Sequence[Sequence[str]]) -> list[set[int]]:
    """For each page, the indexes of its lines that are running headers, footers or page numbers.

    Linear in the number of lines. A single page can only lose bare page numbers at its edges.
    """
    edges = [_edges(lines) for lines in pages]
    counts: dict[str, Counter] = {"top": Counter(), "bottom": Counter()}
    for lines, (top, bottom) in zip(pages, edges):
        for where, idx in (("top", top), ("bottom", bottom)):
            for key in {_key(lines[i]) for i in idx}:
                counts[where][key] += 1
    need = max(2, -(-2 * len(pages) // 5))  # at least 2 pages and at least 40% of them
    out: list[set[int]] = []
    for lines, (top, bottom) in zip(pages, edges):
        drop = set()
        for where, idx in (("top", top), ("bottom", bottom)):
            for i in idx:
                if is_page_number(lines[i]) or counts[where][_key(lines[i])] >= need:
                    drop.add(i)
        out.append(drop)
    return out


# ---------------------------------------------------------------------------- browser print margins

# What a browser prints in the page margins ("Save as PDF" with headers and footers on, Chromium's
# default): at the top a short date and time then the page title ("12/6/26, 7:19 AM Title",
# "06/12/2026, 07:19 Title", "2026-12-06 07:19 Title"); at the bottom the page's address and the
# page counter "n/N". Recognised by shape, so a single page loses them too.
_PRINT_DATE = r"(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2})"
_PRINT_HEADER = re.compile(rf"^{_PRINT_DATE},?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+\S.*)?$")
_PRINT_URL = r"(?:https?|file)://\S+|about:blank"
_PRINT_FOOTER = re.compile(rf"^(?:(?:{_PRINT_URL})(?:\s+\d{{1,4}}\s*/\s*\d{{1,4}})?|\d{{1,4}}\s*/\s*\d{{1,4}})$")


def is_print_header(line: str) -> bool:
    """A browser's print header: a short date and a time, then (optionally) the page title."""
    line = " ".join(line.split())
    return len(line) <= 300 and bool(_PRINT_HEADER.match(line))


def is_print_footer(line: str) -> bool:
    """A browser's print footer: the page's address and/or the page counter "n/N", nothing else."""
    return bool(_PRINT_FOOTER.match(" ".join(line.split())))


# ---------------------------------------------------------------------------- line ends

_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’])*", re.UNICODE)
_HYPHENS = "-\u2010\u00ad"
_TAIL = re.compile(rf"([^\W\d_][^\W_]*)([{_HYPHENS}]?)$")
_HEAD = re.compile(r"^([^\W_]+)")


def vocabulary(lines: Iterable[str]) -> Counter:
    """How often each word (lower case) is written whole, hyphenated compounds counted whole too.

    ``lines`` in reading order: a word broken at a line end is not counted, neither its
    first half (before the hyphen) nor its second (at the start of the next line).
    """
    words: Counter = Counter()
    broken = False
    for line in lines:
        found = [m.group() for m in _VOCAB_WORD.finditer(line.replace("\u2010", "-"))]
        if broken and found and line.lstrip()[:1].isalpha():
            found = found[1:]
        broken = line.rstrip().endswith(("-", "\u2010", "\u00ad"))
        if broken and found:
            found = found[:-1]
        for w in found:
            w = w.lower().strip("-")
            words[w] += 1
            if "-" in w:
                for part in w.split("-"):
                    words[part] += 1
    return words


_VOCAB_WORD = re.compile(r"[^\W\d_][\w'’-]*")


# Prefixes written with a hyphen in English ("non-residential", "multi-year"): a line-end hyphen
# after one of them is the word's own hyphen.
COMPOUND_PREFIXES = frozenset(
    "non multi self co cross post pre anti semi ex well pro counter inter intra mid over under "
    "long short high low full half part large small cost year day sub ultra quasi".split())


def seam(left: str, right: str, vocab: Counter) -> tuple[bool, str]:
    """How a line ending in ``left`` meets the next, ``right``: (drop the line-end hyphen?, separator).

    Looks at the last word of ``left`` only, so joining many lines stays linear.
    """
    left, right = left.rstrip()[-100:], right.lstrip()
    if (_NO_SPACES.match(left[-1:]) and (_NO_SPACES.match(right[:1]) or right[:1].isascii() and right[:1].isalnum())) \
            or (left[-1:].isascii() and left[-1:].isalnum() and _NO_SPACES.match(right[:1])):
        return False, ""  # Japanese and Chinese put no space between words ("7兆" / "9496億円"): nor a line break
    tail, head = _TAIL.search(left), _HEAD.match(right)
    if tail is None or head is None:
        return False, " "
    word, hyphen = tail.group(1), tail.group(2)
    nxt = head.group(1)
    joined = (word + nxt).lower()
    if hyphen == "\u00ad":
        return True, ""
    if hyphen:
        compound = f"{word}-{nxt}".lower()
        if vocab[compound] > 0 and vocab[compound] >= vocab[joined]:
            return False, ""
        if vocab[joined] > 0:
            return True, ""
        if not nxt[0].islower() or word.lower() in COMPOUND_PREFIXES:
            return False, ""
        # Both halves are words the document uses on their own ("long" / "lived"): a compound.
        if vocab[word.lower()] > 0 and vocab[nxt.lower()] > 0:
            return False, ""
        return True, ""
    # No hyphen: a word broken across lines without a mark ("sa" / "me").
    if vocab[joined] > 0 and vocab[word.lower()] <= 1 and vocab[nxt.lower()] <= 1 and nxt[:1].islower():
        return False, ""
    return False, " "


# Kana, Han and full-width punctuation: scripts written without spaces (Hangul is written with them).
_NO_SPACES = re.compile(r"[\u3001-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60]")


def join_lines(lines: Iterable[str], vocab: Counter) -> str:
    """The lines of one paragraph as one line, words broken at line ends mended."""
    parts: list[str] = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if parts:
            cut, sep = seam(parts[-1], line, vocab)
            if cut:
                parts[-1] = parts[-1][:-1]
            parts.append(sep)
        parts.append(line)
    return "".join(parts)


def continues(paragraph: str, following: str) -> bool:
    """Does ``following`` (the first paragraph of the next page or column) continue ``paragraph``?

    Yes when the paragraph stops without closing punctuation, or ends in a hyphen, or the
    next text starts in lower case.
    """
    p, f = paragraph.rstrip(), following.lstrip()
    if not p or not f:
        return False
    if p[-1] in _HYPHENS or (f[0].islower() and p[-1] not in ".!?"):
        return True
    return p[-1] not in ".!?:;\"'”’)]。！？」』）" and not p[-1].isdigit() and f[0].isalnum()


# ---------------------------------------------------------------------------- plain text


def clean_plain_text(text: str) -> str:
    """A .txt source cleaned: pages (form feeds) lose running lines, paragraphs (blank lines) are
    kept, and words broken at line ends inside a paragraph are mended. Line breaks that are not
    word breaks stay as they are."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [p.split("\n") for p in text.split("\f")]
    if len(pages) > 1 or any(is_page_number(l) for l in pages[0][-EDGE_LINES:] if l.strip()):
        drops = running_lines(pages)
        pages = [[l for i, l in enumerate(lines) if i not in drop] for lines, drop in zip(pages, drops)]
    lines = [tidy_characters(l).rstrip() for page in pages for l in page]
    vocab = vocabulary(lines)
    out: list[list[str]] = []  # output lines, each as the pieces of the input lines it mends together
    for line in lines:
        if out and out[-1][-1].strip() and line.strip():
            cut, sep = seam(out[-1][-1], line, vocab)
            if sep == "":
                if cut:
                    out[-1][-1] = out[-1][-1].rstrip()[:-1]
                else:
                    out[-1][-1] = out[-1][-1].rstrip()
                out[-1].append(line.lstrip())
                continue
        out.append([line])
    return normalise_paragraphs("".join(pieces) for pieces in out)


def normalise_paragraphs(lines: Iterable[str]) -> str:
    """Lines with runs of blank lines made one, no blank lines at either end, one final newline."""
    out: list[str] = []
    for line in lines:
        line = line.rstrip()
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def paragraphs_text(paragraphs: Iterable[str]) -> str:
    """Paragraphs written one a line, a blank line between them."""
    return "\n\n".join(p for p in (" ".join(tidy_characters(p).split()) for p in paragraphs) if p) + "\n"
