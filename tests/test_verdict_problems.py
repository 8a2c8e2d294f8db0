"""The terminal verdict of an annotation problem says what the problem is, not the kind's name again."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.analysis.crossref import analyse
from briefcmp.corpus.load import load_corpus
from briefcmp.corpus.model import Relation
from briefcmp.render.compare_term import verdict, verdict_cell

LOAD = Path(__file__).parent / "fixtures" / "load"


def test_each_problem_of_a_corpus_is_named() -> None:
    relations = [r for r in analyse(load_corpus([LOAD]).corpus).relations if r.kind == "annotation-problem"]
    shown = sorted(verdict(r) for r in relations)
    assert shown == ["a quantity, key wants a category", "currency mismatch", "no value"]
    assert all("annotation problem: annotation problem" not in verdict_cell(r).text for r in relations)


@pytest.mark.parametrize("explanation, short", [
    ("a#b has no as-of date (and its brief no publication date), so it is compared with no dated claim "
     "under key k: add as_of", "no as-of date"),
    ("claims under key k mix units (a#x 3 GW; b#y 4 t): likely an annotation error", "units mixed"),
    ("a#b gives 3 GW (GW) but key k expects t: a unit mismatch, likely an annotation error", "unit mismatch"),
])
def test_the_problem_in_a_few_words(explanation: str, short: str) -> None:
    assert verdict(Relation("annotation-problem", "info", "k", [], explanation)) == short
