"""The command line: parse options, call the core, render, set the exit code.

One module per command group, each thin: options -> a settings object -> a core function
-> a renderer. ``app`` holds the typer app and the shared options; importing a group
registers its commands.

Takes: the command line. Gives: output on stdout or in files, and the exit code.
"""

from __future__ import annotations

import errno
import os
import sys

from typing import NoReturn


# Importing a group registers its commands; this order is the order of `briefcmp --help`.
from briefcmp.cli import gate  # noqa: F401,I001  (check, review)
from briefcmp.cli import corpus  # noqa: F401  (schema, init, cache)
from briefcmp.cli import analysis  # noqa: F401  (compare, coverage, claims, show, briefs)
from briefcmp.cli import export  # noqa: F401  (export)
from briefcmp.cli import ingest  # noqa: F401  (add)
from briefcmp.cli import drafting  # noqa: F401  (annotate)
from briefcmp.cli import align  # noqa: F401  (align)
from briefcmp.cli.app import app, say


class _ClosedStream:
    """Stands in for a closed stdout: any write is an output error (exit 2), never a crash."""

    encoding = "utf-8"
    errors = "replace"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _detach_stdout() -> None:
    """Point stdout at /dev/null: nothing is left to flush (and fail) at interpreter shutdown."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _output_failed(exc: OSError) -> NoReturn:
    """stdout cannot be written (full disk, /dev/full, closed): one clear line, exit 2."""
    _detach_stdout()
    try:
        sys.stderr.write(f"briefcmp: error: cannot write output: {exc.strerror or exc}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    os._exit(2)


def main() -> None:
    """Console-script entry: run the app; no traceback ever reaches the user."""
    if sys.stdout is None:  # started with stdout closed (>&-)
        sys.stdout = _ClosedStream()  # type: ignore[assignment]
    else:
        try:  # names that are not UTF-8 (surrogate-escaped) must not crash printing
            sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass
    code: object = 0
    try:
        try:
            app()
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()
    except KeyboardInterrupt:
        say("briefcmp: interrupted")
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (``briefcmp compare | head``): end quietly
        _detach_stdout()
    except OSError as exc:  # writing the output failed: the environment, not briefcmp
        _output_failed(exc)
    except Exception as exc:  # a bug in briefcmp, not bad input: say so plainly
        say(f"briefcmp: internal error: {type(exc).__name__}: {exc}\n"
                   "Please report this with the command line you used.")
        sys.exit(3)
    sys.exit(code)
