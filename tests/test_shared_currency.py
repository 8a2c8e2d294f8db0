"""A currency sign or name several countries share ("$", "crowns", "kroner"), resolved from the brief or from
the corpus when the figure's own writing does not say which (issue 21, session 16). Fixture texts written here."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import briefunits, sharedcurrency
from briefcmp.corpus.model import Value
from briefcmp.drafting.homecurrency import declared_dollar, home_dollar


@pytest.mark.parametrize("word, codes", [
    ("kronor", {"SEK"}),  # Sweden's alone
    ("kroner", {"DKK", "NOK"}),
    ("crowns", {"SEK", "DKK", "NOK", "CZK"}),  # the English of every crown
    ("koruna", {"CZK"}),
    ("Kronen", set()),  # German: CLDR's English names only
    ("원", set()),
    ("widgets", set()),
])
def test_the_currencies_a_name_can_be(word: str, codes: set) -> None:
    assert briefunits.codes_named(word) == codes


def _m(brief: str, amount: float, unit: str, *, scale: str = "billion", written: str = "", subjects=("halvard",),
       at: int = -1, key: str = ""):
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#x{amount}", id=f"x{amount}", key=key, status="draft",
                            value=Value("quantity", amount, scale=scale, unit=written or unit))
    return SimpleNamespace(claim=claim, unit=unit, dim=unit, words=frozenset({"profit"}), order=("profit",),
                           shown={"profit": "profit"}, subjects=subjects, unit_from="", at=at)


def _ctx(text: str, title: str = "Halvard results"):
    return SimpleNamespace(ok=True, title=title, text=text)


def test_crowns_take_the_one_crown_the_other_reports_write() -> None:
    crowns = _m("paper", 4.6, "crowns", written="crowns")
    release = _m("release", 4.62, "SEK")
    took = sharedcurrency.resolve([crowns, release], {"paper": _ctx("profit of 4.6 billion crowns"),
                                                      "release": _ctx("profit SEK 4,620m")})
    assert took == [crowns] and crowns.unit == "SEK" and crowns.unit_from == sharedcurrency.CORPUS_CURRENCY


def test_no_crown_chosen_when_the_corpus_writes_two_or_another_subject() -> None:
    crowns = _m("paper", 4.6, "crowns", written="kroner")
    two = [_m("a", 5.2, "DKK"), _m("b", 9.1, "NOK")]  # two crowns, neither of its value
    assert sharedcurrency.resolve([crowns, *two], {}) == [] and crowns.unit == "crowns"
    elsewhere = _m("c", 4.6, "DKK", subjects=("other",))  # another company's amounts say nothing of this one's
    assert sharedcurrency.resolve([crowns, elsewhere], {}) == []
    keyed = _m("paper", 4.6, "crowns", key="profit")  # a keyed claim is read as its key was
    assert sharedcurrency.resolve([keyed, _m("a", 4.6, "DKK")], {}) == []


def test_a_bare_dollar_takes_the_dollar_the_others_mark_and_one_value_decides_between_two() -> None:
    text = "Profit was $1.25 billion."
    bare = _m("release", 1.25, "USD", at=text.index("1.25"))
    wire = _m("wire", 1.25, "AUD")
    contexts = {"release": _ctx(text), "wire": _ctx("profit of A$1.25 billion")}
    assert sharedcurrency.resolve([bare, wire], contexts) == [bare] and bare.unit == "AUD"
    # the corpus writes this subject's amounts in two dollars: the one whose value is its value, to the rounding
    text = "Net earnings came to $11.6 billion."
    bare = _m("paper", 11.6, "AUD", at=text.index("11.6"))
    others = [_m("release", 11552.0, "USD", scale="million"), _m("local", 2.3, "AUD")]
    assert sharedcurrency.resolve([bare, *others], {"paper": _ctx(text)}) == [bare] and bare.unit == "USD"


def test_a_dollar_the_brief_marks_is_left_as_drafted() -> None:
    text = "Profit was $1.25 billion (A$1.9 billion)."  # the brief marks its own dollar: "$" is the US one
    bare = _m("paper", 1.25, "USD", at=text.index("1.25"))
    wire = _m("wire", 1.25, "AUD")
    assert sharedcurrency.resolve([bare, wire], {"paper": _ctx(text), "wire": _ctx("")}) == []
    # ... and is evidence by contrast; a bare "$" in a brief marking none is no evidence for another
    other = _m("other", 1.25, "AUD", at=12)
    contexts = {"paper": _ctx(text), "other": _ctx("Profit was $1.25 billion")}
    assert sharedcurrency.resolve([bare, other], contexts) == [other] and other.unit == "USD"
    third = _m("third", 1.25, "USD", at=12)
    other = _m("other", 1.25, "AUD", at=12)
    contexts = {"third": _ctx("Profit was $1.25 billion"), "other": _ctx("Profit was $1.25 billion")}
    assert sharedcurrency.resolve([third, other], contexts) == []


@pytest.mark.parametrize("a, b, same", [
    (Value("quantity", 11.6, scale="billion"), Value("quantity", 11552.0, scale="million"), True),
    (Value("quantity", 11.6, scale="billion"), Value("quantity", 11.4, scale="billion"), False),
    (Value("quantity", 4.0, scale="billion"), Value("quantity", 4.4, scale="billion"), True),  # "4 billion": rounded
    (Value("quantity", 2.0, upper=3.0, scale="billion"), Value("quantity", 2.0, scale="billion"), False),
])
def test_one_value_to_the_rounding_either_writes(a: Value, b: Value, same: bool) -> None:
    assert sharedcurrency.same_value(a, b) is same


@pytest.mark.parametrize("text, code", [
    ("Halvard results\n\nAll figures are in Australian dollars. Profit was $2 billion.", "AUD"),
    ("Amounts in New Zealand dollars unless stated. Spending of $3 billion.", "NZD"),
    ("In Australian dollars, and A$5 billion elsewhere: $2 billion", ""),  # a marked dollar: "$" is another
    ("Exports in Canadian dollars and imports in Australian dollars: $2 billion", ""),  # two named
    ("Umsatz 1,2 Mrd. Kronen, 12억 원: $2", ""),
])
def test_a_text_that_says_which_dollar_its_amounts_are_in(text: str, code: str) -> None:
    assert declared_dollar(text) == code
    if code:
        assert home_dollar(text) == code


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("in Australian dollars $ A$ US$ 1,2 Mrd. Kronen 12억 원 é\n")),
               max_size=120))
def test_reading_a_declared_dollar_never_fails(text: str) -> None:
    code = declared_dollar(text)
    assert code == "" or (len(code) == 3 and code.isupper())
