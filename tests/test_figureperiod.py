"""One reader of a figure's period (``analysis.figureperiod``): drafting's as-of is the period align reads, where it
reads one; a reading that depends on whose fiscal year it is waits for align; a base's year is no drafted as-of."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.analysis import figureperiod, periods
from briefcmp.analysis.periodbases import base_dated
from briefcmp.corpus.model import PartialDate
from briefcmp.drafting.figures import find_figures

PUBLISHED = PartialDate(2025, 2, 14)


def _as_of(text: str, published=PUBLISHED, fiscal_start: int = 1) -> dict[str, str]:
    return {text[f.start:f.end]: str(f.as_of) if f.as_of else ""
            for f in find_figures(text, published=published, fiscal_start=fiscal_start) if f.kind != "date"}


@pytest.mark.parametrize("text, figure, period", [
    ("Output of the mills grew 0.6% in the fourth quarter.", "0.6%", "2024-10/2024-12"),
    ("Ferry bookings fell 3% last month.", "3%", "2025-01"),
    ("Orders for looms rose 12% in the first half.", "12%", "2024-01/2024-06"),
    ("Parcel volumes were 4.1 million in October-December.", "4.1 million", "2024-10/2024-12"),
])
def test_drafting_reads_relative_periods_as_align_does(text, figure, period):
    assert _as_of(text)[figure] == period
    s = text.index(figure)
    assert periods.resolve(text, (s, s + len(figure)), date(2025, 2, 14))[0] == period


@pytest.mark.parametrize("text, figure", [
    ("Cannery revenue was 9.4 billion in FY24.", "9.4 billion"),
    ("Cannery revenue will be 9.4 billion in the current fiscal year.", "9.4 billion"),
])
def test_a_fiscal_reading_that_depends_on_whose_year_waits_for_align(text, figure):
    assert _as_of(text)[figure] == ""


def test_a_year_of_a_season_keeps_drafting_own_reading():
    text = "Barley exports reached 2.2 million tonnes in 2023-24."
    assert _as_of(text)["2.2 million tonnes"] == "2023/2024"


def test_a_config_fiscal_year_keeps_drafting_own_reader():
    text = "The levy raised 310 million in fiscal 2023."
    assert _as_of(text, fiscal_start=4)["310 million"] == "2023-04/2024-03"


def test_a_citation_year_dates_no_figure():
    assert _as_of("Wool prices rose 8 percent (FAO 2022).")["8 percent"] == ""


def test_an_index_base_year_dates_no_figure():
    assert _as_of("The index stood at 131.2 (2015 = 100).")["131.2"] == ""


def test_without_a_month_of_publication_no_relative_period():
    assert figureperiod.published_day(PartialDate(2025)) is None
    assert _as_of("Ferry bookings fell 3% last month.", published=PartialDate(2025))["3%"] == ""


@pytest.mark.parametrize("value, text", [("2024", "2024"), ("2024-07/2024-09", "2024-07/2024-09"),
                                         ("2024-10-03", "2024-10-03"), ("", "None")])
def test_as_period(value, text):
    assert str(figureperiod.as_period(value)) == text


def test_base_dated():
    s = "Tea sales climbed 9%, from INR 41 crore in 2022."
    assert base_dated(s, (18, 20), "2022")  # the year is the base's only
    assert not base_dated(s, (18, 20), "2023")  # another sentence's or the title's year
    inside = s.index("41")
    assert base_dated(s, (inside, inside + 2), "2022")  # the figure is the base
    both = "In 2022, tea sales climbed 9% from INR 41 crore in 2021."
    assert not base_dated(both, (27, 29), "2022")


@settings(max_examples=30, deadline=None)
@given(st.integers(2000, 2030), st.sampled_from(["rose", "fell", "climbed"]), st.integers(1, 99))
def test_drafted_and_align_read_one_period_for_a_stated_year(year, verb, pct):
    text = f"Rail freight {verb} {pct}% in {year}."
    figure = f"{pct}%"
    s = text.index(figure)
    assert _as_of(text)[figure] == str(year) == periods.resolve(text, (s, s + len(figure)), date(2025, 2, 14))[0]


def test_an_aside_holding_another_figure_dates_nothing_outside_it():
    text = "FY results (confirming the 14 Mar pre-release): freight revenue GBP 8,310m, margin 6.2%."
    found = _as_of(text)
    assert found["GBP 8,310m"] == "" and found["6.2%"] == ""


def test_a_period_restated_in_parentheses_still_dates_the_figure():
    assert _as_of("Freight rose 1.1% in the second quarter (April-June).")["1.1%"] == "2024-04/2024-06"


def test_a_figure_in_words_keeps_drafting_own_reading():
    # align finds no span for "about a third" and reads it no period; drafting does not give it one either
    text = "Tin profit fell 9% to 4.1 billion in the year to June, as the price slid by about a third."
    found = {text[f.start:f.end]: f for f in find_figures(text, published=PUBLISHED)}
    third = next(f for phrase, f in found.items() if "third" in phrase)
    assert third.as_of is None


def test_a_month_naming_which_forecast_dates_no_figure():
    assert _as_of("The bureau's March forecast of 2.2% held.")["2.2%"] == ""
