"""One document object per source (analysis/document.py): one sentence splitter and one paragraph reader for
drafting and align, in both offset systems; one lemmatiser entry point; one home for function words."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import nlp
from briefcmp.analysis.document import Document, lemma, paragraphs
from briefcmp.corpus.functionwords import FUNCTION_WORDS, MONTH_NAMES, WEEKDAYS

HEAD = "Exports rise for a third month\nharbourwire.example | Trade | 4 March 2025\n\n"


def _sentences(text: str) -> list[str]:
    doc = Document(text)
    return [doc.norm[a:b] for a, b in doc.norm_sentences]


def test_the_head_lines_are_a_sentence_each_even_when_the_outlet_starts_in_lower_case() -> None:
    got = _sentences(HEAD + "Exports rose 4.1% in February. Imports fell.\n")
    assert got == ["Exports rise for a third month", "harbourwire.example | Trade | 4 March 2025",
                   "Exports rose 4.1% in February.", "Imports fell."]


def test_no_ends_a_sentence_before_a_word_but_not_before_a_number() -> None:
    assert _sentences("Two members voted no. Spain abstained.") == ["Two members voted no.", "Spain abstained."]
    assert _sentences("See Table No. 5 for details.") == ["See Table No. 5 for details."]


def test_a_footnote_after_a_year_ends_a_sentence_a_decimal_point_does_not() -> None:
    assert _sentences("Output was 4.5 tonnes in 2021.7 Prices rose.") == ["Output was 4.5 tonnes in 2021.7", "Prices rose."]
    assert _sentences("The index closed at 3051.7 Points were lost.") == ["The index closed at 3051.7 Points were lost."]
    assert _sentences("Growth was 3.5 percent. It slowed.") == ["Growth was 3.5 percent.", "It slowed."]


def test_list_items_are_sentences_of_one_paragraph() -> None:
    items = ("The ministry set out three steps for the year ahead of the vote:\n"
             "- the agency should publish its data every month from January on;\n"
             "- the cabinet should not raise the levy before the review is done.\n")
    doc = Document(HEAD + items)
    assert [doc.norm[a:b] for a, b in doc.norm_sentences][2:] == [
        "The ministry set out three steps for the year ahead of the vote:",
        "- the agency should publish its data every month from January on;",
        "- the cabinet should not raise the levy before the review is done."]
    # three long lines are one paragraph (a list carries its subject from item to item), the head lines one each
    assert [doc.norm[a:b][:12] for a, b in doc.norm_paragraphs] == ["Exports rise", "harbourwire.", "The ministry"]


def test_a_run_of_short_lines_is_a_paragraph_per_line() -> None:
    text = "Key figures\n\nExports: 4.1%\nImports: -2.0%\nBalance: surplus\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["Key figures", "Exports: 4.1%", "Imports: -2.0%",
                                                        "Balance: surplus"]


def test_spans_are_in_the_normalised_text_where_claims_live() -> None:
    doc = Document("Title line\n\nThe  index\u00a0rose \u201cstrongly\u201d\nto 104.2 in May.\n")
    assert doc.norm == "Title line The index rose \"strongly\" to 104.2 in May."
    a, b = doc.norm_sentences[1]
    assert doc.norm[a:b] == "The index rose \"strongly\" to 104.2 in May."
    assert doc.sentence_at(doc.norm.index("104.2")) == 1
    assert [doc.norm[a:b] for a, b in doc.numbers] == ["104.2"]


def test_list_items_carry_the_heading_that_dates_them() -> None:
    doc = Document(HEAD + "Revised Estimates 2024-25\n- Total outlays of 4.1 trillion\n- Capital spending of 1.1 trillion\n\n"
                   "Spending rose.\n- An item under no heading\n")
    assert [(doc.norm[a:b], h) for a, b, h in doc.headed] == [
        ("- Total outlays of 4.1 trillion", "Revised Estimates 2024-25"),
        ("- Capital spending of 1.1 trillion", "Revised Estimates 2024-25")]


def test_read_decodes_as_the_loader_does(tmp_path: Path) -> None:
    from briefcmp.corpus.anchor import normalise

    path = tmp_path / "s.txt"
    path.write_bytes("\ufeffTitle\r\n\r\nIt rose 2% in May.\r\n".encode())
    doc = Document.read(path)
    assert doc is not None and doc.original == "Title\n\nIt rose 2% in May.\n"
    assert doc.norm == normalise("Title\n\nIt rose 2% in May.") and "\r" not in doc.text
    assert Document.read(tmp_path / "missing.txt") is None
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe")
    assert Document.read(tmp_path / "b.txt") is None


def test_entities_and_tokens_are_computed_once() -> None:
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.model import Config

    doc = Document("Japan's exports rose. Kenya froze the accounts.")
    ents = Entities(Config())
    found = doc.entities(ents)
    assert [eid for _, _, eid in found] == ["japan", "kenya"] and doc.entities(ents) is found
    a, b = doc.sentence_spans[1]
    tokens = doc.tokens(a, b)
    assert doc.tokens(a, b) is tokens
    if nlp.available():
        assert [t.lemma for t in tokens if t.verb] == ["freeze"]


def test_one_lemmatiser_entry_point() -> None:
    assert lemma("outlays") == "outlay"  # from the word alone
    if nlp.available():
        assert lemma("froze", "VBD") == "freeze"  # by part of speech
        assert lemma("sanctions", "NNS") == "sanction"
    assert lemma("froze", "VBD", lang="de") == lemma("froze", lang="de")


@pytest.mark.parametrize("module, name, left_out", [
    ("briefcmp.analysis.measure", "_STOP", set()), ("briefcmp.analysis.suggest", "_STOP", set()),
    ("briefcmp.drafting.unitwords", "STOP", {"further"}), ("briefcmp.drafting.suggester", "STOPWORDS", None),
    ("briefcmp.analysis.entities", "_NOT_A_NAME_WORD", set()), ("briefcmp.analysis.entities", "_NOT_NAME", set()),
])
def test_every_word_list_builds_on_the_one_function_word_list(module: str, name: str, left_out) -> None:
    import importlib

    words = getattr(importlib.import_module(module), name)
    if left_out is None:  # a key's name keeps modals and pronouns: "future-government-should-reinstate"
        left_out = importlib.import_module(module)._KEPT_IN_NAMES
        assert {"should", "we"} <= left_out
    assert FUNCTION_WORDS - left_out <= words and not left_out & words  # (a few left out on purpose)


def test_further_is_a_modifier_before_a_counted_noun() -> None:
    from briefcmp.drafting.unitwords import counted_noun

    assert counted_noun(" further cuts", 0) == ("cuts", len(" further cuts"))
    assert counted_noun(" of the banks", 0) is None
    assert "may" in MONTH_NAMES and "friday" in WEEKDAYS


def _reference_map(text: str) -> list[int]:
    """Where each character lands once white space is collapsed, one character at a time."""
    out, pos, pending = [], 0, []
    for i, ch in enumerate(text):
        if ch.isspace():
            pending.append(i)
            continue
        if pending and out:
            pos += 1  # the one space a run of white space between two words becomes
        out.extend([pos] * len(pending))
        pending = []
        out.append(pos)
        pos += 1
    return out + [pos] * len(pending)



@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abé \n\t\r\u00a0\u3000", max_size=40))
def test_the_map_to_normalised_offsets_is_the_per_character_one(text: str) -> None:
    from briefcmp.corpus.sentences import prepare

    p = prepare(text)
    assert [p.norm_at[i] for i in range(len(p.text))] == _reference_map(p.text)
    for a in range(len(p.text) + 1):
        s, e = p.norm_span(a, len(p.text))
        assert p.norm[s:e] == " ".join(p.text[a:].split())
