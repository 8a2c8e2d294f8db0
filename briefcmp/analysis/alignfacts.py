"""Line up unkeyed statements (category and stance claims) across briefs: one question, several answers.

``align_facts(corpus, entities, result, taken)`` reads each unkeyed category or stance claim's
quote again (``briefcmp.analysis.facts``: actor, action, object, scope) and groups claims of two
or more briefs that have

- the same **actor** (Japan) and the same **action** (the verb's lemma: "froze", "freezes"
  and "has frozen" are one), in the same role (facts, forecasts and recommendations each apart);
- the same **object**: its content words (lemmas) agree, scope words left out ("selected
  Russian banks" and "all Russian banks" are one object), and so do the places it names;
- **compatible periods**: overlapping as-of periods, or none stated.

Each group drafts a key: an id, a question ("Does Japan freeze the assets of Russian
individuals?", "Should Japan put Asia first?"), the type (category or stance) and the values
seen. A group is *sure* (applied by ``--apply``) only when its score (the share of object words
the claims share) reaches ``SURE_SCORE``, calibrated on benchmarks/facts/dev, and nothing
makes it doubtful: scope stated by some claims only, one brief giving two values for one
period, a subject not named. Anything less is a candidate.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Optional

from briefcmp.analysis import lexicon
from briefcmp.analysis.entities import Entities, proper_names, slug
from briefcmp.analysis.facts import Fact, read_facts
from briefcmp.analysis.factwords import scope_value
from briefcmp.corpus.model import Claim, Corpus

VALUE_TYPES = ("category", "stance")
# The share of object nouns two claims must share to be keyed together without a person. Calibrated on
# benchmarks/facts/dev (5 sets, 24 gold relations; `benchmarks/facts_eval.py dev --sweep`): 1.0 finds
# 10 and keys 15 right; 0.8 finds 10, keys 16 right, 0 wrong, no false contradiction; 0.75 and below
# find 11 but key claims no gold relation names (a headline with its story; at 0.5, two such keys).
SURE_SCORE = 0.8
CANDIDATE_SCORE = 0.5
MAX_GROUPS_PER_BUCKET = 50
@dataclass
class Statement:
    claim: Claim
    fact: Fact
    actor: str
    action: str
    words: frozenset[str]
    others: frozenset[str]
    role: str  # "fact" | "forecast" | "position"

    @property
    def scoped(self) -> bool:
        """Whether the claim states which part or how hard ("selected banks", "mild sanctions", "all
        banks"); "all" is drafted as yes, but only a claim that says it compares with "selected"."""
        v = self.claim.value
        if v is None or v.type != "category":
            return False
        return v.category not in ("yes", "no", "undecided") or bool(scope_value(self.fact.scope))


def action_of(verb: str) -> str:
    """One lemma for verbs that state the same action (the shared lexicon's table)."""
    return lexicon.same_action(verb)


def describe(claim: Claim, entities: Entities) -> Optional[Statement]:
    """The statement an unkeyed category or stance claim makes, read from its quote; None when unread."""
    # The drafted id starts with the actor: it tells "It also froze ..." whose statement this is.
    carried = max((e for e in entities.labels if claim.id.startswith(e + "-")), key=len, default="")
    facts = read_facts(claim.quote, entities, carried, clause=True)
    if not facts:
        return None
    chosen = None
    for f in facts:  # the drafted id names the actor: "south-korea-join-sanction"
        if claim.id.startswith(slug(f.actor) + "-") or claim.id == slug(f.actor):
            chosen = f
            break
    if chosen is None and claim.subjects:
        chosen = next((f for f in facts if f.actor == claim.subjects[0]), None)
    if chosen is None:
        if len({(f.actor, f.verb) for f in facts}) != 1:
            return None  # several statements in one quote: which one this claim makes is not known
        chosen = facts[0]
    role = "position" if claim.value.type == "stance" or claim.kind in ("recommendation", "assessment") else \
        "forecast" if claim.kind == "forecast" else "fact"  # "could withdraw" is no answer to "has it withdrawn?"
    return Statement(claim, chosen, chosen.actor, action_of(chosen.verb),
                     frozenset(lexicon.object_notion(n) for n in chosen.nouns),
                     frozenset(chosen.others), role)


def score(a: Statement, b: Statement) -> float:
    """How surely two statements answer one question: the share of object words they share (0 when the
    actor, the action or the role differ, or their objects name different places)."""
    if (a.actor, a.action, a.role) != (b.actor, b.action, b.role):
        return 0.0
    if a.others and b.others and a.others != b.others:
        return 0.0
    union = a.words | b.words
    if not union:  # "Russia invaded Ukraine": the places are the object
        return 1.0 if a.others and a.others == b.others else 0.0
    s = len(a.words & b.words) / len(union)
    if a.others != b.others:
        s -= 0.25  # one names the place ("sanctions against Russia"), the other does not
    return s


def _periods_meet(group: list[Statement]) -> bool:
    spans = [s.claim.as_of.span() for s in group if s.claim.as_of is not None and not s.claim.as_of_inferred]
    return all(a0 <= b1 and b0 <= a1 for i, (a0, a1) in enumerate(spans) for b0, b1 in spans[i + 1:])


def _doubt(group: list[Statement]) -> str:
    # "selected banks" against "banks": the second may mean all or say nothing of it. "All banks" against
    # "banks" is one answer; "all banks" against "selected banks" is a real difference.
    partial = [s for s in group if s.scoped and scope_value(s.fact.scope) != "all"]
    silent = [s for s in group if not s.scoped and s.claim.value.display() == "yes"]  # "no" has no scope
    if partial and silent:
        return "some claims state a scope (which part, how hard) and some do not"
    values = {s.claim.value.display() for s in group}
    if "undecided" in values and "no" in values:
        return "not decided and not done can both hold: a person should say whether they conflict"
    per: dict[tuple[str, str], set[str]] = defaultdict(set)
    for s in group:
        per[(s.claim.brief, str(s.claim.as_of))].add(s.claim.value.display())
    if any(len(v) > 1 for v in per.values()):
        return "one brief gives two values for one period: the wording does not tell the statements apart"
    undated = [s.claim.ref for s in group if s.claim.as_of is None]
    if undated and len(values) > 1 and group[0].role != "position":  # positions compare whatever their dates
        return (f"no date for {', '.join(undated)} (none stated, no publication date): a change over time "
                "cannot be told from a contradiction")
    if not _periods_meet(group):
        return "the stated periods do not overlap"
    return ""


def align_facts(corpus: Corpus, entities: Entities, result, taken: set[str], Group, Member) -> int:
    """Add groups (sure) and candidates of unkeyed category and stance claims to ``result`` (an
    ``AlignResult``; ``Group`` and ``Member`` are align's classes, passed in so that neither module
    imports the other at both ends); returns how many claims were considered."""

    loose = [c for c in corpus.claims() if not c.key and c.value is not None and c.value.type in VALUE_TYPES]
    for claim in loose:  # bodies named in full anywhere first: then "the EU" is the European Union everywhere
        for _, _, name in proper_names(claim.quote):
            entities.adopt(name)
    statements: list[Statement] = []
    for claim in loose:
        st = describe(claim, entities)
        if st is not None:
            statements.append(st)
    buckets: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for st in statements:
        buckets[(st.actor, st.action, st.role)].append(st)
    for bucket in sorted(buckets):
        members = sorted(buckets[bucket], key=lambda s: s.claim.ref)
        # Sure groups first (every pair at SURE_SCORE); what is left may form candidates.
        left = members
        for threshold in (SURE_SCORE, CANDIDATE_SCORE):
            rest: list[Statement] = []
            for g in _cluster(left, threshold):
                if len({s.claim.brief for s in g}) < 2:
                    rest.extend(g)
                    continue
                low = min(score(a, b) for i, a in enumerate(g) for b in g[i + 1:])
                doubt = _doubt(g) or ("" if low >= SURE_SCORE else "the objects are only alike")
                if doubt and threshold == SURE_SCORE:
                    rest.extend(g)  # looked at again as a candidate
                    continue
                group = _group(g, low, doubt, entities, taken, Group, Member)
                if group.sure:
                    taken.add(group.key)
                    result.groups.append(group)
                    for e in group.subjects:  # places and bodies the key names, registered by --apply
                        if e not in corpus.config.entities:
                            result.entities[e] = entities.label(e)
                else:
                    result.candidates.append(group)
            left = rest
    return len(statements)


def _cluster(members: list[Statement], threshold: float) -> list[list[Statement]]:
    """Greedy groups in which every pair scores at least ``threshold`` (bounded per bucket)."""
    groups: list[list[Statement]] = []
    for st in members:
        for g in groups:
            if all(score(st, o) >= threshold for o in g):
                g.append(st)
                break
        else:
            if len(groups) < MAX_GROUPS_PER_BUCKET:
                groups.append([st])
    return groups


def _group(g: list[Statement], low: float, doubt: str, entities: Entities, taken: set[str], group_cls, member_cls):
    vtype = "stance" if g[0].claim.value.type == "stance" else "category"
    values = sorted({s.claim.value.display() for s in g})
    plainest = min(g, key=lambda s: (len(s.fact.object_text.split()), s.claim.ref))
    return group_cls(key=_key_id(g, taken), new=True, label=question(plainest, entities), unit="",
                     members=[_member(s, vtype, member_cls) for s in g], reason=_reason(g, values, low),
                     sure=not doubt, subjects=_subjects(g), topics=_topics(g), doubt=doubt, score=low)


def _member(st: Statement, vtype: str, member_cls):
    shown = dict(zip(st.fact.words, st.fact.shown))
    return member_cls(claim=st.claim, subjects=_subjects([st]), subjects_from="clause", unit="", dim=vtype,
                      words=st.words, shown=shown, order=tuple(st.fact.words), lead=st.actor)


def _subjects(group: list[Statement]) -> tuple[str, ...]:
    others = sorted(set().union(*(s.others for s in group)) - {group[0].actor})
    return (group[0].actor, *others)


def _topics(group: list[Statement]) -> tuple[str, ...]:
    common = set(group[0].claim.topics)
    for s in group[1:]:
        common &= set(s.claim.topics)
    return tuple(t for t in group[0].claim.topics if t in common)


def _key_id(group: list[Statement], taken: set[str]) -> str:
    st = group[0]
    shared = [w for w in st.fact.words if all(w in o.words for o in group)]
    base = slug("-".join([st.actor, st.action, *shared[:3]]))[:60].strip("-") or "statement"
    if st.fact.verb == "be":
        base = slug("-".join([st.actor, *shared[:3], "degree"]))[:60].strip("-")
    elif st.role == "position":
        base = slug(f"{base}-stance")[:60]
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def question(st: Statement, entities: Entities) -> str:
    """The key's label as a question: "Does Japan freeze the assets of Russian individuals?"."""
    obj = " ".join(st.fact.object_text.split())
    if st.fact.verb == "be":  # a judgement of degree: the object is its subject
        return f"Is {obj[:1].upper()}{obj[1:]} mild or severe?"
    obj = re.sub(r"^(?:its|their|his|her)\b", "its", obj)
    head = "Should" if st.role == "position" else "Does"
    return f"{head} {entities.label(st.actor)} {st.action} {obj}?".replace("  ", " ")


def _reason(group: list[Statement], values: list[str], low: float) -> str:
    st = group[0]
    shared = [w for w in st.fact.words if all(w in o.words for o in group)]
    return (f"actor {st.actor}; action {st.action}; object words: {' '.join(shared) or '(none)'}; "
            f"score {low:.2f}; values seen: {', '.join(values)}")
