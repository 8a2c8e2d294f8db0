"""compare and the HTML report say what `align` would leave undecided (issue 24, item 5)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from briefcmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "briefcmp" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()


def run(*args) -> "object":
    return runner.invoke(app, [str(a) for a in args])


def test_every_report_says_how_many_candidates_wait(daily_corpus: Path) -> None:
    proposed = json.loads(run("align", daily_corpus, "--format", "json").stdout)
    sure, candidates = len(proposed["groups"]), len(proposed["candidates"])
    assert sure + candidates >= 1
    plain = run("compare", daily_corpus).stdout
    lines = " ".join(plain.split())
    shown = os.path.relpath(daily_corpus)  # as every message shows a path: typed from here, it works
    parts = []
    if sure:
        parts.append(f"{sure} group{'s' * (sure != 1)} of claims to key (briefcmp align {shown} --apply)")
    if candidates:
        parts.append(f"{candidates} candidate group{'s' * (candidates != 1)} to decide by hand (briefcmp "
                     f"align {shown} --review")
    assert "Undecided: " + " and ".join(parts) in lines, lines
    assert "cannot show whether they agree or conflict" in lines
    doc = json.loads(run("compare", daily_corpus, "-f", "json").stdout)
    jsonschema.validate(doc, SCHEMA)
    u = doc["summary"]["undecided"]
    assert (u["sure_groups"], u["candidate_groups"]) == (sure, candidates)
    assert u["decide"] == f"briefcmp align {shown} --review" and u["list"] == f"briefcmp align {shown}"
    assert "Undecided: " in run("compare", daily_corpus, "-f", "markdown").stdout
    assert "Undecided: " in run("compare", daily_corpus, "--matrix").stdout
    assert "Undecided: " in run("compare", daily_corpus, "--details").stdout
    page = run("compare", daily_corpus, "-f", "html").stdout
    assert '<p class="undecided" role="note">Undecided: ' in page
    assert "No contradiction or disagreement among the claims that share a key" in page


def test_nothing_is_said_when_nothing_waits() -> None:
    plain = run("compare", ROOT / "briefs").stdout
    assert "Undecided" not in plain
    assert "undecided" not in json.loads(run("compare", ROOT / "briefs", "-f", "json").stdout)["summary"]
    page = run("compare", ROOT / "briefs", "-f", "html").stdout
    assert 'class="undecided"' not in page


def test_the_count_is_cached_with_the_reports(daily_corpus: Path, tmp_path: Path, monkeypatch) -> None:
    import briefcmp.analysis.undecided as undecided_mod
    from briefcmp.cli.analysis import _undecided
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.cli.memo import Memo

    corpus_dir = tmp_path / "my-briefs"
    shutil.copytree(daily_corpus, corpus_dir)
    calls = []
    real = undecided_mod.undecided
    monkeypatch.setattr(undecided_mod, "undecided", lambda corpus: calls.append(1) or real(corpus))

    def count():
        memo = Memo("compare", [corpus_dir], (), "plain")
        result = load_corpus([corpus_dir], texts="keyed")
        memo.read(result.inputs)
        return _undecided(result.corpus, memo)[0]

    first = count()
    assert first.candidates >= 1 and calls == [1]
    assert count() == first and calls == [1]  # answered from the cache
    claims = sorted(corpus_dir.glob("*.claims.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert count() == first and calls == [1, 1]  # a changed claims file: made again


WIRE = """Kenya tightens curbs on sugar from Uganda
East Africa Wire | 12 March 2024

Kenya suspended imports of sugar from Uganda, officials in Nairobi said.

Kenya closed its border with Uganda.
"""
PAPER = """Nairobi halts Ugandan sugar
Lakeside Daily | 13 March 2024

Kenya suspended imports of refined Ugandan cane sugar and molasses.

Kenya has not closed all of its border crossings with Uganda.
"""


def test_statements_left_undecided_are_counted_too(tmp_path: Path) -> None:
    """A corpus whose only unkeyed claims are drafted statements: no figure could group, yet align
    holds candidates for the statements, and every report says so."""
    import yaml

    corpus = tmp_path / "statements"
    assert run("init", corpus).exit_code == 0
    for name, text in (("wire", WIRE), ("paper", PAPER)):
        (corpus / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        r = run("annotate", corpus / "sources" / f"{name}.txt", "-o", corpus / f"{name}.claims.yaml", "--sentences")
        assert r.exit_code == 0, r.output
    drafted = [c for f in corpus.glob("*.claims.yaml") for c in yaml.safe_load(f.read_text(encoding="utf-8"))["claims"]]
    assert drafted and not any("key" in c for c in drafted)
    assert {k for c in drafted for k in c.get("value", {})} == {"category"}  # statements only: not a figure
    proposed = json.loads(run("align", corpus, "--format", "json").stdout)
    candidates = len(proposed["candidates"])
    assert candidates >= 1 and not proposed["groups"]
    assert "unkeyed claims (figures and statements)" in run("align", corpus).stdout
    shown = os.path.relpath(corpus)
    lines = " ".join(run("compare", corpus).stdout.split())
    assert (f"Undecided: {candidates} candidate group{'s' * (candidates != 1)} to decide by hand "
            f"(briefcmp align {shown} --review") in lines, lines
    doc = json.loads(run("compare", corpus, "-f", "json").stdout)
    jsonschema.validate(doc, SCHEMA)
    assert (doc["summary"]["undecided"]["sure_groups"], doc["summary"]["undecided"]["candidate_groups"]) == (0, candidates)
    assert "Undecided: " in run("compare", corpus, "-f", "markdown").stdout
    assert '<p class="undecided" role="note">Undecided: ' in run("compare", corpus, "-f", "html").stdout


def test_a_figure_and_a_statement_never_make_align_run() -> None:
    """The cheapness rule: align runs only when two briefs have unkeyed figures, or two have
    unkeyed statements; one brief's figure and another's statement can never share a group."""
    from briefcmp.analysis import align
    from briefcmp.analysis.alignfacts import VALUE_TYPES
    from briefcmp.analysis.undecided import FIGURE_TYPES, STATEMENT_TYPES, could_align
    from briefcmp.corpus.model import Brief, Claim, Config, Corpus, Value

    assert STATEMENT_TYPES == VALUE_TYPES
    assert FIGURE_TYPES == align.FIGURE_TYPES
    figure = Value(type="quantity", amount=3.0, unit="%")
    statement = Value(type="category", category="yes")

    def corpus(*values) -> Corpus:
        briefs = [Brief(id=f"b{i}", title="t", source="s.txt", claims=[Claim(brief=f"b{i}", id="c", quote="q", value=v)])
                  for i, v in enumerate(values)]
        return Corpus(root=".", config=Config(), briefs=briefs)

    assert not could_align(corpus(figure, statement))
    assert could_align(corpus(statement, statement))
    assert could_align(corpus(figure, figure))
    # a figure whose quote is not placed in a source (no span) is read from its quote: no crash
    assert align.align(corpus(figure, figure)).considered == 2
