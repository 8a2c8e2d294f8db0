"""Statements whose actor is no registered country: blocs and their members, juntas, courts, ministries,
companies, things that undergo an action or are in a state; adverbs inside the verb group; participle
clauses; the legal register. The sentences are written for these tests (not taken from the benchmark sets)."""

from __future__ import annotations

import pytest

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factsubjects import Context
from briefcmp.drafting.factclaims import fact_value, question

pytest.importorskip("textblob")


@pytest.fixture()
def entities() -> Entities:
    return Entities()


# (sentence, the facts read: actor, verb lemma, kind, value)
SENTENCES = [
    # a subject phrase that names no entity is the actor itself: common nouns as lemmas, names as written
    ("Member states recalled their envoys from Lilongwe.", {("member-state", "recall", "fact", "yes")}),
    ("All member states have closed their borders with Malawi.", {("member-state", "close", "fact", "yes")}),
    ("Every SADC member, Zambia included, has frozen its trade with Malawi.",
     {("sadc-member", "freeze", "fact", "yes")}),
    ("The junta has not released the detained ministers.", {("junta", "release", "fact", "no")}),
    ("The Appellate Division upheld the conviction.", {("appellate-division", "uphold", "fact", "yes")}),
    ("The High Court declined to hear the petition.", {("high-court", "hear", "fact", "no")}),
    ("The Supreme Court refused to suspend the order.", {("supreme-court", "suspend", "fact", "no")}),
    ("The alliance secretariat postponed the summit.", {("alliance-secretariat", "postpone", "fact", "yes")}),
    ("Farmers blocked the motorway near the capital.", {("farmer", "block", "fact", "yes")}),
    ("No member has vetoed the accession.", {("member", "veto", "fact", "no")}),
    ("The levy on imported timber applies from Monday.", {("levy-on-imported-timber", "apply", "fact", "yes")}),
    ("Transnistria's government has rejected the offer.", {("transnistria", "reject", "fact", "yes")}),
    ("The Government of Malawi has suspended the levy.", {("malawi", "suspend", "fact", "yes")}),
    ("The President of the Republic of Zambia signed the decree.", {("zambia", "sign", "fact", "yes")}),
    ("Last week the junta closed the border.", {("junta", "close", "fact", "yes")}),
    # a passive's agent after "by" that is an office, a body or a thing: its act, read the other way round
    ("The petition was rejected by the High Court.", {("high-court", "reject", "fact", "yes")}),
    ("Seasonal workers are not covered by the new scheme.", {("scheme", "cover", "fact", "no")}),
    # commentators and documents comment: they are not actors of what is reported
    ("Analysts doubted the figures.", set()),
    ("The report criticised the ministry.", set()),
    # adverbs and time words between the subject and its verb
    ("Kigali has since quietly lifted the curbs on fuel exports.", {("rwanda", "lift", "fact", "yes")}),
    ("The regulator has now approved the merger.", {("regulator", "approve", "fact", "yes")}),
    ("Member states have not yet ratified the proposed treaty.", {("member-state", "ratify", "fact", "no")}),
    # hedging and forecasts keep their value with a phrase actor
    ("The junta is considering a ban on fuel exports.", {("junta", "ban", "fact", "undecided")}),
    ("The secretariat could postpone the vote.", {("secretariat", "postpone", "forecast", "yes")}),
    ("The bank is unlikely to lift the cap.", {("bank", "lift", "forecast", "no")}),
    # participle clauses: their subject is the main clause's
    ("The junta answered by expelling the envoys.", {("junta", "expel", "fact", "yes")}),
    ("Malawi left the bloc, calling the sanctions illegal.",
     {("malawi", "leave", "fact", "yes"), ("malawi", "condemn", "fact", "yes")}),
    ("Malawi refused to pay, calling the penalty unlawful.",
     {("malawi", "pay", "fact", "no"), ("malawi", "condemn", "fact", "yes")}),
    ("Zambia reopened the border, following talks with Malawi.", {("zambia", "reopen", "fact", "yes")}),
    # agentless passives with no actor to be had: the thing acted on, with the value
    ("Internet access has been cut since Thursday.", {("internet-access", "cut", "fact", "yes")}),
    ("No oil has been pumped at the field since 2020.", {("oil", "pump", "fact", "no")}),
    ("All flights to the capital are suspended.", {("flight", "suspend", "fact", "yes")}),
    ("The tribunal is convinced that the seizure was lawful.", {("seizure", "be", "fact", "yes")}),
    # the legal and official register
    ("The State shall not extradite its own nationals.", {("state", "extradite", "fact", "no")}),
    ("Operators are hereby required to register every drone.", {("operator", "register", "fact", "yes")}),
    ("Licence holders are obliged to publish their tariffs.", {("licence-holder", "publish", "fact", "yes")}),
    ("The national airspace is closed to all flights from Belarus.", {("national-airspace", "close", "fact", "yes")}),
    # dispositions and abilities: the action after "to" is the statement
    ("Platforms will not be able to require passports.", {("platform", "require", "forecast", "no")}),
    ("Tourists remain free to enter the park.", {("tourist", "enter", "fact", "yes")}),
    ("The decree does not itself lift the moratorium.", {("decree", "lift", "fact", "no")}),
    # "has no plans to", "had no intention of": the action is denied
    ("The council has no power to deploy soldiers abroad.", {("council", "deploy", "fact", "no")}),
    ("Malawi had no intention of following Zambia.", {("malawi", "follow", "fact", "no")}),
    # a decision told to someone is reported, not forecast
    ("President Chakwera told Premier Hichilema at the summit that Malawi would leave the bloc.",
     {("malawi", "leave", "fact", "yes")}),
    # states with no action verb
    ("The curfew remains necessary.", {("curfew", "be", "fact", "yes")}),
    ("A referendum is not on the agenda.", {("referendum", "be", "fact", "no")}),
    ("Pensioners are exempt from the new charge.", {("pensioner", "be", "fact", "yes")}),
    ("Fish stocks are declining.", {("fish-stock", "decline", "fact", "yes")}),
]


@pytest.mark.parametrize("sentence, expected", SENTENCES)
def test_statements_of_actors_that_are_no_country(entities: Entities, sentence: str, expected: set) -> None:
    got = {(f.actor, f.verb, f.kind, f.value) for f in read_facts(sentence, entities, context=Context())}
    assert got == expected


def test_acronyms_keep_their_letters_and_names_their_case(entities: Entities) -> None:
    (f,) = read_facts("Every SADC member has frozen its trade with Malawi.", entities)
    assert entities.label(f.actor) == "SADC member"
    (g,) = read_facts("The Appellate Division upheld the conviction.", entities)
    assert entities.label(g.actor) == "Appellate Division"


def test_two_briefs_wordings_of_one_phrase_actor_are_one_actor(entities: Entities) -> None:
    a = read_facts("Member states recalled their envoys.", entities)
    b = read_facts("All the member states have recalled their envoys.", entities)
    assert [f.actor for f in a] == [f.actor for f in b] == ["member-state"]


def test_an_undergone_statement_keeps_to_what(entities: Entities) -> None:
    sentence = "The national airspace is closed to all flights from Belarus."
    (f,) = read_facts(sentence, entities)
    assert sentence[f.start:f.end] == "The national airspace is closed to all flights from Belarus"
    assert f.words == ("flight",) and f.others == ("belarus",) and f.undergone


def test_an_undergone_statement_is_asked_of_the_thing(entities: Entities) -> None:
    (f,) = read_facts("Internet access has been cut since Thursday.", entities)
    assert f.undergone
    assert question(f, entities) == "Was the internet access cut?"
    (g,) = read_facts("No oil has been pumped at the field since 2020.", entities)
    assert g.undergone and fact_value(g).category == "no"


def test_a_phrase_actor_is_not_the_paragraphs_actor_for_the_next_passive(entities: Entities) -> None:
    ctx = Context()
    read_facts("The curfew remains necessary.", entities, context=ctx)
    (f,) = read_facts("Imports of timber were banned.", entities, ctx.subject, context=ctx)
    assert f.actor != "curfew" and f.undergone


def test_a_participle_quoted_alone_is_read_again_with_its_actor(entities: Entities) -> None:
    entities.adopt("junta")
    (f,) = read_facts("expelling the envoys", entities, "junta", clause=True)
    assert (f.actor, f.verb, f.value) == ("junta", "expel", "yes")


def test_the_quote_of_a_state_holds_its_phrase(entities: Entities) -> None:
    sentence = "Pensioners are exempt from the new charge."
    (f,) = read_facts(sentence, entities)
    assert sentence[f.start:f.end] == "Pensioners are exempt from the new charge"
    assert "charge" in f.words


def test_courts_are_told_apart_by_their_common_words_not_by_a_place(entities: Entities) -> None:
    high = read_facts("The High Court declined to hear the petition.", entities)
    supreme = read_facts("The Supreme Court declined to hear the petition.", entities)
    assert {f.actor for f in high} == {"high-court"} and {f.actor for f in supreme} == {"supreme-court"}
    named = read_facts("The Niigata prefectural assembly approved the restart.", entities)
    plain = read_facts("The prefectural assembly approved the restart.", entities)
    assert [f.actor for f in named] == [f.actor for f in plain] == ["prefectural-assembly"]


def test_the_courts_phrasal_verbs_are_read_as_their_plain_action(entities: Entities) -> None:
    from briefcmp.analysis.factstatements import _read_through

    for sentence, action in (("The Appellate Division set aside the conviction.", "annul"),
                             ("The court struck down the decree.", "annul"),
                             ("Malawi broke off relations with Zambia.", "end")):
        (f,) = read_facts(sentence, entities)
        assert _read_through(f)[0] == action


def test_an_undergone_statement_is_read_again_the_same_from_its_quote(entities: Entities) -> None:
    for sentence in ("Internet access has been cut since Thursday.", "Internet access has not been cut."):
        (f,) = read_facts(sentence, entities)
        (g,) = read_facts(sentence[f.start:f.end], entities, f.actor, clause=True)
        assert (g.actor, g.verb, g.words, g.value, g.undergone) == (f.actor, f.verb, f.words, f.value, True)


def test_the_government_of_no_home_country_is_the_paragraphs_country(entities: Entities) -> None:
    ctx = Context()
    read_facts("Malawi recalled its ambassador on Monday.", entities, context=ctx)
    (f,) = read_facts("The government also suspended all flights to Zambia.", entities, ctx.subject, context=ctx)
    assert f.actor == "malawi"
    (g,) = read_facts("The government also suspended all flights to Zambia.", entities, context=Context())
    assert g.actor == "government"  # no country said anywhere: the phrase itself
