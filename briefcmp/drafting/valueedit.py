"""Setting a claim's value or as-of in its claims file, as a text edit (the ``e`` of ``align --review``).

A person types the value as they would say it: a number for a figure (its scale, unit and bound
stay), a date (``2022-02-24``, ``2022-03``), a rank, or a word for a category or stance. The
claim's one-line ``value:`` mapping is replaced in place; every other line stays byte for byte,
the result is re-parsed (``alignedit.verify``) and written atomically. An as-of is typed as the
claims file writes it (``2022-02-23``, ``2022-03``, ``2022-02-24/2022-03-03``): ``set_as_ofs``
replaces the claim's ``as_of:`` line, or inserts one after its id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from briefcmp.corpus.fields import parse_pdate, parse_period
from briefcmp.corpus.model import STANCES, Claim, Corpus, Period, Value
from briefcmp.drafting.claimsyaml import value_yaml

_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?|[+-]?\.\d+")
_WORD = re.compile(r"[a-z0-9][a-z0-9._-]*")
# (one level of nested mappings: "alternates: [{amount: 64, scale: billion, unit: USD}]")
_VALUE_LINE = re.compile(r"^(?P<pad>\s+)value:\s*\{(?:[^{}\n]|\{[^{}\n]*\})*\}\s*(?:#.*)?$")


class ValueEditError(Exception):
    """The value cannot be read or written (bad text, a value not on one line, a file changed)."""


def parse_value(old: Value, text: str) -> Value:
    """The value ``text`` says, of the same type as ``old``."""
    text = text.strip()
    if old.type in ("quantity", "rank"):
        text = _bare_number(old, text)
        if not _NUMBER.fullmatch(text):
            raise ValueEditError(f"{text!r} is not a number (the {'rank' if old.type == 'rank' else 'amount'}; "
                                 "scale, unit and bound stay)")
        return replace(old, amount=float(text.replace(",", "")), upper=None)
    if old.type == "date":
        date = parse_pdate(text)
        if date is None:
            raise ValueEditError(f"{text!r} is not a date: YYYY, YYYY-MM or YYYY-MM-DD")
        return replace(old, date=date)
    word = text.lower()
    if old.type == "stance":
        if word not in STANCES:
            raise ValueEditError(f"{text!r} is not a stance: one of {', '.join(STANCES)}")
        return replace(old, stance=word)
    if not _WORD.fullmatch(word):
        raise ValueEditError(f"{text!r} is not a category: lower-case letters, digits, '.', '_' or '-'")
    return replace(old, category=word)


def _bare_number(old: Value, text: str) -> str:
    """The number in ``text`` written as the prompt shows ``old`` ("1.1%" where it shows ``[-1.1%]``,
    "USD 4.1 billion", "8th"): the pieces of the shown value around its number, and an ordinal's ending,
    taken away. Only those: another unit or scale typed stays and is refused."""
    shown = (old.expressions()[0] if old.alternates else replace(old, stands_for="")).display()
    m = _NUMBER.search(shown)
    if _NUMBER.fullmatch(text) or m is None:
        return text
    rest = text
    pieces = re.findall(r"[A-Za-z]+|[^\sA-Za-z]", shown[:m.start()] + " " + shown[m.end():])
    for piece in sorted(pieces, key=len, reverse=True):
        i = rest.lower().find(piece.lower())
        if i >= 0:
            rest = rest[:i] + " " + rest[i + len(piece):]
    if old.type == "rank":
        rest = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", rest, flags=re.I)
    rest = rest.strip()
    return rest if _NUMBER.fullmatch(rest) else text


def _set_value(text: str, claim: Claim, value: Value) -> str:
    lines = text.splitlines(keepends=True)
    start = max(claim.line - 1, 0)
    m = re.match(r"^(\s*-\s+|\s+)id:", lines[start]) if start < len(lines) else None
    if m is None:
        raise ValueEditError(f"{claim.path}:{claim.line}: cannot find claim {claim.id}; run align again")
    indent = len(m.group(1))
    for i in range(start + 1, len(lines)):
        line = lines[i].rstrip("\r\n")
        if line.strip() and not line.lstrip().startswith("#") and len(line) - len(line.lstrip()) < indent:
            break  # the next claim or section
        vm = _VALUE_LINE.match(line)
        if vm and len(vm.group("pad")) == indent:
            nl = lines[i][len(line):]
            lines[i] = f"{vm.group('pad')}value: {value_yaml(value)}{nl}"
            return "".join(lines)
    raise ValueEditError(f"{claim.path}:{claim.line}: the value of {claim.id} is not a one-line mapping; "
                         "edit it by hand")


def parse_as_of(text: str) -> Period:
    """The as-of ``text`` says: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END``, or one date or
    period as a person writes it, the whole of the text ("Q3 2024", "2024-Q3", "November 2024",
    "27 Nov 2024", "H1 2025")."""
    t = text.strip()
    period = parse_period(t)
    if period is None:
        from briefcmp.drafting.dates import find_dates, fold_month_case

        # "2024-Q3", "q3 2024": the ISO-like order and lower case, as "Q3 2024"
        said = re.sub(r"^(?:(\d{4})\s*-?\s*([QH][1-4])|([QH][1-4])(\s+\d{4}))$",
                      lambda m: f"{m.group(2).upper()} {m.group(1)}" if m.group(1) else m.group(3).upper() + m.group(4),
                      t, flags=re.I)
        found = find_dates(fold_month_case(said))
        if len(found) == 1 and found[0].period is not None and found[0].start == 0 \
                and found[0].end == len(said.rstrip(".")):
            period = found[0].period
    if period is None:
        raise ValueEditError(f"{t!r} is not an as-of: try 2024, 2024-11, 2024-11-27, Q3 2024 or START/END")
    return period


def set_values(corpus: Corpus, values: dict[str, Value]) -> list[Path]:
    """Write each claim's new value (``values``: claim ref -> value) into its claims file."""
    return _write(corpus, values, lambda text, claim, value: _set_value(text, claim, value))


def set_as_ofs(corpus: Corpus, periods: dict[str, Period]) -> list[Path]:
    """Write each claim's as-of (``periods``: claim ref -> period) into its claims file, saying who set it."""
    from briefcmp.analysis.alignedit import set_as_of_line

    return _write(corpus, periods, lambda text, claim, period: set_as_of_line(text, claim, str(period),
                                                                          "set in align --review"))


def _write(corpus: Corpus, changes: dict, edit) -> list[Path]:
    """Apply ``edit(text, claim, change)`` per claim ref, file by file, verified, written atomically."""
    from briefcmp.analysis.alignedit import AlignError, Edit, verify, write_edits
    from briefcmp.corpus.files import OutputError, confine

    claims = {c.ref: c for b in corpus.briefs for c in b.claims}
    by_file: dict[str, list] = defaultdict(list)
    for ref, change in changes.items():
        if ref not in claims:
            raise ValueEditError(f"{ref}: no such claim")
        by_file[claims[ref].path].append((claims[ref], change))
    edits = []
    try:
        for path, items in sorted(by_file.items()):
            confine(path, corpus.root)  # a corpus's files are written only inside it
            old = Path(path).read_text(encoding="utf-8")
            new = old
            for claim, change in sorted(items, key=lambda it: -it[0].line):  # bottom up: an inserted line moves none
                new = edit(new, claim, change)
            edits.append(Edit(Path(path), old, new))
        verify(edits, corpus)
        return write_edits(edits, corpus)
    except (AlignError, OutputError, OSError) as exc:
        raise ValueEditError(str(exc)) from exc
