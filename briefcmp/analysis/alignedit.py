"""Applying what ``align`` proposes: the text edits that register keys (and the places and
bodies they name) in briefcmp.yaml and set them in the claims files, checked by parsing the
result before anything is written; comments and every other line stay as they were."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from briefcmp.analysis.align import DEFAULT_TOLERANCE, AlignResult, Group, Member, plan
from briefcmp.analysis.entities import name_forms
from briefcmp.analysis.rounding import written_decimals
from briefcmp.corpus import units
from briefcmp.corpus.model import Claim, Corpus


class AlignError(Exception):
    """The plan cannot be written (a file changed, an edit would not parse)."""


@dataclass
class Edit:
    path: Path
    old: str
    new: str


def _yaml_str(s: str) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ._/()-]*[A-Za-z0-9.)]", s) and ": " not in s and " #" not in s:
        return s
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _block_insert(text: str, section: str, entries: str) -> str:
    """Add ``entries`` (indented 2, ending in a newline) at the end of the top-level mapping ``section``."""
    lines = text.splitlines(keepends=True)
    head = re.compile(rf"^{re.escape(section)}:\s*(#.*)?$")
    for i, line in enumerate(lines):
        if head.match(line.rstrip("\r\n")):
            last = i
            for j in range(i + 1, len(lines)):
                stripped = lines[j].strip()
                if not stripped or stripped.startswith("#"):
                    continue
                if not lines[j][0].isspace():
                    break
                last = j
            child = next((ln for ln in lines[i + 1:last + 1] if ln.strip() and not ln.strip().startswith("#")), "")
            indent = len(child) - len(child.lstrip(" ")) if child else 2
            body = "".join((" " * (indent - 2) + ln if ln.strip() else ln) for ln in entries.splitlines(True)) \
                if indent >= 2 else entries
            if not lines[last].endswith("\n"):
                lines[last] += "\n"
            lines.insert(last + 1, body)
            return "".join(lines)
        if re.match(rf"^{re.escape(section)}:\s*\{{\s*\}}\s*(#.*)?$", line.rstrip("\r\n")):
            lines[i] = f"{section}:\n" + entries
            return "".join(lines)
    sep = "" if text.endswith("\n") or not text else "\n"
    return f"{text}{sep}\n{section}:\n{entries}"


def key_tolerance(members: list[Member]) -> str:
    """The tolerance of a new key: rounding and nothing more.

    Percentages, percentage points and durations differ only by the rounding of the
    most precisely written figure: half a unit of its last digit ("7.7" and "7.8" percent
    differ; "73.7" and "74.5" years differ), in days for durations. Money and counts keep
    a small relative tolerance ("about $1.3 billion" and "$1.28 billion" agree)."""
    unit = members[0].unit
    duration = members[0].dim == "duration"
    if unit not in ("percent", "percentage-points") and not duration:
        return DEFAULT_TOLERANCE
    decimals = 0
    for m in members:
        for x in (m.claim.value.amount, m.claim.value.upper):
            if x is not None:
                text = f"{x:.6f}".rstrip("0").rstrip(".")
                decimals = max(decimals, len(text.split(".")[1]) if "." in text else 0,
                               written_decimals(x, m.claim.quote or ""))  # "1.0%" is stored as 1
    step = 0.5 * 10 ** -decimals
    if duration:
        step = units.comparable(unit, step)[1]  # durations compare in days
    return f"{step:.6g}"


def _key_entry(g: Group) -> str:
    refs = ", ".join(m.claim.ref for m in g.members)
    if g.members[0].dim in ("category", "stance"):  # a statement's key (analysis.alignfacts)
        return _statement_key_entry(g, refs)
    out = [f"  {g.key}:", f"    label: {_yaml_str(g.label)}",
           "    description: " + _yaml_str(f"Drafted by briefcmp align from {refs}; edit the label into a question."),
           f"    type: {g.members[0].dim if g.members[0].dim in ('rank', 'date') else 'quantity'}"]
    if g.unit:
        out.append(f"    unit: {_yaml_str(g.unit)}")
    if g.members[0].dim not in ("rank", "date"):  # a rank is exact; a date is compared by its precision
        tolerance = key_tolerance(g.members)
        out.append(f'    tolerance: "{tolerance}"' if tolerance.endswith("%") else f"    tolerance: {tolerance}")
    if g.topics:
        out.append(f"    topics: [{', '.join(g.topics)}]")
    if g.subjects:
        out.append(f"    subjects: [{', '.join(g.subjects)}]")
    return "\n".join(out) + "\n"


def _statement_key_entry(g: Group, refs: str) -> str:
    vtype = g.members[0].dim
    seen = sorted({m.claim.value.display() for m in g.members if m.claim.value is not None})
    out = [f"  {g.key}:", f"    label: {_yaml_str(g.label)}",
           "    description: " + _yaml_str(f"Drafted by briefcmp align from {refs}; values seen: {', '.join(seen)}."),
           f"    type: {vtype}"]
    if g.topics:
        out.append(f"    topics: [{', '.join(g.topics)}]")
    if g.subjects:
        out.append(f"    subjects: [{', '.join(g.subjects)}]")
    return "\n".join(out) + "\n"


def _entity_entry(eid: str, label: str) -> str:
    from briefcmp.analysis.countrydata import countries

    country = next((c for c in countries() if c.id == eid), None)
    aliases = [n for n in (country.names if country else ()) if n != label and n not in name_forms(label)
               and not n.isupper() and "." not in n]
    out = [f"  {eid}:", f"    label: {_yaml_str(label)}"]
    if aliases:
        out.append(f"    aliases: [{', '.join(_yaml_str(a) for a in aliases)}]")
    return "\n".join(out) + "\n"


def _set_key(text: str, claim: Claim, key: str) -> str:
    """Insert ``key: KEY`` after the claim's ``id:`` line (block mappings only)."""
    lines = text.splitlines(keepends=True)
    start = max(claim.line - 1, 0)
    for i in range(start, min(start + 3, len(lines))):
        m = re.match(r"^(\s*-\s+|\s+)id:\s*(['\"]?)([^'\"#\s]+)\2\s*(#.*)?$", lines[i].rstrip("\r\n"))
        if m and m.group(3) == claim.id:
            indent = len(m.group(1))
            nl = "\r\n" if lines[i].endswith("\r\n") else "\n"
            if not lines[i].endswith("\n"):
                lines[i] += nl
            lines.insert(i + 1, " " * indent + f"key: {key}{nl}")
            return "".join(lines)
    raise AlignError(f"{claim.path}:{claim.line}: cannot find the id line of claim {claim.id} "
                     "(a flow mapping?); set its key by hand")


_AS_OF_WHY = {"relative": "read from the text against the publication date",
              "release": "period inferred from the release: the period that reports of it published within days state",
              "brief": "the brief's own period (its title's, else the one its figures state most): "
                       "its value agrees with every figure of that period",
              "release-date": "the date of the release: reports published within days of each other, "
                              "none stating a period, that agree",
              "stated": "the period the sentence states (a comparison base is not the period)",
              "drafted": "as drafted",
              "agreed": "the period of the figures it agrees with, keyed together in align --review",
              "named": "the sentence's \"in the quarter\" (or month, year): the brief's own period, its title's or lead's"}


def keyed_as_of(m) -> str:
    """The as-of keying a group writes for its member ``m`` (a draft claim whose period align reads
    otherwise), or ""."""
    c = m.claim
    if c.status != "draft" or not m.period or m.period_how not in _AS_OF_WHY:
        return ""
    if c.as_of is not None and not c.as_of_inferred and str(c.as_of) == m.period:
        return ""
    return m.period


def as_of_changes(result: AlignResult) -> list[tuple[Claim, str, str]]:
    """(claim, as-of, why) for draft claims of sure groups whose period align reads differently."""
    return [(m.claim, m.period, _AS_OF_WHY[m.period_how]) for g in result.groups for m in g.members if keyed_as_of(m)]


def _set_kind_fact(text: str, claim: Claim) -> str:
    """``kind: forecast`` -> ``kind: fact`` in the claim's block: a budget adopted is a figure of fact."""
    lines = text.splitlines(keepends=True)
    for i in range(max(claim.line - 1, 0), min(claim.line + 12, len(lines))):
        m = re.match(r"^(\s+)kind:\s*forecast\s*(#.*)?$", lines[i].rstrip("\r\n"))
        if m:
            nl = "\r\n" if lines[i].endswith("\r\n") else "\n"
            lines[i] = f"{m.group(1)}kind: fact  # align: a budget or plan adopted is a figure of fact{nl}"
            return "".join(lines)
        if i > claim.line and re.match(r"^\s*-\s", lines[i]):
            break
    return text


def set_as_of_line(text: str, claim: Claim, period: str, why: str) -> str:
    """Set the claim's ``as_of:`` (replaced, or inserted after its id/key lines), with a comment saying why."""
    lines = text.splitlines(keepends=True)
    start = max(claim.line - 1, 0)
    for i in range(start, min(start + 3, len(lines))):
        m = re.match(r"^(\s*-\s+|\s+)id:\s*(['\"]?)([^'\"#\s]+)\2\s*(#.*)?$", lines[i].rstrip("\r\n"))
        if not (m and m.group(3) == claim.id):
            continue
        indent = len(m.group(1))
        nl = "\r\n" if lines[i].endswith("\r\n") else "\n"
        new_line = " " * indent + f"as_of: {period}  # align: {why}{nl}"
        j = i + 1
        # (the claim ends at the next item of the list, not at a quote's text that begins "- ")
        while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip(" ")) >= indent) \
                and not re.match(rf"^\s{{0,{max(indent - 2, 0)}}}-\s", lines[j]):
            if re.match(rf"^\s{{{indent}}}as_of:", lines[j]):
                lines[j] = new_line
                return "".join(lines)
            j += 1
        lines.insert(i + 1, new_line)
        return "".join(lines)
    raise AlignError(f"{claim.path}:{claim.line}: cannot find the id line of claim {claim.id}; set its as_of by hand")


def keyed_unit(m) -> str:
    """The currency keying a group writes into its draft member's value when align read one the value does not
    write (``briefunits``: "10.9 billion francs" in a Swiss report, "Revenue 61.2bn" in a note in euros), or ""."""
    v = m.claim.value
    if m.claim.status != "draft" or v is None or v.alternates or not units.is_currency(m.unit):
        return ""
    return m.unit if units.canonical_unit(v.unit) != m.unit else ""


_FLOW_VALUE = re.compile(r"^(?P<head>\s+value:\s*\{)(?P<body>[^{}\n]*)\}\s*$")


def set_unit_line(text: str, claim: Claim, code: str, why: str) -> str:
    """Set the currency of the claim's one-line ``value:`` mapping (its ``unit:`` replaced or added), with a
    comment saying where it came from; a value written otherwise is left as it is."""
    lines = text.splitlines(keepends=True)
    start = max(claim.line - 1, 0)
    for i in range(start, min(start + 12, len(lines))):
        line = lines[i].rstrip("\r\n")
        if i > start and re.match(r"^\s*-\s", line):
            break
        m = _FLOW_VALUE.match(line)
        if m is None:
            continue
        parts = [p.strip() for p in m.group("body").split(",") if p.strip()]
        parts = [p for p in parts if not p.startswith("unit:")]
        at = next((j for j, p in enumerate(parts) if p.startswith("bound:")), len(parts))
        parts.insert(at, f"unit: {code}")
        nl = lines[i][len(line):]
        lines[i] = f"{m.group('head')}{', '.join(parts)}}}  # align: {why}{nl}"
        return "".join(lines)
    return text


def plan_edits(result: AlignResult, corpus: Corpus) -> list[Edit]:
    """The text edits that write the sure groups: config (entities, keys) and claims files."""
    if not result.groups:
        return []
    config_path = Path(corpus.config.path) if corpus.config.path else Path(corpus.root) / "briefcmp.yaml"
    old = config_path.read_text(encoding="utf-8") if config_path.exists() else ""
    new = old
    if result.entities:
        entries = "".join(_entity_entry(e, label) for e, label in sorted(result.entities.items()))
        new = _block_insert(new, "entities", entries)
    fresh = [g for g in result.groups if g.new]
    if fresh:
        new = _block_insert(new, "keys", "".join(_key_entry(g) for g in fresh))
    edits = [Edit(config_path, old, new)] if new != old else []
    by_file: dict[str, list[tuple[Claim, str]]] = defaultdict(list)
    for g in result.groups:
        for m in g.members:
            by_file[m.claim.path].append((m.claim, g.key))
    periods: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for claim, period, why in as_of_changes(result):
        periods[claim.path][claim.id] = (period, why)
    plans: dict[str, set[str]] = defaultdict(set)
    currencies: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for g in result.groups:
        for m in g.members:
            if plan(m):
                plans[m.claim.path].add(m.claim.id)
            if keyed_unit(m):
                currencies[m.claim.path][m.claim.id] = (m.unit, f"currency: {m.unit_from}" if m.unit_from else
                                                        "the currency its name says (CLDR)")
    for path, items in sorted(by_file.items()):
        text = Path(path).read_text(encoding="utf-8")
        new_text = text
        for claim, key in sorted(items, key=lambda it: -it[0].line):  # bottom up: line numbers stay right
            if claim.id in plans[path]:
                new_text = _set_kind_fact(new_text, claim)
            if claim.id in periods[path]:
                new_text = set_as_of_line(new_text, claim, *periods[path][claim.id])
            if claim.id in currencies[path]:
                new_text = set_unit_line(new_text, claim, *currencies[path][claim.id])
            new_text = _set_key(new_text, claim, key)
        edits.append(Edit(Path(path), text, new_text))
    return edits


def verify(edits: list[Edit], corpus: Corpus) -> None:
    """Re-parse every edited text; refuse when an edit brings an error the file did not have."""
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.parse import parse_claims_file, parse_config
    from briefcmp.corpus.problems import Problems, Severity

    def errors(problems: Problems) -> int:
        return sum(1 for p in problems if p.severity == Severity.ERROR)

    config_path = Path(corpus.config.path) if corpus.config.path else None
    config_edit = next((e for e in edits if config_path is not None and e.path == config_path), None)
    new_config = corpus.config
    if config_edit is not None:
        counts = []
        for text in (config_edit.old, config_edit.new):
            problems = Problems()
            data = yamlsafe.parse(text, str(config_edit.path), problems)
            cfg = parse_config(data, str(config_edit.path), problems) if data is not None else None
            counts.append(errors(problems))
        if cfg is None or counts[1] > counts[0]:
            raise AlignError(f"{config_edit.path}: the edited config would not parse cleanly; nothing written")
        new_config = cfg
        new_config.path = corpus.config.path
    for e in edits:
        if e is config_edit:
            continue
        counts = []
        for text, cfg in ((e.old, corpus.config), (e.new, new_config)):
            problems = Problems()
            data = yamlsafe.parse(text, str(e.path), problems)
            brief = parse_claims_file(data, str(e.path), problems, cfg) if data is not None else None
            counts.append(errors(problems))
        if brief is None or counts[1] > counts[0]:
            raise AlignError(f"{e.path}: the edited claims file would not parse cleanly; nothing written")


def apply_plan(result: AlignResult, corpus: Corpus) -> list[Path]:
    """Write the sure groups into the config and the claims files (atomically, each re-parsed first)."""
    from briefcmp.corpus.files import OutputError, confine

    try:  # the corpus's files are written only inside it (the rule reading follows): checked before any read
        config_path = Path(corpus.config.path) if corpus.config.path else Path(corpus.root) / "briefcmp.yaml"
        confine(config_path, corpus.root)
        edits = plan_edits(result, corpus)
        for e in edits:
            confine(e.path, corpus.root)
    except OutputError as exc:
        raise AlignError(str(exc)) from exc
    verify(edits, corpus)
    return write_edits(edits, corpus)


def write_edits(edits: list[Edit], corpus: Corpus) -> list[Path]:
    """Write verified edits, each file atomically, inside the corpus, in its own line endings; refuse a
    file that changed since its text was read (``AlignError``). Also ``align --review``'s value edits."""
    from briefcmp.corpus.files import OutputError, line_ending, with_line_ending, write_file

    written = []
    for e in edits:
        raw = e.path.read_bytes() if e.path.exists() else b""
        if raw.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n") != e.old.replace("\r\n", "\n"):
            raise AlignError(f"{e.path}: changed while align ran; run it again")
        try:  # each file keeps its own line endings (the edit was made on the text as Python reads it)
            write_file(e.path, with_line_ending(e.new, line_ending(raw)), force=True, within=corpus.root)
        except OutputError as exc:
            raise AlignError(str(exc)) from exc
        written.append(e.path)
    return written
