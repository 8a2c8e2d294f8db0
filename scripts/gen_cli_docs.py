"""Generate docs/cli.md, the command reference, from the commands' own --help.

Run after changing a command:  python scripts/gen_cli_docs.py
tests/test_docs.py fails when docs/cli.md is out of date.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def command_paths():
    """Every command as a list of words, depth first: [], [check], [review], [review, add], ..."""
    import typer.main

    from briefcmp.cli import app

    def walk(cmd, prefix):
        yield prefix
        if hasattr(cmd, "list_commands"):  # a group (typer vendors its own click)
            for name in cmd.list_commands(None):
                yield from walk(cmd.get_command(None, name), prefix + [name])

    yield from walk(typer.main.get_command(app), [])


def render() -> str:
    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()
    parts = ["# Command reference\n",
             "Generated from `--help` by `scripts/gen_cli_docs.py`; do not edit by hand.\n"]
    for words in command_paths():
        result = runner.invoke(app, [*words, "--help"], prog_name="briefcmp", terminal_width=100,
                               env={"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"})
        title = " ".join(["briefcmp", *words])
        parts.append(f"## {title}\n\n```\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    os.environ["COLUMNS"] = "100"
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
