"""The bundled corpus (briefs/): sources unchanged, every claim anchored, `check` clean."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefcmp.gate.check import CheckSettings, run_check

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = ROOT / "briefs"
SEEDS = ROOT.parent / "shared" / "seeds"

# brief id -> seed file it was copied from, byte for byte
SOURCES = {
    "pism-2022-03-03": "000_2045318cba3f53e8.txt",
    "cap-2022-02": "001_2170fa637ce02f62.txt",
    "cescube-2022-03": "002_f4c0aca62b356533.txt",
    "diplomat-2022-02": "003_f3829df3d6a8e27d.txt",
    "cbga-2024": "004_04098d81d93c8001.txt",
}


@pytest.fixture(scope="module")
def report():
    return run_check(CheckSettings(paths=[BRIEFS])).report


@pytest.mark.parametrize("brief_id, seed", sorted(SOURCES.items()))
def test_source_is_the_seed_unchanged(brief_id: str, seed: str) -> None:
    source = BRIEFS / "sources" / f"{brief_id}.txt"
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert source.read_bytes() == (SEEDS / seed).read_bytes()


def test_every_brief_is_annotated(report) -> None:
    briefs = {b.id: b for b in report.load.corpus.briefs}
    assert sorted(briefs) == sorted(SOURCES)
    for brief in briefs.values():
        assert brief.source_sha256 == hashlib.sha256((BRIEFS / brief.source).read_bytes()).hexdigest()
        assert len(brief.claims) >= 20, brief.id
        assert any(c.value is not None for c in brief.claims), brief.id


def test_check_is_clean(report) -> None:
    assert [p.format() for p in report.problems] == []


def test_every_claim_is_anchored_once(report) -> None:
    for claim in report.load.corpus.claims():
        assert claim.span is not None, claim.ref


def test_briefs_share_keys(report) -> None:
    briefs_by_key: dict[str, set[str]] = {}
    for claim in report.load.corpus.claims():
        if claim.key:
            briefs_by_key.setdefault(claim.key, set()).add(claim.brief)
    shared = [k for k, b in briefs_by_key.items() if len(b) > 1]
    assert len(shared) >= 10, shared
    every_brief_shares = {b for k in shared for b in briefs_by_key[k]}
    assert every_brief_shares == set(SOURCES)
