"""Reviewed conflicts: relations a person has looked at, kept in ``reviewed.yaml``.

A conflict (a relation of severity error or warning) listed in the reviewed file
with a justification does not fail ``briefcmp check``; an entry that matches no
current conflict is *stale* and does, so the file stays true. A claim may also
acknowledge a conflict inline (``acknowledges: [ID]``), with its ``note`` as
the justification.

Entries are matched by ``Relation.id`` (key + claims, independent of line
numbers). ``review add`` also pins each claim's value as it was when reviewed,
so a later change of a figure makes the review stale instead of silently
covering a different conflict.

Editing (``add_entries``, ``remove_entries``) works on the text, one entry block
at a time: comments and hand formatting of entries it does not touch survive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from briefcmp.corpus import yamlsafe
from briefcmp.corpus.fields import Fields, parse_pdate
from briefcmp.corpus.model import Claim, Corpus, Relation
from briefcmp.corpus.problems import Problem, Problems, Severity, suggest
from briefcmp.corpus.yamlsafe import YList, YMap

REVIEWED_NAME = "reviewed.yaml"
STATUSES = ("accepted", "under-review")
# The relations `check` reports (and that can be reviewed): conflicts between briefs and
# annotation problems, when crossref rates them error or warning. Agreements, changes over
# time and forecasts set against facts are findings of `compare`, not defects of a brief.
CHECKED_KINDS = ("contradiction", "disagreement", "annotation-problem")
CHECKED_SEVERITIES = ("error", "warning")

_FILE_FIELDS = ("format", "conflicts")
_ENTRY_FIELDS = ("id", "key", "claims", "status", "justification", "reviewer", "date", "note")
_REF = re.compile(r"[a-z0-9][a-z0-9._-]*#[a-z0-9][a-z0-9._-]*")  # used with fullmatch
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

TEMPLATE = """\
# Reviewed conflicts of this corpus: contradictions and other conflicts between briefs
# that a person has looked at. `briefcmp check` shows them as reviewed and does not fail
# on them; an entry that no longer matches a conflict is stale and fails the check.
# Edit with `briefcmp review add|prune|list` or by hand: comments are kept.
# status: accepted (the conflict is real and explained) or under-review.
format: 1
conflicts:
"""


class EditError(Exception):
    """The reviewed file cannot be edited safely (exit 2); the file is left unchanged."""


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
        with open(path, "rb") as fh:
            raw = fh.read(yamlsafe.MAX_BYTES + 1)
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
    root = f.mapping(data, (1, 1), "reviewed file")
    if root is None:
        return []
    f.check_keys(root, "reviewed file", _FILE_FIELDS)
    fmt = root.get("format")
    if fmt is not None and fmt != "1":
        problems.error(path, root.mark_of("format"), "format-version",
                       f"reviewed file: format {fmt!r} is not supported by this briefcmp; expected 1")
    items = root.get("conflicts")
    if items is None:
        return []
    if not isinstance(items, YList):
        problems.error(path, root.mark_of("conflicts"), "wrong-type",
                       "reviewed file: conflicts must be a list of entries (- id: ...)")
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
    em = f.mapping(item, mark, "reviewed conflict")
    if em is None:
        return None
    eid = em.get("id") if isinstance(em.get("id"), str) else ""
    where = f"reviewed conflict {eid}" if eid else "reviewed conflict"
    ok = f.check_keys(em, where, _ENTRY_FIELDS, ["id", "claims", "status", "justification", "reviewer", "date"])
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


# --------------------------------------------------------------------------- judging relations


def is_finding(rel: Relation) -> bool:
    """Relations that `check` reports and that can fail it, and so can be reviewed."""
    return rel.kind in CHECKED_KINDS and rel.severity in CHECKED_SEVERITIES


@dataclass(frozen=True)
class Suppression:
    """Why a conflict does not fail the check; ``kind`` as in SARIF: external (file) or inSource (claim)."""

    kind: str
    status: str  # accepted | under-review
    justification: str
    reviewer: str = ""
    date: str = ""
    path: str = ""
    line: int = 0


@dataclass(frozen=True)
class Stale:
    """A reviewed entry that matches no current finding."""

    entry: Entry
    reason: str
    brief_missing: bool = False  # a brief it names is not loaded (deleted, or its claims file is broken)


@dataclass
class Judgement:
    """Relations checked against the reviewed file and the claims' acknowledgements."""

    suppressions: dict[str, Suppression] = field(default_factory=dict)  # relation id -> why it is reviewed
    stale: list[Stale] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


def judge(relations: Iterable[Relation], reviewed: ReviewedFile, corpus: Corpus,
          allow_stale: bool = False, complete: bool = True) -> Judgement:
    """Match reviewed entries and inline acknowledgements to the relations; set ``Relation.reviewed``.

    ``relations`` must be every relation of the loaded corpus (not a focused subset), so that
    an entry is called stale only when nothing matches it. When the corpus was only partly
    loaded (``complete`` False), entries naming a brief that is not loaded are not judged.
    """
    relations = list(relations)
    by_id = {r.id: r for r in relations}
    by_key: dict[str, list[Relation]] = {}
    for r in relations:
        by_key.setdefault(r.key, []).append(r)
    refs = {c.ref: c for c in corpus.claims()}
    loaded = {b.id for b in corpus.briefs}
    out = Judgement()
    stale_severity = Severity.WARNING if allow_stale else Severity.ERROR
    for entry in reviewed.entries:
        rel = by_id.get(entry.id)
        reason = _stale_reason(entry, rel, refs, by_key, loaded)
        if reason is None:
            assert rel is not None
            out.suppressions[rel.id] = Suppression("external", entry.status, entry.justification, entry.reviewer,
                                                   entry.date, reviewed.shown, entry.line)
        elif complete or entry.briefs <= loaded:
            out.stale.append(Stale(entry, reason, not entry.briefs <= loaded))
            out.problems.add(reviewed.shown, (entry.line, entry.col), stale_severity, "review-stale",
                             f"reviewed conflict {entry.id} is stale: {reason}; re-review it "
                             "(`briefcmp review add --replace`) or remove it (`briefcmp review prune`)")
    of_claim: dict[str, list[str]] = {}  # claim ref -> ids of the findings it takes part in
    for r in relations:
        if is_finding(r):
            for c in r.claims:
                of_claim.setdefault(c.ref, []).append(r.id)
    for claim in corpus.claims():
        for ack in claim.acknowledges:
            if not complete and ack not in by_id:  # its partner brief may simply not be loaded
                continue
            _judge_ack(claim, ack, by_id, of_claim.get(claim.ref, []), out, stale_severity)
    for rel in relations:
        sup = out.suppressions.get(rel.id)
        rel.reviewed = sup.status if sup else None
    return out


def apply_reviewed(corpus: Corpus, relations: Iterable[Relation], path: Optional[Path] = None,
                   allow_stale: bool = False, complete: bool = True) -> tuple[ReviewedFile, Judgement]:
    """Load the corpus's reviewed file (default ``<root>/reviewed.yaml``) and judge the relations.

    ``complete`` is False when only some claims files of the corpus were loaded.
    """
    from briefcmp.corpus.load import display_path

    path = Path(path) if path is not None else Path(corpus.root) / REVIEWED_NAME
    reviewed = load_reviewed(path, display_path(path))
    return reviewed, judge(relations, reviewed, corpus, allow_stale, complete)


def _stale_reason(entry: Entry, rel: Optional[Relation], refs: dict[str, Claim],
                  by_key: dict[str, list[Relation]], loaded: set[str]) -> Optional[str]:
    """None when the entry matches a current finding; else why not, in words."""
    absent = sorted(entry.briefs - loaded)
    if absent:
        return (f"brief {', '.join(absent)} is not in the corpus (its claims file is gone, "
                "or has errors that keep it from loading)")
    missing = [r for r in entry.claims if r not in refs]
    if missing:
        return f"claim {missing[0]} no longer exists" + (f" (nor {', '.join(missing[1:])})" if missing[1:] else "")
    if rel is None:
        key = entry.key or entry.id.partition(":")[0]
        mine = set(entry.claims)
        parts = entry.id.split(":")
        kind = parts[-2] if len(parts) >= 3 else ""  # crossref ids read KEY:KIND:HASH
        overlap = [r for r in by_key.get(key, []) if is_finding(r) and (not kind or r.kind == kind)
                   and mine & {c.ref for c in r.claims}]
        if overlap:
            now = sorted(c.ref for c in overlap[0].claims)
            return f"the {overlap[0].kind} now involves {', '.join(now)} (id {overlap[0].id}); review that one"
        same = [r for r in by_key.get(key, []) if {c.ref for c in r.claims} == mine]
        if same:
            return f"these claims are no longer in conflict (now: {', '.join(sorted({r.kind for r in same}))})"
        claims = [refs[r] for r in entry.claims]
        keys = sorted({c.key or "(no key)" for c in claims})
        if keys != [key]:
            return f"the claims no longer share key {key} (now: {', '.join(keys)})"
        return "no current relation has this id"
    if not is_finding(rel):
        return f"the claims are no longer in conflict (now: {rel.kind})"
    if entry.key and rel.key != entry.key:
        return f'it names key "{entry.key}" but the relation is on key "{rel.key}"'
    if set(entry.claims) != {c.ref for c in rel.claims}:
        return "its claims are not the relation's: " + ", ".join(sorted(c.ref for c in rel.claims))
    if entry.values is not None:
        for ref, pinned in entry.values.items():
            now = pin(refs[ref])
            if now != pinned:
                return f'{ref} changed since the review: it was "{pinned}", now "{now}"'
    return None


def _judge_ack(claim: Claim, ack: str, by_id: dict[str, Relation], mine: list[str], out: Judgement,
               stale: Severity) -> None:
    rel = by_id.get(ack)
    where = (claim.line, claim.col)
    if rel is None or ack not in mine:
        hint = suggest(ack, mine) or (f" (its conflicts: {', '.join(mine)})" if mine else "")
        out.problems.add(claim.path, where, stale, "acknowledgement-stale",
                         f"claim {claim.id}: acknowledges {ack}, which matches no current conflict of this claim"
                         f"{hint}")
        return
    if not claim.note.strip():
        out.problems.error(claim.path, where, "acknowledgement-unjustified",
                           f"claim {claim.id}: acknowledges {ack} but has no note: saying why the conflict "
                           "is acceptable; it is not treated as reviewed until it has one")
        return
    out.suppressions.setdefault(rel.id, Suppression("inSource", "accepted", claim.note.strip(), "", "",
                                                    claim.path, claim.line))


# --------------------------------------------------------------------------- relations as problems


def in_focus(rel: Relation, focus: Optional[set[str]]) -> bool:
    """Does the relation involve a brief being checked? (``focus`` None: every brief is.)"""
    return focus is None or any(c.brief in focus for c in rel.claims)


def primary(rel: Relation, focus: Optional[set[str]] = None) -> tuple[Claim, list[Claim]]:
    """The claim a finding is reported at (a focused one, first by file and line), and the others."""
    ordered = sorted(rel.claims, key=lambda c: (focus is not None and c.brief not in focus, c.path, c.line, c.ref))
    return ordered[0], ordered[1:]


def relation_message(rel: Relation, focus: Optional[set[str]] = None,
                     suppression: Optional[Suppression] = None) -> str:
    """One line about a relation: kind, key, explanation, the other claims and where they are."""
    if suppression is not None:  # settled: one short line; `review list` and `compare` have the detail
        s = suppression
        why = " ".join(s.justification.split())
        if s.kind == "inSource":
            return f"acknowledged {rel.kind} on key {rel.key} (id {rel.id}) in the claims file: {why}"
        who = (f" by {s.reviewer}" if s.reviewer else "") + (f" on {s.date}" if s.date else "")
        return f"reviewed {rel.kind} on key {rel.key} (id {rel.id}): {s.status}{who}: {why}"
    first, others = primary(rel, focus)
    text = f"{rel.kind} on key {rel.key}: {rel.explanation.strip()}"
    if others:
        text += f"; this claim is {first.ref}; the others: " + ", ".join(f"{c.ref} ({c.path}:{c.line})" for c in others)
    return text + f"; id {rel.id}"


def relation_problems(relations: Iterable[Relation], judgement: Judgement, focus: Optional[set[str]] = None,
                      show_reviewed: bool = True) -> list[Problem]:
    """Focused conflicts as problems: unreviewed ones at their severity, reviewed ones as info."""
    out: list[Problem] = []
    for rel in relations:
        if not is_finding(rel) or not in_focus(rel, focus):
            continue
        sup = judgement.suppressions.get(rel.id)
        if sup is not None and not show_reviewed:
            continue
        first, _ = primary(rel, focus)
        severity = Severity.INFO if sup else Severity.parse(rel.severity)
        out.append(Problem(first.path, first.line, first.col, severity, relation_message(rel, focus, sup), rel.kind))
    return out


# --------------------------------------------------------------------------- writing YAML scalars

# Plain scalars are used only when every YAML reader takes them as this exact string.
_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/#+()'-]*$")
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_LOOKS_NUMERIC = re.compile(r"^[-+.\d][\dxXoOa-fA-F_.:+-]*$")
# What YAML allows unescaped inside double quotes on one line (no line breaks such as U+2028, no BOM).
_PRINTABLE = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when unambiguous, else double-quoted with escapes."""
    if (_PLAIN.fullmatch(text) and not text.endswith(" ") and " #" not in text and "  " not in text
            and text.lower() not in _YAML11_WORDS and not _LOOKS_NUMERIC.fullmatch(text)):
        return text
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif _PRINTABLE.match(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    out.append('"')
    return "".join(out)


def render_entry(entry: Entry, dash_indent: int = 2, key_indent: int = 4, newline: str = "\n") -> str:
    """The text of one entry block, as ``review add`` writes it."""
    pad, sub = " " * key_indent, " " * (key_indent + 2)
    lines = [f"{' ' * dash_indent}-{' ' * (key_indent - dash_indent - 1)}id: {scalar(entry.id)}"]
    if entry.key:
        lines.append(f"{pad}key: {scalar(entry.key)}")
    if entry.values is not None:
        lines.append(f"{pad}claims:")
        lines += [f"{sub}{scalar(ref)}: {scalar(entry.values[ref])}" for ref in entry.claims]
    else:
        lines.append(f"{pad}claims: [{', '.join(scalar(r) for r in entry.claims)}]")
    lines.append(f"{pad}status: {entry.status}")
    lines.append(f"{pad}justification: {scalar(entry.justification)}")
    lines.append(f"{pad}reviewer: {scalar(entry.reviewer)}")
    lines.append(f"{pad}date: {entry.date}")
    if entry.note:
        lines.append(f"{pad}note: {scalar(entry.note)}")
    return "".join(line + newline for line in lines)


# --------------------------------------------------------------------------- editing the file


@dataclass
class _Block:
    id: str
    gap: list[str]  # blank and comment lines before the entry (its leading comments)
    body: list[str]  # the entry's own lines, from its dash


@dataclass
class _Layout:
    head: list[str]
    blocks: list[_Block]
    tail: list[str]
    dash_indent: int = 2
    key_indent: int = 4
    blank_between: bool = True
    newline: str = "\n"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_blank(line: str) -> bool:
    return not line.strip()


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _layout(rf: ReviewedFile) -> _Layout:
    """Split the file into head, entry blocks and tail; EditError when that is not safe."""
    if not rf.exists or not rf.text.strip():
        return _Layout(TEMPLATE.splitlines(keepends=True), [], [])
    if rf.problems:
        first = rf.problems[0]
        raise EditError(f"{rf.shown} has problems; fix them first (e.g. {first.format()})")
    lines = rf.text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    root = rf.data
    assert isinstance(root, YMap)
    if "conflicts" not in root:
        return _Layout(lines + [f"conflicts:{newline}"], [], [], newline=newline)
    key_line = root.key_marks["conflicts"][0] - 1
    items = root["conflicts"]
    if not isinstance(items, YList) or not items:
        head = lines[:key_line] + [_empty_list_line(lines[key_line], newline, rf)]
        return _Layout(head, [], lines[key_line + 1:], newline=newline)
    row, col = items.mark
    if lines[row - 1][col - 1:col] != "-":
        raise EditError(f"{rf.shown}:{row}:{col}: conflicts is written in flow style [...]; "
                        "write it as a block list (one '- id: ...' per entry) so briefcmp can edit it")
    dash = col - 1
    dash_rows = [_dash_row(lines, r - 1, dash, rf) for r, _ in items.item_marks]
    key_indent = items.item_marks[0][1] - 1
    ends = []
    for i, d in enumerate(dash_rows):
        limit = dash_rows[i + 1] if i + 1 < len(dash_rows) else _region_end(lines, d, dash)
        end = limit
        while end > d + 1 and (_is_blank(lines[end - 1]) or (_is_comment(lines[end - 1])
                                                            and _indent(lines[end - 1]) <= dash)):
            end -= 1
        ends.append(end)
    start0 = dash_rows[0]
    while start0 > key_line + 1 and _is_comment(lines[start0 - 1]):
        start0 -= 1
    blocks = []
    for i, (d, end) in enumerate(zip(dash_rows, ends)):
        gap_start = start0 if i == 0 else ends[i - 1]
        blocks.append(_Block(items[i]["id"], lines[gap_start:d], lines[d:end]))
    blank = sum(1 for b in blocks[1:] if b.gap and _is_blank(b.gap[0]))
    return _Layout(lines[:start0], blocks, lines[ends[-1]:], dash, key_indent,
                   blank_between=blank * 2 >= len(blocks) - 1 if len(blocks) > 1 else True, newline=newline)


def _empty_list_line(line: str, newline: str, rf: ReviewedFile) -> str:
    """``conflicts: []`` / ``conflicts: ~`` / ``conflicts:`` -> ``conflicts:`` (keeping a comment)."""
    head, _, rest = line.partition(":")
    value, hash_, comment = rest.partition("#")
    if value.strip() not in ("", "~", "null", "Null", "NULL", "[]"):
        raise EditError(f"{rf.shown}: cannot edit the line {line.strip()!r}; write conflicts: as a block list")
    return f"{head}:" + (f"  #{comment.rstrip()}" if hash_ else "") + newline


def _dash_row(lines: list[str], row: int, dash: int, rf: ReviewedFile) -> int:
    """The line of an item's ``-`` (the item's content may start on a later line)."""
    for r in range(row, -1, -1):
        line = lines[r]
        if line[dash:dash + 1] == "-" and not line[:dash].strip():
            return r
    raise EditError(f"{rf.shown}:{row + 1}: cannot find the start of this entry")


def _region_end(lines: list[str], last_dash: int, dash: int) -> int:
    """The first line after the list: a line less indented than the items, or a sibling key."""
    for r in range(last_dash + 1, len(lines)):
        line = lines[r]
        if _is_blank(line) or _is_comment(line):
            continue
        ind = _indent(line)
        if ind < dash or (ind == dash and not line.lstrip().startswith("-")):
            return r
    return len(lines)


def _assemble(layout: _Layout, blocks: list[_Block]) -> str:
    out = list(layout.head)
    for i, b in enumerate(sorted(blocks, key=lambda b: b.id)):
        gap = list(b.gap)
        while i == 0 and gap and _is_blank(gap[0]):  # no blank line right after "conflicts:"
            gap.pop(0)
        if i and layout.blank_between and not (gap and _is_blank(gap[0])):
            gap.insert(0, layout.newline)
        out += gap + b.body
    return "".join(out + layout.tail)


def _rewrite(rf: ReviewedFile, blocks: list[_Block], layout: _Layout, expect: dict[str, Optional[Entry]]) -> str:
    """Assemble the new text and prove, by parsing it, that only the intended entries changed."""
    text = _assemble(layout, blocks)
    problems = Problems()
    data = yamlsafe.parse(text, rf.shown, problems)
    entries = parse_reviewed(data, rf.shown, problems) if data is not None else []
    got = {e.id: e for e in entries}
    ok = not problems and sorted(got) == sorted(expect)
    for eid, want in expect.items():
        if ok and want is not None:
            have = got[eid]
            ok = (have.status, have.justification, have.reviewer, have.date, have.claims, have.values, have.key,
                  have.note) == (want.status, want.justification, want.reviewer, want.date, want.claims,
                                 want.values, want.key, want.note)
    if not ok:
        detail = problems[0].format() if problems else "the entries would not read back as written"
        raise EditError(f"{rf.shown}: cannot edit this file safely ({detail}); it was left unchanged")
    return text


def add_entries(rf: ReviewedFile, new: list[Entry], replace: bool = False) -> str:
    """The file's text with ``new`` entries added (sorted by id); EditError if one exists and not ``replace``."""
    layout = _layout(rf)
    old = {e.id: e for e in rf.entries}
    by_id = {b.id: b for b in layout.blocks}
    for e in new:
        if e.id in old and not replace:
            raise EditError(f"{rf.shown}:{old[e.id].line}: {e.id} is already reviewed; "
                            "use --replace to review it again")
    expect: dict[str, Optional[Entry]] = dict(old)
    for e in new:
        text = render_entry(e, layout.dash_indent, layout.key_indent, layout.newline)
        gap = by_id[e.id].gap if e.id in by_id else []
        by_id[e.id] = _Block(e.id, gap, text.splitlines(keepends=True))
        expect[e.id] = e
    return _rewrite(rf, list(by_id.values()), layout, expect)


def remove_entries(rf: ReviewedFile, ids: Iterable[str]) -> str:
    """The file's text without the entries ``ids`` (their leading comments go with them)."""
    ids = set(ids)
    layout = _layout(rf)
    blocks = [b for b in layout.blocks if b.id not in ids]
    expect: dict[str, Optional[Entry]] = {e.id: e for e in rf.entries if e.id not in ids}
    return _rewrite(rf, blocks, layout, expect)


# --------------------------------------------------------------------------- review add / list


def new_entry(rel: Relation, status: str, justification: str, reviewer: str, day: str) -> Entry:
    """The entry ``review add`` writes for a relation, pinning each claim's current value."""
    claims = sorted(rel.claims, key=lambda c: c.ref)
    return Entry(rel.id, status, justification.strip(), reviewer.strip(), day,
                 tuple(c.ref for c in claims), {c.ref: pin(c) for c in claims}, key=rel.key)


def listing(rf: ReviewedFile, judgement: Judgement, relations: Iterable[Relation]) -> dict:
    """What ``review list`` shows, as plain data: every entry (and whether it is stale), every unreviewed finding."""
    stale = {s.entry.id: s.reason for s in judgement.stale}
    entries = [{"id": e.id, "status": e.status, "key": e.key, "claims": list(e.claims),
                "justification": e.justification, "reviewer": e.reviewer, "date": e.date,
                "line": e.line, "stale": stale.get(e.id)} for e in rf.entries]
    unreviewed = [{"id": r.id, "kind": r.kind, "severity": r.severity, "key": r.key,
                   "claims": [c.ref for c in r.claims], "explanation": r.explanation}
                  for r in relations if is_finding(r) and r.id not in judgement.suppressions]
    inline = [{"id": rid, "path": s.path, "line": s.line, "justification": s.justification}
              for rid, s in sorted(judgement.suppressions.items()) if s.kind == "inSource"]
    return {"file": rf.shown, "exists": rf.exists, "entries": entries, "acknowledged": inline,
            "unreviewed": unreviewed}


def format_listing(data: dict) -> str:
    """``review list`` as plain text: one block per entry, then the unreviewed findings."""
    entries, unreviewed = data["entries"], data["unreviewed"]
    stale = sum(1 for e in entries if e["stale"])
    out = [f"{data['file']}: {len(entries)} reviewed ({stale} stale), "
           f"{len(data['acknowledged'])} acknowledged inline, {len(unreviewed)} unreviewed"]
    for e in entries:
        out.append(f"{'STALE ' if e['stale'] else ''}{e['status']}  {e['id']}  ({e['reviewer']}, {e['date']})")
        out.append(f"    claims: {', '.join(e['claims'])}")
        out.append(f"    justification: {' '.join(e['justification'].split())}")
        if e["stale"]:
            out.append(f"    stale: {e['stale']}")
    for a in data["acknowledged"]:
        out.append(f"acknowledged  {a['id']}  ({a['path']}:{a['line']})")
        out.append(f"    justification: {' '.join(a['justification'].split())}")
    for r in unreviewed:
        out.append(f"unreviewed {r['kind']}  {r['id']}")
        out.append(f"    {' '.join(r['explanation'].split())}")
    return "".join(line + "\n" for line in out)
