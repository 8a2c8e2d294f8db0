"""Statements recalled by the structure of the clause, whatever its words: a verb after an appositive or a relative
clause, a verb the lexicon reads as a noun between a subject and its object, a verb coordinated with a finite one,
a subject after an opening phrase of time, a request ("asked X to ..."), and a clause a frame leaves open ("it is
not clear when ..."). The sentences are written for these tests, in several domains (a court, a central bank, a
company, a treaty, a border), not taken from the benchmark sets."""

from __future__ import annotations

import pytest

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factopen import open_clauses
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factsubjects import Context

pytest.importorskip("textblob")


def _read(sentence: str, home: str = "") -> set[tuple[str, str, str, str]]:
    return {(f.actor, f.verb, f.kind, f.value) for f in read_facts(sentence, Entities(None), context=Context(home))}


@pytest.mark.parametrize("sentence, expected", [
    # the verb after an appositive (tagged a participle: nothing else in the sentence is finite)
    ("The central bank, Bank Negara, raised its policy rate by a quarter point.", ("central-bank", "raise")),
    ("The regulator, CNMV, suspended trading in the shares.", ("regulator", "suspend")),
    # ... and after a relative clause, past a word of order
    ("The tribunal, which sits in The Hague, first ordered a stay of the sale.", ("tribunal", "order")),
    # a verb the lexicon reads first as a plural noun, between an opening noun phrase and its object
    ("The treaty ends the dispute over the river.", ("treaty", "end")),
    ("The ruling concerns the northern border only.", ("ruling", "concern")),
])
def test_a_finite_verb_is_read_where_the_tagger_saw_none(sentence, expected):
    assert any((a, v) == expected and value == "yes" for a, v, _, value in _read(sentence))


def test_a_verb_coordinated_with_a_finite_one_shares_its_tense():
    found = _read("The company renewed the licence and extended it to every mine.")
    assert ("company", "renew", "fact", "yes") in found and ("company", "extend", "fact", "yes") in found
    found = _read("The new charter extends the mandate by two years and ends the veto on new members.")
    assert ("new-charter", "end", "fact", "yes") in found


@pytest.mark.parametrize("sentence, expected", [
    ("On 4 July the Supreme Court declined to hear the appeal.", ("supreme-court", "hear", "fact", "no")),
    ("Since 1 March the bridge has been closed to trucks.", ("bridge", "close", "fact", "yes")),
    ("In May 2024 the board approved the merger.", ("board", "approve", "fact", "yes")),
])
def test_the_subject_follows_an_opening_phrase_of_time(sentence, expected):
    assert expected in _read(sentence)


def test_a_count_opening_a_clause_is_no_phrase_of_time():
    # "Three ships" is what was seen, not when: no actor, nothing drafted as an act of "ships" by time-skipping
    assert not any(a == "ship" for a, *_ in _read("Three ships were seen near the port."))


def test_a_request_is_an_act_and_a_question_is_not():
    assert ("peru", "ask", "fact", "no") in _read("Peru has not asked Chile to reopen the border.")
    assert ("ghana", "ask", "fact", "yes") in _read("Ghana asked the IMF for a new loan.")
    assert not any(v == "ask" for _, v, _, _ in _read("The minister asked whether the loan was legal."))


@pytest.mark.parametrize("sentence, expected", [
    ("It is not yet clear when the central bank will cut rates.", ("central-bank", "cut")),
    ("The company did not say how long the plant would stay shut.", ("plant", "stay")),
    ("Nobody yet knows how regulators will enforce the cap.", ("regulator", "enforce")),
    ("It remains unclear whether the court will hear the case.", ("court", "hear")),
    ("The governor stopped short of saying when the bank would cut rates.", ("bank", "cut")),
])
def test_a_clause_a_frame_leaves_open_is_undecided(sentence, expected):
    found = {(a.rstrip("s"), v): value for a, v, _, value in _read(sentence)}  # "regulators": the phrase's id
    assert found.get(expected) == "undecided"


def test_a_clause_a_frame_settles_is_not_open():
    # a frame that is not negated or doubtful leaves nothing open
    tokens = nlp.tag("It is clear when the bank will cut rates.")
    assert open_clauses(tokens) == []
    tokens = nlp.tag("The ministry said when the plant would reopen.")
    assert open_clauses(tokens) == []
    # the statement read from an open clause is never a "yes"
    assert all(value == "undecided" for _, _, _, value in _read("Officials did not say when the treaty would be "
                                                                 "ratified."))


def test_each_conjunct_of_a_passive_subject_undergoes_it():
    found = _read("Pensioners and students will not be charged.")
    assert ("pensioner", "charge", "forecast", "no") in found and ("student", "charge", "forecast", "no") in found
    # a determiner of any kind opens the phrase, not the thing ("Any such licences": licences)
    assert ("licence", "revoke", "fact", "yes") in _read("Any such licences are revoked.")


def test_a_relative_clause_is_said_of_the_noun_phrase_before_which():
    found = _read("The ban was imposed by the regulator, which later lifted it for small exporters.")
    assert ("regulator", "lift", "fact", "yes") in found
    # past a date after "of": the decree, not its date
    assert ("decree", "suspend", "fact", "yes") in _read("The decree of 3 May 2024, which suspends the levy, "
                                                           "remains in force.")
    # after another preposition the grammar does not say which noun "which" takes: nothing is said of either
    assert not any(v == "expire" for _, v, _, _ in _read("Duties on Chinese steel, which expire in May, hit exports."))


def test_a_list_of_actions_shares_its_subject():
    found = _read("The central bank raised its rate in March, sold dollars in April and then halted bond purchases.")
    assert {("central-bank", v, "fact", "yes") for v in ("raise", "sell", "halt")} <= found
    # a verb after a relative clause's closing comma is the main clause's, not a list's
    found = _read("The tribunal, which sat in May, dismissed the claim.")
    assert ("tribunal", "dismiss", "fact", "yes") in found


def test_a_phrase_set_off_between_subject_and_verb_leaves_the_subject():
    assert ("regulator", "fine", "fact", "yes") in _read("The regulator, for its part, fined the lender.")
    assert ("board", "set", "fact", "yes") in _read("The board, in a brief statement, set up a review panel.")
    # a word between an auxiliary and its participle is an adverb ("have long resisted")
    assert ("central-bank", "resist", "fact", "yes") in _read("The central bank has long resisted the pressure.")


def test_coordinated_adjectives_each_state_a_quality():
    facts = read_facts("The court held that the merger was unlawful and invalid.", Entities(None), context=Context(""))
    assert {(f.actor, f.words[0], f.value) for f in facts} >= {("merger", "unlawful", "yes"), ("merger", "invalid", "yes")}
    facts = read_facts("The curfew is neither necessary nor proportionate.", Entities(None), context=Context(""))
    assert {(f.words[0], f.value) for f in facts} == {("necessary", "no"), ("proportionate", "no")}
    # "not A and B" may deny either one: nothing is split
    facts = read_facts("The curfew is not necessary and proportionate.", Entities(None), context=Context(""))
    assert not any(f.words[:1] == ("proportionate",) for f in facts)


def test_an_adverb_set_off_inside_a_verb_group_keeps_the_group():
    assert ("uruguay", "block", "forecast", "no") in _read("Uruguay will not, however, block the accord.")
    assert ("central-bank", "raise", "fact", "yes") in _read("The central bank has, therefore, raised its rate.")


def test_a_negating_verb_inside_a_passive_subject_negates_nothing():
    # "stop" in the subject's own infinitive says nothing about the main verb: no "no" for "treated"
    assert ("attempt", "treat", "forecast", "yes") in _read("Any attempt to stop the convoy would be treated as a "
                                                            "hostile act.")
    assert ("attempt", "tolerate", "forecast", "no") in _read("Any attempt to stop the convoy would not be tolerated.")
    assert ("attempt", "make", "fact", "no") in _read("No attempt to stop the convoy was made.")


def test_a_when_clause_in_the_past_asserts_its_event_and_one_in_the_present_does_not():
    found = _read("When the tribunal annulled the contract, the company appealed.")
    assert ("tribunal", "annul", "fact", "yes") in found
    assert not any(v == "cut" for _, v, _, _ in _read("When the central bank cuts rates, the currency will fall."))


def test_a_participle_of_saying_reports_a_clause_with_its_own_subject():
    found = _read("The bank kept its rate on hold, saying the currency was still too weak.")
    assert ("bank", "keep", "fact", "yes") in found and ("currency", "be", "fact", "yes") in found
    # "it" in what is reported may be the speaker or the thing spoken of: no actor is guessed for it
    found = _read("The union appealed the ruling, arguing that it breaches the labour code.")
    assert not any(v == "breach" for _, v, _, _ in found)
