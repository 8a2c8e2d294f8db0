"""Headline grammar: an "on" phrase right after a figure whose clause moves or reaches says why the figure moved
("Copper climbs 3% on supply fears"), so its words name no measure of the figure; an "on" phrase naming a period or a
base ("up 2% on the year") or an object of spending ("spent $4bn on schools") stays. Sentences written for these tests."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis.causes import cause_at

_FIGURE = re.compile(r"[$€]?\d[\d.,]*\s?(?:%|bn|billion)?")


def _kept(sentence: str) -> str:
    m = _FIGURE.search(sentence)
    at = cause_at(sentence, m.span())
    return sentence if at is None else sentence[:at]


@pytest.mark.parametrize("sentence, kept", [
    ("Ruritania's growth hits 4.1% on tourism recovery", "Ruritania's growth hits 4.1%"),
    ("Copper climbs 3% on supply fears", "Copper climbs 3%"),
    ("Exports jumped 12% on a weaker currency", "Exports jumped 12%"),
    ("Retail sales fell 1.5% on storm disruption in the north", "Retail sales fell 1.5%"),
    # a cause word of the older list ("as", "amid") still ends the clause first
    ("Output rose 2% as mines reopened on schedule", "Output rose 2%"),
])
def test_an_on_phrase_after_a_moving_figure_says_why(sentence, kept):
    assert _kept(sentence) == kept


@pytest.mark.parametrize("sentence", [
    "Output was up 2% on the year",
    "GDP rose 0.4% on the previous quarter",
    "Sales grew 5.4% on a year earlier",
    "Prices rose 3% on average",
    "Imports rose 7% on 2023",
    "The ministry spent $4bn on schools",  # no moving verb: the object of the spending
    "A levy of 2% on imported steel",
])
def test_an_on_phrase_of_a_period_base_or_object_stays(sentence):
    assert _kept(sentence) == sentence


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("on rose 5% the year é 年 억 ,.")), max_size=80), st.integers(0, 80))
def test_any_text_gives_a_place_inside_the_clause_or_none(text, at):
    end = min(at, len(text))
    got = cause_at(text, (0, end))
    assert got is None or 0 <= got <= len(text)

