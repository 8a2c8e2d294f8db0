"""Whose figure it is, as English reporting says it without naming a country in the figure's clause
(issue 21): a region (the euro area, however written; the world), a statistics office or central bank
standing for its country, a company under its short name, and a brief whose money is one country's.
Fixture texts written here."""

from __future__ import annotations

from pathlib import Path

from briefcmp.analysis import subjects as whose
from briefcmp.analysis.align import _WORLD_RANK, _region
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import _GENERIC_SUBJECT
from test_align_subjects import _corpus, _found


def test_the_euro_area_is_one_region_however_it_is_written() -> None:
    e = Entities()
    for text in ("euro area inflation", "Eurozone inflation", "the euro zone economy", "the Euro Zone",
                 "prices in the single currency area", "the currency bloc's growth"):
        assert e.subjects(text) == ("euro-area",), text
    assert e.label("euro-area") == "Euro area"


def test_a_statistics_office_or_central_bank_stands_for_its_country() -> None:
    e = Entities()
    assert e.subjects("GDP grew 1.0%, INEGI said") == ("mexico",)
    assert e.subjects("Statistics Canada | The Daily") == ("canada",)  # the office, not a company
    assert e.subjects("Bank Indonesia held its rate") == ("indonesia",)
    assert e.subjects("the Office for National Statistics said") == ("united-kingdom",)  # not Wales
    assert e.subjects("below the Bank of England's target") == ("united-kingdom",)
    assert e.subjects("the ECB kept rates on hold") == ("euro-area",)
    assert e.subjects("Q2 2024 BPS data") == ("indonesia",)
    assert e.subjects("a cut of 25 BPS") == ()  # a unit after a number, not Statistics Indonesia
    assert e.subjects("Coal India mined more") == ()  # a company whose name ends in its country's
    assert e.subjects("according to Statistics Korea") == ("south-korea",)
    assert e.subjects("North Korea fired a missile") == ("north-korea",)


def test_a_side_mention_by_adjective_does_not_hide_the_brief_subject() -> None:
    # "Statistics Canada" in the publisher line; "British Columbia" once, further down
    assert whose.main_subject([("canada", False), ("united-kingdom", True)]) == (("canada",), "whole brief")
    assert whose.main_subject([("united-kingdom", True)]) == ((), "")
    assert whose.main_subject([("canada", False), ("united-kingdom", False)]) == ((), "")


def test_world_and_global_are_one_subject_but_not_the_worlds_largest() -> None:
    for clause in ("Global growth is projected at 3.2 percent", "World oil demand will rise by 1.9 million bpd"):
        g = next(_GENERIC_SUBJECT.finditer(clause))
        assert _region(clause, g) == "world"
    clause = "the world's largest automaker expects profit to fall"
    g = next(_GENERIC_SUBJECT.finditer(clause))
    assert _WORLD_RANK.match(clause, g.end())
    clause = "The region's economy grew 4 percent"
    assert _region(clause, next(_GENERIC_SUBJECT.finditer(clause))) == "(region)"


def test_a_company_is_known_by_its_short_name_and_its_country_only_qualifies_it() -> None:
    e = Entities()
    assert e.add_companies(["Kessler Motor Corp. said on Wednesday", "Coal India Limited", "General Motors Co."]) \
        == ["kessler-motor"]  # (a name holding a country's, or of common words, is left alone)
    assert e.subjects("Kessler posts record profit") == ("kessler-motor",)
    assert e.subjects("Kessler Motor Corp. said") == ("kessler-motor",)
    for text in ("German carmaker Kessler said sales rose", "Germany's Kessler posted a profit",
                 "Kessler profit tops 5 billion euros, a first for a Germany firm"):
        assert e.qualified(text, e.subjects(text)) == ("kessler-motor",), text
    for text in ("Kessler sales in China rose 5%", "Germany's exports rose and Kessler gained"):
        assert "kessler-motor" in e.qualified(text, e.subjects(text)) and len(e.qualified(text, e.subjects(text))) == 2


def test_reports_line_up_by_region_office_company_and_currency(tmp_path: Path) -> None:
    texts = {
        # a statistics office's own release: no country in its text
        "office": "Labour Force Survey, March 2025\nStatistics Canada | The Daily | Released: 2025-04-04\n\n"
                  "The unemployment rate rose 0.2 percentage points to 6.7% in March 2025.\n",
        "wire": "Canada's jobless rate climbs to 6.7%\nOTTAWA, April 4 (Reuters) -\n\n"
                "Canada's unemployment rate rose to 6.7% in March 2025, the highest in three months.\n",
        # one region, two spellings
        "paper": "Euro zone prices pick up\nThe Continental Ledger | 2 April 2025\n\n"
                 "Inflation in the euro zone rose to 2.3% in March 2025, according to a flash estimate.\n",
        "note": "Eurozone: inflation edges up\nBank research note | 2 April 2025\n\n"
                "Eurozone inflation was 2.3% in March 2025, up from 2.2% a month earlier.\n",
    }
    found = _found(tmp_path / "c", _corpus(tmp_path / "c", texts))
    assert ("agreement", frozenset({"6.7%"}), frozenset({"canada"})) in found
    assert ("agreement", frozenset({"2.3%"}), frozenset({"euro-area"})) in found


def test_a_brief_naming_no_country_is_about_the_country_of_its_currency(tmp_path: Path) -> None:
    from briefcmp.analysis.align import align
    from briefcmp.analysis.subjects import CURRENCY
    from briefcmp.corpus.cache import load_corpus

    texts = {
        "ledger": "Budget 2025: capex pegged at Rs 11.21 lakh crore\nThe Daily Ledger | 1 February 2025\n\n"
                  "Capital expenditure is budgeted at Rs 11.21 lakh crore for 2025-26. Defence gets Rs 6.81 lakh "
                  "crore in 2025-26.\n",
        "wire": "India raises capital spending\nNEW DELHI, Feb 1 (Reuters) -\n\n"
                "India's capital expenditure for 2025-26 is budgeted at Rs 11.21 lakh crore, the finance "
                "minister said.\n",
        "mixed": "Markets wrap\nThe Daily Ledger | 1 February 2025\n\n"
                 "The fund holds Rs 300 crore and $2 billion in 2025.\n",  # two currencies: no country
    }
    from briefcmp.cli import app
    from typer.testing import CliRunner

    runner, root = CliRunner(), tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml")])
        assert r.exit_code == 0, r.output
    corpus = load_corpus([tmp_path / "c"], cache=False).corpus
    result = align(corpus)
    members = [m for g in (*result.groups, *result.candidates) for m in g.members]
    ledger = [m for m in members if m.claim.brief == "ledger"]
    assert ledger and all(m.subjects == ("india",) and m.subjects_from == CURRENCY for m in ledger)
    assert not any(m.claim.brief == "mixed" and m.subjects_from == CURRENCY for m in members)


def test_a_bare_dollar_in_a_brief_about_a_dollar_country_is_its_dollar() -> None:
    from briefcmp.drafting.homecurrency import home_dollar

    home = ("Budget 2025-26 at a glance\nCanberra Courier | 25 March 2025\n\n"
            "Australia will run a deficit of $42.1 billion in 2025-26, the Treasurer said. Australia's net debt "
            "is forecast at $600 billion.\n")
    assert home_dollar(home) == "AUD"
    wire = home.replace("$42.1 billion", "A$42.1 billion ($26.5 billion)")  # wire copy marks its dollars
    assert home_dollar(wire) == "USD"
    # (the outlet's city is where the text is from: "Canberra Courier" alone would make it Australian)
    assert home_dollar(home.replace("Australia", "Japan").replace("Canberra", "Tokyo")) == "USD"  # no dollar of its own
    assert home_dollar(home.replace("Australia", "the United States").replace("Canberra", "Washington")) == "USD"
    assert home_dollar("Canada's jobs\nOttawa Daily | 1 May 2025\n\nCanada's average hourly wage rose to $35.59; "
                        "Canada added 47,000 jobs.") == "CAD"


def test_drafting_writes_the_local_dollar(tmp_path: Path) -> None:
    import yaml
    from briefcmp.cli import app
    from typer.testing import CliRunner

    runner, root = CliRunner(), tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    src = root / "sources" / "budget.txt"
    src.write_text("Budget 2025-26 at a glance\nCanberra Courier | 25 March 2025\n\nAustralia will run a deficit of "
                   "$42.1 billion in 2025-26, the Treasurer said. Australia's net debt is forecast at $600 billion.\n",
                   encoding="utf-8")
    r = runner.invoke(app, ["annotate", str(src), "-o", str(root / "budget.claims.yaml")])
    assert r.exit_code == 0, r.output
    claims = yaml.safe_load((root / "budget.claims.yaml").read_text(encoding="utf-8"))["claims"]
    money = [c["value"] for c in claims if "billion" in str(c.get("value"))]
    assert money and all("AUD" in str(v) and "USD" not in str(v) for v in money), money


def test_opec_and_opec_plus_are_two_groups() -> None:
    e = Entities()
    assert e.subjects("OPEC's crude output fell") == ("opec",)
    assert e.subjects("Output of the Organization of the Petroleum Exporting Countries rose") == ("opec",)
    assert e.subjects("OPEC+ output fell by 557,000 bpd") == ("opec-plus",)


def test_a_province_is_its_own_subject_and_hides_no_country_adjective() -> None:
    e = Entities()
    assert e.subjects("employment declined in British Columbia") == ()  # not the United Kingdom's
    assert [p[2] for p in e.provinces("grew in Ontario (+43,000) and Quebec (+22,000)")] == ["ontario", "quebec"]
    assert e.provinces("in Central province") == [] and e.provinces("Georgia's exports") == []
    assert e.subjects("New South Wales and Australia") == ("australia",)
    assert e.subjects("South Australia's budget") == ()


def test_a_provinces_figure_is_not_its_countrys(tmp_path: Path) -> None:
    from briefcmp.analysis.align import align
    from briefcmp.cli import app
    from briefcmp.corpus.cache import load_corpus
    from typer.testing import CliRunner

    runner, root = CliRunner(), tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    texts = {"office": "Labour Force Survey, March 2025\nStatistics Canada | The Daily | Released: 2025-04-04\n\n"
                       "Employment rose by 32,000 in March 2025. By province, employment grew in Alberta (+12,000) "
                       "and declined in Nova Scotia (-3,000) in March 2025.\n"}
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["annotate", str(root / "sources" / f"{name}.txt"), "-o",
                                   str(root / f"{name}.claims.yaml")]).exit_code == 0
    from briefcmp.analysis import align as A
    from briefcmp.analysis.entities import Entities

    corpus = load_corpus([root], cache=False).corpus
    entities = Entities(corpus.config)
    (brief,) = corpus.briefs
    ctx = A._Context(brief, entities)
    members = [m for m in (A.describe(c, ctx, entities) for c in brief.claims) if m is not None]
    assert {m.claim.value.base_amount: m.subjects for m in members} == \
        {32000: ("canada",), 12000: ("alberta",), -3000: ("nova-scotia",)}
    assert align(corpus).considered == 3
