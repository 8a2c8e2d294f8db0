"""Drafts a reviewer keeps (issue 24): no period labels as dates, no ordinals of names as ranks, no idioms
as shares, forecasts by clause, topics from the measured words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.corpus.model import PartialDate
from briefcmp.drafting.draft import BriefMeta, build_draft
from briefcmp.drafting.figures import find_figures
from briefcmp.corpus.sentences import prepare

FIXTURES = Path(__file__).parent / "fixtures" / "drafts"
runner = CliRunner()


def dates(text: str) -> list[str]:
    return [str(f.value.date) for f in find_figures(prepare(text).text, published=PartialDate(2024, 3))
            if f.kind == "date"]


@pytest.mark.parametrize("text", [
    "Coal plants will be phased out by 2030 under the plan.",
    "The 2040 target for coal is a phase-down.",
    "The plan's 2050 target is net zero for the whole power sector.",
    "Demand is expected to rise every year until 2030 at least.",
    "No new coal plant will be approved after 2030 in any province.",
    "In 2023 the economy grew 5.05 percent, faster than its neighbours.",
    "China added more solar capacity in 2023 than Vietnam has in total.",
    "The party set 2045 as the year the country should be rich.",
    "Interest costs are nearly double the level of 2021 by some measures.",
])
def test_a_period_label_is_no_date(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize("text, expected", [
    ("In 2017, the government signed the first feed-in tariff decision, paying 9 cents for twenty years.",
     ["2017"]),
    ("The seventh plan was adopted in 2011 after long talks.", ["2011"]),
    ("The 1996 accord still holds for both sides.", ["1996"]),
    ("In its 2013 National Security Strategy, the government set out its logic.", ["2013"]),
    ("Ties have been essentially frozen since 2018 between the two.", ["2018"]),
    ("The others will be merged in early 2026 by decree.", ["2026"]),
    ("In March 2023 the union imposed duties of 25 percent.", []),  # the date of the duty: its as-of
])
def test_an_event_date_is_a_date(text: str, expected: list[str]) -> None:
    assert dates(text) == expected


def ranks(text: str) -> list[str]:
    return [f.phrase(text) for f in find_figures(text) if f.kind == "rank"]


@pytest.mark.parametrize("text, expected", [
    ("The prime minister signed the eighth Power Development Plan into force.", []),
    ("China, whose 14th Five-Year Plan runs to 2025, added more solar.", []),
    ("The 13th Party Congress set the goal for the country.", []),
    ("The leaders met at the second Korea-Russia summit in Moscow.", ["second Korea-Russia summit"]),
    # "after" is a function word (corpus/functionwords.py): it ends the rank's noun phrase
    ("It was his second premiership after a first term.", ["second premiership"]),
    ("Vietnam is the third-largest solar market in Asia.", ["third-largest solar market"]),
])
def test_an_ordinal_in_a_name_is_no_rank(text: str, expected: list[str]) -> None:
    assert ranks(text) == expected


def test_a_number_in_a_name_is_no_duration() -> None:
    assert find_figures("China's 14th Five-Year Plan runs to 2025.", dates=False) == []
    assert [f.value.display() for f in find_figures("It signed a five-year plan.", dates=False)] == ["5 years"]


@pytest.mark.parametrize("text, expected", [
    ("Coal supplied almost half of its electricity.", ["~50%"]),
    ("Donors pledged 15.5 billion dollars, half of it from private banks.", ["USD 15.5 billion", "50%"]),
    ("Rooftop systems made up half of that capacity.", ["50%"]),
    ("Emissions were cut by half.", ["50%"]),
    ("In the second half of 2021 the grid operator cut solar output.", []),
    ("Investors have been half-hearted about new projects.", []),
    ("The repairs help, but half the problem is security.", []),
    ("Half the battle is won already.", []),
    ("Half of the time the line is full.", []),
    ("A third of the way through the year, the plan stalled.", []),
])
def test_half_counts_only_as_a_share_of_something_stated(text: str, expected: list[str]) -> None:
    assert [f.value.display() for f in find_figures(text, dates=False)] == expected


def draft(text: str):
    meta = BriefMeta(id="b", title="t", source="b.txt", source_sha256="", published=PartialDate(2024, 3))
    return {c.phrase: c for c in build_draft(text, meta=meta).claims}


def test_a_forecast_verb_makes_only_its_own_clause_a_forecast() -> None:
    claims = draft("Vietnam's economy grew 5.05 percent in 2023, and the plan expects demand to rise 10 percent "
                   "a year. By 2030, the plan foresees 150,489 MW of capacity, against 80 GW at the end of 2023. "
                   "Demand will, the ministry says, rise 9 percent this year.")
    assert {p: c.kind for p, c in claims.items()} == {
        "5.05 percent": "fact", "10 percent": "forecast", "150,489 MW": "forecast", "80 GW": "fact",
        "9 percent": "forecast"}
    claims = draft("Kishida pledged 100 million dollars in loans, a sign of Tokyo's willingness to help.")
    assert [c.kind for c in claims.values()] == ["fact"]  # "willingness" is no "will"
    claims = draft("The IMF expects growth of 3 percent in 2024, and 3.5 percent in 2025. Output will rise 5 "
                   "percent, and exports fell 2 percent last year.")
    assert {p: c.kind for p, c in claims.items()} == {
        "3 percent": "forecast", "3.5 percent": "forecast", "5 percent": "forecast", "2 percent": "fact"}



def test_topics_from_the_figures_clause(tmp_path: Path) -> None:
    from briefcmp.cli import app

    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    src = root / "sources" / "grid.txt"
    src.write_text("Vietnam's Grid\nMekong Energy Institute, March 2024\n\nSolar capacity stood at 16.5 gigawatts, "
                   "unchanged since the feed-in tariff lapsed. Exports of rice rose 5 percent in 2023, while "
                   "wind power grew.\n", encoding="utf-8")
    assert runner.invoke(app, ["annotate", str(src), "-o", str(root / "grid.claims.yaml")]).exit_code == 0
    claims = yaml.safe_load((root / "grid.claims.yaml").read_text(encoding="utf-8"))["claims"]
    assert {c["value"].get("unit"): c["topics"] for c in claims} == {"GW": ["energy"], "percent": ["trade"]}


def _pdf(text: Path, out: Path) -> Path:
    """The brief as a one-column PDF, its first line the title, its second the publisher's line."""
    from fpdf import FPDF

    lines = text.read_text(encoding="utf-8").split("\n")
    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, lines[0], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, lines[1], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Times", "", 11)
    for par in "\n".join(lines[3:]).split("\n\n"):
        pdf.multi_cell(0, 5.5, par.strip(), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(out))
    return out


def test_three_drafts_on_one_topic_have_no_bare_year_or_name_ordinal(tmp_path: Path) -> None:
    """Issue 24's new user: a PDF, a saved web page and a text on one topic (570 words), drafted by `add`."""
    pytest.importorskip("pdfplumber", reason="the 'add' extra is not installed: pip install '.[test]'")
    pytest.importorskip("trafilatura", reason="the 'add' extra is not installed: pip install '.[test]'")
    from briefcmp.cli import app

    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    inputs = [_pdf(FIXTURES / "mekong-brief.txt", tmp_path / "mekong-brief.pdf"),
              shutil.copy(FIXTURES / "saigon-daily.html", tmp_path), FIXTURES / "hanoi-forum.txt"]
    for path in inputs:
        r = runner.invoke(app, ["add", str(path), str(root)])
        assert r.exit_code == 0, r.output
    claims = [c for f in sorted(root.glob("*.claims.yaml"))
              for c in yaml.safe_load(f.read_text(encoding="utf-8"))["claims"]]
    years = [c["value"]["date"] for c in claims if "date" in c["value"] and "-" not in str(c["value"]["date"])]
    assert years == [2017]  # "In 2017, the government signed ...": the one event date written as a bare year
    assert sorted(c["value"]["rank"] for c in claims if "rank" in c["value"]) == [1, 1]  # "largest", "more than any other"
    units = {c["value"].get("unit") for c in claims if c["value"].get("amount") == 16.5}
    assert units == {"GW"}  # "16.5 gigawatts" and "16.5 GW" drafted alike
    kinds = {c["id"]: c["kind"] for c in claims}
    assert kinds["pct-5-05"] == kinds["pct-5-05-2"] == "fact"
    r = runner.invoke(app, ["align", str(root)])
    assert r.exit_code == 0, r.output
    # one key: the figures whose period is known form it, the undated one is a candidate to join it
    parts = [part for part in r.output.split("\n\n") if "16.5 GW" in part]
    members = [line.split(":")[0].strip("- ") for part in parts for line in part.splitlines() if line.startswith("  - ")]
    assert sorted(m.split("#")[0] for m in members) == ["hanoi-forum", "mekong-brief", "saigon-daily"]
    assert len({line.split(":")[0].split()[-1] for part in parts for line in part.splitlines()
                if line.startswith(("new key", "join key"))}) == 1
