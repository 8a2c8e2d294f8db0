"""Dates written in other languages' words, or in CJK numbers, as date lines print them (drafting.localdates),
and parse_date reading them when no English date is written."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st

from briefcmp.corpus.model import PartialDate
from briefcmp.drafting import localdates
from briefcmp.ingest.metadata import _date_line, parse_date


@pytest.mark.parametrize(("line", "expected"), [
    ("Martes 3 de junio de 2025", PartialDate(2025, 6, 3)),
    ("Quito, 10 de septiembre de 2024", PartialDate(2024, 9, 10)),
    ("Giovedì 6 marzo 2025 | 09:15", PartialDate(2025, 3, 6)),
    ("Porto, 21 de novembro de 2024", PartialDate(2024, 11, 21)),
    ("Mardi 4 février 2025", PartialDate(2025, 2, 4)),
    ("Wien, 7. April 2025", PartialDate(2025, 4, 7)),
    ("Kamis, 6 Februari 2025 | 14:02 WIB", PartialDate(2025, 2, 6)),
    ("Warszawa, 14 października 2024", PartialDate(2024, 10, 14)),
    ("Budapest, 2025. március 4.", PartialDate(2025, 3, 4)),
    ("Barcelona, 2 d'octubre de 2024", PartialDate(2024, 10, 2)),
    ("東京 2025年2月17日", PartialDate(2025, 2, 17)),
    ("서울 2025년 3월 5일", PartialDate(2025, 3, 5)),
    ("Novembro de 2024", PartialDate(2024, 11)),
])
def test_a_date_line_in_another_language_is_read(line: str, expected: PartialDate) -> None:
    assert parse_date(line) == expected
    assert _date_line(line)


def test_what_is_not_one_date_is_none() -> None:
    assert parse_date("31 de febrero de 2025") is None  # no such day
    assert parse_date("del 3 de marzo de 2025 al 9 de abril de 2025") is None  # two dates
    assert parse_date("Resumen de prensa") is None
    # an English date is read as before, and a line with words besides a date is no date line
    assert parse_date("Tuesday, March 4, 2025") == PartialDate(2025, 3, 4)
    assert not _date_line("El banco central recortó su tasa el 16 de diciembre de 2024 por tercera vez")


def test_a_month_of_two_languages_is_left_out() -> None:
    """A name that is one month in one language and another month in another is no month at all."""
    months = localdates._months()
    assert months["septiembre"] == 9 and months["gennaio"] == 1 and months["października"] == 10
    assert all(1 <= n <= 12 for n in months.values())


_piece = st.sampled_from(["10", "2024", "2025.", "31", "de", "del", "d'", "septiembre", "März", "Januari",
                          "szeptember", "年", "月", "日", "9", "년", "월", "일", ",", ".", " ", "é", "ß", "İ", "\n"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_piece, max_size=20).map("".join) | st.text(max_size=60))
@example("İ 10 de septiembre de 2024")
def test_find_never_fails_and_stays_inside_the_text(text: str) -> None:
    for a, b, d in localdates.find(text):
        assert 0 <= a < b <= len(text)
        assert d.start() is not None
