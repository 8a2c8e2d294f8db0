"""A "Publisher | Series | Date" first line: publisher, date and title, and nothing from lines of other forms."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from briefcmp.ingest.metadata import from_masthead


@pytest.mark.parametrize("text, publisher, published, title", [
    ("Mekong Energy Institute | Policy Brief No. 7 | 10 March 2024\n\nBuild the Grid First\n\nBody.",
     "Mekong Energy Institute", "2024-03-10", "Build the Grid First"),
    ("Kyodo News | 12 March 2024\nJapan joins SWIFT ban\nText", "Kyodo News", "2024-03-12", "Japan joins SWIFT ban"),
    ("Centre for Policy \u00b7 Working Paper 3 \u00b7 2023-11-02\nA title here", "Centre for Policy", "2023-11-02",
     "A title here"),
])
def test_masthead_lines(text, publisher, published, title) -> None:
    meta, found = from_masthead(text)
    assert (meta.publisher, str(meta.published), found) == (publisher, published, title)
    assert set(meta.origin.values()) == {"text"}


@pytest.mark.parametrize("text", [
    "Policy Brief No. 7 | 10 March 2024\nTitle",  # a series label is no publisher
    "Japan | 2023 | 2024\nTitle",  # two dates: not a masthead
    "A | B | C\nTitle",  # no date
    "Exports rose 5 percent in 2023 | imports fell\nTitle",
    "Vietnam's Power Plan - Build the Grid - 10 March 2024\nTitle",  # dashes are not separators
    "",
])
def test_other_first_lines_state_nothing(text) -> None:
    meta, title = from_masthead(text)
    assert (meta.publisher, meta.published, title, meta.origin) == ("", None, "", {})


@given(st.text(max_size=400))
def test_any_text_is_read_without_error(text) -> None:
    meta, title = from_masthead(text)
    assert len(meta.publisher) <= 200 and len(title) <= 300
