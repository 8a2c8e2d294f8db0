"""Whose figures a brief reports when a figure's text names no one (issue 21, session 13): the brief's issuer read
from its title, masthead and lead (a global body's report is the world's), a company's organs as the company, a
sentence describing the company carrying no market's name, all marked inferred. Fixture texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.analysis import issuer
from briefcmp.analysis.entities import Entities
from tests.test_align_subjects import _corpus, _found


@pytest.fixture(scope="module")
def e() -> Entities:
    return Entities()


@pytest.mark.parametrize("text", [
    "Notes on the ILO's jobs report", "International Energy Agency | Outlook note | 3 May 2026",
    "The WTO now projects a fall in goods trade", "UN Tourism barometer, March",
    "World Steel Organization | Brussels",  # a name of that shape
])
def test_a_global_body(text: str) -> None:
    assert issuer.global_body(text)


@pytest.mark.parametrize("text", [
    "Kestovia's statistics office", "OPEC+ keeps output steady",  # a producer group's output is its own
    "World Cup tickets sold out", "the European Commission expects", "We were told who won",
])
def test_no_global_body(text: str) -> None:
    assert not issuer.global_body(text)


def test_the_masthead_is_the_short_lines_under_the_title() -> None:
    text = ("Prices steady in spring\nNORTHERN STATISTICS OFFICE | Release | 4 May 2026\n\n"
            "Consumer prices rose 2.1% in April from a year earlier, the office said on Monday, as fuel got cheaper.\n")
    assert issuer.masthead(text, "Prices steady in spring") == "NORTHERN STATISTICS OFFICE | Release | 4 May 2026"
    assert issuer.masthead("A title\nConsumer prices rose 2.1% in April from a year earlier. Fuel was cheaper.\n",
                           "A title") == ""


@pytest.mark.parametrize("label, organ", [
    ("Supervisory Board", True), ("Executive Board and Supervisory Board", True), ("Board of Management", True),
    ("Annual General Meeting", True), ("Audi Board", False), ("Monetary Policy Committee", False),
    ("Board", False),  # a board of what, the text does not say
])
def test_a_company_organ(label: str, organ: bool) -> None:
    assert issuer.company_organ(label) is organ


@pytest.mark.parametrize("sentence, described", [
    ("The company will pay a dividend of EUR 1.10.", True), ("The group's sales in China rose 8%.", True),
    ("The Danish carmaker sold 2 million cars.", True), ("In 2025, the group earned EUR 3 billion.", True),
    ("China's car market shrank 5%.", False), ("The central bank held its rate at 4%.", False),
    ("Sales in China rose 8%.", False),
])
def test_a_sentence_describing_the_company(sentence: str, described: bool) -> None:
    assert issuer.describes_issuer(sentence) is described


def test_places_named_only_as_markets(e: Entities) -> None:
    assert issuer.only_markets("The group's sales in China and exports to Japan rose 8%", e)
    assert not issuer.only_markets("China's car market shrank 5%", e)
    assert not issuer.only_markets("The group's sales rose 8%", e)  # no place at all


_WORLD_REPORT = "World jobs outlook dims as hiring slows\nHarbour Wire | 3 March 2026\n\n" \
                "The unemployment rate held at 5.1% in 2025, the International Labour Organization said on " \
                "Monday in its annual jobs report, as hiring slowed in most regions.\n"


def test_a_global_body_s_report_gives_the_world_its_figures(tmp_path: Path) -> None:
    texts = {
        "wire": _WORLD_REPORT,
        # a think tank's note on the report names no one for its figure: the report's, the world's
        "note": "Reading the ILO's jobs report\nInstitute for Work Studies | Policy note | 4 March 2026\n\n"
                "The unemployment rate stood at 5.1% in 2025, unchanged on the year, and we think it understates the "
                "slack. In Chile, the unemployment rate was 8.7% in 2025, above the rate in Peru.\n",
    }
    found = _found(tmp_path / "c", _corpus(tmp_path / "c", texts))
    assert ("agreement", frozenset({"5.1%"}), frozenset({"world"})) in found
    assert not any("8.7%" in values and "world" in subjects for _, values, subjects in found)  # Chile's own


def test_an_inferred_world_never_decides_a_contradiction(tmp_path: Path) -> None:
    texts = {
        "wire": _WORLD_REPORT,
        "note": "Reading the ILO's jobs report\nInstitute for Work Studies | Policy note | 4 March 2026\n\n"
                "The unemployment rate stood at 5.3% in 2025, a little higher than a year before, we estimate.\n",
    }
    found = _found(tmp_path / "c", _corpus(tmp_path / "c", texts))
    assert not any(kind == "contradiction" for kind, _, _ in found)


def test_the_board_s_dividend_is_the_company_s_and_no_market_is_carried(tmp_path: Path) -> None:
    texts = {
        "release": "Velmora closes 2025 with higher sales\nVelmora AG | Press release | 5 March 2026\n\n"
                   "Velmora AG raised its revenue by 4% in 2025. The group's sales in China rose 8% in 2025. "
                   "The Supervisory Board proposed a dividend of EUR 1.10 per share for 2025.\n",
        "paper": "Velmora lifts dividend\nThe Rhine Courier | 6 March 2026\n\n"
                 "Velmora, the machinery maker, proposed a dividend of EUR 1.10 per share for 2025, the company said "
                 "on Thursday after its sales rose 4%.\n",
    }
    found = _found(tmp_path / "c", _corpus(tmp_path / "c", texts))
    dividends = [(kind, subjects) for kind, values, subjects in found if values == frozenset({"EUR 1.1"})]
    assert dividends == [("agreement", frozenset({"velmora"}))]
    assert not any("china" in subjects and "EUR 1.1" in values for _, values, subjects in found)


def test_names_in_capitals(e: Entities) -> None:
    assert issuer.title_case("STATISTICS NORWAY | Release") == "Statistics Norway | Release"
    assert issuer.capitals_subjects("STATISTICS NORWAY | Release | 4 May 2026", e) == ("norway",)
    assert issuer.capitals_subjects("Harbour Wire | 3 March 2026", e) == ()  # no name in capitals
    assert issuer.capitals_subjects("NORWAY AND SWEDEN | Nordic digest", e) == ()  # two: neither is the issuer
    assert issuer.label_subjects("KENYA: Inflation eased to 2.8% in May.", e) == ("kenya",)
    assert issuer.label_subjects("OUR TAKE: the rate will fall.", e) == ()  # a label naming no one
    assert issuer.label_subjects("Kenya's inflation eased: a relief.", e) == ()  # no label


def test_a_release_s_masthead_and_a_digest_s_labels_name_whose_figures(tmp_path: Path) -> None:
    texts = {
        # the office's release names its country only in its masthead, in capitals
        "office": "Consumer prices up 2.4% in April\nSTATISTICS NORWAY | Release | 10 May 2026\n\n"
                  "The consumer price index rose 2.4% in April 2026 from a year earlier, after 2.6% in March. Food "
                  "prices rose 3.1% over the same period.\n",
        # a digest: each item's label in capitals says whose its figures are; another country's item stays its own
        "digest": "Nordic Markets Digest\nNorthsea Letter | 11 May 2026\n\n"
                  "NORWAY: Consumer price index up 2.4% in April 2026 on the year; the krone firmed.\n\n"
                  "SWEDEN: Consumer price index up 3.0% in April 2026 on the year.\n",
    }
    found = _found(tmp_path / "c", _corpus(tmp_path / "c", texts))
    assert ("agreement", frozenset({"2.4%"}), frozenset({"norway"})) in found
    assert not any(kind == "contradiction" for kind, _, _ in found)  # Sweden's 3.0% is Sweden's


def test_a_country_named_only_as_an_adjective_after_a_preposition_is_not_carried(e: Entities) -> None:
    from briefcmp.analysis.briefcontext import _only_attributive

    assert _only_attributive("the guide leaves out the effect of US tariffs", ("united-states",), e)
    assert not _only_attributive("U.S. wheat exports fell in the spring", ("united-states",), e)  # its subject
    assert not _only_attributive("exports to the United States fell", ("united-states",), e)  # a noun, not an adjective


@pytest.mark.parametrize("clause, market", [
    ("Germany remained the largest market, with 3.1 million guests", True),
    ("Italy remained the top source of visitors", True),
    ("Japan is one of its largest customers", True),
    ("China's economy grew 5.0% in 2025", False), ("Exports to China rose 4%", False),
])
def test_a_place_said_to_be_a_market(clause: str, market: bool) -> None:
    assert issuer.market_clause(clause) is market
