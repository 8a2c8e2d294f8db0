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
