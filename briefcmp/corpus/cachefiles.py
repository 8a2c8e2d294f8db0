"""Cache files on disk: opened only as regular files, written atomically beside their place.

The one place cache files (corpus records, finished reports, the key) are opened and written:
a planted FIFO or device cannot hang a run, and concurrent runs never see half a file.
"""

from __future__ import annotations

import errno
import itertools
import os
import stat
from pathlib import Path
from typing import IO, Any

from briefcmp.corpus.files import NotRegularFile

MAX_RECORD = 64 * 1024 * 1024  # no record or report head is read past this size

def open_entry(path: "Path | str") -> IO[bytes]:
    """Open a cache file for reading: the one place cache files are opened. Only a regular file
    (opened non-blocking and checked on the descriptor): a planted FIFO or device cannot hang a run."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


_tmp_names = itertools.count()


def temp_beside(path: Path, mode: int = 0o644) -> tuple[str, IO[bytes]]:
    """A new temporary file beside ``path`` (unique to this process), open for writing."""
    tmp = os.path.join(path.parent, f".{path.name[:16]}.{os.getpid()}.{next(_tmp_names)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    return tmp, os.fdopen(fd, "wb")


def atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a temporary file beside ``path``, then move it into place."""
    tmp, fh = temp_beside(path, mode)
    try:
        with fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        unlink_quietly(tmp)
        raise


def unlink_quietly(path: Any) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def abandon_quietly(tmp: str, fh: IO[bytes]) -> None:
    try:
        fh.close()
    except OSError:
        pass
    unlink_quietly(tmp)
