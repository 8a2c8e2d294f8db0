"""Editing reviewed.yaml as text, one entry block at a time: comments and hand formatting of
entries it does not touch survive; the result is re-parsed before it is written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from briefcmp.corpus import yamlsafe
from briefcmp.corpus.problems import Problems
from briefcmp.corpus.yamlsafe import YList, YMap
from briefcmp.gate.reviewed import Entry, ReviewedFile, parse_reviewed

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


