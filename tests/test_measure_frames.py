"""An opening frame qualifies the measure of the clause after it (walk-s4 defect 7): "Measured per
person, GDP dropped 1.2%" is GDP per capita, "On the expenditure side, GDP fell 0.6%" the expenditure
measure, not GDP as such. Fixture text written here."""

from __future__ import annotations

from pathlib import Path

from briefcmp.analysis import align as A
from briefcmp.analysis.entities import Entities
from briefcmp.corpus.cache import load_corpus

TEXT = ("Kiwiland GDP\n\nWire | 19 December 2024\n\nNew Zealand GDP fell 1.0 percent in the quarter. "
        "Measured per person, GDP dropped 1.2%. On the expenditure side, GDP fell 0.6%. "
        "GDP per capita decreased 1.2 percent in the quarter. In real terms, exports rose 2%.\n")


def test_an_opening_frame_is_part_of_the_measure(tmp_path: Path, draft_corpus) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    root = draft_corpus(tmp_path / "c", [tmp_path / "a.txt"])
    corpus = load_corpus([root], cache=False).corpus
    entities = Entities(corpus.config)
    (brief,) = corpus.briefs
    ctx = A._Context(brief, entities, ())
    words = {c.quote.split()[0]: A.describe(c, ctx, entities).words for c in brief.claims}
    assert words["New"] == {"gdp", "decrease"}
    assert words["Measured"] == words["GDP"] == {"gdp", "decrease", "capita"}  # as "GDP per capita" reads
    assert "capita" not in words["On"] and words["On"] > {"gdp", "decrease"}  # the expenditure measure
    assert "real" in words["In"]
