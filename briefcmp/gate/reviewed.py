"""The reviewed-conflicts file (reviewed.yaml): its entries, parsed with located problems, and
the values each reviewed claim had (pinned) when the review was made."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from briefcmp.corpus import yamlsafe
from briefcmp.corpus.files import read_regular
from briefcmp.corpus.fields import Fields, parse_pdate
from briefcmp.corpus.model import Claim
from briefcmp.corpus.problems import Problems
from briefcmp.corpus.yamlsafe import YList, YMap

REVIEWED_NAME = "reviewed.yaml"
STATUSES = ("accepted", "under-review")

_ENTRY_FIELDS = ("id", "key", "claims", "status", "justification", "reviewer", "date", "note")
_REF = re.compile(r"[a-z0-9][a-z0-9._-]*#[a-z0-9][a-z0-9._-]*")  # used with fullmatch

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# --------------------------------------------------------------------------- the file


@dataclass
class Entry:
    """One reviewed conflict."""

    id: str
    status: str
    justification: str
    reviewer: str
    date: str
    claims: tuple[str, ...] = ()  # brief#claim refs
    values: Optional[dict[str, str]] = None  # ref -> pinned value; None when claims are a plain list
    key: str = ""
    note: str = ""
    line: int = 0
    col: int = 0

    @property
    def briefs(self) -> set[str]:
        return {ref.partition("#")[0] for ref in self.claims}


@dataclass
class ReviewedFile:
    """A loaded reviewed file: its entries, its problems, and its text for editing."""

    path: Path
    shown: str  # as shown in messages
    exists: bool = False
    entries: list[Entry] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    text: str = ""
    data: object = None  # the parsed document (YMap), for locating entry blocks

    def entry(self, entry_id: str) -> Optional[Entry]:
        return next((e for e in self.entries if e.id == entry_id), None)


def load_reviewed(path: Path, shown: Optional[str] = None) -> ReviewedFile:
    """Read and validate a reviewed file; a missing file is an empty one. Never raises on bad content."""
    shown = shown or str(path)
    rf = ReviewedFile(Path(path), shown)
    try:
        raw = read_regular(path, yamlsafe.MAX_BYTES, allow_larger=True)  # never a FIFO or a device
    except FileNotFoundError:
        return rf
    except OSError as exc:
        rf.exists = True
        rf.problems.error(shown, (0, 0), "unreadable", f"cannot read file: {exc.strerror}")
        return rf
    rf.exists = True
    text = yamlsafe.decode(raw, shown, rf.problems)
    if text is None:
        return rf
    rf.text = text
    rf.data = yamlsafe.parse(text, shown, rf.problems)
    if rf.data is not None:
        rf.entries = parse_reviewed(rf.data, shown, rf.problems)
    return rf


def parse_reviewed(data: object, path: str, problems: Problems) -> list[Entry]:
    """Validate a parsed reviewed document into entries (invalid entries are reported and left out)."""
    f = Fields(path, problems)
    items = f.entry_list(data, "reviewed file", "conflicts")
    if items is None:
        return []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for item, mark in zip(items, items.item_marks):
        entry = _parse_entry(f, item, mark)
        if entry is None:
            continue
        if entry.id in seen:
            problems.error(path, mark, "duplicate-id",
                           f'reviewed conflict "{entry.id}" is listed twice (first at line {seen[entry.id]})')
            continue
        seen[entry.id] = mark[0]
        entries.append(entry)
    return entries


def _parse_entry(f: Fields, item: object, mark) -> Optional[Entry]:
    head = f.entry(item, mark, "reviewed conflict", _ENTRY_FIELDS,
                   ["id", "claims", "status", "justification", "reviewer", "date"])
    if head is None:
        return None
    em, eid, where, ok = head
    status = f.choice(em, "status", where, STATUSES)
    justification = f.string(em, "justification", where).strip()
    reviewer = f.string(em, "reviewer", where).strip()
    if ok and not justification:
        f.problems.error(f.path, em.mark_of("justification"), "missing-field",
                         f"{where}: the justification is empty; say why this conflict is acceptable")
        ok = False
    if ok and not reviewer:
        f.problems.error(f.path, em.mark_of("reviewer"), "missing-field", f"{where}: the reviewer is empty")
        ok = False
    day = f.string(em, "date", where)
    if day and (not _DAY.fullmatch(day) or parse_pdate(day) is None):
        f.problems.error(f.path, em.mark_of("date"), "bad-date",
                         f"{where}: date {day!r} is not a valid date; expected YYYY-MM-DD")
        ok = False
    claims, values = _entry_claims(f, em, where)
    if claims is None or not status or not ok:
        return None
    return Entry(eid, status, justification, reviewer, day, claims, values,
                 key=f.string(em, "key", where), note=f.string(em, "note", where), line=mark[0], col=mark[1])


def _entry_claims(f: Fields, em: YMap, where: str) -> tuple[Optional[tuple[str, ...]], Optional[dict[str, str]]]:
    """``claims`` is a list of refs, or a mapping ref -> value pinned at review time."""
    value = em.get("claims")
    values: Optional[dict[str, str]] = None
    if isinstance(value, YMap):
        values = {}
        for ref, pinned in value.items():
            if pinned is not None and not isinstance(pinned, str):
                f.problems.error(f.path, value.mark_of(ref), "wrong-type",
                                 f"{where}: the pinned value of {ref} must be text")
                return None, None
            values[ref] = pinned or ""
        refs = list(values)
        marks = [value.key_marks[r] for r in refs]
    elif isinstance(value, (YList, str)):
        refs = list(f.strings(em, "claims", where))
        marks = list(value.item_marks) if isinstance(value, YList) else [em.mark_of("claims")]
    else:
        if value is not None:
            f.problems.error(f.path, em.mark_of("claims"), "wrong-type",
                             f"{where}: claims must be a list of brief#claim refs or a mapping ref: value")
        return None, None
    for ref, mark in zip(refs, marks):
        if not _REF.fullmatch(ref):
            f.problems.error(f.path, mark, "bad-value",
                             f'{where}: "{ref}" is not a claim ref; expected brief-id#claim-id')
            return None, None
    if not refs:
        f.problems.error(f.path, em.mark_of("claims"), "bad-value", f"{where}: claims is empty")
        return None, None
    return tuple(refs), values


# --------------------------------------------------------------------------- pinned values


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else format(x, ".12g")


def pin(claim: Claim) -> str:
    """A claim's value and period as recorded in a review: stable text, independent of display code."""
    v = claim.value
    parts: list[str] = []
    if v is not None:
        if v.type == "quantity":
            amount = _num(v.amount) if v.amount is not None else "?"
            if v.upper is not None:
                amount += f"-{_num(v.upper)}"
            parts.append(" ".join(p for p in (amount, v.scale, v.unit) if p))
            if v.bound != "exact":
                parts.append(f"({v.bound})")
        elif v.type == "rank":
            parts.append(f"rank {_num(v.amount or 0)}" + (f" of {v.unit}" if v.unit else ""))
        elif v.type == "date":
            parts.append(str(v.date))
        elif v.type == "stance":
            parts.append(v.stance)
        else:
            parts.append(v.category)
    if claim.as_of is not None:
        parts.append(f"as of {claim.as_of}")
    return " ".join(parts)


