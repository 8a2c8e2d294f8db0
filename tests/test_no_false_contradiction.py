"""Issue 21: weak evidence that two figures are one (a measure borrowed from another figure, wording only
alike, the only figure of its kind, a context link) never sets two values against each other: the group
waits as a candidate saying what is missing; an early estimate and a later release of its period are a
revision, shown as a change. Texts written here."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefcmp.cli import app

runner = CliRunner()


def _run(root: Path, texts: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """init -> add -> align --apply -> compare: the relations, and the candidates a second align proposes."""
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        path = root.parent / f"{root.name}-{name}.txt"
        path.write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["add", str(path), str(root), "--id", name]).exit_code in (0, 1)
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code in (0, 1)
    relations = json.loads(runner.invoke(app, ["compare", str(root), "--format", "json"]).stdout)["relations"]
    r = runner.invoke(app, ["align", str(root), "--format", "json"])
    return relations, json.loads(r.stdout).get("candidates") or []


def test_shares_of_two_different_wholes_are_no_contradiction(tmp_path: Path) -> None:
    relations, candidates = _run(tmp_path / "c", {
        "agency": "Malawi HIV treatment report\n\nLilongwe, 22 July 2024\n\nIn Malawi, 89% of people living with "
                  "HIV who knew their status were on treatment in 2023.\n",
        "paper": "Malawi close to treatment targets\n\n23 July 2024\n\nIn Malawi, 84% of all people living with "
                 "HIV were on treatment in 2023, the report said.\n"})
    assert not [r for r in relations if r["kind"] == "contradiction"]
    assert any("narrower" in (c.get("doubt") or "") for c in candidates)


_FLASH = ("Austria's economy grows in the third quarter\n\nVIENNA, October {day}, 2024 (Wire) - Austria's gross domestic "
          "product grew 0.3% in the third quarter of 2024 from the previous quarter, according to a flash estimate by "
          "the statistics office.\n")
_DETAIL = ("Austria's growth revised down\n\nVIENNA, November 29, 2024 (Wire) - Austria's gross domestic product grew "
           "0.1% in the third quarter of 2024 from the previous quarter, the statistics office said in its detailed "
           "release.\n")


def test_a_flash_estimate_and_the_detailed_release_a_month_later_are_a_revision(tmp_path: Path) -> None:
    """Two vintages of one quarter's figure are keyed together and shown as a change of estimate."""
    relations, _ = _run(tmp_path / "c", {"flash": _FLASH.format(day=30), "detail": _DETAIL})
    assert [r["kind"] for r in relations] == ["change-over-time"]
    assert "a revision, not a contradiction" in relations[0]["explanation"]
    assert "published 30 days later" in relations[0]["explanation"]


def test_reports_a_day_apart_that_differ_still_contradict(tmp_path: Path) -> None:
    detail = _DETAIL.replace("November 29", "November 28")
    relations, _ = _run(tmp_path / "c", {"flash": _FLASH.format(day=27).replace("October", "November"),
                                         "detail": detail})
    assert [r["kind"] for r in relations] == ["contradiction"]


def test_a_month_to_month_rate_is_never_the_annual_rate(tmp_path: Path) -> None:
    relations, _ = _run(tmp_path / "c", {
        "office": "Consumer prices, March 2024\n\nStatistics Office of Ghana, 10 April 2024\n\nThe consumer price "
                  "index rose from 201.5 in February 2024 to 202.3 in March 2024, a month-to-month inflation rate of "
                  "0.4 per cent.\n",
        "wire": "Ghana inflation eases\n\nACCRA, April 10, 2024 (Wire) - Ghana's inflation rate eased to 25.8% in "
                "March, the statistics office said on Wednesday.\n",
        "paper": "Prices rise more slowly\n\n11 April 2024\n\nGhana's inflation rate slowed to 25.8 per cent in March "
                 "2024.\n"})
    assert not [r for r in relations if r["kind"] == "contradiction"]


def test_this_year_with_no_publication_date_takes_no_later_figure_s_year(tmp_path: Path) -> None:
    """Unread for want of a date, "this year" still dates its figure (as unknown): the year written after
    the next figure is not its period, or one order of adding briefs contradicts what another keys."""
    import yaml

    src = tmp_path / "wire.txt"
    src.write_text("Bank sees slower inflation\n\nStaff now see inflation at 3.1% this year and 2.6% next year, "
                   "before it eases to 2.2% in 2027.\n", encoding="utf-8")
    out = tmp_path / "wire.claims.yaml"
    assert runner.invoke(app, ["annotate", str(src), "-o", str(out)]).exit_code == 0
    as_of = {c["value"]["amount"]: c.get("as_of") for c in yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
             if (c.get("value") or {}).get("amount") is not None}
    assert as_of[3.1] is None and as_of[2.6] is None
    assert str(as_of[2.2]) == "2027"


def test_align_reads_an_unread_this_year_as_no_period_not_the_next_figure_s() -> None:
    from datetime import date

    from briefcmp.analysis.periods import resolve

    s = "Staff now see inflation at 3.1% this year and 2.6% next year, before it eases to 2.2% in 2027."
    i = s.index("3.1")
    assert resolve(s, (i, i + 4), None)[0] == ""
    assert resolve(s, (i, i + 4), date(2024, 12, 12))[0] == "2024"
    j = s.index("2.2")
    assert resolve(s, (j, j + 4), None)[0] == "2027"
