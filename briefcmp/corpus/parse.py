"""Parse and validate the corpus config (briefcmp.yaml) and claims files into the model.

Every problem is located (path:line:col) and collected; a claim that cannot be used is
reported as claim-dropped, never silently lost."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Optional

from briefcmp.corpus import units
from briefcmp.corpus.fields import ID_RE, NUMBER_RE, Fields, value_kind
from briefcmp.corpus.model import (
    BOUNDS, CLAIM_KINDS, CLAIM_STATUSES, SCALES, STANCES, VALUE_TYPES, Brief, Claim, Config, Entity, KeyDef, Tolerance, Topic, Value,
)
from briefcmp.corpus.model import METADATA_FIELDS, METADATA_ORIGINS, ORIGINAL_TYPES, Original
from briefcmp.corpus.problems import Problems, suggest
from briefcmp.corpus.rules import unknown as unknown_rule
from briefcmp.corpus.paths import CLAIMS_SUFFIX, CONFIG_NAME  # noqa: F401  (re-exported)
from briefcmp.corpus.yamlsafe import YList, YMap

_PERCENT = re.compile(r"^([+-]?\d+(\.\d+)?)\s*%$")
_SHA = re.compile(r"^[0-9a-f]{64}$")


# --------------------------------------------------------------------------- config

_CONFIG_FIELDS = ("format", "title", "fiscal_year_start", "topics", "entities", "keys", "check")
_CHECK_FIELDS = ("select", "ignore")
_TOPIC_FIELDS = ("label", "description", "parent")
_ENTITY_FIELDS = ("label", "aliases", "description")
_KEY_FIELDS = ("label", "description", "type", "unit", "tolerance", "topics", "subjects", "values", "terms")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")


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
    start = f.number(root, "fiscal_year_start", "config")
    if start is not None:
        if start != int(start) or not 1 <= start <= 12:
            problems.error(path, root.mark_of("fiscal_year_start"), "bad-value",
                           'config: "fiscal_year_start" must be a month number, 1 to 12 (4: April)')
        else:
            config.fiscal_year_start = int(start)
    _check_table(f, root, config)
    for tid, t, mark in _entries(f, root, "topics"):
        f.check_keys(t, f"topic {tid}", _TOPIC_FIELDS, ["label"])
        config.topics[tid] = Topic(tid, f.string(t, "label", f"topic {tid}", tid),
                                   f.string(t, "description", f"topic {tid}"),
                                   f.string(t, "parent", f"topic {tid}"))
    _keep_listed(root, "topics", config.topics, lambda i: Topic(i, i, "", ""))
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
    _keep_listed(root, "entities", config.entities, lambda i: Entity(i, i, ()))
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
            topics, subjects, f.strings(k, "values", where), mark[0], _terms(f, k, where))
    listed = root.get("keys")
    if isinstance(listed, YMap):
        config.broken_keys = tuple(k for k in listed if k not in config.keys)
    return config


def _check_table(f: Fields, root: YMap, config: Config) -> None:
    """The ``check:`` table: ``select`` and ``ignore`` lists of rules, as ruff's ``[lint]`` table."""
    if root.get("check") is None:
        return
    table = f.mapping(root["check"], root.mark_of("check"), "config: check")
    if table is None:
        return
    f.check_keys(table, "config: check", _CHECK_FIELDS)
    for name in _CHECK_FIELDS:
        listed = f.strings(table, name, "config: check")
        items = table.get(name)
        marks = items.item_marks if isinstance(items, YList) else [table.mark_of(name)] * len(listed)
        for selector, mark in zip(listed, marks):
            message = unknown_rule(selector)
            if message:
                f.problems.error(f.path, mark, "unknown-rule", f"config: check: {name}: {message}")
        setattr(config, f"check_{name}", listed)


def _terms(f: Fields, k: YMap, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``terms: {ja: [防衛費, 防衛予算], ko: 국방비}``: the key's words by language code."""
    value = k.get("terms")
    if value is None:
        return ()
    m = f.mapping(value, k.mark_of("terms"), f"{where}: terms")
    if m is None:
        return ()
    out = []
    for lang in m:
        if not isinstance(lang, str) or not _LANGUAGE_CODE.fullmatch(lang):
            f.problems.error(f.path, m.key_marks.get(lang, m.mark), "bad-value",
                             f"{where}: terms: {str(lang)!r} is not a language code (ja, ko, zh, de, fr, ...)")
            continue
        words = tuple(w.strip() for w in f.strings(m, lang, f"{where}: terms") if w.strip())
        if words:
            out.append((lang, words))
    return tuple(out)


def _keep_listed(root: YMap, section: str, known: dict, make) -> None:
    """A listed topic or entity whose entry is invalid (reported by ``_entries``) still exists, so
    the claims naming it get no "unknown" error each: one error for one mistake."""
    listed = root.get(section)
    if isinstance(listed, YMap):
        for i in listed:
            known.setdefault(i, make(i))


def _entries(f: Fields, root: YMap, section: str):
    """(id, mapping, mark) for each entry of a mapping-of-mappings section."""
    value = root.get(section)
    if value is None:
        return
    m = f.mapping(value, root.mark_of(section), section)
    if m is None:
        return
    for eid, entry in m.items():
        if not ID_RE.match(eid):
            f.problems.error(f.path, m.key_marks[eid], "bad-id",
                             f'{section}: id {eid!r} must be lower-case letters, digits, ".", "_" or "-"; '
                             "this entry is left out")
            continue
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
        if NUMBER_RE.match(value.strip()):
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
                 "source_sha256", "original", "note")
_CLAIM_FIELDS = ("id", "text", "quote", "prefix", "suffix", "kind", "topics", "subjects", "key", "value",
                 "as_of", "cites", "note", "status", "acknowledges")
_VALUE_FIELDS = {
    "quantity": ("type", "amount", "upper", "scale", "unit", "bound", "alternates"),
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
    if bm.get("original") is not None:
        brief.original = _parse_original(f, bm)
    claims = root.get("claims")
    if claims is None:
        problems.warning(path, root.mark, "no-claims", "claims file has no claims yet")
        return brief
    if not isinstance(claims, YList):
        problems.error(path, root.mark_of("claims"), "wrong-type", f"claims: expected a list, got {value_kind(claims)}")
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


_ORIGINAL_FIELDS = ("name", "path", "type", "sha256", "metadata_from")


def _parse_original(f: Fields, bm: YMap) -> Optional[Original]:
    """brief: original: the file the source text was extracted from (``briefcmp add``)."""
    where = "brief: original"
    om = f.mapping(bm.get("original"), bm.mark_of("original"), where)
    if om is None or not f.check_keys(om, where, _ORIGINAL_FIELDS, ["name", "type", "sha256"]):
        return None
    sha = f.string(om, "sha256", where)
    if not _SHA.match(sha):
        f.problems.error(f.path, om.mark_of("sha256"), "bad-value",
                         "brief: original: sha256 must be 64 lower-case hex digits (sha256 of the original file)")
    origins = []
    mf = om.get("metadata_from")
    if mf is not None:
        mm = f.mapping(mf, om.mark_of("metadata_from"), f"{where}: metadata_from")
        if mm is not None:
            f.check_keys(mm, f"{where}: metadata_from", METADATA_FIELDS)
            origins = [(k, f.choice(mm, k, f"{where}: metadata_from", METADATA_ORIGINS))
                       for k in METADATA_FIELDS if k in mm]
    return Original(name=f.string(om, "name", where), type=f.choice(om, "type", where, ORIGINAL_TYPES),
                    sha256=sha, path=f.string(om, "path", where), metadata_from=tuple(o for o in origins if o[1]))


def _parse_claim(f: Fields, item: Any, mark, brief: Brief, config: Config) -> Optional[Claim]:
    if not isinstance(item, YMap):
        f.problems.error(f.path, mark, "claim-dropped",
                         f"claim: expected a mapping with id, quote, ...; got {value_kind(item)}; this claim is left out")
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
        key=f.ident(cm, "key", where), as_of=f.period(cm, "as_of", where), cites=f.string(cm, "cites", where),
        note=f.string(cm, "note", where), prefix=f.string(cm, "prefix", where),
        suffix=f.string(cm, "suffix", where),
        status=f.choice(cm, "status", where, CLAIM_STATUSES, "reviewed"),
        acknowledges=f.strings(cm, "acknowledges", where), path=f.path, line=mark[0], col=mark[1],
    )
    if "value" in cm and cm["value"] is not None:
        claim.value = _parse_value(f, cm, where)
    _check_refs(f, cm, claim, config, where)
    return claim


def _quantity(f: Fields, vm: YMap, where: str) -> Optional[Value]:
    """A quantity value's fields (amount, upper, scale, unit, bound)."""
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


def _alternates(f: Fields, vm: YMap, where: str) -> tuple[tuple, ...]:
    """A quantity's other expressions ("alternates": a list of quantities without alternates), as the
    plain tuples ``Value.alternates`` holds; a bad one is reported and left out."""
    items = vm.get("alternates")
    if items is None:
        return ()
    if not isinstance(items, YList):
        f.problems.error(f.path, vm.mark_of("alternates"), "wrong-type",
                         f"{where}: alternates must be a list of quantities ({{amount: 64, scale: billion, unit: USD}})")
        return ()
    out = []
    for i, item in enumerate(items):
        at = f"{where} alternate {i + 1}"
        am = f.mapping(item, items.item_marks[i] if i < len(items.item_marks) else items.mark, at)
        if am is None:
            continue
        f.check_keys(am, at, ("amount", "upper", "scale", "unit", "bound"))
        alt = _quantity(f, am, at)
        if alt is not None:
            out.append((alt.amount, alt.upper, alt.scale, alt.unit, alt.bound))
    return tuple(out)


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
        value = _quantity(f, vm, where)
        return dataclasses.replace(value, alternates=_alternates(f, vm, where)) if value is not None else None
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
    if key is None and claim.key in config.broken_keys:
        return  # the config's own error about this key says it all
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
    elif v is not None and v.type == "quantity" and key.unit and v.unit != key.unit and \
            not (units.is_physical(v.unit) and units.comparable(v.unit, 0.0)[0] == units.comparable(key.unit, 0.0)[0]):
        # (MW under a key in GW converts: no warning)
        f.problems.warning(f.path, cm.mark_of("value"), "key-unit",
                           f'{where}: unit "{v.unit or "(none)"}" differs from key "{key.id}" unit "{key.unit}"')


