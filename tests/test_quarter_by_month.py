"""A quarter named by its last month ("the September 2024 quarter", "the three months to June 2025") is the three
months that end with it, not the month (session 16: walk nz-gdp-2024q3 kept the bank's "Q3" figure from the
statistics office's "September 2024 quarter")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.drafting.dates import find_dates


@pytest.mark.parametrize("text, period", [
    ("Output shrank 0.4 percent in the March 2025 quarter.", "2025-01/2025-03"),
    ("Sales rose 2% in the three months to October 2024.", "2024-08/2024-10"),
    ("In the quarter ended February 2025 the index fell.", "2024-12/2025-02"),  # across the new year
    ("Exports rose 3% in October 2024.", "2024-10"),  # a month
    ("Prices rose in October 2024 quarter-on-quarter.", "2024-10"),  # a basis, not a quarter
    ("GDP fell 1.0 percent in the June 2025 quarter on a seasonally adjusted basis.", "2025-04/2025-06"),
    ("Prices rose in October 2024 quarter on previous quarter.", "2024-10"),
    ("Revenue jumped in the quarter ended 31 December 2024.", "2024-12-31"),  # a day stays a day
])
def test_a_quarter_named_by_its_last_month(text: str, period: str) -> None:
    assert [str(d.period) for d in find_dates(text)] == [period]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1990, max_value=2040))
def test_every_month_ends_its_quarter(month: int, year: int) -> None:
    import calendar

    (d,) = find_dates(f"Output fell in the {calendar.month_name[month]} {year} quarter.")
    start, end = d.period.span()
    assert (end.year, end.month) == (year, month)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == 2
