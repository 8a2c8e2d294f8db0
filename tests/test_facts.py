"""Statements with values: read from tagged sentences, drafted by `annotate --sentences`, keyed by `align`,
and explained by `compare` with both sides quoted; and the path without the 'nlp' extra."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.analysis import nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "facts"
runner = CliRunner()

# (sentence, the facts read: actor, verb lemma, kind, value)
SENTENCES = [
    ("Japan and South Korea condemned the Russian attack on Ukraine and joined the sanctions against Russia.",
     {("japan", "condemn", "fact", "yes"), ("south-korea", "condemn", "fact", "yes"),
      ("japan", "impose", "fact", "yes"), ("south-korea", "impose", "fact", "yes")}),  # joined sanctions: imposed them
    ("Kishida stopped short of confirming whether Japan would join the sanctions.",
     {("japan", "impose", "fact", "undecided")}),
    ("Japan has not imposed sanctions on Russian oil imports.", {("japan", "impose", "fact", "no")}),
    ("Japan hasn\u2019t imposed the ban on coal.", {("japan", "ban", "fact", "no")}),  # "imposed a ban" is "banned"
    ("Japan could add some sanctions of its own.", {("japan", "add", "forecast", "yes")}),
    ("Tokyo froze the assets of Russian individuals and banned exports of semiconductors to Russia.",
     {("japan", "freeze", "fact", "yes"), ("japan", "ban", "fact", "yes")}),
    ("Japan should put Asia first.", {("japan", "put", "recommendation", "support")}),
    ("It would be a mistake for Japan to divert aid from Asia.", {("japan", "divert", "recommendation", "oppose")}),
    ("South Korea refused to join the sanctions.", {("south-korea", "impose", "fact", "no")}),
    ("Japan is considering a ban on Russian coal imports.", {("japan", "ban", "fact", "undecided")}),
    ("We recommend that Japan expand its support for Ukraine.",
     {("japan", "expand", "recommendation", "support")}),
    ("Seoul must not ease its export controls on Russia.", {("south-korea", "ease", "recommendation", "oppose")}),
    ("Brazil should not open the fund to private donors.", {("brazil", "open", "recommendation", "oppose")}),
    ("Japan, in a statement on Friday, condemned the attack.", {("japan", "condemn", "fact", "yes")}),
    ("Seoul announced on Monday that it would join the export controls.", {("south-korea", "impose", "fact", "yes")}),
    ("Germany said it would not send tanks to Ukraine.", {("germany", "send", "fact", "no")}),
    ("Beijing denied that it had supplied weapons to Russia.", {("china", "supply", "fact", "no")}),
    ("Turkey may close the straits to warships.", {("turkey", "close", "forecast", "yes")}),
    ("If Russia invades Ukraine, Japan will impose sanctions.", {("japan", "impose", "forecast", "yes")}),
    ("Japan coordinated its response in the event Russia invades Ukraine.", {("japan", "coordinate", "fact", "yes")}),
    ("Japan's response to the annexation of Crimea in 2014 was mild.", {("japan", "be", "assessment", "mild")}),
    ("The Japanese reaction was relatively severe.", {("japan", "be", "assessment", "severe")}),
    ("Tokyo's reaction was not severe.", set()),  # a negated degree is left for a person
    ("Japanese Prime Minister Fumio Kishida condemned the invasion.", {("japan", "condemn", "fact", "yes")}),
    ("Germany pledged to send tanks to Ukraine.", {("germany", "send", "forecast", "yes")}),  # a pledge, no deed
    ("Germany has ruled out sending Taurus missiles to Ukraine.", {("germany", "send", "fact", "no")}),
    ("Berlin is not expected to change its position.", {("germany", "change", "forecast", "no")}),
    ("The US Commerce Department added 140 Chinese companies to its entity list.",
     {("united-states", "add", "fact", "yes")}),
    ("Sanctions on Russian banks were imposed by Japan in March.", {("japan", "impose", "fact", "yes")}),
    ("Imports of Russian coal have not been banned by the European Union.",
     {("european-union", "ban", "fact", "no")}),
    ("Scholz said Germany would not deliver Taurus missiles.", {("germany", "deliver", "fact", "no")}),
    ("Japan, like the United States, restricted exports of chipmaking tools to China.",
     {("japan", "restrict", "fact", "yes")}),
    ("The dispute has prevented Japan and Russia from ever signing a peace treaty.",
     {("japan", "sign", "fact", "no"), ("russia", "sign", "fact", "no")}),
    # a passive without its actor says nothing of who condemned; the possessed action noun says Russia attacked
    ("Russia's attack on Ukraine was condemned around the world.", {("russia", "attack", "fact", "yes")}),
    ("Did Japan join the sanctions?", set()),  # a question asserts nothing
]


@pytest.fixture(scope="module")
def entities() -> Entities:
    return Entities()


@pytest.mark.parametrize("sentence, expected", SENTENCES)
def test_facts_read_from_sentences(entities: Entities, sentence: str, expected: set) -> None:
    got = {(f.actor, f.verb, f.kind, f.value) for f in read_facts(sentence, entities)}
    assert got == expected


def test_scope_words_are_values_not_objects(entities: Entities) -> None:
    a = read_facts("Japan excluded selected Russian banks from the SWIFT system.", entities)
    b = read_facts("Japan excluded all Russian banks from the SWIFT system.", entities)
    assert [f.nouns for f in a] == [f.nouns for f in b] == [("bank", "system")]
    assert a[0].others == b[0].others == ("russia", "swift")
    assert a[0].scope == ("selected",) and b[0].scope == ("all",)


def test_coordinated_actions_quote_their_own_clause(entities: Entities) -> None:
    sentence = "Japan condemned the invasion and joined the sanctions against Russia."
    facts = read_facts(sentence, entities)
    assert [sentence[f.start:f.end] for f in facts] == ["Japan condemned the invasion",
                                                        "joined the sanctions against Russia"]
    assert facts[1].others == ("russia",)


def cli(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("facts") / "mine"
    assert cli("init", str(root)).exit_code == 0
    for text in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(text, root / "sources" / text.name)
        r = cli("annotate", str(root / "sources" / text.name), "-o", str(root / f"{text.stem}.claims.yaml"),
                "--sentences")
        assert r.exit_code == 0, r.output
    return root


def _claims(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]


def test_drafts_are_valid_claims_files_with_values(drafted: Path) -> None:
    claims = _claims(drafted / "monitor.claims.yaml")
    by_quote = {c["quote"]: c for c in claims}
    closed = by_quote["Kenya has not closed its border with Uganda"]
    assert closed["value"] == {"category": "no"} and closed["kind"] == "fact"  # "no" stays a string
    assert by_quote["Kenya should lift the sugar ban"]["value"] == {"stance": "support"}
    assert by_quote["Tanzania is considering a ban on Kenyan poultry"]["value"] == {"category": "undecided"}
    # one sentence, two actions: two claims, each quoting its clause
    assert "Kenya suspended its imports of Ugandan sugar" in by_quote
    assert any(q.startswith("banned exports of maize") for q in by_quote)
    r = cli("check", str(drafted), "--format", "json")
    report = json.loads(r.stdout)
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert errors == []
    assert {p["rule"] for p in report["problems"]} <= {"draft-claim", "no-topic"}


def test_align_keys_statements_and_compare_quotes_both_sides(drafted: Path, tmp_path: Path) -> None:
    root = tmp_path / "c"
    shutil.copytree(drafted, root)
    r = cli("align", str(root), "--apply")
    assert r.exit_code == 0, r.output
    config = yaml.safe_load((root / "briefcmp.yaml").read_text(encoding="utf-8"))
    keys = config["keys"]
    assert keys["kenya-close-border"]["label"] == "Does Kenya close its border with Uganda?"
    assert keys["kenya-close-border"]["type"] == "category"
    assert keys["kenya-lift-sugar-ban-stance"]["type"] == "stance"
    assert "kenya-suspend-import-sugar" in keys
    # Kenya's maize exports and Tanzania's poultry ban are in one brief only: no key
    assert not any("maize" in k or "poultry" in k for k in keys)
    r = cli("compare", str(root), "--format", "json")
    relations = {rel["key"]: rel for rel in json.loads(r.stdout)["relations"]}
    stance = relations["kenya-lift-sugar-ban-stance"]
    assert stance["kind"] == "disagreement"
    for quote in ("Kenya should lift the sugar ban", "Kenya should not lift the sugar ban"):
        assert f'"{quote}"' in stance["explanation"]
    # words of degree are values of one question, and judgements that differ are a disagreement
    assert keys["kenya-response-sugar-glut-degree"]["label"] == "Is Kenya's response to the sugar glut mild or severe?"
    assert relations["kenya-response-sugar-glut-degree"]["kind"] == "disagreement"
    # one value, dates inferred from publication two days apart: an agreement, not "unchanged"
    assert relations["kenya-suspend-import-sugar"]["kind"] == "agreement"
    border = relations["kenya-close-border"]
    assert '"Kenya has not closed its border with Uganda"' in border["explanation"]
    assert '"Kenya closed its border with Uganda"' in border["explanation"]  # "on Monday": when, not what
    # a second run proposes nothing new
    again = json.loads(cli("align", str(root), "--format", "json").stdout)
    assert again["groups"] == []


def test_without_the_nlp_extra_sentences_are_drafted_without_values(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(nlp, "_engine", lambda: None)
    assert nlp.tag("Kenya closed its border.") is None and not nlp.available()
    assert read_facts("Kenya closed its border with Uganda.", Entities()) == []
    root = tmp_path / "c"
    assert cli("init", str(root)).exit_code == 0
    src = root / "sources" / "monitor.txt"
    shutil.copy(FIXTURES / "monitor.txt", src)
    r = cli("annotate", str(src), "-o", str(root / "monitor.claims.yaml"), "--sentences")
    assert r.exit_code == 0, r.output
    claims = _claims(root / "monitor.claims.yaml")
    assert claims and all("value" not in c for c in claims)
    assert any(c["kind"] == "recommendation" for c in claims)  # the position sentence, as before
    assert cli("align", str(root), "--apply").exit_code == 0


import functools  # noqa: E402

from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from(["Japan", "Kenya", "the", "not", "should", "could", "froze", "banned", "and", "assets",
                          "of", ",", ";", "whether", "stopped", "short", "It", "refused", "to", "join", "sanctions",
                          "'s", "\u2019", "n't", "EU", "\u5e74", "\u00e9t\u00e9", "1,500", "(", ")", "?", "."])


@functools.cache
def _entities() -> Entities:
    return Entities()


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.text(max_size=30))
def test_any_text_reads_without_error_and_quotes_inside_it(words: list[str], noise: str) -> None:
    sentence = " ".join(words) + noise
    for f in read_facts(sentence, _entities(), carried="japan"):
        assert 0 <= f.start < f.end <= len(sentence) and f.object_start < f.object_end <= len(sentence)
        assert f.value in ("yes", "no", "undecided", "support", "oppose")


def test_a_heading_states_nothing_but_a_quoted_clause_does(entities: Entities) -> None:
    assert read_facts("How Japan And South Korea Can Contribute To A Response", entities) == []
    clause = "The United States has not suspended its aid to Niger"  # a quote: no full stop, many names
    assert read_facts(clause, entities) == []  # read as a heading when it stands alone
    assert [(f.actor, f.value) for f in read_facts(clause, entities, clause=True)] == [("united-states", "no")]


def test_the_shared_lexicon_joins_actions_and_objects_said_two_ways() -> None:
    from briefcmp.analysis import lexicon

    assert lexicon.same_action("remove") == lexicon.same_action("lift") == "lift"
    assert lexicon.same_action("freeze") == "freeze"  # not "suspend": a frozen asset is no paused payment
    assert lexicon.object_notion("invasion") == lexicon.object_notion("aggression") == "attack"


def test_a_dev_benchmark_set_keeps_precision(tmp_path: Path) -> None:
    """The new user's path on one benchmark set (benchmarks/facts/dev): relations found, no trap joined,
    no false contradiction (a regression guard, not the measurement: benchmarks/facts_eval.py is)."""
    from test_bench_smoke import ROOT, _module  # benchmarks/ modules, registered once

    facts_eval = _module("facts_eval")
    scores, (drafted, total, _) = facts_eval.evaluate([ROOT / "benchmarks" / "facts" / "dev" / "eu-niger-coup"])
    (s,) = scores
    assert s.found >= 2 and s.false_contradictions == [] and s.keys_wrong == [] and s.trap_failures == []
    assert drafted >= total - 1


def test_a_coordinated_action_quoted_alone_is_its_drafted_actors(entities: Entities) -> None:
    clause = "joined the sanctions against Russia"  # the quote of the second action of a sentence
    assert read_facts(clause, entities, clause=True) == []
    (f,) = read_facts(clause, entities, carried="south-korea", clause=True)
    assert (f.actor, f.verb, f.value, f.others) == ("south-korea", "impose", "yes", ("russia",))
    assert read_facts("Joined the sanctions.", entities, carried="japan") == []  # a sentence needs its subject
