"""analysis/joinkeys.py: one standard of evidence for joining a key already written and for forming a new
group, and groups formed over every figure (keyed or not) read against the keys written, so that a second
``align --apply`` proposes nothing new and briefs added one at a time meet the groups a first run forms."""

from __future__ import annotations

from datetime import date

import json
from pathlib import Path

from typer.testing import CliRunner

from briefcmp.analysis import joinkeys
from briefcmp.analysis.align import AlignResult, Group, Member
from briefcmp.cli import app
from briefcmp.corpus.model import Claim, KeyDef, Value

DAILY = Path(__file__).parent / "fixtures" / "incremental"  # four reports of one release, written for this test


def _member(brief: str, ref: str, amount: float, period: str = "2024", how: str = "stated",
            ws: frozenset[str] = frozenset({"copper", "production"}), kind: str = "fact", key: str = "",
            quote: str = "") -> Member:
    claim = Claim(id=ref, brief=brief, quote=quote or f"copper production was {amount} million tonnes", kind=kind,
                  key=key or None, value=Value("quantity", amount=amount, unit="tonnes"))
    return Member(claim, ("chile",), "clause", "tonnes", "mass", ws, {w: w for w in ws}, tuple(sorted(ws)),
                  "chile", period, how, date(2025, 1, 30))


def test_a_claim_that_would_form_a_sure_group_with_the_key_joins_it() -> None:
    under = [_member("wire", "t1", 5.51, key="k"), _member("release", "t1", 5.51, key="k")]
    assert joinkeys.joins(under, _member("daily", "t1", 5.51)) == ""
    assert joinkeys.joins(under, _member("digest", "t1", 5.9)) == ""  # a value that differs joins as readily


def test_what_keeps_a_claim_out_of_a_new_group_keeps_it_out_of_a_key() -> None:
    under = [_member("wire", "t1", 5.51, key="k"), _member("release", "t1", 5.51, key="k")]
    # a change is no level, whatever the key's label says
    rise = _member("daily", "t2", 4.9, ws=frozenset({"copper", "production", "increase"}))
    assert "a change no level" in joinkeys.joins(under, rise)
    # a month is a part of the key's year: two measures
    assert joinkeys.joins(under, _member("daily", "t3", 0.51, period="2024-12"))
    # a figure its brief gives more precisely for the same period: the precise one answers
    assert "more precisely" in joinkeys.joins(under, _member("wire", "t4", 5.5))
    # a forecast among figures of fact
    assert "forecast" in joinkeys.joins(under, _member("daily", "t5", 5.6, kind="forecast"))
    # no period stated and none shared with the release (no other report of the same day states another)
    undated = _member("daily", "t6", 5.2, period="", how="")
    undated.published = None
    assert "no stated period" in joinkeys.joins(under, undated)


def test_a_claim_that_puts_one_of_the_keys_claims_in_doubt_does_not_join() -> None:
    """The wire gave one value for 2024; a second of its values for that year makes both doubtful: the
    claim that brings the doubt stays a candidate."""
    under = [_member("wire", "t1", 5.51, key="k"), _member("release", "t1", 5.51, key="k")]
    assert joinkeys.joins(under, _member("wire", "t2", 3.7))


def _fresh(*groups: list[Member], candidates: tuple = ()) -> AlignResult:
    out = AlignResult()
    for i, g in enumerate(groups):
        out.groups.append(Group(f"g{i}", True, "copper production", "tonnes", list(g), "", True, ("chile",)))
    for i, g in enumerate(candidates):
        out.candidates.append(Group(f"g{i}", False, "copper production", "tonnes", list(g), "", False, ("chile",),
                                    doubt="doubtful"))
    return out


KEYS = {"k": KeyDef(id="k", label="Chile copper production", type="quantity", unit="tonnes"),
        "j": KeyDef(id="j", label="Chile copper exports", type="quantity", unit="tonnes")}


def test_a_group_holding_every_claim_of_a_key_is_its_new_claims_joining_it() -> None:
    a, b = _member("wire", "t1", 5.51, key="k"), _member("release", "t1", 5.51, key="k")
    c, d = _member("daily", "t1", 5.51), _member("digest", "t1", 5.9)
    result = AlignResult()
    judged = joinkeys.settle(_fresh([a, b, c, d]), {"k": [a, b]}, KEYS, result, Group)
    assert [(g.key, g.new, [m.claim.brief for m in g.members]) for g in result.groups] == \
        [("k", False, ["daily", "digest"])]
    assert judged == {id(c), id(d)}


def test_a_group_of_a_keys_claims_alone_proposes_nothing() -> None:
    """The corpus a first run keyed: its groups are the keys written, and a second run proposes nothing."""
    a, b = _member("wire", "t1", 5.51, key="k"), _member("release", "t1", 5.51, key="k")
    late = _member("daily", "t1", 5.2)
    result = AlignResult()
    joinkeys.settle(_fresh([a, b], candidates=([late],)), {"k": [a, b]}, KEYS, result, Group)
    assert result.groups == []
    assert [(c.key, c.new, c.sure) for c in result.candidates] == [("k", False, False)]  # a candidate to join k


def test_a_group_with_only_some_of_a_keys_claims_or_two_keys_keys_nothing() -> None:
    a, b = _member("wire", "t1", 5.51, key="k"), _member("release", "t1", 5.51, key="k")
    x = _member("digest", "t2", 5.51, key="j")
    c = _member("daily", "t1", 5.51)
    for groups, keyed in (([a, c], {"k": [a, b]}), ([a, b, x, c], {"k": [a, b], "j": [x]})):
        result = AlignResult()
        judged = joinkeys.settle(_fresh(groups), keyed, KEYS, result, Group)
        assert result.groups == [] and judged == {id(c)}
        assert len(result.candidates) == 1 and not result.candidates[0].sure
        assert [m.claim.brief for m in result.candidates[0].members] == ["daily"]


def test_a_group_of_claims_none_keyed_is_a_new_key() -> None:
    c, d = _member("daily", "t1", 5.51), _member("digest", "t1", 5.9)
    result = AlignResult()
    assert joinkeys.settle(_fresh([c, d]), {}, KEYS, result, Group) == set()
    assert [(g.key, g.new) for g in result.groups] == [("g0", True)]


def _daily(root: Path, each: bool) -> tuple[set, list]:
    """Add the fixture's briefs to a new corpus, ``align --apply`` after each (``each``) or once at the end;
    returns compare's contradictions (brief and value of each claim) and the sure groups ``align`` still
    proposes after each apply."""
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    again = []
    texts = sorted(DAILY.glob("*.txt"))
    for i, text in enumerate(texts):
        assert runner.invoke(app, ["add", str(text), str(root), "--id", text.stem]).exit_code in (0, 1)
        if (each and i >= 1) or i == len(texts) - 1:
            assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code == 0
            r = runner.invoke(app, ["align", str(root), "--format", "json"])
            again += json.loads(r.stdout)["groups"]
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    found = {frozenset(f"{c['brief']}:{c['value']['display']}" for c in rel["claims"])
             for rel in json.loads(r.stdout)["relations"] if rel["kind"] == "contradiction"}
    return found, again


def test_apply_is_a_fixed_point_and_one_brief_at_a_time_finds_only_the_planted_contradiction(tmp_path) -> None:
    """The digest's 5.9% growth is its slip (the others say 4.9%): the only contradiction, whether the
    briefs come all at once or one at a time; and after every apply, align proposes no sure group."""
    for each in (False, True):
        found, again = _daily(tmp_path / f"daily-{each}", each=each)
        assert again == []  # a second run on the corpus the first keyed proposes no sure group
        assert found, each
        for claims in found:
            assert "metals-digest:5.9%" in claims and all(c.endswith(":4.9%") for c in claims - {"metals-digest:5.9%"})


def test_one_side_naming_more_with_another_value_decides_no_contradiction() -> None:
    """Two reports only (nothing in the bucket tells an outlet's wording from a narrower measure): "the
    staff projection" beside "the projection" is one measure only by inference; with another value it is a
    candidate, with the same value it is keyed."""
    from briefcmp.analysis import grouping

    plain = _member("wire", "t1", 1.4, ws=frozenset({"copper", "production"}))
    for amount, doubted in ((1.5, True), (1.4, False)):
        fuller = _member("daily", "t1", amount, ws=frozenset({"copper", "production", "smelter"}))
        eff = {id(m): m.words for m in (plain, fuller)}
        core, doubtful = grouping.split([plain, fuller], eff, {frozenset((plain.words, fuller.words)): 1.0})
        assert (fuller in [m for m, _ in doubtful]) is doubted
        if doubted:
            assert "names more than wire#t1 (smelter)" in dict((id(m), w) for m, w in doubtful)[id(fuller)]


def test_entities_align_registers_read_as_before_they_were_registered() -> None:
    """``align --apply`` registers the countries and the world its keys name (with a country's other names
    as aliases); a second run must find the subjects the first found: "World Agricultural Supply" names no
    subject, "Argentinian" is no new adjective."""
    from briefcmp.analysis.alignedit import _entity_entry
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.model import Config, Entity
    from briefcmp.corpus.problems import Problems

    entries = "".join(_entity_entry(e, label) for e, label in
                      (("argentina", "Argentina"), ("united-states", "United States"), ("world", "World")))
    data = yamlsafe.parse("entities:\n" + entries, "briefcmp.yaml", Problems())
    registered = Config(entities={eid: Entity(eid, str(e["label"]), tuple(str(a) for a in e.get("aliases") or ()))
                                  for eid, e in data["entities"].items()})
    assert len(registered.entities["united-states"].aliases) >= 2  # (the aliases are written)
    before, after = Entities(Config()), Entities(registered)
    assert after.entity_of == before.entity_of and after.adjectives == before.adjectives
    text = "The World Agricultural Supply and Demand Estimates put Argentina's soybean crop at 52 million tonnes."
    assert after.subjects(text) == before.subjects(text)


def test_a_country_registered_as_itself_leaves_a_neighbours_demonym_to_the_neighbour():
    """Niger registered as itself (what `align --apply` writes) once made "Nigerian" a config name with no
    owner, and reading the config raised KeyError for Nigeria (`align --review` on such a corpus)."""
    from briefcmp.analysis.entities import Entities
    from briefcmp.corpus.model import Config, Entity

    config = Config(entities={
        "niger": Entity("niger", "Niger", ("Niamey", "Nigerien", "Republic of Niger")),
        "france": Entity("france", "France", ("French", "Paris")),
    })
    ents = Entities(config)
    assert set(ents.subjects("Niger's junta expelled the French ambassador from Niamey.")) == {"niger", "france"}
    assert ents.subjects("A Nigerian delegation arrived in Abuja.") == ("nigeria",)
