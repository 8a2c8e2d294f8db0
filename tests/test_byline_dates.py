"""A new user's first briefs dated as outlets print them: "16-Dec-24" and "2024.12.16"; a saved page's
byline, which the main text leaves out; a Markdown title with its masthead under it; a wire dateline's
day, which is the brief's date and not a claim; a yearless dateline added before any brief near it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus import yamlsafe
from briefcmp.drafting.dates import find_dates
from briefcmp.ingest.htmlmeta import from_html
from briefcmp.ingest.metadata import parse_date

runner = CliRunner()


@pytest.mark.parametrize("text, expected", [
    ("16-Dec-24", "2024-12-16"),  # a broker note's date: two-digit year as strptime's %y reads it
    ("3-Sep-99", "1999-09-03"),
    ("16-Dec-2024", "2024-12-16"),
    ("2024.12.16", "2024-12-16"),  # the year first, as Korean and Japanese sites print it
    ("2024/12/16 10:02", "2024-12-16"),
    ("Published 16 December 2024, 10:02 GMT", "2024-12-16"),
    ("Mon 16 Dec 2024 10.02 GMT", "2024-12-16"),
    ("2024.13.16", "None"),  # no month 13
])
def test_date_forms_outlets_print(text: str, expected: str) -> None:
    assert str(parse_date(text)) == expected


def test_a_decimal_or_a_version_is_no_date() -> None:
    assert [d.pattern for d in find_dates("rose 2.5-Dec-24")] != ["dmy"]
    assert not [d for d in find_dates("version 2024.1.2.3") if d.pattern == "iso"]


def page(byline: str, head: str = "", after: str = "") -> str:
    return (f"<!doctype html><html><head>{head}<title>Rates held at 5% | The Harbour Times</title></head><body>"
            "<nav><a href='/'>Home</a> <span>4 January 2021</span></nav>"
            f"<article><header><h1>Rates held at 5%</h1>{byline}</header><p>The central bank held its policy rate at 5 per cent "
            "on Tuesday, saying that inflation, at 3.1 per cent in November, was still above its target and "
            "that it would keep policy tight well into next year.</p>"
            "<p>Economists had expected the hold. Most of them now see the first cut in the second half of next "
            "year, once wage growth has slowed and the housing market has cooled further.</p>"
            "<p>The governor said the board would watch the labour market closely, and that it was ready to act "
            "if unemployment rose faster than its staff forecast in their latest projections.</p></article>"
            f"<aside><h3>Related</h3><ul><li>Old story <span class='date'>3 March 2021</span></li></ul></aside>{after}"
            "</body></html>")


@pytest.mark.parametrize("byline, expected", [
    ("<p class='byline'>The Harbour Times | Tuesday, December 17, 2024</p>", "2024-12-17"),  # a masthead line
    ("<div>By A. Writer <time datetime='2024-12-16T10:02:12.000Z'>16 December 2024</time></div>", "2024-12-16"),
    ("<div><span>Published</span> <span>16 December 2024, 10:02 GMT</span></div>", "2024-12-16"),
    ("<dl><dt>Published</dt><dd>16 December 2024</dd></dl>", "2024-12-16"),  # a ministry's metadata list
    ("<details><summary>Mon 16 Dec 2024 10.02 GMT</summary>Last modified on Tue 17 Dec 2024</details>", "2024-12-16"),
    ("<p>By Jane Doe, Economics Correspondent, 16 December 2024</p>", "2024-12-16"),
    ("<time datetime='2024-12-18'>Updated</time><time pubdate datetime='2024-12-16'></time>", "2024-12-16"),
    ("<div>Updated 10:02 AM GMT, December 16, 2024</div>", "None"),  # an update is not the publication
    ("", "None"),  # the nav's and the related story's dates are not the article's
])
def test_the_date_a_saved_page_prints_under_its_headline(byline: str, expected: str) -> None:
    meta = from_html(page(byline))
    assert str(meta.published) == expected
    assert meta.origin.get("published") == ("html-byline" if expected != "None" else None)


def test_a_meta_tag_comes_before_the_byline() -> None:
    meta = from_html(page("<p>17 December 2024</p>",
                          head="<meta property='article:published_time' content='2024-12-16T10:02:00Z'>"))
    assert (str(meta.published), meta.origin["published"]) == ("2024-12-16", "html-meta")


def test_a_page_whose_headline_is_not_found_gives_no_byline_date() -> None:
    html = "<html><body><div>16 December 2024</div><p>Rates were held.</p></body></html>"
    assert from_html(html).published is None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="<>/ =\"'abdhilmnprtuy0123456789-:.,DecJT", max_size=300))
def test_any_page_text_reads_without_error(html: str) -> None:
    meta = from_html("<html><body><h1>T</h1>" + html + "</body></html>")
    assert meta.published is None or 1000 <= meta.published.year <= 9999


# --------------------------------------------------------------------------- add, as a user runs it

@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A new corpus, as a new user makes one."""
    result = runner.invoke(app, ["init", str(tmp_path / "briefs")])
    assert result.exit_code == 0, result.output
    return tmp_path / "briefs"


def add(*args) -> str:
    result = runner.invoke(app, ["add", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def brief_of(path: Path) -> dict:
    return yamlsafe.parse(path.read_text(encoding="utf-8"), str(path), [])["brief"]


def test_a_markdown_title_with_its_masthead_under_it(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("markdown_it")
    note = tmp_path / "harbour.md"
    note.write_text("Rates: the hold looks long; the curve disagrees\nHarbour Securities | Rates Research | 16-Dec-24\n\n"
                    "The policy rate was held at 5.00% in December.\n", encoding="utf-8")
    out = add(note, corpus)
    assert "no publication date" not in out
    brief = brief_of(corpus / "harbour.claims.yaml")
    assert brief["title"] == "Rates: the hold looks long; the curve disagrees"
    assert (brief["publisher"], str(brief["published"])) == ("Harbour Securities", "2024-12-16")


def test_a_saved_page_dated_only_by_its_byline(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    saved = tmp_path / "harbour-times.html"
    saved.write_text(page("<p class='byline'>The Harbour Times | Tuesday, December 17, 2024</p>"), encoding="utf-8")
    out = add(saved, corpus)
    assert "no publication date" not in out
    # add says what it read and where, so that a wrong date is seen at once
    assert 'stated: title "Rates held at 5%" (html-title); publisher The Harbour Times (html-title); ' \
           'published 2024-12-17 (html-byline)' in " ".join(out.split())
    brief = brief_of(corpus / "harbour-times.claims.yaml")
    assert (str(brief["published"]), brief["original"]["metadata_from"]["published"]) == ("2024-12-17", "html-byline")
    assert (brief["title"], brief["publisher"]) == ("Rates held at 5%", "The Harbour Times")  # <title> less its <h1>
    text = (corpus / "sources" / "harbour-times.txt").read_text(encoding="utf-8")
    assert text.startswith("Rates held at 5%\n\nThe central bank held")  # the headline the <header> held, once
    assert "Related" not in text and "4 January 2021" not in text
    checked = runner.invoke(app, ["check", str(corpus)])
    assert "\n0 errors" in checked.output  # the schema knows the origin


WIRE = ("Central bank holds rates at 5%\n\nLAGOS, Dec 16 (Reuters) - The central bank held its policy rate at 5% "
        "on Monday, the governor said after a two-day meeting of the committee.\n\n"
        "Inflation rose to 34.6% in November from 33.9% in October.\n")


def test_a_wire_datelines_day_is_not_a_claim(corpus: Path, tmp_path: Path) -> None:
    dated = tmp_path / "times.txt"
    dated.write_text("Rates held\nThe Harbour Times | 17 December 2024\n\nThe rate was held at 5% this week.\n",
                     encoding="utf-8")
    add(dated, corpus)
    wire = tmp_path / "wire.txt"
    wire.write_text(WIRE, encoding="utf-8")
    add(wire, corpus)
    claims = yamlsafe.parse((corpus / "wire.claims.yaml").read_text(encoding="utf-8"), "w", [])["claims"]
    assert not [c for c in claims if str((c.get("value") or {}).get("date")) == "2024-12-16"]  # the brief's date
    assert "5" in [(c.get("value") or {}).get("amount") for c in claims]  # the figures are drafted
    assert str(brief_of(corpus / "wire.claims.yaml")["published"]) == "2024-12-16"


def test_a_yearless_dateline_added_first_is_dated_by_the_next_brief(corpus: Path, tmp_path: Path) -> None:
    wire = tmp_path / "wire.txt"
    wire.write_text(WIRE, encoding="utf-8")
    out = add(wire, corpus)
    assert "no publication date with its year found" in out and "add then dates this one" in out
    assert "not stated: published (fill in the brief section)" in " ".join(out.split())
    assert "published" not in brief_of(corpus / "wire.claims.yaml")
    dated = tmp_path / "times.txt"
    dated.write_text("Rates held\nThe Harbour Times | 17 December 2024\n\nThe rate was held at 5% this week.\n",
                     encoding="utf-8")
    out = add(dated, corpus)
    assert "wire, added before: the dateline gives no year: took 2024" in out
    brief = brief_of(corpus / "wire.claims.yaml")
    assert (str(brief["published"]), brief["original"]["metadata_from"]["published"]) == ("2024-12-16", "corpus")
    # the months its figures name are read against that date, as when a brief is dated at add
    claims = yamlsafe.parse((corpus / "wire.claims.yaml").read_text(encoding="utf-8"), "w", [])["claims"]
    periods = {c["value"]["amount"]: str(c.get("as_of")) for c in claims if "amount" in (c.get("value") or {})}
    assert (periods["34.6"], periods["33.9"]) == ("2024-11", "2024-10")
    checked = runner.invoke(app, ["check", str(corpus)])
    assert "\n0 errors" in checked.output
    # a brief with a date, however it got it, is never touched again
    before = (corpus / "wire.claims.yaml").read_text(encoding="utf-8")
    other = tmp_path / "post.txt"
    other.write_text("Rates held again\nThe Harbour Post | 18 December 2024\n\nThe rate stayed at 5%.\n", encoding="utf-8")
    assert "added before" not in add(other, corpus)
    assert (corpus / "wire.claims.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize("line, publisher, published", [
    ("By Jane Doe | 16 Dec 2024", "", "2024-12-16"),  # an author's byline: the date, no publisher
    ("The Harbour Times | By Jane Doe | 16 Dec 2024", "The Harbour Times", "2024-12-16"),
    ("Harbour Securities | Rates Research | 16-Dec-24", "Harbour Securities", "2024-12-16"),
])
def test_a_masthead_with_a_byline(line: str, publisher: str, published: str) -> None:
    from briefcmp.ingest.metadata import from_masthead

    meta, _ = from_masthead("Rates held at 5%\n" + line)
    assert (meta.publisher, str(meta.published)) == (publisher, published)
