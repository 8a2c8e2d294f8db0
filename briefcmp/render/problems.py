"""Formatters for check problems: a small table of functions, as in yamllint.

Plain text and JSON are written a problem at a time (``render.stream``): at 10,000 briefs
`check` reports tens of thousands of conflicts, and a whole document in memory was the
command's peak.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Union

from briefcmp import __version__
from briefcmp.corpus.problems import Severity
from briefcmp.gate.check import CheckReport
from briefcmp.render import stream

REPORT_VERSION = 1

# Info lines are reviewed or acknowledged conflicts: present, but out of the way.
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def summary(report: CheckReport) -> str:
    errors, warnings = report.count(Severity.ERROR), report.count(Severity.WARNING)
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
            f"in {len(report.files)} claims file{'s' * (len(report.files) != 1)} "
            f"({report.briefs} brief{'s' * (report.briefs != 1)}, {report.claims} claim{'s' * (report.claims != 1)})")


def conflicts_line(unreviewed: int, reviewed: int, listed: bool) -> str:
    """The count of conflicts under a plain ``check``; reviewed ones are listed only with -v."""
    hint = "" if listed or not reviewed else " (-v lists the reviewed ones)"
    return f"conflicts with the corpus: {unreviewed} unreviewed, {reviewed} reviewed{hint}"


def render_text(report: CheckReport, color: bool = False, corpus: str = "") -> str:
    """One ``path:line:col: severity: message [rule]`` line per problem (rich markup with ``color``)."""
    return "".join(text_chunks(report, color, corpus))


def text_chunks(report: CheckReport, color: bool = False, corpus: str = "") -> Iterable[str]:
    """``render_text`` in chunks (with ``color``, one string: rich prints it whole)."""
    if not color:
        return stream.lines_chunks(p.format() for p in report.problems)
    from rich.markup import escape

    out = []
    for p in report.problems:
        if p.severity == Severity.INFO:
            out.append(f"[dim]{escape(p.format())}[/]")
            continue
        out.append(f"[bold]{escape(p.path)}:{p.line}:{p.col}:[/] [{_STYLE[p.severity]}]{p.severity}[/]: "
                   f"{escape(p.message)} [dim]\\[{p.rule}][/]")
    return ["\n".join(out) + ("\n" if out else "")]


def render_json(report: CheckReport, color: bool = False, corpus: str = "") -> str:
    """A versioned JSON document: {version, tool, corpus, summary, problems: [...]}."""
    return "".join(json_chunks(report, color, corpus))


def json_chunks(report: CheckReport, color: bool = False, corpus: str = "") -> Iterator[str]:
    """``render_json`` in chunks (``color`` is ignored)."""
    doc = {
        "version": REPORT_VERSION,
        "tool": {"name": "briefcmp", "version": __version__},
        **({"corpus": corpus} if corpus else {}),
        "summary": {
            "errors": report.count(Severity.ERROR), "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO), "files": len(report.files),
            "briefs": report.briefs, "claims": report.claims,
        },
        "problems": stream.Stream(
            {"path": p.path, "line": p.line, "column": p.col, "severity": str(p.severity),
             "rule": p.rule, "message": p.message}
            for p in report.problems
        ),
    }
    return stream.json_chunks(doc)


# Each gives the report as text chunks (``render.output.deliver`` writes them as they come).
FORMATTERS: dict[str, Callable[..., Union[str, Iterable[str]]]] = {
    "plain": text_chunks,
    "text": text_chunks,  # the older name of plain
    "json": json_chunks,
}
