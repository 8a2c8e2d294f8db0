"""`briefcmp add`: PDFs and saved web pages made here, end to end through the CLI and the loader."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus import anchor, yamlsafe
from briefcmp.corpus.load import load_corpus
from briefcmp.corpus.problems import Severity

import ingest_docs as docs

pytest.importorskip("pdfplumber", reason="the 'add' extra is not installed: pip install '.[test]'")
pytest.importorskip("trafilatura", reason="the 'add' extra is not installed: pip install '.[test]'")

runner = CliRunner()

CONFIG = """\
format: 1
title: Public services
topics:
  water:
    label: Water
    description: Water tariffs, utilities, leaks, groundwater and irrigation.
  health:
    label: Health
    description: Health budget, hospitals and primary care.
entities:
  lower-basin:
    label: Lower Basin
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    folder.mkdir()
    (folder / "briefcmp.yaml").write_text(CONFIG, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def fpdf_pdf(tmp_path_factory) -> Path:
    return docs.fpdf_brief(tmp_path_factory.mktemp("pdf") / "water-tariffs.pdf")


@pytest.fixture(scope="module")
def chromium_pdf(tmp_path_factory) -> Path:
    if not docs.chromium():
        pytest.skip("chromium is not installed (.ci/run installs it): the Chromium-printed PDF is not tested")
    return docs.chromium_pdf(docs.brief_html(), tmp_path_factory.mktemp("chromium") / "water-tariffs.pdf")


def add(*args: str):
    return runner.invoke(app, ["add", *map(str, args)])


def brief_section(claims_file: Path) -> dict:
    data = yamlsafe.parse(claims_file.read_text(encoding="utf-8"), str(claims_file), [])
    return data["brief"]


def assert_quotes_anchor(corpus: Path) -> int:
    """Load the corpus as `check` does: no errors at all (every quote found once)."""
    loaded = load_corpus([corpus], cache=False)
    errors = [p.format() for p in loaded.problems if p.severity == Severity.ERROR]
    assert errors == []
    claims = [c for b in loaded.corpus.briefs for c in b.claims if c.quote]
    assert all(c.span is not None for c in claims)
    return len(claims)


def assert_in_order(text: str, passages: list[str]) -> None:
    """Each passage is in the text whole (white space and typography aside), one after the other."""
    norm = anchor.normalise(text)
    at = 0
    for p in passages:
        i = norm.find(anchor.normalise(p), at)
        assert i >= 0, f"missing or out of order: {p[:60]}..."
        at = i + 1


# --------------------------------------------------------------------------- PDF


def test_two_column_pdf_comes_out_whole_in_reading_order(corpus: Path, fpdf_pdf: Path):
    result = add(fpdf_pdf, corpus, "--id", "water-2025")
    assert result.exit_code == 0, result.output
    text = (corpus / "sources" / "water-2025.txt").read_text(encoding="utf-8")
    assert_in_order(text, [docs.TITLE, docs.DATELINE] + [docs.plain(p) for p in docs.PARAGRAPHS])
    # the running header and the page numbers are gone; hyphenated words are whole
    assert docs.HEADER not in text and "Page 1" not in text and "Page 2" not in text
    assert "distribution mains" in text and "infrastructure" in text and "benchmarking regime" in text
    assert "rising-block" in text and "long-lived" in text
    # footnotes: the markers stay where they are, the notes are kept as paragraphs
    assert "EUR 2.4 billion.[1]" in text
    for note in docs.NOTES:
        assert f"\n{note}\n" in text
    # the notes at the foot of page 1 never cut the paragraph that runs on to page 2: they follow it
    before_notes = text[:text.index(docs.NOTES[0])].rstrip().rsplit("\n", 1)[-1]
    assert before_notes in [docs.plain(p) for p in docs.PARAGRAPHS]
    # one paragraph a line, a blank line between
    assert "\n\n".join(docs.plain(p) for p in docs.PARAGRAPHS[1:3]) in text
    assert assert_quotes_anchor(corpus) >= 20


def test_pdf_metadata_and_the_original(corpus: Path, fpdf_pdf: Path):
    result = add(fpdf_pdf, corpus)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output  # what the README says to do draws no warning
    kept = corpus / "originals" / "water-tariffs.pdf"
    assert f"kept the original as {kept}" in result.output
    assert kept.read_bytes() == fpdf_pdf.read_bytes()
    brief = brief_section(corpus / "water-tariffs.claims.yaml")
    assert brief["id"] == "water-tariffs"
    assert brief["title"] == docs.TITLE
    assert brief["published"] == "2025-03-14"
    assert brief["source"] == "sources/water-tariffs.txt"
    original = brief["original"]
    assert original["name"] == "water-tariffs.pdf" and original["type"] == "pdf"
    assert original["sha256"] == anchor.sha256(fpdf_pdf.read_bytes())
    assert original["path"] == "originals/water-tariffs.pdf"  # the copy, inside the corpus
    assert dict(original["metadata_from"]) == {"title": "pdf-metadata", "published": "text"}
    assert "publisher" not in brief  # the PDF's /Author is not a publisher: nothing invented


def test_pdf_without_metadata_takes_the_title_from_the_text(corpus: Path, tmp_path: Path):
    pdf = docs.fpdf_brief(tmp_path / "brief.pdf", title_metadata=False)
    assert add(pdf, corpus).exit_code == 0
    brief = brief_section(corpus / "brief.claims.yaml")
    assert brief["title"] == docs.TITLE
    assert dict(brief["original"]["metadata_from"]) == {"title": "text", "published": "text"}


def test_chromium_pdf_ligatures_soft_hyphens_and_footnote_markers(corpus: Path, chromium_pdf: Path):
    result = add(chromium_pdf, corpus, "--id", "water-chromium")
    assert result.exit_code == 0, result.output
    text = (corpus / "sources" / "water-chromium.txt").read_text(encoding="utf-8")
    expected = [docs.plain(p).replace("[1]", "1").replace("[2]", "2").replace("[3]", "3")
                for p in docs.PARAGRAPHS]
    assert_in_order(text, [docs.TITLE] + expected)
    assert docs.HEADER not in text and "Page " not in text
    assert "financed by steeper charges" in text  # the ligature glyph, mapped to a private-use code point
    assert "multi-year investment fund" in text and "non-residential users" in text
    assert brief_section(corpus / "water-chromium.claims.yaml")["title"] == docs.TITLE
    assert assert_quotes_anchor(corpus) >= 20


def test_original_inside_the_corpus_is_checked_for_changes(corpus: Path, fpdf_pdf: Path):
    kept = corpus / "originals" / "water.pdf"
    kept.parent.mkdir()
    shutil.copyfile(fpdf_pdf, kept)
    assert add(kept, corpus).exit_code == 0
    assert brief_section(corpus / "water.claims.yaml")["original"]["path"] == "originals/water.pdf"
    ok = runner.invoke(app, ["check", str(corpus)])
    assert "[original-" not in ok.output
    kept.write_bytes(kept.read_bytes() + b"\n% edited\n")
    changed = runner.invoke(app, ["check", str(corpus)])
    assert "[original-changed]" in changed.output and 'original "originals/water.pdf" changed' in changed.output
    kept.unlink()
    assert "[original-missing]" in runner.invoke(app, ["check", str(corpus)]).output


def test_an_unchanged_original_is_not_hashed_again(corpus: Path, fpdf_pdf: Path, monkeypatch):
    from briefcmp.corpus import load

    kept = corpus / "originals" / "water.pdf"
    kept.parent.mkdir()
    shutil.copyfile(fpdf_pdf, kept)
    assert add(kept, corpus).exit_code == 0
    assert "[original-" not in runner.invoke(app, ["check", str(corpus)]).output  # hashed, remembered
    opened = []
    real_open = open

    def spy(file, *args, **kwargs):
        opened.append(Path(file).name)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(load, "open", spy, raising=False)
    assert "[original-" not in runner.invoke(app, ["check", str(corpus)]).output
    assert "water.pdf" not in opened
    kept.write_bytes(kept.read_bytes() + b"%")  # changed: hashed again, and reported
    assert "[original-changed]" in runner.invoke(app, ["check", str(corpus)]).output
    assert "water.pdf" in opened


# --------------------------------------------------------------------------- web pages, Markdown, text


def test_saved_web_page_main_text_without_boilerplate(corpus: Path, tmp_path: Path):
    page = tmp_path / "health-budget.html"
    page.write_text(docs.health_page().replace(
        "</title>", '</title><link rel="canonical" href="https://observatory.example/health-2026">'),
        encoding="utf-8")
    result = add(page, corpus)
    assert result.exit_code == 0, result.output
    text = (corpus / "sources" / "health-budget.txt").read_text(encoding="utf-8")
    assert_in_order(text, docs.HEALTH_BODY)
    for boilerplate in docs.HEALTH_BOILERPLATE:
        assert boilerplate not in text
    assert "Related" not in text and "Accept" not in text
    brief = brief_section(corpus / "health-budget.claims.yaml")
    assert brief["title"] == docs.HEALTH_TITLE
    assert brief["publisher"] == "Civic Budget Observatory"
    assert brief["published"] == "2026-02-09"
    assert brief["url"] == "https://observatory.example/health-2026"
    assert dict(brief["original"]["metadata_from"]) == {
        "title": "json-ld", "publisher": "json-ld", "published": "json-ld", "url": "html-meta"}
    assert brief["original"]["type"] == "html"
    assert assert_quotes_anchor(corpus) >= 8


def test_blog_page_comments_sidebar_table_and_footnote(corpus: Path, tmp_path: Path):
    page = tmp_path / "rail-freight.html"
    page.write_text(docs.BLOG_PAGE, encoding="utf-8")
    assert add(page, corpus).exit_code == 0
    text = (corpus / "sources" / "rail-freight.txt").read_text(encoding="utf-8")
    for boilerplate in docs.BLOG_BOILERPLATE:
        assert boilerplate not in text
    assert "the steepest drop since 2009.1 Operators shifted" in text  # the footnote marker stays
    assert "\nQuarter | Tonnes (million)\n\nQ1 2025 | 21.4\n" in text and "---" not in text
    assert "\nNational Rail Statistics, quarterly bulletin.\n" in text
    brief = brief_section(corpus / "rail-freight.claims.yaml")
    assert (brief["title"], brief["publisher"], brief["published"]) == (
        "Rail Freight After the Strike", "Transport Policy Forum", "2025-11-03")
    assert_quotes_anchor(corpus)


def test_web_page_metadata_from_meta_tags_then_title(corpus: Path, tmp_path: Path):
    page = tmp_path / "page.htm"
    page.write_text(docs.health_page(json_ld=False), encoding="utf-8")
    assert add(page, corpus).exit_code == 0
    brief = brief_section(corpus / "page.claims.yaml")
    assert (brief["title"], brief["publisher"], brief["published"]) == (
        docs.HEALTH_TITLE, "Civic Budget Observatory", "2026-02-09")
    assert dict(brief["original"]["metadata_from"]) == {
        "title": "html-meta", "publisher": "html-meta", "published": "html-meta"}
    bare = tmp_path / "bare.html"
    bare.write_text(docs.health_page(json_ld=False, meta=False), encoding="utf-8")
    assert add(bare, corpus).exit_code == 0
    brief = brief_section(corpus / "bare.claims.yaml")
    # the <title> is the page's one <h1> and the site's name after a bar: the site is the publisher the
    # page states; no date invented
    assert (brief["title"], brief["publisher"]) == (docs.HEALTH_TITLE, "Civic Budget Observatory")
    assert "published" not in brief
    assert dict(brief["original"]["metadata_from"]) == {"title": "html-title", "publisher": "html-title"}


def test_markdown_with_front_matter(corpus: Path, tmp_path: Path):
    md = tmp_path / "clinic-note.md"
    md.write_text("---\ntitle: \"Clinics First\"\ndate: 2026-01-20\npublisher: Health Forum\n---\n"
                  "# Clinics First\n\nThe **2026** budget gives primary care [14 percent](https://x.example) "
                  "of health spending.\n\n- Waiting times rose to 19 days.\n- Rural districts lack weekend "
                  "clinics.\n", encoding="utf-8")
    assert add(md, corpus).exit_code == 0
    text = (corpus / "sources" / "clinic-note.txt").read_text(encoding="utf-8")
    assert text == ("Clinics First\n\nThe 2026 budget gives primary care 14 percent of health spending.\n\n"
                    "Waiting times rose to 19 days.\n\nRural districts lack weekend clinics.\n")
    brief = brief_section(corpus / "clinic-note.claims.yaml")
    assert (brief["title"], brief["publisher"], brief["published"]) == ("Clinics First", "Health Forum", "2026-01-20")
    assert set(dict(brief["original"]["metadata_from"]).values()) == {"front-matter"}
    assert_quotes_anchor(corpus)


def test_text_copied_from_a_pdf_is_mended(corpus: Path, tmp_path: Path):
    txt = tmp_path / "copied.txt"
    txt.write_text("Irrigation Review\n\nPublished 3 June 2024\n\nFarmers use the same canals and pay the sa\n"
                   "me low fee of 2 percent of cost; the canal bud-\nget is EUR 40 million.\n\n7\n",
                   encoding="utf-8")
    assert add(txt, corpus).exit_code == 0
    text = (corpus / "sources" / "copied.txt").read_text(encoding="utf-8")
    assert "pay the same low fee" in text and "canal budget is" in text and "\n7\n" not in text
    brief = brief_section(corpus / "copied.claims.yaml")
    assert brief["published"] == "2024-06-03" and brief["original"]["type"] == "txt"
    assert_quotes_anchor(corpus)


# --------------------------------------------------------------------------- errors that say what to do


@pytest.mark.parametrize("url", ["https://example.org/brief.pdf", "www.example.org/brief"])
def test_url_is_refused(corpus: Path, url: str):
    result = add(url, corpus)
    assert result.exit_code == 2
    assert "never fetches" in result.output and "save the page first" in result.output


def test_unsupported_type_and_missing_corpus(corpus: Path, tmp_path: Path):
    doc = tmp_path / "brief.docx"
    doc.write_bytes(b"PK\x03\x04")
    result = add(doc, corpus)
    assert result.exit_code == 2 and "unsupported type '.docx'" in result.output and "as PDF" in result.output
    txt = tmp_path / "a.txt"
    txt.write_text("Some text.\n", encoding="utf-8")
    result = add(txt, tmp_path / "nowhere")
    assert result.exit_code == 2 and "briefcmp init" in result.output
    fake = tmp_path / "fake.pdf"
    fake.write_text("<html>not a pdf</html>", encoding="utf-8")
    assert "not a PDF file" in add(fake, corpus).output


def test_encrypted_pdf(corpus: Path, tmp_path: Path):
    result = add(docs.encrypted_pdf(tmp_path / "locked.pdf"), corpus)
    assert result.exit_code == 2
    assert "encrypted" in result.output and "unprotected copy" in result.output
    assert not (corpus / "sources").exists()


def test_scanned_pdf_needs_ocr(corpus: Path, tmp_path: Path):
    result = add(docs.scanned_pdf(tmp_path / "scan.pdf"), corpus)
    assert result.exit_code == 2
    assert "needs OCR: run it through OCRmyPDF, then add the result" in result.output
    assert not list(corpus.glob("*.claims.yaml"))


def test_never_overwrites_without_force(corpus: Path, tmp_path: Path):
    txt = tmp_path / "note.txt"
    txt.write_text("Water Note\n\nLeaks cost 31 percent of treated water in 2024.\n", encoding="utf-8")
    assert add(txt, corpus).exit_code == 0
    claims = corpus / "note.claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "# reviewed by hand\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (claims, corpus / "sources" / "note.txt")}
    txt.write_text("Water Note\n\nLeaks cost 35 percent of treated water in 2025.\n", encoding="utf-8")
    result = add(txt, corpus)
    assert result.exit_code == 2 and "--force" in result.output and "exist" in result.output
    assert {p: p.read_bytes() for p in before} == before
    assert add(txt, corpus, "--force").exit_code == 0
    assert "35 percent" in (corpus / "sources" / "note.txt").read_text(encoding="utf-8")
    assert "# reviewed by hand" not in claims.read_text(encoding="utf-8")
    assert not [p for p in corpus.rglob("*.tmp")]


def test_bad_id(corpus: Path, tmp_path: Path):
    txt = tmp_path / "note.txt"
    txt.write_text("Some text of 3 percent.\n", encoding="utf-8")
    result = add(txt, corpus, "--id", "Bad Id")
    assert result.exit_code == 2 and "brief id" in result.output


def test_start_up_does_not_import_the_extraction_libraries():
    code = ("import sys, briefcmp.cli, briefcmp.ingest.add; "
            "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'trafilatura', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --------------------------------------------------------------------------- the original in the claims format


def test_drafts_pass_the_json_schema_and_a_bad_original_is_located(corpus: Path, tmp_path: Path):
    import json

    import jsonschema

    from briefcmp.schemas import schema_text

    page = tmp_path / "health.html"
    page.write_text(docs.health_page(), encoding="utf-8")
    assert add(page, corpus).exit_code == 0
    claims = corpus / "health.claims.yaml"
    data = yamlsafe.parse(claims.read_text(encoding="utf-8"), str(claims), [])
    schema = jsonschema.Draft202012Validator(json.loads(schema_text("claims")))
    assert list(schema.iter_errors(data)) == []
    text = claims.read_text(encoding="utf-8")
    bad = text.replace("    type: html\n", "    type: docx\n    pages: 3\n").replace(
        "title: json-ld", "title: guessed")
    claims.write_text(bad, encoding="utf-8")
    found = {(p.rule, p.line) for p in load_corpus([corpus], cache=False).problems if p.severity == Severity.ERROR}
    lines = bad.splitlines()
    line_of = lambda s: next(i for i, l in enumerate(lines, 1) if l.strip().startswith(s))  # noqa: E731
    assert found == {("bad-value", line_of("type: docx")), ("unknown-field", line_of("pages:")),
                     ("bad-value", line_of("title: guessed"))}
    assert list(schema.iter_errors(yamlsafe.parse(bad, str(claims), [])))


def test_the_source_text_is_taken_back_when_the_draft_cannot_be_written(corpus: Path, tmp_path: Path):
    txt = tmp_path / "note.txt"
    txt.write_text("Water Note\n\nLeaks cost 31 percent of treated water in 2024.\n", encoding="utf-8")
    (corpus / "note.claims.yaml").mkdir()  # in the way of the claims file, even with --force
    result = add(txt, corpus, "--force")
    assert result.exit_code == 2 and "note.claims.yaml" in result.output
    assert "Traceback" not in result.output
    assert not (corpus / "sources" / "note.txt").exists()


def test_without_the_add_extra_the_error_says_how_to_install_it(corpus: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # as if it were not installed
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>", encoding="utf-8")
    for original in (pdf, page):
        result = add(original, corpus)
        assert result.exit_code == 2 and "pip install '.[add]'" in result.output and "briefcmp[" not in result.output


def test_no_copy_keeps_the_original_outside_and_says_so(corpus: Path, fpdf_pdf: Path):
    result = add(fpdf_pdf, corpus, "--no-copy")
    assert result.exit_code == 0, result.output
    assert "outside the corpus" in result.output and not (corpus / "originals").exists()
    assert "path" not in brief_section(corpus / "water-tariffs.claims.yaml")["original"]


def test_the_copied_original_is_checked_and_never_silently_replaced(corpus: Path, fpdf_pdf: Path, tmp_path: Path):
    assert add(fpdf_pdf, corpus).exit_code == 0
    kept = corpus / "originals" / "water-tariffs.pdf"
    assert "[original-" not in runner.invoke(app, ["check", str(corpus)]).output
    kept.write_bytes(kept.read_bytes() + b"%% edited\n")
    assert "[original-changed]" in runner.invoke(app, ["check", str(corpus)]).output
    # another file of the same name: refused without --force (an original is evidence)
    other = tmp_path / "elsewhere" / "water-tariffs.pdf"
    other.parent.mkdir()
    other.write_bytes(fpdf_pdf.read_bytes())
    refused = add(other, corpus, "--id", "water-2")
    assert refused.exit_code == 2 and "exists with other content" in refused.output
    assert not (corpus / "water-2.claims.yaml").exists() and not (corpus / "sources" / "water-2.txt").exists()
    assert add(other, corpus, "--id", "water-2", "--force").exit_code == 0
    assert kept.read_bytes() == fpdf_pdf.read_bytes()


def test_publisher_and_date_from_a_masthead_line(corpus: Path, tmp_path: Path):
    text = (Path(__file__).parent / "fixtures" / "daily" / "mekong-brief.txt").read_text(encoding="utf-8")
    pdf = docs.text_pdf(text, tmp_path / "mekong.pdf")
    result = add(pdf, corpus)
    assert result.exit_code == 0, result.output
    brief = brief_section(corpus / "mekong.claims.yaml")
    assert brief["publisher"] == "Mekong Energy Institute"
    assert brief["published"] == "2024-03-10"
    assert brief["title"] == "Vietnam's Power Plan: Build the Grid Before the Panels"
    assert dict(brief["original"]["metadata_from"]) == {"title": "text", "publisher": "text", "published": "text"}


def claims_of(claims_file: Path) -> list[dict]:
    return yamlsafe.parse(claims_file.read_text(encoding="utf-8"), str(claims_file), [])["claims"]


def test_the_stated_release_date_is_the_publication_date(corpus: Path, tmp_path: Path):
    # A release titled by the month it covers, with its own "Released:" line: the publication date is
    # the release date (not "September 2022" from the title).
    text = tmp_path / "lfs.txt"
    text.write_text("Statistics Canada | The Daily\n\nLabour Force Survey, September 2022\n\nReleased: 2022-10-07\n\n"
                    "Total hours worked decreased 0.6% in September.\n", encoding="utf-8")
    assert add(text, corpus).exit_code == 0
    brief = brief_section(corpus / "lfs.claims.yaml")
    assert brief["published"] == "2022-10-07" and brief["original"]["metadata_from"]["published"] == "text"
    hours = [c for c in claims_of(corpus / "lfs.claims.yaml") if (c.get("value") or {}).get("amount") == "0.6"]
    assert [c.get("as_of") for c in hours] == ["2022-09"]


def test_a_web_page_date_reads_the_month_named_without_a_year(corpus: Path, tmp_path: Path):
    # The page states its date only in its meta tags: "in September" is drafted against it.
    pytest.importorskip("trafilatura", reason="the 'add' extra is not installed")
    page = Path(__file__).parent / "fixtures" / "walk-s3" / "lfs" / "prairie-business.html"
    assert add(page, corpus).exit_code == 0
    brief = brief_section(corpus / "prairie-business.claims.yaml")
    assert brief["published"] == "2022-10-07"
    jobs = [c for c in claims_of(corpus / "prairie-business.claims.yaml") if (c.get("value") or {}).get("amount") == "21000"]
    assert [c.get("as_of") for c in jobs] == ["2022-09"]
    text = (corpus / "sources" / "prairie-business.txt").read_text(encoding="utf-8")
    assert "cookies" not in text and "Related stories" not in text and "1-800" not in text


def test_a_brief_without_a_dated_line_is_reported(corpus: Path, tmp_path: Path):
    # A wire story's dateline has no year ("OTTAWA, Oct 7 (...) -"): nothing is guessed, and add says so.
    wire = Path(__file__).parent / "fixtures" / "walk-s3" / "lfs" / "cws-wire.txt"
    result = add(wire, corpus)
    assert result.exit_code == 0, result.output
    assert "no publication date with its year found; add `published:`" in result.output
    brief = brief_section(corpus / "cws-wire.claims.yaml")
    assert "published" not in brief and brief["publisher"] == "Canadian Wire Service"
    dated = tmp_path / "dated.txt"
    dated.write_text("A title\nKyodo News | 12 March 2024\n\nExports rose 5% in February.\n", encoding="utf-8")
    assert "no publication date" not in add(dated, corpus).output


def test_a_yearless_wire_dateline_takes_the_year_of_the_briefs_beside_it(corpus: Path, tmp_path: Path):
    # "NEW DELHI/OTTAWA, Sept 19 (Reuters) -" gives no year: a brief of the same week fixes it (marked
    # `corpus`, and add says so); with no brief near that day nothing is taken and add says that instead.
    note = tmp_path / "note.txt"
    note.write_text("Water tariffs rise\nThe Basin Review | Commentary | 22 September 2023\n\n"
                    "The Lower Basin utility raised water tariffs by 4% in September.\n", encoding="utf-8")
    wire = tmp_path / "wire.txt"
    wire.write_text("Basin utility lifts tariffs\nNEW DELHI/OTTAWA, Sept 19 (Reuters) -\n\n"
                    "The Lower Basin utility raised its water tariffs by 4% on Tuesday.\n", encoding="utf-8")
    assert add(note, corpus).exit_code == 0
    result = add(wire, corpus)
    assert result.exit_code == 0, result.output
    assert "the dateline gives no year: took 2023" in result.output
    brief = brief_section(corpus / "wire.claims.yaml")
    assert (brief["published"], brief["original"]["metadata_from"]["published"]) == ("2023-09-19", "corpus")
    checked = runner.invoke(app, ["check", str(corpus)])
    assert checked.exit_code in (0, 1) and "\n0 errors" in checked.output  # the schema knows the origin

    far = corpus.parent / "far"
    far.mkdir()
    (far / "briefcmp.yaml").write_text(CONFIG, encoding="utf-8")
    note.write_text(note.read_text(encoding="utf-8").replace("22 September 2023", "2 March 2023"), encoding="utf-8")
    assert add(note, far).exit_code == 0
    result = add(wire, far)
    assert "no publication date with its year found" in result.output
    assert "published" not in brief_section(far / "wire.claims.yaml")


def test_a_release_with_a_letterhead_and_a_page_header_in_small_type(corpus: Path, tmp_path: Path):
    # A ministry's release as PDF: a small running header naming the country and ministry, a letterhead of
    # three short lines (name, "Press Release", the release line), then the headline in large bold type. The
    # title is the headline (not the first line), the letterhead's lines stay lines of their own, and the
    # release line dates it. (Session 7's walk: all three were wrong, three hand edits.)
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, "Republic of Korea | Ministry of Finance", align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.set_font("Helvetica", size=10)
    for line in ("Ministry of Finance", "Press Release", "For immediate release: 4 December 2024"):
        pdf.multi_cell(0, 5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, "Government to supply liquidity until markets settle", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", size=10)
    pdf.ln(3)
    body = ("The finance minister chaired an emergency meeting at 7 a.m. with the heads of the central bank and "
            "the financial regulators, who agreed that markets unsettled overnight have been returning to "
            "stability. The government will supply liquidity to the bond and currency markets as needed.")
    pdf.multi_cell(0, 5, body, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    path = tmp_path / "release.pdf"
    pdf.output(str(path))
    assert add(str(path), corpus).exit_code == 0
    brief = brief_section(corpus / "release.claims.yaml")
    assert brief["title"] == "Government to supply liquidity until markets settle"
    assert (brief["publisher"], brief["published"]) == ("Ministry of Finance", "2024-12-04")
    text = (corpus / "sources" / "release.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    assert "Press Release" in paragraphs and "Ministry of Finance" in paragraphs
    assert body in paragraphs  # the wrapped body stays one paragraph
