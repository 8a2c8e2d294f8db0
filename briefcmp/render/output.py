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


COLOR_MODES = ("auto", "always", "never")
_color_mode = "auto"


def set_color_mode(mode: str) -> None:
    """The global ``--color auto|always|never`` of the command line."""
    global _color_mode
    if mode not in COLOR_MODES:
        raise ValueError(mode)
    _color_mode = mode


def color_forced() -> bool:
    """Colour asked for even off a terminal: ``--color always``, or FORCE_COLOR set (and not
    "0"/"false") with ``--color auto`` and no NO_COLOR (so ``| less -R`` can get colour)."""
    if _color_mode != "auto":
        return _color_mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return os.environ.get("FORCE_COLOR", "").strip().lower() not in ("", "0", "false", "no")


def color_allowed(to_terminal: Optional[bool] = None) -> bool:
    """Whether to colour: ``--color`` first; with auto, NO_COLOR (https://no-color.org) turns
    colour off, FORCE_COLOR turns it on, else colour exactly when stdout is a terminal."""
    if _color_mode != "auto":
        return _color_mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return color_forced() or (stdout_is_terminal() if to_terminal is None else to_terminal)


def terminal_width(default: int = 100) -> int:
    """The width of the terminal on stdout (not stdin/stderr: those may be elsewhere);
    off a terminal, $COLUMNS when set, else ``default``."""
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, AttributeError, ValueError):
        pass
    from briefcmp.render.layout import columns_env

    width = columns_env(20)
    return default if width is None else width


def terminal_height(default: int = 24) -> int:
    try:
        return os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, AttributeError, ValueError):
        return default


# --------------------------------------------------------------------------- pager

DEFAULT_PAGER = "less -FRX"
_pager_enabled = True


def set_pager(enabled: bool) -> None:
    """``--no-pager`` turns the pager off for this run."""
    global _pager_enabled
    _pager_enabled = enabled


def pager_command() -> Optional[list[str]]:
    """The pager to use for terminal output (as git does): $BRIEFCMP_PAGER, else $PAGER, else
    ``less -FRX``; None when paging is off: ``--no-pager``, stdout not a terminal, CI set,
    a dumb terminal, or a pager of "" or "cat"."""
    import shlex

    if not _pager_enabled or not stdout_is_terminal():
        return None
    try:  # the pager writes to the real file descriptor 1: it must be the terminal
        if not os.isatty(sys.stdout.fileno()):
            return None
    except (AttributeError, ValueError, OSError):
        return None
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false") or os.environ.get("TERM") == "dumb":
        return None
    for var in ("BRIEFCMP_PAGER", "PAGER"):
        if var in os.environ:
            cmd = os.environ[var]
            break
    else:
        cmd = DEFAULT_PAGER
    try:
        words = shlex.split(cmd)
    except ValueError:
        words = cmd.split()
    if not words or words == ["cat"]:
        return None
    return words


def page(text: str) -> None:
    """Show terminal output: through the pager when it is taller than the screen, else directly.

    A pager that cannot be started means the text is printed directly; a pager that exits
    early (the reader pressed q) ends the output quietly; Ctrl-C goes to the pager, not here.
    """
    import signal
    import subprocess

    words = pager_command()
    if words is None or text.count("\n") < terminal_height():
        emit(text)
        return
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # like git: quit if one screen, keep colours, no screen clearing
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(words, stdin=subprocess.PIPE, env=env)
    except OSError:
        emit(text)
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        try:
            proc.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
        except (BrokenPipeError, OSError):
            pass
        proc.wait()
    finally:
        signal.signal(signal.SIGINT, old)


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


def deliver_terminal(text: Union[str, Iterable[str]], output: Optional[Path], force: bool = False) -> None:
    """Like ``deliver``, but terminal output taller than the screen goes through the pager."""
    if (output is None or str(output) == "-") and stdout_is_terminal():
        page(text if isinstance(text, str) else "".join(text))
    else:
        deliver(text, output, force)
