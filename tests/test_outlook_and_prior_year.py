"""A forecaster's view and a forecast reported after the fact are forecasts; a title's outlook clause names
no period of the report; "the previous year" of a results release is the year before the one it reports.
Sentences written for these tests (analysis/measure.py FORECAST_WORDS, analysis/titleperiods.py,
analysis/periods.py, analysis/periodbases.py)."""

from __future__ import annotations

from datetime import date

import pytest

from briefcmp.analysis.measure import FORECAST_WORDS, REPORTED_FORECAST
from briefcmp.analysis.periods import resolve
from briefcmp.analysis.titleperiods import title_period


@pytest.mark.parametrize("text", [
    "We see core inflation hovering around 3-3.5% into the summer.",
    "Analysts now see the policy rate at 5% by December.",
    "The central bank had projected growth of 1.1% for the year.",
    "Fitch had expected a deficit of 4.2% of output.",
    "The treasury had forecast 0.8% in its spring statement.",
])
def test_views_and_earlier_forecasts_are_forecasts(text: str) -> None:
    assert FORECAST_WORDS.search(text) or REPORTED_FORECAST.search(text)


@pytest.mark.parametrize("text", [
    "Output grew 2.1%, more than economists had expected.",
    "Sales rose 4%, faster than the company had forecast in March.",
    "As we see it, the surplus was 1.2% of output.",
    "We see that tourist arrivals reached 9.4 million.",
    "Exports had fallen 3.3% before the rebound.",
])
def test_outcomes_beside_expectations_stay_facts(text: str) -> None:
    assert not FORECAST_WORDS.search(text) and not REPORTED_FORECAST.search(text)


def test_an_outcome_in_the_base_of_an_earlier_forecast_stays_a_fact(tmp_path) -> None:
    """"had expected the rate to climb to 4.6% from 4.4% in May": 4.6% is the forecast, 4.4% May's rate."""
    from briefcmp.drafting.draft import BriefMeta, build_draft

    text = ("Economists had expected the jobless rate to climb to 4.6% from 4.4% in May. Producer prices "
            "rose 1.3%, the office said, below the 1.5% median of a survey of analysts, who had expected annual "
            "producer inflation of 7.1%.\n")
    meta = BriefMeta(id="post", title="Jobless rate holds", source="post.txt", source_sha256="0" * 64)
    kinds = {c.value.amount: c.kind for c in build_draft(text, meta=meta).claims if c.value is not None}
    assert kinds.get(4.6) == "forecast" and kinds.get(4.4) == "fact", kinds
    assert kinds.get(7.1) == "forecast" and kinds.get(1.3) == "fact", kinds


@pytest.mark.parametrize("title,expected", [
    # an outlook clause beside a reporting clause: the outlook's year is not the report's
    ("Brewer's sales slip 2%, sees recovery in 2026", ""),
    ("Port throughput hit record in 2025; operator expects slower growth in 2026", "2025"),
    # one clause: a forecaster's title keeps its period (its figures are forecasts of that year)
    ("Central bank sees growth of 1.4% in 2026", "2026"),
    ("Wheat harvest 2025 beats expectations", "2025"),
])
def test_a_titles_outlook_clause_names_no_period_of_the_report(title: str, expected: str) -> None:
    assert title_period(title, date(2026, 2, 20)) == expected


def period(sentence: str, figure: str, published: date, own_year: str = "") -> str:
    i = sentence.index(figure)
    return resolve(sentence, (i, i + len(figure)), published, "", own_year)[0]


def test_the_previous_year_of_a_results_release_is_the_year_before_the_one_it_reports() -> None:
    s = "Operating income reached CHF 812 million (previous year: CHF 745 million)."
    # published in March 2026 on the 2025 financial year (its title says so)
    assert period(s, "745", date(2026, 3, 4), "2025") == "2024"
    # the label's base is the base, not the figure's period: the current figure takes none from it
    assert period(s, "812", date(2026, 3, 4), "2025") == ""
    # with a year stated in the sentence, its previous year is the one before that
    s2 = "Revenue grew 5% to CHF 9.1 billion in the 2025 financial year (prior year: CHF 8.7 billion)."
    assert period(s2, "8.7", date(2026, 3, 4)) == "2024"
    assert period(s2, "9.1", date(2026, 3, 4)) == "2025"
    # "in the previous year" of a sentence with no year of its own: the year before the brief's own
    assert period("The unit earned CHF 40 million in the previous year.", "40", date(2026, 3, 4), "2025") == "2024"
    # without a year of the brief's own, as before: the year before publication
    assert period("The unit earned CHF 40 million in the previous year.", "40", date(2026, 3, 4)) == "2025"
    # "last year" in news stays the year before publication, whatever the brief reports on
    assert period("Exports fell 3% last year.", "3%", date(2026, 3, 4), "2024") == "2025"


def test_a_results_release_and_its_reports_set_no_year_against_the_one_before(tmp_path) -> None:
    """End to end: the release's "(previous year: ...)" figure is last year's, so it never contradicts this
    year's figure in the reports of the same day, and a wire's outlook title does not date its figures."""
    from tests.test_align_precision import _lineup

    texts = {
        "release": "Harbor Foods closes 2025 with higher sales; stronger margins expected for 2026\n"
                   "Harbor Foods AG | Media release | Basel, 5 March 2026\n\n"
                   "Harbor Foods increased its sales by 4% to CHF 6.2 billion in the 2025 financial year "
                   "(previous year: CHF 5.96 billion). Net profit amounted to CHF 310 million "
                   "(previous year: CHF 402 million). The board proposes an unchanged dividend.\n",
        "wire": "Harbor Foods profit slides, sees better margins in 2026\n"
                "BASEL, March 5 (Alpine Wire) -\n\n"
                "Harbor Foods said on Thursday its net profit fell 23% to 310 million Swiss francs, as higher "
                "cocoa costs squeezed margins, while sales rose 4% to 6.2 billion francs.\n",
        "daily": "Harbor Foods: sales up, profit down\n"
                 "Basler Wirtschaftsblatt | 6 March 2026\n\n"
                 "The food group's net profit dropped to 310 million francs last year, from 402 million a "
                 "year earlier, although sales climbed to 6.2 billion francs.\n",
    }
    relations, claims = _lineup(tmp_path, texts)
    assert not [r for r in relations if r["kind"] == "contradiction"], relations
    prior = [c for ref, c in claims.items() if ref.startswith("release#") and
             (c.get("value") or {}).get("amount") == 402]
    assert len(prior) == 1
    assert str(prior[0].get("as_of", "")) in ("", "2024")  # never 2025, the year of the 310 million
