"""The learned figure pair linker (analysis/figlink, analysis/figlinkplace): features that never read the values,
pairs only inside a block, the shipped model and its bars, plain-Python scoring, and what align does with what it
links (joins free figures, never splits a hand group, never sets two values against each other). Figures written
here (defence outlays, remittances, tourism receipts)."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from types import SimpleNamespace

import pytest

from briefcmp.analysis import figlink, figlinkplace
from briefcmp.analysis.align import Group, Member
from briefcmp.analysis.entities import Entities
from briefcmp.corpus.model import Claim, Value


def _member(brief: str, ref: int, words: set[str], period: str = "2024", amount: float = 1.0,
            subjects: tuple[str, ...] = ("japan",), how: str = "clause", sentence: int = 3) -> Member:
    claim = Claim(brief=brief, id=f"c{ref}", quote=f"quote {ref}", value=Value(type="quantity", amount=amount, unit="USD"))
    return Member(claim, subjects, how, "USD", "USD", frozenset(words), {w: w for w in words}, tuple(words),
                  period=period, period_how="stated" if period else "", published=date(2024, 1, 5),
                  sentence=sentence, at=ref)


def _pairs(ms: list[Member]) -> dict[tuple[str, str], list[float]]:
    ctx = figlink.Context(ms, {}, None)
    return {(ms[i].claim.ref, ms[j].claim.ref): x for i, j, x in figlink.described(ms, ctx)}


def test_features_never_read_the_values() -> None:
    def described(amounts: list[float]):
        ms = [_member(b, i, w, amount=x) for i, (b, w, x) in enumerate(zip(
            "abc", ({"remittance", "inflow"}, {"remittance", "inflow", "family"}, {"tourism", "receipt"}), amounts))]
        return _pairs(ms)
    same = described([63.3, 63.3, 20.0])
    assert same and same == described([63.3, 48.0, 9999.0])
    assert all(len(x) == len(figlink.NAMES) for x in same.values())


def test_pairs_only_inside_a_block_and_between_briefs() -> None:
    a = _member("a", 1, {"defence", "outlay"})
    b = _member("b", 2, {"defence", "outlay"})
    same_brief = _member("a", 3, {"defence", "outlay"})
    korea = _member("c", 4, {"defence", "outlay"}, subjects=("south-korea",))
    other_year = _member("d", 5, {"defence", "outlay"}, period="2023")
    unsure = _member("e", 6, {"defence", "outlay"}, subjects=("(central-bank)",))
    refs = {frozenset(p) for p in _pairs([a, b, same_brief, korea, other_year, unsure])}
    assert frozenset((a.claim.ref, b.claim.ref)) in refs
    assert frozenset((a.claim.ref, same_brief.claim.ref)) not in refs  # one brief
    assert not any(korea.claim.ref in p for p in refs)  # another subject: another block
    assert not any(other_year.claim.ref in p and a.claim.ref in p for p in refs)  # two stated periods
    assert not any(unsure.claim.ref in p for p in refs)  # an unsure subject is never scored


def test_a_list_sentence_is_marked_crowded() -> None:
    a = _member("a", 1, {"tourism", "receipt"})
    b1, b2 = _member("b", 2, {"tourism", "receipt"}), _member("b", 3, {"tourism", "arrival"})
    found = _pairs([a, b1, b2])
    x = found[(a.claim.ref, b1.claim.ref)]
    names = dict(zip(figlink.NAMES, x))
    assert names["crowded_one"] == 1.0 and names["crowded_both"] == 0.0


def test_model_scores_in_plain_python_and_checks_its_names() -> None:
    names = list(figlink.NAMES)
    flat = figlink.Model({"names": names, "weights": [0.0] * len(names), "threshold": 0.9, "candidate": 0.5})
    assert flat.probability([1.0] * len(names)) == pytest.approx(0.5)
    steep = figlink.Model({"names": names, "weights": [-50.0] + [0.0] * (len(names) - 1), "threshold": 0.9,
                           "candidate": 0.5})
    assert steep.probability([1.0] * len(names)) == 0.0
    with pytest.raises(ValueError):
        figlink.Model({"names": ["bias"], "weights": [0.0], "threshold": 1, "candidate": 1})


def test_the_shipped_model_loads_with_bars_in_order() -> None:
    data = json.loads(resources.files("briefcmp.analysis").joinpath("figweights.json").read_text(encoding="utf-8"))
    assert data["names"] == list(figlink.NAMES)
    m = figlink.model()
    assert m is not None and 0.0 < m.candidate <= m.threshold <= 1.0


def _always(p: float, threshold: float = 0.8, candidate: float = 0.5) -> figlink.Model:
    names = list(figlink.NAMES)
    import math

    return figlink.Model({"names": names, "weights": [math.log(p / (1 - p))] + [0.0] * (len(names) - 1),
                          "threshold": threshold, "candidate": candidate})


def _result(groups=()):
    return SimpleNamespace(groups=list(groups), candidates=[])


def test_linked_free_figures_that_agree_are_applied_and_name_the_linker(monkeypatch) -> None:
    monkeypatch.setattr(figlink, "model", lambda: _always(0.95))
    a, b = _member("a", 1, {"remittance", "inflow"}, amount=9.5), _member("b", 2, {"remittance", "family"}, amount=9.5)
    result = _result()
    figlinkplace.place([a, b], {}, Entities(), set(), result, Group)
    assert len(result.groups) == 1 and {m.claim.ref for m in result.groups[0].members} == {a.claim.ref, b.claim.ref}
    assert "figure linker" in result.groups[0].reason


def test_linked_figures_that_differ_wait_as_a_candidate(monkeypatch) -> None:
    monkeypatch.setattr(figlink, "model", lambda: _always(0.95))
    a, b = _member("a", 1, {"remittance", "inflow"}, amount=9.5), _member("b", 2, {"remittance", "family"}, amount=7.0)
    result = _result()
    figlinkplace.place([a, b], {}, Entities(), set(), result, Group)
    assert result.groups == []  # the linker reads no value: two values are never set against each other by it
    assert len(result.candidates) == 1 and "differs" in result.candidates[0].doubt


def test_below_the_bar_only_a_candidate(monkeypatch) -> None:
    monkeypatch.setattr(figlink, "model", lambda: _always(0.6))
    a, b = _member("a", 1, {"remittance", "inflow"}, amount=9.5), _member("b", 2, {"remittance", "family"}, amount=9.5)
    result = _result()
    figlinkplace.place([a, b], {}, Entities(), set(), result, Group)
    assert result.groups == [] and len(result.candidates) == 1
    assert "linked only by the figure linker" in result.candidates[0].doubt


def test_a_hand_group_is_never_split_and_a_free_figure_may_join_it(monkeypatch) -> None:
    monkeypatch.setattr(figlink, "model", lambda: _always(0.95))
    a, b = _member("a", 1, {"remittance", "inflow"}, amount=9.5), _member("b", 2, {"remittance", "inflow"}, amount=9.5)
    c = _member("c", 3, {"remittance", "family"}, amount=9.5)
    hand = Group("japan-remittances", True, "Japan remittances", "USD", [a, b], "", True, ("japan",))
    result = _result([hand])
    figlinkplace.place([a, b, c], {}, Entities(), set(), result, Group)
    assert result.groups == [hand] and [m.claim.ref for m in hand.members] == [a.claim.ref, b.claim.ref, c.claim.ref]
    assert "figure linker" in hand.reason


def test_no_model_shipped_changes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(figlink, "model", lambda: None)
    a, b = _member("a", 1, {"remittance", "inflow"}), _member("b", 2, {"remittance", "family"})
    result = _result()
    figlinkplace.place([a, b], {}, Entities(), set(), result, Group)
    assert result.groups == [] and result.candidates == []


def test_pairs_grow_with_the_figures_not_their_square() -> None:
    # one block, few words: without the bounds every figure would be scored with every other
    ms = [_member(f"b{i}", i, {f"w{i % 10}", "budget"}) for i in range(600)]
    ctx = figlink.Context(ms, {}, None)
    found = figlink.pairs(ms, ctx)
    assert found and len(found) <= figlink.NEIGHBOURS * len(ms) < len(ms) * (len(ms) - 1) // 2


def test_a_name_the_corpus_does_not_register_is_only_proposed(monkeypatch) -> None:
    """A key under a name taken from the briefs registers it, and the next run reads every brief with it: the
    linker leaves such keys to the hand rules, so that a second align --apply proposes nothing new."""
    monkeypatch.setattr(figlink, "model", lambda: _always(0.95))
    entities = Entities()
    entities.adopted.add("harbour-board")
    a = _member("a", 1, {"toll", "receipt"}, amount=5.0, subjects=("harbour-board",))
    b = _member("b", 2, {"toll", "income"}, amount=5.0, subjects=("harbour-board",))
    result = _result()
    figlinkplace.place([a, b], {}, entities, set(), result, Group)
    assert result.groups == [] and len(result.candidates) == 1
    assert "does not register yet" in result.candidates[0].doubt
