"""The figure linker's pair scores, kept by `align` for what a review asks (``AlignResult.links``,
``reviewgroups.LINKER_FLOOR``): three reports of one year written for this test, a wire story, a ministry
release and a broker note, each giving hydropower export growth and tourist arrivals."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fixtures" / "review-linker"


@pytest.fixture(scope="module")
def aligned(tmp_path_factory, draft_corpus):
    from briefcmp.analysis.align import align
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.cache import load_corpus

    root = draft_corpus(tmp_path_factory.mktemp("linker") / "bhutan", HERE.glob("*.txt"))
    corpus = load_corpus([root], cache=False).corpus
    return align(corpus, Entities(corpus.config))


def test_align_keeps_the_linker_s_score_of_each_pair_it_scored(aligned) -> None:
    links = aligned.links
    arrivals = [p for p in links if all(r.endswith("#pct-14") for r in p)]
    assert len(arrivals) == 3  # the three reports of tourist arrivals, pair by pair
    assert all(0.0 <= p <= 1.0 for p in links.values())
    # a measure told by two reports scores above any pair of two measures (hydropower beside arrivals)
    across = [s for p, s in links.items() if {r.split("#")[1] for r in p} == {"pct-12", "pct-14"}]
    assert across and min(links[p] for p in arrivals) > max(across)

