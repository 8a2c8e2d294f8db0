"""Date claims lined up by event, and one brief's figures that answer one question (init -> annotate ->
align --apply -> compare on tests/fixtures/eventdates/).

crimea: a think-tank brief and a wire story. "Russia's annexation of Crimea in March 2014" and "When Russia
annexed Crimea in 2014" agree; a phone call of Kishida and Zelensky dated 15 and 16 February contradicts;
sanctions announced on 23 February and on 1 March are two rounds (a recurring event, dates a week apart):
never keyed together; "since 2014" is a bound, not the date of an event.
series: one brief gives its tea exports for 2022 and 2023 (a change), its avocado exports for 2023 twice
with two values (the brief contradicting itself), and coffee exports with a conversion in parentheses
(one claim: no key).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import eventdates
from briefcmp.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "eventdates"
runner = CliRunner()


def _walk(name: str, tmp: Path) -> tuple[Path, list[tuple[str, tuple[str, ...]]]]:
    root = tmp / name
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for text in sorted((FIXTURES / name).glob("*.txt")):
        shutil.copy(text, root / "sources" / text.name)
        r = runner.invoke(app, ["annotate", str(root / "sources" / text.name), "-o",
                                str(root / f"{text.stem}.claims.yaml")])
        assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["align", str(root), "--apply"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    rels = [(rel["kind"], tuple(sorted(c["value"].get("display", "") for c in rel["claims"])))
            for rel in json.loads(r.stdout)["relations"]]
    return root, rels


def test_event_dates_agree_and_contradict(tmp_path):
    root, rels = _walk("crimea", tmp_path)
    assert ("agreement", ("2014", "2014-03")) in rels
    assert ("contradiction", ("2022-02-15", "2022-02-16")) in rels
    # two rounds of sanctions a week apart, and "since 2014": no relation
    assert not any("2022-02-23" in values or "2022-03-01" in values for _, values in rels)
    assert len(rels) == 2
    config = (root / "briefcmp.yaml").read_text(encoding="utf-8")
    assert "type: date" in config and "tolerance" not in config.split("russia-annexation-date:")[1].split("\n  ")[0]


def test_one_brief_series_and_self_contradiction(tmp_path):
    _, rels = _walk("series", tmp_path)
    assert ("change-over-time", ("USD 1.2 billion", "USD 1.4 billion")) in rels
    assert ("contradiction", ("USD 150 million", "USD 180 million")) in rels
    # the coffee exports in shillings and in dollars are one claim, never a relation
    assert not any(any("230" in v or "RUB" in v or "KES" in v for v in values) for _, values in rels)
    assert len(rels) == 2


@pytest.mark.parametrize("sentence, date, event", [
    ("When Russia annexed Crimea in 2014, Japan imposed curbs.", "2014", "annexation"),
    ("On February 16, Kishida spoke to President Zelenskyy over the phone.", "2022-02-16", "call"),
    ("Tokyo called on Moscow on 3 March 2022 to withdraw its troops.", "2022-03-03", None),  # "called on": no call
    ("Trade has been flat since 2014, after Russia annexed Crimea.", "2014", None),  # a bound
    ("The 2014 crisis forced Abe to pause his campaign.", "2014", None),  # no event word
])
def test_event_of(sentence, date, event):
    at = eventdates._date_at(sentence, date)
    assert at is not None
    found = eventdates.event_of(sentence, at)
    assert (found[0] if found else None) == event


def test_date_at_reads_day_month_and_year():
    assert eventdates._date_at("On 15 February, Kishida called.", "2022-02-15") == (3, 14)
    assert eventdates._date_at("the 1956 joint declaration, 1956,", "1956") is None  # twice: unclear
    assert eventdates._date_at("ended in September 2020.", "2020-09") == (9, 23)


def _member(ref: str, amount: float, period: str, span: tuple[int, int], words=("tea", "exports")):
    from types import SimpleNamespace

    claim = SimpleNamespace(brief="review", ref=ref, quote=ref, span=span,
                            value=SimpleNamespace(base_amount=amount))
    return SimpleNamespace(claim=claim, period=period, period_how="stated", subjects_from="clause", alternate=False,
                           words=frozenset(words))


def test_within_brief_rules():
    from briefcmp.analysis import evidence, withinbrief

    ok = evidence.Evidence()
    series = [_member("a", 1.2e9, "2022", (0, 40)), _member("b", 1.4e9, "2023", (100, 140))]
    assert withinbrief.sure(series, ok)
    # one sentence, one period, two figures: a restatement ("X (Y)"), never a key
    assert not withinbrief.sure([_member("a", 1.2e9, "2023", (0, 60)), _member("b", 1.3e9, "2023", (10, 50))], ok)
    # one sentence, two periods: a series ("from X in 2022 to Y in 2023")
    assert withinbrief.sure([_member("a", 1.2e9, "2022", (0, 60)), _member("b", 1.4e9, "2023", (0, 60))], ok)
    # two values for one period, measured in other words: not known to be one question
    assert not withinbrief.sure([_member("a", 1.2e9, "2023", (0, 40)),
                                 _member("b", 1.4e9, "2023", (100, 140), ("tea", "exports", "kenya"))], ok)
    assert withinbrief.sure([_member("a", 1.2e9, "2023", (0, 40)), _member("b", 1.4e9, "2023", (100, 140))], ok)
    undated = _member("c", 1.4e9, "2023", (200, 240))
    undated.period_how = ""
    assert not withinbrief.sure([series[0], undated], ok)
    weak = evidence.Evidence()
    weak.parts["subject"] = 0.5
    assert not withinbrief.sure(series, weak)


@pytest.mark.parametrize("value", ["2024-04/2025-03", "2024-Q1", "2024-13", "", "2024年"])
def test_date_at_leaves_periods_alone(value):
    assert eventdates._date_at("Tokyo announced sanctions in 2024, on April 3.", value) is None
