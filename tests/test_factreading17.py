"""Statements read where the grammar was missed: "no longer" after a modal, a phrasal verb whose verb alone says
nothing ("called off"), and an action noun's object that stops at the sentence's own verb. Sentences written for
these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factnouns import _before_predicate

from test_factbodies import aligned_groups

pytestmark = pytest.mark.skipif(not nlp.available(), reason="needs the nlp extra")


def _read(sentence: str) -> list[tuple[str, str, str, str]]:
    return [(f.actor, f.verb, f.value, f.object_text) for f in read_facts(sentence, Entities())]


def test_no_longer_after_a_modal_is_a_negated_act() -> None:
    tags = [(t.text, t.tag) for t in nlp.tag("Ruritania will no longer import Freedonian timber.")]
    assert ("no", "RB") in tags and ("import", "VB") in tags
    assert _read("Ruritania will no longer import Freedonian timber.") == [
        ("ruritania", "import", "no", "Freedonian timber")]
    assert _read("The central bank would no longer lend to the treasury.")[0][1:3] == ("lend", "no")
    # as before: without a modal, and a plain determiner "no"
    assert _read("Ruritania no longer imports Freedonian timber.")[0][1:3] == ("import", "no")
    assert ("no", "DT") in [(t.text, t.tag) for t in nlp.tag("Ruritania imposed no tariffs on timber.")]


def test_a_phrasal_verb_is_read_though_its_verb_alone_states_nothing() -> None:
    assert [f[:2] for f in _read("Ruritania called off the border talks.")] == [("ruritania", "call")]
    # "call" alone, or "call for", is still no act of its own
    assert _read("Ruritania called the border talks pointless.") == []


def test_phrasal_and_plain_verb_of_one_act_are_keyed_together(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "wire": "Published 3 March 2025.\n\nRuritania called off the border talks with Freedonia on Monday.\n",
        "daily": "Published 4 March 2025.\n\nRuritania cancelled the border talks with Freedonia on Monday.\n",
    })
    assert [{c["brief"] for c in g["claims"]} for g in groups] == [{"wire", "daily"}]


def test_an_action_nouns_object_stops_at_the_sentences_verb() -> None:
    assert ("ruritania", "withdraw", "yes", "from the timber pact") in _read(
        "Ruritania's withdrawal from the timber pact angered Freedonia.")
    assert ("ruritania", "suspend", "yes", "the timber pact") in _read(
        "Ruritania's suspension of the timber pact was criticised.")
    # a relative clause's noun is no verb: the object runs on
    assert ("ruritania", "ban", "yes", "timber exports") in _read("Ruritania's ban on timber exports remains.")


def test_a_lower_case_office_owns_its_action_noun() -> None:
    assert ("court", "suspend", "yes", "the Liberty Party") in _read(
        "The court's suspension of the Liberty Party was lifted in May.")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["no", "longer", "will", "Ruritania", "ban", "the", "pact", "angered", "'s", "of",
                                 "withdrawal", ".", ","]), max_size=14))
def test_reading_never_fails_and_objects_stay_inside(words: list[str]) -> None:
    text = " ".join(words)
    tokens = nlp.tag(text) or []
    for lo in range(len(tokens)):
        assert lo <= _before_predicate(tokens, lo, len(tokens)) <= len(tokens)
    read_facts(text, Entities())


def test_a_thing_undergone_is_the_doers_when_both_name_one_head() -> None:
    from dataclasses import dataclass

    from briefcmp.analysis.factdoers import noun_head, read_doers
    from briefcmp.analysis.factstatements import Statement

    @dataclass
    class F:
        undergone: bool = False
        object_text: str = ""

    def stmt(actor: str, action: str, text: str, undergone: bool = False) -> Statement:
        words = frozenset(w for w in text.lower().split() if w not in ("the", "for", "all", "but"))
        return Statement(None, F(undergone, text), actor, action, words, frozenset(), "fact", root=actor)

    assert noun_head("the death penalty") == "penalty" and noun_head("the penalty for every offence") == "penalty"
    assert noun_head("the") == ""
    penalty = stmt("death-penalty", "abolish", "", undergone=True)
    # "The death penalty was abolished" beside "Ruritania abolished the penalty for every offence but piracy"
    assert read_doers([penalty, stmt("ruritania", "abolish", "the penalty for every offence but piracy")],
                      Entities()) == 1
    assert penalty.actor == "ruritania" and {"death", "penalty"} <= penalty.words
    # another head, or two doers of the act on that head, leave it unread
    fine = stmt("death-penalty", "abolish", "", undergone=True)
    assert read_doers([fine, stmt("ruritania", "abolish", "the fine for late filing")], Entities()) == 0
    assert read_doers([fine, stmt("ruritania", "abolish", "the penalty"), stmt("freedonia", "abolish", "the penalty")],
                      Entities()) == 0


def test_a_refusal_is_read_across_a_phrase_of_time() -> None:
    from briefcmp.analysis.factgrammar import untimed

    assert _read("Ruritania refused in May 2022 to admit the monitors.")[0][1:3] == ("admit", "no")
    assert _read("Ruritania declined on 4 July to sign the timber accord.")[0][1:3] == ("sign", "no")
    assert _read("Ruritania declined last week to sign the timber accord.")[0][1:3] == ("sign", "no")
    assert _read("Ruritania signed the timber accord on 4 July.")[0][1:3] == ("sign", "yes")
    text = "Ruritania refused in May 2023 to sign"
    tokens = nlp.tag(text)
    assert untimed(text, tokens, 0, len(tokens)) == "Ruritania refused to sign"
    # "may" the modal is no month
    text = "Ruritania may not sign"
    tokens = nlp.tag(text)
    assert untimed(text, tokens, 0, len(tokens)) == "Ruritania may not sign"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["in", "on", "May", "2023", "4", "July", "last", "week", "this", "refused", "to",
                                 "Ruritania", "may", "sign", "."]), max_size=12))
def test_untimed_keeps_the_words_it_does_not_cut(words: list[str]) -> None:
    from briefcmp.analysis.factgrammar import untimed

    text = " ".join(words)
    tokens = nlp.tag(text) or []
    out = untimed(text, tokens, 0, len(tokens))
    assert len(out) <= len(text) + 1
    kept = out.split()
    it = iter(text.split())
    assert all(any(w == x for x in it) for w in kept)  # a subsequence of the words, in order
