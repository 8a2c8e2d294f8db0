"""One notion across wordings (issue 21, item 1): abbreviations a report defines, abbreviations never read
as chemical elements, a verb or adjective and its noun, the tags of a figure (its base, "sa", "a modest")
as qualifiers, and an economy's growth as GDP growth. Sentences written here, in four voices: a central
bank, a statistics office, a company's results and a commodity report; each equivalence has a trap beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import acronyms
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.lexicon import base, derived_notion
from briefcmp.analysis.measure import measured_words, norm_word, word_match
from briefcmp.cli import app

runner = CliRunner()
_E = Entities(use_countries=False)


def _w(text: str) -> frozenset[str]:
    return measured_words(text, _E, "")[0]


# --------------------------------------------------------------------------- abbreviations


@pytest.mark.parametrize("text, pair", [
    ("Group underlying trading operating profit (UTOP) rose 4.0% to EUR 2.1 billion.",
     ("UTOP", "underlying trading operating profit")),
    ("UTOP (underlying trading operating profit) rose 4.0% to EUR 2.1 billion.",
     ("UTOP", "underlying trading operating profit")),
    ("Organic growth (OG) was 3.2% in the nine months.", ("OG", "Organic growth")),
    ("Ending stocks were cut to 1,120 million bushels (mb) from 1,190 mb.", ("mb", "million bushels")),
    ("The cash reserve ratio (CRR, in per cent of deposits) was kept at 4.0.", ("CRR", "cash reserve ratio")),
    ("Earnings before interest, taxes, depreciation and amortisation (EBITDA) reached 812 million.",
     ("EBITDA", "Earnings before interest, taxes, depreciation and amortisation")),
])
def test_an_abbreviation_is_defined_either_way_round(text: str, pair: tuple[str, str]) -> None:
    assert acronyms.definitions(text) == [pair]


@pytest.mark.parametrize("text", [
    "Sales rose 5% (see table 2) in the quarter.",
    "Revenue reached EUR 5.1bn (about $5.5bn) in the period.",
    "Output grew (in volume terms) by 2%.",
    "GDP (the economy as a whole) grew 0.4%.",
])
def test_a_parenthesis_that_defines_nothing_gives_nothing(text: str) -> None:
    assert acronyms.definitions(text) == []


def test_a_corpus_table_keeps_one_meaning_and_names_mean_no_measure() -> None:
    table = acronyms.table(["Organic growth (OG) was 3.2%.", "The Monetary Policy Committee (MPC) met.",
                            "Operating gains (OG) were small.", "UTOP (underlying trading operating profit) rose."])
    assert "OG" not in table  # two long forms: a lone "OG" means either
    assert "MPC" not in table  # a name's abbreviation stays as written
    assert table["UTOP"] == "underlying trading operating profit"


def test_a_lone_abbreviation_measures_its_long_form_across_briefs() -> None:
    """A company defines "OG" in its release; a wire story uses "OG" alone: one measure. Without the
    definition "OG" is only itself, never the element oganesson."""
    table = acronyms.table(["Nestra said organic growth (OG) was 3.2% in the first nine months."])
    with acronyms.defined(table):
        assert _w("OG slowed to 3.2% in the nine months") == _w("organic growth slowed to 3.2% in the nine months")
        assert word_match(_w("OG was 3.2%"), _w("organic growth was 3.2%")) == "sure"
        assert word_match(_w("OG was 3.2%"), _w("real internal growth was 3.2%")) != "sure"  # another measure
    assert _w("OG was 3.2%") == frozenset({"og"})
    assert norm_word("OG") == "og" and norm_word("US") == "us"


def test_an_abbreviation_for_a_unit_adds_no_measured_word() -> None:
    table = acronyms.table(["Corn ending stocks were put at 1,938 million bushels (mb)."])
    with acronyms.defined(table):
        assert _w("corn ending stocks of 1,938 mb") == _w("corn ending stocks of 1,938 million bushels")


def test_abbreviations_join_two_reports_in_align(tmp_path: Path) -> None:
    """End to end: a results release defines UTOP, a wire story writes "UTOP" alone; align describes both
    figures with one measure (and the table is gone once align returns)."""
    from briefcmp.analysis import align as A
    from briefcmp.corpus.cache import load_corpus

    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    texts = {
        "release": ("Kestrel Foods nine-month sales\nKestrel Foods | 24 October 2024\n\n"
                    "Underlying trading operating profit (UTOP) rose 4.1% to CHF 2.3 billion in the first nine "
                    "months of 2024, the group said.\n"),
        "wire": ("Kestrel profit edges up\nZURICH, Oct 24 (Newswire) -\n\n"
                 "Kestrel Foods said on Thursday that UTOP rose 4.1% in the first nine months of 2024.\n"),
    }
    for name, text in texts.items():
        src = tmp_path / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["add", str(src), str(root), "--id", name])
        assert r.exit_code == 0, r.output
    corpus = load_corpus([root], cache=False).corpus
    seen: dict[str, frozenset[str]] = {}
    original = A.describe

    def spy(claim, ctx, entities, nth=0):
        m = original(claim, ctx, entities, nth)
        if m is not None and m.claim.value.amount == 4.1:
            seen[m.claim.brief] = m.words
        return m

    A.describe = spy
    try:
        A.align(corpus)
    finally:
        A.describe = original
    assert seen.keys() == {"release", "wire"}
    measure = {"operating", "profit", "underlying", "trade", "increase"}
    assert measure <= seen["wire"] and measure <= seen["release"], seen
    assert "utop" not in seen["wire"]
    assert acronyms.long_form("UTOP") is None


# --------------------------------------------------------------------------- word classes


def test_an_ing_noun_takes_its_verb_not_a_fragment() -> None:
    pytest.importorskip("lemminflect")
    assert base("trading") == "trade" and base("mining") == "mine" and base("leasing") == "lease"
    assert base("housing") == "house" and base("string") == "string"
    assert base("boeing") == "boeing"  # a name the dictionary does not know stays whole


@pytest.mark.parametrize("a, b", [
    # statistics office
    ("the number of unemployed fell to 2.1 million", "unemployment fell to 2.1 million"),
    ("unemployed persons numbered 2.1 million", "unemployment stood at 2.1 million"),
    ("people in work rose by 52,000", "employment rose by 52,000"),
    # central bank
    ("internal demand grew 1.1%", "domestic demand grew 1.1%"),
    ("the economy expanded 0.3% in the quarter", "GDP grew 0.3% in the quarter"),
    # company results
    ("a modest 0.2% rise in operating profit", "operating profit rose 0.2%"),
    # commodity report
    ("rice consumed by households rose 3.1%", "household rice consumption rose 3.1%"),
])
def test_one_notion_in_other_word_classes(a: str, b: str) -> None:
    assert word_match(_w(a), _w(b)) == "sure", (_w(a), _w(b))


@pytest.mark.parametrize("a, b", [
    ("the number of unemployed persons fell to 2.1 million", "the number of employed persons fell to 2.1 million"),
    ("coffee growers' output rose 4%", "coffee output fell 4%"),
    ("exports grew 2.2%", "imports grew 2.2%"),
    ("household spending rose 1.2%", "household income rose 1.2%"),
])
def test_derivations_keep_the_traps_apart(a: str, b: str) -> None:
    assert word_match(_w(a), _w(b)) == "", (_w(a), _w(b))


def test_a_derivation_never_reaches_a_direction_or_an_aggregate() -> None:
    assert derived_notion("unemployed") == "unemployment" and derived_notion("consumed") == "consumption"
    assert derived_notion("growers") == "" and derived_notion("inflated") == "" and derived_notion("economical") == ""
    assert norm_word("inflated") != "inflation"
    assert derived_notion("project") == "" and norm_word("project") == "project"  # a noun as often as a verb


# --------------------------------------------------------------------------- tags


def test_a_base_is_a_qualifier_never_the_measure() -> None:
    gdp = frozenset({"gdp", "increase"})
    assert word_match(gdp | {"qoq"}, gdp | {"yoy"}) == ""  # two bases: two figures
    assert word_match(gdp | {"qoq"}, gdp) == "maybe"  # said on one side only
    assert word_match(gdp | {"qoq"}, gdp | {"qoq"}) == "sure"
    assert word_match(frozenset({"qoq"}), gdp | {"qoq"}) == ""  # a base alone measures nothing
    assert word_match(frozenset({"inflation", "yoy"}), frozenset({"headline", "inflation"})) == "maybe"


def test_seasonal_adjustment_and_size_words_are_no_measure() -> None:
    assert _w("retail sales rose a modest 0.2% sa") == _w("retail sales rose 0.2%")
    assert _w("a sharp 3% fall in copper output") == _w("a 3% fall in copper output")
