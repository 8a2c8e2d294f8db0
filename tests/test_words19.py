"""What is measured, across wordings (issue 21, session 19): a gapped clause ("..., and exports of goods and
services by 4.3%") carries the left-out verb's direction. Sentences written for these tests, in three voices (a
statistics office's release, a wire story, a broker's note)."""

from __future__ import annotations

import pytest

from briefcmp.analysis.ellipsis import elision


def _elision(clause: str, figure: str) -> str:
    at = clause.index(figure)
    return elision(clause, (at, at + len(figure)))


@pytest.mark.parametrize("clause, figure", [
    (" and exports of goods and services by 4.3%", "4.3"),  # a statistics office's release: the noun's own "of"
    (" and government consumption by 1.2 percent", "1.2"),  # a modifier the stop list holds ("government")
    (" while imports by just 2.5%", "2.5"),  # a wire story: a word of degree after "by"
    (" and total opex by only 1%", "1"),  # a broker's note
])
def test_a_gapped_clause_keeps_its_noun_phrase_and_a_word_of_degree(clause: str, figure: str) -> None:
    assert _elision(clause, figure) == "gapped"  # the verb before it ("rose") is carried (ellipsis.carry)


@pytest.mark.parametrize("clause, figure", [
    ("just under the central bank's 2% goal", "2"),
    (" and well short of the 4% target", "4"),
    (" and investment just below 2.1%", "2.1"),
    (" and exports climbed 4.3%", "4.3"),  # a verb of its own: no gap
    (" electricity share of final energy 28%", "28"),  # a list's label: no "by", no verb left out
])
def test_a_comparison_a_label_or_a_clause_with_its_own_verb_is_no_gap(clause: str, figure: str) -> None:
    assert _elision(clause, figure) == ""
