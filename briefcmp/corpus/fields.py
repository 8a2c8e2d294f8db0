"""Typed reading of YAML mappings with located problems: required and optional fields, ids,
dates, numbers; unknown fields get a did-you-mean hint."""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Iterable, Optional

from briefcmp.corpus.model import PartialDate, Period
from briefcmp.corpus.problems import Problems, suggest
from briefcmp.corpus.yamlsafe import YList, YMap

ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")  # \Z, not $ (which lets "id\n" through)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
NUMBER_RE = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
MAX_NUMBER = 1e18  # larger numbers are written with a scale (million, billion, ...)
MAX_EXACT = 2.0 ** 53  # from here on a float no longer keeps every digit of a whole number
_SIGNIFICANT = 15  # a float keeps every digit of a decimal with at most this many


def plain_number(x: float) -> str:
    """A number as a claims file holds it (what ``number`` reads back): a plain decimal with every
    digit, never an exponent (12345678901.5, 0.0000000001, 20000000000). A value with more
    significant digits than a float keeps (a computed third) is rounded to 15 of them."""
    from decimal import Decimal

    x = float(x)
    if x.is_integer() and abs(x) < MAX_NUMBER:
        return str(int(x))
    text = repr(x)
    if len(text.replace("-", "").replace(".", "").split("e")[0].strip("0")) > _SIGNIFICANT:
        text = f"{x:.{_SIGNIFICANT}g}"
    out = format(Decimal(text), "f")
    return out.rstrip("0").rstrip(".") if "." in out else out


# --------------------------------------------------------------------------- fields


class Fields:
    """Typed, located reading of one YAML mapping; problems go to a shared list."""

    def __init__(self, path: str, problems: Problems) -> None:
        self.path = path
        self.problems = problems

    def mapping(self, value: Any, mark, where: str) -> Optional[YMap]:
        if isinstance(value, YMap):
            return value
        self.problems.error(self.path, mark, "wrong-type", f"{where}: expected a mapping, got {value_kind(value)}")
        return None

    def check_keys(self, m: YMap, where: str, allowed: Iterable[str], required: Iterable[str] = ()) -> bool:
        """Unknown and missing fields; returns False when a required field is missing."""
        allowed = list(allowed)
        for key in m:
            if key not in allowed:
                self.problems.error(self.path, m.key_marks[key], "unknown-field",
                                    f'{where}: unknown field "{key}"{suggest(key, allowed)}; '
                                    f"expected one of: {', '.join(allowed)}")
        ok = True
        for key in required:
            if m.get(key) is None:
                self.problems.error(self.path, m.mark, "missing-field",
                                    f'{where}: required field "{key}" is missing')
                ok = False
        return ok

    def entry_list(self, data: Any, what: str, field: str) -> Optional[YList]:
        """The entries of a file made of ``format: 1`` and ``FIELD:`` a list (reviewed conflicts,
        align decisions): the list, or None (missing, or reported: not a mapping, not a list)."""
        root = self.mapping(data, (1, 1), what)
        if root is None:
            return None
        self.check_keys(root, what, ("format", field))
        fmt = root.get("format")
        if fmt is not None and fmt != "1":
            self.problems.error(self.path, root.mark_of("format"), "format-version",
                                f"{what}: format {fmt!r} is not supported by this briefcmp; expected 1")
        items = root.get(field)
        if items is not None and not isinstance(items, YList):
            self.problems.error(self.path, root.mark_of(field), "wrong-type",
                                f"{what}: {field} must be a list of entries (- id: ...)")
            return None
        return items

    def entry(self, item: Any, mark, what: str, allowed: Iterable[str], required: Iterable[str]):
        """One entry of such a list: (mapping, its id, "WHAT ID" for messages, whether the required
        fields are there), or None when it is not a mapping."""
        em = self.mapping(item, mark, what)
        if em is None:
            return None
        eid = em.get("id") if isinstance(em.get("id"), str) else ""
        where = f"{what} {eid}" if eid else what
        return em, eid, where, self.check_keys(em, where, allowed, required)

    def string(self, m: YMap, key: str, where: str, default: str = "") -> str:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        self.problems.error(self.path, m.mark_of(key), "wrong-type",
                            f'{where}: field "{key}" must be a string, got {value_kind(value)}')
        return default

    def ident(self, m: YMap, key: str, where: str) -> str:
        value = self.string(m, key, where)
        if value and not ID_RE.match(value):
            self.problems.error(self.path, m.mark_of(key), "bad-id",
                                f'{where}: "{key}" {value!r} must be lower-case letters, digits, ".", "_" or "-"')
        return value

    def strings(self, m: YMap, key: str, where: str) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a list of one."""
        value = m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, YList):
            self.problems.error(self.path, m.mark_of(key), "wrong-type",
                                f'{where}: field "{key}" must be a list of strings, got {value_kind(value)}')
            return ()
        out = []
        for item, mark in zip(value, value.item_marks):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problems.error(self.path, mark, "wrong-type",
                                    f'{where}: items of "{key}" must be strings, got {value_kind(item)}')
        return tuple(out)

    def choice(self, m: YMap, key: str, where: str, choices: Iterable[str], default: str = "") -> str:
        value = self.string(m, key, where)
        if not value:
            return default
        choices = list(choices)
        if value not in choices:
            self.problems.error(self.path, m.mark_of(key), "bad-value",
                                f'{where}: "{key}" is {value!r}{suggest(value, choices)}; '
                                f"expected one of: {', '.join(choices)}")
            return default
        return value

    def number(self, m: YMap, key: str, where: str) -> Optional[float]:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, str) and NUMBER_RE.match(value.strip()):
            text = value.strip().replace(",", "")
            digits = text.lstrip("+-")
            if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
                self.problems.warning(self.path, m.mark_of(key), "leading-zero",
                                      f'{where}: "{key}" {value!r} has a leading zero; read as decimal {float(text):g}')
            number = float(text)
            if math.isfinite(number) and abs(number) < MAX_NUMBER:
                return number
            self.problems.error(self.path, m.mark_of(key), "bad-value",
                                f'{where}: "{key}" {value!r} is too large; write it with a scale (million, billion, ...)')
            return None
        self.problems.error(self.path, m.mark_of(key), "wrong-type",
                            f'{where}: "{key}" must be a number like 12 or 4.1, got {value!r}')
        return None

    def pdate(self, m: YMap, key: str, where: str) -> Optional[PartialDate]:
        value = m.get(key)
        if value is None:
            return None
        parsed = parse_pdate(value) if isinstance(value, str) else None
        if parsed is None:
            self.problems.error(self.path, m.mark_of(key), "bad-date",
                                f'{where}: "{key}" {value!r} is not a valid date; expected YYYY, YYYY-MM or YYYY-MM-DD')
        return parsed

    def period(self, m: YMap, key: str, where: str) -> Optional[Period]:
        value = m.get(key)
        if value is None:
            return None
        parsed = parse_period(value) if isinstance(value, str) else None
        if parsed is None:
            self.problems.error(self.path, m.mark_of(key), "bad-date",
                                f'{where}: "{key}" {value!r} is not a valid date or period; expected YYYY, '
                                "YYYY-MM, YYYY-MM-DD or START/END (e.g. 2014/2021)")
        return parsed


# The same few dates recur in thousands of claims: each is parsed (and checked) once; the
# results are immutable, so claims may share them.
@lru_cache(maxsize=4096)
def parse_pdate(text: str) -> Optional[PartialDate]:
    """``2022``, ``2022-03`` or ``2022-03-03`` -> PartialDate; None if malformed or impossible."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if m.group(2) and not month or m.group(3) and not day:
        return None
    found = PartialDate(year, month, day)
    try:  # a date the model cannot hold (year 0, 2022-02-30) is a located problem, never a crash later
        found.start(), found.end()
    except (ValueError, OverflowError):
        return None
    return found


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Optional[Period]:
    """A partial date or ``START/END``; END must not be before START."""
    start_text, sep, end_text = text.partition("/")
    start = parse_pdate(start_text)
    if start is None:
        return None
    if not sep:
        return Period(start)
    end = parse_pdate(end_text)
    if end is None or end.end() < start.start():
        return None
    return Period(start, end)


def value_kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    return f"the text {value!r}" if len(str(value)) < 40 else "text"


