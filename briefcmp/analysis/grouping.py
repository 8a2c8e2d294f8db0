"""New keys for figure claims: which claims answer one question, and which of them ``--apply`` writes.

Split from ``align`` (which describes each figure). Inside a bucket (the same subjects, unit
dimension and unit), three steps, each in its own module:

1. **Similarity of the measured thing** (``measuresim``): a weighted overlap of the measured words,
   with hard vetoes for what a reader keeps apart however alike the wording.
2. **Groups** (``figclusters``): complete linkage at ``JOIN`` under constraints (one value per brief
   and period, overlapping periods apart, one vintage). Figures left ungrouped that are each the only
   one of their brief, bucket and stated period, in reports of one release, are one group
   (``alonefigures``).
3. **Member-wise application** (``groupcore.split``): the confident core of a group is applied, a
   member that brings doubt stays a candidate to join that key (``_place``, here).

Groups not applied whose wording is loosely alike are proposed together, as candidates (``_loose``).
The names of the split modules stay importable from here, where other modules and tests use them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from briefcmp.analysis import evidence, withinbrief
from briefcmp.analysis.alonefigures import _INFERRED, alone  # noqa: F401
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.figclusters import (  # noqa: F401
    MAX_GROUPS_PER_BUCKET, _blocks, _nest, _nested, _Part, cluster, measure_score,
)
from briefcmp.analysis.groupcore import group_evidence, split  # noqa: F401
from briefcmp.analysis.keynames import common_topics, label, new_key_id, reason  # noqa: F401
from briefcmp.analysis.measure import _VAGUE, effective_words
from briefcmp.analysis.measuresim import (  # noqa: F401
    _EXPECT, JOIN, ONE_SIDED, SUBSET, _strong, names_less, similarity, veto, weights,
)
from briefcmp.corpus import units

# Names other modules and tests read from here since the split (session 14): grouping stays the one place
# align's steps look measures, groups and vetoes up.
__all__ = ["JOIN", "MAX_GROUPS_PER_BUCKET", "ONE_SIDED", "SUBSET", "_EXPECT", "_Part", "_nested", "alone", "cluster",
           "group_evidence", "label", "measure_score", "names_less", "new_key_id", "new_keys", "reason", "similarity",
           "split", "veto", "weights"]


def new_keys(rest: list, entities: Entities, taken: set[str], result, group_cls: Callable) -> None:
    """Stage 2 of ``align``: new keys for claims that answer no registered key (``result`` gets
    the applied groups and the candidates; ``taken`` the key ids used). (``analysis.linking.place``
    then lines up by context the figures no group applied.)"""
    buckets: dict[tuple, list] = defaultdict(list)
    for m in rest:
        if m.subjects and m.words:
            # Figures of one physical dimension share a bucket whatever their unit ("GW", "MW"): they convert.
            buckets[(m.subjects, m.dim, "" if units.is_physical(m.unit) else m.unit)].append(m)
    for bucket in sorted(buckets):
        members = sorted(buckets[bucket], key=lambda m: m.claim.ref)
        eff = effective_words(members)
        groups, pair_sim = cluster(members, eff)
        unapplied: list[list] = []
        for g in groups:
            if len({m.claim.brief for m in g}) < 2:
                if withinbrief.sure(g, group_evidence(g)):  # one brief's series or self-contradiction
                    key = new_key_id(g, taken)
                    taken.add(key)
                    result.groups.append(group_cls(key, True, label(g, entities), units.shared_unit([m.unit for m in g]),
                                                   g, reason(g, "one brief"), True, g[0].subjects, common_topics(g)))
                else:
                    unapplied.append(g)
                continue
            same_words: dict[frozenset[str], list] = defaultdict(list)
            for m in g:  # the period of a release is taken from reports worded alike first, then from the group
                same_words[eff[id(m)]].append(m)
            for part in same_words.values():
                evidence.adopt_release_periods(part, g, apart=True)
            evidence.adopt_release_periods(g, apart=True)
            said = {m.period for m in g if m.dated and m.period_how != "release-date"}  # (distinct: few)
            parts = _blocks(g) if any(_nest(p, q) for p in said for q in said) else [g]
            # (a projection path, "2.1% in 2025, 1.9% in 2026", is no change over time: each year its own question)
            if len(said) > 1 and all(m.claim.kind == "forecast" or m.words & _EXPECT for m in g):
                parts = [[m for m in q if m.period == p] for q in parts for p in sorted({m.period for m in q})]
            for part in parts:  # a period a title gave may be a part of another's: a month and its year apart
                if len({m.claim.brief for m in part}) < 2:
                    unapplied.append(part)
                else:
                    _place(part, eff, pair_sim, entities, taken, result, group_cls, unapplied)
        first = len(result.candidates)
        used = alone(members, unapplied, eff, entities, taken, result, group_cls)
        if used:  # a claim keyed as the only figure of its kind is no candidate of another group
            result.candidates[first:] = [c for c in result.candidates[first:]
                                         if not any(id(m) in used for m in c.members)]
            unapplied = [g for g in unapplied if not any(id(m) in used for m in g)]
        _loose(unapplied, eff, entities, taken, result, group_cls)


def _named_less_undated(core: list, eff: dict) -> bool:
    """Whether a group is one measure only because one side names less (``names_less``) and its period
    only because of each brief's main period or the release's date (neither a report's text nor the
    period other reports of the release state): one inference on another
    ("Wind farms supplied 14 per cent" and "wind accounted for 14 per cent of Polish power", neither
    dated) is not enough to key."""
    sets = [s - _VAGUE for s in {eff[id(m)] for m in core}]
    return any(a < b for a in sets for b in sets) and all(m.period_how in _INFERRED for m in core)


def _place(g: list, eff: dict, pair_sim: dict, entities: Entities, taken: set[str], result, group_cls: Callable,
           unapplied: list) -> None:
    """A group of two briefs or more, its periods read: its confident core keyed (the doubtful members
    candidates to join it), or the whole group one candidate."""
    core, doubtful = split(g, eff, pair_sim)
    low = measure_score(core, eff, pair_sim)
    if _named_less_undated(core, eff):
        doubtful += [(m, "one report names less than the other, and no report states the period: two inferences")
                     for m in core]
        core = []
    if len({m.claim.brief for m in core}) >= 2 and group_evidence(core, low).sure():
        key = new_key_id(core, taken)
        taken.add(key)
        result.groups.append(group_cls(key, True, label(core, entities), units.shared_unit([m.unit for m in core]),
                                       core, reason(core, ""), True, core[0].subjects, common_topics(core), ""))
        for m, why in doubtful:  # each doubtful member: a candidate to join the key, saying what it lacks
            result.candidates.append(group_cls(key, False, label(core, entities), core[0].unit, [m],
                                               reason([m], "the key " + key), False, core[0].subjects,
                                               common_topics([m]), why))
        return
    ev = group_evidence(g, measure_score(g, eff, pair_sim))
    key = new_key_id(g, set(taken))
    result.candidates.append(group_cls(key, True, label(g, entities), units.shared_unit([m.unit for m in g]), g,
                                       reason(g, ""), False, g[0].subjects, common_topics(g),
                                       ev.doubt() or "; ".join(dict.fromkeys(why for _, why in doubtful))))  # each doubt said once
    unapplied.append(g)



LOOSE = 0.3  # groups not applied whose wording is this alike are proposed together, as candidates


def _alike(a: frozenset[str], b: frozenset[str], s: float) -> bool:
    """Alike enough to propose (never to apply): ``LOOSE`` similarity, or two shared words that say what
    is measured ("installed solar capacity" and "solar capacity connected to the grid")."""
    shared = a & b
    strong = [w for w in shared if _strong(frozenset({w}))]
    return bool(strong) and (s >= LOOSE or len(strong) >= 2)


def _loose(groups: list[list], eff, entities: Entities, taken: set[str], result, group_cls: Callable) -> None:
    """Loose resemblance between groups not applied: candidates only. (What resembles an applied
    group shows up on the next run, as a candidate to join its registered key.)"""
    if len(groups) < 2:
        return
    weight = weights([(m.claim.brief, eff[id(m)]) for g in groups for m in g])
    for i, g in enumerate(groups):
        for h in groups[i + 1:]:
            if len({x.claim.brief for x in g + h}) < 2:
                continue
            s = similarity(eff[id(g[0])], eff[id(h[0])], weight)
            if 0 < s < JOIN and _alike(eff[id(g[0])], eff[id(h[0])], s):
                both = g + h
                key = new_key_id(both, set(taken))
                result.candidates.append(group_cls(key, True, label(both, entities),
                                                   units.shared_unit([m.unit for m in both]), both, reason(both, ""),
                                                   False, both[0].subjects, common_topics(both),
                                                   f"the wording is only alike (similarity {s:.2f})"))
