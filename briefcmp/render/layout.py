"""Layouts shared by the report renderers: one table model, drawn as plain text,
GitHub-flavoured Markdown or a rich table; plus JSON, JSON Lines and CSV helpers.

Plain text (piped, redirected, -o) never depends on a terminal: it is wrapped at $COLUMNS when
that is set, else not at all (a paragraph a line, tables at their natural width, as git and
ripgrep write to a pipe); nothing is ever cut (a word longer than its column widens the column).
rich is imported only when a terminal table is drawn.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence, Union

from briefcmp import __version__
from briefcmp.corpus.safetext import json_visible
from briefcmp.render.escape import csv_cell, inline_code, markdown_cell
from briefcmp.render.sanitize import terminal_safe

REPORT_VERSION = 1
PLAIN_WIDTH = 100  # a grid that needs a width (compare --matrix) piped with no $COLUMNS
UNWRAPPED = 1 << 20  # "no width": every line as long as its text
MIN_PLAIN_WIDTH = 40  # a $COLUMNS below this gets 40-column lines (the layouts are made for 60 and up)


def columns_env(minimum: int = MIN_PLAIN_WIDTH) -> Optional[int]:
    """$COLUMNS as a number (at least ``minimum``), when it is set to one."""
    try:
        return max(minimum, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return None


def stderr_width() -> Optional[int]:
    """The width of the terminal on stderr, where messages go; None off a terminal."""
    import sys

    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns if sys.stderr.isatty() else None
    except (OSError, AttributeError, ValueError):
        return None


def plain_width() -> int:
    """The width plain text is wrapped at: $COLUMNS when set, else none (``UNWRAPPED``)."""
    return columns_env() or UNWRAPPED


def grid_width() -> int:
    """The width of a plain grid that cannot go without one: $COLUMNS when set, else ``PLAIN_WIDTH``."""
    return columns_env() or PLAIN_WIDTH
GAP = "  "

# Colours by relation kind and by coverage state (terminal only).
KIND_STYLE = {
    "contradiction": "bold red", "disagreement": "magenta", "annotation-problem": "yellow",
    "forecast-vs-fact": "blue", "change-over-time": "cyan", "agreement": "green",
}
STATE_STYLE = {"none": "dim", "covered": "", "figures": "cyan", "conflict": "bold red"}


@dataclass
class Cell:
    """Table cell text (may hold line breaks) with an optional rich style for terminals.

    ``parts`` (text, style) pairs, when given, make up the text with a style per part.
    """

    text: str = ""
    style: str = ""
    parts: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, *parts: tuple[str, str]) -> "Cell":
        return cls("".join(p for p, _ in parts), "", tuple(parts))


CellLike = Union[Cell, str, int, None]


@dataclass
class Column:
    header: str
    wrap: bool = True  # may be wrapped (at word boundaries only)
    justify: str = "left"  # left | right


@dataclass
class Table:
    columns: list[Column]
    rows: list[list[CellLike]] = field(default_factory=list)
    title: str = ""

    def add(self, *cells: CellLike) -> None:
        self.rows.append(list(cells))


def cell_text(c: CellLike) -> str:
    if c is None:
        return ""
    if isinstance(c, Cell):
        return terminal_safe(c.text)
    return terminal_safe(str(c))  # cells quote briefs: no control or bidi character reaches a terminal


def cell_style(c: CellLike) -> str:
    return c.style if isinstance(c, Cell) else ""


# --------------------------------------------------------------------------- plain text


# A count and the word it counts ("6 candidates", "39 unkeyed claims") are one piece to a line wrapper: the
# space between them is held by a private-use character while wrapping, then given back.
# (a count: "6", "1,234", not a year, a date's part or a decimal; the word after it in lower case)
_COUNT_SPACE = re.compile(r"(?<![\w.,/:-])(?!(?:19|20)\d\d\b)(\d{1,3}(?:,\d{3})+|\d+) (?=[a-z])")
_HELD = "\ue000"


def hold_counts(text: str) -> str:
    """``text`` with each count held to its word (undo with ``release_counts``)."""
    return _COUNT_SPACE.sub(lambda m: m.group(1) + _HELD, text.replace(_HELD, " "))


def release_counts(text: str) -> str:
    return text.replace(_HELD, " ")


def wrap(text: str, width: int, indent: str = "", subsequent: Optional[str] = None) -> list[str]:
    """Wrap at word boundaries only: long words (ids, URLs) stay whole, never cut; a count stays with
    its word ("6 candidates", never "6" at a line's end)."""
    out = []
    for para in hold_counts(terminal_safe(text)).split("\n"):
        lines = textwrap.wrap(para, width=max(width, 1), initial_indent=indent,
                              subsequent_indent=indent if subsequent is None else subsequent,
                              break_long_words=False, break_on_hyphens=False)
        out.extend(release_counts(line) for line in (lines or [indent.rstrip()]))
    return out


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def column_widths(table: Table, width: int, gap: int = len(GAP), hard: bool = False) -> list[int]:
    """Natural widths, shrunk (widest wrappable column first) to fit ``width`` where words allow.

    With ``hard``, keep shrinking past the longest word when nothing else fits (a terminal
    then folds that word onto the next line; plain text never does this).
    """
    n = len(table.columns)
    texts = [[cell_text(r[i]) if i < len(r) else "" for r in table.rows] for i in range(n)]
    natural, minimum = [], []
    for col, cells in zip(table.columns, texts):
        lines = [line for t in [col.header, *cells] for line in t.split("\n")]
        nat = max((len(line) for line in lines), default=0)
        natural.append(nat)
        low = max([_longest_word(t) for t in [col.header, *cells]] + [1]) if col.wrap else nat
        minimum.append(min(low, nat))
    widths = list(natural)
    excess = sum(widths) + gap * (n - 1) - width
    while excess > 0:
        shrinkable = [i for i in range(n) if widths[i] > minimum[i]]
        if not shrinkable and hard:  # fold wrappable text before ids
            shrinkable = ([i for i in range(n) if widths[i] > 4 and table.columns[i].wrap]
                          or [i for i in range(n) if widths[i] > 4])
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda j: (widths[j], -j))
        widths[i] -= 1
        excess -= 1
    return widths


MAX_CELL_LINES = 6  # a cell wrapped into more lines reads badly: use the record layout instead


def plain_fits(table: Table, width: Optional[int] = None) -> bool:
    """Whether the aligned layout fits ``width`` (default ``plain_width()``) with every wrapped cell still legible."""
    width = width or plain_width()
    widths = column_widths(table, width)
    if sum(widths) + len(GAP) * (len(widths) - 1) > width:
        return False
    for i, (col, w) in enumerate(zip(table.columns, widths)):
        if col.wrap and any(len(wrap(cell_text(r[i]), w)) > MAX_CELL_LINES for r in table.rows if i < len(r)):
            return False
    return True


def plain_table(table: Table, width: Optional[int] = None) -> str:
    """An aligned text table (header, dashes, rows; cells wrapped, never cut), or, when the
    columns cannot fit ``width`` (default ``plain_width()``) legibly, one block per row (``plain_records``)."""
    width = width or plain_width()
    if not plain_fits(table, width):
        return plain_records(table, width)
    widths = column_widths(table, width)
    out = []
    if table.title:
        out.append(table.title)
        out.append("")

    def emit_row(cells: Sequence[CellLike]) -> None:
        wrapped = []
        for i, col in enumerate(table.columns):
            text = cell_text(cells[i]) if i < len(cells) else ""
            wrapped.append(wrap(text, widths[i]) if col.wrap else text.split("\n"))
        for n in range(max(len(w) for w in wrapped)):
            parts = []
            for i, col in enumerate(table.columns):
                piece = wrapped[i][n] if n < len(wrapped[i]) else ""
                parts.append(piece.rjust(widths[i]) if col.justify == "right" else piece.ljust(widths[i]))
            out.append(GAP.join(parts).rstrip())

    emit_row([c.header for c in table.columns])
    out.append(GAP.join("-" * w for w in widths))
    for row in table.rows:
        emit_row(row)
    return "\n".join(out) + "\n"


def plain_records(table: Table, width: Optional[int] = None) -> str:
    """Each row as a block: the first cell as its heading, then "header: value" lines."""
    width = width or plain_width()
    out = [table.title, ""] if table.title else []
    for i, row in enumerate(table.rows):
        if i:
            out.append("")
        cells = [cell_text(row[j]) if j < len(row) else "" for j in range(len(table.columns))]
        out += wrap(cells[0].strip(), width, "", "  ")
        for col, text in zip(table.columns[1:], cells[1:]):
            label = f"  {col.header}: "
            lines = text.split("\n")
            out += wrap(label + lines[0], width, "", " " * len(label))
            for more in lines[1:]:
                out += wrap(more, width, " " * len(label), " " * len(label))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- markdown

def md_escape(text: str) -> str:
    """Escape text for a GFM table cell: Markdown specials and ``|``; line breaks become <br>."""
    return markdown_cell(text)


def md_code(text: str) -> str:
    """An inline code span (for ids) that no content can leave (see ``escape.inline_code``)."""
    return inline_code(text)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> str:
    """A GFM table from already-escaped cells."""
    head = "| " + " | ".join(headers) + " |"
    rule = "| " + " | ".join("---:" if i in right else "---" for i in range(len(headers))) + " |"
    body = ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join([head, rule, *body]) + "\n"


def md_from_table(table: Table, code_columns: Sequence[int] = ()) -> str:
    right = [i for i, c in enumerate(table.columns) if c.justify == "right"]
    rows = [[md_code(cell_text(c)) if i in code_columns else md_escape(cell_text(c)) for i, c in enumerate(r)]
            for r in table.rows]
    return md_table([md_escape(c.header) for c in table.columns], rows, right)


# --------------------------------------------------------------------------- rich (terminal)


def rich_console(width: int, color: bool):
    """A console that renders into a string at ``width``, with or without colour."""
    from rich.console import Console

    return Console(file=io.StringIO(), width=width, force_terminal=color, no_color=not color,
                   color_system="auto" if color else None, highlight=False, emoji=False,
                   legacy_windows=False, soft_wrap=False)


def rich_table(table: Table, width: int, separate_rows: bool = False):
    """The rich version of a table, ``width`` wide at most.

    Column widths are decided here, like the plain layout does (wrapping at word
    boundaries, so ids and figures stay whole), not by rich; only on a terminal too
    narrow for the longest words does rich fold a word (never an ellipsis, never cropped).
    """
    from rich import box
    from rich.table import Table as RichTable

    # Between columns: one padding space and the (blank) box divider.
    widths = column_widths(table, width, gap=2, hard=True)
    t = RichTable(title=table.title or None, title_justify="left", title_style="bold", box=box.SIMPLE_HEAD,
                  show_lines=separate_rows, show_edge=False, expand=False, pad_edge=False, padding=(0, 1, 0, 0))
    for col, w in zip(table.columns, widths):
        t.add_column(col.header, justify=col.justify, overflow="fold", no_wrap=False, width=w)
    for row in table.rows:
        t.add_row(*(rich_text(c) for c in row))
    return t


def rich_text(c: CellLike):
    from rich.text import Text

    if isinstance(c, Cell) and c.parts:
        text = Text()
        for part, style in c.parts:
            text.append(terminal_safe(part), style=style or None)
        return text
    return Text(cell_text(c), style=cell_style(c))


def render_rich(renderables: Iterable[Any], width: int, color: bool) -> str:
    console = rich_console(width, color)
    for r in renderables:
        console.print(r)
    return console.file.getvalue()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- JSON, JSON Lines, CSV


def plain_number(x: Optional[float]) -> Any:
    """Numbers as JSON likes them: integral floats as ints (20000000000, not 2e10)."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**63:
        return int(x)
    return x


def envelope(command: str, **body: Any) -> dict:
    """The top of every JSON report: {version, tool, command, ...}."""
    return {"version": REPORT_VERSION, "tool": {"name": "briefcmp", "version": __version__},
            "command": command, **body}


def to_json(doc: Any) -> str:
    """JSON (indent 2), bidi and C1 controls as ``\\u202e`` escapes (``safetext.json_visible``)."""
    return json_visible(json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n")


def to_jsonl(items: Iterable[Any]) -> str:
    return json_visible("".join(json.dumps(i, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"
                                for i in items))


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with one header row; lists are joined with ";", None is empty, booleans are true/false."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue()


def _csv_cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return csv_cell(";".join(str(x) for x in v))
    if isinstance(v, (int, float)):
        return repr(plain_number(v)) if isinstance(v, float) and v.is_integer() else repr(v)
    return csv_cell(str(v))  # text from briefs: never a spreadsheet formula
