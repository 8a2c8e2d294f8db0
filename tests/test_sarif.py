"""`--format sarif`: SARIF 2.1.0 that validates against the official OASIS schema.

tests/data/sarif-schema-2.1.0.json is the official schema (errata01, from oasis-tcs/sarif-spec);
its licence is tests/data/SARIF-LICENSE.md.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from briefcmp import __version__
from briefcmp.cli import app
from briefcmp.render.sarif import artifact

from test_github import CI, NO_CI_ENV, golden

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
runner = CliRunner()
TRADE = "trade-total:contradiction:d94e077254"
SWIFT = "swift:contradiction:8f1198a206"


def sarif(*args: str, workspace: Path = CI) -> dict:
    r = runner.invoke(app, ["check", *args, "--format", "sarif"], env={**NO_CI_ENV, "GITHUB_WORKSPACE": str(workspace)})
    assert r.exit_code in (0, 1), r.output
    log = json.loads(r.stdout)
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    return log


def test_the_schema_is_the_official_one() -> None:
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    VALIDATOR.check_schema(SCHEMA)


def test_invalid_logs_are_rejected_by_the_validator(monkeypatch) -> None:
    """The validation is real: a result with a bad suppression status or line number fails it."""
    monkeypatch.chdir(CI)
    log = sarif("corpus")
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][0]["suppressions"][0]["status"] = "dismissed"
    assert list(VALIDATOR.iter_errors(bad))
    bad = json.loads(json.dumps(log))
    bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(VALIDATOR.iter_errors(bad))


def test_reviewed_conflict_is_a_suppressed_result(monkeypatch) -> None:
    monkeypatch.chdir(CI)
    log = sarif("corpus")
    run = log["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "contradiction" and result["level"] == "error"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "contradiction"
    assert result["suppressions"] == [{
        "kind": "external", "status": "accepted",
        "justification": "Beta was written days before Japan announced that it joins the SWIFT measures; "
                         "both were right on their dates. (Jane Doe, 2022-04-01)"}]
    assert result["partialFingerprints"] == {"briefcmpRelation/v1": SWIFT}
    loc = result["locations"][0]["physicalLocation"]
    assert loc == {"artifactLocation": {"uri": "corpus/alpha.claims.yaml", "uriBaseId": "%SRCROOT%"},
                   "region": {"startLine": 16, "startColumn": 5}}
    related = result["relatedLocations"][0]
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "corpus/beta.claims.yaml"
    assert related["message"]["text"] == "beta#swift: no (2022-03)"


def test_against_golden(monkeypatch) -> None:
    monkeypatch.chdir(CI)
    log = sarif("new/gamma.claims.yaml", "--against", "corpus")
    assert log["runs"][0]["tool"]["driver"]["version"] == __version__
    (result,) = log["runs"][0]["results"]
    assert "suppressions" not in result and result["partialFingerprints"]["briefcmpRelation/v1"] == TRADE
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "new/gamma.claims.yaml"
    text = json.dumps(log, indent=2, ensure_ascii=False).replace(f'"{__version__}"', '"VERSION"') + "\n"
    golden("against.sarif.json", text)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "my briefs"
    shutil.copytree(CI / "corpus", root)
    return root


def test_check_problems_inline_acknowledgement_and_under_review(corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(corpus.parent)
    alpha = corpus / "alpha.claims.yaml"
    alpha.write_text(alpha.read_text().replace("quote: Japan joined", "quote: Japan has joined")
                     .replace("    as_of: 2021\n", f"    as_of: 2021\n    acknowledges: [{SWIFT}]\n", 1))
    beta = corpus / "beta.claims.yaml"
    beta.write_text(beta.read_text() + f"    acknowledges: [{SWIFT}]\n    note: Written before the decision.\n")
    rv = corpus / "reviewed.yaml"
    rv.write_text(rv.read_text().replace("status: accepted", "status: under-review"))
    log = sarif(str(corpus.name), workspace=corpus.parent)
    results = log["runs"][0]["results"]
    rules = [r["ruleId"] for r in results]
    assert rules == ["acknowledgement-stale", "quote-not-found", "contradiction"]
    stale, quote, conflict = results
    assert stale["level"] == "error" and stale["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "my%20briefs/alpha.claims.yaml", "uriBaseId": "%SRCROOT%"}
    assert conflict["suppressions"][0]["status"] == "underReview"  # the reviewed file wins over the inline note
    rv.write_text("format: 1\nconflicts:\n")
    log = sarif(str(corpus.name), workspace=corpus.parent)
    conflict = log["runs"][0]["results"][-1]
    assert conflict["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                         "justification": "Written before the decision."}]
    driver = log["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == ["acknowledgement-stale", "quote-not-found", "contradiction"]


def test_problem_without_a_line_has_no_region_and_outside_paths_are_absolute(corpus: Path, tmp_path: Path) -> None:
    (corpus / "sources" / "beta.txt").unlink()
    log = sarif(str(corpus), workspace=tmp_path / "elsewhere")
    missing = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "source-missing")
    loc = missing["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].startswith("file:///") and "uriBaseId" not in loc["artifactLocation"]
    assert loc["region"]["startLine"] > 0
    assert artifact("x.yaml", None) == {"uri": (Path.cwd() / "x.yaml").as_uri()}
