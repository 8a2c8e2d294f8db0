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
