"""The docs keep the promises the code makes: every command documented, quick start = CI."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import gen_cli_docs  # noqa: E402


def test_cli_reference_is_generated_from_current_help() -> None:
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == gen_cli_docs.render(), "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_readme_documents_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for words in gen_cli_docs.command_paths():
        if len(words) == 1:
            assert f"briefcmp {words[0]}" in readme, f"README does not mention `briefcmp {words[0]}`"


def test_quick_start_is_two_commands_and_ci_runs_them() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert command in ci.splitlines(), f".ci/run does not run the README's: {command}"
    assert "briefcmp compare briefs/" in commands[0] and "pytest" in commands[1]
