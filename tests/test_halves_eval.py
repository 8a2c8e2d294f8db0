"""benchmarks/halves_eval.py groups the benchmark sets by the README that introduced them; halves_compare.py lists
what changed per set."""

from __future__ import annotations

from pathlib import Path

from test_bench_smoke import _module  # benchmarks/ modules, registered once

ROOT = Path(__file__).resolve().parent.parent


def test_every_dev_set_is_in_exactly_one_half() -> None:
    halves = _module("halves_eval").halves
    for family in ("lineup", "facts"):
        by_half = halves(ROOT, family, False)
        sets = [s.name for ss in by_half.values() for s in ss]
        assert len(sets) == len(set(sets))
        assert set(sets) == {p.parent.name for p in (ROOT / "benchmarks" / family / "dev").glob("*/gold.yaml")}
        assert "old" in by_half and any(h.startswith("s") and h[1:].isdigit() for h in by_half)
        assert list(halves(ROOT, family, True)) == ["test"]


def test_a_set_whose_counts_differ_is_listed_and_one_that_does_not_is_not() -> None:
    differences = _module("halves_compare").differences
    start = {"lineup": {"s2": [{"name": "a", "found": 1, "false_contradictions": []},
                               {"name": "b", "found": 2, "false_contradictions": []}]}}
    end = {"lineup": {"s2": [{"name": "a", "found": 2, "false_contradictions": ["x"]},
                             {"name": "b", "found": 2, "false_contradictions": []}]}}
    (line,) = differences(start, end)
    assert "a" in line.split() and "found 1->2" in line and "false_contradictions 0->1" in line
