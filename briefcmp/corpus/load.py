"""Load a corpus: the config, every claims file, every source text.

Loading never raises on bad input: every problem becomes a located
``Problem`` and the rest of the corpus still loads, so one run reports all
problems. A claim that cannot be understood is reported and left out (never
silently): its problem says so. The one exception is a config that cannot be read
as a config at all (``ConfigError``): every claim would fail against it, so the
one problem is reported instead of its hundreds of follow-ons.
"""

from __future__ import annotations

import gc
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from briefcmp.corpus import anchor, yamlsafe
from briefcmp.corpus.cachecodec import Decoder, Unstorable, pack_load, unpack_load
from briefcmp.corpus.files import read_regular, read_regular_stat
from briefcmp.corpus.model import Brief, Config, Corpus, Period
from briefcmp.corpus.parse import parse_claims_file, parse_config
from briefcmp.corpus.paths import (  # noqa: F401  (re-exported: where the loader's callers found them)
    CLAIMS_SUFFIX, CONFIG_NAME, InputError, Signature, _realpath, corpus_root, discover_corpus, display_path, find_root,
    resolve_inputs,
    signature,
)
from briefcmp.corpus.problems import Problem, Problems

MAX_SOURCE_BYTES = 16 * 1024 * 1024


class ConfigError(InputError):
    """The corpus config cannot be read as a config (unreadable, not YAML, not a mapping,
    another format): every claim would fail against it, so nothing else is reported (exit 2)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(f"{problem.path}:{problem.line}:{problem.col}: {problem.message} [{problem.rule}]; "
                         "the corpus config is unusable, so nothing else was read: fix it first")


# Problems that leave the config without a document to read (see ``unusable_config``).
_UNUSABLE_RULES = ("unreadable", "file-too-large", "encoding", "empty-file", "yaml-depth", "yaml-syntax",
                   "format-version")


# A config whose top level, or whose topics, entities or keys section, is not a mapping: every
# claim would be reported against it.
_SECTIONS = ("config:", "topics:", "entities:", "keys:")


def unusable_config(problems: Iterable[Problem], config_shown: str) -> Optional[Problem]:
    """The problem that makes the config unusable, if any: it could not be read or parsed, its top
    level or a section of it is not a mapping, or it is in a format this briefcmp does not know."""
    for p in problems:
        if p.path == config_shown and (p.rule in _UNUSABLE_RULES
                                       or (p.rule == "wrong-type" and p.message.startswith(_SECTIONS)
                                           and "expected a mapping" in p.message)):
            return p
    return None


# --------------------------------------------------------------------------- corpus


@dataclass
class LoadResult:
    """What loading found: the corpus (possibly partial) and every problem."""

    corpus: Corpus
    problems: Problems = field(default_factory=Problems)
    files: list[str] = field(default_factory=list)  # claims files read
    # Every file the load read (claims files, sources, the config), for caches of what is made from
    # the corpus; None when something was read that cannot be described (an unreadable source).
    inputs: Optional[list[Input]] = field(default_factory=list)


def read_bytes(p: Path, shown: str, problems: Problems) -> Optional[bytes]:
    """The bytes of a file (one byte past the size limit, so that the limit is reported); None if unreadable."""
    return read_signed(p, shown, problems)[0]


def read_signed(p: Path, shown: str, problems: Problems,
                limit: int = yamlsafe.MAX_BYTES) -> tuple[Optional[bytes], Optional[Signature]]:
    """``read_bytes`` and the file's stat signature taken when it was opened (so a later change always shows).

    Only a regular file, never more than the limit (a planted FIFO or device cannot hang the load)."""
    try:
        data, st = read_regular_stat(p, limit, allow_larger=True)
        return data, signature(st)
    except OSError as exc:
        problems.error(shown, (0, 0), "unreadable", f"cannot read file: {exc.strerror}")
        return None, None


def parse_yaml_bytes(data: bytes, shown: str, problems: Problems) -> Any:
    """Decode and parse the bytes of one YAML file; None (with a problem) when that fails."""
    text = yamlsafe.decode(data, shown, problems)
    return None if text is None else yamlsafe.parse(text, shown, problems)


# What a load read, so that a cache can tell later whether it is still valid without loading again:
# (path, stat signature before reading or None, sha256 hex of the bytes, or "missing").
Input = tuple[str, Optional[Signature], str]


@dataclass
class FileLoad:
    """What loading one claims file finds on its own, apart from the rest of the corpus (what the cache keeps)."""

    problems: Problems  # reading, parsing and validating the file
    brief: Optional[Brief]  # None when the file has no usable brief section
    source_problems: Problems  # the source text and quote anchoring: reported only when the brief is kept
    inputs: Optional[list[Input]] = None  # the claims file and its source as read; None: cannot tell (uncacheable)


def load_claims_file(f: Path, shown: str, config: Config, root: Path, anchor_quotes: bool = True,
                     data: Optional[bytes] = None) -> FileLoad:
    """Read (or take ``data``), parse and validate one claims file, then read its source and anchor its quotes."""
    problems, source_problems = Problems(), Problems()
    inputs: Optional[list[Input]] = None
    if data is None:
        data, sig = read_signed(f, shown, problems)
        if data is not None:
            inputs = [(os.fspath(f), sig, anchor.sha256(data))]
    parsed = parse_yaml_bytes(data, shown, problems) if data is not None else None
    brief = parse_claims_file(parsed, shown, problems, config) if parsed is not None else None
    if brief is not None:
        load_source(brief, f, root, source_problems, anchor_quotes, inputs)
        infer_as_of(brief)
    return FileLoad(problems, brief, source_problems, inputs)


# A corpus this large is frozen out of the cyclic garbage collector's sight after loading
# (it holds no reference cycles; scanning its millions of objects again and again would only cost time).
FREEZE_CLAIMS = 20_000


# What ``load_corpus(texts=...)`` keeps of each claim's quote, text, prefix and suffix once
# loading has checked them: every claim's ("all"), those of claims with a key ("keyed": what a
# report of relations shows), or none ("none": what a report of problems needs). At 10,000
# briefs the texts are a third of the loaded corpus.
TEXTS = ("all", "keyed", "none")


def load_corpus(paths: list[Path], anchor_quotes: bool = True,
                progress: Optional[Callable[[int, int], None]] = None, cache: Any = None,
                texts: str = "all") -> LoadResult:
    """Load the corpus the paths belong to (config + the claims files named or found).

    ``texts``: which claims keep their quote, text, prefix and suffix in memory (see ``TEXTS``);
    the others have them empty. Problems are found on the full texts either way.

    ``cache``: None, or a store with ``session(root, config_bytes, anchor_quotes)`` (a
    ``corpus.cache.BriefCache``) that answers unchanged files; results are the same either
    way. ``corpus.cache.load_corpus`` is this with the default cache. Without ``progress``,
    a long load on a terminal shows a progress bar.
    """
    if texts not in TEXTS:
        raise ValueError(f"texts must be one of {TEXTS}, not {texts!r}")
    root, files = resolve_inputs(paths)
    problems = Problems()
    config_path = root / CONFIG_NAME
    shown_config = display_path(config_path)
    config_bytes, config_sig = read_signed(config_path, shown_config, problems)
    session = cache.session(root, config_bytes, anchor_quotes) if cache else None
    config = _load_config(session, config_bytes, shown_config, problems)
    fatal = unusable_config(problems, shown_config)
    if fatal is not None:
        raise ConfigError(fatal)
    corpus = Corpus(root=str(root), config=config)
    result = LoadResult(corpus, problems)
    result.inputs = None if config_bytes is None else [
        (os.fspath(config_path), config_sig, anchor.sha256(config_bytes))]
    bar = None
    if progress is None:
        from briefcmp.corpus.progress import terminal_progress

        bar = progress = terminal_progress(len(files), "loading")
    # Loading allocates millions of objects and frees nothing in cycles: the cyclic collector
    # would only rescan them (about 40% of the load time), so it is paused meanwhile.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _load_files(result, files, root, anchor_quotes, session, progress, texts)
    finally:
        if session is not None:
            session.close()
        if gc_was_enabled:
            gc.enable()
        if bar is not None:
            bar.close()
    if sum(len(b.claims) for b in corpus.briefs) >= FREEZE_CLAIMS:
        gc.freeze()
    return result


def _load_config(session: Any, data: Optional[bytes], shown: str, problems: Problems) -> Config:
    """Parse the corpus config (or take it, with its problems, from the cache)."""
    if data is None:
        return Config()
    hit = session.lookup_config(shown) if session is not None else None
    if hit is not None:
        config, found = hit
    else:
        found = Problems()
        parsed = parse_yaml_bytes(data, shown, found)
        config = parse_config(parsed, shown, found) if parsed is not None else Config()
        if session is not None:
            session.store_config(shown, config, found)
    problems.extend(found)
    return config


# A corpus with at least this many claims files to load (not answered by the cache) is loaded
# on every core (``BRIEFCMP_JOBS`` sets the number of processes; 1 turns this off).
PARALLEL_FILES = 64
_BATCH = 16


def _load_files(result: LoadResult, files: list[Path], root: Path, anchor_quotes: bool, session: Any,
                progress: Optional[Callable[[int, int], None]], texts: str = "all") -> None:
    problems, corpus = result.problems, result.corpus
    shown = [display_path(f) for f in files]
    result.files.extend(shown)
    loads: list[Optional[FileLoad]] = [None] * len(files)
    todo: list[int] = []
    done = 0
    decoder = session.decoder if session is not None else Decoder()
    decoder.texts = texts
    inside = os.path.join(os.path.realpath(root), "")
    folders: dict[Path, str] = {}
    for i, f in enumerate(files):
        if not _realpath(f, folders).startswith(inside):  # never read (or echo) a file outside the corpus
            outside = Problems()
            outside.error(shown[i], (0, 0), "outside-corpus",
                          f"claims file is a symbolic link to {os.path.realpath(f)}, outside the corpus "
                          f"folder {display_path(root)}; it is not read")
            loads[i] = FileLoad(outside, None, Problems(), None)
            done += 1
            continue
        hit = session.lookup(shown[i], f) if session is not None else None
        if hit is None:
            todo.append(i)
            continue
        loads[i] = hit
        done += 1
        if progress and not done % 64:
            progress(done, len(files))
    for i, loaded, packed in _load_many(todo, files, shown, corpus.config, root, anchor_quotes, decoder):
        if session is not None:
            session.store(shown[i], loaded, packed)
        loads[i] = loaded
        done += 1
        if progress:
            progress(done, len(files))
    ids: dict[str, str] = {}
    inputs = result.inputs
    for i, loaded in enumerate(loads):
        assert loaded is not None
        loads[i] = None
        if inputs is not None:
            if loaded.inputs:
                inputs.extend(loaded.inputs)
            else:
                result.inputs = inputs = None  # something was read that cannot be described
        problems.extend(loaded.problems)
        brief = loaded.brief
        if brief is None:
            continue
        if brief.id in ids:
            problems.error(shown[i], (brief.line, brief.col), "duplicate-brief",
                           f'brief id "{brief.id}" is also used by {ids[brief.id]}; this file is left out')
            continue
        ids[brief.id] = shown[i]
        problems.extend(loaded.source_problems)
        check_original(brief, f, root, problems, session)
        corpus.briefs.append(brief)
    if progress:
        progress(len(files), len(files))


def check_original(brief: Brief, claims_file: Path, root: Path, problems: Problems, session: Any = None) -> None:
    """Report an original kept in the corpus that changed (or went missing) since it was added.

    Only a ``path`` inside the corpus folder is read; an original kept elsewhere is not checked.
    With a cache session, an original whose size, times and inode are unchanged is not hashed again.
    """
    o = brief.original
    if o is None or not o.path:
        return
    resolved = (claims_file.parent / o.path).resolve()
    where = (brief.line, brief.col)
    if Path(o.path).is_absolute() or not resolved.is_relative_to(root.resolve()):
        problems.warning(brief.path, where, "original-outside-corpus",
                         f'brief: original: path "{o.path}" is outside the corpus folder, so it is not checked')
        return
    try:
        digest = _original_digest(resolved, session)
    except FileNotFoundError:
        problems.warning(brief.path, where, "original-missing",
                         f'brief: original "{o.path}" does not exist (moved or deleted since it was added)')
        return
    except OSError as exc:
        problems.warning(brief.path, where, "original-missing",
                         f'brief: cannot read original "{o.path}": {exc.strerror}')
        return
    if digest != o.sha256:
        problems.warning(brief.path, where, "original-changed",
                         f'brief: original "{o.path}" changed since it was added (sha256 is {digest}); '
                         "compare it with the source text, then update original: sha256")


def _original_digest(path: Path, session: Any) -> str:
    """The sha256 of a file: from the cache when its stat signature is one hashed before."""
    import hashlib

    st = os.stat(path)
    known = session.known_digest(path, st) if session is not None else None
    if known is not None:
        return known
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
        after = os.fstat(fh.fileno())
    digest = h.hexdigest()
    if session is not None and (after.st_size, after.st_mtime_ns, after.st_ino) == (st.st_size, st.st_mtime_ns,
                                                                                   st.st_ino):
        session.remember_digest(path, st, digest)  # not when the file changed while it was read
    return digest


def jobs() -> int:
    """Processes to load with: BRIEFCMP_JOBS, else every core (1 where fork is unavailable)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
        return 1
    try:
        n = int(os.environ.get("BRIEFCMP_JOBS", "0"))
    except ValueError:
        n = 0
    if n <= 0:
        n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, n)


def _load_many(todo: list[int], files: list[Path], shown: list[str], config: Config, root: Path,
               anchor_quotes: bool, decoder: Decoder) -> Iterator[tuple[int, FileLoad, Optional[bytes]]]:
    """(index, load, its ``cachecodec.pack_load`` or None) for the files at ``todo``, in order.

    Every load is packed and rebuilt by ``decoder``, as a cached one is: so every brief shares
    equal small values with the others and keeps only the texts asked for (at 10,000 briefs
    sharing is most of the memory the corpus takes). Many files are loaded in worker processes,
    which hand their loads back packed (pickling the objects costs the main process twice as much).
    """
    n = jobs() if len(todo) >= PARALLEL_FILES else 1
    if n <= 1:
        for i in todo:
            loaded = load_claims_file(files[i], shown[i], config, root, anchor_quotes)
            packed = _pack(loaded)
            yield i, (loaded if packed is None else _unpack(packed, loaded.inputs, decoder)), packed
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    batches = [[(i, files[i], shown[i]) for i in todo[k:k + _BATCH]] for k in range(0, len(todo), _BATCH)]
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(n, mp_context=ctx, initializer=_worker_init,
                             initargs=(config, root, anchor_quotes)) as pool:
        for batch in pool.map(_worker_load, batches):
            for i, loaded, packed, inputs in batch:
                yield i, (loaded if packed is None else _unpack(packed, inputs, decoder)), packed


def _pack(loaded: FileLoad) -> Optional[bytes]:
    """``cachecodec.pack_load`` of a load; None when it holds something that cannot be packed."""
    try:
        return pack_load(loaded.problems, loaded.brief, loaded.source_problems)
    except (Unstorable, KeyError, TypeError, ValueError):
        return None


def _unpack(packed: bytes, inputs: Optional[list[Input]], decoder: Decoder) -> FileLoad:
    problems, brief, source_problems = unpack_load(packed, decoder)
    return FileLoad(Problems(problems), brief, Problems(source_problems), inputs)


_worker: tuple = ()


def _worker_init(config: Config, root: Path, anchor_quotes: bool) -> None:
    global _worker
    _worker = (config, root, anchor_quotes)
    gc.disable()  # see load_corpus


def _worker_load(batch: list[tuple[int, Path, str]]) -> list[tuple]:
    """(index, None, packed load, inputs) for each file; (index, load, None, None) when it cannot be packed."""
    config, root, anchor_quotes = _worker
    out: list[tuple] = []
    for i, f, shown in batch:
        loaded = load_claims_file(f, shown, config, root, anchor_quotes)
        packed = _pack(loaded)
        out.append((i, loaded, None, None) if packed is None else (i, None, packed, loaded.inputs))
    return out


def load_source(brief: Brief, claims_file: Path, root: Path, problems: Problems, anchor_quotes: bool,
                inputs: Optional[list[Input]] = None) -> None:
    """Read the brief's source text (confined to the corpus), check its hash, anchor every quote.

    ``inputs``: what was read is added to it (see ``Input``); it is cleared when the read
    cannot be described (an unreadable source), which makes the load uncacheable.
    """
    if not brief.source:
        return
    shown = brief.path
    where = brief.source_mark
    src = Path(brief.source)
    if src.is_absolute():
        problems.error(shown, where, "source-outside-corpus",
                       f'brief: source "{brief.source}" must be a path relative to the claims file')
        return
    resolved = (claims_file.parent / src).resolve()
    if not resolved.is_relative_to(root.resolve()):
        problems.error(shown, where, "source-outside-corpus",
                       f'brief: source "{brief.source}" points outside the corpus folder {display_path(root)}')
        return
    parts = resolved.relative_to(root.resolve()).parts
    hidden = [part for part in parts if part.startswith(".")]
    if hidden:  # .git/config, .env, .github/...: not sources, and echoing them would disclose them
        what = "is a hidden file" if hidden[0] == parts[-1] else f"is in the hidden folder {hidden[0]}"
        problems.error(shown, where, "source-outside-corpus",
                       f'brief: source "{brief.source}" {what}; sources must be text files that are not hidden '
                       "and not in hidden folders")
        return
    brief.source_path = display_path(resolved)
    try:
        data, st = read_regular_stat(resolved, MAX_SOURCE_BYTES, allow_larger=True)
        sig = signature(st)
    except FileNotFoundError:
        problems.error(shown, where, "source-missing", f'brief: source file "{brief.source}" does not exist')
        if inputs is not None:
            inputs.append((os.fspath(claims_file.parent / src), None, "missing"))
        return
    except OSError as exc:
        problems.error(shown, where, "source-missing", f'brief: cannot read source "{brief.source}": {exc.strerror}')
        if inputs is not None:
            inputs.clear()
        return
    digest = anchor.sha256(data)
    if inputs is not None:
        inputs.append((os.fspath(claims_file.parent / src), sig, digest))
    if len(data) > MAX_SOURCE_BYTES:
        problems.error(shown, where, "file-too-large",
                       f'brief: source "{brief.source}" is larger than {MAX_SOURCE_BYTES:,} bytes')
        return
    src_problems = Problems()
    text = yamlsafe.decode(data, brief.source_path, src_problems)
    if text is None:
        problems.extend(src_problems)
        return
    if not brief.source_sha256:
        problems.warning(shown, where, "source-hash-missing",
                         f"brief: no source_sha256; add  source_sha256: {digest}  to detect later changes")
    elif brief.source_sha256 != digest:
        problems.warning(shown, where, "source-changed",
                         f'brief: source "{brief.source}" changed since it was annotated '
                         f"(sha256 is {digest}); review the quotes, then update source_sha256")
    # The normalised text is not kept: at 10,000 briefs the sources alone are 110 MB. ``source_text``
    # reads it again for the few commands that show quotes in context.
    if anchor_quotes:
        anchor_claims(brief, problems, anchor.normalise(text))


def source_text(brief: Brief) -> Optional[str]:
    """The brief's normalised source text (what its claims' spans point into), read again; None if unreadable."""
    if brief.source_text is not None:
        return brief.source_text
    if not brief.source_path:
        return None
    try:
        data = read_regular(brief.source_path, MAX_SOURCE_BYTES)
    except OSError:
        return None
    text = yamlsafe.decode(data, brief.source_path, Problems())
    return None if text is None else anchor.normalise(text)


# When quotes x source characters pass this, the quotes are found through an index of the
# source (one pass) rather than one search of the whole source each: searching is faster
# below it (measured on English text: 40 quotes in 8 KB, 0.24 ms searching vs 0.85 ms with an
# index; about even at 1,000 quotes in 40 KB), and the index keeps large briefs linear.
INDEX_WORK = 50_000_000
# Closest-passage hints per brief: each costs a bounded search of the source; a brief whose
# quotes are all missing (the wrong source) gets a few hints, not thousands of searches.
MAX_HINTS = 50


def anchor_claims(brief: Brief, problems: Problems, text: Optional[str] = None) -> None:
    """Find every claim's quote in the (normalised) source ``text``; report not-found and ambiguous ones."""
    if text is None:
        text = brief.source_text
    assert text is not None
    quoted = [c for c in brief.claims if c.quote]
    index = None
    if len(quoted) * len(text) > INDEX_WORK:
        index = anchor.QuoteIndex(text, {anchor.normalise(c.quote) for c in quoted})
    hints = MAX_HINTS
    for claim in quoted:
        a = anchor.find_quote(text, claim.quote, claim.prefix, claim.suffix, index, hints > 0)
        hints -= a.total == 0
        if a.span:
            claim.span = a.span
        elif a.total == 0:
            hint = f'; closest passage: "{a.closest}"' if a.closest else ""
            problems.error(claim.path, (claim.line, claim.col), "quote-not-found",
                           f"claim {claim.id}: quote not found in {brief.source}{hint}")
        elif a.count == 0:
            problems.error(claim.path, (claim.line, claim.col), "quote-not-found",
                           f"claim {claim.id}: quote occurs {a.total} times but none matches the prefix/suffix")
        else:
            problems.error(claim.path, (claim.line, claim.col), "quote-ambiguous",
                           f"claim {claim.id}: quote is ambiguous: found {a.count} times; "
                           "add prefix: or suffix: (the words just before or after it)")


def infer_as_of(brief: Brief) -> None:
    """A value with no as-of date refers to the brief's publication date (marked as inferred); dates excepted."""
    if brief.published is None:
        return
    for claim in brief.claims:
        # A date value is its own reference point; only other values need an as-of date.
        if claim.value is not None and claim.value.type != "date" and claim.as_of is None:
            claim.as_of = Period(brief.published)
            claim.as_of_inferred = True
