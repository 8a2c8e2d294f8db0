"""The command line: parse options, call the core, render, set the exit code.

One module per command group, each thin: options -> a settings object -> a core function
-> a renderer. ``app`` holds the typer app and the shared options; importing a group
registers its commands.

Takes: the command line. Gives: output on stdout or in files, and the exit code.
"""

from __future__ import annotations

import sys

import typer

# Importing a group registers its commands; this order is the order of `briefcmp --help`.
from briefcmp.cli import gate  # noqa: F401,I001  (check, review)
from briefcmp.cli import corpus  # noqa: F401  (schema, init, cache)
from briefcmp.cli import analysis  # noqa: F401  (compare, coverage, claims, show, briefs)
from briefcmp.cli import export  # noqa: F401  (export)
from briefcmp.cli import ingest  # noqa: F401  (add)
from briefcmp.cli import drafting  # noqa: F401  (annotate)
from briefcmp.cli.app import app


def main() -> None:
    """Console-script entry: run the app; no traceback ever reaches the user."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        typer.echo("briefcmp: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in briefcmp, not bad input: say so plainly
        typer.echo(f"briefcmp: internal error: {type(exc).__name__}: {exc}\n"
                   "Please report this with the command line you used.", err=True)
        sys.exit(3)
