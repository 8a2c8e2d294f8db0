"""`briefcmp claims` and `briefcmp briefs` in every format: one row per claim / per brief.

CSV and JSON carry every field (normalised values: amounts in base units, scale applied);
the terminal, plain and Markdown tables show the columns a reader needs.
"""

from __future__ import annotations

from typing import Iterable, Optional

from briefcmp.analysis.crossref import as_of_text
from briefcmp.corpus.model import Brief, Claim, Corpus
from briefcmp.render import records, stream
from briefcmp.render.layout import (
    PLAIN_WIDTH, Cell, plain_width, Column, Table, envelope, md_escape, md_from_table, plain_table, to_csv, to_json, to_jsonl, wrap,
)

# --------------------------------------------------------------------------- claims


def _claims_table(claims: list[Claim], styled: bool) -> Table:
    table = Table([Column("claim", wrap=False), Column("kind"), Column("key"), Column("value"),
                   Column("as of", wrap=False), Column("text")])
    for c in claims:
        draft = " (draft)" if c.status == "draft" else ""
        table.add(Cell(c.ref, "bold" if styled else ""), c.kind + draft, c.key or "-",
                  c.value.display() if c.value else "-", as_of_text(c) or "-", c.text or c.quote)
    return table


def claims_summary(claims: list[Claim], corpus: Corpus) -> str:
    briefs = len({c.brief for c in claims})
    keyed = sum(1 for c in claims if c.key)
    valued = sum(1 for c in claims if c.value is not None)
    drafts = sum(1 for c in claims if c.status == "draft")
    # what a person has still to do first: drafts nobody reviewed (``check`` lists them)
    review = f"; {drafts} draft{'s' * (drafts != 1)} not yet reviewed" if drafts else ""
    return (f"{len(claims)} claim{'s' * (len(claims) != 1)} from {briefs} brief{'s' * (briefs != 1)} "
            f"({keyed} with a key, {valued} with a value{review})")


def render_claims(claims: list[Claim], corpus: Corpus, fmt: str, width: Optional[int] = None,
                  color: bool = False) -> str:
    """The claims report; ``claims`` already filtered and in corpus order."""
    if fmt == "table":
        return claims_terminal(claims, corpus, width or PLAIN_WIDTH, color)
    if fmt == "plain":
        head = wrap("briefcmp claims: " + claims_summary(claims, corpus), plain_width(), "", "  ")
        return "\n".join(head) + "\n\n" + plain_table(_claims_table(claims, False))
    if fmt == "markdown":
        return (f"# briefcmp claims\n\n{md_escape(claims_summary(claims, corpus))}\n\n"
                + md_from_table(_claims_table(claims, False), code_columns=(0, 2)))
    return "".join(claims_chunks(claims, corpus, fmt))


def claims_chunks(claims: list[Claim], corpus: Corpus, fmt: str, width: Optional[int] = None,
                  color: bool = False) -> Iterable[str]:
    """The claims report as text chunks: json, jsonl and csv one row at a time, the tables whole."""
    if fmt not in ("json", "jsonl", "csv"):
        return [render_claims(claims, corpus, fmt, width, color)]
    rows = (records.claim_row(c) for c in claims)
    if fmt == "json":
        return stream.json_chunks(envelope("claims", corpus=records.corpus_record(corpus), claims=stream.Stream(rows)))
    if fmt == "jsonl":
        return stream.jsonl_chunks(rows)
    return stream.csv_chunks(records.CLAIM_COLUMNS, ([r[k] for k in records.CLAIM_COLUMNS] for r in rows))


# --------------------------------------------------------------------------- briefs


def _briefs_table(rows: list[dict], styled: bool) -> Table:
    table = Table([Column("brief", wrap=False), Column("published", wrap=False), Column("publisher"),
                   Column("claims", justify="right"), Column("keyed", justify="right"),
                   Column("figures", justify="right"), Column("title")])
    for r in rows:
        table.add(Cell(r["id"], "bold" if styled else ""), r["published"] or "-", r["publisher"] or "-",
                  r["claims"], r["keyed"], r["figures"], r["title"])
    return table


def render_briefs(briefs: list[Brief], corpus: Corpus, fmt: str, width: Optional[int] = None,
                  color: bool = False) -> str:
    rows = [records.brief_record(b) for b in briefs]
    total = sum(r["claims"] for r in rows)
    head = f"{len(rows)} brief{'s' * (len(rows) != 1)}, {total} claims"
    if corpus.config.title:
        head += f" ({corpus.config.title})"
    if fmt == "table":
        return briefs_terminal(rows, head, width or PLAIN_WIDTH, color)
    if fmt == "plain":
        return "\n".join(wrap("briefcmp briefs: " + head, plain_width(), "", "  ")) + "\n\n" + \
            plain_table(_briefs_table(rows, False))
    if fmt == "markdown":
        return f"# briefcmp briefs\n\n{md_escape(head)}\n\n" + md_from_table(_briefs_table(rows, False), code_columns=(0,))
    if fmt == "json":
        return to_json(envelope("briefs", corpus=records.corpus_record(corpus), briefs=rows))
    if fmt == "jsonl":
        return to_jsonl(rows)
    return to_csv(records.BRIEF_COLUMNS, ([r[k] for k in records.BRIEF_COLUMNS] for r in rows))


# --------------------------------------------------------------------------- terminal


def claims_terminal(claims: list[Claim], corpus: Corpus, width: int, color: bool) -> str:
    """One line per claim when the terminal is wide enough, else two: ref and kind, then
    key, value (as-of) and the text shortened to what is left of the line."""
    from briefcmp.render.compare_term import claim_value
    from briefcmp.render.terminal import Col, Grid, grid_or_stacked, paint, text_lines

    grid = Grid([Col("claim", "id"), Col("kind", "short"), Col("key", "id"), Col("value (as of)", "short"),
                 Col("text", "text", max_lines=1, optional=True)], carry=True)
    for c in claims:
        kind = c.kind + (" (draft)" if c.status == "draft" else "")
        grid.add(Cell(c.ref, "bold"), Cell(kind, "dim" if c.kind == "fact" else ""), Cell(c.key or "", "cyan"),
                 claim_value(c) if c.value else "", c.text or c.quote)
    grid.stack = [[0, 1, 2], [3, 4]]
    lines = text_lines("briefcmp claims: " + claims_summary(claims, corpus), width, "bold")
    return paint(lines + _overview(claims, width, text_lines) + grid_or_stacked(grid, width), color)


OVERVIEW_FROM = 20  # claims: from this many the listing is taller than a screen, and the first screen says what it holds


def _overview(claims: list[Claim], width: int, text_lines) -> list:
    """Above a long listing, what its first screen would otherwise not show: each brief's claims, keys and
    drafts to review, and how to narrow the list."""
    if len(claims) < OVERVIEW_FROM:
        return []
    per: dict[str, list[int]] = {}
    for c in claims:
        n = per.setdefault(c.brief, [0, 0, 0])
        n[0] += 1
        n[1] += bool(c.key)
        n[2] += c.status == "draft"
    lines: list = []
    if len(per) > 1:
        for brief, (n, keyed, drafts) in per.items():
            lines += text_lines(f"{brief}: {n} claim{'s' * (n != 1)}, {keyed} with a key"
                                + (f", {drafts} draft{'s' * (drafts != 1)} to review" if drafts else ""), width, "", "  ", "    ")
    lines += text_lines("Narrow with -b BRIEF, -k KEY, -t TOPIC or -s ENTITY; -f csv for a spreadsheet.", width, "dim")
    return lines + [[("", "")]]


def briefs_terminal(rows: list[dict], head: str, width: int, color: bool) -> str:
    from briefcmp.render.terminal import Col, Grid, grid_or_stacked, paint, text_lines

    grid = Grid([Col("brief", "id"), Col("published", "id"), Col("claims", "short", justify="right", label="claims"),
                 Col("keyed", "short", justify="right", label="keyed"),
                 Col("figures", "short", justify="right", label="figures"), Col("publisher", "text"),
                 Col("title", "text", max_lines=2)], carry=True)
    for r in rows:
        grid.add(Cell(r["id"], "bold"), r["published"] or "-", str(r["claims"]), str(r["keyed"]), str(r["figures"]),
                 r["publisher"] or "-", r["title"])
    grid.stack = [[0, 1, 2, 3, 4], [5], [6]]
    return paint(text_lines("briefcmp briefs: " + head, width, "bold") + grid_or_stacked(grid, width), color)
