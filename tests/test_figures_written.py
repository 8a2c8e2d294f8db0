"""Figures as the press writes them: vulgar fractions, decimals in words, fractions of a percentage
point, one-letter scales, oil in the trade's shorthand, currency codes and local symbols, a bare "$"
in an Australian or Mexican text, a change and the level it reached, exchange rates. Every sentence
here is written for these tests.
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus import units
from briefcmp.corpus import sentences as S
from briefcmp.drafting.figures import find_figures
from briefcmp.drafting.homecurrency import home_dollar, home_dollars
from briefcmp.drafting.numbers import number_value

ROOT = Path(__file__).resolve().parent.parent


def figures(text):
    prep = S.prepare(text)
    return [f for f in find_figures(prep.text) if f.kind != "date"], prep.text


def values(text):
    found, _ = figures(text)
    return [(f.kind, f.value.amount, f.value.upper, f.value.scale, f.value.unit) for f in found]


# --------------------------------------------------------------------------- numbers as written

@pytest.mark.parametrize("text, expected", [
    ("The bank reduced its target for the overnight rate to 3¾% on Wednesday.", [("percent", 3.75, None, "", "percent")]),
    ("Growth of 1½% is forecast.", [("percent", 1.5, None, "", "percent")]),
    ("The lease runs 10½ years.", [("duration", 10.5, None, "", "years")]),
    ("Only ¼% of the loans went bad.", [("percent", 0.25, None, "", "percent")]),
])
def test_a_vulgar_fraction_is_part_of_its_number(text, expected):
    assert values(text) == expected


@settings(max_examples=60, deadline=None)
@given(whole=st.integers(min_value=0, max_value=9999), frac=st.sampled_from("½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"))
def test_any_whole_number_and_vulgar_fraction_read_as_one_value(whole, frac):
    prep = S.prepare(f"Rates stood at {whole}{frac}% last week.")
    found = [f for f in find_figures(prep.text) if f.kind == "percent"]
    assert len(found) == 1
    assert found[0].value.amount == pytest.approx(whole + unicodedata.numeric(frac))


@pytest.mark.parametrize("text, expected", [
    ("Consumer prices grew one-point-six percent on-year.", 1.6),
    ("Prices of fuel dropped seven point six percent.", 7.6),
    ("Output rose twenty-one point zero five percent.", 21.05),
])
def test_a_decimal_in_words_is_read(text, expected):
    assert values(text) == [("percent", expected, None, "", "percent")]


def test_point_without_digit_words_is_no_decimal():
    assert values("It was one point of view among many.") == []
    assert number_value("one-point-six") == 1.6 and number_value("one point ten") is None


# --------------------------------------------------------------------------- percentage points

@pytest.mark.parametrize("text, expected", [
    ("The central bank lowered its policy rate by half a percentage point.", 0.5),
    ("Headline inflation edged up two-tenths of a percentage point in May.", 0.2),
    ("Markets now price a quarter-point cut in March.", 0.25),
    ("Unemployment rose three-quarters of a percentage point over the year.", 0.75),
    ("Yields rose one and a half percentage points in a month.", 1.5),
])
def test_a_fraction_of_a_percentage_point(text, expected):
    assert values(text) == [("points", expected, None, "", "percentage-points")]


def test_a_fraction_of_a_whole_is_still_a_share():
    assert values("Two-tenths of the budget goes to defence.") == [("percent", 20.0, None, "", "percent")]


@pytest.mark.parametrize("text, expected", [
    ("The Reserve Bank's 25-basis-point hike surprised no one.", [("count", 25.0, None, "", "bps")]),
    ("A 0.5-percentage-point move is priced in.", [("points", 0.5, None, "", "percentage-points")]),
])
def test_hyphenated_points_are_figures(text, expected):
    assert values(text) == expected


# --------------------------------------------------------------------------- scales, units and currencies

@pytest.mark.parametrize("text, expected", [
    ("The economy added 47k jobs in May.", [("count", 47.0, None, "thousand", "jobs")]),
    ("All of the gain was in part-time work (+112k).", [("count", 112.0, None, "thousand", "")]),
    ("Deliveries rose to 11.1m vehicles.", [("count", 11.1, None, "million", "vehicles")]),
])
def test_a_one_letter_scale_glued_to_the_number(text, expected):
    assert values(text) == expected


def test_a_metre_is_no_million():
    assert values("The firm built a 300m tower and a 10m-high wall.") == []


@pytest.mark.parametrize("text, expected", [
    ("World demand now stands at 103.2 mb/d.", [("count", 103.2, None, "million", "barrels per day")]),
    ("Supply was revised down by 85 tb/d.", [("count", 85.0, None, "thousand", "barrels per day")]),
    ("Non-OPEC output grew 450 kb/d.", [("count", 450.0, None, "thousand", "barrels per day")]),
    ("Shale output is 2 MMb/d.", [("count", 2.0, None, "million", "barrels per day")]),
])
def test_oil_rates_carry_their_scale_in_the_unit(text, expected):
    assert values(text) == expected


def test_a_capital_m_barrel_rate_is_left_alone():
    assert values("Exports ran at 900 Mb/d.") == []


@pytest.mark.parametrize("text, expected", [
    ("The budget sets spending at Rp3,325.1 trillion.", [("money", 3325.1, None, "trillion", "IDR")]),
    ("Nominal output reached IDR2,100.3trn.", [("money", 2100.3, None, "trillion", "IDR")]),
    ("Remittances hit MXN 1.2 billion.", [("money", 1.2, None, "billion", "MXN")]),
    ("Petronas paid RM32 billion in dividends.", [("money", 32.0, None, "billion", "MYR")]),
    ("The grant is ₱5 million.", [("money", 5.0, None, "million", "PHP")]),
])
def test_currency_codes_and_local_symbols(text, expected):
    assert values(text) == expected


def test_a_code_that_is_a_word_or_no_currency_is_no_prefix():
    assert values("ALL 5 members voted.") == [("count", 5.0, None, "", "members")]
    assert [v for v in values("The CPI 2.4 reading and GDP2023.") if v[0] == "money"] == []


def test_iso_codes_from_cldr():
    assert units.iso_currency("IDR") and units.iso_currency("MXN") and units.iso_currency("USD")
    assert not units.iso_currency("DEM") and not units.iso_currency("CPI") and not units.iso_currency("idr")
    assert units.canonical_unit("IDR") == "IDR" and units.is_currency("MYR")


# --------------------------------------------------------------------------- ranges, changes, rates, counts

def test_a_change_then_the_level_it_reached_is_no_range():
    assert values("Brent settled +$1.57 to $31.67 a barrel.") == [("money", 1.57, None, "", "USD"),
                                                                  ("money", 31.67, None, "", "USD")]
    assert values("Gasoline rose 25 cents to $4.10.")[-1] == ("money", 4.10, None, "", "USD")


@pytest.mark.parametrize("text, expected", [
    ("The plan costs $10 to $15 billion.", ("money", 10.0, 15.0, "billion", "USD")),
    ("Prices rose 2 to 3 percent.", ("percent", 2.0, 3.0, "", "percent")),
])
def test_a_range_stays_a_range(text, expected):
    assert values(text) == [expected]


@pytest.mark.parametrize("text", [
    "The yen averaged 151.2 to the dollar in the quarter.",
    "Customs used a rate of 151.2 yen per U.S. dollar.",
    "The average rate was 151.2 yen to the US dollar.",
])
def test_an_exchange_rate_is_one_currency_per_another(text):
    assert values(text) == [("money", 151.2, None, "", "JPY per USD")]


def test_more_people_is_a_count_of_people():
    assert values("Quebec led with 21,000 more people working.") == [("count", 21000.0, None, "", "people")]
    assert values("The mine has 10 more years of ore.") == []


def test_a_kind_of_week_is_no_duration():
    assert values("Staff moved to a four-day week.") == []
    assert values("The strike lasted four days.") == [("duration", 4.0, None, "", "days")]


# --------------------------------------------------------------------------- a bare "$" at home

_AU = ("Budget returns to deficit\nCANBERRA, May 14 -\nAustralia's government forecast a deficit of $28.3 "
       "billion for the coming year, against a US$ figure of US$18 billion quoted abroad.\n")
# a wire story marks the local dollar and writes USD as "$"
_AU_WIRE = "Budget returns to deficit\nSYDNEY, May 14 -\nAustralia forecast a deficit of A$28.3 billion ($18.7 billion).\n"
# a country with no English locale of its own: an English text about it is written for readers abroad
_MX = "Remittances slow\nMexico City | 2 May 2024\nMexico received $5.4 billion in remittances in March.\n"
_JP = "Japan's exports rise\nTOKYO, Jan 23 -\nJapan's exports rose to $700 billion, the ministry said.\n"
_US = "Retail sales rise\nWASHINGTON -\nU.S. retail sales reached $710 billion, ahead of Canada's.\n"


_STATCAN = ("Labour survey, May\nStatistics Canada | The Daily\n\nHighlights\n\nWages rose $1.20 to $35.10 an hour "
            "in British Columbia.\n")


@pytest.mark.parametrize("text, code", [(_AU, "AUD"), (_AU_WIRE, "USD"), (_MX, "USD"), (_JP, "USD"), (_US, "USD"),
                                        (_STATCAN, "CAD"),
                                        ("No dollars here: 5 percent.", "USD")])
def test_a_bare_dollar_is_the_dollar_of_the_country_the_text_is_from(text, code):
    assert home_dollar(text) == code


def test_only_bare_dollars_take_the_home_currency():
    found, text = figures(_AU)
    units_of = [f.value.unit for f in home_dollars(text, found)]
    assert units_of == ["AUD", "USD"]  # "$28.3 billion" at home; "US$18 billion" as written


# --------------------------------------------------------------------------- the lineup eval reads them too

def _lineup_eval():
    spec = importlib.util.spec_from_file_location("lineup_eval_w", ROOT / "benchmarks" / "lineup_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_lineup_eval_finds_values_written_in_words_and_fractions():
    written = _lineup_eval().value_written_in
    assert written({"amount": 3.75}, "cut the rate to 3¾%")
    assert written({"amount": 1.6}, "prices grew one-point-six percent")
    assert written({"amount": 0.5}, "by half a percentage point")
    assert written({"amount": 2}, "growth of two per cent")
    assert not written({"amount": 7}, "cut the rate to 3¾%")


# --------------------------------------------------------------------------- tables

_TABLE = ("Output fell in August.\n\nTable: Crude output by country, tb/d (August 2024; change m-o-m)\n"
          "Kuwait 2,410 (-35); Oman 760 (+4)\n\nThe next meeting has 12 members.")


def test_a_table_row_takes_the_unit_its_caption_states():
    assert values(_TABLE) == [("count", 2410.0, None, "thousand", "barrels per day"),
                              ("count", -35.0, None, "thousand", "barrels per day"),
                              ("count", 760.0, None, "thousand", "barrels per day"),
                              ("count", 4.0, None, "thousand", "barrels per day"),
                              ("count", 12.0, None, "", "members")]


def test_a_caption_with_no_unit_gives_none():
    assert values("Table: the main figures (2024)\nKuwait 2,410 (-35)\n") == []


# --------------------------------------------------------------------------- a month that qualifies a statistic

def test_a_month_before_a_statistic_dates_it():
    from briefcmp.corpus.model import PartialDate

    def as_of(text):
        prep = S.prepare(text)
        return [str(f.as_of) for f in find_figures(prep.text, published=PartialDate(2024, 10, 2)) if f.kind != "date"]

    assert as_of("Korea Sept inflation cools to 1.6%, below forecast") == ["2024-09"]
    assert as_of("China's August exports rise 8.7%\nBEIJING -\nExports rose.") == ["2024-08"]
    assert as_of("The firm's February forecast of 4.5% was beaten.") == ["None"]  # prose: the forecast's date
    assert as_of("Prices may rise 3% and May exports rose 2%.") == ["None", "None"]  # "May" alone: a modal or a name


def test_a_period_starting_after_publication_is_this_year():
    from briefcmp.corpus.model import PartialDate

    prep = S.prepare("The treasurer projected a deficit of 28 billion dollars for the fiscal year starting July 1.")
    dates = [f for f in find_figures(prep.text, published=PartialDate(2024, 5, 14)) if f.kind == "date"]
    assert [str(f.value.date) for f in dates] == ["2024-07-01"]


@pytest.mark.parametrize("text, share", [
    ("Retail: two quarters in the red, and no sign of a turn.", False),  # counted quarters of a year
    ("Three quarters in 2023 were weaker than forecast.", False),
    ("Three quarters of the members voted for the budget.", True),
    ("Two-thirds were in favour of the plan.", True),
])
def test_counted_quarters_are_no_share(text: str, share: bool) -> None:
    assert any(unit == "percent" for *_, unit in values(text)) is share
