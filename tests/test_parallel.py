"""Cross-referencing on two processes gives the relations of the serial loop, in the same order."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import sys
from pathlib import Path

import pytest

from briefcmp.analysis import crossref, parallel
from briefcmp.analysis.crossref import find_relations
from briefcmp.corpus.load import jobs, load_corpus

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="no fork")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_generate_parallel", ROOT / "benchmarks" / "generate.py")
    gen = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate_parallel"] = gen  # dataclasses look their module up
    spec.loader.exec_module(gen)  # type: ignore[union-attr]
    out = tmp_path_factory.mktemp("par") / "corpus"
    gen.generate(out, briefs=40, claims=12, seed=3, keys=15, defects=0.1)
    return load_corpus([out]).corpus


def _plain(relations) -> list:
    """Relations as data, each claim by identity (the same objects must come back)."""
    return [(*(getattr(r, f.name) for f in dataclasses.fields(r) if f.name != "claims"),
             [id(c) for c in r.claims]) for r in relations]


@pytest.fixture
def two_processes(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_CLAIMS", 1)
    monkeypatch.setattr(parallel, "_BATCH_KEYS", 2)  # several batches through the pipe
    monkeypatch.setenv("BRIEFCMP_JOBS", "2")
    assert jobs() == 2


@pytest.mark.parametrize("kinds", [None, ("contradiction", "disagreement")])
def test_two_processes_make_the_same_relations(corpus, two_processes, monkeypatch, kinds) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_CLAIMS", 10**9)
    serial = _plain(find_relations(corpus, kinds))
    assert len(serial) > 10
    monkeypatch.setattr(parallel, "PARALLEL_CLAIMS", 1)
    forks, made_here = [], []
    real_fork, real_make = os.fork, crossref.relations_for_key
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    monkeypatch.setattr(crossref, "relations_for_key", lambda key, *a: made_here.append(key) or real_make(key, *a))
    assert _plain(find_relations(corpus, kinds)) == serial
    assert forks == [1]
    keys = {c.key for c in corpus.claims() if c.key}
    assert 0 < len(made_here) < len(keys)  # the child's keys came back from the child, not made again here


def test_a_failing_child_means_the_relations_are_made_here(corpus, two_processes, monkeypatch) -> None:
    monkeypatch.setattr(parallel, "PARALLEL_CLAIMS", 10**9)
    serial = _plain(find_relations(corpus))
    monkeypatch.setattr(parallel, "PARALLEL_CLAIMS", 1)

    def broken(*args):
        raise RuntimeError("the child cannot encode")

    monkeypatch.setattr(parallel, "_encode", broken)  # fails in the child only: the parent never encodes
    assert _plain(find_relations(corpus)) == serial


# --------------------------------------------------------------------------- report texts


@pytest.fixture
def two_renderers(monkeypatch):
    from briefcmp.render import parallel as rparallel

    monkeypatch.setattr(rparallel, "PARALLEL_ITEMS", 1)
    monkeypatch.setenv("BRIEFCMP_JOBS", "2")
    return rparallel


def test_report_texts_come_in_order_from_two_processes(two_renderers, monkeypatch) -> None:
    items = list(range(1001))
    forks = []
    real_fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forks.append(1) or real_fork())
    made_here = []

    def make(i: int) -> str:
        made_here.append(i)
        return f"record {i}: é\u2028" + "x" * (i % 7)

    assert list(two_renderers.texts(items, make)) == [f"record {i}: é\u2028" + "x" * (i % 7) for i in items]
    assert forks == [1] and made_here == items[:500]  # the second half came from the child


def test_a_failing_renderer_child_means_its_half_is_made_here(two_renderers) -> None:
    parent = os.getpid()

    def make(i: int) -> str:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return str(i)

    assert list(two_renderers.texts(list(range(10)), make)) == [str(i) for i in range(10)]


def test_a_reader_that_stops_early_ends_the_child(two_renderers, monkeypatch) -> None:
    import time

    pids = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            pids.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)

    def make(i: int) -> str:
        if i >= 5:
            time.sleep(0.2)  # the child's half is slow: stopping must not wait for it
        return str(i)

    gen = two_renderers.texts(list(range(100)), make)
    assert [next(gen), next(gen)] == ["0", "1"]
    started = time.monotonic()
    gen.close()
    assert time.monotonic() - started < 2
    assert len(pids) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(pids[0], os.WNOHANG)  # ended and reaped: no child left behind
