"""The bundled corpus (briefs/): sources unchanged, every claim anchored, `check` clean."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from briefcmp.gate.check import CheckSettings, run_check

ROOT = Path(__file__).resolve().parent.parent
BRIEFS = ROOT / "briefs"
# brief id -> the seed file it was copied from, byte for byte, and that file's sha256 (recorded
# here so the test needs nothing outside the repository: a changed source fails it)
SOURCES = {
    "pism-2022-03-03": ("000_2045318cba3f53e8.txt", "565828eecbdd02624d44fc122e55373c657e8e412da757cf148d30eb2957804e"),
    "cap-2022-02": ("001_2170fa637ce02f62.txt", "67838805849a75d031809cab7796993e8fef3efb78ddb33a82bdefd2b0e25dc9"),
    "cescube-2022-03": ("002_f4c0aca62b356533.txt", "a762228b60cf8d5d66e5e34508698e3e5fb9f8880816408eec470cfd0a609f33"),
    "diplomat-2022-02": ("003_f3829df3d6a8e27d.txt", "0491ea2eecb957e6f077e3c487b69caa99dea6fa83a403ca3d718c85bf4daedf"),
    "cbga-2024": ("004_04098d81d93c8001.txt", "d31b255dee945276425b4648b835b0d6fcab526dda62899b6bf02c60bfe7e9ac"),
}


@pytest.fixture(scope="module")
def report():
    return run_check(CheckSettings(paths=[BRIEFS])).report


@pytest.mark.parametrize("brief_id, seed", sorted(SOURCES.items()))
def test_source_is_the_seed_unchanged(brief_id: str, seed: tuple[str, str]) -> None:
    source = BRIEFS / "sources" / f"{brief_id}.txt"
    assert hashlib.sha256(source.read_bytes()).hexdigest() == seed[1], f"{source} differs from seed {seed[0]}"


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
