"""One brief's source as align reads it: paragraphs and sentences in the offsets of its normalised
text (where claim spans live), its title's and dateline's subjects, and its main subject
(``analysis.subjects``); a wire dateline with no year dates the story from the reports beside it."""

from __future__ import annotations

import bisect
import re
from datetime import date
from pathlib import Path
from typing import Optional

from briefcmp.analysis import clauses, evidence, periods
from briefcmp.analysis import subjects as whose
from briefcmp.analysis.entities import Entities, proper_names
from briefcmp.analysis.measure import _CLAUSE_BREAK
from briefcmp.corpus.model import Brief


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[\"'(]?[A-Z0-9\uac00-\ud7af]|[-•*–]\s)|。\s*"  # Korean, Japanese; a list item
                           # a footnote number after the full stop: "from 2000 to 2021.29 Hyundai ..."
                           r"|(?:(?<=[a-z”’\"')])|(?<=\b(?:19|20)\d\d))\.\d{1,3}\s+(?=[A-Z][a-z])")
_ABBREV_END = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Art|vs|etc|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|"
                         r"Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|Gov|Gen|Sen|Rep)|\.[A-Z])\.$")


class _Context:
    """Paragraphs and sentences of one brief's source, in the offsets of its normalised text
    (``Brief.source_text``, where claim spans live), to find a figure's clause and subjects."""

    def __init__(self, brief: Brief, entities: Entities, known: tuple[date, ...] = ()) -> None:
        from briefcmp.corpus.anchor import normalise
        from briefcmp.corpus.load import source_text

        self.ok = False
        self.entities = entities
        self.brief_subjects: tuple[str, ...] = ()
        self.brief_how = ""  # "whole brief" (the one entity it names) | "main subject" (the one it names most)
        self.published = brief.published.start() if brief.published is not None else None
        norm = source_text(brief) or ""  # the loader keeps no source in memory: read it again
        try:
            original = Path(brief.source_path).read_text(encoding="utf-8-sig") if brief.source_path and norm else ""
        except (OSError, UnicodeDecodeError):
            original = ""
        if not original:
            return
        if self.published is None:
            self.published = _dateline_day(original[:3000], known)
        self.text = norm
        self.blocks: list[tuple[int, int]] = []
        pos = 0
        for para in _paragraphs(original):
            n = normalise(para)
            i = norm.find(n, pos) if n else -1
            if i < 0:
                continue
            self.blocks.append((i, i + len(n)))
            pos = i + len(n)
        self.sentences: list[tuple[int, int]] = []
        for a, b in self.blocks:
            start = a
            for m in _SENTENCE_END.finditer(norm, a, b):
                if _ABBREV_END.search(norm, max(a, m.start() - 6), m.start() + 1):
                    continue
                self.sentences.append((start, m.start() + 1))
                start = m.end()
            if start < b:
                self.sentences.append((start, b))
        self.starts = [s for s, _ in self.sentences]
        self.block_starts = [a for a, _ in self.blocks]
        title = brief.title or ""
        # A headline in sentence case starts with a capital: "Oil fund earned 2,511 billion kroner" names no
        # body called "Oil fund" (a name of more capitalised words, or later in the title, does).
        title_subjects = entities.subjects(title) or tuple(dict.fromkeys(
            entities.adopt(n) for a, _, n in proper_names(title) if a > 0 or sum(w[:1].isupper() for w in n.split()) > 1))
        self.title_subjects = title_subjects if len(title_subjects) == 1 else ()
        title_countries = entities.subjects(brief.title or "")
        self.title_countries = title_countries if len(title_countries) == 1 else ()
        # The brief's main subject (analysis/subjects.py); an adjective in the lead paragraph ("German
        # economic output grew") says what the story is about, one further down may describe a side matter.
        lead = next(((a, b) for a, b in self.blocks if b - a >= 200), (0, 0))  # (not a heading or table line)
        mentions = [(eid, norm[a:b] in entities.adjectives and not lead[0] <= a < lead[1])
                    for a, b, eid in entities.find(norm)]
        dateline = _DATELINE.search(original[:3000])
        if dateline:  # "SEOUL --", "TOKYO, Dec 26 (Reuters) -": the city a wire story is filed from names its country
            mentions += [(eid, False) for eid in entities.subjects(dateline.group(1).title())]
        self.brief_subjects, self.brief_how = whose.main_subject(mentions)
        self.headed: list[tuple[int, int, str]] = []  # list items under a heading that dates them
        pos = 0
        for heading, item in periods.headed_items(original):
            n = normalise(item)
            i = norm.find(n, pos) if n else -1
            if i >= 0:
                self.headed.append((i, i + len(n), heading))
                pos = i + len(n)
        self.ok = bool(self.sentences)

    def heading_of(self, pos: int) -> str:
        """The heading over the list item holding offset ``pos``, or ""."""
        return next((h for a, b, h in self.headed if a <= pos < b), "")

    def sentence_index(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def block_of(self, pos: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.block_starts, pos) - 1, 0)
        return self.blocks[i] if self.blocks else (0, len(self.text))

    def carried(self, sentence_index: int, names: bool = True) -> tuple[str, ...]:
        """Subjects of the nearest earlier sentence in the same paragraph that names any: those of
        its first clause that names one ("Vietnam's economy grew 5 percent, as demand weakened in the
        United States" is about Vietnam; the next sentence goes on about it, not about both)."""
        s, _ = self.sentences[sentence_index]
        block = self.block_of(s)
        for j in range(sentence_index - 1, max(sentence_index - 4, -1), -1):
            a, b = self.sentences[j]
            if a < block[0]:
                break
            sentence = self.text[a:b]
            start = 0
            for m in [*clauses.breaks(_CLAUSE_BREAK, sentence), None]:
                end = m.start() if m is not None else len(sentence)
                part = sentence[start:end]
                found = self.entities.subjects_or_names(part) if names else self.entities.subjects(part)
                if found:
                    return found
                start = m.end() if m is not None else start
        return ()

    def pair_before(self, pos: int) -> tuple[str, ...]:
        """The last two subjects named before ``pos`` in its paragraph, for "the two countries"
        (none when fewer than two are named)."""
        a = self.block_of(pos)[0]
        found: list[str] = []
        for _, _, eid in reversed(self.entities.find(self.text[a:pos])):
            if eid not in found:
                found.append(eid)
            if len(found) == 2:
                return tuple(reversed(found))
        return ()


def _paragraphs(original: str) -> list[str]:
    """Paragraphs: runs of lines between blank lines; a run of short lines (headings, datelines,
    list items) is one paragraph per line, a run of long lines is a hard-wrapped paragraph."""
    out: list[str] = []
    for i, run in enumerate(re.split(r"\n\s*\n", original.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n"))):
        lines = [ln for ln in run.split("\n") if ln.strip()]
        if i == 0 and len(lines) <= 3 and not re.search(r"[.!?]\s*$", lines[0] if lines else "."):
            out.extend(lines)  # the title, the outlet and the date: one line each, however long the title
        elif len(lines) > 1 and sum(len(ln) >= 50 for ln in lines[:-1]) >= len(lines[:-1]) * 0.8:
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


# A wire dateline: a city in capitals at the start of a line, then a dash, a colon or ", Mon DD (Agency)".
_DATELINE = re.compile(r"(?m)^([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})(?:\s*[-–—:]|,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b)")

_DATELINE_DAY = re.compile(r"(?m)^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2},\s+(?P<mon>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})"
                           r"\s+\((?:Reuters|AFP|AP|Bloomberg|Xinhua|Kyodo|Yonhap|PTI|dpa)\)")


def _dateline_day(text: str, known: tuple[date, ...]) -> Optional[date]:
    """A wire dateline with no year ("TOKYO, Dec 26 (Reuters) -") dates the story when the corpus holds
    other reports published within RELEASE_DAYS of that day in exactly one year."""
    m = _DATELINE_DAY.search(text)
    month = periods.month_number(m.group("mon")) if m else 0
    if not m or not month:
        return None
    found = set()
    for k in known:
        for y in (k.year - 1, k.year, k.year + 1):
            try:
                d = date(y, month, int(m.group("day")))
            except ValueError:
                continue
            if abs((d - k).days) <= evidence.RELEASE_DAYS:
                found.add(d)
    return found.pop() if len(found) == 1 else None
