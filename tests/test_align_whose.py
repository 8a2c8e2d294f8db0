"""Whose figure it is when its text does not say (issue 21): the brief's main subject, the subject of
the release a brief reports, a company before the figure's clause; and units that are one unit
(tons and tonnes, basis points and percentage points, a counted noun and a bare count). Fixture
texts written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import evidence, subjects
from briefcmp.analysis.align import FORECAST_WORDS, _DIRECTED, Member, _Context, describe
from briefcmp.analysis.entities import Entities
from briefcmp.corpus import units
from briefcmp.corpus.model import Claim, Value
from tests.test_align_subjects import _corpus, _found


def test_a_country_in_a_cause_clause_is_not_the_figure_s(tmp_path: Path) -> None:
    text = ("Chile's copper exports rise\nMining Wire | 3 April 2024\n\n"
            "Chile's copper exports rose to $42.3 billion in 2023 as buyers in China stocked up ahead of tariffs.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    (m,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 42.3]
    assert m is not None and m.subjects == ("chile",)


def test_the_main_subject_of_a_brief() -> None:
    j, g, u = ("japan", False), ("germany", False), ("united-states", True)
    assert subjects.main_subject([j, j, j, g]) == (("japan",), "main subject")  # named far more often
    assert subjects.main_subject([j, j, g]) == ((), "")  # not often enough
    assert subjects.main_subject([j, j, j, g, g]) == ((), "")  # not far more often than Germany
    assert subjects.main_subject([g]) == (("germany",), "whole brief")
    # "the CEO pointed to American technology companies", once and outside the lead: a side matter
    assert subjects.main_subject([u]) == ((), "")
    assert subjects.main_subject([u, u]) == (("united-states",), "whole brief")
    assert subjects.main_subject([]) == ((), "")


def test_mentions_tell_a_country_from_its_adjective() -> None:
    e = Entities()
    assert e.mentions("Japan's exports and Japanese imports; American banks.") == [
        ("japan", False), ("japan", True), ("united-states", True)]


def _brief_context(tmp_path: Path, name: str, text: str):
    """The drafted brief ``name`` of a one-brief corpus, its context and entities."""
    from briefcmp.corpus.cache import load_corpus

    _corpus(tmp_path, {name: text})
    corpus = load_corpus([tmp_path], cache=False).corpus
    brief = next(b for b in corpus.briefs if b.id == name)
    entities = Entities(corpus.config)
    return brief, _Context(brief, entities), entities


def test_an_adjective_in_the_lead_names_the_subject_one_further_down_does_not(tmp_path: Path) -> None:
    lead = ("Output up 0.4% in the second quarter\nStatistics Office | Press release | 30 July 2024\n\n"
            "VIENNA - Austrian economic output grew in the spring, according to the first estimate, and "
            "households spent more on food and services than they had in the first quarter of the year.\n")
    later = ("Returns lifted the pension fund in 2024\nFund manager | Press release | 29 January 2025\n\n"
             "The return on the fund was 11.2 percent in 2024, equal to 940 billion crowns, after costs and "
             "before the transfers the owner makes to the budget each year.\n\n"
             "The manager attributed the result to the strong run of Canadian railway companies.\n")
    _, ctx, _ = _brief_context(tmp_path / "a", "lead", lead)
    assert (ctx.brief_subjects, ctx.brief_how) == (("austria",), "whole brief")
    brief, ctx, e = _brief_context(tmp_path / "b", "later", later)
    assert ctx.brief_subjects == ()
    figures = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.unit == "percent"]
    assert figures and all(m.subjects == () for m in figures if m is not None)  # never Canada's return


def test_a_company_the_sentence_names_before_the_clause_is_the_subject(tmp_path: Path) -> None:
    text = ("Iron ore output climbs in Brazil\nMining Wire | 3 April 2024\n\n"
            "Brazil's iron ore output rose 4 percent to 440 million tonnes in 2023, the ministry said.\n\n"
            "Production at state-run Minas Brazil, which mines most of the country's ore, climbed to 320 million "
            "tonnes in 2023.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    by_amount = {c.value.amount: describe(c, ctx, e) for c in brief.claims if c.value is not None}
    assert by_amount[440.0].subjects == ("brazil",)
    assert by_amount[320.0].subjects == ("minas-brazil",) and by_amount[320.0].subjects_from == "sentence"


def _release_texts(tonnes: str) -> dict[str, str]:
    return {
        "wire": "Chile's copper output slips in 2023\nSANTIAGO, Feb 1 (Reuters) -\n\n"
                "Chile's copper production fell 1.9 percent in 2023 to 5.25 million tonnes, the statistics "
                "institute said on Thursday. Chile's copper exports were worth $42.3 billion in 2023.\n",
        "paper": "Copper output falls again\nEl Diario | 2 February 2024\n\n"
                 "Chile's copper production fell 1.9 percent in 2023, the statistics institute said. "
                 "Chile's copper exports were worth $42.3 billion in 2023.\n",
        # a newsletter that names no country: it reports the same release
        "letter": "Metals week at a glance\nMetals Letter | 3 February 2024\n\n"
                  "- The country's copper production fell 1.9 percent in 2023.\n"
                  "- Its copper exports were worth $42.3 billion in 2023.\n"
                  f"- Its copper output was {tonnes} million tonnes in 2023.\n",
    }


def test_a_brief_that_names_no_country_takes_the_subject_of_the_release_it_reports(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _release_texts("5.25"))
    joined = [r for r in relations if r["kind"] == "agreement" and "letter" in {c["brief"] for c in r["claims"]}]
    # the fall and the exports in all three reports, the tonnage in the two that give it
    assert sorted(sorted(c["brief"] for c in r["claims"]) for r in joined) == [
        ["letter", "paper", "wire"], ["letter", "paper", "wire"], ["letter", "wire"]]
    found = _found(tmp_path / "c", relations)
    assert {s for kind, _, s in found if kind == "agreement"} == {frozenset({"chile"})}


def test_a_subject_taken_from_the_release_never_decides_a_contradiction(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _release_texts("5.45"))  # the wire says 5.25
    assert not any(r["kind"] == "contradiction" for r in relations), relations
    # the figures that agree still join, the one that differs stays unkeyed
    assert any(r["kind"] == "agreement" and "letter" in {c["brief"] for c in r["claims"]} for r in relations)
    assert not any("letter" in {c["brief"] for c in r["claims"]} and any(c["value"]["display"].startswith("5.")
                                                                            for c in r["claims"]) for r in relations)


def _member(brief: str, amount: float, subjects_from: str, period: str = "2023") -> Member:
    claim = Claim(brief=brief, id="x", quote="Exports rose 5 percent.", kind="fact",
                  value=Value("quantity", amount=amount, unit="percent"))
    return Member(claim, ("chile",), subjects_from, "percent", "percent", frozenset({"export", "increase"}),
                  {"export": "exports", "increase": "rose"}, ("export", "increase"), "chile", period, "stated",
                  date(2024, 2, 1))


def test_a_subject_from_the_release_scores_below_any_stated_one() -> None:
    def score(*members: Member) -> float:
        return evidence.evidence(list(members), _DIRECTED, FORECAST_WORDS).score

    stated = score(_member("a", 5.0, "clause"), _member("b", 5.0, "whole brief"))
    main = score(_member("a", 5.0, "clause"), _member("b", 5.0, "main subject"))
    release = score(_member("a", 5.0, "clause"), _member("b", 5.0, "release"))
    assert 0 < release <= main < stated and release >= evidence.APPLY_THRESHOLD
    differs = evidence.evidence([_member("a", 5.0, "clause"), _member("b", 6.0, "release")], _DIRECTED,
                                FORECAST_WORDS)
    assert differs.score == 0 and "inferred from other reports of the release" in differs.doubt()
    # another period's figure is no contradiction
    assert score(_member("a", 5.0, "clause", "2022"), _member("b", 6.0, "release"), _member("c", 6.0, "clause")) > 0


def test_the_reason_says_which_subject_was_taken_from_the_release() -> None:
    from briefcmp.analysis.grouping import reason as _reason  # where align's reasons are written

    reason = _reason([_member("a", 5.0, "title"), _member("b", 5.0, "release")], "")
    assert reason.startswith("subject chile (from the title, for b#x: other reports of the release within 7 days")


def test_release_subjects_need_two_agreeing_figures_and_one_subject() -> None:
    def m(brief: str, amount: float, words: set[str], subject: tuple[str, ...] = (), day: int = 1) -> Member:
        claim = Claim(brief=brief, id=f"f{amount}", quote="q", kind="fact",
                      value=Value("quantity", amount=amount, unit="percent"))
        return Member(claim, subject, "clause" if subject else "", "percent", "percent", frozenset(words), {}, (),
                      subject[0] if subject else "", "", "", date(2024, 2, day))

    from briefcmp.analysis.measure import _VAGUE, word_match

    wire = [m("wire", 1.9, {"copper", "output"}, ("chile",)), m("wire", 4.0, {"copper", "export"}, ("chile",))]
    one = [m("letter", 1.9, {"copper", "output"})]
    assert subjects.adopt_release_subjects(one, wire + one, word_match, evidence.close, 7, _VAGUE) == []
    two = [m("letter", 1.9, {"copper", "output"}), m("letter", 4.0, {"copper", "export"})]
    assert [x.subjects for x in subjects.adopt_release_subjects(two, wire + two, word_match, evidence.close, 7, _VAGUE)] \
        == [("chile",), ("chile",)]
    late = [m("late", 1.9, {"copper", "output"}, day=20), m("late", 4.0, {"copper", "export"}, day=20)]
    assert subjects.adopt_release_subjects(late, wire + late, word_match, evidence.close, 7, _VAGUE) == []
    peru = wire + [m("peru", 4.0, {"copper", "export"}, ("peru",))]
    both = [m("both", 1.9, {"copper", "output"}), m("both", 4.0, {"copper", "export"})]
    assert subjects.adopt_release_subjects(both, peru + both, word_match, evidence.close, 7, _VAGUE) == []


def test_one_matching_figure_is_enough_when_the_currency_names_the_country() -> None:
    from briefcmp.analysis.countrydata import currency_country
    from briefcmp.analysis.measure import _VAGUE, word_match

    assert [currency_country(c) for c in ("KRW", "INR", "GBP", "JPY")] == ["south-korea", "india",
                                                                             "united-kingdom", "japan"]
    assert currency_country("USD") == currency_country("EUR") == currency_country("XOF") == ""  # many countries'

    def m(brief: str, amount: float, unit: str, subject: tuple[str, ...] = ()) -> Member:
        claim = Claim(brief=brief, id=f"f{amount}", quote="q", kind="fact",
                      value=Value("quantity", amount=amount, scale="trillion", unit=unit))
        return Member(claim, subject, "clause" if subject else "", unit, unit, frozenset({"budget", "spend"}), {},
                      (), subject[0] if subject else "", "", "", date(2023, 12, 21))

    korea = [m("wire", 656.6, "KRW", ("south-korea",))]
    won = [m("paper", 656.6, "KRW")]
    assert [x.subjects for x in subjects.adopt_release_subjects(won, korea + won, word_match, evidence.close, 7,
                                                                 _VAGUE)] == [("south-korea",)]
    euro = [m("wire", 656.6, "EUR", ("germany",))]
    euros = [m("paper", 656.6, "EUR")]
    assert subjects.adopt_release_subjects(euros, euro + euros, word_match, evidence.close, 7, _VAGUE) == []


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    from briefcmp.drafting.figures import find_figures

    (a, _), (b, _) = (find_figures("The bank raised its rate by 25 basis points to 4.35%."),
                      find_figures("It lifted the rate by 25 bps to 4.35 per cent."))
    assert a.value.unit == b.value.unit == "bps"
    assert units.comparable("bps", 25.0) == units.comparable("percentage-points", 0.25)
    assert units.canonical_unit("basis points") == "bps"


def test_nordic_crowns_are_one_currency_as_written() -> None:
    from briefcmp.drafting.figures import find_figures

    (a,), (b,) = find_figures("The fund earned 2,511 billion kroner."), find_figures("It earned 2.51 trillion crowns.")
    assert (a.value.unit, b.value.unit) == ("kroner", "crowns")  # as written
    assert units.canonical_unit("kroner") == units.canonical_unit("crowns") == "crowns"
    from briefcmp.analysis.rules.base import dimension

    assert dimension(a.value) == dimension(b.value) == "crowns"  # compared under one key
    # the unit in any spelling is no measured word; a word of a longer spelling may be ("tonnes of CO2")
    assert {"kroner", "krone", "crowns"} <= set(units.spellings("crowns"))
    assert "tons" in units.spellings("tonnes") and "carbon" not in " ".join(units.spellings("tonnes"))


def test_a_counted_noun_and_a_bare_count_are_one_dimension() -> None:
    assert units.is_count("visitors") and units.is_count("jobs") and units.is_count("people")
    for unit in ("", "USD", "INR", "percent", "percentage-points", "bps", "tonnes", "days", "times", "points",
                 "kroner", "crowns"):
        assert not units.is_count(unit), unit


def test_a_bare_count_under_a_key_of_visitors_is_compared() -> None:
    from briefcmp.analysis.rules.base import KeyView
    from briefcmp.analysis.rules.screening import screen
    from briefcmp.corpus.model import Config, Corpus, Tolerance

    def claim(brief: str, amount: float, unit: str) -> Claim:
        return Claim(brief=brief, id="v", quote="q", kind="fact", key="peru-visitors",
                     value=Value("quantity", amount=amount, scale="million", unit=unit))

    for key_unit in ("", "visitors"):
        claims = [claim("a", 2.5, "visitors"), claim("b", 2.5, ""), claim("c", 2.7, "visitors")]
        out: list = []
        kept = screen(KeyView("peru-visitors", "quantity", key_unit, Tolerance()), claims, Corpus(Path("."), Config()), out)
        assert (len(kept), out) == (3, [])
    # two counted nouns are still two things: the odd one is reported
    out = []
    kept = screen(KeyView("k", "quantity", "", Tolerance()), [claim("a", 2.5, "visitors"), claim("b", 2.5, "visitors"),
                                                             claim("c", 2.5, "banks")], Corpus(Path("."), Config()), out)
    assert len(kept) == 2 and len(out) == 1


_WORDS = st.sets(st.sampled_from(["copper", "output", "export", "import", "increase", "decrease", "gdp", "rate",
                                  "budget", "spend"]), max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from([1.0, 1.9, 2.0, 4.0]), _WORDS,
                          st.sampled_from([(), ("chile",), ("peru",)]), st.integers(1, 20)), max_size=12))
def test_release_subjects_only_ever_come_from_an_agreeing_figure(rows) -> None:
    from briefcmp.analysis.measure import _VAGUE, word_match

    members = []
    for brief, amount, words, subject, day in rows:
        claim = Claim(brief=brief, id=f"f{len(members)}", quote="q", kind="fact",
                      value=Value("quantity", amount=amount, unit="percent"))
        members.append(Member(claim, subject, "clause" if subject else "", "percent", "percent", frozenset(words),
                              {}, (), subject[0] if subject else "", "", "", date(2024, 2, day)))
    stated = [m for m in members if m.subjects]
    for m in subjects.adopt_release_subjects(members, members, word_match, evidence.close, 7, _VAGUE):
        assert m.subjects_from == "release" and any(
            o.subjects == m.subjects and o.claim.brief != m.claim.brief and evidence.close(m, o)
            and abs((o.published - m.published).days) <= 7 for o in stated)


def _figure(brief: str, amount: float, unit: str = "percent", subject: tuple[str, ...] = (), day: int = 1,
            words: frozenset[str] = frozenset({"sales", "increase"}), scale: str = "") -> Member:
    claim = Claim(brief=brief, id=f"f{amount}", quote="q", kind="fact",
                  value=Value("quantity", amount=amount, unit=unit, scale=scale or None))
    return Member(claim, subject, "clause" if subject else "", unit, unit, words, {}, (),
                  subject[0] if subject else "", "", "", date(2024, 10, day))


def test_a_brief_naming_no_one_takes_the_subject_of_the_event_it_reports_whatever_its_wording() -> None:
    # "The books will finish the year $9.3 billion in the black": the wire says "a surplus of $9.3 billion"
    wire = [_figure("wire", 9.3, "AUD", ("australia",), scale="billion", words=frozenset({"surplus"})),
            _figure("wire", 28.3, "AUD", ("australia",), scale="billion", words=frozenset({"deficit"})),
            _figure("wire", 4.5, "percent", ("australia",), words=frozenset({"unemployment"}))]
    paper = [_figure("paper", 9.3, "AUD", scale="billion", words=frozenset({"black"})),
             _figure("paper", 28.3, "AUD", scale="billion", words=frozenset({"bottom", "line"})),
             _figure("paper", 3.8, "percent", words=frozenset({"unemployment"}))]
    took = subjects.adopt_event_subjects(paper, wire + paper, evidence.close, 7)
    assert [m.subjects for m in took] == [("australia",)] * 3  # the 3.8% too: the brief reports that event
    assert {m.subjects_from for m in took} == {"event"}
    # an event subject weighs less than one a brief states, and with its value differing never decides
    assert 0 < evidence.SUBJECT_WEIGHT["event"] < evidence.SUBJECT_WEIGHT["whole brief"]
    differs = evidence.evidence([_figure("wire", 4.5, "percent", ("australia",)), paper[2]], _DIRECTED,
                                FORECAST_WORDS)
    assert differs.score == 0 and "inferred from other reports" in differs.doubt()


def test_an_event_subject_needs_two_values_not_only_small_percentages_and_one_subject_ahead() -> None:
    wire = [_figure("wire", 0.4, subject=("united-states",)), _figure("wire", 0.1, subject=("united-states",)),
            _figure("wire", 0.5, subject=("united-states",)), _figure("wire", 714.4, "USD", ("united-states",),
                                                                       scale="billion")]
    one = [_figure("one", 714.4, "USD", scale="billion")]
    assert subjects.adopt_event_subjects(one, wire + one, evidence.close, 7) == []  # one value: chance
    two_pct = [_figure("pct", 0.4), _figure("pct", 0.1)]
    assert subjects.adopt_event_subjects(two_pct, wire + two_pct, evidence.close, 7) == []  # small percentages
    three_pct = [_figure("pct3", 0.4), _figure("pct3", 0.1), _figure("pct3", 0.5)]
    assert len(subjects.adopt_event_subjects(three_pct, wire + three_pct, evidence.close, 7)) == 3
    mixed = [_figure("mixed", 0.4), _figure("mixed", 714.4, "USD", scale="billion")]
    assert len(subjects.adopt_event_subjects(mixed, wire + mixed, evidence.close, 7)) == 2
    late = [_figure("late", 0.4, day=20), _figure("late", 714.4, "USD", scale="billion", day=20)]
    assert subjects.adopt_event_subjects(late, wire + late, evidence.close, 7) == []  # not the same release
    # the same values given for two subjects as often: no one event
    canada = [_figure("ca", 0.4, subject=("canada",)), _figure("ca", 714.4, "USD", ("canada",), scale="billion")]
    both = [_figure("both", 0.4), _figure("both", 714.4, "USD", scale="billion")]
    assert subjects.adopt_event_subjects(both, wire + canada + both, evidence.close, 7) == []


def test_in_a_brief_naming_two_countries_only_the_event_s_values_take_its_subject() -> None:
    wire = [_figure("wire", 2.1, subject=("chile",)), _figure("wire", 4.0, subject=("chile",)),
            _figure("wire", 42.3, "USD", ("chile",), scale="billion")]
    mine = [_figure("mine", 2.1), _figure("mine", 42.3, "USD", scale="billion"), _figure("mine", 7.7),
            _figure("mine", 3.0, subject=("peru",)), _figure("mine", 5.0, subject=("chile",))]
    took = subjects.adopt_event_subjects(mine, wire + mine, evidence.close, 7)
    assert sorted(m.claim.value.amount for m in took) == [2.1, 42.3]  # 7.7% may be Peru's: left unknown
    assert mine[2].subjects == ()


def test_a_headline_about_the_world_makes_its_unnamed_figures_the_world_s() -> None:
    assert subjects.title_world("World food prices rise to 18-month high, FAO says")
    assert subjects.title_world("Global air passenger traffic hits a record in 2024")
    assert subjects.title_world("Record 120 million people displaced worldwide, agency says")
    assert not subjects.title_world("Japan slips to world's fourth-largest economy")  # a rank of Japan's
    assert not subjects.title_world("Toyota stays the biggest carmaker in the world")
    assert not subjects.title_world("Exports to the world rise")
    assert not subjects.title_world("World Bank lends $1 billion")


def test_a_global_release_s_figures_are_the_world_s_not_the_host_country_s(tmp_path: Path) -> None:
    text = ("Global air passenger demand climbs to a record\nAir Wire | 1 February 2025\n\n"
            "GENEVA - Passenger traffic rose 10.4 percent in 2024, the airline association said, with flights to "
            "China up sharply as routes reopened and services to China and within China recovering.\n\n"
            "Load factors reached 83.5 percent in 2024.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    figures = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.unit == "percent"]
    assert figures and all(m is not None and m.subjects == ("world",) for m in figures)


def test_a_title_naming_several_countries_leaves_the_brief_no_main_subject(tmp_path: Path) -> None:
    text = ("Fund raises Peru, Chile, Brazil growth forecasts\nWire | 22 October 2024\n\n"
            "LIMA - The fund raised its forecasts for Peru and Chile, and Peru's outlook improved most, "
            "with Peru's exporters and Peru's miners doing well.\n\n"
            "Medium-term growth would fade to 3.1 percent in 2029.\n")
    _, ctx, _ = _brief_context(tmp_path, "wire", text)
    assert ctx.brief_subjects == ()


def test_a_country_that_only_qualifies_a_company_noun_names_no_subject(tmp_path: Path) -> None:
    text = ("Kiwi Motor Corp. posts record profit\nAuto Wire | 9 May 2024\n\n"
            "Kiwi Motor Corp. announced record results for the year to March.\n\n"
            "Its operating profit came to 5.35 trillion yen, believed to be the first time a Japanese company has "
            "topped that mark.\n")
    e = Entities()
    e.add_companies([text])
    assert e.qualified("the first time a Japanese company has topped it", ("japan",)) == ()
    assert e.qualified("Japanese exports rose", ("japan",)) == ("japan",)  # no company noun: the country's


def test_the_sentence_before_carries_its_figure_s_subject_not_a_comparison_s(tmp_path: Path) -> None:
    text = ("Kiwi Motor Corp. profit nearly doubles\nAuto Wire | 9 May 2024\n\n"
            "Kiwi Motor Corp. said its results for the year to March were the best in its history. Net profit nearly "
            "doubled to 4,944.9 billion yen, just short of the corporate record of 4,987.9 billion yen set by "
            "Tasman Group Corp. in 2021. Sales grew 21.4 percent to 45,095.3 billion yen.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    e.add_companies([text])
    (sales,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 21.4]
    assert sales is not None and "tasman-group" not in sales.subjects


def test_a_lead_about_the_world_outweighs_the_market_the_story_names_most(tmp_path: Path) -> None:
    text = ("Air travel demand hits a record in 2024, airlines' body says\nAir Wire | 1 February 2025\n\n"
            "Global air passenger demand rose 10.4 percent in 2024 to a record, the airlines' association said on "
            "Thursday, as travel to China recovered.\n\n"
            "Carriers in China saw traffic jump 31 percent. Flights to China and from China filled up as China "
            "eased visa rules.\n\n"
            "Capacity grew 8.7 percent and the load factor reached 83.5 percent.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    assert ctx.brief_subjects == ("world",)
    got = {c.value.amount: describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.unit == "percent"}
    assert got[31.0] is not None and got[31.0].subjects == ("china",)  # its own clause names China
    assert all(got[x] is not None and got[x].subjects == ("world",) for x in (10.4, 8.7, 83.5))
    assert not subjects.lead_world("Japan's exports rose 5 percent in 2024, the ministry said.", e)
    assert not subjects.lead_world("Exports rose 5 percent in 2024, the highest in the world.", e)


def test_a_region_s_largest_economy_is_a_country_not_the_region(tmp_path: Path) -> None:
    text = ("Mexico economy grows 3.2% in 2023\nWire | 3 March 2024\n\n"
            "Growth in Latin America's second-largest economy came in at 3.2 percent in 2023, the statistics "
            "agency said, and Mexican exports rose to a record.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    (m,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 3.2
            and c.quote.startswith("Growth")]
    assert m is not None and m.subjects == ("mexico",)
    text = ("Nigeria economy grows 2.9% in 2023\nWire | 3 March 2024\n\n"
            "Growth in West Africa's biggest economy came in at 2.9 percent in 2023, the statistics office said.\n")
    brief, ctx, e = _brief_context(tmp_path / "ng", "wire", text)
    (n,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == 2.9
            and c.quote.startswith("Growth")]
    assert n is not None and n.subjects == ("nigeria",)  # not "(africa)"


def test_a_list_item_of_a_sentence_takes_the_subject_of_the_figure_before_it(tmp_path: Path) -> None:
    from briefcmp.analysis import align

    text = ("Fund keeps Chile's forecast at 2.5%\nWire | 22 October 2024\n\n"
            "SANTIAGO - The fund kept its forecast for Chile's growth at 2.5 percent for 2024.\n\n"
            "In its outlook, the fund projected global growth at 3.2 percent for 2024 and 3.1 percent for 2025.\n")
    from briefcmp.corpus.cache import load_corpus

    _corpus(tmp_path, {"wire": text})
    corpus = load_corpus([tmp_path], cache=False).corpus
    described: list = []
    original = align.describe

    def record(*args, **kwargs):
        m = original(*args, **kwargs)
        if m is not None:
            described.append(m)
        return m

    align.describe = record
    try:
        align.align(corpus)
    finally:
        align.describe = original
    by_amount = {m.claim.value.amount: m for m in described}
    assert by_amount[3.2].subjects == ("world",)
    assert by_amount[3.1].subjects == ("world",), by_amount[3.1]  # not the title's Chile
    assert by_amount[2.5].subjects == ("chile",)


def test_people_beside_a_counted_noun_count_the_same_thing() -> None:
    """"35,600 people" and "35,600 jobs" under one key (as align lines them up): one count, not mixed units;
    jobs against banks is still two things."""
    from briefcmp.analysis.rules.base import KeyView
    from briefcmp.analysis.rules.screening import screen
    from briefcmp.corpus.model import Config, Corpus, Tolerance

    def claim(brief: str, amount: float, unit: str) -> Claim:
        return Claim(brief=brief, id="v", quote="q", kind="fact", key="k",
                     value=Value("quantity", amount=amount, scale="thousand", unit=unit))

    out: list = []
    kept = screen(KeyView("k", "quantity", "", Tolerance()),
                  [claim("a", 35.6, "people"), claim("b", 36, ""), claim("c", 35.6, "jobs")], Corpus(Path("."), Config()), out)
    assert (len(kept), out) == (3, [])
    out = []
    kept = screen(KeyView("k", "quantity", "", Tolerance()),
                  [claim("a", 35.6, "people"), claim("b", 35.6, "jobs"), claim("c", 35.6, "banks")], Corpus(Path("."), Config()), out)
    assert len(out) == 1 and len(kept) < 3


def test_a_count_key_asks_how_many_only_of_a_counted_plural() -> None:
    """"How many visitors does Kenya count?", but "What is Australia's employment growth (number)?", never
    "How many employment growth"."""
    from types import SimpleNamespace

    from briefcmp.analysis import keynames
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.model import Config

    def group(*words: str, who: str):
        m = SimpleNamespace(subjects=(who,), dim="", unit="", shown={w: w for w in words}, order=words,
                            words=frozenset(words))
        return [m, SimpleNamespace(**vars(m))]

    ents = Entities(Config())
    assert keynames.label(group("visitors", who="kenya"), ents) == "How many visitors does Kenya count?"
    assert keynames.label(group("employment", "growth", who="australia"), ents) == \
        "What is Australia's employment growth (number)?"


def test_a_wire_dated_by_the_event_it_reports_is_no_series_beside_a_same_day_report(tmp_path: Path) -> None:
    """Two reports of one trading day: the wire's lead names the event of the night before ("late Tuesday"),
    the other says "on Wednesday". The wire's figures state no period; dating them by the day its lead names
    most would turn one close into a series ("1.44% on the 3rd -> 1.4% on the 4th: unchanged")."""
    wire = ("Stocks slide after a night of turmoil\n\n"
            "SEOUL, Dec. 4 (Harbour Wire) -- South Korean shares fell sharply on Wednesday and the won swung "
            "after the president declared martial law late Tuesday, only to lift it some six hours later.\n\n"
            "The benchmark Composite Stock Price Index finished at 2,464.00, down 36.10 points, or 1.44 percent, "
            "from the previous session.\n\n"
            "The local currency ended onshore trade at 1,410.1 won per dollar, down 7.2 won from Tuesday's close, "
            "after weakening past 1,440 won overnight.\n\n"
            "All 190 lawmakers present voted for a resolution calling for the decree to be lifted shortly after "
            "1 a.m.\n")
    daily = ("Index falls 1.4% as the shock fades\nThe Seoul Ledger | 4 December 2024\n\n"
             "Seoul's main stock index fell 1.4 percent on Wednesday, closing at 2,464, as investors digested "
             "the night's events.\n")
    relations = _corpus(tmp_path, {"wire": wire, "daily": daily})
    assert not [r for r in relations if r["kind"] == "change-over-time"]
    found = {(r["kind"], frozenset(c["value"]["display"] for c in r["claims"])) for r in relations}
    assert ("agreement", frozenset({"1.44%", "1.4%"})) in found


def test_a_company_s_target_and_a_forecaster_s_estimate_are_forecasts() -> None:
    """A company's aim for next year and a broker's own estimate are forecasts, never facts compared with the
    year's outcome (a guidance, a broker's estimate and the actual under one company key read as a contradiction)."""
    for s in ("For 2025, the group targets adjusted operating profit of around 7 billion euros.",
              "The company targets around 820 deliveries and cash flow of about 4.5 billion.",
              "Our own FY25 operating profit estimate stays at EUR7.3bn."):
        assert FORECAST_WORDS.search(s), s
    for s in ("Operating profit fell 8% to 5.35 billion euros, above the 5.30 billion analysts expected.",
              "The company hit its targets in 2024.", "Exports fell 3% in 2024."):
        assert not FORECAST_WORDS.search(s.split(", above")[0]), s
