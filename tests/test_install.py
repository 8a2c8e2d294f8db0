"""Release hygiene: the sdist and wheel build, pass `twine check`, and the wheel installs in a
fresh virtual environment and runs (issue 24). Marked slow (about 20 s): CI runs it."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from briefcmp import __version__
from conftest import ROOT, copy_of_repository

pytestmark = pytest.mark.slow


def sh(*args, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kw)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> dict[str, Path]:
    pytest.importorskip("build")
    tmp = tmp_path_factory.mktemp("release")
    source = copy_of_repository(tmp / "src")
    # The sdist, then the wheel built from it; without isolation when this environment has the
    # build backend (the test extra brings it): the same files, in a third of the time.
    isolation: list[str] = []
    try:
        import setuptools

        if tuple(int(x) for x in setuptools.__version__.split(".")[:2]) >= (77, 0):
            isolation = ["--no-isolation"]
    except (ImportError, ValueError):
        pass
    sh(sys.executable, "-m", "build", *isolation, "--outdir", tmp / "dist", source)
    found = {p.suffix: p for p in (tmp / "dist").iterdir()}
    return {"wheel": found[".whl"], "sdist": found[".gz"], "tmp": tmp, "src": source}


def test_the_version_is_stated_once_and_in_the_changelog() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "briefcmp.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog and changelog.index("## [Unreleased]") < changelog.index(f"## [{__version__}]")


def test_sdist_and_wheel_hold_the_package_and_pass_twine_check(dist) -> None:
    wheel, sdist = dist["wheel"], dist["sdist"]
    assert wheel.name == f"briefcmp-{__version__}-py3-none-any.whl" and sdist.name == f"briefcmp-{__version__}.tar.gz"
    names = zipfile.ZipFile(wheel).namelist()
    for part in ("briefcmp/schemas/report.schema.json", "briefcmp/render/templates/report.html.j2",
                 "briefcmp/render/templates/report.css", "briefcmp/cli/__init__.py"):
        assert part in names, part
    assert not any(n.startswith(("tests/", "briefs/")) for n in names)
    members = tarfile.open(sdist).getnames()
    assert f"briefcmp-{__version__}/README.md" in members and f"briefcmp-{__version__}/pyproject.toml" in members
    pytest.importorskip("twine")
    checked = sh(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist).stdout
    assert checked.count("PASSED") == 2, checked


def test_the_wheel_installs_in_a_fresh_venv_and_runs(dist) -> None:
    venv = dist["tmp"] / "venv"
    sh(sys.executable, "-m", "venv", "--without-pip", venv)  # this pip installs into it: no ensurepip run
    sh(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", dist["wheel"])
    for flag in ("--version", "-V"):
        assert sh(venv / "bin" / "briefcmp", flag).stdout == f"briefcmp {__version__}\n"
    # data files came with it: the schemas, and the HTML template on the bundled corpus
    assert '"$defs"' in sh(venv / "bin" / "briefcmp", "schema", "report").stdout
    page = sh(venv / "bin" / "briefcmp", "compare", "briefs", "--format", "html", cwd=dist["src"]).stdout
    assert page.startswith("<!DOCTYPE html>") and "conflicts-table" in page
