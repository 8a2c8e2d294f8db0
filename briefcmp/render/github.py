"""GitHub Actions output: workflow-command annotations and a Markdown job summary.

Annotations (``::error file=...,line=...,col=...,title=...::message``) make GitHub
mark the claim's line in the pull request. GitHub shows only 10 annotations of each
level per step (and 50 per job), so only that many are emitted, errors first; the
rest are printed as plain ``path:line:col`` lines in the log (within a level, conflicts come
first and draft claims last: ``corpus.rules.priority``), a last notice says how
many, and the complete report goes to the job summary (``$GITHUB_STEP_SUMMARY``).
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Iterable, Iterator, Optional

from briefcmp.gate.check import CheckReport
from briefcmp.corpus.model import Relation
from briefcmp.corpus.problems import Problem, Severity, sort_problems
from briefcmp.corpus.rules import priority
from briefcmp.gate.review import Judgement, primary, relation_problems
from briefcmp.render.escape import github_data, github_line, github_property, inline_code, markdown_cell
from briefcmp.render.stream import lines_chunks
from briefcmp.render.words import count

MAX_PER_LEVEL = 10  # what GitHub shows per level and step
MAX_SUMMARY_ROWS = 500  # the job summary is limited to 1 MiB per step
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message: % CR LF as @actions/core does, and ``::``."""
    return github_data(text)


def escape_property(text: str) -> str:
    """Escape a workflow-command property value: as a message, and the separators : and ,."""
    return github_property(text)


def annotation_path(path: str, workspace: Optional[str] = None) -> str:
    """A path as GitHub expects it: relative to the workspace (the checkout), with forward slashes."""
    workspace = workspace if workspace is not None else os.environ.get("GITHUB_WORKSPACE", "")
    if workspace:
        full = os.path.abspath(path)
        try:
            rel = os.path.relpath(full, os.path.abspath(workspace))
        except ValueError:  # another drive (Windows)
            rel = full
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def command(problem: Problem, workspace: Optional[str] = None) -> str:
    """One problem as a workflow command (line and column only when known)."""
    props = [f"file={escape_property(annotation_path(problem.path, workspace))}"]
    if problem.line:
        props.append(f"line={problem.line}")
        if problem.col:
            props.append(f"col={problem.col}")
    props.append(f"title={escape_property(f'briefcmp {problem.rule}')}")
    return f"::{LEVELS[problem.severity]} {','.join(props)}::{escape_data(problem.message)}"


def _all_problems(report: CheckReport, relations: Iterable[Relation], judgement: Optional[Judgement],
                  focus: Optional[set[str]], show_reviewed: bool) -> list[Problem]:
    rel = relation_problems(relations, judgement or Judgement(), focus, show_reviewed)
    return sort_problems(list(report.problems) + rel)


def render_github(report: CheckReport, relations: Iterable[Relation] = (), judgement: Optional[Judgement] = None,
                  focus: Optional[set[str]] = None, *, show_reviewed: bool = True, limit: int = MAX_PER_LEVEL,
                  workspace: Optional[str] = None, summary_written: bool = False) -> str:
    """Annotations for the problems and the focused relations (reviewed ones as notices), capped per level."""
    return "".join(github_chunks(report, relations, judgement, focus, show_reviewed=show_reviewed, limit=limit,
                                 workspace=workspace, summary_written=summary_written))


def github_chunks(report: CheckReport, relations: Iterable[Relation] = (), judgement: Optional[Judgement] = None,
                  focus: Optional[set[str]] = None, *, show_reviewed: bool = True, limit: int = MAX_PER_LEVEL,
                  workspace: Optional[str] = None, summary_written: bool = False) -> Iterator[str]:
    """``render_github`` in chunks, a line at a time (at 10,000 briefs the log has tens of thousands)."""
    problems = _all_problems(report, relations, judgement, focus, show_reviewed)
    # What matters first under GitHub's cap: errors, then conflicts, then other warnings, drafts last.
    ordered = sorted(problems, key=lambda p: (-p.severity, priority(p.rule)))

    def lines() -> Iterator[str]:
        shown: Counter = Counter()
        for p in ordered:  # the annotations, at most ``limit`` of each level
            if shown[p.severity] < limit:
                shown[p.severity] += 1
                yield command(p, workspace)
        left = Counter(p.severity for p in ordered)
        left.subtract(shown)
        skipped: Counter = Counter()
        for p in ordered:  # then every other problem as a line of the log, in the same order
            if skipped[p.severity] < limit:
                skipped[p.severity] += 1
            else:
                yield github_line(p.format())
        if +left:
            parts = [_plural(n, LEVELS[s]) for s, n in sorted((+left).items(), reverse=True)]
            where = " and in the job summary" if summary_written else ""
            yield (f"::notice title=briefcmp::{escape_data(', '.join(parts))} more than GitHub shows as "
                   f"annotations: listed in this log{escape_data(where)}")
        counts = Counter(p.severity for p in problems)
        yield "briefcmp: " + ", ".join(_plural(counts[s], LEVELS[s]) for s in sorted(LEVELS, reverse=True))

    return lines_chunks(lines())


def _plural(n: int, word: str) -> str:
    return count(n, word)


# --------------------------------------------------------------------------- job summary


def md_escape(text: str) -> str:
    """Text for a Markdown table cell: no HTML, no table breaks, no accidental emphasis or links."""
    return markdown_cell(" ".join(str(text).split()), entities=True)


def render_markdown(report: CheckReport, relations: Iterable[Relation] = (), judgement: Optional[Judgement] = None,
                    focus: Optional[set[str]] = None, *, title: str = "briefcmp check",
                    limit: int = MAX_SUMMARY_ROWS) -> str:
    """The full report as GitHub-flavoured Markdown, for ``$GITHUB_STEP_SUMMARY``."""
    relations = list(relations)
    judgement = judgement or Judgement()
    unreviewed = relation_problems([r for r in relations if r.id not in judgement.suppressions], judgement, focus)
    problems = sort_problems(list(report.problems) + unreviewed)
    reviewed = [r for r in relations if r.id in judgement.suppressions]
    counts = Counter(p.severity for p in problems)
    verdict = "❌" if counts[Severity.ERROR] else ("⚠️" if counts[Severity.WARNING] else "✅")
    out = [f"## {verdict} {md_escape(title)}", ""]
    out.append(f"**{_plural(counts[Severity.ERROR], 'error')}, {_plural(counts[Severity.WARNING], 'warning')}** "
               f"in {_plural(len(report.files), 'claims file')} ({_plural(report.briefs, 'brief')}, "
               f"{_plural(report.claims, 'claim')}); {_plural(len(reviewed), 'reviewed conflict')}.")
    out.append("")
    if problems:
        out += ["| Severity | Where | Rule | Message |", "| --- | --- | --- | --- |"]
        for p in problems[:limit]:
            out.append(f"| {p.severity} | {inline_code(f'{p.path}:{p.line}:{p.col}')} | {md_escape(p.rule)} | {md_escape(p.message)} |")
        if len(problems) > limit:
            out.append(f"| | | | {len(problems) - limit} more: run `briefcmp check` for all of them |")
        out.append("")
    if reviewed:
        out += ["### Reviewed conflicts", "", "| Status | Conflict | Claims | Justification | Reviewer |",
                "| --- | --- | --- | --- | --- |"]
        for r in reviewed[:limit]:
            sup = judgement.suppressions[r.id]
            first, others = primary(r, focus)
            claims = ", ".join(f"{inline_code(c.ref)} ({md_escape(c.path)}:{c.line})" for c in [first, *others])
            who = sup.reviewer or ("inline acknowledgement" if sup.kind == "inSource" else "")
            when = (f", {sup.date}" if sup.date else "") + (f", {inline_code(f'{sup.path}:{sup.line}')}" if sup.path else "")
            out.append(f"| {sup.status} | {md_escape(r.kind)} on {inline_code(r.key)} | {claims} | "
                       f"{md_escape(sup.justification)} | {md_escape(who)}{when} |")
        if len(reviewed) > limit:
            out.append(f"| | | | {len(reviewed) - limit} more | |")
        out.append("")
    return "\n".join(out) + "\n"
