"""Cache between runs, a layer over loading: one file per corpus, plus finished reports.

**Loaded claims files.** What loading one claims file finds (the brief with its claims
anchored, and every problem reported on the way) depends only on: the bytes of the claims
file, the bytes of its source text, the bytes of the corpus config, the briefcmp code, and
how paths are shown (the working folder). Each corpus (root folder, working folder, code,
options) has ONE cache file holding a record per claims file: the encoded load, the hash of
the config it was validated with, and what it read (``load.Input``: path, stat signature,
sha256). A record answers when the config hash is the same and every input is unchanged:
the same stat signature (size, mtime, ctime, inode), or else the same content hash.
A signature taken less than two seconds before it was stored is not trusted (a file edited
twice within the clock's resolution would look unchanged), so its content is hashed instead.

**Finished reports.** ``corpus.reportstore.ReportStore`` keeps the text a command wrote, with its notes and exit
code, under a key of the command, its options, the working folder and the whole briefcmp code,
guarded by a manifest of every input (the claims files listed, their sources, the config,
the reviewed file). An unchanged corpus answers from it without loading anything.

Safety:
- Records are ``marshal`` data of plain tuples (marshal cannot run code), and each carries an
  HMAC-SHA256 (a random key kept in the cache folder) over the corpus file's context, the
  record's key and its payload: a corrupt, truncated, foreign, moved or planted record fails
  the check and is ignored (and rebuilt); anything unexpected while decoding is treated the
  same way, never a crash. Reports carry two MACs (manifest, then body), checked before any
  byte is written out.
- Files are written to a temporary name in the same folder and moved into place with
  ``os.replace``: concurrent runs never see half a file (the last writer wins).
- Every cache file is opened through ``_open_entry`` (one place to harden).
- A cache folder that cannot be created or written simply means no caching.

The folder follows platform conventions (``$XDG_CACHE_HOME/briefcmp`` or
``~/.cache/briefcmp``, ``~/Library/Caches/briefcmp``, ``%LOCALAPPDATA%\\briefcmp\\cache``)
and ``BRIEFCMP_CACHE_DIR`` overrides it. ``BRIEFCMP_NO_CACHE=1`` (or ``--no-cache``)
turns caching off.
"""

from __future__ import annotations

import errno
import hashlib
import marshal
import os
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Optional

from briefcmp import __version__
from briefcmp.corpus.cachefiles import atomic_write, unlink_quietly
from briefcmp.corpus.cachesession import _MAGIC, CacheSession, describe, unchanged
from briefcmp.corpus.files import NotRegularFile, read_regular
from briefcmp.corpus.paths import display_path

if TYPE_CHECKING:
    from briefcmp.corpus.load import LoadResult
    from briefcmp.corpus.reportstore import ReportStore

# The loader and the codec are imported when a corpus is loaded (not for a report answered
# from the cache: see ``ReportStore``).

FORMAT = 1  # bump when the layout of the cache folder or of its files changes

_CORPORA = f"corpora-{FORMAT}"

_REPORTS = f"reports-{FORMAT}"

_KEY_FILE = "hmac.key"

_TAG_FILE = "CACHEDIR.TAG"

_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by briefcmp.\n"
        "# For information about cache directory tags see https://bford.info/cachedir/\n")

_PRUNE_STAMP = "last-prune"

_DAY = 24 * 3600.0

MAX_AGE_DAYS = 30  # cache files unused this long are deleted (checked at most once a day)


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


def cache_anchor(environ: Optional[dict] = None, platform: str = sys.platform) -> Path:
    """The folder that must already exist for briefcmp to create its cache folder in it: the
    parent of BRIEFCMP_CACHE_DIR, $XDG_CACHE_HOME, %LOCALAPPDATA%, else the home folder.
    No environment path makes briefcmp create folders: a missing $HOME (or /nonexistent)
    means no cache, never a new home and its parents."""
    env = os.environ if environ is None else environ
    if env.get("BRIEFCMP_CACHE_DIR"):
        return Path(env["BRIEFCMP_CACHE_DIR"]).parent
    home = Path(env.get("HOME") or env.get("USERPROFILE") or Path.home())
    if platform.startswith("win"):
        return Path(env["LOCALAPPDATA"]) if env.get("LOCALAPPDATA") else home
    xdg = env.get("XDG_CACHE_HOME", "")
    if platform != "darwin" and xdg and os.path.isabs(xdg):
        return Path(xdg)
    return home


_off_reason = ""  # why the latest cache could not be used (``briefcmp check -v`` says it)


def off_reason() -> str:
    """Why caching was off in this run although enabled (a missing home, an unwritable folder), or ""."""
    return _off_reason


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


# --------------------------------------------------------------------------- code


def _loader_modules() -> list[ModuleType]:
    """briefcmp.corpus.load and the briefcmp modules it (transitively) imports at module level."""
    from briefcmp.corpus import cachecodec, load

    seen: dict[str, ModuleType] = {}
    todo = [load, cachecodec, sys.modules[__name__]]
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
_all_code: Optional[bytes] = None


def _hash_files(h: Any, named: Iterable[tuple[str, str]]) -> bytes:
    for name, path in named:
        h.update(name.encode() + b"\0")
        try:
            with open(path, "rb") as fh:
                h.update(fh.read())
        except (OSError, TypeError):
            h.update(secrets.token_bytes(16))  # cannot tell: match no other run
    return h.digest()


def code_digest() -> bytes:
    """A hash of the code that loading runs: an edited checkout must not read entries of the old code."""
    global _code
    if _code is None:
        _code = _hash_files(hashlib.sha256(__version__.encode()),
                            ((m.__name__, m.__file__ or "") for m in _loader_modules()))
    return _code


def all_code_digest() -> bytes:
    """A hash of every briefcmp module (a finished report depends on all of them), read without importing them."""
    global _all_code
    if _all_code is None:
        pkg = Path(__file__).resolve().parent.parent
        _all_code = _hash_files(hashlib.sha256(__version__.encode() + sys.version.encode()),
                                ((p.relative_to(pkg).as_posix(), str(p)) for p in package_files()))
    return _all_code


def package_files() -> list[Path]:
    """Every file of the installed package a report may depend on: modules, schemas, the HTML template, its
    stylesheet and script, data tables (a report made by an older template must not be replayed)."""
    pkg = Path(__file__).resolve().parent.parent
    return sorted(p for p in pkg.rglob("*") if p.is_file() and p.suffix != ".pyc" and "__pycache__" not in p.parts)


# --------------------------------------------------------------------------- the cache


@dataclass
class CacheInfo:
    path: Path
    entries: int
    bytes: int
    exists: bool


class BriefCache:
    """A cache folder: one file per corpus of loaded claims files, and finished reports."""

    def __init__(self, path: Path, anchor: Optional[Path] = None) -> None:
        self.path = Path(path)
        # The folder that must exist: the default cache's (see ``cache_anchor``), else the parent.
        if anchor is None:
            anchor = cache_anchor() if self.path == cache_dir() else self.path.parent
        self.anchor = Path(anchor)
        self._secret: Optional[bytes] = None
        self._usable: Optional[bool] = None
        self.last_session: Optional[CacheSession] = None  # hit and miss counts of the latest load

    # -- housekeeping

    def _prepare(self) -> bool:
        """Create the folder, its CACHEDIR.TAG and its HMAC key; False when the cache cannot be used."""
        global _off_reason
        if self._usable is not None:
            return self._usable
        try:
            self._make_folder()
            (self.path / _CORPORA).mkdir(exist_ok=True)
            (self.path / _REPORTS).mkdir(exist_ok=True)
            tag = self.path / _TAG_FILE
            if not tag.exists():
                atomic_write(tag, _TAG.encode())
            self._secret = self._load_secret()
            self._usable = True
        except OSError as exc:
            self._usable = False
            _off_reason = f"cache folder {display_path(self.path)}: {exc.strerror or exc}"
        return self._usable

    def _make_folder(self) -> None:
        """Create the cache folder, and the folders between it and its anchor, one at a time: only
        below an anchor that exists (never a missing home and its parents)."""
        if self.path.is_dir():
            return
        if not self.anchor.is_dir():
            raise OSError(errno.ENOENT, f"{display_path(self.anchor)} does not exist (briefcmp creates no such folder)")
        try:
            parts = self.path.relative_to(self.anchor).parts
        except ValueError:
            raise OSError(errno.EINVAL, f"not inside {display_path(self.anchor)}") from None
        folder = self.anchor
        for part in parts:
            folder = folder / part
            if not folder.is_dir():
                folder.mkdir()

    @property
    def secret(self) -> bytes:
        assert self._secret is not None
        return self._secret

    def _load_secret(self) -> bytes:
        key_path = self.path / _KEY_FILE
        for _ in range(3):
            try:
                data = read_regular(key_path, 32, allow_larger=True)  # never a FIFO, never /dev/zero
                if len(data) == 32:
                    return data
                # A damaged key: replace it (every entry made with the old one is then ignored).
                atomic_write(key_path, secrets.token_bytes(32), mode=0o600)
                continue
            except FileNotFoundError:
                pass
            except NotRegularFile:  # something planted in the cache folder: replace it with a key
                atomic_write(key_path, secrets.token_bytes(32), mode=0o600)
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

    def _entry_files(self) -> Iterator[Path]:
        """Every file briefcmp may have written under its entry folders (entries, temporary files,
        and the per-brief entries of earlier versions)."""
        for folder in [*self.path.glob("corpora-*"), *self.path.glob("reports-*")]:
            if folder.is_dir():
                for e in folder.iterdir():
                    if e.is_file() and (e.suffix in (".cache", ".report") or e.name.startswith(".")):
                        yield e
        for folder in self.path.glob("briefs-*"):
            if not folder.is_dir():
                continue
            for shard in folder.iterdir():
                if shard.is_dir() and len(shard.name) == 2:
                    for e in shard.iterdir():
                        if e.is_file() and (len(e.name) == 64 or e.name.startswith(".")):
                            yield e

    def info(self) -> CacheInfo:
        """How many cache files (corpora and reports) the cache holds and how big they are."""
        entries = size = 0
        for e in self._entry_files():
            if e.name.startswith("."):
                continue
            try:
                size += e.stat().st_size
                entries += 1
            except OSError:
                pass
        return CacheInfo(self.path, entries, size, self.path.is_dir())

    def prune(self, max_age: float = MAX_AGE_DAYS * _DAY) -> int:
        """Delete cache files not used for ``max_age`` seconds (at most once a day); the number deleted."""
        stamp = self.path / _PRUNE_STAMP
        try:
            if time.time() - stamp.stat().st_mtime < _DAY:
                return 0
        except FileNotFoundError:
            pass
        except OSError:
            return 0
        try:
            atomic_write(stamp, b"")
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

    def clear(self) -> CacheInfo:
        """Delete every entry (only files briefcmp writes: a mistaken BRIEFCMP_CACHE_DIR loses nothing else)."""
        removed = self.info()
        for e in list(self._entry_files()):
            unlink_quietly(e)
        for folder in self.path.glob("briefs-*"):
            for shard in folder.iterdir() if folder.is_dir() else ():
                try:
                    shard.rmdir()
                except OSError:
                    pass
        for folder in [*self.path.glob("briefs-*"), *self.path.glob("corpora-*"), *self.path.glob("reports-*")]:
            try:
                folder.rmdir()
            except OSError:
                pass
        return removed

    # -- loading

    def session(self, root: Path, config_data: Optional[bytes], anchor_quotes: bool) -> Optional["CacheSession"]:
        """A lookup context for one corpus load, or None when the cache is unusable."""
        from briefcmp.corpus.cachecodec import FORMAT as CODEC, MODEL_SIGNATURE

        if not self._prepare():
            return None
        self.prune()
        h = hashlib.sha256()
        for part in (_MAGIC, code_digest(), MODEL_SIGNATURE.encode(), str(CODEC).encode(), str(marshal.version).encode(),
                     sys.version.encode(), b"anchor" if anchor_quotes else b"no-anchor",
                     os.getcwd().encode("utf-8", "surrogateescape"),
                     str(root.resolve()).encode("utf-8", "surrogateescape"),
                     display_path(root).encode("utf-8", "surrogateescape")):
            h.update(len(part).to_bytes(8, "little") + part)
        context = h.digest()
        config_hash = b"\xffno-config" if config_data is None else hashlib.sha256(config_data).digest()
        self.last_session = CacheSession(self, self.path / _CORPORA / f"{context.hex()[:40]}.cache", context,
                                         config_hash, self.secret)
        return self.last_session

    def reports(self) -> Optional["ReportStore"]:
        """The store of finished reports, or None when the cache is unusable."""
        if not self._prepare():
            return None
        self.prune()
        from briefcmp.corpus.reportstore import ReportStore
        return ReportStore(self.path / _REPORTS, self.secret)


__all__ = ["BriefCache", "CacheInfo", "CacheSession", "cache_dir", "default_cache", "describe",
           "disable", "enabled", "unchanged"]


def load_corpus(paths: list[Path], anchor_quotes: bool = True,
                progress: Optional[Callable[[int, int], None]] = None, cache: Any = True,
                texts: str = "all") -> LoadResult:
    """``load.load_corpus`` through a cache: True for the default one (off with --no-cache or
    BRIEFCMP_NO_CACHE=1), False or None for none, or a ``BriefCache``. The cache always
    keeps every text, whatever ``texts`` asks to keep in memory."""
    from briefcmp.corpus import load

    store = default_cache() if cache is True else (cache or None)
    return load.load_corpus(paths, anchor_quotes, progress, cache=store, texts=texts)
