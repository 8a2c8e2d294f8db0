"""Safe, located YAML reading.

PyYAML is used only as a *parser* (libyaml when present, the pure parser as
fallback): values are built from its event stream here, with no implicit types,
so every plain scalar stays a string and YAML 1.1 surprises (``NO`` -> False,
``012`` -> 10, ``12:30`` -> 750, ``2022-02-30`` -> ValueError) cannot happen.
The values are ``YMap``/``YList``/``str`` that remember the line and column of
every key and item, so later validation can point at them.

Guards, each reported as a located problem instead of a crash or a hang:
size limit, non-UTF-8 bytes, binary content, BOM, empty file, duplicate keys,
anchors/aliases (the "billion laughs" bomb), explicit tags (``!!python/...``,
``!!binary``, ``!!set``), and nesting deep enough to overflow a recursive reader.
"""

from __future__ import annotations

import re
from typing import Any


from briefcmp.corpus.problems import Problems

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64

Mark = tuple[int, int]

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# C0 and C1 control characters other than tab and line breaks: they would reach terminals
# and reports (and file names) verbatim.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


# PyYAML is imported on first use (``_load_yaml``), not with this module: a run answered from the
# cache never parses YAML and should not pay for importing it.
yaml: Any = None
# Made by ``_load_yaml``: ``_Loader`` (the parser class used: libyaml's when present, else the
# pure-Python one), ``_PureLoader`` and ``_CLoader`` (when libyaml is there).


def _load_yaml() -> None:
    """Import PyYAML and pick the parser classes (once)."""
    global yaml, _Loader, _PureLoader, _CLoader
    if yaml is not None:
        return
    import yaml as y
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class PureLoader(Reader, Scanner, Parser):
        """The pure-Python parser: events only."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)

    loader: type = PureLoader
    try:  # libyaml is a speed-up; the pure parser gives the same events
        from yaml._yaml import CParser  # type: ignore[import-not-found]

        loader = _CLoader = CParser
    except ImportError:  # pragma: no cover - depends on the PyYAML build
        pass
    _Loader, _PureLoader, yaml = loader, PureLoader, y


def __getattr__(name: str) -> Any:
    """``yamlsafe._Loader`` and ``_PureLoader`` before first use: made on demand."""
    if name in ("_Loader", "_PureLoader", "_CLoader"):
        _load_yaml()
        if name in globals():
            return globals()[name]
    raise AttributeError(name)


class YMap(dict):
    """A mapping that remembers where it, each key and each value start."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}

    def mark_of(self, key: str) -> Mark:
        """Where the value of ``key`` starts (or the mapping, if absent)."""
        return self.value_marks.get(key, self.mark)


class YList(list):
    """A sequence that remembers where it and each item start."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


def _mark(m: Any) -> Mark:
    return (m.line + 1, m.column + 1)


def decode(data: bytes, path: str, problems: Problems, limit: "int | None" = MAX_BYTES) -> str | None:
    """Bytes to text: UTF-8 (BOM stripped), rejecting binary and other encodings (and more than ``limit`` bytes)."""
    if limit is not None and len(data) > limit:
        problems.error(path, (1, 1), "file-too-large",
                       f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,} bytes")
        return None
    nul = data.find(b"\x00")  # anywhere in the file (one linear memchr), not only near its start
    if nul != -1:
        problems.error(path, (1, 1), "encoding",
                       f"file looks binary (a NUL byte at offset {nul:,}); expected UTF-8 text")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.error(path, (line, col), "encoding",
                       f"byte 0x{data[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
        return None
    return text[1:] if text.startswith("\ufeff") else text


# Every byte but the flow brackets: deleting them (bytes.translate, C speed) leaves a short
# string of brackets, whose nesting is cheap to read.
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")


# A line starting with more indentation and block indicators than MAX_DEPTH. Searched from each
# line break (a literal the regex engine finds at C speed), then at the very start: the same as
# ``^...`` with re.M, several times faster than trying ``^`` at every character.
_DEEP_BLOCK = re.compile(r"\n[ \t\-?:]{%d}" % (MAX_DEPTH + 1))
_DEEP_START = re.compile(r"[ \t\-?:]{%d}" % (MAX_DEPTH + 1))


def _may_be_deep(text: str) -> bool:
    """Cheap upper-bound test so that the exact depth scan runs only on suspicious files."""
    brackets = text.encode("utf-8", "surrogatepass").translate(None, _NOT_BRACKET)
    # Without two opening brackets in a row no flow collection holds another (depth at most 1),
    # however many there are (every claim's topics: [a, b]).
    if len(brackets) > MAX_DEPTH and any(pair in brackets for pair in (b"[[", b"[{", b"{[", b"{{")):
        depth = peak = 0
        for b in brackets:
            depth += 1 if b in b"[{" else -1
            peak = max(peak, depth)
        if peak > MAX_DEPTH:
            return True
    return _DEEP_START.match(text) is not None or _DEEP_BLOCK.search(text) is not None


def _too_deep(text: str) -> Mark | None:
    """Exact nesting depth from the event stream (iterative, so it cannot overflow)."""
    _load_yaml()
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return _mark(event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


def parse(text: str, path: str, problems: Problems) -> Any:
    """Parse one YAML document into YMap/YList/str/None; None also when it failed (see problems)."""
    if not text.strip():
        problems.error(path, (1, 1), "empty-file", "file is empty; expected a YAML mapping")
        return None
    _load_yaml()
    try:
        if _may_be_deep(text):
            where = _too_deep(text)
            if where:
                problems.error(path, where, "yaml-depth",
                               f"nesting deeper than {MAX_DEPTH} levels; this is not a claims file")
                return None
        # Control characters can only come from escapes ("\0", "\e") or a raw NEL: without either
        # in the text, no scalar needs the check.
        control = "\\" in text or _CONTROL.search(text) is not None
        found = Problems()  # kept only if the whole document parses (a syntax error says it all)
        loader = _Loader(text)
        try:
            value = _Events(loader, path, found, control).document()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        msg = " ".join(filter(None, [exc.context, exc.problem]))
        problems.error(path, _mark(mark) if mark else (1, 1), "yaml-syntax", f"invalid YAML: {msg}")
        return None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        problems.error(path, (line, col), "encoding",
                       f"character {exc.character!r} is not allowed in YAML; remove it")
        return None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        problems.error(path, (1, 1), "yaml-syntax", f"invalid YAML: {exc}")
        return None
    if value is _NO_DOCUMENT:
        problems.error(path, (1, 1), "empty-file", "file holds no YAML document; expected a mapping")
        return None
    problems.extend(found)
    return value


_NO_DOCUMENT = object()


class _Events:
    """The event stream -> located Python values, refusing aliases, tags and duplicate keys.

    Values are built as the parser reads (no node tree: a 2 MB config composed as nodes
    took 90 MB, left behind as fragmented memory). The errors of a composer are raised as
    PyYAML raises them (undefined alias, duplicate anchor, a second document); an alias is
    reported once, where its anchor is, and read as nothing.
    """

    def __init__(self, loader: Any, path: str, problems: Problems, control: bool) -> None:
        self.get = loader.get_event
        self.path = path
        self.problems = problems
        self.control = _CONTROL.search if control else None
        self.anchors: dict[str, Any] = {}  # anchor -> start mark of its value
        self.reported: set[str] = set()

    def document(self) -> Any:
        get = self.get
        get()  # stream start
        if type(get()) is yaml.StreamEndEvent:
            return _NO_DOCUMENT
        first = get()  # after the document start
        value = self.value(first)
        get()  # document end
        after = get()
        if type(after) is not yaml.StreamEndEvent:
            raise yaml.composer.ComposerError("expected a single document in the stream", first.start_mark,
                                              "but found another document", after.start_mark)
        return value

    def _anchor(self, ev: Any) -> None:
        if ev.anchor is not None:
            if ev.anchor in self.anchors:
                raise yaml.composer.ComposerError(f"found duplicate anchor {ev.anchor!r}; first occurrence",
                                                  self.anchors[ev.anchor], "second occurrence", ev.start_mark)
            self.anchors[ev.anchor] = ev.start_mark

    def _alias(self, ev: Any) -> None:
        mark = self.anchors.get(ev.anchor)
        if mark is None:
            raise yaml.composer.ComposerError(None, None, f"found undefined alias {ev.anchor!r}", ev.start_mark)
        if ev.anchor not in self.reported:
            self.reported.add(ev.anchor)
            self.problems.error(self.path, _mark(mark), "yaml-alias",
                                "anchors and aliases (&name / *name) are not supported; write the value out in full")

    def _bad_tag(self, ev: Any) -> None:
        self.problems.error(self.path, _mark(ev.start_mark), "yaml-tag",
                            f"YAML tag {ev.tag!r} is not allowed; remove the tag")
        if type(ev) is not yaml.ScalarEvent:
            self.skip_rest(ev)

    def skip_rest(self, start: Any) -> None:
        """Read past the collection ``start`` opened, checking its anchors and aliases as a composer would."""
        depth = 1
        starts, ends = (yaml.SequenceStartEvent, yaml.MappingStartEvent), (yaml.SequenceEndEvent, yaml.MappingEndEvent)
        while depth:
            ev = self.get()
            cls = type(ev)
            if cls in ends:
                depth -= 1
            elif cls is yaml.AliasEvent:
                if ev.anchor not in self.anchors:
                    raise yaml.composer.ComposerError(None, None, f"found undefined alias {ev.anchor!r}",
                                                      ev.start_mark)
            else:
                self._anchor(ev)
                depth += cls in starts

    def skip(self, ev: Any) -> None:
        """Read past the value that ``ev`` starts, unbuilt."""
        cls = type(ev)
        if cls is yaml.AliasEvent:
            if ev.anchor not in self.anchors:
                raise yaml.composer.ComposerError(None, None, f"found undefined alias {ev.anchor!r}", ev.start_mark)
            return
        self._anchor(ev)
        if cls is not yaml.ScalarEvent:
            self.skip_rest(ev)

    def value(self, ev: Any) -> Any:
        """The value whose first event is ``ev`` (one closure reads the tree: no attribute look-ups per event)."""
        get, problems, path, control = self.get, self.problems, self.path, self.control
        scalar_ev, alias_ev, seq_start, seq_end = yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, \
            yaml.SequenceEndEvent
        map_end = yaml.MappingEndEvent
        nulls, ymap, ylist = _NULLS, YMap, YList
        plain_tags = (None, "!", _STR)
        anchor, alias, bad_tag, skip = self._anchor, self._alias, self._bad_tag, self.skip

        def scalar(ev: Any) -> Any:
            if ev.anchor is not None:
                anchor(ev)
            if ev.tag not in plain_tags:
                return bad_tag(ev)
            value = ev.value
            if not ev.style and value in nulls:
                return None
            if control is not None:
                bad = control(value)
                if bad:  # only reachable through escapes like "\0" or "\e": raw ones are YAML syntax errors
                    problems.error(path, _mark(ev.start_mark), "control-character",
                                   f"text holds the control character U+{ord(bad.group()):04X}; remove it")
                    return None
            return value

        # ``build`` is handed itself to recurse: a closure naming itself would be a reference cycle,
        # and each file would keep its parser and text until a cyclic collection (loading pauses them).
        def build(ev: Any, build: Any) -> Any:
            cls = type(ev)
            if cls is scalar_ev:
                return scalar(ev)
            if cls is alias_ev:
                return alias(ev)
            anchor(ev)
            m = ev.start_mark
            if cls is seq_start:
                if ev.tag not in (None, "!", _SEQ):
                    return bad_tag(ev)
                out = ylist((m.line + 1, m.column + 1))
                marks = out.item_marks
                ev = get()
                while type(ev) is not seq_end:
                    im = ev.start_mark
                    marks.append((im.line + 1, im.column + 1))
                    out.append(scalar(ev) if type(ev) is scalar_ev else build(ev, build))
                    ev = get()
                return out
            if ev.tag not in (None, "!", _MAP):
                return bad_tag(ev)
            out_map = ymap((m.line + 1, m.column + 1))
            key_marks, value_marks = out_map.key_marks, out_map.value_marks
            ev = get()
            while type(ev) is not map_end:
                km = ev.start_mark
                key = scalar(ev) if type(ev) is scalar_ev else build(ev, build)
                vev = get()
                if type(key) is not str:
                    problems.error(path, (km.line + 1, km.column + 1), "yaml-key", "mapping keys must be plain names")
                    skip(vev)
                elif key in out_map:
                    first = key_marks[key]
                    problems.error(
                        path, (km.line + 1, km.column + 1), "duplicate-key",
                        f'duplicate key "{key}" (first at line {first[0]}); YAML would silently keep only the last')
                    skip(vev)
                else:
                    key_marks[key] = (km.line + 1, km.column + 1)
                    vm = vev.start_mark
                    value_marks[key] = (vm.line + 1, vm.column + 1)
                    out_map[key] = scalar(vev) if type(vev) is scalar_ev else build(vev, build)
                ev = get()
            return out_map

        return build(ev, build)
