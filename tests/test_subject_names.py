"""What a figure is about (issue 21): a country is recognised by a name, never by a code or an ordinary
word; an organ of the state stands for its country; a company's figures are the company's, however its
name is shortened, and never the country of its currency; a wire dateline is where a story was filed.
Fixture texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.analysis.align import describe
from briefcmp.analysis.datelines import OPENING
from briefcmp.analysis.entities import Entities
from tests.test_align_whose import _brief_context


def _figure(folder: Path, name: str, text: str, amount: float, companies: bool = False):
    """How align describes the one figure of ``amount`` in the one-brief corpus of ``text``."""
    brief, ctx, e = _brief_context(folder, name, text)
    if companies:
        e.add_companies([text])  # (as align does for the whole corpus)
    (m,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == amount]
    assert m is not None
    return m


@pytest.mark.parametrize("text", [
    "Working people will not pay more income tax, employee National Insurance or VAT.",  # VAT: the Vatican's code
    "The PAN card is needed to open an account.",  # Panama's
    "Sales were flat, CAN said.",  # Canada's alpha-3 code
    "The Island economy of the north grew.",  # "Ísland", Iceland's own name, is an English noun
])
def test_a_code_or_an_ordinary_word_is_no_country(text: str) -> None:
    assert Entities().subjects(text) == ()


@pytest.mark.parametrize("text, expected", [
    ("Annual inflation in Türkiye slowed to 48.6 percent.", ("turkey",)),  # CLDR's English name
    ("Turkiye's central bank held rates.", ("turkey",)),
    ("Philippine growth slowed to 5.2 percent.", ("philippines",)),  # a plural name's singular is its adjective
    ("The Philippine Statistics Authority said GDP grew.", ("philippines",)),
    ("Exports from the USA rose.", ("united-states",)),  # the press's own codes stay names
    ("Revenue in U.S. dollar terms and US-dollar revenue growth both rose.", ()),  # a currency, not the country
])
def test_a_country_by_its_names(text: str, expected: tuple[str, ...]) -> None:
    assert Entities().subjects(text) == expected


def test_a_plural_name_s_singular_is_an_adjective() -> None:
    e = Entities()
    assert e.mentions("Philippine exports and the Philippines' imports") == [
        ("philippines", True), ("philippines", False)]


def test_an_organ_of_the_state_is_its_country_a_fund_or_a_place_is_not() -> None:
    e = Entities()
    mpc, bank, council = e.adopt("Monetary Policy Committee"), e.adopt("Reserve Bank"), e.adopt("Governing Council")
    fund, region = e.adopt("Pension Fund"), e.adopt("Northern Region")
    assert e.organ(mpc) and e.organ(bank) and e.organ(council)
    assert not e.organ(fund) and not e.organ(region)
    assert not e.organ(e.adopt("Teachers Service Commission"))  # a name of its own: its own subject
    # a sector's ministry owns a part of the budget: "the Health Ministry was allocated Rs 90,000 crore"
    assert not e.organ(e.adopt("Health Ministry")) and e.organ(e.adopt("National Assembly"))


def test_a_listing_names_a_company_a_statistic_in_parentheses_does_not() -> None:
    e = Entities()
    e.add_companies(["Hsinchu Widgets (TWSE: 9999) beat estimates", "Headline Inflation (CPI: 2.5) rose",
                     "Budget Plan (2025 UK) was passed"])
    assert "hsinchu-widgets" in e.company_ids
    assert not {"headline-inflation", "budget-plan"} & e.company_ids


def test_a_committee_s_decision_is_its_country_s(tmp_path: Path) -> None:
    text = ("Resolution of the Monetary Policy Committee\nBank of Ghana | Press release | 25 November 2024\n\n"
            "The Bank of Ghana said the economy of Ghana kept growing in the third quarter, while inflation in "
            "Ghana eased for a third month.\n\n"
            "The Monetary Policy Committee decided to keep the policy rate at 27 percent.\n")
    m = _figure(tmp_path, "bog", text, 27)
    assert m.subjects == ("ghana",)


def test_a_company_named_with_its_country_is_the_company() -> None:
    e = Entities()
    e.add_companies(["Saudi Arabian Oil Co. (Aramco) said on Tuesday its profit fell.",
                     "Infosys (NSE: INFY) raised its revenue guidance."])
    aramco = e.entity_of["Aramco"]
    assert aramco in e.company_ids and e.label(aramco) == "Saudi Arabian Oil"
    # the long name is one name (not "Saudi Arabian" and then words), and the short one the same company
    assert e.subjects("Saudi Arabian Oil Co. reported net income of $27 billion") == (aramco,)
    assert e.qualified("Saudi Arabia's Aramco reported", e.subjects("Saudi Arabia's Aramco reported")) == (aramco,)
    assert e.subjects("Infosys kept its margin at 21 percent") == ("infosys",) and "infosys" in e.company_ids
    # a name that is a country's and generic words, or ends with a country's, is no new company
    assert e.add_companies(["India Ltd said", "Coal India Limited mined more"]) == []


def test_a_dateline_is_where_a_story_was_filed_not_whose_figure(tmp_path: Path) -> None:
    for lead in ("Taipei, Oct. 17 (CNA) ", "MANILA, Nov 7 (Reuters) - ", "ISTANBUL - ", "SEOUL -- "):
        assert OPENING.match(lead + "Exports rose.").end() == len(lead)
    assert OPENING.match("India's exports rose.") is None
    text = ("Widget maker's profit rises\nWire | 17 October 2024\n\n"
            "Seoul, Oct. 17 (Yonhap) Hanil Widget Co. reported a net profit of 85 billion won for the third "
            "quarter, up 12 percent from a year earlier.\n")
    m = _figure(tmp_path, "wire", text, 12, companies=True)
    assert m.subjects == ("hanil-widget",)


def test_the_lead_s_first_country_named_most_is_the_brief_s_subject() -> None:
    from briefcmp.analysis import subjects

    p, v, i = ("philippines", False), ("vietnam", False), ("indonesia", False)
    assert subjects.main_subject([p, v, p, i], lead_first="philippines") == (("philippines",), "main subject")
    assert subjects.main_subject([p, v, p, i], lead_first="") == ((), "")  # not the lead's: not enough
    assert subjects.main_subject([p, v, v, p], lead_first="philippines") == ((), "")  # not named more often
    assert subjects.main_subject([p, v, i], lead_first="philippines") == ((), "")  # named once


def test_a_country_s_own_body_in_the_masthead_names_the_brief_s_country(tmp_path: Path) -> None:
    text = ("Economy grows 4.6 percent in second quarter\nKenya National Bureau of Statistics | Press Release | "
            "30 September 2024\n\nGross domestic product expanded by 4.6 percent in the second quarter of 2024, "
            "compared with 5.6 percent in the same quarter of 2023, as growth in construction and mining slowed.\n")
    brief, ctx, e = _brief_context(tmp_path / "a", "knbs", text)
    assert ctx.brief_subjects == ("kenya",)  # (a noun already)
    text = text.replace("Kenya National Bureau", "Kenyan National Bureau")
    brief, ctx, e = _brief_context(tmp_path / "b", "knbs", text)
    assert ctx.brief_subjects == ("kenya",)  # an adjective outside the lead, but before its body's name
    text = text.replace("Kenyan National Bureau of Statistics", "Kenyan Economics Newsletter")
    brief, ctx, e = _brief_context(tmp_path / "c", "knbs", text)
    assert ctx.brief_subjects == ()  # a newsletter's adjective, once: a side matter


def test_a_fronted_clause_takes_the_main_clause_s_subject(tmp_path: Path) -> None:
    text = ("Growth slows but stays among the fastest\nNews Agency | 7 November 2024\n\n"
            "Even with third-quarter growth easing to 4.9 percent, Indonesia still ranks among the fastest-growing "
            "large economies, the planning minister said on Thursday, ahead of Thailand and Malaysia.\n")
    m = _figure(tmp_path, "agency", text, 4.9)
    assert m.subjects == ("indonesia",) and m.subjects_from == "sentence"
    text = text.replace("Even with third-quarter growth easing", "Third-quarter growth eased").replace(
        "4.9 percent, Indonesia still ranks", "4.9 percent, while Indonesia still ranks")
    m = _figure(tmp_path / "b", "agency", text, 4.9)
    assert m.subjects_from != "sentence"  # no fronted clause: a later clause is another's


def test_a_population_group_is_no_country() -> None:
    e = Entities()
    assert e.subjects("Population groups: black African 81.4%, coloured 8.2%, Indian/Asian 2.7%.") == ()
    assert e.subjects("Indian exports rose 5 percent.") == ("india",)


def test_a_cause_and_a_group_in_the_clause_name_no_subject(tmp_path: Path) -> None:
    text = ("South Africa census results\nNews Wire | 10 October 2023\n\n"
            "Black Africans make up 81.4% of the population of South Africa, the census showed.\n\n"
            "In the list of population groups, black African 81.4% tops the count.\n\n"
            "The vegetable oil price index rose 7.3% as palm output disappointed in Malaysia.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    figures = {(c.value.amount, c.quote[:3]): describe(c, ctx, e) for c in brief.claims if c.value is not None}
    group = figures.get((81.4, "In "))
    assert group is not None and group.subjects == ("south-africa",)  # not "(african)": the brief's country
    oil = figures.get((7.3, "The"))
    assert oil is not None and "malaysia" not in oil.subjects  # a country in the cause is not the figure's


def test_the_bloc_of_a_brief_about_the_euro_area_is_the_euro_area(tmp_path: Path) -> None:
    text = ("Euro zone outlook trimmed\nWire | 12 December 2024\n\n"
            "The European Central Bank cut rates again. Growth was marked down: the bloc's economy is now seen "
            "expanding by 0.7% this year.\n\nThe euro zone economy will pick up next year, the bank said.\n")
    m = _figure(tmp_path, "wire", text, 0.7)
    assert m.subjects == ("euro-area",)


def test_a_fronted_clause_before_a_province_is_the_province_s(tmp_path: Path) -> None:
    text = ("Census: Ontario grows\nWire | 9 February 2022\n\n"
            "With 14.2 million residents, Ontario, which contains Toronto and Ottawa, is still the most populous "
            "province of Canada.\n")
    m = _figure(tmp_path, "wire", text, 14.2)
    assert m.subjects == ("ontario",)


def test_a_province_is_not_recognised_by_an_ordinary_word() -> None:
    e = Entities()
    # "Centre" is a region of several countries, and India's press calls its central government "the Centre"
    assert e.provinces("The Centre has budgeted capital expenditure of Rs 11.21 lakh crore.") == []
    assert [p for _, _, p in e.provinces("Employment grew in Ontario and Quebec.")] == ["ontario", "quebec"]
