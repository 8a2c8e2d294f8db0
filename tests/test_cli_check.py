"""`briefcmp check`, `schema`, `init`, `--version` through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp import __version__
from briefcmp.cli import app

LOAD = Path(__file__).parent / "fixtures" / "load"
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def test_version() -> None:
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"briefcmp {__version__}"


def test_clean_file_exits_0() -> None:
    r = run("check", str(LOAD / "good-minimal.claims.yaml"))
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and "0 errors, 0 warnings" in r.stderr


def test_errors_exit_1_with_located_lines() -> None:
    r = run("check", str(LOAD / "unknown-refs.claims.yaml"))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert lines[0].endswith('unknown-refs.claims.yaml:11:13: error: claim swift: unknown topic "sanction" '
                             '(did you mean "sanctions"?) [unknown-topic]')
    assert "\x1b[" not in r.stdout  # never colour codes when not a terminal


def test_warnings_fail_only_when_asked() -> None:
    path = str(LOAD / "no-topic.claims.yaml")
    assert run("check", path).exit_code == 0
    assert run("check", path, "--fail-on", "warning").exit_code == 1
    assert run("check", str(LOAD / "tags.claims.yaml"), "--fail-on", "never").exit_code == 0
    assert run("check", str(LOAD / "tags.claims.yaml"), "--exit-zero").exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["check", "no/such/folder"], "no such file or folder"),
    (["check", "/"], "not in a briefcmp corpus"),
    (["check", "--fail-on", "sometimes"], "Invalid value"),
])
def test_unusable_input_exits_2(args, message) -> None:
    r = run(*args)
    assert r.exit_code == 2 and message in r.output
    assert "Traceback" not in r.output


def test_json_report() -> None:
    r = run("check", str(LOAD / "anchors.claims.yaml"), "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["version"] == 1 and doc["summary"]["errors"] == 2
    assert [p["rule"] for p in doc["problems"]] == ["quote-not-found", "quote-ambiguous"]
    assert doc["problems"][0]["line"] == 10 and doc["problems"][0]["column"] == 5


@pytest.mark.parametrize("args", [[str(LOAD / "anchors.claims.yaml")], ["briefs"]])
def test_streamed_reports_are_the_texts_of_the_whole_documents(args) -> None:
    """check writes its JSON and plain reports a problem at a time: the text is still exactly
    json.dumps(indent=2) of the document, and one line per problem."""
    r = run("check", *args, "--format", "json")
    assert r.stdout == json.dumps(json.loads(r.stdout), indent=2, ensure_ascii=False) + "\n"
    plain = run("check", *args, "-v")
    lines = plain.stdout.splitlines()
    assert len(lines) == len(json.loads(r.stdout)["problems"]) and plain.stdout.endswith("\n")


def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("hand-written notes\n")
    r = run("check", str(LOAD / "anchors.claims.yaml"), "-o", str(out))
    assert r.exit_code == 2 and "use --force" in r.output
    assert out.read_text() == "hand-written notes\n"
    r = run("check", str(LOAD / "anchors.claims.yaml"), "-o", str(out), "--force")
    assert r.exit_code == 1 and "quote-ambiguous" in out.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]  # no temp files left behind


def test_init_scaffolds_a_clean_corpus_and_never_overwrites(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    r = run("init", str(corpus), "--example")
    assert r.exit_code == 0 and (corpus / "briefcmp.yaml").is_file()
    assert run("check", str(corpus), "--fail-on", "warning").exit_code == 0
    (corpus / "briefcmp.yaml").write_text("# mine\n" + (corpus / "briefcmp.yaml").read_text())
    (corpus / "example-2022.claims.yaml").unlink()
    r = run("init", str(corpus))  # an existing corpus is never touched
    assert r.exit_code == 2 and "already holds a corpus" in r.output
    assert (corpus / "briefcmp.yaml").read_text().startswith("# mine\n")
    assert not (corpus / "example-2022.claims.yaml").exists()
    other = tmp_path / "other"
    (other / "sources").mkdir(parents=True)
    (other / "sources" / "example-2022.txt").write_text("my own text\n")
    r = run("init", str(other), "--example")
    assert r.exit_code == 0 and "kept existing" in r.stderr
    assert (other / "sources" / "example-2022.txt").read_text() == "my own text\n"


def test_init_without_example_writes_a_general_taxonomy_and_next_steps(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    r = run("init", str(corpus))
    assert r.exit_code == 0 and "next steps" in r.stderr and "briefcmp align" in r.stderr
    assert (corpus / "sources").is_dir() and not list(corpus.glob("*.claims.yaml"))
    config = (corpus / "briefcmp.yaml").read_text()
    for topic in ("economy", "trade", "sanctions", "energy", "defence", "aid", "diplomacy", "security",
                  "domestic-politics", "health", "environment", "technology"):
        assert f"\n  {topic}:\n" in config
    assert run("check", str(corpus), "--fail-on", "warning").exit_code == 0


def test_schema_prints_and_writes(tmp_path: Path) -> None:
    r = run("schema", "claims")
    assert r.exit_code == 0 and json.loads(r.stdout)["title"].startswith("briefcmp claims file")
    r = run("schema", "--write", str(tmp_path / "s"))
    assert r.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["claims.schema.json", "config.schema.json"]


def test_every_command_has_help_with_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name in group.list_commands(None):
        r = run(name, "--help")
        assert r.exit_code == 0 and "Example:" in r.stdout, name


def test_no_cache_option_gives_the_same_result(tmp_path: Path, monkeypatch) -> None:
    from briefcmp.corpus import cache

    monkeypatch.setenv("BRIEFCMP_CACHE_DIR", str(tmp_path / "cache"))
    first = run("check", str(LOAD / "anchors.claims.yaml"))
    assert any((tmp_path / "cache").rglob("*")), "the first run fills the cache"
    uncached = run("--no-cache", "check", str(LOAD / "anchors.claims.yaml"))
    assert not cache.enabled()
    assert (uncached.exit_code, uncached.stdout) == (first.exit_code, first.stdout)


def test_too_large_number_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "briefcmp.yaml").write_text("topics: {t: {label: T}}\n")
    (tmp_path / "s.txt").write_text("Big.\n")
    (tmp_path / "b.claims.yaml").write_text(
        "brief: {id: b, title: B, source: s.txt}\nclaims:\n"
        f"  - {{id: c, topics: [t], quote: Big., value: {{amount: 1{'0' * 400}, unit: USD}}}}\n")
    r = run("check", str(tmp_path))
    assert r.exit_code == 1 and "[bad-value]" in r.stdout and "too large" in r.stdout
    assert run("claims", str(tmp_path), "--format", "json").exit_code == 0


def test_named_reviewed_file_must_exist() -> None:
    r = run("check", str(LOAD / "good-minimal.claims.yaml"), "--reviewed", "no/such/reviewed.yaml")
    assert r.exit_code == 2 and "no such reviewed-conflicts file" in r.output
