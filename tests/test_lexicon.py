"""The shared lexicon: lemmas, notions across wordings, and the pairs a reader keeps apart."""

from __future__ import annotations

import pytest

from briefcmp.analysis import lexicon


@pytest.mark.parametrize("a,b", [("produced", "production"), ("mined", "output"), ("outlays", "spending"),
                                 ("shrank", "fell"), ("contracted", "declined"), ("defence", "military"),
                                 ("jobless", "unemployment"), ("exports", "shipments")])
def test_one_notion_across_wordings(a: str, b: str) -> None:
    assert lexicon.same_notion(a, b)


@pytest.mark.parametrize("a,b", [("exports", "imports"), ("spending", "revenue"), ("rose", "fell"),
                                 ("unemployment", "employment"), ("surplus", "deficit")])
def test_near_neighbours_stay_apart(a: str, b: str) -> None:
    assert not lexicon.same_notion(a, b)
    assert lexicon.opposite(a, b)
    assert lexicon.relation(a, b) == "opposite"


def test_narrower_is_not_the_same() -> None:
    assert lexicon.relation("procurement", "spending") == "narrower"
    assert lexicon.relation("gas", "LNG") == "broader"
    assert "spend" in lexicon.broader("procurement")
    assert not lexicon.same_notion("procurement", "spending")


def test_lemma_and_fallback(monkeypatch) -> None:
    assert lexicon.lemma("produced") == "produce"
    assert lexicon.lemma("Outlays") == "outlay"
    monkeypatch.setattr(lexicon, "_simplemma", lambda: None)
    assert lexicon._rules("dropped") == "drop"
    assert lexicon._rules("outlays") == "outlay"
    assert lexicon.resource() == "built-in rules"
    assert lexicon.phrase_notions("defence outlays") == {"defense", "spend"}
