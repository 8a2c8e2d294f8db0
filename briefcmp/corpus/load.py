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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from briefcmp.corpus import anchor, yamlsafe
from briefcmp.corpus.files import read_regular
from briefcmp.corpus.model import Brief, Config, Corpus, Period
from briefcmp.corpus.parse import CLAIMS_SUFFIX, CONFIG_NAME, parse_claims_file, parse_config
from briefcmp.corpus.problems import Problem, Problems

MAX_SOURCE_BYTES = 16 * 1024 * 1024


class InputError(Exception):
    """The input cannot be used at all (no corpus, no config): exit 2."""


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


def find_root(path: Path) -> Optional[Path]:
    """The nearest folder at or above ``path`` that holds a corpus config."""
    path = path.resolve()
    for folder in [path, *path.parents] if path.is_dir() else path.parents:
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def discover_corpus(cwd: Path) -> Optional[Path]:
    """The corpus to use when no PATH is given: ``cwd/briefs`` when it is a folder, else the
    nearest folder at or above ``cwd`` that holds a corpus config (as git and ruff find theirs)."""
    if (cwd / "briefs").is_dir():
        return cwd / "briefs"
    return find_root(cwd)


def corpus_root(p: Path) -> Path:
    """The corpus folder ``p`` belongs to; InputError when ``p`` is missing or in no corpus."""
    if not p.exists():
        raise InputError(f"{p}: no such file or folder")
    root = find_root(p)
    if root is None:
        raise InputError(f"{p}: not in a briefcmp corpus (no {CONFIG_NAME} here or in a parent folder); "
                         "create one with `briefcmp init`")
    return root


def resolve_inputs(paths: list[Path]) -> tuple[Path, list[Path]]:
    """(corpus root, claims files) for the paths given on the command line; InputError if unusable."""
    roots: set[Path] = set()
    files: list[Path] = []
    for p in paths:
        root = corpus_root(p)
        roots.add(root)
        if p.is_dir():
            files.extend(sorted(p.rglob("*" + CLAIMS_SUFFIX)))
        elif p.resolve() == root / CONFIG_NAME:  # the config concerns the whole corpus
            files.extend(sorted(root.rglob("*" + CLAIMS_SUFFIX)))
        elif p.name.endswith(CLAIMS_SUFFIX):
            files.append(p)
        else:
            raise InputError(f"{p}: not a claims file (*{CLAIMS_SUFFIX}), a corpus folder or its {CONFIG_NAME}")
    if len(roots) > 1:
        raise InputError("paths belong to different corpora: " + ", ".join(sorted(map(str, roots))))
    seen: set[str] = set()
    unique = []
    folders: dict[Path, str] = {}
    for f in files:
        real = _realpath(f, folders)
        if real not in seen:
            seen.add(real)
            unique.append(f)
    return roots.pop(), unique


def _realpath(f: Path, folders: dict[Path, str]) -> str:
    """``os.path.realpath(f)``, resolving each folder once rather than once per file in it."""
    if f.name in ("", ".", "..") or f.is_symlink():
        return os.path.realpath(f)
    parent = folders.get(f.parent)
    if parent is None:
        parent = folders[f.parent] = os.path.realpath(f.parent)
    return os.path.join(parent, f.name)


def display_path(p: Path) -> str:
    """A path as shown in messages: relative to the working folder when inside it."""
    try:
        return os.path.relpath(p)
    except ValueError:  # other drive on Windows
        return str(p)


def read_bytes(p: Path, shown: str, problems: Problems) -> Optional[bytes]:
    """The bytes of a file (one byte past the size limit, so that the limit is reported); None if unreadable."""
    try:  # only a regular file, never more than the limit (a planted FIFO or device cannot hang the load)
        return read_regular(p, yamlsafe.MAX_BYTES, allow_larger=True)
    except OSError as exc:
        problems.error(shown, (0, 0), "unreadable", f"cannot read file: {exc.strerror}")
        return None


def parse_yaml_bytes(data: bytes, shown: str, problems: Problems) -> Any:
    """Decode and parse the bytes of one YAML file; None (with a problem) when that fails."""
    text = yamlsafe.decode(data, shown, problems)
    return None if text is None else yamlsafe.parse(text, shown, problems)


@dataclass
class FileLoad:
    """What loading one claims file finds on its own, apart from the rest of the corpus (what the cache keeps)."""

    problems: Problems  # reading, parsing and validating the file
    brief: Optional[Brief]  # None when the file has no usable brief section
    source_problems: Problems  # the source text and quote anchoring: reported only when the brief is kept


def load_claims_file(f: Path, shown: str, config: Config, root: Path, anchor_quotes: bool = True,
                     data: Optional[bytes] = None,
                     before_source: Optional[Callable[[Brief], Any]] = None) -> FileLoad:
    """Read (or take ``data``), parse and validate one claims file, then read its source and anchor its quotes."""
    problems, source_problems = Problems(), Problems()
    if data is None:
        data = read_bytes(f, shown, problems)
    parsed = parse_yaml_bytes(data, shown, problems) if data is not None else None
    brief = parse_claims_file(parsed, shown, problems, config) if parsed is not None else None
    if brief is not None:
        if before_source is not None:
            before_source(brief)
        load_source(brief, f, root, source_problems, anchor_quotes)
        infer_as_of(brief)
    return FileLoad(problems, brief, source_problems)


# A corpus this large is frozen out of the cyclic garbage collector's sight after loading
# (it holds no reference cycles; scanning its millions of objects again and again would only cost time).
FREEZE_CLAIMS = 20_000


def load_corpus(paths: list[Path], anchor_quotes: bool = True,
                progress: Optional[Callable[[int, int], None]] = None, cache: Any = None) -> LoadResult:
    """Load the corpus the paths belong to (config + the claims files named or found).

    ``cache``: None, or a store with ``session(root, config_bytes, anchor_quotes)`` (a
    ``corpus.cache.BriefCache``) that answers unchanged files; results are the same either
    way. ``corpus.cache.load_corpus`` is this with the default cache. Without ``progress``,
    a long load on a terminal shows a progress bar.
    """
    root, files = resolve_inputs(paths)
    problems = Problems()
    config_path = root / CONFIG_NAME
    shown_config = display_path(config_path)
    config_bytes = read_bytes(config_path, shown_config, problems)
    session = cache.session(root, config_bytes, anchor_quotes) if cache else None
    config = _load_config(session, config_bytes, shown_config, problems)
    fatal = unusable_config(problems, shown_config)
    if fatal is not None:
        raise ConfigError(fatal)
    corpus = Corpus(root=str(root), config=config)
    result = LoadResult(corpus, problems)
    bar = None
    if progress is None:
        from briefcmp.corpus.progress import terminal_progress

        bar = progress = terminal_progress(len(files), "loading")
    # Loading allocates millions of objects and frees nothing in cycles: the cyclic collector
    # would only rescan them (about 40% of the load time), so it is paused meanwhile.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        _load_files(result, files, root, anchor_quotes, session, progress)
    finally:
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


def _load_files(result: LoadResult, files: list[Path], root: Path, anchor_quotes: bool, session: Any,
                progress: Optional[Callable[[int, int], None]]) -> None:
    problems, corpus = result.problems, result.corpus
    ids: dict[str, str] = {}
    inside = os.path.join(os.path.realpath(root), "")
    folders: dict[Path, str] = {}
    for n, f in enumerate(files):
        if progress:
            progress(n, len(files))
        shown = display_path(f)
        result.files.append(shown)
        if not _realpath(f, folders).startswith(inside):  # never read (or echo) a file outside the corpus
            problems.error(shown, (0, 0), "outside-corpus",
                           f"claims file is a symbolic link to {os.path.realpath(f)}, outside the corpus "
                           f"folder {display_path(root)}; it is not read")
            continue
        if session is None:
            loaded = load_claims_file(f, shown, corpus.config, root, anchor_quotes)
        else:
            loaded = _load_cached(session, f, shown, corpus.config, root, anchor_quotes)
        problems.extend(loaded.problems)
        brief = loaded.brief
        if brief is None:
            continue
        if brief.id in ids:
            problems.error(shown, (brief.line, brief.col), "duplicate-brief",
                           f'brief id "{brief.id}" is also used by {ids[brief.id]}; this file is left out')
            continue
        ids[brief.id] = shown
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


def _load_cached(session: Any, f: Path, shown: str, config: Config, root: Path, anchor_quotes: bool) -> Any:
    """``load_claims_file`` through the cache: a stored result when this file version was loaded before."""
    unreadable = Problems()
    data = read_bytes(f, shown, unreadable)
    if data is None:
        return FileLoad(unreadable, None, Problems())
    key = session.key(shown, data)
    hit = session.lookup(key, f)
    if hit is not None:
        return hit
    # The source is fingerprinted just before it is read (and not stored if it changes meanwhile).
    loaded = load_claims_file(f, shown, config, root, anchor_quotes, data,
                              before_source=lambda b: session.before_source(b, f))
    session.store(key, loaded)
    return loaded


def load_source(brief: Brief, claims_file: Path, root: Path, problems: Problems, anchor_quotes: bool) -> None:
    """Read the brief's source text (confined to the corpus), check its hash, anchor every quote."""
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
        data = read_regular(resolved, MAX_SOURCE_BYTES, allow_larger=True)
    except FileNotFoundError:
        problems.error(shown, where, "source-missing", f'brief: source file "{brief.source}" does not exist')
        return
    except OSError as exc:
        problems.error(shown, where, "source-missing", f'brief: cannot read source "{brief.source}": {exc.strerror}')
        return
    if len(data) > MAX_SOURCE_BYTES:
        problems.error(shown, where, "file-too-large",
                       f'brief: source "{brief.source}" is larger than {MAX_SOURCE_BYTES:,} bytes')
        return
    src_problems = Problems()
    text = yamlsafe.decode(data, brief.source_path, src_problems)
    if text is None:
        problems.extend(src_problems)
        return
    digest = anchor.sha256(data)
    if not brief.source_sha256:
        problems.warning(shown, where, "source-hash-missing",
                         f"brief: no source_sha256; add  source_sha256: {digest}  to detect later changes")
    elif brief.source_sha256 != digest:
        problems.warning(shown, where, "source-changed",
                         f'brief: source "{brief.source}" changed since it was annotated '
                         f"(sha256 is {digest}); review the quotes, then update source_sha256")
    brief.source_text = anchor.normalise(text)
    if anchor_quotes:
        anchor_claims(brief, problems)


# Above this many quotes in one brief, they are found through an index of the source
# (one pass) rather than one search of the whole source each.
INDEX_QUOTES = 16
# Closest-passage hints per brief: each costs a bounded search of the source; a brief whose
# quotes are all missing (the wrong source) gets a few hints, not thousands of searches.
MAX_HINTS = 50


def anchor_claims(brief: Brief, problems: Problems) -> None:
    """Find every claim's quote in the (normalised) source; report not-found and ambiguous ones."""
    assert brief.source_text is not None
    quoted = [c for c in brief.claims if c.quote]
    index = None
    if len(quoted) > INDEX_QUOTES:
        index = anchor.QuoteIndex(brief.source_text, {anchor.normalise(c.quote) for c in quoted})
    hints = MAX_HINTS
    for claim in quoted:
        a = anchor.find_quote(brief.source_text, claim.quote, claim.prefix, claim.suffix, index, hints > 0)
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
