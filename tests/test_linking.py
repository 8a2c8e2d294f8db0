"""analysis/linking.py: figures lined up by their context, weighed against the corpus, one-to-one between
reports. Fixture texts written here (no benchmark text)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.analysis import figlink, grouping, linking
from briefcmp.analysis.align import Member
from briefcmp.cli import app
from briefcmp.corpus.model import Claim, Value

runner = CliRunner()

_WIRE = """Australian jobs grow again in August
ABC News | 19 September 2024

Australia added jobs for a tenth straight month. In August the gain was led by full-time positions, which rose by 47,500 from July, while part-time jobs fell.

The jobless rate held at 4.2% in August and the participation rate stayed at 67.1%.
"""
_OFFICE = """Labour Force, Australia, August 2024
Australian Bureau of Statistics | 19 September 2024

In August 2024, full-time work in Australia rose by {value} people from July, while part-time employment fell by 500 people.

In August 2024 the unemployment rate remained at 4.2 per cent and monthly hours worked increased by 0.4 per cent.
"""


def _run(root: Path, value: str) -> tuple[list[dict], dict[str, str]]:
    """init -> add -> align --apply -> compare: the relations, and each claim's key."""
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in (("wire", _WIRE), ("office", _OFFICE.format(value=value))):
        path = root.parent / f"{root.name}-{name}.txt"
        path.write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["add", str(path), str(root), "--id", name])
        assert r.exit_code in (0, 1), r.output
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code in (0, 1)
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    keys = {}  # (brief, amount) -> key
    for f in root.glob("*.claims.yaml"):
        for c in (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("claims") or []:
            keys[(f.name.split(".")[0], float((c.get("value") or {}).get("amount") or 0))] = c.get("key") or ""
    return json.loads(r.stdout)["relations"], keys


def test_one_fact_worded_differently_is_lined_up_by_its_context(tmp_path: Path) -> None:
    relations, keys = _run(tmp_path / "same", "47,500")
    assert keys[("wire", 47500.0)] and keys[("wire", 47500.0)] == keys[("office", 47500.0)]
    assert any(r["kind"] == "agreement" and r["key"] == keys[("wire", 47500.0)] for r in relations)
    assert keys[("office", 500.0)] != keys[("wire", 47500.0)]  # the part-time fall is another figure


def test_values_never_count_the_same_links_whatever_the_amounts() -> None:
    def found(amounts: list[float]) -> list[tuple[list[str], float]]:
        ms = [_member(b, i, w, amount=x) for i, (b, w, x) in enumerate(zip(
            "abc", ({"remittance", "inflow"}, {"remittance", "inflow", "family"}, {"tourism"}), amounts))]
        groups, _ = linking.link(ms, {id(m) for m in ms}, {}, None, grouping.veto)
        return [(sorted(m.claim.ref for m in g), low) for g, low, _ in groups]
    same = found([63.3, 63.3, 20.0])
    assert same and same == found([63.3, 48.0, 20.0])  # a difference stays linked: a contradiction to show


def test_without_the_context_links_the_two_wordings_stay_apart(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(linking, "SURE", 2.0)  # nothing is sure enough: candidates only
    monkeypatch.setattr(figlink, "model", lambda: None)  # (nor the learned pair linker, which reads other evidence)
    relations, keys = _run(tmp_path / "off", "47,500")
    assert not keys[("wire", 47500.0)] and not keys[("office", 47500.0)]
    assert not any(r["key"] == "australia-full-time-growth" for r in relations)


def _member(brief: str, ref: int, words: set[str], period: str = "2024", amount: float = 1.0) -> Member:
    claim = Claim(brief=brief, id=f"c{ref}", quote="q", value=Value(type="quantity", amount=amount, unit="USD"))
    return Member(claim, ("japan",), "clause", "USD", "USD", frozenset(words), {w: w for w in words}, tuple(words),
                  period=period, period_how="stated" if period else "", published=date(2024, 1, 5))


def test_a_word_every_figure_has_tells_nothing_a_rare_shared_one_tells_much() -> None:
    ms = [_member("a", 1, {"budget", "defence"}), _member("b", 2, {"budget", "defence"}),
          _member("c", 3, {"budget", "pension"}), _member("d", 4, {"budget", "school"})]
    vec = linking.vectors(ms, {}, None)
    assert vec[id(ms[0])]["budget"] < vec[id(ms[0])]["defence"] / 2  # every figure's word weighs least
    assert linking.cosine(vec[id(ms[0])], vec[id(ms[1])]) == pytest.approx(1.0)
    assert linking.cosine(vec[id(ms[0])], vec[id(ms[2])]) < 0.2 < linking.cosine(vec[id(ms[2])], vec[id(ms[2])])


def test_one_to_one_a_brief_with_two_equally_fitting_figures_gets_no_link() -> None:
    a = _member("a", 1, {"defence", "outlay"})
    b1, b2 = _member("b", 2, {"defence", "outlay"}), _member("b", 3, {"defence", "outlay"})
    c = _member("c", 4, {"pension"})
    groups, joins = linking.link([a, b1, b2, c], {id(m) for m in (a, b1, b2, c)}, {}, None, grouping.veto)
    assert groups == [] and joins == []  # b1 or b2: the context cannot say which


def test_vetoes_and_periods_are_cannot_links() -> None:
    exports, imports = _member("a", 1, {"export", "shipment"}), _member("b", 2, {"import", "shipment"})
    assert not linking.compatible(exports, imports, grouping.veto)  # opposites, however alike the context
    y2023, y2024 = _member("a", 1, {"defence", "outlay"}, "2023"), _member("b", 2, {"defence", "outlay"}, "2024")
    assert not linking.compatible(y2023, y2024, grouping.veto)
    undated = _member("b", 3, {"defence", "outlay"}, "")
    assert linking.compatible(y2023, undated, grouping.veto)  # a period stated on one side only
    forecast = _member("b", 4, {"defence", "outlay", "forecast"})
    assert not linking.compatible(y2023, forecast, grouping.veto)  # an expectation is no outcome


def test_linked_groups_say_what_linked_them() -> None:
    ms = [_member("a", 1, {"remittance", "inflow", "family"}), _member("b", 2, {"remittance", "inflow", "migrant"}),
          _member("c", 3, {"tourism", "receipt"})]
    found, _ = linking.link(ms, {id(m) for m in ms}, {}, None, grouping.veto)
    assert len(found) == 1
    group, low, words = found[0]
    assert {m.claim.brief for m in group} == {"a", "b"} and 0 < low <= 1.0
    assert set(words) == {"remittance", "inflow"}


def test_a_keyed_figure_takes_its_match_and_a_free_one_may_join_it() -> None:
    keyed = _member("a", 1, {"remittance", "inflow", "family"})
    free = _member("b", 2, {"remittance", "inflow", "migrant"})
    other = _member("c", 3, {"tourism", "receipt"})
    groups, joins = linking.link([keyed, free, other], {id(free), id(other)}, {}, None, grouping.veto)
    assert groups == []  # only one free figure of that measure: nothing to group among the free
    assert [(f.claim.ref, k.claim.ref) for f, k, _, _ in joins] == [(free.claim.ref, keyed.claim.ref)]


def test_figures_linked_only_by_context_that_differ_wait_as_a_candidate(tmp_path: Path) -> None:
    """Context weighs the words around a figure, not what it measures: two values it links that differ are
    no contradiction, only a proposal saying what evidence is missing (issue 21)."""
    relations, keys = _run(tmp_path / "differ", "45,700")
    assert not keys[("wire", 47500.0)] or keys[("wire", 47500.0)] != keys[("office", 45700.0)]
    assert not any(r["kind"] == "contradiction" for r in relations)
    r = runner.invoke(app, ["align", str(tmp_path / "differ"), "--format", "json"])
    held = [{x["claim"] for x in c["claims"]} for c in json.loads(r.stdout).get("candidates") or []]
    assert any({"47500", "people-45700"} <= refs for refs in held), held  # proposed, saying what it lacks


def test_a_context_link_keeps_its_agreeing_figures_and_the_differing_one_waits() -> None:
    ms = [_member("a", 1, {"remittance"}, amount=63.3), _member("b", 2, {"inflow"}, amount=63.3),
          _member("c", 3, {"transfer"}, amount=48.0)]
    waiting = linking._differing(ms)
    assert set(waiting) == {id(ms[2])} and "differs from" in waiting[id(ms[2])]
    tie = linking._differing(ms[1:])  # one brief against one: both wait
    assert set(tie) == {id(ms[1]), id(ms[2])}
    assert linking._differing([_member("a", 1, {"x"}, amount=2.0), _member("b", 2, {"y"}, amount=2.0)]) == {}
