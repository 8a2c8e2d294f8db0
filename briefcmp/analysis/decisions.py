"""What a person decided about the groups ``align`` proposes, kept in ``align-decisions.yaml``.

Each group has a stable **candidate id** (``c-`` and six hex digits of the SHA-1 of its sorted
claim refs): the same claims give the same id on every run, whatever key align drafts for them.
A decision is one entry of the file:

- ``accept``: the claims were keyed together (the key is in the claims files; the entry is
  the record of it);
- ``reject``: the claims are not the same question. No two of them are proposed together
  again; for a group that joined a registered key, none of them is proposed for that key again;
- ``split``: the claims in ``kept`` go together, the others not with them.

The file is read with located problems (``path:line:col``) and never trusted to run
anything (safe YAML). Entries are appended as text, one per decision, written atomically:
comments and hand edits stay as they were, and an interrupted review loses nothing. When an
id is decided twice, the last entry counts.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from itertools import combinations
from pathlib import Path
from typing import Iterable, Optional

from briefcmp.analysis.align import AlignResult, Group
from briefcmp.corpus import yamlsafe
from briefcmp.corpus.fields import Fields
from briefcmp.corpus.files import read_regular
from briefcmp.corpus.model import Corpus
from briefcmp.corpus.paths import DECISIONS_NAME
from briefcmp.corpus.problems import Problems, Severity

DECISIONS = ("accept", "reject", "split")
ID_PATTERN = re.compile(r"c-[0-9a-f]{6,40}")
_REF = re.compile(r"[a-z0-9][a-z0-9._-]*#[a-z0-9][a-z0-9._-]*")
_FIELDS = ("id", "decision", "claims", "key", "registered", "kept", "label", "date", "note")
_HEADER = """\
# Decisions on the groups `briefcmp align` proposes, written by `align --review`,
# `--accept ID` and `--reject ID` (one entry per decision; the last entry on an id counts).
# A rejected group is never proposed again: no two of its claims share a proposal.
# Delete an entry to have its group proposed again.
format: 1
decisions:
"""


class DecisionError(Exception):
    """The decisions file cannot be written (it has errors, or changed meanwhile)."""


def candidate_id(refs: Iterable[str], length: int = 6) -> str:
    """``c-`` + the first ``length`` hex digits of the SHA-1 of the sorted claim refs."""
    return "c-" + hashlib.sha1("\n".join(sorted(refs)).encode()).hexdigest()[:length]


def group_refs(group: Group) -> tuple[str, ...]:
    return tuple(sorted(m.claim.ref for m in group.members))


def group_id(group: Group) -> str:
    return candidate_id(group_refs(group))


@dataclass
class Decision:
    id: str
    decision: str  # accept | reject | split
    claims: tuple[str, ...]
    key: str = ""
    registered: bool = False  # the group joined a key registered before it
    kept: tuple[str, ...] = ()  # split: the claims that go together
    label: str = ""
    date: str = ""
    note: str = ""
    line: int = 0


@dataclass
class Store:
    """A loaded decisions file (a missing file is an empty store)."""

    path: Path
    shown: str
    exists: bool = False
    text: str = ""
    decisions: list[Decision] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    root: Optional[Path] = None  # the corpus folder: the file is read and written only inside it
    _apart: Optional[tuple] = field(default=None, repr=False)  # made once, again after each record

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == Severity.ERROR)

    def last(self) -> dict[str, Decision]:
        """The decision that counts for each id."""
        return {d.id: d for d in self.decisions}

    def apart(self) -> tuple[set[frozenset[str]], set[tuple[str, str]]]:
        """Claim pairs never to be proposed together, and (claim, registered key) pairs never proposed."""
        if self._apart is not None:
            return self._apart
        pairs: set[frozenset[str]] = set()
        not_key: set[tuple[str, str]] = set()
        # The last decision counts per id and, for claims joining a registered key, per key: one group's claims
        # rejected for one key and then for another are kept from both (an id names the claims, not the key).
        last = {(d.id, d.key if d.registered else ""): d for d in self.decisions}
        for d in last.values():
            if d.decision == "reject" and d.registered and d.key:
                not_key.update((ref, d.key) for ref in d.claims)
            elif d.decision == "reject":
                pairs.update(frozenset(p) for p in combinations(d.claims, 2))
            elif d.decision == "split":
                rest = [r for r in d.claims if r not in d.kept]
                pairs.update(frozenset((a, b)) for a in d.kept for b in rest)
        self._apart = (pairs, not_key)
        return self._apart

    def record(self, decision: Decision) -> None:
        """Append one decision to the file, atomically, in the file's own line endings; refuse when the
        file has errors, changed meanwhile, or is a link out of the corpus."""
        from briefcmp.corpus.files import OutputError, line_ending, with_line_ending, write_file

        if self.errors:
            raise DecisionError(f"{self.shown}: has errors (run `briefcmp check`); fix it before deciding")
        current = _read(self.path)
        if current is not None and current != self.text:
            raise DecisionError(f"{self.shown}: changed while the review ran; run it again")
        ending = line_ending(self.text.encode("utf-8", "replace"))
        text = self.text.replace("\r\n", "\n") if self.text.strip() else _HEADER
        if not text.endswith("\n"):
            text += "\n"
        if not re.search(r"(?m)^decisions:", text):
            text += "decisions:\n"
        text = with_line_ending(text + _entry_text(decision), ending)
        try:
            write_file(self.path, text, force=True, within=self.root)
        except OutputError as exc:
            raise DecisionError(str(exc)) from exc
        self.text, self.exists = text, True
        self.decisions.append(decision)
        self._apart = None


def _read(path: Path) -> Optional[str]:
    try:
        return read_regular(path, yamlsafe.MAX_BYTES).decode("utf-8", "replace")
    except FileNotFoundError:
        return None


def _scalar(s: str) -> str:
    # A JSON string is a YAML double-quoted scalar; ASCII-only, so no control or bidi character is written raw.
    return json.dumps(s, ensure_ascii=True)


def _entry_text(d: Decision) -> str:
    out = [f"  - id: {d.id}", f"    decision: {d.decision}",
           f"    claims: [{', '.join(_scalar(r) for r in d.claims)}]"]
    if d.key:
        out.append(f"    key: {_scalar(d.key)}")
    if d.registered:
        out.append("    registered: true")
    if d.decision == "split":
        out.append(f"    kept: [{', '.join(_scalar(r) for r in d.kept)}]")
    if d.label:
        out.append(f"    label: {_scalar(d.label)}")
    out.append(f"    date: {d.date or datetime.date.today().isoformat()}")
    return "\n".join(out) + "\n"


def decisions_path(corpus: Corpus) -> Path:
    return Path(corpus.root) / DECISIONS_NAME


def corpus_store(corpus: Corpus) -> Store:
    """The corpus's decisions file, loaded (a missing one is empty); named in messages as every other
    file of the corpus is, relative to the working folder ("nz/align-decisions.yaml")."""
    from briefcmp.corpus.paths import display_path

    path = decisions_path(corpus)
    return load_store(path, display_path(path), root=Path(corpus.root))


def load_store(path: Path, shown: Optional[str] = None, root: Optional[Path] = None) -> Store:
    """Read and validate a decisions file; bad entries are reported (located) and left out. With ``root``
    (the corpus folder), a file that is a link to somewhere outside it is an error: never read nor written."""
    from briefcmp.corpus.files import inside, shown_path

    store = Store(Path(path), shown or str(path), root=Path(root) if root is not None else None)
    if root is not None and os.path.lexists(path) and not inside(path, root):
        store.exists = True
        store.problems.error(store.shown, (0, 0), "outside-corpus",
                             f"is a symbolic link to {shown_path(os.path.realpath(path))}, outside the corpus: "
                             "not read, not written (replace the link with a file)")
        return store
    try:
        raw = read_regular(path, yamlsafe.MAX_BYTES, allow_larger=True)
    except FileNotFoundError:
        return store
    except OSError as exc:
        store.exists = True
        store.problems.error(store.shown, (0, 0), "unreadable", f"cannot read file: {exc.strerror}")
        return store
    store.exists = True
    text = yamlsafe.decode(raw, store.shown, store.problems)
    if text is None:
        return store
    store.text = text
    data = yamlsafe.parse(text, store.shown, store.problems)
    if data is not None:
        store.decisions = _parse(data, store.shown, store.problems)
    return store


def _parse(data: object, path: str, problems: Problems) -> list[Decision]:
    f = Fields(path, problems)
    items = f.entry_list(data, "decisions file", "decisions")
    out = []
    for item, mark in zip(items or (), items.item_marks if items else ()):
        d = _parse_entry(f, item, mark)
        if d is not None:
            out.append(d)
    return out


def _parse_entry(f: Fields, item: object, mark) -> Optional[Decision]:
    head = f.entry(item, mark, "decision", _FIELDS, ["id", "decision", "claims"])
    if head is None:
        return None
    em, did, where, ok = head
    if did and not ID_PATTERN.fullmatch(did):
        f.problems.error(f.path, em.mark_of("id"), "bad-value",
                         f'{where}: "{did}" is not a candidate id; expected c- and hex digits, as align prints')
        ok = False
    decision = f.choice(em, "decision", where, DECISIONS)
    claims = f.strings(em, "claims", where)
    kept = f.strings(em, "kept", where)
    for name, refs in (("claims", claims), ("kept", kept)):
        for ref in refs:
            if not _REF.fullmatch(ref):
                f.problems.error(f.path, em.mark_of(name), "bad-value",
                                 f'{where}: "{ref}" is not a claim ref; expected brief-id#claim-id')
                ok = False
    if decision == "split" and (not kept or not set(kept) <= set(claims)):
        f.problems.error(f.path, em.mark_of("kept" if kept else "decision"), "bad-value",
                         f"{where}: a split lists the claims kept together (kept:), each one of its claims")
        ok = False
    registered = f.choice(em, "registered", where, ("true", "false"), "false") == "true"
    if not ok or not decision or not claims:
        return None
    return Decision(did, decision, tuple(claims), key=f.string(em, "key", where), registered=registered,
                    kept=tuple(kept), label=f.string(em, "label", where), date=f.string(em, "date", where),
                    note=f.string(em, "note", where), line=mark[0])


# --------------------------------------------------------------------------- screening align's proposals


REDUCED = "a person said some of these claims are not the same question"


def keyed_claims(corpus: Corpus) -> dict[str, list[str]]:
    """Key -> the refs of the claims under it."""
    keyed: dict[str, list[str]] = {}
    for brief in corpus.briefs:
        for c in brief.claims:
            if c.key:
                keyed.setdefault(c.key, []).append(c.ref)
    return keyed


def reduce(group: Group, store: Store, keyed: dict[str, list[str]]) -> Optional[Group]:
    """``group`` without the claims a decision keeps apart from it (the later claim of a rejected pair;
    a claim rejected for, or kept apart from the claims of, the registered key it would join); None when
    too few are left. A group that lost claims is a candidate, never applied."""
    pairs, not_key = store.apart()
    if not pairs and not not_key:
        return group
    kept = []
    for m in group.members:
        ref = m.claim.ref
        if not group.new and ((ref, group.key) in not_key
                              or any(frozenset((ref, r)) in pairs for r in keyed.get(group.key, ()))):
            continue
        if any(frozenset((ref, k.claim.ref)) in pairs for k in kept):
            continue
        kept.append(m)
    if len(kept) == len(group.members):
        return group
    if not kept or (group.new and (len(kept) < 2 or len({m.claim.brief for m in kept}) < 2)):
        return None
    return replace(group, members=kept, sure=False, doubt=REDUCED)


def screen(result: AlignResult, store: Store, corpus: Corpus) -> AlignResult:
    """``result`` without what was decided apart (see ``reduce``); each group once."""
    if not store.decisions:
        return result
    keyed = keyed_claims(corpus)
    out = AlignResult(considered=result.considered)
    seen: set[str] = set()
    for sure, groups in ((True, result.groups), (False, result.candidates)):
        for g in groups:
            g = reduce(g, store, keyed)
            if g is None or group_id(g) in seen:
                continue
            seen.add(group_id(g))
            (out.groups if g.sure and sure else out.candidates).append(g)
    used = {s for g in out.groups for s in g.subjects}
    out.entities = {s: label for s, label in result.entities.items() if s in used}
    return out


def find(ids: Iterable[str], groups: list[Group]) -> tuple[list[Group], list[str]]:
    """The groups the ids name (a unique prefix of an id will do), and the ids that name none."""
    by_id = {group_id(g): g for g in groups}
    found, unknown = [], []
    for i in ids:
        hits = [g for gid, g in by_id.items() if gid == i] or [g for gid, g in by_id.items() if gid.startswith(i)]
        if len(hits) == 1 and hits[0] not in found:
            found.append(hits[0])
        elif len(hits) != 1:
            unknown.append(i)
    return found, unknown
