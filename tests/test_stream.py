"""Streamed writers: the same bytes as the whole-document writers they replace."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.render import stream
from briefcmp.render.layout import to_csv, to_json, to_jsonl

_scalars = (st.none() | st.booleans() | st.integers(-2**70, 2**70)
            | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12))
_docs = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=25)


@settings(max_examples=80, deadline=None)
@given(_docs)
def test_json_writer_matches_json_dumps_indent_2(doc):
    assert "".join(stream.json_chunks(doc)) == to_json(doc)
    assert stream.dumps(doc) == json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.text(max_size=6), _docs, max_size=4), st.lists(_docs, max_size=5), st.text(max_size=5))
def test_streamed_lists_anywhere_match(head, items, key):
    doc = dict(head)
    doc[key] = {"inner": stream.Stream(iter(items)), "n": len(items)}
    doc["tail"] = stream.Stream(x for x in items)
    expected = dict(head)
    expected[key] = {"inner": list(items), "n": len(items)}
    expected["tail"] = list(items)
    assert "".join(stream.json_chunks(doc)) == to_json(expected)


def test_non_finite_floats_and_odd_objects_are_refused_like_json():
    for bad in (float("nan"), {"a": [float("inf")]}):
        try:
            "".join(stream.json_chunks(bad))
        except ValueError:
            pass
        else:
            raise AssertionError("accepted a non-finite float")
    try:
        stream.dumps({"a": object()})
    except TypeError:
        pass
    else:
        raise AssertionError("accepted an object json cannot write")


def test_chunks_stay_small_and_add_up(monkeypatch):
    monkeypatch.setattr(stream, "CHUNK", 100)
    items = [{"id": f"r{i}", "text": "x" * 40} for i in range(50)]
    chunks = list(stream.json_chunks({"relations": stream.Stream(iter(items))}))
    assert len(chunks) > 10 and max(len(c) for c in chunks) < 400
    assert "".join(chunks) == to_json({"relations": items})
    assert "".join(stream.jsonl_chunks(items)) == to_jsonl(items)
    rows = [[i, None, True, ["a", "b"], 1.5, "=x"] for i in range(60)]
    assert "".join(stream.csv_chunks(["a", "b", "c", "d", "e", "f"], rows)) == to_csv("abcdef", rows)


def test_one_final_newline():
    for parts in (["a\n", "\n", "b\n\n"], ["\n\n"], [], ["x", "\n", "y"]):
        assert "".join(stream.one_final_newline(parts)) == "".join(parts).rstrip("\n") + "\n"


def test_compare_writes_relation_texts_at_their_depth():
    from pathlib import Path

    from briefcmp.analysis.crossref import analyse
    from briefcmp.corpus.load import load_corpus
    from briefcmp.render import compare

    corpus = load_corpus([Path(__file__).resolve().parent.parent / "briefs"], cache=False).corpus
    analysis = analyse(corpus, coverage=False)
    first = next(compare._streamed_relations(analysis))
    text = "".join(compare.json_chunks(analysis))
    assert first.nl + first.text in text  # written as encoded: the depth in _RELATION_NL is right
    assert text == compare.render_json(analysis) == to_json(compare.document(analysis))
