"""What a check is about: named claims files, files changed in git, or new files against a corpus.

A ``Selection`` names the corpus to load and the *focus* (the briefs being
checked); ``briefcmp.gate.check.run_check`` loads the whole corpus, so relations are
found against every brief, and reports what concerns the focus.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from briefcmp.corpus.load import CLAIMS_SUFFIX, CONFIG_NAME, InputError, corpus_root, display_path
from briefcmp.gate.reviewed import REVIEWED_NAME

DEFAULT_BASES = ("origin/main", "main")


class GitError(InputError):
    """git is missing, this is not a repository, or the base cannot be resolved (exit 2)."""


# --------------------------------------------------------------------------- git


def git(args: list[str], cwd: Path) -> str:
    """Run ``git args`` (no shell) in ``cwd``; stdout as text, GitError with git's message on failure."""
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False,
                              env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --changed)") from None
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror}") from None
    if proc.returncode != 0:
        message = os.fsdecode(proc.stderr).strip().splitlines()
        raise GitError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return os.fsdecode(proc.stdout)


def repo_top(cwd: Path) -> Path:
    """The top folder of the git work tree holding ``cwd``."""
    try:
        return Path(git(["rev-parse", "--show-toplevel"], cwd).strip())
    except GitError as exc:
        raise GitError(f"{display_path(cwd)}: not in a git repository ({exc}); --changed needs git") from None


def _commit(ref: str, top: Path) -> Optional[str]:
    try:
        return git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], top).strip()
    except GitError:
        return None


def merge_base(base: Optional[str], top: Path) -> tuple[Optional[str], str]:
    """(commit to diff against, how to describe it); commit None when HEAD has no commit yet.

    Without ``base``: the merge-base with origin/main, else with main, else HEAD itself
    (then only uncommitted changes count).
    """
    head = _commit("HEAD", top)
    if base is None:
        if head is None:
            return None, "an empty repository"
        for candidate in DEFAULT_BASES:
            if _commit(candidate, top):
                try:
                    return git(["merge-base", "HEAD", candidate], top).strip(), f"merge-base with {candidate}"
                except GitError:
                    continue
        return head, "HEAD"
    if base.startswith("-"):
        raise GitError(f"--base {base!r}: a git ref cannot start with '-'")
    commit = _commit(base, top)
    if commit is None:
        raise GitError(f"--base {base}: unknown git revision; in CI, fetch it first "
                       "(actions/checkout with fetch-depth: 0)")
    if head is None:
        return commit, base
    try:
        return git(["merge-base", "HEAD", commit], top).strip(), f"merge-base with {base}"
    except GitError:
        raise GitError(f"--base {base}: no common history with HEAD (a shallow clone? "
                       "use actions/checkout with fetch-depth: 0)") from None


def changed_files(base: Optional[str], cwd: Path) -> tuple[list[Path], str]:
    """Files that differ from the base (committed, staged, unstaged or untracked), and the base described."""
    files, described, _, _ = _changed(base, cwd)
    return files, described


def _changed(base: Optional[str], cwd: Path) -> tuple[list[Path], str, Optional[str], Path]:
    """``changed_files`` plus the base commit (None: no commit yet) and the top of the work tree."""
    top = repo_top(cwd)
    commit, described = merge_base(base, top)
    if commit is None:
        names = git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], top).split("\0")
    else:
        names = git(["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff", commit, "--"], top).split("\0")
        names += git(["ls-files", "-z", "--others", "--exclude-standard"], top).split("\0")
    files = sorted({(top / n).resolve() for n in names if n})
    return files, described, commit, top


def _show(commit: str, path: str, top: Path) -> Optional[str]:
    try:
        return git(["show", f"{commit}:{path}"], top)
    except GitError:
        return None


def show_files(commit: str, paths: list[str], top: Path) -> list[Optional[str]]:
    """The text of each path at ``commit`` (None where it does not exist), in one ``git cat-file``."""
    if any("\n" in p for p in paths):  # the batch protocol is line-based: one call per file instead
        return [_show(commit, p, top) for p in paths]
    if not paths:
        return []
    # A name that is not UTF-8 holds surrogate escapes: fsencode gives git back its bytes.
    request = b"".join(os.fsencode(f"{commit}:{p}") + b"\n" for p in paths)
    try:
        proc = subprocess.run(["git", "cat-file", "--batch"], cwd=top, input=request, capture_output=True,
                              check=False, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"})
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror}") from None
    if proc.returncode != 0:
        raise GitError("git cat-file: " + (os.fsdecode(proc.stderr).strip() or "failed"))
    out, pos, texts = proc.stdout, 0, []
    for _ in paths:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()
        pos = end + 1
        if len(header) != 3:  # "<name> missing" (or ambiguous): no content follows
            texts.append(None)
            continue
        size = int(header[2])
        blob = header[1] == b"blob"  # a folder is a tree: its content is skipped
        texts.append(out[pos:pos + size].decode("utf-8", errors="replace") if blob else None)
        pos += size + 1
    return texts


def base_keys(files: list[Path], commit: Optional[str], top: Path) -> set[str]:
    """The keys the claims of ``files`` used at ``commit`` (files new since then add none).

    A changed or deleted claims file can change relations on the keys it used before, not
    only on the keys it uses now: ``check --changed`` reports the conflicts on both.
    """
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.problems import Problems

    keys: set[str] = set()
    if commit is None:
        return keys
    rels = [f.relative_to(top.resolve()).as_posix() for f in files]
    for rel, text in zip(rels, show_files(commit, rels, top)):
        if text is None:  # not in the base: a new file
            continue
        data = yamlsafe.parse(text, rel, Problems())
        claims = data.get("claims") if isinstance(data, dict) else None
        for claim in claims if isinstance(claims, list) else ():
            if isinstance(claim, dict) and isinstance(claim.get("key"), str):
                keys.add(claim["key"])
    return keys


def _entries_at(text: Optional[str], shown: str) -> Optional[dict[str, tuple]]:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.problems import Problems
    from briefcmp.gate.reviewed import parse_reviewed

    if text is None:
        return {}
    problems = Problems()
    data = yamlsafe.parse(text, shown, problems)
    entries = parse_reviewed(data, shown, problems) if data is not None else []
    if problems:
        return None
    return {e.id: (e.key or e.id.partition(":")[0], e.claims, e.values, e.status) for e in entries}


def reviewed_keys(path: Path, commit: Optional[str], top: Path) -> Optional[set[str]]:
    """Keys of the reviewed-file entries added, removed or edited since ``commit`` (None: cannot tell)."""
    if commit is None:
        return None
    rel = path.relative_to(top.resolve()).as_posix()
    (before,) = show_files(commit, [rel], top)
    try:
        after: Optional[str] = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        after = None
    except (OSError, UnicodeDecodeError):
        return None
    old, new = _entries_at(before, rel), _entries_at(after, rel)
    if old is None or new is None:
        return None
    return {(old.get(i) or new[i])[0] for i in set(old) | set(new) if old.get(i) != new.get(i)}


# --------------------------------------------------------------------------- selections


@dataclass
class Selection:
    """What to load and what to report on."""

    root: Path  # the corpus folder (holds briefcmp.yaml)
    extra: list[Path] = field(default_factory=list)  # claims files outside the corpus (--against)
    focus_files: Optional[set[Path]] = None  # resolved claims files being checked; None: all of them
    touched: set[Path] = field(default_factory=set)  # other changed/named files (sources): their briefs count
    keys: set[str] = field(default_factory=set)  # keys the changed claims files used at the base
    all_relations: bool = False  # the reviewed file changed beyond telling which keys: report every conflict
    exact: bool = False  # git selection: report every consequence of the change (see gate.check.run_check)
    describe: str = ""  # for messages: what was selected

    @property
    def everything(self) -> bool:
        return self.focus_files is None


def select_paths(paths: list[Path]) -> Selection:
    """The briefs named on the command line (folders, claims files, or the config for all)."""
    roots = {corpus_root(p) for p in paths}
    if len(roots) > 1:
        raise InputError("paths belong to different corpora: " + ", ".join(sorted(map(str, roots))))
    root = roots.pop()
    focus: Optional[set[Path]] = set()
    touched: set[Path] = set()
    for p in paths:
        r = p.resolve()
        if p.is_dir():
            if r == root:
                focus = None
                break
            focus.update(f.resolve() for f in r.rglob("*" + CLAIMS_SUFFIX))  # type: ignore[union-attr]
        elif r.name.endswith(CLAIMS_SUFFIX):
            focus.add(r)  # type: ignore[union-attr]
        elif r == root / CONFIG_NAME:
            focus = None  # the config concerns every brief
            break
        else:
            touched.add(r)  # a source text or the reviewed file
    return Selection(root, focus_files=focus, touched=touched, describe=", ".join(map(str, paths)))


def select_changed(paths: list[Path], base: Optional[str]) -> Selection:
    """The corpus of ``paths``, focused on the files changed since ``base`` (see ``changed_files``)."""
    sel = select_paths(paths)
    scope = [p.resolve() for p in paths]
    files, described, commit, top = _changed(base, sel.root)
    focus: set[Path] = set()
    touched: set[Path] = set()
    claims_files: list[Path] = []
    whole = every_relation = False
    for f in files:
        if not any(f == s or f.is_relative_to(s) for s in scope) or not f.is_relative_to(sel.root):
            continue
        if f == sel.root / CONFIG_NAME:
            whole = True
        elif f.name.endswith(CLAIMS_SUFFIX):
            claims_files.append(f)
            if f.exists():  # a deleted brief has nothing to validate; its keys still count
                focus.add(f)
        else:
            touched.add(f)
    keys = base_keys(claims_files, commit, top)
    reviewed = sel.root / REVIEWED_NAME
    if reviewed in touched:  # entries added, removed or edited can (un)review conflicts anywhere
        edited = reviewed_keys(reviewed, commit, top)
        every_relation = edited is None
        keys |= edited or set()
    return Selection(sel.root, focus_files=None if whole else focus, touched=touched,
                     keys=keys, all_relations=every_relation, exact=True,
                     describe=f"changed since {described}")


def select_against(paths: list[Path], corpus: Path) -> Selection:
    """New claims files (anywhere) checked against the corpus at ``corpus``."""
    root = corpus_root(corpus)
    focus: set[Path] = set()
    extra: list[Path] = []
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        files = sorted(p.rglob("*" + CLAIMS_SUFFIX)) if p.is_dir() else [p]
        for f in files:
            r = f.resolve()
            focus.add(r)
            if not r.is_relative_to(root) and f not in extra:
                extra.append(f)
    if not focus:
        raise InputError(f"no claims files (*{CLAIMS_SUFFIX}) in {', '.join(map(str, paths))}")
    return Selection(root, extra, focus, describe=f"against {display_path(root)}")


__all__ = ["GitError", "Selection", "changed_files", "repo_top", "select_paths", "select_changed", "select_against"]
