"""A saved newspaper page whose headline sits under a kicker (a section label: "Georgia", "Markets"):
the source text opens with the headline once, never the headline, the kicker and the headline again
(walk9: every figure of the headline was drafted twice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

pytest.importorskip("trafilatura")

HEAD = "Port strike ends as dockers accept 6 percent pay rise"
BODY = [
    "Dockers at the port of Ellis voted on Friday to accept a 6 percent pay rise over two years, ending a "
    "strike that had held up container traffic for nine days.",
    "The port authority said about 140 ships had been delayed, and that it expected the backlog to clear "
    "within a week.",
    "The union had asked for 9 percent, citing inflation of 4.2 percent in the year to March.",
]


def page(kicker: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEAD} - The Ellis Courier</title>"
            f"<meta property='og:title' content='{HEAD}'><meta property='og:site_name' content='The Ellis Courier'>"
            "<meta property='article:published_time' content='2025-04-11T09:00:00Z'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/business'>Business</a></nav><main><article>"
            f"<p class='kicker'>{kicker}</p><h1>{HEAD}</h1>{paras}</article></main>"
            "<footer>© The Ellis Courier</footer></body></html>")


@pytest.mark.parametrize("kicker", ["Labour", "Ports and shipping"])
def test_the_headline_under_a_kicker_opens_the_text_once(tmp_path: Path, kicker: str) -> None:
    folder = tmp_path / "ports"
    assert CliRunner().invoke(app, ["init", str(folder)]).exit_code == 0
    saved = tmp_path / "strike.html"
    saved.write_text(page(kicker), encoding="utf-8")
    result = CliRunner().invoke(app, ["add", str(saved), str(folder)])
    assert result.exit_code == 0, result.output
    text = (folder / "sources" / "strike.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert paragraphs[0].strip() == HEAD and text.count(HEAD) == 1
    assert [p.strip() for p in paragraphs[1:]] == BODY
