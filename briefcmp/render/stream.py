"""Streamed reports: JSON, JSON Lines, CSV and Markdown written a piece at a time.

A report of a large corpus (hundreds of MB of JSON at 10,000 briefs) is never held in
memory whole: writers yield text chunks of about ``CHUNK`` characters, built from one
record (one relation, one claim row) at a time, and ``render.output.deliver`` writes them
as they come.

The JSON writer produces exactly the text of ``json.dumps(doc, indent=2,
ensure_ascii=False, allow_nan=False) + "\\n"``, bidi and C1 controls escaped as ``\\u202e``
(``safetext.json_visible``: what ``layout.to_json`` writes; tests compare
the two byte for byte) at C speed for the leaves: strings go through the standard
library's C string encoder, numbers through ``int.__repr__`` / ``float.__repr__`` as
``json`` does, and the indentation is built once per depth. A ``Stream`` in the document
(any iterable of records) is written item by item instead of being built as a list.

Every CSV cell goes through ``layout._csv_cell`` and every Markdown cell through the
caller's escaping (``layout.md_escape`` / ``md_code``), so hardening of cells happens in one
place per format.
"""

from __future__ import annotations

import csv
import io
from json.encoder import encode_basestring as _json_str  # the C encoder when available
from typing import Any, Callable, Iterable, Iterator, Sequence

from briefcmp.corpus.safetext import json_visible

CHUNK = 256 * 1024

_INT_REPR = int.__repr__
_FLOAT_REPR = float.__repr__
_INF = float("inf")


class Stream:
    """A list in a JSON document that is written item by item (``items``: any iterable)."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


class Encoded:
    """A value already encoded for one depth (``nl``: the newline and indent its items are written
    after); written as is there, encoded afresh anywhere else. With ``keep`` False the value itself
    is not kept (less memory) and writing it at another depth is an error. ``Encoded.text_at`` wraps
    text encoded elsewhere (then it has no value)."""

    __slots__ = ("value", "nl", "text")

    def __init__(self, value: Any, nl: str, keep: bool = True) -> None:
        self.nl = nl
        self.text = encode(value, nl)
        self.value = value if keep else None

    @classmethod
    def text_at(cls, text: str, nl: str) -> "Encoded":
        out = cls.__new__(cls)
        out.nl, out.text, out.value = nl, text, None
        return out

    def at(self, nl: str) -> str:
        if nl == self.nl:
            return self.text
        if self.value is None:
            raise ValueError("an encoded value written at another depth than it was encoded for")
        return encode(self.value, nl)


def _float(o: float) -> str:
    if o != o or o == _INF or o == -_INF:
        raise ValueError("Out of range float values are not JSON compliant: " + repr(o))
    return _FLOAT_REPR(o)


def _key(k: Any) -> str:
    """A dict key as json writes it (str as is; numbers, booleans and None as text)."""
    if isinstance(k, str):
        return _json_str(k)
    if k is True:
        return '"true"'
    if k is False:
        return '"false"'
    if k is None:
        return '"null"'
    if isinstance(k, int):
        return _json_str(_INT_REPR(k))
    if isinstance(k, float):
        return _json_str(_float(k))
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def encode(o: Any, nl: str) -> str:
    """``o`` encoded as json.dumps(indent=2) would at the depth whose newline+indent is ``nl``."""
    t = type(o)
    if t is str:
        return _json_str(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if t is int:
        return _INT_REPR(o)
    if t is float:
        return _float(o)
    if t is dict:
        return _dict(o, nl)
    if t is list or t is tuple:
        return _list(o, nl)
    if t is Encoded:
        return o.at(nl)
    # Subclasses, in the order json.encoder tests them.
    if isinstance(o, str):
        return _json_str(o)
    if isinstance(o, int):
        return _INT_REPR(o)
    if isinstance(o, float):
        return _float(o)
    if isinstance(o, (list, tuple)):
        return _list(o, nl)
    if isinstance(o, dict):
        return _dict(o, nl)
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _dict(d: dict, nl: str) -> str:
    if not d:
        return "{}"
    inner = nl + "  "
    parts = []
    append = parts.append
    enc = _json_str
    for k, v in d.items():
        t = type(v)
        if t is str:
            s = enc(v)
        elif v is None:
            s = "null"
        elif t is int:
            s = _INT_REPR(v)
        else:
            s = encode(v, inner)
        append((enc(k) if type(k) is str else _key(k)) + ": " + s)
    return "{" + inner + ("," + inner).join(parts) + nl + "}"


def _list(items: Sequence[Any], nl: str) -> str:
    if not items:
        return "[]"
    inner = nl + "  "
    enc = _json_str
    parts = [enc(v) if type(v) is str else encode(v, inner) for v in items]
    return "[" + inner + ("," + inner).join(parts) + nl + "]"


def dumps(o: Any) -> str:
    """``json.dumps(o, indent=2, ensure_ascii=False, allow_nan=False)`` (no Streams inside)."""
    return encode(o, "\n")


class _Chunker:
    """Collects pieces and hands them out in chunks of about CHUNK characters."""

    __slots__ = ("parts", "size")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, s: str) -> bool:
        self.parts.append(s)
        self.size += len(s)
        return self.size >= CHUNK

    def take(self) -> str:
        out = "".join(self.parts)
        self.parts.clear()
        self.size = 0
        return out


def json_chunks(doc: Any) -> Iterator[str]:
    """The JSON text of ``doc`` (indent 2, a final newline), in chunks; ``Stream`` values are streamed.
    Bidi controls and C1 characters are written as ``\\u202e`` escapes (``safetext.json_visible``)."""
    buf = _Chunker()
    for piece in _pieces(doc, "\n"):
        if buf.add(piece):
            yield json_visible(buf.take())
    buf.add("\n")
    yield json_visible(buf.take())


def _pieces(o: Any, nl: str) -> Iterator[str]:
    """Like ``_value`` but yielding pieces, descending into containers that hold a Stream."""
    if isinstance(o, Stream):
        inner = nl + "  "
        first = True
        for item in o.items:
            if first:
                yield "[" + inner
                first = False
            else:
                yield "," + inner
            if _has_stream(item):
                yield from _pieces(item, inner)
            else:
                yield encode(item, inner)
        yield "[]" if first else nl + "]"
    elif type(o) is dict and _has_stream(o):
        if not o:
            yield "{}"
            return
        inner = nl + "  "
        sep = "{" + inner
        for k, v in o.items():
            yield sep + _key(k) + ": "
            sep = "," + inner
            yield from _pieces(v, inner)
        yield nl + "}"
    else:
        yield encode(o, nl)


def _has_stream(o: Any) -> bool:
    if isinstance(o, Stream):
        return True
    if type(o) is dict:
        return any(isinstance(v, Stream) or (type(v) is dict and _has_stream(v)) for v in o.values())
    return False


def jsonl_chunks(items: Iterable[Any]) -> Iterator[str]:
    """One compact JSON document a line (what ``layout.to_jsonl`` writes), in chunks."""
    import json

    enc = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode
    buf = _Chunker()
    for item in items:
        if buf.add(enc(item) + "\n"):
            yield json_visible(buf.take())
    yield json_visible(buf.take())


def csv_chunks(header: Sequence[str], rows: Iterable[Sequence[Any]],
               cell: Callable[[Any], str] | None = None) -> Iterator[str]:
    """CSV with one header row (what ``layout.to_csv`` writes), in chunks; every cell through ``cell``."""
    if cell is None:
        from briefcmp.render.layout import _csv_cell as cell
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow([cell(v) for v in row])
        if out.tell() >= CHUNK:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def md_table_chunks(headers: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> Iterator[str]:
    """``layout.md_table`` (a GFM table from already-escaped cells), in chunks."""
    buf = _Chunker()
    buf.add("| " + " | ".join(headers) + " |\n")
    buf.add("| " + " | ".join("---:" if i in right else "---" for i in range(len(headers))) + " |\n")
    for r in rows:
        if buf.add("| " + " | ".join(r) + " |\n"):
            yield buf.take()
    yield buf.take()


def lines_chunks(lines: Iterable[str]) -> Iterator[str]:
    """Lines (without their newline) joined by newlines with a final one, in chunks."""
    buf = _Chunker()
    for line in lines:
        if buf.add(line + "\n"):
            yield buf.take()
    yield buf.take()


def one_final_newline(chunks: Iterable[str]) -> Iterator[str]:
    """The chunks with the text's trailing newlines replaced by exactly one (``text.rstrip("\\n") + "\\n"``)."""
    pending = 0
    for c in chunks:
        stripped = c.rstrip("\n")
        if stripped:
            yield "\n" * pending + stripped if pending else stripped
            pending = len(c) - len(stripped)
        else:
            pending += len(c)
    yield "\n"
