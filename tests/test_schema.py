"""The shipped JSON Schemas agree with the loader on positive and negative examples."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from briefcmp.corpus import yamlsafe
from briefcmp.corpus.problems import Problems
from briefcmp.schemas import schema_text

ROOT = Path(__file__).resolve().parent.parent
LOAD = Path(__file__).parent / "fixtures" / "load"


def as_json(path: Path):
    """A claims file as editors see it: YAML 1.2, plain scalars as text (briefcmp's own reading)."""
    problems = Problems()
    data = yamlsafe.parse(path.read_text(encoding="utf-8"), str(path), problems)
    assert not problems
    return data


def validator(name: str):
    schema = json.loads(schema_text(name))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", [LOAD / "good-minimal.claims.yaml", LOAD / "traps.claims.yaml",
                                  *sorted(ROOT.glob("briefs/*.claims.yaml"))], ids=lambda p: p.name)
def test_valid_claims_files_pass_the_schema(path: Path) -> None:
    errors = list(validator("claims").iter_errors(as_json(path)))
    assert not errors, errors[0].message if errors else ""


@pytest.mark.parametrize("name", ["unknown-field", "wrong-types", "unknown-refs-schema"])
def test_invalid_claims_files_fail_the_schema(name: str, tmp_path: Path) -> None:
    if name == "unknown-refs-schema":  # a malformed id is a schema matter too
        path = tmp_path / "x.claims.yaml"
        path.write_text("brief: {id: Bad Id, title: t, source: s.txt}\n")
    else:
        path = LOAD / f"{name}.claims.yaml"
    assert list(validator("claims").iter_errors(as_json(path)))


@pytest.mark.parametrize("path", [LOAD / "briefcmp.yaml", ROOT / "briefs" / "briefcmp.yaml"], ids=lambda p: p.parent.name)
def test_configs_pass_the_schema(path: Path) -> None:
    errors = list(validator("config").iter_errors(as_json(path)))
    assert not errors, errors[0].message if errors else ""


def test_corpus_copy_of_the_schemas_is_current() -> None:
    for name in ("claims", "config"):
        copy = ROOT / "briefs" / "schemas" / f"{name}.schema.json"
        assert copy.read_text(encoding="utf-8") == schema_text(name), f"run: briefcmp schema --write briefs/schemas --force"


def test_years_written_as_plain_numbers_validate() -> None:
    """Editors read YAML 1.2, where an unquoted 2014 is a number: the schema must accept it."""
    doc = {"brief": {"id": "b", "title": "t", "source": "s.txt", "published": 2022},
           "claims": [{"id": "c", "quote": "q", "as_of": 2014, "value": {"date": 2014}}]}
    assert not list(validator("claims").iter_errors(doc))
    doc["claims"][0]["as_of"] = 20140
    assert list(validator("claims").iter_errors(doc))
