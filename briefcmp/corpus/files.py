"""Reading and writing files safely.

Reading (``read_regular``): only regular files are read, opened without blocking (a FIFO
or a device planted where a file should be cannot hang briefcmp), and never more than a
size limit (``/dev/zero`` cannot fill the memory).

Writing (``write_file``) is the one way briefcmp writes a file (reports with ``-o``,
``init``, edits of claims and reviewed files), and it never replaces something the user
did not ask to replace:

- a regular file is written atomically: a temp file in the same folder, then a rename;
  an existing file is replaced only with ``force`` (it keeps its permissions);
- a symbolic link is followed: its target is updated (atomically), the link stays; a
  dangling link is refused unless ``force`` is given (then its target is created);
- a character device or a FIFO is written *through* (opened and written, never renamed
  over): nothing is replaced, so no ``force`` is needed; a FIFO with no reader is an error
  rather than a hang; ``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` are written to that
  descriptor, whatever it is open on (a redirected file is not replaced either);
- a path ending in ``/`` or naming a folder is refused: it is a folder, not a file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Union

PathLike = Union[str, "os.PathLike[str]"]


class OutputError(Exception):
    """The output cannot be written (exists without --force, unwritable folder): exit 2."""


class NotRegularFile(OSError):
    """A path that should be a regular file is a FIFO, a device, a socket or a folder."""


class FileTooLarge(OSError):
    """A file is larger than the limit it is read with."""


# --------------------------------------------------------------------------- reading


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: PathLike, limit: int, *, allow_larger: bool = False) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them.

    Raises ``NotRegularFile`` for anything but a regular file (checked on the opened
    descriptor, so the check cannot be raced), ``FileTooLarge`` when the file holds more than
    ``limit`` bytes (unless ``allow_larger``: then ``limit + 1`` bytes are returned, so the
    caller can report the limit itself), and ``OSError`` when it cannot be opened.
    """
    return read_regular_stat(path, limit, allow_larger=allow_larger)[0]


def read_regular_stat(path: PathLike, limit: int, *, allow_larger: bool = False) -> "tuple[bytes, os.stat_result]":
    """``read_regular`` and the ``fstat`` of the file it read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO nobody writes returns at once
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, f"is {_kind(st.st_mode)}, not a regular file")
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit and not allow_larger:
        raise FileTooLarge(errno.EFBIG, f"is larger than {limit:,} bytes")
    return data, st


# --------------------------------------------------------------------------- writing


def _encode(text: str) -> bytes:
    # Text may carry file names that are not UTF-8 (decoded with surrogateescape): written
    # files are always valid UTF-8, such bytes become U+FFFD.
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace").encode("utf-8")


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


Text = Union[str, Iterable[str], Iterable[bytes]]


def _chunks(text: Text) -> Iterator[bytes]:
    """``text`` as UTF-8 blocks: a string, text chunks, or chunks already encoded (a streamed report)."""
    if isinstance(text, str):
        yield _encode(text)
        return
    for chunk in text:
        yield chunk if isinstance(chunk, bytes) else _encode(chunk)


def write_file(path: PathLike, text: Text, force: bool = False) -> None:
    """Write ``text`` (a string, or chunks of text or UTF-8 bytes written as they come) to ``path``
    as described in the module docstring; ``OutputError`` when that is refused or fails."""
    raw = os.fspath(path)
    shown = raw
    if raw.endswith(("/", os.sep)) or os.path.isdir(raw):
        raise OutputError(f"{shown}: is a folder; give a file name, e.g. {os.path.join(raw, 'report.txt')}")
    data = _chunks(text)
    fd = _standard_stream(raw)
    if fd is not None:  # /dev/stdout, /dev/fd/N: the descriptor itself, whatever it points to (a file too)
        _write_all(fd, shown, data)
        return
    try:
        st = os.stat(raw)  # follows symbolic links
    except FileNotFoundError:
        st = None
    except NotADirectoryError:
        raise OutputError(f"{shown}: cannot write: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {_why(exc)}") from exc
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(raw, shown, data, st.st_mode)
        return
    target = raw
    if os.path.islink(raw):
        if st is None and not force:
            raise OutputError(f"{shown}: is a dangling symbolic link (to {os.readlink(raw)}); "
                              "use --force to create its target")
        target = os.path.realpath(raw)  # update the link's target, keep the link
    if st is not None and not force:
        raise OutputError(f"{shown}: file exists; use --force to replace it")
    _write_atomic(target, shown, data, st)


_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}


def _standard_stream(raw: str) -> "int | None":
    """The descriptor a /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N path names (None otherwise)."""
    if os.name != "posix":
        return None
    if raw in _STREAMS:
        return _STREAMS[raw]
    for prefix in ("/dev/fd/", "/proc/self/fd/"):
        if raw.startswith(prefix) and raw[len(prefix):].isdigit():
            return int(raw[len(prefix):])
    return None


def _write_all(fd: int, shown: str, data: Iterable[bytes]) -> None:
    import sys

    try:
        if fd in (1, 2):  # keep the order of what was already printed
            (sys.stdout if fd == 1 else sys.stderr).flush()
        for block in data:
            view = memoryview(block)
            while view:
                view = view[os.write(fd, view):]
    except (OSError, AttributeError, ValueError) as exc:
        raise OutputError(f"{shown}: cannot write: {getattr(exc, 'strerror', None) or exc}") from exc


def _write_through(raw: str, shown: str, data: Iterable[bytes], mode: int) -> None:
    """Write into a device or FIFO in place (never replace it)."""
    if stat.S_ISDIR(mode):
        raise OutputError(f"{shown}: is a folder; give a file name")
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise OutputError(f"{shown}: is {_kind(mode)}; briefcmp writes only to files, devices and FIFOs")
    try:
        # Non-blocking open: a FIFO nobody reads is an error (ENXIO), not a hang.
        fd = os.open(raw, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{shown}: FIFO has no reader") from exc
        raise OutputError(f"{shown}: cannot write: {_why(exc)}") from exc
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        _write_all(fd, shown, data)
    finally:
        os.close(fd)


def _write_atomic(target: str, shown: str, data: Iterable[bytes], st: "os.stat_result | None") -> None:
    folder = os.path.dirname(target) or "."
    if not os.path.isdir(folder):
        what = "is not a folder" if os.path.exists(folder) else "does not exist"
        raise OutputError(f"{shown}: folder {folder} {what}")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            for block in data:
                fh.write(block)
        os.chmod(tmp, (st.st_mode & 0o7777) if st is not None else 0o644)
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write: {_why(exc)}") from exc
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
