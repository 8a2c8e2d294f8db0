"""Statements told in other verbs, lined up by what they are about: one-to-one between briefs, by the corpus's weights.

Two briefs often say one thing with two verbs: "recalled its ambassador" and "withdrew its ambassador",
"approved the law" and "passed the law". No word list holds every such pair, but the objects tell: the
statements of one actor in two briefs whose objects share the words few other statements of the corpus
hold (``alignfacts.weigh``: "ambassador" in a corpus where most statements are about sanctions) and
which are each other's best match between those two briefs (mutual best, so one statement answers at
most one of the other brief's) answer one question.

Only agreement is keyed so: the statements must give the same value. Two verbs with different values
are the trap this stage must not fall into ("suspended the deal" and "did not end the deal" are both
true), and opposite actions ("imposed" and "lifted") never match. A contradiction needs one action
(``alignfacts``); what this stage finds with differing values is left to a person.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from briefcmp.analysis import lexicon
from briefcmp.analysis.factstatements import Statement, _periods_meet, _places, _readings, _years_apart

# The weighted share of object words (and places) two statements of one actor must share to be keyed as one
# question though their verbs differ; calibrated on benchmarks/facts/dev (older halves): see docs/benchmarks.md.
OBJECT_SCORE = 0.5
# Other verbs are read as one action only when the objects share this many words (places apart): one shared
# name says what both are about, not that they say the same of it.
MIN_SHARED = 2
# The same verb is lined up here too, below alignfacts' SURE_SCORE: leaving it to SURE_SCORE alone measured
# facts dev s3 6 -> 4/81 and s4 6 -> 5/85, old11 pairs 33 -> 32 of 93.


def object_likeness(a, b) -> float:
    """The weighted share of object words and places two statements share (0 when their places disagree), the
    likest of their readings ("ruled out sending the missiles" read as the Taurus cruise missiles named before)."""
    if a.fuller is None and b.fuller is None:
        return _object_likeness(a, b)
    return max(_object_likeness(x, y) for x in _readings(a) for y in _readings(b))


def _object_likeness(a, b) -> float:
    if not _places(a, b):
        return 0.0
    wa, wb = a.words | a.others, b.words | b.others
    if not a.words or not b.words:  # an action with no object ("took steps"): nothing to tell it by
        return 0.0
    if len(a.words & b.words) < (MIN_SHARED if a.action != b.action else 1):
        return 0.0  # "signed the Rome Statute", "breached its obligations under the Rome Statute": one word in common
    return a.mass(wa & wb) / a.mass(wa | wb)


# The share of the larger object's words the smaller must make for one held in the other to count as one object.
HELD_SHARE = 0.25


def held_likeness(a, b) -> float:
    """``object_likeness``, or more where one statement's object is wholly held in the other's and the verb is the same:
    "suspended 30 of its licences" and "suspended 30 of its licences for arms exports to Israel" tell one act, the
    second saying more of it. The smaller object must hold a quarter of the larger's words (one word of a long
    list is not it), both must name one (a bare "voted against" holds nothing), and "more" ("further licences") on one side
    only is another round."""
    best = object_likeness(a, b)
    if a.action != b.action or best >= 1.0:
        return best
    for x in _readings(a):
        for y in _readings(b):
            if not x.words or not y.words or ("+more" in x.words) != ("+more" in y.words) or not _places(x, y):
                continue
            small, big = sorted((x.words | x.others, y.words | y.others), key=lambda w: (len(w), sorted(w)))
            if small <= big and len(small) >= HELD_SHARE * len(big):
                # ranked by how much of the larger it holds: one object said the same way stays the likest
                best = max(best, OBJECT_SCORE + (1.0 - OBJECT_SCORE) * len(small) / len(big) - 1e-9)
    return best


def _compatible(a, b) -> bool:
    return ((a.root or a.actor) == (b.root or b.actor) and a.role == b.role and a.claim.brief != b.claim.brief
            and a.claim.value.type == b.claim.value.type and not lexicon.opposite_actions(a.action, b.action)
            and _periods_meet([a, b]) and not _years_apart(a, b))


def mutual_groups(everyone: list, free: Callable[[object], bool], threshold: float = 0.0,
                  other_values: bool = False, sim: Callable = object_likeness) -> list[list]:
    """Groups of ``free`` statements linked one-to-one across briefs: each pair the other's best match in its
    brief (among ``everyone``: a statement already keyed still takes its place as a best match), the same value,
    at least ``threshold`` alike (``OBJECT_SCORE`` by default); a group naming one brief twice is left out.
    ``other_values``: pairs whose values differ are linked too (for a person to decide, never keyed so)."""
    threshold = threshold or OBJECT_SCORE
    by_actor: dict[tuple[str, str], list] = defaultdict(list)
    for st in everyone:
        by_actor[(st.root or st.actor, st.role)].append(st)
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    ids = {id(st): st for st in everyone}
    for bucket in by_actor.values():
        if len(bucket) > 400:  # bounded: pairs are compared within one actor's statements of one role
            bucket = bucket[:400]
        best: dict[tuple[int, str], tuple[float, int]] = {}
        for a in bucket:
            for b in bucket:
                if a is b or not _compatible(a, b):
                    continue
                s = sim(a, b)
                key = (id(a), b.claim.brief)
                if s > best.get(key, (0.0, 0))[0]:
                    best[key] = (s, id(b))
        for (ia, brief), (s, ib) in best.items():
            a, b = ids[ia], ids[ib]
            if s < threshold or not free(a) or not free(b) or ia > ib:
                continue
            if best.get((ib, a.claim.brief), (0.0, 0))[1] != ia:
                continue  # not each other's best
            if a.claim.value.display() != b.claim.value.display() and not other_values:
                continue  # other verbs, other values: a person says whether they answer one question
            parent[find(ia)] = find(ib)
    groups: dict[int, list] = defaultdict(list)
    for i in list(parent):
        groups[find(i)].append(ids[i])
    out = []
    for g in groups.values():
        if len(g) > 1 and len({s.claim.brief for s in g}) == len(g) and all(
                _compatible(a, b) and sim(a, b) >= threshold * 2 / 3 for i, a in enumerate(g) for b in g[i + 1:]):
            out.append(sorted(g, key=lambda s: s.claim.ref))  # a chain whose ends are unlike is no group
    return sorted(out, key=lambda g: g[0].claim.ref)


# A bucket too large to group by complete linkage keeps at most this many groups (alignfacts' MAX_GROUPS_PER_BUCKET).
MAX_GROUPS = 50


def _low(group: list[Statement], sim: Callable[[Statement, Statement], float]) -> float:
    return min((sim(a, b) for i, a in enumerate(group) for b in group[i + 1:]), default=1.0)


def _agglomerate(members: list[Statement], sim, threshold: float) -> list[list[Statement]]:
    """Groups in which every pair is at least ``threshold`` alike, the likest pairs joined first (complete
    linkage); a bucket too large for that is grouped greedily, in order, at most MAX_GROUPS groups."""
    if len(members) > 60:
        groups: list[list[Statement]] = []
        for st in members:
            for g in groups:
                if all(sim(st, o) >= threshold for o in g):
                    g.append(st)
                    break
            else:
                if len(groups) < MAX_GROUPS:
                    groups.append([st])
        return groups
    n = len(members)
    pair = [[sim(members[i], members[j]) if i != j else 1.0 for j in range(n)] for i in range(n)]
    clusters: list[list[int]] = [[i] for i in range(n)]
    while True:
        best, bi, bj = threshold, -1, -1
        for x in range(len(clusters)):
            for y in range(x + 1, len(clusters)):
                link = min(pair[i][j] for i in clusters[x] for j in clusters[y])
                if link >= best and (bi < 0 or link > best):
                    best, bi, bj = link, x, y
        if bi < 0:
            break
        clusters[bi] += clusters.pop(bj)
    return [[members[i] for i in sorted(c)] for c in clusters]
