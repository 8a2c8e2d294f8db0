"""Figures in terse market and agency copy that drafting used to miss: units abbreviated as the text
itself defines them ("million bushels (mb)", then "Exports -25 mb"), the trade's standard
abbreviations ("304.1 mmt"). Every text here is written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus import sentences as S
from briefcmp.corpus.model import PartialDate
from briefcmp.corpus.units import comparable
from briefcmp.drafting.definedunits import DefinedUnits, abbreviates
from briefcmp.drafting.figures import find_figures


def values(text):
    prep = S.prepare(text)
    return [(f.phrase(prep.text), f.value.amount, f.value.scale, f.value.unit)
            for f in find_figures(prep.text, published=PartialDate(2024, 11, 12)) if f.kind != "date"]


# --------------------------------------------------------------------------- defined abbreviations

CROP_REPORT = """Soybean outlook trimmed on weaker exports

Chicago, Nov 12 - The agency cut its estimate of U.S. soybean exports to 1.825 billion bushels (bb) in its
monthly report, and left the crop at 4.461 bb. Ending stocks were raised to 470 million bushels (mb).

Changes from October: exports -25 mb; crush -15 mb to 2.410 bb (Oct 2.425 bb); seed and residual +3 mb.
"""


def test_a_crop_report_writes_its_figures_in_the_units_it_defined() -> None:
    got = values(CROP_REPORT)
    assert ("1.825 billion bushels", 1.825, "billion", "bushels") in got
    assert ("4.461 bb", 4.461, "billion", "bushels") in got
    assert ("-25 mb", -25.0, "million", "bushels") in got
    assert ("-15 mb", -15.0, "million", "bushels") in got
    assert ("2.410 bb", 2.41, "billion", "bushels") in got
    assert ("2.425 bb", 2.425, "billion", "bushels") in got
    assert ("3 mb", 3.0, "million", "bushels") in got


def test_the_short_form_may_come_first() -> None:
    text = ("Cotton: bales here are 480-pound bales; mb (million bales) is used throughout. "
            "Exports were lowered 0.3 mb to 11.5 mb.")
    got = values(text)
    assert ("0.3 mb", 0.3, "million", "bales") in got
    assert ("11.5 mb", 11.5, "million", "bales") in got


def test_a_defined_physical_unit_is_the_unit_of_the_table() -> None:
    text = ("Global wheat stocks are put at 257.6 million metric tons (mmt). "
            "The EU crop fell 8.1 MMT to 126.4 MMT.")
    got = values(text)
    assert ("257.6 million metric tons", 257.6, "million", "tonnes") in got
    # the trade's standard "mmt" (a million metric tons) is a megatonne, however it is cased
    mt = [g for g in got if g[0] in ("8.1 MMT", "126.4 MMT")]
    assert [g[1] for g in mt] == [8.1, 126.4]
    assert comparable(mt[1][3], 1.0) == comparable("Mt", 1.0)


def test_nothing_is_read_without_a_definition() -> None:
    # "mb" is megabytes, millibars or a million barrels: without a definition in the text it is no unit
    assert values("Exports -25 mb to 2.410 bb.") == []
    assert values("The file grew to 25 MB (megabytes) in size.") == [] or \
        all(g[3] != "bushels" for g in values("The file grew to 25 MB (megabytes) in size."))


@pytest.mark.parametrize("short, long, expected", [
    ("mb", "million bushels", True),
    ("mmt", "million metric tons", True),
    ("bcm", "billion cubic metres", True),
    ("MB", "million bushels", True),
    ("bm", "million bushels", False),  # the order of the letters
    ("mx", "million bushels", False),  # a letter the long form lacks
    ("ub", "million bushels", False),  # the first letter must open the long form
])
def test_a_short_form_abbreviates_its_long_form(short, long, expected) -> None:
    assert abbreviates(short, long) is expected


def test_what_is_defined_and_its_siblings() -> None:
    forms = DefinedUnits("Stocks rose to 470 million bushels (mb).").forms
    assert forms["mb"] == ("million", "bushels")
    assert forms["bb"] == ("billion", "bushels")  # the same unit at another scale
    assert forms["kb"] == ("thousand", "bushels")
    # a parenthesis that is no abbreviation of the words before it defines nothing
    forms = DefinedUnits("Output was 470 million tonnes (est.). Sales of 3 million cars (record).").forms
    assert "est" not in forms and "record" not in forms
    # a plural noun with no scale is no unit: "the ministers (FMs)" is a name, not a unit of figures
    assert DefinedUnits("The finance ministers (fm) met twice.").forms == {}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab (m)bushelsmillion 0123456789.-", max_size=80))
def test_definitions_in_any_text_never_fail(text) -> None:
    d = DefinedUnits(text)
    for i in range(len(text) + 1):
        d.after(text, i)


# --------------------------------------------------------------------------- the unit written once, beside

SHIPPING_RESULTS = """Nordhavn Line: full-year 2024 results

Nordhavn Line A/S | Company announcement | 6 February 2025

Key figures (amounts in US$ million)
- Revenue: 51,200 (2023: 47,100)
- EBITDA: 12,100 (9,600)
- Capital expenditure: 3,450 (4,020)

Volumes rose to 12.3 million containers (2023: 11.8), and the average freight rate was 1,420 (prev. 1,390)
dollars per container. Guidance for 2025 EBITDA is 8,000 to 11,000, see note (3). Questions: call +45 3363 3363.
"""


def test_a_results_table_in_the_unit_its_note_states() -> None:
    got = values(SHIPPING_RESULTS)
    for phrase, amount in (("51,200", 51200.0), ("47,100", 47100.0), ("12,100", 12100.0), ("3,450", 3450.0)):
        assert (phrase, amount, "million", "USD") in got
    # a bracketed number with no label says neither its period nor whose estimate it is: left to the reader
    # (drafted, it would be a second value of the line's measure for the same period)
    assert not any(g[1] in (9600.0, 4020.0) for g in got)
    # the bracketed figure after a figure is its measure for another period or in another's estimate
    assert ("11.8", 11.8, "million", "containers") in got
    # not a footnote, a phone number, or the years of the labels
    assert not any(g[1] in (3.0, 45.0, 3363.0, 2023.0, 2024.0, 2025.0) for g in got)


@pytest.mark.parametrize("text, expected", [
    ("Inflation eased to 2.4% (prev. 2.6) in October.", ("2.6", 2.6, "", "percent")),
    ("Revenue came to EUR 4.1 billion (cons. 4.0), the company said.", ("4.0", 4.0, "billion", "EUR")),
    ("Net orders reached 826 aircraft in 2024 (2023: 2,094).", ("2,094", 2094.0, "", "aircraft")),
])
def test_a_bracketed_base_takes_the_figures_unit(text, expected) -> None:
    assert expected in values(text)


@pytest.mark.parametrize("text, amount", [
    ("Inflation eased to 2.4% (up 0.3) in October.", 0.3),       # a change, not the measure's other value
    ("Inflation eased to 2.4% (or 2.6 on the old basis).", 2.6),  # an alternative
    ("Net orders reached 826 aircraft (2023: 12).", 12.0),        # of another order than the figure
    ("Net orders reached 826 aircraft (see 2).", 2.0),            # a reference
])
def test_what_is_no_bracketed_base(text, amount) -> None:
    assert not any(g[1] == amount for g in values(text))


def test_the_quote_of_a_bracketed_base_is_its_whole_sentence() -> None:
    prep = S.prepare("Inflation eased to 2.4% (prev. 2.6) in October. Wages rose 3%.")
    figs = [f for f in find_figures(prep.text) if f.value.amount == 2.6]
    assert prep.text[figs[0].sentence[0]:figs[0].sentence[1]] == "Inflation eased to 2.4% (prev. 2.6) in October."


CROP_BULLETS = """Coffee: Brazil crop seen smaller

- Brazil's ending stocks are put at 1.2 million bags, down from 3.1 million bags.
- Ending stocks 1.4 in the agency's high case
- Exports came in at 48.6 million bags, below the average trade estimate of 52.8.
- Deliveries: 766; Shipments of 880
"""


def test_a_measure_named_again_takes_the_unit_it_was_named_with() -> None:
    got = values(CROP_BULLETS)
    assert ("1.4", 1.4, "million", "bags") in got          # "Ending stocks 1.4": ending stocks are in million bags
    assert ("52.8", 52.8, "million", "bags") in got        # what the trade estimated: the exports before it
    assert ("766", 766.0, "", "deliveries") in got         # a label counts what it names
    assert ("880", 880.0, "", "shipments") in got


def test_a_measure_named_with_two_units_carries_neither() -> None:
    text = ("World ending stocks fell to 304.1 million tonnes. US ending stocks rose to 470 million bushels.\n"
            "- Ending stocks 455 in the low case")
    assert not any(g[1] == 455.0 for g in values(text))


def test_a_verb_names_no_measure() -> None:
    # "fell to 1.2": a level reached, whose measure the verb does not name (not the 3% of "rose")
    assert not any(g[1] == 1.2 for g in values("The fertility rate fell to 1.2 even as wages rose 3%."))


def test_a_forecast_gain_counts_what_the_figure_before_counts() -> None:
    got = values("Employment rose by 35,600 in November, above market forecasts for a gain of 25,000.")
    assert [g[3] for g in got if g[1] in (35600.0, 25000.0)] == ["jobs", "jobs"]


# --------------------------------------------------------------------------- letters and sentence ends

def test_a_one_currency_symbol_where_no_country_is_named() -> None:
    assert ("R6.6bn", 6.6, "billion", "ZAR") in values("Inventories were run down by R6.6bn in the quarter.")
    # a country named that does not use the rand: no currency guessed
    assert not any(g[3] == "ZAR" for g in values("In Brazil, inventories were run down by R6.6bn."))


def test_a_counted_noun_is_not_read_past_a_sentence_end() -> None:
    got = values("The crop was put at 4.461 mb. Ending stocks were higher. Shipments rose to 3 U.S. States.")
    assert not any(g[3] == "stocks" for g in got)


@pytest.mark.parametrize("text", [
    "- Order numbers: 4471\n- Deliveries: 766",
    "- Pages: 212\n- Deliveries: 766",
    "- Phone: 555 0123\n- Deliveries: 766",
    "- Codes of 4471\n- Deliveries: 766",
])
def test_no_figure_from_ids_pages_or_phone_numbers(text) -> None:
    assert [g[1] for g in values(text)] == [766.0]


# --------------------------------------------------------------------------- signed changes, levels, lists

@pytest.mark.parametrize("text, expected", [
    ("The jobless rate rose 0.3 pt to 4.3%.", ("0.3 pt", 0.3, "", "percentage-points")),
    ("- Unemployment rate: 3.9% (-0.2 pts)", ("-0.2 pts", -0.2, "", "percentage-points")),
    ("Jobless rate +0.2pts to 4.4% in May.", ("0.2pts", 0.2, "", "percentage-points")),
])
def test_a_rates_move_in_abbreviated_points(text, expected) -> None:
    assert expected in values(text)


def test_points_of_a_game_or_an_index_stay_what_they_were() -> None:
    assert not any(g[3] == "percentage-points" for g in values("He scored 12 pts in the game."))
    assert not any(g[3] == "percentage-points" for g in values("The index rose 3 pts to 4,400."))


@pytest.mark.parametrize("text, expected", [
    ("Soybean exports were cut 25 million bushels to 1.825 billion.", ("1.825 billion", 1.825, "billion", "bushels")),
    ("Output rose 2 million tonnes to a record 45 million.", ("45 million", 45.0, "million", "tonnes")),
])
def test_a_level_takes_the_unit_of_the_change_that_reached_it(text, expected) -> None:
    assert expected in values(text)


def test_a_scaled_number_after_another_clause_takes_no_unit_from_it() -> None:
    got = values("Output rose 2 million tonnes, and the firm hired to 45 million.")
    assert not any(g[1] == 45.0 and g[3] == "tonnes" for g in got)


def test_each_list_item_is_its_own_quote() -> None:
    prep = S.prepare("Results at a glance\n\n- Volumes +4.6% y/y\n- Average freight rate 3,035 USD/FFE (+56%)\n")
    figs = {f.phrase(prep.text): prep.text[f.sentence[0]:f.sentence[1]] for f in find_figures(prep.text)}
    assert figs["4.6%"] == "- Volumes +4.6% y/y"


def test_a_unit_written_in_full_gives_its_initials() -> None:
    text = "USDA: soy stocks 470 mb\n\nThe USDA raised its soybean ending stocks to 470 million bushels."
    assert ("470 mb", 470.0, "million", "bushels") in values(text)
    # two units of the text with the same initials: neither is read
    both = "Crude stocks fell 2 mb. Output was 3 million barrels and wheat 4 million bushels."
    assert not any(g[0] == "2 mb" for g in values(both))


@pytest.mark.parametrize("text, expected", [
    ("US corn: yield 183.1 bushels per acre vs trade 183.6.", ("183.6", 183.6, "", "bushels per acre")),  # a yield
    ("Sales were 5 million cars against analysts' 4.8.", ("4.8", 4.8, "million", "cars")),
])
def test_what_a_figure_is_set_against_is_of_its_measure(text, expected) -> None:
    assert expected in values(text)


def test_a_comparison_across_another_number_carries_nothing() -> None:
    # "versus 2024 levels of 12": a year between, and a number ten times off the figure
    assert not any(g[1] == 12.0 for g in values("Exports rose 5% versus 2024 levels of 12 in the older series."))


def test_a_list_label_counts_what_it_names_but_a_place_is_whose() -> None:
    got = values("- Transits: 9,936 (FY2023: 14,080)\n- Foreign arrivals: 35.5 mn (+26%)\n- Philippines: 4.2 mn\n"
                 "- Netherlands: 766\n")
    assert ("9,936", 9936.0, "", "transits") in got
    assert ("14,080", 14080.0, "", "transits") in got
    assert ("35.5 mn", 35.5, "million", "arrivals") in got
    assert ("4.2 mn", 4.2, "million", "") in got  # a count, of nothing the label says
    assert not any(g[1] == 766.0 for g in got)


def test_a_note_item_with_no_colon_counts_the_noun_it_opens_with() -> None:
    got = values("Harbour note\nFY24 arrivals 1,806,220 (FY23 1,402,115)\nEmployees 12,400\nNetherlands 766,000\n")
    assert ("1,806,220", 1806220.0, "", "arrivals") in got
    assert ("1,402,115", 1402115.0, "", "arrivals") in got  # the base counts what its figure counts
    assert ("12,400", 12400.0, "", "employees") in got
    assert not any(g[3] == "netherlands" for g in got)  # a place is whose, never what


def test_a_noun_inside_a_sentence_is_no_item_label() -> None:
    # the number follows a noun mid-sentence: no note's item, nothing read as its count
    assert not any(g[3] == "shares" for g in values("The fund said it sold its shares 12,400 times last year."))


@pytest.mark.parametrize("text", ["Canada adds 46,700 in September", "Employment rises 12,000 in May"])
def test_a_headline_verb_after_a_name_is_no_item_label(text) -> None:
    assert not any(g[3] in ("adds", "rises") for g in values(text))
