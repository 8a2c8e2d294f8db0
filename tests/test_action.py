"""The reusable GitHub Action (action.yml) and the workflow docs/ci.md gives, validated against
SchemaStore's GitHub Action and workflow schemas (as check-jsonschema vendors them: tests/data/,
Apache-2.0, LICENSE.schemastore), and read for what the action must do."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"


def schema(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_action_yml_is_valid_action_metadata() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    jsonschema.validate(action, schema("github-actions.json"))
    runs = action["runs"]
    assert runs["using"] == "composite"
    steps = runs["steps"]
    assert steps[0]["uses"].startswith("actions/setup-python@")
    scripts = "\n".join(s.get("run", "") for s in steps)
    assert "pip install" in scripts and "$GITHUB_ACTION_PATH" in scripts  # from the action's own checkout
    assert "--changed --base" in scripts and "--format github" in scripts
    for step in steps:  # inputs never interpolated into a script (script injection): only via env
        assert "${{" not in step.get("run", ""), step["name"]
    bad = {"$schema": None}
    try:
        jsonschema.validate({**action, "runs": {"using": "composite"}}, schema("github-actions.json"))
        raise AssertionError("a composite action without steps passed")
    except jsonschema.ValidationError:
        bad = {}
    assert bad == {}


def test_the_workflow_in_docs_ci_uses_the_action_and_is_valid() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text.split("## GitHub Actions", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    workflow = yaml.safe_load(block)
    workflow["on"] = workflow.pop(True)  # YAML 1.1 reads the key `on` as true; GitHub reads it as "on"
    jsonschema.validate(workflow, schema("github-workflows.json"))
    uses = [s.get("uses", "") for s in workflow["jobs"]["check"]["steps"]]
    assert any(u.startswith("OWNER/briefcmp@") for u in uses)
    assert "pip install briefcmp\n" not in text
