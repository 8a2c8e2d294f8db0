"""Which period a figure takes when its sentence names several (analysis.periods, periodbases)."""

from datetime import date

import pytest

from briefcmp.analysis import periods
from briefcmp.analysis.titleperiods import introduces


def _read(text: str, figure: str, published: date, country: str = "") -> tuple[str, str]:
    at = text.index(figure)
    return periods.resolve(text, (at, at + len(figure)), published, country)


@pytest.mark.parametrize("text, figure, expected", [
    # an expression right after the figure is nearer than one as far before its start
    ("The agency sees output rising 1.5% this year and 2.5% next year, as before.", "2.5%", "2025"),
    ("The agency sees output rising 1.5% this year and 2.5% next year, as before.", "1.5%", "2024"),
    # "next year" in a quarter or a half
    ("Prices should rise about 4% in the first half of next year.", "4%", "2025-01/2025-06"),
    ("Sales should rise 4% in next year's second quarter.", "4%", "2025-04/2025-06"),
    ("Sales grew 4% in the third quarter of last year.", "4%", "2023-07/2023-09"),
    # a period written right before the next figure is that figure's
    ("Output in the third quarter of 2024 was up 2.2% and in the second quarter at 1.9%.", "2.2%",
     "2024-07/2024-09"),
    ("Output in the third quarter of 2024 was up 2.2% and in the second quarter at 1.9%.", "1.9%",
     "2024-04/2024-06"),
])
def test_the_nearest_period_is_the_figures(text, figure, expected) -> None:
    assert _read(text, figure, date(2024, 11, 20))[0] == expected


def test_a_record_a_figure_is_off_is_a_base() -> None:
    text = "The jobless rate: 5.2%, off the June record of 5.6%."
    assert _read(text, "5.2%", date(2024, 11, 20)) == ("", "")
    assert _read(text, "5.6%", date(2024, 11, 20)) == ("2024-06", "relative")


def test_a_clause_after_as_ends_a_base() -> None:
    text = "The gap widened from 1.1% in 2022 as imports rose 6.4% while exports grew 2.0%."
    assert _read(text, "6.4%", date(2024, 3, 1)) == ("", "")
    assert _read(text, "1.1%", date(2024, 3, 1)) == ("2022", "stated")


def test_the_month_of_a_notification_dates_no_figure() -> None:
    text = "The deficit was 3.2% of GDP in 2023, the March notification showed, and debt reached 71.0%."
    assert _read(text, "71.0%", date(2024, 4, 20), "austria")[0] != "2024-03"


def test_a_line_ending_in_a_colon_introduces_its_list() -> None:
    assert introduces("Second-quarter figures, at a glance:")
    assert not introduces("Budget Estimates 2025-26")


def test_the_month_guidance_was_given_dates_no_figure() -> None:
    text = "FY24 revenue DKK 10.0bn (+12% CER), in line with the top of November guidance (+9-13% CER)."
    assert _read(text, "+12%", date(2025, 2, 5), "denmark")[0] != "2024-11"


def test_a_span_from_january_to_december_is_the_year() -> None:
    assert _read("Sales were 7 in the period 1 January 2024 to 31 December 2024.", "7", date(2025, 2, 5)) == \
        ("2024", "stated")
