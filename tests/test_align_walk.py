"""A new user's path on three fresh pairs of briefs (init -> annotate -> align --apply -> compare):
every planted contradiction and agreement shows, and no false contradiction.

The pairs (tests/fixtures/align-walk/): Chile's water (a subject that is a named region, not a
country; a total "over four years" next to a dated sentence; an undated share), Vietnam's economy
(exports whose country is named only in the sentence before; "well below the 8.02 percent
recorded in 2022"; inflation written as "consumer prices rose"), and malaria in Uganda (a named
sub-region, a rate per 1,000 live births, a forecast of bed nets that must not contradict), and
schools in Kenya (a named county and commission; Uganda's and Tanzania's enrolment next to Kenya's),
and Poland's power (coal "generated 61 per cent of electricity" against "coal's share of electricity
generation"; "power-sector emissions"; Hungary's share and an undated wind share as traps), and
Peru's jobs (titles that name no country: the one country the whole brief names is the subject;
"the jobless rate" is the unemployment rate), and a trap: "the Central Bank" and "the National
Assembly" of Kenya and of Ghana are not one body; Sudan's displacement ("faced" and "affected", "covered"
and "was funded" say the same; refugees who fled with no stated date, and to "neighbouring countries", stay out);
defence budgets in Europe ("defence spending rose to 3.9 percent of GDP" and "devoted 3.9 percent of GDP to
defence" are one level; "increased its military budget by 7.5 percent" and "raised its defence budget by 5
percent" one change), and Colombia's public finances, a trap pair of near-synonyms that stay apart (exports
and imports, spending and revenue, unemployment and employment, a defence budget and defence procurement,
a budget that rose and one that fell, a change of 8 percent and a level of 8 percent of GDP) next to an
"armed forces budget went up by 3.1 percent" that agrees with a "military budget" raised by 3.1 percent;
and Norway's prices and an oil company's profit: a month's rise in prices is never keyed with an annual rate,
and next year's profit "seen at" a figure (guidance, though worded as a fact) never with this year's outcome.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "align-walk"
runner = CliRunner()

# pair -> (contradictions, agreements), each relation by the values it shows
PLANTED = {
    "water": ({frozenset({"41%", "55%"})}, set()),
    "vietnam": ({frozenset({"5.05%", "4.2%"})},
                {frozenset({"8.02%"}), frozenset({"3.25%"}), frozenset({"4.4%"}), frozenset({"USD 23.2 billion"})}),
    "schools": ({frozenset({"58%", "63%"}), frozenset({"5.3%", "4.8%"})}, {frozenset({"92%"}), frozenset({"340,000 teachers"})}),
    "power": ({frozenset({"61%", "63%"})}, {frozenset({"4.2 million tonnes"}), frozenset({"12%"})}),
    "labour": ({frozenset({"6.8%", "6.5%"})}, {frozenset({"14%"})}),
    "rates": (set(), set()),  # Kenya's and Ghana's "Central Bank" and "National Assembly": not one body
    "displacement": (set(), {frozenset({"570,000 refugees", "~570,000 refugees"}), frozenset({"3.6 million people"}),
                             frozenset({"39%"})}),
    "malaria": ({frozenset({"68%", "61%"})},
                {frozenset({"4.1%"}), frozenset({"12.7 million cases"}),
                 frozenset({"42 deaths per 1000 live births"})}),
    "defence": ({frozenset({"7.5%", "5%"})}, {frozenset({"3.9%"})}),
    "fiscal": ({frozenset({"4.6%", "4.9%"})}, {frozenset({"3.1%"})}),
    "prices": ({frozenset({"2.6%", "2.9%"})}, {frozenset({"USD 27 billion"})}),
}
# pairs whose every relation is known: (kind, values shown), nothing more and nothing less
EXACT = {
    "defence": {("agreement", ("3.9%", "3.9%")), ("contradiction", ("5%", "7.5%")),
                ("change-over-time", ("1.4%", "1.57%"))},
    "fiscal": {("agreement", ("3.1%", "3.1%")), ("contradiction", ("4.6%", "4.9%")),
               ("change-over-time", ("3.1%", "3.1%", "4%"))},
}


def cli(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module", params=sorted(PLANTED))
def walked(request, tmp_path_factory) -> tuple[str, Path, list[dict]]:
    pair = request.param
    root = tmp_path_factory.mktemp(pair) / "mine"
    assert cli("init", str(root)).exit_code == 0
    for text in sorted((FIXTURES / pair).glob("*.txt")):
        shutil.copy(text, root / "sources" / text.name)
        r = cli("annotate", str(root / "sources" / text.name), "-o", str(root / f"{text.stem}.claims.yaml"))
        assert r.exit_code == 0, r.output
    r = cli("align", str(root), "--apply")
    assert r.exit_code == 0, r.output
    r = cli("compare", str(root), "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return pair, root, json.loads(r.stdout)["relations"]


def _found(relations: list[dict]) -> set[tuple[str, frozenset[str]]]:
    return {(r["kind"], frozenset(c["value"]["display"] for c in r["claims"])) for r in relations}


def test_planted_relations_show_and_no_false_contradiction(walked) -> None:
    pair, _, relations = walked
    contradictions, agreements = PLANTED[pair]
    found = _found(relations)
    assert {v for k, v in found if k == "contradiction"} == contradictions
    assert agreements <= {v for k, v in found if k == "agreement"}
    if pair in EXACT:
        shown = {(r["kind"], tuple(sorted(c["value"]["display"] for c in r["claims"]))) for r in relations}
        assert shown == EXACT[pair]


def test_second_run_applies_nothing(walked) -> None:
    _, root, _ = walked
    before = {p.name: p.read_bytes() for p in root.glob("*.yaml")}
    r = cli("align", str(root), "--apply")
    assert r.exit_code == 0, r.output
    assert {p.name: p.read_bytes() for p in root.glob("*.yaml")} == before


def test_subject_is_registered_as_an_entity(walked) -> None:
    pair, root, relations = walked
    named = {"water": "Santiago metropolitan region", "malaria": "West Nile sub-region", "vietnam": "Vietnam",
             "schools": "Teachers Service Commission", "power": "Poland", "labour": "Peru", "rates": "",
             "displacement": "Darfur State", "defence": "France", "fiscal": "Colombia", "prices": "Norway"}[pair]
    config = (root / "briefcmp.yaml").read_text(encoding="utf-8")
    if not named:  # nothing lines up: no body is registered
        assert "central-bank" not in config and "national-assembly" not in config
        return
    assert f"label: {named}" in config


def test_traps_stay_out(walked) -> None:
    pair, root, relations = walked
    in_relations = {c["value"]["display"] for r in relations for c in r["claims"]}
    # A total "over four years" (no year of its own) and a forecast are never compared as facts.
    assert "USD 1.2 billion" not in in_relations
    assert not {"28 million nets", "30 million nets"} & in_relations
    if pair == "water":
        claims = (root / "water-a.claims.yaml").read_text(encoding="utf-8")
        desal = claims[claims.index("id: usd-1-2-billion"):].split("\n  - id:")[0]
        assert "as_of" not in desal  # not dated by "In 2023" of the sentence before
    if pair == "vietnam":
        claims = (root / "vn-b.claims.yaml").read_text(encoding="utf-8")
        prices = claims[claims.index("id: pct-3-25"):].split("\n  - id:")[0]
        assert "sanctions" not in prices
        assert "bound" not in claims[claims.index("id: pct-8-02"):].split("\n  - id:")[0]
    if pair == "schools":  # Uganda's 85 percent and Tanzania's 92 percent are not Kenya's
        refs = {(c["brief"], c["claim"]) for r in relations for c in r["claims"]}
        assert not {("edu-b", "pct-85"), ("edu-b", "pct-92-2")} & refs
    if pair == "power":  # Hungary's nuclear share; wind shares with no stated year
        assert not {"44%", "14%"} & in_relations
    if pair == "displacement":
        assert not {"1.4 million", "1.7 million"} & in_relations
    if pair == "prices":  # a month's change against annual rates; guidance for 2025 against the 2024 outcome
        assert not {"0.3%", "USD 30 billion", "USD 31 billion"} & in_relations
        keys = {c["key"] for r in relations for c in r["claims"] if c["value"]["display"] == "USD 27 billion"}
        claims = (root / "prices-b.claims.yaml").read_text(encoding="utf-8")
        guidance = claims[claims.index("id: usd-31-billion"):].split("\n  - id:")[0]
        assert not any(f"key: {k}" in guidance for k in keys)
    if pair == "fiscal":  # near-synonyms, a fall against a rise, a change against a level
        assert not {"6.2%", "4.1%", "19.5%", "17.2%", "10.2%", "56.8%", "9%", "8%"} & in_relations
        refs = {(c["brief"], c["claim"]) for r in relations for c in r["claims"]}
        assert ("fiscal-b", "pct-4") not in refs  # "fell by 4 percent" is not "increased ... by 4 percent"
        claims = (root / "fiscal-b.claims.yaml").read_text(encoding="utf-8")
        assert "bound" not in claims[claims.index("id: pct-4-9"):].split("\n  - id:")[0]  # "went up to"
