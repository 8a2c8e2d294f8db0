"""The kinds of evidence a candidate lacks (analysis/missingevidence.py), in align's output, and the calibration table
of benchmarks/lineup_candidates.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from hypothesis import given, strategies as st
from typer.testing import CliRunner

from briefcmp.analysis.missingevidence import KINDS, missing, said
from briefcmp.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_each_reason_names_its_kind_of_evidence() -> None:
    assert missing("no stated period for x#pct-1 (as-of taken from the publication date)") == ("period",)
    assert missing("the wording is only alike (similarity 0.41)") == ("measure",)
    assert missing("linked only by context: 'harvest' (score 0.30)") == ("measure",)
    assert missing("linked only by the figure linker (weakest pair 0.70, below its bar 0.85)") == ("measure",)
    assert missing("forecasts are compared only when a person keys them") == ("kind",)
    assert missing("y#eur-2 is a forecast among figures of fact") == ("kind",)
    assert missing("wire gives two values for 2023: the wording does not tell them apart") == ("one value",)
    assert missing("no country or registered entity named") == ("subject",)
    assert missing("z#pct-3 states no base where the others state one (qoq): the base is missing") == ("basis",)
    assert missing("the currency (CHF) of q#chf-4 is inferred, and its value differs: a currency its own text "
                   "states is missing") == ("unit",)
    assert missing("split by a person") == ("a person's decision",)


def test_review_groups_name_what_they_lack() -> None:
    from briefcmp.analysis.reviewgroups import ASKED

    assert missing(ASKED) == ("measure",)


def test_several_reasons_are_listed_in_one_order() -> None:
    doubt = ("the subject of a#pct-5 is inferred from other reports of the release, and its value differs; "
             "no stated period for b#pct-4 (as-of taken from the publication date)")
    assert missing(doubt) == ("subject", "period")
    assert said("one report names less than the other, and no report states the period: two inferences") == \
        "measure, period"


def test_statements_reasons_use_the_same_kinds() -> None:
    assert missing("the verbs differ (ban / curb): a person should say whether they answer one question") == ("measure",)
    assert missing("the linker rates them 0.41, below its bar 0.60; not every claim names wheat") == ("measure",)
    assert missing("the stated periods do not overlap") == ("period",)
    assert missing("no date for p#ban (none stated, no publication date): a change over time cannot be told") == \
        ("period",)
    assert missing("a forecast and a fact: a person should say whether they answer one question") == ("kind",)
    assert missing("the statements are only alike; the actors (Ruritania / its cabinet) are taken as one: read as "
                   "Ruritania from the briefs") == ("subject", "measure")
    assert missing("not decided and not done can both hold: a person should say whether they conflict") == \
        ("a person's decision",)


def test_an_unknown_reason_is_other_and_none_is_nothing() -> None:
    assert missing("the moon is in the wrong phase") == ("other",)
    assert missing("") == ()
    assert missing("   ") == ()


@given(st.text(max_size=300))
def test_any_text_gives_known_kinds_in_order(text: str) -> None:
    kinds = missing(text)
    assert all(k in KINDS for k in kinds)
    assert list(kinds) == sorted(kinds, key=KINDS.index)
    assert len(set(kinds)) == len(kinds)


def test_align_lists_the_evidence_a_candidate_lacks(tmp_path: Path) -> None:
    runner = CliRunner()
    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    texts = {"board": "Tea board annual note\n\nNairobi, 3 March 2024\n\nKenya earned 180 billion shillings from tea "
                      "exports, the board said.\n",
             "paper": "Tea earnings slip\n\n20 May 2024\n\nKenya earned 175 billion shillings from tea exports, "
                      "according to the board.\n"}
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["add", str(path), str(root), "--id", name]).exit_code in (0, 1)
    out = runner.invoke(app, ["align", str(root), "--format", "json"])
    candidates = json.loads(out.stdout)["candidates"]
    assert candidates and all(c["missing"] == list(missing(c["doubt"])) for c in candidates)
    assert any("period" in c["missing"] for c in candidates)
    text = runner.invoke(app, ["align", str(root)]).stdout
    assert "evidence missing: period" in text
    # listing what is missing changes no proposal's id: --accept and --review name the same groups
    again = json.loads(runner.invoke(app, ["align", str(root), "--format", "json"]).stdout)["candidates"]
    assert [c["id"] for c in again] == [c["id"] for c in candidates]


def _bench():
    spec = importlib.util.spec_from_file_location("lineup_candidates", ROOT / "benchmarks" / "lineup_candidates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_calibration_table_counts_pairs_by_class() -> None:
    bench = _bench()
    rows = [{"missing": ["period"], "shape": "1/brief", "pairs": [
                {"label": "right", "fc_risk": False}, {"label": "right", "fc_risk": False},
                {"label": "wrong", "fc_risk": True}, {"label": "unjudged", "fc_risk": False}]},
            {"missing": ["measure"], "shape": "mixed", "pairs": [{"label": "trap", "fc_risk": False}]}]
    lines = bench.table(rows)
    period = next(line for line in lines if line.startswith("| period |"))
    assert "| 1/brief | 1 | 0/1/0/0 | 2 | 1 | 0 | 1 | 67% | 1 |" in period
    measure = next(line for line in lines if line.startswith("| measure |"))
    assert "| 0 | 0 | 1 | 0 | 0% |" in measure
    assert "| 0/0/0/1 |" in measure
    assert lines[-1].startswith("| **all** | | 2 | 0/1/0/1 | 2 | 1 | 1 | 1 | 50% | 1 |")


def test_halves_follow_the_readmes(tmp_path: Path) -> None:
    bench = _bench()
    for name in ("alpha", "beta", "gamma"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "gold.yaml").write_text("relations: []\n", encoding="utf-8")
    (tmp_path / "README-heldout-2026-12-07-s9.md").write_text("| set |\n|---|\n| beta |\n", encoding="utf-8")
    assert bench.halves(tmp_path) == {"old": ["alpha", "gamma"], "s9": ["beta"]}
