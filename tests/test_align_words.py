"""Words align reads: a forecast's verbs, and "contracts" (deals) that are no contraction."""

from __future__ import annotations

import pytest

from briefcmp.analysis.align import FORECAST_WORDS
from briefcmp.analysis.measure import norm_word


@pytest.mark.parametrize("sentence, forecast", [
    ("Warsaw intends to raise spending to 4.7 percent of GDP in 2024.", True),
    ("Members pledged to spend 2 percent of GDP.", True),
    ("The ministry seeks to cut the deficit to 3 percent.", True),
    ("Poland spent 3.9 percent of its GDP on defence in 2023.", False),
    ("The economy contracted 2 percent in 2023.", False),
])
def test_forecast_words(sentence: str, forecast: bool) -> None:
    assert bool(FORECAST_WORDS.search(sentence)) is forecast


def test_contracts_are_deals_not_a_contraction() -> None:
    assert norm_word("contracts") == "contract"
    assert norm_word("contracted") == norm_word("contraction") == norm_word("shrank") == "decrease"
    assert norm_word("down") == "decrease"


def _words(clause: str) -> frozenset[str]:
    from briefcmp.analysis.align import _figure_at, measured_words
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.model import Value

    amount = float(next(w for w in clause.replace(",", "").split() if w[0].isdigit()))
    figure = _figure_at(clause, Value("quantity", amount=amount, unit="percent"))
    return measured_words(clause, Entities(use_countries=False), "", figure)[0]


@pytest.mark.parametrize("a, b", [
    ("military budget increased by 7.5 percent in 2023", "defence budget was raised by 5 percent in 2023"),
    ("the armed forces budget went up by 3.1 percent", "the defense budget grew 3.1 percent"),
    ("defence spending rose to 3.9 percent of GDP", "devoted 3.9 percent of GDP to defence"),
    ("health expenditure reached 8 percent of GDP", "health spending was 8 percent of GDP"),
    ("debt service outlays rose to 4.6 percent of GDP", "spent 4.6 percent of GDP on debt service"),
    ("water tariffs were cut by 4 percent", "water tariffs were reduced by 4 percent"),
])
def test_policy_synonyms_are_one_measure(a: str, b: str) -> None:
    from briefcmp.analysis.align import word_match

    assert word_match(_words(a), _words(b)) == "sure", (_words(a), _words(b))


@pytest.mark.parametrize("a, b", [
    ("exports rose 6.2 percent", "imports rose 6.2 percent"),
    ("public spending reached 19.5 percent of GDP", "public revenue reached 19.5 percent of GDP"),
    ("unemployment stood at 10.2 percent", "employment stood at 10.2 percent"),
    ("the defence budget increased by 9 percent", "defence procurement increased by 9 percent"),
    ("the defence budget rose by 4 percent", "the defence budget fell by 4 percent"),
    ("the defence budget was raised by 4 percent", "the defence budget was cut by 4 percent"),
    ("health spending increased by 8 percent", "health spending was 8 percent of GDP"),
    ("France increased its defence budget by 7.5 percent", "the defence budget was 7.5 percent of spending"),
])
def test_near_synonyms_direction_and_change_against_level_stay_apart(a: str, b: str) -> None:
    from briefcmp.analysis.align import word_match

    assert word_match(_words(a), _words(b)) != "sure", (_words(a), _words(b))
    if any(w in a for w in ("rose", "increased", "raised")) != any(w in b for w in ("rose", "increased", "raised")):
        assert word_match(_words(a), _words(b)) == ""  # a change is never even a candidate for a level


@pytest.mark.parametrize("a, b", [
    ("inflation eased to 3.25 percent in 2023 down from 4.4 percent", "inflation was 3.25 percent in 2023"),
    ("GDP growth was revised down to 3 percent", "GDP growth of 3 percent"),
])
def test_a_comparison_or_a_revision_is_no_direction(a: str, b: str) -> None:
    from briefcmp.analysis.align import word_match

    assert word_match(_words(a), _words(b)) == "sure", (_words(a), _words(b))


def test_rnd_is_one_notion_however_written() -> None:
    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.measure import measured_words

    e = Entities()
    a = measured_words("R&D spending stands at 26.5 trillion won", e, "KRW")[0]
    b = measured_words("The budget for research and development was set at 26.5 trillion won", e, "KRW")[0]
    assert a == b and "rnd" in a


def test_an_attribution_is_no_measured_word() -> None:
    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.measure import measured_words

    words = measured_words("Coal output came in at 997.25 million tonnes, the coal ministry said", Entities(), "tonnes")[0]
    assert "ministry" not in words and {"coal", "output"} <= words
