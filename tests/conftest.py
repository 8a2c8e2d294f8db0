"""Shared test helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Keep the suite hermetic: never the user's cache folder, and no `--no-cache` left over."""
    from briefcmp.corpus import cache

    monkeypatch.setenv("BRIEFCMP_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "briefcmp-cache"))
    monkeypatch.delenv("BRIEFCMP_NO_CACHE", raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)  # plain text wraps at $COLUMNS when set: the suite sets it itself
    monkeypatch.setattr(cache, "_disabled", False)


@pytest.fixture(scope="session")
def draft_corpus():
    """``make(root, texts, *options)``: a new corpus at ``root`` (init), each text copied into sources/ and
    drafted with ``annotate`` and ``options`` (``--sentences``; no hand edit), as a new user starts."""
    import shutil

    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()

    def make(root: Path, texts, *options: str) -> Path:
        assert runner.invoke(app, ["init", str(root)]).exit_code == 0
        for text in sorted(texts):
            shutil.copy(text, root / "sources" / text.name)
            r = runner.invoke(app, ["annotate", str(root / "sources" / text.name), "-o",
                                    str(root / f"{text.stem}.claims.yaml"), *options])
            assert r.exit_code == 0, r.output
        return root

    return make


@pytest.fixture(scope="session")
def daily_corpus(tmp_path_factory) -> Path:
    """Three fresh drafts (a PDF, a saved web page and a text on Vietnam's power plan), added as the
    README says (``init``, then ``add`` each), not aligned. Do not edit: copy it first."""
    pytest.importorskip("pdfplumber")
    pytest.importorskip("trafilatura")
    from typer.testing import CliRunner

    import ingest_docs
    from briefcmp.cli import app

    runner = CliRunner()
    tmp = tmp_path_factory.mktemp("daily")
    corpus = tmp / "my-briefs"
    assert runner.invoke(app, ["init", str(corpus)]).exit_code == 0
    for original in ingest_docs.daily_originals(tmp / "Downloads"):
        result = runner.invoke(app, ["add", str(original), str(corpus)])
        assert result.exit_code == 0 and "warning" not in result.output, result.output
    return corpus


def copy_of_repository(dest: Path) -> Path:
    """The repository's files as a fresh clone has them (tracked and new files, no .venv, caches
    or build output), copied to ``dest``: tests that install or build work there, never here."""
    import shutil
    import subprocess

    try:
        listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                                capture_output=True, check=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        listed = None
    if listed is None:
        shutil.copytree(ROOT, dest, ignore=shutil.ignore_patterns(
            ".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".pytest_cache", ".hypothesis"))
        return dest
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest
