"""benchmarks/lineup_ceiling.py: gold pairs by how readable they are without the value, and the tool's share."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_bench_smoke import _module  # benchmarks/ modules, registered once

_ALPHA = """Orchard output jumps in 2023

Valley Gazette | 9 February 2024

Pear exports from the valley rose 6.2 percent in 2023, the growers' board said on Thursday.

Cider sales fell 1.4 percent in 2023.
"""
_BETA = """Growers report a good year

Hill Radio | 9 February 2024

Pear exports climbed 6.2 percent last year, the board said.

Sales of cider were down 1.4 percent, it added.
"""
_GOLD = """event: a test event
relations:
  - kind: agreement
    note: pear exports rose 6.2 percent in 2023
    claims:
      - {source: alpha, quote: "Pear exports from the valley rose 6.2 percent in 2023"}
      - {source: beta, quote: "Pear exports climbed 6.2 percent last year"}
  - kind: agreement
    note: cider sales fell 1.4 percent in 2023
    claims:
      - {source: alpha, quote: "Cider sales fell 1.4 percent in 2023"}
      - {source: beta, quote: "Sales of cider were down 1.4 percent"}
traps: []
"""
_READABLE = """set: orchard
relations:
  - index: 0
    kind: agreement
    claims:
      - {source: alpha, quote: "Pear exports from the valley rose 6.2 percent in 2023", label: sentence, needs: []}
      - {source: beta, quote: "Pear exports climbed 6.2 percent last year", label: brief, needs: [subject, period]}
  - index: 1
    kind: agreement
    claims:
      - {source: alpha, quote: "Cider sales fell 1.4 percent in 2023", label: brief, needs: [subject]}
      - {source: beta, quote: "Sales of cider were down 1.4 percent", label: value, needs: [period]}
"""


def _set(tmp_path: Path, readable: str = _READABLE) -> Path:
    """The orchard set: two briefs, its gold and a reader's judgments of it."""
    folder = tmp_path / "sets" / "orchard"
    folder.mkdir(parents=True)
    files = {"alpha.txt": _ALPHA, "beta.txt": _BETA, "gold.yaml": _GOLD, "readable.yaml": readable}
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_load_keys_each_judgment_by_relation_and_quote(tmp_path) -> None:
    ceil = _module("lineup_ceiling")
    judged = ceil.load(_set(tmp_path))
    assert [[j.label for j in row] for row in judged] == [["sentence", "brief"], ["brief", "value"]]
    assert judged[0][1].needs == {"subject", "period"}


@pytest.mark.parametrize("change, message", [
    (("Cider sales fell 1.4 percent in 2023", "Cider sales fell in 2023"), "does not match gold"),
    (("label: value", "label: maybe"), "label 'maybe'"),
    (("needs: [period]", "needs: [mood]"), "needs ['mood']"),
    (("index: 1", "index: 7"), "expected index 1"),
])
def test_a_file_that_does_not_fit_gold_says_where(tmp_path, change, message) -> None:
    ceil = _module("lineup_ceiling")
    folder = _set(tmp_path, _READABLE.replace(*change))
    with pytest.raises(ceil.ReadableError) as exc:
        ceil.load(folder)
    text = str(exc.value)
    assert text.startswith(f"{folder / 'readable.yaml'}:") and message in text
    line = int(text.split(":")[1])
    assert line > 1  # the line of the relation or claim at fault, not a default


def test_classes_are_cumulative_and_a_pair_is_as_readable_as_its_worse_claim() -> None:
    ceil = _module("lineup_ceiling")
    J = ceil.Judged
    assert ceil._worst([J("sentence", frozenset()), J("brief", frozenset({"period"}))]) == ("brief", {"period"})
    items = [ceil.Item("sentence", frozenset(), True), ceil.Item("brief", frozenset({"subject"}), False),
             ceil.Item("brief", frozenset({"period"}), True), ceil.Item("fellow", frozenset(), False),
             ceil.Item("value", frozenset(), False), ceil.Item("gold", frozenset(), True)]
    items.append(ceil.Item("brief", frozenset({"basis"}), True))
    assert ceil.tally(items) == {"sentence": (1, 1), "+subject": (1, 2), "brief": (3, 4), "reach": (3, 5),
                                 "strict": (2, 4)}


def test_the_tool_is_scored_within_each_class(tmp_path) -> None:
    ceil = _module("lineup_ceiling")
    got = ceil.ceiling(_set(tmp_path), tmp_path / "work", where=True)
    assert got.errors == []  # the counts agree with lineup_eval.score_set, lineup_pairs lines up
    assert [(r.worst, r.needs) for r in got.relations] == [("brief", {"subject", "period"}),
                                                             ("value", {"subject", "period"})]
    assert len(got.pairs) == 2 and all(p.where for p in got.pairs)
    assert [p.found for p in got.pairs] == [r.found for r in got.relations]  # one pair per relation here
    out = ceil.report([got])
    assert "orchard" in out and "claims by label: sentence 1, brief 2, value 1" in out
    data = ceil.as_json([got])
    assert data["pairs"]["reach"]["total"] == 1 and data["pairs"]["brief"]["total"] == 1
    assert data["pairs"]["sentence"]["total"] == 0


def test_main_check_and_bad_input(tmp_path, capsys) -> None:
    ceil = _module("lineup_ceiling")
    folder = _set(tmp_path)
    assert ceil.main([str(folder), "--check"]) == 0
    assert "1 sets, 2 relations, 4 claims judged" in capsys.readouterr().out
    assert ceil.main([str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'nowhere' / 'readable.yaml'}:1:1: ")
    (folder / "readable.yaml").write_text("relations:\n  - index: 0\n    claims: [\n", encoding="utf-8")
    assert ceil.main([str(folder), "--check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{folder / 'readable.yaml'}:") and "invalid YAML" in err and "Traceback" not in err


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_text_is_read_or_refused_with_a_place(tmp_path, text) -> None:
    ceil = _module("lineup_ceiling")
    folder = tmp_path / "h" / "orchard"
    if not folder.exists():
        _set(tmp_path / "h0")
        folder.parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "h0" / "sets" / "orchard").rename(folder)
    (folder / "readable.yaml").write_text(text, encoding="utf-8")
    try:
        ceil.load(folder)
    except ceil.ReadableError as exc:
        where = str(exc).split(": ", 1)[0]
        assert where.startswith(str(folder)) and where.rsplit(":", 2)[1].isdigit()


def test_the_judged_benchmark_sets_fit_their_gold() -> None:
    ceil = _module("lineup_ceiling")
    folders = ceil.folders_for([])
    assert folders, "benchmarks/lineup/dev holds judged sets"
    for folder in folders:
        judged = ceil.load(folder)
        assert all(row for row in judged), folder


def test_a_half_is_the_judged_sets_its_readme_lists() -> None:
    ceil = _module("lineup_ceiling")
    s12 = ceil.folders_for([], "s12")
    assert len(s12) == 8 and all((f / "readable.yaml").is_file() for f in s12)
    assert set(s12) <= set(ceil.folders_for([]))
    assert ceil.folders_for([], "no-such-half") == []
    assert ceil.main(["--half", "no-such-half", "--check"]) == 2
