"""The CI gate end to end, in a temporary git repository, and the exit-code table of `check`.

The story of issue 5: a pull request adds a brief that contradicts the corpus (fail, with
an annotation on the new claim); the conflict is reviewed (clean); the claim then changes
so that the review no longer holds (fail: stale).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

CI = Path(__file__).parent / "fixtures" / "ci"
TRADE = "trade-total:contradiction:d94e077254"
runner = CliRunner()
GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env={**os.environ, **GIT_ENV})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository whose main branch holds the fixture corpus in briefs/ (with its reviewed file)."""
    root = tmp_path / "repo"
    shutil.copytree(CI / "corpus", root / "briefs")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "corpus")
    git(root, "checkout", "-q", "-b", "add-gamma")
    monkeypatch.chdir(root)
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)
    return root


def add_gamma(repo: Path) -> None:
    shutil.copy(CI / "new" / "gamma.claims.yaml", repo / "briefs")
    shutil.copy(CI / "new" / "sources" / "gamma.txt", repo / "briefs" / "sources")


def check(*args: str, summary: Path | None = None):
    env = {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": os.getcwd(),
           "GITHUB_STEP_SUMMARY": str(summary) if summary else None}
    return runner.invoke(app, ["check", *args], env=env)


def test_new_brief_fails_then_review_passes_then_stale_review_fails(repo: Path, tmp_path: Path) -> None:
    add_gamma(repo)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "add gamma")

    # 1. The pull request brings an unreviewed contradiction: exit 1, annotation on the new claim.
    summary = tmp_path / "summary.md"
    r = check("--changed", "--base", "main", "--format", "auto", summary=summary)
    assert r.exit_code == 1, r.output
    first = r.stdout.splitlines()[0]
    assert first.startswith("::error file=briefs/gamma.claims.yaml,line=9,col=5,title=briefcmp contradiction::"
                            "contradiction on key trade-total: alpha and beta say USD 20 billion / USD 20.5 billion; "
                            "gamma says USD 27 billion for 2021: up to 26%25 apart (tolerance 5%25)")
    assert "swift" not in r.stdout  # the corpus's own (reviewed) conflict is not this change's business
    assert "`briefs/gamma.claims.yaml:9:5` | contradiction" in summary.read_text()

    # 2. Someone reviews it: the same check is clean, the conflict shows as a notice.
    r = runner.invoke(app, ["review", "add", TRADE, "-j", "Gamma counts services trade as well.",
                            "--reviewer", "Reviewer", "--date", "2024-05-06", "-C", "briefs"])
    assert r.exit_code == 0, r.output
    git(repo, "commit", "-q", "-am", "review gamma's trade figure")
    r = check("--changed", "--base", "main", "--format", "auto")
    assert r.exit_code == 0, r.output
    # The notice sits where the review is written: the reviewed file's entry.
    assert r.stdout.startswith("::notice file=briefs/reviewed.yaml,line=17,col=5,title=briefcmp contradiction::"
                               "reviewed contradiction on key trade-total")
    assert "swift" not in r.stdout  # its review did not change
    assert "::error" not in r.stdout

    # 3. The claim changes (uncommitted, as in a pre-commit hook): the review no longer holds.
    gamma = repo / "briefs" / "gamma.claims.yaml"
    gamma.write_text(gamma.read_text().replace("amount: 27,", "amount: 26,"))
    r = check("--changed", "--format", "github")  # default base: the merge-base with main
    assert r.exit_code == 1, r.output
    stale = next(line for line in r.stdout.splitlines() if "review-stale" in line)
    assert stale.startswith("::error file=briefs/reviewed.yaml,line=17,col=5,title=briefcmp review-stale::"
                            f"reviewed conflict {TRADE} is stale: gamma#trade changed since the review: "
                            'it was "27 billion USD as of 2021", now "26 billion USD as of 2021"')
    assert "::error file=briefs/gamma.claims.yaml,line=9,col=5,title=briefcmp contradiction::" in r.stdout

    # ... and when the claim is corrected to agree, the review is stale because nothing conflicts.
    gamma.write_text(gamma.read_text().replace("amount: 26,", "amount: 20.2,"))
    r = check("--changed")
    assert r.exit_code == 1
    assert "is stale: these claims are no longer in conflict (now: agreement)" in r.stdout
    assert "contradiction" not in r.stdout.replace(TRADE, "")
    assert check("--changed", "--allow-stale").exit_code == 0


def test_changed_detects_uncommitted_and_untracked_files_only(repo: Path) -> None:
    r = check("--changed", "--format", "text")
    assert r.exit_code == 0 and r.stdout == "" and "no claims files to check (changed since merge-base with main)" \
        in r.stderr
    add_gamma(repo)  # untracked
    r = check("--changed", "--format", "text")
    assert r.exit_code == 1 and r.stdout.startswith("briefs/gamma.claims.yaml:9:5: error: contradiction")
    beta = repo / "briefs" / "beta.claims.yaml"
    beta.write_text(beta.read_text().replace("title: Beta brief", "title: Beta brief\n  bad: field"))
    r = check("--changed", "--format", "text")
    assert "briefs/beta.claims.yaml:5:3: error: brief: unknown field \"bad\"" in r.stdout
    assert "alpha.claims.yaml" not in r.stdout.split(" the others: ")[0]


def test_changed_source_text_puts_its_brief_in_focus(repo: Path) -> None:
    source = repo / "briefs" / "sources" / "beta.txt"
    source.write_text(source.read_text() + "\nA new paragraph.\n")
    r = check("--changed", "--format", "text")
    assert r.exit_code == 0 and "briefs/beta.claims.yaml:6:11: warning: brief: source \"sources/beta.txt\" changed" \
        in r.stdout


def test_changed_config_checks_everything(repo: Path) -> None:
    config = repo / "briefs" / "briefcmp.yaml"
    config.write_text(config.read_text().replace("tolerance: 5%", "tolerance: 50%"))
    add_gamma(repo)
    r = check("--changed", "--format", "text", "-v")
    assert "reviewed contradiction on key swift" in r.stdout  # alpha and beta are in focus too


def test_against_a_file_outside_the_corpus(repo: Path) -> None:
    r = check(str(CI / "new" / "gamma.claims.yaml"), "--against", "briefs", "--format", "text")
    assert r.exit_code == 1 and "gamma.claims.yaml:9:5: error: contradiction on key trade-total" in r.stdout


# --------------------------------------------------------------------------- exit codes (see docs/ci.md)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "corpus"
    shutil.copytree(CI / "corpus", root)
    monkeypatch.chdir(tmp_path)
    return root


def _with_gamma(corpus: Path) -> None:
    shutil.copy(CI / "new" / "gamma.claims.yaml", corpus)
    shutil.copy(CI / "new" / "sources" / "gamma.txt", corpus / "sources")


def _with_warning(corpus: Path) -> None:
    alpha = corpus / "alpha.claims.yaml"
    alpha.write_text(alpha.read_text().replace("    topics: [trade]\n", "", 1))  # no-topic: a warning


@pytest.mark.parametrize("setup, options, code", [
    (None, [], 0),
    (None, ["--fail-on", "warning"], 0),
    (_with_warning, [], 0),
    (_with_warning, ["--fail-on", "warning"], 1),
    (_with_warning, ["--fail-on", "contradiction"], 0),
    (_with_gamma, [], 1),
    (_with_gamma, ["--fail-on", "contradiction"], 1),
    (_with_gamma, ["--fail-on", "never"], 0),
    (_with_gamma, ["--exit-zero"], 0),
    (_with_gamma, ["--reviewed", "nothing-reviewed.yaml"], 2),  # a named reviewed file must exist
])
def test_exit_codes(corpus: Path, setup, options, code) -> None:
    if setup:
        setup(corpus)
    r = runner.invoke(app, ["check", "corpus", "--format", "text", *options], env={"GITHUB_ACTIONS": None})
    assert r.exit_code == code, r.output


def test_fail_on_contradiction_ignores_other_errors(corpus: Path) -> None:
    beta = corpus / "beta.claims.yaml"
    beta.write_text(beta.read_text().replace("Tokyo has not joined", "Tokyo has never joined"))  # quote-not-found
    assert runner.invoke(app, ["check", "corpus"]).exit_code == 1
    assert runner.invoke(app, ["check", "corpus", "--fail-on", "contradiction"]).exit_code == 0


def test_without_the_reviewed_file_the_corpus_conflict_fails(corpus: Path) -> None:
    (corpus / "reviewed.yaml").unlink()
    r = runner.invoke(app, ["check", "corpus", "--format", "text"])
    assert r.exit_code == 1 and "error: contradiction on key swift" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["check", "--changed", "--against", "corpus"], "cannot be combined"),
    (["check", "--against", "corpus"], "--against needs the new claims files"),
    (["check", "corpus", "--changed"], "not in a git repository"),
    (["check", "nowhere.claims.yaml", "--against", "corpus"], "no such file or folder"),
    (["check", "corpus", "--format", "xml"], "Invalid value"),
])
def test_unusable_input_exits_2(corpus: Path, args, message) -> None:
    r = runner.invoke(app, args, env={"GIT_CEILING_DIRECTORIES": str(corpus.parent)})
    assert r.exit_code == 2 and message in r.output, r.output
    assert "Traceback" not in r.output


def test_unknown_base_exits_2(repo: Path) -> None:
    r = check("--changed", "--base", "origin/nope")
    assert r.exit_code == 2 and "--base origin/nope: unknown git revision" in r.output
    r = check("--changed", "--base", "--upload-pack=evil")
    assert r.exit_code == 2 and "cannot start with '-'" in r.output


# --------------------------------------------------------------------------- the pre-commit hook


def test_pre_commit_hook_runs_check_on_the_staged_corpus_files(repo: Path) -> None:
    import re

    import yaml

    (hook,) = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "briefcmp-check" and hook["language"] == "python" and hook["require_serial"]
    pattern = re.compile(hook["files"])
    add_gamma(repo)
    git(repo, "add", ".")
    staged = git(repo, "diff", "--cached", "--name-only").split()
    passed = [f for f in staged if pattern.search(f)]  # what pre-commit hands to the hook
    assert passed == ["briefs/gamma.claims.yaml"]
    assert not pattern.search("README.md") and pattern.search("briefs/reviewed.yaml")
    assert pattern.search("briefcmp.yaml") and not pattern.search("notbriefcmp.yaml")
    argv = hook["entry"].split()[1:] + passed
    r = runner.invoke(app, argv, env={"GITHUB_ACTIONS": None})
    assert r.exit_code == 1 and r.stdout.startswith("briefs/gamma.claims.yaml:9:5: error: contradiction")
    r = runner.invoke(app, hook["entry"].split()[1:] + ["briefs/reviewed.yaml"], env={"GITHUB_ACTIONS": None})
    assert r.exit_code == 0 and r.stdout == ""  # only the reviewed file: nothing stale, no brief in focus
    r = runner.invoke(app, hook["entry"].split()[1:] + ["briefs/briefcmp.yaml"], env={"GITHUB_ACTIONS": None})
    assert r.exit_code == 1 and "contradiction on key trade-total" in r.stdout  # the config concerns all
    assert "1 unreviewed, 1 reviewed (-v lists the reviewed ones)" in r.stderr
