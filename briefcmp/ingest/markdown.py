"""The text of a Markdown file, with markdown-it-py (already installed with rich).

Markup goes (``**bold**``, ``[link](url)`` -> "link", heading marks, list bullets); every
paragraph, heading, list item, block quote line and code block becomes a paragraph; a
table row becomes one paragraph with its cells separated by " | "; raw HTML blocks and
images are left out. A front matter block (``---`` ... ``---`` at the top) is not text:
its title, date and publisher lines are metadata (``metadata.from_front_matter``).
"""

from __future__ import annotations

import re

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


def split_front_matter(text: str) -> tuple[list[str], str]:
    """(front matter lines, the rest)."""
    m = _FRONT.match(text)
    if not m or len(m.group(1)) > 20_000:
        return [], text
    return m.group(1).splitlines(), text[m.end():]


def extract_markdown(text: str) -> list[str]:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    out: list[str] = []
    row: list[str] = []
    in_row = False
    for tok in md.parse(text):
        if tok.type == "tr_open":
            in_row, row = True, []
        elif tok.type == "tr_close":
            in_row = False
            if any(row):
                out.append(" | ".join(row))
        elif tok.type == "inline":
            words = _inline_text(tok.children or [])
            if in_row:
                row.append(words)
            elif words:
                out.append(words)
        elif tok.type in ("fence", "code_block") and tok.content.strip():
            out.append(" ".join(tok.content.split()))
    return out


def _inline_text(children: list) -> str:
    parts = []
    for c in children:
        if c.type in ("text", "code_inline"):
            parts.append(c.content)
        elif c.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    # Lines of one paragraph: the ends are mended later like any line ends (clean.join_lines).
    return "\n".join(" ".join(l.split()) for l in "".join(parts).split("\n")).strip()
