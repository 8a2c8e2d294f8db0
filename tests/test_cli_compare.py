"""The analysis commands through the CLI: compare, coverage, claims, show, briefs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.render import output
from briefcmp.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "crossref"
ROOT = Path(__file__).parent.parent
runner = CliRunner()


def run(*args: str, env=None):
    return runner.invoke(app, list(args), env=env)


@pytest.fixture(autouse=True)
def _in_fixtures(monkeypatch):
    monkeypatch.chdir(FIXTURES)
    monkeypatch.delenv("NO_COLOR", raising=False)


# --------------------------------------------------------------------------- compare


def test_compare_piped_is_plain_and_matches_the_golden_layout():
    assert run("align", "render").exit_code == 0  # nothing to apply: one candidate ("9 percent of Japan's LNG")
    r = run("compare", "render", "--suggest")
    assert r.exit_code == 0, r.output
    # align leaves that candidate undecided, which compare says in one line under its summary; the rest
    # is the golden layout of the report
    lines = r.stdout.splitlines(keepends=True)
    assert lines[1].startswith("Undecided: 1 candidate group to decide by hand")
    assert "".join(lines[:1] + lines[2:]) == (ROOT / "tests" / "golden" / "compare.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in r.stdout


def test_piped_output_follows_columns_and_never_a_terminal(monkeypatch):
    """Piped: wrapped at $COLUMNS when it is set, else not at all (a paragraph a line, as git and
    ripgrep write to a pipe); a terminal on stdin or stderr never matters."""
    unwrapped = run("compare", "render").stdout
    monkeypatch.setattr(os, "get_terminal_size", lambda *a: os.terminal_size((33, 20)))
    assert run("compare", "render").stdout == unwrapped
    assert max(len(line) for line in unwrapped.splitlines()) > 100  # no fixed width a pipe does not have
    assert not any(line.startswith("  ") and not line.startswith(("  -", "  id:", "  reviewed"))
                   and not line.lstrip().startswith('"') for line in unwrapped.splitlines()[:3])
    for cols in (60, 80):
        text = run("compare", "render", env={"COLUMNS": str(cols)}).stdout
        for line in text.splitlines():  # only a word (a URL, a long claim ref) longer than the line sticks out
            assert len(line) <= cols or max(len(w) for w in line.split()) > cols - 12, line
        assert " ".join(text.split()) == " ".join(unwrapped.split())  # the same words, wrapped
    for fmt in ("json", "csv", "markdown"):  # the data formats never wrap
        assert run("compare", "render", "-f", fmt, env={"COLUMNS": "60"}).stdout == run("compare", "render", "-f", fmt).stdout


def test_compare_table_on_a_terminal_is_rich_sized_to_it(monkeypatch):
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(output, "terminal_width", lambda default=100: 72)
    r = run("compare", "tolerance")
    assert r.exit_code == 0
    assert "\x1b[" in r.stdout  # colour on a terminal
    assert "Conflicts (2: 2 unreviewed" in r.stdout and "Agreements (3)" in r.stdout
    plain = run("compare", "tolerance", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" not in plain and max(len(line) for line in plain.splitlines()) <= 72


def test_compare_fail_on():
    assert run("compare", "tolerance", "--fail-on", "contradiction").exit_code == 1
    assert run("compare", "periods", "--fail-on", "contradiction").exit_code == 0
    assert run("compare", "periods", "--fail-on", "contradiction", "--fail-on", "change-over-time").exit_code == 1
    assert run("compare", "units", "--fail-on", "annotation-problem").exit_code == 1
    assert run("compare", "recommendation", "--fail-on", "disagreement").exit_code == 1
    # Filters apply first: no contradiction in the energy topic of the stance corpus.
    assert run("compare", "stance", "--topic", "energy", "--fail-on", "contradiction").exit_code == 0
    r = run("compare", "tolerance")
    assert r.exit_code == 0  # findings alone never fail without --fail-on


def test_compare_filters():
    def kinds_keys(*args):
        doc = json.loads(run("compare", *args, "-f", "json").stdout)
        return sorted((r["kind"], r["key"]) for r in doc["relations"])

    assert kinds_keys("stance", "--only", "agreements") == [("agreement", "japan-swift-exclusion")]
    assert kinds_keys("stance", "--only", "contradictions") == [
        ("contradiction", "japan-swift-exclusion"), ("contradiction", "korea-position-on-sanctions")]
    assert kinds_keys("recommendation", "--only", "contradictions") == [("disagreement", "japan-should-leave-sakhalin")]
    assert kinds_keys("stance", "--topic", "financial-sanctions") == [
        ("agreement", "japan-swift-exclusion"), ("contradiction", "japan-swift-exclusion")]
    assert len(kinds_keys("stance", "--topic", "sanctions")) == 3  # parent includes its child topics
    assert kinds_keys("stance", "--brief", "gamma-2022") == [("contradiction", "japan-swift-exclusion")]
    assert kinds_keys("stance", "--subject", "south-korea") == [("contradiction", "korea-position-on-sanctions")]
    assert kinds_keys("tolerance", "--key", "coal-share") == [("agreement", "coal-share")]
    assert kinds_keys("tolerance", "--kind", "agreement", "--key", "lng-volume") == [("agreement", "lng-volume")]
    doc = json.loads(run("compare", "stance", "--only", "agreements", "-f", "json").stdout)
    assert doc["summary"]["filtered_out"] == 2 and doc["filters"]["kinds"] == ["agreement"]


@pytest.mark.parametrize("args, message", [
    (["--topic", "energ"], 'unknown topic "energ" (did you mean "energy"?)'),
    (["--brief", "alpha"], 'unknown brief "alpha"'),
    (["--key", "coal-shar"], 'unknown key "coal-shar" (did you mean "coal-share"?)'),
    (["--subject", "japn"], 'unknown subject "japn" (did you mean "japan"?)'),
])
def test_compare_unknown_filter_values_are_usage_errors(args, message):
    r = run("compare", "tolerance", *args)
    assert r.exit_code == 2 and message in r.stderr


def test_compare_bad_usage_and_unusable_input():
    assert run("compare", "tolerance", "--kind", "nonsense").exit_code == 2
    assert run("compare", "tolerance", "--format", "yaml").exit_code == 2
    r = run("compare", "tolerance", "--only", "agreements", "--kind", "contradiction")
    assert r.exit_code == 2 and "select no relation" in r.stderr
    r = run("compare", "no-such-folder")
    assert r.exit_code == 2 and "no such file or folder" in r.stderr and "Traceback" not in r.output


def test_compare_notes_corpus_errors_on_stderr(tmp_path):
    import shutil

    shutil.copytree(FIXTURES / "tolerance", tmp_path / "c")
    f = tmp_path / "c" / "gamma-2022.claims.yaml"
    f.write_text(f.read_text().replace("unit: USD", "unit: USD\n      bogus: 1", 1))
    r = run("compare", str(tmp_path / "c"))
    assert r.exit_code == 0 and "run `briefcmp check`" in r.stderr


def test_every_results_command_writes_every_format_to_a_file(tmp_path):
    commands = [["compare", "render", "--suggest"], ["coverage", "render"], ["claims", "render"],
                ["briefs", "render"], ["show", "russia-coal-share", "render"], ["show", "alpha-2022#coal", "render"]]
    for n, cmd in enumerate(commands):
        for fmt in ("table", "plain", "json", "jsonl", "csv", "markdown"):
            target = tmp_path / f"{n}-{cmd[0]}.{fmt}"
            r = run(*cmd, "-f", fmt, "-o", str(target))
            assert r.exit_code == 0, (cmd, fmt, r.output)
            assert r.stdout == ""
            text = target.read_text(encoding="utf-8")
            assert text and "\x1b[" not in text
            if fmt == "table":  # a file gets the plain layout
                assert text == run(*cmd, "-f", "plain").stdout


def test_output_file_is_never_replaced_without_force(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("keep me")
    r = run("compare", "tolerance", "-f", "markdown", "-o", str(target))
    assert r.exit_code == 2 and "use --force" in r.stderr
    assert target.read_text() == "keep me"
    assert run("compare", "tolerance", "-f", "markdown", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# briefcmp compare")


def test_output_is_byte_identical_across_runs():
    for fmt in ("plain", "json", "csv", "markdown", "jsonl"):
        assert run("compare", "render", "-f", fmt).stdout == run("compare", "render", "-f", fmt).stdout


def _big_corpus(folder: Path, n: int = 500) -> Path:
    """Two briefs disagreeing on ``n`` keys: a report far larger than a pipe buffer."""
    keys = "".join(f"  k{i}:\n    label: Question {i}\n    type: quantity\n    unit: USD\n" for i in range(n))
    (folder / "sources").mkdir(parents=True)
    (folder / "briefcmp.yaml").write_text("format: 1\ntopics:\n  t:\n    label: T\nkeys:\n" + keys)
    for b, amount in (("a", 10), ("b", 20)):
        sentences = [f"Figure {i} is {amount} dollars." for i in range(n)]
        (folder / "sources" / f"{b}.txt").write_text("\n".join(sentences))
        claims = "".join(f"  - id: c{i}\n    key: k{i}\n    topics: [t]\n    quote: {s}\n"
                         f"    value: {{amount: {amount}, unit: USD}}\n    as_of: 2021\n"
                         for i, s in enumerate(sentences))
        (folder / f"{b}.claims.yaml").write_text(
            f"format: 1\nbrief:\n  id: {b}\n  title: {b}\n  source: sources/{b}.txt\nclaims:\n" + claims)
    return folder


def test_compare_into_a_closed_pipe_ends_quietly(tmp_path):
    # `briefcmp compare | head -1`: the reader goes away while most of the report is unwritten.
    corpus = _big_corpus(tmp_path / "big")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFCMP_NO_CACHE": "1"}
    assert len(run("compare", str(corpus)).stdout) > 2 * 65536  # more than a pipe buffer
    shell = subprocess.run(f"{sys.executable} -m briefcmp compare {corpus} | head -n 1", shell=True, env=env,
                           capture_output=True, timeout=60)
    assert shell.stdout.startswith(b"briefcmp compare: 2 briefs, 1000 claims, 500 relations")
    assert shell.stderr == b""  # no traceback, no "Exception ignored" from the interpreter


# --------------------------------------------------------------------------- coverage, claims, briefs, show


def test_coverage_command():
    r = run("coverage", "bounds", "-f", "json")
    doc = json.loads(r.stdout)
    assert r.exit_code == 0 and doc["command"] == "coverage"
    row = next(m for m in doc["matrix"] if m["topic"] == "aid")
    assert [c["state"] for c in row["cells"]] == ["conflict", "conflict", "conflict"]
    r = run("coverage", "bounds", "--topic", "sanctions", "--brief", "alpha-2022", "-f", "csv")
    assert r.stdout.splitlines() == [
        "topic,parent,brief,state,claims,figures,conflicts",
        "sanctions,,alpha-2022,conflict,1,1,1",
        "financial-sanctions,sanctions,alpha-2022,conflict,1,1,1",
    ]


def test_claims_command_normalises_values():
    rows = [json.loads(line) for line in run("claims", "bounds", "-f", "jsonl").stdout.splitlines()]
    aid = next(r for r in rows if r["brief"] == "alpha-2022" and r["claim"] == "aid")
    assert (aid["amount"], aid["unit"], aid["currency"], aid["bound"], aid["as_of"]) == \
        (12_000_000_000, "USD", "USD", "up-to", "2022")
    lng = next(r for r in rows if r["brief"] == "alpha-2022" and r["claim"] == "lng")
    assert (lng["amount"], lng["upper"], lng["unit"], lng["currency"]) == (8, 10, "percent", None)
    only = run("claims", "bounds", "--key", "aid-total", "--brief", "gamma-2022", "-f", "csv").stdout.splitlines()
    assert len(only) == 2 and only[1].startswith("gamma-2022,aid,fact,")
    inferred = [json.loads(line) for line in run("claims", "periods", "-f", "jsonl").stdout.splitlines()]
    assert [(r["as_of"], r["as_of_inferred"]) for r in inferred if r["brief"] == "gamma-2024"] == [("2024-02", True)]


def test_briefs_command():
    r = run("briefs", "tolerance", "-f", "json")
    doc = json.loads(r.stdout)
    assert [(b["id"], b["claims"], b["keyed"], b["figures"]) for b in doc["briefs"]] == [
        ("alpha-2022", 3, 3, 3), ("beta-2022", 3, 3, 3), ("gamma-2022", 2, 2, 2)]


def test_show_key_and_claim():
    r = run("show", "coal-share", "independence")
    assert r.exit_code == 0
    assert ">>The IEA puts Russia's share of Japan's coal at 12 percent.<<" in " ".join(r.stdout.split())
    assert "CONTRADICTION (error)" in r.stdout
    r = run("show", "alpha-2022#coal", "independence", "-f", "json")
    doc = json.loads(r.stdout)
    assert doc["key"]["id"] == "coal-share" and [c["ref"] for c in doc["claims"]] == ["alpha-2022#coal"]
    assert [x["kind"] for x in doc["relations"]] == ["contradiction"]


@pytest.mark.parametrize("target, message", [
    ("coal-shar", 'no key "coal-shar" (did you mean "coal-share"?)'),
    ("alpha-2022#coel", 'brief alpha-2022 has no claim "coel" (did you mean "coal"?)'),
    ("alpha#coal", 'no brief "alpha"'),
])
def test_show_unknown_target(target, message):
    r = run("show", target, "independence")
    assert r.exit_code == 2 and message in r.stderr


def test_help_lists_the_analysis_commands():
    r = run("--help")
    for cmd in ("compare", "coverage", "claims", "show", "briefs"):
        assert cmd in r.stdout
    assert "--fail-on" in run("compare", "--help").stdout


# --------------------------------------------------------------------------- the bundled corpus


@pytest.fixture(scope="module")
def bundled():
    """Relations of briefs/ (which must pass `briefcmp check`)."""
    from briefcmp.gate.check import CheckSettings, run_check
    from briefcmp.analysis.crossref import find_relations
    from briefcmp.corpus.problems import Severity

    report = run_check(CheckSettings(paths=[ROOT / "briefs"])).report
    assert report.count(Severity.ERROR) == 0 and report.claims
    return find_relations(report.load.corpus)


def _find(rels, kind, key):
    found = [r for r in rels if r.kind == kind and r.key == key]
    assert found, f"no {kind} on {key}"
    return found[0]


def test_bundled_real_contradictions_show(bundled):
    swift = _find(bundled, "contradiction", "japan-swift-exclusion-scope")
    assert {c.ref for c in swift.claims} == {"cescube-2022-03#swift-scope", "pism-2022-03-03#japan-swift-scope"}
    call = _find(bundled, "contradiction", "kishida-zelensky-call-date")
    assert {c.brief for c in call.claims} == {"cap-2022-02", "diplomat-2022-02"} and "1 day apart" in call.explanation
    war = _find(bundled, "contradiction", "japan-ussr-state-of-war-ended")
    assert {c.brief for c in war.claims} == {"cap-2022-02", "cescube-2022-03"}
    # CAP's callout labels a USD 27.33 billion figure as Japan-Russia trade in 2021: the brief contradicts itself.
    cap = _find(bundled, "contradiction", "japan-russia-trade-total")
    assert "cap-2022-02#callout-trade-2021-mislabeled" in {c.ref for c in cap.claims}
    assert "contradicts itself" in cap.explanation


def test_bundled_positions_disagree_not_contradict(bundled):
    dis = _find(bundled, "disagreement", "japan-should-support-ukraine-response")
    opposed = {c.brief for c in dis.claims if c.value and c.value.stance == "oppose"}
    assert opposed == {"cbga-2024"}


def test_bundled_no_contradiction_across_different_periods(bundled):
    for r in bundled:
        if r.kind != "contradiction":
            continue
        dated = [c.as_of.span() for c in r.claims if c.as_of is not None]
        for a in dated:
            for b in dated:
                assert a[0] <= b[1] and b[0] <= a[1], (r.id, r.explanation)
    # South Korea was silent before the invasion and joined the sanctions on the day: a change, not a conflict.
    assert not [r for r in bundled if r.key == "south-korea-sanctions-on-russia-2022" and r.kind == "contradiction"]
    assert _find(bundled, "change-over-time", "south-korea-sanctions-on-russia-2022")
    # Trade in 2000, 2012 and 2021 is a series, not a contradiction.
    years = {str(c.as_of) for r in bundled if r.key == "japan-russia-trade-total" and r.kind == "contradiction"
             for c in r.claims}
    assert years == {"2021"}


def test_claims_summary_counts_the_drafts_left_to_review() -> None:
    """A corpus of drafts (what `add` writes) says first how many claims nobody has reviewed yet; a
    reviewed corpus says nothing of drafts."""
    from briefcmp.corpus.model import Claim, Value
    from briefcmp.render.listing import claims_summary

    drafts = [Claim(id=f"c{i}", brief="b", quote="q", status="draft", value=Value(type="quantity", amount=1.0, unit="percent"))
              for i in range(3)]
    reviewed = [Claim(id="r", brief="b", quote="q", value=Value(type="quantity", amount=2.0, unit="percent"))]
    assert claims_summary(drafts + reviewed, None).endswith("(0 with a key, 4 with a value; 3 drafts not yet reviewed)")
    assert "draft" not in claims_summary(reviewed, None)
