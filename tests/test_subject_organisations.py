"""Organisations as subjects (issue 21): a company several outlets headline is the subject of its results,
whatever each report names of its head office, plants and markets; a central bank's own release is its
country's; and a brief's guess at its subject yields to the subject other reports state for the very
figures it gives. Fixture texts written here (a made-up company, "Kestrava")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from briefcmp.analysis import subjects
from briefcmp.analysis.align import Member
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.organisations import headline_names
from briefcmp.corpus.model import Claim, Value
from tests.test_align_subjects import _corpus, _found

_RESULTS = {
    "wire": "Kestrava profit climbs as jet deliveries recover\nMarket Wire | 20 February 2025\n\n"
            "Kestrava, the aircraft maker registered in the Netherlands, said on Thursday that its revenue rose "
            "6 percent to 69.2 billion euros in 2024. Net profit reached 4.2 billion euros in 2024, the company "
            "said.\n\nKestrava assembles its jets in France, Germany and Spain.\n",
    "courrier": "Kestrava beats forecasts on record deliveries\nLe Courrier du Sud | 20 February 2025\n\n"
                "The planemaker booked revenue of 69.2 billion euros in 2024. Net profit came to 4.2 billion "
                "euros in 2024, beating analysts' forecasts.\n\nFrance remains Kestrava's biggest production "
                "base, and French suppliers make a third of its parts.\n",
    "daily": "Kestrava results lift Spanish suppliers\nMadrid Business Daily | 21 February 2025\n\n"
             "Revenue at Kestrava rose to 69.2 billion euros in 2024 and net profit to 4.2 billion euros in "
             "2024, the aircraft maker reported on Thursday.\n\nSpain hosts three of its plants. Spanish suppliers "
             "of wings said orders in Spain grew 12 percent in 2024.\n",
}


def test_a_company_several_outlets_headline_is_the_subject_of_its_results(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _RESULTS)
    found = _found(tmp_path / "c", relations)
    agreements = {values: keyed for kind, values, keyed in found if kind == "agreement"}
    assert agreements.get(frozenset({"EUR 69.2 billion"})) == frozenset({"kestrava"})
    assert agreements.get(frozenset({"EUR 4.2 billion"})) == frozenset({"kestrava"})
    # all three outlets, though each names another country for the company's seat, plants and suppliers
    by_value = {r["claims"][0]["value"]["display"]: {c["brief"] for c in r["claims"]}
                for r in relations if r["kind"] == "agreement"}
    assert by_value["EUR 4.2 billion"] == {"wire", "courrier", "daily"}
    assert not any(r["kind"] == "contradiction" for r in relations)
    # the company is registered as an entity of the corpus, so a second run finds the same subject
    import yaml

    config = yaml.safe_load((tmp_path / "c" / "briefcmp.yaml").read_text(encoding="utf-8"))
    assert config["entities"]["kestrava"]["label"] == "Kestrava"
    from briefcmp.analysis.briefcontext import _Context
    from briefcmp.analysis.align import describe
    from briefcmp.analysis.organisations import corpus_names
    from briefcmp.corpus.cache import load_corpus

    corpus = load_corpus([tmp_path / "c"], cache=False).corpus
    e = Entities(corpus.config)
    corpus_names(corpus.briefs, e)
    wire = next(b for b in corpus.briefs if b.id == "wire")
    ctx = _Context(wire, e)
    (m,) = [describe(c, ctx, e) for c in wire.claims if c.value is not None and c.value.amount == 69.2]
    assert m is not None and m.subjects == ("kestrava",)  # not the Netherlands of its aside, on a second run too


def test_headline_names_are_companies_not_places_people_words_or_events() -> None:
    e = Entities()
    titles = ["Kestrava profit climbs", "Kestrava beats forecasts", "Powell signals pause", "Powell speaks",
              "Toulouse jobs rise", "Toulouse suppliers gain", "Budget Deficit Narrows", "Budget shock",
              "Brexit weighs on trade", "Brexit costs mount"]
    texts = ["Shares in planemaker Kestrava rose. Fed Chair Jerome Powell said rates would hold, and Powell added "
             "more. Jobs in Toulouse rose. The budget deficit narrowed. The cost of Brexit mounted, Brexit firms said."]
    assert headline_names(titles, texts, e) == ["Kestrava"]
    # a rise "in Kestrava shares" names no place
    assert headline_names(titles, [texts[0] + " Trading in Kestrava shares was brisk."], e) == ["Kestrava"]
    # a body a report introduces as a central bank or one of its committees is its country's, no company
    bank = ["Copom lifts rate", "Copom surprises", "Banrep holds", "Banrep cuts"]
    assert headline_names(bank, ["Rates rose, said Copom, the central bank's policy committee. Later Copom spoke. "
                                 "Rates fell, said Banrep, the central bank. Later Banrep spoke."], e) == []
    # one outlet's headline is not the corpus's: two titles at least
    assert headline_names(titles[:1] + titles[2:], texts, e) == []
    # a name no text introduces as a company is none ("Kestrava rose" alone)
    assert headline_names(titles, ["Shares rose. Kestrava said so, and Kestrava rose."], e) == []


def test_a_european_company_s_legal_form_names_it() -> None:
    e = Entities()
    assert e.add_companies(["Kestrava SE reported revenue of 69.2 billion euros."]) == ["kestrava"]
    assert e.subjects("Kestrava said its revenue rose") == ("kestrava",)
    assert e.add_companies(["The SE-linked index rose."]) == []


def test_a_country_in_an_aside_after_a_company_is_where_it_is_not_whose_figure() -> None:
    e = Entities()
    from briefcmp.analysis.organisations import register

    assert register(e, ["Kestrava"]) == ["kestrava"]
    text = "Kestrava, the aircraft maker registered in the Netherlands, said its revenue rose to 69.2 billion euros"
    assert e.qualified(text, e.subjects(text)) == ("kestrava",)
    text = "Kestrava, which builds jets in France, Germany and Spain, said its revenue rose to 69.2 billion euros"
    assert e.qualified(text, e.subjects(text)) == ("kestrava",)
    # a country named as a figure's own subject stays: "orders in Spain" is Spain's figure
    text = "Orders in Spain grew 12 percent, while Kestrava said its revenue rose"
    assert "spain" in e.qualified(text, e.subjects(text))


_BANK = {
    # the central bank's own statement names no country: "(central-bank)" until the reports beside it say whose
    "bank": "Monetary Policy Statement\nCentral Bank | Press release | 17 December 2024\n\n"
            "At its meeting today, the Board of the Central Bank decided to lower the monetary policy rate by 25 "
            "basis points to 5.00 percent. The Board noted that annual inflation reached 4.2 percent in November "
            "2024.\n",
    "wire": "Chile cuts key rate to 5% as inflation stays high\nAndes Wire | 17 December 2024\n\n"
            "Chile's central bank lowered its benchmark interest rate by 25 basis points to 5.00 percent on "
            "Tuesday. Annual inflation in Chile reached 4.2 percent in November 2024.\n",
    "paper": "Rate cut brings borrowing cost to 5%\nSantiago Evening Post | 18 December 2024\n\n"
             "The country's central bank trimmed the policy rate to 5.00 percent on Tuesday. Inflation stood at "
             "4.2 percent in November 2024. Chilean exporters welcomed the move.\n",
}


def test_a_central_bank_s_own_release_is_its_country_s(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _BANK)
    found = _found(tmp_path / "c", relations)
    with_bank = [r for r in relations if r["kind"] == "agreement" and "bank" in {c["brief"] for c in r["claims"]}]
    assert {r["claims"][0]["value"]["display"] for r in with_bank} == {"4.2%", "5%"}
    assert {keyed for kind, _, keyed in found if kind == "agreement"} == {frozenset({"chile"})}
    assert not any(r["kind"] == "contradiction" for r in relations)


def _m(brief: str, amount: float, subject: tuple[str, ...], how: str) -> Member:
    claim = Claim(brief=brief, id=f"f{amount}", quote="q", kind="fact",
                  value=Value("quantity", amount=amount, unit="percent"))
    return Member(claim, subject, how, "percent", "percent", frozenset({"growth"}), {}, (),
                  subject[0] if subject else "", "2024", "stated", date(2024, 2, 1))


def _close(a: Member, b: Member) -> bool:
    return abs(a.claim.value.amount - b.claim.value.amount) < 1e-9


def test_a_guessed_subject_yields_to_the_one_other_reports_state_for_its_values() -> None:
    wire = [_m("wire", 5.0, ("chile",), "clause"), _m("wire", 4.2, ("chile",), "clause"),
            _m("wire", 3.1, ("chile",), "clause")]  # (three percentages: fewer may agree by chance)
    # a brief whose main-subject guess is Peru (it names Peru most) gives Chile's two figures, and one of its own
    guess = [_m("side", 5.0, ("peru",), "main subject"), _m("side", 4.2, ("peru",), "main subject"),
             _m("side", 3.1, ("peru",), "main subject"), _m("side", 7.7, ("peru",), "main subject")]
    subjects.adopt_event_subjects(guess, [*wire, *guess], _close, 7)
    assert [(m.claim.value.amount, m.subjects, m.subjects_from) for m in guess] == [
        (5.0, ("chile",), "event"), (4.2, ("chile",), "event"), (3.1, ("chile",), "event"),
        (7.7, ("peru",), "main subject")]
    # a title's subject is a guess too ("IMF sees India growth at 7%": the world's figures of the report are not India's)
    titled = [_m("side", x, ("peru",), "title") for x in (5.0, 4.2, 3.1)]
    subjects.adopt_event_subjects(titled, [*wire, *titled], _close, 7)
    assert all(m.subjects == ("chile",) for m in titled)
    # two reports giving the values the event's subject by their own guesses are as good as one stating it
    weak = [_m(b, x, ("chile",), "title") for b in ("wire", "paper") for x in (5.0, 4.2, 3.1)]
    guess = [_m("side", x, ("peru",), "previous sentence") for x in (5.0, 4.2, 3.1)]
    subjects.adopt_event_subjects(guess, [*weak, *guess], _close, 7)
    assert all(m.subjects == ("chile",) for m in guess)
    guess = [_m("side", x, ("peru",), "previous sentence") for x in (5.0, 4.2, 3.1)]
    subjects.adopt_event_subjects(guess, [*weak[:3], *guess], _close, 7)  # one report's guess against another's
    assert all(m.subjects == ("peru",) for m in guess)
    # a subject the brief's own text states never yields
    stated = [_m("side", x, ("peru",), "clause") for x in (5.0, 4.2, 3.1)]
    subjects.adopt_event_subjects(stated, [*wire, *stated], _close, 7)
    assert all(m.subjects == ("peru",) for m in stated)
    # nor a guess that other reports state for figures of the brief: both subjects are in the news
    peru = [_m("lima", 7.7, ("peru",), "clause")]
    guess = [_m("side", x, ("peru",), "main subject") for x in (5.0, 4.2, 3.1, 7.7)]
    subjects.adopt_event_subjects(guess, [*wire, *peru, *guess], _close, 7)
    assert all(m.subjects == ("peru",) for m in guess)
    # a body's name that needs its country ("(central-bank)") yields too
    body = [_m("bank", x, ("(central-bank)",), "clause") for x in (5.0, 4.2, 3.1)]
    subjects.adopt_event_subjects(body, [*wire, *body], _close, 7)
    assert all(m.subjects == ("chile",) for m in body)
    # a region the text does not delimit ("Middle Eastern airlines grew 9.4%") is no one else's
    region = [_m("brief", x, ("(european)",), "clause") for x in (5.0, 4.2, 3.1)]
    subjects.adopt_event_subjects(region, [*wire, *region], _close, 7)
    assert all(m.subjects == ("(european)",) for m in region)
