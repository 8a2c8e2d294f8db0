"""A period named by the month (or the day) it ends in: "the year ended 31 March 2025", "the quarter to June",
"FY3/25" (analysis.periods, periodpatterns)."""

from datetime import date

import pytest

from briefcmp.analysis import periods


def _read(text: str, figure: str, published: date, country: str = "") -> tuple[str, str]:
    at = text.index(figure)
    return periods.resolve(text, (at, at + len(figure)), published, country)


@pytest.mark.parametrize("text, figure, expected", [
    # a results statement, a wire story, a broker note: the day written before its month
    ("The group reports revenue of GBP 4.12bn for the twelve months to 31 March 2025.", "4.12bn", "2024-04/2025-03"),
    ("The retailer made a pre-tax profit of 310 million pounds in the year ended 28th February 2025.", "310 million",
     "2024-03/2025-02"),
    ("Underlying EBITDA: NZ$ 1.9bn for the six months ended 31 December 2024.", "1.9bn", "2024-07/2024-12"),
    # the year to December is the calendar year, written as every other report writes it
    ("The co-operative's turnover reached 2.2 billion euros in the year ended 31 December 2024.", "2.2 billion",
     "2024"),
])
def test_a_day_before_the_month_still_ends_the_span(text, figure, expected) -> None:
    assert _read(text, figure, date(2025, 5, 20)) == (expected, "stated")


@pytest.mark.parametrize("text, figure, expected", [
    ("The lender earned 812 million rand in the quarter ended 30 September 2024.", "812 million", "2024-07/2024-09"),
    ("Shipments climbed 6% in the third quarter ended September 30, 2024, the company said.", "6%", "2024-07/2024-09"),
    ("The ministry said receipts grew 3.1% in the half-year to June 2024.", "3.1%", "2024-01/2024-06"),
])
def test_a_quarter_or_a_half_to_a_month_is_its_months(text, figure, expected) -> None:
    assert _read(text, figure, date(2024, 11, 5)) == (expected, "stated")


def test_a_quarter_to_a_month_without_a_year_is_the_latest() -> None:
    text = "Card spending rose 2.4% in the quarter to September, the bank's tracker showed."
    assert _read(text, "2.4%", date(2024, 10, 14)) == ("2024-07/2024-09", "relative")


@pytest.mark.parametrize("text, figure", [
    ("Net sales: JPY 1,204bn in FY3/25, up 6% y/y.", "1,204bn"),
    ("Net sales: JPY 1,204bn in FY 3/2025, up 6% y/y.", "1,204bn"),
    ("FY25 (Mar YE) operating profit came in at S$1.1bn, ahead of our estimate.", "S$1.1bn"),
    ("We expect FY2025 (March year-end) EBIT of INR 41bn.", "41bn"),
])
def test_a_fiscal_year_named_with_its_last_month(text, figure) -> None:
    # under any country's fiscal year: the label says which months it spans
    for country in ("", "japan", "united-states"):
        assert _read(text, figure, date(2025, 5, 20), country) == ("2024-04/2025-03", "stated")


@pytest.mark.parametrize("text, figure", [
    ("The carrier made 640 million euros after tax in its financial year to 31 March.", "640 million"),
    ("Profit after tax for the fiscal year ended March 31 rose 12% to 88 billion yen.", "88 billion"),
    ("Earnings after minority interests reached 1.2 billion francs in the year to March.", "1.2 billion"),
])
def test_what_a_profit_is_after_is_no_comparison_base(text, figure) -> None:
    assert _read(text, figure, date(2025, 5, 20))[0] == "2024-04/2025-03"


def test_after_a_figure_is_still_a_base() -> None:
    text = "Output grew 0.4% in the fourth quarter after 0.2% in the third quarter."
    assert _read(text, "0.4%", date(2025, 2, 1))[0] == "2024-10/2024-12"
    assert _read(text, "0.2%", date(2025, 2, 1))[0] == "2024-07/2024-09"


@pytest.mark.parametrize("text, figure, published, expected", [
    # a central bank's estimate, a ministry's projection: the fiscal year running when they speak
    ("The central bank lowered its growth estimate for the fiscal year ending in March to 6.1%.", "6.1%",
     date(2024, 12, 6), "2024-04/2025-03"),
    ("The treasury expects the deficit to narrow to 4.4% of GDP in the fiscal year that ends in June.", "4.4%",
     date(2024, 9, 2), "2024-07/2025-06"),
    # an outcome: the year that has ended
    ("Operating profit for the financial year ending in August rose to 5.6 billion crowns.", "5.6 billion",
     date(2024, 10, 30), "2023-09/2024-08"),
    ("The utility's profit rose 8% in the fiscal year ended in March.", "8%", date(2024, 5, 10), "2023-04/2024-03"),
])
def test_a_year_ending_in_a_month_is_the_one_spoken_of(text, figure, published, expected) -> None:
    assert _read(text, figure, published)[0] == expected


def test_a_growth_rate_beside_prices_is_the_years() -> None:
    text = "The bank cut its growth forecast for the year to March to 6.3%, and raised its inflation projection."
    assert _read(text, "6.3%", date(2024, 12, 6))[0] == "2024-04/2025-03"
    # a price change over the year to a month is still that month's rate
    text = "Consumer prices rose 3.4% in the year to October, the statistics office said."
    assert _read(text, "3.4%", date(2024, 11, 20))[0] == "2024-10"
    text = "Food prices rose 2.9% in the year to December."
    assert _read(text, "2.9%", date(2025, 1, 20))[0] == "2024-12"


@pytest.mark.parametrize("text, figure, expected", [
    # a statistics office, a wire story, a broker note: January to the end of the quarters or months named
    ("In the first three quarters of 2024, value added in construction fell 1.8%.", "1.8%", ("2024-01/2024-09", "stated")),
    ("Tourist nights rose 4.2% in the first three quarters of the year, the office said.", "4.2%",
     ("2024-01/2024-09", "relative")),
    ("Exports grew 3% in the first two quarters, the ministry said.", "3%", ("2024-01/2024-06", "relative")),
    ("9M24 EBIT: EUR 412m, 3% below our estimate.", "412m", ("2024-01/2024-09", "stated")),
    ("Order intake for 9M 2024 reached EUR 6.1bn.", "6.1bn", ("2024-01/2024-09", "stated")),
])
def test_months_to_date_named_by_quarters_or_a_brokers_label(text, figure, expected) -> None:
    assert _read(text, figure, date(2024, 11, 20)) == expected


@pytest.mark.parametrize("text, figure, country, expected", [
    # a part of a fiscal year: its months, never the calendar's half nor the whole fiscal year
    ("Revenue from operations rose 9% to Rs 4,120 crore in H1 FY25.", "9%", "india", "2024-04/2024-09"),
    ("2H FY2024 EBITDA: INR 61bn, in line.", "61bn", "india", "2023-10/2024-03"),
    ("The ministry said tax receipts grew 11% in the first half of fiscal 2024-25.", "11%", "india", "2024-04/2024-09"),
    ("Group sales fell 2% in the second half of FY2025, the company said.", "2%", "japan", "2025-10/2026-03"),
    # a quarter of a year whose first month is not January crosses the calendar year
    ("Net sales in Q4 FY24 were EUR 9.6bn.", "9.6bn", "fy:02", "2024-11/2025-01"),
])
def test_a_part_of_a_fiscal_year(text, figure, country, expected) -> None:
    assert _read(text, figure, date(2024, 11, 20), country) == (expected, "stated")


def test_a_part_of_a_fiscal_year_no_one_says_the_start_of_is_no_period() -> None:
    text = "Revenue in the fourth quarter of fiscal 2024 was $5.2 billion, the chipmaker said."
    assert _read(text, "$5.2 billion", date(2024, 11, 20)) == ("", "")


def test_a_split_year_with_a_slash_is_read_as_both_years() -> None:
    from briefcmp.drafting.dates import find_dates

    (d,) = find_dates("The cooperative closed the 2023/24 marketing year with record intake.")
    assert (str(d.period), d.pattern) == ("2023/2024", "range")


@pytest.mark.parametrize("text, figure", [
    # a company's statement, a wire story, a ministry release: a figure in words under a split year
    ("The brewer ended the 2023/24 business year with a net profit of nearly two billion euros.",
     "nearly two billion euros"),
    ("Harvest receipts rose by about a fifth in 2023-24, the ministry said.", "about a fifth"),
])
def test_a_figure_in_words_under_a_split_year_is_left_to_align(text, figure) -> None:
    from briefcmp.corpus.model import PartialDate
    from briefcmp.drafting.figures import find_figures

    found = {text[f.start:f.end]: f for f in find_figures(text, published=PartialDate(2024, 11, 14))}
    assert figure in found and found[figure].as_of is None


@pytest.mark.parametrize("text, figure, published, expected", [
    # a retailer's report heading, a wire story, a broker note: a span of days, the year written once or not at all
    ("Net sales for 1 June – 31 August 2024: SEK 14.2bn, up 2% in local currencies.", "14.2bn", date(2024, 9, 26),
     ("2024-06/2024-08", "stated")),
    ("Revenue rose 6% to $2.3 billion between September 1 and November 30, 2024, the chain said.", "6%",
     date(2025, 1, 9), ("2024-09/2024-11", "stated")),
    # a trading update to a day of the month it is published in: this year's months, not last year's
    ("Like-for-like sales between 1 February and 9 March grew 5%, the group said.", "5%", date(2025, 3, 13),
     ("2025-02/2025-03", "relative")),
])
def test_a_span_of_days_is_its_months(text, figure, published, expected) -> None:
    assert _read(text, figure, published) == expected


def test_two_days_joined_by_and_are_no_span() -> None:
    text = "The fund paid its dividends on 1 March and 5 September."
    assert [value for *_, value, _ in periods._expressions(text, date(2025, 9, 20), "", "")] == ["2025-03", "2025-09"]


def test_over_a_period_before_the_figure_is_its_period() -> None:
    # a statistics office, a ministry: "over" a span that opens the sentence dates the figure after it
    text = "Over January to September, exports averaged 4.1% growth, the customs office said, short of this year's goal."
    assert _read(text, "4.1%", date(2024, 11, 7))[0] == "2024-01/2024-09"
    text = "Over the first three quarters, tax receipts rose 6.2%, the ministry said, ahead of this year's plan."
    assert _read(text, "6.2%", date(2024, 11, 7))[0] == "2024-01/2024-09"
    # after the figure it is what the change is measured against; "against" a period before it is a base too
    text = "In the April-June quarter, the economy grew 1.4% over January-March."
    assert _read(text, "1.4%", date(2024, 8, 1))[0] == "2024-04/2024-06"
    text = "Against July-September 2023, output was up 4% this year."
    assert _read(text, "4%", date(2024, 12, 3))[0] == "2024"


@pytest.mark.parametrize("text, figure, published, expected", [
    # a retailer's statement, a wire story: "from" a day to a day is the span, not a comparison base
    ("From 1 March to 14 April 2025, like-for-like sales rose 3.2%.", "3.2%", date(2025, 4, 30), "2025-03/2025-04"),
    ("Bookings rose 6% from September 1 to November 30, 2024, the group said.", "6%", date(2025, 1, 9),
     "2024-09/2024-11"),
])
def test_from_a_day_to_a_day_is_a_span(text, figure, published, expected) -> None:
    assert _read(text, figure, published)[0] == expected


def test_from_a_figure_or_a_day_alone_is_still_a_base() -> None:
    assert _read("Petrol rose to 1.74 from 1.69 in October.", "1.74", date(2024, 11, 5)) == ("", "")
    assert _read("Fares rose 2% from 1 March, when the levy took effect.", "2%", date(2025, 3, 20)) == ("", "")


def test_short_of_last_years_figure_is_a_base() -> None:
    # a newspaper on an annual result published in August: last year's record is another figure's period
    text = "Pre-tax profit of $1.9 billion was among the best on record, but fell short of last year's record."
    assert _read(text, "$1.9 billion", date(2024, 8, 30)) == ("", "")


@pytest.mark.parametrize("text, figure", [
    # a broker note, a results table, a wire summary: a currency code written onto the aside's figure
    ("DPS EUR0.92 (FY23: EUR0.85), a payout of 45%.", "EUR0.92"),
    ("Adjusted EBIT USD4.1bn (prior year: USD3.6bn), ahead of consensus.", "USD4.1bn"),
    ("Net cash SEK12.4bn (Q3 24: SEK10.9bn) after the disposal.", "SEK12.4bn"),
])
def test_an_aside_with_a_glued_currency_dates_only_its_own_figure(text, figure) -> None:
    assert _read(text, figure, date(2025, 2, 20)) == ("", "")


@pytest.mark.parametrize("text, figure", [
    ("Gross margin of 41.2% fell short of the previous year's 42.0%.", "41.2%"),
    ("Passenger numbers of 62 million came in just short of 2019 levels.", "62 million"),
])
def test_short_of_another_years_figure_dates_only_that_figure(text, figure) -> None:
    assert _read(text, figure, date(2025, 2, 20)) == ("", "")
