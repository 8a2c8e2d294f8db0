"""A change "on" a month or a year is measured against it, and a quarter of a split fiscal year counts from
the country's first month (analysis/periods.py). Sentences written for these tests, in several domains."""

from __future__ import annotations

from datetime import date

import pytest

from briefcmp.analysis.periods import resolve


def period(sentence: str, figure: str, published: date, country: str = "") -> tuple[str, str]:
    i = sentence.index(figure)
    return resolve(sentence, (i, i + len(figure)), published, country)


@pytest.mark.parametrize("sentence,figure,published,country,expected", [
    # a statistics release: the month compared against is not the month measured
    ("Chemical output slipped 2.3% on August 2024, the office said.", "2.3%", date(2024, 10, 8), "germany", ""),
    ("In September, chemical output slipped 2.3% on August.", "2.3%", date(2024, 10, 8), "germany",
     "2024-09"),
    # a commodity report: "on 2023" is the base of a 2024 figure
    ("Copper shipments in 2024 rose 6.1 percent on 2023.", "6.1 percent", date(2025, 1, 20), "", "2024"),
    # a company's results: the base year is not the year of the figure that follows it
    ("Group revenue for 2024 climbed 4 per cent on 2023 levels.", "4 per cent", date(2025, 2, 27), "", "2024"),
])
def test_a_change_on_a_month_or_a_year_is_measured_against_it(sentence, figure, published, country, expected) -> None:
    assert period(sentence, figure, published, country)[0] == expected


def test_a_day_after_on_is_a_day_not_a_base() -> None:
    # a market report: "on September 12" is when the fall happened
    got = period("The index fell 1.2% on September 12, 2024.", "1.2%", date(2024, 9, 13))
    assert got[0] != "" and not got[0].startswith("2024-08")


@pytest.mark.parametrize("sentence,figure,country,expected", [
    # a central bank (India's fiscal year starts in April): Q2 of 2024-25 is July to September 2024
    ("Real output grew 6.7 per cent in Q2:2024-25 on strong services.", "6.7 per cent", "india",
     "2024-07/2024-09"),
    ("Tax receipts rose 9% in Q4:2023-24.", "9%", "india", "2024-01/2024-03"),
    # a budget office (Australia's fiscal year starts in July): Q1 of 2024-25 is July to September 2024
    ("Outlays rose 3.2% in Q1 2024-25.", "3.2%", "australia", "2024-07/2024-09"),
    # a calendar quarter with a year stays calendar
    ("Real output grew 6.7 per cent in Q2 2024.", "6.7 per cent", "india", "2024-04/2024-06"),
])
def test_a_quarter_of_a_split_fiscal_year_counts_from_its_first_month(sentence, figure, country, expected) -> None:
    assert period(sentence, figure, date(2024, 12, 6), country)[0] == expected


@pytest.mark.parametrize("sentence,figure,period,expected", [
    # a statistics release, a trade ministry, a commodity report
    ("Consumer prices rose 0.3% from October.", "0.3%", "2024-11", "mom"),
    ("Exports fell 4 percent from September, the ministry said.", "4 percent", "2024-10", "mom"),
    ("Prices were up 2.8% compared with November 2023.", "2.8%", "2024-11", "yoy"),
    ("Gold imports rose 12% from June 2023.", "12%", "2024-06", "yoy"),
    ("Inflation in January rose 0.6% from December.", "0.6%", "2025-01", "mom"),  # December of the year before
    # a base that gives a value of its own is the level before, not the base of a change
    ("Inflation was 2.8% in November, up from 2.6% in October.", "2.8%", "2024-11", ""),
    ("Gold imports rose 12% from May 2023.", "12%", "2024-06", ""),  # thirteen months: neither
    ("Retail sales rose 1.1% from the third quarter.", "1.1%", "2024-10/2024-12", ""),  # not a month's figure
])
def test_a_months_change_against_a_named_month_says_its_base(sentence, figure, period, expected) -> None:
    from briefcmp.analysis.periods import month_basis

    i = sentence.index(figure)
    assert month_basis(sentence, (i, i + len(figure)), period) == expected


@pytest.mark.parametrize("sentence", [
    "The peso has depreciated about 6% since the October meeting.",  # an event in a month
    "The peso has depreciated about 6% since October.",  # since: from a day of it
])
def test_a_change_since_a_month_or_an_event_in_it_has_no_months_base(sentence) -> None:
    from briefcmp.analysis.periods import month_basis

    i = sentence.index("6%")
    assert month_basis(sentence, (i, i + 2), "2024-11") == ""


def test_a_base_on_a_month_is_that_month_alone() -> None:
    """A statistics office's revision: the month after "on" is the base of the figure before it, not the period
    of a figure further on ("against the 2.5% of the first release" names no month of its own)."""
    sentence = "Output now shows a fall of 2.0% on August 2024, against the 2.5% reported in the first release."
    assert period(sentence, "2.5%", date(2024, 12, 6), "germany")[0] != "2024-08"
