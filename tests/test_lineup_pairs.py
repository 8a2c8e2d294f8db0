"""benchmarks/lineup_pairs.py: where the gold pairs of a set end after align, and their first difference."""

from __future__ import annotations

from pathlib import Path

from test_bench_smoke import _module  # benchmarks/ modules, registered once

_ALPHA = """Norway's salmon exports climb in 2023

Fjord Daily | 12 January 2024

Norway's salmon exports rose 9.1 percent in 2023 to 120.4 billion crowns, the seafood council said on Friday.

Imports of feed fell 3.3 percent in 2023.
"""
_BETA = """Salmon sales abroad hit a record

Coastal Wire | 12 January 2024

Norway's salmon exports rose 9.1 percent in 2023, according to the seafood council.

Feed purchases from abroad declined by 3.3 percent in 2023.
"""
_GOLD = """event: a test event
relations:
  - kind: agreement
    note: salmon exports rose 9.1 percent
    claims:
      - {source: alpha, quote: "Norway's salmon exports rose 9.1 percent in 2023"}
      - {source: beta, quote: "Norway's salmon exports rose 9.1 percent in 2023"}
  - kind: agreement
    note: a quote with no figure is drafted as none
    claims:
      - {source: alpha, quote: "the seafood council said on Friday"}
      - {source: beta, quote: "according to the seafood council"}
traps: []
"""


def _set(tmp_path: Path) -> Path:
    folder = tmp_path / "sets" / "salmon"
    folder.mkdir(parents=True)
    (folder / "alpha.txt").write_text(_ALPHA, encoding="utf-8")
    (folder / "beta.txt").write_text(_BETA, encoding="utf-8")
    (folder / "gold.yaml").write_text(_GOLD, encoding="utf-8")
    return folder


def test_pairs_say_where_each_gold_pair_ended(tmp_path) -> None:
    pairs = _module("lineup_pairs")
    rows = pairs.pairs_of(_set(tmp_path), tmp_path / "work")
    assert [r["where"] for r in rows] == ["applied", "not drafted"]
    assert rows[0]["diff"] == "" and rows[1]["diff"] == ""
    assert all(r["where"] in pairs.ORDER for r in rows)


def test_main_prints_the_counts(tmp_path, capsys) -> None:
    pairs = _module("lineup_pairs")
    assert pairs.main([str(_set(tmp_path)), "--words"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("2 gold pairs: applied 1, candidate 0, apart 0, one grouped 0, neither grouped 0, "
                          "not drafted 1")
    assert pairs.main([str(tmp_path / "nothing-here")]) == 2


def test_first_difference_in_grouping_order() -> None:
    from briefcmp.analysis.align import Member
    from briefcmp.corpus.model import Claim, Value

    pairs = _module("lineup_pairs")

    def member(words: str, subject: str = "norway", unit: str = "percent", period: str = "2023",
               kind: str = "fact") -> Member:
        claim = Claim(brief="b", id="x", quote="a quote", kind=kind, value=Value("quantity", amount=1.0, unit=unit))
        ws = frozenset(words.split())
        return Member(claim, (subject,), "clause", unit, unit, ws, {}, tuple(sorted(ws)), subject, period, "stated")

    a = member("salmon export increase")
    assert pairs.first_difference(a, member("salmon export increase", subject="chile"))[0] == "subject"
    assert pairs.first_difference(a, member("salmon export increase", unit="USD"))[0] == "unit"
    assert pairs.first_difference(a, member("feed import decrease")) == (
        "words none", "export increase salmon / decrease feed import")
    assert pairs.first_difference(a, member("salmon export increase", period="2022"))[0] == "period"
    assert pairs.first_difference(a, member("salmon export increase", kind="forecast"))[0] == "kind"
    assert pairs.first_difference(a, member("salmon export increase")) == ("same", "- / -")
    # units of one physical dimension share grouping's bucket ("kt" and "tonnes" convert): no unit difference
    heavy = member("salmon export", unit="tonnes")
    heavy.dim = "mass"
    light = member("salmon export", unit="kt")
    light.dim = "mass"
    assert pairs.first_difference(heavy, light)[0] == "same"


def test_a_quote_writing_two_figures_names_the_one_its_relation_means() -> None:
    match = _module("lineup_match")
    values = {"a:pct": {"amount": 16, "unit": "percent"}, "a:usd": {"amount": 14.4, "scale": "billion", "unit": "USD"},
              "b:usd": {"amount": 14400, "scale": "million", "unit": "USD"},
              "c:pct": {"amount": 16, "unit": "percent"}, "c:usd": {"amount": 14.4, "scale": "billion", "unit": "USD"}}
    # "fell 16% to $14.4 billion" against "revenue of $14,400 million": the amount
    assert match.meant([{"a:pct", "a:usd"}, {"b:usd"}], values) == [{"a:usd"}, {"b:usd"}]
    # two quotes that both write both figures, and a third the amount: still the amount
    assert match.meant([{"a:pct", "a:usd"}, {"c:pct", "c:usd"}, {"b:usd"}], values) == [{"a:usd"}, {"c:usd"}, {"b:usd"}]
    # a change: values differ, the unit its partners share decides ("up 2 points to 14%" against "from 12%")
    values |= {"d:pp": {"amount": 2, "unit": "percentage-points"}, "d:pct": {"amount": 14, "unit": "percent"},
               "e:pct": {"amount": 12, "unit": "percent"}}
    assert match.meant([{"d:pp", "d:pct"}, {"e:pct"}], values) == [{"d:pct"}, {"e:pct"}]
    assert match.meant([{"a:pct"}, set()], values) == [{"a:pct"}, set()]  # one figure, or none: as matched
    # a contradiction sets two values apart: equal amounts say nothing, the classes both quotes write tie
    values |= {"f:pct": {"amount": 24, "unit": "percent"}, "f:usd": {"amount": 14.4, "scale": "billion", "unit": "USD"}}
    assert match.meant([{"f:pct", "f:usd"}, {"a:pct", "a:usd"}], values, by_value=False) == [
        {"f:pct", "f:usd"}, {"a:pct", "a:usd"}]
    assert match.unit_class({"amount": 5, "unit": "kt"}) == match.unit_class({"amount": 5, "unit": "tonnes"})
    assert match.unit_class({"amount": 25, "unit": "bps"}) == ("percentage-points", "percentage-points")


def test_a_hundredth_of_a_currency_writes_its_value() -> None:
    match = _module("lineup_match")
    assert match.value_written_in({"amount": 2.25, "unit": "USD"}, "a final dividend of 225 US cents a share")
    assert match.value_written_in({"amount": 0.3, "unit": "EUR"}, "keeping its dividend at 30 cents")
    assert not match.value_written_in({"amount": 0.3, "unit": "EUR"}, "keeping its dividend at 30 cents", subunits=False)
    assert not match.value_written_in({"amount": 2.25, "unit": "USD"}, "a payout to 225 shareholders")
