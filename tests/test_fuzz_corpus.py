"""Fuzz (issue 14): mutate the bundled corpus field by field; briefcmp never crashes.

A seeded mutation loop (fast enough for CI): each round replaces the value of one field
of a claims file, the config or reviewed.yaml with a hostile value, runs a command, and
asserts an exit code in {0, 1, 2}, no traceback and no internal error, and that every
problem reported names its file (and, when it concerns a field, its line).
Set BRIEFCMP_FUZZ_ROUNDS for a longer run.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.cli import app

BRIEFS = Path(__file__).resolve().parent.parent / "briefs"
ROUNDS = int(os.environ.get("BRIEFCMP_FUZZ_ROUNDS", "36"))
runner = CliRunner()

HOSTILE = [
    "", "~", "null", "[]", "{}", "[a, [b, [c]]]", "{amount: x}", "'unterminated", '"\\x00"', "\t",
    "9999-12", "9999-12-31", "0000", "2022-02-30", "2021/2014", "10000", "-1e999", "1e400", "0x1F", "012",
    "NaN", ".inf", "yes", "&a x", "*a", "!!python/object/apply:os.system [echo]", "!!binary aGk=",
    "=HYPERLINK(\"http://x\")", "@SUM(1)", "+1", "-", "a``<img src=x onerror=1>``b", '"x\\n\\n<script>"',
    '"\\e[2J\\e]8;;http://x\\a"', '"\\u202etxt.exe"', "Ünïcödé ☃", "x" * 5000, "- - - -", "? complex",
    "|\n  block", ">-\n  folded", "../../../etc/passwd", "/etc/passwd", ".git/config", "sources",
    '"%0A::add-mask::x"', "\"\\n::stop-commands::y\\n\"",
    # Other scripts and number forms (issue 23): CJK, Hangul, full-width, Arabic and Devanagari digits, RTL.
    "７兆９４９６億円", "273억 달러", "令和6年度", "2023年10～12月期", "١٢٣٬٤٥٦", "१२३", "\u202eRTL\u202c ٣٤٥",
    "{amount: ７, unit: 円}", "[防衛費, 국방비]", "{ja: [防衛費], ko: 국방비}", "1.234,5", "12,5 %",
]
COMMANDS = [
    ["check", "--format", "json"],
    ["check", "--format", "sarif"],
    ["check", "--format", "github"],
    ["compare", "--format", "csv"],
    ["compare", "--format", "markdown"],
    ["claims", "--format", "jsonl"],
    ["coverage", "--format", "plain"],
]
FIELD = re.compile(r"^(\s*(?:- )?)([A-Za-z_][\w-]*):( +)(\S.*)$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "briefs"
    shutil.copytree(BRIEFS, folder)
    return folder


def _targets(corpus: Path) -> list[Path]:
    names = ["briefcmp.yaml", "reviewed.yaml", "diplomat-2022-02.claims.yaml", "pism-2022-03-03.claims.yaml",
             "cescube-2022-03.claims.yaml"]
    return [corpus / n for n in names if (corpus / n).exists()]


def _check_output(result, args: list[str]) -> None:
    assert result.exit_code in (0, 1, 2), (args, result.output[-2000:])
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), (args, repr(exc))
    assert "Traceback" not in result.output and "internal error" not in result.output, result.output[-2000:]
    if args[:3] == ["check", "--format", "json"] and result.exit_code != 2:
        doc = json.loads(result.stdout)
        for p in doc["problems"]:
            assert p["path"] and p["rule"] and p["message"], p
            assert isinstance(p["line"], int) and p["line"] >= 0, p


def test_mutating_fields_never_crashes(corpus: Path) -> None:
    rng = random.Random(14)
    targets = _targets(corpus)
    originals = {t: t.read_text(encoding="utf-8") for t in targets}
    field_lines = {t: [i for i, line in enumerate(originals[t].splitlines()) if FIELD.match(line)] for t in targets}
    try:
        for n in range(ROUNDS):
            target = targets[n % len(targets)]
            lines = originals[target].splitlines()
            i = rng.choice(field_lines[target])
            m = FIELD.match(lines[i])
            assert m is not None
            value = rng.choice(HOSTILE)
            if "\n" in value:  # block scalars continue indented under the field
                indent = " " * (len(m.group(1)) + 2)
                value = value.replace("\n", "\n" + indent)
            lines[i] = f"{m.group(1)}{m.group(2)}:{m.group(3)}{value}"
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            args = COMMANDS[n % len(COMMANDS)]
            result = runner.invoke(app, [*args, str(corpus)])
            _check_output(result, args)
            target.write_text(originals[target], encoding="utf-8")
    finally:
        for t, text in originals.items():
            t.write_text(text, encoding="utf-8")


def test_mutated_bytes_never_crash(corpus: Path) -> None:
    """Byte-level damage (truncation, NUL, invalid UTF-8, BOM) of the same files."""
    rng = random.Random(41)
    targets = _targets(corpus)
    originals = {t: t.read_bytes() for t in targets}
    damage = [lambda b: b[: len(b) // 2], lambda b: b[:100] + b"\x00" + b[100:], lambda b: b"\xef\xbb\xbf" + b,
              lambda b: b.replace(b"e", b"\xff", 1), lambda b: b.replace(b"\n", b"\r"), lambda b: b"",
              lambda b: b.replace(b": ", b":: ", 3)]
    try:
        for n, hurt in enumerate(damage):
            target = targets[rng.randrange(len(targets))]
            target.write_bytes(hurt(originals[target]))
            result = runner.invoke(app, ["check", "--format", "json", str(corpus)])
            _check_output(result, ["check", "--format", "json"])
            target.write_bytes(originals[target])
    finally:
        for t, data in originals.items():
            t.write_bytes(data)


# --------------------------------------------------------------------------- the command line (issue 25)

PIECES = ["\x1b[2J", "\x1b]0;title\x07", "\x1b]8;;http:\\\\x\x07link\x1b]8;;\x07", "\x07", "\x9b31m", "\u202e",
          "\u2066", "\u200f", os.fsdecode(b"\xff\xfe"), os.fsdecode(b"\xc3"), "\x1b]52;c;cGF5bG9hZA==\x07"]
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ud800-\udfff]")


def _hostile(rng: random.Random) -> str:
    return "x" + "".join(rng.choice(PIECES) + rng.choice(["", "a", "-", " "]) for _ in range(rng.randint(1, 3)))


def test_hostile_arguments_and_file_names_are_shown_not_obeyed(corpus: Path, tmp_path: Path) -> None:
    """Arguments and file names carrying ESC, OSC, bidi controls and bytes that are not UTF-8 reach
    stderr (and stdout) only as visible escapes; no command crashes on them."""
    rng = random.Random(25)
    src = tmp_path / "src.txt"
    src.write_text("Title\n\nExports rose 5% in 2023, the ministry said.\n", encoding="utf-8")
    for n in range(ROUNDS):
        h = _hostile(rng)
        named = tmp_path / f"{n}{h}"
        templates = [
            ["compare", str(corpus), "--topic", h], ["compare", str(corpus), "--brief", h],
            ["compare", str(corpus), "--key", h], ["compare", str(corpus), "--subject", h],
            ["show", h, str(corpus)], ["claims", str(corpus), "--format", h], ["coverage", str(corpus), "--" + h],
            ["compare", str(corpus), "-o", str(corpus / "briefcmp.yaml") + h],
            ["init", str(named)], ["schema", "--write", str(named)], ["export", str(corpus), "--sqlite", f"{named}.db"],
            ["annotate", str(src), "-o", f"{named}.claims.yaml"], ["review", "add", h, "-j", "x", "-C", str(corpus)],
            ["add", str(src), str(tmp_path / h)], ["check", str(named) + ".claims.yaml"],
        ]
        args = templates[n % len(templates)]
        if args[0] == "check":  # a claims file whose own name is hostile, inside the corpus
            hostile_file = corpus / f"{n}{h}.claims.yaml"
            shutil.copy(corpus / "cap-2022-02.claims.yaml", hostile_file)
            args = ["check", str(hostile_file)]
        result = runner.invoke(app, ["--no-cache", *args])
        assert result.exit_code in (0, 1, 2), (args, result.output[-2000:])
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
        assert "Traceback" not in result.output and "internal error" not in result.output, result.output[-2000:]
        raw = RAW.search(result.stderr) or RAW.search(result.stdout)
        assert raw is None, (args, repr(raw.group()), result.output[-800:])
        if args[0] == "check":
            hostile_file.unlink()


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_fifos_in_every_environment_path_never_hang(corpus: Path, tmp_path: Path) -> None:
    """A FIFO wherever an environment variable sends briefcmp's writes (the job summary, the cache
    folder, the home or XDG cache folder, a file inside the cache): a clear run, never a hang."""
    import subprocess
    import sys

    def fifo(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
        return path

    home = tmp_path / "home"
    planted = tmp_path / "cache-planted"
    cases = [
        ({"GITHUB_STEP_SUMMARY": str(fifo(tmp_path / "summary"))}, ["check", "--format", "github"]),
        ({"BRIEFCMP_CACHE_DIR": str(fifo(tmp_path / "cache-fifo"))}, ["compare"]),
        ({"BRIEFCMP_CACHE_DIR": "", "HOME": str(home), "XDG_CACHE_HOME": ""}, ["compare"]),
        ({"BRIEFCMP_CACHE_DIR": "", "XDG_CACHE_HOME": str(fifo(tmp_path / "xdg"))}, ["claims"]),
        ({"BRIEFCMP_CACHE_DIR": str(planted)}, ["compare", "--format", "json"]),
    ]
    fifo(home / ".cache")
    for name in ("hmac.key", "CACHEDIR.TAG", "last-prune"):
        fifo(planted / name)
    fifo(planted / "reports-1")
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEFCMP_NO_CACHE", "GITHUB_STEP_SUMMARY")}
    for extra, args in cases:
        for _ in range(2 if "BRIEFCMP_CACHE_DIR" in extra and extra["BRIEFCMP_CACHE_DIR"] else 1):
            # (a second run would answer from the cache, if there were one)
            r = subprocess.run([sys.executable, "-c", "from briefcmp.cli import main; main()", *args, str(corpus)],
                               capture_output=True, env={**env, **extra}, timeout=60)
            err = r.stderr.decode(errors="replace")
            assert r.returncode in (0, 1), (extra, args, err[-1500:])
            assert "Traceback" not in err and "internal error" not in err, err[-1500:]
