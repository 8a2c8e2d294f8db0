"""`briefcmp coverage` in every format: the topic-by-brief matrix and its gaps."""

from __future__ import annotations

from typing import Optional

from briefcmp.analysis.coverage import Cell as CovCell, Coverage
from briefcmp.corpus.model import Corpus
from briefcmp.render.layout import (
    PLAIN_WIDTH, STATE_STYLE, plain_width, Cell, Column, Table, envelope, md_code, md_escape, md_table, plain_fits, plain_table,
    to_csv, to_json, to_jsonl, wrap,
)
from briefcmp.render.records import corpus_record

LEGEND = ("cells: - not covered; N = claims on the topic (child topics count for their parent); "
          "\"fig\" = claims with figures; \"conflict\" = contradictions or disagreements involving them")


def cell_text(c: CovCell) -> str:
    """"-", "3", "3 (2 fig)", "3 (2 fig, 1 conflict)"."""
    if not c.claims:
        return "-"
    extra = []
    if c.figures:
        extra.append(f"{c.figures} fig")
    if c.conflicts:
        extra.append(f"{c.conflicts} conflict{'s' * (c.conflicts != 1)}")
    return f"{c.claims} ({', '.join(extra)})" if extra else str(c.claims)


def _row_label(cov: Coverage, topic: str, corpus: Corpus, indent: bool) -> str:
    """Child topics are indented under their parent, or (one block per topic) name it."""
    if indent:
        return "  " * cov.depth.get(topic, 0) + topic
    t = corpus.config.topics.get(topic)
    return f"{topic} (in {t.parent})" if t and t.parent else topic


def _matrix(cov: Coverage, corpus: Corpus, styled: bool, indent: bool = True) -> Table:
    table = Table([Column("topic", wrap=False), *(Column(b, wrap=True) for b in cov.briefs)])
    for t in cov.topics:
        cells = [Cell(cell_text(c), STATE_STYLE.get(c.state, "") if styled else "") for c in cov.row(t)]
        table.add(_row_label(cov, t, corpus, indent), *cells)
    return table


def _gap_lines(cov: Coverage) -> list[str]:
    lines = []
    for g in cov.gaps:
        lines.append(f"{g.topic}: only {g.brief} ({g.claims} claim{'s' * (g.claims != 1)})")
    return lines


def summary(cov: Coverage) -> str:
    covered = sum(1 for t in cov.topics if cov.covered_by(t))
    def n(count: int, word: str) -> str:
        return f"{count} {word}{'s' * (count != 1)}"

    return (f"{n(len(cov.topics), 'topic')} x {n(len(cov.briefs), 'brief')}: {n(covered, 'topic')} covered, "
            f"{len(cov.gaps)} covered by one brief only, {len(cov.uncovered)} not covered")


def render_plain(cov: Coverage, corpus: Corpus, width: Optional[int] = None) -> str:
    width = width or plain_width()
    out = wrap("briefcmp coverage: " + summary(cov), width, "", "  ")
    out += wrap(LEGEND, width, "", "  ") + [""]
    matrix = _matrix(cov, corpus, False)
    if not plain_fits(matrix, width):  # one block per topic: indentation would mean nothing
        matrix = _matrix(cov, corpus, False, indent=False)
    out.append(plain_table(matrix, width).rstrip("\n"))
    out += ["", "Topics only one brief covers:"]
    out += [f"  {line}" for line in _gap_lines(cov)] or ["  none"]
    out += ["", "Topics no brief covers:"]
    out += wrap(", ".join(cov.uncovered), width, "  ", "  ") if cov.uncovered else ["  none"]
    return "\n".join(out) + "\n"


TERMINAL_LEGEND = ("cells: N claims on the topic (child topics count for their parent), Nf with figures, "
                   "✗N in conflicts (contradictions or disagreements); - not covered")


def terminal_cell(c: CovCell) -> str:
    """"-", "3", "3 2f", "3 2f ✗1": the coverage.cell_text facts, short enough for a matrix."""
    if not c.claims:
        return "-"
    return " ".join([str(c.claims), *([f"{c.figures}f"] if c.figures else []),
                     *([f"✗{c.conflicts}"] if c.conflicts else [])])


def render_table(cov: Coverage, corpus: Corpus, width: int, color: bool) -> str:
    """The terminal view: short brief labels with a legend (ids never broken); when the
    matrix cannot fit, one record per topic."""
    from briefcmp.render.compare_term import legend, short_labels
    from briefcmp.render.terminal import Col, Grid, grid_or_stacked, item_lines, paint, text_lines

    labels = short_labels(list(cov.briefs))
    grid = Grid([Col("topic", "id"), *(Col(labels[b], "short", label=b) for b in cov.briefs)],
                legend=legend(labels))
    for t in cov.topics:
        cells = [Cell(terminal_cell(c), STATE_STYLE.get(c.state, "")) for c in cov.row(t)]
        grid.add(Cell(_row_label(cov, t, corpus, True), "bold"), *cells)
    grid.stack = [[0], list(range(1, len(cov.briefs) + 1))]
    lines = text_lines("briefcmp coverage: " + summary(cov), width, "bold")
    lines += text_lines(TERMINAL_LEGEND, width, "dim") + [[]]
    lines += grid_or_stacked(grid, width) + [[]]
    lines += text_lines("Topics only one brief covers:", width, "bold")
    lines += [ln for g in _gap_lines(cov) for ln in text_lines(g, width, "", "  ")] or text_lines("none", width, "", "  ")
    lines += text_lines("Topics no brief covers:", width, "bold")
    lines += item_lines("  ", list(cov.uncovered), width) if cov.uncovered else text_lines("none", width, "", "  ")
    return paint(lines, color)


def render_markdown(cov: Coverage) -> str:
    out = ["# briefcmp coverage", "", md_escape(summary(cov)), "", md_escape(LEGEND), ""]
    rows = [["&nbsp;&nbsp;" * cov.depth.get(t, 0) + md_code(t), *(md_escape(cell_text(c)) for c in cov.row(t))]
            for t in cov.topics]
    out.append(md_table(["Topic", *(md_code(b) for b in cov.briefs)], rows))
    out += ["## Topics only one brief covers", ""]
    out += [f"- {md_escape(line)}" for line in _gap_lines(cov)] or ["None."]
    out += ["", "## Topics no brief covers", ""]
    out += [f"- {md_code(t)}" for t in cov.uncovered] or ["None."]
    return "\n".join(out) + "\n"


def _cell_record(cov: Coverage, c: CovCell, corpus: Corpus) -> dict:
    topic = corpus.config.topics.get(c.topic)
    return {"topic": c.topic, "parent": (topic.parent or None) if topic else None, "brief": c.brief,
            "state": c.state, "claims": c.claims, "figures": c.figures, "conflicts": c.conflicts}


def document(cov: Coverage, corpus: Corpus) -> dict:
    topics = []
    for t in cov.topics:
        td = corpus.config.topics.get(t)
        topics.append({"id": t, "label": td.label if td else t, "parent": (td.parent or None) if td else None,
                       "briefs": cov.covered_by(t)})
    return envelope(
        "coverage", corpus=corpus_record(corpus), briefs=list(cov.briefs), topics=topics,
        matrix=[{"topic": t, "cells": [{k: v for k, v in _cell_record(cov, c, corpus).items()
                                        if k not in ("topic", "parent")} for c in cov.row(t)]}
                for t in cov.topics],
        gaps=[{"topic": g.topic, "brief": g.brief, "claims": g.claims} for g in cov.gaps],
        uncovered=list(cov.uncovered),
    )


_CSV = ("topic", "parent", "brief", "state", "claims", "figures", "conflicts")


def render(cov: Coverage, corpus: Corpus, fmt: str, width: Optional[int] = None, color: bool = False) -> str:
    if fmt == "table":
        return render_table(cov, corpus, width or PLAIN_WIDTH, color)
    if fmt == "plain":
        return render_plain(cov, corpus)
    if fmt == "markdown":
        return render_markdown(cov)
    if fmt == "json":
        return to_json(document(cov, corpus))
    rows = [_cell_record(cov, c, corpus) for t in cov.topics for c in cov.row(t)]
    if fmt == "jsonl":
        return to_jsonl(rows)
    return to_csv(_CSV, ([r[k] for k in _CSV] for r in rows))
