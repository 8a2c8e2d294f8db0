"""What a brief and its fellow reports say of a figure's currency and period when its sentence does not
(issue 21, session 13): the brief's one currency for an amount written with a scale only, a currency written
by a name several share, and the period reports of one release state. Fixture texts written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from briefcmp.analysis import briefunits, evidence, fellowperiods
from briefcmp.analysis.measure import word_match
from briefcmp.corpus.model import Value
from tests.test_align_subjects import _corpus


@pytest.mark.parametrize("text, codes", [
    ("Halvard Group: full-year review (EUR m)", {"EUR"}),
    ("Results in euros unless stated", {"EUR"}),
    ("Figures in millions of Swiss francs", {"CHF"}),
    ("Revenue 61.2bn, up from EUR59bn", {"EUR"}),
    ("Sales of $4bn", {"$"}),  # a dollar not said whose
    ("The euro fell against the dollar", set()),  # a currency's name in passing: no amount's
    ("Revenue rose to 61.2bn", set()),
    ("Korea won the match", set()),  # a currency's name alone is no mention
])
def test_the_currencies_a_text_names(text: str, codes: set) -> None:
    said = briefunits.named_in(text)
    assert said == codes


@pytest.mark.parametrize("word, own, countries, code, inferred", [
    ("baht", set(), (), "THB", False),  # one currency's name
    ("francs", set(), ("switzerland",), "CHF", True),  # a name several share: the country the brief names
    ("dirhams", {"MAD"}, (), "MAD", True),  # ... or the one its other amounts are in
    ("francs", set(), (), "", False),  # nothing says which franc
    ("cars", set(), (), "", False),
])
def test_a_currency_written_by_its_name(word: str, own: set, countries: tuple, code: str, inferred: bool) -> None:
    assert briefunits.named_currency(word, own, countries) == (code, inferred)


def _m(brief: str, amount: float, unit: str = "", scale: str = "billion", words=("revenue",), subjects=("halvard",),
       period: str = "", how: str = "", published: date = date(2025, 3, 12), kind: str = "fact",
       drafted_unit: str = ""):
    claim = SimpleNamespace(brief=brief, ref=f"{brief}#x{amount}", id=f"x{amount}", key="", status="draft", kind=kind,
                            quote="",
                            value=Value("quantity", amount, scale=scale, unit=drafted_unit or unit))
    return SimpleNamespace(claim=claim, unit=unit, dim=unit, words=frozenset(words), order=tuple(words),
                           shown={w: w for w in words}, subjects=subjects, unit_from="", period=period,
                           period_how=how, published=published, headline="", headline_from="", the_period="",
                           view=False, at=-1, dated=bool(how), hint="")


def _ctx(text: str):
    return SimpleNamespace(ok=True, title="Halvard Group review", text=text)


def test_a_scaled_amount_takes_the_brief_s_one_currency_marked_inferred() -> None:
    bare, other = _m("note", 61.2), _m("note", 4.0, unit="EUR", words=("profit",))
    wire = _m("wire", 61.2, unit="EUR")
    took = briefunits.adopt_currency([bare, other, wire], {"note": _ctx("Profit EUR 4bn."), "wire": _ctx("")},
                                     word_match)
    assert took == [bare] and bare.unit == "EUR" and bare.unit_from == briefunits.BRIEF_CURRENCY


def test_no_currency_for_two_currencies_a_count_a_percentage_or_no_money_elsewhere() -> None:
    wire = _m("wire", 61.2, unit="EUR")
    two = _m("note", 61.2)  # the brief names euros and dollars: which one is not said
    assert briefunits.adopt_currency([two, _m("note", 66.0, unit="USD", words=("sales",)), wire],
                                     {"note": _ctx("Profit EUR 4bn."), "wire": _ctx("")}, word_match) == []
    cars = _m("note", 2.4, scale="million", words=("car", "deliver"), drafted_unit="cars")  # "2.4 million cars"
    pct = _m("note", 3.0, unit="percent", scale="")
    unscaled = _m("note", 61.2, scale="")
    assert briefunits.adopt_currency([cars, pct, unscaled, wire], {"note": _ctx("EUR m"), "wire": _ctx("")},
                                     word_match) == []
    # the corpus counts arrivals and writes them in no currency: a bare "1.4 billion arrivals" stays a count
    arrivals = _m("note", 1.4, words=("arrival",))
    counted = _m("wire", 1.4, words=("arrival",), drafted_unit="arrivals")
    assert briefunits.adopt_currency([arrivals, counted, _m("note", 1.6, unit="USD", words=("receipt",))],
                                     {"note": _ctx(""), "wire": _ctx("")}, word_match) == []


def test_an_inferred_currency_joins_only_an_agreeing_report() -> None:
    bare, wire = _m("note", 63.5, unit="EUR", period="2024", how="stated"), _m("wire", 61.2, unit="EUR",
                                                                                 period="2024", how="stated")
    bare.unit_from = briefunits.BRIEF_CURRENCY
    doubtful: dict = {}
    evidence.borrowed_unit([bare, wire], doubtful)
    assert id(bare) in doubtful and "inferred" in doubtful[id(bare)][1]
    agreeing = _m("note", 61.2, unit="EUR", period="2024", how="stated")
    agreeing.unit_from = briefunits.BRIEF_CURRENCY
    doubtful = {}
    evidence.borrowed_unit([agreeing, wire], doubtful)
    assert doubtful == {}


def test_a_figure_takes_the_period_its_fellow_reports_state() -> None:
    wire = _m("wire", 6.2, unit="percent", words=("unemployment",), period="2024-12", how="relative",
              published=date(2025, 1, 30))
    base = _m("wire", 5.9, unit="percent", words=("unemployment",), period="2024-11", how="relative",
              published=date(2025, 1, 30))
    bare = _m("office", 6.2, unit="percent", words=("unemployment",), published=date(2025, 1, 30))
    slip = _m("blog", 5.9, unit="percent", words=("unemployment",), published=date(2025, 1, 31))  # last month's
    late = _m("weekly", 6.2, unit="percent", words=("unemployment",), published=date(2025, 3, 1))  # weeks later
    other = _m("daily", 6.2, unit="percent", words=("inflation",), published=date(2025, 1, 30))  # another measure
    took = fellowperiods.adopt([wire, base, bare, slip, late, other], word_match)
    assert took == [bare] and (bare.period, bare.period_how) == ("2024-12", "release")
    assert not slip.period_how and not late.period_how and not other.period_how


def test_no_release_period_for_a_forecast_or_a_differing_value() -> None:
    wire = _m("wire", 61.2, unit="EUR", period="2024", how="stated")
    ahead = _m("note", 61.2, unit="EUR", kind="forecast")  # "expects revenue of 61.2bn next year"
    differs = _m("daily", 63.0, unit="EUR")
    assert fellowperiods.adopt([wire, ahead, differs], word_match) == []


_NOTE = ("Halvard Group: full-year review (EUR m)\nKestrel Securities | 12 March 2025\n\n"
         "Halvard Group's revenue came in at 61.2bn for 2024, in line with our estimate, and the group "
         "delivered 2.4 million cars over the year, its dealers said.\n")
_WIRE = ("Halvard revenue slips in 2024\nNordic Wire | 13 March 2025\n\n"
         "Halvard Group said on Thursday its revenue fell 3% to 61.2 billion euros in 2024, as demand for its "
         "cars cooled across its markets. It delivered 2.4 million cars last year.\n")
_DAILY = ("Halvard's sales slip\nThe Daily Ledger | 14 March 2025\n\n"
          "Halvard Group's revenue fell to 61.2 billion euros, the company said on Thursday, as demand for its "
          "cars cooled across its markets.\n")


def test_a_note_s_bare_amount_and_an_undated_report_join_the_wire(tmp_path: Path) -> None:
    relations = _corpus(tmp_path, {"note": _NOTE, "wire": _WIRE, "daily": _DAILY})
    revenue = [r for r in relations if r["kind"] == "agreement" and "revenue" in (r.get("key") or "")]
    assert revenue and len(revenue[0]["claims"]) == 3, relations
    assert "inferred from the release" in revenue[0]["explanation"]
    assert not any(r["kind"] == "contradiction" for r in relations)
    assert "unit: EUR}  # align: currency: the brief's currency" in (tmp_path / "note.claims.yaml").read_text()


def test_an_inferred_currency_or_period_never_sets_figures_against_each_other(tmp_path: Path) -> None:
    relations = _corpus(tmp_path, {"note": _NOTE.replace("61.2bn", "63.5bn"), "wire": _WIRE,
                                   "daily": _DAILY.replace("61.2 billion", "60.1 billion")})
    assert not any(r["kind"] == "contradiction" for r in relations), relations


def test_a_word_after_a_number_names_a_currency_only_of_the_brief_or_its_country() -> None:
    def member(quote: str):
        m = _m("a", float(quote.split()[0]), scale="million", words=("total", quote.split()[-1]))
        m.at = 0
        m.claim.value = Value("quantity", m.claim.value.amount, scale="million")
        return m, SimpleNamespace(ok=True, text=quote, mentioned=frozenset(), brief_subjects=(), title_subjects=())

    milestone, ctx = member("120 million mark")  # a milestone, not Bosnia's convertible mark
    assert briefunits.read_named([milestone], ctx) == [] and milestone.unit == ""
    lei, ctx = member("146 million lei")
    ctx.mentioned = frozenset({"romania"})
    assert briefunits.read_named([lei], ctx) == [lei] and lei.unit == "RON" and "lei" not in lei.words


def test_a_currency_align_wrote_is_read_again_as_inferred(tmp_path: Path) -> None:
    from briefcmp.analysis.alignedit import set_unit_line

    text = ("claims:\n  - id: rev\n    status: draft\n    key: halvard-revenue\n"
            "    value: {amount: 61.2, scale: billion}\n"
            "  - id: cars\n    value: {amount: 2.4, scale: million, unit: cars}\n")
    claim = SimpleNamespace(line=2, id="rev", path="x")
    edited = set_unit_line(text, claim, "EUR", "currency: the brief's currency")
    assert "    value: {amount: 61.2, scale: billion, unit: EUR}  # align: currency: the brief's currency\n" in edited
    assert edited.count("unit: cars}\n") == 1  # the next claim untouched
    path = tmp_path / "a.claims.yaml"
    path.write_text(edited, encoding="utf-8")
    assert briefunits.aligned_units(str(path)) == {"rev": "the brief's currency"}
    named = set_unit_line(text, claim, "THB", "the currency its name says (CLDR)")  # a reading, not an inference
    path.write_text(named, encoding="utf-8")
    assert briefunits.aligned_units(str(path)) == {}


def test_a_shared_currency_name_is_the_currency_of_the_brief_s_country() -> None:
    def member(text: str, unit: str, subjects=()):
        m = _m("a", 960.0, unit=unit, words=("earnings",), subjects=subjects)
        m.at = text.index("960")
        ctx = SimpleNamespace(ok=True, text=text, mentioned=frozenset(), brief_subjects=("sri-lanka",),
                              title_subjects=())
        return m, ctx

    rupees, ctx = member("Earnings were 960 billion rupees last year.", "INR")  # drafted as India's
    assert briefunits.read_named([rupees], ctx) == [rupees] and rupees.unit == "LKR"
    assert rupees.unit_from == briefunits.NAMED_CURRENCY
    rs, ctx = member("Earnings were Rs. 960 billion last year.", "INR")
    assert briefunits.read_named([rs], ctx) == [rs] and rs.unit == "LKR"
    dollars, ctx = member("Earnings were 960 billion dollars last year.", "USD")  # a dollar is the US dollar
    assert briefunits.read_named([dollars], ctx) == [] and dollars.unit == "USD"
    india, ctx = member("Earnings were 960 billion rupees last year.", "INR", subjects=("india",))
    ctx.brief_subjects = ("india",)
    assert briefunits.read_named([india], ctx) == [] and india.unit == "INR"
