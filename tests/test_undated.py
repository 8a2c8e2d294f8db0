"""A brief with no publication date is dated no earlier than the latest date it cites (analysis/undated.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis.crossref import find_relations
from briefcmp.analysis.undated import cited_dates, date_undated, floor
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Period, Topic, Value

NOTES = """Lisbon weighs a port levy

The government has not decided whether to levy the charge on cruise ships.
Officials said on 3 May 2031 that a decision would follow by 1 January 2040.

Notes
Harbour authority, "Annual traffic report", 12 April 2023.
[2] Port Gazette, "Levy plan shelved", March 2, 2023. https://example.org/2023-03-02/levy
"""


def test_the_floor_is_the_latest_date_a_note_cites_not_a_date_in_the_running_text():
    # 2040 and 2031 are a plan and a statement in the text: only what the notes cite bounds the publication
    assert sorted(cited_dates(NOTES)) == [date(2023, 3, 2), date(2023, 3, 2), date(2023, 4, 12)]
    assert floor(NOTES) == date(2023, 4, 12)


def test_a_misprinted_year_in_one_note_does_not_move_the_floor_years_ahead():
    text = ("[1] Wire story, 9 March 2022.\n[2] Ministry statement, 25 February 2025.\n"
            "[3] Agency report, 15 March 2022.\n[4] Journal article, 1 September 2016.\n")
    assert floor(text) == date(2022, 3, 15)  # the 2025 note stands alone; the 2022 notes agree with each other


def test_labelled_page_dates_count_and_a_text_citing_nothing_has_no_floor():
    assert floor("A page\n\nLast updated: 4 June 2024\n\nThe council voted.") == date(2024, 6, 4)
    assert floor("A brief\n\nThe council will vote on 1 March 2030.") is None
    assert floor("[1] A report, 31 February 2022.") is None  # no such day


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]12 March0,.\n2022-:abc")), max_size=300))
def test_any_text_gives_a_date_or_none_without_error(text):
    d = floor(text)
    assert d is None or isinstance(d, date)


def _brief(tmp_path: Path, bid: str, text: str, value: str, published=None) -> Brief:
    src = tmp_path / f"{bid}.txt"
    src.write_text(text, encoding="utf-8")
    claim = Claim("c", bid, "q", key="k", value=Value("category", category=value), kind="fact")
    if published is not None:
        claim.as_of, claim.as_of_inferred = Period(published), True  # as the loader infers it
    return Brief(bid, bid, src.name, published=published, claims=[claim], source_path=str(src))


def _corpus(*briefs: Brief) -> Corpus:
    config = Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "Does Lisbon levy the charge?", "category")})
    return Corpus("root", config, list(briefs))


def test_an_undated_brief_is_compared_at_its_floor_and_said_to_be_only_a_floor(tmp_path):
    corpus = _corpus(_brief(tmp_path, "think", NOTES, "undecided"),
                     _brief(tmp_path, "wire", "Lisbon\n\nText.", "undecided", PartialDate(2023, 4, 12)))
    rels = find_relations(corpus)
    claim = corpus.briefs[0].claims[0]
    assert str(claim.as_of) == "2023-04-12" and claim.as_of_inferred
    assert corpus.briefs[0].published is None  # the brief's own date stays unknown
    assert [r.kind for r in rels] == ["agreement"]
    assert "think states no publication date and cites nothing later than 2023-04-12" in rels[0].explanation


def test_a_floor_never_decides_a_contradiction_alone(tmp_path):
    # the other brief is published the same day: with a real publication date this is a contradiction
    corpus = _corpus(_brief(tmp_path, "think", NOTES, "yes"),
                     _brief(tmp_path, "wire", "Lisbon\n\nText.", "no", PartialDate(2023, 4, 12)))
    rels = find_relations(corpus)
    assert [r.kind for r in rels] == ["change-over-time"]
    assert "need not be the same moment" in rels[0].explanation
    dated = _corpus(_brief(tmp_path, "think2", NOTES, "yes", PartialDate(2023, 4, 12)),
                    _brief(tmp_path, "wire2", "Lisbon\n\nText.", "no", PartialDate(2023, 4, 12)))
    assert [r.kind for r in find_relations(dated)] == ["contradiction"]


def test_dating_is_idempotent_and_leaves_stated_dates_alone(tmp_path):
    brief = _brief(tmp_path, "think", NOTES, "yes")
    stated = Claim("d", "think", "q2", key="k", value=Value("category", category="no"), as_of=Period(PartialDate(2019)))
    brief.claims.append(stated)
    corpus = _corpus(brief)
    assert date_undated(corpus) == {"think": date(2023, 4, 12)}
    assert date_undated(corpus) == {"think": date(2023, 4, 12)}
    assert str(stated.as_of) == "2019" and not stated.as_of_inferred
