"""An act told as a noun after a verb that announces, decides or consents to it (analysis/factnominal): read as the
act, so that it lines up with the briefs that tell the act with its verb. Sentences written for these tests."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefcmp.analysis.factnominal import act_named, read_acts
from briefcmp.analysis.factobjects import Fact
from test_factbodies import aligned_groups


def _st(verb: str, obj: str, words: str = ""):
    fact = Fact(actor="peru", actors=("peru",), verb=verb, start=0, end=0, object_start=0, object_end=0, kind="fact",
                value="yes", words=(), shown=(), object_text=obj)
    return SimpleNamespace(fact=fact, action=verb, words=frozenset(words.split()))


@pytest.mark.parametrize("verb, obj, act", [
    ("announce", "the immediate suspension of the fisheries treaty", "suspend"),
    ("approve", "the country's withdrawal from the regional court", "withdraw"),
    ("approve", "joining the grain charter", "join"),
    ("approve", "the suspension", "suspend"),
])
def test_a_noun_that_names_an_act_is_the_act(verb: str, obj: str, act: str) -> None:
    found = act_named(_st(verb, obj))
    assert found is not None and found[0] == act


@pytest.mark.parametrize("verb, obj", [
    ("approve", "the new mining law"),  # approving a law is its own act
    ("announce", "the suspension order"),  # "suspension" is no head here
    ("announce", "a decision on the quota"),  # a decision is no act one could ask about
    ("suspend", "the suspension of talks"),  # not a verb that carries another act
    ("announce", ""),
])
def test_other_objects_and_verbs_are_left_as_they_are(verb: str, obj: str) -> None:
    assert act_named(_st(verb, obj)) is None


def test_the_read_act_takes_the_object_after_the_noun() -> None:
    st = _st("announce", "the suspension of the fisheries treaty", "suspension fishery treaty")
    assert read_acts([st]) == 1
    assert st.action == "suspend" and st.words == {"fishery", "treaty"}
    # leaving a body told as a noun is leaving it, as "withdrew from the court" is read
    st = _st("approve", "the withdrawal from the Andean Court", "withdrawal court")
    read_acts([st])
    assert st.action == "leave"


def test_the_announced_suspension_and_the_suspension_key_together(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "a": "Treaty row\nAndes Daily | 3 May 2024\n\nThe presidency in Lima announced the suspension of the "
             "fisheries treaty with Chile on Monday.\n",
        "b": "Fisheries\nPacific Review | 5 May 2024\n\nPeru suspended its fisheries treaty with Chile.\n"})
    assert any(len({c["brief"] for c in g["claims"]}) == 2 for g in groups), groups
