"""Cache of loaded claims files between runs, so that re-checking a large corpus is quick.

What loading one claims file finds (the brief with its claims anchored, and every
problem reported on the way) depends only on: the bytes of the claims file, the
bytes of its source text, the bytes of the corpus config, the briefcmp code, and
how paths are shown (the working folder). An entry is stored under a hash of all
of these except the source, whose path is only known after parsing: the entry
records the source's resolved path and content hash, and a lookup re-hashes the
source and compares. Anything else is a miss and the file is loaded afresh.

Safety:
- Entries are ``marshal`` data of plain tuples (marshal cannot run code), and each
  carries an HMAC-SHA256 made with a random key kept in the cache folder: a corrupt,
  truncated, foreign or planted entry fails the check and is ignored (and rebuilt).
  Anything unexpected while decoding is treated the same way: never a crash.
- Writes go to a temporary file in the same folder and are moved into place with
  ``os.replace``, so concurrent runs never see half an entry.
- A cache folder that cannot be created or written simply means no caching.

The folder follows platform conventions (``$XDG_CACHE_HOME/briefcmp`` or
``~/.cache/briefcmp``, ``~/Library/Caches/briefcmp``, ``%LOCALAPPDATA%\\briefcmp\\cache``)
and ``BRIEFCMP_CACHE_DIR`` overrides it. ``BRIEFCMP_NO_CACHE=1`` (or ``--no-cache``)
turns caching off.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import marshal
import os
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Optional

from briefcmp import __version__
from briefcmp.corpus import load
from briefcmp.corpus.cachecodec import (
    FORMAT, MODEL_SIGNATURE, Decoder, Unstorable, compact, decode_problems, encode_brief, encode_config, encode_problems,
)
from briefcmp.corpus.files import NotRegularFile, read_regular, read_regular_stat
from briefcmp.corpus.load import MAX_SOURCE_BYTES, LoadResult, display_path
from briefcmp.corpus.model import Brief, Config
from briefcmp.corpus.problems import Problem

_MAGIC = b"briefcmp-cache-1"

_MAC_SIZE = 32

_ENTRIES = f"briefs-{FORMAT}"

_KEY_FILE = "hmac.key"

_TAG_FILE = "CACHEDIR.TAG"

_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by briefcmp.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")

_MAX_ENTRY = 64 * 1024 * 1024

_PRUNE_STAMP = "last-prune"

_DAY = 24 * 3600.0

MAX_AGE_DAYS = 30  # entries unused this long are deleted (checked at most once a day)

_disabled = False



# --------------------------------------------------------------------------- where


def cache_dir(environ: Optional[dict] = None, platform: str = sys.platform) -> Path:
    """The cache folder: BRIEFCMP_CACHE_DIR, else the platform's user cache folder + briefcmp."""
    env = os.environ if environ is None else environ
    if env.get("BRIEFCMP_CACHE_DIR"):
        return Path(env["BRIEFCMP_CACHE_DIR"])
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "briefcmp" / "cache"
    if platform == "darwin":
        return home / "Library" / "Caches" / "briefcmp"
    xdg = env.get("XDG_CACHE_HOME", "")
    # The XDG spec: a relative path is invalid and must be ignored.
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache") / "briefcmp"


def disable() -> None:
    """Turn caching off for this process (``--no-cache``)."""
    global _disabled
    _disabled = True


def enabled() -> bool:
    """False after ``disable()`` or when BRIEFCMP_NO_CACHE is set to anything but 0/false/no."""
    flag = os.environ.get("BRIEFCMP_NO_CACHE", "").strip().lower()
    return not _disabled and flag in ("", "0", "false", "no")


def default_cache() -> Optional["BriefCache"]:
    """The cache loading uses by default, or None when caching is off."""
    return BriefCache(cache_dir()) if enabled() else None


# --------------------------------------------------------------------------- the cache


@dataclass
class CacheInfo:
    path: Path
    entries: int
    bytes: int
    exists: bool


def _loader_modules() -> list[ModuleType]:
    """briefcmp.corpus.load and the briefcmp modules it (transitively) imports at module level."""
    seen: dict[str, ModuleType] = {}
    todo = [load, sys.modules[__name__]]
    while todo:
        mod = todo.pop()
        if mod.__name__ in seen:
            continue
        seen[mod.__name__] = mod
        for v in vars(mod).values():
            dep = v if isinstance(v, ModuleType) else sys.modules.get(getattr(v, "__module__", None) or "")
            if dep is not None and dep.__name__.split(".")[0] == "briefcmp" and dep.__name__ not in seen:
                todo.append(dep)
    return [seen[n] for n in sorted(seen)]


_code: Optional[bytes] = None


def code_digest() -> bytes:
    """A hash of the code that loading runs: an edited checkout must not read entries of the old code."""
    global _code
    if _code is None:
        h = hashlib.sha256(__version__.encode())
        for mod in _loader_modules():
            h.update(mod.__name__.encode() + b"\0")
            try:
                with open(mod.__file__ or "", "rb") as fh:
                    h.update(fh.read())
            except (OSError, TypeError):
                h.update(secrets.token_bytes(16))  # cannot tell: match no other run
        _code = h.digest()
    return _code


@dataclass
class Cached:
    """What loading one claims file found, as the loader reports it (see ``load.FileLoad``)."""

    problems: list[Problem]
    brief: Optional[Brief]
    source_problems: list[Problem]


class BriefCache:
    """A cache folder of loaded claims files (one entry per file version)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._secret: Optional[bytes] = None
        self._usable: Optional[bool] = None
        self.last_session: Optional[CacheSession] = None  # hit and miss counts of the latest load
        self._shards: set[Path] = set()

    # -- housekeeping

    def _prepare(self) -> bool:
        """Create the folder, its CACHEDIR.TAG and its HMAC key; False when the cache cannot be used."""
        if self._usable is not None:
            return self._usable
        try:
            (self.path / _ENTRIES).mkdir(parents=True, exist_ok=True)
            tag = self.path / _TAG_FILE
            if not tag.exists():
                _atomic_write(tag, _TAG.encode())
            self._secret = self._load_secret()
            self._usable = True
        except OSError:
            self._usable = False
        return self._usable

    def _load_secret(self) -> bytes:
        key_path = self.path / _KEY_FILE
        for _ in range(3):
            try:
                data = read_regular(key_path, 32, allow_larger=True)  # never a FIFO, never /dev/zero
                if len(data) == 32:
                    return data
                # A damaged key: replace it (every entry made with the old one is then ignored).
                _atomic_write(key_path, secrets.token_bytes(32), mode=0o600)
                continue
            except FileNotFoundError:
                pass
            except NotRegularFile:  # something planted in the cache folder: replace it with a key
                _atomic_write(key_path, secrets.token_bytes(32), mode=0o600)
                continue
            # First use: write a key to a temporary file and link it into place, so that two
            # processes starting at once agree on one key (the loser reads the winner's).
            fd, tmp = tempfile.mkstemp(prefix=".key.", dir=self.path)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(secrets.token_bytes(32))
                os.chmod(tmp, 0o600)
                try:
                    os.link(tmp, key_path)
                except FileExistsError:
                    pass
                except OSError:  # no hard links (some network or Windows file systems)
                    if not key_path.exists():
                        os.replace(tmp, key_path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        raise OSError("cannot set up the cache key")

    def _entry_path(self, key: str) -> Path:
        return self.path / _ENTRIES / key[:2] / key

    def info(self) -> CacheInfo:
        """How many entries the cache holds and how big it is."""
        entries = size = 0
        folder = self.path / _ENTRIES
        if folder.is_dir():
            for shard in folder.iterdir():
                if shard.is_dir():
                    for e in shard.iterdir():
                        try:
                            size += e.stat().st_size
                            entries += 1
                        except OSError:
                            pass
        return CacheInfo(self.path, entries, size, self.path.is_dir())

    def prune(self, max_age: float = MAX_AGE_DAYS * _DAY) -> int:
        """Delete entries not used for ``max_age`` seconds (at most once a day); the number deleted."""
        stamp = self.path / _PRUNE_STAMP
        try:
            if time.time() - stamp.stat().st_mtime < _DAY:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        try:
            _atomic_write(stamp, b"")
        except OSError:
            return 0
        now, removed = time.time(), 0
        for e in self._entry_files():
            try:
                if now - e.stat().st_mtime > max_age:
                    e.unlink()
                    removed += 1
            except OSError:
                pass
        return removed

    def _entry_files(self):
        """Every file briefcmp may have written under its entry folders (entries and temporary files)."""
        for folder in self.path.glob("briefs-*"):
            if not folder.is_dir():
                continue
            for shard in folder.iterdir():
                if shard.is_dir() and len(shard.name) == 2:
                    for e in shard.iterdir():
                        if e.is_file() and (len(e.name) == 64 or e.name.startswith(".")):
                            yield e

    def clear(self) -> CacheInfo:
        """Delete every entry (only files briefcmp writes: a mistaken BRIEFCMP_CACHE_DIR loses nothing else)."""
        removed = self.info()
        for e in list(self._entry_files()):
            try:
                e.unlink()
            except OSError:
                pass
        for folder in self.path.glob("briefs-*"):
            for shard in folder.iterdir() if folder.is_dir() else ():
                try:
                    shard.rmdir()
                except OSError:
                    pass
            try:
                folder.rmdir()
            except OSError:
                pass
        return removed

    # -- loading

    def session(self, root: Path, config_data: Optional[bytes], anchor_quotes: bool) -> Optional["CacheSession"]:
        """A lookup context for one corpus load, or None when the cache is unusable."""
        if not self._prepare():
            return None
        self.prune()
        h = hashlib.sha256()
        for part in (_MAGIC, code_digest(), MODEL_SIGNATURE.encode(), str(marshal.version).encode(),
                     sys.version.encode(), b"anchor" if anchor_quotes else b"no-anchor",
                     os.getcwd().encode("utf-8", "surrogateescape"),
                     str(root.resolve()).encode("utf-8", "surrogateescape"),
                     display_path(root).encode("utf-8", "surrogateescape")):
            h.update(len(part).to_bytes(8, "little") + part)
        if config_data is None:
            h.update(b"\xffno-config")
        else:
            h.update(hashlib.sha256(config_data).digest())
        assert self._secret is not None
        self.last_session = CacheSession(self, h.digest(), root, self._secret)
        return self.last_session

    def read_entry(self, key: str, secret: bytes) -> Optional[tuple]:
        """The stored tuple for ``key``, or None when absent, unreadable, corrupt or not ours."""
        path = self._entry_path(key)
        try:
            blob, st = read_regular_stat(path, _MAX_ENTRY, allow_larger=True)
            mtime = st.st_mtime
        except OSError:  # missing, unreadable, or not a regular file (a planted FIFO)
            return None
        head = len(_MAGIC) + _MAC_SIZE
        if len(blob) <= head or len(blob) > _MAX_ENTRY or not blob.startswith(_MAGIC):
            return None
        payload = memoryview(blob)[head:]
        mac = hmac.new(secret, key.encode(), "sha256")
        mac.update(payload)
        if not hmac.compare_digest(mac.digest(), blob[len(_MAGIC):head]):
            return None
        try:
            value = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return None
        if time.time() - mtime > _DAY:  # entries in use stay young; see prune()
            try:
                os.utime(path)
            except OSError:
                pass
        return value if type(value) is tuple else None

    def write_entry(self, key: str, secret: bytes, value: tuple) -> None:
        try:
            payload = marshal.dumps(value, 4)
        except ValueError:  # something marshal cannot store: leave this file uncached
            return
        mac = hmac.new(secret, key.encode(), "sha256")
        mac.update(payload)
        path = self._entry_path(key)
        try:
            if path.parent not in self._shards:
                path.parent.mkdir(exist_ok=True)
                self._shards.add(path.parent)
            _atomic_write(path, _MAGIC + mac.digest() + payload)
        except OSError:
            pass  # a full or read-only disk costs speed, not results


_tmp_names = itertools.count()


def _atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write a temporary file beside ``path`` (unique to this process), then move it into place."""
    tmp = os.path.join(path.parent, f".{path.name[:16]}.{os.getpid()}.{next(_tmp_names)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class CacheSession:
    """Lookups and stores during one corpus load (same config, root and working folder)."""

    def __init__(self, cache: BriefCache, context: bytes, root: Path, secret: bytes) -> None:
        self.cache = cache
        self.context = context
        self.root = root
        self.root_resolved = root.resolve()
        self.secret = secret
        self.decoder = Decoder()
        self.tuples: dict = {}
        self._folders: dict[str, Path] = {}
        self._pending: dict[int, tuple] = {}
        self.hits = self.misses = 0

    def key(self, shown: str, data: bytes) -> str:
        h = hashlib.sha256(self.context)
        h.update(shown.encode("utf-8", "surrogateescape") + b"\0")
        h.update(data)
        return h.hexdigest()

    def _digest_key(self, path: Path, st: os.stat_result) -> str:
        sig = f"original\0{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}"
        return hashlib.sha256(self.context + sig.encode("utf-8", "surrogateescape")).hexdigest()

    def known_digest(self, path: Path, st: os.stat_result) -> Optional[str]:
        """The sha256 of an original (``brief: original``) hashed before with this very stat signature."""
        value = self.cache.read_entry(self._digest_key(path, st), self.secret)
        if value is not None and len(value) == 2 and value[0] == "digest" and isinstance(value[1], str):
            return value[1]
        return None

    def remember_digest(self, path: Path, st: os.stat_result, digest: str) -> None:
        self.cache.write_entry(self._digest_key(path, st), self.secret, ("digest", digest))

    def source_fingerprint(self, brief: Optional[Brief], claims_file: Path) -> Optional[str]:
        """What the brief's source contributes to loading: its resolved path and content hash.

        Mirrors what ``load.load_source`` reads (and, like it, never reads outside the
        corpus). None means "cannot tell right now": the file is then not cached.
        """
        return self._fingerprint(brief, claims_file)[0]

    def _fingerprint(self, brief: Optional[Brief], claims_file: Path) -> tuple[Optional[str], Any]:
        """(fingerprint, (path, stat signature) to tell later whether the file changed meanwhile)."""
        if brief is None or not brief.source:
            return "no-source", None
        if os.path.isabs(brief.source) or Path(brief.source).is_absolute():
            return "absolute", None
        try:
            resolved = self._resolve(os.path.join(claims_file.parent, brief.source))
        except (OSError, RuntimeError, ValueError):
            return None, None
        if not resolved.is_relative_to(self.root_resolved):
            return f"outside\0{resolved}", None
        try:
            data, st = read_regular_stat(resolved, MAX_SOURCE_BYTES, allow_larger=True)
        except FileNotFoundError:
            return f"missing\0{resolved}", (resolved, None)
        except OSError:
            return None, None
        sig = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        return f"{resolved}\0{len(data)}\0{hashlib.sha256(data).hexdigest()}", (resolved, sig)

    def before_source(self, brief: Brief, claims_file: Path) -> None:
        """Called by the loader just before it reads the brief's source."""
        self._pending[id(brief)] = self._fingerprint(brief, claims_file)

    @staticmethod
    def _unchanged(where: Any) -> bool:
        """Is the source still what was fingerprinted (same size, times and inode)?"""
        if where is None:
            return True
        path, sig = where
        try:
            st = os.stat(path)
        except FileNotFoundError:
            return sig is None
        except OSError:
            return False
        return sig == (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)

    def _resolve(self, joined: str) -> Path:
        """``Path(joined).resolve()``, resolving each folder once per load (not once per brief)."""
        head, tail = os.path.split(joined)
        if tail in ("", ".", "..") or os.path.islink(joined):
            return Path(joined).resolve()
        folder = self._folders.get(head)
        if folder is None:
            folder = self._folders[head] = Path(head).resolve()
        return folder / tail

    def lookup(self, key: str, claims_file: Path) -> Optional[Cached]:
        """The cached load of this file version, if stored and its source is unchanged."""
        value = self.cache.read_entry(key, self.secret)
        if value is None:
            self.misses += 1
            return None
        try:
            tag, fingerprint, problems, brief_t, source_problems = value
            if tag != "brief" or not isinstance(fingerprint, str):
                raise ValueError("bad entry")
            brief = self.decoder.brief(brief_t)
            if self.source_fingerprint(brief, claims_file) != fingerprint:
                self.misses += 1
                return None
            hit = Cached(decode_problems(problems), brief, decode_problems(source_problems))
        except Exception:  # anything odd in an authenticated entry: ignore it, it will be rebuilt
            self.misses += 1
            return None
        self.hits += 1
        return hit

    def config_key(self, shown: str) -> str:
        return self.key(shown, b"\0config")  # the context already holds the config's hash

    def lookup_config(self, shown: str) -> Optional[tuple[Config, list[Problem]]]:
        """The parsed config and its problems, if this config was parsed before."""
        value = self.cache.read_entry(self.config_key(shown), self.secret)
        if value is None:
            return None
        try:
            tag, config, problems = value
            if tag != "config":
                raise ValueError("bad entry")
            return self.decoder.config(config), decode_problems(problems)
        except Exception:  # an odd authenticated entry: ignore it, it will be rebuilt
            return None

    def store_config(self, shown: str, config: Config, problems: list[Problem]) -> None:
        try:
            value = ("config", encode_config(config), encode_problems(problems))
        except (Unstorable, KeyError, TypeError, ValueError):
            return
        self.cache.write_entry(self.config_key(shown), self.secret, value)

    def store(self, key: str, loaded: Any) -> None:
        """Store what loading one file found (``loaded``: problems, brief, source_problems)."""
        fingerprint: Optional[str] = "no-source"
        if loaded.brief is not None:
            compact(loaded.brief, self.tuples)
            fingerprint, where = self._pending.pop(id(loaded.brief), (None, None))
            if not self._unchanged(where):
                fingerprint = None  # the source changed while it was read: do not trust this load
        if fingerprint is None:
            return
        try:
            brief = encode_brief(loaded.brief) if loaded.brief is not None else None
        except (Unstorable, KeyError, TypeError, ValueError):
            return
        value = ("brief", fingerprint, encode_problems(loaded.problems), brief,
                 encode_problems(loaded.source_problems))
        self.cache.write_entry(key, self.secret, value)


__all__ = ["BriefCache", "CacheInfo", "CacheSession", "Cached", "cache_dir", "default_cache", "disable",
           "enabled"]


def load_corpus(paths: list[Path], anchor_quotes: bool = True,
                progress: Optional[Callable[[int, int], None]] = None, cache: Any = True) -> LoadResult:
    """``load.load_corpus`` through a cache: True for the default one (off with --no-cache or
    BRIEFCMP_NO_CACHE=1), False or None for none, or a ``BriefCache``."""
    store = default_cache() if cache is True else (cache or None)
    return load.load_corpus(paths, anchor_quotes, progress, cache=store)
