"""What names no subject of a figure in its own sentence (issue 21, analysis/figuresubject.py and
placenames): a company's home ("the Danish carrier"), an aside of another clause ("X, most of which come
from Y,"), a company's unit named by words any company uses ("by Business Group:"). Fixture texts written here."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefcmp.analysis import figuresubject
from briefcmp.analysis.align import describe
from briefcmp.analysis.entities import Entities, proper_names
from tests.test_align_whose import _brief_context


def test_a_company_s_home_adjective_is_blanked_offsets_kept() -> None:
    e = Entities()
    for text in ("On Monday the Finnish lender posted a profit of 2.1 billion euros.",
                 "The Asian chipmaker booked revenue of $9 billion.",
                 "Its Dutch parent company reported sales of 4.4 billion euros.",
                 # where one company is listed or based (session 11)
                 "The Oslo-listed insurer booked premiums of 40 billion crowns.",
                 "a Lisbon-based lender earned 900 million euros",
                 "Its Paris-headquartered parent group sold 3 million units."):
        out = figuresubject.blank_home(text, e)
        assert len(out) == len(text) and not e.subjects(out), out
    assert "Finnish" not in figuresubject.blank_home("the Finnish food group said", e)


def test_a_sector_or_a_country_s_own_body_keeps_its_country() -> None:
    e = Entities()
    for text in ("Finnish lenders posted profits of 2.1 billion euros.",  # plural: the country's sector
                 "the Finnish economy grew 1.1%",  # no company's kind
                 "the Finnish central bank cut its rate to 2%",  # a body of the state: its country's
                 "Finland's lender of last resort"):
        assert figuresubject.blank_home(text, e) == text


def test_an_aside_of_another_clause_is_blanked() -> None:
    text = "Tourist spending, most of which came from Germany, totalled 3.2 billion euros"
    out = figuresubject.blank_asides(text)
    assert len(out) == len(text) and "Germany" not in out and out.endswith("totalled 3.2 billion euros")
    assert "Norway" not in figuresubject.blank_asides("Fish exports, mostly to Norway, rose to 800 tonnes")
    # an aside holding the figure, or one not closed before it, stays: the figure may be its own
    kept = "Imports, which came mostly from Norway at 800 tonnes, fell"
    assert figuresubject.blank_asides(kept) == kept
    assert figuresubject.blank_asides("Sales in Norway, which rose 4%") == "Sales in Norway, which rose 4%"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="abc ,Tthe DanishFrance which mostly()0123456789", max_size=120))
def test_blanking_keeps_offsets(text: str) -> None:
    e = Entities()
    assert len(figuresubject.blank_home(text, e)) == len(text)
    assert len(figuresubject.blank_asides(text)) == len(text)


def test_a_company_unit_of_generic_words_is_no_name() -> None:
    assert proper_names("Sales by Business Group: Snacks 4.1%, Drinks 2.2%") == []
    assert proper_names("the Operating Segment grew 3%") == []
    assert [n for _, _, n in proper_names("the Bavaria Business Group grew 3%")] == ["Bavaria Business Group"]


def _figure(tmp_path: Path, text: str, amount: float):
    brief, ctx, e = _brief_context(tmp_path, "wire", text)
    (m,) = [describe(c, ctx, e) for c in brief.claims if c.value is not None and c.value.amount == amount]
    assert m is not None
    return m


def test_the_danish_carrier_s_figure_is_the_company_s(tmp_path: Path) -> None:
    text = ("Kestrel Lines doubles its profit\nShipping Weekly | 12 February 2025\n\n"
            "Kestrel Lines had expected a weak year. Last week the Danish carrier reported EBITDA of $8.4 billion, "
            "up 40% on 2023.\n")
    m = _figure(tmp_path, text, 8.4)
    assert "denmark" not in m.subjects


def test_a_country_in_an_aside_is_not_whose_the_total_is(tmp_path: Path) -> None:
    text = ("Morocco's tourism receipts hit a record\nAtlas Wire | 9 January 2025\n\n"
            "Morocco welcomed more visitors than ever last year. Tourist spending, most of which came from "
            "France, totalled 112 billion dirhams in 2024.\n")
    m = _figure(tmp_path, text, 112)
    assert m.subjects == ("morocco",)


def test_a_figure_alone_in_parentheses_after_a_name_is_the_name_s() -> None:
    e = Entities()
    text = "Germany led with 3.1 million guests, followed by Austria (1.2 million), Poland (0.9 million)."
    at = {n: (text.index(n), text.index(n) + len(n)) for n in ("3.1", "1.2", "0.9")}
    assert figuresubject.named_before_paren(text, at["1.2"], e) == "austria"
    assert figuresubject.named_before_paren(text, at["0.9"], e) == "poland"
    assert figuresubject.named_before_paren(text, at["3.1"], e) == ""
    # a conversion after a name, with no break since the figure it converts: not the name's
    conv = "The group invested 5 billion euros in Austria ($5.4 billion) last year."
    assert figuresubject.named_before_paren(conv, (conv.index("5.4"), conv.index("5.4") + 3), e) == ""


def test_a_list_item_in_parentheses_takes_its_name(tmp_path: Path) -> None:
    text = ("Croatia's tourist arrivals climb\nAdriatic Wire | 8 January 2025\n\n"
            "Germany was again the largest market, with 3.1 million guests, followed by Austria (1.7 million) "
            "and Slovenia (1.4 million).\n")
    assert _figure(tmp_path, text, 1.7).subjects == ("austria",)


def test_a_country_only_in_a_digest_s_later_item_is_not_the_title_s(tmp_path: Path) -> None:
    text = ("Shipping Digest: box rates ease; Peru port strike ends\nShipping Digest | 3 March 2025\n\n"
            "Spot container rates eased 4% in the week, the index compiler said on Friday.\n")
    brief, ctx, _ = _brief_context(tmp_path, "digest", text)
    assert ctx.title_subjects == ()
    first = ("Peru port strike ends; rates ease\nShipping Digest | 3 March 2025\n\n"
             "Dock workers in Peru returned to work after a strike of 9 days, the union said on Friday.\n")
    brief, ctx, _ = _brief_context(tmp_path / "b", "digest", first)
    assert ctx.title_subjects == ("peru",)


def test_a_headline_giving_the_world_s_figure_is_the_world_s() -> None:
    from briefcmp.analysis.subjects import title_world_figure

    assert title_world_figure("Drought, war push global hunger past 300 million: agency")
    assert title_world_figure("Storms lift world wheat prices to 6-month high")
    assert not title_world_figure("Renko global sales rise 5% to 2 million cars")  # a company's global sales
    assert not title_world_figure("Chile's global exports hit $90 billion")
    assert not title_world_figure("Global trade slows")  # no figure: ``title_world`` reads it


def test_a_currency_in_crowns_names_no_country() -> None:
    e = Entities()
    assert e.find("The board proposed a dividend of 900 Danish crowns per share") == []
    assert e.find("a fine of 20 million Swedish crowns") == []
    assert [eid for _, _, eid in e.find("Danish exports rose")] == ["denmark"]
    assert [eid for _, _, eid in e.find("the Danish crown weakened")] == ["denmark"]  # no amount before it


def test_a_group_s_members_counted_name_the_group() -> None:
    e = Entities()
    assert [eid for _, _, eid in e.find("Output from the 12 OPEC members fell by 300,000 b/d")] == ["opec"]
    assert e.find("a cut of 25 BPS") == []  # a unit after a number, still


def test_a_country_an_earlier_clause_names_as_an_object_is_not_the_sentence_s() -> None:
    e = Entities()
    text = "The unit won 12 orders from Peru in the spring, but booked a loss of 80 million"
    out = figuresubject.other_clauses(text, text.index("but"), e)
    assert "Peru" not in out and len(out) == len(text)
    fronted = "In Peru, unemployment fell to 6%"
    assert figuresubject.other_clauses(fronted, fronted.index("unemployment"), e) == fronted
    own = "The unit won orders from Peru worth 80 million"  # the figure's own clause: read as it is
    assert figuresubject.other_clauses(own, 0, e) == own


def test_a_list_of_names_in_parentheses_joined_by_and() -> None:
    e = Entities()
    text = "followed by Austria (1.2 million) and Poland (0.9 million)."
    assert figuresubject.named_before_paren(text, (text.index("0.9"), text.index("0.9") + 3), e) == "poland"


def test_a_province_under_its_head_word_is_the_province() -> None:
    e = Entities()
    assert figuresubject.named_id("Ontario Province", e) == figuresubject.named_id("Ontario", e) == "ontario"
    assert figuresubject.named_id("Ontario Teachers Pension Plan", e) != "ontario"  # a body of its own
