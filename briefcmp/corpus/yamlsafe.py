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

import yaml
from yaml.resolver import BaseResolver

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

from yaml.composer import Composer
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner


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
        if kind is yaml.ScalarNode:
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _PureLoader(Reader, Scanner, Parser, Composer, _PlainResolver):
    """The pure-Python composer with no implicit types."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)


try:  # libyaml is a speed-up; the pure parser gives the same nodes
    from yaml._yaml import CParser as _CParser  # type: ignore[import-not-found]

    class _CLoader(_CParser, _PlainResolver):  # type: ignore[misc,valid-type]
        """libyaml's composer with no implicit types."""

        def __init__(self, stream: str) -> None:
            _CParser.__init__(self, stream)
            BaseResolver.__init__(self)

    _Loader: type = _CLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    _Loader = _PureLoader


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


_FLOW_ANY = re.compile(r"[\[\]{}]")


_DEEP_BLOCK = re.compile(r"^[ \t\-?:]{%d}" % (MAX_DEPTH + 1), re.M)


def _may_be_deep(text: str) -> bool:
    """Cheap upper-bound test so that the exact depth scan runs only on suspicious files."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = peak = 0
        for m in _FLOW_ANY.finditer(text):
            depth += 1 if m.group() in "[{" else -1
            peak = max(peak, depth)
        if peak > MAX_DEPTH:
            return True
    return _DEEP_BLOCK.search(text) is not None


def _too_deep(text: str) -> Mark | None:
    """Exact nesting depth from the event stream (iterative, so it cannot overflow)."""
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
    return _Builder(path, problems, aliases="*" in text).build(node)


class _Builder:
    """Node tree -> located Python values, refusing aliases, tags and duplicate keys."""

    def __init__(self, path: str, problems: Problems, aliases: bool = True) -> None:
        self.path = path
        self.problems = problems
        # An alias needs a "*" in the text; without one no node can be seen twice.
        self.seen: set[int] | None = set() if aliases else None
        self.reported: set[int] = set()

    def build(self, node: Any) -> Any:
        if self.seen is not None:
            if id(node) in self.seen:
                if id(node) in self.reported:
                    return None
                self.reported.add(id(node))
                self.problems.error(
                    self.path, _mark(node.start_mark), "yaml-alias",
                    "anchors and aliases (&name / *name) are not supported; write the value out in full")
                return None
            self.seen.add(id(node))
        tag = node.tag
        if isinstance(node, yaml.ScalarNode):
            if tag != _STR:
                return self._bad_tag(node)
            if not node.style and node.value in _NULLS:
                return None
            bad = _CONTROL.search(node.value)
            if bad:  # only reachable through escapes like "\0" or "\e": raw ones are YAML syntax errors
                self.problems.error(self.path, _mark(node.start_mark), "control-character",
                                    f"text holds the control character U+{ord(bad.group()):04X}; remove it")
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            if tag != _SEQ:
                return self._bad_tag(node)
            out = YList(_mark(node.start_mark))
            for item in node.value:
                out.item_marks.append(_mark(item.start_mark))
                out.append(self.build(item))
            return out
        if tag != _MAP:
            return self._bad_tag(node)
        out_map = YMap(_mark(node.start_mark))
        for key_node, value_node in node.value:
            key = self.build(key_node)
            if not isinstance(key, str):
                self.problems.error(self.path, _mark(key_node.start_mark), "yaml-key",
                                    "mapping keys must be plain names")
                continue
            if key in out_map:
                first = out_map.key_marks[key]
                self.problems.error(
                    self.path, _mark(key_node.start_mark), "duplicate-key",
                    f'duplicate key "{key}" (first at line {first[0]}); YAML would silently keep only the last')
                continue
            out_map.key_marks[key] = _mark(key_node.start_mark)
            out_map.value_marks[key] = _mark(value_node.start_mark)
            out_map[key] = self.build(value_node)
        return out_map

    def _bad_tag(self, node: Any) -> None:
        self.problems.error(self.path, _mark(node.start_mark), "yaml-tag",
                            f"YAML tag {node.tag!r} is not allowed; remove the tag")
        return None
