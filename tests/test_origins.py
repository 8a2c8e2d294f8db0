"""Origins: a wire story and the rewrites citing it are one origin."""

from __future__ import annotations

from briefcmp.analysis.rules.base import count_origins, origin, own_agencies
from briefcmp.corpus.agencies import agency_of
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, Value


def _claim(brief: str, cites: str = "") -> Claim:
    return Claim(id="c", brief=brief, quote="q", value=Value("quantity", amount=1.0), cites=cites)


def test_agency_of_publisher() -> None:
    assert agency_of("Yonhap News Agency") == "Yonhap"
    assert agency_of("Reuters") == "Reuters"
    assert agency_of("The Korea Herald") == ""
    assert agency_of("Reuters and AFP") == ""  # two agencies: neither


def test_a_story_and_its_rewrite_are_one_origin() -> None:
    corpus = Corpus(root=".", config=Config(), briefs=[
        Brief(id="yonhap", title="t", source="s", publisher="Yonhap News Agency"),
        Brief(id="koreaherald", title="t", source="s", publisher="The Korea Herald"),
        Brief(id="moef", title="t", source="s")])
    own = own_agencies(corpus)
    assert own == {"yonhap": "Yonhap"}
    story, rewrite, ministry = _claim("yonhap"), _claim("koreaherald", cites="Yonhap"), _claim("moef")
    assert origin(story, own) == origin(rewrite, own)
    assert count_origins([story, rewrite], own) == 1
    assert count_origins([story, rewrite, ministry], own) == 2
    assert count_origins([story, rewrite]) == 2  # without publishers, as before


def test_a_publisher_of_the_corpus_cited_by_name_is_an_origin() -> None:
    """A wire no agency table knows: its story and a rewrite citing it by name are one origin."""
    wire = Brief(id="wire", title="t", source="s", publisher="Canadian  Wire Service")
    rewrite = Brief(id="daily", title="t", source="s", publisher="Prairie Business Daily")
    paper = Brief(id="paper", title="t", source="s", publisher="The Maple Ledger")
    wire.claims, rewrite.claims = [_claim("wire")], [_claim("daily", cites="Canadian Wire Service")]
    paper.claims = [_claim("paper")]
    own = own_agencies(Corpus(root=".", config=Config(), briefs=[wire, rewrite, paper]))
    assert own == {"wire": "Canadian Wire Service"}  # the paper nobody cites is its own origin
    assert count_origins([*wire.claims, *rewrite.claims], own) == 1
    assert count_origins([*wire.claims, *rewrite.claims, *paper.claims], own) == 2


def test_a_rewrite_cites_the_corpus_publisher_it_names() -> None:
    from briefcmp.drafting.cites import cited, cites_for

    known = ("Canadian Wire Service", "The Maple Ledger")
    assert cited("Canada created 21,000 positions, according to Canadian Wire Service.", known) == \
        "Canadian Wire Service"
    assert cited("as the maple ledger reported on Saturday", known) == "The Maple Ledger"
    assert cited("citing Kyodo News", known) == "Kyodo"  # the agency table first
    assert cited("according to Canadian Wire Service.") == ""  # no corpus: no such agency
    assert cited("the Canadian Wire Services Act said", known) == ""  # a longer name is another
    text = ("Canada created 21,000 positions, according to Canadian Wire Service.\n\n"
            "The jobless rate moved down to 5.2 per cent, the wire service reported.\n\n"
            "Wages rose 5.2 per cent, economists said.")
    second = text.index("The jobless")
    assert cites_for(text, (second, text.index("\n\nWages")), (second, text.index("\n\nWages")), known) == \
        "Canadian Wire Service"  # "the wire service" points back to the one the text names
    third = text.index("Wages")
    assert cites_for(text, (third, len(text)), (third, len(text)), known) == ""


def test_add_drafts_the_corpus_publisher_a_rewrite_cites(tmp_path) -> None:
    from briefcmp.drafting.draft import BriefMeta, build_draft

    wire = Brief(id="wire", title="t", source="s", publisher="Canadian Wire Service")
    corpus = Corpus(root=str(tmp_path), config=Config(), briefs=[wire])
    text = ("Jobs report\n\nCanada created 21,000 positions in September, according to Canadian Wire Service.\n\n"
            "The jobless rate moved down to 5.2 per cent in September 2022, the wire service reported.\n")
    draft = build_draft(text, meta=BriefMeta(id="daily", title="Jobs report", source="s", source_sha256="0",
                                          publisher="Prairie Business Daily"),
                        corpus=corpus)
    assert {c.cites for c in draft.claims} == {"Canadian Wire Service"}
    alone = build_draft(text, meta=BriefMeta(id="daily", title="Jobs report", source="s", source_sha256="0"))
    assert {c.cites for c in alone.claims} == {""}
