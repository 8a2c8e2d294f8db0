"""Groups of figures of one bucket: complete linkage at ``JOIN`` under constraints.

Split from ``grouping``. Two claims of one brief that give different values for one stated period never
share a group unless their wording is the same (the brief contradicting itself), nor two estimates of
different vintages, nor figures of a period and of a part of it. Links between briefs are made before
links within one brief. Similarities are computed between the distinct word sets of a bucket (at most
``MAX_WORDSETS``), so the work is linear in the number of claims for a bounded bucket.
"""

from __future__ import annotations

from collections import defaultdict

from briefcmp.analysis import evidence, periods
from briefcmp.analysis.measure import _VAGUE, _meaningful
from briefcmp.analysis.measuresim import JOIN, SUBSET, names_less, similarity, weights
from briefcmp.analysis.rounding import agree_rounded

MAX_WORDSETS = 300  # distinct word sets compared per bucket; more become groups of one word set each
MAX_GROUPS_PER_BUCKET = 50
_nest = evidence.overlaps  # a part and its whole ("2023-12" of "2023"), a fiscal and a calendar year


def _other_length(p: str, q: str) -> bool:
    """Two stated periods of whole months but not of one length (a quarter and a year, a month and a quarter):
    a quarter's growth and the year's are two measures (for changes over a period; ``_Part.clashes``), however alike their words, even when a period is
    misread so that the two do not overlap ("FY24" read as a fiscal year to September beside calendar Q4)."""
    a, b = periods.months(p), periods.months(q)
    return a != b and a in _LENGTHS and b in _LENGTHS  # (a season across two years, "2021/2022", is not read so)


_LENGTHS = frozenset({1, 3, 6, 9, 12})  # a month, a quarter, a half, nine months to date, a year
_CHANGE = frozenset({"growth", "increase", "decrease", "yoy", "qoq", "mom", "change"})  # a change over its period


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
        self.rates: set[str] = set()  # the stated periods of its changes ("organic growth of 11%"), not its levels
        self.vintages: set[str] = set()
        self.cells: dict[tuple[str, str], list] = defaultdict(list)
        for m in members:
            self.add(m)

    def add(self, m) -> None:
        self.members.append(m)
        if m.dated and m.period_how != "release-date":
            self.periods.add(m.period)
            if m.words & _CHANGE:
                self.rates.add(m.period)
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
        if any(_other_length(p, q) for p in self.rates for q in other.rates):
            return True  # (a level, a policy rate "at 2.25%" by the first quarter, may stand beside September's)
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

