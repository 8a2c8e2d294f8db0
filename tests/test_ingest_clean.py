"""The cleaning steps of `briefcmp add`, one by one (briefcmp.ingest.clean)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.ingest import clean


def test_hyphenation_at_line_ends_is_joined():
    vocab = clean.vocabulary(["The distri-", "bution of water"])
    assert clean.join_lines(["The distri-", "bution of water"], vocab) == "The distribution of water"


def test_soft_hyphen_always_joins_and_u2010_counts_as_a_hyphen():
    vocab = clean.vocabulary([])
    assert clean.join_lines(["house\u00ad", "holds pay"], vocab) == "households pay"
    assert clean.join_lines(["perfor\u2010", "mance data"], vocab) == "performance data"


def test_a_compound_keeps_its_hyphen():
    lines = ["a rising-block tariff is proposed; the rising-", "block tariff raises revenue"]
    assert "the rising-block tariff" in clean.join_lines(lines, clean.vocabulary(lines))
    # a prefix English writes with a hyphen, a capital or a digit after the hyphen
    assert clean.join_lines(["a multi-", "year fund"], clean.vocabulary([])) == "a multi-year fund"
    assert clean.join_lines(["the Franco-", "German border"], clean.vocabulary([])) == "the Franco-German border"
    assert clean.join_lines(["during COVID-", "19 lockdowns"], clean.vocabulary([])) == "during COVID-19 lockdowns"


def test_the_joined_form_wins_when_the_document_writes_it():
    lines = ["Cooperation matters.", "Regional co-", "operation is weak"]
    assert clean.join_lines(lines[1:], clean.vocabulary(lines)) == "Regional cooperation is weak"


def test_a_word_broken_without_a_hyphen_is_joined_only_on_evidence():
    lines = ["the same rules apply and the sa", "me rules again"]
    assert clean.join_lines(lines, clean.vocabulary(lines)) == "the same rules apply and the same rules again"
    # two real words at a line end stay two words
    other = ["pay the", "bill now and the bill later"]
    assert clean.join_lines(other, clean.vocabulary(other)) == "pay the bill now and the bill later"


def test_ligatures_are_expanded_and_nothing_else_is_folded():
    assert clean.expand_ligatures("e\ufb03cient \ufb01nance \uf001scal \uf002ow") == "efficient finance fiscal flow"
    assert clean.expand_ligatures("1½ km²") == "1½ km²"  # NFKC would make these "11⁄2 km2"
    assert clean.tidy_characters("dis\u00adtri\u200bbution\u00a0now") == "distribution now"


def test_page_numbers():
    for line in ("7", " - 12 - ", "Page 3", "page 3 of 10", "4/10", "vii", "Seite 5"):
        assert clean.is_page_number(line), line
    for line in ("Page 3 shows the data", "12 percent", "Table 4", "- see annex -"):
        assert not clean.is_page_number(line), line


def test_running_headers_and_footers_go_by_repetition():
    pages = [
        ["Riverbank Institute | Brief 14", "Water tariffs", "first page text", "Page 1"],
        ["Riverbank Institute | Brief 14", "more body text", "riverbank.org  2"],
        ["Riverbank Institute | Brief 14", "the last body text", "riverbank.org  3"],
    ]
    drops = clean.running_lines(pages)
    assert drops == [{0, 3}, {0, 2}, {0, 2}]
    # a line repeated in the body is not a header
    body = [["Intro", "Recommendations", "x", "y", "z"], ["Intro", "a", "Recommendations", "b", "c"]]
    assert 2 not in clean.running_lines(body)[1]


def test_continuation_across_columns_and_pages():
    assert clean.continues("would reduce peak summer", "demand by 6 percent.")
    assert clean.continues("the house\u2010", "holds least able")
    assert not clean.continues("did not increase.", "Groundwater deserves attention.")
    assert not clean.continues("Policy Brief, 14 March 2025", "Municipal utilities")


def test_plain_text_pages_paragraphs_and_line_ends():
    text = ("Health Budget Watch   page 1\n\nThe budget for 2026 rises to 48.2 billion dol-\nlars in total.\n\n"
            "1\n\fHealth Budget Watch   page 2\n\nPrimary care receives 14 percent,\nthe same share as before.\n\n2\n")
    out = clean.clean_plain_text(text)
    assert out == ("The budget for 2026 rises to 48.2 billion dollars in total.\n\n"
                   "Primary care receives 14 percent,\nthe same share as before.\n")


def test_paragraphs_text_one_paragraph_a_line():
    assert clean.paragraphs_text(["First  para\u00ad graph.", "", "Se\ufb00ect second."]) == \
        "First para graph.\n\nSeffect second.\n"


_words = st.text(alphabet="abcdefgh-", min_size=1, max_size=8)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(_words, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=6))
def test_mending_line_ends_only_removes_hyphens_and_spaces(lines):
    out = clean.join_lines(lines, clean.vocabulary(lines))
    assert re.sub(r"[\s-]", "", out) == re.sub(r"[\s-]", "", "".join(lines))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_plain_text_cleaning_never_fails_and_keeps_no_blank_runs(text):
    out = clean.clean_plain_text(text)
    assert "\n\n\n" not in out
    assert out == "" or out.endswith("\n")
    assert not re.search("[\ufb00-\ufb06\u00ad]", out)
