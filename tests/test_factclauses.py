"""Clause shapes read from the tags whatever the verb (briefcmp.analysis.factclauses): an action with no object,
names listed or set off by an appositive or a relative clause as subjects, linking verbs with a complement, and
a question a negated verb of saying leaves open. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factsubjects import Context
from briefcmp.drafting.factclaims import question

pytest.importorskip("textblob")

# (sentence, the facts read: actor, verb lemma, kind, value)
SENTENCES = [
    # an action with no object: the verb alone is the statement, negation and frames give its value
    ("Chile abstained.", {("chile", "abstain", "fact", "yes")}),
    ("Peru has not yet retaliated.", {("peru", "retaliate", "fact", "no")}),
    ("Bolivia has declined to follow for now.", {("bolivia", "follow", "fact", "no")}),
    ("Uruguay could retaliate.", {("uruguay", "retaliate", "forecast", "yes")}),
    ("Ecuador voted against, after a long debate.", {("ecuador", "vote", "fact", "no")}),
    # a verb of saying or reporting with nothing after it states nothing to key; "it" alone may be a thing
    ("Chile agreed.", set()),
    ("Peru responded on Monday.", set()),
    ("The treaty is void, the government of Chile has indicated.", {("treaty", "be", "fact", "yes")}),  # a state
    ("Chile has not signed the accord, Peru reiterated.", {("chile", "sign", "fact", "no")}),  # a report's tail
    ("Peru should levy the duty, as Chile already allows.", {("peru", "levy", "recommendation", "support")}),
    ("Chile has not decided.", {("chile", "decide", "fact", "undecided")}),
    ("Chile signed the pact. It renews every year.", {("chile", "sign", "fact", "yes")}),
    # a subject that is negated ("no ...") negates its statement
    ("No Chilean court has heard the case.", {("chile", "hear", "fact", "no")}),
    # pressing someone to act is advice to them, whatever the tense
    ("For years Lima has pressed Chile to distance itself from the pact.",
     {("chile", "distance", "recommendation", "support")}),
    # names listed with commas are all subjects, also before a relative clause or an appositive
    ("Chile, Peru and Bolivia signed the treaty.",
     {("chile", "sign", "fact", "yes"), ("peru", "sign", "fact", "yes"), ("bolivia", "sign", "fact", "yes")}),
    ("Chile, Peru and Bolivia, which had sought a deal for years, signed the treaty.",
     {("chile", "seek", "fact", "yes"), ("peru", "seek", "fact", "yes"), ("bolivia", "seek", "fact", "yes"),
      ("chile", "sign", "fact", "yes"), ("peru", "sign", "fact", "yes"), ("bolivia", "sign", "fact", "yes")}),
    ("Ecuador, the smallest member, did not sign the treaty.", {("ecuador", "sign", "fact", "no")}),
    # the subject of a relative clause is the name before ", which"; not a name after a preposition
    ("The treaty was drafted by Chile, which then ratified it at once.",  # "it": the treaty (session 13)
     {("chile", "draft", "fact", "yes"), ("chile", "ratify", "fact", "yes")}),
    ("Tariffs on Peru, which exports copper, were raised.", set()),
    # a linking verb with a complement that names something: a state, one question for "is", "remains" and
    # "has become"
    ("Colombia is not a member of the alliance.", {("colombia", "be", "fact", "no")}),
    ("Colombia has become a full member of the alliance.", {("colombia", "be", "fact", "yes")}),
    ("Colombia, which applied in 2019, remains outside.",
     {("colombia", "apply", "fact", "yes"), ("colombia", "be", "fact", "yes")}),
    ("Colombia is under no obligation to extradite him.", {("colombia", "be", "fact", "no")}),
    ("Colombia is ready to join.", {("colombia", "join", "forecast", "yes")}),  # a frame, not a state
    ("Colombia's response was mild.", {("colombia", "be", "assessment", "mild")}),  # still an assessment
    # a negated verb of saying before "how", "when", "which": the action it names is left open
    ("Chile did not say when it would lift the ban.", {("chile", "lift", "fact", "undecided")}),
    ("The Federal Council has not yet said how it will respond to the ruling.",
     {("federal-council", "respond", "fact", "undecided")}),
    ("Chile has not disclosed which ports will be closed.", set()),  # the ports' fate is no one's act
    # a relative clause whose object is the noun before it: that noun is the object
    ("Peru should not wait for a deal that Quito will never accept.",
     {("peru", "wait", "recommendation", "oppose"), ("ecuador", "accept", "forecast", "no")}),
    # a vote is read by its side: against is "no" to voting for it; "in favour" is the side, not the object
    ("Chile voted against the duties.", {("chile", "vote", "fact", "no")}),
    ("Chile voted for the duties.", {("chile", "vote", "fact", "yes")}),
    ("Chile should vote against the duties.", {("chile", "vote", "recommendation", "oppose")}),
    # a frame reaches past a phrase of time to its infinitive
    ("Peru's parliament voted on Tuesday to leave the pact.", {("peru", "leave", "fact", "yes")}),
    ("Chile decided last week to expel the envoy.", {("chile", "expel", "fact", "yes")}),
    # a country's institution named in common words after its possessive acts for it; a firm's own name does not
    ("Peru's Chamber of Deputies on Monday repealed the decree.", {("peru", "repeal", "fact", "yes")}),
    ("Chile's Codelco cut copper shipments.", set()),
    # a head noun in the plural ("Andean Community governments") is a head all the same
    ("Andean Community governments failed to block the plan.",
     {("andean-community", "block", "fact", "no")}),
    # a modal with "not" governs a verb the lexicon calls a noun
    ("Chile will not arrest the minister.", {("chile", "arrest", "forecast", "no")}),
    # an object that is a free relative ("what ...") holds its own verb
    ("Chile already meets what the treaty requires of its fleet.", {("chile", "meet", "fact", "yes")}),
    # undertaking to act is a pledge, as "pledged to" is: a forecast of the act
    ("Chile has undertaken to register the vessels.", {("chile", "register", "forecast", "yes")}),
    # a clause reported without "that" after a phrase of time: the sayer's decision
    ("Chile said on Monday it would not renew the agreement.", {("chile", "renew", "fact", "no")}),
]


@pytest.fixture(scope="module")
def entities() -> Entities:
    return Entities()


@pytest.mark.parametrize("sentence, expected", SENTENCES)
def test_clause_shapes(entities: Entities, sentence: str, expected: set) -> None:
    got = {(f.actor, f.verb, f.kind, f.value) for f in read_facts(sentence, entities, context=Context(""))}
    assert got == expected


def test_an_action_with_no_object_quotes_its_particle_and_asks_about_the_verb(entities: Entities) -> None:
    sentence = "Ecuador voted against, after a long debate."
    (fact,) = read_facts(sentence, entities, context=Context(""))
    assert sentence[fact.start:fact.end] == "Ecuador voted against"
    assert fact.words == () and fact.object_text == "against"
    assert question(fact, entities) == "Did Ecuador vote against?"


def test_a_free_relative_object_keeps_its_words(entities: Entities) -> None:
    (fact,) = read_facts("Chile already meets what the treaty requires of its fleet.", entities, context=Context(""))
    assert fact.object_text == "what the treaty requires of its fleet"
    assert {"treaty", "fleet"} <= set(fact.words)


def test_the_object_of_a_relative_clause_is_the_noun_it_follows(entities: Entities) -> None:
    sentence = "The charges of corruption, which Chile rejects, were dropped."
    (fact,) = read_facts(sentence, entities, context=Context(""))
    assert (fact.actor, fact.verb, fact.value) == ("chile", "reject", "yes")
    assert fact.object_text == "The charges of corruption" and {"charge", "corruption"} <= set(fact.words)
    assert sentence[fact.start:fact.end] == "The charges of corruption, which Chile rejects"


@pytest.mark.parametrize("sentence, actor", [
    ("The foreign minister, a veteran diplomat, banned the imports.", "peru"),  # an office, then its appositive
    ("The ministry, which had hesitated for weeks, banned the imports.", "peru"),
    ("Governor Ana Ruiz, a former judge, banned the imports.", "governor"),
])
def test_an_office_set_off_by_an_appositive_is_the_subject(entities: Entities, sentence: str, actor: str) -> None:
    got = {(f.actor, f.verb, f.value) for f in read_facts(sentence, entities, context=Context("peru"))}
    assert (actor, "ban", "yes") in got


def test_a_thing_set_off_by_an_appositive_is_no_actor(entities: Entities) -> None:
    assert read_facts("The report, published on Monday, criticised the plan.", entities, context=Context("peru")) == []


def test_for_and_in_favour_of_are_one_question(entities: Entities) -> None:
    (a,) = read_facts("Chile voted for the duties.", entities, context=Context(""))
    (b,) = read_facts("Chile voted in favour of the duties.", entities, context=Context(""))
    (c,) = read_facts("Chile voted against the duties.", entities, context=Context(""))
    assert a.words == b.words == c.words == ("duty",) and (a.value, b.value, c.value) == ("yes", "yes", "no")


def test_a_state_asks_whether_it_is_so(entities: Entities) -> None:
    (fact,) = read_facts("Colombia has become a full member of the alliance.", entities, context=Context(""))
    assert fact.object_text == "a full member of the alliance" and fact.words == ("member", "alliance")
    assert question(fact, entities) == "Is Colombia a full member of the alliance?"


@pytest.mark.parametrize("sentence, word, tag", [
    ("Peru has retaliated.", "retaliated", "VBN"),  # after "have": a participle
    ("Analysts say it grants Peru a port.", "grants", "VBZ"),  # after a subject pronoun: a finite verb
    ("Lima intends to exempt Chile from the duty.", "exempt", "VB"),  # after "to", before an object
    ("Chile was not ruling out a ban.", "ruling", "VBG"),  # after "be": a progressive
    ("Chile will not arrest him.", "arrest", "VB"),  # a modal with "not"
    ("Chile already fulfils what it promised.", "fulfils", "VBZ"),  # a name opening its clause, then its verb
    ("The will of voters matters.", "will", "MD"),  # (the lexicon's reading stays where nothing says otherwise)
    ("Peru, which applied in May, waits.", "applied", "VBD"),  # after "which" with no auxiliary: finite
])
def test_the_grammar_around_a_word_mends_the_lexicons_tag(sentence: str, word: str, tag: str) -> None:
    tokens = nlp.tag(sentence)
    assert next(t.tag for t in tokens if t.text == word) == tag


def test_a_noun_after_an_object_pronoun_stays_a_noun() -> None:
    tokens = nlp.tag("Lima gave it loans and grants.")
    assert [t.tag for t in tokens if t.text in ("loans", "grants")] == ["NNS", "NNS"]


# the words of the shapes above, in any order: no error, quotes and objects inside the text, never empty
_WORDS = st.sampled_from(["Chile", "Peru", "the", "not", "which", "who", "that", "is", "remains", "has", "become",
                          "a", "member", "no", "It", "voted", "against", "abstained", "said", "how", "when", "on",
                          "Tuesday", "what", "'s", "Chamber", "will", "arrest", ",", ".", "in", "favour", "it"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=30))
def test_any_order_of_these_words_reads_without_error(words: list[str]) -> None:
    sentence = " ".join(words)
    for f in read_facts(sentence, Entities(), carried="chile"):
        assert 0 <= f.start < f.end <= len(sentence) and f.object_start < f.object_end <= len(sentence)
        assert f.value in ("yes", "no", "undecided", "support", "oppose")
