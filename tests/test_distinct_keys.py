"""A listing of candidates never shows one key id for two different questions (session 15, a walk: one id
was proposed for five different candidate groups)."""

from __future__ import annotations

from briefcmp.analysis.align import AlignResult, Group
from briefcmp.analysis.keynames import distinct_new_keys


def group(key: str, new: bool = True) -> Group:
    return Group(key, new, "What is it?", "percent", [], "", False)


def test_candidates_proposing_one_name_get_distinct_names() -> None:
    result = AlignResult(groups=[group("nz-gdp-pct")],
                         candidates=[group("nz-decline-pct"), group("nz-decline-pct"), group("nz-gdp-pct"),
                                     group("nz-gdp-pct", new=False), group("nz-trade-2024"), group("nz-trade-2024")])
    distinct_new_keys(result, {"nz-registered": None})
    # (a candidate named as an applied key proposes to join it: its name stays)
    assert [g.key for g in result.candidates] == ["nz-decline-pct", "nz-decline-pct-2", "nz-gdp-pct", "nz-gdp-pct",
                                                  "nz-trade-2024", "nz-trade-2024-2"]


def test_a_third_proposal_skips_the_names_taken() -> None:
    result = AlignResult(candidates=[group("k"), group("k"), group("k-2"), group("k")])
    distinct_new_keys(result, {})
    assert [g.key for g in result.candidates] == ["k", "k-2", "k-2-2", "k-3"]
