"""What is measured, across wordings (issue 21, session 18): a base ("rose from 78.5%") is a level of what
moved, not the rise or fall; gross fixed capital formation by its abbreviation and by what it buys. Texts
written for these tests, in three voices (a ministry's release, a wire story, a broker's note)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.analysis.measure import word_match
from tests.test_align_context import _by_value, _members

_DIRECTION = {"increase", "decrease"}


@pytest.mark.parametrize("clause, figure, start", [
    ("the debt ratio rose from 78.5% to 81.8%", "78.5", True),
    ("up 53.2% from about $2.07 billion a year earlier", "2.07", True),
    ("a 0.3% contraction from a previously reported 0.1% fall", "0.1", True),
    ("cut its forecast to 1.0% from 1.3%", "1.3", True),
    ("arrivals from Hungary 35.6%", "35.6", False),  # where from, not a base
    ("the debt ratio rose from 78.5% to 81.8%", "81.8", False),
])
def test_the_object_of_from_is_a_base(clause: str, figure: str, start: bool) -> None:
    from briefcmp.analysis.figurerole import base_start

    at = clause.index(figure)
    assert (base_start(clause, (at, at + len(figure))) is not None) is start


# the same bases in three voices: each is a level of what moved, never the rise or fall itself
_BASE_RELEASE = ("Public debt statistics\nMinistry of Finance | 2 December 2024\n\n"
                 "The general government debt ratio rose from 78.5% of GDP in 2023 to 81.8% in 2024.\n\n"
                 "Tax revenue fell to 41.2 billion euros in 2024 from 44.6 billion euros in 2023.\n")
_BASE_WIRE = ("Eridia's debt climbs\nCapital Wire | 2 December 2024\n\n"
              "Eridia's debt ratio stood at 78.5% of GDP in 2023, the ministry said. Tax revenue was 44.6 billion "
              "euros in 2023.\n")
_BASE_NOTE = ("Eridia public finances\nHarbour Bank Economics | 3 December 2024\n\n"
              "Tax receipts dropped 7.6% from EUR 44.6bn, and we think the debt ratio will keep rising from 81.8%.\n")


def test_a_base_takes_no_direction_of_the_movement_from_it(tmp_path: Path) -> None:
    release = _by_value(_members(tmp_path / "release", _BASE_RELEASE))
    wire = _by_value(_members(tmp_path / "wire", _BASE_WIRE))
    note = _by_value(_members(tmp_path / "note", _BASE_NOTE))
    for value in (78.5, 44.6):
        base, level = release[value][0], wire[value][0]
        assert not base.words & _DIRECTION and word_match(base.words, level.words), (base.words, level.words)
    assert not note[44.6][0].words & _DIRECTION and "decrease" in note[7.6][0].words  # the change keeps its fall
    assert not note[81.8][0].words & _DIRECTION
    # growth named as a noun is the measure of a growth rate, and its base is a growth rate too
    text = ("Eridia GDP\nCapital Wire | 2 December 2024\n\nEconomic growth slowed from 4.8% in 2023 to 3.4% in 2024.\n")
    assert "increase" in _by_value(_members(tmp_path / "growth", text))[4.8][0].words


@pytest.mark.parametrize("a, b", [
    ("GFCF +2.4% q/q in the third quarter", "gross fixed capital formation rose 2.4% in the third quarter"),
    ("investment in fixed assets grew 2.4 percent", "fixed investment expanded 2.4%"),
    ("GFCF: EUR 41.3bn", "gross fixed capital formation reached 41.3 billion euros"),
])
def test_gross_fixed_capital_formation_by_its_abbreviation_and_its_assets(a: str, b: str) -> None:
    from briefcmp.analysis import statnames

    assert {c for *_, c, _ in statnames.find(a)} == {c for *_, c, _ in statnames.find(b)} == {("capex",)}


def test_public_investment_is_not_fixed_capital_formation_as_a_whole() -> None:
    from briefcmp.analysis import statnames

    assert not [c for *_, c, _ in statnames.find("public investment rose 5%")]
