"""The JSON text of a relation record (``records.relation_record``, claims included), written
straight from the model: the hot path of the streamed ``compare --format json`` report.

Building each record as dicts and then walking them with a generic encoder was most of the
report's time (a claim is written once per relation it is in). Here a record's text is put
together from its fields in one expression, in the order, spelling and indentation that
``stream.dumps`` gives the dict (``test_recordtext`` compares the two for every value type):
change ``records`` and this module together. Strings go through the C string encoder; any
number goes through ``stream.dumps``' own rules.
"""

from __future__ import annotations

from json.encoder import encode_basestring as _s  # the C encoder when available
from typing import Optional

from briefcmp.corpus.model import Claim, Corpus, Relation, Value
from briefcmp.corpus.units import is_currency
from briefcmp.render.stream import encode

_INT_REPR = int.__repr__


def _num(x: Optional[float]) -> str:
    """A number as ``records`` gives it (``layout.plain_number``: integral floats as ints), encoded."""
    if x is None:
        return "null"
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**63:
        return _INT_REPR(int(x))
    return encode(x, "")


# Lists of topics and subjects repeat from claim to claim: their text is kept (a bounded number).
_LISTS: dict[tuple[tuple[str, ...], str], str] = {}
_LISTS_MAX = 4096


def _strings(items: tuple[str, ...], nl: str) -> str:
    """A list of strings whose opening bracket sits at the depth ``nl``."""
    if not items:
        return "[]"
    items = tuple(items)  # the memo's key (a no-op for the model's tuples)
    text = _LISTS.get((items, nl))
    if text is None:
        if len(_LISTS) >= _LISTS_MAX:
            _LISTS.clear()
        inner = nl + "  "
        text = _LISTS[(items, nl)] = "[" + inner + ("," + inner).join(map(_s, items)) + nl + "]"
    return text


def value_text(v: Optional[Value], nl: str) -> str:
    """``records.value_record(v)`` encoded at the depth ``nl``."""
    if v is None:
        return "null"
    i = nl + "  "
    head = f'{{{i}"type": {_s(v.type)},{i}"display": {_s(v.display())},{i}'
    if v.type == "quantity":
        unit = v.unit
        return (f'{head}"amount": {_num(v.amount)},{i}"upper": {_num(v.upper)},{i}"scale": {_s(v.scale) if v.scale else "null"},'
                f'{i}"unit": {_s(unit) if unit else "null"},{i}"currency": {_s(unit) if is_currency(unit) else "null"},'
                f'{i}"bound": {_s(v.bound)},{i}"base_amount": {_num(v.base_amount)},'
                f'{i}"base_upper": {_num(v.base_upper)}{nl}}}')
    if v.type == "rank":
        return f'{head}"rank": {_num(v.amount)},{i}"of": {_s(v.unit) if v.unit else "null"}{nl}}}'
    if v.type == "date":
        return f'{head}"date": {_s(str(v.date)) if v.date else "null"}{nl}}}'
    if v.type == "stance":
        return f'{head}"stance": {_s(v.stance)}{nl}}}'
    return f'{head}"category": {_s(v.category)}{nl}}}'


def claim_text(c: Claim, nl: str) -> str:
    """``records.claim_record(c)`` encoded at the depth ``nl``."""
    i = nl + "  "
    return (f'{{{i}"brief": {_s(c.brief)},{i}"claim": {_s(c.id)},{i}"ref": {_s(c.ref)},{i}"kind": {_s(c.kind)},'
            f'{i}"status": {_s(c.status)},{i}"key": {_s(c.key) if c.key else "null"},{i}"topics": {_strings(c.topics, i)},'
            f'{i}"subjects": {_strings(c.subjects, i)},{i}"quote": {_s(c.quote)},{i}"text": {_s(c.text) if c.text else "null"},'
            f'{i}"value": {value_text(c.value, i)},'
            f'{i}"as_of": {_s(str(c.as_of)) if c.as_of else "null"},'
            f'{i}"as_of_inferred": {"true" if c.as_of_inferred else "false"},{i}"cites": {_s(c.cites) if c.cites else "null"},'
            f'{i}"note": {_s(c.note) if c.note else "null"},{i}"path": {_s(c.path)},{i}"line": {_INT_REPR(c.line)}{nl}}}')


def relation_text(r: Relation, corpus: Corpus, nl: str, claims: Optional[list[str]] = None) -> str:
    """``records.relation_record(r, corpus)`` (its claims included) encoded at the depth ``nl``;
    ``claims``: the texts of ``r.claims`` at their depth (``nl`` + 4 spaces), when already made."""
    i = nl + "  "
    keydef = corpus.config.keys.get(r.key)
    ci = i + "  "
    if claims is None:
        claims = [claim_text(c, ci) for c in r.claims]
    listed = ("[" + ci + ("," + ci).join(claims) + i + "]") if claims else "[]"
    return (f'{{{i}"id": {_s(r.id)},{i}"kind": {_s(r.kind)},{i}"severity": {_s(r.severity)},{i}"key": {_s(r.key)},'
            f'{i}"key_label": {_s(keydef.label) if keydef else "null"},{i}"topic": {_s(r.topic) if r.topic else "null"},'
            f'{i}"origins": {_INT_REPR(r.origins)},{i}"reviewed": {"null" if r.reviewed is None else _s(r.reviewed)},'
            f'{i}"explanation": {_s(r.explanation)},{i}"claims": {listed}{nl}}}')
