"""Temperatures, concentrations and rates of small lengths are drafted with their units (session 14): a
climate report's "1.55 °C", "1.54C", "420 ppm" and "4.7 mm a year" were not drafted at all, and "30 degrees
Celsius" was a count of "degrees". Calibres ("155mm shells") and names ("Class 3C") stay no figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus.model import PartialDate
from briefcmp.corpus.sentences import prepare
from briefcmp.corpus.units import comparable, canonical_unit, is_count, is_physical
from briefcmp.drafting.figures import find_figures


def figures(text: str) -> list[tuple[float, str]]:
    return [(f.value.amount, f.value.unit) for f in find_figures(prepare(text).text, published=PartialDate(2025, 3))
            if f.kind != "date"]


@pytest.mark.parametrize("text, expected", [
    ("Last year the average surface temperature stood 1.55 °C above its pre-industrial level.", (1.55, "°C")),
    ("Last year the average surface temperature stood 1.55°C above its pre-industrial level.", (1.55, "°C")),
    ("The island's thermometers showed 41.2 degrees Celsius on Tuesday.", (41.2, "°C")),
    ("Forecasters say warming will pass 1.5C within the decade.", (1.5, "°C")),
    ("Mean sea level climbed 4.2 mm a year between 2014 and 2023.", (4.2, "mm/year")),
    ("Mean sea level climbed 4.2 millimetres per year between 2014 and 2023.", (4.2, "mm/year")),
    ("Methane in the air averaged 1,930 ppb over the year.", (1930, "ppb")),
    ("Carbon dioxide averaged 423.9 parts per million at the observatory.", (423.9, "ppm")),
    ("The storm dropped 180 millimetres of rain on the capital.", (180, "millimetres")),
])
def test_climate_figures_carry_their_units(text: str, expected: tuple[float, str]) -> None:
    assert expected in figures(text)


def test_a_glued_c_needs_heat_in_the_text_around_it() -> None:
    # the sentence before speaks of heat: "it" is the temperature
    assert (1.54, "°C") in figures("The agency put the year's temperature anomaly at 1.55 °C. A second dataset "
                                   "put it at 1.54C.")
    assert figures("Pupils of Class 3C won the debate.") == []
    assert figures("The ministry said 4C of the plan was finished.") == []


def test_calibres_are_no_lengths() -> None:
    found = figures("The factory will make 155mm shells and 120 mm mortar rounds.")
    assert all(unit not in ("millimetres", "mm") for _, unit in found)


def test_the_units_compare_within_their_dimension() -> None:
    assert comparable("°C", 1.5) == ("temperature", 1.5)
    assert comparable("°F", 2.7)[0] != "temperature"  # never set against a Celsius figure
    assert comparable("ppb", 1930)[0] == comparable("ppm", 1.93)[0] == "concentration"
    assert abs(comparable("ppb", 1930)[1] - comparable("ppm", 1.93)[1]) < 1e-12
    assert comparable("mm/year", 4.2)[0] == "length per time"
    assert canonical_unit("℃") == "°C" and canonical_unit("degrees celsius") == "°C"
    for unit in ("°C", "°F", "ppm", "ppb", "mm/year", "millimetres"):
        assert is_physical(unit) and not is_count(unit)


def test_add_finds_the_corpus_from_inside_it(tmp_path: Path, monkeypatch) -> None:
    """`briefcmp add FILE` with no PATH finds the corpus as every other command does (it used to insist
    on ./briefs and fail inside the corpus folder)."""
    runner = CliRunner()
    corpus = tmp_path / "study"
    assert runner.invoke(app, ["init", str(corpus)]).exit_code == 0
    note = tmp_path / "note.txt"
    note.write_text("Heat report\n\nThe summer's peak reached 44.1 °C in the south, the service said.\n",
                    encoding="utf-8")
    monkeypatch.chdir(corpus)
    result = runner.invoke(app, ["add", str(note)])
    assert result.exit_code == 0, result.output
    assert (corpus / "note.claims.yaml").is_file()
    monkeypatch.chdir(tmp_path)  # no ./briefs, no briefcmp.yaml upward: a clear error, exit 2
    other = runner.invoke(app, ["add", str(note)])
    assert other.exit_code == 2 and "no corpus here" in other.output


def test_a_noun_whose_plural_is_its_singular_is_a_count() -> None:
    """"412 aircraft" and "deliveries: 412" count one thing; a plural not in -s counts like one in -s."""
    for unit in ("aircraft", "sheep", "livestock", "children", "vehicles"):
        assert is_count(unit), unit
    for unit in ("percent", "cents", "tonnes", "USD", "days"):
        assert not is_count(unit), unit
