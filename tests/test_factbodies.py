"""A state's political bodies and offices read as the state for its acts (issue 22): "the Congress" of a brief that
names "Peru's unicameral Congress", "the presidency in Lisbon", "the President of the Republic", "lawmakers"; never a
court. Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factrefs import _kind, body_country
from briefcmp.analysis.factsubjects import countries_ids
from briefcmp.corpus.model import Config


@pytest.fixture(scope="module")
def entities() -> Entities:
    return Entities(Config())


def aligned_groups(tmp_path, draft_corpus, texts: dict[str, str]) -> list[dict]:
    """The groups ``align`` proposes (JSON) for briefs drafted with ``--sentences`` from ``texts`` (name: text)."""
    import json

    from typer.testing import CliRunner

    from briefcmp.cli import app

    pytest.importorskip("textblob")
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    root = draft_corpus(tmp_path / "c", [tmp_path / f"{name}.txt" for name in texts], "--sentences")
    r = CliRunner().invoke(app, ["align", str(root), "-f", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["groups"]


def test_a_bare_body_is_the_country_its_brief_names_it_with(entities: Entities) -> None:
    text = "Peru's unicameral Congress met in April. The Congress declined to strike down the law."
    assert body_country("congress", [text], entities, countries_ids()) == {"peru"}
    # named after it, by the country or its capital
    assert body_country("presidency", ["The presidency in Lisbon announced a review."], entities,
                        countries_ids()) == {"portugal"}
    # a capital the recogniser does not hold as its country's name is read from the capital table
    assert body_country("presidency", ["The presidency in Lima spoke."], entities, countries_ids()) == {"peru"}
    text = "On Monday the National Congress of Chile voted on the petition."
    assert body_country("National Congress of Chile", [text], entities, countries_ids()) == {"chile"}
    assert body_country("the Grand Assembly", ["The Turkish Grand Assembly met."], entities,
                        countries_ids()) == {"turkey"}


def test_two_countries_or_none_or_a_country_aimed_at_say_nothing(entities: Entities) -> None:
    text = "Peru's Senate voted in May; Chile's Senate voted in June. The Senate was silent."
    assert body_country("senate", [text], entities, countries_ids()) == {"peru", "chile"}
    assert body_country("senate", ["The Senate declined to vote."], entities, countries_ids()) == set()
    # a country another phrase names, with a verb or a preposition between, owns no chamber
    assert body_country("senate", ["Peru wrote to the senate."], entities, countries_ids()) == set()
    assert body_country("senate", ["Peru. The senate met."], entities, countries_ids()) == set()
    # a court acts in its own name, and a bare council may be anyone's
    assert body_country("court", ["Peru's Supreme Court met. The Court ruled."], entities, countries_ids()) == set()
    assert body_country("council", ["Peru's Council met. The Council ruled."], entities, countries_ids()) == set()
    # no state body: a company or a person is read elsewhere
    assert body_country("the company", ["Peru's company grew."], entities, countries_ids()) == set()


def test_offices_of_the_home_state_and_plural_offices(entities: Entities) -> None:
    assert _kind("the President of the Republic") == "office"
    assert _kind("Head of State") == "office" and _kind("the State") == "office"
    assert _kind("lawmaker") == "office" and _kind("official") == "office"
    assert _kind("Foreign states") != "office"


def test_the_chamber_and_the_country_key_one_refusal(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "a": "Mining vote\nLakeside Courier | 3 May 2024\n\nPeru's unicameral Congress met in April. The Congress "
             "declined to repeal the mining law on Tuesday.\n",
        "b": "Mining law stands\nCoastal Wire | 5 May 2024\n\nPeru refused to repeal the mining law.\n"})
    quotes = [{c["quote"] for c in g["claims"]} for g in groups if g.get("sure", True)]
    assert {"The Congress declined to repeal the mining law", "Peru refused to repeal the mining law"} in quotes


def test_the_department_of_state_is_an_office_of_its_brief_s_state() -> None:
    assert _kind("the Department of State") == "office" and _kind("Secretary of State") == "office"


def test_the_government_of_a_brief_that_names_no_country_is_the_corpus_s(tmp_path, draft_corpus) -> None:
    groups = aligned_groups(tmp_path, draft_corpus, {
        "a": "Pact suspended\nHarbour Notes | 4 May 2024\n\nThe government suspended the fisheries pact on Monday.\n",
        "b": "Fisheries\nPacific Review | 5 May 2024\n\nPeru suspended the fisheries pact. Peru also recalled its "
             "envoy. Peru has not closed its ports.\n"})
    assert any({c["brief"] for c in g["claims"]} == {"a", "b"} and g["subjects"][0] == "peru" for g in groups), groups
