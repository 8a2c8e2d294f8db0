"""Quote anchoring and its normaliser: examples and properties."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings, strategies as st

from briefcmp.corpus.anchor import context, find_quote, normalise

SOURCE = normalise("""Japan’s trade with Russia — about $20\u00a0billion — fell.
“Sanctions work,” he said.  Japan froze assets.
Japan froze assets. The ﬁnal word.""")


def test_typographic_quotes_dashes_and_spaces_match_ascii() -> None:
    a = find_quote(SOURCE, "Japan's trade with Russia - about $20 billion - fell.")
    assert a.span is not None and a.count == 1
    assert find_quote(SOURCE, '"Sanctions work," he said.').span is not None
    assert find_quote(SOURCE, "The final word.").span is not None  # NFKC turns the ligature into "fi"


def test_ambiguous_and_disambiguated() -> None:
    a = find_quote(SOURCE, "Japan froze assets.")
    assert a.span is None and a.count == 2 and a.total == 2
    first = find_quote(SOURCE, "Japan froze assets.", prefix="he said.")
    second = find_quote(SOURCE, "Japan froze assets.", suffix="The final word.")
    assert first.span and second.span and first.span[0] < second.span[0]


def test_not_found_gives_closest_passage() -> None:
    a = find_quote(SOURCE, "Japan's trade with Russia - about $24 billion - fell.")
    assert a.span is None and a.total == 0 and "about $20 billion" in a.closest


def test_case_counts() -> None:
    assert find_quote(SOURCE, "japan froze assets.").total == 0


def test_context_marks_cuts() -> None:
    a = find_quote(SOURCE, '"Sanctions work,"')
    before, quote, after = context(SOURCE, a.span, width=20)
    assert quote == '"Sanctions work,"' and before.startswith("…") and after.endswith("…")


ALPHABET = st.sampled_from(list("abcXYZ019 .,;:'\"-$%()") + ["\n", "\t", "\u00a0", "\u2019", "\u201c", "\u201d",
                                                              "\u2014", "\u2013", "\u2026", "é", "ß", "\ufb01",
                                                              "全", "\uff2a", "  "])
TEXT = st.lists(ALPHABET, min_size=1, max_size=80).map("".join)


@given(TEXT)
def test_normalise_is_idempotent_and_canonical(text: str) -> None:
    n = normalise(text)
    assert normalise(n) == n
    assert n == n.strip() and "  " not in n and "\n" not in n and "\u00a0" not in n
    assert unicodedata.normalize("NFKC", n) == n


@given(TEXT, st.data())
@settings(max_examples=200)
def test_any_slice_of_the_source_is_found(text: str, data) -> None:
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j]
    if not normalise(quote):
        return
    a = find_quote(normalise(text), quote)
    assert a.total >= 1


@given(st.lists(st.text(alphabet="abcdef", min_size=1, max_size=6), min_size=1, max_size=10), st.data())
def test_whitespace_layout_does_not_matter(words, data) -> None:
    seps = data.draw(st.lists(st.sampled_from([" ", "\n", "  ", "\t", "\r\n", "\u00a0"]),
                              min_size=len(words), max_size=len(words)))
    laid_out = "".join(w + s for w, s in zip(words, seps))
    assert normalise(laid_out) == " ".join(words)


def test_backtick_matches_in_ascii_text_too() -> None:
    assert normalise("the `quoted` word") == "the 'quoted' word"
    assert find_quote(normalise("He said \u2018no\u2019."), "He said `no'.").span is not None
