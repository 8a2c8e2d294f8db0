"""What a figure is, read from its grammar (analysis/figurerole.py): a level a movement reached, a change,
and the figure an expectation word governs. Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefcmp.analysis import figurerole, nlp
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.grouping import veto
from briefcmp.analysis.measure import measured_words

pytestmark = pytest.mark.skipif(not nlp.available(), reason="the 'nlp' extra reads the grammar")


def words(text: str, figure: str) -> frozenset[str]:
    i = text.index(figure)
    unit = "percent" if "%" in figure else ""
    return measured_words(text, Entities(use_countries=False), unit, (i, i + len(figure)))[0]


@pytest.mark.parametrize("text,figure", [
    ("The crop agency lifted its estimate for the 2025/26 wheat harvest to 41.2 million tonnes", "41.2 million"),
    ("Thursday's move takes the bank's hikes since March to 300 basis points", "300"),
    ("The ministry cut its outlook for the season's sugar output to nearly 28 million tonnes", "28 million"),
])
def test_the_end_point_of_a_movement_is_a_level(text: str, figure: str) -> None:
    assert not words(text, figure) & {"increase", "decrease"}


@pytest.mark.parametrize("text,figure", [
    ("The jobless rate dropped to a seven-month low of 4.2% in May", "4.2%"),
    ("Wheat stocks climbed to a record of 31.5 million tonnes", "31.5 million"),
    ("Reserves rose to an all-time high of $612 billion", "$612 billion"),
    ("The board voted, bringing it down to 3.25 per cent", "3.25 per cent"),
])
def test_a_level_reached_through_a_noun_or_a_particle_is_a_level(text: str, figure: str) -> None:
    assert not words(text, figure) & {"increase", "decrease"}


@pytest.mark.parametrize("text,figure,moved", [
    ("Inflation hit a record high of 9.1% in June", "9.1%", False),  # no movement "to": a level anyway
    ("Output fell 2% to a record low", "2%", True),  # the change before "to" stays a change
    ("Prices came down 4% from a peak of 9.1% in June", "4%", True),
    ("The currency fell to a low of 1.05 before it rose 3% to 1.08", "3%", True),
])
def test_end_point_nouns_leave_changes_alone(text: str, figure: str, moved: bool) -> None:
    assert bool(words(text, figure) & {"increase", "decrease"}) == moved


def test_the_movement_itself_stays_a_change_and_its_end_point_a_level() -> None:
    text = "Shipments of copper climbed 6.5% to $4.8 billion in the half"
    assert "increase" in words(text, "6.5%")
    assert "increase" not in words(text, "$4.8 billion")
    assert veto(words(text, "6.5%"), words(text, "$4.8 billion"))  # a change is no level


@pytest.mark.parametrize("text,figure", [
    ("Retail sales grew 0.6% in the month", "0.6%"),
    ("Retail sales showed growth of 0.6% in the month", "0.6%"),
    ("The index was close to 4% higher than a year before", "4%"),
])
def test_a_change_written_as_a_verb_or_a_noun_is_one_change(text: str, figure: str) -> None:
    assert "increase" in words(text, figure)


def test_a_comparison_with_to_is_no_level() -> None:
    assert figurerole.level_head("the rate was close to 4.1%", (20, 24), lambda w: False) is None


@pytest.mark.parametrize("text", [
    "Output grew 1.7% beating the 1.4% consensus",
    "Output grew 1.7% against forecasts of 1.4%",
    "Output grew 1.7%, above the 1.4% analysts had expected",
    "Output grew 1.7% compared with the 1.4% predicted in a poll",
])
def test_an_expectation_word_binds_the_figure_it_governs(text: str) -> None:
    outcome, forecast = words(text, "1.7%"), words(text, "1.4%")
    expect = {"forecast", "consensus", "consensu", "poll", "analyst", "predict", "expect"}
    assert not outcome & expect, outcome
    assert forecast & expect, forecast


def test_an_expectation_with_no_figure_of_its_own_says_what_the_clause_is() -> None:
    assert "forecast" in words("Output is expected to grow 1.7% next year", "1.7%")
    # a period written as a number is not a figure the word could govern
    assert "forecast" in words("The agency raised its forecast for the 2025/26 harvest to 41.2 million tonnes",
                               "41.2 million")


def test_without_the_extra_nothing_is_read(monkeypatch) -> None:
    monkeypatch.setattr(nlp, "_engine", lambda: None)
    assert figurerole.level_head("prices rose to 4%", (15, 17), lambda w: True) is None
    assert figurerole.governed_expectations("grew 2% beating the 1% consensus", (5, 7), lambda w: True) == []


@pytest.mark.parametrize("sentence,figure,expected", [
    ("Rwanda's economy grew 8.2% in 2023, above the official target of about 7%", "8.2%", True),
    ("Exports expanded 4.4% last year, and the ministry expects 5% growth this year", "4.4%", True),
    ("Exports expanded 4.4% last year, and the ministry expects 5% growth this year", "5%", False),
    ("The ministry will raise the levy to 4.4% and expects 5% growth", "4.4%", False),
    ("The deficit is put at 4.4% and will narrow next year", "4.4%", False),  # no past verb: a plan may be meant
])
def test_an_outcome_before_every_forecast_phrase_of_its_sentence(sentence, figure, expected) -> None:
    from briefcmp.analysis.measure import FORECAST_WORDS

    i = sentence.index(figure)
    assert figurerole.outcome(sentence, (i, i + len(figure)), FORECAST_WORDS) is expected


def test_a_drafted_forecast_that_is_an_outcome_is_a_figure_of_fact() -> None:
    from types import SimpleNamespace

    from briefcmp.analysis import evidence

    claim = SimpleNamespace(status="draft", kind="forecast", quote="Output grew 8.2% in 2023, above the 7% target")
    assert evidence.plan(SimpleNamespace(claim=claim, outcome=True))
    assert not evidence.plan(SimpleNamespace(claim=claim, outcome=False))


@pytest.mark.parametrize("text,figure,direction", [
    ("The new plan is 3.4 percent larger than last year's outlays", "3.4", "increase"),
    ("Freight volumes were 1.2 percent smaller than a year before", "1.2", "decrease"),
    ("The 2025 plan is 3.4% above 2024 outlays", "3.4%", "increase"),
])
def test_a_comparative_after_the_figure_makes_it_a_change(text: str, figure: str, direction: str) -> None:
    assert direction in words(text, figure)


def test_a_past_form_that_reads_like_the_base_form_is_past_after_its_subject() -> None:
    from briefcmp.analysis.measure import FORECAST_WORDS

    for sentence in ("The central bank (CB) cut its policy rate by 25 basis points, and will review it in June",
                     "The central bank cut its policy rate by 25 basis points and will review it in June"):
        i = sentence.index("25 basis points")
        assert figurerole.outcome(sentence, (i, i + 15), FORECAST_WORDS), sentence
    plan = "The central bank will cut its policy rate by 25 basis points and review it in June"
    i = plan.index("25 basis points")
    assert not figurerole.outcome(plan, (i, i + 15), FORECAST_WORDS)


def test_a_rise_of_consumer_prices_in_percent_is_inflation_whatever_the_aside(tmp_path) -> None:
    """"Consumer prices, the main gauge of inflation, rose 2.3 percent": inflation of 2.3 percent, the measure
    of "inflation was 2.3 percent" (no direction left beside it); a rise of a rate in points stays a change."""
    from tests.test_align_context import _members

    text = ("Freedonia inflation eases in May\nFreedonia Daily | June 4, 2025\n\n"
            "Consumer prices in Freedonia, the main gauge of inflation, rose 2.3 percent in May from a year earlier. "
            "Inflation in Freedonia was 2.3 percent in May, the statistics office said. "
            "The jobless rate in Freedonia rose 0.2 percentage point in May.\n")
    members = _members(tmp_path, text)
    rise = [m for m in members if m.claim.value.amount == 2.3]
    assert len(rise) == 2 and all("increase" not in m.words and "inflation" in m.words for m in rise)
    assert any(m.claim.value.amount == 0.2 and "increase" in m.words for m in members)


def test_a_verb_of_expectation_governs_every_figure_of_its_complement() -> None:
    text = "The carmaker expects operating profit to fall 12.5% to 3.1 trillion yen and net profit to drop 9.8%"
    for figure in ("12.5%", "3.1 trillion", "9.8%"):
        assert "forecast" in words(text, figure), figure


def test_a_verb_that_moves_nothing_is_no_level_s_head() -> None:
    """"decided to lower the rate by 25 basis points to 5.00 percent": "decided" is no movement, and the tagger
    reads the infinitive "lower" as a comparative; the level's head is a word of change or nothing."""
    from briefcmp.analysis import figurerole

    s = "the Board decided to lower the monetary policy rate by 25 basis points to 5.00 percent"
    i = s.index("5.00")
    assert figurerole.level_head(s, (i, i + 4), lambda w: w in ("rose", "fell", "lowered", "cut")) is None
    s = "the bank lowered its benchmark rate by 25 basis points to 5.00 percent"
    i = s.index("5.00")
    head = figurerole.level_head(s, (i, i + 4), lambda w: w in ("rose", "fell", "lowered", "cut"))
    assert head is not None and s[head[0]:head[1]] == "lowered"
