"""`briefcmp compare --format html`: one self-contained HTML file from one ``Analysis``.

The page holds the summary, the conflicts table (one column per brief: the value each
brief gives, with its as-of), the coverage matrix as a heat map, every relation (a
``<details>`` that opens to its claims and quotes), the keys, and every claim with an anchor
``#BRIEF/CLAIM`` and a link to its key (``#key:KEY``). Filters by topic, brief and kind run
in the page (a small inline script; the page works without it, unfiltered); they are kept in
the address (``report.html?kind=contradiction``), so a filtered view can be shared.

Self-contained and inert:
- no external resource of any kind; a Content-Security-Policy allows only the page's own
  style and script (by hash), so no network request and no injected script can run;
- Jinja2 with autoescape on for every value, and every printed value is passed through
  ``visible`` first: control, bidi-override and other invisible format characters become
  visible placeholders, so text from a brief can neither inject markup nor disguise itself;
- links to a brief's URL only for http(s) addresses.

Colours come from ``PALETTE`` (a test checks every pair meets WCAG AA); every colour has a
word next to it (kind names, "reviewed", "conflict", counts), so nothing depends on colour.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from pathlib import Path
from typing import Any, Iterable, Optional

from briefcmp import __version__
from briefcmp.analysis.crossref import CONFLICT_KINDS, Analysis, as_of_text
from briefcmp.corpus.model import RELATION_KINDS, Claim, Corpus, Relation
from briefcmp.render.compare import count_text, summary, topic_heading
from briefcmp.render.undecided import undecided_text

TEMPLATES = Path(__file__).parent / "templates"

# (foreground, background) pairs used by the stylesheet; tests/test_html.py checks each
# meets WCAG 2.1 AA for normal text (contrast ratio >= 4.5).
PALETTE: dict[str, tuple[str, str]] = {
    "page": ("#1b1b1b", "#ffffff"),
    "muted": ("#545454", "#ffffff"),
    "link": ("#0a4fbf", "#ffffff"),
    "link-panel": ("#0a4fbf", "#f3f4f6"),
    "panel": ("#1b1b1b", "#f3f4f6"),
    "panel-muted": ("#4a4a4a", "#f3f4f6"),
    "kind-contradiction": ("#ffffff", "#a3001b"),
    "kind-disagreement": ("#ffffff", "#6a1b9a"),
    "kind-annotation-problem": ("#1b1b1b", "#ffd27a"),
    "kind-forecast-vs-fact": ("#ffffff", "#1f4e99"),
    "kind-change-over-time": ("#ffffff", "#00695c"),
    "kind-agreement": ("#ffffff", "#1b5e20"),
    "reviewed": ("#ffffff", "#5c5c5c"),
    "heat-0": ("#545454", "#f3f4f6"),
    "heat-1": ("#1b1b1b", "#e1ecf8"),
    "heat-2": ("#1b1b1b", "#b3d0ee"),
    "heat-3": ("#ffffff", "#2f6db0"),
    "heat-4": ("#ffffff", "#123f73"),
    "conflict-mark": ("#a3001b", "#ffffff"),
}
HEAT_LEVELS = 4  # shades for covered cells; "heat-0" is "not covered"

_KIND_WORD = {k: k.replace("-", " ") for k in RELATION_KINDS}

# Characters that must never reach the page as they are: C0/C1 controls (tab and line
# breaks aside), bidi embeddings/overrides/isolates, line/paragraph separators, zero-width
# format characters, the BOM, and lone surrogates (which could not even be encoded).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                        "\u2028\u2029\u2060-\u2069\ufeff\ud800-\udfff]")


def _placeholder(m: re.Match) -> str:
    ch = m.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: NUL -> ␀, ESC -> ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"\u27e8U+{code:04X}\u27e9"  # ⟨U+202E⟩


def visible(text: str) -> str:
    """Text with every control or invisible format character shown as a visible placeholder."""
    return _INVISIBLE.sub(_placeholder, text)


def _finalize(value: Any) -> Any:
    """Jinja2 finalize: every ``{{ ... }}`` passes here before autoescape."""
    if value is None:
        return ""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return visible(value)
    return value


def _safe_url(url: str) -> Optional[str]:
    u = (url or "").strip()
    return u if re.match(r"(?i)^https?://[^\s]+$", u) else None


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _stylesheet() -> str:
    colours = "\n".join(f"  --{name}-fg: {fg};\n  --{name}-bg: {bg};" for name, (fg, bg) in PALETTE.items())
    return ":root {\n" + colours + "\n}\n" + (TEMPLATES / "report.css").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the page's data


class _Topics:
    """Topic ids with their ancestors (a filter on a topic includes its child topics)."""

    def __init__(self, corpus: Corpus):
        self.config = corpus.config
        self.cache: dict[str, list[str]] = {}

    def closure(self, topics: Iterable[str]) -> str:
        out: dict[str, None] = {}
        for t in topics:
            if t not in self.cache:
                self.cache[t] = self.config.topic_ancestors(t)
            out.update(dict.fromkeys(self.cache[t]))
        return " ".join(out)


def claim_anchor(c: Claim) -> str:
    """The page anchor of a claim: ``BRIEF/CLAIM``."""
    return f"{c.brief}/{c.id}"


def _claim_view(c: Claim) -> dict[str, Any]:
    return {
        "anchor": claim_anchor(c), "ref": c.ref, "brief": c.brief, "id": c.id, "kind": c.kind,
        "status": c.status, "key": c.key, "value": c.value.display() if c.value else "",
        "as_of": as_of_text(c) if c.as_of is not None else "", "inferred": c.as_of_inferred,
        "quote": c.quote, "text": c.text, "note": c.note, "cites": c.cites,
        "topics": list(c.topics), "subjects": list(c.subjects), "where": f"{c.path}:{c.line}" if c.path else "",
    }


def _relation_view(r: Relation, corpus: Corpus, topics: _Topics) -> dict[str, Any]:
    keydef = corpus.config.keys.get(r.key)
    return {
        "id": r.id, "anchor": f"relation:{r.id}", "kind": r.kind, "kind_word": _KIND_WORD.get(r.kind, r.kind),
        "severity": r.severity, "key": r.key, "question": keydef.label if keydef else "",
        "explanation": r.explanation, "reviewed": r.reviewed or "", "origins": r.origins,
        "topics": topics.closure([*(t for c in r.claims for t in c.topics), *(keydef.topics if keydef else ())]),
        "briefs": " ".join(dict.fromkeys(c.brief for c in r.claims)),
        "claims": [_claim_view(c) for c in r.claims],
    }


def _conflicts(analysis: Analysis, corpus: Corpus, topics: _Topics) -> dict[str, Any]:
    """Rows: contradictions and disagreements, unreviewed first; columns: the briefs they involve."""
    rels = [r for r in analysis.relations if r.kind in CONFLICT_KINDS]
    rels.sort(key=lambda r: bool(r.reviewed))  # stable: report order within each group
    involved = {c.brief for r in rels for c in r.claims}
    briefs = [b.id for b in corpus.briefs if b.id in involved]
    rows = []
    for r in rels:
        row = _relation_view(r, corpus, topics)
        row["cells"] = [[_claim_view(c) for c in r.claims if c.brief == b] for b in briefs]
        rows.append(row)
    return {"briefs": briefs, "rows": rows}


def _heat_bounds(most: int) -> list[int]:
    """Lower bounds of the shades 1..HEAT_LEVELS on a log scale up to ``most`` claims."""
    bounds = [1]
    for level in range(2, HEAT_LEVELS + 1):
        b = max(bounds[-1] + 1, math.ceil(math.exp(math.log1p(most) * (level - 1) / HEAT_LEVELS)))
        bounds.append(b)
    return bounds


def _coverage(analysis: Analysis, corpus: Corpus, topics: _Topics) -> Optional[dict[str, Any]]:
    cov = analysis.coverage
    if cov is None:
        from briefcmp.analysis.coverage import compute_coverage

        cov = compute_coverage(corpus, analysis.all_relations, analysis.filters.topics, analysis.filters.briefs)
    most = max((c.claims for c in cov.cells.values()), default=0)
    bounds = _heat_bounds(most) if most else [1]

    def level(n: int) -> int:
        return 0 if not n else sum(1 for b in bounds if n >= b)

    rows = []
    for t in cov.topics:
        td = corpus.config.topics.get(t)
        rows.append({"topic": t, "label": td.label if td and td.label != t else "",
                     "depth": min(cov.depth.get(t, 0), 3), "topics": topics.closure([t]),
                     "cells": [{"brief": c.brief, "claims": c.claims, "figures": c.figures,
                                "conflicts": c.conflicts, "level": level(c.claims), "state": c.state}
                               for c in cov.row(t)]})
    legend = []
    for i, lo in enumerate(bounds):
        hi = bounds[i + 1] - 1 if i + 1 < len(bounds) else most
        if lo <= hi:
            legend.append({"level": i + 1, "text": f"{lo}" if lo == hi else f"{lo}–{hi}"})
    return {"briefs": list(cov.briefs), "rows": rows, "legend": legend,
            "gaps": [{"topic": g.topic, "brief": g.brief, "claims": g.claims} for g in cov.gaps],
            "uncovered": list(cov.uncovered)}


def page_data(analysis: Analysis) -> dict[str, Any]:
    """Everything the template shows, as plain values (no markup)."""
    corpus = analysis.corpus
    config = corpus.config
    topics = _Topics(corpus)
    claims = [c for c in corpus.claims() if analysis.filters.accepts([c], config)]
    kinds_of: dict[str, dict[str, None]] = {}  # claim ref -> kinds of the relations it is in
    relations_of: dict[str, list[Relation]] = {}
    for r in analysis.relations:
        for c in r.claims:
            kinds_of.setdefault(c.ref, {})[r.kind] = None
            relations_of.setdefault(c.ref, []).append(r)

    def claim_item(c: Claim) -> dict[str, Any]:
        item = _claim_view(c)
        item["filter_topics"] = topics.closure(c.topics)
        item["kinds"] = " ".join(kinds_of.get(c.ref, ()))
        item["relations"] = [{"anchor": f"relation:{r.id}", "kind": r.kind,
                              "kind_word": _KIND_WORD.get(r.kind, r.kind), "id": r.id}
                             for r in relations_of.get(c.ref, ())]
        return item

    by_brief: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_brief.setdefault(c.brief, []).append(claim_item(c))
    brief_views = []
    for b in corpus.briefs:
        in_conflict = {c.ref for r in analysis.relations if r.kind in CONFLICT_KINDS for c in r.claims if c.brief == b.id}
        brief_views.append({
            "id": b.id, "title": b.title, "publisher": b.publisher, "authors": ", ".join(b.authors),
            "published": str(b.published) if b.published else "", "url": _safe_url(b.url), "url_text": b.url,
            "claims": len(b.claims), "keyed": sum(1 for c in b.claims if c.key), "in_conflict": len(in_conflict),
            "listed": by_brief.get(b.id, []),
        })

    keyed: dict[str, list[Claim]] = {}
    for c in claims:
        if c.key:
            keyed.setdefault(c.key, []).append(c)
    key_relations: dict[str, list[Relation]] = {}
    for r in analysis.relations:
        key_relations.setdefault(r.key, []).append(r)
    keys = []
    for k in sorted(keyed):
        kd = config.keys.get(k)
        keys.append({
            "id": k, "anchor": f"key:{k}", "label": kd.label if kd else "", "type": kd.type if kd else "",
            "unit": kd.unit if kd else "", "tolerance": str(kd.tolerance) if kd else "",
            "description": kd.description if kd else "",
            "topics": topics.closure([*(t for c in keyed[k] for t in c.topics), *(kd.topics if kd else ())]),
            "briefs": " ".join(dict.fromkeys(c.brief for c in keyed[k])),
            "kinds": " ".join(dict.fromkeys(r.kind for r in key_relations.get(k, ()))),
            "claims": [_claim_view(c) for c in keyed[k]],
            "relations": [{"anchor": f"relation:{r.id}", "kind": r.kind, "kind_word": _KIND_WORD.get(r.kind, r.kind),
                           "explanation": r.explanation} for r in key_relations.get(k, ())],
        })

    topic_options = []
    order = list(dict.fromkeys([*config.topics, *sorted({t for c in corpus.claims() for t in c.topics})]))
    for t in order:
        td = config.topics.get(t)
        depth = len(config.topic_ancestors(t)) - 1
        topic_options.append({"id": t, "text": "\u00a0\u00a0" * depth + (f"{td.label} ({t})" if td and td.label != t else t)})

    counts = analysis.counts()
    active = {k: v for k, v in analysis.filters.as_dict().items() if v}
    return {
        "title": config.title or "briefcmp report",
        "version": __version__,
        "summary": summary(analysis),
        "undecided": undecided_text(analysis),
        "counts": [{"kind": k, "text": count_text(k, n)} for k, n in counts.items()],
        "command_filters": "; ".join(f"{k}: {', '.join(v)}" for k, v in active.items()),
        "n_claims": sum(len(b.claims) for b in corpus.briefs),
        "briefs": brief_views,
        "conflicts": _conflicts(analysis, corpus, topics),
        "coverage": _coverage(analysis, corpus, topics),
        "groups": [{"topic": t, "anchor": f"topic:{t or '-'}", "heading": topic_heading(t, corpus),
                    "relations": [_relation_view(r, corpus, topics) for r in rels]}
                   for t, rels in analysis.by_topic()],
        "n_relations": len(analysis.relations),
        "keys": keys,
        "n_listed_claims": len(claims),
        "topic_options": topic_options,
        "kind_options": [{"id": k, "text": _KIND_WORD[k]} for k in RELATION_KINDS if k in counts],
        "suggested": analysis.suggested,
        "suggestions": [{"id": sg.id, "key": sg.key, "reason": sg.reason, "score": f"{sg.score:.0%}",
                         "topics": topics.closure(t for c in sg.claims for t in c.topics),
                         "briefs": " ".join(dict.fromkeys(c.brief for c in sg.claims)),
                         "claims": [_claim_view(c) for c in sg.claims]} for sg in analysis.suggestions],
    }


def render_html(analysis: Analysis) -> str:
    """The report as one HTML document (UTF-8 text)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, finalize=_finalize,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["frag"] = lambda s: _fragment(visible(str(s)))
    from markupsafe import Markup

    css = _stylesheet()
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return env.get_template("report.html.j2").render(
        css=Markup(css), js=Markup(js), csp=csp, **page_data(analysis))


def _fragment(s: str) -> str:
    """A URL fragment naming an element id (percent-encoded where a fragment needs it)."""
    from urllib.parse import quote

    return quote(s, safe="/:-._~!$&'()*+,;=@")
