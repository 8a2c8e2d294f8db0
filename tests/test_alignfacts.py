"""Lining up statements across briefs (analysis/alignfacts): one question by actor and action, synonyms and
frames read through, scope as values, candidates by likeness (ranked, bounded), joins to registered keys.

The fixture (tests/fixtures/alignfacts): three short briefs on Indonesia's nickel ore export ban, a
wire story, a think-tank piece and a ministry release, each stating some actions another states in
other words ("banned" / "prohibited" / "has decided to ban"; "condemned the ban" / "denounced the
export ban"; "suspended its trade talks" / "answered ... by suspending its trade talks").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.analysis import alignfacts, lexicon, nlp
from briefcmp.analysis.alignfacts import Statement, likeness, score
from briefcmp.cli import app

pytestmark = pytest.mark.skipif(not nlp.available(), reason="the nlp extra: statements are drafted with values only with it")

FIXTURES = Path(__file__).parent / "fixtures" / "alignfacts"
runner = CliRunner()


def cli(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory, draft_corpus) -> Path:
    return draft_corpus(tmp_path_factory.mktemp("alignfacts") / "nickel", FIXTURES.glob("*.txt"), "--sentences")


@pytest.fixture
def corpus(drafted: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(drafted, tmp_path / "nickel"))


def proposals(root: Path) -> dict:
    r = cli("align", str(root), "-f", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def by_key(groups: list[dict]) -> dict[str, dict]:
    return {g["key"]: g for g in groups}


def quotes(group: dict) -> set[str]:
    return {c["quote"] for c in group["claims"]}


def test_one_action_said_three_ways_is_one_sure_key(drafted: Path) -> None:
    groups = by_key(proposals(drafted)["groups"])
    ban = groups["indonesia-ban-export-nickel-ore"]
    assert ban["label"] == "Does Indonesia ban exports of nickel ore?" and ban["sure"]
    # a synonym (prohibited) and a frame read through (has decided to ban) answer the same question
    assert quotes(ban) == {"Indonesia banned exports of nickel ore", "Indonesia prohibited the export of nickel ore",
                           "Indonesia has decided to ban exports of nickel ore"}
    # the means is the deed: "answered the complaint by suspending its trade talks" suspends them
    talks = groups["indonesia-suspend-trade-talk"]
    assert {c["brief"] for c in talks["claims"]} == {"ministry", "tank"}
    # a recommendation and its negation are one question of stance
    stance = groups["indonesia-lift-ban-stance"]
    assert stance["label"] == "Should Indonesia lift the ban?"
    assert sorted(c["value"] for c in stance["claims"]) == ["oppose", "support"]


def test_scope_words_are_values_of_one_key(drafted: Path) -> None:
    groups = by_key(proposals(drafted)["groups"])
    coal = groups["indonesia-suspend-coal-export"]
    assert coal["label"] == "Does Indonesia suspend coal exports to China (all or selected)?"  # no scope word in it
    assert sorted(c["value"] for c in coal["claims"]) == ["selected", "yes"]


def test_one_object_word_and_two_weighed_by_the_corpus_are_one_question(drafted: Path) -> None:
    # "condemned the ban" and "denounced the export ban": each other's best match, the same answer, objects
    # alike by the words few of the corpus's statements hold (analysis/factmatch)
    (condemn,) = [g for g in proposals(drafted)["groups"] if g["key"].startswith("european-union-condemn")]
    assert condemn["sure"] and condemn["label"] == "Does the European Union condemn the ban?"  # a union takes "the"
    assert quotes(condemn) == {"The European Union condemned the ban", "The EU denounced the export ban"}


def test_alike_statements_are_candidates_never_applied(tmp_path: Path, draft_corpus) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "wire.txt").write_text("Chile curbs lithium\nReuters | 3 March 2031\n\nChile banned exports of lithium "
                                    "ore on Monday, the mining ministry said.\n", encoding="utf-8")
    (texts / "tank.txt").write_text("Lithium and the state\nCentro de Estudios | 4 March 2031\n\nChile could ban "
                                    "exports of lithium ore, officials hinted.\n", encoding="utf-8")
    corpus = draft_corpus(tmp_path / "lithium", texts.glob("*.txt"), "--sentences")
    doc = proposals(corpus)
    (ban,) = doc["candidates"]  # a forecast and a fact: alike, for a person
    assert not doc["groups"] and not ban["sure"] and "a forecast and a fact" in ban["doubt"]
    assert quotes(ban) == {"Chile could ban exports of lithium ore", "Chile banned exports of lithium ore"}
    assert cli("align", str(corpus), "--apply").exit_code == 0
    assert "chile-ban" not in (corpus / "briefcmp.yaml").read_text(encoding="utf-8")
    again = proposals(corpus)
    assert again["groups"] == [] and [g["key"] for g in again["candidates"]] == [ban["key"]]


def test_a_later_brief_joins_the_registered_key(corpus: Path) -> None:
    assert cli("align", str(corpus), "--apply").exit_code == 0
    src = corpus / "sources" / "daily.txt"
    src.write_text("Nickel smelters boom\nJakarta Post | 20 March 2020\n\nIndonesia barred exports of nickel ore "
                   "in January.\n", encoding="utf-8")
    assert cli("annotate", str(src), "-o", str(corpus / "daily.claims.yaml"), "--sentences").exit_code == 0
    doc = proposals(corpus)
    (join,) = [g for g in doc["groups"] + doc["candidates"] if g["key"] == "indonesia-ban-export-nickel-ore"]
    assert not join["new"] and join["sure"] and quotes(join) == {"Indonesia barred exports of nickel ore"}


def _st(action: str, words: str, others: str = "", role: str = "fact", actor: str = "japan") -> Statement:
    return Statement(claim=None, fact=None, actor=actor, action=lexicon.same_action(action),  # type: ignore[arg-type]
                     words=frozenset(words.split()), others=frozenset(others.split()), role=role)


def test_likeness_and_score_by_action_object_places_and_role() -> None:
    invasion = _st("condemn", "attack", "russia")
    attack_on = _st("condemn", "attack", "russia ukraine")
    bare = _st("condemn", "attack")
    # one names more places than the other: alike (a candidate), not sure; one names none (the context says
    # it: "resumed its contributions"): sure on the same object words, not on fewer
    assert score(invasion, attack_on) == pytest.approx(0.75) and 0.75 < alignfacts.SURE_SCORE
    assert score(invasion, bare) == pytest.approx(0.8) and alignfacts.SURE_SCORE == pytest.approx(0.8)
    assert score(_st("resume", "contribution"), _st("resume", "contribution", "amazon-fund")) >= alignfacts.SURE_SCORE
    assert score(_st("agree", "exchange"), _st("agree", "ring exchange", "united-kingdom")) < alignfacts.SURE_SCORE
    assert likeness(invasion, bare) == pytest.approx(0.75) and likeness(invasion, attack_on) >= 0.75
    assert score(_st("impose", "sanction", "russia"), _st("impose", "sanction", "belarus")) == 0.0  # other target
    assert likeness(_st("impose", "sanction", "russia"), _st("impose", "sanction", "belarus")) == 0.0
    # a related action (a ban, an exclusion) is a candidate, never the same action
    ban, exclude = _st("ban", "bank system", "russia swift"), _st("exclude", "bank system", "russia swift")
    assert score(ban, exclude) == 0.0 and 0.5 <= likeness(ban, exclude) < 1.0
    # steps that undo each other are never one question; nor a recommendation and a fact
    assert likeness(_st("impose", "ban"), _st("lift", "ban")) == 0.0
    assert likeness(_st("lift", "ban"), _st("lift", "ban", role="position")) == 0.0
    # a forecast and a fact: alike, for a person
    assert 0.5 <= likeness(_st("impose", "tariff"), _st("impose", "tariff", role="forecast")) < 1.0
    assert likeness(_st("impose", "tariff"), _st("impose", "tariff", actor="china")) == 0.0


def test_groups_are_complete_links_and_candidates_are_bounded() -> None:
    a, b, c = _st("ban", "coal export"), _st("ban", "coal export oil"), _st("ban", "oil")
    assert likeness(a, b) >= 0.5 and likeness(b, c) >= 0.5 and likeness(a, c) == 0.0
    groups = alignfacts._agglomerate([a, b, c], likeness, alignfacts.CANDIDATE_SCORE)
    assert sorted(len(g) for g in groups) == [1, 2]  # a chain is never one group
    assert all(likeness(x, y) >= 0.5 for g in groups for x in g for y in g if x is not y)


def test_the_lexicon_tells_kinds_of_steps_and_light_verbs() -> None:
    assert lexicon.same_action("denounce") == lexicon.same_action("condemn") == "condemn"
    assert lexicon.same_action("deliver") == lexicon.same_action("send")
    assert lexicon.action_family("ban") == lexicon.action_family("exclude") == lexicon.action_family("restrict")
    # closing waters to fishing curbs it there, as a ban does: a candidate for a person, never the same action
    assert lexicon.action_family("close") == lexicon.action_family("ban") and lexicon.same_action("close") != "ban"
    assert lexicon.action_family("condemn") == "condemn"
    assert lexicon.opposite_actions("impose", "remove")  # removing is lifting
    assert not lexicon.opposite_actions("ban", "prohibit")
    assert lexicon.light_form("sanction") == ("impose", "sanction") and lexicon.light_form("ban") is None
    assert lexicon.is_action("prohibit") and not lexicon.is_action("policy")


def test_a_body_that_leads_or_backs_the_object_is_not_its_target() -> None:
    from briefcmp.analysis.entities import Entities

    entities = Entities()
    assert alignfacts._leaders("the U.S.-led sanctions", entities) == {"united-states"}
    assert alignfacts._leaders("the France-backed resolution on Niger", entities) == {"france"}  # not Niger
    assert alignfacts._leaders("sanctions on Russia", entities) == frozenset()


def test_one_question_never_gets_two_keys_without_a_person(tmp_path: Path) -> None:
    """Two sure groups alike each other (one names a place more than the other): the larger is keyed, the
    other waits as a candidate, and after --apply its claims are proposed to join that key."""
    root = tmp_path / "c"
    assert cli("init", str(root)).exit_code == 0
    texts = {"a": ("Kenya Wire | 3 May 2024", "Kenya closed its border with Uganda on Friday."),
             "b": ("Nation Daily | 4 May 2024", "Kenya closed its border with Uganda."),
             "c": ("Horn Monitor | 5 May 2024", "Kenya closed its border with Uganda and Tanzania last week."),
             "d": ("Lake Review | 6 May 2024", "Kenya closed its border with Uganda and Tanzania.")}
    for name, (masthead, sentence) in texts.items():
        src = root / "sources" / f"{name}.txt"
        src.write_text(f"Border news\n{masthead}\n\n{sentence}\n", encoding="utf-8")
        assert cli("annotate", str(src), "-o", str(root / f"{name}.claims.yaml"), "--sentences").exit_code == 0
    doc = proposals(root)
    (sure,), (alike,) = doc["groups"], doc["candidates"]
    assert alike["key"] == sure["key"] and quotes(sure) < quotes(alike) and len(alike["claims"]) == 4
    # deciding everything in one review: y keys the sure group, then its like is asked only to join it
    reviewed = Path(shutil.copytree(root, tmp_path / "reviewed"))
    r = cli("align", str(reviewed), "--review", input="y\ny\n")
    assert r.exit_code == 0, r.output
    config = yaml.safe_load((reviewed / "briefcmp.yaml").read_text(encoding="utf-8"))
    assert list(config["keys"]) == [sure["key"]]
    keyed = [c for name in "abcd" for c in yaml.safe_load((reviewed / f"{name}.claims.yaml").read_text(
        encoding="utf-8"))["claims"] if c.get("key")]
    assert len(keyed) == 4 and {c["key"] for c in keyed} == {sure["key"]}
    assert cli("align", str(root), "--apply").exit_code == 0
    again = proposals(root)
    (join,) = again["groups"] + again["candidates"]
    assert not join["new"] and join["key"] == doc["groups"][0]["key"] and not join["sure"]


def test_a_body_and_a_part_of_it_are_alike_actors() -> None:
    whole = _st("restrict", "export memory", "china", actor="commerce-department")
    part = _st("restrict", "export memory", "china", actor="commerce-department-s-bureau-of-industry-and-security")
    other = _st("restrict", "export memory", "china", actor="united-states")
    alignfacts._roots([whole, part, other])
    assert part.root == whole.root == "commerce-department" and other.root == "united-states"
    assert likeness(whole, part) == pytest.approx(0.9) and score(whole, part) == 0.0  # a candidate, never sure
    assert likeness(whole, other) == 0.0


def test_statements_of_periods_apart_are_hardly_alike() -> None:
    from types import SimpleNamespace

    from briefcmp.corpus.fields import parse_period

    def dated(period: str) -> Statement:
        st = _st("impose", "sanction", "russia")
        st.claim = SimpleNamespace(as_of=parse_period(period), as_of_inferred=False)  # type: ignore[assignment]
        return st

    assert likeness(dated("2014"), dated("2022-02")) < alignfacts.CANDIDATE_SCORE  # two events
    assert likeness(dated("2022-02"), dated("2022-02-24/2022-03-03")) == 1.0


from hypothesis import given, settings, strategies as st  # noqa: E402

_ACTIONS = st.sampled_from(["ban", "prohibit", "exclude", "restrict", "impose", "lift", "condemn"])
_WORDS = st.sets(st.sampled_from(["export", "coal", "oil", "sanction", "bank", "attack", "ban"]), max_size=3)
_PLACES = st.sets(st.sampled_from(["russia", "china", "ukraine"]), max_size=2)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_ACTIONS, _WORDS, _PLACES, st.sampled_from(["fact", "forecast", "position"])),
                max_size=12))
def test_grouping_partitions_and_every_pair_meets_the_threshold(specs) -> None:
    members = [_st(a, " ".join(sorted(w)), " ".join(sorted(p)), role) for a, w, p, role in specs]
    for sim, threshold in ((likeness, alignfacts.CANDIDATE_SCORE), (score, alignfacts.SURE_SCORE)):
        groups = alignfacts._agglomerate(members, sim, threshold)
        assert sorted(id(m) for g in groups for m in g) == sorted(id(m) for m in members)
        assert all(sim(a, b) >= threshold for g in groups for a in g for b in g if a is not b)
        assert all(0.0 <= likeness(a, b) <= 1.0 and likeness(a, b) == likeness(b, a) for a in members for b in members)


def test_claims_of_different_years_are_two_events_not_one_question() -> None:
    from types import SimpleNamespace

    from briefcmp.corpus.model import PartialDate, Period

    def dated(year: int, inferred: bool) -> Statement:
        st = _st("impose", "sanction")
        st.claim = SimpleNamespace(as_of=Period(PartialDate(year, 2, 24)), as_of_inferred=inferred)  # type: ignore
        return st

    stated_2014, inferred_2022, stated_2022 = dated(2014, False), dated(2022, True), dated(2022, False)
    # a 2022 report's undated "imposed sanctions" is not the 2014 refusal it mentions
    assert score(stated_2014, inferred_2022) == 0.0 and likeness(stated_2014, inferred_2022) < alignfacts.CANDIDATE_SCORE
    assert score(stated_2022, inferred_2022) == pytest.approx(1.0)
    assert score(dated(2014, True), inferred_2022) == pytest.approx(1.0)  # two publication dates say nothing of it
