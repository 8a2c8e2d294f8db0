"""Quote anchoring: find each claim's quote in its source text.

Both the source and the quote are normalised the same way before matching:

1. Unicode NFKC (full-width forms, ligatures, no-break spaces become plain);
2. typographic quotes become ASCII (' and "), dashes and minus signs become "-",
   the ellipsis character becomes "...";
3. every run of white space (spaces, tabs, line breaks) becomes one space.

Case and punctuation otherwise count: a quote is verbatim text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass
from typing import Iterable, Optional

_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...", "\u00ad": None, "\u200b": None, "\ufeff": None,
})


# str.translate with a dict looks every character up in Python: replacing the few characters
# actually present is much faster (no replacement makes a character of another pair).
_PAIRS = tuple((chr(k), v or "") for k, v in _TRANSLATE.items())


def normalise(text: str) -> str:
    """The normal form quotes are matched in (see the module docstring)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        for ch, rep in _PAIRS:
            if ch in text:
                text = text.replace(ch, rep)
    elif "`" in text:  # the one ASCII character that is normalised
        text = text.replace("`", "'")
    return " ".join(text.split())  # str.split() splits on exactly what \s matches; 3x faster than re.sub


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: offsets in the *normalised* source, or why not."""

    span: tuple[int, int] | None
    count: int  # occurrences that pass prefix/suffix
    total: int  # occurrences of the quote alone
    closest: str = ""  # for not-found: the nearest passage of the source


class QuoteIndex:
    """Where many quotes occur in one normalised source, in about one pass over the source.

    Looking every quote up with ``str.find`` costs quotes x source length (30,000 quotes
    in 8 MiB: about a minute). In a normalised text every word inside a quote (one with a
    space on both sides) is a whole word of the source wherever the quote occurs. So the
    source is split into words once; each quote takes its rarest pair of inner words (or its
    one inner word), and only the places of that key are checked with ``str.startswith``.
    The result is exactly what ``str.find`` finds (every occurrence, overlapping ones too);
    a quote of fewer than three words has no inner word and is looked up with ``str.find``.

    Without ``quotes`` (when they are not known in advance, as while drafting) every word of
    the source is indexed, and each quote is checked at the places of its rarest inner word.
    """

    def __init__(self, norm_source: str, quotes: Optional[Iterable[str]] = None) -> None:
        self.source = norm_source
        words = norm_source.split(" ")
        self._pick: dict[str, tuple[str, int]] = {}
        self._at: dict[str, list[int]] = {}
        self._every = quotes is None
        if quotes is None:
            start, at = 0, self._at
            for w in words:
                at.setdefault(w, []).append(start)
                start += len(w) + 1
            return
        counts = Counter(words)
        # quote -> (key: one or two inner words, its offset in the quote)
        for q in quotes:
            tokens = q.split(" ")
            if len(tokens) < 3:
                continue
            offsets = list(accumulate((len(t) + 1 for t in tokens), initial=0))
            inner = range(1, len(tokens) - 1)
            if len(inner) >= 2:
                j = min(inner[:-1], key=lambda k: counts[tokens[k]] * counts[tokens[k + 1]])
                key = tokens[j] + " " + tokens[j + 1]
            else:
                j = 1
                key = tokens[1]
            self._pick[q] = (key, offsets[j])
        seconds: dict[str, set[str]] = {}  # first word of a key -> the words that follow it in keys ("" for one)
        for key, _ in self._pick.values():
            first, _, second = key.partition(" ")
            seconds.setdefault(first, set()).add(second)
        ends = list(accumulate(map(len, words)))  # word i starts at ends[i] - len(words[i]) + i
        at: dict[str, list[int]] = {}
        last = len(words) - 1
        for i in [i for i, w in enumerate(words) if w in seconds]:
            w = words[i]
            follow = seconds[w]
            start = ends[i] - len(w) + i
            if "" in follow:
                at.setdefault(w, []).append(start)
            if i < last and words[i + 1] in follow:
                at.setdefault(w + " " + words[i + 1], []).append(start)
        self._at = at

    def starts(self, q: str, limit: Optional[int] = None) -> list[int]:
        """Every offset where ``q`` (normalised) occurs in the source (with ``limit``: the first
        ``limit`` of them, enough to tell a passage that repeats too often to be picked)."""
        pick = self._pick.get(q) if not self._every else self._rarest_inner(q)
        if pick is None:
            return _find_all(self.source, q, limit)
        key, offset = pick
        src = self.source
        found = []
        for p in self._at.get(key, ()):
            if p >= offset and src.startswith(q, p - offset):
                found.append(p - offset)
                if limit is not None and len(found) >= limit:
                    break
        return found


    def _rarest_inner(self, q: str) -> Optional[tuple[str, int]]:
        tokens = q.split(" ")
        if len(tokens) < 3:
            return None
        offset, best = len(tokens[0]) + 1, None
        for w in tokens[1:-1]:
            n = len(self._at.get(w, ()))
            if best is None or n < best[0]:
                best = (n, w, offset)
            offset += len(w) + 1
        assert best is not None
        return best[1], best[2]


def _find_all(source: str, q: str, limit: Optional[int] = None) -> list[int]:
    """Every offset of ``q`` in ``source``, overlapping ones too (at most ``limit`` of them)."""
    starts = []
    i = source.find(q)
    while i != -1:
        starts.append(i)
        if limit is not None and len(starts) >= limit:
            break
        i = source.find(q, i + 1)
    return starts


def find_quote(norm_source: str, quote: str, prefix: str = "", suffix: str = "",
               index: "QuoteIndex | None" = None, hint: bool = True) -> Anchor:
    """Find ``quote`` in an already-normalised source; prefix/suffix pick one occurrence.

    ``index``: a ``QuoteIndex`` of the source (for many quotes); ``hint``: look for the
    closest passage when the quote is not found.
    """
    q = normalise(quote)
    if not q:
        return Anchor(None, 0, 0)
    starts = index.starts(q) if index is not None else _find_all(norm_source, q)
    total = len(starts)
    p, s = normalise(prefix) if prefix else "", normalise(suffix) if suffix else ""
    # The source is normalised, so at most one space separates quote and prefix/suffix:
    # look at a small window instead of copying the source for every occurrence.
    if p:
        starts = [i for i in starts if norm_source[max(0, i - len(p) - 1):i].rstrip().endswith(p)]
    if s:
        starts = [i for i in starts if norm_source[i + len(q):i + len(q) + len(s) + 1].lstrip().startswith(s)]
    if not total:
        return Anchor(None, 0, 0, closest_passage(norm_source, q) if hint else "")
    span = (starts[0], starts[0] + len(q)) if len(starts) == 1 else None
    return Anchor(span, len(starts), total)


CLOSEST_CHARS = 120  # a closest passage is a hint, never a way to print a whole file
_SHINGLE = 8  # characters in one probe
_PROBES = 48  # probes taken from a quote, spread over it
_HITS = 32  # occurrences of one probe looked at


def closest_passage(norm_source: str, q: str, limit: int = CLOSEST_CHARS) -> str:
    """The passage of the source most like ``q``: at most ``limit`` characters, cut at words.

    Bounded work, whatever the sizes: ``_PROBES`` probes of ``_SHINGLE`` characters taken at
    word starts of the quote are looked up in the source (at most ``_HITS`` occurrences
    each); each hit votes for an alignment of quote and source, and the passage where most
    probes agree is the answer. Nothing is returned when no probe occurs in the source.
    """
    n = len(q)
    if n < _SHINGLE or not norm_source:
        return ""
    at = [0] + [m.end() for m in re.finditer(" ", q[:4096]) if m.end() <= n - _SHINGLE]
    if len(at) == 1 or len(at) * 20 < min(n, 4096):  # text without spaces (Japanese, Chinese): probe every few characters
        at = sorted(set(at) | set(range(0, min(n, 4096) - _SHINGLE + 1, _SHINGLE // 2)))
    step = max(1, len(at) // _PROBES)
    votes: dict[int, int] = {}
    for j in at[::step][:_PROBES]:
        probe = q[j:j + _SHINGLE]
        if len(probe) < _SHINGLE:
            continue
        i, hits = norm_source.find(probe), 0
        while i != -1 and hits < _HITS:
            votes[i - j] = votes.get(i - j, 0) + 1
            hits += 1
            i = norm_source.find(probe, i + 1)
    if not votes:
        return ""
    start = max(0, max(votes, key=lambda o: (votes[o], -o)))
    passage = norm_source[start:start + min(n, limit)]
    if start + min(n, limit) < len(norm_source) and len(passage) == limit:
        cut = passage.rfind(" ")
        passage = (passage[:cut] if cut > limit // 2 else passage) + "..."
    return passage


def context(norm_source: str, span: tuple[int, int], width: int = 120) -> tuple[str, str, str]:
    """(before, quote, after) around a span, cut at word boundaries."""
    a, b = span
    before = norm_source[max(0, a - width):a]
    after = norm_source[b:b + width]
    if a - width > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1:]
    if b + width < len(norm_source) and " " in after:
        after = after[:after.rindex(" ")] + "…"
    return before, norm_source[a:b], after
