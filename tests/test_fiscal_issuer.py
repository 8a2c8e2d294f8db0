"""A fiscal year read by its issuer (analysis.fiscalissuer): a company's own year, a fiscal quarter, a span of days."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import fiscalissuer, periods
from briefcmp.analysis.titleperiods import headed_items


def _read(text: str, published: date, country: str) -> tuple[str, str]:
    at = text.rindex("7")
    return periods.resolve(text, (at, at + 1), published, country)


def test_a_company_whose_year_is_the_calendar_year_reads_fy24_as_2024() -> None:
    assert _read("Widget sales reached 7 in FY24.", date(2025, 2, 10), "fy:01") == ("2024", "stated")


def test_a_year_to_january_is_named_by_the_year_it_starts_in() -> None:
    assert _read("Widget sales reached 7 in FY24.", date(2025, 3, 12), "fy:02") == ("2024-02/2025-01", "stated")


def test_a_year_to_september_is_named_by_the_year_it_ends_in() -> None:
    assert _read("Orders came to 7 in fiscal 2024.", date(2024, 11, 14), "fy:10") == ("2023-10/2024-09", "stated")


def test_a_country_whose_year_is_the_calendar_year_still_reads_no_fy_label() -> None:
    assert _read("Exports came to 7 in FY24.", date(2024, 6, 1), "germany") == ("", "")


def test_a_quarter_of_a_fiscal_year_counts_from_the_issuer_first_month() -> None:
    assert _read("Q4 FY24 orders: 7", date(2024, 11, 14), "fy:10") == ("2024-07/2024-09", "stated")
    assert _read("FY25 Q3 orders: 7", date(2025, 2, 1), "india") == ("2024-10/2024-12", "stated")


def test_a_fiscal_quarter_of_an_unknown_issuer_is_no_period_and_never_its_year() -> None:
    assert _read("Q4 FY24 orders: 7", date(2024, 11, 14), "") == ("", "")


def test_a_span_of_days_is_read_as_its_months_even_in_parentheses() -> None:
    text = "Outlook for FY2025 (April 1, 2024 through March 31, 2025): sales of 7"
    assert _read(text, date(2024, 5, 8), "") == ("2024-04/2025-03", "stated")
    assert _read("Sales were 7 in the period 1 July 2023 to 30 June 2024.", date(2024, 8, 1), "") == \
        ("2023-07/2024-06", "stated")


def test_a_company_brief_says_where_its_year_ends() -> None:
    assert fiscalissuer.stated_end("Profit for the year to Jan. 31 rose", company=True) == {1}
    assert fiscalissuer.stated_end("Prices rose 3% in the year to January", company=False) == set()
    assert fiscalissuer.stated_end("FY23 (Jul-Jun) was weak", company=False) == {6}
    assert fiscalissuer.stated_end("the financial year ended 30 June", company=False) == {6}


def test_issuer_years_take_one_stated_end_else_the_calendar_year() -> None:
    years = fiscalissuer.issuer_years([
        (("acme-retail",), "Acme's net profit for the year to Jan. 31 rose 9%."),
        (("acme-retail",), "Acme Retail FY24: sales up 4%."),
        (("bolt-motors",), "Bolt Motors FY24: deliveries fell."),
        (("cobalt-works",), "Cobalt's fiscal year ended March 31; profit rose."),
        (("dyna-corp",), "the year to June was strong"), (("dyna-corp",), "the year to September was weak"),
        (("japan",), "Japan's exports in the year to March"),
    ])
    assert years == {"acme-retail": "fy:02", "bolt-motors": "fy:01"}


def test_the_fiscal_country_of_a_figure() -> None:
    years = {"acme-retail": "fy:02"}
    assert fiscalissuer.country_of(("acme-retail", "australia"), years) == "australia"
    assert fiscalissuer.country_of(("acme-retail",), years) == "fy:02"
    assert fiscalissuer.country_of(("germany",), years) == "germany"
    assert fiscalissuer.country_of((), years) == ""


class _M:
    def __init__(self, subjects, read, period, how):
        self.subjects, self.period_read, self.period, self.period_how = subjects, read, period, how


def test_reread_gives_a_figure_the_fiscal_year_of_its_settled_subject() -> None:
    text = "A deficit of 7 billion is forecast for 2024-25."
    at = text.index("7")
    m = _M(("australia",), (text, (at, at + 1), date(2024, 5, 15), "", "", "", "2024-04/2025-03", "stated"),
           "2024-04/2025-03", "stated")
    assert fiscalissuer.reread([m], {}) == [m]
    assert (m.period, m.period_how) == ("2024-07/2025-06", "stated")
    assert fiscalissuer.reread([m], {}) == []  # read once for its country
    settled = _M(("australia",), (text, (at, at + 1), date(2024, 5, 15), "", "", "", "2024-04/2025-03", "stated"),
                 "2025", "stated")
    assert fiscalissuer.reread([settled], {}) == [] and settled.period == "2025"  # a later step's period stands
    kept = _M(("acme",), (text, (at, at + 1), date(2024, 5, 15), "", "", "", "2024-04/2025-03", "stated"),
              "2024-04/2025-03", "stated")
    assert fiscalissuer.reread([kept], {}) == [] and kept.period == "2024-04/2025-03"  # a company no one dates


def test_a_line_ending_in_a_colon_heads_the_list_below_it() -> None:
    text = "Q4 FY24 (Jul-Sep) against our estimates:\n- Orders EUR 5.1bn\n- Revenue EUR 4.0bn\n"
    assert [h for h, _ in headed_items(text)] == ["Q4 FY24 (Jul-Sep) against our estimates:"] * 2
    # a sentence that runs on to a colon is no heading
    assert headed_items("The company said on Tuesday that its results for the year were these:\n- Orders EUR 5.1bn\n") == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Q4", "FY24", "FY2025", "(", ")", "April 1, 2024", "through", "March 31, 2025",
                                 "fiscal", "2024", "the", "year", "to", "Jan.", "31", "7", ":", "-", "Q1FY26"]),
                max_size=14),
       st.sampled_from(["", "fy:01", "fy:02", "fy:10", "india", "japan", "germany", "acme"]))
def test_reading_any_mix_of_fiscal_labels_gives_a_period_or_none(words, country) -> None:
    text = " ".join([*words, "7"])
    period, how = _read(text, date(2024, 11, 14), country)
    assert how in ("", "stated", "relative")
    assert not period or periods.months(period) or len(period) == 10
    assert fiscalissuer.stated_end(text, True) <= set(range(1, 13))


def test_a_year_is_the_fiscal_year_lying_eleven_months_in_it() -> None:
    assert _read("Net profit reached 7 in 2024.", date(2025, 3, 12), "fy:02") == ("2024-02/2025-01", "stated")
    assert _read("Net profit rose 7% last year.", date(2025, 3, 12), "fy:02") == ("2024-02/2025-01", "relative")
    assert _read("Net profit reached 7 in 2024.", date(2025, 1, 30), "fy:12") == ("2023-12/2024-11", "stated")
    assert _read("Net profit reached 7 in 2024.", date(2024, 11, 14), "fy:10") == ("2024", "stated")
