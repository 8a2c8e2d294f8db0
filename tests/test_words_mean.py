"""Words read for what they say before two figures' measured words are compared (lane words11).

A level reached ("up 9% to 5.9 billion", "has come down to 4.9%") has no direction, however the movement is
said; a base said in words ("compared with a year earlier", "compared with the second") is the base; prices
rising by a percentage are inflation; "capital outlay" is capital spending. And what must stay apart does:
a rise and a fall, a change and a level, exports and imports, a base against another.
"""

from __future__ import annotations

import pytest

from briefcmp.analysis import grouping
from briefcmp.analysis.changebasis import basis, basis_against
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import measured_words, word_match
from briefcmp.analysis.percentreading import prices_rising

_E = Entities(use_countries=False)


def _words(marked: str) -> frozenset[str]:
    """The measured words of a clause whose figure is written in brackets: "sales up 3% to [40] million"."""
    a, b = marked.index("["), marked.index("]")
    text = marked[:a] + marked[a + 1:b] + marked[b + 1:]
    return measured_words(text, _E, "", (a, b - 1))[0]


@pytest.mark.parametrize("clause", [
    "turnover up 6% to [812] million dollars",
    "the jobless rate up to [5.4]% in March",
    "net borrowing edges up to [31.5] billion",
    "the hourly minimum wage up 40 cents to [11.20] dollars",
    "shipments abroad expanded 3.1 percent on the year to [64.2] billion",
    "core inflation has come down to [2.6]%",
    "the plan is to bring the budget deficit down to [3.2] per cent of GDP",
    "a pledge to shrink the deficit to [2.9]% of output",
    "tourist arrivals rising 12 percent to [4.4] million",
])
def test_a_level_reached_has_no_direction_however_the_movement_is_said(clause: str) -> None:
    assert not _words(clause) & {"increase", "decrease"}, _words(clause)


@pytest.mark.parametrize("clause, direction", [
    ("turnover up [6]% to 812 million dollars", "increase"),
    ("shipments abroad expanded [3.1] percent on the year to 64.2 billion", "increase"),
    ("sales to Chile were up [5]% in the year to June", "increase"),
    ("exports rose [5]% to Chile", "increase"),
    ("the deficit fell [0.4] points to 3.2%", "decrease"),
])
def test_the_change_itself_keeps_its_direction(clause: str, direction: str) -> None:
    assert direction in _words(clause), _words(clause)


def test_a_level_reached_meets_the_level_written_plainly_and_never_the_change() -> None:
    level = _words("turnover up 6% to [812] million dollars")
    assert word_match(level, _words("turnover of [812] million dollars")) == "sure"
    assert word_match(_words("turnover up [6]% to 812 million dollars"), level) == ""
    assert word_match(_words("the jobless rate up to [5.4]% in March"), _words("a jobless rate of [5.4]%")) == "sure"


def _basis(sentence: str, figure: str) -> str:
    i = sentence.index(figure)
    return basis(sentence, sentence, (i, i + len(figure)), False)


@pytest.mark.parametrize("sentence, figure, tag", [
    ("Compared with a year earlier, household spending grew 2.7%.", "2.7", "yoy"),
    ("In the annual comparison, output grew 1.9%, the agency said.", "1.9", "yoy"),
    ("Orders were 4.1% higher than a year ago.", "4.1", "yoy"),
    ("Freight volumes rose 6% from year-earlier levels.", "6", "yoy"),
    ("Freight volumes rose 6% from the second estimate.", "6", ""),
    ("Freight volumes rose 6% in the year.", "6", "yoy"),  # (the weak hint, as before)
])
def test_bases_said_in_words(sentence: str, figure: str, tag: str) -> None:
    assert _basis(sentence, figure) == tag


@pytest.mark.parametrize("sentence, period, tag", [
    ("Output grew 0.7% in the second quarter compared with the first.", "2023-04/2023-06", "qoq"),
    ("Output grew 0.7% in the fourth quarter from the third quarter.", "2023-10/2023-12", "qoq"),
    # the same quarter named without a year: a year earlier or the same quarter's estimate, unsaid
    ("Output grew 0.7% in the fourth quarter compared with the fourth quarter.", "2023-10/2023-12", ""),
    ("Output grew 0.7% compared with the first.", "", ""),  # its own quarter unknown
    ("Output grew 0.7% compared with the second estimate.", "2023-07/2023-09", ""),
    ("Output grew 0.7% from the second quarter of 2022.", "2023-07/2023-09", "against 2022q2"),
])
def test_a_quarter_named_without_its_year_is_the_quarter_before_only_when_it_is(sentence, period, tag) -> None:
    assert basis_against(sentence, period) == tag


def test_prices_rising_are_inflation_and_a_fall_stays_as_said() -> None:
    words, order = prices_rising(frozenset({"food", "price", "increase", "yoy"}), ("food", "price", "increase", "yoy"))
    assert words == {"food", "inflation", "yoy"} and order == ("food", "inflation", "yoy")
    unstated = frozenset({"price", "increase"})  # over what stretch is unsaid: no twelve-month rate
    assert prices_rising(unstated, ("price", "increase"))[0] == unstated
    fall = frozenset({"price", "decrease", "mom"})
    assert prices_rising(fall, ("price", "decrease", "mom"))[0] == fall  # never a negative rate against a positive one
    ppi = frozenset({"ppi", "price", "increase", "yoy"})
    assert prices_rising(ppi, ("ppi", "price", "increase", "yoy"))[0] == ppi  # producer prices are their own index
    assert "inflation" in _words("prices of consumer goods and services rose [2.2]% year on year")


def test_capital_outlay_is_capital_spending() -> None:
    assert _words("capital outlay is budgeted at [9.8] billion") == _words("capital expenditure of [9.8] billion")


@pytest.mark.parametrize("a, b", [
    ("exports up 4% to [61] billion", "imports up 4% to [61] billion"),  # exports/imports
    ("spending up 2% to [410] billion", "revenue up 2% to [410] billion"),  # spending/revenue
    ("turnover up [6]%", "turnover down [6]%"),  # a rise is never a fall
    ("turnover up [6]%", "turnover up 6% to [812] million"),  # a change is never a level
])
def test_what_must_stay_apart_stays_apart(a: str, b: str) -> None:
    wa, wb = _words(a), _words(b)
    assert word_match(wa, wb) != "sure" and grouping.similarity(wa, wb) < grouping.JOIN, (wa, wb)


def test_a_percentage_against_a_base_is_a_change_and_a_positive_one_a_rise() -> None:
    from briefcmp.analysis.percentreading import based_change

    steady = frozenset({"consumption", "yoy"})  # "consumption was steady at 4.9% y/y"
    assert based_change(steady, ("consumption", "yoy"), 4.9)[0] == {"consumption", "yoy", "increase"}
    assert based_change(steady, ("consumption", "yoy"), -0.4)[0] == steady  # a sign is its own direction
    assert based_change(steady, ("consumption", "yoy"), 0.0)[0] == steady  # flat: no rise, no fall
    level = frozenset({"consumption"})  # no base: a level as much as a change
    assert based_change(level, ("consumption",), 4.9)[0] == level
    fell = frozenset({"consumption", "decrease", "qoq"})
    assert based_change(fell, ("consumption", "decrease", "qoq"), 1.1)[0] == fell  # a fall stays a fall
    for rate in ("unemployment", "inflation", "margin", "deficit"):  # a rate is no quantity that rises
        words = frozenset({rate, "yoy"})
        assert based_change(words, (rate, "yoy"), 4.1)[0] == words


def test_a_steady_rate_against_a_base_meets_the_rise_it_is(tmp_path) -> None:
    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()
    texts = {
        "a": "# Portugal's second quarter\n\nPublished 2 August 2024.\n\nPortugal's household consumption was "
             "steady at 4.9% y/y in the second quarter of 2024, the statistics office said. Exports slipped to "
             "2.1% y/y.\n",
        "b": "# Portugal's economy\n\nPublished 3 August 2024.\n\nIn Portugal, household consumption rose 4.9 percent "
             "year on year in the second quarter of 2024. Imports grew 2.1 percent from a year earlier.\n",
    }
    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["add", str(tmp_path / f"{name}.txt"), str(root), "--id", name]).exit_code in (0, 1)
    out = runner.invoke(app, ["align", str(root), "--apply"]).output
    block = out[out.index("household-consumption"):]
    assert "a#pct-4-9" in block.split("new key")[0] and "b#pct-4-9" in block.split("new key")[0], out
    keyed = [line for line in out.splitlines() if "#pct-2-1" in line]
    assert not keyed  # exports and imports of one value stay apart


def test_a_base_quarter_is_named_once_the_figure_s_own_quarter_is_known() -> None:
    from types import SimpleNamespace

    from briefcmp.analysis.changebasis import settle_bases, settled

    assert settled(frozenset({"gdp", "increase", "against 2024q2"}), "2024-07/2024-09") == {"against 2024q2": "qoq"}
    assert settled(frozenset({"gdp", "increase", "against 2023q3"}), "2024-07/2024-09") == {"against 2023q3": "yoy"}
    assert settled(frozenset({"gdp", "against 2023q1"}), "2024-07/2024-09") == {}  # another base: kept as written
    assert settled(frozenset({"gdp", "against 2024q2"}), "2024") == {}  # no quarter of its own
    m = SimpleNamespace(words=frozenset({"gdp", "increase", "against 2024q4"}), order=("gdp", "increase", "against 2024q4"),
                        shown={"gdp": "GDP", "increase": "growth", "against 2024q4": "against 2024q4"},
                        period="2025-01/2025-03", dated=True)
    settle_bases([m])
    assert m.words == {"gdp", "increase", "qoq"} and m.order == ("gdp", "increase", "qoq") and m.shown["qoq"] == "qoq"


def test_a_measure_no_table_names_as_a_quantity_is_left_as_written() -> None:
    from briefcmp.analysis.percentreading import based_change

    index = frozenset({"cpih", "yoy"})  # an index's own name, "an annual rate of 2.6%": no rise read into it
    assert based_change(index, ("cpih", "yoy"), 2.6)[0] == index



@pytest.mark.parametrize("sentence, clause, expected", [
    ("Without corrective action, the deficit would reach 6.8% of GDP next year.", "the deficit would reach 6.8% of GDP",
     True),
    ("Absent new measures, debt would have climbed to 119% of GDP.", "debt would have climbed to 119% of GDP", True),
    ("On unchanged policies the shortfall would widen to 5.2%.", "the shortfall would widen to 5.2%", True),
    ("The plan would cut the deficit to 4.9% of GDP.", "The plan would cut the deficit to 4.9% of GDP", False),
    ("Without corrective action the deficit would grow, so the plan cuts it to 4.9%.", "so the plan cuts it to 4.9%",
     False),
])
def test_what_would_be_without_action_is_a_scenario(sentence: str, clause: str, expected: bool) -> None:
    from briefcmp.analysis.percentreading import scenario

    assert scenario(sentence, clause) is expected


def test_a_scenario_never_meets_the_plan_s_figure() -> None:
    assert grouping.veto(frozenset({"deficit", "scenario"}), frozenset({"deficit"}))


def test_a_figure_written_as_a_word_takes_no_base_from_a_clause_of_other_figures() -> None:
    sentence = "Retail prices rose 3.9% on the year in May and were flat on the month."
    assert basis(sentence, sentence, None, False, word_figure=True) == ""
    assert basis(sentence, sentence, None, False) == "yoy"  # (a clause read alone, its figure in it: as before)
    alone = "Sales were little changed on a monthly basis."
    assert basis(alone, alone, None, False, word_figure=True) == "mom"
