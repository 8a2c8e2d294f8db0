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
    assert DefinedUnits("Output was 470 million tonnes (est.). Sales of 3 million cars (record).").forms == {}
    # a plural noun with no scale is no unit: "the ministers (FMs)" is a name, not a unit of figures
    assert DefinedUnits("The finance ministers (fm) met twice.").forms == {}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab (m)bushelsmillion 0123456789.-", max_size=80))
def test_definitions_in_any_text_never_fail(text) -> None:
    d = DefinedUnits(text)
    for i in range(len(text) + 1):
        d.after(text, i)
