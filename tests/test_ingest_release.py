"""A one-page release as a statistics office or a central bank prints it: a letterhead in capitals,
a title, a dateline, two balanced columns, a table across the page with its caption, footnotes
(fpdf2; the text is written for this test). Its columns are read whole, its table row by row, and
`add` takes the publisher and the date from the letterhead."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.ingest.letterhead import from_letterhead
from briefcmp.ingest.pdf import extract_pdf

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD = FONT.with_name("DejaVuSans-Bold.ttf")

LEFT = [
    "Employment rose by 0.4 percent in the June quarter, the statistics office said today, after a flat "
    "reading in the March quarter. Hours worked rose by 0.9 percent over the same period.",
    "The unemployment rate fell to 4.1 percent, from 4.3 percent, as more people found work in "
    "construction and health care. The participation rate was steady at 71.2 percent.",
]
RIGHT = [
    "Average ordinary hourly earnings rose by 3.6 percent in the year to June, down from 4.2 percent in "
    "the year to March. Public-sector pay rose faster than private-sector pay.",
    "The next survey, covering the September quarter, will be published on 5 November 2025, with revised "
    "seasonal factors for the last five years.",
]
TABLE = [["", "Mar 2025", "Jun 2025"], ["Unemployment rate (%)", "4.3", "4.1"],
         ["Employment growth (%)", "0.0", "0.4"], ["Wage growth, annual (%)", "4.2", "3.6"]]


def release_pdf(path: Path) -> Path:
    fpdf = pytest.importorskip("fpdf")
    if not (FONT.exists() and BOLD.exists()):
        pytest.skip("DejaVu Sans is not installed")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("D", "", str(FONT))
    pdf.add_font("D", "B", str(BOLD))
    pdf.add_page()
    pdf.set_font("D", "", 13)
    pdf.cell(0, 7, "NATIONAL STATISTICS OFFICE | Labour Market Statistics", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("D", "", 8.5)
    pdf.cell(0, 5, "Release Services · 14 Harbour Street, Port Ellis · stats.example.org", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("D", "", 17)
    pdf.cell(0, 8, "Unemployment falls as hiring picks up", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("D", "", 9.5)
    pdf.cell(0, 6, "Port Ellis, 6 August 2025 · Embargoed to 10.45 am", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    with pdf.text_columns(ncols=2, gutter=8, text_align="J", balance=True) as cols:
        for p in ["Jobs"] + LEFT + ["Pay and hours"] + RIGHT:  # headings in the body's type, as plain text
            cols.write(text=p + "\n")
            cols.ln(2)
    pdf.ln(5)
    pdf.cell(0, 6, "Table 1: Headline labour market figures¹", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("D", "", 8.5)
    with pdf.table(col_widths=[70, 30, 30], text_align=["LEFT", "RIGHT", "RIGHT"], line_height=5.5) as t:
        for r in TABLE:
            row = t.row()
            for c in r:
                row.cell(c)
    pdf.ln(5)
    pdf.set_font("D", "", 7.5)
    pdf.multi_cell(0, 4, "¹ Seasonally adjusted. Employment growth is quarterly; wage growth is the change from a "
                   "year earlier.", new_x="LMARGIN", new_y="NEXT")
    pdf.set_auto_page_break(False)
    pdf.set_y(-15)  # the release's own footer in the bottom margin, with its page number
    pdf.cell(0, 5, "Labour Market Statistics: June 2025 quarter    Page 1", align="C")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    return release_pdf(tmp_path_factory.mktemp("release") / "labour.pdf")


def test_columns_under_a_letterhead_and_over_a_table_are_read_whole(release: Path):
    pars = extract_pdf(release, release.read_bytes()).paragraphs
    # each column paragraph whole and in reading order: the left column, then the right one
    body = [pars.index(p) for p in LEFT + RIGHT]
    assert body == sorted(body)
    # the letterhead, the title and the dateline are lines of their own, never run into the columns
    assert pars[:4] == ["NATIONAL STATISTICS OFFICE | Labour Market Statistics",
                        "Release Services · 14 Harbour Street, Port Ellis · stats.example.org",
                        "Unemployment falls as hiring picks up", "Port Ellis, 6 August 2025 · Embargoed to 10.45 am"]
    # a heading set in the body's own type is a paragraph of its own, at the top of a column or at its foot
    assert pars[4:6] == ["Jobs", LEFT[0]]
    assert pars[pars.index(RIGHT[0]) - 1] == "Pay and hours"


def test_a_table_across_the_columns_is_read_row_by_row_under_its_caption(release: Path):
    pars = extract_pdf(release, release.read_bytes()).paragraphs
    at = pars.index("Table 1: Headline labour market figures¹")
    assert pars[at + 1:at + 5] == ["Mar 2025 Jun 2025", "Unemployment rate (%) 4.3 4.1",
                                   "Employment growth (%) 0.0 0.4", "Wage growth, annual (%) 4.2 3.6"]
    assert at > pars.index(RIGHT[-1])  # after both columns, not inside one of them
    # the last footnote whole, without the page's footer run into it
    assert pars[-1] == ("¹ Seasonally adjusted. Employment growth is quarterly; wage growth is the change from a "
                        "year earlier.")


def test_the_letterhead_names_the_publisher_and_the_date():
    meta = from_letterhead("NATIONAL STATISTICS OFFICE | Labour Market Statistics\nRelease Services · 14 Harbour "
                           "Street\nUnemployment falls as hiring picks up\nPort Ellis, 6 August 2025 · Embargoed to "
                           "10.45 am\n" + LEFT[0])
    assert (meta.publisher, str(meta.published)) == ("National Statistics Office", "2025-08-06")
    # a think tank's brief: the name alone on the first line, the date among the series and the authors
    meta = from_letterhead("HARBOUR INSTITUTE FOR TRADE\nIndependent research\nTariffs and the port\n"
                           "Policy Brief No. 7 · 12 May 2025 · A. Writer and B. Writer\n" + RIGHT[0])
    assert (meta.publisher, str(meta.published)) == ("Harbour Institute for Trade", "2025-05-12")
    # a press office's release: the office on a line of fields under the title, the date on its own line
    meta = from_letterhead("Minister opens new port\n\nMinistry of Transport | Press Office\n3 March 2025\n\n" + LEFT[1])
    assert (meta.publisher, str(meta.published)) == ("Ministry of Transport", "2025-03-03")
    # a statement: its title, the institution alone on the next line, then the date on a line of its own
    meta = from_letterhead("Statement on Harbour Policy\nPort Authority of Ellis\nMarch 3, 2025\n\n" + LEFT[1])
    assert (meta.publisher, str(meta.published)) == ("Port Authority of Ellis", "2025-03-03")


def test_a_title_or_a_sentence_is_never_taken_for_a_publisher():
    # the title line itself, even in the words of an organisation, and a first line that is no letterhead
    assert from_letterhead("Central Bank Holds Rates\n6 August 2025\n" + LEFT[0],
                           title="Central Bank Holds Rates").publisher == ""
    assert from_letterhead("The central bank held rates on Tuesday.\n" + LEFT[0]).publisher == ""
    # a name alone under the title with no date line below it is a subtitle, not a letterhead
    assert from_letterhead("Harbour levies\nPort Authority Review\n" + LEFT[0]).publisher == ""
    # a date is one field of a short line, not a date a sentence of the body mentions
    assert from_letterhead(RIGHT[1]).published is None


def test_add_takes_the_letterhead(tmp_path: Path, release: Path):
    from typer.testing import CliRunner

    from briefcmp.cli.app import app
    from briefcmp.corpus import yamlsafe

    folder = tmp_path / "briefs"
    assert CliRunner().invoke(app, ["init", str(folder)]).exit_code == 0
    result = CliRunner().invoke(app, ["add", str(release), str(folder)])
    assert result.exit_code == 0, result.output
    assert "no publication date" not in result.output
    brief = yamlsafe.parse((folder / "labour.claims.yaml").read_text(encoding="utf-8"), "x", [])["brief"]
    assert (brief["publisher"], brief["published"]) == ("National Statistics Office", "2025-08-06")
    assert brief["title"] == "Unemployment falls as hiring picks up"
