"""The command line: parse options, call the core, render, set the exit code.

Every command imports what it needs inside its body, so ``briefcmp --help``
loads nothing but typer. Exit codes: 0 clean, 1 findings, 2 usage or unusable input.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from briefcmp import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2

app = typer.Typer(
    name="briefcmp",
    help="Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"briefcmp {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.

    Example: briefcmp compare briefs/
    """


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``briefcmp: error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"briefcmp: error: {message}", err=True)
    return typer.Exit(code)


PATHS_ARG = typer.Argument(None, metavar="PATH", show_default=False,
                           help="Corpus folder(s) or claims files. Default: ./briefs")
OUTPUT_OPT = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of stdout.")
FORCE_OPT = typer.Option(False, "--force", help="Replace an existing --output file.")


def default_paths(paths: Optional[List[Path]]) -> list[Path]:
    return list(paths) if paths else [Path("briefs")]


# --------------------------------------------------------------------------- check


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    never = "never"


@app.command()
def check(
    paths: Optional[List[Path]] = PATHS_ARG,
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a problem of this severity or worse exists."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Always exit 0 unless the input is unusable."),
    output: Optional[Path] = OUTPUT_OPT,
    force: bool = FORCE_OPT,
) -> None:
    """Validate the corpus config, every claims file, every quote and every reference.

    Problems are printed as path:line:col: severity: message [rule].
    Exit 0 when clean, 1 when a problem reaches --fail-on, 2 for unusable input.

    Example: briefcmp check briefs/ --fail-on warning
    """
    from briefcmp.check import CheckSettings, run_check
    from briefcmp.load import InputError
    from briefcmp.output import OutputError, color_allowed, deliver
    from briefcmp.render.problems import FORMATTERS, summary

    settings = CheckSettings(paths=default_paths(paths), fail_on=fail_on.value)
    try:
        report = run_check(settings)
    except InputError as exc:
        raise fail(str(exc))
    color = output is None and color_allowed() and format is CheckFormat.text
    text = FORMATTERS[format.value](report, color=color)
    try:
        if color:
            from rich.console import Console

            Console(highlight=False, soft_wrap=True).print(text, end="")
        else:
            deliver(text, output, force)
    except OutputError as exc:
        raise fail(str(exc))
    if format is CheckFormat.text:
        typer.echo(summary(report), err=True)
    code = EXIT_CLEAN if exit_zero else report.exit_code(settings.fail_on)
    raise typer.Exit(code)


# --------------------------------------------------------------------------- schema


class SchemaName(str, Enum):
    claims = "claims"
    config = "config"


@app.command()
def schema(
    name: SchemaName = typer.Argument(SchemaName.claims, help="Which schema: claims or config."),
    write: Optional[Path] = typer.Option(None, "--write", help="Write both schemas into this folder "
                                         "(e.g. briefs/schemas) for editors to use."),
    force: bool = typer.Option(False, "--force", help="Replace existing schema files."),
) -> None:
    """Print the JSON Schema of claims files or of the corpus config.

    Claims files point editors at it with a first line like
    # yaml-language-server: $schema=schemas/claims.schema.json

    Example: briefcmp schema claims > claims.schema.json
    """
    from briefcmp.output import OutputError, emit, write_file
    from briefcmp.schemas import schema_text

    if write is None:
        emit(schema_text(name.value))
        raise typer.Exit(EXIT_CLEAN)
    try:
        write.mkdir(parents=True, exist_ok=True)
        for n in SchemaName:
            target = write / f"{n.value}.schema.json"
            if target.exists() and target.read_text(encoding="utf-8") == schema_text(n.value):
                continue
            write_file(target, schema_text(n.value), force)
            typer.echo(f"wrote {target}", err=True)
    except (OutputError, OSError) as exc:
        raise fail(str(exc))


# --------------------------------------------------------------------------- init


@app.command()
def init(
    folder: Path = typer.Argument(..., help="Folder for the new corpus (created if missing)."),
) -> None:
    """Scaffold a new corpus: config, one example brief with its source, and the schemas.

    Existing files are never overwritten. The result passes `briefcmp check`.

    Example: briefcmp init my-briefs && briefcmp check my-briefs
    """
    from briefcmp.scaffold import ScaffoldError, scaffold

    try:
        written, skipped = scaffold(folder)
    except ScaffoldError as exc:
        raise fail(str(exc))
    for p in written:
        typer.echo(f"created {p}", err=True)
    for p in skipped:
        typer.echo(f"kept existing {p}", err=True)


# --------------------------------------------------------------------------- analysis (compare, coverage, claims, show, briefs)


# --------------------------------------------------------------------------- annotate


# --------------------------------------------------------------------------- review (reviewed conflicts)


# --------------------------------------------------------------------------- cache


# --------------------------------------------------------------------------- entry point


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
