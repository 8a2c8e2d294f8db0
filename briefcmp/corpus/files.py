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
- a path ending in ``/`` or naming a folder is refused: it is a folder, not a file;
- a descriptor path names a descriptor the caller handed briefcmp: one that was not open
  when the command started (``-o /dev/fd/3`` with fd 3 closed) is refused, never the file
  briefcmp itself opened meanwhile under that number (its cache), and a number that is no
  descriptor (``/dev/fd/99999999999999999999``) is an error, not a crash;
- a file of the corpus (``within``: the corpus folder) is written only when its real path
  lies inside the corpus, the rule reading follows: a symbolic link that leaves the corpus
  is refused, its target never touched.

``append_file`` appends (the GitHub job summary) with the same treatment of FIFOs and devices.
"""

from __future__ import annotations

import errno
import os
import re
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


def line_ending(data: bytes) -> str:
    """The line ending a file uses (that of its first line): ``\\r\\n``, ``\\r`` or ``\\n``."""
    i = data.find(b"\n")
    j = data.find(b"\r")
    if j != -1 and (i == -1 or j < i):
        return "\r\n" if data[j + 1:j + 2] == b"\n" else "\r"
    return "\n"


def with_line_ending(text: str, ending: str) -> str:
    """``text`` (edited with ``\\n`` line ends, as Python reads text) written with the file's own ``ending``."""
    if ending == "\n":
        return text
    return text.replace("\r\n", "\n").replace("\n", ending)


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


def inside(path: PathLike, root: PathLike) -> bool:
    """Whether the real path of ``path`` (every symbolic link followed) lies inside the real ``root``:
    the one rule for the files of a corpus, read or written."""
    return os.path.realpath(path).startswith(os.path.join(os.path.realpath(root), ""))


def confine(path: PathLike, root: PathLike) -> None:
    """``OutputError`` unless ``path`` may be written as a file of the corpus ``root`` (see ``inside``)."""
    if not inside(path, root):
        raise OutputError(f"{shown_path(path)}: is a symbolic link to {shown_path(os.path.realpath(path))}, outside "
                          f"the corpus folder {shown_path(root)}; briefcmp writes a corpus's files only inside it "
                          "(as it reads them): replace the link with a file")


def shown_path(path: PathLike) -> str:
    """A path as a message shows it: control and bidi characters visible, names that are not UTF-8 shown."""
    from briefcmp.corpus.safetext import visible

    return visible(os.fspath(path), one_line=True)


def write_file(path: PathLike, text: Text, force: bool = False, within: "PathLike | None" = None) -> None:
    """Write ``text`` (a string, or chunks of text or UTF-8 bytes written as they come) to ``path``
    as described in the module docstring; ``OutputError`` when that is refused or fails.
    ``within``: the corpus folder ``path`` belongs to (then it is confined to it)."""
    raw = os.fspath(path)
    shown = shown_path(raw)
    if raw.endswith(("/", os.sep)) or os.path.isdir(raw):
        raise OutputError(f"{shown}: is a folder; give a file name, e.g. {shown_path(os.path.join(raw, 'report.txt'))}")
    if within is not None:
        confine(raw, within)
    data = _chunks(text)
    fd = _standard_stream(raw, shown)
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
            raise OutputError(f"{shown}: is a dangling symbolic link (to {shown_path(os.readlink(raw))}); "
                              "use --force to create its target")
        target = os.path.realpath(raw)  # update the link's target, keep the link
    if st is not None and not force:
        raise OutputError(f"{shown}: file exists; use --force to replace it")
    _write_atomic(target, shown, data, st)


_STREAMS = {"/dev/stdout": 1, "/dev/stderr": 2}
_DESCRIPTOR = re.compile(r"(?:/dev/fd/|/proc/self/fd/)([0-9]+)")
_PROBED = 256  # descriptors below this are recorded at the start of a command (about 1 ms of fstat calls)
_inherited: "frozenset[int] | None" = None


def note_inherited_descriptors() -> None:
    """Record which descriptors are open as a command starts (before briefcmp opens any file), so
    that ``/dev/fd/N`` can only name one the caller handed over. ``fstat`` opens nothing itself
    (listing /proc/self/fd would take the lowest free number and see it open)."""
    global _inherited
    if os.name != "posix":
        return
    found = set()
    for fd in range(_PROBED):
        try:
            os.fstat(fd)
        except OSError:
            continue
        found.add(fd)
    _inherited = frozenset(found)


def _standard_stream(raw: str, shown: str = "") -> "int | None":
    """The descriptor a /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N path names (None otherwise);
    ``OutputError`` for a number that is no descriptor or one the caller did not hand over."""
    if os.name != "posix":
        return None
    m = _DESCRIPTOR.fullmatch(raw)
    if raw in _STREAMS:
        fd = _STREAMS[raw]
    elif m is None:
        return None
    else:
        fd = int(m.group(1))
    if fd >= 2**31 - 1 or (_inherited is not None and fd < _PROBED and fd not in _inherited):
        number = str(fd) if fd < 2**31 else m.group(1)[:12] + "..."  # type: ignore[union-attr]
        raise OutputError(f"{shown or raw}: cannot write: descriptor {number} "
                          "was not open when briefcmp started (Bad file descriptor)")
    return fd


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


def append_file(path: PathLike, text: str) -> None:
    """Append ``text`` to ``path`` (created when missing, never its folder): a FIFO with no reader is an
    error, not a hang; a folder, socket or missing folder is an error; ``OutputError`` on failure."""
    raw = os.fspath(path)
    shown = shown_path(raw)
    try:
        fd = os.open(raw, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o644)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{shown}: FIFO has no reader") from exc
        raise OutputError(f"{shown}: cannot write: {_why(exc)}") from exc
    try:
        st = os.fstat(fd)
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise OutputError(f"{shown}: is {_kind(st.st_mode)}; briefcmp writes only to files, devices and FIFOs")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        _write_all(fd, shown, _chunks(text))
    finally:
        os.close(fd)


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
