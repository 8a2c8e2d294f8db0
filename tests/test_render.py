"""Rendering: golden files for every command and format, and the rules every format keeps.

Regenerate the golden files after an intended change with:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render.py
then review the diff of tests/golden/.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from briefcmp import __version__
from briefcmp.analysis.crossref import analyse, detail
from briefcmp.corpus.load import load_corpus
from briefcmp.render import compare, coverage, listing, show
from briefcmp.render.layout import PLAIN_WIDTH, md_escape

FIXTURES = Path(__file__).parent / "fixtures" / "crossref"
GOLDEN = Path(__file__).parent / "golden"
SCHEMA = json.loads((Path(__file__).parent.parent / "briefcmp" / "schemas" / "report.schema.json").read_text())
FORMATS = ("table", "plain", "json", "jsonl", "csv", "markdown")
EXT = {"table": "table.txt", "plain": "txt", "json": "json", "jsonl": "jsonl", "csv": "csv", "markdown": "md"}
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def corpus(monkeypatch):
    monkeypatch.chdir(FIXTURES)  # claims paths in the output are shown relative to here
    return load_corpus([Path("render")]).corpus


def reports(corpus, fmt: str, width: int = PLAIN_WIDTH, color: bool = False) -> dict[str, str]:
    """Every command's report on the render fixture, in one format."""
    a = analyse(corpus, suggestions=True)
    claims = list(corpus.claims())
    return {
        "compare": compare.render(a, fmt, width, color),
        "coverage": coverage.render(a.coverage, corpus, fmt, width, color),
        "claims": listing.render_claims(claims, corpus, fmt, width, color),
        "briefs": listing.render_briefs(corpus.briefs, corpus, fmt, width, color),
        "show-key": show.render(detail(a, "russia-coal-share"), corpus, fmt, width, color),
        "show-claim": show.render(detail(a, "alpha-2022#coal"), corpus, fmt, width, color),
    }


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(corpus, fmt):
    for name, text in reports(corpus, fmt).items():
        path = GOLDEN / f"{name}.{EXT[fmt]}"
        stable = text.replace(f'"version": "{__version__}"', '"version": "@VERSION@"') \
                     .replace(f'"version":"{__version__}"', '"version":"@VERSION@"')
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(exist_ok=True)
            path.write_text(stable, encoding="utf-8", newline="\n")
        assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1"
        assert stable == path.read_text(encoding="utf-8"), f"{path} differs"


def test_output_is_byte_identical_across_runs(corpus):
    for fmt in FORMATS:
        assert reports(corpus, fmt) == reports(load_corpus([Path("render")]).corpus, fmt)


def test_plain_has_no_escape_codes_and_nothing_cut(corpus, monkeypatch):
    a = analyse(corpus, suggestions=True)
    for name, text in reports(corpus, "plain").items():
        assert not ANSI.search(text), name
        assert "…" not in text, name  # nothing is ever ellipsised
    # Piped with $COLUMNS set, lines are wrapped at it; only a single unbreakable word may stick out.
    monkeypatch.setenv("COLUMNS", str(PLAIN_WIDTH))
    wrapped = reports(corpus, "plain")
    monkeypatch.delenv("COLUMNS")
    for name, text in wrapped.items():
        for line in text.splitlines():
            assert len(line) <= PLAIN_WIDTH or " " not in line.strip(), (name, line)
    text = compare.render(a, "plain")
    for r in a.relations:
        assert r.id in text
        for c in r.claims:
            assert c.ref in text and c.quote.split()[-1] in text
    long_url = "<https://example.org/a_very_long_url_without_spaces/that/keeps/going/on_and_on>)"
    assert long_url in text  # a long word is kept whole, not cut or hyphenated


def test_table_fits_the_width_and_folds_nothing_that_fits(corpus):
    a = analyse(corpus, suggestions=True)
    for width in (60, 100, 160):
        text = compare.render(a, "table", width, False)
        assert max(len(line) for line in text.splitlines()) <= width
        assert not ANSI.search(text)
        words = set(text.split())
        for r in a.relations:
            assert r.key in words  # keys stay whole at every width
    wide = compare.render(a, "table", 160, False, view="details")
    for r in a.relations:
        assert r.id in wide  # the card view keeps relation ids whole when the terminal is wide enough


def test_table_colours_by_kind_only_when_asked(corpus):
    a = analyse(corpus)
    coloured = compare.render(a, "table", 100, True)
    assert ANSI.search(coloured)
    assert "\x1b[1;31m✗ contradiction" in coloured  # bold red, and a symbol and a word
    assert not ANSI.search(compare.render(a, "table", 100, False))


def test_json_reports_validate_against_the_published_schema(corpus):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for name, text in reports(corpus, "json").items():
        doc = json.loads(text)
        assert doc["version"] == 1
        assert not list(validator.iter_errors(doc)), name
    jsonl_defs = {"coverage": "coverage_row", "claims": "claim_row", "briefs": "brief_row",
                  "show-key": "claim_with_context_jsonl", "show-claim": "claim_with_context_jsonl"}
    for name, text in reports(corpus, "jsonl").items():
        for line in text.splitlines():
            item = json.loads(line)
            d = jsonl_defs.get(name) or ("suggestion" if item["id"].startswith("suggest:") else "relation")
            sub = jsonschema.Draft202012Validator({"$ref": f"#/$defs/{d}", "$defs": SCHEMA["$defs"]})
            assert not list(sub.iter_errors(item)), (name, line)


def test_compare_json_has_the_documented_fields(corpus):
    doc = json.loads(compare.render(analyse(corpus), "json"))
    rel = doc["relations"][0]
    assert {"kind", "severity", "key", "explanation", "claims", "id", "reviewed"} <= set(rel)
    assert {"brief", "claim", "quote", "text", "value", "as_of", "as_of_inferred"} <= set(rel["claims"][0])
    swift = next(r for r in doc["relations"] if r["key"] == "japan-swift-exclusion")
    assert [c["as_of_inferred"] for c in swift["claims"]] == [True, True]
    coal = next(c for r in doc["relations"] for c in r["claims"] if c["ref"] == "alpha-2022#coal")
    assert coal["value"]["base_amount"] == 12 and coal["value"]["unit"] == "percent"


def test_csv_has_one_header_and_rectangular_rows(corpus):
    for name, text in reports(corpus, "csv").items():
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1, name
        assert len({len(r) for r in rows}) == 1, name
        assert rows[0][0] in ("id", "topic", "brief"), name
        assert not any(r == rows[0] for r in rows[1:]), name  # one header row only
    claim_rows = list(csv.DictReader(io.StringIO(reports(corpus, "csv")["claims"])))
    coal = next(r for r in claim_rows if r["claim"] == "coal" and r["brief"] == "alpha-2022")
    assert coal["text"].count("\n") == 1  # a multi-line cell survives, quoted


def _md_tables(text: str):
    """(header cells, [row cells]) of each GFM table, parsed by markdown-it (shipped with rich)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    tables, row, rows, in_head = [], [], [], False
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            row = []
        elif t.type == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            row.append(t.content)
        elif t.type == "tr_close":
            rows.append(row)
        elif t.type == "table_close":
            tables.append((rows[0], rows[1:]))
    return tables


def test_markdown_is_valid_gfm_with_escaped_cells(corpus):
    out = reports(corpus, "markdown")
    for name, text in out.items():
        for header, body in _md_tables(text):
            assert body, name
            assert all(len(r) == len(header) for r in body), name
    tables = _md_tables(out["compare"])
    cells = [cell for _, body in tables for row in body for cell in row]
    # The quote "Russia | Japan coal" stays inside its cell (escaped as \| in the source).
    assert any("Russia | Japan coal" in c for c in cells)
    assert "Russia \\| Japan coal" in out["compare"]
    claim_tables = _md_tables(out["claims"])
    multi = next(c for _, body in claim_tables for row in body for c in row if "Second line" in c)
    assert "<br>" in multi and "\n" not in multi
    assert "+---" not in out["compare"]  # not a rich box drawn with pipes


def test_md_escape():
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("line\nnext") == "line<br>next"
    assert md_escape("*x* _y_ <z>") == "\\*x\\* \\_y\\_ \\<z\\>"


def test_reviewed_status_flows_to_every_format(corpus):
    a = analyse(corpus)
    target = next(r for r in a.relations if r.kind == "contradiction")
    target.reviewed = "accepted"
    assert "reviewed: accepted" in compare.render(a, "plain")
    assert "reviewed: accepted" in compare.render(a, "table", 120, False)
    doc = json.loads(compare.render(a, "json"))
    assert next(r for r in doc["relations"] if r["id"] == target.id)["reviewed"] == "accepted"
    assert "| Reviewed |" in compare.render(a, "markdown")
    assert ",accepted," in compare.render(a, "csv")


def test_show_marks_the_quote_in_its_context(corpus):
    a = analyse(corpus)
    text = show.render(detail(a, "gamma-2022#coal"), corpus, "plain")
    assert ">>Roughly 12.5 percent of Japan's thermal coal comes from Russia.<<" in text
    assert "render/gamma-2022.claims.yaml:" in text
    doc = json.loads(show.render(detail(a, "gamma-2022#coal"), corpus, "json"))
    assert doc["claims"][0]["context"]["quote"] == "Roughly 12.5 percent of Japan's thermal coal comes from Russia."


def test_inferred_as_of_is_marked_wherever_shown(corpus):
    a = analyse(corpus)
    for fmt in ("plain", "markdown"):
        assert "2022-03-03 (inferred)" in compare.render(a, fmt, 200, False)
    assert "(2022-03-03 inferred)" in compare.render(a, "table", 200, False)  # the terminal's value (as-of)
    assert "as of: 2022-03 (inferred)" in show.render(detail(a, "alpha-2022#swift"), corpus, "plain")
    assert "2022-03 (inferred)" in listing.render_claims(list(corpus.claims()), corpus, "plain")


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Set iteration order changes with PYTHONHASHSEED: two processes must still print the same bytes."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, BRIEFCMP_NO_CACHE="1")
        done = subprocess.run([sys.executable, "-m", "briefcmp", "compare", "briefs", "--suggest", "--format", "json"],
                              cwd=root, env=env, capture_output=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10_000
