"""The main text of a saved web page, with trafilatura.

trafilatura finds the article and leaves out navigation, cookie banners, related links,
newsletter boxes and footers. Comments are left out; tables are kept (their cells as
text). Each block it returns (paragraph, heading, list item) becomes a paragraph. The page
is read from the file only: nothing is fetched.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefcmp.ingest import IngestError, missing_extra


_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_BULLET = re.compile(r"^(?:[-*•]\s+)")


def _plain(line: str) -> str:
    """One line of trafilatura's text without its Markdown-like marks: a table row's outer pipes, the
    rule under a table's head, a list bullet (the same text as ``briefcmp.ingest.markdown`` gives)."""
    line = line.strip()
    if _TABLE_RULE.match(line):
        return ""
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        return " | ".join(c.strip() for c in line[1:-1].split("|"))
    return _BULLET.sub("", line)


def extract_html(path: Path, data: bytes) -> list[str]:
    """The paragraphs of the page's main text; IngestError when it has none."""
    try:
        import trafilatura
    except ImportError:
        raise missing_extra("web pages") from None
    try:
        text = trafilatura.extract(data, output_format="txt", include_comments=False, include_tables=True,
                                   include_links=False, include_images=False, include_formatting=False,
                                   with_metadata=False, deduplicate=False)
    except Exception as exc:  # a page trafilatura cannot parse must not end in a traceback
        raise IngestError(f"{path}: cannot read the page ({type(exc).__name__})") from None
    paragraphs = [p for p in (_plain(line) for line in (text or "").split("\n")) if p]
    if not paragraphs:
        raise IngestError(f"{path}: no main text found in the page. If the page builds its text with "
                          "JavaScript, save it from the browser once it has loaded (Save Page As, "
                          "'Web Page, complete'), or copy the text into a .txt file and add that")
    return paragraphs
