"""When a brief was published: dates in numbers read by a part above 12, the order of the place beside
them (CLDR, through Babel) or the corpus; wire datelines in one pattern; a day with no year from the
corpus. Nothing that nothing decides is guessed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from briefcmp.analysis import datelines
from briefcmp.cli import app
from briefcmp.corpus import yamlsafe
from briefcmp.corpus.model import PartialDate
from briefcmp.ingest.metadata import (
    date_order, date_readings, from_dateline, from_masthead, parse_date, settle_date,
)

runner = CliRunner()


@pytest.mark.parametrize("text, expected", [
    ("23-10-2024 10:05 ET", "2024-10-23"),  # a part above 12 decides, with dashes as with slashes
    ("10/23/2024", "2024-10-23"),
    ("Posted On: 01 FEB 2025 1:05PM by Delhi Desk", "2025-02-01"),  # a label, a month in capitals
    ("PUBLISHED 3 MARCH 2023", "2023-03-03"),
    ("08.11.2024", "2024-11-08"),  # dots: day first
    ("03/12/2024", "None"),  # nothing in the date decides: not read here
    ("Friday, 12-31-2024", "2024-12-31"),
])
def test_dates_a_line_states(text: str, expected: str) -> None:
    assert str(parse_date(text)) == expected


def test_the_two_readings_of_a_date_in_numbers() -> None:
    assert date_readings("8/2/2024, 9:41 AM") == (PartialDate(2024, 2, 8), PartialDate(2024, 8, 2))
    assert date_readings("07-10-2025") == (PartialDate(2025, 10, 7), PartialDate(2025, 7, 10))
    assert date_readings("23/10/2024") is None  # decided by itself
    assert date_readings("05/05/2024") is None  # one date either way
    assert date_readings("3/4/2024 and 5/6/2024") is None  # two dates: not one publication date


@pytest.mark.parametrize("place, order", [
    ("Agência Brasil | Rio de Janeiro", "day"),  # a state of Brazil: pt_BR dd/MM/y
    ("Statistics Office of Viet Nam", "day"),
    ("Ha Noi", "day"),
    ("Rome", "day"),
    ("Washington", "month"),  # en_US M/d/yy
    ("Ottawa", ""),  # en_CA and fr_CA write the year first: they say nothing of d/m
    ("The Morning Ledger", ""),  # no place
    ("Rome | Washington", ""),  # two territories that disagree
    ("Tổng cục Thống kê | Hà Nội", "day"),  # accents folded: Ha Noi
    ("BRASILIA", "day"),  # a dateline's capitals; Brasília in the data
])
def test_the_order_of_the_place_beside_a_date(place: str, order: str) -> None:
    assert date_order(place)[0] == order


def _masthead(line: str):
    meta, _ = from_masthead(f"A title\n{line}\n\nBody text.")
    return meta


def test_a_date_in_numbers_read_in_the_order_of_its_place_and_checked_against_the_corpus() -> None:
    meta = _masthead("Agência Brasil | Rio de Janeiro | 03/12/2024")
    assert meta.publisher == "Agência Brasil" and meta.published is None and meta.order == "day"
    day, origin, note = settle_date(meta, "", ())
    assert (str(day), origin) == ("2024-12-03", "text") and "pt_BR" in note
    assert str(settle_date(meta, "", (date(2024, 12, 4),))[0]) == "2024-12-03"  # the corpus agrees
    day, _, note = settle_date(meta, "", (date(2024, 3, 13),))  # the corpus says 12 March: a conflict
    assert day is None and "left unread" in note


def test_a_masthead_with_no_place_takes_the_order_of_the_dateline_city_below_it() -> None:
    meta, _ = from_masthead("Economy grows\nThe Ledger | 03/12/2024\nBRASILIA (Reuters) - Brazil's GDP grew.\n")
    assert (meta.publisher, meta.order) == ("The Ledger", "day")
    assert str(settle_date(meta, "", ())[0]) == "2024-12-03"


def test_a_date_in_numbers_with_no_place_takes_the_one_reading_near_the_corpus() -> None:
    meta = _masthead("Morning Ledger | 8/2/2024, 9:41 AM")
    assert meta.order == ""
    day, origin, note = settle_date(meta, "", (date(2024, 8, 2), date(2024, 8, 3)))
    assert (str(day), origin) == ("2024-08-02", "corpus") and "near" in note
    day, _, note = settle_date(meta, "", ())  # nothing decides: never a guess
    assert day is None and "nothing decides" in note
    day, _, note = settle_date(meta, "", (date(2024, 2, 20), date(2024, 8, 10)))  # both readings near a brief
    assert day is None and "nothing decides" in note


@pytest.mark.parametrize("text, city, day, agency", [
    ("Title\nTOKYO, Dec 26 (Reuters) -\n\nBody", "TOKYO", (12, 26, 0), "Reuters"),
    ("Title\nTOKYO, Dec 22, 2024 (Reuters) \u2014 Body", "TOKYO", (12, 22, 2024), "Reuters"),
    ("Title\nROME, Oct. 4 (Xinhua) --\n\nBody", "ROME", (10, 4, 0), "Xinhua"),
    ("Title\nTASS | MOSCOW, October 14.\n\nBody", "MOSCOW", (10, 14, 0), ""),
    ("Title\nNew Delhi, Feb 1 (PTI)\n\nBody", "New Delhi", (2, 1, 0), "PTI"),
    ("Title\nNEW DELHI/OTTAWA, Sept 19 (Reuters) -\nBody", "NEW DELHI/OTTAWA", (9, 19, 0), "Reuters"),
    ("Title\nWASHINGTON (AP) \u2014 August 2, 2024\nBody", "WASHINGTON", (0, 0, 0), "AP"),
    ("Title\nSEOUL -- South Korea's exports rose.", "SEOUL", (0, 0, 0), ""),
    ("Title\nOTTAWA, Ontario, Oct 7 (Canadian Wire) -\nBody", "OTTAWA", (10, 7, 0), "Canadian Wire"),
])
def test_one_dateline_pattern(text, city, day, agency) -> None:
    found = datelines.find(text)
    assert found is not None
    assert (found.city, (found.month, found.day, found.year), found.agency) == (city, day, agency)


@pytest.mark.parametrize("text", [
    "Brazil: Q3 GDP surprises again\nBody",  # a headline with a colon, in title case
    "Headline\nSome sentence (with brackets) - and a dash\n",
    "Exports, Dec 3 figures were strong\n",  # a day in a sentence, no agency, not in capitals
    "São Paulo, 3 de dezembro\n",
])
def test_lines_that_are_no_dateline(text) -> None:
    assert datelines.find(text) is None


def test_a_day_with_no_year_takes_the_one_year_that_puts_it_near_the_corpus() -> None:
    assert datelines.day_in_corpus(10, 4, (date(2024, 11, 8),)) == date(2024, 10, 4)  # the release before
    assert datelines.day_in_corpus(10, 6, (date(2025, 1, 6),)) == date(2024, 10, 6)  # across the new year
    assert datelines.day_in_corpus(12, 26, (date(2023, 6, 1),)) is None  # half a year away: no year is near
    assert datelines.day_in_corpus(6, 1, (date(2023, 3, 1), date(2024, 9, 1))) is None  # two years are
    assert datelines.day_in_corpus(2, 30, (date(2024, 2, 20),)) is None  # no such day


def test_a_dateline_with_its_year_dates_the_brief_and_names_the_agency() -> None:
    meta = from_dateline("Title\nTOKYO, Dec 22, 2024 (Kyodo) -\nBody")
    assert (meta.publisher, str(meta.published)) == ("Kyodo", "2024-12-22")


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_date_readers_read_any_text(text: str) -> None:
    parse_date(text)
    readings = date_readings(text)
    assert readings is None or (len(readings) == 2 and readings[0] != readings[1])
    date_order(text)
    found = datelines.find(text)
    assert found is None or 0 <= found.month <= 12
    meta, _ = from_masthead(text)
    settle_date(meta, text, (date(2024, 1, 1),))


def test_a_long_line_of_separators_is_read_quickly() -> None:
    import time

    start = time.perf_counter()
    datelines.find(("A" * 50 + " | ") * 2000 + "\n" + "Q, " * 5000)
    date_readings("1/" * 50)
    assert time.perf_counter() - start < 1.0


# ---------------------------------------------------------------------------- end to end: briefcmp add


def _add(path: Path, corpus: Path):
    return runner.invoke(app, ["add", str(path), str(corpus), "--no-copy"])


def _published(claims_file: Path) -> tuple[str, str]:
    brief = yamlsafe.parse(claims_file.read_text(encoding="utf-8"), str(claims_file), [])["brief"]
    return str(brief.get("published")), brief.get("original", {}).get("metadata_from", {}).get("published", "")


def test_add_reads_dates_in_numbers_by_place_and_by_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    assert runner.invoke(app, ["init", str(corpus)]).exit_code == 0
    texts = {
        "wire": "Brazil's economy grows 0.9% in Q3\nBRASILIA, Dec 3 (Reuters) -\n\nBrazil's GDP grew 0.9% in the third quarter.\n",
        "agency": "Brazilian GDP grows 0.9% in third quarter\nAgência Brasil | Rio de Janeiro | 03/12/2024\n\n"
                  "Brazil's gross domestic product grew 0.9% in the third quarter, the statistics office said.\n",
        "daily": "Consumption keeps GDP growing\nThe Morning Ledger | 04/12/2024\n\nBrazil's GDP grew 0.9%.\n",
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    out = _add(paths["agency"], corpus)
    assert out.exit_code == 0, out.output
    assert _published(corpus / "agency.claims.yaml") == ("2024-12-03", "text")
    assert "read day first" in out.output and "pt_BR" in out.output
    out = _add(paths["wire"], corpus)
    assert _published(corpus / "wire.claims.yaml") == ("2024-12-03", "corpus")
    out = _add(paths["daily"], corpus)  # no place: the reading near the other briefs
    assert _published(corpus / "daily.claims.yaml") == ("2024-12-04", "corpus")
    assert "the one reading of it near" in out.output
    checked = runner.invoke(app, ["check", str(corpus)])
    assert "\n0 errors" in checked.output


def test_align_reads_a_date_in_numbers_add_left_unread_once_the_corpus_has_briefs_beside_it() -> None:
    text = "Consumption keeps GDP growing\nThe Morning Ledger | 04/12/2024\n\nBrazil's GDP grew 0.9%.\n"
    assert datelines.numbers_day(text, ()) is None  # added first: nothing decides
    assert datelines.numbers_day(text, (date(2024, 12, 3),)) == date(2024, 12, 4)
    placed = "GDP grows\nAgência Brasil | Rio de Janeiro | 04/12/2024\n\nBody.\n"
    assert datelines.numbers_day(placed, ()) == date(2024, 12, 4)
    assert datelines.numbers_day(placed, (date(2024, 4, 12),)) is None  # place and corpus disagree
    assert datelines.settle_numbers((PartialDate(2024, 12, 4), PartialDate(2024, 4, 12)), "", ()) == (None, "open")
