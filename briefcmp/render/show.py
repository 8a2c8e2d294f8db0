"""`briefcmp show KEY` / `briefcmp show BRIEF#CLAIM` in every format: quotes in context."""

from __future__ import annotations

from typing import Optional

from briefcmp.corpus import anchor
from briefcmp.analysis.crossref import Detail, as_of_text
from briefcmp.corpus.model import Claim, Corpus, KeyDef
from briefcmp.render import records
from briefcmp.render.sanitize import terminal_safe
from briefcmp.render.compare import claim_line, plain_relation
from briefcmp.render.layout import PLAIN_WIDTH, envelope, plain_width, md_code, md_escape, to_csv, to_json, to_jsonl, wrap

CONTEXT_CHARS = 160


def context(claim: Claim, corpus: Corpus) -> Optional[tuple[str, str, str]]:
    """(before, quote, after) from the normalised source, or None when the quote is not anchored."""
    from briefcmp.corpus.load import source_text

    brief = corpus.brief(claim.brief)
    if brief is None or claim.span is None:
        return None
    text = source_text(brief)
    if text is None:
        return None
    before, quote, after = anchor.context(text, claim.span, CONTEXT_CHARS)
    # Mark cut context with "..." (three dots): "…" must never appear in piped output.
    # Source text: control and bidi characters are made visible in every format.
    return (terminal_safe(before.replace("\u2026", "...")), terminal_safe(quote),
            terminal_safe(after.replace("\u2026", "...")))


def _header(d: Detail) -> str:
    what = f"claim of {d.claim.brief}" if d.claim else f"relation ({d.relation.kind})" if d.relation else "key"
    parts = [what]
    if (d.claim or d.relation) and d.key:
        parts.append(f"key {d.key}")
    if not d.claim:
        parts.append(f"{len(d.claims)} claim{'s' * (len(d.claims) != 1)}")
    parts.append(f"{len(d.relations)} relation{'s' * (len(d.relations) != 1)}")
    return f"briefcmp show {d.target}: " + ", ".join(parts)


def _key_lines(key: str, k: Optional[KeyDef]) -> list[str]:
    if k is None:
        return [f"Key {key} (not registered in briefcmp.yaml)"]
    facts = [f"type {k.type}"]
    if k.unit:
        facts.append(f"unit {k.unit}")
    if k.type not in ("category", "stance"):
        t = k.tolerance
        facts.append(f"tolerance {t}" if t.relative or t.absolute else "no tolerance")
    if k.values:
        facts.append("values " + ", ".join(k.values))
    if k.topics:
        facts.append("topics " + ", ".join(k.topics))
    if k.subjects:
        facts.append("subjects " + ", ".join(k.subjects))
    if k.terms:  # its words in other languages (issue 23)
        facts.append("terms " + "; ".join(f"{lang}: {', '.join(words)}" for lang, words in k.terms))
    out = [f"Key {key}: {k.label}", "; ".join(facts)]
    if k.description:
        out.append(k.description)
    return out


def _claim_facts(c: Claim, corpus: Corpus) -> list[str]:
    brief = corpus.brief(c.brief)
    facts = []
    if brief is not None:
        meta = ", ".join(x for x in (brief.publisher, str(brief.published or "")) if x)
        facts.append(f"brief: {brief.title}" + (f" ({meta})" if meta else ""))
    facts.append(f"at: {c.path}:{c.line}")
    facts.append(f"kind: {c.kind}" + (", draft" if c.status == "draft" else ""))
    if c.key:
        facts.append(f"key: {c.key}")
    if c.topics or c.subjects:
        facts.append(f"topics: {', '.join(c.topics) or '-'}; subjects: {', '.join(c.subjects) or '-'}")
    if c.as_of is not None:
        facts.append(f"as of: {as_of_text(c)}")
    if c.cites:
        facts.append(f"cites: {c.cites}")
    if c.text:
        facts.append(f"text: {c.text}")
    if c.note:
        facts.append(f"note: {c.note}")
    return facts


# --------------------------------------------------------------------------- plain


def render_plain(d: Detail, corpus: Corpus, width: Optional[int] = None) -> str:
    width = width or plain_width()
    out = wrap(_header(d), width, "", "  ")
    if d.key:
        out.append("")
        key_lines = _key_lines(d.key, d.keydef)
        out += wrap(key_lines[0], width, "", "  ")
        for line in key_lines[1:]:
            out += wrap(line, width, "  ", "  ")
    out += ["", "Claims" if len(d.claims) != 1 else "Claim"]
    for c in d.claims:
        out.append("")
        out += wrap(claim_line(c), width, "", "  ")
        for fact in _claim_facts(c, corpus):
            out += wrap(fact, width, "  ", "    ")
        ctx = context(c, corpus)
        if ctx is None:
            out += wrap(f'quote (not found in the source; run briefcmp check): "{c.quote}"', width, "  ", "    ")
        else:
            out.append("  in context:")
            out += wrap(f"{ctx[0]}>>{ctx[1]}<<{ctx[2]}".strip(), width, "    ", "    ")
    out += ["", "Relations" + (": none" if not d.relations else "")]
    for r in d.relations:
        out.append("")
        out += plain_relation(r, corpus, width)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- table (rich)


def render_table(d: Detail, corpus: Corpus, width: int, color: bool) -> str:
    """The terminal view: lines wrapped at words (ids and paths never broken), source text
    made safe (terminal_safe), the quote marked in its context."""
    from briefcmp.render.compare_term import relation_style, verdict_cell
    from briefcmp.render.terminal import Line, paint, text_lines

    out: list[Line] = text_lines(_header(d), width, "bold")
    if d.key:
        key_lines = _key_lines(d.key, d.keydef)
        out += [[]] + text_lines(key_lines[0], width, "bold")
        for line in key_lines[1:]:
            out += text_lines(line, width, "", "  ")
    out += [[]] + text_lines("Claims" if len(d.claims) != 1 else "Claim", width, "bold underline")
    for c in d.claims:
        line = claim_line(c)
        first = text_lines(line, width, "", "", "  ")
        if first and first[0][0][0].startswith(c.ref):  # the ref in bold
            text = first[0][0][0]
            first[0] = [(c.ref, "bold"), (text[len(c.ref):], "")]
        out += [[]] + first
        for f in _claim_facts(c, corpus):
            out += text_lines(f, width, "dim", "  ", "    ")
        ctx = context(c, corpus)
        if ctx is None:
            out += text_lines(f'"{c.quote}"', width, "italic", "    ")
            out += text_lines("(quote not found in the source; run briefcmp check)", width, "yellow", "    ")
        else:  # labelled, as in plain text: without it the context reads as part of the note
            out += text_lines("in context:", width, "dim", "  ")
            out += _marked(ctx, width, "    ")
    out += [[]] + text_lines("Relations" + (": none" if not d.relations else ""), width, "bold underline")
    for r in d.relations:
        head = verdict_cell(r)
        out += [[]] + text_lines(head.text + (f"; reviewed: {r.reviewed}" if r.reviewed else ""), width,
                                 relation_style(r))
        out += text_lines(f"id: {r.id}", width, "dim", "  ")
        out += text_lines(r.explanation, width, "", "  ")
        for c in r.claims:
            out += text_lines(claim_line(c), width, "", "    ", "      ")
    return paint(out, color)


def _marked(ctx: tuple[str, str, str], width: int, indent: str):
    """The quote in its context, wrapped at words, the quote's words in bold underline."""
    from briefcmp.render.sanitize import terminal_safe
    from briefcmp.render.terminal import wrap_words

    before, quote, after = (terminal_safe(" ".join(x.split())) for x in ctx)
    marked = quote.split() or [""]
    marked[0], marked[-1] = ">>" + marked[0], marked[-1] + "<<"  # marked without colour too, as in plain text
    before_words, after_words = before.split(), after.split()
    # No space is made where the source has none ("systems<<.[11]", as plain text shows it).
    if before_words and ctx[0] and not ctx[0][-1].isspace():
        marked[0] = before_words.pop() + marked[0]
    if after_words and ctx[2] and not ctx[2][0].isspace():
        marked[-1] += after_words.pop(0)
    words = [(w, "") for w in before_words] + [(w, "bold underline") for w in marked] + \
        [(w, "") for w in after_words]
    text = " ".join(w for w, _ in words)
    lines = wrap_words(text, width - len(indent), may_cut=False)
    out, k = [], 0
    for line in lines:
        segs = [(indent, "")]
        for n, w in enumerate(line.split(" ")):
            style = words[k][1] if k < len(words) else ""
            sep_style = style if n and style and words[k - 1][1] == style else ""
            if n:
                segs.append((" ", sep_style))
            segs.append((w, style))
            k += 1
        out.append(segs)
    return out


# --------------------------------------------------------------------------- markdown


def render_markdown(d: Detail, corpus: Corpus) -> str:
    out = [f"# briefcmp show {md_code(d.target)}", "", md_escape(_header(d)), ""]
    if d.key:
        key_lines = _key_lines(d.key, d.keydef)
        out += [f"## {md_escape(key_lines[0])}", ""] + [f"- {md_escape(line)}" for line in key_lines[1:]] + [""]
    out += ["## Claims", ""]
    for c in d.claims:
        out += [f"### {md_code(c.ref)}", "", md_escape(claim_line(c)[len(c.ref) + 2:]), ""]
        out += [f"- {md_escape(f)}" for f in _claim_facts(c, corpus)] + [""]
        ctx = context(c, corpus)
        if ctx is None:
            out += [f"> {md_escape(c.quote)}", "", "_(quote not found in the source)_", ""]
        else:
            before = md_escape(ctx[0]) + (" " if ctx[0][-1:].isspace() else "")
            after = (" " if ctx[2][:1].isspace() else "") + md_escape(ctx[2])
            out += [f"> {before}**{md_escape(ctx[1])}**{after}".rstrip(), ""]
    out += ["## Relations", ""]
    if not d.relations:
        out += ["None.", ""]
    for r in d.relations:
        status = f", reviewed: {md_escape(r.reviewed)}" if r.reviewed else ""
        out += [f"- **{md_escape(r.kind)}** ({md_escape(r.severity)}{status}) {md_code(r.id)}: "
                f"{md_escape(r.explanation)}"]
    return "\n".join(out).rstrip("\n") + "\n"


# --------------------------------------------------------------------------- json, jsonl, csv


def _claim_with_context(c: Claim, corpus: Corpus) -> dict:
    rec = records.claim_record(c)
    ctx = context(c, corpus)
    rec["context"] = {"before": ctx[0], "quote": ctx[1], "after": ctx[2]} if ctx else None
    return rec


def document(d: Detail, corpus: Corpus) -> dict:
    k = d.keydef
    key = None
    if d.key:
        key = {"id": d.key, "registered": k is not None, "label": k.label if k else None,
               "type": k.type if k else None, "unit": (k.unit or None) if k else None,
               "tolerance": {"relative": k.tolerance.relative, "absolute": k.tolerance.absolute} if k else None,
               "description": (k.description or None) if k else None, "topics": list(k.topics) if k else [],
               "subjects": list(k.subjects) if k else [], "values": list(k.values) if k else []}
    return envelope("show", target=d.target, key=key,
                    claims=[_claim_with_context(c, corpus) for c in d.claims],
                    relations=[records.relation_record(r, corpus) for r in d.relations])


_CSV = ("brief", "claim", "key", "value", "as_of", "as_of_inferred", "before", "quote", "after", "relations")


def render(d: Detail, corpus: Corpus, fmt: str, width: Optional[int] = None, color: bool = False) -> str:
    if fmt == "table":
        return render_table(d, corpus, width or PLAIN_WIDTH, color)
    if fmt == "plain":
        return render_plain(d, corpus)
    if fmt == "markdown":
        return render_markdown(d, corpus)
    if fmt == "json":
        return to_json(document(d, corpus))
    claims = [_claim_with_context(c, corpus) for c in d.claims]
    if fmt == "jsonl":  # one claim per line, with its context and the ids of its relations
        for rec, c in zip(claims, d.claims):
            rec["relations"] = [r.id for r in d.relations if any(x is c for x in r.claims)]
        return to_jsonl(claims)
    rows = []
    for rec, c in zip(claims, d.claims):
        ctx = rec["context"] or {}
        rel_ids = [r.id for r in d.relations if any(x is c for x in r.claims)]
        rows.append([c.brief, c.id, c.key or None, c.value.display() if c.value else None,
                     str(c.as_of) if c.as_of else None, c.as_of_inferred, ctx.get("before"), c.quote,
                     ctx.get("after"), rel_ids])
    return to_csv(_CSV, rows)

