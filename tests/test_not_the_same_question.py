"""Issue 21, precision: what makes two figures not the same question (a base's own period, a clause's own
period, a release day, a forecast's period in a title, a quarter not over, an outcome against an outlook, a
change against a level, a figure in apposition to its own noun), each with the case it must not break.
Sentences written here."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from briefcmp.analysis import periods
from briefcmp.analysis.periodbases import year_before
from test_no_false_contradiction import _run


def _period(sentence: str, figure: str, published: date = date(2025, 3, 10)) -> str:
    a = sentence.index(figure)
    return periods.resolve(sentence, (a, a + len(figure)), published)[0]


def _words(clause: str, unit: str = "") -> frozenset[str]:
    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.measure import measured_words

    m = re.search(r"(?<![\w-])\d[\d,.]*", clause)
    return measured_words(clause, Entities(use_countries=False), unit, m.span() if m else None)[0]


# ----------------------------------------------------------------------------- a base's own period

@pytest.mark.parametrize("period, before", [
    ("2024", "2023"), ("2024-02/2025-01", "2023-02/2024-01"), ("2024-07/2024-09", "2023-07/2023-09"),
    ("2024-11", "2023-11"), ("", ""), ("-", ""), ("2024-11-03", "")])
def test_the_same_span_a_year_before(period: str, before: str) -> None:
    assert year_before(period) == before


def test_a_level_in_the_base_is_the_year_before_s() -> None:
    s = "Operating profit for the year to Feb. 28 rose 12% from 3.4 billion crowns the year before."
    assert _period(s, "12%") == "2024-03/2025-02"
    assert _period(s, "3.4") == "2023-03/2024-02"  # the twelve months before, not the calendar year 2024
    t = "Ticket sales rose 6% in 2024 from 81 million a year earlier."
    assert _period(t, "6%") == "2024"
    assert _period(t, "81") == "2023"


def test_a_change_s_base_a_year_earlier_dates_no_figure_after_it() -> None:
    s = "Output in the July-September quarter grew 3.1% from a year earlier, after 2.9% in the April-June period."
    assert _period(s, "3.1%", date(2024, 11, 5)) == "2024-07/2024-09"
    assert _period(s, "2.9%", date(2024, 11, 5)) == "2024-04/2024-06"


def test_a_year_earlier_outside_a_base_dates_nothing() -> None:
    assert _period("Ticket sales were 81 million a year ago.", "81") == ""
    assert _period("Ticket sales rose 6% from a year earlier to 86 million in 2024.", "6%") == "2024"


def test_the_year_to_the_end_of_a_month_is_twelve_months() -> None:
    s = "Group profit rose to 4.2 billion francs in the financial year to the end of June."
    assert _period(s, "4.2", date(2024, 8, 20)) == "2023-07/2024-06"
    assert _period("Sales fell 3% in the three months to the end of May.", "3%", date(2024, 6, 20)) == "2024-03/2024-05"


# ----------------------------------------------------------------------------- a clause's own period

def test_a_period_in_another_figure_s_clause_is_that_clause_s() -> None:
    s = ("Output beat the 2.6 per cent of the first estimate, though it slowed from the 3.9 per cent "
         "recorded in the second quarter.")
    assert _period(s, "2.6", date(2024, 11, 20)) == ""
    assert _period(s, "3.9", date(2024, 11, 20)) == "2024-04/2024-06"


def test_a_period_after_its_own_figure_across_no_figure_still_dates_it() -> None:
    s = "Output grew 3.9 per cent in the second quarter, though exports weakened."
    assert _period(s, "3.9", date(2024, 8, 20)) == "2024-04/2024-06"
    s = "The bank cut its rate to 2.25% on Wednesday, after holding it at 2.5% in March."
    assert _period(s, "2.25%", date(2025, 4, 18)) == "2025-04-16"
    assert _period(s, "2.5%", date(2025, 4, 18)) == "2025-03"


def test_a_concessive_clause_dates_no_figure_of_the_main_one() -> None:
    s = "Bookings rose to 8.2 per cent from 7.9 per cent, even though August is usually a quiet month."
    assert _period(s, "8.2", date(2024, 10, 20)) == ""
    assert _period("Bookings rose 8.2 per cent in August, even though prices rose.", "8.2", date(2024, 10, 20)) == "2024-08"


def test_the_day_a_figure_was_released_is_not_its_period() -> None:
    s = "Growth was 2.6 per cent in the first estimates released on 3 October."
    assert _period(s, "2.6", date(2024, 11, 20)) == ""
    assert _period("Growth was 2.6 per cent on 3 October.", "2.6", date(2024, 11, 20)) == "2024-10"


# ----------------------------------------------------------------------------- titles

def test_a_title_s_forecast_year_or_a_quarter_not_over_is_no_period_of_the_report() -> None:
    from briefcmp.analysis.titleperiods import title_period

    assert title_period("Ministry keeps 2026 growth forecast at 2%", date(2026, 2, 12)) == ""
    assert title_period("Quarterly note: strong Q2, outlook kept", date(2026, 5, 8)) == ""
    # the opposite: a forecast beaten in a year that is over, a quarter that is over
    assert title_period("Carmaker beats its 2025 profit forecast", date(2026, 2, 12)) == "2025"
    assert title_period("Chipmaker Q1 profit doubles", date(2026, 4, 20)) == "2026-01/2026-03"


# ----------------------------------------------------------------------------- words of the measure

def test_a_prefix_glued_by_a_hyphen_is_no_name() -> None:
    assert "non" in _words("- Non-food sales +3.1% y/y", "percent")
    assert "non" in _words("Non-food sales rose 3.1%", "percent")
    assert "non" in _words("- Non-food sales +3.1% y/y", "percent") - _words("- Food sales +3.1% y/y", "percent")
    assert "ostrava" not in _words("- Sales at Ostrava rose 3.1%", "percent")  # a name inside the clause


def test_a_count_with_more_or_fewer_is_a_change() -> None:
    assert {"increase"} <= _words("The region ended the year with 41,000 more jobs")
    assert {"decrease"} <= _words("The region ended the year with 41,000 fewer jobs")
    assert not _words("The region had 41,000 jobs") & {"increase", "decrease"}
    assert not _words("The region had more than 41,000 jobs") & {"increase", "decrease"}


def test_a_figure_in_apposition_belongs_to_the_noun_before_it() -> None:
    from briefcmp.analysis.clauses import appositive_figure

    before = "Road spending should reach 2.2 billion, while the rail renewal fund,"
    assert appositive_figure(" 600 million a year for two years,", (1, 12), before)
    # the opposite: the clause before states a figure of its own (a list), or the figure does not open its clause
    assert not appositive_figure(" 600 million a year,", (1, 12), "Road spending should reach 2.2 billion,")
    assert not appositive_figure(" up 600 million,", (4, 15), "while the rail renewal fund,")


def test_money_sent_abroad_is_no_money_sent_by_people_abroad() -> None:
    from briefcmp.analysis.grouping import veto

    out = _words("Transfers sent abroad by residents came to 410 million dollars")
    home = _words("Transfers sent by Peruvians abroad came to 4.1 billion dollars")
    assert "outflow" in out and "inflow" in home and veto(out, home)
    # the opposite: where the senders live names no measure, and two inflows stay one measure
    assert not _words("Peruvians living abroad sent 4.1 billion dollars home") & {"abroad", "outflow", "inflow"}
    assert not veto(home, _words("Transfers from abroad came to 4.1 billion dollars"))


def test_a_total_since_a_year_is_no_year_s_figure() -> None:
    from briefcmp.analysis.measure import multi_period

    assert multi_period("Since 2005 the vaccines have prevented 3.1 million deaths")
    assert multi_period("the fund has paid out 2 billion since 2019")
    assert multi_period("and 3.1 million deaths", "Since 2005 vaccines prevented 9 million cases and 3.1 million deaths")
    # the opposite: where a record run starts, and a plain year's figure
    assert not multi_period("exports rose 4%, their strongest gain since 2021")
    assert not multi_period("the jobless rate hit its highest level since 2016")
    assert not multi_period("deaths fell to 600,000 in 2023")


def test_an_outlook_for_a_fiscal_year_is_no_plan_adopted() -> None:
    from briefcmp.analysis.evidence import adopted

    assert not adopted("Outlook for fiscal 2026: the group expects earnings per share of 5.10 to 5.60 francs.")
    assert not adopted("Earnings before purchase price allocation effects will reach 2 francs a share.")
    # the opposite: a government's spending for a fiscal year, a budget's allocation, a deficit target
    assert adopted("The state will spend 3 trillion pesos on roads in the fiscal year starting in July.")
    assert adopted("The budget allocates 3 billion to schools and the ministry expects to hire 900 teachers.")
    assert adopted("the fiscal deficit will narrow to 3.1% of GDP")


# ----------------------------------------------------------------------------- revisions

_FLASH = ("Estonia's economy grows\n\nTALLINN, October 31, 2025 (Wire) - Estonia's gross domestic product grew 0.6% "
          "in the third quarter of 2025 from the previous quarter, according to a flash estimate.\n")
_NOTE = ("Estonia macro note\n\nAdvance estimates put Estonia's gross domestic product growth at 0.6% in the third "
         "quarter of 2025 from the previous quarter.\n")
_PLAIN_NOTE = ("Estonia macro note\n\nEstonia's gross domestic product grew 0.6% in the third quarter of 2025 from the "
               "previous quarter.\n")
_DETAIL = ("Estonia's growth revised\n\nTALLINN, December 3, 2025 (Wire) - Estonia's gross domestic product grew "
           "0.9% in the third quarter of 2025 from the previous quarter, the statistics office said in its detailed "
           "release.\n")


def _relations(root: Path, texts: dict[str, str]) -> list[dict]:
    return _run(root, texts)[0]  # init -> add -> align --apply -> compare


def test_an_undated_report_that_names_its_vintage_takes_its_side_of_a_revision(tmp_path: Path) -> None:
    relations = _relations(tmp_path / "c", {"flash": _FLASH, "note": _NOTE, "detail": _DETAIL})
    differing = [r for r in relations if r["kind"] in ("contradiction", "change-over-time")]
    assert differing and all(r["kind"] == "change-over-time" for r in differing)
    assert any("a revision, not a contradiction" in r["explanation"] for r in differing)


def test_an_undated_report_that_names_no_vintage_leaves_the_difference_unexplained(tmp_path: Path) -> None:
    relations = _relations(tmp_path / "c", {"flash": _FLASH, "note": _PLAIN_NOTE, "detail": _DETAIL})
    assert not any("a revision, not a contradiction" in r["explanation"] for r in relations)
