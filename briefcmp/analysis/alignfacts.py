"""Line up unkeyed statements (category and stance claims) across briefs: one question, several answers.

``align_facts(corpus, entities, result, taken)`` reads each category or stance claim's quote
again (``briefcmp.analysis.facts``: actor, action, object, scope) and proposes keys for claims of
two or more briefs that have

- the same **actor** (Japan) and the same **action**: the verb's lemma, its synonyms in the shared
  lexicon ("condemned" and "denounced"), a frame read through ("decided to ban" is a ban), the means
  named ("aligned its policy with the G7 by sanctioning Russia" sanctions Russia), and a verb said
  as a light verb and its noun ("sanctioned Russia" imposed sanctions);
- the same **object**: its nouns by notion ("the invasion", "the attack" and "the act of
  aggression" are one), scope words left out ("selected Russian banks" and "all Russian banks" are
  one object whose scope is the value), and places that agree (one naming more of them than the
  other is alike, not the same);
- **compatible periods**: overlapping as-of periods, or none stated;
- the same **role**: facts and forecasts answer "does X do Y?", recommendations "should X do Y?".

Each proposal drafts a key: an id, a question ("Does Japan freeze the assets of Russian
individuals?", "Should Japan put Asia first?"), the type (category or stance) and the values
seen. A group is *sure* (applied by ``--apply``) only when every pair scores ``SURE_SCORE``
(``score``: the share of object words they share, calibrated on benchmarks/facts/dev) and nothing
makes it doubtful (``_doubt``). A statement that answers a key already registered joins it the
same way, and of two sure groups alike each other only the larger is keyed (one question never gets
two keys without a person). What is only alike (``likeness``: a related action such as a ban and an
exclusion, a fact and a forecast, objects one of which holds the other, a body and a part of it)
is a *candidate* for a person, ranked by likeness and bounded per actor and kind of step, since
each costs a decision; statements whose stated periods do not meet are two events, not one. Last, the statements
nothing proposed that the trained pair linker links well below its own candidate bar (``REVIEW_BAR``), of one actor,
are put to a person too (``_review``): a person decides what the linker cannot, a few per actor, likest first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Callable, Optional

from briefcmp.analysis import lexicon
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factasks import ask_two_actors
from briefcmp.analysis.factgroups import (  # noqa: F401 (re-exported: tests and the diagnostics read them)
    _actor, _actors_missing, _group, _key_id, _member, _missing, _reason, _scopes, _shared, _subjects, _topics,
)
from briefcmp.analysis.factmatch import _agglomerate, _low, held_likeness, mutual_groups, object_likeness
from briefcmp.analysis.factnominal import read_acts
from briefcmp.analysis.factread import (  # noqa: F401 (re-exported: what align and the diagnostics read)
    VALUE_TYPES, _prefixes, _roots, read_statements, weigh,
)
from briefcmp.analysis.factstatements import (  # noqa: F401 (re-exported: a statement, its question, the pair tests)
    Statement, _leaders, _periods_meet, _places, _readings, _years_apart, action_of, describe, question,
)
from briefcmp.analysis.factwords import scope_value
from briefcmp.corpus.model import Corpus

# The share of object nouns two claims must share to be keyed together without a person. Calibrated on
# benchmarks/facts/dev (5 sets, 24 gold relations; `benchmarks/facts_eval.py dev --sweep`): 1.0 finds
# 10 and keys 15 right; 0.8 finds 10, keys 16 right, 0 wrong, no false contradiction; 0.75 and below
# find 11 but key claims no gold relation names (a headline with its story; at 0.5, two such keys).
SURE_SCORE = 0.8
# Claims that give different answers (yes and no, support and oppose) are keyed together, to be a
# contradiction or a disagreement, only when their wording is this alike: below it a person decides.
CONTRADICTION_SCORE = 0.85
# Candidates (never applied): how alike two statements must be to be put to a person, and how many
# proposals one actor's action may make. Measured with the simulated analyst
# (benchmarks/fromscratch_review.py, benchmarks/facts dev with --lineup): see docs/benchmarks.
CANDIDATE_SCORE = 0.5
MAX_CANDIDATES_PER_BUCKET = 3
# A candidate whose verbs are of other kinds ranks as a related action does in ``_likeness`` (0.8). Its objects
# must be as alike as factmatch asks to key other verbs (OBJECT_SCORE 0.5): at 0.3, on the facts dev tuning halves
# (old11, s3, s4, s5), 1 more relation was found with the simulated analyst for 4 more decisions (41 with 38,
# against 40 with 34).
OTHER_VERB_WEIGHT = 0.8
MAX_GROUPS_PER_BUCKET = 50  # (factmatch.MAX_GROUPS bounds the groups of one bucket the same way)
# The pair linker's bar for groups put to a person only (``_review``): well below its calibrated candidate bar, since
# a person decides what it cannot, and as many per actor as a person is asked. Measured with the simulated analyst on
# the facts dev tuning halves (old..s7, 466 relations; 53 found after 56 decisions without): 0.4 and 5 found 63 after
# 85; 0.35 and 3, 66 after 90 (1.36 a relation found); 0.3 and 3, 67 after 103; 0.2, 75 after 193; 0.3 across two
# actors, 72 after 130. No false contradiction, wrong key or trap was added by any. With the linker retrained
# (session 10, two more features, bar 0.549), on the same halves: 0.35 finds 67 after 89 decisions, 0.45 finds 65
# after 74; the last two relations cost 15 decisions, far above the 1.5 a relation the issue allows, so 0.45.
REVIEW_BAR = 0.45
MAX_REVIEW_PER_ACTOR = 3
def _best(sim: Callable[[Statement, Statement], float]) -> Callable[[Statement, Statement], float]:
    """``sim`` over every reading of the two statements: the likest reading counts."""
    def best(a: Statement, b: Statement) -> float:
        if a.fuller is None and b.fuller is None:
            return sim(a, b)
        return max(sim(x, y) for x in _readings(a) for y in _readings(b))
    best.__doc__ = sim.__doc__
    return best


def _score(a: Statement, b: Statement) -> float:
    """How surely two statements answer one question: the share of object words they share, less when the
    places differ (0 when the actor, the action or the role differ, or their objects name different places)."""
    if (a.actor, a.action, a.role) != (b.actor, b.action, b.role) or _years_apart(a, b):
        return 0.0
    places = _places(a, b)
    if not places:
        return 0.0
    union = a.words | b.words
    if not union:  # "Russia invaded Ukraine": the places are the object
        return 1.0 if a.others and a.others == b.others else 0.0
    return a.mass(a.words & b.words) / a.mass(union) - (1.0 - places)


def _likeness(a: Statement, b: Statement) -> float:
    """How alike two statements are, for a person to decide (0 when never one question): the object words
    and places they share, over the fewer of them and over all of them (the mean), lowered for a related
    action (a ban and an exclusion) or a forecast against a fact."""
    if (a.root or a.actor) != (b.root or b.actor) or a.asks != b.asks or a.family != b.family:
        return 0.0
    places = _places(a, b)
    if not places:
        return 0.0
    if lexicon.opposite_actions(a.action, b.action):
        return 0.0
    # "+more" (a further round) and a bare object are told apart by a person, not here
    wa, wb = a.words | a.others, b.words | b.others
    if not wa or not wb:  # an action with no object said ("took steps to ease"): too little to ask about
        s = 1.0 if wa == wb else 0.0
    else:  # between "one holds the other" (overlap) and "they are the same" (Jaccard): one shared word of many is little
        s = (len(wa & wb) / min(len(wa), len(wb)) + len(wa & wb) / len(wa | wb)) / 2
    s *= 1.0 if a.action == b.action else 0.8
    s *= 1.0 if a.role == b.role else 0.9
    s *= 1.0 if a.actor == b.actor else 0.9  # a body and a part of it ("the Commerce Department's bureau")
    if not _periods_meet([a, b]) or _years_apart(a, b):
        s *= 0.4  # the sanctions of 2014 and those of 2022: two events (below any candidate), not one question
    return s


score = _best(_score)
likeness = _best(_likeness)


def _doubt(group: list[Statement], alike: Optional[bool] = None) -> str:
    """Why a group of statements should be put to a person ("" when nothing): ``alike`` says whether their wording
    is alike enough for two answers to be a contradiction (by default: ``score`` at least CONTRADICTION_SCORE)."""
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
    if len(values) > 1 and not (alike if alike is not None else _low(group, score) >= CONTRADICTION_SCORE):
        return "the claims give different answers and their wording is only alike: a person should say whether they conflict"
    if len(values) > 1 and all(getattr(s.fact, "undergone", False) and not s.claim.subjects for s in group):
        # "a referendum is required" against "no referendum was required": a passive with no doer, said of no
        # country or body, is whose the sentence before says ("there, unlike in X"), which nothing here reads
        return "the claims give different answers, each passive and said of no one: a person should say whose they are"
    undated = [s.claim.ref for s in group if s.claim.as_of is None]
    if undated and len(values) > 1 and group[0].role != "position":  # positions compare whatever their dates
        return (f"no date for {', '.join(undated)} (none stated, no publication date): a change over time "
                "cannot be told from a contradiction")
    if not _periods_meet(group):
        return "the stated periods do not overlap"
    if len({s.role for s in group}) > 1:
        return "a forecast and a fact: a person should say whether they answer one question"
    return ""


def align_facts(corpus: Corpus, entities: Entities, result, taken: set[str], Group, Member) -> int:
    """Add groups (sure) and candidates of unkeyed category and stance claims to ``result`` (an
    ``AlignResult``; ``Group`` and ``Member`` are align's classes, passed in so that neither module
    imports the other at both ends); returns how many claims were considered."""

    statements, keyed = read_statements(corpus, entities)
    if not statements:
        return 0
    read_acts([*statements, *(k for sts in keyed.values() for k in sts)])  # "announced the suspension of": suspends
    first = len(result.candidates)  # the figures' candidates come before
    rest = _join_keys(corpus, statements, keyed, result, Group, Member)
    buckets: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for st in rest:
        buckets[(st.actor, st.action, st.role)].append(st)
    left: list[Statement] = []
    made: list[list[Statement]] = []  # the sure groups keyed here, each one's statements
    for bucket in sorted(buckets):
        members = sorted(buckets[bucket], key=lambda s: s.claim.ref)
        applied: list[tuple[list[Statement], str]] = []
        found = sorted(_agglomerate(members, score, SURE_SCORE), key=lambda g: (-len(g), g[0].claim.ref))
        singles = [g[0] for g in found if len(g) == 1]
        used: set[int] = set()
        for g in found:
            if len(g) == 1 and id(g[0]) in used:
                continue  # joined a group as its brief's second telling
            if len({s.claim.brief for s in g}) < 2:
                left.extend(g)  # looked at again as a candidate
                continue
            if _doubt(g):
                g, dropped = _settle(g)
                left.extend(dropped)
                if not g:
                    continue
            echoes = _echoes(g, [s for s in singles if id(s) not in used and s not in g])  # a second telling
            used.update(id(s) for s in echoes)
            g = sorted(g + echoes, key=lambda s: s.claim.ref)
            near = [(h, key) for h, key in applied if min(score(a, b) for a in g for b in h) >= CANDIDATE_SCORE]
            if near:
                # One question never gets two keys without a person: a group alike one keyed now is proposed
                # with it, under its key (once that group is keyed, a review asks only whether these join it).
                h, key = near[0]
                result.candidates.append(_group(h + g, _low(h + g, score), f"alike the group keyed as {key}: "
                                                "a person should say whether they answer one question",
                                                entities, taken, Group, Member, key=key))
                continue
            group = _group(g, _low(g, score), "", entities, taken, Group, Member)
            applied.append((g, group.key))
            made.append(g)
            taken.add(group.key)
            result.groups.append(group)
            for e in group.subjects:  # places and bodies the key names, registered by --apply
                if e not in corpus.config.entities:
                    result.entities[e] = entities.label(e)
    left = _mutual(rest, left, entities, taken, result, Group, Member, made)  # other verbs, one-to-one (factmatch)
    left = _join_made(rest, left, made, entities, taken, result, Group, Member)
    left = _learned(rest, left, entities, taken, result, Group, Member, made)  # the trained linker (factlink)
    left = _join_made(rest, left, made, entities, taken, result, Group, Member)  # a third brief joins those too
    for g in result.groups:
        for e in g.subjects:
            if e not in corpus.config.entities and e not in result.entities and not e.startswith("("):
                result.entities[e] = entities.label(e)
    asked = _candidates(left, entities, taken, result, Group, Member)
    _other_verbs(rest, [st for st in left if id(st) not in asked], entities, taken, result, Group, Member)
    proposed = {m.claim.ref for g in result.candidates[first:] for m in g.members}
    _review(rest, [st for st in left if st.claim.ref not in proposed], entities, taken, result, Group, Member)
    proposed = {m.claim.ref for g in result.candidates[first:] for m in g.members}
    ask_two_actors([st for st in left if st.claim.ref not in proposed], entities, taken, result, _group, Group, Member)
    # a person who stops early has decided the likest: statement candidates in order of likeness
    result.candidates[first:] = sorted(result.candidates[first:], key=lambda g: -g.score)
    return len(statements)


def _learned(everyone: list[Statement], left: list[Statement], entities: Entities, taken: set[str], result, Group,
             Member, made: Optional[list[list[Statement]]] = None) -> list[Statement]:
    """Key the groups the trained pair linker (``factlink``) links above its calibrated bar when nothing makes them
    doubtful (two answers only above its stricter contradiction bar); put those between its candidate bar and the
    applied bar to a person, saying what is missing. Returns the statements still left; the groups keyed are added
    to ``made`` (a third brief's telling may join them, ``_join_made``)."""
    from briefcmp.analysis import factlink

    linker = factlink.model()
    if linker is None or len({st.claim.brief for st in left}) < 2:
        return left
    used: set[int] = set()
    for g, p in factlink.link(everyone, {id(st) for st in left}, linker):
        # two answers are a contradiction only of one act by one actor as written: "suspended the deal" and "did not
        # end the deal" both hold, and an actor read as standing for another is a guess (as in ``_mutual``); a scope
        # on one side ("has not closed all of its crossings" beside "closed its border") may answer another question
        one = len({s.action for s in g}) == 1 and len({s.actor for s in g}) == 1 and not any(s.scoped for s in g)
        doubt = _doubt(g, alike=p >= linker.contradiction and one)
        if not doubt and len({s.actor for s in g}) > 1 and len({s.action for s in g}) > 1 and not _one_act(g):
            doubt = _missing(g)  # two guesses at once, an actor and a verb taken as one: a person's call
        actors = sorted({entities.label(s.root or s.actor) for s in g})
        if len(actors) > 1:  # one question has one actor: only a person says that one stands for the other
            doubt = (doubt + "; " if doubt else "") + (f"the actors differ ({' / '.join(actors)}): a person should "
                                                       "say whether one stands for the other")
        if p >= linker.threshold and not doubt:
            group = _group(g, p, "", entities, taken, Group, Member)
            taken.add(group.key)
            result.groups.append(group)
            if made is not None:
                made.append(list(g))
        else:
            missing = doubt or (f"the linker rates them {p:.2f}, below its bar {linker.threshold:.2f}; "
                                + _missing(g))
            if len(actors) == 1 and len({s.actor for s in g}) > 1:
                missing += _actors_missing(g, entities)
            result.candidates.append(_group(g, p, missing, entities, taken, Group, Member))
        used.update(id(st) for st in g)
    return [st for st in left if id(st) not in used]


def _review(everyone: list[Statement], free: list[Statement], entities: Entities, taken: set[str], result, Group,
            Member) -> None:
    """Candidates for a person only, never applied: the groups the pair linker links at ``REVIEW_BAR``, far below
    its candidate bar, of statements nothing else proposed, each of one actor (a country or body, read through
    ``factrefs``), at most ``MAX_REVIEW_PER_ACTOR`` per actor, the likest first; each says how sure the linker is
    and what is missing."""
    from briefcmp.analysis import factlink

    linker = factlink.model()
    if linker is None or REVIEW_BAR >= linker.candidate or len({st.claim.brief for st in free}) < 2:
        return
    per: Counter = Counter()
    for g, p in factlink.link(everyone, {id(st) for st in free}, linker, bar=REVIEW_BAR):
        root = g[0].root or g[0].actor
        if any((s.root or s.actor) != root for s in g):
            continue  # two actors and a weak link: noise to a person (0.3: 4 more found for 16 more decisions)
        if any(s.fact.verb == "be" for s in g):
            continue  # "is a partner", "was unlawful": a judgement, seldom one question at a weak link
        if per[root] >= MAX_REVIEW_PER_ACTOR:
            continue
        per[root] += 1
        doubt = (f"the linker rates them {p:.3f} (it keys from {linker.threshold:.3f}): "
                 + (_doubt(g, alike=False) or _missing(g)))
        if len({s.actor for s in g}) > 1:
            doubt += _actors_missing(g, entities)
        result.candidates.append(_group(g, p, doubt, entities, taken, Group, Member))


def _settle(group: list[Statement]) -> tuple[list[Statement], list[Statement]]:
    """(the group without the claims a brief gives against itself, those claims) when one brief gives two values
    for one period and the other briefs' values say which of its two they agree with ("stopped short of
    confirming whether Japan would join the sanctions" beside "Japan has announced sanctions", the other briefs
    saying "imposed sanctions"): the agreeing claims are keyed, the other is left for a person. ([], group) when
    that does not settle it."""
    per: dict[str, set[str]] = defaultdict(set)
    for s in group:
        per[s.claim.brief].add(s.claim.value.display())
    if all(len(v) == 1 for v in per.values()):
        return [], group  # doubtful for another reason
    keep: dict[str, str] = {}
    for brief, values in per.items():
        if len(values) == 1:
            keep[brief] = next(iter(values))
            continue
        votes = Counter(s.claim.value.display() for s in group if s.claim.brief != brief and s.claim.value.display() in values)
        ranked = votes.most_common(2)
        if not ranked or len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            return [], group
        keep[brief] = ranked[0][0]
    kept = [s for s in group if s.claim.value.display() == keep[s.claim.brief]]
    if len({s.claim.brief for s in kept}) < 2 or _doubt(kept):
        return [], group
    return kept, [s for s in group if s not in kept]


def _echoes(group: list[Statement], singles: list[Statement]) -> list[Statement]:
    """Statements of the group's briefs that say again what their brief's member says (the same value) and are
    as alike every other brief's members as a group asks: a brief that says it twice ("condemned the Russian
    attack", "condemned the Russian invasion") has both keyed, whichever of the two another reader quotes."""
    value = {s.claim.brief: s.claim.value.display() for s in group}
    return [s for s in singles if value.get(s.claim.brief) == s.claim.value.display()
            and all(score(s, o) >= SURE_SCORE for o in group if o.claim.brief != s.claim.brief)]


def _mutual(everyone: list[Statement], left: list[Statement], entities: Entities, taken: set[str], result, Group,
            Member, made: list[list[Statement]]) -> list[Statement]:
    """Key the statements told with other verbs that ``factmatch`` lines up (one-to-one, same value, objects
    alike by the corpus's weights) when nothing makes them doubtful; returns the statements still left."""
    free = {id(st) for st in left}
    keyed: set[int] = set()
    for g in mutual_groups(everyone, lambda st: id(st) in free, sim=held_likeness):
        if _doubt(g):
            continue
        if len({s.actor for s in g}) > 1 and len({s.action for s in g}) > 1 and not _one_act(g):
            # two actors taken as one and two verbs taken as one act: each a guess, both together a person's call
            # ("Foreign Minister Baerbock floated a ring exchange", "Germany agreed a ring exchange"); verbs a
            # dictionary gives one sense ("froze" / "suspended" licences) are no guess
            continue
        group = _group(g, _low(g, held_likeness), "", entities, taken, Group, Member)
        taken.add(group.key)
        result.groups.append(group)
        made.append(list(g))
        keyed.update(id(st) for st in g)
    return [st for st in left if id(st) not in keyed]


def _join_made(everyone: list[Statement], left: list[Statement], made: list[list[Statement]], entities: Entities,
               taken: set[str], result, Group, Member) -> list[Statement]:
    """A statement left over joins a group keyed here when it and one of the group's statements are each other's best
    match between their two briefs (``factmatch``: one actor read through, objects alike by the corpus's weights)
    and it gives the group's one answer, from a brief the group does not hold ("It has not delivered Taurus cruise
    missiles" joins Chancellor Scholz's two refusals): an agreement only; the group is asked again of the country
    its actors stand for. Returns the statements still left."""
    from briefcmp.analysis.factmatch import OBJECT_SCORE, _compatible

    by_root: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for b in everyone:
        by_root[(b.root or b.actor, b.claim.brief)].append(b)
    found: dict[tuple[int, str], Optional[Statement]] = {}

    def best(a: Statement, brief: str) -> Optional[Statement]:
        """``a``'s likest statement of ``brief`` (of its actor, read through), once per pair."""
        if (id(a), brief) not in found:
            pool = [(object_likeness(a, b), b.claim.ref, b) for b in by_root[(a.root or a.actor, brief)]
                    if b is not a and _compatible(a, b)]
            top = max(pool, key=lambda t: (t[0], t[1])) if pool else None
            found[(id(a), brief)] = top[2] if top and top[0] > 0 else None
        return found[(id(a), brief)]

    joined: set[int] = set()
    for st in left[:MAX_GROUPS_PER_BUCKET * 4]:  # bounded: each costs a pass over one actor's statements
        for g in made:
            if (g[0].root or g[0].actor) != (st.root or st.actor):
                continue  # another actor's question
            values = {s.claim.value.display() for s in g}
            if values != {st.claim.value.display()} or st.claim.brief in {s.claim.brief for s in g}:
                continue
            partner = next((p for p in g if object_likeness(st, p) >= OBJECT_SCORE and best(st, p.claim.brief) is p
                            and best(p, st.claim.brief) is st), None)
            grown = g + [st]
            if partner is None or not all(_compatible(st, q) for q in g) or _doubt(grown):
                continue
            if len({s.actor for s in grown}) > 1 and len({s.action for s in grown}) > 1 and not _one_act(grown):
                continue  # two guesses at once: a person's call (as in ``_mutual``)
            old = next(k for k, x in enumerate(result.groups) if x.new and {m.claim.ref for m in x.members}
                       == {s.claim.ref for s in g})
            taken.discard(result.groups[old].key)
            grown.sort(key=lambda s: s.claim.ref)
            low = min(result.groups[old].score, object_likeness(st, partner))
            result.groups[old] = _group(grown, low, "", entities, taken, Group, Member)
            taken.add(result.groups[old].key)
            g.append(st)
            joined.add(id(st))
            break
    return [st for st in left if id(st) not in joined]


def _join_keys(corpus: Corpus, statements: list[Statement], keyed: dict[str, list[Statement]], result,
               Group, Member) -> list[Statement]:
    """Statements that answer a registered key's question join it (sure as a new group would be, else a
    candidate); returns the others."""
    if not keyed:
        return statements
    by_kind: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for key, sts in keyed.items():
        by_kind[(sts[0].root, sts[0].family, sts[0].asks)].append(key)
    sure: dict[str, list[Statement]] = defaultdict(list)
    maybe: dict[str, list[Statement]] = defaultdict(list)
    rest = []
    for st in statements:
        best, best_like, is_sure = "", 0.0, False
        for key in sorted(by_kind.get((st.root, st.family, st.asks), ()))[:MAX_GROUPS_PER_BUCKET]:
            under = keyed[key][:MAX_GROUPS_PER_BUCKET]  # bounded: a key's first claims say what it asks
            if min(score(st, o) for o in under) >= SURE_SCORE:
                best, is_sure = key, True
                break
            like = min(likeness(st, o) for o in under)
            if like >= CANDIDATE_SCORE and like > best_like:
                best, best_like = key, like
        if is_sure:
            sure[best].append(st)
        elif best and (st.claim.brief, st.claim.value.display()) in {(o.claim.brief, o.claim.value.display())
                                                                     for o in keyed[best]}:
            continue  # its brief already answers the key so (a headline and its story): no decision to ask
        elif best:
            maybe[best].append(st)
        else:
            rest.append(st)
    for key, joining in sorted(sure.items()):
        if _doubt(keyed[key] + joining):
            maybe[key].extend(joining)
        else:
            result.groups.append(_join(corpus, key, joining, keyed[key], True, "", Group, Member))
    for key, joining in sorted(maybe.items()):
        # Statements alike the key's but not one another ask apart; the likest to the key first, bounded.
        parts = _agglomerate(sorted(joining, key=lambda s: s.claim.ref), likeness, CANDIDATE_SCORE)
        parts.sort(key=lambda g: (-min(likeness(s, o) for s in g for o in keyed[key]), g[0].claim.ref))
        for part in parts[:MAX_CANDIDATES_PER_BUCKET]:
            doubt = _doubt(keyed[key] + part) or _missing(keyed[key] + part)
            result.candidates.append(_join(corpus, key, part, keyed[key], False, doubt, Group, Member))
    return rest


def _join(corpus: Corpus, key: str, joining: list[Statement], under: list[Statement], sure: bool, doubt: str,
          Group, Member):
    kd = corpus.config.keys[key]
    vtype = "stance" if joining[0].claim.value.type == "stance" else "category"
    low = min(score(s, o) if sure else likeness(s, o) for s in joining for o in under)
    values = sorted({s.claim.value.display() for s in [*under, *joining]})
    return Group(key, False, kd.label, "", [_member(s, vtype, Member) for s in joining],
                 f"registered key {key}; " + _reason(joining, values, low), sure, tuple(kd.subjects),
                 tuple(kd.topics), doubt, low)


def _candidates(left: list[Statement], entities: Entities, taken: set[str], result, Group, Member) -> set[int]:
    """Statements not keyed surely, put to a person: alike ones of two or more briefs, the likest first,
    at most ``MAX_CANDIDATES_PER_BUCKET`` per actor and kind of action (each costs a decision). Returns the
    ids of the statements proposed."""
    asked: set[int] = set()
    buckets: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
    for st in left:
        buckets[(st.root, st.family, st.asks)].append(st)
    for bucket in sorted(buckets):
        members = sorted(buckets[bucket], key=lambda s: s.claim.ref)
        found = [(g, _low(g, likeness)) for g in _agglomerate(members, likeness, CANDIDATE_SCORE)
                 if len({s.claim.brief for s in g}) >= 2]
        found.sort(key=lambda gl: (-gl[1], -len(gl[0]), gl[0][0].claim.ref))
        for g, low in found[:MAX_CANDIDATES_PER_BUCKET]:
            doubt = _doubt(g) or _missing(g)
            if len({s.actor for s in g}) > 1:  # "Yerevan" and "Armenia": what a person is asked to take as one
                doubt += _actors_missing(g, entities)
            result.candidates.append(_group(g, low, doubt, entities, taken, Group, Member))
            asked.update(id(s) for s in g)
    return asked


def _other_verbs(everyone: list[Statement], free: list[Statement], entities: Entities, taken: set[str], result,
                 Group, Member) -> None:
    """Statements of one actor (or actors that stand for one another) in two briefs whose objects are alike
    but whose verbs are of other kinds ("abstained on the duties" / "voted for the duties"), each the other's
    best match between the two briefs (``factmatch``), whatever their values: candidates for a person, never
    applied, each saying what is missing: that the two verbs state one act, and whether the values conflict."""
    ids = {id(st) for st in free}
    per: Counter = Counter()
    for g in mutual_groups(everyone, lambda st: id(st) in ids, other_values=True):
        if len({s.family for s in g}) == 1 or any(lexicon.opposite_actions(a.action, b.action)
                                                   for a in g for b in g):
            continue  # one kind of step: likeness already asked about it, or never one question
        bucket = (g[0].root or g[0].actor, g[0].asks)
        if per[bucket] >= MAX_CANDIDATES_PER_BUCKET:
            continue
        per[bucket] += 1
        verbs = " / ".join(sorted({s.fact.verb for s in g}))
        evidence = "though WordNet gives them one sense" if _one_act(g) else "and no dictionary joins them"
        doubt = f"the verbs differ ({verbs}), {evidence}: a person should say whether they state one act"
        values = sorted({s.claim.value.display() for s in g})
        if len(values) > 1:
            doubt += f", and whether {' and '.join(values)} conflict"
        if len({s.actor for s in g}) > 1:
            doubt += _actors_missing(g, entities)
        # ranked below candidates of one kind of step as alike: a verb of another kind is weaker evidence
        result.candidates.append(_group(g, OTHER_VERB_WEIGHT * _low(g, object_likeness), doubt, entities, taken,
                                        Group, Member))


def _one_act(group: list[Statement]) -> bool:
    """Whether every two verbs of the group state one act by WordNet (``corpus.wordnet.same``: a frequent sense
    they share, "freeze" and "suspend"; or one derived from the other, "withdrawal" and "withdraw"), as their
    lemmas or the actions they are read as, and none undoes another ("impose" / "lift")."""
    from briefcmp.corpus import wordnet

    def forms(st: Statement) -> set[str]:
        return {st.action, lexicon.lemma(st.fact.verb)}

    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if a.action == b.action:
                continue
            if lexicon.opposite_actions(a.action, b.action) or not any(
                    wordnet.same(x, y, "v") or wordnet.same(y, x, "v") for x in forms(a) for y in forms(b)):
                return False
    return True
