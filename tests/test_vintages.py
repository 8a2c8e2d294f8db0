"""Which estimate a figure is (analysis/vintages.py): a superseded figure is kept apart from the current one.

Sentences written for these tests, in the voices of a statistics office, a wire story and a broker note.
"""

from __future__ import annotations

import re

import pytest

from briefcmp.analysis.vintages import EARLY, LATER, said_superseded, vintage


def _tag(sentence: str, figure: str) -> str:
    m = re.search(re.escape(figure), sentence)
    assert m is not None
    return vintage(sentence, m.span())


@pytest.mark.parametrize("sentence, figure, tag", [
    # the office gives both vintages in one breath: the old one is superseded, the new one is not
    ("The agency now puts 2022 growth at 1.9%, against the 1.6% previously published.", "1.9%", ""),
    ("The agency now puts 2022 growth at 1.9%, against the 1.6% previously published.", "1.6%", "superseded"),
    # a wire rewrite quotes the old figure alone
    ("Output rose 1.6% that year, according to the figures released at the time.", "1.6%", "superseded"),
    ("Exports grew 4.2% in 2021 on the original estimate, since raised to 4.6%.", "4.2%", "superseded"),
    ("Unemployment was 5.1% before the revision and 5.3% after it.", "5.1%", "superseded"),
    ("The deficit, originally reported at 3.4% of GDP, was 3.9%.", "3.4%", "superseded"),
    # a superseded figure's words are its own, not the figure's before it
    ("Investment fell 2.2%, against 1.8% as first published.", "2.2%", ""),
    ("Investment fell 2.2%, against 1.8% as first published.", "1.8%", "superseded"),
    # a year does not end a figure's stretch
    ("GDP grew 2.1% in 2023, as first reported in March.", "2.1%", "superseded"),
    ("Preliminary data show GDP grew 2.1% in 2023.", "2.1%", "preliminary"),
    # the release's own kind is no vintage of the figure: every report of it gives that figure
    ("The statistics office's flash estimate put inflation at 2.4% in May.", "2.4%", ""),
    # a vintage said of another figure of the sentence is not this one's
    ("Sales rose 6% in the quarter, and the unrevised figure for the year before was 4%.", "6%", ""),
    ("The budgeted deficit of 2.5% compares with an outturn of 2.9%.", "2.5%", "budgeted"),
    # an early estimate the figure is set against, before it or after it, whichever figure is nearer the words
    ("Mining output rose 3.2% in 2024, above the flash estimate of 2.9%.", "2.9%", "superseded"),
    ("Mining output rose 3.2% in 2024, above the flash estimate of 2.9%.", "3.2%", ""),
    ("The jobless rate is now 4.4%, 0.2 points below the advance reading (4.6%).", "4.6%", "superseded"),
    ("The jobless rate is now 4.4%, 0.2 points below the advance reading (4.6%).", "0.2", ""),
    ("Retail sales grew 1.8%, revising the 2.0% given in the quick estimate.", "2.0%", "superseded"),
    ("Retail sales grew 1.8%, revising the 2.0% given in the quick estimate.", "1.8%", ""),
    # what an estimate had put the figure at; a day of a month is no figure that ends the stretch
    ("This supersedes the bulletin of 28 February, which had put the deficit at 3.7% of GDP.", "3.7%", "superseded"),
    ("The insurer had reported a loss of $2.1 million a year earlier.", "2.1", ""),  # an outcome, not an estimate
])
def test_a_figure_takes_the_vintage_its_own_stretch_names(sentence, figure, tag):
    assert _tag(sentence, figure) == tag


@pytest.mark.parametrize("quote", [
    "growth of 1.6%, as first reported in March",
    "a reading of 0.9% published at the time",
    "the earlier estimate of 0.9%",
    "a flash estimate of 0.3%",
    "provisionally put at 12,400",
])
def test_an_earlier_vintage_in_a_quote(quote):
    assert EARLY.search(quote)


@pytest.mark.parametrize("quote", [
    "growth of 1.6% in the first quarter",
    "the first time since 2019",
    "a previous record of 4.1 million",
])
def test_words_that_name_no_vintage(quote):
    assert not EARLY.search(quote)


def test_a_claim_said_superseded_by_its_own_figure():
    assert said_superseded("a shade below the 2.7% first announced in April", 2.7)
    assert not said_superseded("output rose 2.5%, a shade below the 2.7% first announced in April", 2.5)
    assert not said_superseded("the 2.7% first announced in April, and 2.7% in May", 2.7)  # not found once
    assert not said_superseded("growth of 2.7% in the first quarter", 2.7)


def test_a_later_vintage_in_a_quote():
    assert LATER.search("the revised figure of 2.3%")
    assert LATER.search("final data showed 2.3%")
    assert not LATER.search("growth of 2.3%, the fastest in a year")


def test_a_report_quoting_the_superseded_estimate_contradicts_no_one(tmp_path):
    """The office revises last year's growth; a wire gives the new figure, a newspaper the old one "published at
    the time". Both are right about their vintage: compare shows no contradiction between them."""
    from tests.test_align_precision import _claim, _lineup

    texts = {
        "office": ("Latvia national accounts: the economy grew 2.6% in 2025\n"
                   "Statistics Latvia | 12 March 2026\n\n"
                   "Gross domestic product of Latvia grew by 2.6% in 2025. With this release the office revised "
                   "earlier years: growth in 2024 now stands at 1.1%, against the 0.8% previously published.\n"),
        "wire": ("Latvia's economy expands 2.6% in 2025\n"
                 "RIGA, March 12 (Meridian Wire)\n\n"
                 "Latvia's economy grew 2.6% last year, the statistics office said on Thursday. Growth in 2024 "
                 "was 1.1%, it said.\n"),
        "paper": ("Latvia grows 2.6% as harvest recovers\n"
                  "The Riga Courier, 13 March 2026\n\n"
                  "Latvia's gross domestic product grew 2.6% in 2025. The drought year before was weak: growth "
                  "in 2024 was 0.8%, according to the figures published at the time.\n"),
    }
    relations, claims = _lineup(tmp_path, texts)
    old = _claim(claims, "paper", "published at the time", 0.8)
    for r in relations:
        if r["kind"] == "contradiction":
            assert old not in {f"{c['brief']}#{c['claim']}" for c in r.get("claims") or []}, r


def test_one_day_s_reports_of_a_revision_key_together_without_a_contradiction(tmp_path):
    """An office replaces its rapid estimate (4.1%) with preliminary data (3.9%); a wire and a broker, the same day,
    quote the rapid estimate as the one replaced. Keyed together by a person, the two figures are a change of
    estimate, not a contradiction."""
    import json

    import yaml
    from typer.testing import CliRunner

    from briefcmp.cli import app
    from tests.test_align_precision import _claim, _lineup

    texts = {
        "office": ("Armenia: GDP grew 3.9% in 2025 (preliminary data)\n"
                   "Statistical Committee | 16 March 2026\n\n"
                   "According to preliminary data, real GDP growth in 2025 was 3.9 percent. This replaces the rapid "
                   "estimate published on 30 January 2026, which had put annual growth at 4.1 percent.\n"),
        "wire": ("Armenia trims 2025 growth to 3.9%\n"
                 "YEREVAN, March 16 (Ararat Wire)\n\n"
                 "Armenia's economy grew 3.9% last year, the statistics committee said on Monday, a touch below "
                 "the 4.1% first announced in January.\n"),
        "broker": ("Armenia macro note: 2025 growth revised\n"
                   "Sevan Securities, 16/03/2026\n\n"
                   "The committee's preliminary figure of 3.9% for 2025 sits 0.2pp below the rapid estimate "
                   "(4.1%).\n"),
    }
    relations, claims = _lineup(tmp_path, texts)
    refs = [_claim(claims, "office", "real GDP growth in 2025", 3.9), _claim(claims, "broker", "preliminary figure", 3.9),
            _claim(claims, "wire", "first announced", 4.1)]
    root = tmp_path / "c"
    for path in root.glob("*.claims.yaml"):  # a person keys the three together
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for c in data.get("claims") or []:
            c.pop("key", None) if c.get("key") == "armenia-gdp-growth" else None
            if f"{data['brief']['id']}#{c['id']}" in refs:
                c["key"], c["status"] = "armenia-gdp-growth", "reviewed"
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = CliRunner().invoke(app, ["compare", str(root), "--format", "json"])
    found = [r for r in json.loads(out.stdout)["relations"] if r.get("key") == "armenia-gdp-growth"]
    assert not [r for r in found if r["kind"] == "contradiction"], found
    assert any(r["kind"] == "change-over-time" and "revision, not a contradiction: wire quotes the estimate since "
               "replaced" in r.get("explanation", "") for r in found), found
