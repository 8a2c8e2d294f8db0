"""A learned, calibrated linker for statements: how likely two drafted statements answer one question.

``features(a, b, ctx)`` describes a pair of statements (``factstatements.Statement``, as ``factread`` reads
them) by what a reader weighs: whether the actors are one (the same entity, or one standing for the other: an
office or a person for its country, ``factrefs``), whether the actions are one (the same lemma, one kind of
step, a sense WordNet gives both, a noun derived from the verb), how much of the objects they share weighted by
the corpus (rare words count), how alike the two clauses are as text (TF-IDF cosine with the corpus's IDF), and
whether their roles, moods and periods agree. **Never the values**: a contradiction is two values under one
key, so the values must not decide whether two statements share a key.

``probability`` scores a pair with a logistic model trained on the gold of benchmarks/facts/dev
(``scripts/train_factlinker.py``; cross-validated by set, the thresholds calibrated for pair precision) and
shipped as ``factweights.json``. Scoring is plain Python: nothing heavy is imported on the align path.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Optional

from briefcmp.analysis import lexicon
from briefcmp.analysis.factstatements import Statement, _periods_meet, _places, _readings, _years_apart
from briefcmp.corpus.functionwords import FUNCTION_WORDS

# The names of the features, in the order ``features`` gives them (the weights file must list the same).
NAMES = (
    "bias",
    "actor_same", "actor_stands_for", "actor_part_of",
    "action_same", "action_family", "action_wordnet", "action_opposite",
    "object_weighted", "object_contains", "object_shared_2", "object_empty",
    "places", "places_none",
    "clause_cosine", "clause_cosine_sq", "object_cosine", "round_differs",
    "role_same", "type_same", "kind_same", "hedge_differs",
    "periods_meet", "years_apart",
    "actor_action_object", "actor_action", "actor_action_bare",
    "best_both", "best_one", "margin",
)
# The features ``features`` gives for the pair alone; ``described`` adds the last three (how the pair ranks among
# each statement's pairs with the other brief).
PAIR_NAMES = NAMES[:-3]
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# Verbs that say nothing of the act without their objects: a copula, a possessive, a support verb.
_EMPTY_VERBS = frozenset("be have do make take get give".split())
# Words that make a clause a hedge or a report of a report: English marks doubt with these ("may", "reportedly").
_HEDGES = frozenset("may might could would reportedly allegedly apparently possibly likely unlikely "
                    "considering weighing mulling".split())


class Context:
    """What pair features need from the whole corpus: the clauses' inverse document frequencies (each claim's
    quote one document), built once per corpus."""

    def __init__(self, statements: list[Statement]):
        docs = {}
        for st in statements:
            docs.setdefault(id(st.claim), _terms(st.claim.quote))
        n = max(len(docs), 1)
        df = Counter(t for terms in docs.values() for t in set(terms))
        self.idf = {t: math.log(1 + n / d) for t, d in df.items()}
        self.rare = math.log(1 + n)
        self._vectors: dict[int, dict[str, float]] = {}

    def vector(self, st: Statement) -> dict[str, float]:
        """The claim's quote as a unit TF-IDF vector."""
        key = id(st.claim)
        if key not in self._vectors:
            tf = Counter(_terms(st.claim.quote))
            v = {t: c * self.idf.get(t, self.rare) for t, c in tf.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self._vectors[key] = {t: x / norm for t, x in v.items()}
        return self._vectors[key]

    def object_vector(self, st: Statement) -> dict[str, float]:
        """The statement's object as written, a unit TF-IDF vector (the clauses' IDF)."""
        key = -id(st)
        if key not in self._vectors:
            v = {t: c * self.idf.get(t, self.rare) for t, c in Counter(_terms(st.fact.object_text or "")).items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            self._vectors[key] = {t: x / norm for t, x in v.items()}
        return self._vectors[key]

    def cosine(self, a: Statement, b: Statement, objects: bool = False) -> float:
        va, vb = (self.object_vector(a), self.object_vector(b)) if objects else (self.vector(a), self.vector(b))
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(x * vb.get(t, 0.0) for t, x in va.items())


def _terms(text: str) -> list[str]:
    """The clause's content words as lemmas (function words left out): what TF-IDF compares."""
    return [lexicon.lemma(w) for w in _WORD.findall(text[:2000]) if w.lower() not in FUNCTION_WORDS]


def _hedged(st: Statement) -> bool:
    return any(w.lower() in _HEDGES for w in _WORD.findall(st.claim.quote[:2000]))


def _one_sense(a: Statement, b: Statement) -> bool:
    """Whether WordNet gives the two verbs a frequent sense in common or derives one from the other."""
    return _senses_meet(frozenset({a.action, lexicon.lemma(a.fact.verb)}), frozenset({b.action, lexicon.lemma(b.fact.verb)}))


@lru_cache(maxsize=4096)
def _senses_meet(fa: frozenset[str], fb: frozenset[str]) -> bool:
    from briefcmp.corpus import wordnet

    return any(wordnet.same(x, y, "v") or wordnet.same(y, x, "v") for x in fa for y in fb)


# How many likest statements of other briefs each statement is compared with (bounded: no quadratic scoring).
NEIGHBOURS = 20
POSTINGS = 400


def pairs(statements: list[Statement], ctx: Context) -> list[tuple[int, int]]:
    """The pairs (i < j) worth scoring: statements of two briefs that share a clause word, each statement with at
    most ``NEIGHBOURS`` of the others (the likest by clause cosine) and as many again of its own actor's. A word
    over half the clauses hold is no reason to compare two, and each word's list is bounded (``POSTINGS``): the
    cosines are summed over the lists (a sparse dot product), so the time grows with the pairs kept, not n^2."""
    index: dict[str, list[tuple[int, float]]] = {}
    common = math.log(1 + 2)  # idf of a word held by half the clauses
    for i, st in enumerate(statements):
        for t, x in ctx.vector(st).items():
            if ctx.idf.get(t, ctx.rare) > common:
                posting = index.setdefault(t, [])
                if len(posting) < POSTINGS:
                    posting.append((i, x))
    out: set[tuple[int, int]] = set()
    for i, a in enumerate(statements):
        acc: dict[int, float] = {}
        for t, x in ctx.vector(a).items():
            for j, y in index.get(t, ()):
                if j != i:
                    acc[j] = acc.get(j, 0.0) + x * y
        ranked = sorted((j for j in acc if statements[j].claim.brief != a.claim.brief), key=lambda j: (-acc[j], j))
        root = a.root or a.actor
        keep = ranked[:NEIGHBOURS] + [j for j in ranked if (statements[j].root or statements[j].actor) == root][:NEIGHBOURS]
        out.update((min(i, j), max(i, j)) for j in keep)
    return sorted(out)


def _objects(a: Statement, b: Statement) -> tuple[float, float, float, float]:
    """(weighted Jaccard, weighted share of the smaller object held by the other, two or more words shared,
    either object empty) over the likest readings of the two objects."""
    best = (0.0, 0.0, 0.0, 0.0)
    for x in _readings(a):
        for y in _readings(b):
            wx, wy = x.words | x.others, y.words | y.others
            if not x.words or not y.words:
                got = (0.0, 0.0, 0.0, 1.0)
            else:
                shared = x.mass(wx & wy)
                got = (shared / (x.mass(wx | wy) or 1.0), shared / (min(x.mass(wx), x.mass(wy)) or 1.0),
                       1.0 if len(x.words & y.words) >= 2 else 0.0, 0.0)
            best = max(best, got)
    return best


def features(a: Statement, b: Statement, ctx: Context) -> list[float]:
    """The pair's features, in ``NAMES`` order (never the values the two claims give)."""
    ra, rb = a.root or a.actor, b.root or b.actor
    actor_same = 1.0 if a.actor == b.actor else 0.0
    stands = 1.0 if not actor_same and ra == rb else 0.0
    part = 1.0 if not actor_same and not stands and (a.actor.startswith(b.actor + "-")
                                                      or b.actor.startswith(a.actor + "-")) else 0.0
    same = 1.0 if a.action == b.action else 0.0
    opposite = 1.0 if lexicon.opposite_actions(a.action, b.action) else 0.0
    family = 1.0 if not same and a.family == b.family else 0.0
    sense = 1.0 if not same and not opposite and _one_sense(a, b) else 0.0
    weighted, contains, shared2, empty = _objects(a, b)
    # one act, told by a verb that says what was done ("is a member", "took part" say it in their objects)
    act = 1.0 if (same or sense) and a.action not in _EMPTY_VERBS and b.action not in _EMPTY_VERBS else 0.0
    places = _places(a, b)
    cos = ctx.cosine(a, b)
    return [
        1.0,
        actor_same, stands, part,
        same, family, sense, opposite,
        weighted, contains, shared2, empty,
        places, 1.0 if not a.others and not b.others else 0.0,
        cos, cos * cos, ctx.cosine(a, b, objects=True),
        1.0 if ("+more" in a.words) != ("+more" in b.words) else 0.0,  # "more diplomats": a further round
        1.0 if a.role == b.role else 0.0,
        1.0 if a.claim.value.type == b.claim.value.type else 0.0,
        1.0 if a.claim.kind == b.claim.kind else 0.0,
        1.0 if _hedged(a) != _hedged(b) else 0.0,
        1.0 if _periods_meet([a, b]) else 0.0,
        1.0 if _years_apart(a, b) else 0.0,
        (actor_same or stands) * (same or sense) * weighted,
        # one actor doing one act, whatever the objects say; and so where one object is not written ("Berlin voted
        # against", "the memorandum Addis Ababa signed"): objects cannot tell such pairs apart, the rest can
        (actor_same or stands) * act,
        (actor_same or stands) * act * empty,
    ]


def _likeness(x: list[float]) -> float:
    """A fixed, untrained likeness to rank a statement's pairs with one brief: clause cosine, objects shared, one
    actor, one action (each counted once; no weight fitted)."""
    f = dict(zip(PAIR_NAMES, x))
    return (f["clause_cosine"] + f["object_weighted"] + max(f["actor_same"], f["actor_stands_for"])
            + max(f["action_same"], f["action_wordnet"]))


def described(statements: list[Statement], ctx: Optional[Context] = None) -> list[tuple[int, int, list[float]]]:
    """Every pair worth scoring (``pairs``) with its features in ``NAMES`` order: the pair's own, then whether
    each statement is the other's likest in its brief (both, one of them) and by how much the likest leads the
    next (one-to-one reading: a brief says a thing once, so its likest statement is the one that answers)."""
    ctx = ctx or Context(statements)
    found = [(i, j, features(statements[i], statements[j], ctx)) for i, j in pairs(statements, ctx)]
    return one_to_one(found, [_likeness(x) for _, _, x in found], [st.claim.brief for st in statements])


def one_to_one(found: list[tuple[int, int, list[float]]], like: list[float],
               brief: list[str]) -> list[tuple[int, int, list[float]]]:
    """Each pair's features with three more: whether each side is the other's likest (by ``like``) in its brief
    (both, one of them) and by how much the likest leads the next (``brief``: each item's brief)."""
    ranked: dict[tuple[int, str], list[float]] = {}
    for (i, j, _), s in zip(found, like):
        ranked.setdefault((i, brief[j]), []).append(s)
        ranked.setdefault((j, brief[i]), []).append(s)
    for v in ranked.values():
        v.sort(reverse=True)
    out = []
    for (i, j, x), s in zip(found, like):
        ri, rj = ranked[(i, brief[j])], ranked[(j, brief[i])]
        top_i, top_j = s >= ri[0], s >= rj[0]
        nxt = max(ri[1] if len(ri) > 1 else 0.0, rj[1] if len(rj) > 1 else 0.0)
        out.append((i, j, x + [1.0 if top_i and top_j else 0.0, 1.0 if top_i != top_j else 0.0,
                               max(-1.0, min(1.0, s - nxt)) if top_i or top_j else 0.0]))
    return out


class Model:
    """The shipped logistic model: weights by feature name and the calibrated bars."""

    def __init__(self, data: dict, names: tuple[str, ...] = NAMES, source: str = "factweights.json"):
        if list(data.get("names", [])) != list(names):
            raise ValueError(f"{source} lists other features than the linker's NAMES: train it again")
        self.weights = [float(w) for w in data["weights"]]
        self.threshold = float(data["threshold"])  # applied: pair precision >= the target in cross-validation
        self.candidate = float(data["candidate"])  # put to a person
        # two answers that differ are keyed together (a contradiction or a disagreement) only above this bar
        self.contradiction = float(data.get("contradiction", self.threshold))

    def probability(self, x: list[float]) -> float:
        z = sum(w * v for w, v in zip(self.weights, x))
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def model() -> Optional[Model]:
    """The shipped model; None when the package holds no weights (the linker is then not used)."""
    return load("factweights.json", Model)


def load(name: str, kind: type) -> Optional[Model]:
    """A model shipped as package data ``name`` (None when the package holds none)."""
    try:
        text = resources.files("briefcmp.analysis").joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return kind(json.loads(text))


def link(statements: list[Statement], free: set[int], linker: Model,
         bar: Optional[float] = None) -> list[tuple[list[Statement], float]]:
    """Groups of ``free`` statements (by id) the model links, each with its mean pair probability: pairs above the
    candidate bar (or ``bar``) joined likest first, by average linkage (a pair not scored counts 0), one statement
    per brief (a brief says a thing once: the one-to-one reading). Statements not free count only as context."""
    bar = linker.candidate if bar is None else bar
    found = {}
    for i, j, x in described(statements):
        if id(statements[i]) in free and id(statements[j]) in free:
            p = linker.probability(x)
            if p >= bar:
                found[(i, j)] = p
    cluster = {i: [i] for pair in found for i in pair}
    for (i, j), p in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
        ci, cj = cluster[i], cluster[j]
        if ci is cj or {statements[k].claim.brief for k in ci} & {statements[k].claim.brief for k in cj}:
            continue
        mean = sum(found.get((min(x, y), max(x, y)), 0.0) for x in ci for y in cj) / (len(ci) * len(cj))
        if mean < bar:
            continue
        ci.extend(cj)
        for k in cj:
            cluster[k] = ci
    out, seen = [], set()
    for c in cluster.values():
        if id(c) in seen or len(c) < 2:
            continue
        seen.add(id(c))
        c.sort()
        ps = [found.get((x, y), 0.0) for n, x in enumerate(c) for y in c[n + 1:]]
        out.append(([statements[k] for k in c], sum(ps) / len(ps)))
    return sorted(out, key=lambda gp: (-gp[1], gp[0][0].claim.ref))
