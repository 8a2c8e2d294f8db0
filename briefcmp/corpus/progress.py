"""A progress bar for long runs: on stderr, only on a terminal, never in CI or when piped.

It appears only once a run has taken a moment (short runs stay silent) and is
removed when done, so the output stays what it would be without it. rich is
imported only when a bar is actually drawn.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Optional

DELAY = 1.0  # seconds before a bar appears
MIN_ITEMS = 50


def wanted(stream: Any = None) -> bool:
    """True when a progress bar may be drawn: stderr is a terminal, not CI, not a dumb terminal."""
    stream = sys.stderr if stream is None else stream
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    env = os.environ
    if not tty or env.get("CI") or env.get("GITHUB_ACTIONS") or env.get("TERM") == "dumb":
        return False
    return not env.get("BRIEFCMP_NO_PROGRESS")


class TerminalProgress:
    """Callable as ``progress(done, total)``; call ``close()`` at the end."""

    def __init__(self, total: int, label: str, delay: float = DELAY) -> None:
        self.total = total
        self.label = label
        self.start = time.monotonic()
        self.delay = delay
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if time.monotonic() - self.start < self.delay:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn(f"{self.label}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def terminal_progress(total: int, label: str) -> Optional[TerminalProgress]:
    """A bar for ``total`` items when one is wanted (see ``wanted``), else None."""
    if total < MIN_ITEMS or not wanted():
        return None
    return TerminalProgress(total, label)
