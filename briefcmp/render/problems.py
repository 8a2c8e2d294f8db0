"""Formatters for check problems: a small table of functions, as in yamllint."""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Iterator, Union

from briefcmp import __version__
from briefcmp.gate.check import CheckReport
from briefcmp.corpus.problems import Problem, Severity

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


def capped(problems: Iterable[Problem], per_rule: int, hidden: Counter) -> Iterator[Problem]:
    """The problems, at most ``per_rule`` warnings or infos of one rule (0: all); errors always.
    ``hidden`` counts, by (rule, severity), those left out."""
    shown: Counter = Counter()
    for p in problems:
        if per_rule and p.severity != Severity.ERROR:
            shown[p.rule] += 1
            if shown[p.rule] > per_rule:
                hidden[(p.rule, p.severity)] += 1
                continue
        yield p


def hidden_lines(hidden: Counter, per_rule: int) -> list[str]:
    """One line per rule that fired more than ``per_rule`` times: how many more, and how to see them."""
    out = []
    for (rule, severity), n in sorted(hidden.items(), key=lambda item: (-item[1], item[0][0])):
        out.append(f"{rule}: {n} more {severity}{'s' * (n != 1)} not shown ({per_rule} listed above; "
                   f"--max-per-rule 0 lists all, --statistics counts by rule, --ignore {rule} leaves them out)")
    return out


def render_text(report: CheckReport, color: bool = False, corpus: str = "",
                per_rule: int = 0) -> Union[str, Iterator[str]]:
    """One ``path:line:col: severity: message [rule]`` line per problem (in chunks when not coloured:
    at 10,000 briefs a check can list tens of thousands of conflicts); with ``per_rule``, at most
    that many warnings of one rule, then a line per rule saying how many more."""
    hidden: Counter = Counter()
    if not color:
        from briefcmp.render.stream import lines_chunks

        def lines() -> Iterator[str]:
            for p in capped(report.problems, per_rule, hidden):
                yield p.format()
            yield from hidden_lines(hidden, per_rule)

        return lines_chunks(lines())
    from rich.markup import escape

    out = []
    for p in capped(report.problems, per_rule, hidden):
        if p.severity == Severity.INFO:
            out.append(f"[dim]{escape(p.format())}[/]")
            continue
        out.append(f"[bold]{escape(p.path)}:{p.line}:{p.col}:[/] [{_STYLE[p.severity]}]{p.severity}[/]: "
                   f"{escape(p.message)} [dim]\\[{p.rule}][/]")
    out += [f"[dim]{escape(line)}[/]" for line in hidden_lines(hidden, per_rule)]
    return "\n".join(out) + ("\n" if out else "")


_LINE_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def render_terminal(report: CheckReport, width: int, color: bool, per_rule: int = 0) -> str:
    """For a terminal: each problem wrapped at words to ``width`` (paths and ids never broken),
    its later lines indented; coloured by severity when ``color`` (the word says it too)."""
    from briefcmp.render.terminal import paint, text_lines

    hidden: Counter = Counter()
    lines = []
    for p in capped(report.problems, per_rule, hidden):
        lines += text_lines(p.format(), width, _LINE_STYLE[p.severity] if color else "", "", "    ")
    for line in hidden_lines(hidden, per_rule):
        lines += text_lines(line, width, "dim" if color else "", "", "    ")
    return paint(lines, color)


def statistics(report: CheckReport) -> list[dict]:
    """Problems counted by rule (and severity), most frequent first, as ruff --statistics."""
    from briefcmp.corpus.rules import RULES

    counts = Counter((p.rule, p.severity) for p in report.problems)
    return [{"rule": rule, "severity": str(sev), "count": n, "about": RULES.get(rule, "")}
            for (rule, sev), n in sorted(counts.items(), key=lambda item: (-item[1], -item[0][1], item[0][0]))]


def _head(report: CheckReport, corpus: str) -> dict:
    """version, tool, command and corpus, as every JSON report of briefcmp starts."""
    from briefcmp.render.records import corpus_record

    record = corpus_record(report.load.corpus)
    if corpus:
        record["path"] = corpus
    return {"version": REPORT_VERSION, "tool": {"name": "briefcmp", "version": __version__}, "command": "check",
            "corpus": record}


def render_statistics(report: CheckReport, fmt: str = "plain", corpus: str = "") -> str:
    """``check --statistics``: one line per rule (plain), or the same rows as JSON."""
    rows = statistics(report)
    if fmt == "json":
        import json

        doc = {**_head(report, corpus), "statistics": rows}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    width = max((len(r["rule"]) for r in rows), default=0)
    return "".join(f"{r['count']:>5}  {r['rule']:<{width}}  {r['severity']:<7}  {r['about']}".rstrip() + "\n"
                   for r in rows)


def render_json(report: CheckReport, color: bool = False, corpus: str = "", per_rule: int = 0) -> Iterator[str]:
    """A versioned JSON document of the same shape as the other reports: {version, tool, command,
    corpus: {title, briefs, claims, path}, summary, problems: [...]}, in chunks (``stream.json_chunks``:
    a problem at a time, the text of ``json.dumps(indent=2)``). The schema: ``briefcmp schema report``."""
    from briefcmp.render.stream import Stream, json_chunks

    doc = {
        **_head(report, corpus),
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
