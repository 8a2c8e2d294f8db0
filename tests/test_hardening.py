"""Hardening (issue 14): no file clobbered, no injection through any output, no quadratic input, no crash.

Each numbered section is one item of the issue. CLI runs go through ``briefcmp.cli.main``
in a subprocess where the real stdout matters (devices, /dev/full, closed stdout, FIFOs).
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus import anchor
from briefcmp.corpus.files import FileTooLarge, NotRegularFile, OutputError, read_regular, write_file
from briefcmp.render.escape import csv_cell, github_data, github_line, github_property, inline_code, markdown_cell
from briefcmp.render.sanitize import terminal_safe

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file types")

SOURCE = ("Exports to the region fell by 12 percent in 2021, the ministry said.\n"
          "Imports rose by 3 percent in 2022 as energy prices climbed.\n")
CONFIG = """format: 1
topics:
  trade:
    label: Trade
keys:
  exports-change:
    label: Change in exports
    type: quantity
    unit: percent
"""


def claims_yaml(quote: str = "Exports to the region fell by 12 percent in 2021", extra: str = "",
                brief_id: str = "alpha", source: str = "sources/a.txt") -> str:
    return f"""format: 1
brief:
  id: {brief_id}
  title: Trade brief
  published: 2022-03
  source: {source}
claims:
  - id: exports
    key: exports-change
    topics: [trade]
    quote: {json.dumps(quote)}
    value: {{amount: -12, unit: percent}}
    as_of: 2021
{extra}"""


def make_corpus(folder: Path, source: str = SOURCE, claims: str | None = None) -> Path:
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "briefcmp.yaml").write_text(CONFIG, encoding="utf-8")
    (folder / "sources" / "a.txt").write_text(source, encoding="utf-8")
    (folder / "alpha.claims.yaml").write_text(claims if claims is not None else claims_yaml(), encoding="utf-8")
    return folder


def cli(*args: str, stdout=subprocess.PIPE, cwd: Path | None = None, timeout: float = 60):
    """Run the real entry point (``main``) in a subprocess."""
    env = {**os.environ, "BRIEFCMP_NO_CACHE": "1", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", "from briefcmp.cli import main; main()", *args],
                          stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, env=env, timeout=timeout)


def invoke(*args: str):
    return runner.invoke(app, ["--no-cache", *args])


def assert_clean_failure(result, code: int = 2) -> str:
    err = result.stderr.decode() if isinstance(result.stderr, bytes) else result.stderr
    assert result.returncode == code if hasattr(result, "returncode") else result.exit_code == code, err
    assert "Traceback" not in err and "internal error" not in err
    return err


# --------------------------------------------------------------------------- 1. -o never clobbers


def test_write_regular_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "r.txt"
    write_file(target, "one\n")
    with pytest.raises(OutputError, match="file exists; use --force"):
        write_file(target, "two\n")
    os.chmod(target, 0o640)
    write_file(target, "two\n", force=True)
    assert target.read_text() == "two\n" and stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_write_through_live_symlink_updates_the_target(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "real.txt"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with pytest.raises(OutputError, match="exists"):
        write_file(link, "new\n")
    write_file(link, "new\n", force=True)
    assert link.is_symlink() and real.read_text() == "new\n"


@posix_only
def test_dangling_symlink_is_refused_without_force(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(OutputError, match="dangling symbolic link"):
        write_file(link, "x\n")
    assert not (tmp_path / "missing.txt").exists()
    write_file(link, "x\n", force=True)
    assert link.is_symlink() and (tmp_path / "missing.txt").read_text() == "x\n"


@posix_only
def test_devices_are_written_through_never_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    write_file("/dev/null", "report\n")
    write_file("/dev/null", "report\n", force=True)
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


@posix_only
def test_fifo_is_written_through_and_one_without_reader_is_an_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no reader"):
        write_file(fifo, "x\n")
    got: list[bytes] = []
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_file(fifo, "through the pipe\n")
        got.append(os.read(fd, 100))
    finally:
        os.close(fd)
    assert got == [b"through the pipe\n"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_folder_and_paths_under_a_file_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_file(tmp_path, "x")
    with pytest.raises(OutputError, match="is a folder"):
        write_file(str(tmp_path / "newdir") + "/", "x")
    (tmp_path / "file").write_text("f")
    with pytest.raises(OutputError, match="not a folder"):
        write_file(tmp_path / "file" / "x", "x")
    with pytest.raises(OutputError, match="does not exist"):
        write_file(tmp_path / "nope" / "x", "x")


@posix_only
@pytest.mark.skipif(IS_ROOT, reason="root writes anywhere; the path-under-a-file case covers it")
def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="cannot write"):
            write_file(ro / "x.txt", "x")
    finally:
        ro.chmod(0o700)


def test_temp_file_failure_is_an_output_error(tmp_path: Path, monkeypatch) -> None:
    """An unwritable folder (simulated: root may write anywhere) fails inside the try: exit 2, not exit 3."""
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError, match="cannot write: Permission denied"):
        write_file(tmp_path / "x.txt", "x")
    corpus = make_corpus(tmp_path / "c")
    r = invoke("compare", str(corpus), "-o", str(tmp_path / "report.txt"))
    assert r.exit_code == 2 and "Permission denied" in r.output and "internal error" not in r.output


@posix_only
def test_cli_output_paths(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    r = cli("compare", str(corpus), "-o", "/dev/null", "--force")
    assert r.returncode == 0 and stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    r = cli("compare", str(corpus), "-o", "/dev/stdout", "--force")
    assert r.returncode == 0 and b"briefcmp compare" in r.stdout and os.path.islink("/dev/stdout")
    redirected = tmp_path / "redirected.txt"
    with open(redirected, "w") as fh:
        inode = os.fstat(fh.fileno()).st_ino
        r = cli("compare", str(corpus), "-o", "/dev/stdout", stdout=fh)
    assert r.returncode == 0 and redirected.stat().st_ino == inode  # written to, not replaced
    assert redirected.read_text().startswith("briefcmp compare")
    r = cli("compare", str(corpus), "-o", str(tmp_path / "newdir") + "/")
    err = assert_clean_failure(r)
    assert "is a folder" in err and not (tmp_path / "newdir").exists()
    (tmp_path / "afile").write_text("x")
    err = assert_clean_failure(cli("check", str(corpus), "--format", "sarif", "-o", str(tmp_path / "afile" / "r")))
    assert "not a folder" in err and len(err.strip().splitlines()) == 1
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "gone.json")
    err = assert_clean_failure(cli("claims", str(corpus), "--format", "json", "-o", str(link)))
    assert "dangling" in err and link.is_symlink()


@posix_only
def test_review_add_on_symlinked_reviewed_file_updates_the_target(tmp_path: Path) -> None:
    import shutil

    corpus = tmp_path / "briefs"
    shutil.copytree(ROOT / "briefs", corpus)
    shared = tmp_path / "shared-reviewed.yaml"
    shutil.move(corpus / "reviewed.yaml", shared)
    (corpus / "reviewed.yaml").symlink_to(shared)
    r = invoke("review", "add", "japan-russia-trade-total:contradiction:ad6338a5b8", "--replace",
               "-j", "Reviewed again through a shared file", "--reviewer", "tester", "-C", str(corpus))
    assert r.exit_code == 0, r.output
    assert (corpus / "reviewed.yaml").is_symlink()
    assert "Reviewed again through a shared file" in shared.read_text()


# --------------------------------------------------------------------------- 2. year 9999


@pytest.mark.parametrize("as_of", ["9999-12", "9999", "9999-12-31", "2021/9999-12"])
def test_year_9999_is_held_and_never_crashes(tmp_path: Path, as_of: str) -> None:
    extra = f"""  - id: future
    key: exports-change
    topics: [trade]
    quote: Imports rose by 3 percent in 2022
    value: {{amount: 3, unit: percent}}
    as_of: {as_of}
"""
    corpus = make_corpus(tmp_path, claims=claims_yaml(extra=extra))
    for args in (["check", str(corpus)], ["compare", str(corpus)], ["coverage", str(corpus)],
                 ["claims", str(corpus)], ["show", "exports-change", str(corpus)], ["briefs", str(corpus)],
                 ["review", "list", "-C", str(corpus)]):
        r = invoke(*args)
        assert r.exit_code in (0, 1), (args, r.output)
        assert "internal error" not in r.output


@pytest.mark.parametrize("as_of", ["0000", "2022-02-30", "10000-01", "2022-13"])
def test_dates_the_model_cannot_hold_are_located_errors(tmp_path: Path, as_of: str) -> None:
    corpus = make_corpus(tmp_path, claims=claims_yaml().replace("as_of: 2021", f"as_of: {as_of}"))
    r = invoke("check", str(corpus), "--exit-zero")
    assert r.exit_code == 0 and "[bad-date]" in r.stdout and "alpha.claims.yaml:13:" in r.stdout


# --------------------------------------------------------------------------- 3. GitHub workflow commands


def test_github_escapes_every_line_not_only_annotations() -> None:
    from briefcmp.corpus.problems import Problems
    from briefcmp.gate.check import CheckReport
    from briefcmp.render.github import render_github

    evil = "topic x\n::add-mask::x\n::stop-commands::y\n::error file=other.py::forged"
    problems = Problems()
    for i in range(25):  # more than the 10 GitHub shows per level: the rest are plain lines
        problems.error("a.claims.yaml", (i + 1, 1), "unknown-topic", f"claim c{i}: {evil}")
    report = CheckReport(problems=problems, files=["a.claims.yaml"], briefs=1, claims=25, load=None)
    out = render_github(report)
    for line in out.splitlines():
        assert "add-mask" not in line or not line.lstrip().startswith("::add-mask")
        assert "::stop-commands" not in line and "::add-mask" not in line
        assert "::error file=other.py" not in line
    assert out.count("\n") == len(out.splitlines())
    assert sum(1 for line in out.splitlines() if line.startswith("::error ")) == 10


def test_github_escapers() -> None:
    assert github_data("50%\r\n::x") == "50%25%0D%0A%3A%3Ax"
    assert github_property("a:b,c") == "a%3Ab%2Cc"
    assert "\n" not in github_line("a\nb") and "::" not in github_line("::stop-commands::t")


# --------------------------------------------------------------------------- 4. terminal escapes


EVIL = "Exports \x1b[2Jfell \x1b[8mhidden\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \u202etxt.exe\u202c by 12 percent."


def test_terminal_safe_makes_controls_and_bidi_visible() -> None:
    out = terminal_safe(EVIL)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out and "\\x1b[2J" in out
    assert terminal_safe("plain\ttext\n") == "plain\ttext\n"
    assert terminal_safe("a\r\nb", one_line=True) == "a\\x0d\\x0ab"


@pytest.mark.parametrize("fmt", ["plain", "table", "markdown", "csv"])
def test_show_never_prints_source_escapes(tmp_path: Path, fmt: str) -> None:
    corpus = make_corpus(tmp_path, source=EVIL + "\n", claims=claims_yaml(quote="by 12 percent."))
    r = invoke("show", "alpha#exports", str(corpus), "--format", fmt)
    assert r.exit_code == 0, r.output
    for bad in ("\x1b", "\x07", "\u202e", "\u202c"):
        assert bad not in r.stdout
    assert "2J" in r.stdout  # made visible, not silently dropped


def test_closest_passage_is_safe_and_short(tmp_path: Path) -> None:
    filler = " ".join(f"In {1990 + i} the agency counted {i * 37} ships in port number {i}." for i in range(60))
    corpus = make_corpus(tmp_path, source=filler + " " + EVIL + " " + filler.replace("agency", "office"),
                         claims=claims_yaml(quote="hidden link then by 13 percent. In 1990 the office counted 0 ships"))
    r = invoke("check", str(corpus))
    assert r.exit_code == 1 and "[quote-not-found]" in r.stdout
    line = next(line for line in r.stdout.splitlines() if "quote-not-found" in line)
    passage = line.split('closest passage: "', 1)[1].rsplit('"', 1)[0]
    assert "\x1b" not in line and "\u202e" not in line and "\\x1b" in passage  # made visible
    raw = passage.encode().decode("unicode_escape")  # the passage itself, escapes undone
    assert 0 < len(raw) <= anchor.CLOSEST_CHARS + 3


def test_nul_after_8_kib_is_binary(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, source=SOURCE + "x" * 20000 + "\x00" + "tail\n")
    r = invoke("check", str(corpus))
    assert r.exit_code == 1 and "NUL byte at offset" in r.stdout


# --------------------------------------------------------------------------- 5. disclosure


def test_sources_in_hidden_folders_are_refused(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    (corpus / ".git").mkdir()
    secret = "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n"
    (corpus / ".git" / "config").write_text(secret)
    claims = claims_yaml(quote="extraheader = AUTHORIZATION: basic c2VjcmV1", source=".git/config")
    (corpus / "alpha.claims.yaml").write_text(claims)
    r = invoke("check", str(corpus), "--format", "json")
    assert "hidden folder" in r.stdout and "c2VjcmV0" not in r.stdout
    (corpus / ".env").write_text("TOKEN=c2VjcmV0 and more\n")
    (corpus / "alpha.claims.yaml").write_text(claims_yaml(quote="TOKEN=c2VjcmV1 and more", source=".env"))
    r = invoke("check", str(corpus), "--format", "sarif")
    assert "hidden file" in r.stdout and "c2VjcmV0" not in r.stdout


@posix_only
def test_symlinked_claims_file_outside_the_corpus_is_not_read(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    outside = tmp_path / "secret.claims.yaml"
    outside.write_text("password: hunter2-very-secret\n")
    (corpus / "x.claims.yaml").symlink_to(outside)
    r = invoke("check", str(corpus))
    assert r.exit_code == 1 and "[outside-corpus]" in r.stdout and "hunter2" not in r.stdout


@posix_only
def test_symlinked_source_outside_the_corpus_is_refused(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    (tmp_path / "outside.txt").write_text(SOURCE)
    os.remove(corpus / "sources" / "a.txt")
    (corpus / "sources" / "a.txt").symlink_to(tmp_path / "outside.txt")
    r = invoke("check", str(corpus))
    assert "[source-outside-corpus]" in r.stdout


# --------------------------------------------------------------------------- 6. linear time


def _words(n_chars: int, seed: int = 7) -> str:
    import random

    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(3000)]
    out, size = [], 0
    while size < n_chars:
        w = rng.choice(vocab)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def test_quote_index_finds_exactly_what_find_finds() -> None:
    src = anchor.normalise("the cat sat on the mat; the cat sat again. concatenation: cat sat on the mat " * 3)
    quotes = ["cat sat on the mat", "at sat on the m", "the cat", "sat", "on the mat; the cat sat again.",
              "missing words here now", "cat sat on the mat cat"]
    index = anchor.QuoteIndex(src, quotes)
    every = anchor.QuoteIndex(src)
    for q in quotes:
        expected = [i for i in range(len(src)) if src.startswith(q, i)]
        assert index.starts(q) == expected and every.starts(q) == expected, q


def test_anchoring_many_quotes_is_not_quotes_times_source() -> None:
    src = anchor.normalise(_words(1_000_000))
    import random

    rng = random.Random(3)
    quotes = []
    for _ in range(3000):
        a = src.index(" ", rng.randrange(0, len(src) - 300)) + 1
        quotes.append(src[a:src.index(" ", a + 60)])
    start = time.perf_counter()
    index = anchor.QuoteIndex(src, set(quotes))
    found = sum(anchor.find_quote(src, q, index=index).total for q in quotes)
    elapsed = time.perf_counter() - start
    assert found >= len(quotes)
    assert elapsed < 3.0  # str.find per quote: about 6 s here


def test_closest_passage_is_bounded() -> None:
    src = anchor.normalise(_words(200_000))
    quote = anchor.normalise(_words(200_000, seed=8))
    start = time.perf_counter()
    passage = anchor.closest_passage(src, quote)
    assert time.perf_counter() - start < 1.0 and len(passage) <= anchor.CLOSEST_CHARS + 3
    near = src[5000:5400].replace(" ", "  ", 1)
    near = anchor.normalise(near[:200] + "X" + near[201:])
    assert anchor.closest_passage(src, near)[:40] == src[5000:5040]


@pytest.mark.parametrize("text", ["2021 " * 10000, "\n".join(" ".join(f"{(i * 7919 + j) % 99999:>6}" for j in range(8))
                                                             for i in range(600))])
def test_annotate_text_without_sentence_ends_is_linear(tmp_path: Path, text: str) -> None:
    from briefcmp.corpus import sentences

    spans = sentences.split(text)
    assert spans and max(s.end - s.start for s in spans) <= sentences.MAX_SENTENCE
    (tmp_path / "t.txt").write_text(text)
    start = time.perf_counter()
    r = invoke("annotate", str(tmp_path / "t.txt"))
    assert r.exit_code == 0, r.output
    assert time.perf_counter() - start < 15  # before: 15 s and more (61 s at twice the size)


def test_annotate_caps_give_located_errors(tmp_path: Path) -> None:
    from briefcmp.drafting import annotate

    big = tmp_path / "big.txt"
    big.write_text("word " * (annotate.MAX_DRAFT_CHARS // 5 + 10))
    r = invoke("annotate", str(big))
    assert r.exit_code == 2 and "big.txt:1:1:" in r.output and "characters" in r.output
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("intro line\n" + "1 " * (annotate.MAX_DRAFT_NUMBERS + 5))
    r = invoke("annotate", str(numbers))
    assert r.exit_code == 2 and "numbers.txt:2:" in r.output and "numbers" in r.output


# --------------------------------------------------------------------------- 7. Markdown


def test_inline_code_cannot_be_left() -> None:
    for key in ("a``<img src=x onerror=alert(1)>``b", "x\n\n<script>alert(1)</script>", "`", "a|b"):
        span = inline_code(key)
        fence = span[:len(span) - len(span.lstrip("`"))]
        inner = span[len(fence):-len(fence)]
        assert "\n" not in span and span.endswith(fence) and fence not in inner


def _raw_html(markdown: str) -> bool:
    """Does a CommonMark renderer (markdown-it-py, which rich depends on) let raw HTML through?"""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)
    return any(tag in html for tag in ("<img", "<script", "<b>"))


def test_markdown_cell_lets_no_html_survive() -> None:
    cell = markdown_cell("``a``<img src=x onerror=1>``b``\n\n<script>")
    assert not _raw_html(cell) and "\n" not in cell
    assert "<" not in markdown_cell("<b>", entities=True)


@pytest.mark.parametrize("key", ["a``<img src=x onerror=alert(1)>``b", "x\n\n<script>alert(1)</script>"])
def test_keys_are_ids_in_config_and_claims(tmp_path: Path, key: str) -> None:
    config = CONFIG + f"  {json.dumps(key)}:\n    label: Evil\n    type: quantity\n"
    corpus = make_corpus(tmp_path, claims=claims_yaml().replace("key: exports-change", f"key: {json.dumps(key)}"))
    (corpus / "briefcmp.yaml").write_text(config)
    r = invoke("check", str(corpus))
    assert r.exit_code == 1 and "[bad-id]" in r.stdout
    assert "briefcmp.yaml:10:" in r.stdout and "alpha.claims.yaml:9:" in r.stdout
    for cmd in (["compare"], ["claims"], ["coverage"]):
        out = invoke(*cmd, str(corpus), "--format", "markdown").stdout
        assert not _raw_html(out), out


# --------------------------------------------------------------------------- 8. CSV formulas


def test_csv_cell_neutralises_formulas_but_not_numbers() -> None:
    for bad in ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"):
        assert csv_cell(bad).startswith("'")
    for ok in ("-12", "+3.5", "-0.25%", "1,234", "plain", ""):
        assert csv_cell(ok) == ok


@pytest.mark.parametrize("cmd", [["claims"], ["compare"], ["coverage"], ["briefs"], ["show", "alpha#exports"]])
def test_csv_outputs_have_no_formula_cells(tmp_path: Path, cmd: list[str]) -> None:
    extra = """    text: "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
    cites: "@SUM(1+1)*cmd|' /C calc'!A0"
    note: "+1+2"
"""
    claims = claims_yaml().replace("    as_of: 2021\n", "    as_of: 2021\n" + extra)
    claims = claims.replace("title: Trade brief", "title: \"=1+2\"")
    corpus = make_corpus(tmp_path, claims=claims)
    r = invoke(*cmd, str(corpus), "--format", "csv")
    assert r.exit_code in (0, 1), r.output
    for row in csv.reader(io.StringIO(r.stdout)):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                assert csv_cell(cell) == cell, (cmd, cell)  # only numbers may start so


# --------------------------------------------------------------------------- 9. annotate --update


@pytest.mark.parametrize("ending", ["...\n", "...\n# trailing comment\n", "# last line without a newline"])
def test_annotate_update_keeps_the_file_parseable(tmp_path: Path, ending: str) -> None:
    (tmp_path / "briefcmp.yaml").write_text("format: 1\n")
    (tmp_path / "s.txt").write_text(SOURCE)
    r = invoke("annotate", str(tmp_path / "s.txt"), "-o", str(tmp_path / "s.claims.yaml"))
    assert r.exit_code == 0, r.output
    text = (tmp_path / "s.claims.yaml").read_text()
    head = text[:text.index("claims:")] + "claims:\n" + ending
    (tmp_path / "s.claims.yaml").write_text(head)
    r = invoke("annotate", str(tmp_path / "s.txt"), "--update", str(tmp_path / "s.claims.yaml"))
    after = (tmp_path / "s.claims.yaml").read_text()
    assert r.exit_code == 0, r.output
    assert "added" in r.output and after.count("- id:") >= 2
    if ending.startswith("..."):
        assert after.rstrip().endswith(ending.strip().splitlines()[-1])
    check = invoke("check", str(tmp_path))
    assert check.exit_code == 0 and "yaml-syntax" not in check.stdout and "(1 brief," in check.stderr


def test_append_refuses_to_break_a_file() -> None:
    from briefcmp.drafting.claimsyaml import AnnotateError, append_to_claims_file
    from briefcmp.drafting.draft import DraftClaim

    claim = DraftClaim(id="x", quote="q", span=(0, 1), kind="fact")
    ok = append_to_claims_file("format: 1\nclaims:\n  - id: a\n    quote: b\n...\n", [claim])
    assert ok.endswith("...\n") and "id: x" in ok
    with pytest.raises(AnnotateError):
        append_to_claims_file("format: 1\nclaims:\n  - id: a\n    quote: |\n      b\n...\n--- x\n", [claim])


# --------------------------------------------------------------------------- 10. output errors


@posix_only
@pytest.mark.parametrize("args", [["--help"], ["check"], ["claims", "--format", "json"]])
def test_stdout_full_or_closed_is_exit_2_with_one_line(tmp_path: Path, args: list[str]) -> None:
    corpus = make_corpus(tmp_path)
    args = args + ([str(corpus)] if args != ["--help"] else [])
    with open("/dev/full", "w") as full:
        err = assert_clean_failure(cli(*args, stdout=full))
    assert err.strip().count("\n") == 0 and "cannot write output" in err
    closed = subprocess.run([sys.executable, "-c", "from briefcmp.cli import main; main()", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60,
                            preexec_fn=lambda: os.close(1))
    err = assert_clean_failure(closed)
    assert "cannot write output" in err


@posix_only
def test_non_utf8_file_names_with_json_and_sarif(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    name = os.fsencode(str(corpus)) + b"/bad-\xff.claims.yaml"
    with open(name, "w") as fh:
        fh.write(claims_yaml(brief_id="beta"))
    for fmt in ("json", "sarif"):
        out = tmp_path / f"r.{fmt}"
        r = cli("check", str(corpus), "--format", fmt, "--exit-zero", "-o", str(out))
        assert r.returncode == 0, r.stderr
        json.loads(out.read_text(encoding="utf-8"))
    r = cli("claims", str(corpus))
    assert r.returncode == 0 and b"Traceback" not in r.stderr


# --------------------------------------------------------------------------- 11. planted files


def test_read_regular_refuses_non_files_and_limits_size(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"x" * 100)
    assert read_regular(tmp_path / "f", 100) == b"x" * 100
    with pytest.raises(FileTooLarge):
        read_regular(tmp_path / "f", 99)
    assert len(read_regular(tmp_path / "f", 10, allow_larger=True)) == 11
    with pytest.raises(NotRegularFile):
        read_regular(tmp_path, 10)
    if os.path.exists("/dev/zero"):
        with pytest.raises(NotRegularFile):
            read_regular("/dev/zero", 10)


@posix_only
def test_fifos_as_source_claims_and_cache_files_never_hang(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "c")
    os.remove(corpus / "sources" / "a.txt")
    os.mkfifo(corpus / "sources" / "a.txt")
    os.mkfifo(corpus / "fifo.claims.yaml")
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "BRIEFCMP_CACHE_DIR": str(cache_dir)}
    run = lambda: subprocess.run([sys.executable, "-c", "from briefcmp.cli import main; main()", "check", str(corpus)],
                                 capture_output=True, env=env, timeout=30)
    first = run()
    assert first.returncode == 1 and b"not a regular file" in first.stdout + first.stderr
    # Plant a FIFO as the cache key and /dev/zero behind every cache entry.
    key = next(cache_dir.rglob("hmac.key"), None)
    if key is not None:
        key.unlink()
        os.mkfifo(key)
    for entry in [p for p in cache_dir.rglob("*") if p.is_file() and p.name not in ("hmac.key", "CACHEDIR.TAG")]:
        entry.unlink()
        os.mkfifo(entry)
    second = run()
    assert second.returncode == 1 and b"Traceback" not in second.stderr
    if key is not None:
        key.unlink()
        key.symlink_to("/dev/zero")
        third = run()
        assert third.returncode == 1 and b"Traceback" not in third.stderr
