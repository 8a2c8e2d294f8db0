"""Whose figure it is, session 17 (issue 21, point 4): the world or a bloc against a country, a place or company
against its owner, labels and forecasters. Fixture texts written here."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis.entities import Entities


def test_a_place_opening_an_agreement_s_or_a_forum_s_name_is_no_mention_of_its_country() -> None:
    e = Entities()
    for text in ("The long-term aims of the Paris Agreement remain within reach, the agency said.",
                 "Ten years after the Paris Climate Agreement, warming reached 1.4 degrees.",
                 "Creditors of the Paris Club agreed to reschedule 2 billion dollars.",
                 "the Kyoto Protocol's first commitment period",
                 "under the Montreal Protocol, emissions fell 98%"):
        assert e.subjects(text) == (), text


def test_the_place_itself_and_a_company_named_after_it_are_still_read() -> None:
    e = Entities()
    assert e.subjects("Paris said the deficit would reach 5.4%.") == ("france",)
    assert e.subjects("France and Germany signed an agreement on energy.") == ("france", "germany")
    assert e.subjects("Japan's exports rose 3%, the Japan Foreign Trade Council said.")[:1] == ("japan",)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Paris AgreementClub Protocol,.'s")), max_size=80))
def test_any_text_reads_without_error(text: str) -> None:
    found = Entities().find(text)
    assert all(0 <= a < b <= len(text) for a, b, _ in found)


def test_a_country_named_once_beside_the_world_s_total_is_no_subject_of_the_brief(tmp_path) -> None:
    from tests.test_align_whose import _brief_context

    text = ("Reading the solar count\nInstitute for Grid Studies | Note 2025/02 | March 2025\n\n"
            "1. Solar capacity rose by 410 GW in 2024 to 2,100 GW, a growth rate of 24%, the fastest on record.\n\n"
            "2. Panels now make up a third of all generating capacity added, and prices fell again over the year, "
            "which helped buyers in every market that the count covers, large and small alike, old and new.\n\n"
            "3. Chile's additions alone were close to 3% of the global figure.\n")
    _, ctx, _ = _brief_context(tmp_path / "w", "solarnote", text)
    assert "chile" not in ctx.brief_subjects
    own = ("Chile's solar capacity\nInstitute for Grid Studies | Note 2025/03 | March 2025\n\n"
           "1. Solar capacity rose by 12 GW in 2024 to 40 GW, a growth rate of 30%, the fastest on record.\n\n"
           "2. Panels now make up a third of all generating capacity added in Chile, and prices fell again over the "
           "year, which helped buyers in every region that the count covers, large and small alike.\n")
    _, ctx, _ = _brief_context(tmp_path / "c", "chilenote", own)
    assert ctx.brief_subjects == ("chile",)


def test_a_people_named_by_its_plural_demonym_is_its_country() -> None:
    e = Entities()
    assert e.subjects("Overseas Kenyans sent home 4.9 billion dollars last year.") == ("kenya",)
    assert e.subjects("Israelis bought fewer cars in May.") == ("israel",)
    assert e.subjects("Filipinos working abroad sent more money.") == ("philippines",)
    assert "Swisss" not in e.entity_of and "Chineses" not in e.entity_of  # (no plural of "Swiss", "Chinese")


def test_a_bare_dollar_is_no_evidence_of_whose_currency_it_is() -> None:
    from types import SimpleNamespace

    from briefcmp.analysis.subjects import currency_subject

    def member(quote: str, unit: str):
        return SimpleNamespace(claim=SimpleNamespace(quote=quote), unit=unit, subjects=(), subjects_from="", lead="")

    ctx = SimpleNamespace(ok=True, brief_subjects=(), title_subjects=())
    read_from_names = [member("earnings of $23.7bn", "GYD"), member("buyback $3.5bn", "GYD")]
    currency_subject(read_from_names, ctx)
    assert all(m.subjects == () for m in read_from_names)
    written = [member("656.6 trillion won", "KRW")]
    currency_subject(written, ctx)
    assert written[0].subjects == ("south-korea",)


def test_a_country_that_scopes_a_company_s_rank_is_not_whose_figure_it_is() -> None:
    from briefcmp.analysis.figuresubject import clause_subjects

    e = Entities()
    assert clause_subjects("Chile's largest company reported profit down 26 per cent to 10 billion dollars", e) == ()
    assert clause_subjects("Norway's second-biggest lender earned 3 billion crowns", e) == ()
    assert clause_subjects("Chile's largest miners sold 5 million tonnes", e) == ("chile",)  # (a sector: plural)
    assert clause_subjects("Chile's economy grew 2.3%", e) == ("chile",)


def test_a_currency_s_subunit_after_an_amount_is_a_unit_not_a_subject() -> None:
    e = Entities()
    assert e.subjects("a final dividend of 60 US cents a share, about 92 Australian cents") == ()
    assert e.subjects("Australia paid 60 cents a share") == ("australia",)


def test_a_body_s_report_or_a_dated_verb_still_makes_it_a_forecaster() -> None:
    from briefcmp.analysis.figuresubject import forecasts

    text = "The June Lending Fund Outlook projects world growth of 2.9%"
    assert forecasts(text, text.index("Fund") + 4)
    text = "The Lending Fund yesterday lowered its global growth forecast to 2.3%"
    assert forecasts(text, text.index("Fund") + 4)
    text = "The Lending Fund yesterday lent 2 billion dollars"
    assert not forecasts(text, text.index("Fund") + 4)


def test_the_place_an_organisation_is_based_in_is_not_whose_figure_it_is() -> None:
    from briefcmp.analysis.figuresubject import blank_home

    e = Entities()
    out = blank_home("The Paris-based organisation left its estimate unchanged at 3.2%", e)
    assert e.subjects(out) == () and len(out) == len("The Paris-based organisation left its estimate unchanged at 3.2%")
    assert e.subjects(blank_home("Paris-based organisations hired 3,000 people", e)) == ("france",)  # (a sector)


def test_a_forecaster_carried_from_the_sentence_before_gives_the_world_s_figure(tmp_path) -> None:
    from tests.test_align_whose import _brief_context

    text = ("Lenders see slower growth\nMarket Wire | 11 June 2025\n\n"
            "The Zembla Lending Fund cut its forecast for global growth in 2025 to 2.3%, the weakest in years. "
            "The forecast is 0.4 percentage point lower than in January.\n")
    from briefcmp.analysis.align import describe

    brief, ctx, e = _brief_context(tmp_path / "f", "wire", text)
    later = [m for m in (describe(c, ctx, e) for c in brief.claims) if m is not None and "0.4" in m.claim.quote]
    assert later and all(m.subjects == ("world",) for m in later)


def test_a_place_a_country_owns_by_name_and_the_body_running_it_are_the_place() -> None:
    from briefcmp.analysis.figuresubject import clause_subjects

    e = Entities()
    assert clause_subjects("Egypt's Zembla Canal earned 4 billion dollars in 2024", e) == ("zembla-canal",)
    assert e.adopt("Zembla Canal Authority") == "zembla-canal"
    assert clause_subjects("Egypt's canal income fell to 4 billion dollars", e) == ("egypt",)  # (no name: its own)
    assert clause_subjects("India's Reserve Bank cut its rate to 6%", e) == ("india",)  # (an organ: the country's)


def test_the_bloc_is_the_bloc_the_brief_named_last_before_it(tmp_path) -> None:
    from briefcmp.analysis.align import describe
    from tests.test_align_whose import _brief_context

    text = ("Ruritania grows faster than its neighbours\nValley Wire | 31 January 2025\n\n"
            "Ruritania's economy grew 1.0% last year, the statistics office said on Thursday, and grew 0.3% in the "
            "fourth quarter. That beat the euro area as a whole, which stalled over the same period. "
            "For the full year the bloc grew 0.7%.\n")
    brief, ctx, e = _brief_context(tmp_path / "b", "wire", text)
    bloc = [m for m in (describe(c, ctx, e) for c in brief.claims) if m is not None and "0.7" in m.claim.quote]
    assert bloc and all(m.subjects == ("euro-area",) for m in bloc)
