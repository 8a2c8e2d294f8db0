"""Rounding agrees: a figure stands for every value that rounds to it at the precision written."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from briefcmp.analysis.rounding import agree_rounded, half_unit, rounding_interval
from briefcmp.analysis.rules.base import KeyView, make_item, value_groups
from briefcmp.corpus.model import Claim, Tolerance, Value


def money(amount: float, scale: str, bound: str = "exact", unit: str = "USD") -> Value:
    return Value("quantity", amount=amount, scale=scale, unit=unit, bound=bound)


def pct(amount: float) -> Value:
    return Value("quantity", amount=amount, unit="percent")


@pytest.mark.parametrize("a, b, agree", [
    (money(1, "trillion"), money(929.1, "billion"), True),  # Reuters' "$1 trillion", an aggregator's exact figure
    (money(591, "trillion", "approximate"), money(591.48, "trillion"), True),
    (money(7.9, "trillion"), money(7949.6, "billion"), True),
    (money(7.9, "trillion"), money(7951, "billion"), False),  # rounds to 8.0
    (money(1, "trillion"), money(1.6, "trillion"), False),
    (pct(2.0), pct(2.1), False),  # "2.0%" is written often: a whole percentage reads to one decimal
    (pct(2.1), pct(2.14), True),
    (pct(2.5), pct(2.5), True),
    (pct(3.4), pct(3.36), True),
    (Value("quantity", amount=12, unit="percent", bound="approximate"), pct(11.65), True),  # "nearly 12%"
    (pct(12), pct(11.65), False),
    (pct(3.4), pct(3.46), False),
    (money(656.6, "trillion", unit="KRW"), money(657, "trillion", "approximate", "KRW"), True),
])
def test_agree_rounded(a: Value, b: Value, agree: bool) -> None:
    assert agree_rounded(a, b) is agree
    assert agree_rounded(b, a) is agree


def test_half_unit_reads_the_written_digits() -> None:
    assert half_unit(1.0) == pytest.approx(0.5)
    assert half_unit(591.48) == pytest.approx(0.005)
    assert half_unit(1500.0) == pytest.approx(0.5)  # trailing zeros of an integer are taken as written
    assert half_unit(float("inf")) == 0.0


def test_bounds_ranks_and_dates_have_no_rounding_interval() -> None:
    assert rounding_interval(money(100, "billion", "at-least")) is None
    assert rounding_interval(Value("rank", amount=4)) is None


def _claim(ref: str, value: Value) -> Claim:
    brief, cid = ref.split("#")
    return Claim(id=cid, brief=brief, quote="q", value=value, key="k")


def _groups(*values: Value) -> list[list[str]]:
    k = KeyView("k", "quantity", "USD", Tolerance(relative=0.02))
    items = [make_item(k, _claim(f"b{i}#c", v)) for i, v in enumerate(values)]
    return [[i.claim.brief for i in g.items] for g in value_groups(items, "quantity")]


def test_compare_groups_a_rounded_figure_with_the_exact_one() -> None:
    """The held-out false contradiction: "$1 trillion" against "$929.1 billion" is one group."""
    assert _groups(money(1, "trillion"), money(929.1, "billion")) == [["b0", "b1"]]
    # Two exact figures of one precision still differ, and the key's 2% still holds rounding slips.
    assert len(_groups(money(929.1, "billion"), money(1000.4, "billion"))) == 2
    assert len(_groups(money(632.6, "billion"), money(632.69, "billion"))) == 1


@given(st.integers(-10**6, 10**6), st.integers(-10**6, 10**6), st.integers(0, 3))
def test_same_precision_agrees_only_when_equal(x: int, y: int, decimals: int) -> None:
    # as written: a last decimal of 0 ("2.50") is not kept by the stored amount (it reads coarser)
    assume(decimals == 0 or (x % 10 and y % 10))
    a, b = pct(x / 10**decimals), pct(y / 10**decimals)
    assert agree_rounded(a, b) is (x == y)


@pytest.mark.parametrize("a, qa, b, qb, agree", [
    (pct(8), "copper 2.0Mt (+8%)", pct(8.2), "Copper output rose 8.2% to a record", True),  # a broker rounds
    (pct(12), "sales up 12 percent", pct(11.65), "sales rose 11.65%", True),
    (pct(8), "revenue fell 8 per cent", pct(7.9), "down 7.9%", True),
    (pct(2.0), "inflation was 2.0% in May", pct(2.1), "inflation of 2.1%", False),  # written to one decimal
    (pct(2), "a 2% rise, or 2.0% exactly", pct(2.1), "2.1%", False),  # a decimal zero anywhere: one decimal
    (pct(8), "up 8%", pct(9), "up 9%", False),  # one precision, other digits
    (pct(8), "up 8%", pct(8.6), "up 8.6%", False),  # 8.6 rounds to 9
    (pct(8), "", pct(8.2), "", False),  # no quote known: the careful reading
    (pct(8), "the 8 largest banks, up 8.4%", pct(8.2), "8.2%", False),  # 8 is no percentage there
    (pct(4), "the bank cut its repo rate to 4%", pct(3.75), "a repo rate of 3.75%", False),  # a level is exact
    (pct(2), "inflation of 2% in May", pct(2.4), "inflation of 2.4%", False),
    (pct(8), "an 8% rise in sales", pct(7.6), "sales rose 7.6%", True),  # a change, rounded
])
def test_a_whole_percentage_written_so_rounds_as_written(a: Value, qa: str, b: Value, qb: str, agree: bool) -> None:
    assert agree_rounded(a, b, qa, qb) is agree
    assert agree_rounded(b, a, qb, qa) is agree


def test_compare_groups_a_rounded_whole_percentage_with_its_decimal() -> None:
    k = KeyView("k", "quantity", "percent", Tolerance())
    items = [make_item(k, Claim(id="c", brief="note", quote="Operations: copper 2.0Mt (+8%)", value=pct(8), key="k")),
             make_item(k, Claim(id="c", brief="wire", quote="Copper output rose 8.2% to a record", value=pct(8.2),
                                key="k"))]
    assert [[i.claim.brief for i in g.items] for g in value_groups(items, "quantity")] == [["note", "wire"]]


def test_a_new_key_s_tolerance_keeps_a_written_trailing_zero() -> None:
    """"1.0%" is stored as 1: the key drafted for it must not tolerate half a point (a walk's June 1.1% and
    September 1.0% read as unchanged)."""
    from briefcmp.analysis.align import Member
    from briefcmp.analysis.alignedit import key_tolerance
    from briefcmp.analysis.rounding import written_decimals

    def member(quote: str, amount: float) -> Member:
        return Member(Claim(id="x", brief="b", quote=quote, value=pct(amount)), ("nz",), "clause", "percent",
                      "percent", frozenset(), {}, ())

    assert written_decimals(1.0, "GDP fell 1.0% in the quarter") == 1
    assert written_decimals(1.1, "a 1.10 percent rise") == 2
    assert written_decimals(1.0, "GDP fell 1% in the quarter") == 0
    assert key_tolerance([member("GDP fell 1.0% in the quarter", 1.0), member("GDP fell 1 percent", 1.0)]) == "0.05"
    assert key_tolerance([member("GDP fell 1% in the quarter", 1.0)]) == "0.5"
