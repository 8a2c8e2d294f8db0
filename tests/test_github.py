"""`--format github`: workflow-command annotations, escaping, capping, the job summary."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefcmp.gate.check import CheckReport
from briefcmp.cli import app
from briefcmp.corpus.load import LoadResult
from briefcmp.corpus.model import Config, Corpus
from briefcmp.corpus.problems import Problem, Severity
from briefcmp.render.github import (
    command, escape_data, escape_property, md_escape, render_github, render_markdown,
)

CI = Path(__file__).parent / "fixtures" / "ci"
GOLDEN = CI / "golden"
runner = CliRunner()
UPDATE = os.environ.get("BRIEFCMP_UPDATE_GOLDEN") == "1"
NO_CI_ENV = {"GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None, "GITHUB_WORKSPACE": None}


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (BRIEFCMP_UPDATE_GOLDEN=1 to accept)"


def report(*problems: Problem) -> CheckReport:
    return CheckReport(list(problems), ["a.claims.yaml"], 1, 1, LoadResult(Corpus(".", Config())))


def unescape(text: str) -> str:
    """What the Actions runner does with an escaped value (percent-decoding of its escapes only)."""
    for code, ch in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def test_escaping_follows_actions_toolkit() -> None:
    assert escape_data("50% of a\r\nb: c, d") == "50%25 of a%0D%0Ab: c, d"
    assert escape_property("50% of a\r\nb: c, d") == "50%25 of a%0D%0Ab%3A c%2C d"
    assert escape_data("%0A") == "%250A"  # an escape-looking text stays literal


@given(st.text())
def test_escaped_property_round_trips_and_cannot_break_the_command(text: str) -> None:
    escaped = escape_property(text)
    assert not set(escaped) & set(",:\r\n") and unescape(escaped) == text
    data = escape_data(text)
    assert "\n" not in data and "\r" not in data and unescape(data) == text


def test_command_form() -> None:
    p = Problem("briefs/a b,c.claims.yaml", 12, 5, Severity.ERROR, "values differ: 20% vs 27%\nsee x", "contradiction")
    assert command(p, workspace="") == ("::error file=briefs/a b%2Cc.claims.yaml,line=12,col=5,"
                                        "title=briefcmp contradiction::values differ: 20%25 vs 27%25%0Asee x")
    unplaced = Problem("briefs/briefcmp.yaml", 0, 0, Severity.WARNING, "m", "r")
    assert command(unplaced, workspace="") == "::warning file=briefs/briefcmp.yaml,title=briefcmp r::m"
    info = Problem("x.yaml", 3, 0, Severity.INFO, "m", "r")
    assert command(info, workspace="") == "::notice file=x.yaml,line=3,title=briefcmp r::m"


def test_paths_are_made_relative_to_the_workspace(tmp_path: Path) -> None:
    p = Problem(str(tmp_path / "briefs" / "a.claims.yaml"), 1, 1, Severity.ERROR, "m", "r")
    assert command(p, workspace=str(tmp_path)).startswith("::error file=briefs/a.claims.yaml,")


def test_annotations_are_capped_per_level_errors_first_and_the_rest_stay_in_the_log() -> None:
    problems = [Problem("a.claims.yaml", n, 1, Severity.WARNING, f"w{n}", "w") for n in range(1, 4)]
    problems += [Problem("a.claims.yaml", n, 1, Severity.ERROR, f"e{n}", "e") for n in range(1, 16)]
    lines = render_github(report(*problems), workspace="", summary_written=True).splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 3
    assert lines[0] == "::error file=a.claims.yaml,line=1,col=1,title=briefcmp e::e1"
    assert lines[13:18] == [f"a.claims.yaml:{n}:1: error: e{n} [e]" for n in range(11, 16)]
    assert lines[-2] == ("::notice title=briefcmp::5 errors more than GitHub shows as annotations: "
                         "listed in this log and in the job summary")
    assert lines[-1] == "briefcmp: 15 errors, 3 warnings, 0 notices"


def test_markdown_cells_cannot_break_the_table_or_inject_html() -> None:
    cell = md_escape("a | b <script>x</script> *c* [l](u)\nnext")
    assert "|" not in cell.replace("\\|", "") and "<" not in cell and "\n" not in cell
    md = render_markdown(report(Problem("a.claims.yaml", 2, 3, Severity.ERROR, "x | y", "r")))
    assert "| error | `a.claims.yaml:2:3` | r | x \\| y |" in md


# --------------------------------------------------------------------------- through the CLI


def test_against_in_github_format_golden_and_job_summary(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(CI)
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n")
    r = runner.invoke(app, ["check", "new/gamma.claims.yaml", "--against", "corpus", "--format", "github"],
                      env={**NO_CI_ENV, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_WORKSPACE": str(CI)})
    assert r.exit_code == 1, r.output
    assert r.stdout.startswith("::error file=new/gamma.claims.yaml,line=9,col=5,title=briefcmp contradiction::"
                               "contradiction on key trade-total: ")
    golden("against.github.txt", r.stdout)
    text = summary.read_text()
    assert text.startswith("# earlier step\n## ❌ briefcmp check")  # appended, not replaced
    golden("against.summary.md", text)


def test_reviewed_conflicts_are_notices_or_hidden(monkeypatch) -> None:
    monkeypatch.chdir(CI)
    r = runner.invoke(app, ["check", "corpus", "--format", "github"], env=NO_CI_ENV)
    assert r.exit_code == 0
    # The notice sits where the review is written (the reviewed file), not at a claim.
    assert r.stdout.startswith("::notice file=corpus/reviewed.yaml,line=5,col=5,title=briefcmp contradiction::"
                               "reviewed contradiction on key swift")
    assert "accepted by Jane Doe on 2022-04-01: Beta was written days before" in r.stdout
    r = runner.invoke(app, ["check", "corpus", "--format", "github", "--hide-reviewed"], env=NO_CI_ENV)
    assert r.stdout == "briefcmp: 0 errors, 0 warnings, 0 notices\n"


@pytest.mark.parametrize("actions, expected", [("true", "github"), (None, "text"), ("false", "text")])
def test_auto_format_follows_github_actions(monkeypatch, actions, expected) -> None:
    monkeypatch.chdir(CI)
    r = runner.invoke(app, ["check", "new/gamma.claims.yaml", "--against", "corpus", "--format", "auto"],
                      env={**NO_CI_ENV, "GITHUB_ACTIONS": actions})
    first = r.stdout.splitlines()[0]
    assert first.startswith("::error file=") if expected == "github" else re.match(r"new/gamma\S+:9:5: error:", first)


def test_unwritable_summary_is_a_warning_not_a_failure(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(CI)
    r = runner.invoke(app, ["check", "corpus", "--format", "github"],
                      env={**NO_CI_ENV, "GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such" / "file")})
    assert r.exit_code == 0 and "cannot write the job summary" in r.stderr
