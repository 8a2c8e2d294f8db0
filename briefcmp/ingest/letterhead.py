"""Publisher and date from a letterhead at the top of a release or a brief (``from_letterhead``): the
forms ``metadata.from_masthead`` does not read (a name alone in capitals, a line of fields under the
title, a date among a series label and the authors)."""

from __future__ import annotations

from briefcmp.ingest.metadata import (
    _MASTHEAD_SEP, DocMeta, _clean, _date_line, _organisation_like, parse_date, title_cased,
)


def from_letterhead(text: str, title: str = "") -> DocMeta:
    """Publisher and date from a letterhead at the top of a release or a think tank's brief (origin
    ``text``): the publisher, an organisation's name on the first line, alone or as the first field of
    a line of fields ("RESERVE BANK OF NEW ZEALAND | Te Pūtea Matua", "BLACK SEA POLICY CENTRE"),
    first on a line of fields under the title ("Government of Georgia | Press Office"), or alone
    right above a date line ("Bank of Japan" over "December 19, 2024"); the date, one
    field of a short line of fields, or a line of its own, above the body ("Wellington, 27 November
    2024 · For release at 2.00 pm", "Policy Brief No. 11 · 2 December 2024 · A. Author"). The title
    line itself is never the publisher."""
    from briefcmp.ingest.clean import is_print_header

    meta = DocMeta()
    lines = [line.strip() for line in text.split("\n", 12)[:12] if line.strip()]
    if lines and is_print_header(lines[0]):
        lines = lines[1:]
    top: list[str] = []
    for line in lines[:8]:
        if len(line) > 200 or len(line.split()) > 30:
            break  # the body has begun
        top.append(line)
    for i, line in enumerate(top[:4]):
        fields = [f.strip() for f in _MASTHEAD_SEP.split(line)]
        # a name alone below the first line is a letterhead only right above the date line
        # ("Statement on Monetary Policy" / "Bank of Japan" / "December 19, 2024")
        alone = i and len(fields) == 1 and not (i + 1 < len(top) and _date_line(top[i + 1]))
        if line == title or alone or not 1 <= len(fields) <= 4:
            continue
        name = title_cased(fields[0])
        if len(name.split()) <= 8 and _organisation_like(name) and parse_date(name) is None:
            meta.set("publisher", _clean(name, 200), "text")
            break
    for line in top:
        fields = [f.strip() for f in _MASTHEAD_SEP.split(line)]
        if len(line.split()) > 16 or len(fields) > 4 or (len(fields) == 1 and not _date_line(line)):
            continue
        dated = [d for d in map(parse_date, fields) if d is not None and d.day]
        if len(dated) == 1:
            meta.set("published", dated[0], "text")
            break
    return meta
