"""Questions for a person about one act told of two actors: "the regulator suspended the two broadcasters for two
weeks" and "Ruritania suspended the two broadcasters for two weeks".

Two briefs often name the one who acts differently (a body by its own name, the country it acts for; a chamber, its
state), and the corpus does not always say who is who. Such statements are never keyed here (two actors taken as
one are a guess), but when the act is one (the same action, as folded), their objects are alike by the corpus's
weights (``factmatch.object_likeness``), they give the same answer, and each is the other's best match between the
two briefs, a person is asked whether the two actors stand for one another: a candidate, never applied, at most
``MAX_PER_ACTOR`` per actor, the likest first. Verbs that say nothing of the act without their object ("be",
"have"), an actor that is where the other's act is aimed ("India closed ... to Pakistani airlines") and an actor that
is no agent (a thing: "the bill restores the time frame", "a larger footprint strengthens the alliance") are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from briefcmp.analysis import lexicon
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factmatch import OBJECT_SCORE, object_likeness
from briefcmp.analysis.factstatements import Statement, _periods_meet, _years_apart

# Questions about two actors per actor: each costs a decision, and a corpus names few bodies for its countries.
MAX_PER_ACTOR = 2
MAX_STATEMENTS = 400  # bounded: statements of one action are compared pairwise
_EMPTY = frozenset("be have do make take get give say".split())


def _root(st: Statement) -> str:
    return st.root or st.actor


def _agent(st: Statement, entities: Entities) -> bool:
    """Whether a statement's actor (as read through) is one who acts: a name (a country, a body, a person), an office
    or a body by its common noun ("the regulator", "the ministry"), not a thing acted on."""
    from briefcmp.analysis.factrefs import _kind
    from briefcmp.analysis.factsubjects import BODY_NOUNS, GOVERNMENT_NOUNS, NATIONAL_TITLES

    label = entities.label(_root(st)).strip()
    if getattr(st.fact, "undergone", False) and _root(st) == st.actor:
        return False  # "the production was suspended", no doer read
    words = label.lower().split()
    # a name's head is its last word ("First Quantum", "the Federal Supreme Court"; "a larger EDCA footprint" is none)
    return bool(label.split() and label.split()[-1][:1].isupper() or _kind(label) or words and (
        words[-1] in BODY_NOUNS | GOVERNMENT_NOUNS | NATIONAL_TITLES or words[-1] + "s" in GOVERNMENT_NOUNS))


def _fits(a: Statement, b: Statement) -> bool:
    """Two briefs' statements of one act by two actors, one answer, periods that meet."""
    return (a.claim.brief != b.claim.brief and _root(a) != _root(b) and a.role == b.role
            and a.claim.value.type == b.claim.value.type and a.claim.value.display() == b.claim.value.display()
            and _root(a) not in b.others and _root(b) not in a.others
            and _periods_meet([a, b]) and not _years_apart(a, b))


def two_actor_pairs(free: list[Statement], entities: Entities) -> list[tuple[Statement, Statement, float]]:
    """(a, b, likeness) of the free statements that tell one act of two actors, each the other's best match
    between their briefs, likest first."""
    by_action: dict[str, list[Statement]] = defaultdict(list)
    for st in free:
        if _agent(st, entities) and st.action and st.action not in _EMPTY and lexicon.lemma(st.fact.verb) not in _EMPTY and st.words:
            by_action[st.action].append(st)
    out = []
    for action in sorted(by_action):
        sts = by_action[action][:MAX_STATEMENTS]
        best: dict[tuple[int, str], tuple[float, int]] = {}
        for i, a in enumerate(sts):
            for j, b in enumerate(sts):
                if i == j or not _fits(a, b):
                    continue
                s = object_likeness(a, b)
                if s > best.get((i, b.claim.brief), (0.0, -1))[0]:
                    best[(i, b.claim.brief)] = (s, j)
        for (i, brief), (s, j) in best.items():
            if i < j and s >= OBJECT_SCORE and best.get((j, sts[i].claim.brief), (0.0, -1))[1] == i:
                out.append((sts[i], sts[j], s))
    return sorted(out, key=lambda t: (-t[2], t[0].claim.ref, t[1].claim.ref))


def ask_two_actors(free: list[Statement], entities: Entities, taken: set[str], result, group_of, Group,
                   Member) -> None:
    """Add to ``result.candidates`` the pairs ``two_actor_pairs`` finds, each saying what a person must supply:
    that the two actors stand for one another. ``group_of`` is ``factgroups._group``."""
    per: Counter = Counter()
    for a, b, s in two_actor_pairs(free, entities):
        if per[_root(a)] >= MAX_PER_ACTOR or per[_root(b)] >= MAX_PER_ACTOR:
            continue
        per[_root(a)] += 1
        per[_root(b)] += 1
        actors = " / ".join(sorted({entities.label(_root(a)), entities.label(_root(b))}))
        doubt = (f"one act told of two actors ({actors}), which no brief says are one: a person should say whether "
                 "one stands for the other")
        result.candidates.append(group_of([a, b], s, doubt, entities, taken, Group, Member))
