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
        parts.append(f"{sure} group{'s' * (sure != 1)} of figures to key (briefcmp align {shown} --apply)")
    if candidates:
        parts.append(f"{candidates} candidate group{'s' * (candidates != 1)} to decide by hand (listed by "
                     f"briefcmp align {shown};")
    assert "Undecided: " + " and ".join(parts) in lines, lines
    assert "cannot show whether they agree or conflict" in lines
    doc = json.loads(run("compare", daily_corpus, "-f", "json").stdout)
    jsonschema.validate(doc, SCHEMA)
    u = doc["summary"]["undecided"]
    assert (u["sure_groups"], u["candidate_groups"]) == (sure, candidates)
    assert u["decide"] == f"briefcmp align {shown}"
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
