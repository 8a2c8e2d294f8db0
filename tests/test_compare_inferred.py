"""A yes and a no of one question a day apart, with no as-of: only the publication dates standing in
for as-of make them a change over time, so the terminal's verdict says what they would be ("no vs yes:
a conflict if of one moment"), not a bare "changed" (walk9: the government 'has not halted' / 'has
halted' Georgia's EU path, published 29 and 30 November)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from briefcmp.analysis.crossref import find_relations
from briefcmp.cli import app
from briefcmp.corpus.load import load_corpus
from briefcmp.render.compare_term import verdict

KEY = """  port-closed:
    label: "Is the port of Ellis closed to shipping?"
    type: category
    topics: [economy]
"""


def brief(folder: Path, bid: str, day: int, sentence: str, answer: str) -> None:
    (folder / "sources" / f"{bid}.txt").write_text(f"Port news\n\n{sentence}\n", encoding="utf-8")
    (folder / f"{bid}.claims.yaml").write_text(
        f"format: 1\nbrief:\n  id: {bid}\n  title: Port news\n  publisher: {bid.title()} Daily\n"
        f"  published: 2025-03-{day:02d}\n  language: en\n  source: sources/{bid}.txt\n"
        f"claims:\n  - id: closed\n    key: port-closed\n    kind: fact\n    topics: [economy]\n"
        f"    quote: {sentence.rstrip('.')}\n    value: {{category: \"{answer}\"}}\n", encoding="utf-8")


def test_a_change_only_inferred_dates_make_says_it_would_be_a_conflict(tmp_path: Path) -> None:
    folder = tmp_path / "ports"
    assert CliRunner().invoke(app, ["init", str(folder)]).exit_code == 0
    config = folder / "briefcmp.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("\nkeys: {}\n", "\nkeys:\n" + KEY, 1), encoding="utf-8")
    (folder / "sources").mkdir(exist_ok=True)
    brief(folder, "harbour", 3, "The port of Ellis is closed to shipping.", "yes")
    brief(folder, "coast", 4, "The port of Ellis is not closed to shipping.", "no")
    relations = find_relations(load_corpus([folder]).corpus)
    (change,) = [r for r in relations if r.key == "port-closed"]
    assert change.kind == "change-over-time" and change.inferred_decides
    assert verdict(change) == "no vs yes: a conflict if of one moment (as-of inferred)"  # coast, then harbour
