"""Who undergoes an agentless passive, and what a reported clause with no "that" says (issue 22, session 19):
"Ruritania was not consulted", "on Monday he was charged", "and did not sign it" after such a passive, "said no
journalist had been detained". Sentences written for these tests, in the voices of a wire story, a ministry's
release and a broker's note; none from a benchmark text."""

from __future__ import annotations

import pytest

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factsubjects import Context

pytestmark = pytest.mark.skipif(not nlp.available(), reason="needs the nlp extra")


def _read(*sentences: str) -> list[tuple[str, str, str, bool]]:
    """(actor, verb, value, undergone) of each fact of the last sentence, the ones before read first (one
    paragraph)."""
    entities, context = Entities(), Context("")
    facts = []
    for s in sentences:
        facts = read_facts(s, entities, context.subject, context=context)
    return [(f.actor, f.verb, f.value, f.undergone) for f in facts]


@pytest.mark.parametrize("sentence, actor, verb, value", [
    # a wire story
    ("Peru was not consulted before the summit.", "peru", "consult", "no"),
    # a ministry's release
    ("Mexico has been invited to the talks as an observer.", "mexico", "invite", "yes"),
    # a broker's note
    ("Chile was downgraded by one notch on Friday.", "chile", "downgrade", "yes"),
])
def test_a_named_country_undergoes_an_agentless_passive(sentence: str, actor: str, verb: str, value: str) -> None:
    assert (actor, verb, value, True) in _read(sentence)


def test_he_or_she_in_an_agentless_passive_is_the_person_named_last() -> None:
    # a wire story: the finance minister named with his title, then "he"
    read = _read("Finance Minister Carlos Ibarra resigned on Tuesday.", "On Thursday he was questioned by no one "
                 "at all but was summoned to appear.", "He was not charged.")
    assert [(a, v, x) for a, v, x, u in read if u] == [(read[0][0], "charge", "no")] and read[0][0]


def test_a_verb_after_such_a_passive_is_the_named_ones_act_with_its_own_negation() -> None:
    # a ministry's release: "it" is the accord named before, not the one who did not sign
    read = _read("Australia adopted the fisheries accord in June.",
                 "Peru was not consulted on its terms and did not sign it.")
    assert ("peru", "consult", "no", True) in read and ("peru", "sign", "no", False) in read
    # a broker's note: the passive's "not" is not the next verb's
    read = _read("Chile was not included in the index and launched a rival benchmark.")
    assert ("chile", "launch", "yes", False) in read


@pytest.mark.parametrize("sentence, actor, verb, value", [
    # a wire story
    ("The interior ministry said no journalist had been detained.", "journalist", "detain", "no"),
    # a ministry's release
    ("The central bank said some lenders had frozen the accounts of exporters.", "lender", "freeze", "yes"),
    # a broker's note
    ("The operator said exports had resumed at the northern terminal.", "export", "resume", "yes"),
])
def test_a_reported_clause_without_that_has_its_own_subject(sentence: str, actor: str, verb: str, value: str) -> None:
    assert any(a == actor and v == verb and x == value for a, v, x, _ in _read(sentence))


def test_a_thing_or_it_in_a_passive_is_not_read_as_a_named_actor() -> None:
    # "it" stands for something the grammar does not name here; a thing undergoes it as before
    assert not any(u and a == "peru" for a, v, x, u in _read("Peru adopted the plan.", "It was rushed, however."))
    assert ("internet-access", "cut", "yes", True) in _read("Internet access has been cut in the province.")


def test_an_appositive_subject_undergoes_the_passive_and_an_owned_office_is_not_its_owner() -> None:
    # a wire story: the phrase the appositive follows; the second participle shares it
    read = _read("On 9 March the party chairman, Ana Ruiz, was detained after a rally and charged with sedition.")
    assert ("party-chairman", "detain", "yes", True) in read and ("party-chairman", "charge", "yes", True) in read
    # a ministry's release
    assert ("peru", "suspend", "yes", True) in _read("Peru, a founding member, was suspended from the council.")
    # a broker's note: the ambassador is expelled, not the country whose ambassador he is
    assert not any(a == "peru" for a, *_ in _read("Peru's ambassador was expelled on Friday."))
    assert not any(a == "peru" for a, *_ in _read("Peru's trade minister, a former banker, was dismissed."))
    # a country's people are not the state
    assert not any(a == "russia" for a, *_ in _read("Russians will be turned back at the land crossings."))


@pytest.mark.parametrize("sentence, actor, verb, side", [
    # a wire story
    ("Opposition lawmakers have long called for the curfew to be lifted.", "opposition-lawmaker", "lift", "support"),
    # a ministry's release
    ("Peru has pressed for the duties on its copper to be scrapped.", "peru", "scrap", "support"),
    # a broker's note
    ("The union argued for the levy not to be applied to small farms.", "union", "apply", "oppose"),
])
def test_advocating_a_thing_to_be_done_is_a_position_on_doing_it(sentence: str, actor: str, verb: str,
                                                                  side: str) -> None:
    assert (actor, verb, side, False) in _read(sentence)


@pytest.mark.parametrize("before, sentence, verb", [
    # a wire story
    ("Peru and Chile signed the fisheries accord on Monday.", "The two governments did not publish its annex.", "publish"),
    # a ministry's release
    ("Peru and Chile met in Lima to review the accord.", "Both sides agreed to set up a joint commission.", "set"),
    # a broker's note
    ("Peru and Chile cut their copper royalties.", "The two countries have not raised export duties.", "raise"),
])
def test_a_definite_count_of_states_is_each_of_the_states_named(before: str, sentence: str, verb: str) -> None:
    read = _read(before, sentence)
    assert {a for a, v, *_ in read if v == verb} == {"peru", "chile"}


def test_a_count_is_no_one_when_more_states_or_no_states_were_named() -> None:
    assert not any(a in ("peru", "chile") for a, *_ in _read(
        "Peru, Chile and Bolivia signed the accord.", "The two governments did not publish its annex."))
    assert not any(a in ("peru", "chile") for a, *_ in _read("Peru and Chile signed the accord.",
                                                             "Two deputies voted against it."))


def test_it_after_a_named_one_undergoing_an_act_is_what_was_acted_on_before() -> None:
    # a wire story told over three sentences: "it" is the accord, not Peru
    entities, context = Entities(), Context("")
    facts = []
    for s in ("Australia adopted the fisheries accord in June.", "Peru was not consulted.", "Peru did not sign it."):
        facts = read_facts(s, entities, context.subject, context=context)
    assert [(f.actor, f.verb, f.value, f.object_text) for f in facts] == [("peru", "sign", "no", "the fisheries accord")]


def test_a_speaker_does_not_undergo_what_it_says_will_be_done() -> None:
    # a wire story: "they" (the duties) are paused, not Ottawa
    read = _read("Canada announced duties of its own on Saturday; Ottawa said they would be paused too.")
    assert not any(u for *_, u in read)
