"""Prepare a source text for analysis and split it into sentences, keeping offsets.

Quotes must anchor in ``anchor.normalise(source)``, which folds typographic
characters and collapses all white space -- line breaks included. Sentence and
section structure lives in those line breaks, so analysis runs on a *prepared*
text instead: the same per-character folding, but line breaks kept. Every
prepared offset maps back to the original text (to quote it verbatim) and
forward to the normalised text (to check that the quote anchors).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from briefcmp.corpus import anchor

_WS = re.compile(r"\s+")


@dataclass
class Prepared:
    """A source text folded for analysis, with offset maps.

    ``text[i]`` came from ``original[origin[i]]``; ``norm_at[i]`` is where
    ``text[i]`` lands in ``norm`` (``anchor.normalise(original)``).
    """

    original: str
    text: str
    origin: list[int]  # start of the original character (cluster) each prepared character came from
    origin_end: list[int]  # end of that cluster
    norm: str
    norm_at: "Sequence[int]"  # a list, or a _NormMap that answers the same questions

    def quote(self, start: int, end: int) -> str:
        """The original text of prepared span [start, end), white space collapsed."""
        if end <= start:
            return ""
        return _WS.sub(" ", self.original[self.origin[start]:self.origin_end[end - 1]]).strip()

    def line_of(self, original_offset: int) -> int:
        """The 1-based line of an offset into ``original``."""
        if not hasattr(self, "_line_starts"):
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        return bisect.bisect_right(self._line_starts, original_offset)

    @property
    def norm_index(self) -> anchor.QuoteIndex:
        """An index of ``norm`` (built once): where a quote occurs, without searching the whole text."""
        if not hasattr(self, "_norm_index"):
            self._norm_index = anchor.QuoteIndex(self.norm)
        return self._norm_index

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """The normalised-text span of prepared span [start, end) (white space trimmed)."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start >= end:
            return (self.norm_at[start] if start < len(self.norm_at) else len(self.norm),) * 2
        return self.norm_at[start], self.norm_at[end - 1] + 1


_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
_ASCII_SPACE = str.maketrans({"\t": " ", "\x0b": " ", "\x0c": " ", "\r": " ", "\x1c": " ", "\x1d": " ",
                              "\x1e": " ", "\x1f": " "})


def _clusters(text: str, start: int, end: int):
    """(start, chars) for each character of text[start:end] and the combining marks that follow it."""
    i = start
    while i < end:
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        yield i, text[i:j]
        i = j


def prepare(original: str) -> Prepared:
    """Fold ``original`` like ``anchor.normalise`` does, but keep line breaks.

    ASCII runs are copied as they are (only odd white space becomes a space);
    other characters are folded one cluster (character + combining marks) at a
    time. When that cannot reproduce the normalised text (composition across
    characters), the normalised text itself is analysed: structure from line
    breaks is lost, correctness of offsets is not.
    """
    original = original.replace("\r\n", "\n").replace("\r", "\n") if "\r" in original else original
    norm = anchor.normalise(original)
    parts: list[str] = []
    origin: list[int] = []
    origin_end: list[int] = []
    n = len(original)
    pos = 0
    for m in _RUNS.finditer(original):
        a, b = m.span()
        if a < pos:  # the first characters were taken by the cluster before
            a = pos
        if a >= b:
            continue
        if m.group()[0] < "\x80":
            # The last ASCII character belongs to the next cluster when combining marks follow it.
            fast_end = b - 1 if b < n and unicodedata.combining(original[b]) else b
            parts.append(original[a:fast_end].translate(_ASCII_SPACE))
            origin.extend(range(a, fast_end))
            origin_end.extend(range(a + 1, fast_end + 1))
            a = fast_end
            if a >= b:
                pos = b
                continue
        for start, cluster in _clusters(original, a, b):
            folded = unicodedata.normalize("NFKC", cluster).translate(anchor._TRANSLATE)
            end = start + len(cluster)
            for ch in folded:
                parts.append(" " if ch.isspace() and ch != "\n" else ch)
                origin.append(start)
                origin_end.append(end)
            pos = end
        pos = max(pos, b)
    text = "".join(parts)
    norm_at = _collapse_map(text, norm)
    if norm_at is None:
        ident = list(range(len(norm)))
        return Prepared(norm, norm, ident, [i + 1 for i in ident], norm, ident)
    return Prepared(original, text, origin, origin_end, norm, norm_at)


def _collapse_map(text: str, norm: str) -> "_NormMap | None":
    """Where each character of ``text`` lands in ``norm`` (its white space collapsed), or None if
    ``norm`` is not ``text`` with white space collapsed."""
    if " ".join(text.split()) != norm:
        return None
    return _NormMap(text, len(norm))


class _NormMap:
    """``norm_at[i]``: where ``text[i]`` lands in the normalised text (white space lands on what follows
    it), from the runs of white space that collapsing shortens: the leading and trailing ones, and runs
    of two or more characters. A list with an entry per character cost a third of the time of reading
    a source; these runs are a few per paragraph."""

    def __init__(self, text: str, norm_len: int) -> None:
        self.text = text
        self.norm_len = norm_len
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.removed: list[int] = []  # characters removed up to the end of each run
        n = len(text)
        lead, trail = n - len(text.lstrip()), len(text.rstrip())
        runs = [m.span() for m in _LONG_SPACE.finditer(text, lead, trail)]
        if lead:
            runs.insert(0, (0, lead))
        if trail < n and trail > 0:
            runs.append((trail, n))
        removed = 0
        for a, b in runs:
            removed += b - a if a == 0 or b == n else b - a - 1
            self.starts.append(a)
            self.ends.append(b)
            self.removed.append(removed)

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, i: int) -> int:
        if not 0 <= i < len(self.text):
            raise IndexError(i)
        if self.text[i].isspace():
            j = bisect.bisect_right(self.starts, i) - 1
            i = self.ends[j] if j >= 0 and i < self.ends[j] else i + 1  # the character after its run
            if i >= len(self.text):
                return self.norm_len
        j = bisect.bisect_right(self.ends, i)  # runs that end at or before i
        return i - (self.removed[j - 1] if j else 0)


_LONG_SPACE = re.compile(r"\s\s+")
_NONSPACE = re.compile(r"\S+")


# --------------------------------------------------------------------------- sentences

# Words after which a full stop does not end a sentence.
_ABBREV = frozenset("""
mr mrs ms dr prof st gen lt col capt maj sgt adm gov sen rep pres jr sr no nos vol vols pp p ed eds
fig figs eg ie etc vs al approx est dept univ inc ltd co corp jan feb mar apr jun jul aug sep sept oct
nov dec art sec ch para op cit cf
""".split())
# ... of which these stand before a number ("No. 5", "p. 12", "Art. 3"): before a word they end a
# sentence like any other ("Malta also voted no. Spain abstained").
_NUMBERED = frozenset("no nos vol vols pp p fig figs art sec ch para".split())
# Abbreviations that often end a sentence too ("... joined the U.S. The ..."): they end
# one when the next word is a typical sentence opener.
_OPENERS = frozenset("""
the this that these those it its in on at as but however and or a an he she they we i his her their
there here while when after before since although though if yet so such other some many most
""".split())
_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d\d$")
_NEXT_WORD = re.compile(r"\s*(\S[\w']*)")
_END = re.compile(r'[.!?]+[\'")\]]*(?:\d{1,3}(?=\s)|\[\d{1,3}\](?=\s))?|[。！？]+')


# Characters of scripts written without spaces between words (kana, Han, Hangul, full-width forms).
_WIDE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def _wrapped(lines: list[str]) -> int:
    """The wrap width when the text is hard-wrapped (most lines end near one width), else 0."""
    lengths = [len(l.rstrip()) for l in lines if l.strip()]
    if len(lengths) < 8:
        return 0
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if width > 100:
        return 0
    near = sum(1 for n in lengths if n >= width * 0.75)
    return width if near >= len(lengths) * 0.6 else 0


def line_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text that no sentence crosses: paragraphs, headings, list items; the title, outlet and
    date lines at the head of a text (before its first blank line) one each."""
    lines = text.split("\n")
    width = _wrapped(lines)
    blocks: list[tuple[int, int]] = []
    pos = 0
    start = None
    head = _head_lines(lines)
    for i, line in enumerate(lines):
        end = pos + len(line)
        if i < head:
            if line.strip():
                blocks.append((pos, end))
        elif not line.strip():
            if start is not None:
                blocks.append((start, pos - 1))
                start = None
        else:
            if start is None:
                start = pos
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            joins = (width and len(line.rstrip()) >= width * 0.75 and nxt.strip()
                     and not re.match(r"\s*(?:[-*•]|\d{1,3}[.)])\s", nxt))
            # A line broken mid-sentence: "Exports\nrose by 4 percent" is one sentence.
            joins = joins or (nxt[:1].islower() and line.strip() and not re.search(r"[.!?:;]\W*$", line))
            if not joins:
                blocks.append((start, end))
                start = None
        pos = end + 1
    if start is not None:
        blocks.append((start, len(text)))
    return blocks


def _head_lines(lines: list[str]) -> int:
    """How many lines at the start are a head of title, outlet and date (up to three lines before the
    first blank one, none ending as a sentence does: "Exports\nrose 4% in 2022." is one sentence), each
    its own block; else 0."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    if first == len(lines) or end - first > 3 or any(re.search(r"[.!?]\s*$", lines[i]) for i in range(first, end)):
        return 0
    return end


# A "sentence" longer than this (a table, a list of numbers, a text with no full stops) is cut
# into pieces at white space: everything done per sentence then stays linear in the text.
MAX_SENTENCE = 1000


def split(text: str) -> list[Sentence]:
    """Sentences of a prepared text, as spans with surrounding white space trimmed.

    No sentence is longer than ``MAX_SENTENCE`` characters (longer runs are cut at white space).
    """
    out: list[Sentence] = []
    for bstart, bend in line_blocks(text):
        start = bstart
        for m in _END.finditer(text, bstart, bend):
            end = m.end()
            if not _ends_sentence(text, m, bend):
                continue
            _add(out, text, start, end)
            start = end
        _add(out, text, start, bend)
    return out


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) in pieces of at most MAX_SENTENCE characters, cut at a line break or space if there is one."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = text.rfind("\n", start + MAX_SENTENCE // 2, limit)
        if cut == -1:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, limit)
        cut = limit if cut == -1 else cut + 1
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    for start, end in _cut(text, start, end) if end - start > MAX_SENTENCE else ((start, end),):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(start, end))


def _ends_sentence(text: str, m: re.Match, limit: int) -> bool:
    end = m.end()
    if m.group().startswith(("。", "！", "？")):
        return True
    if end < limit and _WIDE.match(text[end]) and (m.group()[0] in "!?" or _WIDE.match(text[m.start() - 1:m.start()])):
        return True  # "！" and "？" are "!" and "?" once folded; in text with no spaces the next sentence follows at once
    if end < limit and not text[end].isspace():
        return False
    nxt = _NEXT_WORD.match(text, end, limit)
    if not nxt:
        return True
    rest = nxt.group(1)
    first = rest[0]
    if first.islower() or first in ",;:)":
        return False
    if m.group()[-1].isdigit() and m.start() > 0 and text[m.start() - 1].isdigit():
        # a decimal point ("3.5 billion"), but a footnote number after a year: "in 2021.29 Hyundai ..."
        return bool(_YEAR_BEFORE.search(text, max(0, m.start() - 5), m.start()) and re.match(r"[A-Z][a-z]", rest))
    if m.group()[0] != ".":
        return True
    if first.isdigit() and text.rfind("(", max(0, m.start() - 30), m.start()) > \
            text.rfind(")", max(0, m.start() - 30), m.start()):
        return False  # "(prev. 2.6)", "(cons. 825)": a label abbreviated inside open brackets, then its number
    # The word before the full stop: abbreviations and initials do not end sentences.
    before = re.search(r"([\w.]+)$", text[max(0, m.start() - 20):m.start()])
    word = before.group(1) if before else ""
    bare = word.replace(".", "").lower()
    opener = rest.lower() in _OPENERS
    if len(bare) == 1 and word[-1:].isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if "." in word and word.replace(".", "").isalpha():
        return opener  # "U.S." / "e.g." mid-sentence unless a new sentence clearly starts
    if bare in _ABBREV:
        return bare in _NUMBERED and not rest[0].isdigit()
    if word.isdigit():
        line_start = text.rfind("\n", max(0, m.start() - 40), m.start()) + 1
        if (line_start or m.start() < 40) and text[line_start:m.start()].strip() == word:
            return False  # a list number at the start of a line: "12. Ministry of ..."
    return True
