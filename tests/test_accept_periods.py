"""A group a person accepts is keyed at the one period its agreeing figures share (analysis/acceptperiods.py):
a figure dated only by its brief's publication joins the quarter the others state when its value agrees, and
keeps its date when it differs (session 16, walk nz-gdp-2024q3's mixed as-of dates)."""

from __future__ import annotations

from briefcmp.analysis.acceptperiods import AGREED, reconciled
from briefcmp.analysis.align import Group, Member
from briefcmp.analysis.alignedit import as_of_changes, keyed_as_of
from briefcmp.analysis.align import AlignResult
from briefcmp.corpus.model import Claim, PartialDate, Period, Value


def member(brief: str, amount: float, period: str = "", how: str = "", as_of: Period | None = None,
           inferred: bool = False, quote: str = "", status: str = "draft") -> Member:
    c = Claim(id="c", brief=brief, quote=quote or f"Output per head shrank {amount}% in the quarter.",
              value=Value("quantity", amount=amount, unit="percent"), as_of=as_of, as_of_inferred=inferred,
              status=status, path=f"{brief}.claims.yaml", line=3)
    return Member(c, ("ruritania",), "title", "percent", "percent", frozenset({"head"}), {"head": "head"}, ("head",),
                  period=period, period_how=how)


DAY = Period(PartialDate(2025, 3, 14))
QUARTER = "2024-10/2024-12"


def group(*members: Member) -> Group:
    return Group("output-head", True, "How much did output per head change?", "percent", list(members), "why", False)


def test_an_undated_figure_that_agrees_takes_the_quarter_the_others_state() -> None:
    g = reconciled(group(member("gazette", 1.2, QUARTER, "stated"), member("courier", 1.2, as_of=DAY, inferred=True)))
    courier = g.members[1]
    assert courier.period == QUARTER and courier.period_how == AGREED
    assert keyed_as_of(courier) == QUARTER
    assert [(c.brief, p) for c, p, _ in as_of_changes(AlignResult(groups=[g]))] == [("gazette", QUARTER),
                                                                                    ("courier", QUARTER)]


def test_a_rounded_figure_agrees_too() -> None:
    g = reconciled(group(member("gazette", 1.23, QUARTER, "stated"), member("courier", 1.2, as_of=DAY, inferred=True)))
    assert g.members[1].period == QUARTER


def test_a_differing_figure_keeps_its_date() -> None:
    g = reconciled(group(member("gazette", 1.2, QUARTER, "stated"), member("courier", 0.4, as_of=DAY, inferred=True)))
    assert g.members[1].period == "" and keyed_as_of(g.members[1]) == ""


def test_two_stated_periods_leave_the_group_as_it_is() -> None:
    g0 = group(member("gazette", 1.2, QUARTER, "stated"), member("ledger", 1.2, "2024-07/2024-09", "stated"),
               member("courier", 1.2, as_of=DAY, inferred=True))
    assert reconciled(g0) is g0


def test_a_reviewed_claim_is_not_redated() -> None:
    g = reconciled(group(member("gazette", 1.2, QUARTER, "stated"),
                         member("courier", 1.2, as_of=DAY, inferred=True, status="reviewed")))
    assert g.members[1].period == ""


def test_a_stated_as_of_counts_as_the_period() -> None:
    stated = Period(PartialDate(2024, 10), PartialDate(2024, 12))
    g = reconciled(group(member("gazette", 1.2, as_of=stated), member("courier", 1.2)))
    assert g.members[1].period == QUARTER
