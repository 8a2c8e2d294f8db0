"""Coverage: the topic-by-brief matrix, its states and counts, and the gaps."""

from __future__ import annotations

from pathlib import Path

from briefcmp.analysis.coverage import compute_coverage
from briefcmp.analysis.crossref import analyse, find_relations
from briefcmp.corpus.load import load_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "crossref"


def coverage(name: str, topics=(), briefs=()):
    corpus = load_corpus([FIXTURES / name]).corpus
    return compute_coverage(corpus, find_relations(corpus), topics, briefs)


def test_rows_follow_the_taxonomy_and_columns_the_briefs():
    cov = coverage("bounds")
    assert cov.topics == ["trade", "sanctions", "financial-sanctions", "energy", "aid", "history"]
    assert cov.briefs == ["alpha-2022", "beta-2022", "gamma-2022"]
    assert cov.depth["financial-sanctions"] == 1 and cov.depth["sanctions"] == 0


def test_cell_states_and_counts():
    cov = coverage("bounds")
    # Every bounds claim has a figure; gamma-2022 conflicts on banks (financial sanctions) and aid.
    assert cov.cell("energy", "alpha-2022").state == "figures"
    assert cov.cell("energy", "gamma-2022").state == "none"
    conflict = cov.cell("aid", "gamma-2022")
    assert (conflict.state, conflict.claims, conflict.figures, conflict.conflicts) == ("conflict", 1, 1, 1)
    assert cov.cell("trade", "alpha-2022").state == "none"


def test_a_child_topic_counts_for_its_parent():
    cov = coverage("bounds")
    assert cov.cell("financial-sanctions", "beta-2022").claims == 1
    assert cov.cell("sanctions", "beta-2022").claims == 1
    assert cov.cell("sanctions", "beta-2022").state == "conflict"


def test_covered_without_figures():
    cov = coverage("suggest")
    cell = cov.cell("history", "alpha-2022")
    assert (cell.state, cell.claims, cell.figures) == ("covered", 1, 0)


def test_gaps_are_topics_one_brief_covers_and_uncovered_ones_are_listed():
    cov = coverage("suggest")
    assert [(g.topic, g.brief, g.claims) for g in cov.gaps] == [("sanctions", "beta-2022", 1)]
    assert cov.uncovered == ["trade", "financial-sanctions", "aid"]


def test_a_conflict_counts_once_per_cell():
    cov = coverage("internal")  # three claims of one brief in one contradiction
    cell = cov.cell("trade", "alpha-2022")
    assert (cell.claims, cell.conflicts, cell.state) == (3, 1, "conflict")


def test_filters_keep_topic_descendants_and_chosen_briefs():
    cov = coverage("bounds", topics=("sanctions",), briefs=("beta-2022",))
    assert cov.topics == ["sanctions", "financial-sanctions"] and cov.briefs == ["beta-2022"]
    assert cov.gaps == []  # one brief: no "only one brief" gaps to speak of


def test_analyse_attaches_coverage_with_conflicts_from_all_relations():
    corpus = load_corpus([FIXTURES / "stance"]).corpus
    a = analyse(corpus, coverage=True)
    assert a.coverage is not None
    assert a.coverage.cell("financial-sanctions", "gamma-2022").state == "conflict"
    assert analyse(corpus, coverage=False).coverage is None
