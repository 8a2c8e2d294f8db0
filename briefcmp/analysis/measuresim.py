"""How alike two figures' measured things are, 0..1, and what keeps two apart whatever their wording.

Split from ``grouping``. The claims' measured words (``measure.measured_words``, folded into notions by
``analysis.lexicon``) are compared by a weighted overlap (``similarity``), each word weighted by how much it
tells inside the bucket (``weights``: an inverse brief frequency). Hard vetoes (``veto``) keep apart what a
reader keeps apart however alike the wording: a rise and a fall, a change and a level, what a change is
measured against, opposites, a part and its total (``lexicon.relation``), qualifiers that name another
measure. A qualifier or an expectation on one side only halves the score. One side naming less
(``names_less``: "the surplus" and "the trade surplus") is the same measure when what the other adds names
no part, qualifier, base or expectation and nothing else of the bucket competes for the shorter wording.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Optional

from briefcmp.analysis import lexicon
from briefcmp.analysis.measure import BASIS_TAGS, _DIRECTION, _HARMLESS, _VAGUE, _meaningful

JOIN = 0.5  # two claims' measured things are one notion from this similarity (the threshold decides --apply)
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

