"""`briefcmp compare` in every format, from one ``Analysis``.

table: the terminal views (``compare_term``; ``render_table`` is the card view of
--details); plain: a block per relation, wrapped at $COLUMNS when set, else a paragraph a line; markdown: a GFM table per topic; json: the versioned document; jsonl: one relation
(then one suggestion) per line; csv: one row per claim of each relation.
"""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator, Optional

from briefcmp.analysis.crossref import Analysis, as_of_text
from briefcmp.corpus.model import Claim, Corpus, Relation
from briefcmp.render import parallel, records, stream
from briefcmp.render.layout import envelope, grid_width, md_code, md_escape, md_table, plain_width, wrap
from briefcmp.render.recordtext import claim_text, relation_text
from briefcmp.render.stream import Stream, md_table_chunks, one_final_newline
from briefcmp.render.undecided import undecided_record, undecided_text

_PLURAL = {
    "contradiction": ("contradiction", "contradictions"), "disagreement": ("disagreement", "disagreements"),
    "annotation-problem": ("annotation problem", "annotation problems"),
    "forecast-vs-fact": ("forecast set against facts", "forecasts set against facts"),
    "change-over-time": ("change over time", "changes over time"), "agreement": ("agreement", "agreements"),
}


def count_text(kind: str, n: int) -> str:
    one, many = _PLURAL.get(kind, (kind, kind + "s"))
    return f"{n} {one if n == 1 else many}"


def summary(analysis: Analysis) -> str:
    """One line: "5 briefs, 143 claims, 12 relations: 2 contradictions, 10 agreements"."""
    head, counts, hidden = summary_parts(analysis)
    return head + (": " + ", ".join(counts) if counts else "") + hidden


def summary_parts(analysis: Analysis) -> tuple[str, list[str], str]:
    """("5 briefs, 143 claims, 12 relations", ["2 contradictions", "10 agreements"], " (3 more left out ...)")."""
    corpus = analysis.corpus
    n = len(analysis.relations)
    claims = sum(len(b.claims) for b in corpus.briefs)
    head = (f"{len(corpus.briefs)} brief{'s' * (len(corpus.briefs) != 1)}, "
            f"{claims} claim{'s' * (claims != 1)}, {n} relation{'s' * (n != 1)}")
    counts = [count_text(k, v) for k, v in analysis.counts().items()]
    hidden = len(analysis.all_relations) - n
    return head, counts, f" ({hidden} more left out by the filters)" if hidden else ""


def topic_heading(topic: str, corpus: Corpus) -> str:
    if not topic:
        return "No topic"
    t = corpus.config.topics.get(topic)
    return f"{t.label} ({topic})" if t and t.label != topic else topic


def claim_line(c: Claim) -> str:
    """``ref: value, as of 2021 (inferred), cites X`` (what a claim contributes to a relation)."""
    parts = [c.value.display() if c.value else "no value"]
    if c.as_of is not None:
        parts.append(f"as of {as_of_text(c)}")
    if c.cites:
        parts.append(f"cites {c.cites}")
    if c.kind != "fact":
        parts.append(c.kind)
    if c.status == "draft":
        parts.append("draft")
    return f"{c.ref}: " + ", ".join(parts)


# --------------------------------------------------------------------------- plain


def render_plain(analysis: Analysis, width: Optional[int] = None) -> str:
    return "".join(stream.lines_chunks(_plain_lines(analysis, width or plain_width())))


def _plain_lines(analysis: Analysis, width: int) -> Iterator[str]:
    corpus = analysis.corpus
    yield from wrap("briefcmp compare: " + summary(analysis), width, "", "  ")
    if analysis.undecided:
        yield from wrap(undecided_text(analysis), width, "", "  ")
    if not analysis.relations:
        yield from ["", "No relations: no two claims share a key" if not analysis.all_relations
                    else "No relation matches the filters."]
    for topic, rels in analysis.by_topic():
        yield from ["", f"== {topic_heading(topic, corpus)} ==", ""]
        for i, r in enumerate(rels):
            if i:
                yield ""
            yield from plain_relation(r, corpus, width)
    if analysis.suggested:
        yield from ["", "== Candidate keys (claims that may answer the same question; nothing is merged) ==", ""]
        if not analysis.suggestions:
            yield "No candidates."
        for i, s in enumerate(analysis.suggestions):
            if i:
                yield ""
            yield from wrap(f"CANDIDATE KEY  {s.id}", width, "", "    ")
            yield from wrap(s.reason, width, "  ", "  ")
            yield from _plain_claims(s.claims, width)


def plain_relation(r: Relation, corpus: Corpus, width: int) -> list[str]:
    keydef = corpus.config.keys.get(r.key)
    head = f"{r.kind.upper()} ({r.severity})  key {r.key}" + (f": {keydef.label}" if keydef else "")
    lines = wrap(head, width, "", "    ")
    if r.reviewed:
        lines += wrap(f"reviewed: {r.reviewed}", width, "  ", "    ")
    lines += wrap(r.explanation, width, "  ", "  ")
    lines.append(f"  id: {r.id}")
    return lines + _plain_claims(r.claims, width)


def _plain_claims(claims: list[Claim], width: int) -> list[str]:
    lines = []
    for c in claims:
        lines += wrap(claim_line(c), width, "  - ", "    ")
        lines += wrap(f'"{c.quote}"', width, "      ", "       ")
    return lines


# --------------------------------------------------------------------------- table (rich)


def render_table(analysis: Analysis, width: int, color: bool) -> str:
    """The card view (``--details``) on a terminal: the plain report's blocks at the
    terminal's width (wrapped at words: ids and quotes whole), headings and findings styled."""
    from briefcmp.render.compare_term import SYMBOL, relation_style
    from briefcmp.render.sanitize import terminal_safe
    from briefcmp.render.terminal import list_lines, paint, text_lines

    corpus = analysis.corpus
    head, counts, hidden = summary_parts(analysis)
    if counts:  # wrapped between the counts, never inside one
        out = list_lines(f"briefcmp compare: {head}:", counts[:-1] + [counts[-1] + hidden], width, "bold")
    else:
        out = text_lines("briefcmp compare: " + summary(analysis), width, "bold")
    if analysis.undecided:
        out += text_lines(undecided_text(analysis), width, "yellow", "", "  ")
    if not analysis.relations:
        out += text_lines("No relations: no two claims share a key" if not analysis.all_relations
                          else "No relation matches the filters.", width)
    for topic, rels in analysis.by_topic():
        out += [[]] + text_lines(f"== {topic_heading(topic, corpus)} ==", width, "bold")
        for r in rels:
            lines = plain_relation(r, corpus, width - 2)
            out.append([])
            out.append([(SYMBOL.get(r.kind, "•") + " ", relation_style(r)),
                        (terminal_safe(lines[0]), relation_style(r) + " bold" if not r.reviewed else "dim")])
            for line in lines[1:]:
                if line.startswith("  id: ") and len(line) > width:  # a long id: a line of its own
                    out += [[("  id:", "dim")], [(terminal_safe(line[6:]), "dim")]]
                    continue
                quote = line.startswith("      ") or line.startswith("  id: ")  # quotes and ids, dim
                out.append([(terminal_safe(line), "dim" if quote else "")])
    if analysis.suggested:
        out += [[]] + text_lines("== Candidate keys (claims that may answer the same question; nothing is merged) ==",
                                 width, "bold")
        if not analysis.suggestions:
            out += text_lines("No candidates.", width)
        for s in analysis.suggestions:
            out += [[]] + text_lines(f"CANDIDATE KEY  {s.id}", width, "bold", "", "    ")
            out += text_lines(s.reason, width, "", "  ")
            out += [[(terminal_safe(line), "")] for line in _plain_claims(s.claims, width)]
    return paint(out, color)


# --------------------------------------------------------------------------- markdown


def render_markdown(analysis: Analysis) -> str:
    return "".join(markdown_chunks(analysis))


def markdown_chunks(analysis: Analysis) -> Iterator[str]:
    """The Markdown report, one table row (one relation) at a time."""
    return one_final_newline(_markdown_pieces(analysis))


def _markdown_pieces(analysis: Analysis) -> Iterator[str]:
    corpus = analysis.corpus
    yield "\n".join(["# briefcmp compare", "", md_escape(summary(analysis)), ""])
    if analysis.undecided:
        yield "\n" + md_escape(undecided_text(analysis)) + "\n"
    if not analysis.relations:
        yield "\nNo relations.\n"
    reviewed = any(r.reviewed for r in analysis.relations)
    headers = ["Kind", "Severity", *(["Reviewed"] if reviewed else []), "Key", "Claims", "Explanation", "Id"]
    for topic, rels in analysis.by_topic():
        yield f"\n## {md_escape(topic_heading(topic, corpus))}\n\n"
        yield from md_table_chunks(headers, (_md_row(r, corpus, reviewed) for r in rels))
    if analysis.suggested:
        yield "\n## Candidate keys\n"
        if analysis.suggestions:
            rows = [[md_code(s.id), _md_claims(s.claims), md_escape(s.reason)] for s in analysis.suggestions]
            yield "\n" + md_table(["Candidate", "Claims", "Why"], rows)
        else:
            yield "\nNone.\n"


def _md_row(r: Relation, corpus: Corpus, reviewed: bool) -> list[str]:
    keydef = corpus.config.keys.get(r.key)
    return [md_escape(r.kind), md_escape(r.severity), *([md_escape(r.reviewed or "")] if reviewed else []),
            md_code(r.key) + (f"<br>{md_escape(keydef.label)}" if keydef and keydef.label else ""),
            _md_claims(r.claims), md_escape(r.explanation), md_code(r.id)]


def _md_claims(claims: list[Claim]) -> str:
    cells = []
    for c in claims:
        rest = claim_line(c)[len(c.ref):]
        cells.append(f"{md_code(c.ref)}{md_escape(rest)}<br>“{md_escape(c.quote)}”")
    return "<br>".join(cells)


# --------------------------------------------------------------------------- json, jsonl, csv


def suggestion_record(s) -> dict:
    return {"id": s.id, "key": s.key or None, "score": round(s.score, 4), "reason": s.reason,
            "claims": [records.claim_record(c) for c in s.claims]}


# Where a relation record sits in the streamed document (relations[i]) and its claims
# (relations[i].claims[j]): the newline and indent before them (``json_chunks`` is tested
# against ``layout.to_json``: a wrong depth shows there).
_RELATION_NL = "\n" + " " * 4
_CLAIM_NL = _RELATION_NL + " " * 4


def _streamed_relations(analysis: Analysis) -> Iterator[stream.Encoded]:
    """Each relation record's JSON text, made straight from the model (``recordtext``), on two
    processes for a long report (``parallel.texts``)."""
    corpus = analysis.corpus
    # Consecutive relations often share claims (changes over time of one key chain periods:
    # 2020 -> 2021, then 2021 -> 2022): the last relation's claim texts are reused, nothing older.
    last: dict[int, tuple[Claim, str]] = {}

    def make(r: Relation) -> str:
        nonlocal last
        texts = {}
        for c in r.claims:
            hit = last.get(id(c))
            texts[id(c)] = hit if hit is not None and hit[0] is c else (c, claim_text(c, _CLAIM_NL))
        last = texts
        return relation_text(r, corpus, _RELATION_NL, [t for _, t in texts.values()])

    for text in parallel.texts(analysis.relations, make):
        yield stream.Encoded.text_at(text, _RELATION_NL)


def document(analysis: Analysis, streamed: bool = False) -> dict:
    """The JSON document; with ``streamed``, its lists of records are ``stream.Stream``s built as they are written."""
    corpus = analysis.corpus
    relations = (_streamed_relations(analysis) if streamed
                 else (records.relation_record(r, corpus) for r in analysis.relations))
    doc = envelope(
        "compare", corpus=records.corpus_record(corpus), filters=analysis.filters.as_dict(),
        summary={"relations": len(analysis.relations), "by_kind": analysis.counts(),
                 "filtered_out": len(analysis.all_relations) - len(analysis.relations),
                 **({"undecided": undecided_record(analysis)} if analysis.undecided else {})},
        relations=Stream(relations) if streamed else list(relations),
    )
    if analysis.suggested:
        suggestions = (suggestion_record(s) for s in analysis.suggestions)
        doc["suggestions"] = Stream(suggestions) if streamed else list(suggestions)
    return doc


def json_chunks(analysis: Analysis) -> Iterator[str]:
    return stream.json_chunks(document(analysis, streamed=True))


def jsonl_chunks(analysis: Analysis) -> Iterator[str]:
    corpus = analysis.corpus
    items = itertools.chain((records.relation_record(r, corpus) for r in analysis.relations),
                            (suggestion_record(s) for s in analysis.suggestions))
    return stream.jsonl_chunks(items)


def csv_chunks(analysis: Analysis) -> Iterator[str]:
    def rows():
        for r in analysis.relations:
            yield from records.relation_rows(r)
        for s in analysis.suggestions:  # same columns: kind "suggestion", the reason as explanation
            for c in s.claims:
                yield [s.id, "suggestion", "", s.key, "", "", None, s.reason, c.brief, c.id,
                       c.value.display() if c.value else None, str(c.as_of) if c.as_of else None,
                       c.as_of_inferred, c.cites or None, c.quote]

    return stream.csv_chunks(records.RELATION_CSV_COLUMNS, rows())


def plain_chunks(analysis: Analysis) -> Iterator[str]:
    return stream.lines_chunks(_plain_lines(analysis, plain_width()))


def render_json(analysis: Analysis) -> str:
    return "".join(json_chunks(analysis))


def render_jsonl(analysis: Analysis) -> str:
    return "".join(jsonl_chunks(analysis))


def render_csv(analysis: Analysis) -> str:
    return "".join(csv_chunks(analysis))


def chunks(analysis: Analysis, fmt: str, width: Optional[int] = None, color: bool = False,
           view: str = "findings") -> Iterable[str]:
    """The compare report in ``fmt`` as text chunks: streamed for every format but the terminal views."""
    if fmt == "table" or (fmt == "plain" and view == "matrix"):
        return [render(analysis, fmt, width, color, view)]
    return {"plain": plain_chunks, "json": json_chunks, "jsonl": jsonl_chunks, "csv": csv_chunks,
            "markdown": markdown_chunks}[fmt](analysis)


def render(analysis: Analysis, fmt: str, width: Optional[int] = None, color: bool = False,
           view: str = "findings") -> str:
    """The compare report in ``fmt`` (table needs ``width``; every other format ignores it).

    ``view`` (table and plain): findings (the terminal's conflicts-first tables), details
    (a card per relation, with quotes), matrix (keys x briefs). Plain text is the same for
    findings and details.
    """
    if fmt == "table" or (fmt == "plain" and view == "matrix"):
        from briefcmp.render import compare_term

        if view == "matrix":
            return compare_term.render_matrix(analysis, width or grid_width(), color)
        if view == "details":
            return render_table(analysis, width or grid_width(), color)
        return compare_term.render_findings(analysis, width or grid_width(), color)
    if fmt == "plain":
        return render_plain(analysis)
    return {"json": render_json, "jsonl": render_jsonl, "csv": render_csv, "markdown": render_markdown}[fmt](analysis)
