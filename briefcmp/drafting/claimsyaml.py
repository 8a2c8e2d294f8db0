"""Claims files as YAML text: scalars, values and claims written the way a person would, and
appending drafts to an existing file without touching what is there."""

from __future__ import annotations

import json
import re
from typing import Iterable

from briefcmp.corpus.fields import plain_number
from briefcmp.corpus.model import Value
from briefcmp.drafting.draft import Draft, DraftClaim, fingerprint

SCHEMA_MODELINE = "# yaml-language-server: $schema=schemas/claims.schema.json"


class AnnotateError(Exception):
    """The draft cannot be made or written (unreadable source, unusable claims file): exit 2."""


# --------------------------------------------------------------------------- YAML text

_PLAIN_FLOW = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._'/-]*$")
_RESERVED = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|"
                       r"null|Null|NULL|~|[-+]?[0-9][0-9_,.:eE+-]*|\.inf|\.nan)$")


# YAML's printable characters, less the ones PyYAML reads as line breaks (NEL, LS, PS) and the BOM.
_NONPRINTABLE = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_ESCAPE = re.compile("[\"\\\\\t]|" + _NONPRINTABLE.pattern)


# Terminal escape sequences (CSI "ESC [ ... m", OSC "ESC ] ... BEL", other ESC pairs), then any other
# control character `check` refuses: text drafted from a source (its title, publisher) holds none.
_ESCAPE_SEQUENCE = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(s: str) -> str:
    """Drafted text that is not a quote, without escape sequences or control characters (spaces collapsed)."""
    if _CONTROL.search(s) is None:
        return s
    return " ".join(_CONTROL.sub(" ", _ESCAPE_SEQUENCE.sub("", s)).split())


def _printable(s: str) -> bool:
    return not _NONPRINTABLE.search(s)


def yaml_scalar(s: str, indent: int = 0, used: int = 0, flow: bool = False, width: int = 100) -> str:
    """A YAML scalar that reads back as exactly ``s``: plain, folded (``>-``) or double-quoted.

    ``indent`` is the indentation of the key the scalar belongs to (a folded block is
    indented two more); ``used`` is the column the value starts at, for the width.
    """
    if flow:
        if _PLAIN_FLOW.match(s) and not _RESERVED.match(s) and not s.endswith(" "):
            return s
        return _double_quoted(s)
    simple = (s and s == s.strip() and (s[0].isalnum() or s[0] == "(") and not _RESERVED.match(s)
              and ": " not in s and " #" not in s and not s.endswith(":") and "\t" not in s and _printable(s))
    if simple and used + len(s) <= width:
        return s
    quoted = _double_quoted(s)
    if used + len(quoted) <= width:
        return quoted
    if s and _printable(s) and s == s.strip() and "  " not in s and "\t" not in s:
        return ">-\n" + _fold(s, indent + 2, width)
    return quoted


def _double_quoted(s: str) -> str:
    def escape(m: re.Match) -> str:
        c = m.group()
        if c in "\"\\":
            return "\\" + c
        return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"

    return '"' + _ESCAPE.sub(escape, s) + '"'


def _fold(s: str, indent: int, width: int) -> str:
    """Lines of a folded block scalar; folding a line break gives back the single space."""
    pad = " " * indent
    lines, line = [], ""
    for word in s.split(" "):
        if line and indent + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    # An empty "word" (never produced: runs of spaces are not folded) would change the text.
    return "\n".join(pad + l for l in lines)


def _flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i, flow=True) for i in items) + "]"


def value_yaml(v: Value) -> str:
    """A value as a one-line flow mapping: {amount: 20, scale: billion, unit: USD, bound: approximate}."""
    num = plain_number  # what `check` reads back: every digit, no exponent

    parts: list[tuple[str, str]] = []
    if v.type == "quantity":
        parts.append(("amount", num(v.amount or 0.0)))
        if v.upper is not None:
            parts.append(("upper", num(v.upper)))
        if v.scale:
            parts.append(("scale", v.scale))
        if v.unit:
            parts.append(("unit", v.unit))
        if v.bound != "exact":
            parts.append(("bound", v.bound))
    elif v.type == "rank":
        parts.append(("rank", num(v.amount or 1)))
        if v.unit:
            parts.append(("of", v.unit))
    elif v.type == "date":
        parts.append(("date", str(v.date)))
    elif v.type == "stance":
        parts.append(("stance", v.stance))
    else:
        parts.append(("category", v.category))
    if v.type == "quantity" and v.alternates:  # "9.1 trillion yen ($64 billion)": its other expressions
        parts.append(("alternates", "[" + ", ".join(value_yaml(e) for e in v.expressions()[1:]) + "]"))
    # "yes" and "no" must stay strings (plain, YAML 1.1 reads them as booleans): quoted like units
    return "{" + ", ".join(f"{k}: {yaml_scalar(x, flow=True) if k in ('of', 'unit', 'category', 'stance') else x}"
                           for k, x in parts) + "}"


def claim_yaml(c: DraftClaim, indent: int = 2) -> str:
    """One drafted claim as a YAML list item at ``indent``."""
    pad = " " * (indent + 2)
    what = "statement" if c.value is not None and c.value.type in ("category", "stance") else "figure"
    note = f"  # {what}: {json.dumps(c.phrase, ensure_ascii=False)}" if c.phrase and _printable(c.phrase) else ""
    lines = [f"{' ' * indent}- id: {c.id}{note}", f"{pad}status: draft"]
    if c.key:
        lines.append(f"{pad}key: {c.key}")
    elif c.key_held and _printable(c.key_held):
        lines.append(f"{pad}# key: {c.key_held_id}  (suggested, not set: its value would be a {c.key_held})")
    if c.note and _printable(c.note) and "\n" not in c.note:
        lines.append(f"{pad}# ambiguous number: {c.note}")
    lines.append(f"{pad}kind: {c.kind}")
    if c.topics:
        lines.append(f"{pad}topics: {_flow_list(c.topics)}")
    if c.subjects:
        lines.append(f"{pad}subjects: {_flow_list(c.subjects)}")
    if c.prefix:
        lines.append(f"{pad}prefix: {yaml_scalar(c.prefix, indent + 2, indent + 10)}")
    lines.append(f"{pad}quote: {yaml_scalar(c.quote, indent + 2, indent + 9)}")
    if c.suffix:
        lines.append(f"{pad}suffix: {yaml_scalar(c.suffix, indent + 2, indent + 10)}")
    if c.value is not None:
        lines.append(f"{pad}value: {value_yaml(c.value)}")
    if c.as_of is not None:
        lines.append(f"{pad}as_of: {c.as_of}")
    if getattr(c, "cites", ""):
        lines.append(f"{pad}cites: {yaml_scalar(c.cites, indent + 2, indent + 9)}")
    return "\n".join(lines) + "\n"


def render_draft(draft: Draft) -> str:
    """The whole claims file for a new draft."""
    m = draft.meta
    out = [SCHEMA_MODELINE,
           "# Drafted by `briefcmp annotate`: every claim is `status: draft` until a person reviews it",
           "# (check the quote, value, as_of, topics, subjects and key; then delete the status line).",
           "format: 1", "brief:", f"  id: {m.id}", f"  title: {yaml_scalar(clean_text(m.title) or m.id, 2, 9)}"]
    if clean_text(m.publisher):
        out.append(f"  publisher: {yaml_scalar(clean_text(m.publisher), 2, 13)}")
    if m.published:
        out.append(f"  published: {m.published}")
    elif m.reference:
        out.append(f"  # published: {m.reference}   (not stated in the text; dates without a year were "
                   f"completed from {m.reference_from})")
    if m.language:
        out.append(f"  language: {m.language}")
    out.append(f"  source: {yaml_scalar(m.source, 2, 10)}")
    out.append(f"  source_sha256: {m.source_sha256}")
    if not draft.claims:
        out.append("claims: []")
        return "\n".join(out) + "\n"
    out[3:3] = [DRAFTED_NOTE]
    out.append("claims:")
    return add_drafted_lines("\n".join(out) + "\n" + "".join(claim_yaml(c) for c in draft.claims), draft.claims)


# The figures `annotate` drafted, as comment lines the user leaves in place: a drafted claim the
# user deletes is rejected, and `annotate --update` never drafts it again.
DRAFTED_NOTE = ("# Delete a draft you reject: `annotate --update` never re-adds a figure listed on a "
                "briefcmp-drafted line (at the end).")
DRAFTED_LINE = re.compile(r"^#\s*briefcmp-drafted:(.*)$", re.M)


def drafted_lines(claims: Iterable[DraftClaim], newline: str = "\n") -> list[str]:
    prints = [fingerprint(c) for c in claims]
    return ["# briefcmp-drafted: " + " ".join(prints[i:i + 8]) for i in range(0, len(prints), 8)]


def drafted_before(text: str) -> set[str]:
    """Fingerprints of the figures drafted into this claims file before."""
    return {fp for m in DRAFTED_LINE.finditer(text) for fp in m.group(1).split()}


def add_drafted_lines(text: str, claims: list[DraftClaim]) -> str:
    """``text`` with the new drafts' fingerprints on comment lines at its end; every existing
    line stays as it is."""
    if not claims:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    added = "".join(line + newline for line in drafted_lines(claims))
    lines = text.splitlines(keepends=True)
    end = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].rstrip() == "..."), None)
    if end is not None:  # before the document-end marker: whatever follows it stays last
        return "".join(lines[:end]) + added + "".join(lines[end:])
    sep = "" if not text or text.endswith(("\n", "\r")) else newline
    return text + sep + added


def refresh_sha(text: str, sha: str) -> str:
    """``text`` with its brief's source_sha256 set to ``sha`` (the one line changes, or is added after source:)."""
    m = re.search(r"^(\s+source_sha256:\s*)(\S*)([ \t]*(?:#.*)?)$", text, re.M)
    if m:
        return text[:m.start(2)] + sha + text[m.end(2):]
    m = re.search(r"^(\s+)source:.*$", text, re.M)
    if not m:
        return text
    newline = "\r\n" if "\r\n" in text else "\n"
    end = m.end() + (1 if text[m.end():m.end() + 1] == "\r" else 0)
    return text[:end] + newline + f"{m.group(1)}source_sha256: {sha}" + text[end:]


def append_to_claims_file(existing: str, claims: list[DraftClaim]) -> str:
    """``existing`` with ``claims`` added to its ``claims:`` list; existing text is kept byte for byte.

    New items go after the last item of the list (before any later top-level key and
    before a ``...`` or ``---`` document marker), with the list's own indentation and line
    endings. ``claims: []`` (or an empty ``claims:``) is the one line that changes: it
    becomes ``claims:``. The result is parsed again before it is returned: a file that would
    no longer parse, or would not hold exactly the old claims plus the new ones, is an
    ``AnnotateError`` and nothing is written.
    """
    if not claims:
        return existing
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.problems import Problems

    new_text = _append(existing, claims)
    before = yamlsafe.parse(existing, "claims file", Problems())
    problems = Problems()
    after = yamlsafe.parse(new_text, "claims file", problems)

    def count(data: object) -> int:
        items = data.get("claims") if isinstance(data, yamlsafe.YMap) else None
        return len(items) if isinstance(items, yamlsafe.YList) else 0

    if after is None or not isinstance(after, yamlsafe.YMap) or count(after) != count(before) + len(claims):
        why = "; ".join(p.format() for p in problems) or "the claims list would not hold the new claims"
        raise AnnotateError(f"cannot add the drafts to this file without breaking it ({why}); nothing was written")
    return new_text


def _end_of_document(lines: list[str], start: int) -> int:
    """The index of the first ``...``/``---`` document marker at or after ``start`` (or len(lines))."""
    for i in range(start, len(lines)):
        if re.match(r"(\.\.\.|---)(\s|$)", lines[i]):
            return i
    return len(lines)


def _append(existing: str, claims: list[DraftClaim]) -> str:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.problems import Problems

    problems = Problems()
    data = yamlsafe.parse(existing, "claims file", problems)
    if data is None or not isinstance(data, yamlsafe.YMap):
        raise AnnotateError("the claims file is not a YAML mapping: " + "; ".join(p.format() for p in problems))
    newline = "\r\n" if "\r\n" in existing else "\n"
    lines = existing.splitlines(keepends=True)
    claims_value = data.get("claims")
    if "claims" in data and claims_value is not None and not isinstance(claims_value, yamlsafe.YList):
        raise AnnotateError("claims: is not a list")
    top_keys = sorted((mark[0], key) for key, mark in data.key_marks.items())
    if "claims" not in data:
        body = "claims:" + newline + _items(claims, 2, newline)
        end = _end_of_document(lines, max(line for line, _ in top_keys) if top_keys else 0)
        head, tail = "".join(lines[:end]), "".join(lines[end:])
        sep = "" if not head or head.endswith(("\n", "\r")) else newline
        return head + sep + body + tail
    claims_line = data.key_marks["claims"][0]
    later = [line for line, key in top_keys if line > claims_line]
    items = claims_value if isinstance(claims_value, yamlsafe.YList) else None
    if items is None or not items.item_marks:
        # "claims:" with nothing, or "claims: []": the one line that has to change.
        idx = claims_line - 1
        line = lines[idx]
        m = re.match(r"^(\s*claims\s*:)\s*(?:\[\s*\])?\s*(#.*)?(\r?\n)?$", line)
        if not m:
            raise AnnotateError(f"line {claims_line}: cannot add claims to this claims: line; "
                                "write `claims:` on a line of its own")
        comment = f"  {m.group(2)}" if m.group(2) else ""
        lines[idx] = m.group(1) + comment + newline
        indent = 2
        insert_at = idx + 1
        if later:
            insert_at = max(insert_at, _insert_line(lines, later[0]))
        else:
            insert_at = _end_of_document(lines, insert_at)
    else:
        if items.mark[0] == claims_line and lines[claims_line - 1].split(":", 1)[1].strip().startswith("["):
            raise AnnotateError(f"line {claims_line}: claims are written as a [flow list]; "
                                "write them as a block list (one `- id:` per claim) to add drafts")
        line, col = items.item_marks[0]
        dash = lines[line - 1][:col - 1].rstrip()
        if not dash.endswith("-"):
            raise AnnotateError(f"line {line}: cannot tell the indentation of the claims list")
        indent = len(dash) - 1
        insert_at = _insert_line(lines, later[0]) if later else _end_of_document(lines, line)
    before = lines[:insert_at]
    if before and not before[-1].endswith(("\n", "\r")):
        before[-1] = before[-1] + newline
    return "".join(before) + _items(claims, indent, newline) + "".join(lines[insert_at:])


def _insert_line(lines: list[str], next_key_line: int) -> int:
    """Insert before the next top-level key, but after the claims' trailing lines (not its own comments)."""
    i = next_key_line - 1
    while i > 0 and (not lines[i - 1].strip() or lines[i - 1].lstrip().startswith("#")) \
            and not lines[i - 1].startswith((" ", "\t")):
        i -= 1
    return i


def _items(claims: list[DraftClaim], indent: int, newline: str) -> str:
    text = "".join(claim_yaml(c, indent) for c in claims)
    return text.replace("\n", newline) if newline != "\n" else text


