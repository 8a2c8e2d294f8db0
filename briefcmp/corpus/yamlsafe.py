"""Safe, located YAML reading.

PyYAML is used only to *compose* a node tree (libyaml when present, the pure
parser as fallback) with a resolver that has no implicit types: every plain
scalar stays a string, so YAML 1.1 surprises (``NO`` -> False, ``012`` -> 10,
``12:30`` -> 750, ``2022-02-30`` -> ValueError) cannot happen. The node tree
is then turned into ``YMap``/``YList``/``str`` values that remember the line
and column of every key and item, so later validation can point at them.

Guards, each reported as a located problem instead of a crash or a hang:
size limit, non-UTF-8 bytes, binary content, BOM, empty file, duplicate keys,
anchors/aliases (the "billion laughs" bomb), explicit tags (``!!python/...``,
``!!binary``, ``!!set``), and nesting deep enough to overflow the C composer.
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
# Made by ``_load_yaml``: ``_Loader`` (the composer class used: libyaml's when present, else the
# pure-Python one), ``_PureLoader`` and ``_CLoader`` (when libyaml is there).


def _load_yaml() -> None:
    """Import PyYAML and build the loader classes (once)."""
    global yaml, _Loader, _PureLoader, _CLoader
    if yaml is not None:
        return
    import yaml as y
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.resolver import BaseResolver
    from yaml.scanner import Scanner

    scalar, sequence = y.ScalarNode, y.SequenceNode

    class _PlainResolver(BaseResolver):
        """Every node gets its kind's default tag: no implicit types, no path resolvers.

        Same result as BaseResolver with nothing registered, without its per-node Python
        bookkeeping (the composer calls these three methods for every node it makes).
        """

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            if kind is scalar:
                return _STR
            return _SEQ if kind is sequence else _MAP

    class PureLoader(Reader, Scanner, Parser, Composer, _PlainResolver):
        """The pure-Python composer with no implicit types."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            BaseResolver.__init__(self)

    loader: type = PureLoader
    try:  # libyaml is a speed-up; the pure parser gives the same nodes
        from yaml._yaml import CParser  # type: ignore[import-not-found]

        class CLoader(CParser, _PlainResolver):  # type: ignore[misc,valid-type]
            """libyaml's composer with no implicit types."""

            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                BaseResolver.__init__(self)

        loader = _CLoader = CLoader
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


def decode(data: bytes, path: str, problems: Problems) -> str | None:
    """Bytes to text: UTF-8 (BOM stripped), rejecting binary and other encodings."""
    if len(data) > MAX_BYTES:
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
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
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
    if node is None:
        problems.error(path, (1, 1), "empty-file", "file holds no YAML document; expected a mapping")
        return None
    # Control characters can only come from escapes ("\0", "\e") or a raw NEL: without either
    # in the text, no scalar needs the check.
    control = "\\" in text or _CONTROL.search(text) is not None
    return _Builder(path, problems, aliases="*" in text, control=control).build(node)


class _Builder:
    """Node tree -> located Python values, refusing aliases, tags and duplicate keys."""

    def __init__(self, path: str, problems: Problems, aliases: bool = True, control: bool = True) -> None:
        self.path = path
        self.problems = problems
        # An alias needs a "*" in the text; without one no node can be seen twice.
        self.seen: set[int] | None = set() if aliases else None
        self.reported: set[int] = set()
        self.control = control

    def build(self, node: Any) -> Any:
        """The value of ``node`` (one closure walks the tree: no attribute look-ups per node)."""
        scalar_node, sequence_node = yaml.ScalarNode, yaml.SequenceNode
        seen, reported, problems, path = self.seen, self.reported, self.problems, self.path
        control = _CONTROL.search if self.control else None
        nulls, ymap, ylist = _NULLS, YMap, YList
        str_tag, seq_tag, map_tag = _STR, _SEQ, _MAP
        bad_tag = self._bad_tag
        plain = seen is None and control is None

        def build(node: Any) -> Any:
            if seen is not None:
                if id(node) in seen:
                    if id(node) in reported:
                        return None
                    reported.add(id(node))
                    problems.error(
                        path, _mark(node.start_mark), "yaml-alias",
                        "anchors and aliases (&name / *name) are not supported; write the value out in full")
                    return None
                seen.add(id(node))
            cls = type(node)
            if cls is scalar_node:
                if node.tag != str_tag:
                    return bad_tag(node)
                value = node.value
                if not node.style and value in nulls:
                    return None
                if control is not None:
                    bad = control(value)
                    if bad:  # only reachable through escapes like "\0" or "\e": raw ones are YAML syntax errors
                        problems.error(path, _mark(node.start_mark), "control-character",
                                       f"text holds the control character U+{ord(bad.group()):04X}; remove it")
                        return None
                return value
            m = node.start_mark
            if cls is sequence_node:
                if node.tag != seq_tag:
                    return bad_tag(node)
                out = ylist((m.line + 1, m.column + 1))
                marks = out.item_marks
                for item in node.value:
                    im = item.start_mark
                    marks.append((im.line + 1, im.column + 1))
                    out.append(build(item))
                return out
            if node.tag != map_tag:
                return bad_tag(node)
            out_map = ymap((m.line + 1, m.column + 1))
            key_marks, value_marks = out_map.key_marks, out_map.value_marks
            for key_node, value_node in node.value:
                # Scalars (most keys and values) are read in place when no alias or control
                # character can occur: the same as build(), without a call for each.
                if plain and type(key_node) is scalar_node and key_node.tag == str_tag:
                    key = key_node.value
                    if not key_node.style and key in nulls:
                        key = None
                else:
                    key = build(key_node)
                km = key_node.start_mark
                if type(key) is not str:
                    problems.error(path, (km.line + 1, km.column + 1), "yaml-key", "mapping keys must be plain names")
                    continue
                if key in out_map:
                    first = key_marks[key]
                    problems.error(
                        path, (km.line + 1, km.column + 1), "duplicate-key",
                        f'duplicate key "{key}" (first at line {first[0]}); YAML would silently keep only the last')
                    continue
                key_marks[key] = (km.line + 1, km.column + 1)
                vm = value_node.start_mark
                value_marks[key] = (vm.line + 1, vm.column + 1)
                if plain and type(value_node) is scalar_node and value_node.tag == str_tag:
                    value = value_node.value
                    out_map[key] = None if not value_node.style and value in nulls else value
                else:
                    out_map[key] = build(value_node)
            return out_map

        return build(node)

    def _bad_tag(self, node: Any) -> None:
        self.problems.error(self.path, _mark(node.start_mark), "yaml-tag",
                            f"YAML tag {node.tag!r} is not allowed; remove the tag")
        return None
