"""Figure groups for ``align --review``: a whole relation put to a person in one decision.

``align`` applies what it is sure of and lists the rest as candidates, formed for applying: pairs,
fragments, one claim at a time. A person answering them needs many prompts per relation found.
This module forms the groups a review asks about instead, from every figure ``align`` described:

- **blocks** as ``align`` forms them, one period each: the same subjects, unit dimension, unit and
  period (as drafted; a figure with none takes its brief's). Each period's figures are asked apart: asked
  across the periods drafted, a person met more prompts than relations found (see RESULTS, figreview14);
- inside a block, **groups by the measured thing** (average linkage of ``ask_similarity`` over the
  block's word weights, at the relaxed bar ``ASK``: a bar for asking, never for applying), where
  ``ask_veto`` (a rise and a fall, opposites, a part and its total, other bases) and a pair a person
  kept apart (``decisions.Store.apart``) always keep apart, one brief gives at most one figure of a
  period, and no group is formed of figures none of which a text dates (two guesses agree too readily);
- a group holding claims already under one key, or near one (``KEY_PULL``), is asked as **"add these to
  KEY?"** (its free claims join the key); one holding claims of two keys is never formed;
- a figure whose words name no measure ("it rose 3.1% on the year": its measure is the sentence before's),
  in a block that holds exactly one key, is asked to join that key (``NAMELESS_TO_KEY``): it shares no word
  with any figure, so no likeness ever asked it, and a block of one key leaves one question it can answer;
- groups are ordered by their measure evidence (the mean similarity of their pairs, then the briefs
  they span), so the likeliest come first.

**Values are never read**: whether two figures agree is what a person must see, not a reason to ask
(a contradiction is asked as readily as an agreement). What a person decided is screened by
``decisions.screen`` as for any proposal and shapes the next groups: a rejected group's claims are never
asked together again, a split's parts are asked next (``decide.split``).

Cost: pairs are compared inside a block only, of at most ``MAX_BLOCK`` figures (a larger block is
left to align's candidates), so the work is linear in the figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Callable, Optional

from briefcmp.analysis import measuresim
from briefcmp.analysis.evidence import overlaps
from briefcmp.analysis.keynames import common_topics, label, new_key_id, reason
from briefcmp.analysis.measure import _DIRECTION, _HARMLESS, _VAGUE, _meaningful, effective_words
from briefcmp.corpus import units

ASK = 0.3  # mean measured-word similarity from which figures are asked together (asking only, never applying)
MAX_BLOCK = 120  # figures compared pairwise in one block
_UNSTATED = ("", "brief", "release-date")  # periods no report's text states (alonefigures._INFERRED)
KEY_PULL = 0.5  # of ASK: the likeness at which a group is asked to join a key of its block rather than be a new one
PULL_SINGLES = False  # a lone figure joins a key only at the full bar (else each is one more prompt, most answered n)
PER_PERIOD = True  # blocks of one period: each period's figures asked apart (a key of one period each)
EXPECT_APART = False  # an expectation never asked with an outcome (else: its wording only halves the likeness)
KEEP_ALIGN = False  # align's own figure candidates asked after these (measured: see RESULTS)
NAMELESS_TO_KEY = True  # a figure whose sentence names no measure is asked to join the one key of its block
ASKED = "asked as one measure: wording alike (a person decides; values are not compared)"


def ask_veto(a: frozenset[str], b: frozenset[str]) -> str:
    """Why two measured things are never asked together ("" when they may be): ``measuresim.veto`` less what
    only a reading for applying needs. A direction on one side only ("rose 6.1% to 1.505 million" beside
    "1.505 million") and a qualifier on one side only are asked (a person tells them apart); a rise and a
    fall, different bases, opposites, a part and its total, two qualifiers of one row never are."""
    da, db = a & _DIRECTION, b & _DIRECTION
    if da and db and da != db:
        return "a rise is no fall"
    why = measuresim.veto(a - _DIRECTION if not (da and db) else a, b - _DIRECTION if not (da and db) else b)
    return "" if why.startswith("a qualifier names another measure") else why


def ask_similarity(a: frozenset[str], b: frozenset[str], weight: dict[str, float]) -> float:
    """How alike two measured things read, 0..1, or -1 when ``ask_veto`` keeps them apart: the weighted
    overlap of their words less direction and vague ones; a qualifier, base or expectation on one side only
    halves it."""
    if ask_veto(a, b):
        return -1.0
    x, y = a - _VAGUE - _DIRECTION, b - _VAGUE - _DIRECTION
    if not x or not y:
        return 0.0
    if x == y or (x ^ y) <= _HARMLESS:
        return 1.0
    shared = x & y
    if not _meaningful(frozenset(shared)):
        return 0.0
    w = lambda t: 0.0 if t in _HARMLESS else weight.get(t, 1.0)  # noqa: E731
    total = sum(w(t) for t in x | y)
    score = sum(w(t) for t in shared) / total if total else 1.0
    # (an expectation's word on one side only is no doubt here: "staff project 0.7%" and "growth of 0.7%" are
    # both reports of one projection, and which is a forecast a person sees in the quotes)
    if (x ^ y) & (measuresim._SOFT | measuresim._BASES | measuresim._NARROWING):
        score *= measuresim.ONE_SIDED
    return round(score, 4)


def _block(m) -> tuple:
    return (m.subjects, m.dim, "" if units.is_physical(m.unit) else m.unit, _period(m) if PER_PERIOD else "")


def _period(m) -> str:
    return m.period or m.hint


def _stated(m) -> bool:
    return m.period_how not in _UNSTATED


def _forecast(m, words: frozenset[str]) -> bool:
    """An expectation, drafted as one or written as one ("economists expected 1.34 million")."""
    return m.claim.kind == "forecast" or bool(words & measuresim._EXPECT)


class _Cluster:
    """Figures that may be asked as one group: at most one key's claims, one figure per brief and period."""

    def __init__(self, members: list, eff: dict, key: str = "") -> None:
        self.members = list(members)
        self.key = key
        self.seen = {(m.claim.brief, _period(m)) for m in members}  # (a key's claims: one per brief and period too)
        self.expect = {_forecast(m, eff[id(m)]) for m in members}

    def free(self) -> list:
        return [m for m in self.members if not m.claim.key]

    def fits(self, other: "_Cluster") -> bool:
        if self.key and other.key and self.key != other.key:
            return False
        if self.seen & other.seen and not (self.key and self.key == other.key):
            return False
        if EXPECT_APART and len(self.expect | other.expect) > 1:
            return False
        both = self.members + other.members
        periods = {_period(m) for m in both}
        if not any(m.period_how for m in both if m.period_how != "release-date"):
            return False  # no figure gives a period: each one's is a guess, and two guesses agree too readily
        if len(periods) > 1:
            if not all(_stated(m) for m in both):
                return False
            if any(p != q and overlaps(p, q) for p in periods for q in periods):
                return False  # a month and its year: two measures
        return True

    def join(self, other: "_Cluster") -> None:
        self.members += other.members
        self.key = self.key or other.key
        self.seen |= other.seen
        self.expect |= other.expect


def _nameless(words: frozenset[str]) -> bool:
    """Whether measured words (a block's effective words: one outlet's own wording dropped) name no measure:
    none left but direction, vague and harmless ones."""
    return not _meaningful(frozenset(words - _DIRECTION - _HARMLESS))


def _groups(block: list, min_sim: float, apart: tuple = (set(), set())) -> list[tuple[_Cluster, float]]:
    """Average-linkage groups of one block (``ask_veto`` and a person's decisions keep apart: ``apart``, as
    ``decisions.Store.apart`` gives it), each with its mean pair similarity."""
    eff = effective_words(block)
    weight = measuresim.weights([(m.claim.brief, eff[id(m)]) for m in block])
    pairs, not_key = apart
    n = len(block)
    sim: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j in range(i + 1, n):
            x, y = block[i], block[j]
            if frozenset((x.claim.ref, y.claim.ref)) in pairs or (x.claim.key and (y.claim.ref, x.claim.key) in not_key) \
                    or (y.claim.key and (x.claim.ref, y.claim.key) in not_key):
                sim[i, j] = -1.0
            else:
                sim[i, j] = ask_similarity(eff[id(x)], eff[id(y)], weight)
    by_key: dict[str, list[int]] = defaultdict(list)
    clusters: dict[int, _Cluster] = {}
    index: dict[int, list[int]] = {}
    for i, m in enumerate(block):
        if m.claim.key:
            by_key[m.claim.key].append(i)
        else:
            clusters[i], index[i] = _Cluster([m], eff), [i]
    for key, idx in by_key.items():
        clusters[idx[0]], index[idx[0]] = _Cluster([block[i] for i in idx], eff, key), idx
        for i in idx:  # the claims of one key are one already, whatever their wording
            for j in idx:
                if i < j:
                    sim[i, j] = max(sim[i, j], 0.0)

    # cross sums of pair similarities between clusters (None: a veto between them), kept up to date on merges
    total: dict[tuple[int, int], Optional[float]] = {}
    ids = sorted(clusters)
    for a_i, x in enumerate(ids):
        for y in ids[a_i + 1:]:
            vals = [sim[min(i, j), max(i, j)] for i in index[x] for j in index[y]]
            total[x, y] = None if any(v < 0 for v in vals) else sum(vals)
    while True:
        best, pair = min_sim, None
        for (x, y), s in total.items():
            if s is None:
                continue
            mean = s / (len(index[x]) * len(index[y]))
            if mean >= best and (pair is None or mean > best) and clusters[x].fits(clusters[y]):
                best, pair = mean, (x, y)
        if pair is None:
            break
        x, y = pair
        clusters[x].join(clusters.pop(y))
        index[x] += index.pop(y)
        for z in list(clusters):
            if z == x:
                continue
            a, b = total.pop((min(x, z), max(x, z))), total.pop((min(y, z), max(y, z)))
            total[min(x, z), max(x, z)] = None if a is None or b is None else a + b
        total.pop((x, y), None)
    # A group that could join a key of its block joins it, at half the bar: two keys for one measure and period
    # never line up, and a person asked "add these to KEY?" sees the key's claims beside them.
    for x in [x for x in clusters if not clusters[x].key and (PULL_SINGLES or len(
            {m.claim.brief for m in clusters[x].members}) >= 2)]:
        near = [(total.get((min(x, y), max(x, y))), y) for y in clusters if clusters[y].key]
        near = [(s / (len(index[x]) * len(index[y])), y) for s, y in near if s is not None]
        near = [(s, y) for s, y in near if s >= min_sim * KEY_PULL and clusters[y].fits(clusters[x])]
        if near:
            _, y = max(near)
            clusters[y].join(clusters.pop(x))
            index[y] += index.pop(x)
            for z in list(clusters):
                if z != y:
                    a = total.pop((min(x, z), max(x, z)), None)
                    b = total.get((min(y, z), max(y, z)))
                    total[min(y, z), max(y, z)] = None if a is None or b is None else a + b
            total.pop((min(x, y), max(x, y)), None)
    # A figure whose words name no measure ("rose 1.8%", "up 0.8% on the quarter") shares no word with any:
    # in a block of one key it is asked to join that key (its quote tells a person what it measures); never
    # across a veto (a fall is no rise), never a second figure of one brief and period
    keyed = [y for y in clusters if clusters[y].key]
    if NAMELESS_TO_KEY and len(keyed) == 1:
        (y,) = keyed
        for x in [x for x in clusters if not clusters[x].key and all(_nameless(eff[id(m)]) for m in clusters[x].members)]:
            if all(sim[min(i, j), max(i, j)] >= 0 for i in index[x] for j in index[y]) and clusters[y].fits(clusters[x]):
                clusters[y].join(clusters.pop(x))
                index[y] += index.pop(x)
    out = []
    for x, c in clusters.items():
        pairs = [sim[min(i, j), max(i, j)] for i in index[x] for j in index[x] if i < j]
        out.append((c, sum(pairs) / len(pairs) if pairs else 0.0))
    return out


def review_groups(result, entities, group_cls: Callable, keys: dict, min_sim: Optional[float] = None,
                  apart: tuple = (set(), set()), left: Optional[set] = None) -> list:
    """The figure groups a review asks about, likeliest first (``result``: align's, with its ``figures``;
    ``keys``: the registered keys, id -> definition; ``left`` gets the claims of blocks too large to compare)."""
    min_sim = ASK if min_sim is None else min_sim
    sure = {m.claim.ref for g in result.groups for m in g.members}
    seen: set[tuple] = set()
    blocks: dict[tuple, list] = defaultdict(list)
    for m in getattr(result, "figures", ()):
        if not m.subjects or not m.words or m.claim.ref in sure:
            continue
        if m.claim.key and m.claim.key not in keys:
            continue
        ident = (m.claim.ref, _block(m))
        if ident in seen:  # a conversion read in the same block twice
            continue
        seen.add(ident)
        blocks[_block(m)].append(m)
    asked: list[tuple[float, int, object]] = []
    taken = set(keys)
    for bk in sorted(blocks):
        block = sorted(blocks[bk], key=lambda m: m.claim.ref)
        if len(block) > MAX_BLOCK and left is not None:
            left.update(m.claim.ref for m in block)
        if len(block) < 2 or len(block) > MAX_BLOCK or len({m.claim.brief for m in block}) < 2:
            continue
        for c, score in _groups(block, min_sim, apart):
            free = c.free()
            if not free:
                continue
            if c.key:
                under = [m for m in c.members if m.claim.key]
                kd = keys.get(c.key)
                g = group_cls(c.key, False, getattr(kd, "label", "") or c.key, under[0].unit, free,
                              reason(free, "the key " + c.key), False, under[0].subjects, common_topics(free),
                              ASKED)
            else:
                if len({m.claim.brief for m in free}) < 2:
                    continue
                key = new_key_id(free, taken)
                taken.add(key)
                g = group_cls(key, True, label(free, entities), units.shared_unit([m.unit for m in free]), free,
                              reason(free, ""), False, free[0].subjects, common_topics(free), ASKED)
            g.score = round(score, 4)
            asked.append((score, len({m.claim.brief for m in c.members}), g))
    asked.sort(key=lambda t: (-t[0], -t[1], t[2].key))
    return [g for _, _, g in asked]


def for_review(result, entities, group_cls: Callable, keys: dict, apart: tuple = (set(), set())):
    """``result`` with its figure candidates replaced by ``review_groups``, other candidates after them (and
    align's figure candidates of blocks too large to compare; all of align's when the review forms none)."""
    left: set[str] = set()
    mine = review_groups(result, entities, group_cls, keys, apart=apart, left=left)
    if not mine:
        return result
    covered = {m.claim.ref for g in mine for m in g.members}
    rest = [g for g in result.candidates if not _figures(g) or any(m.claim.ref in left for m in g.members)
            or (KEEP_ALIGN and not all(m.claim.ref in covered for m in g.members))]
    return replace(result, candidates=[*mine, *rest])


def _figures(group) -> bool:
    v = group.members[0].claim.value if group.members else None
    return v is not None and v.type in ("quantity", "rank")
