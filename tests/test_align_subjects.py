"""Subjects and measures a figure's clause names only by pointing elsewhere (issue 21): the pair of
"trade between A and B", "the two countries" after two are named, and a participle ("..., growing
from X in 2000 to Y in 2021") that goes on about the sentence's subject. Fixture texts written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from briefcmp.analysis import clauses, periods
from briefcmp.analysis.align import _CLAUSE_BREAK, _clause
from briefcmp.analysis.document import Document
from briefcmp.cli import app

runner = CliRunner()


def _corpus(root: Path, texts: dict[str, str]) -> list[dict]:
    """init -> annotate -> align --apply -> compare, with no hand edit; the relations compare shows."""
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml")])
        assert r.exit_code == 0, r.output
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code in (0, 1)
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)["relations"]


def _found(root: Path, relations: list[dict]) -> set[tuple[str, frozenset, frozenset]]:
    """(kind, values, the subjects of the key it was found under)."""
    import yaml

    keys = (yaml.safe_load((root / "briefcmp.yaml").read_text(encoding="utf-8")) or {}).get("keys") or {}
    return {(r["kind"], frozenset(c["value"]["display"] for c in r["claims"]),
             frozenset((keys.get(r.get("key")) or {}).get("subjects") or ())) for r in relations}


def test_between_a_and_b_is_one_clause_with_two_subjects() -> None:
    s = "Trade between Norway and Denmark reached $4.6 billion in 2023 and fish made up half of it."
    i = s.index("4.6")
    a, b = _clause(s, i, i + 3)
    assert s[a:b] == "Trade between Norway and Denmark reached $4.6 billion in 2023"  # the second "and" still cuts
    assert [m.group() for m in clauses.breaks(_CLAUSE_BREAK, "Norway and Denmark traded more")] == [" and "]


def test_a_footnote_number_ends_a_sentence_and_to_ends_a_from_base() -> None:
    s = "Trade grew from $2.1 billion in 2010 to $4.3 billion in 2020.12 Copper led the rise."
    assert [s[a:b] for a, b in Document(s).norm_sentences] == [s[:s.index("12 Copper") + 2], "Copper led the rise."]
    i = s.index("4.3")
    assert periods.resolve(s, (i, i + 3), date(2024, 3, 1))[0] == "2020"
    i = s.index("2.1")
    assert periods.resolve(s, (i, i + 3), date(2024, 3, 1))[0] == "2010"
    assert clauses.PARTICIPLE.match(" growing from $2.1 billion") and not clauses.PARTICIPLE.match(" during 2010")
    assert not clauses.PARTICIPLE.match(" according to the ministry")


def test_pairs_and_participles_line_up_across_briefs(tmp_path: Path) -> None:
    texts = {
        # think-tank brief: the pair is named once, then "the two countries"; a third country comes first
        "inst": "Nordic Trade Brief\nNorthsea Institute | March 2024\n\n"
                "Sweden stayed outside the talks. Norway and Denmark signed a fisheries accord in 2019. "
                "Bilateral trade between the two countries reached $4.1 billion in 2023, customs data show.\n\n"
                "The value of trade between Chile and Peru has doubled since 2010, growing from $2.1 billion "
                "in 2010 to $4.3 billion in 2020.12 Copper led the rise.\n",
        # newspaper: the pair named with "between A and B"
        "paper": "Nordic trade hits a record\nThe Baltic Courier | 2 April 2024\n\n"
                 "Bilateral trade between Norway and Denmark came to $4.6 billion in 2023, the statistics office said.\n",
    }
    found = _found(tmp_path / "c", _corpus(tmp_path / "c", texts))
    assert ("contradiction", frozenset({"USD 4.1 billion", "USD 4.6 billion"}), frozenset({"norway", "denmark"})) in found
    assert ("change-over-time", frozenset({"USD 2.1 billion", "USD 4.3 billion"}), frozenset({"chile", "peru"})) in found
    # never Sweden's, never one country's alone
    assert not any("sweden" in subjects or len(subjects) == 1 for _, _, subjects in found)
