"""Actors as the corpus tells them (analysis/factrefs.stands_for): a titled person named "of" a country, a short
name read through the longer one, an office in a brief that names no country (the country its people and capitals
stand for), and a noun-named act ("the suspension") as the act of whoever does it in that brief. Then align on
briefs written for these tests: inferred actors line statements up for agreement or for a person, never for a
contradiction alone; opposite acts and different actors stay apart.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import lexicon, nlp
from briefcmp.analysis.alignfacts import Statement
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factrefs import _kind, act_head, capital_of, stands_for
from briefcmp.analysis.factsubjects import _countries
from briefcmp.cli import app
from test_factcoref import Texts, _draft
from test_factcoref import _st as _coref_st

runner = CliRunner()


def _st(brief: str, actor: str, action: str = "suspend", words: str = "licence", others: str = "",
        undergone: bool = False) -> Statement:
    """test_factcoref's statement, said as a passive with no agent when ``undergone``."""
    st = _coref_st(brief, actor, action, words, others)
    st.fact.undergone = undergone
    return st


@pytest.fixture()
def entities() -> Entities:
    ents = Entities()
    for name in ("president Ana Rojas", "Rojas", "Kwame Mensah", "administration", "cabinet", "suspension", "withdrawal",
                 "tribunal", "Operation Dawn"):
        ents.adopt(name)
    return ents


def test_what_names_an_act_and_what_does_not() -> None:
    assert act_head("suspension") == "suspension" and act_head("the withdrawal") == "withdrawal"
    assert act_head("suspension of trade") == "suspension" and act_head("withdrawal") == "withdrawal"
    assert act_head("ban") == "ban"
    for other in ("administration", "Operation Dawn", "Ghana", "minimum age", "miner"):
        assert act_head(other) == "", other
    assert _kind("president Ana Rojas") == "person" and capital_of("lima") == {"peru"}


def test_a_titled_person_named_of_a_country_and_a_short_name_read_through(entities: Entities) -> None:
    sts = [_st("wire", "president-ana-rojas", "sign", "decree"), _st("daily", "rojas", "sign", "decree")]
    texts = Texts(wire="Lithium rules\nReuters | 3 March 2031\n\nPresident Ana Rojas of Chile signed the decree.",
                  daily="Decree signed\nEl Diario | 4 March 2031\n\nRojas signed the decree.")
    alias = stands_for(sts, entities, texts, _countries())
    assert alias == {("wire", "president-ana-rojas"): "chile", ("daily", "rojas"): "chile"}


def test_a_person_named_of_a_country_without_a_title_acts_in_their_own_name(entities: Entities) -> None:
    sts = [_st("wire", "kwame-mensah", "sign", "decree")]
    texts = Texts(wire="Decree\nReuters | 3 March 2031\n\nKwame Mensah of Ghana signed the decree.")
    assert stands_for(sts, entities, texts, _countries()) == {}


def test_an_office_in_a_brief_naming_no_country_is_the_country_its_people_stand_for(entities: Entities) -> None:
    sts = [_st("wire", "president-ana-rojas", "sign", "decree"), _st("daily", "rojas", "defend", "freeze"),
           _st("daily", "administration", "freeze", "licence"), _st("daily", "lima", "condemn", "freeze")]
    texts = Texts(wire="Decree\nReuters | 3 March 2031\n\nPresident Ana Rojas of Chile signed the decree.",
                  daily="Rojas holds the line\nEl Diario | 4 March 2031\n\nThe administration froze licences. "
                        "Rojas defended the freeze. Lima condemned it.")
    alias = stands_for(sts, entities, texts, _countries())
    assert alias[("daily", "administration")] == "chile" and alias[("daily", "lima")] == "peru"
    # the same brief naming Peru's capital as often as Rojas: whose administration it is is not said
    texts = Texts(wire=texts.text("wire"), daily="Rojas holds the line\nEl Diario | 4 March 2031\n\nThe "
                  "administration froze licences. Lima condemned it. Lima recalled its envoy.")
    assert ("daily", "administration") not in stands_for(sts, entities, texts, _countries())


def test_a_noun_named_act_is_the_act_of_who_does_it_in_that_brief(entities: Entities) -> None:
    sts = [_st("tank", "chile", "suspend", "licence"), _st("tank", "suspension", "lift", undergone=True),
           _st("tank", "peru", "condemn", "suspension")]
    texts = Texts(tank="Pause\nAndes Institute | 10 March 2031\n\nChile suspended licences. Peru condemned the "
                       "suspension. The suspension was lifted in May.")
    # the one who suspends, not the one who condemns the suspension
    assert stands_for(sts, entities, texts, _countries()) == {("tank", "suspension"): "chile"}
    # no statement does the act: the country the brief writes it after ("Ghana's withdrawal")
    sts = [_st("post", "withdrawal", "approve", undergone=True), _st("post", "togo", "condemn", "withdrawal")]
    texts = Texts(post="Arms\nDaily Post | 2 May 2031\n\nGhana's withdrawal from the pact was approved.")
    assert stands_for(sts, entities, texts, _countries()) == {("post", "withdrawal"): "ghana"}
    # two who do it: whose it is is not said
    sts = [_st("tank", "chile", "suspend", "licence"), _st("tank", "peru", "suspend", "licence"),
           _st("tank", "suspension", "lift", undergone=True)]
    texts = Texts(tank="Pause\nAndes Institute | 10 March 2031\n\nChile and Peru each suspended licences; Peru "
                       "and Chile are neighbours. The suspension was lifted in May.")
    assert ("tank", "suspension") not in stands_for(sts, entities, texts, _countries())


pytestmark_nlp = pytest.mark.skipif(not nlp.available(), reason="the nlp extra: statements are drafted with values only with it")


def _align(root: Path, texts: dict[str, str]) -> dict:
    r = runner.invoke(app, ["align", str(_draft(root, texts)), "-f", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# Three briefs on one act told by a country, its president, its administration and the act's own name.
LITHIUM = {name: text for name, text in (("wire", "Chile suspends lithium export licences\nSANTIAGO, 3 March 2031 (Reuters) -\n\nChile suspended new lithium export licences on Monday, the mining ministry said.\n\nPresident Ana Rojas of Chile said the suspension would last until a new royalty law is passed.\n\nPeru condemned the move. Peru's foreign minister, Luis Carrasco, said the decision broke a 2029 trade pact.\n\nThe government also raised the royalty on copper concentrate.\n"), ("daily", 'Rojas halts lithium licences in royalty row\nEl Mercurio Austral | 4 March 2031\n\nThe administration froze the issuing of new lithium export licences this week.\n\nRojas defended the freeze as temporary. The suspension was criticised by miners.\n\nLima denounced the suspension as a breach of the pact.\n\nThe cabinet did not raise the royalty on copper concentrate, officials said.\n'), ("tank", "Chile's lithium pause: what it means\nAndes Policy Institute | 10 March 2031\n\nChile's suspension of lithium export licences is a blunt tool. The suspension was announced on 2 March.\n\nPeru's government condemned the suspension and threatened to file a complaint.\n\nThe department has not lifted the suspension.\n"))}


def _quotes(g: dict) -> set[str]:
    return {c["quote"] for c in g["claims"]}


@pytestmark_nlp
def test_inferred_actors_with_other_answers_are_a_candidate_never_a_contradiction(tmp_path: Path) -> None:
    doc = _align(tmp_path / "c", LITHIUM)
    joined = [g for g in doc["groups"] if any("royalty" in q for q in _quotes(g))]
    assert joined == []  # two inferred actors, two answers: never keyed, so never a contradiction
    (cand,) = [g for g in doc["candidates"] if any("royalty" in q for q in _quotes(g))]
    assert not cand["sure"] and cand["subjects"][0] == "chile"
    assert "are taken as one: read as Chile" in cand["doubt"] and "cabinet" in cand["doubt"] and "government" in cand["doubt"]
    # Lima for Peru, Peru's government for Peru: one act condemned, the same answer, keyed
    (peru,) = [g for g in doc["groups"] if g["subjects"][0] == "peru"]
    assert _quotes(peru) == {"Lima denounced the suspension as a breach of the pact", "Peru's government condemned the suspension"}
    # the administration (Chile, as Rojas is) froze what Chile suspended: verbs WordNet gives one sense, one
    # answer, objects alike, each the other's best match: an agreement
    (freeze,) = [g for g in doc["groups"] if any("froze" in q for q in _quotes(g))]
    assert freeze["subjects"][0] == "chile" and freeze["sure"]
    assert _quotes(freeze) == {"The administration froze the issuing of new lithium export licences this week",
                               "Chile suspended new lithium export licences"}
    # align --review (piped) shows the candidate with the evidence that is missing: whom the actors stand for
    r = runner.invoke(app, ["align", str(tmp_path / "c"), "--review"], input="n\n" * 4 + "q\n")
    assert r.exit_code in (0, 1), r.output
    shown = " ".join(r.output.split())
    assert "Does Chile raise the royalty on copper concentrate?" in shown
    assert "the actors (cabinet / government) are taken as one: read as Chile from the briefs" in shown


def test_verbs_of_one_act_by_wordnet_and_opposites_apart() -> None:
    from briefcmp.analysis.alignfacts import _one_act

    def st(verb: str, action: str = "") -> Statement:
        s = _st("a", "chile", verb)
        s.action = action or lexicon.same_action(verb)
        return s

    assert _one_act([st("freeze"), st("suspend")])  # a frequent sense they share
    assert not _one_act([st("impose"), st("lift")])  # one undoes the other
    assert not _one_act([st("condemn"), st("oppose")])  # no sense in common: a person says


@pytestmark_nlp
def test_different_countries_offices_and_opposite_acts_stay_apart(tmp_path: Path) -> None:
    doc = _align(tmp_path / "c", {
        "wire": "Tariffs\nNAIROBI, 3 May 2031 (Reuters) -\n\nKenya imposed a tariff on imported sugar. The "
                "ministry said it would review it.\n",
        "tank": "Sugar wars\nAccra Policy Forum | Ghana | 5 May 2031\n\nGhana's trade ministry welcomed the news. "
                "The government lifted the tariff on imported sugar, the ministry said.\n"})
    for g in doc["groups"] + doc["candidates"]:
        q = " ".join(_quotes(g))
        assert not ("imposed a tariff" in q and "lifted the tariff" in q), g  # opposite acts, different actors


def test_an_act_whose_owner_the_brief_does_not_say_stays_unread(entities: Entities) -> None:
    entities.adopt("agreement")
    sts = [_st("tank", "agreement", "reach", undergone=True), _st("tank", "chile", "host", "talks")]
    texts = Texts(tank="Talks\nAndes Institute | 10 March 2031\n\nThe envoy of Peru visited Chile but an agreement "
                       "was reached only later. Chile hosted the talks. Chile said little. Chile waited.")
    assert ("tank", "agreement") not in stands_for(sts, entities, texts, _countries())


def test_the_government_of_a_brief_on_a_mission_abroad_is_the_sending_country(entities: Entities) -> None:
    entities.adopt("government")
    sts = [_st("daily", "government", "appeal", "ruling")]
    texts = Texts(daily="Court halts Ghana police mission to Togo\nThe Daily Herald | 2 May 2031\n\nGhana's High Court "
                        "blocked the deployment of police to Togo. Ghana had pledged 400 officers for Togo, and Ghana "
                        "lawmakers approved it. The mission in Togo is on hold. The government said it would appeal.")
    assert stands_for(sts, entities, texts, _countries()) == {("daily", "government"): "ghana"}
    assert capital_of("Brasília") == {"brazil"} and capital_of("Brasilia") == {"brazil"}


def test_a_measure_undergone_with_no_agent_is_the_act_of_who_takes_it_in_that_brief(entities: Entities) -> None:
    entities.adopt("export")
    sts = [_st("release", "export", "halt", others="togo", undergone=True), _st("release", "ghana", "inform", "public")]
    texts = Texts(release="Trade measures\nMinistry of Trade of Ghana | 2 May 2031\n\nAll exports to Togo have been "
                          "halted. Ghana will inform the public. Ghana's ministry regrets the step.")
    assert stands_for(sts, entities, texts, _countries()) == {("release", "export"): "ghana"}
    # a thing undergoing what is no measure ("exports rose") acts in no one's name
    sts = [_st("release", "export", "rise", undergone=True), _st("release", "ghana", "inform", "public")]
    assert stands_for(sts, entities, texts, _countries()) == {}


def test_a_group_is_asked_as_its_plainest_active_statement_says_it(entities: Entities) -> None:
    from briefcmp.analysis.align import Group, Member
    from briefcmp.analysis.alignfacts import _group

    passive = _st("tank", "suspension", "announce", "", undergone=True)
    passive.fact.object_text, passive.root = "announced", "chile"
    active = _st("wire", "chile", "announce", "suspension")
    active.fact.object_text = "the suspension of lithium licences"
    for s in (passive, active):
        s.claim.topics, s.claim.kind = (), "fact"
    entities.adopt("Chile")
    group = _group([passive, active], 1.0, "", entities, set(), Group, Member)
    assert group.label == "Does Chile announce the suspension of lithium licences?"


@pytestmark_nlp
def test_a_statement_left_over_joins_the_group_its_one_to_one_match_is_keyed_in(tmp_path: Path) -> None:
    briefs = {
        "wire": "Vienna holds back tanks\nVIENNA, 3 April 2031 (Reuters) -\n\nAustria has refused to send Panther "
                "tanks to Moldova.\n",
        "daily": "Austria says no again\nDer Abendbote | 4 April 2031\n\nAustria again refused to send Panther tanks "
                 "on Friday.\n",
        "tank": "A cautious line\nDanube Security Forum | 6 April 2031\n\nChancellor Maria Berg of Austria has not "
                "delivered Panther tanks. She keeps to neutrality.\n"}
    doc = _align(tmp_path / "a", briefs)
    (group,) = [g for g in doc["groups"] if any("Panther" in q for q in _quotes(g))]
    assert _quotes(group) == {"Austria has refused to send Panther tanks to Moldova",
                              "Austria again refused to send Panther tanks",
                              "Chancellor Maria Berg of Austria has not delivered Panther tanks"}
    assert group["key"] == "austria-send-panther-tank" and group["sure"]
    # the chancellor saying the opposite is no agreement: her statement stays out of the group, for a person
    briefs["tank"] = briefs["tank"].replace("has not delivered", "has delivered")
    doc = _align(tmp_path / "b", briefs)
    (group,) = [g for g in doc["groups"] if any("Panther" in q for q in _quotes(g))]
    assert not any("Berg" in q for q in _quotes(group))


def test_who_lifts_a_suspension_owns_it_and_a_lifted_ban_is_a_measure_undone(entities: Entities) -> None:
    entities.adopt("ban")
    sts = [_st("note", "suspension", "be", "measure"), _st("note", "ghana", "lift", "suspension"),
           _st("note", "togo", "condemn", "suspension")]
    texts = Texts(note="Ghana lifts suspension\nGhana Ministry of Information | 2 May 2031\n\nGhana lifted the "
                       "suspension. The suspension was a lawful measure. Togo condemned the suspension.")
    assert stands_for(sts, entities, texts, _countries()) == {("note", "suspension"): "ghana"}
    # "the ban was lifted", no one in the brief banning: a measure undone, the brief's country's
    sts = [_st("court", "ban", "lift", undergone=True), _st("court", "ghana", "appeal", "ruling")]
    texts = Texts(court="Ruling\nGhana Law Review | 3 May 2031\n\nGhana appealed the ruling. Ghana's courts sat. "
                        "Ghana said the ban was lifted.")
    assert stands_for(sts, entities, texts, _countries()) == {("court", "ban"): "ghana"}


def test_objects_are_alike_by_their_fuller_reading_too() -> None:
    from briefcmp.analysis.factmatch import object_likeness

    bare = _st("daily", "austria", "send", "tank")  # "ruled out sending the tanks"
    full = _st("wire", "austria", "send", "panther tank")
    other = _st("wire", "austria", "send", "fuel helmet")
    assert object_likeness(bare, full) < 1.0
    bare.fuller = (frozenset({"panther", "tank"}), frozenset())  # the Panther tanks the brief named before
    assert object_likeness(bare, full) == 1.0 and object_likeness(bare, other) == 0.0
