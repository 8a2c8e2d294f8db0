"""The walk-s3 fixture sets: every gold quote is verbatim in its source (the PDF's in the page it was printed from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.corpus import yamlsafe

WALK = Path(__file__).parent / "fixtures" / "walk-s3"


def source_text(folder: Path, source: str) -> str:
    found = [p for p in folder.iterdir() if p.name.split(".")[0] == source and p.suffix != ".yaml"]
    assert len(found) == 1, (folder, source)
    if found[0].suffix == ".pdf":
        return (WALK / "src" / f"{source}.html").read_text(encoding="utf-8")
    return found[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["lfs", "fourday"])
def test_gold_quotes_are_in_their_sources(name: str) -> None:
    folder = WALK / name
    gold = yamlsafe.parse((folder / "gold.yaml").read_text(encoding="utf-8"), "gold.yaml", [])
    items = list(gold["relations"]) + list(gold["traps"])
    assert len(gold["relations"]) >= 4 and len(gold["traps"]) >= 3
    for item in items:
        for claim in item["claims"]:
            assert claim["quote"] in source_text(folder, claim["source"]), claim


def test_walk_s4_gold_quotes_are_in_their_sources() -> None:
    """walk-s4 (one release, four sources): every gold quote is verbatim in its source."""
    folder = WALK.parent / "walk-s4" / "gdp"
    gold = yamlsafe.parse((folder / "gold.yaml").read_text(encoding="utf-8"), "gold.yaml", [])
    assert len(gold["relations"]) >= 8 and len(gold["traps"]) >= 3
    for item in list(gold["relations"]) + list(gold["traps"]):
        for claim in item["claims"]:
            found = [p for p in folder.iterdir() if p.name.split(".")[0] == claim["source"] and p.suffix != ".yaml"]
            assert len(found) == 1, claim
            path = WALK.parent / "walk-s4" / "src" / f"{claim['source']}.html" if found[0].suffix == ".pdf" else found[0]
            assert claim["quote"] in path.read_text(encoding="utf-8"), claim
