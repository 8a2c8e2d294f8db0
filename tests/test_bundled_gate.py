"""Issue 13's checks on the bundled corpus, in a git copy of it.

- A branch adding a brief whose claim agrees with one side of a reviewed contradiction
  gives the same exit code, 0, for `check --changed --base main` and for `check`.
- The same for a claim that joins the side of an acknowledged disagreement (the
  acknowledgement is in another, untouched claims file).
- A claim bringing a new value reopens the review, and the message says so.
- `compare` inside briefs/ and inside briefs/sources/ with no PATH exits 0.
- A syntax error in briefcmp.yaml: `compare` exits 2, `check` reports at most 3 errors.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_SYSTEM": os.devnull}
runner = CliRunner()


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository whose main branch holds the bundled corpus in briefs/."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "briefs", root / "briefs")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "bundled corpus")
    git(root, "checkout", "-q", "-b", "new-brief")
    monkeypatch.chdir(root)
    return root


def add_brief(root: Path, claim: str, quote: str) -> None:
    """A new brief with one claim (YAML lines of the claim after its id and quote)."""
    source = f"Analysts writing in 2023 noted that {quote}.\n".encode()
    (root / "briefs" / "sources" / "analyst-2023.txt").write_bytes(source)
    (root / "briefs" / "analyst-2023.claims.yaml").write_text(f"""\
format: 1
brief:
  id: analyst-2023
  title: A later analysis
  published: 2023-05
  source: sources/analyst-2023.txt
  source_sha256: {hashlib.sha256(source).hexdigest()}
claims:
  - id: claim
    quote: {quote}
{claim}""")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "add a brief")


def check(*args: str):
    return runner.invoke(app, ["check", *args], env={"GITHUB_ACTIONS": None})


TRADE_20 = """\
    key: japan-russia-trade-total
    kind: fact
    topics: [trade]
    subjects: [japan, russia]
    value: {amount: 20, scale: billion, unit: USD, bound: approximate}
    as_of: 2021
"""


def test_a_brief_agreeing_with_a_reviewed_side_passes_both_gates(repo: Path) -> None:
    add_brief(repo, TRADE_20, "trade between Japan and Russia came to about $20 billion in 2021")
    changed, full = check("--changed", "--base", "main"), check()
    assert (changed.exit_code, full.exit_code) == (0, 0), changed.output + full.output
    verbose = check("-v")
    line = next(x for x in verbose.stdout.splitlines() if "japan-russia-trade-total" in x)
    # The review is reported where it is written, and says who joined it.
    assert line.startswith("briefs/reviewed.yaml:8:5: info: reviewed contradiction on key japan-russia-trade-total")
    assert "reviewed as japan-russia-trade-total:contradiction:ad6338a5b8" in line
    assert "since joined by analyst-2023#claim, which agrees with a reviewed side" in line


def test_a_brief_agreeing_with_an_acknowledged_side_keeps_the_acknowledgement(repo: Path) -> None:
    add_brief(repo, """\
    key: japan-should-support-ukraine-response
    kind: recommendation
    topics: [alliances]
    subjects: [japan, ukraine]
    value: {stance: support}
""", "Japan should keep supporting Ukraine")
    changed, full = check("--changed", "--base", "main"), check()
    assert (changed.exit_code, full.exit_code) == (0, 0), changed.output + full.output
    line = next(x for x in check("-v").stdout.splitlines() if "japan-should-support-ukraine-response" in x)
    # Reported at the acknowledgement, in cbga-2024's file (not at a CAP claim).
    assert line.startswith("briefs/cbga-2024.claims.yaml:"), line
    assert "acknowledged disagreement" in line


def test_a_new_value_reopens_the_review_in_both_gates(repo: Path) -> None:
    add_brief(repo, TRADE_20.replace("amount: 20,", "amount: 35,"),
              "trade between Japan and Russia came to about $35 billion in 2021")
    changed, full = check("--changed", "--base", "main"), check()
    assert (changed.exit_code, full.exit_code) == (1, 1)
    assert "a new value joined the contradiction: analyst-2023#claim (35 billion USD (approximate) as of 2021)" \
        in changed.stdout
    # The message says how to fix it: review the conflict as it is now, prune the old entry.
    new_id = re.search(r"`briefcmp review add (\S+)`", changed.stdout).group(1)
    r = runner.invoke(app, ["review", "add", new_id, "-j", "A later estimate.", "--reviewer", "Ed",
                            "--date", "2024-01-02"])
    assert r.exit_code == 0, r.output
    assert runner.invoke(app, ["review", "prune"]).exit_code == 0
    assert (check("--changed", "--base", "main").exit_code, check().exit_code) == (0, 0)


@pytest.mark.parametrize("where", ["briefs", "briefs/sources", "."])
def test_compare_finds_the_corpus_from_where_the_user_stands(repo: Path, monkeypatch, where: str) -> None:
    monkeypatch.chdir(repo / where)
    r = runner.invoke(app, ["compare", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert '"path": "' + os.path.relpath(repo / "briefs", repo / where) + '"' in r.stdout


def test_a_broken_config_is_one_error_and_exit_2(repo: Path) -> None:
    config = repo / "briefs" / "briefcmp.yaml"
    config.write_text(config.read_text().replace("keys:", "keys: [", 1))
    r = runner.invoke(app, ["compare"])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("briefcmp: error: briefs/briefcmp.yaml:") and "[yaml-syntax]" in r.stderr
    r = check()
    assert r.exit_code == 2
    assert r.output.count("error") <= 3 and len(r.output.strip().splitlines()) == 1, r.output
