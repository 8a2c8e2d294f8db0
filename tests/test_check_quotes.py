"""`check` as CI runs it quotes the drafted statements a relation joins (a bare "oppose" says nothing
without its words); before walk9 it printed an empty pair of quotation marks, because check kept no
quote once loading had checked it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from briefcmp.cli import app

runner = CliRunner()

KEY = """  port-levy-stance:
    label: "Should the port authority raise the harbour levy?"
    type: stance
    topics: [economy]
"""


def brief(folder: Path, bid: str, title: str, sentence: str, stance: str) -> None:
    (folder / "sources" / f"{bid}.txt").write_text(f"{title}\n\n{sentence}\n", encoding="utf-8")
    (folder / f"{bid}.claims.yaml").write_text(
        f"format: 1\nbrief:\n  id: {bid}\n  title: {title}\n  publisher: {bid.title()} Institute\n"
        f"  published: 2025-03-0{1 if stance == 'support' else 2}\n  language: en\n  source: sources/{bid}.txt\n"
        f"claims:\n  - id: levy\n    key: port-levy-stance\n    status: draft\n    kind: recommendation\n"
        f"    topics: [economy]\n    quote: {sentence.rstrip('.')}\n    value: {{stance: {stance}}}\n",
        encoding="utf-8")


def test_check_quotes_the_statements_of_a_disagreement(tmp_path: Path) -> None:
    folder = tmp_path / "ports"
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    config = folder / "briefcmp.yaml"
    text = config.read_text(encoding="utf-8")
    assert "\nkeys: {}\n" in text
    config.write_text(text.replace("\nkeys: {}\n", "\nkeys:\n" + KEY, 1), encoding="utf-8")
    (folder / "sources").mkdir(exist_ok=True)
    brief(folder, "quay", "Funding the quays", "The port authority should raise the harbour levy next year.", "support")
    brief(folder, "dock", "Keep the levy", "The port authority should not raise the harbour levy.", "oppose")
    r = runner.invoke(app, ["check", str(folder), "--ignore", "draft-claim"])
    line = next(x for x in r.stdout.splitlines() if "disagreement on key port-levy-stance" in x)
    assert '""' not in line
    assert 'dock#levy: "The port authority should not raise the harbour levy"' in line
    assert 'quay#levy: "The port authority should raise the harbour levy next year"' in line
