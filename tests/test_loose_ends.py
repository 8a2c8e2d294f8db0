"""Regression tests for the loose ends a new user hit (issue 24, item 7)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.render.compare_term import SECTIONS

from test_terminal import in_pty

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "briefcmp" / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_show_key_in_a_terminal_labels_the_context() -> None:
    code, text = in_pty(["show", "japan-swift-exclusion-scope", "briefs"], 100, 300)
    assert code == 0, text
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if ">>ban Russia" in line)
    label = max(i for i in range(at) if not lines[i].startswith("    "))  # the line the context hangs from
    assert lines[label] == "  in context:", "\n".join(lines[at - 8:at + 2])  # not read as part of the note
    assert "systems<<.[11]" in text  # no space where the source has none


def test_compare_help_states_the_order_the_output_follows() -> None:
    help_text = " ".join(run("compare", "--help").stdout.split())
    stated = help_text.split("a table for each of: ", 1)[1].split(", in that order")[0]
    names = [re.sub(r"\s*\(.*?\)", "", part).strip() for part in stated.split(", ")]
    assert names == [title.lower() for title, _ in SECTIONS]
    code, text = in_pty(["compare", "briefs"], 100, 400)
    assert code == 0
    shown = [title for title, _ in SECTIONS if re.search(rf"^{title}\b", text, re.M)]
    assert len(shown) >= 3
    assert shown == sorted(shown, key=lambda t: text.index(t))  # the sections come in the order stated


def test_check_verbose_keeps_words_whole_at_80_columns() -> None:
    code, text = in_pty(["check", "briefs", "-v"], 80, 400)
    assert code == 0
    lines = [line for line in text.splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= 80
    piped = run("check", "briefs", "-v").stdout
    # the same words as the one-line form: nothing broken inside a word or an id
    assert " ".join(text.split()).count("japan-swift-exclusion-scope:contradiction:423e6c882d") == 1
    for problem in piped.splitlines():
        assert " ".join(problem.split()) in " ".join(text.split())


def test_one_key_is_not_one_keys(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "tests" / "fixtures" / "crossref" / "tolerance", corpus)
    import yaml

    key = sorted(yaml.safe_load((corpus / "briefcmp.yaml").read_text(encoding="utf-8"))["keys"])[0]
    matrix = run("compare", corpus, "--matrix", "--key", key)
    assert "briefcmp compare --matrix: 1 key x 3 briefs\n" in matrix.output, matrix.output
    for extra in ("beta-2022", "gamma-2022"):
        (corpus / f"{extra}.claims.yaml").unlink()
    exported = run("export", corpus, "--sqlite", tmp_path / "x.db").output
    assert re.search(r": 1 brief, \d+ claims?, 0 relations\n", exported), exported
    nouns = "keys|claims|briefs|relations|files|figures|warnings|errors|conflicts|groups|candidates|topics"
    for text in (matrix.output, exported, run("check", corpus).output, run("compare", corpus).output):
        assert not re.search(rf"(?<![\d,.])1 ({nouns})\b(?! file)", text), text


def test_check_json_has_the_shape_of_the_other_reports() -> None:
    doc = json.loads(run("check", "briefs", "--format", "json").stdout)
    compare_doc = json.loads(run("compare", "briefs", "--format", "json").stdout)
    assert doc["command"] == "check" and list(doc)[:4] == ["version", "tool", "command", "corpus"]
    assert {k: v for k, v in doc["corpus"].items() if k != "path"} == compare_doc["corpus"]
    assert doc["corpus"]["path"] == "briefs"
    jsonschema.validate(doc, SCHEMA)
    jsonschema.validate(json.loads(run("check", "briefs", "--statistics", "-f", "json", "-v").stdout), SCHEMA)
    schema_cmd = json.loads(run("schema", "report").stdout)
    assert {"$ref": "#/$defs/check"} in schema_cmd["oneOf"]
    doc["command"] = "compare"
    try:
        jsonschema.validate(doc, SCHEMA)
        raise AssertionError("a check report passed as a compare report")
    except jsonschema.ValidationError:
        pass


def test_a_mistyped_kind_gets_did_you_mean() -> None:
    r = run("compare", "briefs", "--kind", "contradictons")
    assert r.exit_code == 2 and "did you mean 'contradiction'?" in r.output
    r = run("compare", "briefs", "--only", "agrements")
    assert r.exit_code == 2 and "did you mean 'agreements'?" in r.output
    r = run("compare", "briefs", "--format", "jsn")  # every choice option, enums too
    assert r.exit_code == 2 and "did you mean 'json'?" in r.output
    r = run("compare", "briefs", "--kind", "zzz")  # nothing near: no guess
    assert r.exit_code == 2 and "did you mean" not in r.output
    r = run("check", "briefs", "--fail-on", "warnings")  # an accepted alias stays accepted
    assert r.exit_code == 0
