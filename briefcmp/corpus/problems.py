"""Located problems: what the loader and the checks report.

A problem is a plain value (path, line, column, severity, message, rule), like
yamllint's ``LintProblem``; formatting lives in ``briefcmp.render.problems``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Iterable

from briefcmp.corpus.safetext import visible


class Severity(IntEnum):
    """Ordered so that ``max()`` gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        return cls[text.upper()]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about one place in one file. Lines and columns are 1-based (0 = unknown)."""

    path: str
    line: int
    col: int
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    rule: str = field(compare=True)

    def format(self) -> str:
        """The canonical one-line form: ``path:line:col: severity: message [rule]``."""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.rule}]"


class Problems(list):
    """A list of problems with helpers to add located ones."""

    def add(
        self,
        path: str,
        mark: tuple[int, int] | None,
        severity: Severity,
        rule: str,
        message: str,
    ) -> None:
        line, col = mark if mark else (0, 0)
        # Messages quote files (values, quotes, closest passages) and paths are file names:
        # no control or bidi character of theirs reaches a terminal, a log or a report.
        self.append(Problem(visible(str(path), True), line, col, severity, visible(message, True), rule))

    def error(self, path, mark, rule: str, message: str) -> None:
        self.add(path, mark, Severity.ERROR, rule, message)

    def warning(self, path, mark, rule: str, message: str) -> None:
        self.add(path, mark, Severity.WARNING, rule, message)

    def info(self, path, mark, rule: str, message: str) -> None:
        self.add(path, mark, Severity.INFO, rule, message)

    def worst(self) -> Severity | None:
        return max((p.severity for p in self), default=None)


def suggest(name: str, candidates: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' for the nearest candidate, or ''."""
    match = difflib.get_close_matches(str(name), list(candidates), n=1, cutoff=0.6)
    return f' (did you mean "{match[0]}"?)' if match else ""


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Deterministic order: by path, line, column, rule."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.rule, p.message))
