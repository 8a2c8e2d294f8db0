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
