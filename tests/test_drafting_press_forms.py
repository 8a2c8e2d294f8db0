"""Figures the financial press writes that were never drafted (session 15, from the dev sets' undrafted gold
quotes): a band of digits ("a high single-digit percentage"), the Australian press's "$US26 billion", a run
counted with a numeral ("the 14th straight month") and a range glued to its unit ("780-850kt")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus.model import PartialDate
from briefcmp.corpus.sentences import prepare
from briefcmp.drafting.figures import find_figures
from briefcmp.drafting.homecurrency import bare_dollar


def drafted(text: str, published: PartialDate = PartialDate(2025, 2)) -> list[tuple]:
    return [(f.value.amount, f.value.upper, f.value.unit) for f in find_figures(prepare(text).text, published=published)
            if f.kind != "date"]


@pytest.mark.parametrize("text, expected", [
    ("The group expects sales to grow by a high single-digit percentage next year.", (7, 9, "percent")),
    ("Guidance: operating profit up low double digits.", (10, 13, "percent")),
    ("It targets a margin in the mid-single digits for the year.", (4, 6, "percent")),
    ("The miner now sees costs rising in the low-to-mid single digits.", (1, 6, "percent")),
    ("FY26 guide: revenue +high single digit %.", (7, 9, "percent")),
    ("Analysts expect margins in the mid-teens after the merger.", (14, 16, "percent")),
])
def test_a_band_of_digits_is_a_percentage_range(text: str, expected: tuple) -> None:
    assert expected in drafted(text)


@pytest.mark.parametrize("text", [
    "The chain will close a high single-digit number of stores.",
    "The goalkeeper, in his mid-teens, signed on Friday.",
    "The orchestra played in the high teens of the last century.",  # no rate in the clause
    "Mid and high double digits are words the press uses for two different bands.",
])
def test_a_band_that_is_no_percentage_is_not_drafted(text: str) -> None:
    assert not any(unit == "percent" for _a, _u, unit in drafted(text))


@pytest.mark.parametrize("text, expected", [
    ("Underlying EBITDA came to $US26 billion for the year.", (26, None, "USD")),
    ("Net debt rose to $US5.5 billion at the end of December.", (5.5, None, "USD")),
    ("The dairy exporter earned $NZ1.2 billion.", (1.2, None, "NZD")),
])
def test_the_sign_before_the_country_is_that_country_s_dollar(text: str, expected: tuple) -> None:
    got = [(a, u, unit) for a, u, unit in drafted(text)]
    assert expected in got


def test_a_marked_dollar_stays_american_in_an_australian_text() -> None:
    text = "SYDNEY, Feb 18 - The miner's profit fell to $US9.0 billion, while its local tax bill was $4 billion."
    i = text.index("$US")
    assert not bare_dollar(text, i, i + 12)
    j = text.index("$4")
    assert bare_dollar(text, j, j + 10)


@pytest.mark.parametrize("text, rank, of", [
    ("Exports rose for the 14th straight month in November.", 14, "straight month"),
    ("It was the central bank's 4th consecutive cut.", 4, "consecutive cut"),
    ("Displacement rose for the 12th year in a row.", 12, "year"),
])
def test_a_run_counted_with_a_numeral(text: str, rank: int, of: str) -> None:
    got = [(f.value.amount, f.value.unit) for f in find_figures(prepare(text).text, published=PartialDate(2025, 2))
           if f.kind == "rank"]
    assert (rank, of) in got


def test_a_date_written_with_an_ordinal_is_no_run() -> None:
    figures = find_figures(prepare("Trading resumed on the 14th of May after a pause.").text,
                           published=PartialDate(2025, 6))
    assert not any(f.kind == "rank" for f in figures)


@pytest.mark.parametrize("text, expected", [
    ("Copper output should reach 780-850kt in 2026.", (780, 850, "kt")),
    ("Developers plan 16-18GW of new capacity.", (16, 18, "GW")),
])
def test_a_range_glued_to_its_unit(text: str, expected: tuple) -> None:
    assert expected in drafted(text)


def test_a_score_or_a_network_is_no_range() -> None:
    assert not any(unit in ("G", "g") for _a, _u, unit in drafted("Operators will deploy 4-5G networks."))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("lowmidhgsn-eparct %0123456789$USA年억é ")), max_size=80))
def test_any_text_drafts_without_error(text: str) -> None:
    for f in find_figures(prepare("Revenue grew by " + text).text, published=PartialDate(2025, 2)):
        assert f.start <= f.end


def test_a_count_per_acre_is_a_yield_not_an_amount() -> None:
    got = drafted("Corn yield fell to 183.8 bushels per acre, and the crop to 15.1 billion bushels.",
                  published=PartialDate(2024, 11))
    assert (183.8, None, "bushels per acre") in got
    assert (15.1, None, "bushels") in got


def test_bands_written_reads_every_band_of_a_text() -> None:
    from briefcmp.drafting.digitbands import bands_written

    assert bands_written("revenue up high single digits, core EPS up low double digits") == [(7, 9), (10, 13)]
    assert bands_written("mid and high double digits, single-digit inflation") == []


@pytest.mark.parametrize("sentence, year", [
    ("The central bank next reviews the cash rate on February 19.", 2025),
    ("The next meeting is on February 19.", 2025),
    ("Data for the December quarter will be published in March.", 2025),
    ("The bank will cut again in February, economists say.", 2025),
    ("The bank said in February it would cut rates.", 2024),  # said then, of then
    ("Prices hit a record in February and may rise further.", 2024),
    ("The index will be revised in November.", 2024),  # a month before the date line's by less than three
])
def test_a_yearless_date_ahead_of_a_december_date_line(sentence: str, year: int) -> None:
    found = [f for f in find_figures(prepare(sentence).text, published=PartialDate(2024, 12, 19)) if f.kind == "date"]
    assert found and found[0].value.date.year == year


@pytest.mark.parametrize("sentence, kinds", [
    ("The Treasury's forecast of a 0.1% fall proved too rosy.", ["forecast"]),
    ("GDP fell 1.0%, well below forecasts of a 0.2% drop.", ["fact", "forecast"]),
    ("Expectations for a 25 basis point cut rose.", ["forecast"]),
    ("The first estimate of a 0.1% fall was revised.", ["fact"]),  # a statistical estimate is an outcome
])
def test_a_forecast_named_as_a_noun(sentence: str, kinds: list[str], tmp_path) -> None:
    from typer.testing import CliRunner

    from briefcmp.cli import app

    src = tmp_path / "note.txt"
    src.write_text("Title\nWellington, 19 December 2024 (Agency) -\n\n" + sentence + "\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["annotate", str(src)]).output
    assert [line.split(":")[1].strip() for line in out.splitlines() if line.strip().startswith("kind:")] == kinds


def test_the_tense_is_the_date_s_own_clause() -> None:
    text = "The Reserve Bank, which has already cut the cash rate to 4.25 per cent, next reviews it on February 19."
    found = [f for f in find_figures(prepare(text).text, published=PartialDate(2024, 12, 19)) if f.kind == "date"]
    assert found and found[0].value.date.year == 2025


def test_a_bracketed_base_s_year_dates_no_later_sentence() -> None:
    text = ("Operating profit came to EUR 10,971 million (2023: EUR 17,096 million). "
            "Net profit for the year totalled EUR 7,678 million (2023: EUR 12,165 million).")
    got = {f.value.amount: f.as_of for f in find_figures(prepare(text).text, published=PartialDate(2025, 3, 14))
           if f.kind == "money"}
    assert str(got[17096.0]) == "2023" and str(got[12165.0]) == "2023"
    assert got[7678.0] is None or str(got[7678.0]) != "2023"  # the year's figure, not the base's year
