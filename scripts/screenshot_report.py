"""Take the README's picture of the HTML report from a real render of the bundled corpus.

Run from the repository root (needs Chromium: `apt-get install chromium`):

    python scripts/screenshot_report.py                 # writes docs/img/report.png
    python scripts/screenshot_report.py --phone out.png # also a phone-width picture, to look at

It runs `briefcmp compare briefs/ --format html` and photographs the page with headless
Chromium (no network: the page loads nothing, and these flags stop Chromium's own traffic).
A headless window is at least 500 px wide, so the phone picture is taken through the DevTools
protocol (over a pipe: no port, no websocket library) with the page emulated at a true 390 px
viewport, as a phone shows it (``DevTools``; tests/test_html.py measures the layout with it).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img" / "report.png"
DESKTOP = (1100, 760)
PHONE = (390, 1600)  # an iPhone 12-15's CSS width; the picture's height


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


class DevTools:
    """Headless Chromium driven over ``--remote-debugging-pipe`` (fd 3 in, fd 4 out, messages
    ending in NUL): a page loaded in a viewport of any width (device emulation, so narrower
    than the 500 px a window can be), scripts evaluated, screenshots taken."""

    def __init__(self, browser: str) -> None:
        self._profile = tempfile.TemporaryDirectory()
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def fds() -> None:  # in the child: the pipe's ends at the numbers Chromium reads and writes
            import fcntl

            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome_r, from_chrome_w)]  # out of the way
            for fd, target in zip(high, (3, 4)):
                os.dup2(fd, target)  # inheritable: kept across the exec of the launcher and the browser
                os.set_inheritable(target, True)

        self.proc = subprocess.Popen([*chromium_args(browser, self._profile.name), "--remote-debugging-pipe",
                                      "about:blank"], preexec_fn=fds, close_fds=False,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        targets = self._call("Target.getTargets")["targetInfos"]
        page = next(t["targetId"] for t in targets if t["type"] == "page")
        self.session = self._call("Target.attachToTarget", {"targetId": page, "flatten": True})["sessionId"]
        self.call("Page.enable")

    def _send(self, message: dict) -> None:
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")

    def _receive(self) -> dict:
        while b"\0" not in self._buffer:
            data = os.read(self._from_chrome, 1 << 20)
            if not data:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += data
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def _call(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._send(message)
        while True:
            reply = self._receive()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def call(self, method: str, params: dict | None = None) -> dict:
        """A command to the page."""
        return self._call(method, params, self.session)

    def open(self, url: str, width: int, height: int, mobile: bool = True) -> None:
        """Load ``url`` in a viewport ``width`` x ``height`` CSS pixels (a phone's when ``mobile``)."""
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        self.events.clear()
        self.call("Page.navigate", {"url": url})
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._receive())

    def evaluate(self, expression: str):
        """The value of a JavaScript expression in the page (JSON-able)."""
        got = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in got:
            raise RuntimeError(f"{expression[:60]}: {got['exceptionDetails']}")
        return got["result"].get("value")

    def screenshot(self, out: Path) -> None:
        """The viewport as a PNG, exactly its size."""
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        out.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self._call("Browser.close")
        except (OSError, RuntimeError):
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self) -> "DevTools":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def phone_screenshot(browser: str, page: Path, out: Path, size: tuple[int, int] = PHONE) -> None:
    """The page at a phone's true width (device emulation: no 500 px window minimum)."""
    with DevTools(browser) as dt:
        dt.open(page.as_uri(), *size)
        dt.screenshot(out)


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
            phone_screenshot(browser, page, args.phone, PHONE)
            print(f"wrote {args.phone}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
