"""The typer app, the options every command shares, and the exit codes.

Every command imports what it needs inside its body, so ``briefcmp --help``
loads nothing but typer. Exit codes: 0 clean, 1 findings, 2 usage or unusable input.
"""

from __future__ import annotations

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
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Do not read or write the cache of loaded claims files "
                                       "(also BRIEFCMP_NO_CACHE=1)."),
) -> None:
    """Cross-reference the claims of policy briefs: agreements, contradictions and topic coverage.

    Example: briefcmp compare briefs/
    """
    if no_cache:
        from briefcmp.corpus import cache

        cache.disable()


def fail(message: str, code: int = EXIT_INPUT) -> typer.Exit:
    """Print ``briefcmp: error: message`` on stderr and return the Exit to raise."""
    typer.echo(f"briefcmp: error: {message}", err=True)
    return typer.Exit(code)


PATHS_ARG = typer.Argument(None, metavar="PATH", show_default=False,
                           help="Corpus folder(s) or claims files. Default: ./briefs")
def output_path(value: str) -> Path:
    """``-o`` value: a file path; one ending in ``/`` names a folder and is refused here (clear usage error)."""
    if value != "-" and value.endswith(("/", "\\")):
        raise typer.BadParameter(f"{value}: is a folder; give a file name, e.g. {value}report.txt")
    return Path(value)


OUTPUT_OPT = typer.Option(None, "--output", "-o", parser=output_path, metavar="PATH",
                          help="Write to this file (atomically) instead of stdout.")
FORCE_OPT = typer.Option(False, "--force", help="Replace an existing --output file.")


def default_paths(paths: Optional[List[Path]]) -> list[Path]:
    return list(paths) if paths else [Path("briefs")]
