"""Whose figure it is when its sentence names a place only in a phrase of circumstance or names the body that made a
forecast (session 18, analysis/figuresubject.py): "Exports, hit by weak demand in Germany, fell 1.4%", "With euro
area demand weak, we forecast growth of 3.4%", "the 2.2% estimate the Finance Ministry used". Fixture texts written
here, in a wire's, a ministry's and a broker's voice."""

from __future__ import annotations

from pathlib import Path

from briefcmp.analysis import figuresubject
from briefcmp.analysis.align import describe
from briefcmp.analysis.entities import Entities
from tests.test_align_whose import _brief_context


def test_an_aside_of_circumstance_names_no_subject() -> None:
    for text, gone in (
            # a wire story: a passive participle and its agent
            ("Coffee exports, hurt by a drought in Brazil and weak orders from Germany, fell 6% in March", "Brazil"),
            # a ministry's release: a cause phrase
            ("Tourist arrivals, thanks to new flights from India, reached 2.1 million", "India"),
            # a broker's note: a concession
            ("Group revenue, despite softer volumes in Mexico, rose 3% to $4.1bn", "Mexico"),
            ("Rice output, driven largely by the monsoon in Thailand, grew 4%", "Thailand")):
        out = figuresubject.blank_asides(text)
        assert len(out) == len(text) and gone not in out and out.rstrip().endswith(text.split(",")[-1].strip()), out


def test_a_rank_s_follower_and_an_aside_holding_the_figure_are_kept() -> None:
    for text in ("Spain drew 85 million visitors, followed by Italy, with 57 million",  # the figure is Italy's
                 "Imports, hit by a 12% fall in Chinese orders, slowed",  # a figure inside: the aside's own
                 "Exports to Peru, which rose 4%"):
        assert figuresubject.blank_asides(text) == text


def test_an_opening_phrase_of_circumstance_names_no_subject() -> None:
    e = Entities()
    for text in ("With euro area demand weak and the harvest poor, we forecast GDP growth of 2.9% for 2025",
                 "Despite a strike at ports in Canada, wheat shipments rose 8% to 4 million tonnes",
                 "Amid a slump in Japanese orders, the toolmaker's sales fell 11%",
                 "Boosted by record arrivals from Germany, hotel revenue climbed 14%"):
        clause_start = text.index(",") + 1
        assert figuresubject.sentence_subjects(text, clause_start, e) == (), text
    # the subject of the figure's own clause stays; so does an opening that is the figure's own clause
    text = "Despite weak demand in China, Chile's copper exports rose 5%"
    assert figuresubject.sentence_subjects(text, text.index(",") + 1, e) == ("chile",)
    text = "With 5.2 million visitors, Portugal set a record"
    assert figuresubject.sentence_subjects(text, 0, e) == ("portugal",)


def test_a_brief_s_figure_beside_a_cause_abroad_is_its_own_country_s(tmp_path: Path) -> None:
    text = ("Ghana's exports slip in the fourth quarter\nAccra Wire | 12 February 2025\n\n"
            "Ghana's economy grew 5.7% in 2024, the statistics service said.\n\n"
            "Cocoa exports, hit by weak demand in Belgium and the Netherlands, were 9.2 percent lower than a year "
            "earlier.\n\n"
            "With orders from Switzerland slowing, the service expects gold exports to rise 3% in 2025.\n")
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    by_value = {m.claim.value.amount: m for m in (describe(c, ctx, e) for c in brief.claims) if m is not None}
    assert by_value[9.2].subjects == ("ghana",)
    assert by_value[3].subjects == ("ghana",)


def test_a_body_named_after_the_forecast_it_made_is_its_source() -> None:
    for text, body in (("The outturn was well above the 1.8% estimate the Finance Ministry used in the draft budget",
                        "Finance Ministry"),
                       ("Growth beat a projection by the Planning Commission of 2.8%", "Planning Commission"),
                       ("Revenue topped the forecasts published by the Fiscal Council last spring", "Fiscal Council"),
                       ("the result beat the Ministry of Economy's 3.1% forecast", "Ministry of Economy")):
        a = text.index(body)
        assert figuresubject.forecasts(text, a + len(body), a), text
    # a body that reports its own measure is no forecaster
    text = "The Port Authority handled 4.2 million containers, against an estimate of 4 million"
    a = text.index("Port Authority")
    assert not figuresubject.forecasts(text, a + len("Port Authority"), a)


def test_a_country_s_figure_beside_its_ministry_s_estimate_is_the_country_s(tmp_path: Path) -> None:
    text = ("Slovenia's economy grows 1.6%\nLjubljana Daily | 3 March 2025\n\n"
            "Slovenia's economy grew 1.6% in 2024, the statistics office said.\n\n"
            "The figure was below the 2.0% estimate the Finance Ministry used in its spring budget.\n")
    brief, ctx, e = _brief_context(tmp_path, "daily", text)
    by_value = {m.claim.value.amount: m for m in (describe(c, ctx, e) for c in brief.claims) if m is not None}
    assert by_value[2.0].subjects == ("slovenia",)


def test_a_home_adjective_before_a_trade_s_agent_noun_describes_the_company_named() -> None:
    e = Entities()
    e.add_companies(["Kestrel Brewing N.V. said", "Vantor Oil plc said", "Orla Gems Ltd said"])
    for text, home in (
            # a wire story, a company's statement, a broker's note
            ("Shares in Kestrel Brewing rose 4% after the Dutch brewer reported a profit of 2 billion euros", "Dutch"),
            ("Vantor Oil said the Norwegian refiner would cut output by 3% in 2025", "Norwegian"),
            ("Orla Gems: the Irish jeweller said like-for-like sales grew 6%", "Irish")):
        out = figuresubject.blank_home(text, e)
        assert len(out) == len(text) and home not in out, out
    for text in ("Vantor Oil shares fell 2% as the Norwegian minister said taxes would rise 5%",  # a person
                 "the Dutch brewer reported a profit of 2 billion euros"):  # no company named: whose, unsaid here
        assert figuresubject.blank_home(text, e) == text


def test_a_longer_description_after_a_home_adjective_still_qualifies_the_company() -> None:
    e = Entities()
    e.add_companies(["Hallvard Shipping ASA said", "Codelta Corp said"])
    for text in ("Norwegian container shipping line Hallvard Shipping reported a 12% fall in profit",
                 "Chilean state copper miner Codelta said output fell 4%"):
        found = e.qualified(text, e.subjects(text))
        assert len(found) == 1 and found[0] in e.company_ids, (text, found)
    text = "German exports to Hallvard Shipping rose 3%"  # a preposition: Germany's own figure
    assert "germany" in e.qualified(text, e.subjects(text))


def test_a_country_named_as_a_cause_or_a_company_s_home_does_not_make_a_bare_dollar_its_own() -> None:
    from briefcmp.drafting.homecurrency import home_dollar

    for text in (
            # a digest of results: one company's output helped by a country, named once
            "Majors round-up: lower profits\nEnergy Digest | 3 February 2025\n\nKESTREL (Friday). Earnings of $12.1bn "
            "for 2024, down from $14.0bn.\n\nVANTOR (Friday). Production reached 2.1 million boe/d, helped by new "
            "wells off Guyana.\n",
            # a wire story: the company's home
            "Vantor profit falls 8%\nLONDON, March 4 (Wire) -\n\nVantor reported an 8% fall in annual earnings on "
            "Tuesday as metal prices slid.\n\nProfit came to $4.1 billion.\n\nThe Anglo-Canadian miner declared a "
            "final dividend of $1.10 per share.\n",
            # a broker's note: a concession
            "Orla Gems: hold\nEquity research | 4 March 2025\n\nA solid year for the jeweller, with margins up "
            "again.\n\nResults: sales of $2.3bn.\n\nSales rose despite a weak season in Jamaica; we keep our target.\n"):
        assert home_dollar(text) == "USD", text
    # a text about its country names it as its own: the home dollar
    text = ("Budget 2025: the hard part\nPolicy Institute | 15 May 2025\n\nThe $9.3 billion surplus is a first for "
            "New Zealand in years, and New Zealand's debt is falling.\n")
    assert home_dollar(text) == "NZD"
