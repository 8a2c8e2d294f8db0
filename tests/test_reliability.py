"""Reliability, round three (issue 25): one regression test (or more) per failure of the issue.

Runs that depend on the real process (closed descriptors, $HOME, FIFOs, names that are not
UTF-8) go through ``briefcmp.cli.main`` in a subprocess; the others through CliRunner.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app
from briefcmp.corpus.files import OutputError, write_file

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX descriptors, links and FIFOs")
HOSTILE = "\x1b]0;PWNED\x07\x1b]8;;http://evil.example\x07\x1b[2J\u202e\u2066"  # OSC title, OSC 8 link, CSI, bidi
NAME = HOSTILE.replace("/", "")  # the same in a file name


def run(*args: str, env: dict | None = None, pass_fds=(), timeout: float = 60, cwd: Path | None = None):
    """The real entry point in a subprocess, descriptors above 2 closed unless passed."""
    base = {k: v for k, v in os.environ.items() if k not in ("BRIEFCMP_NO_CACHE", "GITHUB_STEP_SUMMARY")}
    return subprocess.run([sys.executable, "-c", "from briefcmp.cli import main; main()", *args],
                          capture_output=True, env={**base, "NO_COLOR": "1", **(env or {})}, pass_fds=pass_fds,
                          close_fds=True, timeout=timeout, cwd=cwd)


def invoke(*args: str):
    return runner.invoke(app, ["--no-cache", *args])


def no_escapes(text: str) -> None:
    for bad in ("\x1b", "\x07", "\u202e", "\u2066", "\udcff"):
        assert bad not in text, (bad, text[-800:])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    shutil.copytree(ROOT / "briefs", folder)
    return folder


def two_briefs(root: Path) -> Path:
    """A corpus where `align --apply` has one key to write (two briefs give a country's rank)."""
    assert invoke("init", str(root)).exit_code == 0
    texts = {"a": "Kenya Brief\nInstitute, March 2024\n\nIn 2023 Kenya was the world's third-largest tea exporter.\n",
             "b": "Tea Note: Kenya\nDesk, April 2024\n\nKenya was the second-largest tea exporter in the world in 2023.\n"}
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        r = invoke("annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml"))
        assert r.exit_code == 0, r.output
    return root


# --------------------------------------------------------------------------- 1. a silent loss


@posix_only
def test_dev_fd_closed_at_start_is_an_error_not_a_write_into_the_report_cache(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    r = run("compare", str(corpus), "--format", "json", "-o", "/dev/fd/3", env={"BRIEFCMP_CACHE_DIR": str(cache)})
    err = r.stderr.decode()
    assert r.returncode == 2 and "descriptor 3 was not open" in err and "Traceback" not in err
    reports = [p for p in cache.rglob("*.report")]
    assert all(p.stat().st_size < 2 * 200_000 for p in reports)  # nothing appended to a cache entry
    # /dev/stderr with stderr closed: the same (never a file briefcmp opened as descriptor 2).
    r = subprocess.run([sys.executable, "-c", "from briefcmp.cli import main; main()", "compare", str(corpus),
                        "--format", "json", "-o", "/dev/stderr"], capture_output=False, stdout=subprocess.PIPE,
                       env={**os.environ, "BRIEFCMP_CACHE_DIR": str(cache)}, preexec_fn=lambda: os.close(2), timeout=60)
    assert r.returncode == 2 and r.stdout == b""
    assert all(p.stat().st_size < 2 * 200_000 for p in cache.rglob("*.report"))
    # A descriptor the caller does hand over gets the report.
    read, write = os.pipe()
    with open(tmp_path / "out.json", "wb") as out:
        r = run("compare", str(corpus), "--format", "json", "-o", f"/dev/fd/{out.fileno()}",
                env={"BRIEFCMP_CACHE_DIR": str(cache)}, pass_fds=(out.fileno(),))
    os.close(read), os.close(write)
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads((tmp_path / "out.json").read_text())["relations"]


# --------------------------------------------------------------------------- 2. writes outside the corpus


@posix_only
def test_add_force_never_writes_through_links_that_leave_the_corpus(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert invoke("init", str(root)).exit_code == 0
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text("victim\n")
    (outside / "victim.yaml").write_text("victim: yes\n")
    (root / "sources" / "w.txt").symlink_to(outside / "victim.txt")
    (root / "w.claims.yaml").symlink_to(outside / "victim.yaml")
    original = tmp_path / "in.txt"
    original.write_text("Title\n\nExports rose 5% in 2023.\n")
    r = invoke("add", str(original), str(root), "--id", "w", "--force")
    assert r.exit_code == 2 and "outside the corpus" in r.output
    assert (outside / "victim.txt").read_text() == "victim\n" and (outside / "victim.yaml").read_text() == "victim: yes\n"
    # annotate -o / --update into the corpus: the same rule
    for args in (["-o", str(root / "w.claims.yaml"), "--force"], ["--update", str(root / "w.claims.yaml")]):
        r = invoke("annotate", str(original), *args)
        assert r.exit_code == 2 and "outside the corpus" in r.output, r.output
    assert (outside / "victim.yaml").read_text() == "victim: yes\n"


@posix_only
def test_align_apply_never_writes_through_a_config_link_that_leaves_the_corpus(tmp_path: Path) -> None:
    root = two_briefs(tmp_path / "c")
    shared = tmp_path / "shared.yaml"
    shutil.move(root / "briefcmp.yaml", shared)
    (root / "briefcmp.yaml").symlink_to(shared)
    before = shared.read_text()
    claims_before = (root / "a.claims.yaml").read_text()
    r = invoke("align", str(root), "--apply")
    assert r.exit_code == 2 and "outside the corpus" in r.output, r.output
    assert shared.read_text() == before and (root / "a.claims.yaml").read_text() == claims_before


@posix_only
def test_write_file_within_a_corpus_follows_the_reading_rule(tmp_path: Path) -> None:
    root = tmp_path / "c"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "out.txt").write_text("keep\n")
    (root / "in-link.txt").symlink_to(root / "sub" / "real.txt")
    (root / "out-link.txt").symlink_to(tmp_path / "out.txt")
    write_file(root / "in-link.txt", "inside\n", force=True, within=root)  # a link that stays inside is followed
    assert (root / "sub" / "real.txt").read_text() == "inside\n"
    with pytest.raises(OutputError, match="outside the corpus"):
        write_file(root / "out-link.txt", "x\n", force=True, within=root)
    assert (tmp_path / "out.txt").read_text() == "keep\n"


# --------------------------------------------------------------------------- 3. folders nobody asked for


@posix_only
def test_a_missing_home_makes_no_folders_and_runs_without_a_cache(corpus: Path, tmp_path: Path) -> None:
    home = tmp_path / "missing" / "home"
    env = {"HOME": str(home), "BRIEFCMP_CACHE_DIR": "", "XDG_CACHE_HOME": ""}
    r = run("check", str(corpus), "-v", env=env)
    assert r.returncode in (0, 1) and not (tmp_path / "missing").exists(), r.stderr.decode()
    assert "running without a cache" in r.stderr.decode()
    r = run("compare", str(corpus), env={**env, "XDG_CACHE_HOME": str(tmp_path / "no-xdg")})
    assert r.returncode in (0, 1) and not (tmp_path / "no-xdg").exists()
    r = run("compare", str(corpus), env={"BRIEFCMP_CACHE_DIR": str(tmp_path / "a" / "b" / "cache")})
    assert r.returncode in (0, 1) and not (tmp_path / "a").exists()
    home.mkdir(parents=True)  # an existing home gets its cache
    assert run("compare", str(corpus), env=env).returncode in (0, 1)
    assert (home / ".cache" / "briefcmp" / "CACHEDIR.TAG").is_file()


# --------------------------------------------------------------------------- 4. crashes


@posix_only
@pytest.mark.skipif(shutil.which("git") is None, reason="git needed")
def test_check_changed_with_a_claims_file_name_that_is_not_utf8(corpus: Path, tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.email=t@e", "-c", "user.name=t", *args], cwd=tmp_path, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    name = os.fsdecode(b"x\xff.claims.yaml")
    shutil.copy(corpus / "cap-2022-02.claims.yaml", corpus / name)
    for _ in range(2):  # untracked, then committed and edited
        r = run("check", "--changed", str(corpus), cwd=tmp_path)
        err = r.stderr.decode()
        assert r.returncode in (0, 1, 2) and "internal error" not in err and "Traceback" not in err, err
        assert "x\\xff.claims.yaml" in r.stdout.decode() + err
        git("add", "-A")
        git("commit", "-qm", "more")
        with open(corpus / name, "a", encoding="utf-8") as fh:
            fh.write("# edited\n")


@posix_only
@pytest.mark.parametrize("path", ["/dev/fd/\u00b2", "/proc/self/fd/\u00b9", "/dev/fd/99999999999999999999",
                                  "/dev/fd/3\u0663"])
def test_descriptor_paths_that_name_no_descriptor_are_errors(corpus: Path, path: str) -> None:
    r = run("compare", str(corpus), "-o", path)
    err = r.stderr.decode()
    assert r.returncode == 2 and "internal error" not in err and "Traceback" not in err, err


@pytest.mark.parametrize("figure", ["2021年", "3ème", "12µg", "5ß", "7Ω", "9ǅ"])
def test_digits_glued_to_a_letter_that_is_not_ascii(tmp_path: Path, figure: str) -> None:
    src = tmp_path / "s.txt"
    src.write_text(f"Title\n\nThe figure was {figure} in all, up 4% on the year.\n", encoding="utf-8")
    r = invoke("annotate", str(src))
    assert r.exit_code == 0, r.output
    assert "amount: 4, unit: percent" in r.stdout  # the rest of the sentence is still drafted


# --------------------------------------------------------------------------- 5. a hang


@posix_only
def test_step_summary_on_a_fifo_with_no_reader_is_a_warning_not_a_hang(corpus: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "summary"
    os.mkfifo(fifo)
    r = run("check", str(corpus), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(fifo)}, timeout=30)
    err = r.stderr.decode()
    assert r.returncode in (0, 1) and "FIFO has no reader" in err and "Traceback" not in err
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    r = run("check", str(corpus), "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.returncode in (0, 1) and summary.read_text().startswith("earlier step\n## ")


@posix_only
def test_a_fifo_given_as_the_text_to_draft_is_an_error_not_a_hang(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert invoke("init", str(root)).exit_code == 0
    fifo = tmp_path / "brief.txt"
    os.mkfifo(fifo)
    for args in (["annotate", str(fifo)], ["add", str(fifo), str(root)]):
        r = run(*args, timeout=30)
        assert r.returncode == 2 and "is a FIFO" in r.stderr.decode()


# --------------------------------------------------------------------------- 7. escapes on the command line


def test_arguments_and_file_names_are_echoed_through_the_sanitiser(corpus: Path, tmp_path: Path) -> None:
    outputs = []
    for option in ("--topic", "--brief", "--key", "--subject"):
        outputs.append(invoke("compare", str(corpus), option, HOSTILE))
    outputs.append(invoke("show", HOSTILE, str(corpus)))
    outputs.append(invoke("compare", str(corpus), "--format", HOSTILE))
    outputs.append(invoke("compare", str(corpus), "--no-such" + HOSTILE))
    taken = tmp_path / f"taken{NAME}.txt"
    taken.write_text("x")
    outputs.append(invoke("compare", str(corpus), "-o", str(taken)))
    outputs.append(invoke("init", str(tmp_path / f"new{NAME}")))
    outputs.append(invoke("schema", "--write", str(tmp_path / f"schemas{NAME}")))
    outputs.append(invoke("export", str(corpus), "--sqlite", str(tmp_path / f"db{NAME}.db")))
    src = tmp_path / f"src{NAME}.txt"
    src.write_text("Title\n\nExports rose 5% in 2023.\n", encoding="utf-8")
    outputs.append(invoke("annotate", str(src), "-o", str(tmp_path / f"a{NAME}.claims.yaml")))
    outputs.append(invoke("add", str(src), str(corpus), "--id", "hostile"))  # warns: the original is outside
    outputs.append(invoke("review", "add", HOSTILE, "-j", "x", "-C", str(corpus)))
    assert all(r.exit_code in (0, 1, 2) for r in outputs)
    assert sum(r.exit_code == 0 for r in outputs) >= 5  # the "wrote/created" lines were printed too
    for r in outputs:
        no_escapes(r.output)
    assert any("\\x1b]0;PWNED\\x07" in r.output for r in outputs)  # shown, not obeyed


# --------------------------------------------------------------------------- 8. bidi controls in JSON


def test_json_writes_bidi_and_c1_controls_as_escapes(corpus: Path) -> None:
    path = corpus / "cap-2022-02.claims.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[lines.index(next(line for line in lines if line.startswith("  title: How Japan")))] = \
        '  title: "\\u202eevil\\u2066 \\u2028How Japan"'
    path.write_text("\n".join(lines), encoding="utf-8")
    seen = 0
    for command in ("compare", "claims", "briefs", "coverage"):
        for fmt in ("json", "jsonl"):
            r = invoke(command, str(corpus), "--format", fmt)
            assert r.exit_code in (0, 1), r.output
            for bad in ("\u202e", "\u2066", "\u2028", "\x85"):
                assert bad not in r.stdout, (command, fmt)
            docs = [json.loads(r.stdout)] if fmt == "json" else [json.loads(line) for line in r.stdout.splitlines()]
            seen += "\u202eevil\u2066 \u2028How Japan" in json.dumps(docs, ensure_ascii=False)  # the same data
    assert seen >= 2  # briefs carries the title in both formats
    r = invoke("show", "cap-2022-02#" + "x", str(corpus), "--format", "json")
    assert "\u202e" not in r.output


# --------------------------------------------------------------------------- 9. drafts that fail check


def test_drafts_from_large_small_and_control_laden_text_pass_check(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert invoke("init", str(root)).exit_code == 0
    (root / "sources" / "esc.txt").write_text(
        "Trade \x1b[31mReport\x07 2024\n\n"
        "Exports rose 5% to $12.5 billion in 2023, the \x1b]0;x\x07ministry said.\n\n"
        "Imports were 1,234,567,890,123.5 tonnes. Debt was 12345678901234567890 dollars. "
        "A tiny 0.0000000001 percent rise. Reserves were 12,345,678,901.5 dollars.\n", encoding="utf-8")
    r = invoke("annotate", str(root / "sources" / "esc.txt"), "-o", str(root / "esc.claims.yaml"))
    assert r.exit_code == 0, r.output
    assert "esc.txt:5:51: '12345678901234567890 dollars' not drafted" in r.output  # refused with its place
    text = (root / "esc.claims.yaml").read_text(encoding="utf-8")
    assert "title: Trade Report 2024" in text and "\\u001b" not in text and not re.search(r"(?:amount|upper): [^,}]*[eE]", text)
    for value in ("amount: 1234567890123.5", "amount: 0.0000000001", "amount: 12345678901.5", "amount: 12.5"):
        assert value in text
    r = invoke("check", str(root), "--format", "json")
    doc = json.loads(r.stdout)
    assert [p for p in doc["problems"] if p["severity"] == "error"] == []
    assert {p["rule"] for p in doc["problems"]} <= {"draft-claim", "no-topic"}


# --------------------------------------------------------------------------- 10. line endings


def test_align_apply_keeps_each_files_line_endings(tmp_path: Path) -> None:
    root = two_briefs(tmp_path / "c")
    crlf = [root / "briefcmp.yaml", root / "a.claims.yaml"]
    for p in crlf:
        p.write_bytes(p.read_bytes().replace(b"\n", b"\r\n"))
    r = invoke("align", str(root), "--apply")
    assert r.exit_code == 0, r.output
    for p in crlf:
        data = p.read_bytes()
        assert data.count(b"\n") == data.count(b"\r\n") > 0, p
    data = (root / "b.claims.yaml").read_bytes()
    assert b"key: " in data and b"\r" not in data
    assert b"key: " in (root / "a.claims.yaml").read_bytes()


# --------------------------------------------------------------------------- 11. one folder rule


def test_export_sqlite_to_a_folder_name_is_refused_like_output(corpus: Path, tmp_path: Path) -> None:
    for args in (["export", str(corpus), "--sqlite"], ["compare", str(corpus), "-o"]):
        r = invoke(*args, str(tmp_path / "newdir") + "/")
        assert r.exit_code == 2 and "is a folder" in r.output
    assert not (tmp_path / "newdir").exists()


# --------------------------------------------------------------------------- 12. NUL bytes


@pytest.mark.parametrize("data", [b"T\x00itle\n\nExports rose 5% in 2023.\n",
                                  "Title\n\nExports rose 5% in 2023.\n".encode("utf-16-le")])
def test_add_refuses_nul_bytes_as_annotate_does(tmp_path: Path, data: bytes) -> None:
    root = tmp_path / "c"
    assert invoke("init", str(root)).exit_code == 0
    original = tmp_path / "in.txt"
    original.write_bytes(data)
    added, annotated = invoke("add", str(original), str(root)), invoke("annotate", str(original))
    assert added.exit_code == annotated.exit_code == 2
    assert "a NUL byte at offset" in added.output and "in.txt:1:1:" in added.output
    assert not (root / "in.claims.yaml").exists() and not (root / "sources" / "in.txt").exists()
