"""Periods written without a year, read against the publication date: a quarter or half named alone
("Q3", "the first half"), guidance for the one to come, "in the quarter" as the brief's own period, and
a title with no period dated by its lead."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.analysis import periods, titleperiods
from briefcmp.analysis.align import _brief_hints

DEC = date(2024, 12, 4)


def _resolve(sentence: str, figure: str, published: date = DEC) -> tuple[str, str]:
    i = sentence.index(figure)
    return periods.resolve(sentence, (i, i + len(figure)), published)


@pytest.mark.parametrize("title, published, expected", [
    ("Q3 GDP surprises again", DEC, "2024-07/2024-09"),
    ("Economy beats forecasts in Q3 as consumers keep spending", DEC, "2024-07/2024-09"),  # "forecasts": no guidance
    ("Q3 GDP surprises again", date(2024, 8, 30), "2023-07/2023-09"),  # this year's third quarter has not ended
    ("Sales slow in 2Q", DEC, "2024-04/2024-06"),
    ("First-half profit doubles", DEC, ""),  # (no period word this reads: "first-half" stays unread)
    ("Profit doubles in the first half", date(2024, 8, 1), "2024-01/2024-06"),
    ("Profit doubles in the second half of last year", date(2024, 8, 1), "2023-07/2023-12"),
    ("H1 2024 profit doubles", DEC, "2024-01/2024-06"),
    ("1H24 profit doubles", DEC, "2024-01/2024-06"),
    ("Q1-Q3 sales rise 5%", DEC, ""),  # nine months, not a quarter
    ("FY25 Q3 sales rise", DEC, ""),  # a quarter of a fiscal year no one says the start of: no period, not the year
    ("Wachstum im dritten Quartal: Q3 stark", DEC, "2024-07/2024-09"),  # non-ASCII around it
])
def test_a_quarter_or_half_with_no_year(title: str, published: date, expected: str) -> None:
    assert titleperiods.title_period(title, published) == expected


def test_guidance_is_for_the_quarter_to_come_and_an_outcome_for_the_one_ended() -> None:
    assert _resolve("Q4 guide: revenue of $26.1bn to $26.9bn.", "26.1")[0] == "2024-10/2024-12"
    assert _resolve("The company expects revenue of $26.1bn in the fourth quarter.", "26.1",
                    date(2024, 10, 17))[0] == "2024-10/2024-12"
    assert _resolve("Revenue rose 12% in the fourth quarter.", "12%", date(2025, 1, 16))[0] == "2024-10/2024-12"
    assert _resolve("Revenue rose 12% in the fourth quarter.", "12%", date(2024, 10, 17))[0] == "2023-10/2023-12"
    # "than expected" is no word of guidance
    assert _resolve("GDP grew 0.9% in the third quarter, more than expected.", "0.9%")[0] == "2024-07/2024-09"


@pytest.mark.parametrize("sentence, figure, noun", [
    ("GDP reached R$3.0 trillion in the quarter, the agency said.", "3.0", "quarter"),
    ("The dairy index gained 1.9 percent in the month.", "1.9", "month"),
    ("Net income for the period came to NT$325 billion.", "325", "period"),
    ("GDP had grown 6 percent in the same quarter a year earlier.", "6 percent", ""),  # another quarter
    ("Prices rose 7.3% on the month.", "7.3%", ""),  # a base: the change's, not a period
    ("Sales rose 5% in the year to June.", "5%", ""),
    ("Output fell 2%, while exports in the quarter rose 3%.", "2%", ""),  # another clause's
])
def test_the_period_named_by_its_length(sentence: str, figure: str, noun: str) -> None:
    i = sentence.index(figure)
    assert periods.the_period(sentence, (i, i + len(figure))) == noun


def test_lengths() -> None:
    assert periods.fits_length("2024-07/2024-09", "quarter") and not periods.fits_length("2024-07/2024-09", "month")
    assert periods.fits_length("2024-10", "month") and periods.fits_length("2024", "year")
    assert periods.fits_length("2024-04/2025-03", "year") and periods.fits_length("2024", "period")


def _member(period: str = "", how: str = "", the_period: str = ""):
    return SimpleNamespace(subjects=("brazil",), period=period, period_how=how, the_period=the_period, headline_from="",
                           headline="", hint="")


def test_a_figure_in_the_quarter_takes_the_period_of_the_title_or_the_lead() -> None:
    quarter, plain = _member(the_period="quarter"), _member()
    _brief_hints([quarter, plain], "Brazil: Q3 GDP surprises again", DEC)
    assert (quarter.period, quarter.period_how) == ("2024-07/2024-09", "named")
    assert (plain.period_how, plain.headline) == ("", "2024-07/2024-09")  # a hint only (evidence.adopt_release_periods)
    month = _member(the_period="month")
    _brief_hints([month], "Brazil: Q3 GDP surprises again", DEC)
    assert month.period_how == ""  # a month is not the title's quarter
    led = _member(the_period="quarter")
    _brief_hints([led], "Consumption keeps GDP growing", DEC,
                 "Brazil's economy grew 0.9% in the third quarter from the previous three months, beating forecasts.")
    assert (led.period, led.headline) == ("2024-07/2024-09", "2024-07/2024-09")
    two = _member(the_period="quarter")
    _brief_hints([two], "Consumption keeps GDP growing", DEC, "GDP grew 0.9% in the third quarter and 3.2% in 2023.")
    assert (two.period_how, two.headline) == ("", "")  # a lead with two periods names none


@given(st.text(max_size=300), st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
@settings(max_examples=200, deadline=None)
def test_period_readers_read_any_text(text: str, published: date) -> None:
    titleperiods.title_period(text, published)
    if text:
        periods.the_period(text, (0, 1))
        periods.resolve(text, (0, min(len(text), 3)), published)


def test_a_forecast_s_object_is_the_quarter_to_come_and_a_day_in_a_span_is_read() -> None:
    oct17 = date(2024, 10, 17)
    assert _resolve("TSMC forecast fourth-quarter revenue of $26.1 billion, above estimates.", "26.1",
                    oct17)[0] == "2024-10/2024-12"
    assert _resolve("The economy beat forecasts in the third quarter, growing 0.9%.", "0.9%",
                    oct17)[0] == "2024-07/2024-09"
    # "the three months to September 30, 2024" is the quarter, not the year its day is written with
    assert _resolve("For the three months to September 30, 2024, EPS was NT$12.54.", "12.54",
                    oct17) == ("2024-07/2024-09", "stated")
    assert _resolve("Sales for the six months ended June 30, 2024 rose 4%.", "4%", oct17)[0] == "2024-01/2024-06"


@pytest.mark.parametrize("sentence, figure, published, expected", [
    ("Over the last four quarters, the economy grew 3.1%.", "3.1%", DEC, "2023-10/2024-09"),
    ("In the first nine months of the year it was 3.3% larger.", "3.3%", DEC, "2024-01/2024-09"),
    ("In the first nine months of the year it was 3.3% larger.", "3.3%", date(2024, 9, 20), "2023-01/2023-09"),
    ("Sales in the first six months of 2024 rose 4%.", "4%", DEC, "2024-01/2024-06"),
    ("GDP rose 0.9% over the previous quarter.", "0.9%", DEC, ""),  # still a base
])
def test_spans_counted_from_the_start_or_back_from_publication(sentence, figure, published, expected) -> None:
    assert _resolve(sentence, figure, published)[0] == expected


def test_yesterday_is_the_day_before_publication_unless_it_dates_the_saying() -> None:
    friday = date(2024, 12, 13)
    assert _resolve("The ECB cut its deposit rate to 3 per cent yesterday.", "3 per", friday)[0] == "2024-12-12"
    assert _resolve("The bank said yesterday the rate was 3 per cent.", "3 per", friday)[0] == ""


def test_more_than_in_a_period_is_a_base_and_more_than_a_number_is_not() -> None:
    lead = ("Brazil's 2024/25 grain harvest is estimated at 339.6 million tonnes, 14.2% more than in the 2023/24 "
            "season.")
    assert titleperiods.title_period(lead, date(2025, 7, 10), "brazil") == "2024/2025"
    assert periods.has_base(lead)
    assert not periods.has_base("More than 100 people died in 2023.")


def test_a_period_after_over_is_the_base_when_the_sentence_states_another() -> None:
    s = "In the April-June quarter, the economy had grown 1.4% over January-March."
    assert _resolve(s, "1.4%")[0] == "2024-04/2024-06"
    assert _resolve("Sales rose 5% over January-March.", "5%")[0] == "2024-01/2024-03"  # the only period: its own


def test_growth_is_counted_by_calendar_year_in_a_budget_story_and_spending_by_fiscal_year() -> None:
    oct30 = date(2024, 10, 30)
    s = ("The Office for Budget Responsibility, the fiscal watchdog, raised its growth forecast for this year to "
         "1.1% and expects the economy to grow by 2% next year.")
    i, j = s.index("1.1%"), s.index("2% next")
    assert periods.resolve(s, (i, i + 4), oct30, "united-kingdom")[0] == "2024"
    assert periods.resolve(s, (j, j + 2), oct30, "united-kingdom")[0] == "2025"
    t = "Departmental spending in the budget will rise by 5% next year."
    k = t.index("5%")
    assert periods.resolve(t, (k, k + 2), oct30, "united-kingdom")[0] == "2025-04/2026-03"


def test_the_month_a_company_guided_in_dates_no_figure() -> None:
    s = ("Sales in the July-September period totaled NT$759.69 billion, while gross margin reached 57.8 percent, "
         "above the range the company had guided in July.")
    assert _resolve(s, "57.8", date(2024, 10, 17))[0] == "2024-07/2024-09"
    assert _resolve("The bank said in July that rates would stay at 5%.", "5%", date(2024, 10, 17))[0] == ""
