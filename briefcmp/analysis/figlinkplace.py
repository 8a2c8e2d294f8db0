"""Figures the hand rules left out, lined up by the learned pair linker (``analysis.figlink``).

``place`` (called by ``align`` after ``linking.place``) scores the pairs of figures ``figlink.pairs`` finds,
one side at least in no group applied this run, and

- joins free figures whose every pair reaches the applied bar (complete linkage, one figure per brief, never
  two periods, a veto or an expectation on one side: ``linking._clash``) into a group placed as any group
  (``grouping._place``: its confident core applied when ``analysis.evidence`` finds it sure, the doubtful
  members candidates), its reason naming the linker's score;
- joins a free figure to a group applied this run when its likest figure there is linked above the bar, it
  clashes with none of the group and the group stays sure with it;
- proposes the groups linked above the candidate bar only, for a person to decide (never applied).

It never splits or changes a group the hand rules made. The linker reads no value, so two figures it links
whose values differ are held back as ``linking`` holds them (``linking._differing``): words the model weighs,
like an inferred subject or period, never decide a contradiction alone.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from briefcmp.analysis import evidence, figlink, linking
from briefcmp.analysis import grouping as G
from briefcmp.corpus import units


def _clusters(members: list, scored: dict[tuple[int, int], float], bar: float) -> list[tuple[list[int], float]]:
    """Complete-linkage groups of the pairs scored at ``bar`` or above (a pair not scored counts 0), likest
    first; each with its weakest pair. One figure per brief, none that ``linking._clash`` forbids."""
    where = {i: [i] for pair in scored for i in pair}
    for (i, j), p in sorted(scored.items(), key=lambda kv: (-kv[1], kv[0])):
        if p < bar:
            break
        ci, cj = where[i], where[j]
        if ci is cj or any(scored.get((min(x, y), max(x, y)), 0.0) < bar or linking._clash(members[x], members[y], G.veto)
                           for x in ci for y in cj):
            continue
        ci.extend(cj)
        for k in cj:
            where[k] = ci
    groups = {id(c): sorted(c) for c in where.values() if len(c) > 1}.values()
    weakest = [min(scored[(x, y)] for n, x in enumerate(c) for y in c[n + 1:]) for c in groups]
    return sorted(zip(groups, weakest), key=lambda cl: (-cl[1], cl[0]))


def _claim(m) -> tuple[str, str]:
    return (m.claim.brief, m.claim.id)


def _candidate(g: list, entities, taken: set[str], group_cls: Callable, why: str):
    key = G.new_key_id(g, set(taken))
    return group_cls(key, True, G.label(g, entities), units.shared_unit([m.unit for m in g]), g, G.reason(g, ""),
                     False, g[0].subjects, G.common_topics(g), why)


def place(rest: list, texts: dict, entities, taken: set[str], result, group_cls: Callable) -> None:
    """Figures no group applied, lined up by the pair linker (see the module docstring)."""
    linker = figlink.model()
    members = [m for m in rest if figlink.usable(m)]
    if linker is None or len({m.claim.brief for m in members}) < 2:
        return
    applied = {id(m): g for g in result.groups if g.new for m in g.members}
    # a claim read in two currencies is two figures: once one of them is keyed, the other is not free
    # (``onefact.one_group_per_claim`` would join two groups through it)
    held = {_claim(m) for g in result.groups for m in g.members}
    ctx = figlink.Context(members, texts, entities)
    free_pairs: dict[tuple[int, int], float] = {}
    joins: dict[int, list[tuple[float, int]]] = defaultdict(list)  # a free figure -> its links to applied ones
    for i, j, x in figlink.described(members, ctx):
        a, b = members[i], members[j]
        if (id(a) in applied or _claim(a) in held) and (id(b) in applied or _claim(b) in held):
            continue
        if (id(a) not in applied and _claim(a) in held) or (id(b) not in applied and _claim(b) in held):
            continue
        p = linker.probability(x)
        if p < linker.candidate:
            continue
        if id(a) not in applied and id(b) not in applied:
            free_pairs[(i, j)] = p
        else:
            f, k = (i, j) if id(a) not in applied else (j, i)
            joins[f].append((p, k))
    proposed: dict[int, set[int]] = defaultdict(set)  # a member -> the candidates (indices) that hold it
    for n, c in enumerate(result.candidates):
        for m in c.members:
            proposed[id(m)].add(n)
    used: set[int] = set()
    for idx, low in _clusters(members, free_pairs, linker.candidate):
        g = [members[i] for i in idx]
        if any(_claim(m) in held for m in g):
            continue
        said = f"figure linker, weakest pair {low:.2f}"
        again = bool(set.intersection(*(proposed[id(m)] for m in g)))  # proposed together already
        if low < linker.threshold:
            if not again:
                result.candidates.append(_candidate(g, entities, taken, group_cls,
                                                    f"linked only by the figure linker (weakest pair {low:.2f}, "
                                                    f"below its bar {linker.threshold:.2f})"))
            continue
        fresh_name = next((x for x in g[0].subjects if x in getattr(entities, "adopted", ())), "")
        if fresh_name:
            # a key would register this name, and every brief would be read again with it: the next run would
            # not meet the groups this one formed (the hand rules key such names; the linker only proposes)
            if not again:
                result.candidates.append(_candidate(g, entities, taken, group_cls, f"linked by the {said}, and "
                                                    f"its subject '{fresh_name}' is a name the corpus does not "
                                                    "register yet"))
            continue
        evidence.adopt_release_periods(g)
        waiting = linking._differing(g)  # the linker reads no value: it never sets two values against each other
        kept = [m for m in g if id(m) not in waiting]
        if len({m.claim.brief for m in kept}) < 2:
            if not again:
                result.candidates.append(_candidate(g, entities, taken, group_cls, f"linked by the {said}, and "
                                                    + next(iter(waiting.values()))))
            continue
        for new in linking.place_linked(g, kept, waiting, again, (f"lined up by the {said}", f"linked by the {said}"),
                                        entities, taken, result, group_cls):
            used |= {id(m) for m in new.members}
            held |= {_claim(m) for m in new.members}
    for f, links in sorted(joins.items()):
        fm = members[f]
        p, k = max(links)
        target = applied.get(id(members[k]))
        if p < linker.threshold or id(fm) in used or _claim(fm) in held or target is None or any(
                linking._clash(m, fm, G.veto) for m in target.members):
            continue
        g = [*target.members, fm]
        evidence.adopt_release_periods([fm], g)
        if linking._differing(g):
            continue
        eff = {id(m): m.words for m in g}
        core, _ = G.split(g, eff, {frozenset((a, b)): 1.0 for a in set(eff.values()) for b in set(eff.values())})
        kept = {id(m) for m in core}
        if id(fm) in kept and all(id(m) in kept for m in target.members) and G.group_evidence(core).sure():
            target.members.append(fm)
            target.reason += f" ({fm.claim.ref} lined up by the figure linker, score {p:.2f})"
            used.add(id(fm))
            held.add(_claim(fm))
            applied[id(fm)] = target
    if used:
        result.candidates[:] = [c for c in result.candidates if not (c.new and any(id(m) in used for m in c.members))]
