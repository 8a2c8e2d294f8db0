"""A year's part named with the year's possessive, and twelve months to a month however worded
(analysis/periods.py). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from briefcmp.analysis.periods import resolve

PUBLISHED = date(2025, 2, 12)


def period(sentence: str, figure: str) -> tuple[str, str]:
    i = sentence.index(figure)
    return resolve(sentence, (i, i + len(figure)), PUBLISHED, "canada")


@pytest.mark.parametrize("sentence,figure,expected", [
    ("Retail volumes climbed 1.1% in 2024's fourth quarter", "1.1%", ("2024-10/2024-12", "stated")),
    ("Retail volumes climbed 1.1% in last year's fourth quarter", "1.1%", ("2024-10/2024-12", "relative")),
    ("Retail volumes climbed 1.1% in the fourth quarter of last year", "1.1%", ("2024-10/2024-12", "relative")),
    ("Freight volumes fell 2.4% in 2023's second half", "2.4%", ("2023-07/2023-12", "stated")),
])
def test_a_part_of_a_year_named_with_the_years_possessive_is_that_part(sentence, figure, expected) -> None:
    assert period(sentence, figure) == expected


@pytest.mark.parametrize("wording", ["the year to January", "the year through January", "the 12 months to January",
                                     "the twelve months through January", "the year ended January"])
def test_twelve_months_to_a_month_are_one_span_however_worded(wording: str) -> None:
    assert period(f"Wholesale sales totalled C$92 billion in {wording}", "C$92 billion") == ("2024-02/2025-01",
                                                                                           "relative")


def test_a_price_change_over_twelve_months_is_the_months_rate_however_worded() -> None:
    for wording in ("the year to January", "the 12 months through January"):
        assert period(f"Consumer prices rose 1.9% in {wording}", "1.9%") == ("2025-01", "relative")


def test_a_year_after_above_or_below_is_the_base_not_the_period() -> None:
    assert period("The 2025 plan is 3.4% above 2024 outlays", "3.4%") == ("2025", "stated")
    assert period("Freight volumes were 1.2% below 2023 levels", "1.2%") == ("", "")


def test_a_full_date_in_a_title_dates_the_text_not_a_period() -> None:
    from briefcmp.analysis.titleperiods import title_period

    assert title_period("Central bank rate announcement (March 12, 2025)", PUBLISHED, "canada") == ""
    assert title_period("Rate decision of 12 March 2025", PUBLISHED, "canada") == ""
    assert title_period("Wholesale trade in March 2025", PUBLISHED, "canada") == "2025-03"


def test_the_ends_of_a_span_in_a_title_are_its_period_not_its_date() -> None:
    from briefcmp.analysis.titleperiods import title_period

    # two periods (a fiscal year named, and the span of days): the title names none for sure
    assert title_period("FY2025 Results (April 1, 2024 through March 31, 2025)", PUBLISHED, "japan") == ""
