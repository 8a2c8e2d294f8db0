"""Whose figure it is when its own text does not say (issue 21): a company several outlets report on, in their
own voices and spellings, is the subject of its results, not the country a demonym qualifying it names; a brief
that names no subject at all is of the subject its event's other reports are about (never decided by a value,
and inferred: it never decides a contradiction alone); two briefs with different stated subjects stay apart.
Fixture texts written here (made-up companies; invented figures)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefcmp.analysis import subjects
from briefcmp.analysis.align import Member
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.organisations import fold, headline_names, lead
from briefcmp.analysis.placenames import proper_names
from briefcmp.corpus.model import Claim, Value
from tests.test_align_subjects import _corpus, _found

# A food group's results in four outlets' voices: a wire story (the demonym, the company's accented name, a
# dateline), a newspaper (unaccented, no kind word in its title), a French-style agency ("the Vevey-based
# group"), an investors' blog ("Brevanne shares").
_FOOD = {
    "wire": "Brévanne sales growth slows as shoppers balk at price rises\nZURICH, Feb 13 (Market Wire) -\n\n"
            "Swiss food group Brévanne said on Thursday that organic sales grew 2.2 percent in 2024, the slowest pace "
            "in years. Sales fell 1.8 percent to 91.4 billion Swiss francs, hit by a strong franc.\n",
    "daily": "Coffee maker trims margin goal\nThe Lakeside Daily | 13 February 2025\n\n"
             "Brevanne, the world's biggest packaged food company, reported 2024 sales down 1.8 percent on Thursday, as "
             "currency swings ate into revenue. Organic growth of 2.2 percent was its weakest in years.\n",
    "agency": "Brévanne: organic growth of 2.2% in 2024\nAgence Économique | 13.02.2025\n\n"
              "The Vevey-based group posted sales of CHF 91.4 billion for 2024, down 1.8%. Organic growth reached "
              "2.2%.\n",
    "blog": "Food stocks: what the Brevanne numbers tell investors\nMarkets Notebook | February 14, 2025\n\n"
            "Brevanne shares fell 3 percent after the results were published on Thursday. Organic growth came to 2.2 "
            "percent in 2024.\n",
}


def test_a_company_in_four_outlets_voices_is_the_subject_of_its_results(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _FOOD)
    found = _found(tmp_path / "c", relations)
    keyed = {values: subject for kind, values, subject in found if kind == "agreement"}
    # the company's, under its accented and unaccented names, never Switzerland's (its demonym, its dateline,
    # its currency's name "Swiss francs")
    assert keyed.get(frozenset({"2.2%"})) == frozenset({"brevanne"})
    briefs = {c["brief"] for r in relations if r["kind"] == "agreement" for c in r["claims"]
              if c["value"]["display"] == "2.2%"}
    assert briefs >= {"daily", "agency", "blog"}  # (the wire's "food group ... organic sales" names more words)
    assert not any("switzerland" in subject for _, _, subject in found)
    assert not any(r["kind"] == "contradiction" for r in relations)


def test_names_in_any_letters_and_without_a_kind_word_when_most_briefs_front_them() -> None:
    e = Entities()
    # accents: one name ("Nestle"-like spellings), found in either writing
    assert headline_names(["Brévanne sales slow", "Brevanne cuts goal"], ["Food group Brévanne said sales rose."], e) \
        == ["Brevanne", "Brévanne"]
    assert fold("Ørsted Brévanne") == "Orsted Brevanne"
    # the last part of a compound after initials (a shipping line): "A.P. Kolmer-Tarsk"
    titles = ["Tarsk profit jumps", "Tarsk sees Red Sea boost"]
    assert headline_names(titles, ["Danish shipping group A.P. Kolmer-Tarsk said profit rose. Tarsk said more."], e) \
        == ["Tarsk"]
    # no kind word: named in the titles or leads of most briefs, and speaking for itself (a miner, a retailer)
    titles = ["Output up in 2024", "Ferrovale lifts iron ore guidance", "Ore shipments rise"]
    leads = ["Ferrovale said iron ore output rose 4 percent.", "", "Shipments by Ferrovale rose."]
    assert headline_names(titles, ["Ferrovale said iron ore output rose. Later Ferrovale said more."], e, leads) \
        == ["Ferrovale"]
    assert headline_names(["Shopwell sales", "Shopwell outlook", "Retail"], ["Investors sold Shopwell shares."], e,
                          ["", "", "Trading in Shopwell was brisk."]) == ["Shopwell"]
    # ...but not in a few of many briefs, nor a benchmark that speaks for no one ("Brent"), nor a central bank
    # or statistics office a report introduces as one (its figures are its country's)
    assert headline_names(titles + ["Rates", "Jobs", "Trade"], ["Ferrovale said output rose."], e, leads) == []
    assert headline_names(["Brent tops $80", "Brent falls", "Oil"], ["Brent crude rose. Later Brent fell."], e,
                          ["Brent rose 2 percent on Monday.", "", ""]) == []
    assert headline_names(["Valsbank cuts", "Valsbank cuts again", "Rates"],
                          ["Sweden's central bank, the Valsbank, said. Later the Valsbank said more."], e,
                          ["The Valsbank said it cut rates.", "", ""]) == []
    assert headline_names(["Kestat: prices up", "Kestat says prices rose", "Prices"],
                          ["The statistics office Kestat said prices rose. Later Kestat said more."], e,
                          ["Kestat said prices rose.", "", ""]) == []


def test_the_lead_sentence_of_a_brief_past_its_dateline() -> None:
    text = "Title line\nZURICH, Feb 13 (Market Wire) -\n\nSwiss food group Brevanne said on Thursday that sales " \
           "grew 2.2 percent in 2024. More text follows here.\n"
    assert lead(text) == "Swiss food group Brevanne said on Thursday that sales grew 2.2 percent in 2024."
    assert lead("Title only") == ""


def test_a_currency_s_name_and_a_described_company_name_no_subject() -> None:
    e = Entities()
    assert e.subjects("Sales fell 1.8 percent to 91.4 billion Swiss francs") == ()
    assert e.subjects("Revenue reached 40 billion Danish kroner") == ()
    assert e.subjects("Swiss exports rose 3 percent") == ("switzerland",)  # the adjective of a figure's own subject
    assert e.subjects("Mexico's peso weakened") == ("mexico",)
    assert e.subjects("The Chilean peso has depreciated 6 percent") == ("chile",)  # the currency measured: Chile's
    assert proper_names("The Vevey-based group posted sales of CHF 91.4 billion") == []
    assert [n for _, _, n in proper_names("Output in the Santiago metropolitan region rose")] == \
        ["Santiago metropolitan region"]


def test_the_one_country_a_lead_names_is_the_brief_s_subject() -> None:
    # "Uruguay's economy grew 2.1%" in the lead, Argentina named once further down: Uruguay's brief
    mentions = [("uruguay", False), ("argentina", False)]
    assert subjects.main_subject(mentions, "", "uruguay") == (("uruguay",), subjects.LEAD)  # (a guess: inferred)
    assert subjects.main_subject(mentions) == ((), "")
    # not when another is named more often than the lead's
    assert subjects.main_subject([("uruguay", False), ("argentina", False), ("argentina", False)], "", "uruguay") \
        == ((), "")


def _m(brief: str, amount: float, subject: tuple[str, ...] = ()) -> Member:
    claim = Claim(brief=brief, id=f"f{amount}", quote="q", kind="fact",
                  value=Value("quantity", amount=amount, unit="percent"))
    return Member(claim, subject, "clause" if subject else "", "percent", "percent", frozenset({"growth"}), {}, (),
                  subject[0] if subject else "", "2024", "stated", date(2024, 11, 15))


def test_a_brief_naming_no_one_takes_the_subject_its_event_s_reports_are_about() -> None:
    day = date(2024, 11, 15)
    gdp = subjects.topic_words("Uruguay third-quarter growth beats forecasts. Uruguay's economy expanded in the quarter.")
    assert {"growth", "quarter", "economy"} <= gdp and "uruguay" in gdp
    briefs = {"wire": ((("uruguay",), frozenset({"uruguay"})), day, gdp),
              "digest": (((), frozenset()), date(2024, 11, 16),
                         subjects.topic_words("GDP: third-quarter growth. Economy grew in the quarter.")),
              "jobs": ((("peru",), frozenset({"peru"})), day, subjects.topic_words("Peru unemployment falls. The jobless rate fell."))}
    digest = [_m("digest", 2.2), _m("digest", 9.9)]
    taken = subjects.adopt_reported_subjects(digest, briefs, 7)
    # every figure of the brief that names no one, whatever its value (values decide nothing here)
    assert [(m.subjects, m.subjects_from) for m in taken] == [(("uruguay",), subjects.REPORTS)] * 2
    # a figure its own text gives a subject keeps it; a brief with its own subject takes nothing
    own = [_m("wire", 1.0)]
    assert subjects.adopt_reported_subjects(own, briefs, 7) == [] and own[0].subjects == ()
    # reports too far apart in time, or sharing too few words, are of another event
    far = {**briefs, "digest": (((), frozenset()), date(2025, 3, 1), briefs["digest"][2])}
    assert subjects.adopt_reported_subjects([_m("digest", 2.2)], far, 7) == []
    other = {**briefs, "digest": (((), frozenset()), day, subjects.topic_words("Weather: snow expected."))}
    assert subjects.adopt_reported_subjects([_m("digest", 2.2)], other, 7) == []
    # a body named by words any country uses, whose country no text of its brief names, is no one's yet
    bank = [_m("digest", 4.3, ("(central-bank)",))]
    bank[0].subjects_from = "title"
    assert subjects.adopt_reported_subjects(bank, briefs, 7) == bank and bank[0].subjects == ("uruguay",)
    ministry = [_m("digest", 2.4, ("(finance-ministry)",))]  # a body its own clause names says whose it is
    assert subjects.adopt_reported_subjects(ministry, briefs, 7) == []
    region = [_m("digest", 4.3, ("(asia)",))]  # a region is no one else's
    region[0].subjects_from = "title"
    assert subjects.adopt_reported_subjects(region, briefs, 7) == [] and region[0].subjects == ("(asia)",)
    # a brief naming the event's subject among others takes it; one naming only others, or several in its title, not
    for named, taken in ((frozenset({"uruguay", "argentina"}), True), (frozenset({"argentina"}), False),
                         (frozenset({"uruguay", subjects.SEVERAL}), False)):
        mixed = {**briefs, "digest": (((), named), day, briefs["digest"][2])}
        assert bool(subjects.adopt_reported_subjects([_m("digest", 2.2)], mixed, 7)) is taken
    # two subjects' reports as alike: whose it is stays unsaid
    tie = {**briefs, "chile": ((("chile",), frozenset({"chile"})), day, gdp)}
    assert subjects.adopt_reported_subjects([_m("digest", 2.2)], tie, 7) == []


# A statistics release: the wire copy names the country only in its dateline; a digest names no one and slips on
# one figure. Its figures are the country's by inference: they key an agreement, never a contradiction alone.
_RELEASE = {
    "wire": "Economy grows faster than expected in third quarter\nMONTEVIDEO, Nov 15 (Andes Wire) -\n\n"
            "Gross domestic product grew 2.1 percent in the third quarter from a year earlier, the statistics institute "
            "said on Friday, beating the 1.8 percent analysts had expected. Compared with the previous quarter, output "
            "rose 0.6 percent. Exports of beef and soy drove the expansion.\n",
    "paper": "Uruguay's GDP expands 2.1% in third quarter\nEl Observador Económico | 15 November 2024\n\n"
             "Uruguay's economy grew 2.1 percent in the third quarter compared with the same period of 2023, official "
             "data showed on Friday. On a quarterly basis, gross domestic product rose 0.6 percent.\n",
    "digest": "GDP: third-quarter growth at 2.2%\nMarkets Digest | November 16, 2024\n\n"
              "Third-quarter gross domestic product grew 2.2 percent year on year and 0.6 percent on the quarter, "
              "according to figures published on Friday.\n",
    "agency": "Uruguay third-quarter growth beats forecasts\nRegional News Agency | 15 November 2024\n\n"
              "Uruguay's economy expanded 2.1 percent in the third quarter, above the 1.8 percent forecast, while "
              "neighbouring Argentina remained in recession. Quarter on quarter, GDP grew 0.6 percent.\n",
}


def test_a_release_named_only_in_a_dateline_or_nowhere_is_its_country_s(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _RELEASE)
    quarterly = [r for r in relations if r["kind"] == "agreement" and r["claims"][0]["value"]["display"] == "0.6%"]
    assert len(quarterly) == 1 and {c["brief"] for c in quarterly[0]["claims"]} == {"wire", "paper", "digest", "agency"}
    assert {subject for kind, values, subject in _found(tmp_path / "c", relations)
            if kind == "agreement"} == {frozenset({"uruguay"})}
    # the digest's 2.2% against the others' 2.1%: its subject is only inferred, so no contradiction is decided
    assert not any(r["kind"] == "contradiction" for r in relations)


_TWO = {
    "both": "Japan and South Korea report export gains\nAsia Desk | 1 December 2024\n\n"
            "Japan's exports rose 3.1 percent in November from a year earlier, the finance ministry said. South Korea's "
            "exports rose 1.4 percent in November, the trade ministry said. Shipments of chips led the gains.\n",
    "seoul": "Exports rise in November\nSeoul Business Wire | 1 December 2024\n\n"
             "South Korea's exports rose 1.4 percent in November from a year earlier on strong chip sales, the trade "
             "ministry said on Sunday. Imports fell 2.4 percent.\n",
    "tokyo": "Exports climb for second month\nTokyo Market News | 2 December 2024\n\n"
             "Japan's exports rose 3.1 percent in November from a year earlier, the finance ministry said. Imports fell "
             "3.8 percent as energy costs eased.\n",
}


def test_two_briefs_with_different_stated_subjects_stay_apart(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _TWO)
    for r in relations:
        values = {c["value"]["display"] for c in r["claims"]}
        assert not ({"3.1%", "1.4%"} <= values or {"2.4%", "3.8%"} <= values), r
    assert not any(r["kind"] == "contradiction" for r in relations)
