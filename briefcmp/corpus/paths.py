"""Which files a command line names: the corpus root, its claims files, how paths are shown.

Kept apart from loading (and light: no model, no YAML) so that a run answered from the cache
can check its inputs without importing the loader.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

CONFIG_NAME = "briefcmp.yaml"
CLAIMS_SUFFIX = ".claims.yaml"
DECISIONS_NAME = "align-decisions.yaml"  # align --review's decisions, beside the config

Signature = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode: "unchanged" without reading


def signature(st: os.stat_result) -> Signature:
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


class InputError(Exception):
    """The input cannot be used at all (no corpus, no config): exit 2."""


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
