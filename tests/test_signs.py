"""A fall written in words and with a minus sign is one figure (session 15, a new user's walk): the wire's
"GDP fell 1.1%" and a bank note's "GDP -1.1%" keyed together were a false contradiction of 2.2 points."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.analysis.crossref import find_relations
from briefcmp.analysis.signs import signed, worded_fall, written
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Period, Topic, Value


def pct(amount: float) -> Value:
    return Value("quantity", amount=amount, unit="percent")


def claim(quote: str, amount: float, brief: str = "b") -> Claim:
    return Claim(id="c", brief=brief, quote=quote, key="k", value=pct(amount), as_of=Period(PartialDate(2024, 9)))


@pytest.mark.parametrize("quote, amount, fall", [
    ("The economy fell 1.1% in the June quarter, revised figures show.", 1.1, True),
    ("output shrank at an annual rate of 0.4 percent", 0.4, True),
    ("GDP contracted by an annualised 0.4% in the quarter", 0.4, True),
    ("a 1.1% contraction, the steepest since 1991", 1.1, True),
    ("GDP was down 1.0% on the quarter", 1.0, True),
    ("operating profit slumped 64% to 2.1 billion", 64, True),
    ("shipments plummeted 12% on the year", 12, True),
    ("the index dipped 0.3% in May", 0.3, True),
    ("prices eased 0.2% on the month", 0.2, True),
    ("inflation eased to 2.2% in May", 2.2, False),  # a level reached by easing
    ("prices fell by 4.1% on the month and by 7.6% on the year", 7.6, True),  # one verb, two figures
    ("exports fell 3% and imports rose 7.6%", 7.6, False),  # another verb's figure
    ("the quarter saw a year-on-year decline of 0.4%", 0.4, True),
    ("output was 0.4% lower than a year earlier", 0.4, True),
    ("output 0.4% down from its peak", 0.4, False),
    ("Unemployment fell to 4.8% in September", 4.8, False),  # a level reached by falling
    ("The rate was cut from 5.5% to 4.25%", 4.25, False),
    ("prices rose 1.1% after falling 0.8%", 1.1, False),  # the fall is the other figure's
    ("down from 3% in June, GDP grew 1.1%", 1.1, False),
])
def test_a_fall_in_words(quote: str, amount: float, fall: bool) -> None:
    assert worded_fall(claim(quote, amount)) is fall


def test_only_a_key_that_mixes_both_writings_is_signed() -> None:
    words = [claim("GDP fell 1.1%", 1.1, "wire"), claim("the economy shrank 1.1 percent", 1.1, "paper")]
    assert signed(words) == words  # all in words: alike as they are
    mixed = signed([*words, claim("GDP -1.1% q/q", -1.1, "bank")])
    assert [c.value.amount for c in mixed] == [-1.1, -1.1, -1.1]


def _corpus(claims: list[Claim]) -> Corpus:
    briefs = [Brief(c.brief, c.brief, "src", claims=[c]) for c in claims]
    return Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "GDP, change on the quarter",
                                                                                   "quantity")}), briefs)


def test_compare_finds_agreement_not_contradiction() -> None:
    rels = find_relations(_corpus([claim("GDP fell 1.1% in the June quarter", 1.1, "wire"),
                                   claim("June quarter GDP: -1.1% q/q (revised)", -1.1, "bank")]))
    assert [r.kind for r in rels] == ["agreement"]


def test_a_real_difference_stays_a_contradiction() -> None:
    rels = find_relations(_corpus([claim("GDP fell 1.1% in the June quarter", 1.1, "wire"),
                                   claim("June quarter GDP: -0.2% q/q", -0.2, "bank")]))
    assert [r.kind for r in rels] == ["contradiction"]


@pytest.mark.parametrize("quote, amount, unit, fall", [
    ("part-time employment dropped by 17,000 in the month", 17000, "jobs", True),
    ("positions fell 17 000 over the year", 17000, "", True),
    ("the trade surplus shrank 1.2 billion dollars", 1.2, "USD", True),
    ("employment fell to 17,000", 17000, "jobs", False),  # a level
    ("jobs rose 17,000 after falling 8,000", 17000, "jobs", False),
])
def test_a_fall_of_a_count_or_an_amount(quote: str, amount: float, unit: str, fall: bool) -> None:
    c = Claim(id="c", brief="b", quote=quote, key="k", value=Value("quantity", amount=amount, unit=unit))
    assert worded_fall(c) is fall


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["{:,}", "{}", "{:,}.0"]))
def test_an_amount_is_found_as_written(n: int, form: str) -> None:
    assert re.search(written(float(n)), f"it fell {form.format(n)} on the year")
