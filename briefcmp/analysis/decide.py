"""Deciding the groups ``align`` proposes, one at a time: what ``align --review``, ``--accept`` and
``--reject`` do, for the CLI and for benchmarks alike.

``Session`` holds the corpus, the decisions store and the proposals (screened by what was
decided before). ``accept`` keys a group as ``align --apply`` would (``alignedit.apply_plan``
on a plan of that one group, with the config parsed again and each claim's id line found again,
since earlier accepts moved lines and registered keys), then records the decision; ``reject``
and ``split`` only record. ``pending`` says what is left of a proposal after the decisions made
since align ran, so a review never asks about what it already settled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional

from briefcmp.analysis import reviewgroups
from briefcmp.analysis.acceptperiods import reconciled
from briefcmp.analysis.align import AlignResult, Group, align
from briefcmp.analysis.decisions import (Decision, DecisionError, Store, corpus_store, group_id, group_refs,
                                         keyed_claims, reduce, screen)
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.keynames import reason
from briefcmp.corpus.model import Corpus


class ReviewError(Exception):
    """A decision cannot be carried out (a claim changed, a file cannot be written)."""


@dataclass
class Session:
    """One review: the corpus as it is now, the store, the proposals still to decide."""

    corpus: Corpus
    store: Store
    result: AlignResult  # screened proposals
    raw: AlignResult  # before screening: a rejected group may still be accepted by its id
    entities: Entities
    reload: Callable[[], Corpus]
    written: list[Path] = field(default_factory=list)
    decided: int = 0  # decisions made in this session
    keyed: dict[str, str] = field(default_factory=dict)  # claim ref -> key, for the claims keyed in this session
    under: dict[str, list[str]] = field(default_factory=dict)  # key -> refs of its claims (at start, then keyed)
    labels: dict[str, str] = field(default_factory=dict)  # key -> question, of the keys this session wrote
    listed: list[Group] = field(default_factory=list)  # what `align` lists (its ids are accepted by --accept too)
    read_at: int = 0  # the decisions made when ``corpus`` was read (an accept writes keys and as-of dates since)

    @property
    def proposals(self) -> list[Group]:
        return [*self.result.groups, *self.result.candidates]


def start(corpus: Corpus, reload: Callable[[], Corpus], store: Optional[Store] = None, asking: bool = True) -> Session:
    """Run align on ``corpus`` and screen its proposals by the decisions recorded in the corpus. ``asking``: a
    review, which asks about figures as ``reviewgroups`` groups them (else align's proposals, as listed)."""
    store = store if store is not None else corpus_store(corpus)
    entities = Entities(corpus.config)
    listed = align(corpus, entities)
    # the groups a person is asked about: whole measures, formed again around what was decided before
    raw = reviewgroups.for_review(listed, entities, Group, corpus.config.keys, store.apart()) if asking else listed
    return Session(corpus, store, screen(raw, store, corpus), raw, entities, reload, under=keyed_claims(corpus),
                   listed=[*listed.groups, *listed.candidates])


def pending(session: Session, group: Group) -> Optional[Group]:
    """``group`` as it stands after the decisions made since align ran, or None when nothing is left to ask.

    Claims keyed otherwise meanwhile leave it. When a new key's group had claims keyed under one
    key K meanwhile, the rest are proposed to join K (as the next run of align would: they read as
    the claims now under K); else what is left is a group if it still can be. Claims a rejection or a
    split keeps apart leave it too (``decisions.reduce``)."""
    if not group.new and group.key not in session.corpus.config.keys and group.key not in session.labels:
        # A candidate to join the key this run proposes for its confident core: asked only once that core
        # is keyed. Its core rejected (or not yet decided), it could never be accepted: offering it again
        # and again is a loop a person cannot leave.
        return None
    # A new key's name is only a draft (two proposals may draft one name): any claim keyed meanwhile
    # is keyed otherwise. A claim joining a registered key stays if it was keyed under that key.
    members = [m for m in group.members if m.claim.ref not in session.keyed
               or (not group.new and session.keyed[m.claim.ref] == group.key)]
    if len(members) < len(group.members):
        elsewhere = {session.keyed[m.claim.ref] for m in group.members if m not in members}
        if group.new and len(elsewhere) == 1 and members:
            key = elsewhere.pop()
            group = replace(group, key=key, new=False, label=session.labels.get(key, key), members=members,
                            sure=False, doubt="proposed to join the key a person just gave claims of this group")
        elif len(members) < (2 if group.new else 1) or (group.new and len({m.claim.brief for m in members}) < 2):
            return None
        else:
            group = replace(group, members=members, sure=False, doubt="some of its claims were keyed otherwise meanwhile")
    if session.decided:
        group = reduce(group, session.store, session.under)
    # what its figures agree on is one period (the view shows the as-of keying sets before the person answers)
    return reconciled(group) if group is not None else None


def _record(session: Session, decision: Decision) -> None:
    try:
        session.store.record(decision)
    except DecisionError as exc:
        raise ReviewError(str(exc)) from exc
    session.decided += 1


def reject(session: Session, group: Group) -> None:
    """Not the same question: no two of these claims (or none of them for a registered key) proposed again."""
    _record(session, Decision(group_id(group), "reject", group_refs(group), key=group.key,
                              registered=not group.new))


def split(session: Session, group: Group, kept: list[str]) -> list[Group]:
    """Record that the claims ``kept`` go together and the others not with them; return the parts
    still to decide (a part of a new key needs two claims; a part joining a registered key, one)."""
    kept_set = set(kept)
    mine = [m for m in group.members if m.claim.ref in kept_set]
    rest = [m for m in group.members if m.claim.ref not in kept_set]
    if not mine or not rest:
        raise ReviewError("a split keeps some claims and leaves others")
    _record(session, Decision(group_id(group), "split", group_refs(group), key=group.key,
                              registered=not group.new, kept=tuple(sorted(kept_set))))
    least = 2 if group.new else 1
    # each part says why of its own claims (the whole group's "why" names claims split away)
    return [replace(group, members=part, sure=False, doubt="split by a person",
                    reason=reason(part, "" if group.new else "the key " + group.key))
            for part in (mine, rest) if len(part) >= least]


def _id_line(text: str, claim_id: str, was: int) -> Optional[int]:
    """The line the claim's ``id:`` is on now: at or below where it was (accepts only insert lines)."""
    pattern = re.compile(r"(\s*-\s+|\s+)id:\s*(['\"]?)" + re.escape(claim_id) + r"\2\s*(#.*)?")
    lines = text.splitlines()
    for i in range(max(was - 1, 0), len(lines)):
        if pattern.fullmatch(lines[i]):
            return i + 1
    return None


def _config_now(corpus: Corpus):
    """The config as its file is now (one file parsed), or None when it cannot be read cleanly."""
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.files import read_regular
    from briefcmp.corpus.parse import parse_config
    from briefcmp.corpus.problems import Problems, Severity

    if not corpus.config.path:
        return None
    problems = Problems()
    try:
        text = yamlsafe.decode(read_regular(corpus.config.path, yamlsafe.MAX_BYTES), corpus.config.path, problems)
    except OSError:
        return None
    data = yamlsafe.parse(text, corpus.config.path, problems) if text is not None else None
    config = parse_config(data, corpus.config.path, problems) if data is not None else None
    if config is None or any(p.severity == Severity.ERROR for p in problems):
        return None
    config.path = corpus.config.path
    return config


def _current(session: Session, group: Group) -> tuple[Corpus, dict]:
    """The corpus and the group's claims as the files are now, without reloading the corpus: the config
    parsed again, each claim at the line its id is on now, with the key this session gave it. (A
    whole reload, slow on a large corpus, only when that fails.)"""
    config = _config_now(session.corpus)
    claims = {}
    texts: dict[str, str] = {}
    for m in group.members:
        c = m.claim
        if config is None:
            break
        try:
            text = texts.get(c.path) or texts.setdefault(c.path, Path(c.path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            break
        line = _id_line(text, c.id, c.line)
        if line is None:
            break
        claims[c.ref] = replace(c, line=line, key=session.keyed.get(c.ref, c.key))
    else:
        if config is not None:
            return replace(session.corpus, config=config), claims
    corpus = session.reload()
    return corpus, {c.ref: c for b in corpus.briefs for c in b.claims}


def registrable(subjects, registered) -> list[str]:
    """The subjects a key written now registers as entities: not registered yet, and no name align only
    inferred ("(africa)" is no id: a group joining a registered key as much as a new key's)."""
    return [s for s in subjects if s not in registered and not s.startswith("(")]


def accept(session: Session, group: Group, label: str = "", key: str = "") -> Group:
    """Key the group's claims together as ``align --apply`` does, then record it; returns the group as written."""
    from briefcmp.analysis.alignedit import AlignError, apply_plan

    group = reconciled(group)
    corpus, claims = _current(session, group)
    members = []
    for m in group.members:
        c = claims.get(m.claim.ref)
        if c is None:
            raise ReviewError(f"{m.claim.ref}: no longer in the corpus; run align again")
        if c.key:
            if not group.new and c.key == group.key:
                continue  # already under the registered key it joins
            raise ReviewError(f"{m.claim.ref}: has the key {c.key} now; run align again")
        members.append(replace(m, claim=c))
    g = replace(group, members=members, label=label or group.label, key=key or group.key)
    if g.new:
        # A key registered since align ran (an earlier accept, a split's other part) is not reused.
        base, n = g.key, 2
        while g.key in corpus.config.keys:
            g, n = replace(g, key=f"{base}-{n}"), n + 1
        # Only registered entities and named countries can be a key's subjects.
        g = replace(g, subjects=tuple(s for s in g.subjects if not s.startswith("(")))
    elif g.key not in corpus.config.keys:
        raise ReviewError(f"key {g.key} is not registered: accept the group that proposes it first, "
                          "or run align again")
    entities = {s: session.entities.label(s) for s in registrable(g.subjects, corpus.config.entities)}
    if members:
        try:
            session.written += apply_plan(AlignResult(groups=[g], entities=entities), corpus)
        except (AlignError, OSError) as exc:
            raise ReviewError(str(exc)) from exc
    session.keyed.update((m.claim.ref, g.key) for m in group.members)
    session.under.setdefault(g.key, []).extend(m.claim.ref for m in group.members)
    session.labels[g.key] = g.label
    _record(session, Decision(group_id(group), "accept", group_refs(group), key=g.key, registered=not g.new,
                              label=g.label if g.label != group.label else ""))
    return g
