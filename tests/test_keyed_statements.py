"""Keyed statements as `check` and the terminal show them, on small corpora written here (walk9):

- `check` as CI runs it quotes the drafted statements a relation joins (a bare "oppose" says nothing
  without its words); it printed an empty pair of quotation marks, because check kept no quote once
  loading had checked it.
- A yes and a no of one question a day apart, with no as-of: only the publication dates standing in for
  as-of make them a change over time, so the terminal's verdict says what they would be ("no vs yes: a
  conflict if of one moment"), not a bare "changed" (the government 'has not halted' / 'has halted'
  Georgia's EU path, published 29 and 30 November).
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from briefcmp.analysis.crossref import find_relations
from briefcmp.cli import app
from briefcmp.corpus.load import load_corpus
from briefcmp.render.compare_term import verdict

runner = CliRunner()


def corpus(tmp_path: Path, key: str, label: str, type_: str) -> Path:
    folder = tmp_path / "ports"
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    config = folder / "briefcmp.yaml"
    entry = f'  {key}:\n    label: "{label}"\n    type: {type_}\n    topics: [economy]\n'
    config.write_text(config.read_text(encoding="utf-8").replace("\nkeys: {}\n", "\nkeys:\n" + entry, 1),
                      encoding="utf-8")
    (folder / "sources").mkdir(exist_ok=True)
    return folder


def brief(folder: Path, bid: str, day: int, sentence: str, key: str, value: str, kind: str = "fact",
          draft: bool = False) -> None:
    (folder / "sources" / f"{bid}.txt").write_text(f"Port news\n\n{sentence}\n", encoding="utf-8")
    (folder / f"{bid}.claims.yaml").write_text(
        f"format: 1\nbrief:\n  id: {bid}\n  title: Port news\n  publisher: {bid.title()} Daily\n"
        f"  published: 2025-03-{day:02d}\n  language: en\n  source: sources/{bid}.txt\n"
        f"claims:\n  - id: levy\n    key: {key}\n" + ("    status: draft\n" if draft else "") +
        f"    kind: {kind}\n    topics: [economy]\n    quote: {sentence.rstrip('.')}\n    value: {value}\n",
        encoding="utf-8")


def test_check_quotes_the_statements_of_a_disagreement(tmp_path: Path) -> None:
    folder = corpus(tmp_path, "port-levy-stance", "Should the port authority raise the harbour levy?", "stance")
    brief(folder, "quay", 1, "The port authority should raise the harbour levy next year.", "port-levy-stance",
          "{stance: support}", "recommendation", draft=True)
    brief(folder, "dock", 2, "The port authority should not raise the harbour levy.", "port-levy-stance",
          "{stance: oppose}", "recommendation", draft=True)
    r = runner.invoke(app, ["check", str(folder), "--ignore", "draft-claim"])
    line = next(x for x in r.stdout.splitlines() if "disagreement on key port-levy-stance" in x)
    assert '""' not in line
    assert 'dock#levy: "The port authority should not raise the harbour levy"' in line
    assert 'quay#levy: "The port authority should raise the harbour levy next year"' in line


def test_a_change_only_inferred_dates_make_says_it_would_be_a_conflict(tmp_path: Path) -> None:
    folder = corpus(tmp_path, "port-closed", "Is the port of Ellis closed to shipping?", "category")
    brief(folder, "harbour", 3, "The port of Ellis is closed to shipping.", "port-closed", '{category: "yes"}')
    brief(folder, "coast", 4, "The port of Ellis is not closed to shipping.", "port-closed", '{category: "no"}')
    relations = find_relations(load_corpus([folder]).corpus)
    (change,) = [r for r in relations if r.key == "port-closed"]
    assert change.kind == "change-over-time" and change.inferred_decides
    assert verdict(change) == "no vs yes: a conflict if of one moment (as-of inferred)"  # coast, then harbour


def test_a_later_report_dated_by_publication_that_gives_a_dated_act_s_value_agrees(tmp_path: Path) -> None:
    """The harbour brief dates the closure (1 March); the coast brief, published on the 4th, says the port is
    closed with no date: one act said twice, an agreement, not "unchanged" (facts15)."""
    folder = corpus(tmp_path, "port-closed", "Is the port of Ellis closed to shipping?", "category")
    brief(folder, "harbour", 3, "On 1 March the port of Ellis was closed to shipping.", "port-closed",
          '{category: "yes"}')
    text = (folder / "harbour.claims.yaml").read_text(encoding="utf-8")
    (folder / "harbour.claims.yaml").write_text(text + "    as_of: 2025-03-01\n", encoding="utf-8")
    brief(folder, "coast", 4, "The port of Ellis is closed to shipping.", "port-closed", '{category: "yes"}')
    kinds = {r.kind for r in find_relations(load_corpus([folder]).corpus) if r.key == "port-closed"}
    assert kinds == {"agreement"}
    # a later dated report, or another value, is still a change over time
    brief(folder, "coast", 4, "The port of Ellis is not closed to shipping.", "port-closed", '{category: "no"}')
    kinds = {r.kind for r in find_relations(load_corpus([folder]).corpus) if r.key == "port-closed"}
    assert "change-over-time" in kinds and "agreement" not in kinds


def test_a_statement_with_no_date_at_all_agrees_with_the_dated_ones_of_its_value(tmp_path: Path) -> None:
    """A release with no publication date says what two dated reports say: an agreement; with another value, the
    undated claim stays unplaced (a change and a contradiction need its date) (facts15)."""
    folder = corpus(tmp_path, "port-closed", "Is the port of Ellis closed to shipping?", "category")
    brief(folder, "harbour", 3, "The port of Ellis is closed to shipping.", "port-closed", '{category: "yes"}')
    brief(folder, "release", 4, "The port of Ellis has been closed to shipping.", "port-closed", '{category: "yes"}')
    path = folder / "release.claims.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  published: 2025-03-04\n", ""), encoding="utf-8")
    relations = [r for r in find_relations(load_corpus([folder]).corpus) if r.key == "port-closed"]
    assert [r.kind for r in relations] == ["agreement"]
    assert {c.brief for c in relations[0].claims} == {"harbour", "release"}
    path.write_text(path.read_text(encoding="utf-8").replace('{category: "yes"}', '{category: "no"}'),
                    encoding="utf-8")
    kinds = {r.kind for r in find_relations(load_corpus([folder]).corpus) if r.key == "port-closed"}
    assert "agreement" not in kinds and "contradiction" not in kinds
