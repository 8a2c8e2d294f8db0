"""A second way of lining figures up: what surrounds a figure, weighed against the whole corpus, and
one-to-one alignment between reports (as record linkage and word alignment do).

``grouping`` groups figures whose *measured words* (a short set read by rules from the figure's clause)
are alike. Outlets that word one fact differently ("Coal India mined 773.8 million tonnes" and "output
at state-run Coal India rose to 773.8 million tonnes") seldom share those words. This module reads the
figures ``grouping`` left unkeyed again, by their **context**:

1. **A context vector per figure** (``vectors``): the words of its clause (weight 1), of the rest of
   its sentence (``REST``), and, for a clause too short to say anything, of the sentence before
   (``BEFORE``); in one form each (``measure.norm_word``), without numbers, dates, units, function words
   or the names of subjects; each weighted by an inverse frequency over the figures of the corpus (a
   word every report of the event uses about every figure tells little; one that two reports share and
   no other figure has tells a lot).
2. **Candidate pairs** (``_pairs``) only across briefs, inside blocks that must agree (the same subjects,
   unit dimension and unit), found through an inverted index of each figure's rarest words so that the
   cost stays near-linear; a pair must have compatible periods (equal, or not stated on one side) and
   nothing that ``grouping.veto`` forbids (opposites, a rise and a fall, a change and a level, bases,
   qualifiers, a part and its total), nor an expectation on one side only.
3. **Mutual best match per pair of briefs** (``_mutual``): a figure of brief A links to one of brief B
   only when each is the other's best in its brief, clearly ahead of the runner-up, above ``FLOOR``.
4. **Groups** (``_groups``): links added in descending score, never joining two figures of one brief
   for one period, two periods one inside the other, or a pair that a veto forbids.

``place`` (called by ``align`` after ``grouping.new_keys``) takes the figures no group applied: a linked
group is placed as ``grouping`` places any group, and a free figure may join a group applied in the same
run. Values never count: the score reads words only, so figures that differ are linked as readily as
figures that agree (a contradiction stays visible). A group is applied (``grouping.split`` and
``analysis.evidence`` as for any group) only when its weakest link reaches ``SURE``; else it is a
candidate that says what linked it ("linked only by context: 'remittance', 'inflow'").
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from typing import Callable, Optional

from briefcmp.analysis import clauses, evidence
from briefcmp.analysis import grouping as G
from briefcmp.analysis.measure import BASIS_TAGS as _BASES, _CLAUSE_BREAK, _DIRECTION, _HARMLESS, _VAGUE, norm_word
from briefcmp.corpus import functionwords, units

REST = 0.3  # a word of the figure's sentence outside its clause (0.3 beat 0.15, 0.5 and 0.8 on the tuning halves)
BEFORE = 0.25  # a word of the sentence before, for a clause that names almost nothing itself
FLOOR = 0.2  # a link below this cosine is no link
# A group whose weakest link reaches SURE is applied (as far as the other evidence allows). Chosen on the 41
# older lineup dev sets (old19 + s3 + s4, 2026-12-06 session 6, REST 0.3, relations / pairs / false contradictions):
#   SURE 0.3: old19 53/143, 220 pairs, FC 0; s3 19/170, 117, FC 0; s4 22/172, 130, FC 2 (in-rbi, za-census)
#   SURE 0.4: old19 52/143, 209, FC 0; s3 18/170, 115, FC 0; s4 21/172, 124, FC 0
#   SURE 0.5: old19 52/143, 209, FC 0; s3 17/170, 111, FC 0; s4 20/172, 118, FC 0
#   SURE 0.6 (REST 0.5): old19 50/143, s3 17/170, s4 18/172, FC 0
# Wrong keys 0 and traps joined 0 throughout. The plateau of no false contradiction is 0.4 to 0.6; chosen on
# old19 + s3 alone the threshold would be 0.3, which gives s4 two false contradictions: 0.5, the middle of the
# plateau, one step clear of its edge.
SURE = 0.5
MARGIN = 0.8  # the runner-up in the other brief must score below this share of the best
MAX_POSTING = 60  # a word on more figures of a block than this is not used to find pairs (it still scores)
TOP_WORDS = 8  # each figure is indexed under its rarest words
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = (functionwords.FUNCTION_WORDS | functionwords.MONTH_NAMES | functionwords.WEEKDAYS | functionwords.SCALE_WORDS
         | functionwords.PERCENT_WORDS | functionwords.SAYING
         | frozenset("year years month months quarter quarters week weeks day days fiscal annual percentage point "
                     "points per cent basis bps also according report reported reports data figure figures first "
                     "last next previous latest earlier new".split()))
_EXPECT = frozenset({"expect", "expectation", "forecast", "project", "projected", "predict", "poll", "consensus",
                     "consensu", "target", "goal", "aim", "outlook"})


@functools.lru_cache(maxsize=65536)
def _form(low: str) -> str:
    n = "" if len(low) < 3 or low in _STOP else norm_word(low)
    return "" if n in _STOP else n


def _words(text: str, drop: frozenset[str]) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        low = w.lower().strip("'-")
        n = "" if low in drop else _form(low)
        if n and n not in drop:
            out.append(n)
    return out


@functools.lru_cache(maxsize=1024)
def _unit_words(unit: str) -> frozenset[str]:
    return frozenset(w.lower() for w in units.spellings(unit)) if unit else frozenset()


@functools.lru_cache(maxsize=4096)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(x.span() for x in clauses.breaks(_CLAUSE_BREAK, sentence))


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with the names of subjects blanked (they decide the block, not the score)."""
    for a, b, _ in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def context(m, ctx, entities) -> dict[str, float]:
    """The words around figure ``m`` with their weights (``ctx``: its brief's ``briefcontext._Context``)."""
    vec: dict[str, float] = defaultdict(float)
    for w in m.words - _VAGUE - _HARMLESS - _DIRECTION:  # what the rules read: always part of the context
        vec[w] = max(vec[w], 1.0)
    if ctx is None or not getattr(ctx, "ok", False) or m.sentence < 0 or m.sentence >= len(ctx.sentences):
        return dict(vec)
    drop = _unit_words(m.unit)
    s0, s1 = ctx.sentences[m.sentence]
    s0 = min(s0, m.at)
    sentence = ctx.text[s0:s1]
    sentence = _blank(sentence, entities.find(sentence))
    at = m.at - s0
    cuts = _breaks(sentence)  # (where a clause ends; as ``align`` cuts a figure's clause)
    c0 = max((b for a, b in cuts if b <= at), default=0)
    c1 = min((a for a, b in cuts if a >= at), default=len(sentence))
    own = _words(sentence[c0:c1], drop)
    for w in own:
        vec[w] = max(vec[w], 1.0)
    for w in _words(sentence[:c0] + " " + sentence[c1:], drop):
        vec[w] = max(vec[w], REST)
    if len(own) < 2 and m.sentence > 0:  # "..., up 4.1%": what it is of may be the sentence before
        p0, p1 = ctx.sentences[m.sentence - 1]
        before = ctx.text[p0:p1]
        for w in _words(_blank(before, entities.find(before)), drop):
            vec[w] = max(vec[w], BEFORE)
    return dict(vec)


def vectors(members: list, texts: dict, entities) -> dict[int, dict[str, float]]:
    """Each figure's context weighted by the inverse frequency of its words over ``members``, normalised."""
    raw = {id(m): context(m, texts.get(m.claim.brief), entities) for m in members}
    df: dict[str, int] = defaultdict(int)
    for vec in raw.values():
        for w in vec:
            df[w] += 1
    n = max(len(raw), 1)
    out = {}
    for key, vec in raw.items():
        weighted = {w: x * math.log((n + 1.0) / (df[w] + 0.5)) for w, x in vec.items()}
        norm = math.sqrt(sum(x * x for x in weighted.values())) or 1.0
        out[key] = {w: x / norm for w, x in weighted.items()}
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b[w] for w, x in a.items() if w in b)


def compatible(a, b, veto: Callable) -> bool:
    """Whether two figures of one block may be one fact, whatever their words: another brief, periods
    equal or one not stated, no veto of their measured words, an expectation on both sides or neither."""
    if a.claim.brief == b.claim.brief:
        return False
    if a.dated and b.dated and a.period != b.period:
        return False
    if bool(a.words & _EXPECT) != bool(b.words & _EXPECT):
        return False
    if (a.vintage or b.vintage) and a.vintage != b.vintage:
        return False
    return not veto(a.words, b.words)


def _block(m) -> tuple:
    return (m.subjects, m.dim, "" if units.is_physical(m.unit) else m.unit)


def _pairs(members: list, vec: dict, veto: Callable) -> dict[tuple[int, int], float]:
    """Scores of the compatible pairs of figures (indices into ``members``) that share a rare word."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        if m.subjects:
            blocks[_block(m)].append(i)
    scores: dict[tuple[int, int], float] = {}
    for idx in blocks.values():
        postings: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            v = vec[id(members[i])]
            for w in sorted(v, key=lambda w: (-v[w], w))[:TOP_WORDS]:
                postings[w].append(i)
        for post in postings.values():
            if len(post) > MAX_POSTING:
                continue
            for x, i in enumerate(post):
                for j in post[x + 1:]:
                    key = (min(i, j), max(i, j))
                    if key in scores:
                        continue
                    a, b = members[key[0]], members[key[1]]
                    scores[key] = cosine(vec[id(a)], vec[id(b)]) if compatible(a, b, veto) else -1.0
    return {k: s for k, s in scores.items() if s >= FLOOR}


def _mutual(members: list, scores: dict[tuple[int, int], float]) -> list[tuple[float, int, int]]:
    """Links between figures that are each other's best in the other's brief, clearly ahead of the rest
    (the runner-up below ``MARGIN`` of the best, on both sides)."""
    best: dict[tuple[int, str], list[tuple[float, int]]] = defaultdict(list)  # (figure, other brief) -> scores
    for (i, j), s in scores.items():
        best[(i, members[j].claim.brief)].append((s, j))
        best[(j, members[i].claim.brief)].append((s, i))
    top: dict[tuple[int, str], int] = {}
    for key, found in best.items():
        ranked = sorted(found, reverse=True)
        if len(ranked) == 1 or ranked[1][0] < MARGIN * ranked[0][0]:
            top[key] = ranked[0][1]  # (two figures of that brief that fit about as well: no one-to-one answer)
    links = [(s, i, j) for (i, j), s in scores.items()
             if top.get((i, members[j].claim.brief)) == j and top.get((j, members[i].claim.brief)) == i]
    return sorted(links, key=lambda x: (-x[0], x[1], x[2]))


def _groups(members: list, links: list[tuple[float, int, int]], veto: Callable) -> list[tuple[list, float]]:
    """Groups from links in descending score, under cannot-links; each with its weakest link."""
    where = list(range(len(members)))
    nodes: dict[int, list[int]] = {i: [i] for i in range(len(members))}
    low: dict[int, float] = {}
    for s, i, j in links:
        ci, cj = where[i], where[j]
        if ci == cj:
            continue
        a, b = nodes[ci], nodes[cj]
        if any(_clash(members[x], members[y], veto) for x in a for y in b):
            continue
        a.extend(b)
        for v in b:
            where[v] = ci
        del nodes[cj]
        low[ci] = min(low.get(ci, 1.0), low.pop(cj, 1.0), s)
    return [([members[i] for i in node], low[c]) for c, node in nodes.items() if len(node) > 1]


def _clash(x, y, veto: Callable) -> bool:
    if x.claim.brief == y.claim.brief:
        return True  # never two claims of one brief in a linked group
    if x.dated and y.dated and (x.period != y.period or evidence.overlaps(x.period, y.period)):
        return True
    return bool(veto(x.words, y.words)) or bool(x.words & _EXPECT) != bool(y.words & _EXPECT)


def shared_words(group: list, vec: dict, n: int = 3) -> list[str]:
    """The words that weigh most in what a group's figures share (what linked them), for its doubt."""
    common = None
    for m in group:
        common = set(vec[id(m)]) if common is None else common & set(vec[id(m)])
    weight = {w: min(vec[id(m)][w] for m in group) for w in common or ()}
    return sorted(weight, key=lambda w: (-weight[w], w))[:n]


def link(members: list, free: set[int], texts: dict, entities, veto: Callable
         ) -> tuple[list[tuple[list, float, list[str]]], list[tuple[object, object, float, list[str]]]]:
    """Figures lined up by context (see the module docstring). Every figure of ``members`` competes for the
    best match (a figure already keyed still takes its match away from another), but only figures of
    ``free`` (ids) are placed: groups of free figures, as (members, weakest link, the words that linked
    them), and joins of a free figure to a keyed one, as (free, keyed, score, words). A figure whose
    measured words name nothing (only "how much" or "which way") is not lined up: its context alone cannot
    say what it measures."""
    members = [m for m in members if m.subjects and _names(m.words)]
    if not any(id(m) in free for m in members) or len({m.claim.brief for m in members}) < 2:
        return [], []
    vec = vectors(members, texts, entities)
    veto = functools.lru_cache(maxsize=65536)(veto)  # (word sets repeat: many figures share one)
    scores = _pairs(members, vec, veto)
    both, joins = [], []
    for s, i, j in _mutual(members, scores):
        a, b = members[i], members[j]
        if id(a) in free and id(b) in free:
            both.append((s, i, j))
        elif id(a) in free or id(b) in free:
            f, k = (a, b) if id(a) in free else (b, a)
            joins.append((f, k, s, shared_words([f, k], vec)))
    return [(g, s, shared_words(g, vec)) for g, s in _groups(members, both, veto)], joins


def _names(words: frozenset[str]) -> bool:
    return bool(words - _VAGUE - _HARMLESS - _DIRECTION - _BASES - _EXPECT)


def place(rest: list, texts: dict, entities, taken: set[str], result, group_cls: Callable) -> None:
    """Figures no group applied, lined up by their context (``analysis.linking``): a group whose weakest
    link reaches ``SURE`` is placed as any group (its confident core applied); the others are
    candidates saying what linked them. A figure whose best match in another brief is keyed in a group
    applied this run joins that group when the link is as sure and the group stays sure with it (one brief,
    one figure). Members it applies leave the candidates they were in."""
    applied = {id(m): g for g in result.groups if g.new for m in g.members}
    free = {id(m) for m in rest if id(m) not in applied}
    used: set[int] = set()
    groups, joins = link(rest, free, texts, entities, G.veto)
    proposed: dict[int, set[int]] = defaultdict(set)  # a member -> the candidates (indices) that hold it
    for i, c in enumerate(result.candidates):
        for m in c.members:
            proposed[id(m)].add(i)
    for g, low, words in groups:
        # proposed together already (a candidate of like wording): no second proposal, only a key
        again = bool(set.intersection(*(proposed[id(m)] for m in g)))
        if again and low < SURE:
            continue
        evidence.adopt_release_periods(g)
        eff = {id(m): m.words for m in g}
        said = ", ".join(f"'{w}'" for w in words) or "no shared word"
        if low < SURE:
            key = G.new_key_id(g, set(taken))
            result.candidates.append(group_cls(key, True, G.label(g, entities), units.shared_unit([m.unit for m in g]), g,
                                               G.reason(g, ""), False, g[0].subjects, G.common_topics(g),
                                               f"linked only by context: {said} (score {low:.2f})"))
            continue
        waiting = _differing(g)  # context alone never sets two values against each other
        kept = [m for m in g if id(m) not in waiting]
        if waiting and len({m.claim.brief for m in kept}) < 2:
            if again:  # proposed already, with what it lacks
                continue
            key = G.new_key_id(g, set(taken))
            result.candidates.append(group_cls(key, True, G.label(g, entities), units.shared_unit([m.unit for m in g]), g,
                                               G.reason(g, ""), False, g[0].subjects, G.common_topics(g),
                                               f"linked by context ({said}), and " + next(iter(waiting.values()))))
            continue
        for new in place_linked(g, kept, waiting, again, (f"lined up by context: {said}", f"linked by context ({said})"),
                                entities, taken, result, group_cls):
            used |= {id(m) for m in new.members}
    for f, k, score, words in joins:
        target = applied.get(id(k))
        if score < SURE or id(f) in used or target is None or any(
                m.claim.brief == f.claim.brief or G.veto(m.words, f.words) for m in target.members):
            continue
        g = [*target.members, f]
        evidence.adopt_release_periods([f], g)
        if _differing(g):  # context alone never sets two values against each other
            continue
        eff = {id(m): m.words for m in g}
        core, _ = G.split(g, eff, {frozenset((a, b)): 1.0 for a in set(eff.values()) for b in set(eff.values())})
        kept = {id(m) for m in core}  # (by identity: members compare equal field by field)
        if id(f) in kept and all(id(m) in kept for m in target.members) and G.group_evidence(core).sure():
            target.members.append(f)
            target.reason += f" ({f.claim.ref} lined up by context: {', '.join(repr(w) for w in words)})"
            used.add(id(f))
            applied[id(f)] = target
    if used:
        result.candidates[:] = [c for c in result.candidates if not (c.new and any(id(m) in used for m in c.members))]


def place_linked(g: list, kept: list, waiting: dict[int, str], again: bool, said: tuple[str, str], entities,
                 taken: set[str], result, group_cls: Callable) -> list:
    """A linked group's ``kept`` figures placed as any group (``grouping._place``: its confident core applied);
    each figure of ``g`` that ``waiting`` holds back a candidate to join the key, saying why. ``again``: the
    figures were proposed together already (no second proposal, only a key). ``said``: what linked them, as
    the key's reason says it and as a candidate's doubt begins. Returns the groups applied."""
    eff = {id(m): m.words for m in g}
    pair_sim = {frozenset((a, b)): 1.0 for a in set(eff.values()) for b in set(eff.values())}
    before, asked = len(result.groups), len(result.candidates)
    G._place(kept, eff, pair_sim, entities, taken, result, group_cls, [])
    if again and len(result.groups) == before:
        del result.candidates[asked:]
    placed = result.groups[before:]
    for new in placed:
        new.reason += f" ({said[0]})"
        for m in g:
            if id(m) in waiting:
                result.candidates.append(group_cls(new.key, False, new.label, new.unit, [m],
                                                   G.reason([m], "the key " + new.key), False, new.subjects,
                                                   G.common_topics([m]), f"{said[1]}, and " + waiting[id(m)]))
    return placed


def _differing(g: list) -> dict[int, str]:
    """The figures of a context-linked group whose value differs from another brief's of their period, each
    with why it waits: the value fewer briefs give (both, when as many give each). Context links weigh the
    words around a figure, never what it measures, so they never decide a contradiction (issue 21)."""
    def backing(m) -> int:
        return len({o.claim.brief for o in g if o.dated and o.period == m.period and evidence.close(m, o)})

    out: dict[int, str] = {}
    for m in g:
        rival = next((o for o in g if m.dated and o.dated and o.claim.brief != m.claim.brief and o.period == m.period
                      and not evidence.close(m, o) and backing(m) <= backing(o)), None)
        if rival is not None:
            out[id(m)] = (f"the value of {m.claim.ref} differs from {rival.claim.ref}'s: wording that says they are "
                          "one measure is missing")
    return out
