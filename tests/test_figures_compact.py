"""Figures a reader sees that drafting used to miss: no change written in words, currency letters and
scale abbreviations glued to a number (the financial press's compact notation), and a rate's move in
points written without "percentage". Every sentence here is written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus import sentences as S
from briefcmp.corpus.model import PartialDate
from briefcmp.corpus.numerals import compact_scales
from briefcmp.drafting.figures import find_figures
from briefcmp.drafting.intl import find_intl_figures
from briefcmp.drafting.lettercurrency import candidates, letter_currency
from briefcmp.drafting.nochange import says_no_change


def values(text):
    prep = S.prepare(text)
    return [(f.kind, f.phrase(prep.text), f.value.amount, f.value.scale, f.value.unit)
            for f in find_figures(prep.text, published=PartialDate(2024, 12, 12)) if f.kind != "date"]


# --------------------------------------------------------------------------- no change in words

@pytest.mark.parametrize("text, expected", [
    ("Shop prices were unchanged in November from October, the statistics office said.",
     [("percent", "unchanged", 0.0, "", "percent")]),
    ("Output was flat compared with the previous quarter.", [("percent", "flat", 0.0, "", "percent")]),
    ("Factory orders held steady month on month.", [("percent", "steady", 0.0, "", "percent")]),
    ("The jobless rate was unchanged in October.", [("points", "unchanged", 0.0, "", "percentage-points")]),
    ("Starts were virtually unchanged in November, while permits rose 6.1%.",
     [("percent", "virtually unchanged", 0.0, "", "percent"), ("percent", "6.1%", 6.1, "", "percent")]),
])
def test_no_change_is_a_figure_of_zero(text, expected) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a level kept: the level is the figure, no 0 beside it
    ("The policy rate was unchanged at 4.75% in December.", [("percent", "4.75%", 4.75, "", "percent")]),
    ("Core inflation remained stable at 3.1% in November.", [("percent", "3.1%", 3.1, "", "percent")]),
    # a decision that kept something, and a state with nothing compared
    ("The central bank left rates unchanged in November.", []),
    ("The outlook remained stable, the agency said in November.", []),
    ("Relations stayed steady.", []),
])
def test_what_stayed_the_same_but_is_no_change_figure(text, expected) -> None:
    assert values(text) == expected


def test_a_no_change_quote_writes_zero() -> None:
    assert says_no_change("prices were unchanged on the month")
    assert not says_no_change("the bank left rates unchanged")


def test_a_no_change_figure_keeps_its_qualifier() -> None:
    prep = S.prepare("Retail sales were broadly flat in October.")
    (fig,) = [f for f in find_figures(prep.text) if f.kind != "date"]
    assert (fig.value.amount, fig.value.bound) == (0.0, "approximate")


# --------------------------------------------------------------------------- currency letters, scales

@pytest.mark.parametrize("text, expected", [
    ("South Korea's biggest chipmaker made an operating profit of W9.18tn, its memory arm W3.86tn.",
     [("money", "W9.18tn", 9.18, "trillion", "KRW"), ("money", "W3.86tn", 3.86, "trillion", "KRW")]),
    ("Seoul-based Hanil Steel earned Won1.2tn last year.", [("money", "Won1.2tn", 1.2, "trillion", "KRW")]),
    ("South Africa's Treasury sees a deficit of R320.6bn.", [("money", "R320.6bn", 320.6, "billion", "ZAR")]),
    ("Nigeria's lawmakers passed a N27.5tn budget.", [("money", "N27.5tn", 27.5, "trillion", "NGN")]),
    ("Kenya's Treasury will borrow Ksh 450bn.", [("money", "Ksh 450bn", 450.0, "billion", "KES")]),
    ("India set aside Rs 1.2L cr for the scheme.", [("money", "Rs 1.2L cr", 1.2, "lakh crore", "INR")]),
    ("Japan's exports reached ¥2.3 trln.", [("money", "¥2.3 trln", 2.3, "trillion", "JPY")]),
])
def test_compact_money(text, expected) -> None:
    assert [v for v in values(text) if v[0] == "money"] == expected


@pytest.mark.parametrize("text", [
    "The firm made W9.18tn in sales.",  # no country named: whose won, or a name, is not known
    "Korea's envoy met the P5 and the G7 in Seoul.",
    "South Korea's plant W3 opened.",
])
def test_letters_before_a_number_that_are_no_currency(text) -> None:
    assert [v for v in values(text) if v[0] == "money"] == []


def test_letter_candidates_come_from_cldr() -> None:
    assert "ZAR" in candidates("R")[0] and candidates("R")[1]  # en_ZA's symbol
    assert "KRW" in candidates("W")[0] and not candidates("W")[1]  # the won's name
    assert candidates("Xq")[0] == frozenset()


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="WRNKsh $0123456789.tnbL ", max_size=30))
def test_letter_currency_answers_any_text(text) -> None:
    code, start = letter_currency(text, len(text), True, 3, lambda: [{"KR", "ZA"}])
    assert code in ("", "KRW", "ZAR") and 0 <= start <= len(text)


def test_cldr_compact_scales() -> None:
    pt = dict(compact_scales("pt"))
    assert pt["bi"] == 1e9 and pt["mi"] == 1e6 and pt["tri"] == 1e12
    assert dict(compact_scales("es"))["M"] == 1e6  # "0000 M" at a billion: still millions
    assert compact_scales("xx-not-a-language") == ()


def test_portuguese_compact_money() -> None:
    text = "As remessas somaram R$ 5,3 bi em outubro."
    (fig,) = find_intl_figures(text, "pt")
    assert (fig.value.amount, fig.value.scale, fig.value.unit) == (5.3, "billion", "BRL")


# --------------------------------------------------------------------------- points of a rate

@pytest.mark.parametrize("text, expected", [
    ("The jobless rate rose 0.2 point in October.", [("points", "0.2 point", 0.2, "", "percentage-points")]),
    ("The bank cut its key rate by a quarter point.", [("points", "a quarter point", 0.25, "", "percentage-points")]),
    ("Rates were cut by half a point to 5.25%.",
     [("points", "half a point", 0.5, "", "percentage-points"), ("percent", "5.25%", 5.25, "", "percent")]),
    ("Inflation rose 0.4 of a percentage point.", [("points", "0.4 of a percentage point", 0.4, "", "percentage-points")]),
    ("The MPC voted to cut by 25bp.", [("count", "25bp", 25.0, "", "bps")]),
])
def test_a_rate_moves_in_percentage_points(text, expected) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She won the vault by half a point.", []),
    ("The Nikkei index rose 300 points.", [("count", "300 points", 300.0, "", "points")]),
    ("The PMI rose 0.5 points to 49.8.", [("count", "0.5 points", 0.5, "", "points")]),
])
def test_points_that_are_no_percentage_points(text, expected) -> None:
    assert [v for v in values(text) if v[0] in ("points", "count")] == expected


# --------------------------------------------------------------------------- periods read around a date

def test_a_fiscal_quarter_is_the_quarter_not_the_year() -> None:
    prep = S.prepare("Revenue in Q2 2024-25 rose 12% to Rs 3,200 crore.")
    periods = {str(f.as_of) for f in find_figures(prep.text) if f.kind != "date"}
    assert periods == {"2024-07/2024-09"}  # India's fiscal year starts in April
    prep = S.prepare("Sales fell 3% in H1 2024-25 to Rs 5 crore.")
    assert {str(f.as_of) for f in find_figures(prep.text) if f.kind != "date"} == {"2024-04/2024-09"}


def test_an_index_base_is_no_period() -> None:
    prep = S.prepare("Consumer price index, 2010 = 100: prices rose 1.1% on the month.")
    figs = find_figures(prep.text, published=PartialDate(2024, 12, 12))
    assert [(f.kind, f.value.amount, f.as_of) for f in figs] == [("percent", 1.1, None)]


# --------------------------------------------------------------------------- percent as the press writes it

@pytest.mark.parametrize("text, expected", [
    ("Inflation rose to 2.3pc in October.", [("percent", "2.3pc", 2.3, "", "percent")]),
    ("The rate rose 0.5%pts to 5%.",
     [("points", "0.5%pts", 0.5, "", "percentage-points"), ("percent", "5%", 5.0, "", "percent")]),
    ("Headline inflation slowed by 0.4ppts.", [("points", "0.4ppts", 0.4, "", "percentage-points")]),
    ("The rate was raised by 0.25 pc points to 5.25pc.",
     [("points", "0.25 pc points", 0.25, "", "percentage-points"), ("percent", "5.25pc", 5.25, "", "percent")]),
])
def test_percent_abbreviations(text, expected) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the level a rate came from, written without its unit, is a percentage
    ("Inflation was 34.6 percent year-on-year, up from 33.88.",
     [("percent", "34.6 percent", 34.6, "", "percent"), ("percent", "33.88", 33.88, "", "percent")]),
    ("The jobless rate rose 2 percentage points from 40.",
     [("points", "2 percentage points", 2.0, "", "percentage-points"), ("percent", "40", 40.0, "", "percent")]),
    # no rate and no level: what sales came from is no percentage
    ("Sales rose 5% from 120.", [("percent", "5%", 5.0, "", "percent")]),
    ("Sales rose 5% from 2023.", [("percent", "5%", 5.0, "", "percent")]),
])
def test_a_percentage_base_written_bare(text, expected) -> None:
    assert values(text) == expected


def test_pcs_are_no_percent() -> None:
    assert [v[4] for v in values("The school bought 5 PCs.")] != ["percent"]


@pytest.mark.parametrize("text, expected", [
    ("China's exports rose to Rmb1.2tn.", [("money", "Rmb1.2tn", 1.2, "trillion", "CNY")]),
    ("China's exports rose to RMB 3.4bn.", [("money", "RMB 3.4bn", 3.4, "billion", "CNY")]),
    ("Thailand's budget of Bt3.75tn was passed.", [("money", "Bt3.75tn", 3.75, "trillion", "THB")]),
    ("Bangladesh's budget is Tk7.97tn.", [("money", "Tk7.97tn", 7.97, "trillion", "BDT")]),
    ("In Kenya, St 5bn and Mr 5bn are no money.", []),
])
def test_currency_abbreviations(text, expected) -> None:
    assert [v for v in values(text) if v[0] == "money"] == expected


# --------------------------------------------------------------------------- the home dollar of an outlet's city

def test_an_outlet_named_after_its_city_writes_its_home_dollar() -> None:
    from briefcmp.drafting.homecurrency import home_dollar

    text = ("Treasurer banks a surplus\nThe Sydney Morning Herald | Budget | May 15, 2024\n\n"
            "The books will finish the year $9.3 billion in the black.")
    assert home_dollar(text) == "AUD"  # Sydney: CLDR's time zone Australia/Sydney
    assert home_dollar(text.replace("Sydney Morning", "Morning")) == "USD"
    # a city in the title is what the story is about, not where it is written
    assert home_dollar("Toronto-listed miner raises $500 million\nWire | May 15, 2024\n\nThe miner said.") == "USD"
    # a text that marks its own dollar writes USD as "$"
    assert home_dollar(text.replace("$9.3 billion", "A$9.3 billion ($6.2 billion)")) == "USD"
