"""The company a release's masthead names by its legal form is the issuer, the subject of its figures (issue 21,
point 4: whose figure it is), not the country of its seat; a currency a figure is counted in names no subject.
Fixture texts written here (made-up companies: "velmora", "Tarnholt Pharma", "Quillby Advisers")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import issuernames
from briefcmp.analysis.entities import Entities
from tests.test_align_subjects import _corpus, _found


def test_a_masthead_names_its_issuer_by_a_legal_form_of_any_country() -> None:
    e = Entities()
    assert issuernames.issuer_name("Tarnholt Pharma A/S - Company announcement | Aarhus, 4 March 2025", e) == \
        "Tarnholt Pharma"
    assert issuernames.issuer_name("velmora AG | Press release | Bremen, 05.03.2025", e) == "velmora"
    assert issuernames.issuer_name("Kallio Foods Oyj | Stock exchange release", e) == "Kallio Foods"
    assert issuernames.issuer_name("Brenta Motori S.p.A. | Comunicato", e) == "Brenta Motori"
    # no form, a form of two letters in lower case (an English word), a country's name, an outlet's words
    assert issuernames.issuer_name("The Sneaker Gazette | 3/6/2025", e) == ""
    assert issuernames.issuer_name("Notes as | 3/6/2025", e) == ""
    assert issuernames.issuer_name("Norway AS | Release", e) == ""
    assert issuernames.issuer_name("The Lisbon Publishing Company | Weekly", e) == ""
    assert issuernames.issuer_name("", e) == ""


def test_a_lower_case_brand_is_registered_capitalised_too() -> None:
    assert issuernames.writings("velmora") == ["velmora", "Velmora", "VELMORA"]
    assert issuernames.writings("ABC") == ["ABC"]
    assert issuernames.writings("Tarnholt Pharma") == ["Tarnholt Pharma", "TARNHOLT PHARMA"]


def test_an_issuer_no_other_brief_names_is_not_registered() -> None:
    heads = ["Quillby Advisers LLP | Tax Update No. 4", "Market Wire | 2 December 2024"]
    texts = ["Quillby Advisers LLP\nCollections rose 8% in November.", "Collections rose 8%, the ministry said."]
    e = Entities()
    assert issuernames.register_issuers(heads, e, texts) == []
    texts[1] += " Quillby Advisers expects more."
    assert issuernames.register_issuers(heads, e, texts) == ["quillby-advisers"]
    assert e.find("Quillby Advisers said")[0][2] == "quillby-advisers"


def test_a_currency_a_figure_is_counted_in_names_no_subject() -> None:
    e = Entities()
    assert e.subjects("Sales were 12% higher in Danish kroner and 14% at constant rates.") == ()
    assert e.subjects("Danish exports rose 3%.") == ("denmark",)
    assert e.subjects("The Danish krone weakened.") == ("denmark",)


def test_a_company_name_after_a_capitalised_masthead_word_is_still_the_company() -> None:
    from briefcmp.analysis.organisations import register

    e = Entities()
    register(e, ["Velmora"])
    assert e.subjects("Economy Velmora sold more shoes last year.") == ("velmora",)


_RELEASES = {
    "velmora": "velmora closes 2024 with higher sales\nvelmora AG | Press release | Bremen, Germany, 05.03.2025\n\n"
               "velmora today published its figures for the 2024 financial year. Revenues grew 11 percent to "
               "EUR 18,420 million in 2024. Germany remained the largest market, and sales in Japan rose.\n",
    "wire": "Velmora posts higher sales\nBREMEN, Germany, March 5 (Weser Wire) -\n\n"
            "Velmora said on Wednesday that its sales rose 11% to 18.42 billion euros in 2024. The German "
            "shoemaker said sales in Japan rose.\n",
    "gazette": "Velmora runs faster\nThe Running Gazette | 3/6/2025\n\n"
               "Revenue came in at 18.4 billion euros in 2024, the shoemaker said.\n",
}


def test_a_release_its_masthead_issues_is_the_companys_not_its_seats(tmp_path: Path) -> None:
    relations = _corpus(tmp_path / "c", _RELEASES)
    found = _found(tmp_path / "c", relations)
    keyed = {subjects for kind, values, subjects in found if kind == "agreement" and
             any("18" in v for v in values)}
    assert keyed and all(s == frozenset({"velmora"}) for s in keyed)
    assert not any(r["kind"] == "contradiction" for r in relations)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbB /|-,.AGSplcOyj&é\n"), max_size=80))
def test_any_masthead_reads_without_error(head: str) -> None:
    name = issuernames.issuer_name(head, Entities())
    assert name == "" or name in head


def test_a_brief_dated_by_its_month_only_reports_an_event_of_that_month() -> None:
    from datetime import date

    from briefcmp.analysis import subjects
    from tests.test_subject_events import _m

    words = subjects.topic_words("Budget: a surplus built on revenue. The government projects a surplus.")
    briefs = {"wire": ((("uruguay",), frozenset({"uruguay"})), date(2024, 10, 12), words),
              "note": (((), frozenset()), date(2024, 10, 1), words)}  # "Octubre de 2024": its month's first day
    assert subjects.adopt_reported_subjects([_m("note", 0.3)], briefs, 7) == []
    taken = subjects.adopt_reported_subjects([_m("note", 0.3)], briefs, 7, last={"note": date(2024, 10, 31)})
    assert [m.subjects for m in taken] == [("uruguay",)]


def test_an_adjective_in_a_short_lead_sentence_says_what_the_brief_is_about(tmp_path: Path) -> None:
    from briefcmp.analysis.briefcontext import _Context
    from briefcmp.corpus.model import Brief

    text = ("Economy sped up\nThe Capital Daily (English edition) | 14.2.2025\n\n"
            "The Uruguayan economy picked up speed at the end of last year, the statistics office said on Friday.\n\n"
            "Gross domestic product grew by 1.8 percent in the fourth quarter compared with a year earlier, the office "
            "said, and by half a percent on the quarter before. Households spent more and firms invested less, "
            "while the state kept its spending steady through the year.\n")
    path = tmp_path / "daily.txt"
    path.write_text(text, encoding="utf-8")
    ctx = _Context(Brief(id="daily", title="Economy sped up", source="daily.txt", source_path=str(path)), Entities())
    assert ctx.brief_subjects == ("uruguay",)


def test_a_body_s_label_on_the_world_s_measure_is_its_source_not_its_subject() -> None:
    from briefcmp.analysis import figuresubject

    e = Entities()
    bank = e.adopt("Global Lending Fund")
    assert figuresubject.source_not_subject("Global Lending Fund 2025 global growth: 2.3%", (bank,), e) == ("world",)
    assert figuresubject.source_not_subject("Global Lending Fund's world trade growth at 1.2%", (bank,), e) == ("world",)
    # its own measure stays its own
    assert figuresubject.source_not_subject("Global Lending Fund lending rose to $9 billion", (bank,), e) == (bank,)
