"""The main text of a saved web page, with trafilatura.

trafilatura finds the article and leaves out navigation, cookie banners, related links,
newsletter boxes and footers. Comments are left out; tables are kept (their cells as
text). Each block it returns (paragraph, heading, list item) becomes a paragraph. The page
is read from the file only: nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path

from briefcmp.ingest import IngestError, missing_extra


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
    paragraphs = [p.strip() for p in (text or "").split("\n") if p.strip()]
    if not paragraphs:
        raise IngestError(f"{path}: no main text found in the page. If the page builds its text with "
                          "JavaScript, save it from the browser once it has loaded (Save Page As, "
                          "'Web Page, complete'), or copy the text into a .txt file and add that")
    return paragraphs
