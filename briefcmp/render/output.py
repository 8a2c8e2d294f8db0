"""Where output goes: the terminal, a pipe, or a file (-o), and how it gets there.

Rules that every command follows:
- A terminal gets rich, coloured output sized to the terminal.
- A pipe or file gets plain text with no escape codes, laid out without reference to
  whatever terminal happens to be attached to stdin or stderr.
- ``-o FILE`` is written atomically (temp file + rename) and never replaces an existing
  file unless ``--force`` is given.
- A closed pipe (``briefcmp compare | head``) ends the output quietly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Iterable, Optional, Union

from briefcmp.corpus.files import write_file


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def color_allowed() -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return stdout_is_terminal() and not os.environ.get("NO_COLOR")


def terminal_width(default: int = 100) -> int:
    """The width of the terminal on stdout (not stdin/stderr: those may be elsewhere)."""
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, AttributeError, ValueError):
        return default


def _quiet_stdout() -> None:
    """After EPIPE: point stdout at /dev/null so interpreter shutdown does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def emit(text: Union[str, Iterable[str]], stream: Optional[IO[str]] = None) -> None:
    """Write text (a string, or text chunks as they come) to stdout (or ``stream``), ending quietly if
    the reader went away."""
    out = stream or sys.stdout
    try:
        if isinstance(text, str):
            out.write(text)
        else:
            for chunk in text:
                out.write(chunk)
        out.flush()
    except BrokenPipeError:
        _quiet_stdout()


def deliver(text: Union[str, Iterable[str]], output: Optional[Path], force: bool = False) -> None:
    """Send a rendered report (a string, or text chunks written as they are made) to ``-o FILE``
    (atomically) or to stdout."""
    if output is not None and str(output) != "-":
        write_file(output, text, force)
    else:
        emit(text)


def deliver_utf8(blocks: Iterable[bytes], output: Optional[Path], force: bool = False) -> None:
    """``deliver`` for text already encoded as UTF-8 (a stored report): written as bytes where the
    destination takes UTF-8 with no newline translation, else decoded first."""
    out = None if output is not None and str(output) != "-" else sys.stdout
    raw = getattr(out, "buffer", None) if out is not None else None
    encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if out is None:
        write_file(output, blocks, force)  # type: ignore[arg-type]
    elif raw is not None and encoding == "utf8" and os.linesep == "\n":
        try:
            out.flush()
            for block in blocks:
                raw.write(block)
            raw.flush()
        except BrokenPipeError:
            _quiet_stdout()
    else:
        import codecs

        decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        emit(decoder.decode(b) for b in [*blocks, b""])
