"""Differing figures of one period that are not a contradiction of fact (analysis/rules/unsettled.py, session 16):
two figures of one sentence dated alike (one is the base of the other), a base dated by publication, the size of a
change against a level; and a later report that names the first estimate (a revision)."""

from __future__ import annotations

import pytest

from briefcmp.analysis.crossref import find_relations
from briefcmp.analysis.rules.unsettled import a_change
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Period, Topic, Value


def eur(amount: float, brief: str, quote: str, as_of: Period, cid: str = "c") -> Claim:
    return Claim(id=cid, brief=brief, quote=quote, key="k", value=Value("quantity", amount=amount, unit="EUR",
                                                                        scale="billion"), as_of=as_of)


def corpus(claims: list[Claim], published: PartialDate = PartialDate(2025, 5, 20)) -> Corpus:
    by_brief: dict[str, list[Claim]] = {}
    for c in claims:
        by_brief.setdefault(c.brief, []).append(c)
    briefs = [Brief(b, b, "src", published=published, claims=cs) for b, cs in by_brief.items()]
    return Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "Net profit of the carrier",
                                                                                   "quantity")}), briefs)


YEAR = Period(PartialDate(2024))
SENTENCE = "The carrier made a net profit of 2.4 billion euros, down from 3.1 billion euros a year before."


def kinds(rels) -> list[str]:
    return sorted(r.kind for r in rels)


def test_two_figures_of_one_sentence_dated_alike_are_no_contradiction() -> None:
    rels = find_relations(corpus([eur(2.4, "gazette", SENTENCE, YEAR, "a"), eur(3.1, "gazette", SENTENCE, YEAR, "b"),
                                  eur(2.4, "ledger", "Net profit: EUR2.4bn.", YEAR)]))
    assert "contradiction" not in kinds(rels)
    (change,) = [r for r in rels if r.kind == "change-over-time"]
    assert "one sentence" in change.explanation and "gazette#b" in change.explanation


def test_two_briefs_with_different_figures_stay_a_contradiction() -> None:
    rels = find_relations(corpus([eur(2.4, "gazette", "Net profit came to 2.4 billion euros.", YEAR),
                                  eur(2.9, "ledger", "Net profit: EUR2.9bn.", YEAR)]))
    assert kinds(rels) == ["contradiction"]


def test_figures_for_a_year_not_over_stay_a_contradiction() -> None:
    """A misreported projection is a contradiction in the gold: a period not over is no reading of its own."""
    year = Period(PartialDate(2025))
    rels = find_relations(corpus([eur(2.4, "gazette", "The carrier sees net profit of 2.4 billion euros this year.", year),
                                  eur(2.9, "ledger", "We pencil in EUR2.9bn of net profit for the year.", year)],
                                 published=PartialDate(2025, 3, 2)))
    assert kinds(rels) == ["contradiction"]


def test_one_sentence_does_not_hide_a_contradiction_of_other_briefs() -> None:
    rels = find_relations(corpus([eur(2.4, "gazette", SENTENCE, YEAR, "a"), eur(3.1, "gazette", SENTENCE, YEAR, "b"),
                                  eur(2.4, "ledger", "Net profit: EUR2.4bn.", YEAR),
                                  eur(3.1, "courier", "Net profit came to 3.1 billion euros.", YEAR)]))
    assert "contradiction" in kinds(rels)


def test_a_year_over_when_published_is_still_a_fact() -> None:
    rels = find_relations(corpus([eur(2.4, "gazette", "Net profit came to 2.4 billion euros.", YEAR),
                                  eur(2.9, "ledger", "Net profit: EUR2.9bn.", YEAR)], published=PartialDate(2025, 1, 5)))
    assert kinds(rels) == ["contradiction"]


def test_a_base_dated_by_publication_is_a_change() -> None:
    cut = Claim(id="a", brief="gazette", quote="The bank cut its rate by half a point to 3.5% from 4%, as expected.",
                key="k", value=Value("quantity", amount=4, unit="percent"))
    level = Claim(id="b", brief="ledger", quote="The rate now stands at 3.5%.", key="k",
                  value=Value("quantity", amount=3.5, unit="percent"))
    day = PartialDate(2025, 5, 20)
    rels = find_relations(Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "Policy rate",
                                                                                                  "quantity")}),
                                 [Brief("gazette", "g", "src", published=day, claims=[cut]),
                                  Brief("ledger", "l", "src", published=day, claims=[level])]))
    assert "contradiction" not in kinds(rels)
    assert any("gives the base its sentence compares with" in r.explanation for r in rels)


def test_a_level_dated_by_publication_stays_a_contradiction() -> None:
    day = PartialDate(2025, 5, 20)
    a = Claim(id="a", brief="gazette", quote="The rate now stands at 4%.", key="k",
              value=Value("quantity", amount=4, unit="percent"))
    b = Claim(id="b", brief="ledger", quote="The rate now stands at 3.5%.", key="k",
              value=Value("quantity", amount=3.5, unit="percent"))
    rels = find_relations(Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "Policy rate",
                                                                                                  "quantity")}),
                                 [Brief("gazette", "g", "src", published=day, claims=[a]),
                                  Brief("ledger", "l", "src", published=day, claims=[b])]))
    assert kinds(rels) == ["contradiction"]


def count(amount: float, brief: str, quote: str, cid: str = "c", scale: str = "") -> Claim:
    return Claim(id=cid, brief=brief, quote=quote, key="k", as_of=YEAR,
                 value=Value("quantity", amount=amount, unit="people", scale=scale))


@pytest.mark.parametrize("quote, amount, scale, change", [
    ("Arrivals eased by 40,000 to 1.2 million in the year.", 40000, "", True),
    ("Arrivals eased by 40,000 to 1.2 million in the year.", 1.2, "million", False),
    ("About 1.2 million arrived, down about 40,000 from a year earlier.", 40000, "", True),
    ("Some 1.2 million arrived, 40,000 more than a year before.", 40000, "", True),
    ("The count rose to 40,000 from 38,000.", 40000, "", False),  # a level reached
])
def test_the_size_of_a_change(quote: str, amount: float, scale: str, change: bool) -> None:
    assert a_change(count(amount, "gazette", quote, scale=scale)) is change


def test_a_change_against_a_level_is_a_problem_of_the_key() -> None:
    rels = find_relations(corpus([count(40000, "gazette", "Arrivals eased by 40,000 to 1.2 million in the year."),
                                  count(38000, "ledger", "Arrivals came to 38,000 in the year.")]))
    assert "contradiction" not in kinds(rels)
    assert any(r.kind == "annotation-problem" and "size of a change" in r.explanation for r in rels)


def test_a_later_report_that_names_the_first_estimate_is_a_revision() -> None:
    q3 = Period(PartialDate(2024, 7), PartialDate(2024, 9))
    early = Claim(id="a", brief="gazette", quote="Output grew 4.2% in the quarter.", key="k", as_of=q3,
                  value=Value("quantity", amount=4.2, unit="percent"))
    late = Claim(id="b", brief="monthly", quote="Output grew 4.3%, a touch faster than the 4.2% first reported.", key="k",
                 as_of=q3, value=Value("quantity", amount=4.3, unit="percent"))
    c = Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "Output growth", "quantity")}),
               [Brief("gazette", "g", "src", published=PartialDate(2024, 10, 31), claims=[early]),
                Brief("monthly", "m", "src", published=PartialDate(2025, 1), claims=[late])])  # a month only
    rels = find_relations(c)
    assert kinds(rels) == ["change-over-time"] and "revision" in rels[0].explanation
