"""Clauses read from the tagger's grammar rather than from taught shapes: a finite verb after its subject and an
adverb, a possessive owner acting through its service, a frame's -ing action, a reported clause without "that",
a thing's act left open, a state after "remains", a position after "argued for/against". The sentences are
written for these tests (not taken from the benchmark sets)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factsubjects import Context

pytest.importorskip("textblob")

# (sentence, home country, facts that must be read: actor, verb lemma, value)
READ = [
    # a finite verb after an adverb, no auxiliary: the tagger's participle or plural noun is the verb
    ("Iceland never ratified the whaling convention.", "", {("iceland", "ratify", "no")}),
    ("The statute also forbids strikes.", "", {("statute", "forbid", "yes")}),
    ("The treaty still excludes fisheries.", "", {("treaty", "exclude", "yes")}),
    # a named owner acts through its service when it does something to something
    ("Morocco's navy escorted the convoy.", "", {("morocco", "escort", "yes")}),
    ("Latvia's customs service seized the shipment.", "", {("latvia", "seize", "yes")}),
    # the -ing action a frame ends in, with no object
    ("Chancellor Anna Berg has stopped short of resigning.", "", {("anna-berg", "resign", "no")}),
    # a reported clause without "that": its own subject and modal
    ("The union has said the tariff should be cut.", "", {("tariff", "cut", "support")}),
    # a thing acting with no object, inside "did not say whether": open
    ("The ministry did not say whether the negotiations had stalled.", "", {("negotiation", "stall", "undecided")}),
    # a participle after "remains": a state
    ("The bridge remains closed to lorries.", "", {("bridge", "be", "yes")}),
    # a subject no name, office or phrase rule reads: its noun phrase before a modifier, each conjunct, the owner
    # of an office
    ("Harbour police at the northern ports seized the cargo.", "", {("harbour-police", "seize", "yes")}),
    ("Dock workers and truck drivers blocked the terminal.", "",
     {("dock-worker", "block", "yes"), ("truck-driver", "block", "yes")}),
    ("Tuvalu's finance minister resigned over the loan.", "", {("tuvalu", "resign", "yes")}),
    ("On 12 May the Riksdag in Stockholm approved the treaty.", "", {("riksdag", "approve", "yes")}),
    ("Licensed traders holding export permits are exempt from the levy.", "", {("licensed-trader", "be", "yes")}),
    # a word of order before the verb, and a participle read as the finite past when the clause has no other verb
    ("Peru first restricted fishmeal exports in 2019.", "", {("peru", "restrict", "yes")}),
    ("Greenpeace said the permit breached the marine protection law.", "", {("permit", "breach", "yes")}),
    ("Opposition senators called for a review of the fishing quota.", "", {("opposition-senator", "review",
                                                                                   "support")}),
    # a possessed thing's state: the thing (its owner is in the quote), not the owner's act
    ("Chile's main port remains closed despite the deal.", "", {("main-port", "be", "yes")}),
    # a negated verb of saying leaves its "that" clause open
    ("The ministry has not confirmed that the smelter has closed.", "", {("smelter", "close", "undecided")}),
    # "do" or a modal with "not" governs a verb the lexicon reads first as an adverb
    ("Finland would not back the plan.", "", {("finland", "back", "no")}),
    # what a clause that "whether" opens says is an open question, whatever frames it
    ("It remains unclear whether Austria will sign the pact.", "", {("austria", "sign", "undecided")}),
    ("Whether Iceland will resume whaling remains open.", "", {("iceland", "resume", "undecided")}),
    # a verb of advocacy and "for"/"against" an action noun: a position on that action
    ("The chamber of commerce has argued against a cap on rents.", "", {("chamber-of-commerce", "cap", "oppose")}),
    ("Farm groups campaigned for a ban on imports of beef.", "", {("farm-group", "ban", "support")}),
]

# (sentence, actor, verb) that must not be read as a plain "yes" or a forecast
ASSERTED_NOT = [
    ("It is not yet clear whether Chile will renew the licence.", "chile", "renew"),
]

# (sentence, actor, verb) that must not be read
NOT_READ = [
    # a measured thing of a country is no doer ("Japan's economy", "China's exports")
    ("Japan's economy needs more workers.", "japan", "need"),
    ("China's exports hit a record in May.", "china", "hit"),
    # an action noun after a possessive is read as the action it names, not as a doer of the verb
    ("Russia's invasion shocked the markets.", "russia", "shock"),
    # a participle after a noun with no adverb between stays a participle: no finite verb of the noun's
    ("The cargo seized last week belongs to a Greek firm.", "cargo", "seize"),
    # a count names no one ("The two ..."), nor does a clause opening the subject
    ("The two agreed on a ceasefire.", "two", "agree"),
    # a definition is background: a kind, defined
    ("A quota is a limit on the quantity of a good.", "quota", "be"),
    # "argued that" is a report, not a position on a noun's action
    ("The lobby argued that the tax had failed.", "lobby", "tax"),
]


def _read(sentence: str, home: str = "") -> set[tuple[str, str, str]]:
    return {(f.actor, f.verb, f.value) for f in read_facts(sentence, Entities(None), context=Context(home))}


@pytest.mark.parametrize("sentence,home,expected", READ)
def test_clause_is_read(sentence: str, home: str, expected: set) -> None:
    assert expected <= _read(sentence, home)


@pytest.mark.parametrize("sentence,actor,verb", NOT_READ)
def test_clause_is_not_misread(sentence: str, actor: str, verb: str) -> None:
    assert not any(a == actor and v == verb for a, v, _ in _read(sentence))


def test_the_clause_benchmark_keeps_its_recall_and_precision_on_both_halves() -> None:
    """benchmarks/clauses: sentences written in several registers and domains, tuned on one half and checked on
    the other. Floors a little under today's figures (tune 46/47, check 43/46 at 93% precision)."""
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "clauses_eval.py"
    spec = importlib.util.spec_from_file_location("clauses_eval", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import yaml

    rows = yaml.safe_load(module.DATA.read_text())["sentences"]
    for half in ("tune", "check"):
        s = module.score([r for r in rows if r["half"] == half])
        assert s["expected"] >= 40
        assert s["found"] / s["expected"] >= 0.85, half
        assert s["right"] / s["drafted"] >= 0.88, half


def test_a_clause_with_no_finite_verb_reads_its_participle_as_the_past() -> None:
    from briefcmp.analysis import nlp

    tags = {t.text: t.tag for t in nlp.tag("Norway and Iceland condemned the seizure of the trawler.")}
    assert tags["condemned"] == "VBD"
    # a participle before "by", or in a clause that has its finite verb, stays a participle
    tags = {t.text: t.tag for t in nlp.tag("The ship seized by the navy was Greek.")}
    assert tags["seized"] == "VBN"
    tags = {t.text: t.tag for t in nlp.tag("The cargo seized last week belongs to a Greek firm.")}
    assert tags["seized"] != "VBD"
    assert {("norway", "condemn", "yes"), ("iceland", "condemn", "yes")} <= _read(
        "Norway and Iceland condemned the seizure of the trawler.")


@pytest.mark.parametrize("sentence,actor,verb", ASSERTED_NOT)
def test_a_whether_clause_is_not_asserted(sentence: str, actor: str, verb: str) -> None:
    read = {(f.actor, f.verb): (f.kind, f.value) for f in read_facts(sentence, Entities(None))}
    assert read[(actor, verb)] == ("fact", "undecided")
