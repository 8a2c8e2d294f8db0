"""Quote anchoring: find each claim's quote in its source text.

Both the source and the quote are normalised the same way before matching:

1. Unicode NFKC (full-width forms, ligatures, no-break spaces become plain);
2. typographic quotes become ASCII (' and "), dashes and minus signs become "-",
   the ellipsis character becomes "...";
3. every run of white space (spaces, tabs, line breaks) becomes one space.

Case and punctuation otherwise count: a quote is verbatim text.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from dataclasses import dataclass

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


def find_quote(norm_source: str, quote: str, prefix: str = "", suffix: str = "") -> Anchor:
    """Find ``quote`` in an already-normalised source; prefix/suffix pick one occurrence."""
    q = normalise(quote)
    if not q:
        return Anchor(None, 0, 0)
    starts = []
    i = norm_source.find(q)
    while i != -1:
        starts.append(i)
        i = norm_source.find(q, i + 1)
    total = len(starts)
    p, s = normalise(prefix), normalise(suffix)
    # The source is normalised, so at most one space separates quote and prefix/suffix:
    # look at a small window instead of copying the source for every occurrence.
    if p:
        starts = [i for i in starts if norm_source[max(0, i - len(p) - 1):i].rstrip().endswith(p)]
    if s:
        starts = [i for i in starts if norm_source[i + len(q):i + len(q) + len(s) + 1].lstrip().startswith(s)]
    if not total:
        return Anchor(None, 0, 0, closest_passage(norm_source, q))
    span = (starts[0], starts[0] + len(q)) if len(starts) == 1 else None
    return Anchor(span, len(starts), total)


def closest_passage(norm_source: str, q: str) -> str:
    """The passage of the source most like ``q`` (same length, around the longest common run)."""
    matcher = difflib.SequenceMatcher(None, norm_source, q, autojunk=False)
    m = matcher.find_longest_match(0, len(norm_source), 0, len(q))
    if m.size < 8:
        return ""
    start = max(0, m.a - m.b)
    return norm_source[start:start + len(q)]


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
