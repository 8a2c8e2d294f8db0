"""The measured thing when a figure's clause leaves it to its context or abbreviates it (issue 21):
lists and gapped clauses, a sentence's fronted topic, "output" in a GDP report, policy rates named by
their facility, company sales. Each new equivalence has a trap beside it. Fixture texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import align as A
from briefcmp.analysis import ellipsis
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import measured_words, word_match
from briefcmp.cli import app
from briefcmp.corpus.cache import load_corpus

runner = CliRunner()


def _members(root: Path, text: str) -> list:
    """One brief drafted from ``text`` (init -> annotate), described as align describes it."""
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    src = root / "sources" / "wire.txt"
    src.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["annotate", str(src), "-o", str(root / "wire.claims.yaml")])
    assert r.exit_code == 0, r.output
    corpus = load_corpus([root], cache=False).corpus
    ents = Entities(corpus.config)
    brief = corpus.briefs[0]
    ctx = A._Context(brief, ents)
    out, nth = [], {}
    for claim in brief.claims:
        if claim.value is None or claim.value.type not in A.FIGURE_TYPES:
            continue
        seen = (claim.span, claim.value.amount)
        m = A.describe(claim, ctx, ents, nth.get(seen, 0))
        nth[seen] = nth.get(seen, 0) + 1
        if m is not None:
            out.append(m)
    ellipsis.carry(out)
    ellipsis.national_accounts(out, brief.title or "")
    return out


def _by_value(members: list) -> dict[float, list]:
    out: dict[float, list] = {}
    for m in members:
        out.setdefault(m.claim.value.amount, []).append(m)
    return out


def test_a_gapped_clause_takes_the_change_word_and_base_of_the_figure_before(tmp_path) -> None:
    text = ("Brazil growth beats forecasts\nWire | 4 December 2024\n\n"
            "Household consumption rose 1.5% on the quarter and investment 2.1%, while farm output shrank 0.9%.\n")
    got = _by_value(_members(tmp_path, text))
    inv = got[2.1][0]
    assert {"increase", "qoq", "invest"} <= inv.words and inv.words_from
    assert "consumption" not in inv.words  # the measure is its own: only the verb and the base are carried
    assert {"decrease"} <= got[0.9][0].words and "increase" not in got[0.9][0].words


def test_a_bare_list_item_takes_the_measure_and_keeps_its_own_base_and_year(tmp_path) -> None:
    text = ("Staff projections\nCentral bank | 12 December 2024\n\n"
            "Staff see headline inflation averaging 2.4% in 2024, 2.1% in 2025, 1.9% in 2026 and 2.1% in 2027.\n\n"
            "The economy grew 0.9% on the quarter in the third quarter and 4.0% y/y.\n")
    got = _by_value(_members(tmp_path, text))
    assert all("inflation" in m.words for v in (2.4, 2.1, 1.9) for m in got[v])
    assert sorted(m.period for m in got[2.1]) == ["2025", "2027"]  # the same value twice: each its own year
    four = got[4.0][0]  # (a quarter's words leave "yoy" out: measure.py takes it as the default base)
    assert {"gdp", "increase"} <= four.words and "qoq" not in four.words and four.basis == "yoy"


@pytest.mark.parametrize("text, amount", [
    # a noun phrase of its own ("inflation of 4.5%") is no gapped clause: growth is not carried to it
    ("In October the bank projected growth of 7.2% for the year and inflation of 4.5%.", 4.5),
    # the level after "to" has no change word to carry
    ("Exports rose 5% to $10 billion and imports $8 billion.", 8.0),
    # a comparison is not a list item
    ("Inflation slipped to 1.9% in 2026, just under the bank's 2% goal.", 2.0),
])
def test_traps_nothing_carried_where_no_verb_was_left_out(tmp_path, text: str, amount: float) -> None:
    got = _by_value(_members(tmp_path, "Report\nWire | 4 December 2024\n\n" + text + "\n"))
    m = got[amount][0]
    assert not m.words & {"increase", "decrease"} and not m.words_from, m.words


def test_elision_kinds() -> None:
    def kind(clause: str, figure: str) -> str:
        i = clause.index(figure)
        return ellipsis.elision(clause, (i, i + len(figure)))
    assert kind("2.1% in 2025", "2.1") == "bare"
    assert kind("and 4.0% y/y", "4.0") == "bare"
    assert kind("investment 2.1%", "2.1") == "gapped"
    assert kind("and services by 6.3 percent", "6.3") == "gapped"
    assert kind("investment climbed 2.1%", "2.1") == ""
    assert kind("investment was 2.1%", "2.1") == ""
    assert kind("inflation of 4.5%", "4.5") == ""


def test_a_fronted_topic_names_the_measure(tmp_path) -> None:
    text = ("Projections\nCentral bank | 12 December 2024\n\n"
            "For inflation excluding energy and food, staff project 2.9% in 2024 and 2.3% in 2025.\n")
    got = _by_value(_members(tmp_path, text))
    assert {"core", "inflation"} <= got[2.9][0].words and {"core", "inflation"} <= got[2.3][0].words


def test_output_in_a_gdp_report_is_gdp_but_coal_output_is_not(tmp_path) -> None:
    gdp = _by_value(_members(tmp_path / "a", "Brazil GDP grows 0.9% in third quarter\nWire | 4 December 2024\n\n"
                                           "Against the same quarter of 2023, output was up 4%.\n"))
    assert "gdp" in gdp[4.0][0].words and "output" not in gdp[4.0][0].words
    coal = _by_value(_members(tmp_path / "b", "Coal output hits record\nWire | 4 April 2024\n\n"
                                            "India's economy grew 8%. Coal output rose 11%, and output was up 5% "
                                            "in March.\n"))
    assert "gdp" not in coal[5.0][0].words


def _w(text: str, figure: str, unit: str = "") -> frozenset[str]:
    i = text.index(figure)
    return measured_words(text, Entities(use_countries=False), unit, (i, i + len(figure)))[0]


@pytest.mark.parametrize("a, b", [
    ("the rate on the main refinancing operations 3.15%", "the refi rate falls to 3.15%"),
    ("banks will earn 3 percent on the deposit facility", "the deposit facility rate is 3 percent"),
    ("the standing deposit facility stays at 6.25 per cent", "SDF 6.25%"),
    ("lowered the cash reserve ratio to 4 per cent", "CRR cut to 4 per cent"),
    ("Consolidated sales totaled 759.69 billion", "consolidated revenue of 759.69 billion"),
    ("earnings per share came to 12.54", "EPS of 12.54"),
    ("inflation excluding food and energy was 2.7%", "core inflation was 2.7%"),
    ("On the expenditure side, household final consumption expenditure grew by 5.1 percent",
     "household spending grew 5.1 percent"),
    ("the size of the economy reached 476.3 billion", "the scale of the economy reached 476.3 billion"),
])
def test_one_measure_in_other_words(a: str, b: str) -> None:
    fa = next(t for t in a.replace("%", " ").split() if t[0].isdigit())
    fb = next(t for t in b.replace("%", " ").split() if t[0].isdigit())
    assert word_match(_w(a, fa), _w(b, fb)) == "sure", (_w(a, fa), _w(b, fb))


@pytest.mark.parametrize("a, b", [
    ("the deposit facility rate is 3.00%", "the main refinancing operations rate is 3.15%"),
    ("the main refinancing rate is 3.15%", "the marginal lending facility rate is 3.40%"),
    ("the cash reserve ratio is 4 per cent", "the repo rate is 6.5 per cent"),
    ("net sales were 12 billion", "net profit was 12 billion"),
    ("inflation excluding fresh food rose 2.9%", "inflation excluding food and energy rose 2.9%"),
    ("earnings per share rose to 12.54", "earnings per share rose 54%"),
    ("household consumption rose 1.5%", "government consumption rose 1.5%"),
])
def test_traps_near_measures_stay_apart(a: str, b: str) -> None:
    fa = next(t for t in a.replace("%", " ").split() if t[0].isdigit())
    fb = next(t for t in b.replace("%", " ").split() if t[0].isdigit())
    assert word_match(_w(a, fa), _w(b, fb)) != "sure", (_w(a, fa), _w(b, fb))


def test_a_level_after_to_in_a_prefixed_currency_and_growth_from_a_base() -> None:
    assert "increase" not in _w("Earnings per share rose to NT$12.54, from NT$8.14", "12.54")
    assert "increase" not in _w("Revenue climbed to R$3.0 trillion", "3.0")


def test_growth_from_a_base_is_growth_but_a_deficit_from_a_base_is_a_level(tmp_path) -> None:
    text = ("Report\nWire | 6 January 2025\n\n"
            "Vietnam's economic growth accelerated to 7.09% last year from 5.05% in 2023.\n\n"
            "Worries grew, and the government cut its deficit to 5.1% of GDP from 5.8% in 2023.\n")
    got = _by_value(_members(tmp_path, text))
    assert {"gdp", "increase"} <= got[5.05][0].words
    assert "decrease" not in got[5.8][0].words


def test_an_abbreviation_aside_ends_no_clause(tmp_path) -> None:
    text = ("Turkey inflation\nAgency | 4 November 2024\n\n"
            "The consumer price index (CPI, 2003=100) rose by 2.88% compared with the previous month.\n")
    m = _by_value(_members(tmp_path, text))[2.88][0]
    assert {"inflation", "mom"} <= m.words


def test_a_list_item_is_of_the_year_it_writes(tmp_path) -> None:
    text = ("Projections\nWire | 12 December 2024\n\n"
            "The economy is now seen expanding by 0.7% this year and by 1.1% in 2025.\n\n"
            "- Real GDP growth: 0.6% (2024), 1.2% (2025), 1.5% (2026).\n")
    got = _by_value(_members(tmp_path, text))
    assert got[1.1][0].period == "2025" and got[0.7][0].period == "2024"
    assert [got[v][0].period for v in (0.6, 1.2, 1.5)] == ["2024", "2025", "2026"]
    assert all({"gdp", "increase"} <= got[v][0].words for v in (1.1, 1.2, 1.5))


def test_a_clause_of_a_verb_and_the_figure_is_about_the_sentences_subject(tmp_path) -> None:
    text = ("Report\nWire | 4 December 2024\n\n"
            "Brazil's economy, measured by gross domestic product, expanded 0.9% in the third quarter.\n\n"
            "The main refinancing rate, which had stood at 3.40% since October, drops to 3.15%.\n\n"
            "Soybean production, with the harvest complete, is estimated at 169.5 million tonnes.\n")
    got = _by_value(_members(tmp_path, text))
    assert {"gdp", "increase"} <= got[0.9][0].words
    assert {"keyrate", "refi"} <= got[3.15][0].words and not got[3.15][0].words & {"increase", "decrease"}
    assert {"keyrate", "refi"} <= got[3.4][0].words
    assert {"soybean", "output"} <= got[169.5][0].words


@pytest.mark.parametrize("text, figure, direction", [
    ("GDP in the fourth quarter is estimated to be 7.55% above the same quarter of 2023", "7.55", "increase"),
    ("the index was 20.5% below its March 2022 peak", "20.5", "decrease"),
    ("inflation stayed above 2% all year", "2", None),  # a level above a threshold: no change
    ("- Best: investment +2.1% q/q", "2.1", None),  # (the plus sign is read in describe, below)
])
def test_a_comparative_after_the_figure_is_its_direction(text: str, figure: str, direction) -> None:
    words = _w(text, figure)
    assert (words & {"increase", "decrease"}) == ({direction} if direction else set()), words


def test_a_plus_sign_is_a_rise_but_a_plus_minus_range_is_not() -> None:
    assert ellipsis.signed_rise("- Best: investment +") and ellipsis.signed_rise("payrolls: +US$")
    assert not ellipsis.signed_rise("a margin of +/-") and not ellipsis.signed_rise("GDP ")


def test_a_list_of_quarters_gives_each_item_its_quarter(tmp_path) -> None:
    text = ("Vietnam GDP 2024\nAgency | 6 January 2025\n\n"
            "GDP grew 7.09% in 2024. Growth improved in every quarter of 2024: 5.98% in the first quarter, "
            "7.25% in the second, 7.43% in the third and 7.55% in the fourth.\n")
    got = _by_value(_members(tmp_path, text))
    assert [got[v][0].period for v in (5.98, 7.25, 7.43, 7.55)] == [
        "2024-01/2024-03", "2024-04/2024-06", "2024-07/2024-09", "2024-10/2024-12"]
    assert got[7.09][0].period == "2024"
    assert ellipsis.item_quarter("7.25% in the second") == 2 and ellipsis.item_quarter("in the first half") == 0


@pytest.mark.parametrize("clause, basis", [
    ("had an annual rate of 3.2%", "yoy"),  # a twelve-month rate
    ("down from an annual rate of 49.38%", "yoy"),
    ("grew at a 2.8% annual rate", "saar"),  # annualized
    ("grew at an annual rate of 2.8%", "saar"),
    ("expanded at a 2.8% annual pace", "saar"),
])
def test_an_annual_rate_of_is_twelve_months_but_at_an_annual_rate_is_annualized(clause: str, basis: str) -> None:
    from briefcmp.analysis.measure import _basis

    assert _basis(clause, clause, None, False) == basis


def test_a_measure_named_before_a_relative_aside(tmp_path) -> None:
    text = ("UK inflation\nOffice | 16 October 2024\n\n"
            "CPIH, which adds owner occupiers' housing costs to the CPI, had an annual rate of 2.6% in September 2024, "
            "against 3.1% in August.\n")
    got = _by_value(_members(tmp_path, text))
    assert {"cpih", "yoy"} <= got[2.6][0].words and {"cpih", "yoy"} <= got[3.1][0].words
    assert "housing" not in got[3.1][0].words  # the aside describes the measure: it is not the measure


def test_a_list_item_compared_with_a_relative_base_keeps_the_period_before(tmp_path) -> None:
    text = ("Turkey inflation\nAgency | 4 November 2024\n\n"
            "The consumer price index rose by 2.88% in October 2024 compared with the previous month and by "
            "48.58% compared with the same month of the previous year.\n\n"
            "The economy grew 0.7% in 2024 and is seen growing 1.1% next year.\n")
    got = _by_value(_members(tmp_path, text))
    assert got[48.58][0].period == "2024-10" and {"inflation", "yoy"} <= got[48.58][0].words
    assert got[1.1][0].period == "2025"  # no base: "next year" is its own period


def test_an_index_named_in_title_case_says_what_it_measures() -> None:
    assert {"cereal", "increase"} <= _w("The FAO Cereal Price Index rose 0.8 percent", "0.8")
    assert {"cereal", "increase"} <= _w("The cereal index added 0.8% on the month", "0.8")  # "added 0.8%": a rise
    assert {"oil", "vegetable"} <= _w("The FAO Vegetable Oil Price Index jumped 7.3 percent", "7.3")
    assert "increase" not in _w("Sales were 3 billion, he added", "3")  # a saying word, no figure after it


def test_over_the_same_month_alone_is_during_it() -> None:
    from briefcmp.analysis.measure import _basis

    s = "Over the same month the agency measured rises of 2.6 percent for sugar"
    assert _basis(s, s, None, False) == ""
    s = "Prices rose 5% over the same month a year earlier"
    assert _basis(s, s, None, False) == "yoy"


def test_a_comparative_after_the_figure_is_its_own_direction_not_the_clause_before_s(tmp_path) -> None:
    text = ("Dairy index slips\nWire | 8 November 2024\n\n"
            "Butter prices edged down by 0.4% from September; compared with October 2023 they were still 6.2% higher.\n")
    got = _by_value(_members(tmp_path, text))
    assert "decrease" in got[0.4][0].words
    assert "increase" in got[6.2][0].words and "decrease" not in got[6.2][0].words  # a rise, never the fall's key
