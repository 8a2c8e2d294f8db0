"""Issue 13: inferred as-of dates that decide a relation, unusable configs, corpus discovery,
where reviews are reported, and consistent option names, on small corpora of other domains."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

CONFIG = """\
format: 1
title: Economic outlooks
topics:
  economy:
    label: Economy
entities:
  portugal:
    label: Portugal
keys:
  portugal-gdp:
    label: Portugal's GDP in a year
    type: quantity
    unit: EUR
    tolerance: 3%
    topics: [economy]
  rate-outlook:
    label: Should the central bank cut rates?
    type: stance
    topics: [economy]
"""


def write_brief(root: Path, brief: str, published: str, claims: list[dict]) -> None:
    quotes = [c["quote"] for c in claims]
    source = (" ".join(quotes) + "\n").encode()
    (root / "sources").mkdir(exist_ok=True)
    (root / "sources" / f"{brief}.txt").write_bytes(source)
    lines = ["format: 1", "brief:", f"  id: {brief}", f"  title: {brief} outlook", f"  published: {published}",
             f"  source: sources/{brief}.txt", f"  source_sha256: {hashlib.sha256(source).hexdigest()}", "claims:"]
    for c in claims:
        lines += [f"  - id: {c['id']}", f"    key: {c['key']}", "    topics: [economy]", f"    quote: {c['quote']}",
                  f"    value: {c['value']}"]
        lines += [f"    {k}: {c[k]}" for k in ("kind", "as_of", "note", "acknowledges") if k in c]
    (root / f"{brief}.claims.yaml").write_text("\n".join(lines) + "\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "outlooks"
    root.mkdir()
    (root / "briefcmp.yaml").write_text(CONFIG)
    write_brief(root, "bank", "2024-03", [
        {"id": "gdp", "key": "portugal-gdp", "quote": "GDP reached EUR 265 billion in 2023.",
         "value": "{amount: 265, scale: billion, unit: EUR}", "as_of": "2023"}])
    write_brief(root, "institute", "2024-06", [
        {"id": "gdp", "key": "portugal-gdp", "quote": "Output came to EUR 240 billion in 2023.",
         "value": "{amount: 240, scale: billion, unit: EUR}", "as_of": "2023"}])
    return root


def run(*args: str):
    return runner.invoke(app, list(args), env={"GITHUB_ACTIONS": None})


# --------------------------------------------------------------------------- inferred as-of


def test_removing_an_as_of_never_hides_a_contradiction_silently(corpus: Path) -> None:
    r = run("check", str(corpus))
    assert r.exit_code == 1 and "error: contradiction on key portugal-gdp" in r.stdout
    claims = corpus / "institute.claims.yaml"
    claims.write_text(claims.read_text().replace("    as_of: 2023\n", ""))
    r = run("check", str(corpus))
    (warning,) = [line for line in r.stdout.splitlines() if "[as-of-inferred]" in line]
    # At the claim that lacks as_of, saying what the inferred date decided.
    assert warning.split(":")[0].endswith("outlooks/institute.claims.yaml"), warning
    assert ": warning: claim gdp: has no as_of, so it takes its publication date (2024-06)" in warning
    assert "rather than a contradiction: add as_of" in warning
    assert run("check", str(corpus), "--fail-on", "warning").exit_code == 1
    doc = json.loads(run("compare", str(corpus), "--format", "json").stdout)
    (rel,) = [r for r in doc["relations"] if r["key"] == "portugal-gdp"]
    assert rel["kind"] == "change-over-time" and rel["severity"] == "warning"
    assert "the inferred date decides this: with the other claims' as-of, institute#gdp would contradict them" \
        in rel["explanation"]


def test_an_inferred_date_that_decides_nothing_is_not_warned(corpus: Path) -> None:
    claims = corpus / "institute.claims.yaml"
    text = claims.read_text().replace("EUR 240 billion", "EUR 265 billion").replace("amount: 240", "amount: 265")
    claims.write_text(text.replace("    as_of: 2023\n", ""))
    write_brief(corpus, "institute", "2024-06", [
        {"id": "gdp", "key": "portugal-gdp", "quote": "Output came to EUR 265 billion in 2023.",
         "value": "{amount: 265, scale: billion, unit: EUR}"}])
    r = run("check", str(corpus))
    assert r.exit_code == 0 and "as-of-inferred" not in r.stdout


@pytest.mark.parametrize("which", ["fixture", "bundled"])
def test_check_makes_only_the_relations_it_uses_and_reports_the_same(corpus: Path, which: str, monkeypatch) -> None:
    from briefcmp.gate import check

    if which == "fixture":  # an inferred as-of that decides a change over time
        claims = corpus / "institute.claims.yaml"
        claims.write_text(claims.read_text().replace("    as_of: 2023\n", ""))
    root = corpus if which == "fixture" else ROOT / "briefs"  # bundled: reviewed entries and acknowledgements
    lean = check.run_check(check.CheckSettings(paths=[root]))
    every = check.analyse_relations
    monkeypatch.setattr(check, "analyse_relations", lambda result, reviewed=None: every(result))
    full = check.run_check(check.CheckSettings(paths=[root]))
    assert lean.total_relations < full.total_relations or which == "fixture"
    assert lean.combined().problems == full.combined().problems
    assert [r.id for r in lean.relations] == [r.id for r in full.relations]
    assert lean.judgement == full.judgement


# --------------------------------------------------------------------------- unusable config


_BROKEN = ["keys: [\n", "- just\n- a list\n", "format: 7\n", "\xff\xfe", "keys: 5\nunused:\n"]
_COMMANDS = [["compare"], ["coverage"], ["claims"], ["briefs"], ["show", "portugal-gdp"], ["review", "list"],
             ["review", "prune"], ["annotate", "sources/bank.txt", "-o", "-"]]


# Every way of breaking the config with `check`, and every command with a syntax error.
@pytest.mark.parametrize("broken, command", [(b, ["check"]) for b in _BROKEN] + [(_BROKEN[0], c) for c in _COMMANDS])
def test_an_unusable_config_is_one_error_and_exit_2(corpus: Path, broken: str, command: list[str]) -> None:
    config = corpus / "briefcmp.yaml"
    if broken == "\xff\xfe":
        config.write_bytes(b"\xff\xfe\x00bad")
    elif broken.startswith("keys"):
        config.write_text(CONFIG.replace("keys:\n", broken, 1))
    else:
        config.write_text(broken)
    if command[0] == "annotate":
        command = ["annotate", str(corpus / "sources" / "bank.txt"), "-o", "-"]
    r = run(*command, *([] if command[0] == "annotate" else [str(corpus)]))
    assert r.exit_code == 2, r.output
    assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1, r.output
    assert re.match(r"briefcmp: error: \S*briefcmp\.yaml:\d+:\d+: .* \[[a-z-]+\]; the corpus config is unusable",
                    r.stderr), r.stderr


def test_an_invalid_key_entry_is_one_error_not_one_per_claim_using_it(corpus: Path) -> None:
    config = corpus / "briefcmp.yaml"
    config.write_text(CONFIG.replace("    type: quantity\n", "    type: quantiy\n"))
    r = run("check", str(corpus))
    errors = [line for line in r.stdout.splitlines() if ": error: " in line and "[contradiction]" not in line]
    assert len(errors) == 1 and 'key portugal-gdp: "type" is \'quantiy\' (did you mean "quantity"?)' in errors[0]
    assert "unknown key" not in r.stdout


# --------------------------------------------------------------------------- corpus discovery


def test_no_path_uses_the_nearest_corpus_upward_and_says_so_in_json(corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(corpus / "sources")
    r = run("briefs", "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["corpus"]["path"] == ".."
    r = run("check", "--format", "json")
    assert r.exit_code == 1 and json.loads(r.stdout)["corpus"]["path"] == ".."
    r = run("review", "list")
    assert r.exit_code == 0 and r.stdout.startswith("../reviewed.yaml: 0 reviewed")


def test_a_named_path_adds_no_path_field_and_no_corpus_gives_one_clear_error(corpus: Path, tmp_path: Path,
                                                                               monkeypatch) -> None:
    assert "path" not in json.loads(run("briefs", str(corpus), "--format", "json").stdout)["corpus"]
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    r = run("compare")
    assert r.exit_code == 2 and "no corpus here: no ./briefs folder and no briefcmp.yaml" in r.stderr


def test_review_commands_take_the_corpus_path(corpus: Path) -> None:
    r = run("review", "list", str(corpus), "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["unreviewed"][0]["key"] == "portugal-gdp"
    rid = json.loads(r.stdout)["unreviewed"][0]["id"]
    assert run("review", "list", "-C", str(corpus)).exit_code == 0  # the option still works
    r = run("review", "add", rid, str(corpus), "-j", "Different national-accounts vintages.",
            "--reviewer", "Ana", "--date", "2024-07-01")
    assert r.exit_code == 0, r.output
    assert run("check", str(corpus)).exit_code == 0
    assert run("review", "prune", str(corpus), "--dry-run").exit_code == 0


# --------------------------------------------------------------------------- where reviews are reported


def test_an_acknowledgement_is_reported_at_the_claim_that_writes_it(corpus: Path) -> None:
    rid = json.loads(run("review", "list", str(corpus), "--format", "json").stdout)["unreviewed"][0]["id"]
    write_brief(corpus, "institute", "2024-06", [
        {"id": "gdp", "key": "portugal-gdp", "quote": "Output came to EUR 240 billion in 2023.",
         "value": "{amount: 240, scale: billion, unit: EUR}", "as_of": "2023",
         "note": "An older vintage of the accounts.", "acknowledges": f"[{rid}]"}])
    r = run("check", str(corpus))
    assert r.exit_code == 0 and r.stdout == ""
    assert "0 unreviewed, 1 reviewed (-v lists the reviewed ones)" in r.stderr
    r = run("check", str(corpus), "-v")
    (line,) = r.stdout.splitlines()
    assert re.match(r"\S*institute\.claims\.yaml:9:5: info: acknowledged contradiction on key portugal-gdp", line)


# --------------------------------------------------------------------------- names


def test_kinds_are_accepted_singular_and_plural_everywhere(corpus: Path) -> None:
    for only in ("contradictions", "contradiction"):
        assert run("compare", str(corpus), "--only", only, "--format", "json").exit_code == 0
    for kind in ("contradiction", "contradictions"):
        r = run("compare", str(corpus), "--kind", kind, "--fail-on", kind, "--format", "json")
        assert r.exit_code == 1 and "1 relation reaches --fail-on" in r.stderr
    assert run("compare", str(corpus), "--kind", "changes-over-time", "--format", "json").exit_code == 0
    assert run("check", str(corpus), "--fail-on", "contradictions").exit_code == 1
    assert run("check", str(corpus), "--fail-on", "warnings").exit_code == 1


def test_plain_is_the_plain_text_format_and_text_still_works(corpus: Path) -> None:
    plain, text = run("check", str(corpus), "--format", "plain"), run("check", str(corpus), "--format", "text")
    assert plain.stdout == text.stdout and "error: contradiction" in plain.stdout
    help_text = run("check", "--help").stdout
    assert "plain" in help_text and "[plain|json|github|sarif|auto]" in help_text.replace("\n", "")
    assert run("review", "list", str(corpus), "--format", "plain").exit_code == 0


def test_help_shows_that_several_paths_are_accepted_and_one_did_you_mean() -> None:
    assert "Usage: briefcmp compare [OPTIONS] [PATH]..." in run("compare", "--help").stdout
    r = run("compar")
    assert r.exit_code == 2 and r.output.count("Did you mean") == 1


def test_singular_grammar_in_summaries(corpus: Path) -> None:
    r = run("check", str(corpus / "bank.claims.yaml"))
    assert "in 1 claims file (1 brief, 1 claim)" in r.stderr


def test_the_exit_code_tables_of_readme_and_ci_docs_are_identical() -> None:
    def table(text: str) -> str:
        start = text.index("| code | meaning |")
        return text[start:text.index("\n\n", start)]

    readme, ci = (ROOT / "README.md").read_text(), (ROOT / "docs" / "ci.md").read_text()
    assert table(readme) == table(ci)
    assert "| 3 |" in table(readme)


def test_init_links_no_address_the_project_does_not_have(tmp_path: Path) -> None:
    r = run("init", str(tmp_path / "new"))
    assert r.exit_code == 0, r.output
    config = (tmp_path / "new" / "briefcmp.yaml").read_text()
    assert "http" not in config and "briefcmp schema config" in config
    assert run("check", str(tmp_path / "new")).exit_code == 0


def test_show_takes_a_relation_id_and_says_a_conflict_is_reviewed(corpus: Path) -> None:
    rid = json.loads(run("review", "list", str(corpus), "--format", "json").stdout)["unreviewed"][0]["id"]
    run("review", "add", rid, str(corpus), "-j", "Different vintages.", "--reviewer", "Ana", "--date", "2024-07-01")
    r = run("show", rid, str(corpus), "--format", "plain")
    assert r.exit_code == 0 and "1 relation" in r.stdout and "reviewed: accepted" in r.stdout
    r = run("show", rid[:-1] + "x", str(corpus))
    assert r.exit_code == 2 and f'did you mean "{rid}"' in r.stderr


def test_the_markdown_report_gives_the_key_question_and_summaries_count_in_the_singular(corpus: Path) -> None:
    r = run("compare", str(corpus), "--format", "markdown")
    assert "Portugal's GDP in a year" in r.stdout and "2 briefs, 2 claims" in r.stdout
    r = run("coverage", str(corpus / "bank.claims.yaml"), "--format", "plain")
    assert r.stdout.startswith("briefcmp coverage: 1 topic x 1 brief: 1 topic covered")


def _complete(words: str, cwd: Path, monkeypatch) -> list[str]:
    """What bash completion offers for the last word of ``briefcmp WORDS``."""
    monkeypatch.chdir(cwd)
    env = {"COMP_WORDS": f"briefcmp {words}", "COMP_CWORD": str(len(words.split())),
           "_BRIEFCMP_COMPLETE": "complete_bash"}
    r = runner.invoke(app, [], env=env, prog_name="briefcmp")
    assert r.exit_code == 0, r.output
    return r.stdout.split()


def test_shell_completion_offers_keys_brief_ids_and_claim_refs_from_the_corpus(corpus: Path, monkeypatch) -> None:
    assert _complete("compare --key portugal-", corpus, monkeypatch) == ["portugal-gdp"]
    assert _complete("compare --brief in", corpus / "sources", monkeypatch) == ["institute"]
    assert _complete("show ba", corpus, monkeypatch) == ["bank#"]
    assert _complete("show bank#", corpus, monkeypatch) == ["bank#gdp"]
    assert _complete(f"claims {corpus} --key r", corpus.parent, monkeypatch) == ["rate-outlook"]


def test_shell_completion_outside_a_corpus_offers_nothing_and_never_fails(tmp_path: Path, monkeypatch) -> None:
    assert _complete("compare --key x", tmp_path, monkeypatch) == []
    (tmp_path / "briefcmp.yaml").write_text("keys: [\n")  # a broken config: still nothing, quietly
    assert _complete("show x", tmp_path, monkeypatch) == []


def test_an_invalid_topic_or_entity_entry_is_one_error(corpus: Path) -> None:
    config = corpus / "briefcmp.yaml"
    config.write_text(CONFIG.replace("  economy:\n    label: Economy\n", "  economy: oops\n")
                      .replace("  portugal:\n    label: Portugal\n", "  portugal: [1]\n"))
    r = run("check", str(corpus))
    errors = [line for line in r.stdout.splitlines() if ": error: " in line and "[contradiction]" not in line]
    assert len(errors) == 2 and all("briefcmp.yaml" in e and "[wrong-type]" in e for e in errors), errors
