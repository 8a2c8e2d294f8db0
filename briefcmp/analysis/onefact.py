"""One fact, one key: applied groups (and lone figures) that state one measure of one subject are merged.

``grouping`` forms groups by the similarity of the measured words; a word on one side only that says how
a change is measured ("rose 1.5% on the quarter" beside "rose 1.5%") halves that similarity, so one
fact told by four outlets can end in two applied keys that never meet in ``compare``. After ``grouping``
and ``linking`` have placed their groups, this module joins:

1. **Two applied groups** of one bucket (subjects, unit dimension, unit) and disjoint briefs, whose
   members all name the same measure (``measure_of``: the measured words, without how much, which way,
   against what base or how they are said), that share a stated period and have no period inside
   another's, no two vintages and nothing ``grouping.veto`` forbids between any two of their members.
2. **A lone figure** (no applied group holds it) and an applied group, on the same terms, when it
   states the period of a figure of that group and is the only figure its brief writes of that measure and
   period (in any unit: a brief giving a preliminary and a final figure says neither alone).

One-to-one, as ``linking`` aligns figures: a group merges only with the one group that fits it, when
that group has no other; a lone figure joins only the one group that fits it, and only when no other
figure of its brief fits that group. Each merged group is then checked as any group is: every member
stays in its confident core (``grouping.split``) and its evidence reaches the apply threshold, or nothing
is merged.

**A base stated on one side.** A change whose base is unstated ("rose 1.5%") beside one whose base is
stated ("rose 1.5% on the quarter") is read with that base only when its value agrees with every figure of
its period on the stated side: an inferred base, like an inferred period, never decides a contradiction.
Values never make a merge otherwise.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from briefcmp.analysis import evidence
from briefcmp.analysis import grouping as G
from briefcmp.analysis.measure import BASIS_TAGS, _DIRECTION, _HARMLESS, _VAGUE
from briefcmp.corpus import units

_EXPECT = G._EXPECT


def measure_of(words: frozenset[str]) -> frozenset[str]:
    """What a figure measures: its words without how much, which way, against what base or whose
    expectation (those must agree separately: ``grouping.veto``, ``_fits``)."""
    return frozenset(w for w in words if w not in _VAGUE and w not in _HARMLESS and w not in _DIRECTION
                     and w not in BASIS_TAGS and w not in _EXPECT)


def _bucket(m) -> tuple:
    return (m.subjects, m.dim, "" if units.is_physical(m.unit) else m.unit)


def _stated(members: list) -> set[str]:
    return {m.period for m in members if m.dated and m.period_how != "release-date"}


def _fits(a: list, b: list) -> bool:
    """Whether two sets of figures of one bucket may be one fact (see the module docstring)."""
    if {m.claim.brief for m in a} & {m.claim.brief for m in b}:
        return False
    if not all(m.dated for m in (*a, *b)) or not _stated(a) & _stated(b):
        return False
    what = {measure_of(m.words) for m in (*a, *b)}
    if len(what) != 1 or not next(iter(what)):
        return False
    if len({bool(m.words & _EXPECT) for m in (*a, *b)}) > 1:
        return False
    if G._Part(a).clashes(G._Part(b)):
        return False
    return not any(G.veto(x.words, y.words) for x in a for y in b)


def _with_bases(a: list, b: list) -> list | None:
    """The members of ``a`` and ``b``, a side that states no base reading the other side's one base when
    every value of it agrees with the other side's figures of its period; None when the bases conflict
    (or, inferred, would decide a contradiction)."""
    base_a = {w for m in a for w in m.words & BASIS_TAGS}
    base_b = {w for m in b for w in m.words & BASIS_TAGS}
    if not (base_a or base_b) or base_a == base_b:
        return [*a, *b]
    if base_a and base_b:
        return None
    stated, bare = (a, b) if base_a else (b, a)
    base = base_a or base_b
    if len(base) != 1 or any(m.words & BASIS_TAGS != base for m in stated) or any(m.words & BASIS_TAGS for m in bare):
        return None
    out = list(stated)
    for m in bare:
        same = [o for o in stated if o.period == m.period]
        if not same or not all(evidence.close(m, o) for o in same):
            return None
        out.append(dataclasses.replace(m, words=m.words | base))
    return out


def _checked(members: list) -> bool:
    """Whether a merged group stays whole in its confident core and is sure (as ``linking`` checks joins)."""
    eff = {id(m): m.words for m in members}
    sets = set(eff.values())
    core, _ = G.split(members, eff, {frozenset((x, y)): 1.0 for x in sets for y in sets})
    kept = {id(m) for m in core}
    return all(id(m) in kept for m in members) and G.group_evidence(core).sure()


def merge(rest: list, result) -> None:
    """Join applied new groups of one fact, and lone figures of ``rest`` to them (see the module docstring).
    Candidates holding a claim that a merge applies are dropped."""
    groups = [g for g in result.groups if g.new and g.sure and len({m.claim.brief for m in g.members}) >= 2]
    if not groups:
        return
    by_bucket: dict[tuple, list] = defaultdict(list)
    for g in groups:
        if len({_bucket(m) for m in g.members}) == 1:
            by_bucket[_bucket(g.members[0])].append(g)
    applied = {(m.claim.brief, m.claim.id) for g in result.groups for m in g.members}
    lone: dict[tuple, list] = defaultdict(list)
    # what each brief writes of a measure and period, however it was placed (an expression applied in another
    # unit is still that brief's figure): a brief writing two such figures does not say which one is the fact
    written: dict[tuple, set] = defaultdict(set)
    for m in rest:
        if m.dated:
            written[(m.claim.brief, m.period, measure_of(m.words))].add(m.claim.id)
        if m.subjects and (m.claim.brief, m.claim.id) not in applied and _bucket(m) in by_bucket:
            lone[_bucket(m)].append(m)
    used: set[tuple[str, str]] = set()
    gone: set[int] = set()
    renamed: dict[str, str] = {}  # a key merged away -> the key that holds its figures now
    for bucket in sorted(by_bucket, key=str):
        _merge_groups(by_bucket[bucket], gone, used, renamed)
        _join_lone([g for g in by_bucket[bucket] if id(g) not in gone],
                   [m for m in lone.get(bucket, []) if len(written[(m.claim.brief, m.period, measure_of(m.words))]) == 1],
                   used)
    if gone:
        result.groups[:] = [g for g in result.groups if id(g) not in gone]
    for c in result.candidates:  # a doubtful member waits to join the key its group now has
        if not c.new and c.key in renamed:
            c.key = renamed[c.key]
    if used:
        result.candidates[:] = [c for c in result.candidates
                                if not any((m.claim.brief, m.claim.id) in used for m in c.members)]


def _merge_groups(groups: list, gone: set[int], used: set, renamed: dict[str, str]) -> None:
    partners: dict[int, list] = defaultdict(list)
    for i, g in enumerate(groups):
        for h in groups[i + 1:]:
            if _fits(g.members, h.members):
                partners[id(g)].append(h)
                partners[id(h)].append(g)
    for g in groups:
        if id(g) in gone or len(partners[id(g)]) != 1:
            continue
        h = partners[id(g)][0]
        if id(h) in gone or len(partners[id(h)]) != 1:
            continue  # (one-to-one: a group that fits two others is left as it is)
        members = _with_bases(g.members, h.members)
        if members is None or not _checked(members):
            continue
        keep, drop = (g, h) if len(g.members) >= len(h.members) else (h, g)
        keep.members[:] = sorted(members, key=lambda m: m.claim.ref)
        keep.reason += f" (one fact: joined with the key {drop.key} proposed apart)"
        gone.add(id(drop))
        renamed[drop.key] = keep.key
        used |= {(m.claim.brief, m.claim.id) for m in members}


def _join_lone(groups: list, lone: list, used: set) -> None:
    fits: dict[int, list] = defaultdict(list)  # a lone figure -> the groups it fits
    takers: dict[tuple[int, str], list] = defaultdict(list)  # (group, brief) -> the lone figures of it that fit
    index: dict[tuple, list] = defaultdict(list)  # (measure, period) -> the groups of that measure holding it
    for g in groups:
        what = {measure_of(o.words) for o in g.members}
        if len(what) == 1:
            for period in {o.period for o in g.members}:
                index[(next(iter(what)), period)].append(g)
    for m in lone:
        for g in index.get((measure_of(m.words), m.period), ()):
            if _fits(g.members, [m]):
                fits[id(m)].append(g)
                takers[(id(g), m.claim.brief)].append(m)
    for m in lone:
        if len(fits[id(m)]) != 1 or (m.claim.brief, m.claim.id) in used:
            continue
        g = fits[id(m)][0]
        if len(takers[(id(g), m.claim.brief)]) != 1 or m.claim.brief in {o.claim.brief for o in g.members}:
            continue
        members = _with_bases(g.members, [m])
        if members is None or not _checked(members):
            continue
        g.members[:] = sorted(members, key=lambda o: o.claim.ref)
        g.reason += f" ({m.claim.ref} states the same measure: one fact)"
        used.add((m.claim.brief, m.claim.id))


def one_group_per_claim(result) -> None:
    """A claim lined up in two expressions ("591.48 trillion yen, or $4.21 trillion" with figures in yen
    and with figures in dollars) joins its groups into one key, the first proposed: `compare` compares
    each currency of the key on its own, the converted figure in both (``rules.screening``)."""
    where: dict[tuple[str, str], object] = {}
    kept: list = []
    for g in result.groups:
        members, own = [], set()
        for m in g.members:
            ident = (m.claim.brief, m.claim.id)
            if ident not in own:
                members.append(m)
                own.add(ident)
        target = next((where[i] for i in own if i in where), None)
        if target is None:
            g.members[:] = members
            kept.append(g)
            target = g
        else:
            held = {(m.claim.brief, m.claim.id) for m in target.members}
            target.members.extend(m for m in members if (m.claim.brief, m.claim.id) not in held)
        for i in own:
            where.setdefault(i, target)
    result.groups[:] = kept
