"""Print the walk's PDF sources from their texts (fpdf2, as a word processor prints a release)."""

from __future__ import annotations

import sys
from pathlib import Path


def cell(pdf, height: float, text: str) -> None:
    pdf.multi_cell(0, height, " ".join(text.split()), new_x="LMARGIN", new_y="NEXT")


def text_pdf(text: str, path: Path) -> Path:
    """A one-column A4 PDF: letterhead, masthead line, title, then paragraphs (short lines kept as lines)."""
    from fpdf import FPDF

    lines = text.strip("\n").split("\n")
    pdf = FPDF(format="A4")
    pdf.set_title(lines[2] if len(lines) > 2 else lines[0])
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    cell(pdf, 5, lines[0])
    pdf.set_font("Helvetica", "", 9)
    cell(pdf, 5, lines[1])
    pdf.ln(3)
    rest = "\n".join(lines[2:]).strip("\n").split("\n\n")
    pdf.set_font("Helvetica", "B", 15)
    cell(pdf, 7, rest[0])
    pdf.ln(3)
    for par in rest[1:]:
        # A heading or a table row is a short line of its own; a paragraph is one long line.
        for line in par.strip().split("\n"):
            short = len(line) < 60 and not line.rstrip().endswith(".")
            pdf.set_font("Helvetica" if short else "Times", "B" if short else "", 11)
            cell(pdf, 5.5, line)
        pdf.ln(3)
    pdf.output(str(path))
    return path


if __name__ == "__main__":
    for name in sys.argv[1:]:
        src = Path(name)
        print(text_pdf(src.read_text(encoding="utf-8"), src.with_suffix(".pdf")))
