"""A verb or noun that directs or decides another act, read as that act (issue 22, session 18): "ordered the
ministry to close the port", "have been instructed to return", "the president's order to close", "signed a decree
suspending the code". Sentences written for these tests, in the voices of a wire story, a ministry's release and a
broker's note; none from a benchmark text."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factnominal import act_named, read_acts
from briefcmp.analysis.factobjects import Fact

from test_factbodies import aligned_groups

pytestmark = pytest.mark.skipif(not nlp.available(), reason="needs the nlp extra")


def _read(sentence: str) -> list[tuple[str, str, str, str]]:
    return [(f.actor, f.verb, f.value, f.object_text) for f in read_facts(sentence, Entities())]


@pytest.mark.parametrize("sentence, actor, act, obj", [
    # a wire story
    ("The cabinet ordered the coast guard to seize the trawlers.", "cabinet", "seize", "the trawlers"),
    # a ministry's release
    ("The Minister has directed all port authorities to suspend the loading of scrap metal.", "minister",
     "suspend", "the loading of scrap metal"),
    # a broker's note
    ("The central bank told lenders late on Friday to freeze the accounts of the three exporters.", "central-bank",
     "freeze", "the accounts of the three exporters"),
    ("The regulator instructed the operators under its licence to block the betting sites.", "regulator", "block",
     "the betting sites"),
])
def test_directing_a_common_noun_is_the_directors_act(sentence: str, actor: str, act: str, obj: str) -> None:
    assert (actor, act, "yes", obj) in _read(sentence)


def test_a_passive_of_directing_is_the_act_of_the_one_directed() -> None:
    # a ministry's release, a wire story
    assert ("ministry-of-fisheries", "make", "yes", "the quota permanent") in _read(
        "The Ministry of Fisheries has been instructed to make the quota permanent.")
    assert [f[1] for f in _read("All seasonal workers without permits were told to leave the province by June.")] \
        == ["leave"]


def test_a_named_addressee_or_a_court_keeps_the_order() -> None:
    # another state, or a court's order to a party: what is ordered is not the orderer's own act
    assert [f[1] for f in _read("The president ordered Freedonia to withdraw its troops.")] == ["order"]
    assert [f[1] for f in _read("The tribunal ordered the ministry to reopen the fishing grounds.")] == ["order"]
    assert [f[1] for f in _read("The appeals court directed the agency to restore the licences.")] == ["direct"]
    # telling someone that ... is saying it; telling reporters nothing is read
    assert [f[:2] for f in _read("The minister told parliament that Ruritania would leave the bloc.")] == [
        ("ruritania", "leave")]
    assert _read("The governor told reporters in Lagos about the floods.") == []


def test_a_noun_of_directing_or_deciding_after_a_possessive_is_the_act() -> None:
    # the tagger reads "order" after "'s" as a verb: after a possessive it is the noun
    assert ("ruritania", "close", "yes", "the port") in _read("Ruritania's order to close the port was criticised.")
    assert ("ruritania", "suspend", "yes", "all exports") in _read(
        "Ruritania's instruction to suspend all exports took effect on Friday.")
    # a decision dated with "of" before its "to"
    assert ("freedonia", "cut", "yes", "off all trade with Ruritania") in _read(
        "Freedonia's decision of 2 May to cut off all trade with Ruritania is its sharpest step yet.")
    # a noun of order that directs nothing
    assert _read("Ruritania's order of the day was long.") == []


def _st(verb: str, obj: str, words: str = ""):
    fact = Fact(actor="peru", actors=("peru",), verb=verb, start=0, end=0, object_start=0, object_end=0, kind="fact",
                value="yes", words=(), shown=(), object_text=obj)
    return SimpleNamespace(fact=fact, action=verb, words=frozenset(words.split()))


@pytest.mark.parametrize("verb, obj, act", [
    ("sign", "an executive order banning imports of used tyres", "ban"),  # a wire story
    ("issue", "a decree suspending the port levy", "suspend"),  # a ministry's release
    ("approve", "a decision to lift the export quota", "lift"),  # a broker's note
    ("adopt", "a resolution of 4 March to suspend the observer mission", "suspend"),
    ("sign", "an order to begin the closure of the smelter", "close"),  # the frame "begin" reaches the noun after it
    ("issue", "today a Royal Order dissolving the municipal council", "dissolve"),  # a name's capitals, a time word
    ("announce", "its intention to withdraw from the coffee agreement", "withdraw"),  # an intention announced
])
def test_an_instrument_that_decides_an_act_is_the_act(verb: str, obj: str, act: str) -> None:
    found = act_named(_st(verb, obj))
    assert found is not None and found[0] == act


@pytest.mark.parametrize("verb, obj", [
    ("sign", "the trade treaty"),  # signing a treaty is its own act
    ("issue", "a statement condemning the raid"),  # a statement decides nothing
    ("pass", "a resolution calling for a ceasefire"),  # a call is no act of its own
    ("sign", "an order to start talks"),  # "talks" is no noun made from its verb
    ("issue", "new guidance for exporters"),
    ("issue", "a decision regarding the fishing quota"),  # a participle that works as a preposition
])
def test_other_instruments_and_objects_stay_as_they_are(verb: str, obj: str) -> None:
    assert act_named(_st(verb, obj)) is None


def test_the_read_act_drops_the_instruments_noun() -> None:
    st = _st("issue", "a decree suspending the port levy", "decree suspend port levy")
    assert read_acts([st]) == 1
    assert st.action == "suspend" and "decree" not in st.words and {"port", "levy"} <= st.words


def test_an_order_to_act_and_the_act_key_together(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "wire": "Published 3 March 2025.\n\nRuritania's government ordered the port authority on Monday to close "
                "the harbour of Porto Bello to foreign trawlers.\n",
        "daily": "Published 4 March 2025.\n\nRuritania closed the harbour of Porto Bello to foreign trawlers on "
                 "Monday.\n",
    })
    assert any({c["brief"] for c in g["claims"]} == {"wire", "daily"} for g in groups), groups
