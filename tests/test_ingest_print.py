"""A page a browser printed to PDF ("Save as PDF", headers and footers on, Chromium's default): the
print header (date, time, page title) and footer (address, page counter "n/N") are dropped by their
shape on every page, a single one too; body lines holding a date or an address stay; the masthead
under the dropped header gives the publisher and date."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus import yamlsafe
from briefcmp.ingest import clean
from briefcmp.ingest.metadata import from_masthead

import ingest_docs as docs

pytest.importorskip("pdfplumber", reason="the 'add' extra is not installed: pip install '.[test]'")

PAGE_TITLE = "Tin Supply Under Strain: Myanmar's Wa State Halt"
HEADER = f"3/9/25, 4:05 PM {PAGE_TITLE}"
URL = "file:///home/ana/Downloads/tin-brief.html"
MASTHEAD = "Corran Institute for Resource Policy \u00b7 Policy Brief No. 12 \u00b7 9 March 2025"
BODY = [
    "Wa State authorities halted tin mining on 1 August 2023, pending a review of licences.",
    "A later notice dated 3/9/25, 4:05 PM set out the licence rules; it is posted at "
    "https://example.org/wa-notice and was reprinted by local papers.",
    "https://example.org/wa-notice",
    "Myanmar supplied about 77 percent of the tin ore China imported in 2022, so the halt pushed "
    "Chinese smelters to seek ore from Africa and South America.",
]
# Each page says something else (the same text on every page would be a running header).
PAGE_WORDS = ["tin", "ore", "smelter"]
PLACES = ["South America", "Australia", "Peru and Bolivia"]


def page_body(n: int) -> list[str]:
    return [p.replace("tin", PAGE_WORDS[n]).replace("wa-notice", f"{PAGE_WORDS[n]}-notice")
            .replace("A later", f"A later {PAGE_WORDS[n]}").replace("South America", PLACES[n]) for p in BODY]


def printed_pdf(path: Path, pages: int = 1, last_body_line: str = "") -> Path:
    """The brief as a browser prints it: small header and footer in the page margins, on every page."""
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 7)
            self.set_xy(6, 4)
            self.cell(0, 4, HEADER)
            self.set_y(self.t_margin)

        def footer(self) -> None:
            self.set_font("Helvetica", "", 7)
            self.set_xy(6, -8)
            self.cell(120, 4, URL)
            self.set_xy(-20, -8)
            self.cell(14, 4, f"{self.page_no()}/{{nb}}", align="R")

    pdf = Printed(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, MASTHEAD)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, PAGE_TITLE)
    pdf.ln(3)
    pdf.set_font("Times", "", 11)
    for n in range(pages):
        if n:
            pdf.add_page()
        for par in page_body(n):
            pdf.multi_cell(0, 5.5, par)
            pdf.ln(3)
    if last_body_line:
        pdf.set_y(-40)  # the last line of the text block, at body size, space above it
        pdf.multi_cell(0, 5.5, last_body_line)
    pdf.output(str(path))
    return path


def paragraphs(pdf: Path) -> list[str]:
    from briefcmp.ingest.pdf import extract_pdf

    return extract_pdf(pdf, pdf.read_bytes()).paragraphs


@pytest.mark.parametrize("pages", [1, 3])
def test_print_header_and_footer_are_dropped_on_every_page(tmp_path: Path, pages: int) -> None:
    got = paragraphs(printed_pdf(tmp_path / "tin.pdf", pages))
    text = "\n".join(got)
    assert HEADER not in text and "4:05 PM Tin" not in text
    assert not any(URL in p or p.strip() in {f"{n}/{pages}" for n in range(1, pages + 1)} for p in got), got
    assert got[0] == MASTHEAD and got[1] == PAGE_TITLE
    # body lines that hold a date, a time or an address inside the page stay, every time
    assert got[2:] == [p for n in range(pages) for p in page_body(n)]


def test_a_body_line_that_is_an_address_at_the_foot_of_the_text_stays(tmp_path: Path) -> None:
    got = paragraphs(printed_pdf(tmp_path / "tin.pdf", last_body_line="https://example.org/sources"))
    assert "https://example.org/sources" in got and URL not in "\n".join(got)


@pytest.mark.parametrize("line", [HEADER, "06/12/2026, 07:19 Minerals as Leverage", "2026-12-06 07:19 Title",
                                  "12/6/26, 7:19 AM"])
def test_print_header_shape(line: str) -> None:
    assert clean.is_print_header(line)


@pytest.mark.parametrize("line", ["On 3/9/25, 4:05 PM the ministry said", "Exports fell 12/6 percent",
                                  "10 December 2024", "12/6/26 was the day the rule took effect"])
def test_lines_that_are_not_print_headers(line: str) -> None:
    assert not clean.is_print_header(line)


@pytest.mark.parametrize("line, footer", [(URL, True), (f"{URL} 1/2", True), ("2/7", True),
                                          ("https://example.org/a b", False), (f"See {URL}", False),
                                          ("Source: https://example.org", False)])
def test_print_footer_shape(line: str, footer: bool) -> None:
    assert clean.is_print_footer(line) is footer


@pytest.mark.parametrize("text, publisher, published", [
    (f"{HEADER}\n{MASTHEAD}\n{PAGE_TITLE}", "Corran Institute for Resource Policy", "2025-03-09"),
    ("Harbour Institute for Economic Security \u2013 Policy Brief No. 41 \u2013 10 December 2024\nTitle here",
     "Harbour Institute for Economic Security", "2024-12-10"),
    ("Harbour Institute for Economic Security \u2014 10 December 2024\nTitle here",
     "Harbour Institute for Economic Security", "2024-12-10"),
    ("Corran Institute / Working Paper 3 / 2025-03-09\nTitle here", "Corran Institute", "2025-03-09"),
    ("Corran Institute \u2022 Working Paper 3 \u2022 9 March 2025\nTitle here", "Corran Institute", "2025-03-09"),
])
def test_masthead_separators_and_a_print_header_above(text: str, publisher: str, published: str) -> None:
    meta, _ = from_masthead(text)
    assert (meta.publisher, str(meta.published)) == (publisher, published)


@pytest.mark.parametrize("text", [
    "Vietnam's Power Plan \u2013 Build the Grid \u2013 10 March 2024\nTitle",  # a title with dashes
    "Build the Grid First \u2014 10 March 2024\nTitle",  # no organisation's name
    "Exports / imports rose in March 2024 / 2023\nTitle",
])
def test_dashes_and_slashes_need_an_organisation_name(text: str) -> None:
    meta, title = from_masthead(text)
    assert (meta.publisher, meta.published, title) == ("", None, "")


def brief_section(path: Path) -> dict:
    return yamlsafe.parse(path.read_text(encoding="utf-8"), str(path), [])["brief"]


def test_add_reads_the_masthead_under_a_dropped_print_header(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura", reason="the 'add' extra is not installed")
    corpus = tmp_path / "briefs"
    corpus.mkdir()
    (corpus / "briefcmp.yaml").write_text("format: 1\ntitle: Tin\n", encoding="utf-8")
    pdf = printed_pdf(tmp_path / "tin-brief.pdf")
    result = CliRunner().invoke(app, ["add", str(pdf), str(corpus)])
    assert result.exit_code == 0, result.output
    source = (corpus / "sources" / "tin-brief.txt").read_text(encoding="utf-8")
    assert source.splitlines()[0] == MASTHEAD and URL not in source and "1/1" not in source
    brief = brief_section(corpus / "tin-brief.claims.yaml")
    assert brief["publisher"] == "Corran Institute for Resource Policy"
    assert brief["published"] == "2025-03-09"
    assert brief["original"]["metadata_from"]["publisher"] == "text"


def test_chromium_print_with_its_default_header_and_footer(tmp_path: Path) -> None:
    exe = docs.chromium()
    if not exe:
        pytest.skip("chromium is not installed (.ci/run installs it): the Chromium print is not tested")
    page = tmp_path / "brief.html"
    page.write_text(f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{PAGE_TITLE}</title></head>"
                    f"<body><p>{MASTHEAD}</p><h1>{PAGE_TITLE}</h1>"
                    + "".join(f"<p>{p}</p>" for p in BODY) + "</body></html>", encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    with tempfile.TemporaryDirectory() as tmp:  # no --no-pdf-header-footer: the default print
        subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={pdf}", page.as_uri()],
                       check=True, capture_output=True, timeout=120, env={**os.environ, "HOME": tmp})
    got = paragraphs(pdf)
    assert got[0] == MASTHEAD and got[1] == PAGE_TITLE, got
    assert not any(page.as_uri() in p or p == "1/1" for p in got), got
    assert BODY[1] in got and "https://example.org/wa-notice" in got
