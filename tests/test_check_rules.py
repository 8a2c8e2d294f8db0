"""`check --select/--ignore`, the check: table, --statistics, --max-per-rule and what comes first."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus.load import LoadResult
from briefcmp.corpus.model import Config, Corpus
from briefcmp.corpus.problems import Problem, Severity
from briefcmp.corpus.rules import RULES, RuleSelection, matches, unknown
from briefcmp.gate.check import CheckReport
from briefcmp.render.github import render_github

import ingest_docs as docs

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_every_rule_reported_is_listed() -> None:
    """A rule literal passed to Problems.error/warning/info/add anywhere in the package is in RULES."""
    found = set()
    for path in (ROOT / "briefcmp").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                at = {"error": 2, "warning": 2, "info": 2, "add": 3}.get(node.func.attr)
                if at is not None and len(node.args) > at + 1:
                    arg = node.args[at]
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and "-" in arg.value + "-":
                        found.add(arg.value)
    assert len(found) > 40
    assert found - set(RULES) == set()


def test_selectors_follow_ruff() -> None:
    assert matches("yaml", "yaml-depth") and matches("quote", "quote-not-found") and matches("ALL", "no-topic")
    assert not matches("yam", "yaml-depth") and not matches("quote-not", "quote-ambiguous")
    select_prefix = RuleSelection(((("yaml",), ("yaml-depth",)),))
    assert select_prefix.enabled("yaml-tag") and not select_prefix.enabled("yaml-depth")
    assert not select_prefix.enabled("draft-claim")  # a select names what is reported
    specific_wins = RuleSelection(((("yaml-depth",), ("yaml",)),))
    assert specific_wins.enabled("yaml-depth") and not specific_wins.enabled("yaml-tag")
    tie = RuleSelection(((("draft-claim",), ("draft-claim",)),))
    assert not tie.enabled("draft-claim")  # ignore wins at equal specificity
    # the command line's layer over the config's: a select starts afresh, an ignore takes away
    layered = RuleSelection(((("yaml",), ()), ((), ("yaml-tag",))))
    assert layered.enabled("yaml-depth") and not layered.enabled("yaml-tag") and not layered.enabled("no-topic")
    reset = RuleSelection(((("yaml",), ()), (("draft",), ())))
    assert reset.enabled("draft-claim") and not reset.enabled("yaml-depth")
    assert RuleSelection().everything and RuleSelection().enabled("anything")
    assert 'did you mean "draft-claim"' in unknown("draft-claims") and unknown("draft") is None


@pytest.fixture(scope="module")
def daily(daily_corpus, tmp_path_factory) -> Path:
    """A copy of the three fresh drafts (this module edits its config)."""
    import shutil

    corpus = tmp_path_factory.mktemp("rules") / "my-briefs"
    shutil.copytree(daily_corpus, corpus)
    return corpus


def test_three_fresh_drafts_show_at_most_ten_warnings(daily: Path) -> None:
    r = run("check", daily)
    shown = [line for line in r.stdout.splitlines() if ": warning: " in line]
    total = int(r.stderr.split(" warnings")[0].split(", ")[-1])
    assert total > 20 and len(shown) == 10, r.output
    assert (f"draft-claim: {total - 10} more warnings not shown (10 listed above; --max-per-rule 0 lists all, "
            "--statistics counts by rule, --ignore draft-claim leaves them out)") in r.stdout
    assert len([line for line in run("check", daily, "--max-per-rule", "0").stdout.splitlines()
                if ": warning: " in line]) == total
    stats = run("check", daily, "--statistics")
    assert stats.stdout.split() [:3] == [str(total), "draft-claim", "warning"], stats.stdout
    doc = json.loads(run("check", daily, "--statistics", "--format", "json").stdout)
    assert doc["statistics"][0] == {"rule": "draft-claim", "severity": "warning", "count": total,
                                    "about": RULES["draft-claim"]}


def test_select_ignore_and_the_check_table(daily: Path) -> None:
    assert ": warning: " not in run("check", daily, "--ignore", "draft").stdout
    assert run("check", daily, "--ignore", "draft", "--fail-on", "warning").exit_code == 0
    assert run("check", daily, "--fail-on", "warning").exit_code == 1
    only = run("check", daily, "--select", "yaml,quote", "--max-per-rule", "0")
    assert only.exit_code == 0 and only.stdout == ""
    typo = run("check", daily, "--select", "draft-claims")
    assert typo.exit_code == 2
    assert 'briefcmp: error: --select: unknown rule "draft-claims" (did you mean "draft-claim"?)' in typo.output
    config = daily / "briefcmp.yaml"
    before = config.read_text(encoding="utf-8")
    try:
        config.write_text(before + "check:\n  ignore: [draft-claim]\n", encoding="utf-8")
        assert ": warning: " not in run("check", daily).stdout
        assert ": warning: " in run("check", daily, "--select", "ALL").stdout  # the command line's select wins
        lines = before.count("\n")
        config.write_text(before + "check:\n  ignore:\n    - draft-clam\n", encoding="utf-8")
        bad = run("check", daily)
        assert bad.exit_code == 1
        assert (f'briefcmp.yaml:{lines + 3}:7: error: config: check: ignore: unknown rule "draft-clam" '
                f'(did you mean "draft-claim"?); `briefcmp check --help` lists the rules [unknown-rule]') in bad.stdout
    finally:
        config.write_text(before, encoding="utf-8")


def test_github_annotations_put_conflicts_before_drafts() -> None:
    drafts = [Problem("a.claims.yaml", n, 5, Severity.WARNING, f"claim d{n}: drafted", "draft-claim")
              for n in range(1, 30)]
    conflict = Problem("z.claims.yaml", 90, 5, Severity.WARNING, "disagreement on key k", "disagreement")
    stale = Problem("reviewed.yaml", 3, 5, Severity.WARNING, "stale", "review-stale")
    error = Problem("z.claims.yaml", 99, 5, Severity.ERROR, "contradiction on key j", "contradiction")
    report = CheckReport([*drafts, stale, conflict, error], ["a.claims.yaml"], 2, 30, LoadResult(Corpus(".", Config())))
    annotations = [line for line in render_github(report).splitlines() if line.startswith("::")]
    assert [a.split(" ", 1)[0] for a in annotations[:3]] == ["::error", "::warning", "::warning"]
    assert "briefcmp disagreement" in annotations[1] and "briefcmp review-stale" in annotations[2]
    assert sum("draft-claim" in a for a in annotations) == 8  # what the cap of 10 warnings leaves them


def test_errors_are_never_capped_and_each_rule_is_capped_alone() -> None:
    from briefcmp.render.problems import render_text

    errors = [Problem("a.claims.yaml", n, 5, Severity.ERROR, f"quote {n} not found", "quote-not-found")
              for n in range(1, 16)]
    drafts = [Problem("a.claims.yaml", 100 + n, 5, Severity.WARNING, f"d{n}", "draft-claim") for n in range(12)]
    lonely = [Problem("b.claims.yaml", n, 5, Severity.WARNING, f"k{n}", "lonely-key") for n in range(3)]
    report = CheckReport([*errors, *drafts, *lonely], ["a.claims.yaml"], 2, 30, LoadResult(Corpus(".", Config())))
    lines = "".join(render_text(report, per_rule=10)).splitlines()
    assert sum("[quote-not-found]" in line for line in lines) == 15
    assert sum("[draft-claim]" in line for line in lines) == 10 and sum("[lonely-key]" in line for line in lines) == 3
    assert lines[-1].startswith("draft-claim: 2 more warnings not shown (10 listed above;")
    assert len("".join(render_text(report, per_rule=0)).splitlines()) == 30
