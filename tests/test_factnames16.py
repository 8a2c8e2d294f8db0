"""Actors under their many names within one corpus (analysis/factrefs): a body named ever more fully ("the court",
"the High Court", "the National High Court"), and a generic body one brief cannot place that the other briefs place
in one country. Names and texts written here."""

from __future__ import annotations

from types import SimpleNamespace

class _Labels:
    def __init__(self, labels: dict[str, str]):
        self.labels = labels

    def label(self, entity: str) -> str:
        return self.labels[entity]


def test_a_body_under_names_nested_in_one_another_is_the_fullest() -> None:
    from briefcmp.analysis.factaliases import _longer_names

    names = _Labels({"court": "court", "high-court": "High Court", "national-high-court": "National High Court",
                     "atlantis": "Atlantis"})
    got = _longer_names(set(names.labels), names, frozenset({"atlantis"}))  # type: ignore[arg-type]
    assert got["court"] == "national-high-court" and got["high-court"] == "national-high-court"
    # two courts that branch ("the High Court", "the lower court"): "the court" may be either, so it is left unread
    names = _Labels({"court": "court", "high-court": "High Court", "lower-court": "lower court"})
    got = _longer_names(set(names.labels), names, frozenset())  # type: ignore[arg-type]
    assert "court" not in got


class _Found(_Labels):
    """Labels, and the entity recogniser's finds: each label written in a text, as (start, end, entity)."""

    def find(self, text: str) -> list[tuple[int, int, str]]:
        import re

        return sorted((m.start(), m.end(), e) for e, lab in self.labels.items() if lab[:1].isupper()
                      for m in re.finditer(re.escape(lab), text))


def _said(brief: str, actor: str, others: str = "") -> SimpleNamespace:
    return SimpleNamespace(actor=actor, claim=SimpleNamespace(brief=brief), others=frozenset(others.split()))


def test_a_generic_body_one_brief_cannot_place_is_where_the_other_briefs_place_it() -> None:
    from briefcmp.analysis.factrefs import _placed_elsewhere

    ents = _Found({"junta": "junta", "borduria": "Borduria", "syldavia": "Syldavia", "bloc": "the Andean Bloc"})
    countries = frozenset({"borduria", "syldavia"})
    full = {"wire": "The junta in Borduria shut the border.",
            "think": "Borduria left the Andean Bloc. Borduria recalled envoys. Syldavia stayed. The junta said so.",
            "even": "Borduria and Syldavia met. The junta spoke."}
    sts = [_said("wire", "junta"), _said("think", "junta"), _said("even", "junta")]
    out = {("wire", "junta"): "borduria"}
    _placed_elsewhere(sts, out, full, ents, countries)  # type: ignore[arg-type]
    assert out[("think", "junta")] == "borduria"  # named there more than any other country
    assert ("even", "junta") not in out  # two countries named as often: left unread
    # two briefs placing it in two countries: no corpus reading to take
    out = {("wire", "junta"): "borduria", ("even", "junta"): "syldavia"}
    _placed_elsewhere(sts, out, full, ents, countries)  # type: ignore[arg-type]
    assert ("think", "junta") not in out


def test_a_name_is_not_placed_by_the_other_briefs() -> None:
    from briefcmp.analysis.factrefs import _placed_elsewhere

    ents = _Found({"high-court": "High Court", "borduria": "Borduria"})
    full = {"wire": "Borduria's High Court ruled.", "think": "Borduria appealed. The High Court heard it."}
    out = {("wire", "high-court"): "borduria"}
    _placed_elsewhere([_said("think", "high-court")], out, full, ents, frozenset({"borduria"}))  # type: ignore[arg-type]
    assert ("think", "high-court") not in out
    # nor is a body placed in the country its act is aimed at ("the junta" acting on Borduria)
    ents = _Found({"junta": "junta", "borduria": "Borduria"})
    out = {("wire", "junta"): "borduria"}
    _placed_elsewhere([_said("think", "junta", "borduria")], out, full, ents, frozenset({"borduria"}))  # type: ignore[arg-type]
    assert ("think", "junta") not in out


def test_a_proper_name_s_head_before_of_and_initials_spelled_out() -> None:
    from briefcmp.analysis.factaliases import _abbreviates, _longer_names, _proper_head

    assert _proper_head("Constitutional Court of Ruritania") == "constitutional court"
    assert _proper_head("state of emergency") == ""  # a common noun phrase names no body
    names = _Labels({"court": "the court", "ccr": "Constitutional Court of Ruritania",
                     "soe": "state of emergency", "state": "the state",
                     "un-sg": "U.N. Secretary-General", "united-nations-sg": "United Nations Secretary-General",
                     "unga": "UN General Assembly", "oas": "OAS"})
    got = _longer_names(set(names.labels), names, frozenset())  # type: ignore[arg-type]
    assert got["court"] == "ccr" and "state" not in got
    assert got["un-sg"] == "united-nations-sg"
    assert "unga" not in got and "oas" not in got  # nothing spelled out for them
    assert _abbreviates("NATO".split(), "north atlantic treaty organization".split())
    assert not _abbreviates("NATO".split(), "north atlantic council".split())
    assert not _abbreviates("Secretary-General".split(), "united nations secretary-general".split())


def test_the_loss_diagnostic_says_where_each_pair_ends() -> None:
    import sys
    from collections import Counter
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from facts_losses import ends

    line = ends(Counter({"not drafted": 3, "actor": 5, "below bar": 4, "linked": 1, "keyed": 2}),
                Counter({"below bar": 1, "actor": 2}))
    assert "not drafted 3," in line and "apart: actor 3," in line and "apart: below the bar 4," in line
    assert line.endswith("candidate 3, applied 2 (of 15)")
