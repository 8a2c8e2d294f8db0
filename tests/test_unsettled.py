"""Differing figures of one period that are not a contradiction of fact (analysis/rules/unsettled.py, session 16):
two figures of one sentence dated alike (one is the base of the other), and figures for a period not over when
their briefs were published (expectations)."""

from __future__ import annotations

from briefcmp.analysis.crossref import find_relations
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


def test_figures_for_a_year_not_over_are_a_disagreement() -> None:
    year = Period(PartialDate(2025))
    rels = find_relations(corpus([eur(2.4, "gazette", "The carrier sees net profit of 2.4 billion euros this year.", year),
                                  eur(2.9, "ledger", "We pencil in EUR2.9bn of net profit for the year.", year)],
                                 published=PartialDate(2025, 3, 2)))
    assert kinds(rels) == ["disagreement"]
    assert "had not ended" in rels[0].explanation


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
