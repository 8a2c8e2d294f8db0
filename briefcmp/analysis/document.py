"""One source text read once: its paragraphs, sentences, tokens with lemmas, entities, numbers and
the periods its list headings give, each computed when first asked for and kept on the object (as
spaCy's ``Doc`` is for a pipeline).

Drafting (``drafting.draft``, ``annotate``) and align (``analysis.briefcontext``) both read a source
through a ``Document``: one sentence splitter (``corpus.sentences``), one paragraph reader, one
lemmatiser entry point (``lemma``). Offsets come in two systems: the *prepared* text (line breaks
kept, where drafting finds figures) and the *normalised* text (white space collapsed, where a
claim's span lives); ``norm_sentences`` and ``norm_paragraphs`` are the same spans in the second.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from briefcmp.corpus import sentences as _sentences

if TYPE_CHECKING:
    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.nlp import Token

Span = tuple[int, int]
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


class Document:
    """A source text, prepared once (``corpus.sentences.prepare``), and what is read from it."""

    def __init__(self, original: str, prepared: Optional[_sentences.Prepared] = None) -> None:
        self.original = original.replace("\r\n", "\n").replace("\r", "\n") if "\r" in original else original
        self.prepared = prepared if prepared is not None else _sentences.prepare(original)
        self._tokens: dict[Span, Optional[list[Token]]] = {}
        self._entities: dict[int, tuple[Entities, list[tuple[int, int, str]]]] = {}

    @classmethod
    def read(cls, path: str | Path, max_bytes: Optional[int] = None) -> Optional["Document"]:
        """The document of a source file (UTF-8, as the loader decodes it), or None when unreadable."""
        from briefcmp.corpus import yamlsafe
        from briefcmp.corpus.files import read_regular
        from briefcmp.corpus.load import MAX_SOURCE_BYTES
        from briefcmp.corpus.problems import Problems

        try:
            data = read_regular(str(path), max_bytes or MAX_SOURCE_BYTES)
        except OSError:
            return None
        text = yamlsafe.decode(data, str(path), Problems())
        return None if text is None else cls(text)

    @property
    def text(self) -> str:
        """The prepared text: typographic characters folded, line breaks kept."""
        return self.prepared.text

    @property
    def norm(self) -> str:
        """The normalised text (``corpus.anchor.normalise``): where claims' quotes and spans live."""
        return self.prepared.norm

    # ------------------------------------------------------------------ sentences and paragraphs

    @cached_property
    def sentences(self) -> list[_sentences.Sentence]:
        """Sentences in prepared offsets (``corpus.sentences.split``)."""
        return _sentences.split(self.prepared.text)

    @cached_property
    def sentence_spans(self) -> list[Span]:
        return [(s.start, s.end) for s in self.sentences]

    @cached_property
    def norm_sentences(self) -> list[Span]:
        """Sentences in normalised offsets."""
        return [self.prepared.norm_span(s.start, s.end) for s in self.sentences]

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraphs in prepared offsets: runs of lines between blank lines; the head of title,
        outlet and date, and a run of short lines (headings, list items), one per line; a run of
        long lines (a hard-wrapped paragraph, a list of long items) is one paragraph."""
        return paragraphs(self.prepared.text)

    @cached_property
    def norm_paragraphs(self) -> list[Span]:
        """Paragraphs in normalised offsets (empty ones left out)."""
        out = []
        for a, b in self.paragraphs:
            a, b = self.prepared.norm_span(a, b)
            if a < b:
                out.append((a, b))
        return out

    def sentence_at(self, norm_pos: int) -> int:
        """The index of the sentence (normalised offsets) holding ``norm_pos``, or of the last one
        starting before it."""
        starts = self.__dict__.get("_norm_starts")
        if starts is None:
            starts = self.__dict__["_norm_starts"] = [a for a, _ in self.norm_sentences]
        return max(bisect.bisect_right(starts, norm_pos) - 1, 0)

    # ------------------------------------------------------------------ words

    def tokens(self, start: int, end: int) -> Optional[list[Token]]:
        """Tokens of prepared span [start, end) with tags and lemmas (``analysis.nlp``, offsets relative
        to ``start``), None without the 'nlp' extra; tagged once per span."""
        if (start, end) not in self._tokens:
            from briefcmp.analysis import nlp

            self._tokens[(start, end)] = nlp.tag(self.prepared.text[start:end])
        return self._tokens[(start, end)]

    def entities(self, entities: Entities) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every subject ``entities`` finds in the normalised text."""
        kept = self._entities.get(id(entities))
        if kept is None or kept[0] is not entities:
            kept = self._entities[id(entities)] = (entities, entities.find(self.norm))
        return kept[1]

    @cached_property
    def headed(self) -> list[tuple[int, int, str]]:
        """(start, end, heading) in normalised offsets of each list item under a heading that dates it
        ("Revised Estimates 2024-25", ``analysis.titleperiods.headed_items``)."""
        from briefcmp.analysis import titleperiods
        from briefcmp.corpus.anchor import normalise

        out, pos = [], 0
        for heading, item in titleperiods.headed_items(self.original):
            n = normalise(item)
            i = self.norm.find(n, pos) if n else -1
            if i >= 0:
                out.append((i, i + len(n), heading))
                pos = i + len(n)
        return out

    @cached_property
    def numbers(self) -> list[Span]:
        """Spans of the numbers written in digits in the normalised text ("1,234.5", "7")."""
        return [m.span() for m in _NUMBER.finditer(self.norm)]


def lemma(word: str, tag: str = "", lang: str = "en") -> str:
    """The one lemmatiser entry point: by part of speech when a Penn ``tag`` is given and the 'nlp'
    extra is installed (lemminflect: "froze"/VBD is "freeze"), else from the word alone (simplemma,
    through ``analysis.lexicon``: "outlays" is "outlay")."""
    if tag and lang == "en":
        from briefcmp.analysis import nlp

        tagged = nlp.lemma(word, tag)
        if tagged is not None:
            return tagged
    from briefcmp.analysis import lexicon

    return lexicon.lemma(word, lang)


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans of ``text`` (line breaks kept): see ``Document.paragraphs``."""
    out: list[Span] = []
    head = True
    for run in _runs(text):
        lines = [(a, b) for a, b in _lines(text, *run) if text[a:b].strip()]
        if not lines:
            continue
        if head and len(lines) <= 3 and not re.search(r"[.!?]\s*$", text[lines[0][0]:lines[0][1]]):
            out.extend(lines)  # the title, the outlet and the date: one line each, however long the title
        elif len(lines) > 1 and sum(b - a >= 50 for a, b in lines[:-1]) >= len(lines[:-1]) * 0.8:
            out.append((lines[0][0], lines[-1][1]))
        else:
            out.extend(lines)
        head = False
    return out


_BLANK = re.compile(r"\n\s*\n")


def _runs(text: str) -> list[Span]:
    """Runs of text between blank lines."""
    out, pos = [], 0
    for m in _BLANK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _lines(text: str, start: int, end: int) -> list[Span]:
    out = []
    while start <= end:
        nl = text.find("\n", start, end)
        stop = end if nl < 0 else nl
        out.append((start, stop))
        start = stop + 1
    return out
