"""A bare definite object ("lifted the ban", "ruled out sending the missiles") read as the fuller mention the
brief made before. Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefcmp.analysis.factstatements import _clean
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.factrefs import antecedent, definite_head
from briefcmp.corpus.model import Config

pytest.importorskip("textblob")


@pytest.fixture(scope="module")
def entities() -> Entities:
    return Entities(Config())


def test_only_a_determiner_and_a_noun_is_a_bare_object() -> None:
    assert definite_head("the ban") == "ban" and definite_head("its new levy") == "levy"
    assert definite_head("the ban on wine") == "" and definite_head("sanctions") == ""


def test_the_fuller_mention_before_gives_nouns_and_places(entities: Entities) -> None:
    before = "Peru imposed a ban on exports of Chilean copper in May. Lima defended the ban."
    assert antecedent("ban", before, entities, _clean) == (frozenset({"ban", "export", "copper"}),
                                                           frozenset({"chile"}))
    # one mention saying less than the other agrees with it: the latest is taken
    before = "Norway bought Leopard tanks. It promised Leopard battle tanks to Poland."
    words, places = antecedent("tank", before, entities, _clean)
    assert words == {"leopard", "battle", "tank"} and places == {"poland"}


def test_two_different_things_or_none_leave_it_unread(entities: Entities) -> None:
    before = "Peru kept its ban on Chilean copper. It lifted its ban on Bolivian tin."
    assert antecedent("ban", before, entities, _clean) is None
    assert antecedent("ban", "Peru acted quickly.", entities, _clean) is None
    # a title run into its outlet line is no prose to read
    assert antecedent("ban", "Peru ban on copper exports Andes Daily | News | 3 May", entities, _clean) is None


def test_a_bare_object_lines_up_with_the_full_wording_of_another_brief(tmp_path, draft_corpus) -> None:
    import json

    from typer.testing import CliRunner

    from briefcmp.cli import app

    texts = {"daily": "Copper row\nAndes Daily | 3 May 2024\n\nPeru imposed a ban on exports of copper ore to Chile "
                      "in March. Peru has not lifted the ban.\n",
             "review": "Copper trade\nPacific Review | 9 May 2024\n\nPeru lifted its ban on exports of copper ore "
                       "to Chile.\n"}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    root = draft_corpus(tmp_path / "c", [tmp_path / "daily.txt", tmp_path / "review.txt"], "--sentences")
    r = CliRunner().invoke(app, ["align", str(root), "-f", "json"])
    assert r.exit_code == 0, r.output
    groups = [g for g in json.loads(r.stdout)["groups"] if {c["quote"] for c in g["claims"]} >= {
        "Peru has not lifted the ban", "Peru lifted its ban on exports of copper ore to Chile"}]
    assert len(groups) == 1 and groups[0]["sure"]
    assert sorted(c["value"] for c in groups[0]["claims"]) == ["no", "yes"]


def test_a_person_speaks_for_the_country_another_statement_names_them_with(entities: Entities) -> None:
    from types import SimpleNamespace

    from briefcmp.analysis.factrefs import person_countries

    entities.adopt("Ana Lopez")
    entities.adopt("Lopez")
    entities.adopt("Juan Perez")

    def st(actor: str, quote: str, object_start: int):
        return SimpleNamespace(actor=actor, claim=SimpleNamespace(quote=quote), fact=SimpleNamespace(
            object_start=object_start))

    statements = [st("peru", "Peruvian President Ana Lopez banned the exports", 32),
                  st("ana-lopez", "President Ana Lopez condemned the attack", 28),
                  st("lopez", "Lopez signed the decree", 12),
                  st("juan-perez", "Juan Perez praised the plan", 18),
                  st("chile", "Chile thanked Juan Perez for the plan", 6),  # named in the object: no anchor
                  st("peru", "Peru banned the exports", 12)]
    assert person_countries(statements, entities, frozenset({"peru", "chile"})) == {"ana-lopez": "peru",
                                                                                     "lopez": "peru"}


def test_a_bare_object_told_in_full_after_it_and_an_implied_import(entities: Entities) -> None:
    # a lead says "has not lifted its ban"; the next paragraph tells which ban
    after = " It imposed a blanket ban on Chilean copper in May. Trade fell."
    assert antecedent("ban", "", entities, _clean, after) == (frozenset({"ban", "copper"}), frozenset({"chile"}))
    from briefcmp.analysis.factstatements import _implied

    # a country's ban on a foreign good is on its imports; a ban on exports is another ban
    assert _implied(frozenset({"ban", "import", "copper"})) == {"ban", "copper"}
    assert _implied(frozenset({"export", "copper"})) == {"export", "copper"}
    assert _implied(frozenset({"import"})) == {"import"}
