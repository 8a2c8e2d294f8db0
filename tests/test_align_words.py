"""Words align reads: a forecast's verbs, and "contracts" (deals) that are no contraction."""

from __future__ import annotations

import pytest

from briefcmp.analysis.align import FORECAST_WORDS, norm_word


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
