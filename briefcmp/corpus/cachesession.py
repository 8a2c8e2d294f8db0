"""One corpus's cache file as a session of a load: records read, checked by their MAC and written back.

Split from ``cache`` (its docstring says what a record holds, why a fresh stat signature is not
trusted and how the file is guarded). Also what a stored input is (``describe``) and whether it
still holds (``unchanged``), which the finished reports use too.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import struct
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Optional

from briefcmp.corpus.cachefiles import MAX_RECORD, abandon_quietly, open_entry, temp_beside, unlink_quietly
from briefcmp.corpus.paths import signature

if TYPE_CHECKING:
    from briefcmp.corpus.cache import BriefCache
    from briefcmp.corpus.load import FileLoad, Input
    from briefcmp.corpus.model import Config
    from briefcmp.corpus.problems import Problem

_MAGIC = b"briefcmp-cache-2"

_MAC_SIZE = 32

RACY_NS = 2_000_000_000  # a stat signature this fresh is not trusted (see cache's docstring)

_RECORD_HEAD = struct.Struct("<HI32s")  # key length, payload length, MAC

_DAY = 24 * 3600.0


def _fresh(sig: Optional[tuple], now_ns: int) -> bool:
    """Whether a stat signature is too recent to be trusted (mtime or ctime within RACY_NS of now)."""
    return sig is not None and max(sig[1], sig[2]) >= now_ns - RACY_NS


def _trusted(inputs: Iterable[Input]) -> tuple:
    """Inputs as stored: signatures too fresh to trust are dropped (the content hash decides then)."""
    now = time.time_ns()
    return tuple((path, None if _fresh(sig, now) else sig, sha) for path, sig, sha in inputs)


def unchanged(inp: Any) -> bool:
    """Whether a stored input (path, signature, sha256 or "missing") still holds."""
    path, sig, sha = inp
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return sha == "missing"
    except OSError:
        return False
    if sha == "missing":
        return False
    if sig is not None and tuple(sig) == signature(st):
        return True
    if sig is not None and sig[0] != st.st_size:
        return False
    try:
        with open(path, "rb") as fh:  # a corpus file, not a cache file
            h = hashlib.sha256()
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return False
    return h.hexdigest() == sha


def describe(path: Path) -> Input:
    """What reading ``path`` now would see, as a ``load.Input`` (taken before the caller reads it)."""
    try:
        with open(path, "rb") as fh:
            sig = signature(os.fstat(fh.fileno()))
            h = hashlib.sha256()
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except FileNotFoundError:
        return (os.fspath(path), None, "missing")
    except OSError:
        return (os.fspath(path), None, "unreadable")
    return (os.fspath(path), sig, h.hexdigest())


class CacheSession:
    """Lookups and stores during one corpus load: the corpus's one cache file, read record by record.

    New records go to a temporary file as they are made; ``close`` copies the still-valid old
    records after them and moves it into place (so memory never holds the whole file).
    """

    def __init__(self, cache: BriefCache, path: Path, context: bytes, config_hash: bytes, secret: bytes) -> None:
        self.cache = cache
        self.path = path
        self.context = context
        self.config_hash = config_hash
        from briefcmp.corpus.cachecodec import Decoder

        self.secret = secret
        self.decoder = Decoder()
        self.hits = self.misses = 0
        self._index: dict[bytes, tuple[int, int, int, bytes]] = {}  # key -> (offset, key length, payload length, mac)
        self._reader: Optional[IO[bytes]] = None
        self._out: Optional[tuple[str, IO[bytes]]] = None
        self._written: set[bytes] = set()
        self._dirty = False
        self._open()

    def _open(self) -> None:
        try:
            fh = open_entry(self.path)
        except OSError:
            return
        try:
            if fh.read(len(_MAGIC)) != _MAGIC:
                fh.close()
                self._dirty = True
                return
            offset = len(_MAGIC)
            size = os.fstat(fh.fileno()).st_size
            head = _RECORD_HEAD.size
            while offset + head <= size:
                fh.seek(offset)
                raw = fh.read(head)
                klen, plen, mac = _RECORD_HEAD.unpack(raw)
                if offset + head + klen + plen > size or plen > MAX_RECORD:
                    self._dirty = True  # truncated: the rest is ignored
                    break
                key = fh.read(klen)
                self._index[key] = (offset, klen, plen, mac)
                offset += head + klen + plen
            if offset != size:
                self._dirty = True
            self._reader = fh
            if time.time() - os.fstat(fh.fileno()).st_mtime > _DAY:  # in use: keep it young (see prune)
                try:
                    os.utime(self.path)
                except OSError:
                    pass
        except (OSError, struct.error):
            fh.close()
            self._index.clear()
            self._dirty = True

    def _digest_key(self, path: Path, st: os.stat_result) -> bytes:
        return b"o\0" + f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}".encode(
            "utf-8", "surrogateescape")

    def known_digest(self, path: Path, st: os.stat_result) -> Optional[str]:
        """The sha256 of an original (``brief: original``) hashed before with this very stat signature."""
        value = self._read(self._digest_key(path, st))
        if type(value) is tuple and len(value) == 2 and value[0] == "digest" and isinstance(value[1], str):
            return value[1]
        return None

    def remember_digest(self, path: Path, st: os.stat_result, digest: str) -> None:
        self._write(self._digest_key(path, st), ("digest", digest))

    def _mac(self, key: bytes, payload: Any) -> bytes:
        m = hmac.new(self.secret, self.context, "sha256")
        m.update(len(key).to_bytes(4, "little") + key)
        m.update(payload)
        return m.digest()

    def _read(self, key: bytes) -> Optional[Any]:
        """The stored value of ``key``: authenticated and unmarshalled, or None."""
        where = self._index.get(key)
        if where is None or self._reader is None:
            return None
        offset, klen, plen, mac = where
        try:
            self._reader.seek(offset + _RECORD_HEAD.size + klen)
            payload = self._reader.read(plen)
        except OSError:
            return None
        if len(payload) != plen or not hmac.compare_digest(self._mac(key, payload), mac):
            self._dirty = True
            return None
        try:
            return marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return None

    def _write(self, key: bytes, value: tuple) -> None:
        try:
            payload = marshal.dumps(value, 4)
        except ValueError:  # something marshal cannot store: leave it uncached
            return
        if len(payload) > MAX_RECORD:
            return
        try:
            if self._out is None:
                self._out = temp_beside(self.path)
                self._out[1].write(_MAGIC)
            self._out[1].write(_RECORD_HEAD.pack(len(key), len(payload), self._mac(key, payload)) + key + payload)
            self._written.add(key)
        except OSError:
            self._abandon()

    def _abandon(self) -> None:
        if self._out is not None:
            tmp, fh = self._out
            try:
                fh.close()
            except OSError:
                pass
            unlink_quietly(tmp)
        self._out = None
        self._written = set()

    # -- what loading asks

    def lookup(self, shown: str, claims_file: Path) -> Optional[FileLoad]:
        """The cached load of this claims file, if stored and every input it read is unchanged."""
        from briefcmp.corpus.cachecodec import unpack_load
        from briefcmp.corpus.load import FileLoad
        from briefcmp.corpus.problems import Problems

        key = b"b\0" + shown.encode("utf-8", "surrogateescape")
        value = self._read(key)
        if value is None:
            self.misses += 1
            return None
        try:
            tag, config_hash, inputs, packed = value
            if tag != "brief" or config_hash != self.config_hash or type(inputs) is not tuple or not inputs:
                raise ValueError("bad or stale record")
            if inputs[0][0] != os.fspath(claims_file) or not all(unchanged(i) for i in inputs):
                self.misses += 1
                self._dirty = True
                return None
            problems, brief, source_problems = unpack_load(packed, self.decoder)
            hit = FileLoad(Problems(problems), brief, Problems(source_problems), list(inputs))
        except Exception:  # anything odd in an authenticated record: ignore it, it will be rebuilt
            self.misses += 1
            self._dirty = True
            return None
        self.hits += 1
        return hit

    def store(self, shown: str, loaded: FileLoad, packed: Optional[bytes] = None) -> None:
        """Store what loading one file found (``packed``: its ``cachecodec.pack_load``, when already made)."""
        from briefcmp.corpus.cachecodec import Unstorable, pack_load

        if not loaded.inputs:
            return  # cannot tell later whether it is still valid
        if packed is None:
            try:
                packed = pack_load(loaded.problems, loaded.brief, loaded.source_problems)
            except (Unstorable, KeyError, TypeError, ValueError):
                return
        self._write(b"b\0" + shown.encode("utf-8", "surrogateescape"),
                    ("brief", self.config_hash, _trusted(loaded.inputs), packed))

    def lookup_config(self, shown: str) -> Optional[tuple[Config, list[Problem]]]:
        """The parsed config and its problems, if this config was parsed before."""
        from briefcmp.corpus.cachecodec import decode_problems

        value = self._read(b"c\0" + shown.encode("utf-8", "surrogateescape"))
        if value is None:
            return None
        try:
            tag, config_hash, config, problems = value
            if tag != "config" or config_hash != self.config_hash:
                raise ValueError("bad entry")
            return self.decoder.config(config), decode_problems(problems)
        except Exception:  # an odd authenticated entry: ignore it, it will be rebuilt
            self._dirty = True
            return None

    def store_config(self, shown: str, config: Config, problems: list[Problem]) -> None:
        from briefcmp.corpus.cachecodec import Unstorable, encode_config, encode_problems

        try:
            value = ("config", self.config_hash, encode_config(config), encode_problems(problems))
        except (Unstorable, KeyError, TypeError, ValueError):
            return
        self._write(b"c\0" + shown.encode("utf-8", "surrogateescape"), value)

    def close(self) -> None:
        """Put the corpus file in place when anything changed: new records, then the old ones still valid."""
        reader, self._reader = self._reader, None
        self.decoder = None  # its memo of shared values is the loaded corpus's business now
        try:
            if self._out is None and not self._dirty:
                return
            if self._out is None:
                try:
                    self._out = temp_beside(self.path)
                    self._out[1].write(_MAGIC)
                except OSError:
                    self._out = None
                    return
            tmp, fh = self._out
            try:
                if reader is not None:
                    head = _RECORD_HEAD.size
                    for key, (offset, klen, plen, mac) in self._index.items():
                        if key in self._written:
                            continue
                        reader.seek(offset)
                        raw = reader.read(head + klen + plen)
                        if len(raw) != head + klen + plen or not hmac.compare_digest(
                                self._mac(key, memoryview(raw)[head + klen:]), mac):
                            continue
                        fh.write(raw)
                fh.close()
                os.replace(tmp, self.path)
            except OSError:
                abandon_quietly(tmp, fh)
            self._out = None
        finally:
            if reader is not None:
                reader.close()
