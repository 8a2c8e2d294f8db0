"""analysis/grouping.py: the similarity of measured things, groups under constraints, and member-wise
application (the confident core is keyed, doubtful members stay candidates to join its key)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis import grouping
from briefcmp.analysis.align import AlignResult, Group, Member
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import measured_words
from briefcmp.cli import app
from briefcmp.corpus.model import Claim, Value


def words(text: str) -> frozenset[str]:
    return measured_words(text, Entities(), "")[0]


@pytest.mark.parametrize("a, b", [
    ("exports rose 5 percent", "imports rose 5 percent"),  # opposites
    ("spending was 3 trillion", "revenue was 3 trillion"),
    ("exports rose 5 percent", "exports fell 5 percent"),  # a rise is no fall
    ("GDP grew 2 percent", "GDP was 2 percent of the total"),  # a change is no level
    ("core inflation was 3.2 percent", "inflation was 3.2 percent"),  # a qualifier that names another measure
    ("GDP per capita was 40,000", "GDP was 40,000"),
    ("defence procurement was 2 trillion", "defence spending was 2 trillion"),  # a part is not its total
    ("nominal GDP grew 5 percent", "real GDP grew 5 percent"),
    ("the monthly surplus was 90 billion", "the quarterly surplus was 90 billion"),
    ("the ministry requested 8 trillion for defence", "defence spending was 8 trillion"),  # a request
])
def test_traps_never_match(a: str, b: str) -> None:
    wa, wb = words(a), words(b)
    assert grouping.veto(wa, wb)
    assert grouping.similarity(wa, wb) == 0.0


def test_changes_against_different_bases_never_match() -> None:
    """align adds the basis of a change (measure._basis) to its words: year on year is not quarter on quarter."""
    a, b = words("GDP grew 1 percent") | {"yoy"}, words("GDP grew 1 percent") | {"qoq"}
    assert grouping.veto(a, b) and grouping.similarity(a, b) == 0.0
    assert 0 < grouping.similarity(a, words("GDP grew 1 percent")) <= grouping.ONE_SIDED  # one side says none


@pytest.mark.parametrize("a, b", [
    ("Kenya's real GDP grew 2.1 percent", "Kenya's GDP growth was 3.4 percent"),  # harmless qualifier
    ("coal production rose 11 percent", "coal output increased 11 percent"),  # one notion, two words
    ("defence outlays were 7.9 trillion", "the defence budget was 7.9 trillion"),
])
def test_one_thing_in_other_words_is_fully_similar(a: str, b: str) -> None:
    assert grouping.similarity(words(a), words(b)) == 1.0


def test_a_word_every_brief_uses_tells_less_than_a_rare_one() -> None:
    w = grouping.weights([("a", frozenset({"coal", "output"})), ("b", frozenset({"coal", "output"})),
                          ("c", frozenset({"coal", "output", "captive"}))])
    assert w["captive"] > w["coal"] == w["output"] > 0
    # an extra rare word weighs more than an extra common one: the rare one narrows the measure
    rare = grouping.similarity(frozenset({"coal", "output", "captive"}), frozenset({"coal", "output"}), w)
    w2 = {**w, "captive": w["coal"]}
    assert rare < grouping.similarity(frozenset({"coal", "output", "captive"}), frozenset({"coal", "output"}), w2)


def test_an_expectation_on_one_side_only_halves_the_score() -> None:
    a, b = frozenset({"inflation"}), frozenset({"inflation", "expect"})
    assert 0 < grouping.similarity(a, b) <= grouping.ONE_SIDED


def _member(brief: str, ref: str, amount: float, period: str, how: str = "stated",
            ws: frozenset[str] = frozenset({"coal", "output"}), kind: str = "fact") -> Member:
    claim = Claim(id=ref, brief=brief, quote=f"coal output was {amount} million tonnes", kind=kind,
                  value=Value("quantity", amount=amount, unit="tonnes"))
    return Member(claim, ("india",), "clause", "tonnes", "mass", ws, {w: w for w in ws}, tuple(sorted(ws)),
                  "india", period, how, date(2024, 4, 2))


def test_one_brief_never_gives_two_values_for_one_period_inside_a_group() -> None:
    a1 = _member("a", "t1", 997.0, "2023")
    a2 = _member("a", "t2", 893.0, "2023", ws=frozenset({"coal", "output", "captive"}))
    b1 = _member("b", "t1", 997.0, "2023")
    eff = {id(m): m.words for m in (a1, a2, b1)}
    groups, _ = grouping.cluster([a1, a2, b1], eff)
    assert not any(a1 in g and a2 in g for g in groups)


def test_the_confident_core_is_applied_and_doubtful_members_wait_as_candidates() -> None:
    core = [_member("a", "t1", 997.0, "2023"), _member("b", "t1", 997.3, "2023"), _member("c", "t1", 997.0, "2023")]
    undated = _member("d", "t1", 900.0, "", how="")  # no period, and its value agrees with no one: none is given
    forecast = _member("e", "t1", 1000.0, "2023", kind="forecast")
    result = AlignResult()
    grouping.new_keys([*core, undated, forecast], Entities(), set(), result, Group)
    assert len(result.groups) == 1
    applied = result.groups[0]
    assert {m.claim.brief for m in applied.members} == {"a", "b", "c"} and applied.sure
    waiting = {c.members[0].claim.brief: c for c in result.candidates if c.key == applied.key}
    assert set(waiting) == {"d", "e"}
    assert "no stated period" in waiting["d"].doubt and "forecast" in waiting["e"].doubt
    assert not any(c.sure for c in result.candidates)


def test_a_group_without_two_confident_briefs_is_one_candidate() -> None:
    a = _member("a", "t1", 997.0, "2023")
    b = _member("b", "t1", 997.0, "", how="")
    b.published = None  # no date to share a release's period with
    result = AlignResult()
    grouping.new_keys([a, b], Entities(), set(), result, Group)
    assert result.groups == [] and len(result.candidates) == 1
    assert "no stated period" in result.candidates[0].doubt


def test_value_closeness_never_decides_a_group() -> None:
    """Two briefs that differ on a figure are keyed together as readily as two that agree."""
    for amount in (997.0, 640.0):
        result = AlignResult()
        grouping.new_keys([_member("a", "t1", 997.0, "2023"), _member("b", "t1", amount, "2023")], Entities(), set(),
                          result, Group)
        assert len(result.groups) == 1 and len(result.groups[0].members) == 2


runner = CliRunner()


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    return root


def _add(root: Path, name: str, text: str) -> None:
    """A source text drafted as ``annotate`` drafts it."""
    (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["annotate", str(root / "sources" / f"{name}.txt"), "-o",
                               str(root / f"{name}.claims.yaml")]).exit_code == 0


def test_a_report_with_no_stated_period_does_not_block_the_key_of_its_release(tmp_path: Path) -> None:
    """Four reports of one release: three state the year (one with another figure), one states none. The
    three are keyed (and contradict); the undated one, whose period could only be inferred from reports
    that disagree, stays a candidate to join the key."""
    root = _corpus(tmp_path)
    texts = {
        "wire": "Chile copper output\nAndes Wire | 10 March 2024\n\nChile's copper output reached 5.3 million tonnes in "
                "2023, the mining ministry said.\n",
        "daily": "Copper note\nSantiago Daily | 11 March 2024\n\nChile's copper production was 5.3 million tonnes in "
                 "2023.\n",
        "digest": "Mining digest\nMetal Digest | 12 March 2024\n\nChile's copper output stood at 5.3 million tonnes.\n",
        "blog": "Copper blog\nOre Blog | 12 March 2024\n\nChile's copper output was 5.6 million tonnes in 2023.\n",
    }
    for name, text in texts.items():
        _add(root, name, text)
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code == 0
    keyed = [n for n in texts if "key:" in (root / f"{n}.claims.yaml").read_text(encoding="utf-8")]
    assert sorted(keyed) == ["blog", "daily", "wire"]
    out = " ".join(runner.invoke(app, ["align", str(root)]).output.split())
    assert "digest#" in out and "no stated period for digest#" in out


def test_reports_of_one_release_that_state_no_period_share_its_date_only_when_they_agree() -> None:
    def undated(brief: str, amount: float, day: int) -> Member:
        m = _member(brief, "t1", amount, "", how="")
        m.published = date(2024, 4, day)
        return m

    result = AlignResult()
    grouping.new_keys([undated("a", 26.5, 2), undated("b", 26.5, 3)], Entities(), set(), result, Group)
    assert len(result.groups) == 1
    assert {(m.period, m.period_how) for m in result.groups[0].members} == {("2024-04-02", "release-date")}
    assert "release's date" in result.groups[0].reason
    for other in ((26.5, 27.5, 2, 3), (26.5, 26.5, 2, 20)):  # they differ, or are weeks apart: no key
        result = AlignResult()
        grouping.new_keys([undated("a", other[0], other[2]), undated("b", other[1], other[3])], Entities(), set(),
                          result, Group)
        assert result.groups == [] and "no stated period" in result.candidates[0].doubt


@pytest.mark.parametrize("text", ["the unemployment rate ticked up to 4.3 percent", "inflation slid to 1.7 percent",
                                  "the jobless rate edged down to 2.5 percent"])
def test_a_verb_that_moves_to_a_figure_gives_a_level(text: str) -> None:
    at = text.index(next(c for c in text if c.isdigit()))
    found = measured_words(text, Entities(), "", (at, at + 3))[0]
    assert not found & {"increase", "decrease"} and "tick" not in found and "edg" not in found


def test_a_later_report_joins_the_registered_key_member_by_member(tmp_path: Path) -> None:
    """After a key is written, a new report's figure joins it when its evidence is enough; one with no
    stated period and nothing to share one with waits as a candidate, saying so."""
    root = _corpus(tmp_path)

    def add(name: str, text: str) -> None:
        _add(root, name, text)

    add("wire", "Chile copper output\nAndes Wire | 10 March 2024\n\nChile's copper output reached 5.3 million tonnes "
                "in 2023.\n")
    add("daily", "Copper note\nSantiago Daily | 11 March 2024\n\nChile's copper production was 5.3 million tonnes in "
                 "2023.\n")
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code == 0
    add("weekly", "Copper weekly\nOre Weekly | 2 April 2024\n\nChile's copper output was 5.1 million tonnes in 2023.\n")
    add("notes", "Copper notes\nOre Notes | 30 June 2024\n\nChile's copper output stood at 5.2 million tonnes.\n")
    out = " ".join(runner.invoke(app, ["align", str(root), "--apply"]).output.split())
    assert "key:" in (root / "weekly.claims.yaml").read_text(encoding="utf-8")
    assert "key:" not in (root / "notes.claims.yaml").read_text(encoding="utf-8")
    assert "no stated period for notes#" in out


def test_a_figure_of_a_month_never_shares_a_key_with_the_figure_of_its_year() -> None:
    """ "Exports were 57.6 billion in December" and "632.7 billion in 2023" are two measures, though
    the words are the same; the year's figures of three briefs are keyed together."""
    year = [_member(b, "t1", 632.7, "2023") for b in ("a", "b", "c")]
    december = _member("a", "t2", 57.6, "2023-12")
    result = AlignResult()
    grouping.new_keys([*year, december], Entities(), set(), result, Group)
    keyed = [g for g in result.groups if len({m.claim.brief for m in g.members}) > 1]
    assert len(keyed) == 1 and december not in keyed[0].members and len(keyed[0].members) == 3
    assert grouping._nested(year[0], december) and not grouping._nested(year[0], year[1])


def test_as_of_is_replaced_past_a_quote_that_reads_like_a_list_item() -> None:
    """A quote of a list item ("- Headline inflation came in at 1.7%") does not end the claim: its
    drafted as_of further down is replaced, never written twice."""
    from briefcmp.analysis.alignedit import set_as_of_line

    text = ("claims:\n  - id: pct-1-7  # figure\n    status: draft\n    quote: >-\n"
            "      - Headline inflation came in at 1.7% for September.\n"
            "    value: {amount: 1.7, unit: percent}\n    as_of: 2024-08\n  - id: pct-2\n    as_of: 2024-08\n")
    claim = Claim(id="pct-1-7", brief="b", quote="q", line=2)
    out = set_as_of_line(text, claim, "2024-09", "why")
    first = out.split("  - id: pct-2")[0]
    assert first.count("as_of:") == 1 and "as_of: 2024-09  # align: why" in first
    assert out.split("  - id: pct-2")[1].count("as_of: 2024-08") == 1


def test_a_figure_whose_subject_is_only_inferred_waits_when_its_value_differs() -> None:
    core = [_member("a", "t1", 997.0, "2023"), _member("b", "t1", 997.0, "2023")]
    inferred = _member("c", "t1", 640.0, "2023")
    inferred.subjects_from = "release"  # its brief names no country: taken from the other reports
    result = AlignResult()
    grouping.new_keys([*core, inferred], Entities(), set(), result, Group)
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b"]]
    assert any(c.members == [inferred] and "inferred from other reports" in c.doubt for c in result.candidates)


def test_a_clause_that_names_much_more_than_the_others_waits() -> None:
    """Among three or more briefs a word only one uses is dropped as that outlet's wording; a clause
    that names three such words, more than it shares ("owner occupiers' housing costs"), may measure
    something narrower and is not keyed on the others' words."""
    plain = [_member(b, "t1", 1.7, "2024-09", ws=frozenset({"inflation"})) for b in ("a", "b", "c")]
    narrow = _member("d", "t1", 2.0, "2024-09", ws=frozenset({"inflation", "owner", "occupier", "hous"}))
    result = AlignResult()
    grouping.new_keys([*plain, narrow], Entities(), set(), result, Group)
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b", "c"]]
    assert any(c.members == [narrow] and "narrower" in c.doubt for c in result.candidates)


def test_a_directed_figure_naming_its_countries_the_other_way_waits() -> None:
    """Kenya's exports to Uganda and Uganda's to Kenya share subjects and words: the order of the
    majority is keyed, the other waits."""
    def trade(brief: str, lead: str) -> Member:
        m = _member(brief, "t1", 1.2, "2023", ws=frozenset({"export"}))
        m.subjects, m.lead = ("kenya", "uganda"), lead
        return m

    result = AlignResult()
    grouping.new_keys([trade("a", "kenya"), trade("b", "kenya"), trade("c", "uganda")], Entities(), set(), result,
                      Group)
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b"]]
    assert any(c.members[0].claim.brief == "c" and "another order" in c.doubt for c in result.candidates)


def test_shared_words_that_only_say_which_way_do_not_make_a_candidate() -> None:
    assert not grouping._strong(frozenset({"import", "increase"}))
    assert grouping._strong(frozenset({"import", "coal"}))


def test_two_shared_words_that_say_what_is_measured_make_a_candidate() -> None:
    a, b = frozenset({"instal", "solar", "capacity"}), frozenset({"solar", "capacity", "connect", "grid"})
    assert grouping._alike(a, b, 0.29)
    assert not grouping._alike(frozenset({"import", "lng"}), frozenset({"import", "coal"}), 0.33)


def test_a_brief_s_rounded_restatement_waits_beside_its_precise_figure() -> None:
    """A headline's "near $1 trillion" over the body's "$992.1 billion" is one figure written twice: the
    precise one is keyed, the rounded one (which rounds to other reports' values too) waits."""
    precise = _member("a", "t1", 992.1, "2024")
    rounded = _member("a", "t2", 1.0, "2024")
    other = _member("b", "t1", 929.1, "2024")
    for m, scale in ((precise, "billion"), (rounded, "trillion"), (other, "billion")):
        m.claim = Claim(id=m.claim.id, brief=m.claim.brief, quote=m.claim.quote, kind="fact",
                        value=Value("quantity", amount=m.claim.value.amount, scale=scale, unit="USD"))
    result = AlignResult()
    grouping.new_keys([precise, rounded, other], Entities(), set(), result, Group)
    assert [sorted(m.claim.ref for m in g.members) for g in result.groups] == [["a#t1", "b#t1"]]
    assert any(c.members == [rounded] and "rounds a figure" in c.doubt for c in result.candidates)


def test_an_undated_figure_repeating_last_month_s_value_takes_no_period() -> None:
    """A release that states two periods (September 5.2, August 5.4): a report's undated 5.4 may be a slip
    repeating August's value for September. Taking August because the value agrees would turn the slip
    into an agreement (a new user's walk found this), so it takes no period and waits as a candidate."""
    from briefcmp.analysis import evidence

    sep = [_member("release", "s1", 5.2, "2024-09"), _member("wire", "s2", 5.2, "2024-09")]
    aug = [_member("release", "a1", 5.4, "2024-08"), _member("wire", "a2", 5.4, "2024-08")]
    slip = _member("paper", "p1", 5.4, "", how="")
    evidence.adopt_release_periods([*sep, *aug, slip])
    assert (slip.period, slip.period_how) == ("", "")
    # one period stated by the release: a figure that agrees takes it
    agreeing = _member("paper", "p2", 5.2, "", how="")
    evidence.adopt_release_periods([*sep, agreeing])
    assert (agreeing.period, agreeing.period_how) == ("2024-09", "release")


def _names_less(a: set[str], b: set[str], others: tuple = (), both: bool = False) -> bool:
    sets = [frozenset(a), frozenset(b), *map(frozenset, others)]
    briefs = {s: {"x"} for s in sets}
    briefs[sets[0]] = {("a", "2024")}
    briefs[sets[1]] = {("a", "2024")} if both else {("b", "2024")}
    return grouping.names_less(sets[0], sets[1], sets, briefs)


def test_one_side_naming_less_is_the_same_measure_when_nothing_competes_for_it() -> None:
    assert _names_less({"surplus"}, {"surplus", "trade"})
    assert _names_less({"export", "goods"}, {"export"})  # "exports of goods" are most exports
    assert _names_less({"corn"}, {"corn", "output"})  # the notion added says what kind of measure
    assert _names_less({"keyrate"}, {"central", "keyrate"}, others=[{"forecast", "keyrate"}])  # an expectation competes not


@pytest.mark.parametrize("a, b, others, both", [
    ({"spend"}, {"spend", "defense"}, (), False),  # a notion added beside a notion: a part of it
    ({"inflation"}, {"inflation", "monthly"}, (), False),  # a qualifier of another measure
    ({"inflation"}, {"inflation", "yoy"}, (), False),  # a base on one side only: unstated_bases decides
    ({"borrow"}, {"borrow", "forecast"}, (), False),  # an expectation is not an outcome
    ({"deficit"}, {"deficit", "trade"}, ({"deficit", "budget"},), False),  # another set competes for it
    ({"surplus"}, {"surplus", "trade"}, (), True),  # one brief writes both: two measures
    ({"surplus", "trade"}, {"surplus", "trade"}, (), False),  # the same words: no subset
])
def test_naming_less_is_not_enough_when_the_added_words_name_another_measure(a, b, others, both) -> None:
    assert not _names_less(a, b, others, both)


def test_a_subset_joins_the_group_of_the_fuller_wording() -> None:
    """The trade surplus of two briefs and "the surplus" of a third: one key for the three (a weighted
    overlap alone leaves the rarer wording out)."""
    full = [_member(b, "t1", 992.1, "2024", ws=frozenset({"surplus", "trade"})) for b in ("a", "b")]
    bare = _member("c", "t1", 992.1, "2024", ws=frozenset({"surplus"}))
    result = AlignResult()
    grouping.new_keys([*full, bare], Entities(), set(), result, Group)
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b", "c"]]


def test_a_brief_s_own_two_wordings_never_take_a_claim_from_a_group_of_briefs() -> None:
    """Brief a names "the central bank" (another figure) and "the central bank's key rate"; brief b names
    "the key rate": the key rate of a and b is one group, whatever a's two wordings share."""
    bank = _member("a", "t1", 2.0, "2024-10", ws=frozenset({"central"}))
    rate_a = _member("a", "t2", 6.5, "2024-12", ws=frozenset({"central", "keyrate"}))
    rate_b = _member("b", "t1", 6.5, "2024-12", ws=frozenset({"keyrate"}))
    groups, _ = grouping.cluster([bank, rate_a, rate_b], {id(m): m.words for m in (bank, rate_a, rate_b)})
    assert any(rate_a in g and rate_b in g and bank not in g for g in groups)


def _alone(ws_a: set[str], ws_b: set[str], extra: list | None = None) -> AlignResult:
    a = _member("a", "t1", 51.8, "2011", ws=frozenset(ws_a))
    b = _member("b", "t1", 51.8, "2011", ws=frozenset(ws_b))
    result = AlignResult()
    grouping.new_keys([a, b, *(extra or [])], Entities(), set(), result, Group)
    return result


def test_the_only_figure_of_its_kind_in_each_brief_answers_one_question() -> None:
    """Reports of one release each give one figure of a bucket for 2011, in words compatible but too unlike
    to be grouped (one names the notion, the other adds another): one key, said as such."""
    result = _alone({"invest"}, {"invest", "capex"})
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b"]]
    assert "only figure of its kind" in result.groups[0].reason


@pytest.mark.parametrize("ws_b, extra", [
    ({"consumption"}, None),  # GDP in one, household consumption in the other, each alone: a trap
    ({"invest", "capex"}, [_member("b", "t2", 9.0, "2011", ws=frozenset({"capex"}))]),  # b gives two of 2011
    ({"invest", "capex"}, [_member("b", "t2", 9.0, "", how="", ws=frozenset({"capex"}))]),  # one of b's has no period
    ({"invest", "capex", "forecast"}, None),  # an expectation beside an outcome
])
def test_figures_alone_stay_apart_when_their_words_conflict_or_they_are_not_alone(ws_b, extra) -> None:
    ws_a = {"gdp"} if ws_b == {"consumption"} else {"invest"}
    result = _alone(ws_a, ws_b, extra)
    assert not any(len({m.claim.brief for m in g.members}) > 1 for g in result.groups)


def test_naming_less_and_an_inferred_period_are_two_inferences_not_a_key() -> None:
    """"Wind supplied 14 per cent" and "wind's share of power was 14 per cent", neither dated by its text
    (each takes its brief's main period): one side naming less on top of a period inferred is not keyed;
    with the period stated, it is."""
    for how, keyed in (("brief", False), ("stated", True)):
        short = _member("a", "t1", 14.0, "2023", how=how, ws=frozenset({"wind"}))
        full = _member("b", "t1", 14.0, "2023", how=how, ws=frozenset({"wind", "power"}))
        result = AlignResult()
        grouping.new_keys([short, full], Entities(), set(), result, Group)
        assert bool(result.groups) == keyed
        if not keyed:
            assert any("two inferences" in c.doubt for c in result.candidates)
            assert all(c.doubt.count("two inferences") <= 1 for c in result.candidates)  # said once, not per member


def test_a_brief_giving_two_values_for_a_period_keeps_no_report_from_that_period() -> None:
    """A late commentary writes two figures for 2023 in one sentence that its wording does not tell apart
    (997 and 12): neither says what 2023's value is. The release's reports, whose titles name 2023 and whose
    figures state no period, take their title's period when they agree with every other report of 2023."""
    from briefcmp.analysis import evidence

    commentary = [_member("late", "c1", 997.0, "2023"), _member("late", "c2", 12.0, "2023")]
    wire, paper = _member("wire", "w1", 997.0, "", how=""), _member("paper", "p1", 997.1, "", how="")
    for m in (wire, paper):
        m.headline, m.headline_from = "2023", "title"
    evidence.adopt_release_periods([*commentary, wire, paper])
    assert [(m.period, m.period_how) for m in (wire, paper)] == [("2023", "brief")] * 2
    # a report that states 2023 with another value still keeps an inferred 2023 away: no contradiction decided
    slip = _member("agency", "a1", 893.0, "2023")
    wire2 = _member("wire", "w2", 997.0, "", how="")
    wire2.headline, wire2.headline_from = "2023", "title"
    evidence.adopt_release_periods([*commentary, slip, wire2])
    assert (wire2.period, wire2.period_how) == ("", "")


def test_a_figure_whose_measure_is_only_taken_from_another_waits_when_its_value_differs() -> None:
    """A figure whose clause names no measure ("..., up from 412 tonnes a year before") takes the figure
    before it's: an inference that never decides a contradiction. It waits as a candidate saying so."""
    core = [_member("a", "t1", 997.0, "2023"), _member("b", "t1", 997.0, "2023")]
    borrowed = _member("c", "t1", 640.0, "2023")
    borrowed.words_from = "the figure before it in its sentence"
    result = AlignResult()
    grouping.new_keys([*core, borrowed], Entities(), set(), result, Group)
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b"]]
    assert any(c.members == [borrowed] and "taken from the figure before it" in c.doubt and "missing" in c.doubt
               for c in result.candidates)


def test_a_borrowed_measure_that_agrees_is_keyed() -> None:
    core = [_member("a", "t1", 997.0, "2023"), _member("b", "t1", 997.0, "2023")]
    borrowed = _member("c", "t1", 997.0, "2023")
    borrowed.words_from = "its sentence's subject"
    result = AlignResult()
    grouping.new_keys([*core, borrowed], Entities(), set(), result, Group)
    assert [sorted(m.claim.brief for m in g.members) for g in result.groups] == [["a", "b", "c"]]


def test_wording_only_alike_never_sets_two_values_against_each_other() -> None:
    """Wording only alike keys figures that agree; of two that differ, the wording fewer briefs use waits."""
    plain = [_member(b, "t1", 997.0, "2023") for b in ("a", "b")]
    other = _member("c", "t1", 640.0, "2023", ws=frozenset({"coal", "despatch"}))
    eff = {id(m): m.words for m in (*plain, other)}
    pair_sim = {frozenset((plain[0].words, other.words)): 0.8}
    doubtful: dict = {}
    from briefcmp.analysis import evidence
    evidence.alike_only([*plain, other], eff, pair_sim, doubtful)
    assert set(doubtful) == {id(other)} and "only alike" in doubtful[id(other)][1]
    agreeing = _member("c", "t1", 997.0, "2023", ws=frozenset({"coal", "despatch"}))
    doubtful = {}
    evidence.alike_only([*plain, agreeing], {**eff, id(agreeing): agreeing.words}, pair_sim, doubtful)
    assert doubtful == {}
