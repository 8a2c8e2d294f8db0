"""Precision of align on figures (issue 21): how reporting writes periods and bases, so that no false
contradiction and no wrong key comes of them. Each rule has a unit test and a small corpus of reports
written for it (in the voices of a data bulletin, a wire story, a ministry release)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.analysis import evidence, grouping, periods, titleperiods
from briefcmp.analysis.align import AlignResult, Group, Member
from briefcmp.analysis.entities import Entities
from briefcmp.analysis.measure import _basis
from briefcmp.cli import app
from briefcmp.corpus.model import Claim, Value

runner = CliRunner()


def _resolve(sentence: str, figure: str, published: date, country: str = "") -> tuple[str, str]:
    i = sentence.index(figure)
    return periods.resolve(sentence, (i, i + len(figure)), published, country)


def _lineup(tmp_path: Path, texts: dict[str, str]) -> tuple[list[dict], dict[str, dict]]:
    """init -> add each text -> align --apply -> compare --format json: the relations, and each
    claim (brief#id -> its key, value and as_of) as the claims files hold them."""
    root = tmp_path / "c"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    for name, text in texts.items():
        src = tmp_path / f"{name}.txt"
        src.write_text(text, encoding="utf-8")
        assert runner.invoke(app, ["add", str(src), str(root), "--id", name]).exit_code in (0, 1)
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code in (0, 1)
    out = runner.invoke(app, ["compare", str(root), "--format", "json"])
    relations = json.loads(out.stdout)["relations"]
    claims = {}
    for path in root.glob("*.claims.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for c in data.get("claims") or []:
            claims[f"{data['brief']['id']}#{c['id']}"] = c
    return relations, claims


def _refs(relation: dict) -> set[str]:
    return {f"{c['brief']}#{c['claim']}" for c in relation.get("claims") or []}


def _claim(claims: dict[str, dict], brief: str, quote_part: str, amount: float) -> str:
    """The ref of the claim of ``brief`` whose quote holds ``quote_part`` and whose value is ``amount``."""
    found = [ref for ref, c in claims.items() if ref.startswith(brief + "#") and quote_part in " ".join(
        str(c.get("quote", "")).split()) and abs(float((c.get("value") or {}).get("amount") or 0) - amount) < 1e-9]
    assert len(found) == 1, (brief, quote_part, found)
    return found[0]


# --------------------------------------------------------------------------- a parenthesis's period


@pytest.mark.parametrize("sentence, figure, expected", [
    # the month in parentheses dates the figures in there, not the figure outside
    ("- Headline CPI: +3.1% y/y (poll +3.0%; March +3.3%)", "3.1%", ""),
    ("- Headline CPI: +3.1% y/y (poll +3.0%; March +3.3%)", "3.3%", "2025-03"),
    ("Producer prices rose by 0.8% y-o-y (1.2% in March).", "0.8%", ""),
    ("Producer prices rose by 0.8% y-o-y (1.2% in March).", "1.2%", "2025-03"),
    # a parenthesis with no figure restates the period
    ("Output rose 2% in the first quarter (January-March).", "2%", "2025-01/2025-03"),
])
def test_a_parenthesis_dates_only_the_figures_inside_it(sentence, figure, expected) -> None:
    assert _resolve(sentence, figure, date(2025, 4, 2))[0] == expected


def test_a_bulletin_s_bracketed_last_month_never_contradicts_the_wire(tmp_path: Path) -> None:
    """A data bulletin gives April's rate with March's in brackets; a wire gives April's ("last month")
    and March's. The bulletin's April figure is not March's: no contradiction, and it agrees with April."""
    relations, claims = _lineup(tmp_path, {
        "bulletin": "Thailand: CPI at 0.9% y/y in April\nAsia Data Desk | Data wrap | 2 May 2025\n\n"
                    "- Headline CPI: +0.9% y/y (consensus +1.1%; March +0.8%)\n"
                    "- Core CPI: +1.0% y/y (March +0.9%)\n",
        "wire": "Thai inflation edges up in April\nBangkok Wire | BANGKOK | May 2, 2025\n\n"
                "Thailand's consumer prices rose 0.9 percent on-year last month, after a 0.8 percent on-year "
                "gain in March, the commerce ministry said on Friday.\n",
    })
    assert not [r for r in relations if r["kind"] == "contradiction"]
    bulletin = _claim(claims, "bulletin", "Headline CPI", 0.9)
    assert claims[bulletin].get("as_of") != "2025-03"


# --------------------------------------------------------------------------- what a change is measured against


@pytest.mark.parametrize("clause, tag", [
    ("grew 1.0% in the July-September period from the previous three months", "qoq"),
    ("- CPI m/m: +0.1%", "mom"),
    ("sales rose 0.4% seasonally adjusted month over month", "mom"),
    ("rose by 1.6% y-o-y", "yoy"),
    ("were up 2.2% unadjusted year over year", "yoy"),
    ("fell 0.3% q-o-q", "qoq"),
    ("a month-to-month inflation rate of 0.4 per cent", "mom"),  # "to" as statistics offices write it
    ("output grew 1.2% quarter-to-quarter", "qoq"),
    ("prices were 3.3% higher year-to-year", "yoy"),
])
def test_bases_as_reporting_writes_them(clause: str, tag: str) -> None:
    i = next(i for i, ch in enumerate(clause) if ch.isdigit())
    j = i + len(clause[i:].split("%")[0])
    assert _basis(clause, clause, (i, j), False) == tag


def test_a_level_unchanged_from_the_previous_month_has_no_base() -> None:
    clause = "The jobless rate was 3.1%, unchanged from the previous month."
    i = clause.index("3.1")
    assert _basis(clause[:i + 4], clause, (i, i + 3), False) == ""


def test_a_base_after_an_aside_in_parentheses_is_read() -> None:
    sentence = "Total sales were up 2.3 percent (±0.4 percent) from the same period a year ago."
    i = sentence.index("2.3")
    assert _basis(sentence[:sentence.index("(")], sentence, (i, i + 3), False) == "yoy"


def test_changes_on_stated_different_bases_never_match_and_an_unstated_base_only_halves() -> None:
    gdp = frozenset({"gdp", "increase"})
    assert grouping.veto(gdp | {"qoq"}, gdp | {"yoy"})
    assert grouping.veto(gdp | {"mom"}, gdp | {"yoy"})
    assert 0 < grouping.similarity(gdp | {"qoq"}, gdp) <= grouping.ONE_SIDED


def test_a_headline_with_no_base_never_contradicts_a_quarterly_change(tmp_path: Path) -> None:
    """A headline's "grows 3.8% in Q2" (the annual rate, base unstated) and a wire's "0.9% from the
    previous three months" are two measures: never a contradiction; the other reports' 3.8% agree."""
    relations, claims = _lineup(tmp_path, {
        "times": "Peru's GDP grows 3.8% in Q2 2024, beating forecasts\nAndes Times | 16 August 2024\n\n"
                 "Peru's economy grew 3.8% in the second quarter of 2024, the statistics institute said.\n",
        "wire": "Peru economy beats forecasts\nLima Wire | 16 August 2024\n\nPeru's gross domestic product grew 0.9% "
                "in the April-June period from the previous three months, the statistics institute said on Friday.\n",
        "daily": "Peru growth picks up\nPacific Daily | 17 August 2024\n\nPeru's economy grew 3.8 percent in the "
                 "second quarter, official data showed.\n",
    })
    assert not [r for r in relations if r["kind"] == "contradiction"]
    quarterly = _claim(claims, "wire", "grew 0.9%", 0.9)
    assert not any(quarterly in _refs(r) for r in relations)
    assert any(r["kind"] == "agreement" and _claim(claims, "daily", "grew 3.8", 3.8) in _refs(r) for r in relations)


# --------------------------------------------------------------------------- spans of months


@pytest.mark.parametrize("sentence, figure, published, expected", [
    ("Total sales for the April 2025 through June 2025 period were up 3.1 percent (±0.5 percent) from the same "
     "period a year ago.", "3.1", date(2025, 7, 16), "2025-04/2025-06"),
    ("Sales rose 1.1% in the three months to June.", "1.1%", date(2025, 7, 16), "2025-04/2025-06"),
    ("Sales rose 1.1% in the six months ended June 2025.", "1.1%", date(2025, 8, 1), "2025-01/2025-06"),
    ("Sales rose 1.1% from November 2024 to January 2025.", "1.1%", date(2025, 3, 1), "2024-11/2025-01"),
    # "above last year" is a base, as "from" is
    ("Sales were up 0.6 percent from May 2025, and up 3.3 percent above last year.", "0.6", date(2025, 7, 16), ""),
])
def test_spans_of_months(sentence, figure, published, expected) -> None:
    assert _resolve(sentence, figure, published)[0] == expected


def test_a_quarter_s_sales_never_contradict_the_month_s(tmp_path: Path) -> None:
    """ "Total sales for the April 2025 through June 2025 period were up 3.1 percent ... from the same
    period a year ago" is three months on a year before; "rose 0.6% last month" is June on May."""
    relations, claims = _lineup(tmp_path, {
        "bureau": "Advance Monthly Sales for Retail Trade, June 2025\nUS Census Office | July 16, 2025\n\n"
                  "Advance estimates of U.S. retail and food services sales for June 2025 were $720.1 billion, up 0.6 "
                  "percent from the previous month.\n\nTotal sales for the April 2025 through June 2025 period were up "
                  "3.1 percent (+/-0.5 percent) from the same period a year ago.\n",
        "brief": "US retail sales beat forecasts\nMarket Brief | 16 July 2025\n\n- US retail and food services sales "
                 "rose 0.6% in June, above the 0.3% consensus, to $720.1 billion.\n",
        "wire": "Retail sales rebound in June\nWashington Wire | 16 July 2025\n\nU.S. retail sales rose 0.6% last "
                "month, the Commerce Department said on Wednesday.\n",
    })
    assert not [r for r in relations if r["kind"] == "contradiction"]
    quarter = _claim(claims, "bureau", "through June 2025", 3.1)
    assert not any(quarter in _refs(r) for r in relations)


# --------------------------------------------------------------------------- a month and its year


def test_a_month_s_growth_never_shares_a_key_with_the_year_s(tmp_path: Path) -> None:
    """A wire's December "imports climbed 2.5%" and a report of the year's trade (its title says 2024)
    whose imports "grew 2.5 percent": two measures, though the value and the words are the same. The
    year's reports agree with each other, their period the one their titles state."""
    relations, claims = _lineup(tmp_path, {
        "wire": "South Korea's exports hit a record in 2024\nSeoul Wire | 20 January 2025\n\n"
                "In December, South Korea's exports rose 7.1% from a year earlier, while imports climbed 2.5%.\n",
        "agency": "South Korea's 2024 trade surplus narrows\nAsia Agency | 20 January 2025\n\n"
                  "South Korea's imports grew 2.5 percent to 632 billion dollars, the trade ministry said.\n",
        "ministry": "Korea Trade Statistics for Calendar Year 2024\nMinistry of Trade, Republic of Korea | 20 January "
                    "2025\n\n2. Value of imports: US$632 billion, up 2.5% from the previous year.\n",
    })
    december = _claim(claims, "wire", "imports climbed", 2.5)
    year = _claim(claims, "agency", "imports grew", 2.5)
    assert not (claims[december].get("key") and claims[december].get("key") == claims[year].get("key"))
    assert not any({december, year} <= _refs(r) for r in relations)
    ministry = _claim(claims, "ministry", "up 2.5%", 2.5)
    assert any(r["kind"] == "agreement" and {year, ministry} <= _refs(r) for r in relations)
    assert str(claims[year].get("as_of")) == "2024"


@pytest.mark.parametrize("title, expected", [
    ("Japan's 2024 trade deficit shrinks 44% as exports hit record high", "2024"),
    ("Labour Force Survey, September 2024", "2024-09"),
    ("2023 Annual and December Export-Import Trends", ""),  # two periods: none
    ("US overtakes Australia as top LNG shipper", ""),
    ("Deficit narrows 44% from the previous year", ""),  # a base is no period
    ("Inflation back at 2%, and a December cut is still on", ""),  # a month named alone: an event
    ("Job growth cools in July; jobless rate at 4.3%", "2024-07"),
])
def test_a_title_s_one_period(title: str, expected: str) -> None:
    assert titleperiods.title_period(title, date(2025, 1, 23)) == expected


def test_a_fiscal_year_and_the_calendar_year_overlap_and_never_share_a_key() -> None:
    assert evidence.overlaps("2024-04/2025-03", "2024") and evidence.overlaps("2024-12", "2024")
    assert not evidence.overlaps("2023", "2024") and not evidence.overlaps("2024", "2024")


def _member(brief: str, ref: str, amount: float, period: str, how: str = "stated",
            ws: frozenset[str] = frozenset({"import", "increase"})) -> Member:
    claim = Claim(id=ref, brief=brief, quote=f"imports rose {amount}%", kind="fact",
                  value=Value("quantity", amount=amount, unit="percent"))
    return Member(claim, ("malaysia",), "clause", "percent", "percent", ws, {w: w for w in ws}, tuple(sorted(ws)),
                  "malaysia", period, how, date(2025, 1, 20))


def test_a_title_s_period_is_taken_before_the_release_s_other_period() -> None:
    december = _member("wire", "d", 2.5, "2024-12")
    undated = _member("agency", "y", 2.5, "", how="")
    undated.headline = "2024"
    evidence.adopt_release_periods([december, undated])  # (the caller does not keep overlapping periods apart)
    assert (undated.period, undated.period_how) == ("", "")
    evidence.adopt_release_periods([december, undated], apart=True)
    assert (undated.period, undated.period_how) == ("2024", "brief")


def test_words_only_one_report_uses_never_decide_a_contradiction() -> None:
    """Among three briefs, "living necessities" (one brief's words) is dropped as its wording; its
    figure, whose value differs, waits as a candidate instead of contradicting the headline rate."""
    plain = frozenset({"inflation", "yoy"})
    narrower = _member("ministry", "n", 2.1, "2024-08", ws=plain | {"living", "necessiti"})
    others = [_member("wire", "w", 2.0, "2024-08", ws=plain), _member("paper", "p", 2.0, "2024-08", ws=plain),
              _member("ministry", "h", 1.6, "2024-09", ws=plain)]
    result = AlignResult()
    grouping.new_keys([narrower, *others], Entities(), set(), result, Group)
    assert not any(narrower in g.members for g in result.groups)
    assert any(c.members == [narrower] and "names more than the other reports" in c.doubt for c in result.candidates)


# --------------------------------------------------------------------------- dates that are no period


@pytest.mark.parametrize("sentence, figure, expected", [
    # a dateline run into the title: a date stamped with a clock time is when it was published
    ("Consumer inflation slows to 1.6 pct in Sept. Yonhap News Agency | SEJONG | October 02, 2024 09:12", "1.6",
     "2024-09"),
    ("South Korea Sept inflation cools to 1.6%, well below forecast", "1.6", "2024-09"),
    ("Reserves stood at 5 billion on Dec. 31.", "5", ""),  # a day, not the month's figure
    ("Jan Hatzius said GDP rose 5%.", "5%", ""),  # a name
])
def test_short_months_and_datelines(sentence, figure, expected) -> None:
    assert _resolve(sentence, figure, date(2024, 10, 2))[0] == expected


@pytest.mark.parametrize("sentence, figure, published, expected", [
    # a period a preposition brings in right after a figure is that figure's
    ("The central bank forecasts growth of 1.4% in 2025, 1.9% in 2026 and 2.0% in 2027.", "1.9%", date(2025, 1, 29),
     "2026"),
    ("Growth is projected at 3.1 percent in 2025, slowing to 2.7 percent in 2026.", "2.7", date(2025, 1, 29), "2026"),
    # "last quarter" is the latest quarter before publication, not the fourth
    ("The economy grew 4.2 percent year-on-year last quarter.", "4.2", date(2025, 5, 6), "2025-01/2025-03"),
    ("The economy grew 4.2 percent in the last quarter of 2024.", "4.2", date(2025, 5, 6), "2024-10/2024-12"),
    # the quarter before the one the sentence names
    ("Growth was 4.2 per cent in the three months to March, below the 4.6 per cent of the previous three-month "
     "period.", "4.6", date(2025, 5, 6), "2024-10/2024-12"),
    # "more than half" is no comparison base; "the same volume as in 2024" is one
    ("Exports, which make up more than half of output, rose 3.3 percent, faster than the 2.9 percent recorded in "
     "the first quarter.", "3.3", date(2025, 8, 6), ""),
    ("Exports are projected at 98.5 million tonnes, the same volume as in 2024.", "98.5", date(2025, 7, 10), ""),
    # a base ends where the figure is given: "unchanged from July at 3.1%", ", or an annualized 0.8 percent"
    ("The fund left its 2025 growth forecast unchanged from July at 3.1%.", "3.1%", date(2025, 10, 14), "2025"),
    ("Output in April-June 2025 grew 0.2 percent from the previous quarter, or an annualized 0.8 percent.", "0.8",
     date(2025, 8, 15), "2025-04/2025-06"),
    # where a record run starts, and the day a figure was said, date no figure
    ("Exports rose to 98 trillion won, the highest since comparable data became available in 1988.", "98",
     date(2025, 1, 2), ""),
    ("The jobless rate fell to 5.9 per cent, the statistics agency said on Friday.", "5.9", date(2025, 3, 7), ""),
    ("The central bank cut its key rate to 2.75% on Wednesday.", "2.75%", date(2025, 3, 7), "2025-03-05"),
    # quarters in analysts' shorthand
    ("The timely estimate showed 2Q25 GDP expanding 0.6% q/q sa.", "0.6%", date(2025, 7, 30), "2025-04/2025-06"),
    ("GDP grew 0.6% in Q2'25.", "0.6%", date(2025, 7, 30), "2025-04/2025-06"),
])
def test_periods_as_reporting_writes_them(sentence, figure, published, expected) -> None:
    assert _resolve(sentence, figure, published)[0] == expected


def test_a_yearless_dateline_with_a_city_in_title_case() -> None:
    """"New Delhi, Feb 1 (PTI)" dates the story as "NEW DELHI, Feb 1 (PTI)" does, so that "the current
    fiscal" in it resolves."""
    from briefcmp.analysis.briefcontext import _dateline_day

    text = "Budget: capex pegged at Rs 11 lakh cr\nNew Delhi, Feb 1 (PTI)\n\nThe deficit is 4.8 per cent in the current fiscal."
    assert _dateline_day(text, (date(2025, 2, 1),)) == date(2025, 2, 1)


def test_a_change_whose_base_is_unstated_waits_saying_the_base_is_missing() -> None:
    gdp = frozenset({"gdp", "increase"})
    unstated = _member("times", "u", 3.8, "2024-04/2024-06", ws=gdp)
    stated = _member("wire", "s", 0.9, "2024-04/2024-06", ws=gdp | {"qoq"})
    eff = {id(m): m.words for m in (unstated, stated)}
    core, doubtful = grouping.split([unstated, stated], eff, {})
    assert core == [stated] and [(m, "the base is missing" in why) for m, why in doubtful] == [(unstated, True)]
    # the side fewer briefs write waits: here the one stated base
    other = _member("daily", "o", 3.8, "2024-04/2024-06", ws=gdp)
    eff[id(other)] = other.words
    core, doubtful = grouping.split([unstated, other, stated], eff, {})
    assert stated not in core and any(m is stated and "the others state no base" in why for m, why in doubtful)


def test_a_quarter_s_changes_with_no_base_stated_never_contradict() -> None:
    """ "grew 1% in the third quarter" and "grows 1.6% in Q3": on the quarter before, or on a year before?
    Neither says: they wait, saying the base is missing; when they agree they are keyed."""
    gdp = frozenset({"gdp", "increase"})
    a = _member("daily", "a", 1.0, "2024-07/2024-09", ws=gdp)
    b = _member("times", "b", 1.6, "2024-07/2024-09", ws=gdp)
    eff = {id(m): m.words for m in (a, b)}
    core, doubtful = grouping.split([a, b], eff, {})
    assert core == [] and all("the base is missing" in why for _, why in doubtful)
    c = _member("wire", "c", 1.0, "2024-07/2024-09", ws=gdp)
    eff[id(c)] = c.words
    core, doubtful = grouping.split([a, c], eff, {})
    assert core == [a, c] and not doubtful
    # a year's growth is on the year before anyway
    y1, y2 = _member("daily", "y", 3.3, "2023", ws=gdp), _member("times", "z", 3.2, "2023", ws=gdp)
    core, _ = grouping.split([y1, y2], {id(y1): gdp, id(y2): gdp}, {})
    assert core == [y1, y2]


def test_a_month_naming_a_forecasts_making_is_not_its_period() -> None:
    """"the A$18.8 billion shortfall forecast in December's mid-year update" is a forecast of the fiscal
    year made in December, not December's figure (it was keyed with the budget's 2024-25 deficit as a
    series); a month with a data word ("the September flash estimate") still dates its figure."""
    from datetime import date

    from briefcmp.analysis.periods import resolve

    s = ("The treasurer projected a deficit of A$28.3 billion for the fiscal year starting July 1, wider than the "
         "A$18.8 billion shortfall forecast in December's mid-year update.")
    i = s.index("18.8")
    assert resolve(s, (i, i + 4), date(2024, 5, 14), "australia")[0] != "2023-12"
    i = s.index("28.3")
    assert resolve(s, (i, i + 4), date(2024, 5, 14), "australia")[0] == "2024-07/2025-06"
    s = "Inflation was 1.8% in the September flash estimate."
    assert resolve(s, (s.index("1.8"), s.index("1.8") + 3), date(2024, 10, 31))[0] == "2024-09"
    s = "The October 2024 outlook puts growth at 3.2% in 2025."
    assert resolve(s, (s.index("3.2"), s.index("3.2") + 3), date(2024, 10, 22))[0] == "2025"


def test_an_undated_figure_takes_the_release_s_latest_period_only_when_its_value_is_that_period_s(tmp_path) -> None:
    """A release states September (5.2%) and, as a base, August (5.4%): a rewrite's undated "5.2 per cent"
    is September's and agrees with it; another outlet's undated "5.4 per cent" (a slip repeating
    August's figure) takes no period, so it never agrees with August's (walk-s3)."""
    head = "{title}\n{outlet} | 7 October 2022\n\n"
    relations, claims = _lineup(tmp_path, {
        "release": head.format(title="Labour market report", outlet="Statistics Office of Canada") +
        "Employment was little changed in Canada. The unemployment rate fell to 5.2% in September, down from "
        "5.4% in August, as fewer people looked for work.\n",
        "paper": head.format(title="Hiring slows in Canada", outlet="Prairie Ledger") +
        "Canada's jobless rate moved down to 5.2 per cent, the agency reported, as fewer people looked for work.\n",
        "daily": head.format(title="Canada's jobs picture", outlet="Harbour Daily") +
        "Canada's unemployment rate dropped to 5.4 per cent, the agency said, as fewer people looked for work.\n",
    })
    sept = _claim(claims, "release", "5.2% in September", 5.2)
    paper = _claim(claims, "paper", "5.2 per cent", 5.2)
    slip = _claim(claims, "daily", "5.4 per cent", 5.4)
    august = _claim(claims, "release", "5.4% in August", 5.4)
    assert any(r["kind"] == "agreement" and {sept, paper} <= _refs(r) for r in relations), relations
    assert not any(r["kind"] == "agreement" and {slip, august} <= _refs(r) for r in relations), relations
