"""Finished reports kept between runs: the text a command wrote, its notes and exit code.

A report is stored under a key of the command, its options, the working folder and the whole
briefcmp code (``corpus.cache`` makes the key and the manifest of every input); an unchanged
corpus answers from it without loading anything. Each file carries two MACs (manifest, then
body), checked before any byte is written out; a corrupt or planted file is ignored.
"""

from __future__ import annotations

import hmac
import marshal
import os
import struct
import time
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional

from briefcmp.corpus.cachefiles import MAX_RECORD, abandon_quietly, open_entry, temp_beside, unlink_quietly

MAX_REPORTS = 8  # finished reports kept (the most recently used)...
SMALL_REPORT = 64 * 1024  # a small answer (what align left undecided for compare, a short report)...
MAX_SMALL_REPORTS = 256  # ...kept by the hundred, apart from the big ones
MAX_REPORT_BYTES = 2 * 1024**3  # ...as long as together they stay under this (the newest one is always kept)

_TRAILER = struct.Struct("<Q32s32s")  # head length, head MAC, body MAC


class ReportStore:
    """Finished reports (a folder of files, the most recently used MAX_REPORTS kept).

    A report file is the report's UTF-8 text, then its head (marshal: manifest, notes, exit
    code), then the trailer: head length, MAC of the head, MAC of the text. Written in one
    pass while the report is streamed out; read back in two (check, then write out).
    """

    def __init__(self, folder: Path, secret: bytes) -> None:
        self.folder = folder
        self.secret = secret

    def _path(self, key: bytes) -> Path:
        return self.folder / f"{key.hex()[:40]}.report"

    def _mac(self, key: bytes, part: bytes) -> Any:
        m = hmac.new(self.secret, b"report\0" + key, "sha256")
        m.update(part)
        return m

    def lookup(self, key: bytes, still_valid: Callable[[Any], bool]) -> Optional["StoredReport"]:
        """The stored report for ``key`` if authentic and ``still_valid(manifest)``; else None."""
        path = self._path(key)
        try:
            fh = open_entry(path)
        except OSError:
            return None
        try:
            size = os.fstat(fh.fileno()).st_size
            if size < _TRAILER.size:
                raise ValueError("short")
            fh.seek(size - _TRAILER.size)
            head_len, head_mac, body_mac = _TRAILER.unpack(fh.read(_TRAILER.size))
            body_len = size - _TRAILER.size - head_len
            if head_len > MAX_RECORD or body_len < 0:
                raise ValueError("bad lengths")
            fh.seek(body_len)
            head = fh.read(head_len)
            if not hmac.compare_digest(self._mac(key, body_mac + head).digest(), head_mac):
                raise ValueError("not ours")
            tag, manifest, notes, code = marshal.loads(head)
            if tag != "report" or type(notes) is not tuple or type(code) is not int:
                raise ValueError("bad head")
            if not still_valid(manifest):
                raise ValueError("stale")
            m = self._mac(key, b"")
            fh.seek(0)
            left = body_len
            while left:
                block = fh.read(min(left, 1 << 20))
                if not block:
                    raise ValueError("truncated")
                m.update(block)
                left -= len(block)
            if not hmac.compare_digest(m.digest(), body_mac):
                raise ValueError("damaged")
        except Exception:  # unreadable, damaged, foreign or stale: not an answer
            fh.close()
            return None
        if time.time() - os.fstat(fh.fileno()).st_mtime > 60:
            try:
                os.utime(path)  # most recently used (see ``_trim``)
            except OSError:
                pass
        return StoredReport(fh, body_len, tuple(str(n) for n in notes), code)

    def writer(self, key: bytes) -> Optional["ReportWriter"]:
        try:
            return ReportWriter(self, key)
        except OSError:
            return None

    def _trim(self) -> None:
        """Keep the most recently used reports: MAX_REPORTS at most, MAX_REPORT_BYTES together."""
        try:
            found = []
            for e in self.folder.iterdir():
                if e.suffix == ".report":
                    try:
                        st = e.stat()
                        found.append((st.st_mtime, st.st_size, e))
                    except OSError:
                        pass
            total, n, small = 0, 0, 0
            for first, (_, size, e) in enumerate(sorted(found, key=lambda f: f[0], reverse=True)):
                total += size
                if size <= SMALL_REPORT:  # counted apart: eight big reports must not push out what align left
                    small += 1
                    over = small > MAX_SMALL_REPORTS
                else:
                    n += 1
                    over = n > MAX_REPORTS
                if first and (over or total > MAX_REPORT_BYTES):
                    unlink_quietly(e)
        except OSError:
            pass


class StoredReport:
    """An authenticated report: its text (read in chunks), its notes and exit code."""

    def __init__(self, fh: IO[bytes], length: int, notes: tuple[str, ...], code: int) -> None:
        self._fh = fh
        self._length = length
        self.notes = notes
        self.code = code

    def blocks(self) -> Iterator[bytes]:
        """The text as UTF-8, in blocks (decoding it would only cost time and memory)."""
        try:
            self._fh.seek(0)
            left = self._length
            while left:
                block = self._fh.read(min(left, 1 << 20))
                if not block:
                    break
                left -= len(block)
                yield block
        finally:
            self._fh.close()


class ReportWriter:
    """Takes a report as it is written out; ``finish`` stores it (``discard`` when the run failed)."""

    def __init__(self, store: ReportStore, key: bytes) -> None:
        self.store = store
        self.key = key
        self.path = store._path(key)
        self.tmp, self.fh = temp_beside(self.path)
        self.mac = store._mac(key, b"")
        self.ok = True
        self.complete = False  # every chunk went through (a reader that went away stops the report early)

    def tee(self, chunks: Iterable[str]) -> Iterator[str]:
        """The chunks, unchanged, also written to the report file."""
        self.complete = False
        for chunk in chunks:
            self._keep(chunk.encode("utf-8", "surrogateescape"))
            yield chunk
        self.complete = True

    def tee_utf8(self, chunks: Iterable[str]) -> Iterator[bytes]:
        """The chunks encoded as UTF-8 (once, for both: at 1,000 briefs the report is 80 MB), also
        written to the report file."""
        self.complete = False
        for chunk in chunks:
            data = chunk.encode("utf-8", "surrogateescape")
            self._keep(data)
            yield data
        self.complete = True

    def _keep(self, data: bytes) -> None:
        if self.ok:
            try:
                self.fh.write(data)
                self.mac.update(data)
            except OSError:
                self.ok = False

    def finish(self, manifest: Any, notes: Iterable[str], code: int) -> None:
        try:
            if not self.ok or not self.complete:
                raise OSError("write failed or report cut short")
            head = marshal.dumps(("report", manifest, tuple(notes), code), 4)
            body_mac = self.mac.digest()
            head_mac = self.store._mac(self.key, body_mac + head).digest()
            self.fh.write(head + _TRAILER.pack(len(head), head_mac, body_mac))
            self.fh.close()
            os.replace(self.tmp, self.path)
        except (OSError, ValueError):
            self.discard()
            return
        self.store._trim()

    def discard(self) -> None:
        abandon_quietly(self.tmp, self.fh)
