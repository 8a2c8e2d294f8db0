"""A text's own date line read as its publication date: mastheads set apart by dashes or commas, and mastheads
in the outlet's own language."""

from __future__ import annotations

import pytest

from briefcmp.corpus.model import PartialDate
from briefcmp.corpus.sentences import prepare
from briefcmp.drafting.metadata import find_metadata

BODY = ("The statistics office said on Friday that output in the country grew faster than expected in the "
        "last quarter of the year, lifting the annual rate well above the forecasts of most economists polled.")


@pytest.mark.parametrize("line, expected", [
    ("The Harbour Daily Courier - Thursday, January 9, 2025", PartialDate(2025, 1, 9)),
    ("Institute for Coastal Economies - Policy Brief 3/2025 - 17 February 2025", PartialDate(2025, 2, 17)),
    ("Statistics Board - News release - Valletta, 16 January 2025", PartialDate(2025, 1, 16)),
    ("Lakeside news agency, Port Town, 30 January 2025", PartialDate(2025, 1, 30)),
    ("The Plateau Business Report, Thursday, 27 March 2025", PartialDate(2025, 3, 27)),
    ("Der Alpen-Kurier — Donnerstag, 6. März 2025 (English edition)", PartialDate(2025, 3, 6)),
    ("Le Quotidien du Lac (English edition) - Jeudi 16 janvier 2025", PartialDate(2025, 1, 16)),
    ("Rigas Vakars (English edition) — piektdiena, 2025. gada 28. februāris", PartialDate(2025, 2, 28)),
    ("Kauno žinios | 2025 m. kovo 1 d., šeštadienis", PartialDate(2025, 3, 1)),
    ("Reykjavik Morgunn (English edition) — miðvikudagur 20. nóvember 2024", PartialDate(2024, 11, 20)),
    ("Athens Markets Review, Σάββατο, 8 Μαρτίου 2025", PartialDate(2025, 3, 8)),
])
def test_a_masthead_dates_the_text(line, expected):
    text = f"Output grows faster than expected\n{line}\n\n{BODY}\n"
    assert find_metadata(prepare(text))[2] == expected


def test_a_date_in_running_text_is_no_publication_date():
    text = ("Output grows faster than expected\n\nThe office said - in a note dated 6 March 2025 and sent to banks, "
            "ministries and the press - that output in the country grew faster than expected in the last quarter.\n")
    assert find_metadata(prepare(text))[2] is None


def test_a_long_header_line_is_dated_by_its_last_field_only():
    line = ("Office of the Council of Ministers, Unit for Press and Quick Reaction, statement on the "
            "canal project, Capital City, 5 August 2024")
    assert find_metadata(prepare(f"Canal statement\n{line}\n\n{BODY}\n"))[2] == PartialDate(2024, 8, 5)
