"""How the cache stores loaded briefs: model objects flattened to marshal-able tuples (strings
interned, shared tuples reused) and rebuilt without running the loader again."""

from __future__ import annotations

import dataclasses
import marshal
import operator
import sys
from typing import Any, Callable, Optional

from briefcmp.corpus.model import (
    Brief, Claim, Config, Entity, KeyDef, Original, PartialDate, Period, Tolerance, Topic, Value,
)
from briefcmp.corpus.problems import Problem, Severity

FORMAT = 2  # bump when the entry layout changes



# --------------------------------------------------------------------------- encoding
#
# A dataclass instance is stored as the tuple of its field values in field order;
# nested model objects (Value, Period, PartialDate) as tuples inside it. The field
# names of every class are part of the cache key, so a changed model never reads
# entries written by the old one.

_NESTED = {"PartialDate": PartialDate, "Period": Period, "Value": Value, "Tolerance": Tolerance, "Original": Original}


def _plan(cls: type) -> tuple[tuple[str, ...], tuple[tuple[int, type], ...]]:
    """(field names, [(index, nested class)]) for a model dataclass."""
    names, nested = [], []
    for i, f in enumerate(dataclasses.fields(cls)):
        names.append(f.name)
        ann = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        for cname, ncls in _NESTED.items():
            if cname in ann and f.name != "claims":
                nested.append((i, ncls))
    return tuple(names), tuple(nested)


_PLANS = {cls: _plan(cls) for cls in (PartialDate, Period, Value, Claim, Brief, Problem, Tolerance, Topic,
                                      Entity, KeyDef, Config, Original)}
_BY_NAME = {cls.__name__: cls for cls in _PLANS}
_CLAIMS_AT = _PLANS[Brief][0].index("claims")
MODEL_SIGNATURE = repr(sorted((cls.__name__, plan) for cls, plan in
                              ((c, (p[0], tuple((i, n.__name__) for i, n in p[1]))) for c, p in _PLANS.items())))


class Unstorable(Exception):
    """A value that is not plain data: this file is loaded but not cached."""


_GETTERS = {cls: operator.attrgetter(*plan[0]) for cls, plan in _PLANS.items()}


def _encode(obj: Any) -> Any:
    """Field values in order; nested model objects as tuples. Anything else that is not plain
    data is caught by marshal.dumps (it refuses every type but the built-in plain ones)."""
    cls = type(obj)
    if obj is None or cls is str:
        return obj
    plan = _PLANS.get(cls)
    if plan is None:
        raise Unstorable(cls.__name__)
    t = _GETTERS[cls](obj)
    if not plan[1]:
        return t
    out = list(t)
    for i, _ in plan[1]:
        out[i] = _encode(out[i])
    return tuple(out)


_CLAIM_NAMES = _PLANS[Claim][0]
_CLAIM_NESTED = tuple(i for i, _ in _PLANS[Claim][1])
_SHARED_TUPLES_AT = tuple(_CLAIM_NAMES.index(n) for n in ("topics", "subjects", "acknowledges"))
_KEY_AT = _CLAIM_NAMES.index("key")
_TEXTS_AT = tuple(_CLAIM_NAMES.index(n) for n in ("quote", "text", "prefix", "suffix"))


def compact(brief: Brief, tuples: dict) -> None:
    """Share the strings and tuples that repeat across claims and briefs (kinds, keys, topic lists...).

    Saves a few hundred bytes a claim in memory; marshal writes interned strings as such,
    so entries read back share them too. A value that is not a string (or a tuple of
    strings) raises TypeError: such a brief is not stored.
    """
    intern = sys.intern
    brief_id, path = intern(brief.id), intern(brief.path)
    for c in brief.claims:
        c.brief = brief_id if c.brief == brief_id else intern(c.brief)
        c.path = path if c.path == path else intern(c.path)
        c.kind = intern(c.kind)
        c.key = intern(c.key)
        c.status = intern(c.status)
        c.cites = intern(c.cites)
        for t in (c.topics, c.subjects, c.acknowledges):
            if t and t not in tuples:
                tuples[t] = tuple(map(intern, t))
        if c.topics:
            c.topics = tuples[c.topics]
        if c.subjects:
            c.subjects = tuples[c.subjects]
        if c.acknowledges:
            c.acknowledges = tuples[c.acknowledges]


def encode_brief(brief: Brief) -> tuple:
    """A Brief (with its claims) as nested tuples of plain values; Unstorable if it holds a foreign object."""
    head = list(_encode(dataclasses.replace(brief, claims=[])))
    claims = []
    get = _GETTERS[Claim]
    for c in brief.claims:
        if type(c) is not Claim:
            raise Unstorable(type(c).__name__)
        t = get(c)
        if _CLAIM_NESTED:
            out = list(t)
            for i in _CLAIM_NESTED:
                out[i] = _encode(out[i])
            t = tuple(out)
        claims.append(t)
    head[_CLAIMS_AT] = tuple(claims)
    return tuple(head)


def encode_config(config: Config) -> tuple:
    """The config as tuples; its dicts of model objects as ("dict", class name, ((id, record), ...))."""
    out = []
    for name in _PLANS[Config][0]:
        v = getattr(config, name)
        if isinstance(v, dict):
            classes = {type(x) for x in v.values()}
            if not classes <= set(_PLANS):
                raise Unstorable("dict")
            cname = classes.pop().__name__ if len(classes) == 1 else ""
            if len(classes) > 0:
                raise Unstorable("mixed dict")
            v = ("dict", cname, tuple((k, _encode(x)) for k, x in v.items()))
        out.append(v)
    return tuple(out)


def _maker(cls: type) -> Callable[[list], Any]:
    """Build an instance from its field values. Frozen dataclasses are filled directly: their
    __init__ sets each field through object.__setattr__, several times slower."""
    params = getattr(cls, "__dataclass_params__", None)
    if (params is not None and params.frozen and not hasattr(cls, "__post_init__")
            and "__slots__" not in vars(cls)):
        names, new = _PLANS[cls][0], object.__new__

        def make(vals: list) -> Any:
            obj = new(cls)
            obj.__dict__.update(zip(names, vals))
            return obj

        return make
    return lambda vals: cls(*vals)


def _decoder(cls: type, memo: dict) -> Callable[[Any], Any]:
    names, nested = _PLANS[cls]
    count = len(names)
    subs = [(i, _decoder(n, memo)) for i, n in nested]
    make = _maker(cls)
    seen = memo.setdefault(cls, {})  # identical dates and values are shared, not duplicated

    def decode(t: Any) -> Any:
        if t is None:
            return None
        hit = seen.get(t)
        if hit is not None:
            return hit
        if type(t) is not tuple or len(t) != count:
            raise ValueError(f"bad {cls.__name__} record")
        vals = list(t)
        for i, sub in subs:
            vals[i] = sub(vals[i])
        obj = seen[t] = make(vals)
        return obj

    return decode


class Decoder:
    """Turns stored tuples back into model objects; shares equal small values across entries.

    Briefs it makes share equal small values with each other (strings interned by ``compact``
    come back interned; tuples and values are shared here). ``texts``: whose
    quote, text, prefix and suffix to keep (``load.TEXTS``; the others are left empty).
    """

    def __init__(self, texts: str = "all") -> None:
        self.texts = texts
        self.memo: dict = {}
        self.tuples: dict = {}  # equal topic, subject and acknowledgement lists are shared
        self._value = _decoder(Value, self.memo)
        self._period = _decoder(Period, self.memo)
        self._date = _decoder(PartialDate, self.memo)
        cnames, cnested = _PLANS[Claim]
        self._claim_count = len(cnames)
        self._claim_subs = [(i, _decoder(n, self.memo)) for i, n in cnested]
        bnames, bnested = _PLANS[Brief]
        self._brief_count = len(bnames)
        self._brief_subs = [(i, _decoder(n, self.memo)) for i, n in bnested]

    def config(self, t: Any) -> Config:
        names = _PLANS[Config][0]
        if type(t) is not tuple or len(t) != len(names):
            raise ValueError("bad config record")
        vals = []
        for v in t:
            if type(v) is tuple and len(v) == 3 and v[0] == "dict":
                decode = _decoder(_BY_NAME[v[1]], self.memo) if v[1] else None
                v = {k: decode(x) for k, x in v[2]} if decode else {}
            vals.append(v)
        return Config(*vals)

    def brief(self, t: Any) -> Optional[Brief]:
        if t is None:
            return None
        if type(t) is not tuple or len(t) != self._brief_count:
            raise ValueError("bad brief record")
        vals = list(t)
        for i, sub in self._brief_subs:
            vals[i] = sub(vals[i])
        claims = []
        count, subs, tuples = self._claim_count, self._claim_subs, self.tuples
        shared_at = _SHARED_TUPLES_AT
        drop_all, drop_unkeyed = self.texts == "none", self.texts == "keyed"
        for c in vals[_CLAIMS_AT]:
            if type(c) is not tuple or len(c) != count:
                raise ValueError("bad claim record")
            cv = list(c)
            for i, sub in subs:
                if cv[i] is not None:
                    cv[i] = sub(cv[i])
            for i in shared_at:
                v = cv[i]
                cv[i] = tuples.setdefault(v, v)
            if drop_all or drop_unkeyed and not cv[_KEY_AT]:
                for i in _TEXTS_AT:
                    cv[i] = ""
            claims.append(Claim(*cv))
        vals[_CLAIMS_AT] = claims
        return Brief(*vals)


_SEVERITY_AT = _PLANS[Problem][0].index("severity")


def encode_problems(problems: list[Problem]) -> tuple:
    """Problems as tuples of their fields (the severity as its number)."""
    get, out = _GETTERS[Problem], []
    for p in problems:
        t = list(get(p))
        t[_SEVERITY_AT] = int(t[_SEVERITY_AT])
        out.append(tuple(t))
    return tuple(out)


def decode_problems(t: Any) -> list[Problem]:
    out = []
    count = len(_PLANS[Problem][0])
    for p in t:
        if type(p) is not tuple or len(p) != count:
            raise ValueError("bad problem record")
        vals = list(p)
        vals[_SEVERITY_AT] = Severity(vals[_SEVERITY_AT])
        out.append(Problem(*vals))
    return out




def pack_load(problems: list[Problem], brief: Optional[Brief], source_problems: list[Problem]) -> bytes:
    """What loading one file found, as one marshal string: how worker processes hand a load to the
    main process (several times cheaper than pickling the objects) and how the cache stores it.
    Unstorable (or ValueError from marshal) when it holds a foreign object."""
    if brief is not None:
        compact(brief, {})
    return marshal.dumps((encode_problems(problems), encode_brief(brief) if brief is not None else None,
                          encode_problems(source_problems)), 4)


def unpack_load(data: bytes, decoder: Decoder) -> tuple[list[Problem], Optional[Brief], list[Problem]]:
    """``pack_load`` undone: (problems, brief, source problems); ValueError on a malformed string."""
    try:
        problems, brief, source_problems = marshal.loads(data)
    except (EOFError, TypeError) as exc:
        raise ValueError("bad load record") from exc
    return decode_problems(problems), decoder.brief(brief), decode_problems(source_problems)
