"""Spans of a text: the ones that hold no figures (URLs, notes, citations) and a sorted span set."""

from __future__ import annotations

import bisect
import re
from typing import Iterable

# Web addresses, e-mail addresses and bare domains. Each pattern starts at a character it
# cannot repeat ("h", "w", "@", "."), and the run before an "@" or a domain's dot is taken
# from one pass of ``_LOCAL_RUN`` / ``_DOMAIN_RUN`` (every character looked at once): a pattern such as ``\b[\w.+-]+@``
# would rescan the run from every word boundary in it ("a-a-a-..." takes quadratic time).
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_LOCAL_RUN = re.compile(r"[\w.+-]+")
_EMAIL_DOMAIN = re.compile(r"@[\w-]+\.[\w.-]+\b")
_DOMAIN_RUN = re.compile(r"[\w-]+")
_TLD = re.compile(r"\.(?:com|org|net|gov|edu|int)(?:/\S*)?", re.I)
_WORD_CHAR = re.compile(r"\w")
_NOTES_HEADING = re.compile(r"^[ \t]*(?:end[ \t-]?notes|notes|foot[ \t-]?notes|references|bibliography|"
                            r"sources|works[ \t]+cited|literature|citations|sources[ \t]+and[ \t]+notes)"
                            r"[ \t]*:?[ \t]*$", re.I | re.M)
_CITATION_MARK = re.compile(r"https?://|www\.|\bavailable at\b|\baccessed\b|\bretrieved\b|\bibid\b|\bop\. ?cit\b|"
                            r"\bet al\.|\bpp?\. ?\d", re.I)
_LINE = re.compile(r"^.+$", re.M)
_NUMBERED_LINE = re.compile(r"^[ \t]*(?:\[\d{1,3}\]|\d{1,3}[.)]|\^\d{1,3})[ \t]+\S.*$", re.M)


# A line that names where figures come from: "Source: Ministry of Finance, Budget Statement 2025".
_SOURCE_LINE = re.compile(r"^[ \t]*(?:sources?|figures|data|notes?|citations?|credits?|photo|image|chart|table|"
                          r"graphic)[ \t]*:.*$", re.I | re.M)


# An inline citation: "(Reuters, 12 March 2024)", "(Nikkei Asia, May 3, 2023)", "(IMF 2023)".
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_INLINE_CITATION = re.compile(r"\((?:[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4},?\s+)(?:\d{1,2}\s+" + _MONTHS +
                              r",?\s+|" + _MONTHS + r"\s+\d{1,2},?\s+|" + _MONTHS + r"\s+)?(?:19|20)\d\d\)")


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Spans that hold no figures: URLs, e-mail addresses, endnote sections, citation and source lines."""
    spans = [m.span() for m in _URL.finditer(text)]
    spans += _addresses(text)
    spans += [m.span() for m in _SOURCE_LINE.finditer(text)]
    spans += [m.span() for m in _INLINE_CITATION.finditer(text)]
    notes_end = 0
    for m in _NOTES_HEADING.finditer(text):
        if m.start() < len(text) * 0.3:  # near the start, "Sources" heads a section of the body
            continue
        if m.start() < notes_end:  # a heading inside notes already found: scanning again would be quadratic
            continue
        # The notes run until a paragraph of prose that cites nothing (an appendix, the next text).
        end = len(text)
        for line in _LINE.finditer(text, m.end()):
            words = line.group().split()
            if len(words) >= 25 and not _NUMBERED_LINE.match(line.group()) \
                    and not _CITATION_MARK.search(line.group()) and not re.search(r"\(\d{4}\)|\b\d{4}\b,", line.group()):
                end = line.start()
                break
        spans.append((m.start(), end))
        notes_end = end
    numbered = list(_NUMBERED_LINE.finditer(text))
    cited = [bool(_CITATION_MARK.search(m.group())) for m in numbered]
    for i, m in enumerate(numbered):
        # A numbered line is a citation when it cites, or sits between citation lines.
        if cited[i] or (0 < i < len(numbered) - 1 and cited[i - 1] and cited[i + 1]):
            spans.append(m.span())
    return sorted(spans)


def _addresses(text: str) -> list[tuple[int, int]]:
    """E-mail addresses (``name@host.tld``) and bare domains (``example.org/path``), in linear time."""
    spans = []
    for run, after, tail in ((_LOCAL_RUN, "@", _EMAIL_DOMAIN), (_DOMAIN_RUN, ".", _TLD)):
        for m in run.finditer(text):
            end = m.end()
            if end >= len(text) or text[end] != after:
                continue
            rest = tail.match(text, end)
            first = _WORD_CHAR.search(text, m.start(), end)  # the address starts at a word boundary
            if rest is not None and first is not None:
                spans.append((first.start(), rest.end()))
    return spans


class SpanSet:
    """Non-overlapping spans kept sorted, so overlap tests cost a binary search, not a scan."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, a: int, b: int) -> bool:
        i = bisect.bisect_left(self.starts, b)  # spans starting before b
        return i > 0 and self.ends[i - 1] > a

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_left(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)
