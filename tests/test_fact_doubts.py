"""Statements align would key that a person should decide: two answers of a passive said of no one."""

from __future__ import annotations

from types import SimpleNamespace

from briefcmp.analysis.alignfacts import _doubt
from briefcmp.corpus.model import PartialDate, Period, Value


def _st(brief: str, answer: str, undergone: bool, subjects: tuple = ()) -> SimpleNamespace:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#c", value=Value("category", category=answer),
                            subjects=list(subjects), as_of=Period(PartialDate(2021, 12)), as_of_inferred=False)
    return SimpleNamespace(claim=claim, fact=SimpleNamespace(undergone=undergone, scope=()), scoped=False,
                           role="fact", words=frozenset({"change"}), others=frozenset(), action="require",
                           actor="referendum")


def test_two_answers_of_a_passive_said_of_no_one_go_to_a_person():
    group = [_st("policy", "yes", True), _st("release", "no", True)]
    assert "whose" in _doubt(group, alike=True)


def test_a_passive_placed_in_a_country_is_no_such_doubt():
    group = [_st("policy", "yes", True, ("harbourland",)), _st("release", "no", True, ("harbourland",))]
    assert "whose" not in _doubt(group, alike=True)
