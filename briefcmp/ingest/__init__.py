"""Sources as they come: PDF, saved web pages, Markdown and plain text in, clean text out.

``briefcmp add`` runs this stage before the corpus: ``pdf``, ``html`` and ``markdown``
extract the text, ``clean`` mends it, ``metadata`` reads what the document states about
itself, and ``add`` writes the source text and the draft claims file. The extraction
libraries (pdfplumber, trafilatura) are imported inside the functions that use them.

Takes: a PDF, a saved web page, a Markdown or a text file. Gives: a clean source text in the
corpus's sources folder and its draft claims file (through ``drafting.annotate``).
"""

from __future__ import annotations


class IngestError(Exception):
    """The original cannot be turned into a source text; the message says what to do (exit 2)."""


EXTRA = "add"


def missing_extra(what: str) -> IngestError:
    return IngestError(f"reading {what} needs the optional libraries of briefcmp's '{EXTRA}' extra: "
                       f"from the clone of briefcmp, pip install '.[{EXTRA}]' (pipx install --force '.[{EXTRA}]' "
                       "for a pipx install)")
