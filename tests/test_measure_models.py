"""benchmarks/measure_models.py: the measures it reports (AUC, recall with no trap joined, what a model adds
to the lexical method) and how it reads a figure's measured phrase. Its model needs an optional package
(wordllama): a test that loads it is skipped without it."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _mm():
    key = "bench_measure_models"
    if key not in sys.modules:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        spec = importlib.util.spec_from_file_location(key, ROOT / "benchmarks" / "measure_models.py")
        mod = importlib.util.module_from_spec(spec)
        sys.modules[key] = mod
        spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return sys.modules[key]


def test_auc_counts_pairs_ranked_right_and_ties_half() -> None:
    mm = _mm()
    assert mm.auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert mm.auc([0.1], [0.9]) == 0.0
    assert mm.auc([0.5], [0.5]) == 0.5
    assert mm.auc([0.9, 0.3], [0.5]) == 0.5
    assert math.isnan(mm.auc([], [0.1]))


def test_recall_where_no_trap_is_joined() -> None:
    mm = _mm()
    bar, recall, precision = mm.at_no_trap([0.9, 0.7, 0.4], [0.6], [0.8, 0.2])
    assert bar == 0.6
    assert recall == pytest.approx(2 / 3)
    assert precision == pytest.approx(2 / 3)  # 0.9 and 0.7 of gold, 0.8 of the others
    bar, recall, _ = mm.at_no_trap([0.2], [], [])
    assert bar == -math.inf and recall == 1.0


def test_phrase_reads_the_words_as_written_in_clause_order() -> None:
    mm = _mm()
    member = SimpleNamespace(words=frozenset({"unemployment", "rate"}), order=("rate", "unemployment", "rise"),
                             shown={"unemployment": "jobless", "rate": "rate"})
    assert mm.phrase(member) == "rate jobless"  # "rise" is in the clause order but not a measured word
    assert mm.phrase(SimpleNamespace(words=frozenset({"b", "a"}), order=(), shown={})) == "a b"


def _data():
    # one set, four figures of two briefs: a gold pair worded apart, a trap of opposites, another pair
    figs = {"x:1": {"brief": "x", "words": ["export"], "dim": "USD", "phrase": "exports"},
            "y:1": {"brief": "y", "words": ["import"], "dim": "USD", "phrase": "imports"},
            "x:2": {"brief": "x", "words": ["sale"], "dim": "USD", "phrase": "sales"},
            "y:2": {"brief": "y", "words": ["sale"], "dim": "USD", "phrase": "sales"}}
    return {"one": {"half": "old", "figures": figs, "gold": [["x:2", "y:2"]], "trap": [["x:1", "y:1"]],
                    "other": [["x:2", "y:1"]]}}


def test_gain_counts_only_what_lexical_misses_and_no_veto_blocks() -> None:
    mm = _mm()
    data = _data()
    lex = {"one": {("x:2", "y:2"): (0.0, "", ""), ("x:1", "y:1"): (0.0, "", "opposites: export / import"),
                   ("x:2", "y:1"): (0.0, "", "")}}
    mod = {"one": {("x:2", "y:2"): 0.8, ("x:1", "y:1"): 0.9, ("x:2", "y:1"): 0.3}}
    # (the gold pair writes one word on both sides: it counts as worded alike, not a wording bridged)
    assert mm.gain(data, lex, mod, ["one"], 0.5) == {"gold": 1, "other": 0, "block trap": 0, "trap": 0,
                                                     "gold worded alike": 1}
    assert mm.gain(data, lex, mod, ["one"], 0.2) == {"gold": 1, "other": 1, "block trap": 0, "trap": 0,
                                                     "gold worded alike": 1}
    lex["one"][("x:2", "y:2")] = (1.0, "yes", "")  # lexical joins it already: nothing added
    assert mm.gain(data, lex, mod, ["one"], 0.5)["gold"] == 0
    assert mm.antonyms(data, lex, mod, ["one"]) == {"pairs": 1, "model_mean": 0.9, "model_ge_0.5": 1}


def test_lexical_scores_use_the_measuresim_of_align() -> None:
    mm = _mm()
    lex = mm.lexical_scores(_data())["one"]
    assert lex[("x:1", "y:1")][2]  # exports and imports: a veto today
    assert lex[("x:2", "y:2")][0] == 1.0 and not lex[("x:2", "y:2")][2]  # one word: one measure


def test_halves_read_from_the_readmes(tmp_path) -> None:
    mm = _mm()
    for name in ("a", "b", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "gold.yaml").write_text("relations: []\n")
    (tmp_path / "README-heldout-2026-01-01-s9.md").write_text("| set | event |\n|---|---|\n| b | x |\n")
    assert mm.halves(tmp_path) == {"old": ["a", "c"], "s9": ["b"]}


def test_the_model_loads_from_its_wheel_without_network(monkeypatch) -> None:
    pytest.importorskip("wordllama")
    import socket

    def refuse(*a, **k):
        raise OSError("no network in this test")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    embed = _mm().load_wordllama()
    v = embed(["unemployment rate", "jobless rate", "crude oil output"])
    assert v.shape[0] == 3
    assert abs(float(v[0] @ v[0]) - 1.0) < 1e-4
    assert float(v[0] @ v[1]) > float(v[0] @ v[2])


def test_disjoint_means_no_shared_measured_word() -> None:
    mm = _mm()
    figs = {"a": {"words": ["export", "increase"]}, "b": {"words": ["shipment", "increase"]},
            "c": {"words": ["export"]}, "d": {"words": ["rate"]}}
    assert mm.disjoint(figs, ("a", "b"))  # only a direction shared
    assert not mm.disjoint(figs, ("a", "c"))
    assert not mm.disjoint(figs, ("a", "d"))  # "rate" alone names nothing measured


def test_extract_keeps_gold_trap_and_other_pairs_of_a_small_set(tmp_path) -> None:
    """The real path (init, add, align in process) on a set written here: two reports of one invented
    release, exports and imports told apart by a trap."""
    mm = _mm()
    folder = tmp_path / "sets" / "kenya-trade"
    folder.mkdir(parents=True)
    (folder / "statsoffice.txt").write_text(
        "Kenya trade in March 2025\n\nKenya's exports rose to $1.40 billion in March 2025, the statistics "
        "office said on 20 April 2025. Imports came to $2.10 billion in March 2025.\n", encoding="utf-8")
    (folder / "daily.txt").write_text(
        "Kenyan trade gap widens\n\nKenya's exports were $1.40 billion in March 2025, official data showed "
        "on 21 April 2025. Imports reached $2.10 billion in March 2025.\n", encoding="utf-8")
    (folder / "gold.yaml").write_text(
        "relations:\n"
        "  - kind: agreement\n    claims:\n"
        "      - {source: statsoffice, quote: \"exports rose to $1.40 billion\"}\n"
        "      - {source: daily, quote: \"exports were $1.40 billion\"}\n"
        "  - kind: agreement\n    claims:\n"
        "      - {source: statsoffice, quote: \"Imports came to $2.10 billion\"}\n"
        "      - {source: daily, quote: \"Imports reached $2.10 billion\"}\n"
        "traps:\n  - why: exports are not imports\n    claims:\n"
        "      - {source: statsoffice, quote: \"exports rose to $1.40 billion\"}\n"
        "      - {source: daily, quote: \"Imports reached $2.10 billion\"}\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    d = mm.extract_set(folder, work)
    figs = d["figures"]
    assert len(d["gold"]) == 2
    for x, y in d["gold"]:
        assert figs[x]["brief"] != figs[y]["brief"] and figs[x]["unit"] == figs[y]["unit"]
    assert len(d["trap"]) == 1
    (x, y), = d["trap"]
    assert {figs[x]["brief"], figs[y]["brief"]} == {"statsoffice", "daily"}
    # the exports of one report and the imports of the other: two relations, one block
    assert not set(map(tuple, d["other"])) & set(map(tuple, d["gold"]))
    assert all("export" in figs[r]["words"] or "import" in figs[r]["words"] for p in d["gold"] for r in p)
    lex = mm.lexical_scores({"k": {"half": "old", **d}})["k"]
    assert all(lex[tuple(p)][0] >= 0.5 for p in d["gold"])
    assert lex[tuple(d["trap"][0])][2]  # opposites: the lexical veto keeps the trap apart


def test_score_without_the_model_says_how_to_install_it(tmp_path, monkeypatch, capsys) -> None:
    mm = _mm()
    cache = tmp_path / "cache.json"
    cache.write_text("{}", encoding="utf-8")

    def missing():
        raise ImportError("No module named 'wordllama'")
    monkeypatch.setitem(mm.MODELS, "wordllama", missing)
    assert mm.main(["score", str(cache)]) == 2
    assert "pip install wordllama" in capsys.readouterr().err
