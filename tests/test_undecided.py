"""compare and the HTML report say what `align` would leave undecided (issue 24, item 5)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
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


def test_nothing_is_said_when_nothing_waits(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BRIEFCMP_CACHE_DIR", str(tmp_path / "cache"))  # align has not run on it here
    before = json.loads(run("compare", ROOT / "briefs", "-f", "json").stdout)["summary"]["undecided"]
    assert before["aligned"] is False and before["sure_groups"] is None and before["claims"] > 0
    assert "Not yet lined up: " in run("compare", ROOT / "briefs").stdout
    assert run("align", ROOT / "briefs").exit_code == 0  # it proposes nothing: compare says nothing
    plain = run("compare", ROOT / "briefs").stdout
    assert "Undecided" not in plain and "lined up" not in plain
    assert "undecided" not in json.loads(run("compare", ROOT / "briefs", "-f", "json").stdout)["summary"]
    page = run("compare", ROOT / "briefs", "-f", "html").stdout
    assert 'class="undecided"' not in page


def test_compare_reads_what_align_left(daily_corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """compare never runs align: it reads the counts align recorded for the corpus as it is, and
    when the corpus changed since, says how many unkeyed claims wait (and no count)."""
    import briefcmp.analysis.undecided as undecided_mod
    from briefcmp.cli.analysis import _undecided
    from briefcmp.cli.memo import Memo
    from briefcmp.corpus.cache import load_corpus

    corpus_dir = tmp_path / "my-briefs"
    shutil.copytree(daily_corpus, corpus_dir)
    monkeypatch.setattr(undecided_mod, "undecided", lambda corpus: pytest.fail("compare ran align"))

    def count():
        memo = Memo("compare", [corpus_dir], (), "plain")
        result = load_corpus([corpus_dir], texts="keyed")
        memo.read(result.inputs)
        return _undecided(result.corpus, memo)[0]

    waiting = count()
    assert not waiting.sure and not waiting.candidates and waiting.unaligned >= 2
    proposed = json.loads(run("align", corpus_dir, "--format", "json").stdout)
    known = count()
    assert (known.sure, known.candidates) == (len(proposed["groups"]), len(proposed["candidates"]))
    # what align left is the corpus's, wherever either command ran from and however it named the corpus
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert count() == known
    monkeypatch.chdir(corpus_dir.parent)
    assert run("align", corpus_dir.name, "--format", "json").exit_code == 0
    monkeypatch.chdir(elsewhere)
    assert count() == known
    claims = sorted(corpus_dir.glob("*.claims.yaml"))[0]
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert count() == waiting  # a changed claims file: align has not seen it


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
    # the two suspensions of sugar imports are keyed (analysis/factlink); the border closed and "not all of its
    # crossings" closed are left to a person
    assert candidates >= 1 and all(not g["unit"] for g in proposed["groups"])
    assert any("border" in g["label"] and not g["sure"] for g in proposed["candidates"])
    assert "unkeyed claims (figures and statements)" in run("align", corpus).stdout
    shown = os.path.relpath(corpus)
    lines = " ".join(run("compare", corpus).stdout.split())
    sure = len(proposed["groups"])
    assert (f"Undecided: {sure} group{'s' * (sure != 1)} of claims to key (briefcmp align {shown} --apply) and "
            f"{candidates} candidate group{'s' * (candidates != 1)} to decide by hand "
            f"(briefcmp align {shown} --review") in lines, lines
    doc = json.loads(run("compare", corpus, "-f", "json").stdout)
    jsonschema.validate(doc, SCHEMA)
    assert (doc["summary"]["undecided"]["sure_groups"], doc["summary"]["undecided"]["candidate_groups"]) == (sure, candidates)
    assert "Undecided: " in run("compare", corpus, "-f", "markdown").stdout
    assert '<p class="undecided" role="note">Undecided: ' in run("compare", corpus, "-f", "html").stdout


def test_compare_never_imports_align_or_the_tagger(tmp_path: Path) -> None:
    """Cold compare on a corpus of drafted statements: no align, no lemmatiser, no tagger (they took
    1.7-2.1 s to load and run); what align leaves undecided is read from its last run."""
    import subprocess
    import sys

    corpus = tmp_path / "statements"
    assert run("init", corpus).exit_code == 0
    for name, text in (("wire", WIRE), ("paper", PAPER)):
        (corpus / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        assert run("annotate", corpus / "sources" / f"{name}.txt", "-o", corpus / f"{name}.claims.yaml",
                   "--sentences").exit_code == 0
    env = {**os.environ, "BRIEFCMP_CACHE_DIR": str(tmp_path / "cold-cache"), "NO_COLOR": "1"}  # cold: empty
    env.pop("BRIEFCMP_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "briefcmp", "compare", str(corpus)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    loaded = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    heavy = {m for m in loaded if m.split(".")[0] in ("textblob", "nltk", "lemminflect", "simplemma", "numpy")
             or m.startswith(("briefcmp.analysis.align", "briefcmp.analysis.nlp", "briefcmp.analysis.facts"))}
    assert not heavy, sorted(heavy)
    assert "Not yet lined up: " in done.stdout
    # with no cache at all nothing can be recorded: compare runs align itself and says the counts
    nocache = subprocess.run([sys.executable, "-m", "briefcmp", "compare", str(corpus)], capture_output=True,
                             text=True, env={**env, "BRIEFCMP_NO_CACHE": "1"}, cwd=tmp_path)
    assert "Undecided: " in nocache.stdout and "Not yet lined up" not in nocache.stdout


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
