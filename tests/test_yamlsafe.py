"""The safe YAML reader: every trap gives a located problem or the right value, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.corpus import yamlsafe
from briefcmp.corpus.problems import Problems


def read(data: bytes):
    problems = Problems()
    text = yamlsafe.decode(data, "f.yaml", problems)
    value = None if text is None else yamlsafe.parse(text, "f.yaml", problems)
    return value, [f"{p.rule}@{p.line}:{p.col}" for p in problems]


@pytest.fixture(params=["libyaml", "pure"])
def loader(request, monkeypatch):
    """Run each test with libyaml (when present) and with the pure-Python fallback."""
    if request.param == "pure":
        monkeypatch.setattr(yamlsafe, "_Loader", yamlsafe._PureLoader)
    elif not hasattr(yamlsafe, "_CLoader"):
        pytest.skip("PyYAML built without libyaml")
    return request.param


CASES = [
    # (name, bytes, expected value or ..., expected problems)
    ("yaml11-scalars", b"a: NO\nb: 012\nc: 12:30\nd: 2022-02-30\ne: on\n",
     {"a": "NO", "b": "012", "c": "12:30", "d": "2022-02-30", "e": "on"}, []),
    ("nulls", b"a:\nb: ~\nc: null\nd: 'null'\ne: ''\n", {"a": None, "b": None, "c": None, "d": "null", "e": ""}, []),
    ("bom-crlf", b"\xef\xbb\xbfa: 1\r\nb:\r\n  - x\r\n", {"a": "1", "b": ["x"]}, []),
    ("duplicate-key", b"a: 1\nb: 2\na: 3\n", ..., ["duplicate-key@3:1"]),
    ("python-tag", b"a: !!python/object/apply:os.system [ls]\n", ..., ["yaml-tag@1:4"]),
    ("binary-tag", b"a: !!binary aGk=\n", ..., ["yaml-tag@1:4"]),
    ("set-tag", b"a: !!set {x, y}\n", ..., ["yaml-tag@1:4"]),
    ("local-tag", b"a: !thing x\n", ..., ["yaml-tag@1:4"]),
    ("alias", b"a: &x [1]\nb: *x\n", ..., ["yaml-alias@1:4"]),
    ("undefined-alias", b"a: *x\n", ..., ["yaml-syntax@1:4"]),
    ("syntax", b"a: [1, 2\nb: 3\n", ..., ["yaml-syntax@2:2"]),
    ("two-documents", b"a: 1\n---\nb: 2\n", ..., ["yaml-syntax@2:1"]),
    ("empty", b"", ..., ["empty-file@1:1"]),
    ("only-comment", b"# nothing\n", ..., ["empty-file@1:1"]),
    ("latin-1", b"a: 1\nb: caf\xe9\n", ..., ["encoding@2:7"]),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ..., ["encoding@1:1"]),
    ("control-char", b"a: b\x07c\n", ..., ["encoding@1:5"]),
    ("escaped-nul", b'a: "x\\0y"\nb: "\\e[2J"\nc: "tab\\there"\n', ..., ["control-character@1:4", "control-character@2:4"]),
]


@pytest.mark.parametrize("name, data, value, problems", CASES, ids=[c[0] for c in CASES])
def test_cases(loader, name, data, value, problems) -> None:
    got, found = read(data)
    assert found == problems
    if value is not ...:
        assert got == value


def test_alias_bomb_is_refused_without_expansion(loader) -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 12):
        levels.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
    got, found = read("\n".join(levels).encode())
    assert found and all(f.startswith("yaml-alias@") for f in found)
    assert isinstance(got["a11"], list) and got["a11"][0] is None


@pytest.mark.parametrize("text", [
    "a: " + "[" * 30_000 + "]" * 30_000 + "\n",  # kills libyaml's composer with SIGSEGV
    "a: " + "{b: " * 5_000 + "c" + "}" * 5_000 + "\n",
    "- " * 30_000 + "x\n",  # block nesting on one line
    "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n",
])
def test_deep_nesting_is_refused(loader, text) -> None:
    got, found = read(text.encode())
    assert got is None and len(found) == 1 and found[0].startswith("yaml-depth@")


def test_moderate_nesting_is_fine(loader) -> None:
    got, found = read(("a: " + "[" * 40 + "]" * 40 + "\n").encode())
    assert found == []
    depth, node = 0, got["a"]
    while node:
        depth, node = depth + 1, node[0]
    assert depth == 39  # 40 lists, the innermost empty


def test_huge_file_is_refused_before_parsing() -> None:
    got, found = read(b"a: x\n" + b"#" * (yamlsafe.MAX_BYTES + 1))
    assert got is None and found == ["file-too-large@1:1"]


def test_marks_are_one_based(loader) -> None:
    got, _ = read(b"top:\n  key: value\n  list:\n    - one\n")
    assert got.mark == (1, 1)
    assert got["top"].key_marks["key"] == (2, 3) and got["top"].mark_of("key") == (2, 8)
    assert got["top"]["list"].item_marks == [(4, 7)]


def _flow_depth(text: str) -> int:
    depth = peak = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            peak = max(peak, depth)
        elif ch in "]}":
            depth -= 1
    return peak


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["[", "[" * 16, "{{" * 8, "]", "{", "}", "a", ", ", "\n", "x: "]), max_size=400))
def test_depth_precheck_never_misses_a_deep_flow(parts) -> None:
    """The cheap pre-check is an upper bound: whenever brackets nest deeper than the limit, it says so."""
    text = "".join(parts)
    if _flow_depth(text) > yamlsafe.MAX_DEPTH:
        assert yamlsafe._may_be_deep(text)


def test_depth_precheck_skips_many_flat_flows() -> None:
    """Hundreds of one-level flows (topics: [a, b] in every claim) need no exact scan."""
    text = "".join(f"- topics: [a, b]\n  value: {{amount: {i}}}\n" for i in range(200))
    assert not yamlsafe._may_be_deep(text)
    assert yamlsafe._may_be_deep("a: " + "[x, " * 70 + "]" * 70)


def test_parsing_leaves_no_reference_cycles(loader) -> None:
    """Loading pauses the cyclic collector (and worker processes never run it): a parse that left
    a cycle behind would keep each file's parser and text alive until the process ends."""
    import gc

    text = "a: &x 1\nb: [c, {d: e}]\nf: !!str g\n"
    gc.collect()
    gc.disable()
    try:
        for _ in range(20):
            problems = Problems()
            yamlsafe.parse(text, "f.yaml", problems)
        assert gc.collect() == 0
    finally:
        gc.enable()
