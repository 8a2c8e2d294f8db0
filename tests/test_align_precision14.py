"""Precision of align on figures, session 14: a difference told with a comparative after its amount is a
change ("$1.5 billion higher than"); a company named by its kind ("the group proposed") is whose figure it is,
not what it measures; words taken for an outlet's wording key no figure whose value is only near. Sentences
written for these tests."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st

from briefcmp.analysis import comparatives, grouping
from briefcmp.analysis.align import Member
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import measured_words
from briefcmp.corpus.model import Claim, Value


def _direction(clause: str, figure: str, unit: str = "") -> frozenset[str]:
    i = clause.index(figure)
    return measured_words(clause, Entities(), unit, (i, i + len(figure)))[0] & {"increase", "decrease"}


# --------------------------------------------------------------------------- a comparative after an amount


def test_a_comparative_after_an_amount_s_scale_and_unit_is_its_direction() -> None:
    assert _direction("Timber sales were $2.3 billion higher than a year before", "2.3") == {"increase"}
    assert _direction("Fish exports came in 410 million crowns lower than in 2022", "410", "crowns") == {"decrease"}
    assert _direction("Orders were 12 percent higher than in May", "12") == {"increase"}  # (as before)
    assert _direction("Port fees came in $35m ahead of plan", "35") == {"increase"}


def test_a_difference_told_two_ways_gives_both_writings_their_direction() -> None:
    clause = "the port's takings were about $80 million, or 6 percent, lower than the year before"
    assert _direction(clause, "80") == {"decrease"}
    assert _direction(clause, "6") == {"decrease"}
    # the second writing alone, as its clause begins at "or"
    assert _direction("or 6 percent, lower than the year before", "6") == {"decrease"}


def test_an_amount_with_no_comparative_after_it_is_a_level() -> None:
    assert not _direction("Timber sales were $2.3 billion in the year, or 6 percent of output", "2.3")
    assert not _direction("Fish exports came to 410 million crowns, above all to Japan", "410", "crowns")


def test_the_clause_of_a_figure_reads_on_to_its_comparative() -> None:
    text = "At $9.1 billion, tolls were about $0.7 billion, or 8.3 percent, higher than in 2023."
    for figure in ("0.7", "8.3"):
        i = text.index(figure)
        end = comparatives.reach(text, (i, i + len(figure)), {"usd", "dollars"})
        assert end is not None and text[:end].endswith("higher")
    i = text.index("9.1")
    assert comparatives.reach(text, (i, i + 3), set()) is None  # the level before them reads no comparative


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 ,.%$()abcdefghilmnoprstuvwy", max_size=120), st.integers(0, 120))
def test_reading_a_comparative_never_fails_and_never_reads_backwards(text: str, at: int) -> None:
    at = min(at, len(text))
    m = comparatives.after(text, (at, at), {"dollars"})
    assert m is None or m.start() >= at
    end = comparatives.reach(text, (at, at), set())
    assert end is None or at < end <= len(text)


# --------------------------------------------------------------------------- words taken for an outlet's wording


def _member(brief: str, amount: float, words: set[str], eff: set[str], unit: str = "percent") -> tuple[Member, frozenset]:
    claim = Claim(id=f"x{amount}".replace(".", "-"), brief=brief, quote="q", kind="fact",
                  value=Value("quantity", amount=amount, unit=unit))
    ws = frozenset(words)
    m = Member(claim, ("acme",), "clause", unit, unit, ws, {w: w for w in ws}, tuple(sorted(ws)), "acme", "2024",
               "stated", date(2025, 3, 4))
    return m, frozenset(eff)


def _split(*pairs: tuple[Member, frozenset]) -> tuple[set[str], dict[str, str]]:
    group = [m for m, _ in pairs]
    eff = {id(m): e for m, e in pairs}
    sims = {frozenset((a, b)): 1.0 for _, a in pairs for _, b in pairs if a != b}
    core, doubtful = grouping.split(group, eff, sims)
    return {m.claim.brief for m in core}, {m.claim.brief: why for m, why in doubtful}


def test_a_company_named_by_its_kind_is_whose_figure_not_what_it_measures() -> None:
    """"The firm proposed a payout ..., down 7%": the payout's cut, not "firm" anything; a consolidated measure
    written without an article ("Group earnings") keeps its word."""
    def words(clause: str, figure: str) -> frozenset[str]:
        i = clause.index(figure)
        return measured_words(clause, Entities(), "", (i, i + len(figure)))[0]
    assert "firm" not in words("The firm proposed a payout of 3.10 crowns a share, down 7% from 3.35 crowns", "7")
    assert words("the carrier's freight income rose 4%", "4") == words("freight income rose 4%", "4")
    assert "group" in words("Group earnings were down 7% on the year", "7")
    assert "bank" not in words("the lender reported a profit of 2 billion", "2")


def test_a_part_only_near_its_total_keys_nothing() -> None:
    """A segment's sales (a word no other report uses) of 9.7 beside the group's 9.8: near, not the same
    figure at the precision written; the segment's figure waits."""
    segment = _member("release", 9.7, {"sales", "segment"}, {"sales"}, "EUR")
    group = _member("wire", 9.8, {"sales"}, {"sales"}, "EUR")
    other = _member("paper", 9.8, {"sales"}, {"sales"}, "EUR")
    core, doubtful = _split(segment, group, other)
    assert core == {"wire", "paper"} and "segment" in doubtful["release"]


# --------------------------------------------------------------------------- statements and dates


def test_a_projection_path_is_keyed_a_year_each() -> None:
    """Two outlets give one body's projections for three years in the same words: each year is its own question
    (a path is no change over time), so 2025's 3.4% never shares a key with 2027's 3.4%."""
    from briefcmp.analysis.align import AlignResult, Group
    members = []
    for brief in ("bank", "wire", "note"):
        for year, amount in (("2025", 3.4), ("2026", 2.6), ("2027", 3.4)):
            claim = Claim(id=f"p{year}", brief=brief, quote="q", kind="fact",
                          value=Value("quantity", amount=amount, unit="percent"))
            ws = frozenset({"inflation", "forecast"})
            members.append(Member(claim, ("freedonia",), "clause", "percent", "percent", ws, {w: w for w in ws},
                                  tuple(sorted(ws)), "freedonia", year, "stated", date(2025, 6, 9)))
    result = AlignResult()
    grouping.new_keys(members, Entities(), set(), result, Group)
    assert result.groups and all(len({m.period for m in g.members}) == 1 for g in result.groups)


def test_whose_export_was_banned_names_the_thing_before_it() -> None:
    from briefcmp.analysis.facts import read_facts
    sentence = "Raw cashews, whose export was banned by Ostland in March, remain barred."
    facts = read_facts(sentence, Entities())
    assert facts and all({"cashew", "export"} <= set(f.nouns) for f in facts)
    assert all(sentence[f.start:f.end].startswith("Raw cashews, whose export") for f in facts)


def test_never_before_is_a_record_not_a_denial() -> None:
    from briefcmp.analysis.facts import read_facts
    assert not [f for f in read_facts("Ostland had never before delayed a general election.", Entities())
                if f.verb == "delay"]
    assert [(f.verb, f.value) for f in read_facts("Ostland had never delayed a general election.", Entities())
            if f.verb == "delay"] == [("delay", "no")]


def test_a_date_dates_the_event_of_its_own_clause() -> None:
    from briefcmp.analysis.eventdates import event_of

    def event(sentence: str, d: str):
        i = sentence.index(d)
        return event_of(sentence, (i, i + len(d)))
    assert event("Ostland refused in May 2021 to admit monitors, and Westmark then quit the treaty.",
                 "May 2021") is None
    assert event("In March 2019, Ostland annexed Westmark after a disputed vote.", "March 2019")[0] == "annexation"
    assert event("Ostland annexed Westmark in March 2019.", "March 2019")[0] == "annexation"
    # an appositive's commas part no clause
    assert event("On 4 May, Ostland annexed its neighbour, the Republic of Westmark, after a vote.",
                 "4 May")[0] == "annexation"
    assert event("When Ostland told the assembly on 4 May that it would quit the pact, it stopped short of leaving "
                 "the treaty.", "4 May") is None
