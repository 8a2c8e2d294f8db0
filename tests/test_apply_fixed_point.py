"""`align --apply` is a fixed point: after it, `align` proposes no sure group. A key written may register an entity
(here a canal) that the next reading of every brief names; the groups that makes sure are written in the same run.

The corpus is a dev benchmark set read in place (benchmarks/lineup/dev/eg-suez-2024: five reports of one year's
canal revenue), the one where a second apply proposed four sure groups before this was fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "lineup" / "dev" / "eg-suez-2024"


@pytest.mark.skipif(not SET.is_dir(), reason="the benchmark set is not in this tree")
def test_a_second_apply_proposes_nothing(tmp_path: Path) -> None:
    runner = CliRunner()
    corpus = tmp_path / "suez"
    assert runner.invoke(app, ["init", str(corpus)]).exit_code == 0
    for src in sorted(SET.glob("*.txt")):
        assert runner.invoke(app, ["add", str(src), str(corpus), "--id", src.stem]).exit_code in (0, 1)
    first = runner.invoke(app, ["align", str(corpus), "--apply"])
    assert first.exit_code in (0, 1), first.output
    config = (corpus / "briefcmp.yaml").read_text(encoding="utf-8")
    assert "suez-canal:" in config  # the entity the first reading registered
    again = runner.invoke(app, ["align", str(corpus), "--format", "json"])
    assert again.exit_code in (0, 1), again.output
    assert json.loads(again.stdout)["groups"] == []
