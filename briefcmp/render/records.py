"""Plain data (dicts and rows) for the JSON, JSON Lines and CSV reports.

These dicts are the published contract (``briefcmp/schemas/report.schema.json``):
change a field only together with the schema and ``layout.REPORT_VERSION``.
"""

from __future__ import annotations

from typing import Any, Optional

from briefcmp.corpus import units
from briefcmp.corpus.model import Brief, Claim, Corpus, Relation, Value
from briefcmp.render.layout import plain_number


def value_record(v: Optional[Value]) -> Optional[dict[str, Any]]:
    """A typed value with its display form and, for quantities, its normalised amounts."""
    if v is None:
        return None
    out: dict[str, Any] = {"type": v.type, "display": v.display()}
    if v.type == "quantity":
        out.update({
            "amount": plain_number(v.amount), "upper": plain_number(v.upper), "scale": v.scale or None,
            "unit": v.unit or None, "currency": v.unit if units.is_currency(v.unit) else None,
            "bound": v.bound, "base_amount": plain_number(v.base_amount),
            "base_upper": plain_number(v.base_upper),
        })
    elif v.type == "rank":
        out.update({"rank": plain_number(v.amount), "of": v.unit or None})
    elif v.type == "date":
        out["date"] = str(v.date) if v.date else None
    elif v.type == "stance":
        out["stance"] = v.stance
    else:
        out["category"] = v.category
    return out


def claim_record(c: Claim) -> dict[str, Any]:
    """One claim as reported inside relations and by `claims` / `show`."""
    return {
        "brief": c.brief, "claim": c.id, "ref": c.ref, "kind": c.kind, "status": c.status,
        "key": c.key or None, "topics": list(c.topics), "subjects": list(c.subjects),
        "quote": c.quote, "text": c.text or None, "value": value_record(c.value),
        "as_of": str(c.as_of) if c.as_of else None, "as_of_inferred": c.as_of_inferred,
        "cites": c.cites or None, "note": c.note or None, "path": c.path, "line": c.line,
    }


def relation_record(r: Relation, corpus: Corpus, claims: bool = True) -> dict[str, Any]:
    """One relation; ``claims`` False leaves its "claims" for the caller to fill in (it comes last)."""
    keydef = corpus.config.keys.get(r.key)
    return {
        "id": r.id, "kind": r.kind, "severity": r.severity, "key": r.key,
        "key_label": keydef.label if keydef else None, "topic": r.topic or None, "origins": r.origins,
        "reviewed": r.reviewed, "explanation": r.explanation,
        "claims": [claim_record(c) for c in r.claims] if claims else [],
    }


def corpus_record(corpus: Corpus) -> dict[str, Any]:
    return {"title": corpus.config.title or None, "briefs": len(corpus.briefs),
            "claims": sum(len(b.claims) for b in corpus.briefs),
            **({"path": corpus.discovered} if corpus.discovered else {})}


# Flat rows for CSV: one header, scalar cells.

CLAIM_COLUMNS = (
    "brief", "claim", "kind", "status", "key", "topics", "subjects", "value", "type", "amount", "upper",
    "unit", "currency", "bound", "as_of", "as_of_inferred", "cites", "text", "quote",
)


def claim_row(c: Claim) -> dict[str, Any]:
    """The `claims` row: the value normalised (amount and upper in base units, scale applied)."""
    v = c.value
    quantity = v is not None and v.type == "quantity"
    return {
        "brief": c.brief, "claim": c.id, "kind": c.kind, "status": c.status, "key": c.key or None,
        "topics": list(c.topics), "subjects": list(c.subjects),
        "value": v.display() if v else None, "type": v.type if v else None,
        "amount": plain_number(v.base_amount if quantity else (v.amount if v and v.type == "rank" else None)),
        "upper": plain_number(v.base_upper) if quantity else None,
        "unit": (v.unit or None) if quantity else None,
        "currency": v.unit if quantity and units.is_currency(v.unit) else None,
        "bound": v.bound if quantity else None,
        "as_of": str(c.as_of) if c.as_of else None, "as_of_inferred": c.as_of_inferred,
        "cites": c.cites or None, "text": c.text or None, "quote": c.quote,
    }


RELATION_CSV_COLUMNS = (
    "id", "kind", "severity", "key", "topic", "origins", "reviewed", "explanation",
    "brief", "claim", "value", "as_of", "as_of_inferred", "cites", "quote",
)


def relation_rows(r: Relation) -> list[list[Any]]:
    """One CSV row per claim of a relation (relation columns repeated)."""
    return [[r.id, r.kind, r.severity, r.key, r.topic, r.origins, r.reviewed, r.explanation,
             c.brief, c.id, c.value.display() if c.value else None, str(c.as_of) if c.as_of else None,
             c.as_of_inferred, c.cites or None, c.quote] for c in r.claims]


BRIEF_COLUMNS = ("id", "title", "publisher", "authors", "published", "language", "url", "source",
                 "claims", "keyed", "figures", "topics")


def brief_record(b: Brief) -> dict[str, Any]:
    topics = sorted({t for c in b.claims for t in c.topics})
    return {
        "id": b.id, "title": b.title, "publisher": b.publisher or None, "authors": list(b.authors),
        "published": str(b.published) if b.published else None, "language": b.language or None,
        "url": b.url or None, "source": b.source, "claims": len(b.claims),
        "keyed": sum(1 for c in b.claims if c.key),
        "figures": sum(1 for c in b.claims if c.value is not None and c.value.type in ("quantity", "rank")),
        "topics": topics,
    }
