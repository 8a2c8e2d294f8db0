"""Defects a new user's walk showed (session 10, benchmarks/walks): a headline's expected time dating a
report's figures, a release's kind taken for its publisher, statements drafted without NLTK's import."""

from __future__ import annotations

import subprocess
from pathlib import Path
import sys
from datetime import date

import pytest

from briefcmp.analysis.titleperiods import title_period
from briefcmp.ingest.metadata import from_masthead

PUBLISHED = date(2024, 12, 4)


@pytest.mark.parametrize("title", [
    "Weak quarter brings a cut in borrowing costs into view for early next year",
    "Lenders tipped to trim rates by mid-2025",
    "Cuts unlikely until the end of next year, traders say",
    "Rate cut likely next year as growth stalls",
    "Outlook brightens for next year",
])
def test_a_titles_expected_time_is_no_period_of_its_figures(title: str) -> None:
    assert title_period(title, PUBLISHED, "australia") == ""


@pytest.mark.parametrize("title, period", [
    ("Output grows 0.5% in the September quarter", "2024-07/2024-09"),
    ("Economy to expand 2% next year", "2025"),  # a forecast's own period, with its figure
    ("Budget 2025-26: the deficit widens", "2025-07/2026-06"),
    ("Trade surplus narrows in 2024", "2024"),
])
def test_a_titles_own_period_is_kept(title: str, period: str) -> None:
    assert title_period(title, PUBLISHED, "australia") == period


@pytest.mark.parametrize("text, publisher, published, title", [
    ("NATIONAL STATISTICS BOARD OF ERIDIA\nMedia release | Port Ash, 4 December 2024 | Embargo 11.30 am\n"
     "Factory output edges up\n\nBody text here.", "National Statistics Board of Eridia", "2024-12-04",
     "Factory output edges up"),
    ("Coastal Rivers Trust\nStatement | 4 December 2024\nA poor deal for the estuary\n\nWe regret it.",
     "Coastal Rivers Trust", "2024-12-04", "A poor deal for the estuary"),
    ("COUNCIL OF THE NORTHERN LEAGUE\nPress release | Vardo, 3 December 2024\n\nMinisters agree on a levy\n\nText.",
     "Council of the Northern League", "2024-12-03", "Ministers agree on a levy"),
])
def test_a_documents_kind_in_the_masthead_is_no_publisher(text: str, publisher: str, published: str,
                                                           title: str) -> None:
    meta, found = from_masthead(text)
    assert (meta.publisher, str(meta.published), meta.title, found) == (publisher, published, title, title)


def test_a_kind_alone_under_a_sentence_names_no_publisher() -> None:
    meta, _ = from_masthead("The ministry said on Tuesday that it will act.\nPress release | 3 December 2024\nText")
    assert meta.publisher == ""


def test_statements_are_tagged_without_importing_nltk() -> None:
    pytest.importorskip("textblob")
    code = ("import sys; from briefcmp.analysis import nlp; "
            "t = nlp.tag('The council postponed the rules.'); "
            "assert [x.tag for x in t][:3] == ['DT', 'NN', 'VBD'], t; "
            "assert nlp.is_common_word('parliament') and nlp.is_adjective('neutral'); "
            "assert 'nltk' not in sys.modules and 'textblob' not in sys.modules; "
            "import textblob; from textblob.en.taggers import PatternTagger; "
            "assert PatternTagger().tag('The council met.')[1] == ('council', 'NN')")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


@pytest.mark.parametrize("sentence, figure", [
    ("Annual growth slowed to 1.1 per cent, the weakest in years.", "1.1 per cent"),
    ("Over the year to the June quarter, output grew 1.1 per cent.", "1.1 per cent"),
    ("Output rose 0.2 per cent in the quarter and 1.1 per cent through the year.", "1.1 per cent"),
])
def test_annual_growth_is_measured_on_the_year_before(sentence: str, figure: str) -> None:
    from briefcmp.analysis.measure import _basis

    i = sentence.index(figure)
    clause = sentence[sentence.rfind(",", 0, i) + 1:]
    assert _basis(clause, sentence, (i, i + len(figure)), False) == "yoy"


def test_an_annual_rate_stays_annualized() -> None:
    from briefcmp.analysis.measure import _basis

    s = "Output grew at an annual rate of 2.6% in the quarter."
    i = s.index("2.6%")
    assert _basis(s, s, (i, i + 4), False) == "saar"


def test_a_reporting_clause_ends_a_comparison_base() -> None:
    from briefcmp.analysis.periods import resolve

    s = ("Output rose 0.4% in the June quarter from the previous three months, the bureau said, "
         "short of the 0.6% analysts had expected.")
    i = s.index("0.6%")
    assert resolve(s, (i, i + 4), PUBLISHED, "australia")[0] != "2024-01/2024-03"
    j = s.index("0.4%")
    assert resolve(s, (j, j + 4), PUBLISHED, "australia")[0] == "2024-04/2024-06"


def test_a_wire_lead_without_a_headline_is_titled_without_its_dateline() -> None:
    from briefcmp.corpus import sentences as sent
    from briefcmp.drafting.metadata import find_metadata

    text = ("PORT ASH, Dec 4 (Wirecorp) - Eridia's factories lifted output for a third month in November as "
            "orders for machinery recovered, figures showed on Wednesday.\n\nMore text follows here.\n")
    title, _, _ = find_metadata(sent.prepare(text))
    assert title.startswith("Eridia's factories lifted output")


def test_a_question_says_per_capita_and_never_a_sign() -> None:
    from types import SimpleNamespace

    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.keynames import label
    from briefcmp.corpus.model import Config

    def member(shown: dict[str, str]):
        return SimpleNamespace(subjects=("eridia",), shown=shown, order=tuple(shown), words=frozenset(shown),
                               dim="percent", unit="percent")

    entities = Entities(Config())
    group = [member({"capita": "capita", "gdp": "GDP", "decrease": "decline"})] * 2
    assert "per capita GDP decline" in label(group, entities)


def test_a_signed_rise_is_shown_as_growth(tmp_path: Path) -> None:
    from briefcmp.analysis.align import describe
    from tests.test_align_whose import _brief_context

    text = ("Eridia: quarterly accounts\nHarbour Bank Economics | 4 December 2024\n\n"
            "In the September quarter, government consumption +1.4% q/q; public investment +5.3% q/q.\n")
    brief, ctx, e = _brief_context(tmp_path, "note", text)
    (m,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 5.3]
    assert m is not None and "increase" in m.words and m.shown["increase"] == "growth"


def test_brussels_in_a_brief_about_the_eu_is_not_belgium(tmp_path: Path) -> None:
    from tests.test_align_whose import _brief_context

    text = ("Widget levy agreed\nPress release | Brussels, 3 December 2024\n\n"
            "The Council of the European Union and the European Parliament agreed to raise the levy on imported "
            "widgets to 12 per cent from 2026.\n\nThe levy applies for 18 months at first.\n")
    _, ctx, _ = _brief_context(tmp_path / "eu", "council", text)
    assert "belgium" not in ctx.brief_subjects and "belgium" not in ctx.mentioned


def test_brussels_in_a_brief_about_belgium_stays_belgium(tmp_path: Path) -> None:
    from tests.test_align_whose import _brief_context

    text = ("Airport traffic\nCity Desk | Brussels, 3 December 2024\n\n"
            "Passenger numbers at the airport in Brussels rose 6 per cent in November to 2.1 million.\n")
    _, ctx, _ = _brief_context(tmp_path / "be", "desk", text)
    assert "belgium" in ctx.mentioned


def test_a_change_of_nothing_has_no_direction(tmp_path: Path) -> None:
    from briefcmp.analysis.align import describe
    from tests.test_align_whose import _brief_context

    text = ("Eridia: quarterly accounts\nStatistics Board of Eridia | 4 December 2024\n\n"
            "Household consumption was unchanged in the September quarter, after falling 0.3 per cent in the "
            "June quarter.\n")
    brief, ctx, e = _brief_context(tmp_path, "board", text)
    (flat,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 0]
    assert flat is not None and "consumption" in flat.words and not flat.words & {"increase", "decrease"}


def test_a_past_point_in_a_title_or_lead_stays_its_period() -> None:
    lead = "The agency said 41.2 million people were displaced at the end of 2023, a record."
    assert title_period(lead, date(2024, 6, 13), "") == "2023"


def test_an_annual_rise_in_prices_is_the_inflation_rate_not_a_basis() -> None:
    from briefcmp.analysis.measure import _basis

    s = "The annual rise in the consumer prices index slowed to 2.4% last month from 2.9% in May."
    i = s.index("2.4%")
    assert _basis(s[:s.index(" from")], s, (i, i + 4), False) == ""
