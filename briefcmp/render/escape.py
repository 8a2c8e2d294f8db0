"""Escapers for piped formats: pure functions, one per kind of cell.

Text from a brief or a claims file must not become markup, a formula or a command in
whatever reads briefcmp's output:

- ``csv_cell``: a spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``, tab or
  CR as a formula (CSV injection); such a cell gets a leading ``'``, numbers excepted.
- ``markdown_cell``: text in a Markdown table cell or paragraph: Markdown specials are
  backslash-escaped (``<`` included, so no raw HTML survives), line breaks become ``<br>``.
- ``inline_code``: a Markdown code span that no content can leave: its fence is longer than
  any backtick run inside, and white space (line breaks too) becomes single spaces.
- ``github_data`` / ``github_property`` / ``github_line``: text in a GitHub Actions log,
  where a line starting with ``::`` is a workflow command; no line break and no ``::``
  survives (``%``, CR, LF and ``:`` are percent-encoded as the runner decodes them).
"""

from __future__ import annotations

import re

from briefcmp.corpus.safetext import visible

# --------------------------------------------------------------------------- CSV

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: a formula-like start gets a ``'``."""
    formula = text.startswith(_FORMULA_START) and not _NUMBER.fullmatch(text)
    text = visible(text)  # no control or bidi character reaches whoever cats the file
    return "'" + text if formula else text


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~&!"})
_MD_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_[]|#~!"}})


def markdown_cell(text: str, entities: bool = False) -> str:
    """Text for a GFM table cell or a paragraph: specials escaped (no HTML), line breaks as ``<br>``.

    ``<`` ``>`` ``&`` are backslash-escaped (CommonMark), or with ``entities`` written as
    ``&lt;`` ``&gt;`` ``&amp;`` (for renderers that ignore backslash escapes).
    """
    table = _MD_ENTITIES if entities else _MD_SPECIAL
    lines = [" ".join(line.split()).translate(table) for line in visible(str(text)).split("\n")]
    return "<br>".join(lines)


_BACKTICKS = re.compile("`+")


def inline_code(text: str, in_table: bool = True) -> str:
    """A code span holding ``text`` verbatim (white space collapsed); ``|`` escaped for tables."""
    text = " ".join(visible(str(text), one_line=True).split())
    if not text:
        return ""
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or longest else ""
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{pad}{text}{pad}{fence}"


# --------------------------------------------------------------------------- GitHub Actions log


def github_data(text: str) -> str:
    """A workflow-command message (or a plain log line): one line, no ``::``."""
    return (str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace("::", "%3A%3A"))


def github_property(text: str) -> str:
    """A workflow-command property value: as ``github_data``, and the separators ``:`` and ``,``."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(text: str) -> str:
    """A plain line of the log: it can never be read as a workflow command."""
    return github_data(text)
