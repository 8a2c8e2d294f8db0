"""Writing files safely: atomically, and never over a file the user did not ask to replace.

``write_file`` is the one way briefcmp writes a file (reports with ``-o``, ``init``, edits
of claims and reviewed files): a temp file in the same folder, then a rename.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Union


class OutputError(Exception):
    """The output cannot be written (exists without --force, unwritable folder): exit 2."""


def write_file(path: Path, text: Union[str, Iterable[str], Iterable[bytes]], force: bool = False) -> None:
    """Atomically write ``text`` (a string, or text chunks, or chunks already encoded as UTF-8) to
    ``path``; refuse to replace an existing file without ``force``."""
    path = Path(path)
    if path.exists() and not force:
        raise OutputError(f"{path}: file exists; use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            if isinstance(text, str):
                fh.write(text)
            else:
                for chunk in text:
                    if isinstance(chunk, bytes):
                        fh.flush()
                        fh.buffer.write(chunk)
                    else:
                        fh.write(chunk)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise OutputError(f"{path}: cannot write: {exc.strerror}") from exc
