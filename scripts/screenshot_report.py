"""Take the README's picture of the HTML report from a real render of the bundled corpus.

Run from the repository root (needs Chromium: `apt-get install chromium`):

    python scripts/screenshot_report.py                 # writes docs/img/report.png
    python scripts/screenshot_report.py --phone out.png # also a phone-width picture, to look at

It runs `briefcmp compare briefs/ --format html` and photographs the page with headless
Chromium (no network: the page loads nothing, and these flags stop Chromium's own traffic).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img" / "report.png"
DESKTOP = (1100, 760)
PHONE = (390, 1600)


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium_args(browser: str, profile: str) -> list[str]:
    return [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            "--force-device-scale-factor=1", f"--user-data-dir={profile}"]


def screenshot(browser: str, page: Path, out: Path, size: tuple[int, int]) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([*chromium_args(browser, profile), f"--window-size={size[0]},{size[1]}",
                        f"--screenshot={out}", page.as_uri()], check=True, capture_output=True, timeout=120)


def render(page: Path) -> None:
    subprocess.run([sys.executable, "-m", "briefcmp", "compare", "briefs/", "--format", "html", "-o", str(page),
                    "--force"], cwd=ROOT, check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="desktop picture (default: docs/img/report.png)")
    parser.add_argument("--phone", type=Path, help="also write a phone-width picture here")
    args = parser.parse_args()
    browser = chromium()
    if browser is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        render(page)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        screenshot(browser, page, args.out, DESKTOP)
        print(f"wrote {args.out}")
        if args.phone:
            screenshot(browser, page, args.phone, PHONE)
            print(f"wrote {args.phone}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
