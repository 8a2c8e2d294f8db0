"""analysis/appliedmarks.py: the ``# align:`` comments of a claims file (as-ofs and currencies align wrote),
read once per keyed brief by ``align`` and given to both readers."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import appliedmarks, briefunits, evidence
from briefcmp.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "align-review"

TEXT = """claims:
  - id: rev
    status: draft
    key: tarn-revenue
    as_of: 2024  # align: period inferred from the release (two reports)
    value: {amount: 61.2, scale: billion, unit: EUR}  # align: currency: the brief's currency
  - id: cars
    key: tarn-cars
    as_of: 2023-06  # align: the brief's period
    value: {amount: 2.4, scale: million, unit: cars}
  - id: plain
    as_of: 2022  # a person's own note
    value: {amount: 7, unit: percent}  # align: currency:
"""


def test_one_read_gives_the_as_ofs_and_the_currencies(tmp_path: Path) -> None:
    path = tmp_path / "a.claims.yaml"
    path.write_text(TEXT, encoding="utf-8")
    marks = appliedmarks.read(str(path))
    assert marks.periods() == {"rev", "cars"}
    assert marks.periods(evidence.FROM_RELEASE) == {"rev"}
    assert marks.currencies == {"rev": "the brief's currency", "plain": ""}
    # the two readers say what they said before, from the file or from marks already read
    assert evidence.aligned_periods(str(path)) == {"rev", "cars"}
    assert evidence.aligned_periods(str(path), evidence.FROM_RELEASE) == {"rev"}
    want = {"rev": "the brief's currency", "plain": briefunits.BRIEF_CURRENCY}
    assert briefunits.aligned_units(str(path)) == want == briefunits.aligned_units("", marks)


def test_an_unreadable_file_has_no_marks(tmp_path: Path) -> None:
    assert appliedmarks.read(str(tmp_path / "missing.claims.yaml")) == appliedmarks.NONE
    bad = tmp_path / "bad.claims.yaml"
    bad.write_bytes(b"claims:\n  - id: x\n    as_of: 2024  # align: \xff\n")
    assert appliedmarks.read(str(bad)).periods() == set()


@pytest.fixture(scope="module")
def keyed(tmp_path_factory, draft_corpus) -> Path:
    root = draft_corpus(tmp_path_factory.mktemp("marks") / "kenya", FIXTURES.glob("*.txt"))
    assert CliRunner().invoke(app, ["align", str(root), "--apply"]).exit_code == 0
    return root


def test_align_reads_a_keyed_claims_file_once_more_not_twice(keyed: Path, tmp_path: Path, monkeypatch) -> None:
    from briefcmp.analysis.align import align
    from briefcmp.corpus.load import load_corpus

    root = tmp_path / "kenya"
    shutil.copytree(keyed, root)
    corpus = load_corpus([root], cache=False).corpus
    keyed_paths = {b.path for b in corpus.briefs if any(c.key for c in b.claims)}
    assert len(keyed_paths) >= 2  # (align --apply keyed claims of several briefs)
    reads: Counter = Counter()
    real = Path.read_text

    def spy(self, *args, **kwargs):
        if self.name.endswith(".claims.yaml"):
            reads[str(self)] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", spy)
    align(corpus)
    assert {p: reads[str(p)] for p in keyed_paths} == {p: 1 for p in keyed_paths}
