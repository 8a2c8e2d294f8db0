"""Statements drafted where a reader sees them (issue 22, session 13): the speaker of a reported clause whose subject
is a pronoun, an object that is only "it", the agent of a passive named after "by", and a clause reported after
"that" whose subject is set off by a parenthesis. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factforms import by_phrase, reported_subject
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factsubjects import Context

pytest.importorskip("textblob")


@pytest.fixture(scope="module")
def entities() -> Entities:
    return Entities()


def _read(entities: Entities, *sentences: str, home: str = "chile") -> list[list[tuple[str, str, str, str]]]:
    """Each sentence's facts as (actor, verb, value, object text), read in order with one document context."""
    context = Context(home)
    return [[(f.actor, f.verb, f.value, f.object_text) for f in read_facts(s, entities, context=context)]
            for s in sentences]


@pytest.mark.parametrize("sentence, actor, verb, value", [
    ("Peru said it would appeal the fine.", "peru", "appeal", "yes"),
    ("Bolivia said it would not sign the charter.", "bolivia", "sign", "no"),
    ("Ecuador said they had closed the crossing.", "ecuador", "close", "yes"),
])
def test_the_pronoun_of_a_clause_reported_without_that_is_its_speaker(entities, sentence, actor, verb, value):
    facts = _read(entities, sentence)[0]
    assert (actor, verb, value) in {f[:3] for f in facts}


def test_he_in_a_reported_clause_is_the_person_who_said_it(entities):
    first, second = _read(entities, "Foreign Minister Ana Lopez recalled the envoy on Monday.",
                          "Lopez said he would not restore the visas.")
    assert first and first[0][0] == "chile"
    assert ("chile", "restore", "no") in {f[:3] for f in second}


def test_a_pronoun_is_a_reported_subject_only_before_its_finite_verb():
    tokens = nlp.tag("Peru said it would appeal.")
    assert reported_subject(tokens, 2)
    tokens = nlp.tag("Peru said it to reporters.")
    assert not reported_subject(tokens, 2)


def test_an_object_that_is_only_it_is_the_thing_last_acted_on(entities):
    facts = _read(entities, "Congress passed the fisheries law on Tuesday.", "The president did not sign it.",
                  "The senate waved it through.")
    assert facts[1] == [("chile", "sign", "no", "the fisheries law")]
    assert [(f[0], f[1], f[3]) for f in facts[2]] == [("senate", "wave", "the fisheries law")]


def test_it_with_nothing_acted_on_before_drafts_nothing(entities):
    assert _read(entities, "The president did not sign it.") == [[]]


def test_it_before_its_complement_is_no_object_of_its_own(entities):
    facts = _read(entities, "Congress passed the fisheries law.", "The court made it a crime to fish at night.")
    assert all(f[3] != "the fisheries law" for f in facts[1])


def test_a_new_paragraph_forgets_the_thing_last_acted_on():
    from briefcmp.corpus import sentences as sent
    from briefcmp.drafting.factclaims import fact_claims

    text = "Congress passed the fisheries law on Tuesday.\n\nThe president did not sign it."
    prep = sent.prepare(text) if hasattr(sent, "prepare") else None
    if prep is None:
        pytest.skip("no sentence preparation in this build")
    ents = Entities()
    made = []
    for s, e in [(0, text.index("\n\n")), (text.index("The president"), len(text))]:
        _, facts = fact_claims(prep, s, e, ents, set(), (), None, lambda p, a, b: (p.text[a:b], (a, b), "", ""),
                               lambda **kw: kw)
        made.append(facts)
    assert made[0] and not made[1]


@pytest.mark.parametrize("sentence, actor, verb", [
    ("The accord was approved by the Senate.", "senate", "approve"),
    ("The fisheries law was passed by the National Congress on 3 May.", "national-congress", "pass"),
])
def test_the_agent_of_a_passive_is_its_by_phrase(entities, sentence, actor, verb):
    facts = _read(entities, sentence)[0]
    assert (actor, verb) in {f[:2] for f in facts}


def test_the_by_phrase_ends_before_a_phrase_of_time_or_another_verb():
    tokens = nlp.tag("The law was passed by the National Congress on 3 May and signed by the president.")
    lo, hi = by_phrase(tokens, 3)
    assert " ".join(t.text for t in tokens[lo:hi]) == "the National Congress"
    tokens = nlp.tag("The deal was backed by France and Germany.")
    lo, hi = by_phrase(tokens, 3)
    assert " ".join(t.text for t in tokens[lo:hi]) == "France and Germany"


def test_a_passive_after_a_sentence_about_the_same_thing_keeps_its_agent(entities):
    facts = _read(entities, "The fisheries law was passed by the Senate.",
                  "The fisheries law was signed by the National Congress on 3 May.")
    assert ("national-congress", "sign") in {f[:2] for f in facts[1]}


@pytest.mark.parametrize("sentence, actor, verb", [
    ("The ministry said that Peru, as a sovereign state, has decided to leave the forum.", "peru", "leave"),
    ("The envoy wrote to the chair to inform him that Peru, in its own name, has decided to leave the forum.",
     "peru", "leave"),
    ("Officials said that Peru, which joined in 2001, remains outside the customs union.", "peru", "be"),
])
def test_a_reported_clause_after_that_keeps_its_subject_before_a_parenthesis(entities, sentence, actor, verb):
    facts = _read(entities, sentence)[0]
    assert (actor, verb) in {f[:2] for f in facts}


def test_a_clause_a_noun_frames_after_that_is_not_reported_as_said(entities):
    facts = _read(entities, "The rumour that Peru, which joined in 2001, remains outside is wrong.")[0]
    assert ("peru", "be") not in {f[:2] for f in facts}


@pytest.mark.parametrize("sentence, expected", [
    ("The lower house adopted the bill on 3 May and the Senate adopted it on 9 June.",
     {("lower-house", "adopt"), ("senate", "adopt")}),
    ("Chile recalled its envoy, and Peru has also closed its embassy.", {("chile", "recall"), ("peru", "close")}),
])
def test_a_clause_joined_by_and_with_a_subject_of_its_own_has_that_subject(entities, sentence, expected):
    facts = _read(entities, "The ministry banned night fishing.", sentence)[1]
    assert expected <= {f[:2] for f in facts}


def test_a_verb_joined_by_and_without_a_subject_keeps_the_first_verbs():
    from briefcmp.analysis.factclauses import next_clause

    tokens = nlp.tag("Chile closed its land and air borders and froze the assets.")
    froze = next(k for k, t in enumerate(tokens) if t.text == "froze")
    assert next_clause(tokens, 0, froze) == 0
    tokens = nlp.tag("Chile closed its borders and Peru froze the assets.")
    froze = next(k for k, t in enumerate(tokens) if t.text == "froze")
    assert tokens[next_clause(tokens, 0, froze)].text == "Peru"


def test_a_word_between_a_name_and_its_verb_is_an_adverb():
    from briefcmp.analysis.factverbs import inside_group

    tokens = inside_group(nlp.tag("President Ana Lopez first announced the closure."))
    first = next(t for t in tokens if t.text == "first")
    assert first.tag == "RB"
    assert inside_group(nlp.tag("The first vote failed."))[1].tag != "RB"


def test_a_subject_before_a_word_of_order_acts(entities):
    facts = _read(entities, "Foreign Minister Ana Lopez first announced the closure in May.")[0]
    assert ("chile", "announce") in {f[:2] for f in facts}


@pytest.mark.parametrize("sentence", [
    "Earlier this month the Senate put off its vote on the fisheries law.",
    "Finally, the Senate put off its vote on the fisheries law.",
    "Meanwhile the Senate put off its vote on the fisheries law.",
])
def test_an_opening_adverb_or_phrase_of_time_leaves_the_subject(entities, sentence):
    facts = _read(entities, sentence)[0]
    assert ("senate", "put") in {f[:2] for f in facts}


def test_not_before_the_subject_is_no_opening_adverb():
    from briefcmp.analysis.factgrammar import past_opening_time

    tokens = nlp.tag("Not the ministry but the cabinet closed the port.")
    assert past_opening_time(tokens, 0, 6) == 0


def test_a_participle_set_off_with_its_agent_is_the_agents_act_on_the_noun_before(entities):
    facts = _read(entities, "The fisheries law, signed by the president on 2 April, took effect in May.")[0]
    read = {f[:2]: f[3] for f in facts}
    assert read.get(("chile", "sign")) == "The fisheries law"
    assert any(actor.endswith("law") and verb == "take" for actor, verb in read)  # the subject before it acts


def test_a_name_before_a_participle_is_no_thing_acted_on(entities):
    facts = _read(entities, "Peru, hit by the floods, cut its exports.")[0]
    assert {f[:2] for f in facts} == {("peru", "cut")}


def test_each_agent_a_by_phrase_lists_acts(entities):
    facts = _read(entities, "The accord was approved by Peru and Bolivia on Monday.")[0]
    assert {("peru", "approve"), ("bolivia", "approve")} <= {f[:2] for f in facts}


@pytest.mark.parametrize("sentence, value", [
    ("The minister said that the fishermen were arrested.", "yes"),
    ("The minister said that no fisherman had been arrested.", "no"),
    ("The minister denied that any fisherman had been arrested.", "no"),
    ("The minister did not say whether any fisherman had been arrested.", "undecided"),
])
def test_a_passive_a_speaker_asserts_after_that_is_read_as_a_passive(entities, sentence, value):
    facts = _read(entities, sentence)[0]
    assert ("fisherman", "arrest", value) in {f[:3] for f in facts}


def test_a_negated_subject_of_a_clause_reported_after_that_negates_it(entities):
    facts = _read(entities, "The minister said that no country had signed the pact.")[0]
    assert ("country", "sign", "no") in {f[:3] for f in facts}


def test_a_quote_with_a_pronoun_is_read_again_after_the_brief_before_it(entities):
    from briefcmp.analysis.factstatements import _in_paragraph

    before = ("Foreign Minister Ana Lopez spoke in Lima.\n\nCongress passed the fisheries law on Tuesday. ")
    facts = _in_paragraph("The president did not sign it", (before, "."), entities, "")
    assert [(f.verb, f.value, f.object_text) for f in facts] == [("sign", "no", "the fisheries law")]
    facts = _in_paragraph("Lopez said he would not restore the visas", ("Foreign Minister Ana Lopez spoke in Lima.\n\n",
                                                                           "."), entities, "")
    assert ("restore", "no") in {(f.verb, f.value) for f in facts}


def test_the_causes_diagnostic_refuses_a_folder_without_gold(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    r = subprocess.run([sys.executable, str(root / "benchmarks/facts_causes.py"), str(tmp_path)],
                       capture_output=True, text=True)
    assert r.returncode == 2 and f"{tmp_path}:1:1: no gold.yaml" in r.stderr and "Traceback" not in r.stderr


def test_the_causes_diagnostic_says_where_an_uncovered_quote_stands():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from facts_causes import _reason

    text = "Peru left the pact, saying it wanted to protect its fishers. Chile signed it later."
    assert _reason(text, 0, "Peru left the pact", False) == "no sentence drafted"
    at = text.index("saying")
    assert _reason(text, at, "saying it wanted to protect its fishers", True) == "participle"
    text = "The pact, which Chile drafted, lapsed."
    assert _reason(text, text.index("Chile"), "Chile drafted", True) == "relative"
    text = "Officials said the pact lapsed."
    assert _reason(text, text.index("the pact"), "the pact lapsed", True) == "reported"
    assert _reason("the end of the pact", 0, "the end of the pact", True) == "nominal"
