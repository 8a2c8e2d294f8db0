"""A figure whose clause names no measure of its own (issue 21): a comparison after a figure ("..., 9% more
than in 2023"), a change noun ("an annual decrease of 4.9%"), a change in parentheses ("(+1.2%)"), a pronoun
("when it stood at ..."), an anaphor of the sentence before ("They were ...", "The increase of ..."), and an
outcome set against expectations ("rose more than expected to 4.7%"). Each with cases that must not change:
a figure with words of its own keeps them. Fixture texts written here."""

from __future__ import annotations

import pytest

from briefcmp.analysis import ellipsis, figurecontext, figurerole
from test_align_context import _by_value, _members

_HEAD = "Lakeland results\nWire | 4 December 2024\n\n"


def _words(tmp_path, body: str) -> dict[float, list[frozenset]]:
    return {v: [m.words for m in ms] for v, ms in _by_value(_members(tmp_path, _HEAD + body + "\n")).items()}


@pytest.mark.parametrize("body, amount, want", [
    # a comparison right after the figure: the change of what the clause before measures
    ("Lakeland posted a net profit of 412 million euros, 9% more than in the year before.", 9.0, {"profit", "increase"}),
    ("Deep-draft transits totalled 8,120, 17% fewer than in the previous fiscal year.", 17.0, {"transit", "decrease"}),
    # a change noun with its base words, a change noun after the figure
    ("Lakeland's revenues reached $2,310 million, a year-on-year increase of 6.2%.", 6.2, {"revenue", "increase"}),
    ("Inflows of remittances amounted to $3,114 million, an annual decrease of 2.6%.", 2.6, {"remittance", "decrease"}),
    ("Net profit was $512 million, an 8.3 per cent rise from $473 million a year ago.", 8.3, {"profit", "increase"}),
    # a change alone in parentheses after a labelled figure
    ("Revenue: $3.25bn (+4%), $90m ahead of budget.", 4.0, {"revenue", "increase"}),
    ("Exports: US$61.2bn (+7.7%); imports US$58.0bn.", 7.7, {"export", "increase"}),
    # a pronoun: the level of what the clause before measures (its change word is not the level's)
    ("Revenue rose 6% from the previous quarter, when it stood at $41.5 billion.", 41.5, {"revenue"}),
])
def test_a_clause_with_no_measure_takes_the_clause_befores(tmp_path, body, amount, want) -> None:
    words = _words(tmp_path, body)[amount]
    assert any(want <= w for w in words), words
    if "increase" not in want and "decrease" not in want:
        assert all(not w & {"increase", "decrease"} for w in words)  # a level, not the change before it


def test_the_level_after_when_it_is_no_change(tmp_path) -> None:
    got = _words(tmp_path, "Copper output reached 4.1 million tons, 3.2% more than in 2023, when it fell to "
                           "3.97 million tons.")
    assert {"increase"} <= got[3.2][0] and len(got[3.2][0]) >= 2
    assert got[3.97][0] and not got[3.97][0] & {"increase", "decrease"}


@pytest.mark.parametrize("body, amount, want", [
    ("Remittances reached $21.7 billion in 2024. That is 4% more than in 2023.", 4.0, {"remittance", "increase"}),
    ("Average hourly wages rose 9 cents in May. They were 3.1 percent higher than a year earlier.", 3.1,
     {"wage", "increase"}),
    ("The population grew to 48 million. The increase of 11.2% was driven by migration.", 11.2,
     {"population", "increase"}),
])
def test_an_anaphor_takes_the_sentence_befores_measure_and_keeps_its_change(tmp_path, body, amount, want) -> None:
    words = _words(tmp_path, body)[amount]
    assert any(want <= w for w in words), words


@pytest.mark.parametrize("body, amount, own", [
    # two measures in one sentence, each with its own words: neither takes the other's
    ("Exports rose 4.2%, while imports fell 1.3%.", 1.3, {"import", "decrease"}),
    ("Net profit rose 12% to EUR 2.1bn, and revenue was 3% higher than in 2023.", 3.0, {"revenue", "increase"}),
    # a change and its level: "up 3% to 4.7%" stays a change and a level
    ("The unemployment rate rose 0.3 points to 4.7%.", 4.7, {"unemployment"}),
    ("Sales were up 3% to EUR 4.7bn.", 3.0, {"revenue", "increase"}),
])
def test_a_figure_with_words_of_its_own_keeps_them(tmp_path, body, amount, own) -> None:
    words = _words(tmp_path, body)[amount]
    assert any(own <= w for w in words), words
    if amount == 1.3:
        assert all("export" not in w and "increase" not in w for w in words)
    if amount == 3.0:
        assert all("profit" not in w for w in words)
    if amount == 4.7:
        assert all(not w & {"increase", "decrease"} for w in words)


def test_a_margin_of_error_is_no_list_item(tmp_path) -> None:
    got = _words(tmp_path, "Retail sales were $612.3 billion, an increase of 0.7 percent (±0.5 percent) from the "
                           "previous month.")
    assert any({"revenue", "increase"} <= w or {"retail", "increase"} <= w for w in got[0.7])
    assert all("increase" not in w and "revenue" not in w for w in got[0.5])
    assert ellipsis.elision("±0.5 percent", (1, 4)) == ""


def test_a_comparison_base_year_is_no_list_items_year() -> None:
    assert ellipsis.item_year("and 12.4% more than in 2019") == ""
    assert ellipsis.item_year("2.1% in 2025") == "2025"


@pytest.mark.parametrize("text, kept", [
    ("Inflation rose more than expected to 4.7% in November.", "Inflation rose"),
    ("GDP grew a faster-than-expected 0.8% in the quarter.", "GDP grew a"),
    ("Retail sales rose 1.2%, beating analysts' forecasts.", "Retail sales rose 1.2%,"),
    ("GDP grew 0.5% in the third quarter, in line with the consensus.", "GDP grew 0.5% in the third quarter,"),
    ("Exports rose 6%, as economists had expected.", "Exports rose 6%,"),
])
def test_an_outcome_against_expectations_is_no_forecast(tmp_path, text, kept) -> None:
    blanked = figurerole.blank_against_expectations(text)
    assert len(blanked) == len(text) and blanked.startswith(kept)
    assert not any(w in blanked for w in ("expected", "forecasts", "consensus"))
    words = _words(tmp_path, text)
    assert all("forecast" not in w for ws in words.values() for w in ws)


@pytest.mark.parametrize("text", [
    "The bank expects inflation of 2.5% next year.",
    "Analysts forecast growth of 2%.",
    "Growth came in at 1.1%, above forecasts of 0.9%.",  # the forecast holds its own figure: governed_expectations'
])
def test_an_expectation_of_a_figure_stays(text) -> None:
    assert figurerole.blank_against_expectations(text) == text


@pytest.mark.parametrize("clause, fig, upto, want", [
    ("9% more than in 2023", (0, 2), "Profit was $4bn, 9% more than in 2023", True),
    ("an annual decrease of 4.9%", (22, 26), "X, an annual decrease of 4.9%", True),
    ("+1%", (0, 3), "Revenue: $4.9bn (+1%", True),
    ("when it stood at $74bn", (17, 22), "Revenue rose 7%, when it stood at $74bn", True),
    ("imports fell 3%", (13, 15), "Exports rose 5%, imports fell 3%", False),  # a measure of its own: not asked
    ("±0.5 percent", (1, 4), "an increase of 0.4 percent (±0.5 percent", False),
    ("5%", (0, 2), "Exports rose 5%", False),  # no clause before to compare with
])
def test_which_clauses_name_no_measure_of_their_own(clause, fig, upto, want) -> None:
    assert figurecontext._no_measure_of_its_own(clause, fig, upto) is want


def test_a_gapped_sentence_takes_the_change_word_of_the_sentence_before(tmp_path) -> None:
    got = _words(tmp_path, "Shipments abroad fell 2.4% in October.\n\nImports, 1.9%.")
    assert {"import", "decrease"} <= got[1.9][0] and "export" not in got[1.9][0]


def test_a_gapped_sentence_after_two_directions_takes_none(tmp_path) -> None:
    got = _words(tmp_path, "Exports rose 2.2% and imports fell 0.7%.\n\nServices, 0.3%.")
    assert not got[0.3][0] & {"increase", "decrease"}


def test_a_bulleted_label_names_its_figures(tmp_path) -> None:
    got = _words(tmp_path, "Highlights:\n\n- Jobless: -3.4k q/q to 1.62mn\n- Buyback: EUR0.8bn for 2025.\n"
                           "- Revenue rose 4% to EUR 2bn.")
    assert "unemployment" in got[1.62][0] and "buyback" in got[0.8][0]
    assert {"revenue", "increase"} <= got[4.0][0]
