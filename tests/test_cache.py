"""The cache of loaded claims files: same results with and without it, safe against damage and races."""

from __future__ import annotations

import dataclasses
import importlib.util
import io
import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.corpus import cache as cache_mod
from briefcmp.corpus import progress
from briefcmp.corpus.cache import BriefCache, cache_dir
from briefcmp.cli import app
from briefcmp.corpus.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent
LOAD_FIXTURES = ROOT / "tests" / "fixtures" / "load"


def _generator():
    """benchmarks/generate.py (benchmarks/ is not a package)."""
    if "bench_generate" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules["bench_generate"] = mod  # dataclasses look their module up
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return sys.modules["bench_generate"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """A small generated corpus with shared keys, conflicts and some problems (no topic, draft, quote not found)."""
    out = tmp_path_factory.mktemp("gen") / "corpus"
    _generator().generate(out, briefs=12, claims=8, seed=7, keys=6, defects=0.25)
    return out


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A snapshot of the bundled corpus (its files are being edited while tests run)."""
    shutil.copytree(ROOT / "briefs", tmp_path / "briefs")
    return tmp_path / "briefs"


def _state(result) -> tuple:
    """Everything loading produced, as plain data."""
    return (result.files, [p.format() for p in result.problems],
            [dataclasses.asdict(b) for b in result.corpus.briefs], result.corpus.config)


def _entries(folder: Path) -> list[Path]:
    """The cache files: one per corpus, one per finished report."""
    return sorted(p for p in [*folder.glob("corpora-*/*.cache"), *folder.glob("reports-*/*.report")]
                  if p.is_file() and not p.name.startswith("."))


def _corpus_file(folder: Path) -> Path:
    (found,) = folder.glob("corpora-*/*.cache")
    return found


def _run(args: list[str], env: dict) -> tuple[int, str]:
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.stdout


# --------------------------------------------------------------------------- same results


@pytest.mark.parametrize("corpus", ["bundled", "generated", "load-fixtures"])
def test_loading_gives_the_same_objects_and_problems_with_and_without_cache(corpus, request, tmp_path) -> None:
    folder = LOAD_FIXTURES if corpus == "load-fixtures" else request.getfixturevalue(corpus)
    store = BriefCache(tmp_path / "cache")
    plain = _state(load_corpus([folder], cache=False))
    cold = _state(load_corpus([folder], cache=store))
    assert store.last_session.hits == 0
    warm = _state(load_corpus([folder], cache=store))
    assert store.last_session.misses == 0 and store.last_session.hits == len(plain[0])
    assert cold == plain
    assert warm == plain


@pytest.mark.parametrize("corpus", ["bundled", "generated"])
@pytest.mark.parametrize("command", [["check", "--format", "json"], ["compare", "--format", "json"]])
def test_cli_output_is_identical_with_and_without_cache(corpus, command, request, tmp_path) -> None:
    folder = str(request.getfixturevalue(corpus))
    env = {"BRIEFCMP_CACHE_DIR": str(tmp_path / "cache")}
    without = _run([*command, folder], {"BRIEFCMP_NO_CACHE": "1", **env})
    assert not _entries(tmp_path / "cache")  # turned off means nothing written
    if command[0] == "compare":  # what align leaves is read from its record in the cache (without one,
        _run(["align", folder], env)  # compare runs align itself): the same once align has run
    cold = _run([*command, folder], env)
    assert _entries(tmp_path / "cache")
    warm = _run([*command, folder], env)
    assert without[0] in (0, 1)
    assert cold == without
    assert warm == without
    json.loads(warm[1])


def test_cached_problems_are_replayed_in_check_text_output(generated, tmp_path) -> None:
    env = {"BRIEFCMP_CACHE_DIR": str(tmp_path / "cache")}
    first = CliRunner().invoke(app, ["check", str(generated)], env=env)
    second = CliRunner().invoke(app, ["check", str(generated)], env=env)
    assert "[no-topic]" in first.stdout and "[quote-not-found]" in first.stdout
    assert second.stdout == first.stdout
    assert second.exit_code == first.exit_code


# --------------------------------------------------------------------------- invalidation


def test_a_changed_source_config_or_claims_file_is_loaded_afresh(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    _generator().generate(corpus, briefs=3, claims=4, seed=1, keys=4, defects=0)
    store = BriefCache(tmp_path / "cache")
    load_corpus([corpus], cache=store)
    claims_file = sorted(corpus.rglob("*.claims.yaml"))[0]
    brief = load_corpus([claims_file], cache=False).corpus.briefs[0]
    source = claims_file.parent / brief.source
    original = source.read_bytes()

    # The source loses a quoted sentence: the cached (anchored) brief must not be used.
    quote = brief.claims[0].quote
    source.write_text(original.decode().replace(quote.split()[0] + " ", "", 1), encoding="utf-8")
    plain = _state(load_corpus([corpus], cache=False))
    assert _state(load_corpus([corpus], cache=store)) == plain
    assert any("source-changed" in p for p in plain[1])
    source.write_bytes(original)
    assert _state(load_corpus([corpus], cache=store)) == _state(load_corpus([corpus], cache=False))
    assert store.last_session.misses == 1  # one entry per claims file version: it held the edited source
    load_corpus([corpus], cache=store)
    assert store.last_session.misses == 0

    # The config drops a key: every brief is validated again.
    config = corpus / "briefcmp.yaml"
    text = config.read_text(encoding="utf-8")
    key = brief.claims[0].key or next(c.key for c in brief.claims if c.key)
    config.write_text(text.replace(f"  {key}:\n", f"  {key}-renamed:\n", 1), encoding="utf-8")
    plain = _state(load_corpus([corpus], cache=False))
    assert any("unknown-key" in p for p in plain[1])
    assert _state(load_corpus([corpus], cache=store)) == plain

    # A claims file is edited.
    claims_file.write_text(claims_file.read_text(encoding="utf-8").replace("claims:\n", "claims:\n  - junk\n", 1),
                           encoding="utf-8")
    plain = _state(load_corpus([corpus], cache=False))
    assert any("claim-dropped" in p or "wrong-type" in p for p in plain[1])
    assert _state(load_corpus([corpus], cache=store)) == plain


def test_the_same_file_shown_from_another_folder_is_not_mixed_up(generated, tmp_path, monkeypatch) -> None:
    store = BriefCache(tmp_path / "cache")
    monkeypatch.chdir(generated)
    here = _state(load_corpus([Path(".")], cache=store))
    monkeypatch.chdir(generated.parent)
    there = _state(load_corpus([Path(generated.name)], cache=store))
    assert there == _state(load_corpus([Path(generated.name)], cache=False))
    assert here[0] != there[0]  # paths are shown relative to the working folder


# --------------------------------------------------------------------------- damage


_DAMAGE = [
    lambda b, other: b"",
    lambda b, other: b[: len(b) // 2],
    lambda b, other: os.urandom(len(b)),
    lambda b, other: b[:-10] + bytes([b[-10] ^ 0x01]) + b[-9:],
    lambda b, other: other,
    lambda b, other: cache_mod._MAGIC + b"\0" * 38 + marshal.dumps(compile("1/0", "x", "exec")),
    lambda b, other: b[:60] + bytes([b[60] ^ 0xFF]) + b[61:],
    lambda b, other: b[:16] + b[16:].replace(b"brief", b"BRIEF", 3),
]


def test_corrupt_or_foreign_entries_are_ignored_and_rebuilt(generated, tmp_path) -> None:
    folder = tmp_path / "cache"
    plain = _state(load_corpus([generated], cache=False))
    load_corpus([generated], cache=BriefCache(folder))
    entry = _corpus_file(folder)
    good = entry.read_bytes()
    other_folder = tmp_path / "other"  # the same corpus cached under another key: its records do not authenticate
    load_corpus([generated], cache=BriefCache(other_folder))
    other = _corpus_file(other_folder).read_bytes()
    for damage in _DAMAGE:
        entry.write_bytes(damage(good, other))
        damaged = BriefCache(folder)
        assert _state(load_corpus([generated], cache=damaged)) == plain
        if damage is _DAMAGE[4]:
            assert damaged.last_session.hits == 0  # another cache's key: nothing authenticates
        rebuilt = BriefCache(folder)
        assert _state(load_corpus([generated], cache=rebuilt)) == plain
        assert rebuilt.last_session.misses == 0


def test_an_authentic_entry_with_a_wrong_shape_is_ignored(generated, tmp_path) -> None:
    folder = tmp_path / "cache"
    load_corpus([generated], cache=BriefCache(folder))
    store = BriefCache(folder)
    load_corpus([generated], cache=store)
    session = store.last_session
    keys = list(session._index)
    assert len(keys) > 3
    session._out = None
    for key in keys:  # right key and MAC, nonsense inside
        session._write(key, ("brief", session.config_hash, (("x", None, "y"),), ((1, 2),), ("?",), ()))
    session._index.clear()
    session.close()
    plain = _state(load_corpus([generated], cache=False))
    again = BriefCache(folder)
    assert _state(load_corpus([generated], cache=again)) == plain
    assert again.last_session.hits == 0


def test_a_damaged_key_file_is_replaced(generated, tmp_path) -> None:
    folder = tmp_path / "cache"
    load_corpus([generated], cache=BriefCache(folder))
    (folder / "hmac.key").write_bytes(b"short")
    store = BriefCache(folder)
    assert _state(load_corpus([generated], cache=store)) == _state(load_corpus([generated], cache=False))
    assert store.last_session.hits == 0  # old entries no longer authenticate
    assert len((folder / "hmac.key").read_bytes()) == 32


def test_an_unusable_cache_folder_means_no_cache_not_an_error(generated, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    env = {"BRIEFCMP_CACHE_DIR": str(blocker / "cache")}
    result = CliRunner().invoke(app, ["check", "--format", "json", str(generated)], env=env)
    assert result.exit_code in (0, 1), result.output
    assert result.stdout == _run(["check", "--format", "json", str(generated)], {"BRIEFCMP_NO_CACHE": "1"})[1]


# --------------------------------------------------------------------------- concurrency


def test_concurrent_runs_share_one_cache_without_corrupting_it(generated, tmp_path) -> None:
    folder = tmp_path / "cache"
    env = dict(os.environ, BRIEFCMP_CACHE_DIR=str(folder))
    env.pop("BRIEFCMP_NO_CACHE", None)
    cmd = [sys.executable, "-m", "briefcmp", "check", "--format", "json", str(generated)]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [p.communicate(timeout=60)[0].decode() for p in procs]
    expected = _run(cmd[3:], {"BRIEFCMP_NO_CACHE": "1"})[1]
    assert all(out == expected for out in outputs)
    assert len((folder / "hmac.key").read_bytes()) == 32  # one key, agreed by all
    assert not list(folder.rglob(".*.tmp"))  # no half-written entries left behind
    store = BriefCache(folder)
    assert _state(load_corpus([generated], cache=store)) == _state(load_corpus([generated], cache=False))
    assert store.last_session.misses == 0


# --------------------------------------------------------------------------- commands and folders


def test_cache_info_and_clear(generated, tmp_path) -> None:
    folder = tmp_path / "cache"
    env = {"BRIEFCMP_CACHE_DIR": str(folder)}
    empty = CliRunner().invoke(app, ["cache", "info"], env=env)
    assert "not created yet" in empty.stdout and "entries: 0" in empty.stdout
    CliRunner().invoke(app, ["check", str(generated)], env=env)
    info = CliRunner().invoke(app, ["cache", "info"], env=env)
    assert info.exit_code == 0
    assert "entries: 1 " in info.stdout  # one file for the whole corpus
    assert "caching: on" in info.stdout
    mine = folder / "notes.txt"
    mine.write_text("not the cache's", encoding="utf-8")
    cleared = CliRunner().invoke(app, ["cache", "clear"], env=env)
    assert cleared.exit_code == 0 and "removed 1 cache entry" in cleared.stderr
    assert not _entries(folder)
    assert mine.read_text(encoding="utf-8") == "not the cache's"  # only what briefcmp wrote is removed
    off = CliRunner().invoke(app, ["cache", "info"], env={**env, "BRIEFCMP_NO_CACHE": "1"})
    assert "caching: off" in off.stdout


def test_cache_folder_follows_platform_conventions() -> None:
    assert cache_dir({"BRIEFCMP_CACHE_DIR": "/x/c", "XDG_CACHE_HOME": "/y"}, "linux") == Path("/x/c")
    assert cache_dir({"HOME": "/h", "XDG_CACHE_HOME": "/xdg"}, "linux") == Path("/xdg/briefcmp")
    assert cache_dir({"HOME": "/h", "XDG_CACHE_HOME": "relative"}, "linux") == Path("/h/.cache/briefcmp")
    assert cache_dir({"HOME": "/h"}, "linux") == Path("/h/.cache/briefcmp")
    assert cache_dir({"HOME": "/Users/a"}, "darwin") == Path("/Users/a/Library/Caches/briefcmp")
    assert cache_dir({"LOCALAPPDATA": "C:/Users/a/AppData/Local", "USERPROFILE": "C:/Users/a"}, "win32") \
        == Path("C:/Users/a/AppData/Local/briefcmp/cache")


def test_stale_entries_are_pruned_at_most_once_a_day(generated, tmp_path) -> None:
    folder = tmp_path / "cache"
    store = BriefCache(folder)
    load_corpus([generated], cache=store)
    other = tmp_path / "other"
    shutil.copytree(generated, other)
    load_corpus([other], cache=store)
    entries = _entries(folder)
    assert len(entries) == 2  # one file per corpus
    old = entries[0]
    os.utime(old, (1, 1))
    assert store.prune() == 0  # pruned (nothing) when the folder was set up today
    os.utime(folder / "last-prune", (1, 1))
    assert store.prune() == 1
    assert not old.exists() and entries[1].exists()


def test_the_code_that_loading_runs_is_part_of_the_key() -> None:
    names = {m.__name__ for m in cache_mod._loader_modules()}
    assert {"briefcmp.corpus.load", "briefcmp.corpus.yamlsafe", "briefcmp.corpus.anchor", "briefcmp.corpus.model", "briefcmp.corpus.cache",
            "briefcmp.corpus.cachesession"} <= names


# --------------------------------------------------------------------------- progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch) -> None:
    for var in ("CI", "GITHUB_ACTIONS", "BRIEFCMP_NO_PROGRESS", "TERM"):
        monkeypatch.delenv(var, raising=False)
    assert progress.wanted(_Tty())
    assert not progress.wanted(io.StringIO())  # piped
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(_Tty())
    assert progress.terminal_progress(10_000, "loading") is None  # pytest's stderr is no terminal


def test_progress_bar_appears_only_after_a_delay(monkeypatch) -> None:
    bar = progress.TerminalProgress(100, "loading", delay=3600)
    bar(1, 100)
    assert bar._bar is None
    bar.close()


# --------------------------------------------------------------------------- finished reports


def _reports(folder: Path) -> list[Path]:
    return sorted(folder.glob("reports-*/*.report"))


def test_a_finished_report_is_answered_from_the_cache_only_while_nothing_changed(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    _generator().generate(corpus, briefs=6, claims=6, seed=3, keys=4, defects=0.2)
    cache_env = {"BRIEFCMP_CACHE_DIR": str(tmp_path / "cache")}
    off = {"BRIEFCMP_NO_CACHE": "1"}
    args = ["compare", "--format", "json", "--fail-on", "contradiction", str(corpus)]

    def same_as_uncached() -> tuple[int, str]:
        cold = CliRunner().invoke(app, args, env=cache_env)
        plain = CliRunner().invoke(app, args, env=off)
        assert (cold.exit_code, cold.stdout, cold.stderr) == (plain.exit_code, plain.stdout, plain.stderr)
        return cold.exit_code, cold.stdout, cold.stderr

    first = same_as_uncached()
    assert len(_reports(tmp_path / "cache")) == 1
    stamp = _reports(tmp_path / "cache")[0].stat().st_mtime_ns
    assert same_as_uncached() == first
    assert _reports(tmp_path / "cache")[0].stat().st_mtime_ns == stamp  # answered, not rewritten

    files = sorted(corpus.rglob("*.claims.yaml"))
    brief = load_corpus([files[0]], cache=False).corpus.briefs[0]
    source = files[0].parent / brief.source
    quote = brief.claims[0].quote
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace(quote.split()[0] + " ", "", 1), encoding="utf-8")  # a quote is lost
    assert same_as_uncached() != first
    (corpus / "reviewed.yaml").write_text("reviewed: []\n", encoding="utf-8")
    same_as_uncached()
    shutil.copy(files[1], files[1].with_name("copy.claims.yaml"))  # a new claims file (a duplicate brief)
    same_as_uncached()
    files[2].unlink()
    same_as_uncached()
    os.utime(files[3])  # touched, same bytes: still answered
    same_as_uncached()


def test_a_damaged_report_is_not_used(generated, tmp_path) -> None:
    env = {"BRIEFCMP_CACHE_DIR": str(tmp_path / "cache")}
    args = ["compare", "--format", "jsonl", str(generated)]
    expected = CliRunner().invoke(app, args, env=env).stdout
    reports = _reports(tmp_path / "cache")
    assert len(reports) == 1  # the finished report (compare never runs align)
    assert CliRunner().invoke(app, ["align", str(generated)], env=env).exit_code == 0
    assert CliRunner().invoke(app, args, env=env).stdout == expected  # (made again: align's record is new)
    reports = _reports(tmp_path / "cache")
    assert len(reports) == 2  # what align left undecided, and the finished report (made again, same key)
    for report in reports:
        good = report.read_bytes()
        for damaged in (good[:-5], good[:100] + bytes([good[100] ^ 1]) + good[101:], b"", good[:-70] + b"\0" * 70):
            report.write_bytes(damaged)
            assert CliRunner().invoke(app, args, env=env).stdout == expected
        report.write_bytes(good)


def test_a_warm_report_imports_neither_pyyaml_nor_the_loader(generated, tmp_path) -> None:
    env = dict(os.environ, BRIEFCMP_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("BRIEFCMP_NO_CACHE", None)
    probe = ("import sys\nfrom briefcmp.cli import main\nsys.argv = ['briefcmp', 'compare', '--format', 'json', "
             f"{str(generated)!r}]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith(('briefcmp.corpus.load', "
             "'briefcmp.analysis'))), file=sys.stderr)\n")
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120)
            for _ in range(2)]
    assert "'yaml'" in runs[0].stderr.splitlines()[-1]  # the cold run parses YAML
    assert runs[1].stderr.splitlines()[-1] == "[]"
    assert runs[1].stdout == runs[0].stdout


def test_a_report_cut_short_by_its_reader_is_not_kept(tmp_path) -> None:
    store = BriefCache(tmp_path / "cache").reports()
    key = b"k" * 32
    writer = store.writer(key)
    chunks = writer.tee(iter(["a" * 100, "b" * 100, "c"]))
    next(chunks)  # the reader went away (a closed pipe) after the first chunk
    writer.finish((("root", (), None), ()), [], 0)
    assert not _reports(tmp_path / "cache")
    writer = store.writer(key)
    assert "".join(writer.tee(iter(["a" * 100, "é", "c"]))) == "a" * 100 + "éc"
    writer.finish((("root", (), None), ()), ["note"], 1)
    hit = store.lookup(key, lambda manifest: True)
    assert hit is not None and hit.code == 1 and hit.notes == ("note",)
    assert b"".join(hit.blocks()).decode() == "a" * 100 + "éc"
    assert store.lookup(key, lambda manifest: False) is None  # inputs changed


def test_loading_on_every_core_gives_the_same_corpus(generated, tmp_path, monkeypatch) -> None:
    from briefcmp.corpus import load as load_mod

    serial = _state(load_corpus([generated], cache=False))
    monkeypatch.setattr(load_mod, "PARALLEL_FILES", 2)
    monkeypatch.setattr(load_mod, "_BATCH", 3)
    monkeypatch.setenv("BRIEFCMP_JOBS", "2")
    if load_mod.jobs() < 2:
        pytest.skip("no fork on this platform")
    assert _state(load_corpus([generated], cache=False)) == serial
    store = BriefCache(tmp_path / "cache")
    assert _state(load_corpus([generated], cache=store)) == serial  # records made by the workers
    assert _state(load_corpus([generated], cache=store)) == serial
    assert store.last_session.misses == 0


def _without_texts(state: tuple, keep) -> tuple:
    """``_state`` with the quote, text, prefix and suffix of the claims ``keep`` rejects emptied."""
    files, problems, briefs, config = state
    out = []
    for b in briefs:
        b = dict(b, claims=[c if keep(c) else dict(c, quote="", text="", prefix="", suffix="") for c in b["claims"]])
        out.append(b)
    return files, problems, out, config


@pytest.mark.parametrize("texts,keep", [("keyed", lambda c: bool(c["key"])), ("none", lambda c: False)])
def test_a_load_keeps_only_the_texts_asked_for_and_the_cache_keeps_all(generated, tmp_path, monkeypatch,
                                                                      texts, keep) -> None:
    from briefcmp.corpus import load as load_mod

    full = _state(load_corpus([generated], cache=False))
    assert any(not c["key"] for b in full[2] for c in b["claims"])  # the corpus has claims without a key
    expected = _without_texts(full, keep)
    assert expected != full
    store = BriefCache(tmp_path / "cache")
    assert _state(load_corpus([generated], cache=False, texts=texts)) == expected
    assert _state(load_corpus([generated], cache=store, texts=texts)) == expected  # cold: stored in full
    assert _state(load_corpus([generated], cache=store, texts=texts)) == expected  # warm
    assert _state(load_corpus([generated], cache=store)) == full
    assert store.last_session.misses == 0
    monkeypatch.setattr(load_mod, "PARALLEL_FILES", 2)
    monkeypatch.setenv("BRIEFCMP_JOBS", "2")
    if load_mod.jobs() >= 2:
        parallel = BriefCache(tmp_path / "parallel")
        assert _state(load_corpus([generated], cache=parallel, texts=texts)) == expected
        assert _state(load_corpus([generated], cache=parallel)) == full
    with pytest.raises(ValueError):
        load_corpus([generated], texts="some")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown", "plain"])
def test_compare_shows_the_same_with_only_keyed_texts_loaded(generated, fmt) -> None:
    """compare loads the texts of claims with a key only: its reports are those of a full load."""
    from briefcmp.analysis.crossref import analyse
    from briefcmp.render.compare import chunks

    def report(texts: str, view: str) -> str:
        corpus = load_corpus([generated], cache=False, texts=texts).corpus
        return "".join(chunks(analyse(corpus, coverage=False), fmt, None, False, view=view))

    for view in ("findings", "details"):
        full = report("all", view)
        assert full and report("keyed", view) == full


def test_a_report_depends_on_the_template_and_data_files_too() -> None:
    """The finished-report key hashes every file of the package: an HTML report made with an older template or
    stylesheet must not be replayed (an edited checkout showed the old page)."""
    from briefcmp.corpus.cache import package_files

    names = {p.name for p in package_files()}
    assert {"report.html.j2", "report.css", "report.js", "claims.schema.json", "cache.py"} <= names
    assert not any(p.suffix == ".pyc" or "__pycache__" in p.parts for p in package_files())
