"""Parts of a year as releases write a year to date, and a comparison base's year, in drafted as-of dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.corpus.model import PartialDate
from briefcmp.drafting.dates import find_dates
from briefcmp.drafting.figures import find_figures


@pytest.mark.parametrize("text, written, period", [
    ("In the first nine months of 2024 sales rose.", "the first nine months of 2024", "2024-01/2024-09"),
    ("In January-September 2024 sales rose.", "January-September 2024", "2024-01/2024-09"),
    ("In January to October 2023 sales rose.", "January to October 2023", "2023-01/2023-10"),
    ("In Jan-Sep 2024 exports rose.", "Jan-Sep 2024", "2024-01/2024-09"),
    ("In the first three quarters of 2024, output grew.", "the first three quarters of 2024", "2024-01/2024-09"),
    ("In the first 11 months of 2023, exports rose.", "the first 11 months of 2023", "2023-01/2023-11"),
    ("In the nine months to September 2024, output rose.", "the nine months to September 2024", "2024-01/2024-09"),
    ("In the six months ended March 2025 profit fell.", "the six months ended March 2025", "2024-10/2025-03"),
])
def test_a_year_to_date_is_its_span_not_its_last_month(text, written, period):
    spans = [(text[d.start:d.end], str(d.period)) for d in find_dates(text)]
    assert (written, period) in spans


def test_twelve_months_to_a_month_stay_that_month_as_rates_are_dated():
    (d,) = find_dates("In the 12 months to June 2024, prices rose 3%.")
    assert str(d.period) == "2024-06"


def test_relative_year_to_date_reads_the_publication_year():
    text = "In the first 11 months of last year, exports rose."
    (d,) = find_dates(text, published=PartialDate(2025, 1, 15))
    assert str(d.period) == "2024-01/2024-11"


@pytest.mark.parametrize("published, period", [(PartialDate(2024, 11, 2), "2024-01/2024-09"),
                                               (PartialDate(2025, 2, 10), "2024-01/2024-09")])
def test_the_first_months_of_the_year_are_those_last_ended_at_publication(published, period):
    (d,) = find_dates("In the first nine months of the year output was 3.3% larger.", published=published)
    assert str(d.period) == period


@pytest.mark.parametrize("text", ["GDP expanded 0.9% from the previous three months.",
                                  "Prices were only 0.7 per cent higher than twelve months earlier.",
                                  "Sales rose 5% from two years ago."])
def test_a_length_naming_the_period_is_no_figure(text):
    assert [text[f.start:f.end] for f in find_figures(text)] in (["0.9%"], ["0.7 per cent"], ["5%"])


def test_a_length_claimed_stays_a_figure():
    text = "The ban lasted six months; exports hit a 14-month high."
    assert [text[f.start:f.end] for f in find_figures(text)] == ["six months", "14-month"]


def test_a_span_across_the_year_end_is_left_unknown_not_read_as_its_last_month():
    (d,) = find_dates("From November to February 2024 it rained.")
    assert d.period is None and d.pattern == "mspan"


def test_the_span_is_no_count_of_months():
    text = "In the first nine months of 2024 arrivals reached 2.77 million, with spending of 2.6 billion euros."
    figs = find_figures(text)
    assert [text[f.start:f.end] for f in figs] == ["2.77 million", "2.6 billion euros"]
    assert {str(f.as_of) for f in figs} == {"2024-01/2024-09"}


def test_the_year_after_more_than_in_is_a_base():
    text = "In 2024 arrivals reached 3.5 million, 19% more than in 2023, and visitors spent EUR 3.1 billion, 22% more."
    figs = {text[f.start:f.end]: str(f.as_of) for f in find_figures(text)}
    assert figs["EUR 3.1 billion"] == "2024" and figs["22%"] == "2024"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("JanuarySeptmbo 0123456789-–tohefirsnq年월é")), max_size=60))
def test_any_text_reads_without_error(text):
    for d in find_dates(text):
        assert 0 <= d.start < d.end <= len(text)
