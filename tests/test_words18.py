"""What is measured, across wordings (issue 21, session 18): gross fixed capital formation named by its
standard abbreviation and by what it buys is one measure with its long name; public investment stays apart.
Sentences written for these tests, in three voices (a broker's note, a wire story, a statistics release)."""

from __future__ import annotations

import pytest

from briefcmp.analysis import statnames


def _measures(text: str) -> set[tuple[str, ...]]:
    return {canon for _, _, canon, _ in statnames.find(text)}


@pytest.mark.parametrize("a, b", [
    ("GFCF +2.4% q/q in the third quarter", "gross fixed capital formation rose 2.4% in the third quarter"),
    ("investment in fixed assets grew 2.4 percent", "fixed investment expanded 2.4%"),
    ("GFCF: EUR 41.3bn", "gross fixed capital formation reached 41.3 billion euros"),
    ("investment in fixed capital was 3.1% lower", "capital spending fell 3.1%"),
])
def test_gross_fixed_capital_formation_by_its_abbreviation_and_its_assets(a: str, b: str) -> None:
    assert _measures(a) == _measures(b) == {("capex",)}


def test_public_investment_is_not_fixed_capital_formation_as_a_whole() -> None:
    assert not _measures("public investment rose 5%")
    assert _measures("foreign direct investment fell 2%") == {("fdi",)}  # a flow from abroad, its own measure
