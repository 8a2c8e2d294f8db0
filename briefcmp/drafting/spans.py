"""Spans of a text: the ones that hold no figures (URLs, notes, citations) and a sorted span set."""

from __future__ import annotations

import bisect
import re
from typing import Iterable

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\b[\w-]+\.(?:com|org|net|gov|edu|int)"
                  r"(?:/\S*)?", re.I)
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
    spans += [m.span() for m in _SOURCE_LINE.finditer(text)]
    spans += [m.span() for m in _INLINE_CITATION.finditer(text)]
    for m in _NOTES_HEADING.finditer(text):
        if m.start() < len(text) * 0.3:  # near the start, "Sources" heads a section of the body
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
    numbered = list(_NUMBERED_LINE.finditer(text))
    cited = [bool(_CITATION_MARK.search(m.group())) for m in numbered]
    for i, m in enumerate(numbered):
        # A numbered line is a citation when it cites, or sits between citation lines.
        if cited[i] or (0 < i < len(numbered) - 1 and cited[i - 1] and cited[i + 1]):
            spans.append(m.span())
    return sorted(spans)


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
