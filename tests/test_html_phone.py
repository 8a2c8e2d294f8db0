"""The HTML report at a phone's true 390 px (DevTools device emulation: a headless window cannot
be narrower than 500 px), and `scripts/screenshot_report.py --phone` at that width."""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location("screenshot_report", ROOT / "scripts" / "screenshot_report.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def browser() -> str:
    found = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if found is None:
        pytest.skip("chromium is not installed (.ci/run installs it; locally: apt-get install chromium)")
    return found


LAYOUT = r"""(() => {
  const visible = e => e.offsetParent !== null && e.getBoundingClientRect().width > 1;
  const ids = [...document.querySelectorAll('code.bid')].filter(visible);
  const broken = ids.filter(c => { const r = document.createRange(); r.selectNodeContents(c);
                                   return r.getClientRects().length > 1; }).map(c => c.textContent);
  const heat = document.querySelector('table.heat');
  const box = heat.closest('.scroll');
  const right = Math.max(...[...heat.querySelectorAll('td, th')].filter(visible).map(e => e.getBoundingClientRect().right));
  return {page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
          heat: heat.scrollWidth, box: box.clientWidth, boxScroll: box.scrollWidth, right: right,
          ids: ids.length, broken: broken,
          headers: [...heat.querySelectorAll('thead code.bid')].map(c => c.textContent)};
})()"""


def test_the_report_fits_a_phone(browser: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    subprocess.run([sys.executable, "-m", "briefcmp", "compare", str(ROOT / "briefs"), "-f", "html", "-o", str(page)],
                   check=True, capture_output=True)
    tools = _script()
    with tools.DevTools(browser) as dt:
        dt.open(page.as_uri(), 390, 844)
        got = dt.evaluate(LAYOUT)
        dt.evaluate("document.querySelector('#coverage').scrollIntoView()")
        shot = tmp_path / "coverage.png"
        dt.screenshot(shot)
    assert got["viewport"] == 390 and got["page"] <= 390, got  # nothing scrolls the page sideways
    assert got["heat"] <= got["box"] and got["boxScroll"] <= got["box"] and got["right"] <= 390, got  # the heat map fits
    assert len(got["headers"]) == 5 and got["ids"] >= 15, got
    assert got["broken"] == [], got  # no brief id is broken across lines ("cescub e-2022-03")
    assert struct.unpack(">II", shot.read_bytes()[16:24]) == (390, 844)


def test_screenshot_script_phone_is_a_true_phone_width(browser: str, tmp_path: Path) -> None:
    desktop, phone = tmp_path / "desktop.png", tmp_path / "phone.png"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot_report.py"), "--out", str(desktop),
                           "--phone", str(phone)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert struct.unpack(">II", phone.read_bytes()[16:24]) == (390, 1600)
    assert struct.unpack(">II", desktop.read_bytes()[16:24]) == (1100, 760)
