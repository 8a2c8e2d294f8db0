"""Finished reports answered from the cache: an unchanged corpus, the same command, options and code.

``Memo.replay`` writes a stored report (its text, its notes on stderr) and gives its exit code;
otherwise the command runs, its output goes through ``Memo.tee`` and ``Memo.finish`` stores it
with the manifest of everything the run read (the claims files listed, their sources, the
config, the reviewed file). Nothing here imports PyYAML or the analysis: a warm run is
start-up, a few hundred ``stat`` calls and a copy of the stored text.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, Iterable, Optional



def _listing(paths: list[Path]) -> Any:
    """What the command line selects: (corpus root, claims files, every claims file of the corpus)."""
    from briefcmp.corpus.paths import CLAIMS_SUFFIX, resolve_inputs

    root, files = resolve_inputs(paths)
    listed = tuple(os.fspath(f) for f in files)
    if len(paths) == 1 and paths[0].is_dir() and paths[0].resolve() == root:
        return (os.fspath(root), listed, None)  # every claims file of the corpus is listed already
    every = sorted(os.fspath(p) for p in root.rglob("*" + CLAIMS_SUFFIX))
    return (os.fspath(root), listed, tuple(every))


class Memo:
    """The cache of one command's finished report (inert when caching is off or impossible)."""

    def __init__(self, command: str, paths: list[Path], options: tuple, fmt: str) -> None:
        self.paths = paths
        self.notes: list[str] = []
        self.store: Any = None
        self.writer: Any = None
        self.inputs: Optional[list] = []
        self.key = b""
        self.anywhere = False
        if fmt == "table":  # a terminal's width, colours and rich version: not worth keeping
            return
        from briefcmp.corpus import cache

        if not cache.enabled():
            return
        store = cache.BriefCache(cache.cache_dir()).reports()
        if store is None:
            return
        from briefcmp.corpus.paths import InputError

        # counts say nothing of how paths are shown: one entry per corpus, wherever run from and however named
        self.anywhere = fmt == "counts"
        try:  # (the listing taken before anything is read: a file added meanwhile shows next time)
            self.listing = _listing([Path(p).resolve() for p in paths] if self.anywhere else paths)
        except (InputError, OSError):
            return
        self.store = store
        # Plain text is wrapped at $COLUMNS when it is set (render.layout.plain_width): part of the key.
        width = os.environ.get("COLUMNS") if fmt == "plain" else None
        if self.anywhere:
            ident = repr((command, [os.fspath(Path(p).resolve()) for p in paths], options, fmt))
        else:
            ident = repr((command, [os.fspath(p) for p in paths], options, fmt, os.getcwd(), width))
        self.key = hashlib.sha256(ident.encode("utf-8", "surrogateescape") + cache.all_code_digest()).digest()

    def _still_valid(self, manifest: Any) -> bool:
        from briefcmp.corpus.cache import unchanged

        listing, inputs = manifest
        return listing == self.listing and all(unchanged(i) for i in inputs)

    def replay(self, output: Optional[Path], force: bool) -> Optional[int]:
        """Write the stored report and its notes; its exit code, or None when there is none to use."""
        if self.store is None:
            return None
        hit = self.store.lookup(self.key, self._still_valid)
        if hit is None:
            return None
        from briefcmp.cli.app import fail, say
        from briefcmp.corpus.files import OutputError
        from briefcmp.render.output import deliver_utf8

        try:
            deliver_utf8(hit.blocks(), output, force)
        except OutputError as exc:
            raise fail(str(exc))
        for note in hit.notes:
            say(note)
        return hit.code

    def stored_text(self) -> Optional[str]:
        """A small stored answer (see ``keep_text``), when the inputs it was made from are unchanged."""
        if self.store is None:
            return None
        hit = self.store.lookup(self.key, self._still_valid)
        return None if hit is None else b"".join(hit.blocks()).decode("utf-8", "replace")

    def keep_text(self, text: str, inputs: Optional[list]) -> None:
        """Store a small answer made from ``inputs`` (``load.Input``s; None: not describable, not kept)."""
        if self.store is None or inputs is None:
            return
        if self.anywhere:  # inputs as absolute paths: checked again from any working folder
            inputs = [(os.path.abspath(path), *rest) for path, *rest in inputs]
        writer = self.store.writer(self.key)
        if writer is not None:
            for _ in writer.tee([text]):
                pass
            writer.finish((self.listing, tuple(inputs)), (), 0)

    def entry(self) -> Optional[Path]:
        """The file this answer is (or would be) stored in, for another answer to depend on (None: no cache)."""
        return None if self.store is None else self.store._path(self.key)

    def note(self, text: str) -> None:
        """A note on stderr, kept with the report."""
        from briefcmp.cli.app import say

        self.notes.append(text)
        say(text)

    def read(self, inputs: Optional[Iterable[Any]]) -> None:
        """Add what the run read (``load.Input``s); None: something that cannot be described."""
        if inputs is None or self.inputs is None:
            self.inputs = None
        else:
            self.inputs.extend(inputs)

    def tee(self, chunks: Iterable[str]) -> Iterable[str]:
        """The chunks, kept as the report as they go by (when it can be stored)."""
        if self.store is None or self.inputs is None:
            return chunks
        self.writer = self.store.writer(self.key)
        return chunks if self.writer is None else self.writer.tee(chunks)

    def tee_utf8(self, chunks: Iterable[str]) -> Optional[Iterable[bytes]]:
        """``tee``, the chunks given back as UTF-8 (encoded once for the report and its reader);
        None when nothing is stored (then the text goes out as text)."""
        if self.store is None or self.inputs is None:
            return None
        self.writer = self.store.writer(self.key)
        return None if self.writer is None else self.writer.tee_utf8(chunks)

    def finish(self, code: int) -> None:
        """Store the report written through ``tee`` (when the whole run could be described)."""
        writer, self.writer = self.writer, None
        if writer is None:
            return
        if self.inputs is None:
            writer.discard()
            return
        writer.finish((self.listing, tuple(self.inputs)), self.notes, code)

    def abandon(self) -> None:
        if self.writer is not None:
            self.writer.discard()
            self.writer = None


def describe(path: Path) -> Any:
    from briefcmp.corpus.cache import describe as describe_input

    return describe_input(path)


__all__ = ["Memo", "describe"]
