"""`briefcmp check`: validate a corpus and report every problem.

The core is ``run_check(settings) -> CheckReport``; the CLI only builds the
settings and renders the report.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from briefcmp.load import LoadResult, load_corpus
from briefcmp.problems import Problem, Problems, Severity, sort_problems


@dataclass
class CheckSettings:
    paths: list[Path] = field(default_factory=lambda: [Path("briefs")])
    fail_on: str = "error"  # error | warning | never


@dataclass
class CheckReport:
    problems: list[Problem]
    files: list[str]
    briefs: int
    claims: int
    load: LoadResult

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def exit_code(self, fail_on: str) -> int:
        """0 clean, 1 when a problem reaches ``fail_on`` (error | warning | never)."""
        if fail_on == "never":
            return 0
        threshold = Severity.WARNING if fail_on == "warning" else Severity.ERROR
        return 1 if any(p.severity >= threshold for p in self.problems) else 0


def corpus_checks(result: LoadResult) -> Problems:
    """Checks across a loaded corpus: topic-less claims, drafts, keys that look like another key."""
    problems = Problems()
    corpus = result.corpus
    used_by: dict[str, set[str]] = defaultdict(set)
    first_use: dict[str, tuple[str, int, int]] = {}
    for claim in corpus.claims():
        if not claim.topics:
            problems.warning(claim.path, (claim.line, claim.col), "no-topic",
                             f"claim {claim.id}: has no topics; coverage cannot place it")
        if claim.status == "draft":
            problems.warning(claim.path, (claim.line, claim.col), "draft-claim",
                             f"claim {claim.id}: drafted by `briefcmp annotate` and not yet reviewed; "
                             "check it, then remove `status: draft`")
        if claim.key:
            used_by[claim.key].add(claim.brief)
            first_use.setdefault(claim.key, (claim.path, claim.line, claim.col))
    shared = [k for k, briefs in used_by.items() if len(briefs) > 1]
    for key, briefs in sorted(used_by.items()):
        if len(briefs) != 1 or key not in corpus.config.keys:
            continue
        near = difflib.get_close_matches(key, shared, n=1, cutoff=0.85)
        if near:
            path, line, col = first_use[key]
            problems.warning(path, (line, col), "lonely-key",
                             f'key "{key}" is used by one brief only and looks like "{near[0]}" '
                             f"(used by {len(used_by[near[0]])} briefs); should these claims share a key?")
    return problems


def run_check(settings: CheckSettings) -> CheckReport:
    """Load and validate the corpus; InputError propagates for unusable input."""
    result = load_corpus(settings.paths)
    problems = list(result.problems) + list(corpus_checks(result))
    claims = sum(len(b.claims) for b in result.corpus.briefs)
    return CheckReport(sort_problems(problems), result.files, len(result.corpus.briefs), claims, result)
