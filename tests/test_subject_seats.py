"""Whose figure it is when a sentence names a place that is not its subject (issue 21, session 11): where a
company is listed or based ("the Oslo-listed insurer"), a country's abbreviation used as an adjective once further
down a release ("U.S. tariff talks"), and a sentence opening with the world's measure whose figure comes in a later
clause ("World copper use climbed, with growth reaching 2.4%"). Fixture texts written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.analysis import figuresubject
from briefcmp.analysis.briefcontext import _attributive
from briefcmp.analysis.entities import Entities
from tests.test_align_whose import _brief_context
from tests.test_figure_subject import _figure


def test_a_market_s_sector_or_a_place_s_own_figure_keeps_the_place() -> None:
    e = Entities()
    for text in ("Oslo-listed insurers booked premiums of 40 billion crowns.",  # plural: the market's sector
                 "Oslo-listed shares rose 2%",  # no company's kind
                 "Norway's economy grew 1.1%"):
        assert figuresubject.blank_home(text, e) == text


def test_a_listed_company_s_figure_is_not_its_market_s_country(tmp_path: Path) -> None:
    text = ("Kestrel Marine keeps its payout\nShipping Weekly | 12 February 2025\n\n"
            "Kestrel Marine had warned of a weak winter. The Oslo-listed carrier made a net profit of $1.9 billion "
            "in 2024, down from $2.3 billion.\n")
    assert "norway" not in _figure(tmp_path, text, 1.9).subjects


def test_an_abbreviation_before_a_noun_is_an_adjective() -> None:
    for text, name in (("talks on U.S. tariff policy went on", "U.S."), ("weaker UK gilt yields", "UK")):
        a = text.index(name)
        assert _attributive(text, a, a + len(name)), text
    for text, name in (("the U.S. said on Monday", "U.S."), ("the US imposed duties", "US"),
                       ("the UK is the largest market", "UK"), ("exports from Japan grew", "Japan")):
        a = text.index(name)
        assert not _attributive(text, a, a + len(name)), text


def test_a_release_naming_a_country_s_abbreviation_once_further_down_is_its_issuer_s(tmp_path: Path) -> None:
    text = ("Trade statistics for May 2025\nMinistry of Finance (Iceland) | Statistics Department | Press release\n\n"
            "1. Exports in May amounted to 92.4 billion kronur, 6.1% more than in May of the year before, and the "
            "highest value for the month on record.\n\n"
            "2. Shipments of fish and aluminium rose, helped by orders placed ahead of U.S. tariff changes.\n")
    brief, ctx, e = _brief_context(tmp_path, "release", text)
    assert ctx.brief_subjects == ("iceland",)
    # named as a noun further down, the country counts as often as the issuer's: no main subject
    noun = text.replace("ahead of U.S. tariff changes", "ahead of changes in the U.S.")
    _, ctx, _ = _brief_context(tmp_path / "b", "release", noun)
    assert ctx.brief_subjects == ()


def test_a_sentence_opening_with_the_world_s_measure_gives_its_later_clause_the_world() -> None:
    e = Entities()
    assert figuresubject.world_sentence("World copper use climbed in the spring, ", e) == ("world",)
    assert figuresubject.world_sentence("In 2026, global copper use is forecast to rise, ", e) == ("world",)
    assert figuresubject.world_sentence("Global demand in Chile fell, ", e) == ()  # a country named: its own
    assert figuresubject.world_sentence("Despite weak global demand, ", e) == ()  # not the sentence's subject
    assert figuresubject.world_sentence("World Bank economists warned, ", e) == ()  # a body's name


def test_the_world_s_measure_sentence_in_a_forecaster_s_brief(tmp_path: Path) -> None:
    text = ("Copper producers' group trims its outlook\nMetals Desk | 3 April 2025\n\n"
            "The Andean producers' group cut its view on Thursday. World copper use rose in the first quarter, "
            "with annual growth reaching 2.4%, the group said in its monthly report.\n")
    assert _figure(tmp_path, text, 2.4).subjects == ("world",)


def test_a_currency_a_figure_is_expressed_in_names_no_subject() -> None:
    e = Entities()
    assert e.subjects("In Indian rupee terms, sales of 900 crore grew 4%") == ()
    assert e.subjects("Measured in Swiss franc terms, orders fell 2%") == ()
    assert e.subjects("the Chilean peso fell 2% against the dollar") == ("chile",)  # the currency's own figure
    assert e.subjects("In real terms, Indian output rose 3%") == ("india",)


def _sentence(text: str, clause: str, e: Entities) -> tuple[str, ...]:
    return figuresubject.sentence_subjects(text, text.index(clause), e)


def test_a_sentence_that_turns_to_another_subject_gives_the_later_figure_the_second() -> None:
    e = Entities()
    text = "In Peru, output is seen at 3.1% in 2025, easing to 2.9% in 2026; in Chile, growth is seen at 2.2%"
    assert _sentence(text, "growth is seen at 2.2%", e) == ("chile",)
    text = "Exports from Kenya rose 4% in May, while in Uganda, shipments fell 2%"
    assert _sentence(text, "shipments fell 2%", e) == ("uganda",)
    # a turn to a part that names no one keeps the subject the sentence gave
    text = "Kenya's exports rose 4% in May; imports fell 2%"
    assert _sentence(text, "imports fell 2%", e) == ("kenya",)
    # no turn: both stay (a figure of two is no figure of one)
    text = "Peru and Chile together mined 8 million tonnes"
    assert set(_sentence(text, "mined 8 million tonnes", e)) == {"peru", "chile"}


def test_a_name_scoping_a_rank_is_not_whose_figure_it_is() -> None:
    e = Entities()
    text = "Kuwait, OPEC's third-largest producer, cut output by 90,000 barrels a day"
    assert _sentence(text, "cut output", e) == ("kuwait",)
    text = "Kenya's largest trading partner, Uganda, bought 12% more"
    assert _sentence(text, "bought 12% more", e) == ("uganda",)


def test_a_producer_group_forecasting_the_market_is_its_source_not_its_subject() -> None:
    e = Entities()

    def source(text: str, alone: bool = False) -> tuple[str, ...]:
        return figuresubject.source_not_subject(text, e.subjects_or_names(text), e, alone)

    assert source("OPEC has again revised its forecast for global copper-free fuel demand, by 90,000 barrels") == \
        ("world",)
    assert source("OPEC now expects oil demand of 99.2 million barrels a day") == ()  # whose: a later step
    assert source("OPEC lowers world fuel demand forecast for a second month", alone=True) == ("world",)
    # its own output, a country's or a company's own forecast: kept
    assert source("OPEC cut output by 120,000 barrels a day") == ("opec",)
    assert source("Kenya expects growth of 5.1% next year") == ("kenya",)
    # a headline naming another beside the forecaster names several: left as it is
    assert set(source("OPEC trims its demand view as Iraq outage cuts output", alone=True)) == {"opec", "iraq"}


def test_another_body_s_projection_of_a_country_s_figure_is_the_country_s(tmp_path: Path) -> None:
    text = ("Oman's economy to grow faster\nGulf Desk | 10 October 2025\n\n"
            "Analysts polled by the desk forecast growth of 2.3% for Oman in 2026, above the International Monetary "
            "Fund's recently revised projection of 1.9%.\n")
    assert _figure(tmp_path, text, 1.9).subjects == ("oman",)


def test_an_office_named_head_first_is_an_organ_of_its_country() -> None:
    e = Entities()
    for name in ("General Authority for Statistics", "Bureau of Statistics"):
        assert e.organ(e.adopt(name)), name
    for name in ("Health Ministry", "Supervisory Board", "Pension Fund"):  # a sector's, a company's, a fund's own
        assert not e.organ(e.adopt(name)), name


def test_a_date_after_a_semicolon_dates_another_clause_s_figure() -> None:
    from datetime import date

    from briefcmp.analysis import periods

    text = "Software exports were up 41% for the year; chips reached $9.1bn in December alone."
    at = text.index("41")
    assert periods.resolve(text, (at, at + 2), date(2025, 1, 10))[0] != "2024-12"
    at = text.index("9.1")
    assert periods.resolve(text, (at, at + 3), date(2025, 1, 10))[0] == "2024-12"
    text = "Exports rose 5% in 2024; imports fell 2% in December."
    assert periods.resolve(text, (text.index("5%"), text.index("5%") + 1), date(2025, 1, 10))[0] == "2024"


@pytest.mark.parametrize("sentence,expected", [
    ("Jalisco drew the most foreign investment of any state last year, 4.1 billion dollars.", "state"),
    ("Alberta posted the lowest jobless rate among all provinces, 5.9%.", "province"),
    ("Lisbon had the most tourist nights of any region, followed by the Algarve with 21 million.", "region"),
    ("Foreign investment reached a record 36 billion dollars last year.", ""),
    ("The state of public finances is weaker than in 2023.", ""),
])
def test_a_part_ranked_among_its_kind_is_named_by_that_kind(sentence: str, expected: str) -> None:
    """A figure of one part of a country ranked among the others is that part's, never the country's total."""
    from briefcmp.analysis.figuresubject import ranked_part

    assert ranked_part(sentence) == expected
