"""What is measured, across wordings (issue 21, session 19): a gapped clause ("..., and exports of goods and
services by 4.3%") carries the left-out verb's direction. Sentences written for these tests, in three voices (a
statistics office's release, a wire story, a broker's note)."""

from __future__ import annotations

import pytest

from briefcmp.analysis.ellipsis import elision


def _elision(clause: str, figure: str) -> str:
    at = clause.index(figure)
    return elision(clause, (at, at + len(figure)))


@pytest.mark.parametrize("clause, figure", [
    (" and exports of goods and services by 4.3%", "4.3"),  # a statistics office's release: the noun's own "of"
    (" and government consumption by 1.2 percent", "1.2"),  # a modifier the stop list holds ("government")
    (" while imports by just 2.5%", "2.5"),  # a wire story: a word of degree after "by"
    (" and total opex by only 1%", "1"),  # a broker's note
])
def test_a_gapped_clause_keeps_its_noun_phrase_and_a_word_of_degree(clause: str, figure: str) -> None:
    assert _elision(clause, figure) == "gapped"  # the verb before it ("rose") is carried (ellipsis.carry)


@pytest.mark.parametrize("clause, figure", [
    ("just under the central bank's 2% goal", "2"),
    (" and well short of the 4% target", "4"),
    (" and investment just below 2.1%", "2.1"),
    (" and exports climbed 4.3%", "4.3"),  # a verb of its own: no gap
    (" electricity share of final energy 28%", "28"),  # a list's label: no "by", no verb left out
])
def test_a_comparison_a_label_or_a_clause_with_its_own_verb_is_no_gap(clause: str, figure: str) -> None:
    assert _elision(clause, figure) == ""


def test_a_release_s_gapped_components_take_the_verb_s_rise(tmp_path) -> None:
    from test_align_context import _by_value, _members

    text = ("Ruritania's economy grows 2.4% in the second quarter\nStatistics Office | 6 August 2025\n\n"
            "On the demand side, household consumption grew by 3.1 percent, exports of goods and services by "
            "5.7 percent and general government final consumption expenditure by 0.8 percent.\n")
    got = _by_value(_members(tmp_path, text))
    exports, state = got[5.7][0], got[0.8][0]
    assert {"export", "increase"} <= exports.words and exports.words_from
    assert {"govconsumption", "increase"} <= state.words
    assert "consumption" not in exports.words  # only the verb is carried, never the measure


def test_a_label_of_a_list_takes_no_verb_from_the_item_before(tmp_path) -> None:
    from test_align_context import _by_value, _members

    text = ("Ruritania's power use in 2024\nEnergy note | 6 August 2025\n\n"
            "- Ruritania: demand +4% in 2024; electricity share of final energy 31%\n")
    got = _by_value(_members(tmp_path, text))
    assert not got[31.0][0].words & {"increase", "decrease"}  # a share, not a rise


def _invest_members(root, text: str) -> list:
    from test_align_context import _members

    from briefcmp.analysis import ellipsis

    out = _members(root, text)
    ellipsis.fixed_investment(out)
    return out


def test_investment_beside_gdp_and_its_components_is_fixed_capital_formation(tmp_path) -> None:
    from test_align_context import _by_value

    text = ("Portugal's economy grows 2.4% in the second quarter\nWire | 6 August 2025\n\n"
            "Portugal's gross domestic product grew 2.4% on a year earlier. Household consumption rose 3.1%, "
            "and investment climbed 6.2%.\n")
    got = _by_value(_invest_members(tmp_path, text))
    assert {"capex", "increase"} <= got[6.2][0].words and "invest" not in got[6.2][0].words
    assert "capex" not in got[3.1][0].words


def test_investment_stays_itself_where_another_kind_of_investment_is_named(tmp_path) -> None:
    from test_align_context import _by_value

    text = ("Portugal: second-quarter GDP\nBroker note | 6 August 2025\n\n"
            "GDP +2.4% y/y. Household consumption +3.1%. Public investment fell 4%, and investment rose 6.2%.\n")
    got = _by_value(_invest_members(tmp_path, text))
    assert all("capex" not in m.words for ms in got.values() for m in ms)  # which investment: not told


def test_investment_outside_a_report_on_gdp_stays_itself(tmp_path) -> None:
    from test_align_context import _by_value

    text = ("Portugal's carmaker lifts spending\nMinistry of Industry | 6 August 2025\n\n"
            "The carmaker's investment rose 6.2% in the year, and its exports rose 3.1%.\n")
    got = _by_value(_invest_members(tmp_path, text))
    assert "capex" not in got[6.2][0].words
