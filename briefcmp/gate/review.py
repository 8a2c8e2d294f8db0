"""Reviewed conflicts: relations a person has looked at, kept in ``reviewed.yaml``.

A conflict (a relation of severity error or warning) listed in the reviewed file
with a justification does not fail ``briefcmp check``; an entry that matches no
current conflict is *stale* and does, so the file stays true. A claim may also
acknowledge a conflict inline (``acknowledges: [ID]``), with its ``note`` as
the justification.

A review covers the disagreement between the values it saw (``match_review``): the
conflict's claims fall into sides of agreeing values, and a claim that later joins a side
holding a reviewed claim keeps the review, although the relation id (which hashes every
claim) changes. A claim on a side of its own (a new value), a reviewed claim whose pinned
value changed (``review add`` pins each claim's value), or a reviewed claim that left the
conflict make it stale, and the message says which. Entries are matched by id first, else
to the conflict on their key and kind that holds their claims; acknowledgements, which
name only an id, to the subset of a conflict's claims whose id it is (``_ack_subset``).

Editing (``reviewed_edit.add_entries``, ``remove_entries``) works on the text, one entry block
at a time: comments and hand formatting of entries it does not touch survive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from briefcmp.corpus.model import Brief, Claim, Corpus, Relation
from briefcmp.corpus.problems import Problem, Problems, Severity, suggest
from briefcmp.gate.reviewed import REVIEWED_NAME, Entry, ReviewedFile, load_reviewed, pin


# The relations `check` reports (and that can be reviewed): conflicts between briefs and
# annotation problems, when crossref rates them error or warning. Agreements, changes over
# time and forecasts set against facts are findings of `compare`, not defects of a brief.
CHECKED_KINDS = ("contradiction", "disagreement", "annotation-problem")
CHECKED_SEVERITIES = ("error", "warning")


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
    path: str = ""  # where the review is written: the reviewed file, or the acknowledging claim
    line: int = 0
    col: int = 0
    reviewed_id: str = ""  # the id as written in the review (the relation's id when nothing joined since)
    joined: tuple[str, ...] = ()  # claims that joined a reviewed side after the review


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

    A review covers the disagreement between the values it saw (see ``match_review``): a
    claim that later joins one of the reviewed sides keeps the review; a new value, a changed
    reviewed value or a reviewed claim that left the conflict makes it stale.

    ``relations`` must be every relation of the loaded corpus (not a focused subset), so that
    an entry is called stale only when nothing matches it. When the corpus was only partly
    loaded (``complete`` False), entries naming a brief that is not loaded are not judged.
    """
    relations = list(relations)
    # Only the relations that entries and acknowledgements can name are indexed (by id, and
    # every relation of an entry's key), and only acknowledging claims' findings: at 10,000
    # briefs, indexes of every relation would be the peak of `compare`.
    acking = [c for c in corpus.claims() if c.acknowledges]
    ids = {e.id for e in reviewed.entries}.union(*(c.acknowledges for c in acking))
    keys = {e.key or e.id.partition(":")[0] for e in reviewed.entries}
    by_id: dict[str, Relation] = {}
    by_key: dict[str, list[Relation]] = {}
    for r in relations:
        if r.id in ids:
            by_id[r.id] = r  # the last of a repeated id, as a dict of every relation would keep
        if r.key in keys:
            by_key.setdefault(r.key, []).append(r)
    refs = ClaimsByRef(corpus)
    loaded = {b.id for b in corpus.briefs}
    out = Judgement()
    stale_severity = Severity.WARNING if allow_stale else Severity.ERROR
    for entry in reviewed.entries:
        rel, reason = _match_entry(entry, by_id, refs, by_key, loaded)
        if reason is None:
            assert rel is not None
            out.suppressions.setdefault(rel.id, Suppression(
                "external", entry.status, entry.justification, entry.reviewer, entry.date, reviewed.shown,
                entry.line, entry.col, entry.id, _joined(rel, entry.claims)))
        elif complete or entry.briefs <= loaded:
            out.stale.append(Stale(entry, reason, not entry.briefs <= loaded))
            if rel is not None and rel.id != entry.id and is_finding(rel):
                fix = (f"review the conflict as it is now (`briefcmp review add {rel.id}`) and remove this "
                       "entry (`briefcmp review prune`)")
            else:
                fix = "re-review it (`briefcmp review add --replace`) or remove it (`briefcmp review prune`)"
            out.problems.add(reviewed.shown, (entry.line, entry.col), stale_severity, "review-stale",
                             f"reviewed conflict {entry.id} is stale: {reason}; {fix}")
    of_claim: dict[str, list[Relation]] = {}  # acknowledging claim's ref -> the findings it takes part in
    acking_refs = {c.ref for c in acking}
    for r in relations:
        if acking_refs and is_finding(r):
            for c in r.claims:
                if c.ref in acking_refs:
                    of_claim.setdefault(c.ref, []).append(r)
    for claim in acking:
        for ack in claim.acknowledges:
            if not complete and ack not in by_id:  # its partner brief may simply not be loaded
                continue
            _judge_ack(claim, ack, of_claim.get(claim.ref, []), out, stale_severity)
    for rel in relations:
        sup = out.suppressions.get(rel.id)
        rel.reviewed = sup.status if sup else None
    return out


class ClaimsByRef:
    """The corpus's claims by ref (``brief#claim``), indexed a brief at a time as refs are asked
    for: a dict of every claim's ref is the largest thing `compare` would hold at 10,000 briefs,
    and only the claims that reviews name are looked up. As with such a dict, the last claim
    with a ref wins."""

    def __init__(self, corpus: Corpus) -> None:
        self._briefs: dict[str, list[Brief]] = {}
        for b in corpus.briefs:
            self._briefs.setdefault(b.id, []).append(b)
        self._claims: dict[str, dict[str, Claim]] = {}  # brief id -> ref -> claim

    def get(self, ref: str) -> Optional[Claim]:
        brief = ref.partition("#")[0]
        if ref.count("#") > 1:  # a brief id holding "#" (an error, yet loaded): look in every brief
            brief = next((b for b in self._briefs if ref.startswith(b + "#") and "#" in b), brief)
        claims = self._claims.get(brief)
        if claims is None:
            claims = self._claims[brief] = {c.ref: c for b in self._briefs.get(brief, ()) for c in b.claims}
        return claims.get(ref)

    def __contains__(self, ref: str) -> bool:
        return self.get(ref) is not None

    def __getitem__(self, ref: str) -> Claim:
        claim = self.get(ref)
        if claim is None:
            raise KeyError(ref)
        return claim


def apply_reviewed(corpus: Corpus, relations: Iterable[Relation], path: Optional[Path] = None,
                   allow_stale: bool = False, complete: bool = True) -> tuple[ReviewedFile, Judgement]:
    """Load the corpus's reviewed file (default ``<root>/reviewed.yaml``) and judge the relations.

    ``complete`` is False when only some claims files of the corpus were loaded.
    """
    from briefcmp.corpus.load import display_path

    path = Path(path) if path is not None else Path(corpus.root) / REVIEWED_NAME
    reviewed = load_reviewed(path, display_path(path))
    return reviewed, judge(relations, reviewed, corpus, allow_stale, complete)


def _sides(rel: Relation) -> tuple[tuple[str, ...], ...]:
    return rel.sides or tuple((c.ref,) for c in rel.claims)


def _joined(rel: Relation, seen: Iterable[str]) -> tuple[str, ...]:
    """The claims of ``rel`` that a review of the claims ``seen`` did not see."""
    seen = set(seen)
    return tuple(c.ref for c in rel.claims if c.ref not in seen)


def _value_text(claim: Claim) -> str:
    return pin(claim) or "no value"


def match_review(rel: Relation, seen: set[str], refs: "dict[str, Claim] | ClaimsByRef") -> Optional[str]:
    """None when a review that saw the claims ``seen`` still covers ``rel``; else why not, in words.

    The review covers the disagreement between the values it saw: every reviewed claim must
    still be in the conflict, and every other claim must agree with a side that holds a
    reviewed claim (same value within the tolerance, same period). A claim on a side of
    its own brings a new value, which needs a review of its own.
    """
    now = {c.ref for c in rel.claims}
    left = sorted(seen - now)
    if left:
        return (f"{', '.join(left)} {'is' if len(left) == 1 else 'are'} no longer part of the {rel.kind} "
                f"(now: {', '.join(sorted(now))}, id {rel.id})")
    new_values = []
    for side in _sides(rel):
        if seen.isdisjoint(side):
            new_values += [f"{ref} ({_value_text(refs[ref])})" if ref in refs else ref for ref in side]
    if new_values:
        return (f"a new value joined the {rel.kind}: {', '.join(new_values)} "
                f"{'agrees' if len(new_values) == 1 else 'agree'} with none of the reviewed claims (id {rel.id})")
    return None


def _entry_kind(entry_id: str) -> str:
    parts = entry_id.split(":")
    return parts[-2] if len(parts) >= 3 else ""  # crossref ids read KEY:KIND:HASH


def _match_entry(entry: Entry, by_id: dict[str, Relation], refs: ClaimsByRef,
                 by_key: dict[str, list[Relation]], loaded: set[str]) -> tuple[Optional[Relation], Optional[str]]:
    """(the finding the entry covers, None) or (None or the nearest finding, why the entry is stale)."""
    absent = sorted(entry.briefs - loaded)
    if absent:
        return None, (f"brief {', '.join(absent)} is not in the corpus (its claims file is gone, "
                      "or has errors that keep it from loading)")
    missing = [r for r in entry.claims if r not in refs]
    if missing:
        return None, (f"claim {missing[0]} no longer exists"
                      + (f" (nor {', '.join(missing[1:])})" if missing[1:] else ""))
    key = entry.key or entry.id.partition(":")[0]
    kind = _entry_kind(entry.id)
    mine = set(entry.claims)
    rel = by_id.get(entry.id)
    if rel is not None and not is_finding(rel):
        return None, f"the claims are no longer in conflict (now: {rel.kind})"
    if rel is not None and entry.key and rel.key != entry.key:
        return None, f'it names key "{entry.key}" but the relation is on key "{rel.key}"'
    if rel is None:
        overlap = [r for r in by_key.get(key, []) if is_finding(r) and (not kind or r.kind == kind)
                   and not mine.isdisjoint(c.ref for c in r.claims)]
        if not overlap:
            same = [r for r in by_key.get(key, []) if mine <= {c.ref for c in r.claims}]
            if same:
                return None, f"these claims are no longer in conflict (now: {', '.join(sorted({r.kind for r in same}))})"
            keys = sorted({refs[r].key or "(no key)" for r in entry.claims})
            if keys != [key]:
                return None, f"the claims no longer share key {key} (now: {', '.join(keys)})"
            return None, "no current conflict involves these claims"
        # The conflict that holds the most reviewed claims is the one the review was about.
        rel = max(overlap, key=lambda r: (len(mine & {c.ref for c in r.claims}), r.id))
    if entry.values is not None:
        for ref, pinned in entry.values.items():
            now = pin(refs[ref])
            if now != pinned:
                return rel, f'{ref} changed since the review: it was "{pinned}", now "{now}"'
    return (rel, None) if (why := match_review(rel, mine, refs)) is None else (rel, why)


# At most this many sets of claims are tried when an acknowledged id names an earlier
# membership of the conflict (the id hashes the claims, and acknowledgements pin nothing else).
MAX_ACK_TRIES = 4096


def _ack_subset(ack: str, claim: Claim, rel: Relation) -> Optional[set[str]]:
    """The claims of ``rel`` whose relation id is ``ack`` (the conflict as acknowledged), or None."""
    from itertools import combinations

    from briefcmp.analysis.rules.base import relation_id

    kind = _entry_kind(ack)
    others = [c for c in rel.claims if c.ref != claim.ref]
    tries = 0
    for drop in range(0, len(others)):
        for removed in combinations(others, drop):
            tries += 1
            if tries > MAX_ACK_TRIES:
                return None
            gone = {c.ref for c in removed}
            kept = [c for c in rel.claims if c.ref not in gone]
            if relation_id(kind, rel.key, kept) == ack:
                return {c.ref for c in kept}
    return None


def _judge_ack(claim: Claim, ack: str, mine: list[Relation], out: Judgement, stale: Severity) -> None:
    where = (claim.line, claim.col)
    key, kind = ack.partition(":")[0], _entry_kind(ack)
    rel = next((r for r in mine if r.id == ack), None)
    seen: Optional[set[str]] = {c.ref for c in rel.claims} if rel is not None else None
    why = None
    if rel is None:  # claims may have joined the conflict since it was acknowledged
        for r in mine:
            if r.key == key and r.kind == kind:
                seen = _ack_subset(ack, claim, r)
                if seen is not None:
                    rel, why = r, match_review(r, seen, {c.ref: c for c in r.claims})
                    break
    if rel is None or seen is None:
        ids = [r.id for r in mine]
        hint = suggest(ack, ids) or (f" (its conflicts: {', '.join(ids)})" if ids else "")
        out.problems.add(claim.path, where, stale, "acknowledgement-stale",
                         f"claim {claim.id}: acknowledges {ack}, which matches no current conflict of this claim"
                         f"{hint}")
        return
    if why is not None:
        out.problems.add(claim.path, where, stale, "acknowledgement-stale",
                         f"claim {claim.id}: acknowledges {ack}, which is stale: {why}; acknowledge the "
                         f"conflict as it is now ({rel.id}) or review it")
        return
    if not claim.note.strip():
        out.problems.error(claim.path, where, "acknowledgement-unjustified",
                           f"claim {claim.id}: acknowledges {ack} but has no note: saying why the conflict "
                           "is acceptable; it is not treated as reviewed until it has one")
        return
    out.suppressions.setdefault(rel.id, Suppression("inSource", "accepted", claim.note.strip(), "", "",
                                                    claim.path, claim.line, claim.col, ack,
                                                    _joined(rel, seen)))


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
        joined = f"; since joined by {', '.join(s.joined)}, which {'agrees' if len(s.joined) == 1 else 'agree'} with a reviewed side" if s.joined else ""
        ids = f"id {rel.id}" + (f", reviewed as {s.reviewed_id}" if s.reviewed_id and s.reviewed_id != rel.id else "")
        if s.kind == "inSource":
            return f"acknowledged {rel.kind} on key {rel.key} ({ids}){joined}: {why}"
        who = (f" by {s.reviewer}" if s.reviewer else "") + (f" on {s.date}" if s.date else "")
        return f"reviewed {rel.kind} on key {rel.key} ({ids}): {s.status}{who}{joined}: {why}"
    first, others = primary(rel, focus)
    text = f"{rel.kind} on key {rel.key}: {rel.explanation.strip()}"
    if others:
        text += f"; this claim is {first.ref}; the others: " + ", ".join(f"{c.ref} ({c.path}:{c.line})" for c in others)
    return text + f"; id {rel.id}"


def relation_problems(relations: Iterable[Relation], judgement: Judgement, focus: Optional[set[str]] = None,
                      show_reviewed: bool = True) -> list[Problem]:
    """Conflicts as problems: unreviewed ones at their severity and at a (focused) claim; reviewed
    ones as info where their review is written (the reviewed-file entry, or the acknowledging claim).

    ``relations`` are the ones to report (``run_check`` selects them).
    """
    out: list[Problem] = []
    for rel in relations:
        if not is_finding(rel):
            continue
        sup = judgement.suppressions.get(rel.id)
        if sup is not None:
            if show_reviewed:
                out.append(Problem(sup.path, sup.line, sup.col, Severity.INFO, relation_message(rel, focus, sup),
                                   rel.kind))
            continue
        first, _ = primary(rel, focus)
        out.append(Problem(first.path, first.line, first.col, Severity.parse(rel.severity),
                           relation_message(rel, focus), rel.kind))
    return out


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
