"""Stage 1 of ``align``: claims that answer a key already registered join it, member by member.

Split from ``grouping`` (which proposes new keys). A claim joins the key its measured words are most
like (``grouping.similarity``); it is applied when its evidence, with the claims already under the key,
reaches the threshold (``analysis.evidence``), else it is a candidate saying what it lacks.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from briefcmp.analysis import evidence
from briefcmp.analysis.grouping import JOIN, _alike, _strong, group_evidence, similarity
from briefcmp.analysis.keynames import reason


def join_keys(loose: list, key_sigs: list, keyed: dict[str, list], term_match: Callable, result,
              group_cls: Callable) -> list:
    """Stage 1 of ``align``: claims that answer a registered key (``key_sigs``: key id, key, subjects,
    dimension, the word sets of its label and of the claims under it). A claim joins the key its words
    are most like (``JOIN`` at least; the key's own word in the claim's language counts as the same
    words); each joining claim is applied when its evidence, with the claims already under the key,
    reaches the threshold, else it is a candidate saying what it lacks. Returns the claims that join
    no key (a claim only like a key, ``LOOSE``, is also proposed to it as a candidate)."""
    joined: dict[str, list[tuple[object, float]]] = defaultdict(list)
    maybe: dict[str, list] = defaultdict(list)
    rest = []
    for m in loose:
        best, best_sim = None, 0.0
        for kid, kd, subjects, dim, wordsets in key_sigs:
            if m.dim != dim or m.subjects != subjects or not subjects:
                continue
            # the same words join; words only alike must share one that says what is measured
            s = max((x for w in wordsets for x in [similarity(m.words, w)] if x >= 1.0 or _strong(m.words & w)),
                    default=0.0)
            if s < 1.0 and term_match(kd, m):
                s = 1.0  # the key's word in the claim's language (analysis/terms.py)
            if s >= JOIN and s > best_sim:
                best, best_sim = (kid, kd), s
            elif 0 < s < JOIN and best is None and any(_alike(m.words, w, s) for w in wordsets):
                maybe[kid].append((m, kd))
        if best is None:
            rest.append(m)
        else:
            joined[best[0]].append((m, best_sim))
    for kid, pairs in sorted(joined.items()):
        kd = next(k for i, k, *_ in key_sigs if i == kid)
        under = keyed.get(kid, [])
        evidence.adopt_release_periods([*under, *(m for m, _ in pairs)])
        sure, doubtful = [], []
        for m, s in pairs:
            ev = group_evidence([*under, m], s)
            longer = evidence.other_length(m, under)
            if longer:  # a key written earlier holds figures of one length: joined alone, a month's is no year's
                doubtful.append((m, longer))
            elif ev.sure():
                sure.append(m)
            else:
                doubtful.append((m, ev.doubt()))
        values: dict[tuple[str, str], list] = defaultdict(list)
        for m in sure:
            values[(m.claim.brief, m.period)].append(m)
        for (brief, period), same in values.items():  # two new values of one brief for one period: neither
            if len(same) > 1 and not group_evidence(same).parts.get("values", 1.0):
                sure = [m for m in sure if m not in same]
                doubtful += [(m, f"{brief} gives two values for {period}: the wording does not tell them apart")
                             for m in same]
        target = "registered key " + kid
        if sure:
            result.groups.append(group_cls(kid, False, kd.label, kd.unit, sure, reason(sure, target), True,
                                           tuple(kd.subjects), tuple(kd.topics), ""))
        for m, why in doubtful:
            result.candidates.append(group_cls(kid, False, kd.label, kd.unit, [m], reason([m], target), False,
                                               tuple(kd.subjects), tuple(kd.topics), why))
    for kid, pairs in sorted(maybe.items()):
        kd = pairs[0][1]
        members = [m for m, _ in pairs]
        result.candidates.append(group_cls(kid, False, kd.label, kd.unit, members,
                                           reason(members, "registered key " + kid), False, tuple(kd.subjects),
                                           tuple(kd.topics), "the wording is only alike"))
    return rest
