"""Statements of leaving and of states no longer so (issue 22, session 11): "no longer" before a verb negates it,
an act of leaving written as a noun ("Ruritania's withdrawal from the pact") is the possessor's, and the verbs of
leaving a treaty or a body ("withdrew from", "left", "quit", "exited", "denounced the treaty") are one action, told
from other acts by their object. The sentences are written for these tests, not taken from the benchmark sets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factnouns import verb_of
from briefcmp.analysis.factstatements import _by_object, _read_through, action_of
from briefcmp.analysis.factsubjects import Context

pytest.importorskip("textblob")


def _read(sentence: str) -> list:
    return read_facts(sentence, Entities(None), context=Context(""))


def _actions(sentence: str) -> set[tuple[str, str]]:
    """(actor, action) of each statement, the action as align compares it."""
    out = set()
    for f in _read(sentence):
        verb, _ = _read_through(f)
        out.add((f.actor, _by_object(verb, f) or action_of(verb)))
    return out


@pytest.mark.parametrize("sentence, verb", [
    ("Portugal no longer funds the river project.", "fund"),
    ("Chile no longer recognizes the jurisdiction of the tribunal.", "recognize"),
    ("Norway no longer imports Russian coal.", "import"),
])
def test_no_longer_negates_the_verb_after_its_subject(sentence, verb):
    found = {(f.actor, f.verb, f.value) for f in _read(sentence)}
    actor = sentence.split()[0].lower()
    assert (actor, verb, "no") in found


@pytest.mark.parametrize("sentence, value", [
    ("Norway cannot import Russian coal under the new rules.", "no"),
    ("Norway can not import Russian coal under the new rules.", "no"),
    ("Norway can import Russian coal under the new rules.", "yes"),
])
def test_cannot_negates_as_can_not_does(sentence, value):
    # ("cannot" is one word: the \bnot\b of the negation never matched inside it)
    assert ("norway", "import", value) in {(f.actor, f.verb, f.value) for f in _read(sentence)}


def test_a_plural_noun_after_no_longer_stays_a_noun_without_a_subject():
    assert not any(f.verb == "fund" for f in _read("There are no longer funds for the river project."))


@pytest.mark.parametrize("sentence", [
    "Peru's withdrawal from the fisheries pact took effect on Monday.",
    "Peru's exit from the fisheries pact has become effective.",
    "The senate approved Peru's withdrawal from the fisheries pact.",
])
def test_a_possessed_act_of_leaving_is_the_possessors(sentence):
    facts = [f for f in _read(sentence) if f.actor == "peru"]
    assert facts and facts[0].value == "yes" and facts[0].object_text == "from the fisheries pact"
    assert ("peru", "leave") in _actions(sentence)


def test_the_country_as_possessor_is_the_subject_named_before():
    found = _actions("Chile's congress approved the country's withdrawal from the fisheries pact.")
    assert ("chile", "leave") in found


def test_accession_is_read_as_acceding_and_acceding_as_joining():
    assert verb_of("accession") == "accede" and verb_of("secession") == "secede"
    assert verb_of("succession") == ""  # no verb "succede"
    assert ("finland", "join") in _actions("Finland's accession to the fisheries pact was completed in May.")
    assert ("finland", "join") in _actions("Finland acceded to the fisheries pact in May.")


@pytest.mark.parametrize("sentence", [
    "Peru withdrew from the fisheries pact in March.",
    "Peru left the fisheries pact in March.",
    "Peru quit the fisheries pact in March.",
    "Peru exited the fisheries pact in March.",
    "Peru pulled out of the fisheries pact in March.",
    "Peru denounced the fisheries pact in March.",
    "Peru quit NATO in March.",
])
def test_one_act_of_leaving_in_several_verbs(sentence):
    assert ("peru", "leave") in _actions(sentence)


@pytest.mark.parametrize("sentence, action", [
    ("Peru denounced the attack on the embassy.", "condemn"),  # condemning, not leaving
    ("Peru withdrew its troops from Bolivia.", "withdraw"),  # troops withdrawn: no treaty left
    ("Peru withdrew its support for the fisheries pact.", "withdraw"),
    ("Peru abandoned its plans for a new port.", "abandon"),
    ("Peru withdrew its ambassador from Bolivia.", "recall"),  # an envoy withdrawn is recalled
    ("Peru recalled its ambassador from Bolivia.", "recall"),
    ("Peru joined the fisheries pact in March.", "join"),  # the opposite step keeps its own action
])
def test_other_acts_keep_their_verbs(sentence, action):
    assert ("peru", action) in _actions(sentence)


def test_a_chamber_named_in_apposition_acts_for_its_country() -> None:
    from briefcmp.analysis.factrefs import _modifier_votes
    from briefcmp.analysis.factsubjects import _countries

    ents = Entities()
    texts = {"a": "Estonia's parliament, the Riigikogu, voted on Tuesday.",
             "c": "The Storting, Norway's parliament, met."}
    assert _modifier_votes("Riigikogu", "person", {"a": texts["a"]}, ents, _countries()) == {"estonia"}
    assert _modifier_votes("Storting", "person", {"c": texts["c"]}, ents, _countries()) == {"norway"}
    # a name after a comma that no chamber noun governs is nobody's ("Estonia's neighbour, Latvia")
    assert _modifier_votes("Tartu", "person", {"d": "Estonia's second city, Tartu, voted."}, ents, _countries()) == set()


@pytest.mark.parametrize("sentence, value", [
    ("Peru is not bound by the fisheries pact.", "no"),
    ("Peru is no longer bound by the fisheries pact.", "no"),
    ("Peru was bound by the fisheries pact until March.", "yes"),
])
def test_bound_by_is_a_state_of_the_subject(sentence, value):
    found = {(f.actor, f.verb, f.value, f.object_text) for f in _read(sentence)}
    assert ("peru", "bind", value, "by the fisheries pact") in found


def test_a_passive_with_its_agent_is_still_the_agents_act():
    assert {(f.actor, f.verb) for f in _read("The fisheries pact was signed by Peru.")} == {("peru", "sign")}


def test_seats_of_government_stand_for_their_country():
    from briefcmp.analysis.factrefs import capital_of

    assert capital_of("the Kremlin") == {"russia"} and capital_of("Downing Street") == {"united-kingdom"}
    assert capital_of("Putrajaya") == {"malaysia"} and capital_of("Lima") == {"peru"}
    assert capital_of("the Hague") == frozenset()  # the courts' city too: nobody's government by itself


def test_votes_in_an_absolute_phrase_are_each_names_vote():
    found = {(f.actor, f.verb, f.value, f.object_text) for f in
             _read("The council adopted the fisheries pact, with Peru voting against and Chile abstaining.")}
    assert ("peru", "vote", "no", "against the fisheries pact") in found
    assert ("chile", "abstain", "yes", "") in found
    # the quote, read again alone, says the same
    again = {(f.actor, f.verb, f.value) for f in _read("the fisheries pact, with Peru voting against")}
    assert again == {("peru", "vote", "no")}
    yes = {(f.actor, f.value) for f in _read("The board approved the loan with Peru and Chile voting in favour.")}
    assert yes == {("peru", "yes"), ("chile", "yes")} | {x for x in yes if x[0] == "board"}


def test_an_absolute_phrase_without_names_or_votes_drafts_no_vote():
    assert not any(f.verb in ("vote", "abstain") for f in
                   _read("The council adopted the fisheries pact, with two members voting against."))
    assert not any(f.actor == "chile" for f in _read("Peru arrived with Chile."))


_WORDS = ["with", "Peru", "Chile", "and", ",", "voting", "abstaining", "against", "for", "in", "favour", "the",
          "pact", "only", "withdrawal", "from", "no", "longer", "Peru's", "bound", "by", "is", "left", "."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_any_word_salad_reads_without_error_and_quotes_inside_the_sentence(words):
    sentence = " ".join(words)
    for f in _read(sentence):
        assert 0 <= f.start <= f.end <= len(sentence) and f.value in ("yes", "no", "undecided", "support", "oppose")


def test_a_date_after_an_action_noun_is_no_object_and_no_bar_to_its_infinitive():
    found = {(f.actor, f.verb) for f in _read("Peru's decision on 17 March to sever relations with Chile was a shock.")}
    assert ("peru", "sever") in found
    assert not any(f.actor == "finland" for f in _read("Finland's accession on 4 April completed the enlargement."))


def test_the_country_as_subject_is_the_country_last_the_subject_else_the_texts_own():
    ctx = Context("")
    read_facts("Peru signed the fisheries pact in 2010.", Entities(None), context=ctx)
    found = read_facts("The country withdrew from the fisheries pact last year.", Entities(None), context=ctx)
    assert {(f.actor, f.verb) for f in found} == {("peru", "withdraw")}
    home = read_facts("The country withdrew from the fisheries pact.", Entities(None), context=Context("chile"))
    assert {f.actor for f in home} == {"chile"}
    alone = read_facts("The country withdrew from the fisheries pact.", Entities(None), context=Context(""))
    assert {f.actor for f in alone} == {"country"}  # no country said: the phrase itself, as before
