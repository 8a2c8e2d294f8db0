"""analysis/onefact.py: one fact told apart by two applied groups becomes one key; a month's change is no
twelve-month rate; a figure of a period mostly after publication is no outcome (analysis/evidence.py)."""

from __future__ import annotations

from datetime import date

from briefcmp.analysis import evidence, grouping, onefact
from briefcmp.analysis.align import AlignResult, Group, Member
from briefcmp.corpus.model import Claim, Value

PUBLISHED = date(2024, 12, 4)
Q3 = "2024-07/2024-09"


def _member(brief: str, amount: float, ws: set[str], period: str = Q3, quote: str = "") -> Member:
    words = frozenset(ws)
    claim = Claim(id=f"pct-{amount}", brief=brief, quote=quote or f"household spending rose {amount}%", kind="fact",
                  value=Value("quantity", amount=amount, unit="percent"))
    return Member(claim, ("brazil",), "clause", "percent", "percent", words, {w: w for w in words},
                  tuple(sorted(words)), "brazil", period, "stated", PUBLISHED)


def _applied(key: str, members: list[Member]) -> Group:
    return Group(key, True, key, "percent", members, "", True, ("brazil",))


BARE = {"consumption", "increase"}
QOQ = {"consumption", "increase", "qoq"}


def test_two_groups_of_one_fact_become_one_key_when_the_base_is_stated_on_one_side_and_values_agree() -> None:
    bare = _applied("k-bare", [_member("agency", 1.5, BARE), _member("daily", 1.5, BARE)])
    qoq = _applied("k-qoq", [_member("wire", 1.5, QOQ), _member("digest", 1.5, QOQ)])
    result = AlignResult(groups=[bare, qoq])
    onefact.merge([], result)
    assert len(result.groups) == 1
    assert {m.claim.brief for m in result.groups[0].members} == {"agency", "daily", "wire", "digest"}
    assert all("qoq" in m.words for m in result.groups[0].members)  # the base read from the side stating it


def test_an_inferred_base_never_decides_a_contradiction() -> None:
    bare = _applied("k-bare", [_member("agency", 1.5, BARE), _member("daily", 1.5, BARE)])
    qoq = _applied("k-qoq", [_member("wire", 4.0, QOQ), _member("digest", 4.0, QOQ)])  # a year-on-year 4%?
    result = AlignResult(groups=[bare, qoq])
    onefact.merge([], result)
    assert len(result.groups) == 2


def test_groups_of_other_measures_or_periods_or_one_brief_stay_apart() -> None:
    cases = [
        [_member("wire", 1.5, {"investment", "increase"}), _member("digest", 1.5, {"investment", "increase"})],
        [_member("wire", 1.5, BARE, period="2024-04/2024-06"), _member("digest", 1.5, BARE, period="2024-04/2024-06")],
        [_member("agency", 1.5, BARE), _member("digest", 1.5, BARE)],  # the agency is in both
    ]
    for other in cases:
        first = _applied("k-a", [_member("agency", 1.5, BARE), _member("daily", 1.5, BARE)])
        result = AlignResult(groups=[first, _applied("k-b", other)])
        onefact.merge([], result)
        assert len(result.groups) == 2


def test_a_group_that_fits_two_others_is_left_alone() -> None:
    """One to one: three applied groups that each fit the other two are not guessed between."""
    groups = [_applied(f"k{i}", [_member(f"a{i}", 1.5, BARE), _member(f"b{i}", 1.5, BARE)]) for i in range(3)]
    result = AlignResult(groups=groups)
    onefact.merge([], result)
    assert len(result.groups) == 3


def test_a_lone_figure_of_the_measure_and_period_joins_the_one_group_it_fits() -> None:
    group = _applied("k", [_member("agency", 1.5, BARE), _member("daily", 1.5, BARE)])
    lone = _member("wire", 1.5, QOQ)
    other_period = _member("digest", 1.5, BARE, period="2024-04/2024-06")
    result = AlignResult(groups=[group])
    onefact.merge([lone, other_period], result)
    assert {m.claim.brief for m in result.groups[0].members} == {"agency", "daily", "wire"}


def test_a_lone_figure_whose_brief_has_two_that_fit_joins_nothing() -> None:
    group = _applied("k", [_member("agency", 1.5, {"spending"}), _member("daily", 1.5, {"spending"})])
    one, two = _member("wire", 1.5, {"spending"}), _member("wire", 1.7, {"spending"})
    two.claim = Claim(id="pct-1.7-b", brief="wire", quote="spending was 1.7%", kind="fact",
                      value=Value("quantity", amount=1.7, unit="percent"))
    result = AlignResult(groups=[group])
    onefact.merge([one, two], result)
    assert {m.claim.brief for m in result.groups[0].members} == {"agency", "daily"}


def test_a_change_on_the_month_is_no_rate_over_a_year() -> None:
    for month, year in (({"inflation", "mom"}, {"inflation", "annual"}), ({"inflation", "monthly"}, {"inflation", "yoy"})):
        assert grouping.veto(frozenset(month), frozenset(year))
        assert grouping.similarity(frozenset(month), frozenset(year)) == 0.0
    # the monthly report's twelve-month rate is a twelve-month rate
    assert not grouping.veto(frozenset({"inflation", "monthly", "yoy"}), frozenset({"inflation", "yoy"}))


def test_a_figure_of_a_period_mostly_after_publication_is_no_outcome() -> None:
    guidance = _member("wire", 5.0, BARE, period="2025", quote="Ebitda for 2025 is seen at 5 billion")
    guidance.published = date(2025, 2, 20)
    flash = _member("office", 2.3, BARE, period="2025-02", quote="Inflation was 2.3% in February")
    flash.published = date(2025, 2, 27)  # a flash estimate, published before the month ends
    budget = _member("ministry", 5.0, BARE, period="2025", quote="The budget allocates 5 billion for 2025")
    budget.published = date(2024, 12, 20)
    assert evidence.mostly_ahead(guidance)
    assert not evidence.mostly_ahead(flash) and not evidence.mostly_ahead(budget)
    outcome = _member("paper", 4.0, BARE, period="2024", quote="Ebitda was 4 billion in 2024")
    outcome.published = date(2025, 2, 21)
    ev = grouping.group_evidence([guidance, outcome])  # an outcome and the next year's guidance: no key
    assert not ev.sure() and "expectation" in ev.doubt()
    other = _member("paper", 5.0, BARE, period="2025", quote="Ebitda for 2025 is put at 5 billion")
    other.published = date(2025, 2, 21)  # two reports of one expectation: compared as they are
    assert "expectation" not in grouping.group_evidence([guidance, other]).doubt()


def test_a_quarter_or_year_that_ends_over_a_month_after_publication_is_no_outcome() -> None:
    """Less than half of the quarter is to come, but no quarter's outcome is out before it ends: its guidance."""
    cases = [  # (period, published, quote, ahead)
        ("2025-01/2025-03", date(2025, 2, 4), "Q1 guide: operating margin 11.5%", True),
        ("2026-04/2027-03", date(2026, 11, 12), "The company now sees an operating margin of 18% for the year", True),
        ("2025-07/2025-09", date(2025, 9, 12), "Third-quarter deliveries are tracking at 1.2 million", False),
        ("2024-10/2024-12", date(2025, 2, 4), "The margin was 32.2% in the fourth quarter", False),
        ("2025-04", date(2025, 2, 20), "Imports in April are expected at 4 billion", True),
        ("2025-03", date(2025, 2, 20), "Imports in March are expected at 4 billion", False),  # a month's grace
    ]
    for period, published, quote, ahead in cases:
        m = _member("wire", 11.5, BARE, period=period, quote=quote)
        m.published = published
        assert evidence.mostly_ahead(m) is ahead, quote
    guide = _member("note", 31.5, BARE, period="2025-01/2025-03", quote="Q1 guide: gross margin 31.5%")
    outcome = _member("note", 32.2, BARE, period="2024-10/2024-12", quote="Gross margin: 32.2% in Q4")
    for m in (guide, outcome):
        m.published = date(2025, 2, 4)
    ev = grouping.group_evidence([guide, outcome])  # the next quarter's guidance beside the quarter just reported
    assert not ev.sure() and "expectation" in ev.doubt()


def test_a_lone_figure_whose_brief_writes_another_of_the_measure_elsewhere_joins_nothing() -> None:
    """A brief's preliminary and final figures for one period: one of them keyed (in another unit, say) does not
    make the other its brief's only figure."""
    LEVEL = {"spending"}  # a level: figures that differ are compared
    group = _applied("k", [_member("agency", 1.5, LEVEL), _member("daily", 1.5, LEVEL)])
    final = _member("wire", 1.5, LEVEL)
    first = _member("wire", 1.4, LEVEL)
    first.claim = Claim(id="pct-1.4-first", brief="wire", quote="a first estimate put it at 1.4%", kind="fact",
                        value=Value("quantity", amount=1.4, unit="percent"))
    digest = _member("digest", 1.5, LEVEL)
    for m in (final, digest):  # the final figure keyed in its conversion: another bucket
        m.unit = m.dim = "USD"
    elsewhere = _applied("k-usd", [final, digest])
    result = AlignResult(groups=[group, elsewhere])
    onefact.merge([first, final], result)
    assert not any(m.claim.id == "pct-1.4-first" for g in result.groups for m in g.members)
    assert len(result.groups) == 2


def test_a_budgets_next_year_beside_the_year_still_running_is_no_outcome_against_guidance() -> None:
    """A budget published in February gives the coming fiscal year's estimate and the running year's revised one:
    neither is an outcome, and a key may hold both (a change)."""
    estimate = _member("office", 50.6, {"expenditure"}, period="2025-04/2026-03", quote="Total expenditure: Rs 50.65 lakh crore")
    running = _member("paper", 47.2, {"expenditure"}, period="2024-04/2025-03", quote="Spending this year: Rs 47.16 lakh crore")
    for m in (estimate, running):
        m.published = date(2025, 2, 1)
    assert evidence.mostly_ahead(estimate) and not evidence.ended(running)
    assert "expectation" not in grouping.group_evidence([estimate, running]).doubt()


def test_a_member_waiting_to_join_a_key_merged_away_waits_for_the_key_that_holds_it_now() -> None:
    bare = _applied("k-bare", [_member("agency", 1.5, BARE), _member("daily", 1.5, BARE)])
    qoq = _applied("k-qoq", [_member("wire", 1.5, QOQ), _member("digest", 1.5, QOQ)])
    waiting = Group("k-qoq", False, "k-qoq", "percent", [_member("paper", 1.5, QOQ, period="")], "", False,
                    ("brazil",), doubt="no stated period")
    result = AlignResult(groups=[bare, qoq], candidates=[waiting])
    onefact.merge([], result)
    assert [g.key for g in result.groups] == [c.key for c in result.candidates]
