"""Load a corpus: the config, every claims file, every source text.

Loading never raises on bad input: every problem becomes a located
``Problem`` and the rest of the corpus still loads, so one run reports all
problems. A claim that cannot be understood is reported and left out (never
silently): its problem says so.
"""

from __future__ import annotations

import gc
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from briefcmp.corpus import anchor, units, yamlsafe
from briefcmp.corpus.model import (
    BOUNDS, CLAIM_KINDS, CLAIM_STATUSES, SCALES, STANCES, VALUE_TYPES, Brief, Claim, Config, Corpus,
    Entity, KeyDef, PartialDate, Period, Tolerance, Topic, Value,
)
from briefcmp.corpus.problems import Problems, Severity, suggest
from briefcmp.corpus.yamlsafe import YList, YMap

CONFIG_NAME = "briefcmp.yaml"
CLAIMS_SUFFIX = ".claims.yaml"
MAX_SOURCE_BYTES = 16 * 1024 * 1024

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_PERCENT = re.compile(r"^([+-]?\d+(\.\d+)?)\s*%$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


class InputError(Exception):
    """The input cannot be used at all (no corpus, no config): exit 2."""


# --------------------------------------------------------------------------- fields


class Fields:
    """Typed, located reading of one YAML mapping; problems go to a shared list."""

    def __init__(self, path: str, problems: Problems) -> None:
        self.path = path
        self.problems = problems

    def mapping(self, value: Any, mark, where: str) -> Optional[YMap]:
        if isinstance(value, YMap):
            return value
        self.problems.error(self.path, mark, "wrong-type", f"{where}: expected a mapping, got {_kind(value)}")
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

    def string(self, m: YMap, key: str, where: str, default: str = "") -> str:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, str):
            return value
        self.problems.error(self.path, m.mark_of(key), "wrong-type",
                            f'{where}: field "{key}" must be a string, got {_kind(value)}')
        return default

    def ident(self, m: YMap, key: str, where: str) -> str:
        value = self.string(m, key, where)
        if value and not _ID.match(value):
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
                                f'{where}: field "{key}" must be a list of strings, got {_kind(value)}')
            return ()
        out = []
        for item, mark in zip(value, value.item_marks):
            if isinstance(item, str):
                out.append(item)
            else:
                self.problems.error(self.path, mark, "wrong-type",
                                    f'{where}: items of "{key}" must be strings, got {_kind(item)}')
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
        if isinstance(value, str) and _NUMBER.match(value.strip()):
            text = value.strip().replace(",", "")
            digits = text.lstrip("+-")
            if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
                self.problems.warning(self.path, m.mark_of(key), "leading-zero",
                                      f'{where}: "{key}" {value!r} has a leading zero; read as decimal {float(text):g}')
            number = float(text)
            if math.isfinite(number) and abs(number) < 1e18:
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


def parse_pdate(text: str) -> Optional[PartialDate]:
    """``2022``, ``2022-03`` or ``2022-03-03`` -> PartialDate; None if malformed or impossible."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if m.group(2) and not month or m.group(3) and not day:
        return None
    return PartialDate(year, month, day)


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


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, YMap):
        return "a mapping"
    if isinstance(value, YList):
        return "a list"
    return f"the text {value!r}" if len(str(value)) < 40 else "text"


# --------------------------------------------------------------------------- config

_CONFIG_FIELDS = ("format", "title", "topics", "entities", "keys")
_TOPIC_FIELDS = ("label", "description", "parent")
_ENTITY_FIELDS = ("label", "aliases", "description")
_KEY_FIELDS = ("label", "description", "type", "unit", "tolerance", "topics", "subjects", "values")


def parse_config(data: Any, path: str, problems: Problems) -> Config:
    """Validate a parsed config document into a Config (unusable parts are reported and skipped)."""
    f = Fields(path, problems)
    config = Config(path=path)
    root = f.mapping(data, (1, 1), "config")
    if root is None:
        return config
    f.check_keys(root, "config", _CONFIG_FIELDS)
    _check_format(f, root, "config")
    config.title = f.string(root, "title", "config")
    for tid, t, mark in _entries(f, root, "topics"):
        f.check_keys(t, f"topic {tid}", _TOPIC_FIELDS, ["label"])
        config.topics[tid] = Topic(tid, f.string(t, "label", f"topic {tid}", tid),
                                   f.string(t, "description", f"topic {tid}"),
                                   f.string(t, "parent", f"topic {tid}"))
    for tid, topic in config.topics.items():
        if topic.parent and topic.parent not in config.topics:
            problems.error(path, root["topics"].mark_of(tid), "unknown-topic",
                           f'topic {tid}: parent "{topic.parent}" is not a topic{suggest(topic.parent, config.topics)}')
        elif topic.parent and tid in config.topic_ancestors(topic.parent):
            problems.error(path, root["topics"].mark_of(tid), "topic-cycle",
                           f"topic {tid}: parent chain loops back to {tid}")
    for eid, e, mark in _entries(f, root, "entities"):
        f.check_keys(e, f"entity {eid}", _ENTITY_FIELDS, ["label"])
        config.entities[eid] = Entity(eid, f.string(e, "label", f"entity {eid}", eid),
                                      f.strings(e, "aliases", f"entity {eid}"))
    for kid, k, mark in _entries(f, root, "keys"):
        where = f"key {kid}"
        f.check_keys(k, where, _KEY_FIELDS, ["label", "type"])
        ktype = f.choice(k, "type", where, VALUE_TYPES, "")
        if not ktype:
            continue
        topics = f.strings(k, "topics", where)
        subjects = f.strings(k, "subjects", where)
        for t in topics:
            if t not in config.topics:
                problems.error(path, k.mark_of("topics"), "unknown-topic",
                               f'{where}: unknown topic "{t}"{suggest(t, config.topics)}')
        for s in subjects:
            if s not in config.entities:
                problems.error(path, k.mark_of("subjects"), "unknown-entity",
                               f'{where}: unknown entity "{s}"{suggest(s, config.entities)}')
        config.keys[kid] = KeyDef(
            kid, f.string(k, "label", where, kid), ktype, f.string(k, "description", where),
            units.canonical_unit(f.string(k, "unit", where)), _tolerance(f, k, where),
            topics, subjects, f.strings(k, "values", where), mark[0])
    return config


def _entries(f: Fields, root: YMap, section: str):
    """(id, mapping, mark) for each entry of a mapping-of-mappings section."""
    value = root.get(section)
    if value is None:
        return
    m = f.mapping(value, root.mark_of(section), section)
    if m is None:
        return
    for eid, entry in m.items():
        if not _ID.match(eid):
            f.problems.error(f.path, m.key_marks[eid], "bad-id",
                             f'{section}: id "{eid}" must be lower-case letters, digits, ".", "_" or "-"')
        e = f.mapping(entry, m.mark_of(eid), f"{section} {eid}")
        if e is not None:
            yield eid, e, m.key_marks[eid]


def _tolerance(f: Fields, k: YMap, where: str) -> Tolerance:
    value = k.get("tolerance")
    if value is None:
        return Tolerance()
    if isinstance(value, str):
        m = _PERCENT.match(value.strip())
        if m:
            return Tolerance(relative=float(m.group(1)) / 100)
        if _NUMBER.match(value.strip()):
            return Tolerance(absolute=float(value.replace(",", "")))
    if isinstance(value, YMap):
        f.check_keys(value, f"{where} tolerance", ("relative", "absolute"))
        rel = value.get("relative")
        relative = 0.0
        if isinstance(rel, str) and _PERCENT.match(rel.strip()):
            relative = float(_PERCENT.match(rel.strip()).group(1)) / 100
        elif rel is not None:
            relative = f.number(value, "relative", f"{where} tolerance") or 0.0
        return Tolerance(relative, f.number(value, "absolute", f"{where} tolerance") or 0.0)
    f.problems.error(f.path, k.mark_of("tolerance"), "bad-value",
                     f'{where}: "tolerance" must be a percentage like "5%", an absolute number, '
                     f"or a mapping with relative/absolute; got {value!r}")
    return Tolerance()


def _check_format(f: Fields, root: YMap, where: str) -> None:
    fmt = root.get("format")
    if fmt is not None and fmt != "1":
        f.problems.error(f.path, root.mark_of("format"), "format-version",
                         f"{where}: format {fmt!r} is not supported by this briefcmp; expected 1")


# --------------------------------------------------------------------------- claims files

_FILE_FIELDS = ("format", "brief", "claims")
_BRIEF_FIELDS = ("id", "title", "publisher", "authors", "published", "url", "language", "source",
                 "source_sha256", "note")
_CLAIM_FIELDS = ("id", "text", "quote", "prefix", "suffix", "kind", "topics", "subjects", "key", "value",
                 "as_of", "cites", "note", "status", "acknowledges")
_VALUE_FIELDS = {
    "quantity": ("type", "amount", "upper", "scale", "unit", "bound"),
    "rank": ("type", "rank", "of"),
    "date": ("type", "date"),
    "category": ("type", "category"),
    "stance": ("type", "stance"),
}
_VALUE_MARKER = {"amount": "quantity", "rank": "rank", "date": "date", "category": "category",
                 "stance": "stance"}


def parse_claims_file(data: Any, path: str, problems: Problems, config: Config) -> Optional[Brief]:
    """Validate one parsed claims document into a Brief; None when it has no usable brief section."""
    f = Fields(path, problems)
    root = f.mapping(data, (1, 1), "claims file")
    if root is None:
        return None
    f.check_keys(root, "claims file", _FILE_FIELDS, ["brief"])
    _check_format(f, root, "claims file")
    b = root.get("brief")
    if b is None:
        return None
    bm = f.mapping(b, root.mark_of("brief"), "brief")
    if bm is None:
        return None
    if not f.check_keys(bm, "brief", _BRIEF_FIELDS, ["id", "title", "source"]):
        return None
    brief = Brief(
        id=f.ident(bm, "id", "brief"), title=f.string(bm, "title", "brief"),
        source=f.string(bm, "source", "brief"), path=path,
        publisher=f.string(bm, "publisher", "brief"), authors=f.strings(bm, "authors", "brief"),
        published=f.pdate(bm, "published", "brief"), url=f.string(bm, "url", "brief"),
        language=f.string(bm, "language", "brief"), source_sha256=f.string(bm, "source_sha256", "brief"),
        note=f.string(bm, "note", "brief"), line=bm.mark[0], col=bm.mark[1],
        source_mark=bm.mark_of("source"),
    )
    if brief.source_sha256 and not _SHA.match(brief.source_sha256):
        problems.error(path, bm.mark_of("source_sha256"), "bad-value",
                       "brief: source_sha256 must be 64 lower-case hex digits (sha256 of the source file)")
    claims = root.get("claims")
    if claims is None:
        problems.warning(path, root.mark, "no-claims", "claims file has no claims yet")
        return brief
    if not isinstance(claims, YList):
        problems.error(path, root.mark_of("claims"), "wrong-type", f"claims: expected a list, got {_kind(claims)}")
        return brief
    seen: dict[str, int] = {}
    for item, mark in zip(claims, claims.item_marks):
        claim = _parse_claim(f, item, mark, brief, config)
        if claim is None:
            continue
        if claim.id in seen:
            problems.error(path, mark, "duplicate-id",
                           f'claim id "{claim.id}" is used twice in this brief (first at line {seen[claim.id]}); '
                           "this claim is left out")
            continue
        seen[claim.id] = mark[0]
        brief.claims.append(claim)
    return brief


def _parse_claim(f: Fields, item: Any, mark, brief: Brief, config: Config) -> Optional[Claim]:
    if not isinstance(item, YMap):
        f.problems.error(f.path, mark, "claim-dropped",
                         f"claim: expected a mapping with id, quote, ...; got {_kind(item)}; this claim is left out")
        return None
    cm = item
    cid = cm.get("id") if isinstance(cm.get("id"), str) else ""
    where = f"claim {cid}" if cid else "claim"
    if not f.check_keys(cm, where, _CLAIM_FIELDS, ["id", "quote"]):
        f.problems.error(f.path, mark, "claim-dropped", f"{where}: left out of the comparison until fixed")
        return None
    claim = Claim(
        id=f.ident(cm, "id", where), brief=brief.id, quote=f.string(cm, "quote", where),
        text=f.string(cm, "text", where), kind=f.choice(cm, "kind", where, CLAIM_KINDS, "fact"),
        topics=f.strings(cm, "topics", where), subjects=f.strings(cm, "subjects", where),
        key=f.string(cm, "key", where), as_of=f.period(cm, "as_of", where), cites=f.string(cm, "cites", where),
        note=f.string(cm, "note", where), prefix=f.string(cm, "prefix", where),
        suffix=f.string(cm, "suffix", where),
        status=f.choice(cm, "status", where, CLAIM_STATUSES, "reviewed"),
        acknowledges=f.strings(cm, "acknowledges", where), path=f.path, line=mark[0], col=mark[1],
    )
    if "value" in cm and cm["value"] is not None:
        claim.value = _parse_value(f, cm, where)
    _check_refs(f, cm, claim, config, where)
    return claim


def _parse_value(f: Fields, cm: YMap, where: str) -> Optional[Value]:
    vm = f.mapping(cm["value"], cm.mark_of("value"), f"{where} value")
    if vm is None:
        return None
    where = f"{where} value"
    vtype = vm.get("type")
    if vtype is None:
        vtype = next((t for k, t in _VALUE_MARKER.items() if k in vm), None)
        if vtype is None:
            f.problems.error(f.path, vm.mark, "missing-field",
                             f"{where}: cannot tell the value type; give amount, rank, date, category or stance")
            return None
    elif vtype not in VALUE_TYPES:
        f.problems.error(f.path, vm.mark_of("type"), "bad-value",
                         f'{where}: type {vtype!r}{suggest(str(vtype), VALUE_TYPES)}; '
                         f"expected one of: {', '.join(VALUE_TYPES)}")
        return None
    f.check_keys(vm, where, _VALUE_FIELDS[vtype])
    if vtype == "quantity":
        amount = f.number(vm, "amount", where)
        if amount is None:
            if "amount" not in vm:
                f.problems.error(f.path, vm.mark, "missing-field", f'{where}: required field "amount" is missing')
            return None
        scale = f.string(vm, "scale", where)
        canon = units.SCALE_ALIASES.get(scale.lower().strip()) if scale else ""
        if canon is None:
            f.problems.error(f.path, vm.mark_of("scale"), "bad-value",
                             f'{where}: scale {scale!r}{suggest(scale, SCALES)}; '
                             f"expected one of: {', '.join(s for s in SCALES if s)}")
            canon = ""
        upper = f.number(vm, "upper", where)
        if upper is not None and upper < amount:
            f.problems.error(f.path, vm.mark_of("upper"), "bad-value",
                             f"{where}: upper {upper:g} is less than amount {amount:g}")
        return Value("quantity", amount=amount, upper=upper, scale=canon,
                     unit=units.canonical_unit(f.string(vm, "unit", where)),
                     bound=f.choice(vm, "bound", where, BOUNDS, "exact"))
    if vtype == "rank":
        rank = f.number(vm, "rank", where)
        if rank is None or rank < 1 or not float(rank).is_integer():
            f.problems.error(f.path, vm.mark_of("rank"), "bad-value", f"{where}: rank must be a whole number ≥ 1")
            return None
        return Value("rank", amount=rank, unit=f.string(vm, "of", where))
    if vtype == "date":
        d = f.pdate(vm, "date", where)
        return Value("date", date=d) if d else None
    if vtype == "stance":
        s = f.choice(vm, "stance", where, STANCES)
        return Value("stance", stance=s) if s else None
    cat = f.string(vm, "category", where)
    if not cat:
        f.problems.error(f.path, vm.mark, "missing-field", f'{where}: required field "category" is missing')
        return None
    return Value("category", category=cat)


def _check_refs(f: Fields, cm: YMap, claim: Claim, config: Config, where: str) -> None:
    for t in claim.topics:
        if t not in config.topics:
            f.problems.error(f.path, cm.mark_of("topics"), "unknown-topic",
                             f'{where}: unknown topic "{t}"{suggest(t, config.topics)}')
    for s in claim.subjects:
        if s not in config.entities:
            hint = suggest(s, config.entities)
            for e in config.entities.values():
                if s.lower() in (a.lower() for a in (e.label, *e.aliases)):
                    hint = f' ("{s}" is an alias of entity "{e.id}")'
            f.problems.error(f.path, cm.mark_of("subjects"), "unknown-entity",
                             f'{where}: unknown entity "{s}"{hint}')
    if not claim.key:
        return
    key = config.keys.get(claim.key)
    if key is None:
        f.problems.error(f.path, cm.mark_of("key"), "unknown-key",
                         f'{where}: unknown key "{claim.key}"{suggest(claim.key, config.keys)}; '
                         f"register it under keys: in {CONFIG_NAME}")
        return
    v = claim.value
    if v is not None and v.type != key.type:
        f.problems.error(f.path, cm.mark_of("value"), "key-type",
                         f'{where}: key "{key.id}" expects a {key.type} value, but this value is a {v.type}')
    elif v is not None and v.type == "category" and key.values and v.category not in key.values:
        f.problems.error(f.path, cm.mark_of("value"), "bad-value",
                         f'{where}: category {v.category!r} is not one of key "{key.id}" values: '
                         f"{', '.join(key.values)}{suggest(v.category, key.values)}")
    elif v is not None and v.type == "quantity" and key.unit and v.unit != key.unit:
        f.problems.warning(f.path, cm.mark_of("value"), "key-unit",
                           f'{where}: unit "{v.unit or "(none)"}" differs from key "{key.id}" unit "{key.unit}"')


# --------------------------------------------------------------------------- corpus


@dataclass
class LoadResult:
    """What loading found: the corpus (possibly partial) and every problem."""

    corpus: Corpus
    problems: Problems = field(default_factory=Problems)
    files: list[str] = field(default_factory=list)  # claims files read


def find_root(path: Path) -> Optional[Path]:
    """The nearest folder at or above ``path`` that holds a corpus config."""
    path = path.resolve()
    for folder in [path, *path.parents] if path.is_dir() else path.parents:
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def corpus_root(p: Path) -> Path:
    """The corpus folder ``p`` belongs to; InputError when ``p`` is missing or in no corpus."""
    if not p.exists():
        raise InputError(f"{p}: no such file or folder")
    root = find_root(p)
    if root is None:
        raise InputError(f"{p}: not in a briefcmp corpus (no {CONFIG_NAME} here or in a parent folder); "
                         "create one with `briefcmp init`")
    return root


def resolve_inputs(paths: list[Path]) -> tuple[Path, list[Path]]:
    """(corpus root, claims files) for the paths given on the command line; InputError if unusable."""
    roots: set[Path] = set()
    files: list[Path] = []
    for p in paths:
        root = corpus_root(p)
        roots.add(root)
        if p.is_dir():
            files.extend(sorted(p.rglob("*" + CLAIMS_SUFFIX)))
        elif p.resolve() == root / CONFIG_NAME:  # the config concerns the whole corpus
            files.extend(sorted(root.rglob("*" + CLAIMS_SUFFIX)))
        elif p.name.endswith(CLAIMS_SUFFIX):
            files.append(p)
        else:
            raise InputError(f"{p}: not a claims file (*{CLAIMS_SUFFIX}), a corpus folder or its {CONFIG_NAME}")
    if len(roots) > 1:
        raise InputError("paths belong to different corpora: " + ", ".join(sorted(map(str, roots))))
    seen: set[str] = set()
    unique = []
    folders: dict[Path, str] = {}
    for f in files:
        real = _realpath(f, folders)
        if real not in seen:
            seen.add(real)
            unique.append(f)
    return roots.pop(), unique


def _realpath(f: Path, folders: dict[Path, str]) -> str:
    """``os.path.realpath(f)``, resolving each folder once rather than once per file in it."""
    if f.name in ("", ".", "..") or f.is_symlink():
        return os.path.realpath(f)
    parent = folders.get(f.parent)
    if parent is None:
        parent = folders[f.parent] = os.path.realpath(f.parent)
    return os.path.join(parent, f.name)


def display_path(p: Path) -> str:
    """A path as shown in messages: relative to the working folder when inside it."""
    try:
        return os.path.relpath(p)
    except ValueError:  # other drive on Windows
        return str(p)


def read_bytes(p: Path, shown: str, problems: Problems) -> Optional[bytes]:
    """The bytes of a file (one byte past the size limit, so that the limit is reported); None if unreadable."""
    try:
        with open(p, "rb") as fh:
            return fh.read(yamlsafe.MAX_BYTES + 1)
    except OSError as exc:
        problems.error(shown, (0, 0), "unreadable", f"cannot read file: {exc.strerror}")
        return None


def parse_yaml_bytes(data: bytes, shown: str, problems: Problems) -> Any:
    """Decode and parse the bytes of one YAML file; None (with a problem) when that fails."""
    text = yamlsafe.decode(data, shown, problems)
    return None if text is None else yamlsafe.parse(text, shown, problems)


@dataclass
class FileLoad:
    """What loading one claims file finds on its own, apart from the rest of the corpus (what the cache keeps)."""

    problems: Problems  # reading, parsing and validating the file
    brief: Optional[Brief]  # None when the file has no usable brief section
    source_problems: Problems  # the source text and quote anchoring: reported only when the brief is kept


def load_claims_file(f: Path, shown: str, config: Config, root: Path, anchor_quotes: bool = True,
                     data: Optional[bytes] = None,
                     before_source: Optional[Callable[[Brief], Any]] = None) -> FileLoad:
    """Read (or take ``data``), parse and validate one claims file, then read its source and anchor its quotes."""
    problems, source_problems = Problems(), Problems()
    if data is None:
        data = read_bytes(f, shown, problems)
    parsed = parse_yaml_bytes(data, shown, problems) if data is not None else None
    brief = parse_claims_file(parsed, shown, problems, config) if parsed is not None else None
    if brief is not None:
        if before_source is not None:
            before_source(brief)
        load_source(brief, f, root, source_problems, anchor_quotes)
        infer_as_of(brief)
    return FileLoad(problems, brief, source_problems)


# A corpus this large is frozen out of the cyclic garbage collector's sight after loading
# (it holds no reference cycles; scanning its millions of objects again and again would only cost time).
FREEZE_CLAIMS = 20_000


def load_corpus(paths: list[Path], anchor_quotes: bool = True,
                progress: Optional[Callable[[int, int], None]] = None, cache: Any = None) -> LoadResult:
    """Load the corpus the paths belong to (config + the claims files named or found).

    ``cache``: None, or a store with ``session(root, config_bytes, anchor_quotes)`` (a
    ``corpus.cache.BriefCache``) that answers unchanged files; results are the same either
    way. ``corpus.cache.load_corpus`` is this with the default cache. Without ``progress``,
    a long load on a terminal shows a progress bar.
    """
    root, files = resolve_inputs(paths)
    problems = Problems()
    config_path = root / CONFIG_NAME
    shown_config = display_path(config_path)
    config_bytes = read_bytes(config_path, shown_config, problems)
    session = cache.session(root, config_bytes, anchor_quotes) if cache else None
    config = _load_config(session, config_bytes, shown_config, problems)
    corpus = Corpus(root=str(root), config=config)
    result = LoadResult(corpus, problems)
    bar = None
    if progress is None:
        from briefcmp.corpus.progress import terminal_progress

        bar = progress = terminal_progress(len(files), "loading")
    # Loading allocates millions of objects and frees nothing in cycles: the cyclic collector
    # would only rescan them (about 40% of the load time), so it is paused meanwhile.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _load_files(result, files, root, anchor_quotes, session, progress)
    finally:
        if gc_was_enabled:
            gc.enable()
        if bar is not None:
            bar.close()
    if sum(len(b.claims) for b in corpus.briefs) >= FREEZE_CLAIMS:
        gc.freeze()
    return result


def _load_config(session: Any, data: Optional[bytes], shown: str, problems: Problems) -> Config:
    """Parse the corpus config (or take it, with its problems, from the cache)."""
    if data is None:
        return Config()
    hit = session.lookup_config(shown) if session is not None else None
    if hit is not None:
        config, found = hit
    else:
        found = Problems()
        parsed = parse_yaml_bytes(data, shown, found)
        config = parse_config(parsed, shown, found) if parsed is not None else Config()
        if session is not None:
            session.store_config(shown, config, found)
    problems.extend(found)
    return config


def _load_files(result: LoadResult, files: list[Path], root: Path, anchor_quotes: bool, session: Any,
                progress: Optional[Callable[[int, int], None]]) -> None:
    problems, corpus = result.problems, result.corpus
    ids: dict[str, str] = {}
    for n, f in enumerate(files):
        if progress:
            progress(n, len(files))
        shown = display_path(f)
        result.files.append(shown)
        if session is None:
            loaded = load_claims_file(f, shown, corpus.config, root, anchor_quotes)
        else:
            loaded = _load_cached(session, f, shown, corpus.config, root, anchor_quotes)
        problems.extend(loaded.problems)
        brief = loaded.brief
        if brief is None:
            continue
        if brief.id in ids:
            problems.error(shown, (brief.line, brief.col), "duplicate-brief",
                           f'brief id "{brief.id}" is also used by {ids[brief.id]}; this file is left out')
            continue
        ids[brief.id] = shown
        problems.extend(loaded.source_problems)
        corpus.briefs.append(brief)
    if progress:
        progress(len(files), len(files))


def _load_cached(session: Any, f: Path, shown: str, config: Config, root: Path, anchor_quotes: bool) -> Any:
    """``load_claims_file`` through the cache: a stored result when this file version was loaded before."""
    unreadable = Problems()
    data = read_bytes(f, shown, unreadable)
    if data is None:
        return FileLoad(unreadable, None, Problems())
    key = session.key(shown, data)
    hit = session.lookup(key, f)
    if hit is not None:
        return hit
    # The source is fingerprinted just before it is read (and not stored if it changes meanwhile).
    loaded = load_claims_file(f, shown, config, root, anchor_quotes, data,
                              before_source=lambda b: session.before_source(b, f))
    session.store(key, loaded)
    return loaded


def load_source(brief: Brief, claims_file: Path, root: Path, problems: Problems, anchor_quotes: bool) -> None:
    """Read the brief's source text (confined to the corpus), check its hash, anchor every quote."""
    if not brief.source:
        return
    shown = brief.path
    where = brief.source_mark
    src = Path(brief.source)
    if src.is_absolute():
        problems.error(shown, where, "source-outside-corpus",
                       f'brief: source "{brief.source}" must be a path relative to the claims file')
        return
    resolved = (claims_file.parent / src).resolve()
    if not resolved.is_relative_to(root.resolve()):
        problems.error(shown, where, "source-outside-corpus",
                       f'brief: source "{brief.source}" points outside the corpus folder {display_path(root)}')
        return
    brief.source_path = display_path(resolved)
    try:
        with open(resolved, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        problems.error(shown, where, "source-missing", f'brief: source file "{brief.source}" does not exist')
        return
    except OSError as exc:
        problems.error(shown, where, "source-missing", f'brief: cannot read source "{brief.source}": {exc.strerror}')
        return
    if len(data) > MAX_SOURCE_BYTES:
        problems.error(shown, where, "file-too-large",
                       f'brief: source "{brief.source}" is larger than {MAX_SOURCE_BYTES:,} bytes')
        return
    src_problems = Problems()
    text = yamlsafe.decode(data, brief.source_path, src_problems)
    if text is None:
        problems.extend(src_problems)
        return
    digest = anchor.sha256(data)
    if not brief.source_sha256:
        problems.warning(shown, where, "source-hash-missing",
                         f"brief: no source_sha256; add  source_sha256: {digest}  to detect later changes")
    elif brief.source_sha256 != digest:
        problems.warning(shown, where, "source-changed",
                         f'brief: source "{brief.source}" changed since it was annotated '
                         f"(sha256 is {digest}); review the quotes, then update source_sha256")
    brief.source_text = anchor.normalise(text)
    if anchor_quotes:
        anchor_claims(brief, problems)


def anchor_claims(brief: Brief, problems: Problems) -> None:
    """Find every claim's quote in the (normalised) source; report not-found and ambiguous ones."""
    assert brief.source_text is not None
    for claim in brief.claims:
        if not claim.quote:
            continue
        a = anchor.find_quote(brief.source_text, claim.quote, claim.prefix, claim.suffix)
        if a.span:
            claim.span = a.span
        elif a.total == 0:
            hint = f'; closest passage: "{a.closest}"' if a.closest else ""
            problems.error(claim.path, (claim.line, claim.col), "quote-not-found",
                           f"claim {claim.id}: quote not found in {brief.source}{hint}")
        elif a.count == 0:
            problems.error(claim.path, (claim.line, claim.col), "quote-not-found",
                           f"claim {claim.id}: quote occurs {a.total} times but none matches the prefix/suffix")
        else:
            problems.error(claim.path, (claim.line, claim.col), "quote-ambiguous",
                           f"claim {claim.id}: quote is ambiguous: found {a.count} times; "
                           "add prefix: or suffix: (the words just before or after it)")


def infer_as_of(brief: Brief) -> None:
    """A value with no as-of date refers to the brief's publication date (marked as inferred); dates excepted."""
    if brief.published is None:
        return
    for claim in brief.claims:
        # A date value is its own reference point; only other values need an as-of date.
        if claim.value is not None and claim.value.type != "date" and claim.as_of is None:
            claim.as_of = Period(brief.published)
            claim.as_of_inferred = True


__all__ = [
    "CONFIG_NAME", "CLAIMS_SUFFIX", "FileLoad", "InputError", "LoadResult", "load_claims_file", "load_corpus",
    "parse_config",
    "parse_claims_file", "parse_pdate", "parse_period", "resolve_inputs", "Severity",
]
