"""Formatters for check problems: a small table of functions, as in yamllint."""

from __future__ import annotations

from typing import Callable, Iterator, Union

from briefcmp import __version__
from briefcmp.gate.check import CheckReport
from briefcmp.corpus.problems import Severity

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


def render_text(report: CheckReport, color: bool = False, corpus: str = "") -> Union[str, Iterator[str]]:
    """One ``path:line:col: severity: message [rule]`` line per problem (in chunks when not coloured:
    at 10,000 briefs a check can list tens of thousands of conflicts)."""
    if not color:
        from briefcmp.render.stream import lines_chunks

        return lines_chunks(p.format() for p in report.problems)
    from rich.markup import escape

    out = []
    for p in report.problems:
        if p.severity == Severity.INFO:
            out.append(f"[dim]{escape(p.format())}[/]")
            continue
        out.append(f"[bold]{escape(p.path)}:{p.line}:{p.col}:[/] [{_STYLE[p.severity]}]{p.severity}[/]: "
                   f"{escape(p.message)} [dim]\\[{p.rule}][/]")
    return "\n".join(out) + ("\n" if out else "")


def render_json(report: CheckReport, color: bool = False, corpus: str = "") -> Iterator[str]:
    """A versioned JSON document: {version, tool, corpus, summary, problems: [...]}, in chunks
    (``stream.json_chunks``: a problem at a time, the text of ``json.dumps(indent=2)``)."""
    from briefcmp.render.stream import Stream, json_chunks

    doc = {
        "version": REPORT_VERSION,
        "tool": {"name": "briefcmp", "version": __version__},
        **({"corpus": corpus} if corpus else {}),
        "summary": {
            "errors": report.count(Severity.ERROR), "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO), "files": len(report.files),
            "briefs": report.briefs, "claims": report.claims,
        },
        "problems": Stream({"path": p.path, "line": p.line, "column": p.col, "severity": str(p.severity),
                            "rule": p.rule, "message": p.message} for p in report.problems),
    }
    return json_chunks(doc)


FORMATTERS: dict[str, Callable[..., Union[str, Iterator[str]]]] = {
    "plain": render_text,
    "text": render_text,  # the older name of plain
    "json": render_json,
}
