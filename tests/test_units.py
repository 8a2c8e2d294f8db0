"""Units by dimension (issue 24): physical units convert, from a table built from pint's definitions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given, settings, strategies as st
from typer.testing import CliRunner

from briefcmp.analysis.crossref import find_relations
from briefcmp.corpus import units
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Period, Tolerance, Topic, Value
from briefcmp.drafting.draft import same_value
from briefcmp.drafting.figures import find_figures

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()


def base(amount: float, unit: str, scale: str = "") -> tuple[str, float]:
    return units.comparable(unit, Value("quantity", amount=amount, scale=scale, unit=unit).base_amount or 0.0)


def test_the_table_is_what_pint_gives() -> None:
    pytest.importorskip("pint", reason="pint (in the test extra) builds the table")
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_unit_table.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("a, b", [
    ((16.5, "gigawatts", ""), (16.5, "GW", "")),
    ((16.5, "GW", ""), (16500, "MW", "")),
    ((1, "GW", ""), (1000, "megawatts", "")),
    ((2.9, "tonnes", "million"), (2.9, "t", "million")),
    ((2.9, "metric tons", "million"), (2.9, "tonnes", "million")),
    ((120, "Mt CO2", ""), (120, "tonnes", "million")),
    ((68, "cubic metres", "billion"), (68, "bcm", "")),
    ((1.2, "tcm", ""), (1200, "bcm", "")),
    ((500, "km²", ""), (500, "square kilometres", "")),
    ((50000, "hectares", ""), (500, "km2", "")),
    ((1.42, "barrels per day", "million"), (1.42, "bpd", "million")),
    ((280, "TWh", ""), (280, "terawatt hours", "")),
    ((280, "TWh", ""), (280000, "GWh", "")),
    ((1, "Mtoe", ""), (41.868, "PJ", "")),
])
def test_conversions(a, b) -> None:
    (da, xa), (db, xb) = base(*a), base(*b)
    assert da == db and abs(xa - xb) <= 1e-9 * max(abs(xa), abs(xb))


@pytest.mark.parametrize("unit, dimension", [
    ("GW", "power"), ("TWh", "energy"), ("tonnes", "mass"), ("km", "length"), ("km2", "area"),
    ("bcm", "volume"), ("barrels", "volume"), ("bbl/d", "volume per time"),
])
def test_dimensions(unit: str, dimension: str) -> None:
    assert units.comparable(unit, 1.0)[0] == dimension and units.is_physical(unit)


def test_what_is_not_converted() -> None:
    # "mt" (metric tons or megatonnes?) and currencies never convert
    for unit in ("mt", "USD", "EUR", "banks", "percent"):
        assert not units.is_physical(unit) and units.comparable(unit, 2.0) == (units.canonical_unit(unit), 2.0)
    assert units.comparable("years", 1.0) == ("duration", 365.25)  # durations as before
    assert units.comparable("GW", 1.0)[0] != units.comparable("GWh", 1.0)[0]  # power is no energy
    # pint's own "barrel" is 31.5 gallons; an oil barrel is 42
    assert abs(units.comparable("barrels", 1.0)[1] - 0.158987294928) < 1e-9


def test_plain_tons_are_metric_tonnes_and_short_tons_are_not() -> None:
    # news writes "tons" for the metric tonne (scripts/gen_unit_table.py says why); a writer who
    # means the 2,000-pound ton says so
    assert units.canonical_unit("tons") == units.canonical_unit("metric tons") == "tonnes"
    assert units.comparable("tons", 2.0) == ("mass", 2000.0)
    assert units.canonical_unit("short tons") == "short tons" != units.canonical_unit("long tons")
    assert abs(units.comparable("short tons", 1.0)[1] - 907.18474) < 1e-6
    assert abs(units.comparable("long tons", 1.0)[1] - 1016.0469088) < 1e-6
    (short,) = find_figures("The US mined 578 million short tons of coal in 2023.")
    (plain,) = find_figures("India mined 997 million tons of coal in 2023.")
    assert (short.value.unit, plain.value.unit) == ("short tons", "tonnes")


def test_shared_unit_is_the_most_common_then_the_larger() -> None:
    assert units.shared_unit(["gigawatts", "GW", "MW"]) == "GW"
    assert units.shared_unit(["MW", "GW"]) == "GW"
    assert units.shared_unit(["MW", "megawatts", "GW"]) == "MW"


@pytest.mark.parametrize("text, display", [
    ("Gas plants would need about 68 billion cubic metres of LNG.", "~68 billion cubic metres"),
    ("Storage holds 2.3 bcm.", "2.3 bcm"),
    ("Solar reached 16.5 gigawatts.", "16.5 GW"),
    ("Vietnam has 16.5 GW of solar.", "16.5 GW"),
    ("Vietnam has 16.5GW of solar.", "16.5 GW"),
    ("Output rose to 1.42 million barrels per day (bpd).", "1.42 million barrels per day"),
    ("Output reached 1.64 million bpd.", "1.64 million barrels per day"),
    ("The sector emitted 120 Mt CO2.", "120 Mt"),
    ("Finland imported 2.9 million metric tons of LNG.", "2.9 million tonnes"),
    ("The park covers 1,200 km² of forest.", "1,200 km2"),
])
def test_drafted_physical_units(text: str, display: str) -> None:
    assert [f.value.display() for f in find_figures(text)] == [display]


def test_sixty_eight_billion_cubic_metres_is_a_volume() -> None:
    (f,) = find_figures("Gas plants would need 68 billion cubic metres of imported LNG over the decade.")
    assert (f.value.unit, f.value.scale) == ("cubic metres", "billion")
    assert units.comparable(f.value.unit, f.value.base_amount) == ("volume", 68e9)
    assert same_value(f.value, Value("quantity", amount=68, unit="bcm"))


def _corpus(values: list[tuple[str, Value]], keydef: KeyDef) -> Corpus:
    briefs = []
    for i, (brief, v) in enumerate(values):
        claim = Claim(id=f"c{i}", brief=brief, quote="q", key="k", value=v, as_of=Period(PartialDate(2023)))
        briefs.append(Brief(brief, brief, "src", claims=[claim]))
    return Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": keydef}), briefs)


def q(amount: float, unit: str, scale: str = "") -> Value:
    return Value("quantity", amount=amount, scale=scale, unit=unit)


@pytest.mark.parametrize("unit", ["", "GW", "MW"])
def test_compare_converts_before_it_compares(unit: str) -> None:
    key = KeyDef("k", "Solar capacity", "quantity", unit=unit, tolerance=Tolerance(0.02))
    rels = find_relations(_corpus([("a", q(16.5, "gigawatts")), ("b", q(16.5, "GW")), ("c", q(16500, "MW"))], key))
    assert [(r.kind, len(r.claims)) for r in rels] == [("agreement", 3)]
    rels = find_relations(_corpus([("a", q(16.5, "GW")), ("b", q(19000, "MW"))], key))
    assert [r.kind for r in rels] == ["contradiction"]


def test_another_dimension_is_still_an_annotation_problem() -> None:
    key = KeyDef("k", "Solar capacity", "quantity", unit="GW", tolerance=Tolerance(0.02))
    rels = find_relations(_corpus([("a", q(16.5, "GW")), ("b", q(16.5, "GW")), ("c", q(16.5, "TWh"))], key))
    assert sorted(r.kind for r in rels) == ["agreement", "annotation-problem"]
    problem = next(r for r in rels if r.kind == "annotation-problem")
    assert [c.brief for c in problem.claims] == ["c"] and "unit mismatch" in problem.explanation


def test_an_absolute_tolerance_is_in_the_keys_unit() -> None:
    key = KeyDef("k", "Solar capacity", "quantity", unit="GW", tolerance=Tolerance(0.0, 0.5))
    assert [r.kind for r in find_relations(_corpus([("a", q(16.5, "GW")), ("b", q(16900, "MW"))], key))] == \
        ["agreement"]
    assert [r.kind for r in find_relations(_corpus([("a", q(16.5, "GW")), ("b", q(17.5, "GW"))], key))] == \
        ["contradiction"]


def test_gigawatts_and_gw_in_two_briefs_are_proposed_together_and_agree(tmp_path: Path) -> None:
    from briefcmp.cli import app

    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    texts = {
        "forum": "Vietnam's Solar Boom\nHanoi Energy Forum, 4 April 2024\n\nVietnam's solar capacity reached "
                 "16.5 gigawatts at the end of 2020, after a generous feed-in tariff.\n",
        "daily": "Solar Stalls in Vietnam\nSaigon Business Daily, 12 March 2024\n\nVietnam's solar "
                 "capacity was 16.5 GW at the end of 2020, the ministry said.\n",
        "grid": "Vietnam's Grid\nMekong Energy Institute, March 2024\n\nVietnam's solar capacity stood at "
                "16,500 MW at the end of 2020.\n",
    }
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml")])
        assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["align", str(root), "--apply"])
    assert r.exit_code == 0, r.output
    config = (root / "briefcmp.yaml").read_text(encoding="utf-8")
    assert "unit: GW" in config
    r = runner.invoke(app, ["check", str(root)])
    assert "key-unit" not in r.output, r.output  # MW under a key in GW converts: no unit warning
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    relations = json.loads(r.stdout)["relations"]
    assert [(x["kind"], sorted(c["value"]["display"] for c in x["claims"])) for x in relations] == \
        [("agreement", ["16,500 MW", "16.5 GW", "16.5 GW"])]


_unit_text = st.one_of(st.text(max_size=12), st.sampled_from(
    ["GW", "gigawatts", "Mt CO2", "mt", "tonnes", "metric tons", "km²", "bcm", "cubic metres", "bpd", "TWh",
     "USD", "%", "years", " GW ", "Barrels  Per  Day", "tons", "MW", "kt", "KT", "M", "T", "KG", "Banks"]))


@settings(max_examples=60, deadline=None)
@given(_unit_text)
def test_canonical_units_are_stable(unit: str) -> None:
    canon = units.canonical_unit(unit)
    assert units.canonical_unit(canon) == canon
    assert units.is_physical(unit) == units.is_physical(canon)
    if units.is_physical(unit):  # (other units are compared as callers canonicalise them)
        assert units.comparable(unit, 2.0) == units.comparable(canon, 2.0)


_words = st.sampled_from(["16.5", "GW", "gigawatts", "68", "billion", "cubic", "metres", "of", "gas", "1.4",
                          "million", "barrels", "per", "day", "bpd", "Mt", "CO2", "km²", "tonnes", "a", "year",
                          "16.5GW", "the", "eighth", "Plan", "in", "2030", ",", ".", "\n"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_words, max_size=30))
@example(["bpd", "of", "68"])
def test_unit_figures_never_fail_and_stay_inside_the_text(words) -> None:
    text = " ".join(words)
    for f in find_figures(text):
        assert 0 <= f.start < f.end <= len(text)
        if f.value.type == "quantity" and units.is_physical(f.value.unit):
            assert units.canonical_unit(f.value.unit) == f.value.unit


def test_a_unit_before_of_is_no_thing_counted() -> None:
    """A label naming a unit ("bpd of 68") is not counted as things (hypothesis found the raw "bpd" drafted
    as a counted noun, outside the units table's canonical spelling)."""
    for text in ("bpd of 68", "Output in bpd of 68 was reported.", "tonnes of 68"):
        for f in find_figures(text):
            if f.value.type == "quantity" and units.is_physical(f.value.unit):
                assert units.canonical_unit(f.value.unit) == f.value.unit, (text, f.value)
    (orders,) = find_figures("Airbus booked gross orders of 878 in the year.")
    assert (orders.value.amount, orders.value.unit) == (878.0, "orders")
