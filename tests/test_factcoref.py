"""Actors that stand for another (analysis/factrefs.stands_for) and how align lines their statements up.

Written for these tests: a capital for its country, a titled person for the country a brief reports on, a
generic office for its brief's home, "member states" and "the bloc" for the one organisation their brief
names, a short name for the one longer name it ends; and what is never joined (a court, the opposition, a
country and the place its act is aimed at). Then a corpus of three short briefs run through align.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import lexicon, nlp
from briefcmp.analysis.alignfacts import Statement
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factrefs import _kind, capital_of, stands_for
from briefcmp.analysis.factsubjects import _countries
from briefcmp.cli import app
from briefcmp.corpus.model import Value

runner = CliRunner()


class Texts:
    """BriefTexts' one method stands_for asks: a brief's text."""

    def __init__(self, **texts: str) -> None:
        self.texts = texts

    def text(self, brief: str) -> str:
        return self.texts.get(brief, "")


def _st(brief: str, actor: str, action: str = "suspend", words: str = "participation treaty", others: str = "",
        value: str = "yes") -> Statement:
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#{actor}-{action}", value=Value("category", category=value),
                            as_of=None, as_of_inferred=False, id=f"{actor}-{action}")
    fact = SimpleNamespace(scope="", words=(), shown=(), verb=action, object_text=words)
    return Statement(claim=claim, fact=fact, actor=actor, action=lexicon.same_action(action),  # type: ignore[arg-type]
                     words=frozenset(words.split()), others=frozenset(others.split()), role="fact")


@pytest.fixture(scope="module")
def entities() -> Entities:
    ents = Entities()
    for name in ("Olaf Scholz", "Interior Ministry", "Pan-Andean Council", "Supreme Court", "Security Council",
                 "United Nations Security Council", "Andean Trade Bloc", "member states", "ministry"):
        ents.adopt(name)
    return ents


def test_the_capital_table_and_a_capital_two_countries_claim() -> None:
    assert capital_of("Yerevan") == {"armenia"}
    assert capital_of("Atlantis") == frozenset()


def test_what_an_actor_names_by_its_words() -> None:
    assert _kind("ministry") == "office" and _kind("officials") == "office"
    assert _kind("member states") == "members" and _kind("bloc") == "members"
    assert _kind("Interior Ministry") == "department" and _kind("the Federal Council") == "department"
    assert _kind("Olaf Scholz") == "person"
    assert _kind("tribunal") == "" and _kind("opposition") == ""


def test_a_titled_person_an_office_and_a_capital_stand_for_their_country(entities: Entities) -> None:
    sts = [_st("wire", "olaf-scholz"), _st("wire", "germany", "veto", "budget rule"),
           _st("wire", "germany", "ratify", "protocol"), _st("tank", "germany"),
           _st("daily", "ministry", "ban", "rallies"),
           _st("post", "yerevan")]
    texts = Texts(wire="Chancellor Olaf Scholz suspended it. Germany vetoed the rule. Germany ratified it.",
                  daily="Chile bans rallies\nSantiago Times | 2 May 2031\n\nThe ministry banned rallies in Chile "
                        "after the vote, Chile's police said; Chile's courts agreed.",
                  post="Yerevan suspended its participation.")
    alias = stands_for(sts, entities, texts, _countries())
    assert alias[("wire", "olaf-scholz")] == "germany"
    assert alias[("daily", "ministry")] == "chile"
    assert ("post", "yerevan") not in alias or alias[("post", "yerevan")] == "armenia"


def test_a_country_named_before_a_person_or_an_office_anywhere_in_the_corpus(entities: Entities) -> None:
    sts = [_st("a", "interior-ministry", "ban", "rallies"), _st("b", "peru", "ban", "rallies")]
    texts = Texts(a="The Interior Ministry banned the rallies.", b="Peru's Interior Ministry said on Friday it had "
                  "banned the rallies.")
    assert stands_for(sts, entities, texts, _countries()) == {("a", "interior-ministry"): "peru"}


def test_members_and_the_bloc_are_the_one_organisation_their_brief_names(entities: Entities) -> None:
    sts = [_st("a", "member-states", "impose", "sanctions"), _st("b", "andean-trade-bloc", "impose", "sanctions")]
    texts = Texts(a="Ministers of the Andean Trade Bloc met. Member states imposed sanctions.", b="")
    assert stands_for(sts, entities, texts, _countries()) == {("a", "member-states"): "andean-trade-bloc"}
    # a brief that names two organisations says nothing of whose members act
    sts.append(_st("c", "pan-andean-council", "meet", "summit"))
    texts = Texts(a="The Andean Trade Bloc and the Pan-Andean Council met. Member states imposed sanctions.")
    assert ("a", "member-states") not in stands_for(sts, entities, texts, _countries())


def test_a_short_name_is_the_one_longer_name_it_ends(entities: Entities) -> None:
    sts = [_st("a", "security-council"), _st("b", "united-nations-security-council")]
    assert stands_for(sts, entities, Texts(), _countries()) == {("a", "security-council"): "united-nations-security-council"}


def test_a_court_the_opposition_or_the_target_of_the_act_never_stand_for_the_country(entities: Entities) -> None:
    entities.adopt("opposition")
    sts = [_st("a", "supreme-court", "block", "decree"), _st("a", "opposition", "block", "decree"),
           _st("b", "peru", "block", "decree"), _st("b", "peru", "sign", "decree"), _st("b", "peru", "veto", "law"),
           # "the ministry" of a brief on Peru's acts, whose act is aimed at Peru: not Peru's
           _st("b", "ministry", "sanction", "officials", others="peru")]
    texts = Texts(a="Peru's Supreme Court blocked the decree; the opposition blocked it too.",
                  b="Peru blocked the decree. Peru signed it. Peru vetoed the law. The ministry sanctioned Peru.")
    assert stands_for(sts, entities, texts, _countries()) == {}


pytestmark_nlp = pytest.mark.skipif(not nlp.available(), reason="the nlp extra: statements are drafted with values only with it")


def _draft(root: Path, texts: dict[str, str]) -> Path:
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        src = root / "sources" / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["annotate", str(src), "-o", str(root / f"{name}.claims.yaml"), "--sentences"])
        assert r.exit_code == 0, r.output
    return root


def _wire_and_tank(tmp_path: Path, wire: str, tank: str) -> dict:
    """align's proposals (JSON) for a wire story opening with ``wire`` and a think-tank note saying ``tank``. The
    wire names Ukraine more often than Germany: the drafting finds no home country for an office or a person."""
    root = _draft(tmp_path / "c", {
        "wire": f"Missiles stay home\nReuters | 4 March 2031\n\n{wire} Germany ratified the arms treaty with Ukraine "
                "in May. Germany also joined the air defence initiative for Ukraine.\n",
        "tank": f"Berlin's red line\nInstitute for Security Studies | 6 March 2031\n\n{tank}\n"})
    return json.loads(runner.invoke(app, ["align", str(root), "-f", "json"]).stdout)


@pytestmark_nlp
def test_a_person_and_the_country_are_keyed_one_to_one_with_the_same_answer(tmp_path: Path) -> None:
    doc = _wire_and_tank(tmp_path, "Chancellor Olaf Scholz refused to send cruise missiles to Ukraine on Monday.",
                         "Germany refused to send cruise missiles to Ukraine this week.")
    (group,) = [g for g in doc["groups"] if len({c["brief"] for c in g["claims"]}) == 2]
    assert {c["quote"] for c in group["claims"]} == {
        "Chancellor Olaf Scholz refused to send cruise missiles to Ukraine",
        "Germany refused to send cruise missiles to Ukraine this week"}
    assert group["key"].startswith("germany-") and group["subjects"][0] == "germany"


@pytestmark_nlp
def test_other_verbs_on_one_object_are_a_candidate_saying_what_is_missing(tmp_path: Path) -> None:
    root = _draft(tmp_path / "c", {
        "wire": "States split on duties\nReuters | 4 October 2031\n\nGermany voted against the duties on Chinese "
                "electric vehicles, diplomats said.\n",
        "tank": "How the capitals voted\nCentre for European Policy | 6 October 2031\n\nGermany opposed the "
                "duties on Chinese electric vehicles.\n"})
    doc = json.loads(runner.invoke(app, ["align", str(root), "-f", "json"]).stdout)
    assert not doc["groups"]
    (cand,) = doc["candidates"]
    assert not cand["sure"] and "the verbs differ (oppose / vote)" in cand["doubt"]
    assert "whether no and yes conflict" in cand["doubt"]
    # never applied: a person decides
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code in (0, 1)
    assert "germany-oppose" not in (root / "briefcmp.yaml").read_text(encoding="utf-8")


@pytestmark_nlp
def test_facts_eval_counts_what_a_simulated_analyst_finds_and_the_decisions_it_took() -> None:
    """benchmarks/facts_eval.py --decisions on a set written for it (tests/fixtures/facts/arms-exports): two
    recommendations told with other verbs ("halt" / "not restrict") are no key automatically; the analyst,
    asked once, says y (the gold relates them) and the disagreement is found."""
    from test_bench_smoke import _module

    facts_eval = _module("facts_eval")
    folder = Path(__file__).parent / "fixtures" / "facts" / "arms-exports"
    auto, _ = facts_eval.evaluate([folder])
    decided = facts_eval.with_decisions([folder])
    ((score, stats),) = decided
    assert auto[0].found == 0 and score.found == 1 and score.false_contradictions == []
    assert stats.asked == 1 and stats.answers["y"] == 1
    report = facts_eval.decisions_report(auto, decided, "arms")
    assert "found 1/1 (100%), decisions asked 1, decisions per relation found 1.00" in report


def test_a_short_noun_phrase_is_the_one_longer_noun_phrase_it_ends(entities: Entities) -> None:
    for name in ("junta", "military junta", "court", "supreme court", "constitutional court"):
        entities.adopt(name)
    sts = [_st("a", "junta"), _st("b", "military-junta"), _st("a", "court"), _st("b", "supreme-court"),
           _st("c", "constitutional-court")]
    # "the junta" is the military junta; "the court" ends two names: which one is not said
    assert stands_for(sts, entities, Texts(), _countries()) == {("a", "junta"): "military-junta"}


def test_a_minister_acts_for_the_home_of_the_brief(entities: Entities) -> None:
    entities.adopt("minister")
    sts = [_st("a", "minister", "recall", "ambassador"), _st("b", "chile", "recall", "ambassador")]
    texts = Texts(a="Santiago recalls envoy\nLa Tercera | Chile | 3 June 2031\n\nThe minister recalled the "
                    "ambassador on Tuesday. Chile said the talks were over.")
    assert stands_for(sts, entities, texts, _countries()) == {("a", "minister"): "chile"}


def test_a_candidate_says_what_a_person_is_asked_to_supply() -> None:
    from briefcmp.analysis.alignfacts import _missing

    a = _st("a", "chile", "ban", "export lithium ore")
    b = _st("b", "chile", "restrict", "export lithium")
    assert _missing([a, b]) == ("the verbs differ (ban / restrict); not every claim names ore: a person should say "
                                "whether they answer one question")
    assert _missing([a, _st("b", "chile", "ban", "export lithium ore")]) == "the statements are only alike"


@pytestmark_nlp
def test_another_actor_and_another_verb_together_are_never_keyed_without_a_person(tmp_path: Path) -> None:
    doc = _wire_and_tank(tmp_path, "Foreign Minister Annalena Baerbock floated a ring exchange of missiles with "
                         "Britain on Monday.", "Germany agreed a ring exchange of missiles with Britain this week.")
    assert not [g for g in doc["groups"] if len({c["brief"] for c in g["claims"]}) == 2]
    (cand,) = doc["candidates"]  # a person is asked, told both guesses
    assert "the verbs differ (agree / float)" in cand["doubt"]
    assert "the actors (Annalena Baerbock / Germany) are taken as one" in cand["doubt"]
