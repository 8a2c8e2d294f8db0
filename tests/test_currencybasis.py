"""The basis a company states a change on (analysis/currencybasis.py): a change at constant currency or organic
against one as reported is two measures under one key, never a contradiction. Sentences written for these tests,
in the voices of a results release, a wire story and a broker note."""

from __future__ import annotations

import re

import pytest

from briefcmp.analysis.crossref import find_relations
from briefcmp.analysis.currencybasis import claim_basis, stated_basis
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Period, Topic, Value

QUARTER = Period(PartialDate(2025, 10), PartialDate(2025, 12))


def pct(amount: float, brief: str, quote: str, cid: str = "c") -> Claim:
    return Claim(id=cid, brief=brief, quote=quote, key="k", value=Value("quantity", amount=amount, unit="percent"),
                 as_of=QUARTER)


def corpus(claims: list[Claim]) -> Corpus:
    by_brief: dict[str, list[Claim]] = {}
    for c in claims:
        by_brief.setdefault(c.brief, []).append(c)
    briefs = [Brief(b, b, "src", published=PartialDate(2026, 1, 29), claims=cs) for b, cs in by_brief.items()]
    return Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "Net sales growth of the group",
                                                                                   "quantity")}), briefs)


def kinds(rels) -> list[str]:
    return sorted(r.kind for r in rels)


@pytest.mark.parametrize("sentence, figure, basis", [
    ("Net sales grew 7% at constant currency (5% reported).", "7%", "constant currency"),
    ("Net sales grew 7% at constant currency (5% reported).", "5%", ""),
    ("Q3 revenue +7% cc, +5% in euros", "7%", "constant currency"),
    ("Q3 revenue +7% cc, +5% in euros", "5%", ""),
    ("Organic sales rose 4.1%, while reported sales fell 1.2% on currency swings.", "4.1%", "organic"),
    ("Organic sales rose 4.1%, while reported sales fell 1.2% on currency swings.", "1.2%", ""),
    ("Like-for-like sales were up 3.2% in the quarter.", "3.2%", "organic"),
    ("Excluding currency effects, turnover increased 6%.", "6%", "constant currency"),
    ("Revenue rose 6% in local currencies and 2% in Swiss francs.", "6%", "constant currency"),
    ("Revenue rose 6% in local currencies and 2% in Swiss francs.", "2%", ""),
    ("The group reported revenue growth of 5% for the quarter.", "5%", ""),
])
def test_the_basis_a_change_is_stated_on(sentence, figure, basis):
    m = re.search(re.escape(figure), sentence)
    assert stated_basis(sentence, m.span()) == basis


def test_a_claim_s_basis_is_read_at_its_figure():
    assert claim_basis("sales rose 7%, or 5% at constant currency", 5) == "constant currency"
    assert claim_basis("sales rose 7%, or 5% at constant currency", 7) == ""
    assert claim_basis("", 7) == "" and claim_basis("sales rose", None) == ""


def test_constant_currency_against_reported_is_no_contradiction():
    rels = find_relations(corpus([
        pct(7, "release", "Net sales grew 7% at constant currency"),
        pct(5, "wire", "Net sales rose 5% in the October-December quarter"),
        pct(5, "broker", "Q4 net sales +5% (+7% cc)", "a"),
    ]))
    assert "contradiction" not in kinds(rels)
    (problem,) = [r for r in rels if r.kind == "annotation-problem"]
    assert "constant currency" in problem.explanation and "release#c" in problem.explanation


def test_two_figures_on_one_basis_still_contradict():
    rels = find_relations(corpus([
        pct(7, "release", "Net sales grew 7% at constant currency"),
        pct(9, "wire", "sales rose 9% at constant currency"),
    ]))
    assert kinds(rels) == ["contradiction"]


def test_a_basis_on_both_sides_explains_nothing():
    rels = find_relations(corpus([
        pct(7, "release", "Net sales grew 7% at constant currency"),
        pct(9, "wire", "sales rose 9%, or 9% in constant currency terms"),
    ]))
    assert kinds(rels) == ["contradiction"]


def test_a_year_takes_no_basis_from_its_figure():
    s = "In 2025, organic sales rose 4% and reported sales 1%."
    assert stated_basis(s, re.search("4%", s).span()) == "organic"
    assert stated_basis(s, re.search("1%", s).span()) == ""
