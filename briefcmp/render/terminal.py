"""Tables for a terminal of any width from 60 columns up (terminal output only).

The layout is decided here, cell by cell, and rich only paints the finished lines:

- an *id* column (claim refs, keys, brief ids) is never broken or cut: it is as wide as
  its longest id, or the table becomes a stacked record layout;
- a *short* column (figures, verdicts) wraps at word boundaries and is never cut;
- a *text* column (questions, claim text) wraps at word boundaries up to its line limit,
  then ends with "…"; the full text is one ``briefcmp show`` away.

No column is made narrower than its longest word (only free text longer than
``TEXT_WORD_CAP`` may be shortened). When the columns cannot fit, each row becomes a
record: the lines of ``Table.stack`` packed with fields, ids kept whole.
Widths are counted in terminal cells (wide characters count two).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Optional, Sequence, Union

from briefcmp.render.layout import Cell, hold_counts, release_counts
from briefcmp.render.sanitize import terminal_safe

GAP = 2
TEXT_WORD_CAP = 20  # a free-text word longer than this (a URL) may be cut with "…"
ELLIPSIS = "…"
MIN_TEXT_ROOM = 16  # stacked: shortened text shares a line only with this much room


def cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def cut(text: str, width: int) -> str:
    """``text`` shortened to ``width`` cells, ending with "…" when anything was cut."""
    if cells(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    from rich.cells import set_cell_size

    return set_cell_size(text, width - 1).rstrip() + ELLIPSIS


def cut_at_word(text: str, width: int) -> str:
    """``cut``, but at the end of a word when one ends close enough: "Japan's ties with…", not "shoul…"."""
    if cells(text) <= width:
        return text
    shortened = cut(text, width)
    head = shortened[:-1]
    space = head.rfind(" ")
    if space > 0 and cells(head) - space <= max(8, width // 3) and text[len(head):len(head) + 1] != " ":
        return head[:space].rstrip() + ELLIPSIS
    return shortened


def _with_ellipsis(text: str, width: int) -> str:
    """``text`` marked as cut: "…" appended, shortening it when needed to stay in ``width``."""
    if text.endswith(ELLIPSIS):
        return text
    if cells(text) + 1 <= width:
        return text + ELLIPSIS
    from rich.cells import set_cell_size

    return set_cell_size(text, max(0, width - 1)).rstrip() + ELLIPSIS


def wrap_words(text: str, width: int, max_lines: int = 0, may_cut: bool = True) -> list[str]:
    """Greedy wrap at spaces (by cells). Words wider than ``width`` are cut with "…" when
    ``may_cut``, else kept whole. With ``max_lines``, the last kept line ends with "…"."""
    out: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            if may_cut and cells(word) > width:
                word = cut(word, width)
            if not line:
                line = word
            elif cells(line) + 1 + cells(word) <= width:
                line += " " + word
            else:
                out.append(line)
                line = word
        out.append(line)
    if max_lines and len(out) > max_lines:
        out = out[:max_lines]
        out[-1] = _with_ellipsis(out[-1], width)
    return out


@dataclass
class Col:
    header: str
    kind: str = "text"  # id | short | text
    max_lines: int = 2  # text: lines in a grid cell (stacked: 1 line when sharing a line)
    justify: str = "left"
    label: str = ""  # stacked: shown before the value as "label: " ("" = no label)
    optional: bool = False  # stacked: left out when less than MIN_TEXT_ROOM cells are left on its line


@dataclass
class Row:
    cells: list[Union[Cell, str, None]]
    style: str = ""  # for the whole row, e.g. "dim" for reviewed conflicts


@dataclass
class Grid:
    columns: list[Col]
    rows: list[Row] = field(default_factory=list)
    title: str = ""
    legend: str = ""  # printed under the title when the grid layout (short labels) is used
    stack: list[list[int]] = field(default_factory=list)  # stacked layout: column indices per line
    carry: bool = False  # stacked: an id or figure that does not fit its line starts the next stack line
    row_lines: int = 0  # the grid only when no row takes more lines than this (0: any)

    def add(self, *cells: Union[Cell, str, None], style: str = "") -> None:
        self.rows.append(Row(list(cells), style))


Line = list[tuple[str, str]]  # (text, style) segments


def _text(c) -> str:
    if c is None:
        return ""
    return terminal_safe(c.text if isinstance(c, Cell) else str(c))


def _style(c, row: Row) -> str:
    s = c.style if isinstance(c, Cell) else ""
    return " ".join(x for x in (row.style, s) if x)


def _longest_word(text: str) -> int:
    return max((cells(w) for w in text.split()), default=0)


def grid_widths(grid: Grid, width: int) -> Optional[list[int]]:
    """Column widths for the grid layout within ``width``, or None when it cannot fit."""
    n = len(grid.columns)
    natural, minimum = [], []
    for i, col in enumerate(grid.columns):
        texts = [col.header] + [_text(r.cells[i]) if i < len(r.cells) else "" for r in grid.rows]
        nat = max((cells(line) for t in texts for line in t.split("\n")), default=0)
        if col.kind == "id":
            low = nat
        else:
            words = max((_longest_word(t) for t in texts), default=0)
            low = min(words, TEXT_WORD_CAP) if col.kind == "text" else words
            low = max(low, min(cells(col.header), nat))
        natural.append(nat)
        minimum.append(min(low, nat))
    if sum(minimum) + GAP * (n - 1) > width:
        return None
    widths = list(natural)
    excess = sum(widths) + GAP * (n - 1) - width
    while excess > 0:  # shrink the widest column, free text counting wider than figures
        shrinkable = [i for i in range(n) if widths[i] > minimum[i] and grid.columns[i].kind != "id"]
        i = max(shrinkable, key=lambda j: (widths[j] * (1.5 if grid.columns[j].kind == "text" else 1), -j))
        step = min(excess, widths[i] - minimum[i], max(1, widths[i] // 10))
        widths[i] -= step
        excess -= step
    return widths


def _cell_lines(text: str, col: Col, width: int) -> list[str]:
    if col.kind == "id":
        return text.split("\n") if text else [""]
    return wrap_words(text, width, col.max_lines if col.kind == "text" else 0, may_cut=col.kind == "text")


def _pad(text: str, width: int, justify: str) -> str:
    space = " " * max(0, width - cells(text))
    return space + text if justify == "right" else text + space


def grid_lines(grid: Grid, widths: list[int]) -> list[Line]:
    out: list[Line] = []
    n = len(grid.columns)
    head: Line = []
    for i, (col, w) in enumerate(zip(grid.columns, widths)):
        head.append((_pad(col.header, w, col.justify) + (" " * GAP if i < n - 1 else ""), "bold"))
    out.append(_rstrip(head))
    out.append([((" " * GAP).join("─" * w for w in widths), "dim")])
    for row in grid.rows:
        wrapped = [_cell_lines(_text(row.cells[i]) if i < len(row.cells) else "", col, widths[i])
                   for i, col in enumerate(grid.columns)]
        for k in range(max(len(w) for w in wrapped)):
            line: Line = []
            for i, col in enumerate(grid.columns):
                piece = wrapped[i][k] if k < len(wrapped[i]) else ""
                c = row.cells[i] if i < len(row.cells) else None
                pad = " " * max(0, widths[i] - cells(piece))
                if col.justify == "right":
                    line += [(pad, ""), (piece, _style(c, row))]
                else:
                    line += [(piece, _style(c, row)), (pad, "")]
                if i < n - 1:
                    line.append((" " * GAP, ""))
            out.append(_rstrip(line))
    return out


def _rstrip(line: Line) -> Line:
    while line and not line[-1][0].strip():
        line = line[:-1]
    if line:
        line = line[:-1] + [(line[-1][0].rstrip(), line[-1][1])]
    return line


def stacked_lines(grid: Grid, width: int) -> list[Line]:
    """Each row as a record: the ``stack`` lines, fields packed left to right (ids whole)."""
    stack = grid.stack or [[0], list(range(1, len(grid.columns)))]
    out: list[Line] = []
    for row in grid.rows:
        carried: list[int] = []
        for n, spec in enumerate(stack):
            indent = "" if n == 0 else "  "
            defer = grid.carry and n < len(stack) - 1
            lines, carried = _pack(grid, row, [*carried, *spec], indent, width, defer)
            out += lines
    return out


def _pack(grid: Grid, row: Row, spec: Sequence[int], indent: str, width: int,
          defer: bool = False) -> tuple[list[Line], list[int]]:
    lines: list[Line] = []
    deferred: list[int] = []
    cur: Line = [(indent, "")] if indent else []
    used = len(indent)
    for i in spec:
        if i >= len(row.cells):
            continue
        col, c = grid.columns[i], row.cells[i]
        text = _text(c)
        if not text:
            continue
        label = f"{col.label}: " if col.label else ""
        style = _style(c, row)
        sep = GAP if used > len(indent) else 0
        room = width - used - sep
        flat = " ".join(text.split()) if col.kind != "id" else text.replace("\n", " ")
        need = cells(label) + cells(flat)
        if need <= room:
            cur += [(" " * sep, ""), *([(label, "dim")] if label else []), (flat, style)]
            used += sep + need
            continue
        if col.kind == "text" and room - cells(label) >= MIN_TEXT_ROOM:  # the rest of this line, shortened
            cur += [(" " * sep, ""), *([(label, "dim")] if label else []), (cut_at_word(flat, room - cells(label)), style)]
            used = width
            continue
        if col.optional:
            continue
        if defer and col.kind != "text" and used > len(indent):
            deferred.append(i)
            continue
        # A new line: shared with what follows when it fits there, else wrapped at words (ids whole).
        if used > len(indent):
            lines.append(cur)
            cur, used = ([(indent, "")] if indent else []), len(indent)
            if need <= width - used:
                cur += [*([(label, "dim")] if label else []), (flat, style)]
                used += need
                continue
        avail = width - len(indent) - cells(label)
        if col.kind == "id":
            parts = text.split("\n")
            body = [" ".join(parts)] if cells(" ".join(parts)) <= avail else parts
        else:
            body = wrap_words(flat, max(avail, 8), 1 if col.kind == "text" else 0, may_cut=col.kind == "text")
        for k, piece in enumerate(body):
            head = label if k == 0 else " " * cells(label)
            lines.append([(indent, ""), *([(head, "dim")] if head else []), (piece, style)])
        cur = [(indent, "")] if indent else []
        used = len(indent)
    if used > len(indent):
        lines.append(cur)
    return [_rstrip(line) for line in lines], deferred


def _tallest_row(grid: Grid, widths: list[int]) -> int:
    return max((len(_cell_lines(_text(row.cells[i]) if i < len(row.cells) else "", col, widths[i]))
                for row in grid.rows for i, col in enumerate(grid.columns)), default=0)


def grid_or_stacked(grid: Grid, width: int) -> list[Line]:
    """The grid when it fits ``width`` (with its title and legend), else the stacked records."""
    widths = grid_widths(grid, width)
    out: list[Line] = []
    if grid.title:
        out += [[(line, "bold")] for line in wrap_words(terminal_safe(grid.title), width, may_cut=False)]
    stacked = stacked_lines(grid, width)
    if widths is not None:
        grid_body = grid_lines(grid, widths)
        # A grid whose rows wrap into many lines reads worse than records: take the shorter.
        if len(grid_body) <= 1.25 * len(stacked) + 2 and (not grid.row_lines or _tallest_row(grid, widths) <= grid.row_lines):
            if grid.legend:
                head, _, rest = grid.legend.partition(": ")
                out += item_lines(head + ": ", rest.split(", "), width, "dim")
            return out + grid_body
    return out + stacked


def text_lines(text: str, width: int, style: str = "", indent: str = "", subsequent: Optional[str] = None) -> list[Line]:
    """Free text wrapped at words (ids stay whole) as lines; ``subsequent`` indents the
    lines after the first (default: ``indent``)."""
    later = indent if subsequent is None else subsequent
    first = wrap_words(hold_counts(terminal_safe(text)), width - len(indent), may_cut=False)  # "479 claims" whole
    if len(first) <= 1 or later == indent:
        return [[(indent + release_counts(line), style)] for line in first]
    rest = wrap_words(" ".join(" ".join(first[1:]).split()), width - len(later), may_cut=False)
    return [[(indent + release_counts(first[0]), style)]] + [[(later + release_counts(line), style)] for line in rest]


def list_lines(head: str, items: Sequence[str], width: int, style: str = "") -> list[Line]:
    """``head`` then the items separated by ", ", wrapped between items, never inside one: a count and
    its noun stay on one line ("8 changes", not "8" at a line's end); the lines after the first indented."""
    items = [terminal_safe(item) + ("," if i < len(items) - 1 else "") for i, item in enumerate(items)]
    rows, line = [], terminal_safe(head)
    for item in items:
        if line.strip() and cells(line) + 1 + cells(item) > width:
            rows.append(line)
            line = "  " + item
        else:
            line += (" " if line else "") + item
    rows.append(line)
    return [out for text in rows for out in (text_lines(text, width, style, "", "  ") if cells(text) > width
                                             else [[(text, style)]])]


def item_lines(prefix: str, items: Sequence[str], width: int, style: str = "") -> list[Line]:
    """``prefix`` then the items, separated by two spaces, wrapped between items (an item
    is broken only when it is wider than the line)."""
    out: list[Line] = []
    line = prefix
    for item in items:
        item = terminal_safe(item)
        if line.strip() and cells(line) + 2 + cells(item) > width:
            out.append([(line, style)])
            line = "  "
        line += ("  " if line.strip() and not line.endswith(" ") else "") + item
    if line.strip():
        out.append([(line, style)])
    return [piece for (text, st) in (l[0] for l in out)
            for piece in ([[(text, st)]] if cells(text) <= width else
                          [[(w, st)] for w in wrap_words(text, width, may_cut=False)])]


def paint(lines: Sequence[Line], color: bool) -> str:
    """The lines as terminal text: ANSI styles when ``color``, plain text otherwise."""
    if not color:
        return "".join("".join(t for t, _ in line) + "\n" for line in lines)
    from rich.console import Console
    from rich.text import Text

    console = Console(file=io.StringIO(), force_terminal=True, color_system="standard", highlight=False,
                      emoji=False, markup=False, legacy_windows=False, width=10_000)
    for line in lines:
        t = Text()
        for part, style in line:
            t.append(part, style=style or None)
        console.print(t, soft_wrap=True)
    return console.file.getvalue()  # type: ignore[attr-defined]
