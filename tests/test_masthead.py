"""A "Publisher | Series | Date" first line: publisher, date and title, and nothing from lines of other forms."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from briefcmp.ingest.metadata import from_date_line, from_dateline, from_masthead


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


# The walk of 2026-12-06 (tests/fixtures/walk-s3): news copy and briefs print the headline first and
# the masthead under it; a statistics release states "Released: DATE" under a title naming the month
# it covers; a wire story opens with a dateline naming the agency.
@pytest.mark.parametrize("text, publisher, published, title", [
    ("Hiring stalls as older workers head for the exit\n\n"
     "The Maple Ledger | Saturday, October 8, 2022 | By Anita Rao, Economics Reporter\n\nCanada's ...",
     "The Maple Ledger", "2022-10-08", "Hiring stalls as older workers head for the exit"),
    ("The Four-Day Week and the Public Purse\n\nPortuguese Business Confederation \u2014 Position Paper \u2014 "
     "20 March 2024\n\nKey points", "Portuguese Business Confederation", "2024-03-20",
     "The Four-Day Week and the Public Purse"),
    ("Power Development Plan VIII approved\nMinistry of Industry and Trade, press release, 22 May 2023\n\nThe ...",
     "Ministry of Industry and Trade", "2023-05-22", "Power Development Plan VIII approved"),
])
def test_a_masthead_under_the_title_line(text, publisher, published, title) -> None:
    meta, found = from_masthead(text)
    assert (meta.publisher, str(meta.published), found, meta.title) == (publisher, published, title, title)


@pytest.mark.parametrize("text", [
    "A title\nExports rose 5 percent in 2023 | imports fell\nBody",  # prose with a bar
    "A title\nBuild the Grid First \u2014 10 March 2024\nBody",  # a dash without an organisation
    "Policy Brief No. 7 | 10 March 2024\nMekong Energy Institute | 2024\nBody",  # not under a title
    "A title\nExports rose, the ministry said, in May 2023\nBody",  # commas in prose
    "A title\nThe Maple Ledger, Saturday, October 8, 2022\nBody",  # commas need an organisation's name
])
def test_a_second_line_of_another_form_states_nothing(text) -> None:
    meta, title = from_masthead(text)
    assert (meta.publisher, meta.published, title) == ("", None, "")


@pytest.mark.parametrize("text, published", [
    ("Statistics Canada | The Daily\n\nLabour Force Survey, September 2022\n\nReleased: 2022-10-07\n\nBody",
     "2022-10-07"),
    ("Title\nPublished 12 March 2024\nBody", "2024-03-12"),
    ("Title\nDate of publication: 3 May 2023\nBody", "2023-05-03"),
    ("Title\nUpdated: 3 May 2023\nBody", "None"),  # an update is not the publication
    ("Stats NZ | Information release\n\nGDP: September 2024 quarter\n\nEmbargoed until 10:45am, 19 December 2024\n",
     "2024-12-19"),  # the embargo's end is the release's date, not the quarter its title names
    ("Title\nEMBARGOED: 3 May 2023\nBody", "2023-05-03"),
    ("Title\nReleased: the figures for May\nBody", "None"),
    ("Title\n" + "Body line\n" * 12 + "Released: 2022-10-07", "None"),  # too far down
])
def test_a_labelled_date_line(text, published) -> None:
    assert str(from_date_line(text).published) == published


@pytest.mark.parametrize("text, publisher, published", [
    ("Canada adds 21,000 jobs\nOTTAWA, Oct 7 (Canadian Wire Service) -\n\nBody", "Canadian Wire Service", "None"),
    ("TOKYO, Dec 22, 2024 (Reuters) \u2014 Japan's cabinet ...", "Reuters", "2024-12-22"),
    ("Headline\nSome sentence (with brackets) - and a dash\n", "", "None"),
])
def test_a_wire_dateline(text, publisher, published) -> None:
    meta = from_dateline(text)
    assert (meta.publisher, str(meta.published)) == (publisher, published)


@given(st.text(max_size=400))
def test_date_and_dateline_lines_read_any_text(text) -> None:
    assert len(from_dateline(text).publisher) <= 200
    from_date_line(text)


@pytest.mark.parametrize("html, publisher", [
    # the page's <title> is its headline (og:title) and the site's name after a bar
    ('<title>Jobs growth slows | Prairie Business Daily</title><meta property="og:title" content="Jobs growth slows">',
     "Prairie Business Daily"),
    ('<title>Jobs growth slows - Example News</title><meta property="og:title" content="Jobs growth slows">',
     "Example News"),
    ('<title>Jobs growth slows | Prairie Business Daily</title>', ""),  # no stated headline to split it by
    ('<title>A | B | C</title><meta property="og:title" content="A">', ""),  # more than one bar: no name
    ('<title>Jobs growth slows | Daily</title><meta property="og:title" content="Jobs growth slows">'
     '<meta property="og:site_name" content="Prairie Media Group">', "Prairie Media Group"),  # stated wins
])
def test_a_site_name_after_the_headline_in_the_page_title(html: str, publisher: str) -> None:
    pytest.importorskip("lxml")
    from briefcmp.ingest.htmlmeta import from_html

    meta = from_html(f"<html><head>{html}</head><body><p>Text</p></body></html>")
    assert meta.publisher == publisher
    assert meta.origin.get("publisher", "") == ("" if not publisher else
                                                 "html-meta" if "site_name" in html else "html-title")


# The walk of session 7 (a commentary, a ministry's PDF release): a publisher's series after its name, and a
# release's "For immediate release:" line.
@pytest.mark.parametrize("text, publisher, published", [
    ("Six hours that shook the capital\n\nEast Asia Institute Commentary | 5 December 2024\n\nBody",
     "East Asia Institute", "2024-12-05"),
    ("Reform the tariff\nHarbour Institute Policy Brief No. 12 | 3 May 2023\nBody", "Harbour Institute", "2023-05-03"),
    ("A title\nPeterson Institute for International Economics Working Paper 24-3 | 2 April 2024\nBody",
     "Peterson Institute for International Economics", "2024-04-02"),
])
def test_a_publisher_named_with_its_series(text, publisher, published) -> None:
    meta, _ = from_masthead(text)
    assert (meta.publisher, str(meta.published)) == (publisher, published)


def test_a_series_label_alone_is_still_no_publisher() -> None:
    assert from_masthead("Policy Brief | 10 March 2024\nTitle")[0].publisher == ""


@pytest.mark.parametrize("line", ["For immediate release: 4 December 2024", "FOR IMMEDIATE RELEASE 4 December 2024",
                                  "For release on 4 December 2024"])
def test_a_press_release_line_dates_the_release(line) -> None:
    assert str(from_date_line(f"Ministry of Finance\nPress Release\n{line}\n\nTitle\n\nBody").published) == "2024-12-04"
