"""align --review as a person uses it: an as-of typed as people write periods ("Q4 2023", "2024-Q3",
"November 2024"), and the as-of that keying writes shown before the person says yes (a claim listed
"as of 2025-04-30 (inferred)" must not silently become the first quarter)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.drafting.valueedit import ValueEditError, parse_as_of

from test_align_review import DEBT, INFLATION, Pty, corpus, drafted, ids, proposals  # noqa: F401 (fixtures)

runner = CliRunner()


@pytest.mark.parametrize("typed, period", [("Q4 2023", "2023-10/2023-12"), ("2023-Q4", "2023-10/2023-12"),
                                           ("q2 2024", "2024-04/2024-06"), ("H1 2025", "2025-01/2025-06"),
                                           ("November 2024", "2024-11"), ("27 Nov 2024", "2024-11-27"),
                                           ("2024-07/2024-09", "2024-07/2024-09"), ("2024", "2024")])
def test_an_as_of_as_people_write_it(typed: str, period: str) -> None:
    assert str(parse_as_of(typed)) == period


@pytest.mark.parametrize("typed", ["March", "next week", "Q3 2024 and Q4", "the 2024 budget", "Q5 2024", ""])
def test_anything_else_is_refused_with_forms_to_try(typed: str) -> None:
    with pytest.raises(ValueEditError, match="is not an as-of: try 2024, 2024-11, 2024-11-27, Q3 2024"):
        parse_as_of(typed)


WIRE = ("Chile jobless rate climbs in first quarter\n\nSANTIAGO, April 30, 2025 (Reuters) -\n\n"
        "Chile's jobless rate rose to 8.7% in the January-March quarter, the national statistics institute "
        "said on Wednesday.\n")
RELEASE = ("Unemployment rises to 8.7 percent\n\nNational Statistics Institute | 30 April 2025\n\n"
           "Chile's unemployment rate rose to 8.7 percent, the institute said today, as fewer people found "
           "work in construction.\n")


def test_the_listing_says_which_as_of_keying_writes(tmp_path: Path) -> None:
    folder = tmp_path / "chile"
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    for name, text in (("wire.txt", WIRE), ("ine.txt", RELEASE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["add", str(tmp_path / name), str(folder)]).exit_code == 0
    out = runner.invoke(app, ["align", str(folder)], env={"COLUMNS": "200"}).stdout
    line = next(x for x in out.splitlines() if "ine#pct-8-7-2:" in x)
    assert line.strip() == "- ine#pct-8-7-2: 8.7%, as of 2025-04-30 (inferred); keying sets 2025-01/2025-03"
    # and that is what keying writes
    assert runner.invoke(app, ["align", str(folder), "--apply"]).exit_code == 0
    doc = yaml.safe_load((folder / "ine.claims.yaml").read_text(encoding="utf-8"))
    (claim,) = [c for c in doc["claims"] if c["id"] == "pct-8-7-2"]
    assert str(claim["as_of"]) == "2025-01/2025-03"
    again = runner.invoke(app, ["align", str(folder)], env={"COLUMNS": "200"}).stdout
    assert "keying sets" not in again


@pytest.mark.skipif(sys.platform == "win32", reason="pty")
def test_a_quarter_typed_in_a_real_terminal(corpus: Path) -> None:  # noqa: F811 (the fixture)
    by_refs = {v: k for k, v in ids(proposals(corpus)).items()}
    assert runner.invoke(app, ["align", str(corpus), "--reject", by_refs[INFLATION]]).exit_code == 0
    t = Pty(["align", str(corpus), "--review"], corpus, columns=80)
    t.dialogue(("(1/1) Key these together", "e"), ("Question [", "\n"), ("Key id [", "\n"),
               ("Edit claim number", "1\n"), ("New value of", "\n"), ("As of [", "Q4 2023\n"),
               ("Edit claim number", "\n"), ("(1/1) Key these together", "q"))
    text = t.expect("0 decisions recorded")
    assert t.close() == 0
    assert f"{DEBT[0]}: 68%, as of 2023-10/2023-12" in text
    assert "as_of: 2023-10/2023-12  # align: set in align --review" in \
        (corpus / "sahel-brief.claims.yaml").read_text(encoding="utf-8")


def test_typing_an_existing_key_id_joins_that_key(corpus: Path) -> None:  # noqa: F811 (the fixture)
    """At e, the id of a key already registered (here the one just keyed at y) joins it: the claims take
    that key and no second key "KEY-2" is registered behind the person's back (walk9)."""
    doc = proposals(corpus)
    (inflation,) = [g for g in doc["groups"] + doc["candidates"]
                    if tuple(sorted(f"{c['brief']}#{c['claim']}" for c in g["claims"])) == INFLATION]
    key = inflation["key"]
    order = [tuple(sorted(f"{c['brief']}#{c['claim']}" for c in g["claims"])) for g in doc["groups"] + doc["candidates"]]
    assert order.index(INFLATION) < order.index(DEBT)  # asked first, keyed with y
    r = runner.invoke(app, ["align", str(corpus), "--review"], input=f"y\ne\n\n{key}\n\ny\n")
    assert r.exit_code == 0, r.output
    assert f"{key} is a registered key (" in r.stdout and "these claims join it" in r.stdout
    config = (corpus / "briefcmp.yaml").read_text(encoding="utf-8")
    assert f"{key}-2" not in config and config.count(f"  {key}:") == 1
    from test_align_review import keys_of
    assert {ref: keys_of(corpus).get(ref) for ref in DEBT} == {ref: key for ref in DEBT}


def test_the_closing_line_names_the_decisions_file_as_other_files_are_named(corpus: Path,  # noqa: F811
                                                                             monkeypatch) -> None:
    """Relative to the working folder, as "updated kenya/treasury-note.claims.yaml" above it (walk9: the
    absolute path of the decisions file among relative ones)."""
    monkeypatch.chdir(corpus.parent)
    r = runner.invoke(app, ["align", corpus.name, "--review"], input="q\n")
    assert r.exit_code == 0, r.output
    assert f"0 decisions recorded in {corpus.name}/align-decisions.yaml" in r.stdout
    assert str(corpus.parent) not in r.stdout
