"""analysis/statnames.py: how standard statistics are named, and measured words read through it
(lemmas, the catalogue's measures and qualifiers, reporting words out, traps kept apart)."""

from __future__ import annotations

import pytest

from briefcmp.analysis import evidence, grouping, lexicon, statnames
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import measured_words, norm_word


def words(text: str) -> frozenset[str]:
    return measured_words(text, Entities(), "")[0]


@pytest.mark.parametrize("a, b", [
    ("the jobless rate stood at 4.1%", "the unemployment rate was 4.1%"),
    ("the share of the labour force out of work was 6.5%", "the unemployment rate was 6.5%"),
    ("outbound shipments rose 3.2%", "exports increased 3.2%"),
    ("the CPI rose 2.4%", "consumer prices rose 2.4%"),
    ("headline inflation was 2.4%", "consumer price inflation was 2.4%"),
    ("the print for GDP growth came in at 5.05%", "GDP growth was 5.05%"),
    ("estimated services spending", "services spending estimates"),
    ("employers added 114,000 jobs", "nonfarm payrolls increased by 114,000"),
    ("factory output fell 0.3%", "industrial production fell 0.3%"),
    ("the total retail sales of consumer goods rose 7.2%", "retail sales rose 7.2%"),  # the NBS's name
    ("exports of goods and services rose 2%", "exports rose 2%"),
    ("an underlying cash balance deficit of $28.3 billion", "a budget deficit of $28.3 billion"),
    ("the CPI rose 1.6% y-o-y", "consumer prices rose 1.6% year on year"),
    ("core inflation excluding food and energy prices was 2%", "core CPI ex food & energy was 2%"),
    ("the fed funds rate was cut by 50 basis points", "the policy rate was cut by 50 basis points"),
    # company results as annual reports and brokers' notes abbreviate them
    ("profit after tax came to 2.2 billion", "FY PAT 2.2bn"),
    ("pre-tax profit was 3.1 billion", "PBT 3.1bn"),
    ("EBT of 3.1bn", "profit before taxes of 3.1 billion"),
    ("a dividend of 0.42 per share", "DPS 0.42"),
    ("free cash flow of 900 million", "FCF 900m"),
    ("operating expenses of 4.4 billion", "opex 4.4bn"),
    ("the seat load factor stood at 88%", "seat occupancy of 88%"),
])
def test_one_statistic_in_other_words(a: str, b: str) -> None:
    wa, wb = words(a), words(b)
    assert wa & statnames.measure_words() == wb & statnames.measure_words() != frozenset()
    assert grouping.similarity(wa, wb) == 1.0, (wa, wb)  # the same words, or but harmless ones ("headline")


@pytest.mark.parametrize("a, b", [
    ("outbound shipments rose 3.2%", "inbound shipments rose 3.2%"),  # exports / imports
    ("core inflation was 2.4%", "headline inflation was 2.4%"),
    ("services inflation eased to 4.0%", "consumer price inflation eased to 4.0%"),
    ("producer prices rose 1.2%", "consumer prices rose 1.2%"),
    ("the unemployment rate was 4.1%", "employment rose 4.1%"),
    ("exports rose 5%", "exports fell 5%"),
    ("GDP per capita grew 2%", "GDP grew 2%"),
    ("operating profit rose 8%", "net profit rose 8%"),
    ("prices rose 0.2% on a monthly basis", "prices rose 0.2% on a quarterly basis"),
    ("the youth unemployment rate was 13.5%", "the unemployment rate was 13.5%"),  # a part of the population
    ("women's employment rose 2%", "employment rose 2%"),
    ("pre-tax profit was 3.1 billion", "profit after tax was 3.1 billion"),  # before and after tax
    ("free cash flow of 900 million", "operating cash flow of 900 million"),
    ("operating expenses of 4.4 billion", "operating profit of 4.4 billion"),
])
def test_near_neighbours_stay_apart(a: str, b: str) -> None:
    wa, wb = words(a), words(b)
    assert wa != wb
    assert grouping.similarity(wa, wb) < grouping.JOIN or grouping.veto(wa, wb), (wa, wb)


def test_a_modifier_makes_another_measure_never_applied() -> None:
    wa, wb = words("tea exports rose 5%"), words("exports rose 5%")  # a part and its total
    assert "tea" in wa and grouping.similarity(wa, wb) < evidence.APPLY_THRESHOLD


def test_reporting_words_are_not_measured() -> None:
    assert words("the reading beat forecasts, data showed, and the figure was confirmed") <= {"forecast"}
    assert words("two-tenths of a percentage point") == frozenset()
    assert words("the office revised its figure, however, from minus 0.1") == frozenset()
    assert "print" not in words("the second-quarter print for GDP growth")


def test_the_rest_of_a_clause_counts_only_as_modifiers() -> None:
    # a catalogue measure is named: an outlet's verbs drop out, a modifier written beside it stays
    assert words("the GDP deflator rose 2%") == {"gdp", "deflator", "increase"}
    assert "tea" in words("exports of tea rose")
    assert "school" in words("spending on schools rose")
    assert "cpih" in words("CPIH, which adds housing costs to the CPI, had an annual rate of 2.6%")
    # an aside describes the measure; read alone, a relative clause does not name the clause's measure
    assert words("core inflation, which excludes food and energy, rose 3.3%") == {"core", "inflation"}
    assert {"housing", "owner"} <= words(" which adds owner occupiers' housing costs to the CPI")


def test_the_economy_as_the_subject_of_another_measure() -> None:
    assert words("the economy added 254,000 jobs") == {"employ", "increase"}
    assert words("the economy grew 2.8%") == {"gdp", "increase"}


def test_lemmas_not_crude_stems() -> None:
    assert norm_word("estimated") == norm_word("estimates") == "estimate"
    assert norm_word("services") == "service"
    assert norm_word("funding") == norm_word("funded") == "fund"
    assert norm_word("underlying") == "underlying"  # a qualifier, not the verb "underlie"
    assert lexicon.base("housing") == "house"


def test_catalogue_tables() -> None:
    found = statnames.find("the share of the labour force out of work and the jobless rate")
    assert [f[2] for f in found] == [("unemployment",), ("unemployment",)]
    assert statnames.find("the unemployment rate")[0][3] == "unemployment rate"  # longest wording first
    assert [q for _, _, q in statnames.qualifiers("core prices, monthly, per capita")] == ["core", "monthly", "capita"]
    assert {"gdp", "inflation", "export", "import", "keyrate"} <= statnames.measure_words()
    assert "core" in statnames.qualifier_words()
    assert statnames.shown("keyrate") == "policy rate"


def test_bases_written_with_hyphens() -> None:
    from briefcmp.analysis.measure import _basis
    assert _basis("rose by 1.6% y-o-y", "", None, False) == "yoy"
    assert _basis("grew 0.3% q-o-q", "", None, False) == "qoq"


def test_a_revision_is_not_a_fall() -> None:
    assert words("June's job gain was marked down sharply") == {"employ", "increase"}
    assert words("the payroll gain was revised lower") == {"employ", "increase"}


def test_a_clause_that_gives_the_level_reached(tmp_path) -> None:
    # ", to 4.3%": the level the clause before reached, not a change ("climbed") of 4.3%
    from briefcmp.analysis.align import describe
    from tests.test_align_whose import _brief_context

    text = ("Jobless rate rises again\nLabour Wire | 2 August 2024\n\n"
            "The unemployment rate in Chile climbed for a fourth straight month in July, to 8.7%. Chile's "
            "unemployment rate was 8.7% in July, the statistics office said.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    found = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 8.7]
    assert len(found) == 2 and all(m is not None for m in found)
    assert found[0].words == found[1].words == {"unemployment"}


def test_how_a_series_is_adjusted_is_not_what_it_measures() -> None:
    text = "GDP was 0.2% higher in price-adjusted terms"
    at = text.index("0.2")
    assert measured_words(text, Entities(), "", (at, at + 4))[0] == {"gdp", "increase"}  # "higher": a rise
    assert words("GDP adjusted for price and calendar effects grew 0.2%") == words("GDP grew 0.2%")
    assert words("GDP grew 0.2% after price, seasonal and calendar adjustment") == words("GDP grew 0.2%")
    assert words("GDP grew 0.2% in the quarter after price") == words("GDP grew 0.2%")  # a clause cut at a comma
    assert "trimmed" not in words("the fund trimmed its forecast")  # a verb, not the trimmed mean


def test_growth_forecast_is_the_economy_s() -> None:
    assert words("the bank forecast growth of 1.2%") == {"forecast", "gdp", "increase"}



def test_a_change_against_a_named_quarter() -> None:
    from briefcmp.analysis.measure import basis_against
    assert basis_against("GDP was 0.4% higher than in the 1st quarter of 2023", "2023-04/2023-06") == "qoq"
    assert basis_against("Compared with the second quarter of 2022, GDP grew 1.1%", "2023-04/2023-06") == "yoy"
    assert basis_against("GDP grew 0.1% compared with the 4th quarter of 2022", "2023-01/2023-03") == "qoq"
    # the figure's own quarter unknown: the base itself, so that two changes against two quarters stay apart
    assert basis_against("Compared with the 2nd quarter of 2022, GDP grew 1.1%", "") == "against 2022q2"
    assert basis_against("GDP grew 1.1% in 2023", "2023") == ""


def test_a_named_base_is_never_an_outlet_s_wording() -> None:
    from types import SimpleNamespace

    from briefcmp.analysis.measure import effective_words

    def member(brief: str, ws: set[str]):
        return SimpleNamespace(words=frozenset(ws), claim=SimpleNamespace(brief=brief))

    ms = [member("a", {"gdp", "increase", "against 2022q2"}), member("b", {"gdp", "increase"}),
          member("c", {"gdp", "increase", "print"})]
    eff = effective_words(ms)
    assert "against 2022q2" in eff[id(ms[0])]
    assert "print" not in eff[id(ms[2])]  # one outlet's own word
