"""New keys for figure claims: which claims answer one question, and which of them ``--apply`` writes.

Split from ``align`` (which describes each figure). Inside a bucket (the same subjects, unit
dimension and unit), three steps:

1. **Similarity of the measured thing** (``similarity``): the claims' measured words
   (``measure.measured_words``, folded into notions by ``analysis.lexicon``) compared by a
   weighted overlap, each word weighted by how much it tells inside the bucket (a word every
   brief of the bucket uses tells little, one that only some use tells much: an inverse brief
   frequency). Hard vetoes keep apart what a reader keeps apart however alike the wording: a rise
   and a fall, a change and a level, what a change is measured against (year on year, quarter on
   quarter, annualised), opposites (exports/imports, spending/revenue), a part and its total
   (``lexicon.relation``: procurement is part of spending), qualifiers that name another measure
   (core, per capita, nominal against real, monthly against annual, a request against an
   approved amount). A qualifier or an expectation ("forecast", "expected") written on one side
   only halves the score: such a claim may join a group only as a candidate.
   One side naming less (``names_less``: "the surplus" and "the trade surplus") is the same measure
   when what the other adds names no part, qualifier, base or expectation and nothing else of the
   bucket competes for the shorter wording.
2. **Groups** (``cluster``): complete-linkage grouping of the claims whose similarity reaches
   ``JOIN``, where two claims of one brief that give different values for one stated period never
   share a group unless their wording is the same (the brief contradicting itself), nor two
   estimates of different vintages. Links between briefs are made before links within one brief.
   Figures left ungrouped that are each the only one of their brief, bucket and stated period, in
   reports of one release, with compatible words, are one group (``alone``).
3. **Member-wise application** (``split``): the confident core of a group (claims of at least
   two briefs whose evidence, ``analysis.evidence``, reaches the apply threshold) is applied; a
   member that brings doubt (no stated period and none shared with reports of its release, a
   brief's second value for one period, a forecast among facts, wording only alike; and, where its
   value differs, a measure borrowed from another figure or wording only alike) stays a candidate
   to join that key, saying the evidence it lacks.

Cost: similarities are computed between the distinct word sets of a bucket (at most
``MAX_WORDSETS`` of them), so the work is linear in the number of claims for a bounded bucket.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Callable, Optional

from briefcmp.analysis import evidence, lexicon, withinbrief
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.keynames import common_topics, label, new_key_id, reason, shared_order  # noqa: F401
from briefcmp.analysis.measure import (
    BASIS_TAGS, _DIRECTION, _HARMLESS, _VAGUE, FORECAST_WORDS, _DIRECTED, _meaningful, effective_words,
)
from briefcmp.analysis.rounding import agree_rounded
from briefcmp.corpus import units

JOIN = 0.5  # two claims' measured things are one notion from this similarity (the threshold decides --apply)
MAX_WORDSETS = 300  # distinct word sets compared per bucket; more become groups of one word set each
MAX_GROUPS_PER_BUCKET = 50
ONE_SIDED = 0.5  # a qualifier or an expectation written on one side only
_BASES = BASIS_TAGS  # what a change is measured against (measure._basis)
# Qualifiers that name another measure than the bare word: on one side only, or two of one row, veto.
_EXCLUSIVE = (frozenset({"nominal", "real"}), frozenset({"monthly", "quarterly", "annual", "yearly", "weekly", "daily"}),
              frozenset({"net", "gross"}), frozenset({"core", "headline"}))
# (a component of a statistic is not the statistic, as services inflation, energy prices, operating profit, PCE
# prices; nor a part of the population's rate the population's: the youth unemployment rate)
_NARROWING = frozenset({"core", "underlying", "trimmed", "capita", "median", "cumulative", "request", "sought",
                        "service", "food", "energy", "fuel", "housing", "manufacturing", "operating", "pretax",
                        "pce", "youth", "women", "men",
                        "scenario"})  # (what would be without action: percentreading.scenario)
# Qualifiers that may be the period's doing ("the monthly surplus" of December) or an outlet's habit
# ("net profit"): one side only is a doubt, not a veto.
# A month's change and a twelve-month rate, however each is said ("on the month", "monthly"; "year on year", "annual")
_ON_A_MONTH, _ON_A_YEAR = frozenset({"mom", "monthly"}), frozenset({"yoy", "annual", "yearly"})
# ("exports of goods" are most exports; the harmonised index is most reports' inflation)
_SOFT = frozenset({"monthly", "quarterly", "weekly", "daily", "net", "nominal", "goods", "harmonised"})
# An expectation is not an outcome: "expected", "forecast", "poll" on one side only is a doubt.
_EXPECT = frozenset({"expect", "expectation", "forecast", "project", "projected", "predict", "poll", "consensus",
                     "consensu", "target", "goal", "aim", "outlook", "economist", "analyst"})  # (stems too: consensu)

SUBSET = 1.0  # one side names less, and nothing else of the bucket competes for it (``names_less``)
# Words the fuller side may add to what the other names and still name one measure: what most reports mean
# by the bare word ("exports of goods", the harmonised index, net profit).
_ADDED_OK = frozenset({"goods", "harmonised", "net"})


def _neutral(words: frozenset[str]) -> frozenset[str]:
    """Words that say what is measured: not how much, which way, against what base, or by whom expected."""
    return frozenset(w for w in words if w not in _VAGUE and w not in _HARMLESS and w not in _DIRECTION
                     and w not in _BASES and w not in _EXPECT)


def names_less(a: frozenset[str], b: frozenset[str], sets: list, briefs: dict) -> bool:
    """Whether one of two word sets of a bucket names the other's measure with fewer words ("GDP" and
    "nominal GDP" of a money bucket are not this: nominal is a qualifier; "the surplus" and "the trade
    surplus", "exports" and "exports of goods", "corn" and "corn output" are), and so is the same measure:
    what the fuller side adds names no notion of the lexicon beside one the shorter names (a part: "defence
    spending"), no qualifier of another measure, no base and no expectation; no brief writes both for one
    period (``briefs``: word set -> (brief, period) of its figures; a brief naming both names two measures: a
    total and its part); and nothing else of the bucket competes for the shorter side (every other word
    set that names more than it names the same more)."""
    x, y = a - _VAGUE, b - _VAGUE
    if len(x) > len(y):
        x, y, a, b = y, x, b, a
    if not x or not x < y or not _neutral(x) or veto(a, b):
        return False
    added = y - x
    # A notion added to a side that names one already may name its part ("defence" spending); added to a
    # side that names none, it says what kind of measure the other meant ("corn" and "corn output").
    if added & (_BASES | _EXPECT | _DIRECTION | _NARROWING) or (added & _SOFT) - _ADDED_OK or (any(
            lexicon.known(w) for w in added - _ADDED_OK) and any(lexicon.known(w) for w in x)) or \
            briefs.get(a, set()) & briefs.get(b, set()):
        return False
    for c in sets:
        z = c - _VAGUE
        if c not in (a, b) and x < z and not _neutral(z - x) <= _neutral(added):
            return False
    return True


def _strong(shared: frozenset[str]) -> bool:
    """Whether shared words say what is measured, not only how much or which way: "exports" alone does
    not say of what (a key's "thermal coal imports" and a claim's "LNG imports" share only "imports")."""
    return any(w not in _VAGUE and w not in _DIRECTION and w not in _BASES and w not in ("export", "import")
               for w in shared)


def weights(wordsets: list[tuple[str, frozenset[str]]]) -> dict[str, float]:
    """How much each word tells inside a bucket: ``log(1 + B / df)``, B the briefs of the bucket and df
    those that use the word (``wordsets``: (brief, words) per claim); harmless words tell nothing."""
    briefs_of: dict[str, set[str]] = defaultdict(set)
    for brief, words in wordsets:
        for w in words:
            briefs_of[w].add(brief)
    n = len({b for b, _ in wordsets}) or 1
    return {w: 0.0 if w in _HARMLESS else math.log(1.0 + n / len(b)) for w, b in briefs_of.items()}


def veto(a: frozenset[str], b: frozenset[str]) -> str:
    """Why two measured things can never be one, whatever else they share ("" when nothing forbids it)."""
    if a & _DIRECTION != b & _DIRECTION:
        return "a rise is no fall, and a change no level"
    ba, bb = a & _BASES, b & _BASES
    if ba and bb and ba != bb:
        return "changes measured against different bases (year on year, quarter on quarter, annualised)"
    if len({frozenset(w for w in x if w[:8] == "against " and w[8:].isdigit()) for x in (a, b)}) > 1:
        return "changes measured against different years"  # "15.6% more than in 2019" (figurecontext.year_against)
    if {bool(x & _ON_A_MONTH) - bool(x & _ON_A_YEAR) for x in (a, b)} == {1, -1}:  # only a month's, only a year's
        return "a change on the month is no rate over a year"
    only_a, only_b = a - b, b - a
    for x in only_a:
        for y in only_b:
            rel = lexicon.relation(x, y)
            if rel == "opposite":
                return f"opposites: {x} / {y}"
            if rel in ("narrower", "broader"):
                return f"a part is not its total: {x} / {y}"
    for row in _EXCLUSIVE:
        if only_a & row and only_b & row:
            return f"qualifiers name different measures: {'/'.join(sorted((only_a | only_b) & row))}"
    hard = (only_a | only_b) & _NARROWING
    if hard:
        return f"a qualifier names another measure: {', '.join(sorted(hard))}"
    return ""


def similarity(a: frozenset[str], b: frozenset[str], weight: Optional[dict[str, float]] = None) -> float:
    """How surely two claims' measured words name one thing, 0..1 (see the module docstring)."""
    if not a or not b or not (_meaningful(a) and _meaningful(b)) or veto(a, b):
        return 0.0
    a, b = a - _VAGUE, b - _VAGUE
    if a == b or (a ^ b) <= _HARMLESS:
        return 1.0
    shared = a & b
    if not _meaningful(frozenset(shared)):
        return 0.0
    weight = weight or {}
    w = lambda x: 0.0 if x in _HARMLESS else weight.get(x, 1.0)  # noqa: E731
    total = sum(w(x) for x in a | b)
    score = sum(w(x) for x in shared) / total if total else 1.0
    # a qualifier, a basis or an expectation on one side only ("target" and "projected" are both expectations)
    if (a ^ b) & (_SOFT | _BASES) or bool(a & _EXPECT) != bool(b & _EXPECT):
        score *= ONE_SIDED
    return round(score, 4)


_nest = evidence.overlaps  # a part and its whole ("2023-12" of "2023"), a fiscal and a calendar year


def _nested(x, y) -> bool:
    """Figures of a period and of a part of it ("December's exports" and the year's): two measures,
    however alike their words. Only periods the text gives (not a release's date)."""
    if not (x.dated and y.dated) or "release-date" in (x.period_how, y.period_how):
        return False
    return _nest(x.period, y.period)


def _same_figure(x, y) -> bool:
    vx, vy = x.claim.value, y.claim.value
    return agree_rounded(vx, vy) or round(vx.base_amount or 0.0, 9) == round(vy.base_amount or 0.0, 9)


class _Part:
    """Claims that may share a group, indexed so that whether two parts can join costs little however
    many claims they hold: their periods, their vintages, their claims by brief and period."""

    def __init__(self, members: list = ()) -> None:
        self.members: list = []
        self.periods: set[str] = set()
        self.vintages: set[str] = set()
        self.cells: dict[tuple[str, str], list] = defaultdict(list)
        for m in members:
            self.add(m)

    def add(self, m) -> None:
        self.members.append(m)
        if m.dated and m.period_how != "release-date":
            self.periods.add(m.period)
        if m.vintage:
            self.vintages.add(m.vintage)
        if m.dated:
            self.cells[(m.claim.brief, m.period)].append(m)

    def extend(self, other: "_Part") -> None:
        for m in other.members:
            self.add(m)

    def clashes(self, other: "_Part", values: bool = True) -> bool:
        """Whether a claim of one and a claim of the other can never share a group: a period and a part
        of it; two estimates of different vintages; (``values``) one brief's two values for one stated
        period in other words (with the same words the brief contradicts itself, a group of its own)."""
        if any(_nest(p, q) for p in self.periods for q in other.periods):
            return True
        if self.vintages and other.vintages and len(self.vintages | other.vintages) > 1:
            return True
        if values:
            for cell in self.cells.keys() & other.cells.keys():
                if any(not _same_figure(x, y) and x.words != y.words for x in self.cells[cell]
                       for y in other.cells[cell]):
                    return True
        return False


def _blocks(same: list) -> list[list]:
    """Claims of one word set split so that no two in a block are of a period and a part of it, or of two
    vintages: the most common period first, so that the figures of a year stay together and December's
    go apart. (One brief's two values for one period stay together: ``split`` holds both back.)"""
    count: dict[str, int] = defaultdict(int)
    for m in same:
        count[m.period] += 1
    blocks: list[_Part] = []
    for m in sorted(same, key=lambda m: (not m.dated, -count[m.period], m.claim.ref)):
        one = _Part([m])
        for block in blocks:
            if not block.clashes(one, values=False):
                block.add(m)
                break
        else:
            blocks.append(one)
    return [b.members for b in blocks]


def cluster(members: list, eff: dict[int, frozenset[str]]) -> tuple[list[list], dict]:
    """Complete-linkage groups of ``members`` (one bucket) at similarity ``JOIN``, under ``_Part.clashes``.
    Returns the groups and the similarity of every two distinct word sets compared."""
    by_set: dict[frozenset[str], list] = defaultdict(list)
    vague: list[list] = []  # words that say "how much" of nothing: each claim its own group
    for m in members:
        if _meaningful(eff[id(m)] - _VAGUE):
            by_set[eff[id(m)]].append(m)
        else:
            vague.append([m])
    sets = sorted(by_set, key=lambda s: (-len(by_set[s]), sorted(s)))
    compared, alone = sets[:MAX_WORDSETS], sets[MAX_WORDSETS:]
    weight = weights([(m.claim.brief, eff[id(m)]) for m in members])
    sim: dict[tuple[int, int], float] = {}
    # (brief, period) of each word set's figures of a stated period: a brief naming both for one period
    briefs = {ws: {(m.claim.brief, m.period) for m in by_set[ws] if m.dated} for ws in compared}
    for i, a in enumerate(compared):
        for j in range(i + 1, len(compared)):
            s = similarity(a, compared[j], weight)
            if s < 1.0 and names_less(a, compared[j], compared, briefs):
                s = SUBSET
            if s >= JOIN:
                sim[(i, j)] = s
    blocks: list[tuple[int, list]] = [(i, block) for i, ws in enumerate(compared) for block in _blocks(by_set[ws])]
    by_index: dict[int, list[int]] = defaultdict(list)
    for b, (i, _) in enumerate(blocks):
        by_index[i].append(b)
    # Two briefs writing one measure is what a group is for; one brief's two wordings alike are seldom one
    # figure: edges within one brief come last, so that they never take a claim from a group of briefs
    # first ("the central bank" beside "the key rate" of one brief, when other briefs write "the key rate").
    one = [{m.claim.brief for m in block} for _, block in blocks]
    edges = sorted((len(one[b] | one[c]) < 2, -s, b, c) for (i, j), s in sim.items() for b in by_index[i]
                   for c in by_index[j])

    def linked(p: int, q: int) -> bool:
        i, j = blocks[p][0], blocks[q][0]
        return i != j and sim.get((min(i, j), max(i, j)), 0.0) >= JOIN

    nodes: list[list[int]] = [[b] for b in range(len(blocks))]  # cluster -> block indices
    parts = [_Part(block) for _, block in blocks]
    where = list(range(len(blocks)))
    for _, _, p, q in edges:
        cp, cq = where[p], where[q]
        if cp == cq:
            continue
        if not all(linked(x, y) for x in nodes[cp] for y in nodes[cq]) or parts[cp].clashes(parts[cq]):
            continue
        nodes[cp].extend(nodes[cq])
        parts[cp].extend(parts[cq])
        for v in nodes[cq]:
            where[v] = cp
        nodes[cq] = []
    groups = [[m for b in node for m in blocks[b][1]] for node in nodes if node]
    groups += [block for s in alone for block in _blocks(by_set[s])] + vague
    groups.sort(key=lambda g: (-len({m.claim.brief for m in g}), -len(g), g[0].claim.ref))
    pair_sim = {frozenset((compared[i], compared[j])): s for (i, j), s in sim.items()}
    return [sorted(g, key=lambda m: m.claim.ref) for g in groups[:MAX_GROUPS_PER_BUCKET]], pair_sim


def measure_score(members: list, eff: dict[int, frozenset[str]], pair_sim: dict) -> float:
    """The lowest similarity of two word sets of a group (1.0 when they are all the same)."""
    sets = list({eff[id(m)] for m in members})
    low = 1.0
    for i, a in enumerate(sets):
        for b in sets[i + 1:]:
            low = min(low, pair_sim.get(frozenset((a, b)), 0.0))
    return low


def group_evidence(members: list, measure: float = 1.0) -> evidence.Evidence:
    return evidence.evidence(members, _DIRECTED, FORECAST_WORDS, measure)


def _digits(m) -> int:
    """Significant digits written ("1 trillion": 1, "992.1 billion": 4)."""
    amount = m.claim.value.amount
    if amount is None:
        return 0
    text = f"{abs(amount):.6f}".rstrip("0").rstrip(".")
    return len((text.rstrip("0") if "." not in text else text.replace(".", "")).lstrip("0"))


def split(group: list, eff: dict[int, frozenset[str]], pair_sim: dict) -> tuple[list, list[tuple[object, str]]]:
    """The confident core of a group and its doubtful members, each with the evidence it lacks."""
    doubtful: dict[int, tuple[object, str]] = {}
    for m in group:
        if not m.dated:
            doubtful[id(m)] = (m, f"no stated period for {m.claim.ref} (as-of taken from the publication date; no "
                                  f"report of the same release within {evidence.RELEASE_DAYS} days gives one period)")
    per: dict[tuple[str, str], list] = defaultdict(list)
    for m in group:
        if m.dated:
            per[(m.claim.brief, m.period)].append(m)
    for (brief, period), same in per.items():
        if any(not agree_rounded(a.claim.value, b.claim.value) and
               round(a.claim.value.base_amount or 0.0, 9) != round(b.claim.value.base_amount or 0.0, 9)
               for i, a in enumerate(same) for b in same[i + 1:]):
            said = [m for m in same if m.period_how not in ("release", "brief")]
            # a period taken from the release (or the brief's title) is the doubtful one beside a period stated
            for m in (same if len(said) != 1 else [m for m in same if m.period_how in ("release", "brief")]):
                doubtful[id(m)] = (m, f"{brief} gives two values for {period}: the wording does not tell them apart")
        else:  # one figure written twice ("near $1 trillion" over "$992.1 billion"): the precise one is keyed
            best = max(_digits(m) for m in same)
            for m in same:
                if _digits(m) < best:
                    doubtful[id(m)] = (m, f"{m.claim.ref} rounds a figure {brief} gives more precisely for {period}")
    # (a figure of a period mostly after its publication is an expectation, however it is worded, beside the
    # outcomes of other periods: evidence.mostly_ahead)
    ahead = {id(m) for m in group if evidence.mostly_ahead(m)}
    facts = [m for m in group if (m.claim.kind == "fact" or evidence.plan(m)) and not (id(m) in ahead and any(
        o.period != m.period and evidence.ended(o) for o in group))]
    if facts and len(facts) < len(group):
        for m in group:
            if m not in facts and id(m) not in doubtful:
                doubtful[id(m)] = (m, f"{m.claim.ref} is a forecast among figures of fact")
    for m in group:
        # effective_words dropped words no other report uses; three or more, more than it shares, may
        # name a narrower measure ("owner occupiers' housing costs" inflation): not keyed on the others' words
        extra = m.words - eff[id(m)]
        if id(m) not in doubtful and len(extra) >= 3 and len(extra) > len(eff[id(m)] - _VAGUE):
            doubtful[id(m)] = (m, f"{m.claim.ref} names more than the other reports ({' '.join(sorted(extra))}): "
                                  "it may measure something narrower")
        elif id(m) not in doubtful and extra - _HARMLESS and any(
                o.claim.brief != m.claim.brief and o.period == m.period and o.dated and not _same_figure(m, o)
                for o in group if id(o) not in doubtful and not (o.words - eff[id(o)]) - _HARMLESS):
            # words taken for an outlet's wording are an inference: one that may name a narrower measure ("the
            # CPI for living necessities") never decides a contradiction against a figure named plainly, nor an
            # agreement only near (a part is often near its total: "segment revenue" beside the group's)
            doubtful[id(m)] = (m, f"{m.claim.ref} names more than the other reports ({' '.join(sorted(extra))}) and "
                                  "its value differs: it may measure something narrower")
    evidence.names_more(group, eff, doubtful, _VAGUE, _HARMLESS | _BASES)  # (a base on one side: unstated_bases)
    evidence.unstated_bases(group, doubtful, _BASES, _DIRECTION)
    if any(m.words & _DIRECTED for m in group):  # exports from A to B are B's imports: one order keyed
        leads: dict[str, int] = defaultdict(int)
        for m in group:
            if id(m) not in doubtful:
                leads[m.lead] += 1
        if len(leads) > 1:
            first = max(sorted(leads), key=lambda lead: leads[lead])
            for m in group:
                if id(m) not in doubtful and m.lead != first:
                    doubtful[id(m)] = (m, f"{m.claim.ref} names the subjects in another order: exports from one may "
                                          "be imports of the other")
    stated = [m for m in group if id(m) not in doubtful and m.subjects_from not in evidence.INFERRED_SUBJECT]
    for m in group:  # a subject taken from other reports of the release never decides a contradiction
        if m.subjects_from in evidence.INFERRED_SUBJECT and id(m) not in doubtful and any(
                not evidence.close(m, o) for o in stated if o.period == m.period):
            doubtful[id(m)] = (m, f"the subject of {m.claim.ref} is inferred from other reports of the release, and "
                                  "its value differs")
    evidence.borrowed_measure(group, doubtful)
    evidence.borrowed_unit(group, doubtful)  # a currency or a release's period inferred (briefunits, fellowperiods)
    core = [m for m in group if id(m) not in doubtful]
    while len({m.claim.brief for m in core}) >= 2:
        low = measure_score(core, eff, pair_sim)
        if low >= 1.0 or group_evidence(core, low).sure():
            break

        def mean(m) -> float:
            others = [o for o in core if o is not m]
            return sum(1.0 if eff[id(o)] == eff[id(m)] else pair_sim.get(frozenset((eff[id(m)], eff[id(o)])), 0.0)
                       for o in others) / max(len(others), 1)

        worst = min(core, key=lambda m: (mean(m), m.claim.ref))
        same = [m for m in core if eff[id(m)] == eff[id(worst)]]
        for m in same:
            doubtful[id(m)] = (m, f"the wording is only alike: {' '.join(sorted(eff[id(m)]))} (similarity "
                                  f"{mean(m):.2f})")
        core = [m for m in core if id(m) not in doubtful]
    evidence.alike_only(core, eff, pair_sim, doubtful)
    return [m for m in core if id(m) not in doubtful], list(doubtful.values())



def new_keys(rest: list, entities: Entities, taken: set[str], result, group_cls: Callable) -> None:
    """Stage 2 of ``align``: new keys for claims that answer no registered key (``result`` gets
    the applied groups and the candidates; ``taken`` the key ids used). (``analysis.linking.place``
    then lines up by context the figures no group applied.)"""
    buckets: dict[tuple, list] = defaultdict(list)
    for m in rest:
        if m.subjects and m.words:
            # Figures of one physical dimension share a bucket whatever their unit ("GW", "MW"): they convert.
            buckets[(m.subjects, m.dim, "" if units.is_physical(m.unit) else m.unit)].append(m)
    for bucket in sorted(buckets):
        members = sorted(buckets[bucket], key=lambda m: m.claim.ref)
        eff = effective_words(members)
        groups, pair_sim = cluster(members, eff)
        unapplied: list[list] = []
        for g in groups:
            if len({m.claim.brief for m in g}) < 2:
                if withinbrief.sure(g, group_evidence(g)):  # one brief's series or self-contradiction
                    key = new_key_id(g, taken)
                    taken.add(key)
                    result.groups.append(group_cls(key, True, label(g, entities), units.shared_unit([m.unit for m in g]),
                                                   g, reason(g, "one brief"), True, g[0].subjects, common_topics(g)))
                else:
                    unapplied.append(g)
                continue
            same_words: dict[frozenset[str], list] = defaultdict(list)
            for m in g:  # the period of a release is taken from reports worded alike first, then from the group
                same_words[eff[id(m)]].append(m)
            for part in same_words.values():
                evidence.adopt_release_periods(part, g, apart=True)
            evidence.adopt_release_periods(g, apart=True)
            said = {m.period for m in g if m.dated and m.period_how != "release-date"}  # (distinct: few)
            parts = _blocks(g) if any(_nest(p, q) for p in said for q in said) else [g]
            # (a projection path, "2.1% in 2025, 1.9% in 2026", is no change over time: each year its own question)
            if len(said) > 1 and all(m.claim.kind == "forecast" or m.words & _EXPECT for m in g):
                parts = [[m for m in q if m.period == p] for q in parts for p in sorted({m.period for m in q})]
            for part in parts:  # a period a title gave may be a part of another's: a month and its year apart
                if len({m.claim.brief for m in part}) < 2:
                    unapplied.append(part)
                else:
                    _place(part, eff, pair_sim, entities, taken, result, group_cls, unapplied)
        first = len(result.candidates)
        used = alone(members, unapplied, eff, entities, taken, result, group_cls)
        if used:  # a claim keyed as the only figure of its kind is no candidate of another group
            result.candidates[first:] = [c for c in result.candidates[first:]
                                         if not any(id(m) in used for m in c.members)]
            unapplied = [g for g in unapplied if not any(id(m) in used for m in g)]
        _loose(unapplied, eff, entities, taken, result, group_cls)


_INFERRED = ("brief", "release-date", "")  # periods no report's text states (a brief's main one, a release's date)


def _named_less_undated(core: list, eff: dict) -> bool:
    """Whether a group is one measure only because one side names less (``names_less``) and its period
    only because of each brief's main period or the release's date (neither a report's text nor the
    period other reports of the release state): one inference on another
    ("Wind farms supplied 14 per cent" and "wind accounted for 14 per cent of Polish power", neither
    dated) is not enough to key."""
    sets = [s - _VAGUE for s in {eff[id(m)] for m in core}]
    return any(a < b for a in sets for b in sets) and all(m.period_how in _INFERRED for m in core)


def _place(g: list, eff: dict, pair_sim: dict, entities: Entities, taken: set[str], result, group_cls: Callable,
           unapplied: list) -> None:
    """A group of two briefs or more, its periods read: its confident core keyed (the doubtful members
    candidates to join it), or the whole group one candidate."""
    core, doubtful = split(g, eff, pair_sim)
    low = measure_score(core, eff, pair_sim)
    if _named_less_undated(core, eff):
        doubtful += [(m, "one report names less than the other, and no report states the period: two inferences")
                     for m in core]
        core = []
    if len({m.claim.brief for m in core}) >= 2 and group_evidence(core, low).sure():
        key = new_key_id(core, taken)
        taken.add(key)
        result.groups.append(group_cls(key, True, label(core, entities), units.shared_unit([m.unit for m in core]),
                                       core, reason(core, ""), True, core[0].subjects, common_topics(core), ""))
        for m, why in doubtful:  # each doubtful member: a candidate to join the key, saying what it lacks
            result.candidates.append(group_cls(key, False, label(core, entities), core[0].unit, [m],
                                               reason([m], "the key " + key), False, core[0].subjects,
                                               common_topics([m]), why))
        return
    ev = group_evidence(g, measure_score(g, eff, pair_sim))
    key = new_key_id(g, set(taken))
    result.candidates.append(group_cls(key, True, label(g, entities), units.shared_unit([m.unit for m in g]), g,
                                       reason(g, ""), False, g[0].subjects, common_topics(g),
                                       ev.doubt() or "; ".join(dict.fromkeys(why for _, why in doubtful))))  # each doubt said once
    unapplied.append(g)


ALONE = 0.85  # the measure evidence of figures that are each the only one of their brief, bucket and period


def _compatible(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two word sets that may name one measure: nothing forbids it (``veto``), the same direction, base and
    expectation, and one names no measure word the other lacks while the other names one it lacks (GDP in
    one brief and household consumption in another never are); something named on one side at least."""
    na, nb = _neutral(a), _neutral(b)
    return (not veto(a, b) and a & (_BASES | _DIRECTION) == b & (_BASES | _DIRECTION)
            and bool(a & _EXPECT) == bool(b & _EXPECT) and (na <= nb or nb <= na) and _strong(na | nb))


def alone(members: list, unapplied: list[list], eff: dict, entities: Entities, taken: set[str], result,
          group_cls: Callable) -> set[int]:
    """The only figure of its kind: in reports of one release (published within ``evidence.RELEASE_DAYS``),
    when each of two briefs or more gives exactly one figure of a bucket (subjects, unit) for a stated period,
    and none of that bucket without a period, their figures answer one question if their words are
    compatible (``_compatible``), though too unlike to be grouped by similarity ("the population" and
    "South Africans"). Only figures no group applied are taken; returns the ids of those keyed."""
    left = [m for g in unapplied for m in g]
    if len({m.claim.brief for m in left}) < 2:
        return set()
    # a period taken from the brief's main one or the release's date is an inference: as none here
    undated = {m.claim.brief for m in members if m.period_how in _INFERRED}
    per: dict[tuple[str, str], list] = defaultdict(list)  # (period, brief) -> that brief's figures of it
    for m in members:
        if m.period_how not in _INFERRED:
            per[(m.period, m.claim.brief)].append(m)
    free = {id(m) for m in left}
    by_period: dict[str, list] = defaultdict(list)
    for (period, brief), same in per.items():
        one = same[0]
        if brief in undated or any(not _same_figure(one, o) for o in same[1:]) or id(one) not in free:
            continue  # (one figure written twice, a headline over the body, counts once)
        if all(id(o) in free for o in same):
            by_period[period].append(max(same, key=_digits))
    used: set[int] = set()
    for period, ones in sorted(by_period.items()):
        days = [m.published for m in ones]
        if len(ones) < 2 or any(d is None for d in days) or (max(days) - min(days)).days > evidence.RELEASE_DAYS:
            continue
        if not all(_compatible(eff[id(x)], eff[id(y)]) for i, x in enumerate(ones) for y in ones[i + 1:]):
            continue
        g = sorted(ones, key=lambda m: m.claim.ref)
        # an inference overrides no doubt of split's, save an amount naming more ("LNG" beside "shipping ... tons"
        # of it): of a share, more words name another whole ("of those who know their status")
        doubts = split(g, eff, {frozenset((eff[id(x)], eff[id(y)])): 1.0 for x in g for y in g})[1]
        if not group_evidence(g, ALONE).sure() or any(m.unit == "percent" or "names more than" not in why
                                                       for m, why in doubts):
            continue
        key = new_key_id(g, taken)
        taken.add(key)
        result.groups.append(group_cls(key, True, label(g, entities), units.shared_unit([m.unit for m in g]), g,
                                       reason(g, "the only figure of its kind in each brief"), True, g[0].subjects,
                                       common_topics(g), ""))
        used |= {id(m) for m in g}
    return used


LOOSE = 0.3  # groups not applied whose wording is this alike are proposed together, as candidates


def _alike(a: frozenset[str], b: frozenset[str], s: float) -> bool:
    """Alike enough to propose (never to apply): ``LOOSE`` similarity, or two shared words that say what
    is measured ("installed solar capacity" and "solar capacity connected to the grid")."""
    shared = a & b
    strong = [w for w in shared if _strong(frozenset({w}))]
    return bool(strong) and (s >= LOOSE or len(strong) >= 2)


def _loose(groups: list[list], eff, entities: Entities, taken: set[str], result, group_cls: Callable) -> None:
    """Loose resemblance between groups not applied: candidates only. (What resembles an applied
    group shows up on the next run, as a candidate to join its registered key.)"""
    if len(groups) < 2:
        return
    weight = weights([(m.claim.brief, eff[id(m)]) for g in groups for m in g])
    for i, g in enumerate(groups):
        for h in groups[i + 1:]:
            if len({x.claim.brief for x in g + h}) < 2:
                continue
            s = similarity(eff[id(g[0])], eff[id(h[0])], weight)
            if 0 < s < JOIN and _alike(eff[id(g[0])], eff[id(h[0])], s):
                both = g + h
                key = new_key_id(both, set(taken))
                result.candidates.append(group_cls(key, True, label(both, entities),
                                                   units.shared_unit([m.unit for m in both]), both, reason(both, ""),
                                                   False, both[0].subjects, common_topics(both),
                                                   f"the wording is only alike (similarity {s:.2f})"))
