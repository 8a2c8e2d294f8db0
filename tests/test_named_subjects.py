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


@pytest.mark.parametrize("text", [
    "Employment rose by 20,000, Statistics Canada reported Friday.",
    "Coal India Limited produced 773.81 million tonnes.",
    "Canada's jobless rate fell to 5.2 percent.",
])
def test_a_country_align_registered_reads_as_before(text: str) -> None:
    """``align --apply`` registers the countries it keys (Canada, with its capital as an alias): a
    second run must find the subjects the first found, or one run is not enough."""
    from briefcmp.analysis.alignedit import _entity_entry
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.model import Config, Entity

    registered = {}
    for eid in ("canada", "india"):
        entry = yamlsafe.parse(_entity_entry(eid, {"canada": "Canada", "india": "India"}[eid]), "t", [])[eid]
        registered[eid] = Entity(id=eid, label=entry["label"], aliases=tuple(entry.get("aliases") or ()))
    assert "Ottawa" in registered["canada"].aliases  # what align writes
    assert Entities(Config(entities=registered)).subjects(text) == Entities().subjects(text)


def test_a_country_registered_under_another_label_still_counts_in_a_name() -> None:
    """A hand-registered entity keeps the rule that its names always count."""
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.model import Config, Entity

    entities = Entities(Config(entities={"in": Entity(id="in", label="Republic of India", aliases=("India",))}))
    assert entities.subjects("Coal India Limited produced 773.81 million tonnes.") == ("in",)


def test_the_press_s_two_letter_names_nz_and_hk() -> None:
    """"NZ GDP", "HK exports" name New Zealand and Hong Kong (walk-s4); a currency prefix ("NZ$57 billion"
    in a Japanese trade story) names no subject."""
    from briefcmp.analysis.entities import Entities

    e = Entities()
    assert e.subjects("NZ GDP fell 1.0% in the September quarter") == ("new-zealand",)
    assert e.subjects("HK exports rose 2%") == ("hong-kong",)
    assert e.subjects("Japan's surplus was 5.35 trillion yen (NZ$57 billion)") == ("japan",)
    assert e.subjects("a deficit of HK$5 billion") == ()
