"""A learned, calibrated pair linker for figures: how likely two figures of two briefs answer one question.

``features(a, b, ctx)`` describes a pair of figures (``align.Member``) by what align already read of each:
how each subject was found (stated in the figure's sentence, or inferred from the title, the brief or other
reports), the measured words shared, weighted by how rare each is among the corpus's figures, what the hand
rules' ``word_match`` says of them, whether both say which way and against what base, how alike their
sentences are as text (``linking``'s TF-IDF context without numbers, dates or names), whether both measure
what their briefs' titles name, how each period was read and whether they meet, the kind, and where each
figure stands (the lead). **Never the values** or anything read from them: a contradiction is two values
under one key, so the values must not decide whether two figures share a key.

Pairs are scored only inside a block (the same subjects, unit dimension and unit, as ``grouping`` buckets),
for figures of two briefs that ``linking.compatible`` allows (periods that meet, no veto of the words, an
expectation on both sides or neither), found through an inverted index of each figure's rarest context
words: the cost grows with the pairs kept, not with n^2.

``probability`` is a logistic model trained on the gold of benchmarks/lineup/dev
(``scripts/train_figlinker.py``), its bars calibrated by leaving whole halves out, shipped as
``figweights.json``. Scoring is plain Python. ``figlinkplace.place`` uses it where the hand rules left
figures out.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Optional

from briefcmp.analysis import factlink, linking
from briefcmp.analysis import grouping as G
from briefcmp.analysis.measure import BASIS_TAGS, _DIRECTION, _HARMLESS, _VAGUE, word_match
from briefcmp.corpus import units

# The names of the features, in the order ``described`` gives them (the weights file must list the same).
NAMES = (
    "bias",
    "subject_stated_both", "subject_inferred_one", "subject_inferred_both",
    "unit_same",
    "words_sure", "words_maybe", "words_weighted", "words_contained", "words_shared_2", "words_empty",
    "words_equal", "basis_one", "only_both", "only_one",
    "context_cosine", "context_cosine_sq",
    "headline_both", "headline_one",
    "period_same", "period_stated_both", "period_one", "period_none", "hint_same",
    "fact_both", "borrowed_words", "elided_any",
    "lead_both", "lead_one", "crowded_one", "crowded_both", "same_place",
    "best_both", "best_one", "margin",
)
PAIR_NAMES = NAMES[:-3]
# How a subject was found: read in the figure's own sentence (else inferred from the brief, its title, other reports)
_STATED = frozenset({"claim", "clause", "sentence", "two named before"})
_PERIOD_STATED = frozenset({"stated", "relative", "claim"})
_EXPECT = linking._EXPECT
TOP_WORDS = 8  # each figure is indexed under its rarest context words
MAX_POSTING = 80  # a word on more figures of a block than this finds no pairs (it still scores)
NEIGHBOURS = 30  # each figure is scored with at most this many figures of other briefs, the likest by context


def _content(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w not in _VAGUE and w not in _HARMLESS)


class Context:
    """What pair features need from the whole corpus, built once: each figure's context vector
    (``linking.vectors``), the rarity of each measured word among the figures, the words of each brief's title."""

    def __init__(self, members: list, texts: dict, entities):
        self.vec = linking.vectors(members, texts, entities)
        df = Counter(w for m in members for w in _content(m.words))
        n = max(len(members), 1)
        self.idf = {w: math.log(1 + n / d) for w, d in df.items()}
        self.rare = math.log(1 + n)
        # how many figures each brief gives in a block: the only one of its brief is likelier the one that answers
        self.count = Counter((block(m), m.claim.brief) for m in members)
        # where each figure stands among its sentence's figures of one block: a list sentence ("A grew 3.8%, B
        # 1.9% and C 0.5%") makes any one of its figures an unsure match
        self.place: dict[int, tuple[int, int]] = {}
        by_sentence: dict[tuple, list] = defaultdict(list)
        for m in members:
            by_sentence[(m.claim.brief, m.sentence if m.sentence >= 0 else m.claim.id, block(m))].append(m)
        for same in by_sentence.values():
            same.sort(key=lambda m: m.at)
            for k, m in enumerate(same):
                self.place[id(m)] = (k, len(same))
        self.title: dict[str, frozenset[str]] = {}
        for bid, ctx in texts.items():
            title = getattr(ctx, "title", "") or ""
            self.title[bid] = frozenset(linking._words(title, frozenset()))

    def mass(self, words) -> float:
        return sum(self.idf.get(w, self.rare) for w in words)

    def cosine(self, a, b) -> float:
        return linking.cosine(self.vec.get(id(a), {}), self.vec.get(id(b), {}))

    def headline(self, m) -> bool:
        """Whether the figure measures what its brief's title names (a measured word or a context word of it)."""
        title = self.title.get(m.claim.brief, frozenset())
        return bool(title and (_content(m.words) & title))


def block(m) -> tuple:
    return (m.subjects, m.dim, "" if units.is_physical(m.unit) else m.unit)


def usable(m) -> bool:
    """A figure the linker may score: its subjects known (not an unsure name in parentheses)."""
    return bool(m.subjects) and not any(s.startswith("(") for s in m.subjects) and not m.alternate


def pairs(members: list, ctx: Context) -> list[tuple[int, int]]:
    """The pairs (indices, i < j) worth scoring: one block, two briefs, ``linking.compatible``, sharing one of
    their rarest context words; each figure with at most ``NEIGHBOURS`` others, the likest by context cosine.
    Each figure meets at most ``TOP_WORDS * MAX_POSTING`` others through the index, so the cost is linear in
    the figures."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        if usable(m):
            blocks[block(m)].append(i)
    veto = lru_cache(maxsize=65536)(G.veto)
    out: set[tuple[int, int]] = set()
    for idx in blocks.values():
        if len({members[i].claim.brief for i in idx}) < 2:
            continue
        postings: dict[str, list[int]] = defaultdict(list)
        for i in idx:
            v = ctx.vec.get(id(members[i]), {})
            for w in sorted(v, key=lambda w: (-v[w], w))[:TOP_WORDS]:
                postings[w].append(i)
        met: dict[int, set[int]] = defaultdict(set)
        for post in postings.values():
            if len(post) > MAX_POSTING:
                continue
            for i in post:
                met[i].update(post)
        for i, others in met.items():
            a = members[i]
            found = [(ctx.cosine(a, members[j]), j) for j in others
                     if j != i and linking.compatible(a, members[j], veto)]
            for _, j in sorted(found, key=lambda cj: (-cj[0], cj[1]))[:NEIGHBOURS]:
                out.add((min(i, j), max(i, j)))
    return sorted(out)


def features(a, b, ctx: Context) -> list[float]:
    """The pair's own features, in ``PAIR_NAMES`` order (never the values the two claims give)."""
    sa, sb = a.subjects_from in _STATED, b.subjects_from in _STATED
    match = word_match(a.words, b.words)
    wa, wb = _content(a.words) - _DIRECTION - BASIS_TAGS, _content(b.words) - _DIRECTION - BASIS_TAGS
    if wa and wb:
        shared = ctx.mass(wa & wb)
        weighted = shared / (ctx.mass(wa | wb) or 1.0)
        contained = shared / (min(ctx.mass(wa), ctx.mass(wb)) or 1.0)
    else:
        weighted = contained = 0.0
    ba, bb = a.words & BASIS_TAGS, b.words & BASIS_TAGS
    cos = ctx.cosine(a, b)
    ha, hb = ctx.headline(a), ctx.headline(b)
    oa, ob = ctx.count[(block(a), a.claim.brief)] == 1, ctx.count[(block(b), b.claim.brief)] == 1
    pa, pb = ctx.place.get(id(a), (0, 1)), ctx.place.get(id(b), (0, 1))
    lead_a, lead_b = 0 <= a.sentence <= 1, 0 <= b.sentence <= 1
    return [
        1.0,
        1.0 if sa and sb else 0.0, 1.0 if sa != sb else 0.0, 1.0 if not sa and not sb else 0.0,
        1.0 if a.unit == b.unit else 0.0,
        1.0 if match == "sure" else 0.0, 1.0 if match == "maybe" else 0.0, weighted, contained,
        1.0 if len(wa & wb) >= 2 else 0.0, 1.0 if not wa or not wb else 0.0,
        1.0 if a.words == b.words else 0.0, 1.0 if bool(ba) != bool(bb) else 0.0,
        1.0 if oa and ob else 0.0, 1.0 if oa != ob else 0.0,
        cos, cos * cos,
        1.0 if ha and hb else 0.0, 1.0 if ha != hb else 0.0,
        1.0 if a.dated and b.dated and a.period == b.period else 0.0,
        1.0 if a.period_how in _PERIOD_STATED and b.period_how in _PERIOD_STATED else 0.0,
        1.0 if a.dated != b.dated else 0.0, 1.0 if not a.dated and not b.dated else 0.0,
        1.0 if not (a.dated and b.dated) and (a.hint or a.period) and (a.hint or a.period) == (b.hint or b.period)
        else 0.0,
        1.0 if a.claim.kind == "fact" and b.claim.kind == "fact" else 0.0,
        1.0 if a.words_from or b.words_from else 0.0,
        1.0 if a.elided or b.elided else 0.0,
        1.0 if lead_a and lead_b else 0.0, 1.0 if lead_a != lead_b else 0.0,
        1.0 if (pa[1] > 1) != (pb[1] > 1) else 0.0, 1.0 if pa[1] > 1 and pb[1] > 1 else 0.0,
        1.0 if pa[1] > 1 and pb[1] > 1 and pa[0] == pb[0] else 0.0,
    ]


def _likeness(x: list[float]) -> float:
    """A fixed, untrained likeness to rank a figure's pairs with one brief: context cosine and measured words
    shared (no weight fitted)."""
    f = dict(zip(PAIR_NAMES, x))
    return f["context_cosine"] + f["words_weighted"] + f["words_sure"] + 0.5 * f["words_maybe"]


def described(members: list, ctx: Context) -> list[tuple[int, int, list[float]]]:
    """Every pair worth scoring with its features in ``NAMES`` order: the pair's own, then whether each figure
    is the other's likest in its brief (both, one) and by how much the likest leads the next (a brief gives a
    figure once: its likest figure is the one that answers; ``factlink.one_to_one``)."""
    found = [(i, j, features(members[i], members[j], ctx)) for i, j in pairs(members, ctx)]
    return factlink.one_to_one(found, [_likeness(x) for _, _, x in found], [m.claim.brief for m in members])


class Model(factlink.Model):
    """The shipped logistic model (as the statement linker's): weights by feature name and the calibrated bars,
    ``threshold`` applied (out-of-half pair precision >= the target) and ``candidate`` put to a person."""

    def __init__(self, data: dict):
        super().__init__(data, NAMES, "figweights.json")


@lru_cache(maxsize=1)
def model() -> Optional[Model]:
    """The shipped model; None when the package holds no weights (the linker is then not used)."""
    return factlink.load("figweights.json", Model)
