"""Whose figure it is (analysis/views.py): a brief's own estimate, or a forecast named after its figure, is a view;
drafted as a forecast, so that two views differ as a disagreement and never as a contradiction of fact."""

from __future__ import annotations

import pytest

from briefcmp.analysis.views import a_view, expected_after, own_view


def _at(sentence: str, figure: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = sentence.index(figure, i + 1)
    return i, i + len(figure)


@pytest.mark.parametrize("sentence, figure, nth", [
    ("On a national-accounts basis we estimate last year's shortfall at roughly 5.9% of output.", "5.9", 0),
    ("We now expect the jobless rate to settle at 6.1% by December.", "6.1", 0),
    ("We trimmed our 2026 inflation forecast to 3.4% from 3.9%.", "3.4", 0),
    ("Output beat the ministry's 1.7% and our 1.7% call.", "1.7", 1),
    ("Our base case of 2.8% assumes no new tariffs.", "2.8", 0),
    ("we put the harvest at 41 million tonnes this season", "41", 0),
])
def test_the_briefs_own_estimate_is_a_view(sentence, figure, nth):
    assert own_view(sentence, _at(sentence, figure, nth))
    assert a_view(sentence, _at(sentence, figure, nth))


@pytest.mark.parametrize("sentence, figure", [
    ("Capital spending rose 3.1%, half of the 6.2% the plan had counted on.", "6.2"),
    ("Revenue came in just under the 12.4 billion the treasury had pencilled in.", "12.4"),
    ("Growth of 1.9% beat the 1.5% assumed in the spring budget.", "1.5"),
    ("Prices rose 4.4%, above the 4.1% expected by economists.", "4.1"),
    ("the 8% which the cabinet had originally budgeted for defence", "8"),
])
def test_a_forecast_named_after_its_figure_is_a_view(sentence, figure):
    at = _at(sentence, figure)
    assert expected_after(sentence, at[1])
    assert a_view(sentence, at)


@pytest.mark.parametrize("sentence, figure", [
    ("We cut operating costs by 5% last year.", "5"),  # a company's deed, not its estimate
    ("Output grew 2.3% in 2025, above our forecast.", "2.3"),  # the outcome our forecast is set against
    ("Against our forecast of 1.5%, output grew 2.3%.", "2.3"),  # another figure stands between
    ("Capital spending rose 3.1%, half of the 6.2% the plan had counted on.", "3.1"),  # the outcome before
    ("Prices rose 4.4%, above the 4.1% expected by economists.", "4.4"),
    ("We calculate that exports rose 5% in the quarter.", "5"),  # a computation of an outcome
    ("Our economy grew 2.3% last year, the minister said.", "2.3"),  # "our" names no view
    ("Industrial output rose 2.2% while we expect services to slow.", "2.2"),
])
def test_an_outcome_is_no_view(sentence, figure):
    assert not a_view(sentence, _at(sentence, figure))


def test_a_budgets_own_projection_stated_as_its_content_is_no_view():
    """"forecast for <year>" after a budget's figure is what the budget says: reports of the budget give it as its
    content, so it is drafted as they are (and no budget's wording is overruled by a held view)."""
    from briefcmp.analysis.views import held_view

    sentence = "* Shortfall of $17.4 billion forecast for 2026/27"
    at = _at(sentence, "17.4")
    assert not a_view(sentence, at) and not held_view(sentence, at)
    other = "Capital spending rose 3.1%, half of the 6.2% the plan had counted on."
    assert held_view(other, _at(other, "6.2"))
    assumed = "Growth of 1.9% beat the 1.5% assumed in the spring budget."
    assert a_view(assumed, _at(assumed, "1.5")) and not held_view(assumed, _at(assumed, "1.5"))


def test_a_span_that_ends_before_its_unit_reads_the_same():
    sentence = "Capital spending rose 3.1%, half of the 6.2% the plan had counted on."
    start = sentence.index("6.2")
    assert a_view(sentence, (start, start + 3)) and a_view(sentence, (start, start + 4))


def test_two_views_of_one_year_are_drafted_as_forecasts_not_facts(tmp_path):
    """Through the user's path: a bank's own estimate and a budget's assumption are drafted as forecasts; the
    outcome in the same sentence stays a fact."""
    from typer.testing import CliRunner
    from yaml import safe_load

    from briefcmp.cli import app

    src = tmp_path / "note.txt"
    src.write_text("Ruritania: fiscal note\nLakeside Bank Research, 12 February 2026\n\n"
                   "Capital spending rose 3.1% in 2025, half of the 6.2% the budget had counted on. "
                   "On a national-accounts basis we estimate the 2025 deficit at about 5.9% of GDP.\n",
                   encoding="utf-8")
    corpus = tmp_path / "c"
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(corpus)]).exit_code == 0
    r = runner.invoke(app, ["add", str(src), str(corpus), "--id", "note"])
    assert r.exit_code in (0, 1), r.output
    claims = safe_load((corpus / "note.claims.yaml").read_text(encoding="utf-8"))["claims"]
    kinds = {c["value"]["amount"]: c["kind"] for c in claims if isinstance(c.get("value"), dict)}
    assert kinds[3.1] == "fact"
    assert kinds[6.2] == "forecast"
    assert kinds[5.9] == "forecast"


def test_any_text_reads_without_error_or_delay():
    """Any script and any length: a bool, quickly (the patterns are bounded, no nested repetition)."""
    import time

    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list("we our 7.5% 年억é the budget had counted on, ;")), max_size=300),
           st.integers(0, 300))
    def check(text, at):
        at = min(at, len(text))
        assert a_view(text, (at, at)) in (True, False)

    check()
    long = "we estimate " + "the " * 20000 + "5%"
    t0 = time.perf_counter()
    a_view(long, (len(long) - 2, len(long)))
    assert time.perf_counter() - t0 < 1.0
