"""`briefcmp show KEY` / `briefcmp show BRIEF#CLAIM` in every format: quotes in context."""

from __future__ import annotations

from typing import Any, Optional

from briefcmp.corpus import anchor
from briefcmp.analysis.crossref import Detail, as_of_text
from briefcmp.corpus.model import Claim, Corpus, KeyDef
from briefcmp.render import records
from briefcmp.render.sanitize import terminal_safe
from briefcmp.render.compare import claim_line, plain_relation
from briefcmp.render.layout import (
    KIND_STYLE, PLAIN_WIDTH, envelope, md_code, md_escape, render_rich, to_csv, to_json, to_jsonl, wrap,
)

CONTEXT_CHARS = 160


def context(claim: Claim, corpus: Corpus) -> Optional[tuple[str, str, str]]:
    """(before, quote, after) from the normalised source, or None when the quote is not anchored."""
    brief = corpus.brief(claim.brief)
    if brief is None or brief.source_text is None or claim.span is None:
        return None
    before, quote, after = anchor.context(brief.source_text, claim.span, CONTEXT_CHARS)
    # Mark cut context with "..." (three dots): "…" must never appear in piped output.
    # Source text: control and bidi characters are made visible in every format.
    return (terminal_safe(before.replace("\u2026", "...")), terminal_safe(quote),
            terminal_safe(after.replace("\u2026", "...")))


def _header(d: Detail) -> str:
    what = f"claim of {d.claim.brief}" if d.claim else "key"
    parts = [what]
    if d.claim and d.key:
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


def render_plain(d: Detail, corpus: Corpus, width: int = PLAIN_WIDTH) -> str:
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
    from rich.padding import Padding
    from rich.text import Text as RichText

    def Text(text: str = "", style: str = "") -> Any:  # noqa: N802  (every string shown is made terminal-safe)
        return RichText(terminal_safe(text), style=style)

    items: list = [Text(_header(d), style="bold")]
    if d.key:
        key_lines = _key_lines(d.key, d.keydef)
        items += [Text(""), Text(key_lines[0], style="bold")]
        items += [Padding(Text(line), (0, 0, 0, 2)) for line in key_lines[1:]]
    items += [Text(""), Text("Claims" if len(d.claims) != 1 else "Claim", style="bold underline")]
    for c in d.claims:
        line = claim_line(c)
        items += [Text(""), RichText.assemble((terminal_safe(c.ref), "bold"), terminal_safe(line[len(c.ref):]))]
        items += [Padding(Text(f, style="dim"), (0, 0, 0, 2)) for f in _claim_facts(c, corpus)]
        ctx = context(c, corpus)
        quote = Text()
        if ctx is None:
            quote.append(f'"{terminal_safe(c.quote)}"', style="italic")
            quote.append("  (not found in the source; run briefcmp check)", style="yellow")
        else:
            quote.append(ctx[0])
            quote.append(ctx[1], style="bold underline")
            quote.append(ctx[2])
        items.append(Padding(quote, (0, 0, 0, 4)))
    items += [Text(""), Text("Relations" + (": none" if not d.relations else ""), style="bold underline")]
    for r in d.relations:
        head = RichText.assemble((r.kind.upper(), KIND_STYLE.get(r.kind, "")), f" ({r.severity})  ", (r.id, "dim"))
        if r.reviewed:
            head.append(f"  reviewed: {r.reviewed}", style="dim")
        items += [Text(""), head, Padding(Text(r.explanation), (0, 0, 0, 2))]
        items += [Padding(Text(claim_line(c)), (0, 0, 0, 4)) for c in r.claims]
    return render_rich(items, width, color)


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

