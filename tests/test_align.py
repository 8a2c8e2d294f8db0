"""`briefcmp align`: a new user's briefs line up with no hand edit (init -> annotate -> align -> compare)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis.align import word_match
from briefcmp.analysis.entities import Entities, fold_spelling
from briefcmp.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "align"
runner = CliRunner()

# Planted in the fixture texts: (key subject, values) of the contradictions and agreements.
# Traps: the region's, Uganda's and Argentina's growth, Norway's exports next to its hydropower output, Brazil's
# fourth-quarter unemployment next to the annual average, a forecast next to the year's growth.
PLANTED_CONTRADICTIONS = {frozenset({"2.1%", "3.4%"}), frozenset({"54%", "57%"}), frozenset({"2.9%", "3.1%"}),
                          frozenset({"73.7 years", "74.5 years"})}
PLANTED_AGREEMENTS = {frozenset({"7.7%"}), frozenset({"~USD 1.3 billion", "USD 1.3 billion"}),
                      frozenset({"138 TWh"}), frozenset({"48 TWh"}), frozenset({"4.6%"}),
                      frozenset({"USD 340 billion"}), frozenset({"92%"})}


def cli(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, draft_corpus) -> Path:
    return draft_corpus(tmp_path_factory.mktemp("align") / "mine", FIXTURES.glob("*.txt"))


@pytest.fixture(scope="module")
def applied(corpus: Path) -> tuple[Path, dict[str, str], str]:
    before = {p.name: p.read_text(encoding="utf-8") for p in [*corpus.glob("*.yaml")]}
    r = cli("align", str(corpus), "--apply")
    assert r.exit_code == 0, r.output
    return corpus, before, r.output


def _relations(corpus: Path) -> list[dict]:
    r = cli("compare", str(corpus), "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["relations"]


def test_compare_finds_nothing_before_align(corpus: Path) -> None:
    # (runs first: module fixtures are shared, `applied` is not requested here)
    if (corpus / "briefcmp.yaml").read_text(encoding="utf-8").count("-pct:"):
        pytest.skip("align already applied by an earlier test")
    assert _relations(corpus) == []


def test_align_apply_shows_planted_contradictions_and_agreements(applied) -> None:
    corpus, _, _ = applied
    relations = _relations(corpus)
    found = {(r["kind"], frozenset(c["value"]["display"] for c in r["claims"])) for r in relations}
    for values in PLANTED_CONTRADICTIONS:
        assert ("contradiction", values) in found
    for values in PLANTED_AGREEMENTS:
        assert ("agreement", values) in found
    # No false contradiction: every contradiction is a planted one.
    assert {v for k, v in found if k == "contradiction"} == PLANTED_CONTRADICTIONS
    # Traps: Uganda's growth and Norway's exports stay out of the Kenya and Norway-hydropower keys.
    claims = {c["claim"] for r in relations for c in r["claims"] if c["brief"] == "east-africa-monitor"}
    assert "pct-5-3" not in claims


def test_apply_edits_as_text_and_second_run_proposes_nothing(applied) -> None:
    corpus, before, out = applied
    assert "kenya-gdp-growth-pct" in out
    for name, old in before.items():
        new = (corpus / name).read_text(encoding="utf-8")
        old_lines, new_lines = [l for l in old.splitlines() if not l.endswith(": {}")], new.splitlines()
        # Only added lines (an empty `keys: {}` opens into a block): every other old line is still
        # there, in order, byte for byte.
        it = iter(new_lines)
        assert all(any(line == n for n in it) for line in old_lines), name
        if name.endswith(".claims.yaml"):
            assert all(l.strip().startswith("key: ") for l in new_lines if l not in old_lines)
    again = cli("align", str(corpus), "--format", "json")
    assert again.exit_code == 0
    assert json.loads(again.stdout)["groups"] == []
    check = cli("check", str(corpus))
    assert "unknown" not in check.output


def test_subjects_from_countries_and_config() -> None:
    e = Entities()
    assert e.subjects("Kenyan tea and the Danish wind farms near Oslo") == ("kenya", "denmark", "norway")
    assert e.subjects("Papua New Guinea, not Guinea") == ("papua-new-guinea", "guinea")
    assert e.subjects("AND THE CAN") == ()
    assert fold_spelling("defence") == fold_spelling("defense") == "defense"
    assert fold_spelling("programme") == "program"


def test_word_match_needs_a_meaningful_shared_word() -> None:
    assert word_match(frozenset({"gdp", "increase"}), frozenset({"gdp", "increase"})) == "sure"
    assert word_match(frozenset({"share"}), frozenset({"share"})) == ""
    assert word_match(frozenset({"export", "tea"}), frozenset({"export", "gold"})) == ""
    assert word_match(frozenset({"export", "tea", "black"}), frozenset({"export", "tea", "kenya"})) == "maybe"
    assert word_match(frozenset({"hydropower", "output"}), frozenset({"electricity", "export"})) == ""


# --------------------------------------------------------------------------- text edits (hypothesis)

from hypothesis import given, settings, strategies as st  # noqa: E402

from briefcmp.corpus import yamlsafe  # noqa: E402
from briefcmp.analysis.align import measured_words  # noqa: E402
from briefcmp.analysis.alignedit import _block_insert  # noqa: E402
from briefcmp.corpus.problems import Problems  # noqa: E402

_ids = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
_comments = st.lists(st.sampled_from(["# a comment", "", "  # indented comment", "#"]), max_size=3)


@settings(max_examples=60, deadline=None)
@given(existing=st.lists(_ids, unique=True, max_size=4), new=st.lists(_ids, unique=True, min_size=1, max_size=3),
       before=_comments, after=_comments, empty=st.booleans(), indent=st.sampled_from([2, 4]))
def test_block_insert_keeps_every_line_and_parses(existing, new, before, after, empty, indent) -> None:
    new = [n for n in new if n not in existing] or ["zz-new"]
    pad = " " * indent
    if existing and not empty:
        body = "".join(f"{pad}{e}:\n{pad}  label: {e}\n" for e in existing)
        section = "entities:\n" + body
    else:
        section = "entities: {}\n"
    text = "\n".join(before) + ("\n" if before else "") + "format: 1\n" + section + "\n".join(after) + \
        ("\n" if after else "") + "keys: {}\n"
    entries = "".join(f"  {n}:\n    label: {n}\n" for n in new)
    out = _block_insert(text, "entities", entries)
    data = yamlsafe.parse(out, "x.yaml", Problems())
    assert list(data["entities"]) == [*(existing if not empty else []), *new]
    kept = [line for line in text.splitlines() if line != "entities: {}"]
    it = iter(out.splitlines())
    assert all(any(line == o for o in it) for line in kept)


@settings(deadline=None)  # the first call loads the catalogue and the lexicon (seconds on a busy machine)
@given(st.text(max_size=200))
def test_measured_words_never_fail_and_are_lower_case(text: str) -> None:
    words, shown, order = measured_words(text, Entities(use_countries=False), "")
    assert set(order) == words and set(shown) == words
    assert all(w == w.lower() for w in words)


def test_align_text_is_wrapped_and_terminal_safe(corpus: Path) -> None:
    from briefcmp.analysis.align import Group, Member
    from briefcmp.analysis.align import AlignResult
    from briefcmp.corpus.model import Claim, Value
    from briefcmp.render.align import render_text

    claim = Claim(id="x", brief="b", quote="evil \x1b[31m quote " + "word " * 30, value=Value("quantity", amount=1.0,
                                                                                            unit="percent"))
    m = Member(claim, ("kenya",), "clause", "percent", "percent", frozenset({"gdp"}), {"gdp": "GDP"}, ("gdp",))
    text = render_text(AlignResult([Group("k", True, "Kenya: GDP (percent)", "percent", [m], "why", True)]), width=60)
    assert "\x1b" not in text and "\\x1b" in text
    assert all(len(line) <= 60 for line in text.splitlines())


@pytest.mark.parametrize("a, b, verdict", [
    ("Kenya's real GDP grew 2.1 percent", "Kenya's GDP growth was 3.4 percent", "sure"),
    ("Kenya's growth was 3.4 percent", "Kenya's economy expanded 2.1 percent", "sure"),
    ("Consumer prices rose 5.2 percent", "Inflation was 5.2 percent", "sure"),
    ("The unemployment rate averaged 7.8 percent", "Unemployment was 7.4 percent", "sure"),
    ("Poland spent 4.1 percent of GDP on defence", "Polish defense spending reached 4.2% of GDP", "sure"),
    ("Tea exports rose 5 percent", "Exports rose 3 percent", ""),  # a narrower thing: never sure
    ("GDP per capita grew 1.2 percent", "GDP grew 3.4 percent", "maybe"),
    ("Hydropower output reached 138 TWh", "Electricity exports were 17 TWh", ""),
])
def test_measured_things_agree_only_when_they_are_one_thing(a: str, b: str, verdict: str) -> None:
    e = Entities()
    wa, wb = (measured_words(t, e, "")[0] for t in (a, b))
    assert word_match(wa, wb) == verdict


def test_shared_names_go_to_the_most_populous_country() -> None:
    e = Entities()
    assert e.subjects("American and Dominican firms in America") == ("united-states", "dominican-republic")
    assert e.subjects("Latin America and South American markets") == ()


def test_new_keys_tolerate_rounding_only() -> None:
    from briefcmp.analysis.align import Member
    from briefcmp.analysis.alignedit import key_tolerance
    from briefcmp.corpus.model import Claim, Value

    def member(amount: float, unit: str, dim: str) -> Member:
        return Member(Claim(id="x", brief="b", quote="q", value=Value("quantity", amount=amount, unit=unit)),
                      ("kenya",), "clause", unit, dim, frozenset(), {}, ())

    assert key_tolerance([member(7.7, "percent", "percent"), member(54, "percent", "percent")]) == "0.05"
    assert key_tolerance([member(54, "percent", "percent")]) == "0.5"
    assert key_tolerance([member(73.7, "years", "duration")]) == "18.2625"  # days
    assert key_tolerance([member(1.3, "USD", "USD")]) == "2%"


def test_a_pronoun_led_sentence_keeps_the_subject_and_year_of_the_one_before(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert cli("init", str(root)).exit_code == 0
    texts = {
        "a": "Copper Outlook\nAndes Institute, March 2024\n\nIn 2023 Chile mined 5.3 million tonnes of copper. "
             "Its share of world copper output was 24 percent. Peru produced 2.6 million tonnes in 2023.\n",
        "b": "Chile Mining Note\nMetals Desk, April 2024\n\nChile's share of global copper output was 27 percent "
             "in 2023. The country mined 5.3 million tonnes of copper in 2023. World copper output grew 2 "
             "percent in 2023.\n",
    }
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        assert cli("annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml")).exit_code == 0
    assert cli("align", str(root), "--apply").exit_code == 0
    found = {(r["kind"], frozenset(c["value"]["display"] for c in r["claims"])) for r in _relations(root)}
    assert found == {("contradiction", frozenset({"24%", "27%"})), ("agreement", frozenset({"5.3 million tonnes"}))}


def test_ranks_line_up_too(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert cli("init", str(root)).exit_code == 0
    texts = {"a": "Kenya Brief\nInstitute, March 2024\n\nIn 2023 Kenya was the world's third-largest tea exporter.\n",
             "b": "Tea Note: Kenya\nDesk, April 2024\n\nKenya was the second-largest tea exporter in the world in 2023.\n"}
    for name, text in texts.items():
        (root / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
        assert cli("annotate", str(root / "sources" / f"{name}.txt"), "-o", str(root / f"{name}.claims.yaml")).exit_code == 0
    assert cli("align", str(root), "--apply").exit_code == 0
    assert "type: rank" in (root / "briefcmp.yaml").read_text(encoding="utf-8")
    found = {(r["kind"], frozenset(c["value"]["display"] for c in r["claims"])) for r in _relations(root)}
    assert found == {("contradiction", frozenset({"3rd", "2nd"}))}


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("KenyaDnmrkSouthAfricLatinUS.' -,")) , max_size=60))
def test_entity_spans_lie_inside_the_text_and_name_known_ids(text: str) -> None:
    e = Entities()
    for a, b, eid in e.find(text):
        assert 0 <= a < b <= len(text) and eid in e.labels


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_a_fiscal_year_is_twelve_months(year: int, start: int) -> None:
    from briefcmp.drafting.dates import fiscal_period

    p = fiscal_period(year, start)
    first, last = p.span()
    assert (last.year - first.year) * 12 + last.month - first.month == 11
    assert year in (first.year, last.year)


def test_a_canonical_measure_word_reads_as_the_catalogue_shows_it() -> None:
    """The catalogue's canonical words ("keyrate") are never shown as tokens in a key's question."""
    for text in ("The central bank left its key interest rate unchanged at 0.25 percent.",
                 "The bank held its policy rate at 4.5%.", "Officials kept the benchmark rate at 6.50%."):
        words, shown, order = measured_words(text, Entities(use_countries=False), "percent")
        assert "keyrate" in words and shown["keyrate"] == "policy rate", shown  # (it read "keyrate")
