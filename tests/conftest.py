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
    monkeypatch.setattr(cache, "_disabled", False)


@pytest.fixture(scope="session")
def draft_corpus():
    """``make(root, texts)``: a new corpus at ``root`` (init), each text copied into sources/ and drafted
    with ``annotate`` (no hand edit), as a new user starts."""
    import shutil

    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()

    def make(root: Path, texts) -> Path:
        assert runner.invoke(app, ["init", str(root)]).exit_code == 0
        for text in sorted(texts):
            shutil.copy(text, root / "sources" / text.name)
            r = runner.invoke(app, ["annotate", str(root / "sources" / text.name), "-o",
                                    str(root / f"{text.stem}.claims.yaml")])
            assert r.exit_code == 0, r.output
        return root

    return make
