"""Generate docs/img/compare.svg, the README's picture of `briefcmp compare` in a terminal.

The picture is real output: the command runs on the bundled corpus with colour forced at
a fixed terminal size, and rich records it as SVG. Run after changing the terminal view:
    python scripts/gen_readme_svg.py
tests/test_docs.py fails when the picture is out of date.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img" / "compare.svg"
COLUMNS, ROWS = 100, 30  # the first screen of a 100 x 30 terminal
COMMAND = ["compare", "briefs"]


def terminal_output() -> str:
    """What `briefcmp compare briefs` prints (with colour) on a COLUMNS-wide terminal."""
    from typer.testing import CliRunner

    from briefcmp.cli import app

    env = {"FORCE_COLOR": "1", "NO_COLOR": None, "COLUMNS": str(COLUMNS), "BRIEFCMP_NO_CACHE": "1"}
    here = os.getcwd()
    os.chdir(ROOT)  # the README's command runs at the root of the repository
    try:
        result = CliRunner().invoke(app, COMMAND, env=env, prog_name="briefcmp", catch_exceptions=False)
    finally:
        os.chdir(here)
    if result.exit_code != 0:
        raise SystemExit(f"briefcmp {' '.join(COMMAND)} failed: {result.output}")
    return result.stdout


def render() -> str:
    from rich.console import Console
    from rich.text import Text

    lines = terminal_output().splitlines()[:ROWS]
    console = Console(file=io.StringIO(), record=True, width=COLUMNS, force_terminal=True,
                      color_system="truecolor", legacy_windows=False)
    for line in lines:
        console.print(Text.from_ansi(line), soft_wrap=True)
    return console.export_svg(title=f"briefcmp {' '.join(COMMAND)}/")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8", newline="\n")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
