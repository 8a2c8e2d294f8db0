"""Named places and bodies as subjects ("the Santiago metropolitan region"): briefcmp.analysis.entities.proper_names."""

from __future__ import annotations

import pytest

from briefcmp.analysis.entities import proper_names


@pytest.mark.parametrize("text, names", [
    ("In 2023, reservoir storage in the Santiago metropolitan region stood at 41 percent.",
     ["Santiago metropolitan region"]),
    ("Water allocations in the Murray-Darling Basin fell to 40 percent.", ["Murray-Darling Basin"]),
    ("The European Central Bank raised its rate to 4 percent.", ["European Central Bank"]),
    ("The Reserve Bank of Australia held rates.", ["Reserve Bank of Australia"]),
    ("The Murray-Darling Basin Plan at Ten", ["Murray-Darling Basin"]),  # the basin, not its plan
    ("Unemployment in Lagos State was 37 percent.", ["Lagos State"]),
    ("In the Silesian Voivodeship, 75,000 people worked in mining.", ["Silesian Voivodeship"]),
    ("Bed-net coverage in the West Nile sub-region was 61 percent.", ["West Nile sub-region"]),
    # not a place or a body: a title-case term, a capitalised sentence start, a name reporting a figure
    ("The Consumer Price Index rose 3 percent.", []),
    ("Exports fell 4 percent in 2023.", []),
    ("Officials note that rainfall in 2023 was 30 percent below average.", []),
    ("The National Statistics Agency estimated growth at 3 percent.", []),
    ("In March the region's output grew.", []),
])
def test_proper_names(text: str, names: list[str]) -> None:
    assert [n for _, _, n in proper_names(text)] == names


@pytest.mark.parametrize("name, distinctive", [
    ("Santiago metropolitan region", True), ("Teachers Service Commission", True), ("European Central Bank", True),
    ("Central Bank", False), ("National Assembly", False), ("Northern Region", False), ("Federal Reserve", False),
])
def test_a_name_of_generic_words_needs_its_country(name: str, distinctive: bool) -> None:
    from briefcmp.analysis.entities import Entities

    entities = Entities(use_countries=False)
    assert entities.distinctive(entities.adopt(name)) is distinctive


@pytest.mark.parametrize("text, expected", [
    ("Coal India Limited produced 773.81 million tonnes.", ()),  # a company, not the country
    ("State-owned Coal India's production was 773.81 million tonnes.", ()),
    ("India's coal production reached 997.25 million tonnes.", ("india",)),
    ("Both India and China grew.", ("india", "china")),
    ("In December India exported more.", ("india",)),
])
def test_a_country_name_ending_a_company_name_is_no_country(text, expected) -> None:
    from briefcmp.analysis.entities import Entities
    assert Entities().subjects(text) == expected
