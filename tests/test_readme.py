"""The README's command blocks, run as a new user would: in a fresh copy of the repository and a
fresh virtual environment, in order (quick start, running briefcmp, own briefs, a PDF, HTML and
SQLite), with the briefs a user has in ~/Downloads. Fails on a command not found, a command that
fails, or output that changed (tests/golden/readme.txt; BRIEFCMP_UPDATE_GOLDEN=1 to accept).

The run is marked slow (about a minute: a venv, pip installs from pip's cache); the checks of the
README's text are not.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, copy_of_repository

GOLDEN = ROOT / "tests" / "golden" / "readme.txt"
README = ROOT / "README.md"
NOT_RUN = ("Development",)  # the developer's commands run the suite and the benchmarks themselves


def sh_blocks(text: str) -> list[tuple[str, list[str]]]:
    """The ```sh blocks of the README in order, each with the heading it is under."""
    out, heading, block = [], "", None
    for line in text.splitlines():
        if block is None and line.startswith("#"):
            heading = line.lstrip("#").strip()
        elif block is None and line.strip() == "```sh":
            block = []
        elif block is not None and line.strip() == "```":
            out.append((heading, block))
            block = None
        elif block is not None and line.strip():
            block.append(line)
    return out


def commands() -> list[str]:
    return [line for heading, lines in sh_blocks(README.read_text(encoding="utf-8"))
            if heading not in NOT_RUN for line in lines]


def test_every_example_runs_briefcmp_the_same_way() -> None:
    text = README.read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("###", 1)[0]
    rest = text.replace(quick, "")
    assert ".venv/bin/briefcmp" not in rest and ".venv/bin/pip" not in rest  # bare, after activation
    assert "source .venv/bin/activate" in text and "pipx install '.[add]'" in text and "uv tool install" in text
    for path in [README, *(ROOT / "docs").glob("*.md"), *(ROOT / "briefcmp").rglob("*.py")]:
        body = path.read_text(encoding="utf-8")
        # no package index has briefcmp: installs name the clone ('.[add]') or the repository's URL
        assert not re.search(r"pip install ['\"]?briefcmp(\[\w+\])?['\"]?(?!\s*@)(\s|$)", body), path
    assert [c for c in commands() if c.split()[0] not in ("python3", "source", "briefcmp", "pip", "cp",
                                                         "sqlite-utils", ".venv/bin/pip")] == []


def _run_script(cmds: list[str], home: Path, repo: Path) -> str:
    lines = ["set -u", f"cd {repo}"]
    for n, cmd in enumerate(cmds):
        shown = cmd.replace("'", "'\\''")
        # in braces: a trailing "# comment" must not swallow the redirection
        lines += [f"printf '@@@ %s\\n' '{shown}'", "{", cmd, "} 2>&1", "echo \"@@@ exit $?\""]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON", "BRIEFCMP", "PIP_"))
           or k in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "PIP_CERT")}
    venv_bin = str(Path(os.environ.get("VIRTUAL_ENV", "/nonexistent")) / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if p and not p.startswith(str(ROOT)) and p != venv_bin)
    env.update(HOME=str(home), BRIEFCMP_CACHE_DIR=str(home / ".cache" / "briefcmp"), NO_COLOR="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_CACHE_DIR=_pip_cache(),
               PIP_NO_COMPILE="1")  # no .pyc compiled at install (the commands compile what they import)
    done = subprocess.run(["bash", "-c", "\n".join(lines)], env=env, capture_output=True, text=True, timeout=900)
    return done.stdout + done.stderr


def _pip_cache() -> str:
    found = subprocess.run(["python3", "-m", "pip", "cache", "dir"], capture_output=True, text=True)
    return found.stdout.strip() or str(Path.home() / ".cache" / "pip")


# pip's notes about this machine (its package indexes, retries, its own version): not the README's
# output. A warning about the packages themselves (lxml's extras) stays: it is what a user sees.
_MACHINE = re.compile(r"^(?:(?:WARNING|DEPRECATION): (?!.*does not provide the extra).*|\[notice\].*)\n", re.M)


def normalise(text: str, home: Path, repo: Path) -> str:
    text = _MACHINE.sub("", text.replace(str(repo), "<REPO>").replace(str(home), "~"))
    return re.sub(r"[ \t]+$", "", text, flags=re.M)


@pytest.mark.slow
def test_the_readme_commands_run_in_a_fresh_venv(tmp_path: Path) -> None:
    pytest.importorskip("fpdf")
    import ingest_docs as docs

    repo = copy_of_repository(tmp_path / "briefcmp")
    home = tmp_path / "home"
    downloads = home / "Downloads"
    downloads.mkdir(parents=True)
    originals = docs.daily_originals(tmp_path / "made")
    shutil.copyfile(originals[0], downloads / "report-a.pdf")
    shutil.copyfile(originals[1], downloads / "report-b.html")
    shutil.copyfile(originals[2], downloads / "report-c.txt")
    docs.fpdf_brief(downloads / "water-tariffs.pdf")
    docs.fpdf_brief(downloads / "brief-d.pdf")  # drafted with --sentences in the path
    # The quick start's second command installs the test extras and runs this very suite: CI
    # runs it as written (.ci/run); here it would run the suite inside itself.
    cmds = [c for c in commands() if "-m pytest" not in c]
    out = _run_script(cmds, home, repo)
    parts = out.split("@@@ ")[1:]
    results = []
    for cmd, (head, rest) in zip(cmds, zip(parts[0::2], parts[1::2])):
        body = head.split("\n", 1)[1] if "\n" in head else ""
        code = rest.split("\n", 1)[0].removeprefix("exit ").strip()
        assert "command not found" not in body and code != "127", f"{cmd}: command not found\n{body}"
        assert code == "0", f"{cmd}: exit {code}\n{body[-3000:]}"
        results.append(f"$ {cmd}\n" + normalise(body, home, repo))
    assert len(results) == len(cmds), out[-3000:]
    text = "".join(r if r.endswith("\n") else r + "\n" for r in results)
    if os.environ.get("BRIEFCMP_UPDATE_GOLDEN") == "1" or not GOLDEN.exists():
        GOLDEN.write_text(text, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert text == expected, "README output changed (BRIEFCMP_UPDATE_GOLDEN=1 to accept):\n" + "".join(
        difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "golden", "now"))[:6000]
