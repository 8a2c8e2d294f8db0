"""The cross-referencing core: one fixture corpus per rule (tests/fixtures/crossref/<rule>/)."""

from __future__ import annotations

import math
import random
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefcmp.analysis.crossref import Filters, analyse, find_relations, relation_id
from briefcmp.analysis.rules.base import interval, widen
from briefcmp.analysis.rules.conflicts import same_moment
from briefcmp.corpus.fields import parse_period
from briefcmp.corpus.load import load_corpus
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Tolerance, Topic, Value

FIXTURES = Path(__file__).parent / "fixtures" / "crossref"


def load(name: str) -> Corpus:
    result = load_corpus([FIXTURES / name])
    assert not [p for p in result.problems if p.severity >= 2], [p.format() for p in result.problems]
    return result.corpus


def relations(name: str):
    return find_relations(load(name))


def only(rels, kind: str, key: str):
    found = [r for r in rels if r.kind == kind and r.key == key]
    assert len(found) == 1, [(r.kind, r.key, r.explanation) for r in rels]
    return found[0]


def refs(rel) -> list[str]:
    return [c.ref for c in rel.claims]


def kinds(rels, key: str) -> list[str]:
    return sorted(r.kind for r in rels if r.key == key)


# --------------------------------------------------------------------------- bounds


def test_at_least_agrees_with_a_larger_exact_figure_and_less_than_contradicts():
    rels = relations("bounds")
    agree = only(rels, "agreement", "sanctioned-banks")
    assert refs(agree) == ["alpha-2022#banks", "beta-2022#banks"]
    clash = only(rels, "contradiction", "sanctioned-banks")
    assert refs(clash) == ["alpha-2022#banks", "beta-2022#banks", "gamma-2022#banks"]
    assert clash.explanation.startswith("gamma-2022 says <5 banks; alpha-2022 and beta-2022 say")
    assert clash.severity == "error"


def test_up_to_is_a_ceiling_not_a_contradiction():
    rels = relations("bounds")
    # "up to USD 12 billion" agrees with USD 10 billion; only USD 15 billion is out of line.
    agree = only(rels, "agreement", "aid-total")
    assert refs(agree) == ["alpha-2022#aid", "beta-2022#aid"]
    clash = only(rels, "contradiction", "aid-total")
    assert "gamma-2022 says USD 15 billion for 2022" in clash.explanation


def test_a_range_agrees_with_a_figure_inside_it():
    rels = relations("bounds")
    assert kinds(rels, "lng-share") == ["agreement"]
    assert "8–10% / 9% for 2021" in only(rels, "agreement", "lng-share").explanation


@pytest.mark.parametrize("value, expected", [
    (Value("quantity", amount=5, bound="at-least"), (5, math.inf)),
    (Value("quantity", amount=5, bound="more-than"), (5, math.inf)),
    (Value("quantity", amount=5, bound="up-to"), (0, 5)),
    (Value("quantity", amount=-5, bound="less-than"), (-math.inf, -5)),
    (Value("quantity", amount=2, upper=3, scale="billion"), (2e9, 3e9)),
    (Value("quantity", amount=100, bound="approximate"), (90, 110)),
    (Value("quantity", amount=3, unit="weeks"), (21, 21)),
])
def test_interval_of_a_written_figure(value, expected):
    lo, hi = interval(value, Tolerance())
    assert lo == pytest.approx(expected[0]) and hi == pytest.approx(expected[1])


def test_approximate_uses_the_key_tolerance_when_there_is_one():
    assert interval(Value("quantity", amount=100, bound="approximate"), Tolerance(relative=0.02)) == \
        pytest.approx((98, 102))


# --------------------------------------------------------------------------- tolerance


def test_figures_within_the_key_tolerance_agree_and_beyond_it_contradict():
    rels = relations("tolerance")
    assert refs(only(rels, "agreement", "japan-russia-trade")) == ["alpha-2022#trade", "beta-2022#trade"]
    clash = only(rels, "contradiction", "japan-russia-trade")
    assert clash.explanation == ("alpha-2022 and beta-2022 say USD 20 billion / USD 20.5 billion; gamma-2022 says "
                                 "USD 24 billion for 2021: up to 17% apart (tolerance 5%)")


def test_absolute_tolerance_in_percentage_points():
    rels = relations("tolerance")
    assert kinds(rels, "coal-share") == ["agreement"]
    assert "(0.8 percentage points apart, within the key's tolerance of 1 percentage point)" in \
        only(rels, "agreement", "coal-share").explanation


def test_an_agreement_says_why_figures_written_differently_agree():
    """In words a reader can check: rounding, "about", a bound, else the key's tolerance (not a bare
    "tolerance 0.05 percentage points" when "about" or rounding made the agreement)."""
    from briefcmp.analysis.rules.base import KeyView, dimension
    from briefcmp.analysis.rules.wording import agreement_reason
    from briefcmp.corpus.model import Claim, KeyDef, Tolerance, Value

    def why(unit, tolerance, *values):
        k = KeyView.of("k", KeyDef(id="k", label="k", type="quantity", unit=unit, tolerance=tolerance), [])
        k.dim = dimension(values[0])  # as screening sets it
        return agreement_reason(k, [Claim(brief=f"b{i}", id="c", quote="q", value=v) for i, v in enumerate(values)])

    def q(amount, bound="exact", scale="", unit="JPY"):
        return Value(type="quantity", amount=amount, scale=scale, unit=unit, bound=bound)

    assert why("JPY", Tolerance(relative=0.001), q(657, "approximate", "trillion"), q(656.6, scale="trillion")) == \
        " (within rounding: JPY 656.6 trillion rounds to about JPY 657 trillion)"
    assert why("USD", Tolerance(), q(1, scale="trillion", unit="USD"), q(929.1, scale="billion", unit="USD")) == \
        " (within rounding: USD 929.1 billion rounds to USD 1 trillion)"
    assert why("percent", Tolerance(absolute=0.05), q(12.3, "approximate", unit="percent"), q(12.0, unit="percent")) \
        == " (0.3 percentage points apart, within the key's tolerance of 0.05 percentage points)"
    assert why("people", Tolerance(), q(100, "at-least", unit="people"), q(120, unit="people")) == \
        " (at least 100 people holds 120 people)"
    assert why("tonnes", Tolerance(), q(20, "approximate", "million", "tonnes"), q(21.5, scale="million", unit="tonnes")) \
        == " (about 20 million tonnes allows 10% either way: 21.5 million tonnes is within it)"


def test_approximate_without_key_tolerance_reads_as_ten_percent():
    rels = relations("tolerance")
    assert refs(only(rels, "agreement", "lng-volume")) == ["alpha-2022#lng", "beta-2022#lng"]
    assert "gamma-2022 says 8 million tonnes for 2021: up to 19% apart (no tolerance)" in \
        only(rels, "contradiction", "lng-volume").explanation


@settings(max_examples=300, deadline=None)
@given(a=st.floats(0.01, 1e12), ratio=st.floats(0.01, 1.0), rel=st.floats(0.0, 0.5))
def test_widening_makes_overlap_mean_within_relative_tolerance(a, ratio, rel):
    b = a * ratio  # b <= a
    gap = (a - b) / a
    assume(abs(gap - rel) > 1e-9)  # not on the boundary, where float rounding decides
    t = Tolerance(relative=rel)
    alo, ahi = widen(a, a, t)
    blo, bhi = widen(b, b, t)
    assert (alo <= bhi and blo <= ahi) == (gap <= rel)


@settings(max_examples=200, deadline=None)
@given(a=st.floats(-1e6, 1e6), b=st.floats(-1e6, 1e6), absolute=st.floats(0.0, 1e5))
def test_widening_makes_overlap_mean_within_absolute_tolerance(a, b, absolute):
    assume(abs(abs(a - b) - absolute) > 1e-6)
    t = Tolerance(absolute=absolute)
    alo, ahi = widen(a, a, t)
    blo, bhi = widen(b, b, t)
    assert (alo <= bhi and blo <= ahi) == (abs(a - b) <= absolute)


# --------------------------------------------------------------------------- periods


def test_different_years_are_a_change_over_time_not_a_contradiction():
    rels = relations("periods")
    assert not [r for r in rels if r.kind == "contradiction"]
    change = next(r for r in rels if refs(r) == ["alpha-2022#trade-2021", "beta-2023#trade-2022"])
    assert change.kind == "change-over-time" and change.severity == "info"
    assert change.explanation == ("USD 20 billion for 2021 (alpha-2022) -> USD 15 billion for 2022 (beta-2023): "
                                  "down 25%")


def test_dates_inferred_from_publication_are_shown_and_treated_with_care():
    rels = relations("periods")
    both = next(r for r in rels if refs(r) == ["delta-2024#trade-now", "gamma-2024#trade-now"])
    assert both.kind == "change-over-time" and both.severity == "warning"
    assert "2024-02 (inferred)" in both.explanation and "2024-05 (inferred)" in both.explanation
    assert "every as-of date here is inferred from a publication date" in both.explanation
    one = next(r for r in rels if refs(r) == ["beta-2023#trade-2022", "gamma-2024#trade-now"])
    assert "the as-of date of gamma-2024 is only inferred from its publication date" in one.explanation


def _claim(brief, cid, value, as_of, kind="fact", key="k", inferred=False, cites=""):
    return Claim(id=cid, brief=brief, quote=f"{brief} {cid}", kind=kind, key=key, value=value,
                 as_of=parse_period(as_of) if as_of else None, as_of_inferred=inferred, cites=cites, topics=("t",))


def _corpus(claims, keydef=None):
    config = Config(topics={"t": Topic("t", "T")}, keys={"k": keydef or KeyDef("k", "K", "category")})
    briefs = {}
    for c in claims:
        briefs.setdefault(c.brief, Brief(c.brief, c.brief, "src")).claims.append(c)
    return Corpus("root", config, list(briefs.values()))


def test_overlapping_explicit_points_of_different_precision_read_as_a_change():
    # A brief written before the invasion ("2022-02") and one about the day of it.
    cat = lambda v: Value("category", category=v)  # noqa: E731
    rels = find_relations(_corpus([_claim("a", "x", cat("undecided"), "2022-02"),
                                   _claim("b", "y", cat("yes"), "2022-02-24")]))
    assert [r.kind for r in rels] == ["change-over-time"]
    assert rels[0].severity == "warning" and "need not be the same moment" in rels[0].explanation


@pytest.mark.parametrize("a, b", [
    ("2022-02-24/2022-03-03", "2022-02-24/2022-03-15"),  # both hold throughout overlapping periods
    ("2022-02-24/2022-03-03", "2022-03-01"),  # a day inside a throughout-period
    ("2021", "2021"),  # the same period
])
def test_conflicts_at_a_certain_common_time_are_contradictions(a, b):
    cat = lambda v: Value("category", category=v)  # noqa: E731
    rels = find_relations(_corpus([_claim("a", "x", cat("yes"), a), _claim("b", "y", cat("no"), b)]))
    assert [r.kind for r in rels] == ["contradiction"]


def test_same_moment_with_an_inferred_date_is_certain_and_said_so():
    cat = lambda v: Value("category", category=v)  # noqa: E731
    rels = find_relations(_corpus([_claim("a", "x", cat("yes"), "2022-02", inferred=True),
                                   _claim("b", "y", cat("no"), "2022-02-24/2022-03-15")]))
    assert [r.kind for r in rels] == ["contradiction"]
    assert "only inferred from its publication date" in rels[0].explanation
    assert same_moment([[rels[0].claims[0]], [rels[0].claims[1]]])


def test_event_dates_ignore_inferred_as_of():
    # The date of an event does not change with the publication date of the brief quoting it.
    d = lambda s: Value("date", date=PartialDate(*map(int, s.split("-"))))  # noqa: E731
    claims = [_claim("a", "x", d("2022-02-12"), "2022-02", inferred=True),
              _claim("b", "y", d("2022-02-12"), "2022-03-03", inferred=True)]
    rels = find_relations(_corpus(claims, KeyDef("k", "K", "date")))
    assert [r.kind for r in rels] == ["agreement"]


# --------------------------------------------------------------------------- units


def test_currency_mismatch_under_a_key_is_an_annotation_problem():
    rels = relations("units")
    problem = only(rels, "annotation-problem", "japan-russia-trade")
    assert refs(problem) == ["beta-2022#trade"]
    assert "JPY 2.3 trillion" in problem.explanation and "expects USD" in problem.explanation
    assert "currency mismatch" in problem.explanation
    assert kinds(rels, "japan-russia-trade") == ["annotation-problem"]  # not compared, so no contradiction


def test_without_a_key_unit_the_majority_unit_decides():
    rels = relations("units")
    problem = only(rels, "annotation-problem", "sakhalin-stake-value")
    assert refs(problem) == ["beta-2022#stake"]
    assert "use USD (alpha-2022, gamma-2022)" in problem.explanation
    assert refs(only(rels, "agreement", "sakhalin-stake-value")) == ["alpha-2022#stake", "gamma-2022#stake"]


def test_durations_compare_across_units():
    rels = relations("units")
    assert kinds(rels, "sanctions-lead-time") == ["agreement"]  # 3 months ~ 13 weeks


def test_a_tie_of_units_reports_all_claims_and_compares_none():
    q = lambda a, u: Value("quantity", amount=a, unit=u)  # noqa: E731
    rels = find_relations(_corpus([_claim("a", "x", q(1, "USD"), "2021"), _claim("b", "y", q(1, "EUR"), "2021")],
                                  KeyDef("k", "K", "quantity")))
    assert [r.kind for r in rels] == ["annotation-problem"]
    assert refs(rels[0]) == ["a#x", "b#y"]


def test_claims_without_value_or_of_another_type_are_annotation_problems():
    rels = find_relations(_corpus([_claim("a", "x", None, None), _claim("b", "y", Value("stance", stance="oppose"), "2021"),
                                   _claim("c", "z", Value("category", category="yes"), "2021")]))
    problems = sorted((r.severity, refs(r)[0]) for r in rels if r.kind == "annotation-problem")
    assert problems == [("info", "a#x"), ("warning", "b#y")]


# --------------------------------------------------------------------------- categories and stances


def test_categories_agree_when_equal_and_contradict_when_not():
    rels = relations("stance")
    assert refs(only(rels, "agreement", "japan-swift-exclusion")) == ["alpha-2022#swift", "beta-2022#swift"]
    clash = only(rels, "contradiction", "japan-swift-exclusion")
    assert clash.explanation == "gamma-2022 says no; alpha-2022 and beta-2022 say yes for 2022-03"


def test_opposite_stances_in_facts_are_a_contradiction():
    rels = relations("stance")
    assert only(rels, "contradiction", "korea-position-on-sanctions").severity == "error"


def test_categories_compare_case_insensitively():
    rels = find_relations(_corpus([_claim("a", "x", Value("category", category="Yes"), "2021"),
                                   _claim("b", "y", Value("category", category="yes "), "2021")]))
    assert [r.kind for r in rels] == ["agreement"]


# --------------------------------------------------------------------------- recommendations


def test_opposed_recommendations_are_a_disagreement_whatever_their_dates():
    rels = relations("recommendation")
    assert kinds(rels, "japan-should-leave-sakhalin") == ["agreement", "disagreement"]
    dis = only(rels, "disagreement", "japan-should-leave-sakhalin")
    assert dis.severity == "warning"
    assert dis.explanation == "beta-2022 recommends oppose; alpha-2022 and gamma-2024 recommend support"
    assert "take the same position: support" in only(rels, "agreement", "japan-should-leave-sakhalin").explanation


# --------------------------------------------------------------------------- forecasts


def test_a_forecast_is_set_against_the_later_fact():
    rels = relations("forecast")
    checks = {refs(r)[0]: r for r in rels if r.kind == "forecast-vs-fact"}
    missed = checks["alpha-2022#trade-2023"]
    assert missed.severity == "warning"
    assert missed.explanation == ("alpha-2022 forecast USD 15 billion for 2023; gamma-2024 reports USD 10 billion "
                                  "for 2023: the forecast missed by 33%")
    held = checks["beta-2022#trade-2023"]
    assert held.severity == "info" and held.explanation.endswith("the forecast held (tolerance 5%)")


def test_differing_forecasts_disagree_rather_than_contradict():
    rels = relations("forecast")
    assert "contradiction" not in kinds(rels, "japan-russia-trade")
    assert refs(only(rels, "disagreement", "japan-russia-trade")) == ["alpha-2022#trade-2023", "beta-2022#trade-2023"]


# --------------------------------------------------------------------------- internal contradiction


def test_a_brief_that_contradicts_itself_is_reported_with_claim_refs():
    rels = relations("internal")
    clash = only(rels, "contradiction", "japan-russia-trade")
    assert refs(clash) == ["alpha-2022#trade-body", "alpha-2022#trade-repeat", "alpha-2022#trade-summary"]
    assert clash.explanation.startswith("alpha-2022#trade-repeat and alpha-2022#trade-summary say USD 20 billion; "
                                        "alpha-2022#trade-body says USD 24 billion")
    assert clash.explanation.endswith("(the brief alpha-2022 contradicts itself)")
    # Two claims of one brief agreeing are no finding.
    assert kinds(rels, "japan-russia-trade") == ["contradiction"]


# --------------------------------------------------------------------------- independence


def test_agreement_counts_independent_origins():
    rels = relations("independence")
    agree = only(rels, "agreement", "japan-russia-trade")
    assert len(agree.claims) == 3 and agree.origins == 2
    assert "2 independent origins (alpha-2022 and beta-2022 cite Japan Ministry of Finance)" in agree.explanation


def test_one_source_repeated_is_not_independent_confirmation():
    q = Value("quantity", amount=5, unit="percent")
    rels = find_relations(_corpus([_claim("a", "x", q, "2021", cites="IEA"), _claim("b", "y", q, "2021", cites="IEA")],
                                  KeyDef("k", "K", "quantity", unit="percent")))
    assert rels[0].origins == 1 and "one source repeated, not independent confirmation" in rels[0].explanation


def test_differing_figures_from_one_cited_source_suggest_a_misreading():
    clash = only(relations("independence"), "contradiction", "coal-share")
    assert clash.explanation.endswith("all cite IEA, so one of them misreads it")


# --------------------------------------------------------------------------- ids, order, filters, cost


def test_relation_ids_are_stable_across_edits_that_move_lines(tmp_path):
    before = {r.id for r in relations("tolerance")}
    shutil.copytree(FIXTURES / "tolerance", tmp_path / "c")
    for f in (tmp_path / "c").glob("*.claims.yaml"):
        text = f.read_text(encoding="utf-8")
        f.write_text("# a comment\n\n# moved every claim down\n" + text.replace("claims:\n", "claims:\n\n\n"),
                     encoding="utf-8")
    assert {r.id for r in find_relations(load_corpus([tmp_path / "c"]).corpus)} == before


def test_relation_id_format():
    c1, c2 = _claim("b", "y", None, None), _claim("a", "x", None, None)
    rid = relation_id("contradiction", "k", [c1, c2])
    assert rid == relation_id("contradiction", "k", [c2, c1])
    key, kind, digest = rid.split(":")
    assert (key, kind, len(digest)) == ("k", "contradiction", 10)
    assert rid != relation_id("agreement", "k", [c1, c2])


def test_claim_order_does_not_change_the_result():
    base = _corpus([_claim(b, f"c{i}", Value("quantity", amount=v, unit="USD"), y)
                    for i, (b, v, y) in enumerate([("a", 10, "2021"), ("b", 10.2, "2021"), ("c", 14, "2021"),
                                                   ("d", 9, "2022"), ("e", 20, "2022")])],
                   KeyDef("k", "K", "quantity", unit="USD", tolerance=Tolerance(relative=0.05)))
    expected = [(r.id, r.explanation) for r in find_relations(base)]
    rng = random.Random(1)
    for _ in range(5):
        rng.shuffle(base.briefs)
        assert [(r.id, r.explanation) for r in find_relations(base)] == expected


def test_filters_select_relations_and_topic_includes_children():
    corpus = load("stance")
    assert {r.key for r in analyse(corpus, Filters(topics=("sanctions",))).relations} == \
        {"japan-swift-exclusion", "korea-position-on-sanctions"}
    assert {r.key for r in analyse(corpus, Filters(topics=("financial-sanctions",))).relations} == \
        {"japan-swift-exclusion"}
    assert {r.kind for r in analyse(corpus, Filters(briefs=("gamma-2022",))).relations} == {"contradiction"}
    assert {r.key for r in analyse(corpus, Filters(subjects=("south-korea",))).relations} == \
        {"korea-position-on-sanctions"}
    a = analyse(corpus, Filters(kinds=("agreement",)))
    assert [r.kind for r in a.relations] == ["agreement"] and len(a.all_relations) == 3
    assert len(a.failing(["contradiction"])) == 0
    assert len(analyse(corpus).failing(["contradiction"])) == 2


def test_reviewed_relations_do_not_fail():
    a = analyse(load("stance"))
    for r in a.relations:
        r.reviewed = "accepted"
    assert a.failing(["contradiction"]) == []


def test_cost_grows_linearly_with_the_number_of_claims():
    def corpus(n: int) -> Corpus:
        keys = {f"k{i}": KeyDef(f"k{i}", "K", "quantity", unit="USD", tolerance=Tolerance(relative=0.05))
                for i in range(n // 10)}
        config = Config(topics={"t": Topic("t", "T")}, keys=keys)
        briefs = [Brief(f"b{j}", "B", "src") for j in range(10)]
        rng = random.Random(n)
        for i in range(n // 10):
            for j, b in enumerate(briefs):
                b.claims.append(Claim(id=f"c{i}", brief=b.id, quote="q", key=f"k{i}", topics=("t",),
                                      value=Value("quantity", amount=rng.choice([10, 10.2, 14, 30]), unit="USD"),
                                      as_of=parse_period(rng.choice(["2020", "2021", "2021-06"]))))
        return Corpus("root", config, briefs)

    small, large = corpus(1000), corpus(4000)
    t0 = time.perf_counter()
    find_relations(small)
    t1 = time.perf_counter()
    find_relations(large)
    t2 = time.perf_counter()
    # Four times the claims: well under sixteen times the time (quadratic), with slack for noise.
    assert (t2 - t1) < 8 * (t1 - t0) + 0.05
    # Many claims under one key: still no pairwise blow-up.
    one = Config(topics={"t": Topic("t", "T")}, keys={"k": KeyDef("k", "K", "quantity", unit="USD")})
    b = Brief("b", "B", "src", claims=[Claim(id=f"c{i}", brief="b", quote="q", key="k", value=Value(
        "quantity", amount=float(i % 50), unit="USD"), as_of=parse_period("2021")) for i in range(2000)])
    t3 = time.perf_counter()
    find_relations(Corpus("root", one, [b]))
    assert time.perf_counter() - t3 < 2.0


# --------------------------------------------------------------------------- suggestions


def test_suggestions_pair_claims_without_a_shared_key_that_look_alike():
    a = analyse(load("suggest"), suggestions=True)
    assert a.relations == []  # no keys: nothing is compared, nothing merged
    groups = {tuple(c.ref for c in s.claims): s for s in a.suggestions}
    assert set(groups) == {("alpha-2022#coal-imports", "beta-2022#coal"),
                           ("alpha-2022#northern-territories", "beta-2022#kurils")}
    coal = groups[("alpha-2022#coal-imports", "beta-2022#coal")]
    assert "both give quantity in percent" in coal.reason and coal.key == ""
    assert all(s.id.startswith("suggest:") for s in a.suggestions)
    # Claims of one brief only, or with nothing alike, are never suggested.
    assert not any("sanctions-2014" in c.ref for s in a.suggestions for c in s.claims)


def test_suggestions_reuse_a_key_one_brief_already_uses():
    corpus = load("suggest")
    corpus.briefs[0].claims[0].key = "russia-coal-share"  # alpha-2022#coal-imports, used by one brief only
    s = next(s for s in analyse(corpus, suggestions=True).suggestions if len(s.claims) == 2 and s.key)
    assert s.key == "russia-coal-share" and "give them all key russia-coal-share" in s.reason
    assert "if they answer the same question" in s.reason  # a candidate, never a verdict


def test_claims_under_a_shared_key_are_not_suggested():
    corpus = load("suggest")
    for b in corpus.briefs:
        for c in b.claims:
            if "coal" in c.id:
                c.key = "coal"
    assert all("coal" not in c.id for s in analyse(corpus, suggestions=True).suggestions for c in s.claims)


def test_an_undated_fact_among_dated_ones_is_reported_not_dropped():
    q = lambda a: Value("quantity", amount=a, unit="USD")  # noqa: E731
    rels = find_relations(_corpus([_claim("a", "x", q(1), "2021"), _claim("b", "y", q(2), "2022"),
                                   _claim("c", "z", q(3), None)], KeyDef("k", "K", "quantity", unit="USD")))
    problem = [r for r in rels if r.kind == "annotation-problem"]
    assert [refs(r) for r in problem] == [["c#z"]] and "add as_of" in problem[0].explanation


def test_event_dates_ignore_explicit_as_of_too():
    d = lambda s: Value("date", date=PartialDate(*map(int, s.split("-"))))  # noqa: E731
    rels = find_relations(_corpus([_claim("a", "x", d("1956"), "2022-02", inferred=True),
                                   _claim("b", "y", d("1956-10-19"), "2022-02-24/2022-03-15")],
                                  KeyDef("k", "K", "date")))
    assert [r.kind for r in rels] == ["agreement"]


@pytest.mark.parametrize("where", [Path(__file__).parent.parent / "briefs", FIXTURES / "periods"], ids=lambda p: p.name)
def test_relations_made_without_explanations_are_otherwise_the_same(where: Path) -> None:
    import dataclasses

    corpus = load_corpus([where], cache=False).corpus
    full = find_relations(corpus)
    bare = find_relations(corpus, unexplained=("change-over-time",))
    assert [r.id for r in bare] == [r.id for r in full]
    assert any(not r.explanation for r in bare) and all(r.explanation for r in full)
    for b, f in zip(bare, full):
        assert b.explanation in ("", f.explanation)
        assert dataclasses.replace(b, explanation="") == dataclasses.replace(f, explanation="")
