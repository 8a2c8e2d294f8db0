"""A group of statements as ``align`` proposes it: the key id, the question, the subjects and topics, the reason
shown, and what a person is asked to supply when the statements are only alike (split from ``alignfacts``)."""

from __future__ import annotations

from dataclasses import replace

from briefcmp.analysis import lexicon
from briefcmp.analysis.countrydata import slug
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factstatements import Statement, question
from briefcmp.analysis.factwords import scope_value


def _group(g: list[Statement], low: float, doubt: str, entities: Entities, taken: set[str], group_cls, member_cls,
           key: str = ""):
    vtype = "stance" if g[0].claim.value.type == "stance" else "category"
    values = sorted({s.claim.value.display() for s in g})
    # asked as the plainest statement says it, not as a passive ("the suspension was announced") words it
    plainest = min(g, key=lambda s: (s.role != "fact", bool(getattr(s.fact, "undergone", False)),
                                     len(s.fact.object_text.split()), s.claim.ref))
    if len({s.actor for s in g}) > 1 and plainest.root:  # "Yerevan" and "Armenia": asked of the country
        plainest = replace(plainest, actor=plainest.root)
    return group_cls(key=key or _key_id(g, taken), new=True, label=question(plainest, entities, _scopes(g)), unit="",
                     members=[_member(s, vtype, member_cls) for s in g], reason=_reason(g, values, low),
                     sure=not doubt, subjects=_subjects(g), topics=_topics(g), doubt=doubt, score=low)

def _member(st: Statement, vtype: str, member_cls):
    shown = dict(zip(st.fact.words, st.fact.shown))
    return member_cls(claim=st.claim, subjects=_subjects([st]), subjects_from="clause", unit="", dim=vtype,
                      words=st.words, shown=shown, order=tuple(st.fact.words), lead=st.actor)

def _scopes(group: list[Statement]) -> tuple[str, ...]:
    """The scope classes the claims state ("all", "selected"), when some state one; else ()."""
    if not any(s.scoped for s in group):
        return ()
    found = {scope_value(s.fact.scope) or s.claim.value.display() for s in group if s.claim.value.type == "category"}
    return tuple(sorted(found - {"no", "undecided"}))

def _actor(group: list[Statement]) -> str:
    """The group's actor: its members' one actor, else the country or body they all stand for (their root)."""
    return group[0].actor if len({s.actor for s in group}) == 1 else (group[0].root or group[0].actor)

def _subjects(group: list[Statement]) -> tuple[str, ...]:
    actor = _actor(group)
    others = sorted(set().union(*(s.others for s in group)) - {actor})
    return (actor, *others)

def _topics(group: list[Statement]) -> tuple[str, ...]:
    common = set(group[0].claim.topics)
    for s in group[1:]:
        common &= set(s.claim.topics)
    return tuple(t for t in group[0].claim.topics if t in common)

def _shared(group: list[Statement]) -> list[str]:
    st = group[0]
    return [w for w in st.fact.words if all(lexicon.object_notion(w) in o.words for o in group)]

def _key_id(group: list[Statement], taken: set[str]) -> str:
    st = group[0]
    shared = _shared(group)
    actor = _actor(group)
    base = slug("-".join([actor, st.action, *shared[:3]]))[:60].strip("-") or "statement"
    if st.fact.verb == "be":
        base = slug("-".join([actor, *shared[:3], "degree"]))[:60].strip("-")
    elif st.role == "position":
        base = slug(f"{base}-stance")[:60]
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key

def _reason(group: list[Statement], values: list[str], low: float) -> str:
    st = group[0]
    shared = _shared(group)
    actions = sorted({s.action for s in group})
    actors = sorted({s.actor for s in group})
    said = st.actor if len(actors) == 1 else f"{_actor(group)} ({' / '.join(actors)})"
    return (f"actor {said}; action {' / '.join(actions)}; object words: {' '.join(shared) or '(none)'}; "
            f"score {low:.2f}; values seen: {', '.join(values)}")

def _missing(group: list[Statement]) -> str:
    """What a person is asked to supply for statements that are only alike: the verbs that differ, the object
    words not every claim names."""
    parts = []
    if len({s.action for s in group}) > 1:
        parts.append(f"the verbs differ ({' / '.join(sorted({s.fact.verb for s in group}))})")
    named = [s.words | s.others for s in group]
    apart = sorted(set().union(*named) - set.intersection(*map(set, named)) - {"+more"})
    if apart:
        parts.append(f"not every claim names {', '.join(apart[:6])}{' ...' if len(apart) > 6 else ''}")
    if not parts:
        return "the statements are only alike"
    return "; ".join(parts) + ": a person should say whether they answer one question"

def _actors_missing(group: list[Statement], entities: Entities) -> str:
    """What is missing when a group's actors differ: that they are one, as read from the corpus (a person named
    for a country, an office for its brief's country, an act for whoever does it), which no claim says."""
    actors = " / ".join(sorted({entities.label(s.actor) for s in group}))
    return (f"; the actors ({actors}) are taken as one: read as {entities.label(_actor(group))} from the briefs "
            "(a person, an office or an act for whom it stands), which a person should confirm")
