"""The figure groups `align --review` asks about (analysis/reviewgroups.py, lane figreview14): whole measures in
one group, joins to a key asked as such, values never read, decisions remembered. Sentences written for these
tests."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings, strategies as st

from briefcmp.analysis.align import AlignResult, Group, Member
from briefcmp.analysis.reviewgroups import ask_similarity, ask_veto, for_review, review_groups
from briefcmp.corpus.model import Claim, Value

ENTITIES = SimpleNamespace(label=lambda s: s.title())


def fig(brief: str, cid: str, words: str, amount: float = 4.0, period: str = "2031", how: str = "stated",
        key: str = "", kind: str = "fact", unit: str = "percent", subjects=("ruritania",)) -> Member:
    claim = Claim(id=cid, brief=brief, quote=f"The {words} was {amount}.", key=key, kind=kind,
                  value=Value("quantity", amount=amount, unit="%" if unit == "percent" else unit))
    ws = frozenset(words.split())
    return Member(claim, tuple(subjects), "clause", unit, unit, ws, {w: w for w in ws}, tuple(words.split()),
                  period=period if how else "", period_how=how, hint=period)


def asked(figures, keys=None, apart=(set(), set())):
    result = AlignResult(figures=figures)
    return review_groups(result, ENTITIES, Group, keys or {}, apart=apart)


def refs(groups) -> list[set[str]]:
    return [{m.claim.ref for m in g.members} for g in groups]


def test_every_brief_s_figure_of_one_measure_is_asked_in_one_group():
    figs = [fig("a", "x", "harbour toll revenue"), fig("b", "x", "harbour toll revenue"),
            fig("c", "x", "toll revenue harbour", amount=9.0), fig("a", "y", "ferry crossing count")]
    groups = asked(figs)
    assert {"a#x", "b#x", "c#x"} in refs(groups)
    assert all(g.new and not g.sure for g in groups)  # asked, never applied


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(min_value=0.1, max_value=1e6, allow_nan=False), min_size=4, max_size=4))
def test_values_are_never_read(amounts):
    words = ["harbour toll revenue", "harbour toll revenue", "ferry crossing count", "ferry crossing count"]
    figs = [fig(b, "x" + str(i), w, amount=v) for i, (b, w, v) in enumerate(zip("abab", words, amounts))]
    same = [fig(b, "x" + str(i), w, amount=1.0) for i, (b, w) in enumerate(zip("abab", words))]
    assert sorted(map(sorted, refs(asked(figs)))) == sorted(map(sorted, refs(asked(same))))


def test_a_rise_is_never_asked_with_a_fall():
    figs = [fig("a", "x", "toll revenue increase"), fig("b", "x", "toll revenue decrease")]
    assert asked(figs) == []
    assert ask_veto(frozenset({"toll", "increase"}), frozenset({"toll", "decrease"}))
    # a direction written on one side only ("rose 3% to 4.1 million" beside "4.1 million") is asked
    assert ask_similarity(frozenset({"toll", "increase"}), frozenset({"toll"}), {}) == 1.0


def test_one_brief_gives_one_figure_of_a_period_to_a_group():
    figs = [fig("a", "x", "toll revenue"), fig("a", "y", "toll revenue"), fig("b", "x", "toll revenue")]
    for group in refs(asked(figs)):
        assert not {"a#x", "a#y"} <= group


def test_each_period_s_figures_are_asked_apart():
    figs = [fig("a", "x", "toll revenue", period="2030"), fig("b", "x", "toll revenue", period="2031"),
            fig("a", "y", "toll revenue", period="2031"), fig("b", "y", "toll revenue", period="2030")]
    assert sorted(map(sorted, refs(asked(figs)))) == [["a#x", "b#y"], ["a#y", "b#x"]]  # one key a period


def test_a_group_that_could_join_a_key_joins_it():
    keys = {"ruritania-toll-revenue-pct": SimpleNamespace(label="What is Ruritania's toll revenue (percent)?")}
    figs = [fig("a", "x", "toll revenue harbour", key="ruritania-toll-revenue-pct"),
            fig("b", "x", "toll revenue quay", key="ruritania-toll-revenue-pct"),
            fig("c", "x", "toll revenue projected"), fig("d", "x", "toll revenue projected")]
    groups = asked(figs, keys)
    assert [(g.key, g.new) for g in groups] == [("ruritania-toll-revenue-pct", False)]
    assert refs(groups) == [{"c#x", "d#x"}]


def test_figures_no_text_dates_are_not_asked_together():
    figs = [fig("a", "x", "toll revenue", how=""), fig("b", "x", "toll revenue", how="")]
    assert asked(figs) == []


def test_a_month_is_not_asked_with_its_year():
    figs = [fig("a", "x", "toll revenue", period="2031-05"), fig("b", "x", "toll revenue", period="2031")]
    assert asked(figs) == []


def test_a_projection_reported_as_such_and_as_a_figure_is_asked_once(monkeypatch):
    from briefcmp.analysis import reviewgroups

    figs = [fig("a", "x", "toll revenue projected", kind="forecast"), fig("b", "x", "toll revenue")]
    assert refs(asked(figs)) == [{"a#x", "b#x"}]  # which is a forecast, the person reads in the quotes
    monkeypatch.setattr(reviewgroups, "EXPECT_APART", True)
    assert asked(figs) == []


def test_a_figure_like_a_key_s_claims_is_asked_to_join_that_key():
    keys = {"ruritania-toll-revenue-pct": SimpleNamespace(label="What is Ruritania's toll revenue (percent)?")}
    figs = [fig("a", "x", "toll revenue", key="ruritania-toll-revenue-pct"),
            fig("b", "x", "toll revenue", key="ruritania-toll-revenue-pct"), fig("c", "x", "harbour toll revenue")]
    groups = asked(figs, keys)
    assert len(groups) == 1 and not groups[0].new and groups[0].key == "ruritania-toll-revenue-pct"
    assert refs(groups) == [{"c#x"}]
    # a brief whose figure of that period is under the key already is not asked to add another
    figs.append(fig("a", "z", "toll revenue"))
    assert all("a#z" not in r for r in refs(asked(figs, keys)))


def test_a_rejected_pair_is_never_asked_again_and_its_claims_are_asked_with_others():
    figs = [fig("a", "x", "toll revenue"), fig("b", "x", "toll revenue"), fig("c", "x", "toll revenue total")]
    first = refs(asked(figs))
    assert first == [{"a#x", "b#x", "c#x"}]
    after = refs(asked(figs, apart=({frozenset({"a#x", "b#x"})}, set())))
    assert after and all(not {"a#x", "b#x"} <= r for r in after)
    assert any("c#x" in r for r in after)  # formed again around the decision


def test_the_likeliest_groups_come_first():
    figs = [fig("a", "x", "toll revenue"), fig("b", "x", "toll revenue"),
            fig("a", "y", "ferry crossing count harbour", unit="EUR"), fig("b", "y", "ferry count wharf", unit="EUR")]
    groups = asked(figs)
    assert [g.score for g in groups] == sorted((g.score for g in groups), reverse=True)
    assert refs(groups)[0] == {"a#x", "b#x"}


def test_for_review_keeps_other_candidates_and_drops_align_s_figure_fragments():
    figs = [fig("a", "x", "toll revenue"), fig("b", "x", "toll revenue")]
    pair = Group("k", True, "q", "percent", figs[:1], "", False)  # align's fragment of the same measure
    statement = Group("s", True, "q", "", [SimpleNamespace(claim=Claim(id="s", brief="a", quote="It voted.",
                                                                           value=Value("category", category="yes")))],
                      "", False)
    result = AlignResult(candidates=[pair, statement], figures=figs)
    out = for_review(result, ENTITIES, Group, {})
    assert refs(out.candidates[:1]) == [{"a#x", "b#x"}] and out.candidates[-1] is statement
    assert pair not in out.candidates


def test_claims_rejected_for_two_keys_in_turn_are_kept_from_both(tmp_path):
    from briefcmp.analysis.decisions import DECISIONS_NAME, Decision, candidate_id, load_store

    store = load_store(tmp_path / DECISIONS_NAME, root=tmp_path)
    claims = ("a#x", "b#x")
    for key in ("ruritania-tolls", "ruritania-staff-tolls"):  # one id (the claims), two questions
        store.record(Decision(candidate_id(claims), "reject", claims, key=key, registered=True))
    _, not_key = load_store(tmp_path / DECISIONS_NAME, root=tmp_path).apart()
    assert {("a#x", "ruritania-tolls"), ("a#x", "ruritania-staff-tolls")} <= not_key


def test_a_block_too_large_to_compare_keeps_align_s_candidates(monkeypatch):
    from briefcmp.analysis import reviewgroups

    figs = [fig(b, "x", "toll revenue") for b in "abc"] + [fig(b, "y", "ferry count", unit="EUR") for b in "ab"]
    theirs = Group("k", True, "q", "percent", figs[:2], "", False)
    monkeypatch.setattr(reviewgroups, "MAX_BLOCK", 2)  # the toll block (three figures) is left to align
    out = for_review(AlignResult(candidates=[theirs], figures=figs), ENTITIES, Group, {})
    assert theirs in out.candidates and {"a#y", "b#y"} in refs(out.candidates)


KEY = "ruritania-toll-revenue-increase-pct"
KEYS = {KEY: SimpleNamespace(label="What is Ruritania's toll revenue growth (percent)?")}


def _said(m: Member, quote: str) -> Member:
    from dataclasses import replace
    return replace(m, claim=replace(m.claim, quote=quote))


def _keyed_pair() -> list[Member]:
    return [fig("a", "x", "toll revenue increase", key=KEY), fig("b", "x", "toll revenue increase", key=KEY)]


def test_a_figure_whose_sentence_names_no_measure_is_asked_to_join_the_one_key_of_its_block():
    # three voices that write the figure without naming what it measures (its measure is the sentence before's)
    for quote in ("It rose 3.1% on the year, the agency said on Tuesday.",  # a wire story
                  "Compared with the previous year, the increase was 3.1 percent.",  # a ministry release
                  "+3.1% y/y, a touch above our call."):  # a broker note
        groups = asked([*_keyed_pair(), _said(fig("c", "x", "increase", amount=3.1), quote)], KEYS)
        assert [(g.key, g.new) for g in groups] == [(KEY, False)]
        assert refs(groups) == [{"c#x"}]


def test_a_figure_that_names_its_own_measure_is_not_pulled_to_the_key():
    # "Ferry crossings rose 3.1%", in two briefs, name another measure: asked as their own group, not as the key's
    groups = asked([*_keyed_pair(), fig("c", "x", "ferry crossing increase"), fig("d", "x", "ferry crossing increase")],
                   KEYS)
    assert [(g.new, {m.claim.ref for m in g.members}) for g in groups] == [(True, {"c#x", "d#x"})]


def test_a_nameless_figure_is_not_asked_where_its_block_holds_two_keys_or_its_brief_one_figure_already():
    other = "ruritania-port-fee-increase-pct"
    keys = {**KEYS, other: SimpleNamespace(label="What is Ruritania's port fee growth (percent)?")}
    two = [*_keyed_pair(), fig("a", "y", "port fee increase", key=other), fig("b", "y", "port fee increase", key=other),
           fig("c", "x", "increase")]
    assert "c#x" not in set().union(*refs(asked(two, keys)))  # which of the two it measures, nothing says
    # brief a gives the key its figure of 2031 already: a second one of a is no figure of the same question
    assert asked([*_keyed_pair(), fig("a", "z", "increase")], KEYS) == []


def test_a_nameless_fall_is_never_asked_to_join_a_rise():
    assert asked([*_keyed_pair(), fig("c", "x", "decrease")], KEYS) == []


def test_values_are_never_read_by_the_nameless_rule():
    for amount in (0.4, 3.1, 250.0):
        groups = asked([*_keyed_pair(), fig("c", "x", "increase", amount=amount)], KEYS)
        assert refs(groups) == [{"c#x"}]


def test_a_join_to_a_key_registers_no_subject_align_only_inferred():
    # an accepted "add these to KEY?" whose figures' subject was inferred ("(east africa)") wrote it as an entity
    # id, which the config refuses: the accept failed and nothing was written
    from briefcmp.analysis.decide import registrable

    assert registrable(("(east africa)", "ruritania", "borduria"), {"borduria": {}}) == ["ruritania"]
    assert registrable(("(the region)",), {}) == []
