"""Claims and the keys already written: groups read against them (``settle``), claims joining them.

Split from ``grouping`` (which proposes new keys). ``align`` forms its groups over every figure, keyed or
not, as a first run forms them; ``settle`` reads them against the keys written, so that ``align --apply``
is a fixed point. A claim no group reached joins a registered key only when it and the key's claims form
a group a new key would form (``joins``: one standard for joining and forming, ``analysis.evidence``).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

from briefcmp.analysis import evidence
from briefcmp.analysis.grouping import JOIN, _alike, _strong, group_evidence, similarity
from briefcmp.analysis.keynames import reason


def join_keys(loose: list, key_sigs: list, keyed: dict[str, list], term_match: Callable, result,
              group_cls: Callable) -> list:
    """Claims that answer a registered key no group reached (``key_sigs``: key id, key, subjects,
    dimension, the word sets of its label and of the claims under it). A claim joins the key its words
    are most like (``JOIN`` at least; the key's own word in the claim's language counts as the same
    words), a key with claims in the corpus only by that word (its claims' groups are ``settle``'s: a claim
    they left apart is only proposed to it); each joining claim is applied when it and the claims already
    under the key form a group a new key would form (``joins``), else it is a candidate saying what it
    lacks. Returns the claims that join no key (a claim only like a key, ``LOOSE``, is also proposed to it
    as a candidate)."""
    joined: dict[str, list[tuple[object, float, bool]]] = defaultdict(list)
    maybe: dict[str, list] = defaultdict(list)
    rest = []
    for m in loose:
        best, best_sim, worded = None, 0.0, True
        for kid, kd, subjects, dim, wordsets in key_sigs:
            if m.dim != dim or m.subjects != subjects or not subjects:
                continue
            # the same words join; words only alike must share one that says what is measured
            s = max((x for w in wordsets for x in [similarity(m.words, w)] if x >= 1.0 or _strong(m.words & w)),
                    default=0.0)
            by_term = s < 1.0 and term_match(kd, m)
            if by_term:
                s = 1.0  # the key's word in the claim's language (analysis/terms.py)
            elif keyed.get(kid) and s >= JOIN:
                # a key with claims in the corpus is joined through the groups they form (``settle``): a claim
                # grouping left apart from them joins no more on a second run than on the first
                continue
            if s >= JOIN and s > best_sim:
                best, best_sim, worded = (kid, kd), s, not by_term
            elif 0 < s < JOIN and best is None and any(_alike(m.words, w, s) for w in wordsets):
                maybe[kid].append((m, kd, "the wording is only alike"))
        if best is None:
            rest.append(m)
        else:
            joined[best[0]].append((m, best_sim, worded))
    for kid, pairs in sorted(joined.items()):
        kd = next(k for i, k, *_ in key_sigs if i == kid)
        under = keyed.get(kid, [])
        evidence.adopt_release_periods([*under, *(m for m, *_ in pairs)])
        sure, doubtful = [], []
        for m, s, worded in pairs:
            # the key's claims and this one must form a group a new key would form (``joins``); a key with no
            # claim in the corpus (registered by hand) has only its label to go by
            # (a claim joining by the key's word in its own language has no words to compare: its evidence alone)
            alone = group_evidence([*under, m], s)
            why = joins(under, m) if under and worded else "" if alone.sure() else alone.doubt()
            longer = evidence.other_length(m, under)
            if longer:  # a key written earlier holds figures of one length: joined alone, a month's is no year's
                doubtful.append((m, longer))
            elif not why:
                sure.append(m)
            else:
                doubtful.append((m, why))
        values: dict[tuple[str, str], list] = defaultdict(list)
        for m in sure:
            values[(m.claim.brief, m.period)].append(m)
        for (brief, period), same in values.items():  # two new values of one brief for one period: neither
            if len(same) > 1 and not group_evidence(same).parts.get("values", 1.0):
                sure = [m for m in sure if m not in same]
                doubtful += [(m, f"{brief} gives two values for {period}: the wording does not tell them apart")
                             for m in same]
        worded = [m for m in sure if any(o is m and w for o, _, w in pairs)]
        if len(worded) > 1:  # each joining claim with the key's claims and the others joining it: one group
            together = {id(m): joins([*under, *(o for o in worded if o is not m)], m) for m in worded}
            doubtful += [(m, together[id(m)]) for m in worded if together[id(m)]]
            sure = [m for m in sure if not together.get(id(m))]
        target = "registered key " + kid
        if sure:
            result.groups.append(group_cls(kid, False, kd.label, kd.unit, sure, reason(sure, target), True,
                                           tuple(kd.subjects), tuple(kd.topics), ""))
        for m, why in doubtful:
            result.candidates.append(group_cls(kid, False, kd.label, kd.unit, [m], reason([m], target), False,
                                               tuple(kd.subjects), tuple(kd.topics), why))
    for kid, pairs in sorted(maybe.items()):
        kd = pairs[0][1]
        members = [m for m, *_ in pairs]
        result.candidates.append(group_cls(kid, False, kd.label, kd.unit, members,
                                           reason(members, "registered key " + kid), False, tuple(kd.subjects),
                                           tuple(kd.topics), "; ".join(dict.fromkeys(why for *_, why in pairs))))
    return rest


def joins(under: list, m, worded: bool = True) -> str:
    """Why ``m`` may not join the key whose claims are ``under`` ("" when it may): the group they would
    form together must pass what a new group passes (``grouping.split`` and ``group_evidence``): every
    two word sets alike at ``JOIN`` (complete linkage, as ``grouping.cluster``; not asked of a claim that
    joined by the key's word in its own language, ``worded`` False), no period and a part of
    it, no two vintages, no second value of one brief for one period, ``m`` and every claim the key held
    firmly in the confident core, and the core's evidence sure. One standard for joining and forming."""
    from briefcmp.analysis import grouping as G
    from briefcmp.analysis.measure import effective_words

    group = [*under, m]
    eff = effective_words(group)
    sets = list({eff[id(o)] for o in group})
    briefs = {ws: {(o.claim.brief, o.period) for o in group if eff[id(o)] == ws and o.dated} for ws in sets}
    weight = G.weights([(o.claim.brief, eff[id(o)]) for o in group])
    pair_sim = {}
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            s = similarity(a, b, weight)
            if s < 1.0 and G.names_less(a, b, sets, briefs):
                s = G.SUBSET
            pair_sim[frozenset((a, b))] = s
    low = min((pair_sim.get(frozenset((eff[id(m)], eff[id(o)])), 1.0) for o in under if eff[id(o)] != eff[id(m)]),
              default=1.0)
    if worded and low < JOIN:
        vetoed = next((v for o in under for v in [G.veto(eff[id(m)], eff[id(o)])] if v), "")
        return vetoed or f"the wording is only alike (similarity {low:.2f} with a claim under the key)"
    if G._Part(under).clashes(G._Part([m])):
        return (f"{m.claim.ref} is of a period that holds, or is part of, a period of the key's claims, or of "
                "another vintage, or a second value of its brief for their period")
    held, _ = G.split(list(under), eff, pair_sim) if len(under) > 1 else (list(under), [])
    core, doubtful = G.split(group, eff, pair_sim)
    kept = {id(o) for o in core}
    if id(m) not in kept:
        return next((why for o, why in doubtful if o is m), "not in the confident core")
    if any(id(o) not in kept for o in held):
        return f"with {m.claim.ref}, a claim the key held is in doubt"
    ev = group_evidence(core, G.measure_score(core, eff, pair_sim))
    return "" if ev.sure() else ev.doubt()


def settle(fresh, keyed: dict[str, list], keys: dict, result, group_cls: Callable,
           joined: dict[int, str] | None = None, asked: set[int] = frozenset()) -> set[int]:
    """What the new-key stages (``fresh``), run over every figure as a first run sees them (keyed or
    not), mean for a corpus with keys already written: a sure group of claims none of them keyed is a new
    key; one that holds every claim of one key found in the corpus, and claims not keyed, is those claims
    joining it (the standard a new group passes); one that holds claims of two keys, or only some of a
    key's, keys nothing (its unkeyed claims are candidates to join). Candidates are read the same way. So a
    second ``align --apply`` on the corpus it wrote finds the groups it wrote, and proposes nothing new;
    and briefs added one at a time meet the groups a first run over all of them would form. Returns the
    ids of the unkeyed claims judged here beside a key's claims. ``joined``: claims ``join_keys`` joined to a
    key this run (by id), read as under it; ``asked``: claims proposed to such a key, left out here."""
    joined = joined or {}

    def key_of(m) -> str:
        return m.claim.key or joined.get(id(m), "")

    present: dict[str, set[int]] = defaultdict(set)
    for kid, ms in keyed.items():
        present[kid] |= {id(m) for m in ms}
    for i, kid in joined.items():
        present[kid].add(i)
    judged: set[int] = set()
    renamed: dict[str, str] = {}  # a group's fresh id -> the key it stands for
    joining: dict[str, list] = defaultdict(list)
    asked: list = []
    for g in fresh.groups:
        g.members[:] = [m for m in g.members if id(m) not in asked]
        loose = [m for m in g.members if not key_of(m)]
        held = sorted({key_of(m) for m in g.members if key_of(m)})
        if held:
            judged |= {id(m) for m in loose}
        if len(held) == 1:  # its doubtful members wait to join that key (or are no candidates of it)
            renamed[g.key] = held[0]
        if not held:
            result.groups.append(g)
        elif len(held) == 1 and held[0] in keys and present[held[0]] <= {id(m) for m in g.members}:
            joining[held[0]].extend(loose)
        elif loose:
            why = (f"claims of the keys {' and '.join(held)} line up with them" if len(held) > 1 else
                   f"only some of the claims of the key {held[0]} line up with them")
            asked.append(_under(g, held[0] if len(held) == 1 else g.key, loose, keys, group_cls, why))
    for kid, members in sorted(joining.items()):
        if members:
            kd = keys[kid]
            result.groups.append(group_cls(kid, False, kd.label, kd.unit, members,
                                           reason(members, "registered key " + kid), True, tuple(kd.subjects),
                                           tuple(kd.topics), ""))
    for c in fresh.candidates:
        loose = [m for m in c.members if not key_of(m) and id(m) not in asked]
        held = sorted({key_of(m) for m in c.members if key_of(m)})
        target = renamed.get(c.key, "")
        if not loose or (held and not target):
            continue  # an unsure group of a key's claims and others: no more than a first run would propose
        if target or c.key in keys:
            judged |= {id(m) for m in loose}
        if target:
            asked.append(_under(c, target, loose, keys, group_cls, c.doubt))
        else:
            c.members[:] = loose
            asked.append(c)
    result.candidates.extend(asked)
    return judged


def _under(g, kid: str, members: list, keys: dict, group_cls: Callable, why: str):
    """A candidate to join key ``kid`` (registered, or proposed this run as ``g``)."""
    kd = keys.get(kid)
    if kd is None:
        return group_cls(kid, g.new, g.label, g.unit, members, reason(members, ""), False, g.subjects, g.topics, why)
    return group_cls(kid, False, kd.label, kd.unit, members, reason(members, "registered key " + kid), False,
                     tuple(kd.subjects), tuple(kd.topics), why)
