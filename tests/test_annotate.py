"""`briefcmp annotate`: the draft, the YAML it writes, --update, and the CLI through CliRunner."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefcmp.corpus import anchor, yamlsafe
from briefcmp.drafting.claimsyaml import append_to_claims_file, render_draft, yaml_scalar
from briefcmp.drafting.draft import BriefMeta, build_draft, position_kind
from briefcmp.drafting.metadata import find_metadata
from briefcmp.cli import app
from briefcmp.corpus.load import load_corpus
from briefcmp.corpus.parse import parse_claims_file
from briefcmp.corpus.model import Config
from briefcmp.corpus.problems import Problems
from briefcmp.corpus import sentences

runner = CliRunner()

CONFIG = """\
format: 1
title: Test corpus
topics:
  trade:
    label: Trade
    description: Exports, imports and trade partners.
  aid:
    label: Aid
    description: Humanitarian and military assistance.
  energy:
    label: Energy
    description: Gas, oil and power.
entities:
  norway:
    label: Norway
    aliases: [Oslo]
  chile:
    label: Chile
    aliases: [Santiago]
  ukraine:
    label: Ukraine
    aliases: [Kyiv]
keys:
  norway-chile-trade:
    label: Total Norway-Chile trade in a year
    type: quantity
    unit: USD
    tolerance: 5%
    topics: [trade]
    subjects: [norway, chile]
"""

SOURCE = """\
Institute for Northern Studies

Norway and Chile: A Quiet Partnership

Published: 14 March 2023

Oslo's trade with Chile totalled roughly $1.2 billion in 2022, up from $0.8 billion in 2015.
Chile is Norway's 31st-largest export market. Norway has sent 12,000 tonnes of salmon feed.
Oslo pledged at least $50 million to Kyiv on 3 March.
Norway should expand its aid to Ukraine.
Gas deliveries to Chile lasted three weeks.

Norway and Chile: A Quiet Partnership
"""


def make_corpus(root: Path, source: str = SOURCE, name: str = "nis-2023.txt") -> Path:
    (root / "sources").mkdir(parents=True)
    (root / "briefcmp.yaml").write_text(CONFIG, encoding="utf-8")
    path = root / "sources" / name
    path.write_text(source, encoding="utf-8")
    return path


def run(*args: str):
    return runner.invoke(app, ["annotate", *args])


def check(path: Path):
    return runner.invoke(app, ["check", str(path)])


# --------------------------------------------------------------------------- CLI


def test_stdout_default_is_a_checkable_draft(tmp_path: Path, monkeypatch) -> None:
    src = make_corpus(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    r = run(str(src))
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert out.startswith("# yaml-language-server: $schema=schemas/claims.schema.json\n")
    assert "  id: nis-2023\n" in out
    assert "  title: \"Norway and Chile: A Quiet Partnership\"\n" in out
    assert "  publisher: Institute for Northern Studies\n" in out
    assert "  published: 2023-03-14\n" in out
    # relative to the corpus folder, where `> corpus/nis-2023.claims.yaml` puts the file
    assert "  source: sources/nis-2023.txt\n" in out
    assert f"  source_sha256: {anchor.sha256(src.read_bytes())}\n" in out
    assert out.count("\n    status: draft\n") == out.count("\n  - id: ") > 5
    (tmp_path / "corpus" / "nis-2023.claims.yaml").write_text(out, encoding="utf-8")
    c = check(tmp_path / "corpus")
    assert c.exit_code == 0, c.output  # warnings only
    assert "[draft-claim]" in c.stdout and " error: " not in c.stdout


def test_draft_values_keys_and_suggestions(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    out = tmp_path / "nis-2023.claims.yaml"
    assert run(str(src), "-o", str(out)).exit_code == 0
    result = load_corpus([out])
    assert not [p for p in result.problems if p.severity >= 2]
    (brief,) = result.corpus.briefs
    by_value = {c.value.display(): c for c in brief.claims if c.value}
    trade = by_value["~USD 1.2 billion"]
    assert trade.key == "norway-chile-trade" and str(trade.as_of) == "2022"
    assert trade.topics[0] == "trade" and set(trade.subjects) == {"norway", "chile"}
    assert str(by_value["USD 0.8 billion"].as_of) == "2015"
    assert by_value["31st"].value.unit == "export market"
    assert by_value["≥USD 50 million"].subjects == ("norway", "ukraine")
    assert by_value["3 weeks"].value.unit == "weeks"
    assert by_value["12,000 tonnes"].value.amount == 12000
    assert "2023-03-03" in by_value  # "on 3 March", completed from the publication year
    assert all(c.status == "draft" for c in brief.claims)
    assert "Norway should expand its aid to Ukraine." not in [c.quote for c in brief.claims]


def test_sentences_adds_position_candidates(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    r = run(str(src), "--sentences")
    assert r.exit_code == 0
    # a recommendation: its clause, with a stance on the action it names (tests/test_facts.py has more)
    assert "kind: recommendation\n" in r.stdout and "quote: Norway should expand its aid to Ukraine\n" in r.stdout
    assert "value: {stance: support}\n" in r.stdout


def test_repeated_sentence_gets_a_prefix(tmp_path: Path) -> None:
    text = "Report\n\nExports rose 5% in 2021.\n\nMore text here today.\n\nExports rose 5% in 2021.\n"
    src = make_corpus(tmp_path, text, "rep.txt")
    out = tmp_path / "rep.claims.yaml"
    assert run(str(src), "-o", str(out)).exit_code == 0
    (brief,) = load_corpus([out]).corpus.briefs
    pct = [c for c in brief.claims if c.value and c.value.unit == "percent"]
    assert len(pct) == 2 and all(c.span for c in pct) and pct[0].span != pct[1].span
    assert pct[0].prefix or pct[0].suffix


def test_output_never_overwrites_without_force(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    out = tmp_path / "nis-2023.claims.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    r = run(str(src), "-o", str(out))
    assert r.exit_code == 2 and "file exists; use --force" in r.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    r = run(str(src), "-o", str(out), "--force")
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []  # atomic: no leftovers


def test_output_into_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    r = run(str(src), "-o", str(tmp_path / "nope" / "x.claims.yaml"))
    assert r.exit_code == 2 and "does not exist" in r.stderr and "Traceback" not in r.output


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"abc \xff\xfe def", "is not valid UTF-8"),
    (b"\x00\x01binary", "looks binary"),
    (b"   \n\n", "empty"),
    ("folder", "is a folder"),
])
def test_unreadable_input_exits_2(tmp_path: Path, content, message) -> None:
    path = tmp_path / "in.txt"
    if content == "folder":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    r = run(str(path))
    assert r.exit_code == 2, r.output
    assert message in r.stderr and r.stderr.startswith("briefcmp: error: ")
    assert "Traceback" not in r.output
    if content == b"abc \xff\xfe def":
        assert "in.txt:1:5:" in r.stderr  # located


def test_output_and_update_are_exclusive(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    r = run(str(src), "-o", str(tmp_path / "a.yaml"), "--update", str(tmp_path / "b.yaml"))
    assert r.exit_code == 2 and "not both" in r.stderr


def test_typographic_and_non_latin_text(tmp_path: Path) -> None:
    text = ("Отчёт о торговле\n\nThe “core” deficit—about\u00a0$3\u00a0billion—was cited by Sánchez in 2021.\n"
            "Japan\u2019s exports to Chile (日本の輸出) rose 12\u2009% in 2020 … says the ministry.\n"
            "The ﬁrm’s share fell to 3 percent.\n")
    src = make_corpus(tmp_path, text, "typo.txt")
    out = tmp_path / "typo.claims.yaml"
    r = run(str(src), "-o", str(out))
    assert r.exit_code == 0, r.output
    written = out.read_text(encoding="utf-8")
    assert "“core” deficit—about $3 billion—was cited by Sánchez in 2021." in written  # verbatim, spaces plain
    assert "title: Отчёт о торговле" in written
    c = check(out)
    assert c.exit_code == 0 and " error: " not in c.stdout, c.stdout


# --------------------------------------------------------------------------- --update


def _reviewed_file(src_rel: str, sha: str, newline: str = "\n") -> str:
    text = f"""\
# my reviewed annotations
format: 1
brief:
  id: nis-2023
  title: Norway and Chile
  source: {src_rel}
  source_sha256: {sha}
claims:
  # the trade figure, checked against the ministry table
  - id: trade-2022
    topics: [trade]
    quote: Oslo's trade with Chile totalled roughly $1.2 billion in 2022
    value: {{amount: 1.2, scale: billion, unit: USD, bound: approximate}}   # reviewed
    as_of: 2022

  - id: rank
    quote: Chile is Norway's 31st-largest export market.
    value: {{rank: 31, of: export market}}
# trailing comment
"""
    return text.replace("\n", newline)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_update_keeps_existing_text_and_adds_only_new_figures(tmp_path: Path, newline: str) -> None:
    src = make_corpus(tmp_path)
    claims = tmp_path / "nis-2023.claims.yaml"
    original = _reviewed_file("sources/nis-2023.txt", anchor.sha256(src.read_bytes()), newline).encode()
    claims.write_bytes(original)
    r = run(str(src), "--update", str(claims))
    assert r.exit_code == 0, r.output
    updated = claims.read_bytes()
    assert updated.startswith(original)  # every byte kept, in place
    added = updated[len(original):].decode()
    assert "amount: 1.2" not in added and "rank: 31" not in added  # already annotated
    assert "amount: 0.8" in added and "bound: at-least" in added
    assert added.startswith("  - id: ")  # the list's own indentation
    if newline == "\r\n":
        assert added.count("\n") == added.count("\r\n")
    assert check(claims).exit_code == 0
    again = run(str(src), "--update", str(claims))
    assert again.exit_code == 0 and "nothing to add" in again.stderr
    assert claims.read_bytes() == updated


def test_update_inserts_before_a_later_top_level_key(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    text = ("format: 1\nclaims:\n    - id: rank\n      quote: Chile is Norway's 31st-largest export market.\n"
            "      value: {rank: 31}\n\nbrief:\n  id: nis-2023\n  title: T\n  source: sources/nis-2023.txt\n")
    claims = tmp_path / "nis-2023.claims.yaml"
    claims.write_text(text, encoding="utf-8")
    assert run(str(src), "--update", str(claims)).exit_code == 0
    new = claims.read_text(encoding="utf-8")
    head, tail = text.split("\n\nbrief:\n")
    assert new.startswith(head + "\n    - id: ")
    new, drafted = new.split("# briefcmp-drafted:", 1)  # the drafted figures, listed at the end
    assert new.endswith("\n\nbrief:\n" + tail) and drafted.strip()
    assert check(claims).exit_code == 0


def test_update_of_an_empty_claims_list(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    text = "format: 1\nbrief:\n  id: nis-2023\n  title: T\n  source: sources/nis-2023.txt\nclaims: []  # none yet\n"
    claims = tmp_path / "nis-2023.claims.yaml"
    claims.write_text(text, encoding="utf-8")
    assert run(str(src), "--update", str(claims)).exit_code == 0
    new = claims.read_text(encoding="utf-8")
    assert new.startswith(text.replace("claims: []  # none yet\n", "claims:  # none yet\n  - id: "))
    assert check(claims).exit_code == 0


@pytest.mark.parametrize("text, message", [
    ("format: 1\nbrief: [\n", "invalid YAML"),
    ("format: 1\nclaims: []\n", "not a claims file"),
    ("format: 1\nbrief:\n  id: x\n  title: T\n  source: sources/other.txt\nclaims: []\n", "annotates sources/other.txt"),
])
def test_update_refuses_unusable_claims_files(tmp_path: Path, text: str, message: str) -> None:
    src = make_corpus(tmp_path)
    claims = tmp_path / "x.claims.yaml"
    claims.write_text(text, encoding="utf-8")
    r = run(str(src), "--update", str(claims))
    assert r.exit_code == 2 and message in r.stderr, r.stderr
    assert claims.read_text(encoding="utf-8") == text


def test_update_keeps_a_byte_order_mark(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    claims = tmp_path / "nis-2023.claims.yaml"
    original = b"\xef\xbb\xbf" + _reviewed_file("sources/nis-2023.txt", anchor.sha256(src.read_bytes())).encode()
    claims.write_bytes(original)
    assert run(str(src), "--update", str(claims)).exit_code == 0
    assert claims.read_bytes().startswith(original) and len(claims.read_bytes()) > len(original)


def test_update_missing_file(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    r = run(str(src), "--update", str(tmp_path / "none.claims.yaml"))
    assert r.exit_code == 2 and "no such claims file" in r.stderr


def test_key_that_would_contradict_the_corpus_is_held_as_a_comment(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    other = tmp_path / "sources" / "other.txt"
    other.write_text("Trade between Norway and Chile was $3 billion in 2022.\n", encoding="utf-8")
    (tmp_path / "other.claims.yaml").write_text(
        "format: 1\nbrief:\n  id: other\n  title: Other\n  published: 2023\n  source: sources/other.txt\n"
        "claims:\n  - id: trade\n    key: norway-chile-trade\n    topics: [trade]\n"
        "    quote: Trade between Norway and Chile was $3 billion in 2022.\n"
        "    value: {amount: 3, scale: billion, unit: USD}\n    as_of: 2022\n", encoding="utf-8")
    out = tmp_path / "nis-2023.claims.yaml"
    r = run(str(src), "-o", str(out))
    assert r.exit_code == 0
    text = out.read_text(encoding="utf-8")
    held, kept = text.split("  - id: norway-usd-1-2-billion")[1].split("  - id: ")[:2]
    assert ("    # key: norway-chile-trade  (suggested, not set: its value would be a contradiction with "
            "other#trade)\n") in held and "\n    key:" not in held
    assert kept.startswith("norway-usd-0-8-billion") and "\n    key: norway-chile-trade\n" in kept  # 2015: no conflict
    assert check(tmp_path).exit_code == 0


def test_passages_repeated_word_for_word_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    src = make_corpus(tmp_path, "Exports rose 5% in 2021.\n\n" * 30, "many.txt")
    r = run(str(src))
    assert r.exit_code == 0
    assert "repeated word for word" in r.stderr and "source lines" in r.stderr
    (tmp_path / "many.claims.yaml").write_text(r.stdout, encoding="utf-8")
    assert check(tmp_path).exit_code == 0  # what is drafted anchors; what cannot anchor was reported


# --------------------------------------------------------------------------- core


def test_metadata() -> None:
    prep = sentences.prepare("Some Headline Here\n\nMain Title Of Brief\nBody text that is long enough to be a "
                             "paragraph of running text with many words in it for sure, yes indeed friends.\n\n"
                             "Main Title Of Brief\n")
    title, publisher, published = find_metadata(prep)
    assert title == "Main Title Of Brief" and publisher == "" and published is None


@pytest.mark.parametrize("sentence, kind", [
    ("The government should raise the defence budget next year.", "recommendation"),
    ("It is imperative that allies coordinate their export controls.", "recommendation"),
    ("Prices are likely to rise sharply over the coming months.", "forecast"),
    ("This episode shows that sanctions work when allies act together.", "assessment"),
    ("The minister visited the port on Monday afternoon.", ""),
    ("Should the ministry act now on this?", ""),
])
def test_position_kind(sentence: str, kind: str) -> None:
    assert position_kind(sentence) == kind


@pytest.mark.parametrize("value", [
    "plain text", "yes", "no", "12", "1.5", "null", "~", "a: b", "x #y", "- dash", "[list]", "{map}", "'q'",
    '"dq"', "trailing:", "tab\there", "é日本", "#hash", "@at", "% pct", "*star", "&amp", "!bang",
    "a" * 150, "word " * 40 + "end", "back\\slash", "\u2028sep", "line\nbreak",
])
def test_yaml_scalars_read_back_exactly(value: str) -> None:
    for flow in (False, True):
        doc = f"k: {yaml_scalar(value, 0, 3, flow=flow)}\n" if not flow else f"k: {{v: {yaml_scalar(value, flow=True)}}}\n"
        problems = Problems()
        data = yamlsafe.parse(doc, "t", problems)
        assert not problems, (doc, problems)
        got = data["k"] if not flow else data["k"]["v"]
        assert got == value, doc


def test_append_keeps_text_when_nothing_new() -> None:
    assert append_to_claims_file("anything", []) == "anything"


# --------------------------------------------------------------------------- properties

_FRAGMENTS = [
    "Trade rose roughly $20 billion in 2021.", "Exports fell 12 percent.", "It is the 22nd-largest market.",
    "The envoys met 27 times.", "Stocks last 240 days.", "Output rose nearly tenfold.", "See p. 12.",
    "The G7 met at COP 21.", "On 3 March 2022, talks began.", "Half of the budget went to pensions.",
    "Costs: 600 billion rubles ($21.7 billion).", "“Quoted” text—with dashes… here.", "Доля выросла на 5%.",
    "日本の輸出は 3% 増えた。", "Seven largest banks were cut off.", "A claim.12 Another one.", "Title",
    "$2.4B", "Caption for the chart in 2020", "US$1.86 bn was lent.", "Up to 300,000 rounds were sent.",
    "防衛費は7兆9496億円となった。", "２０２４年度は１６．５％増", "교역액은 273억 달러로 집계됐다.", "٣٤٥ مليون دولار",
    "१२३ करोड़", "\u202eRTL\u202c", "Die Quote lag bei 1,234 Prozent.", "令和元年度の5割",
]
_SEPARATORS = [" ", "\n", "\n\n", "\u00a0", "  ", "\t", "\r\n"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_FRAGMENTS), st.sampled_from(_SEPARATORS)), min_size=1, max_size=12))
def test_every_drafted_quote_anchors_in_the_source(parts) -> None:
    source = "".join(f + sep for f, sep in parts)
    meta = BriefMeta(id="t", title="T", source="t.txt", source_sha256="0" * 64)
    draft = build_draft(source, meta=meta, positions=True)
    norm = anchor.normalise(source)
    for claim in draft.claims:
        found = anchor.find_quote(norm, claim.quote, claim.prefix, claim.suffix)
        assert found.span == claim.span, (claim.quote, claim.prefix, claim.suffix)
        assert claim.id and claim.quote == claim.quote.strip()
    # and the rendered file reads back with the same quotes and values
    problems = Problems()
    data = yamlsafe.parse(render_draft(draft), "t.claims.yaml", problems)
    brief = parse_claims_file(data, "t.claims.yaml", problems, Config())
    assert not [p for p in problems if p.severity >= 2], problems
    assert [c.quote for c in brief.claims] == [c.quote for c in draft.claims]
    assert [c.value for c in brief.claims] == [c.value for c in draft.claims]


def test_update_never_re_adds_a_deleted_draft_and_refreshes_the_hash(tmp_path: Path) -> None:
    src = make_corpus(tmp_path)
    claims = tmp_path / "nis-2023.claims.yaml"
    assert run(str(src), "-o", str(claims)).exit_code == 0
    text = claims.read_text(encoding="utf-8")
    assert "# briefcmp-drafted: " in text
    # The user rejects the first draft: deletes its item, leaves the drafted lines in place.
    lines = text.splitlines(keepends=True)
    first = next(i for i, l in enumerate(lines) if l.startswith("  - id: "))
    nxt = next(i for i, l in enumerate(lines) if i > first and (l.startswith("  - id: ") or l.startswith("#")))
    rejected_id = lines[first].split()[2]
    kept = "".join(lines[:first] + lines[nxt:])
    claims.write_text(kept, encoding="utf-8")
    r = run(str(src), "--update", str(claims))
    assert r.exit_code == 0 and "nothing to add" in r.stderr and "1 you deleted before not re-added" in r.stderr
    assert claims.read_text(encoding="utf-8") == kept
    assert f"id: {rejected_id}" not in kept
    # The source changes: --refresh-sha records the new hash (one line changes) and new figures are added.
    src.write_text(src.read_text(encoding="utf-8") + "\nExports rose 7 percent in 2023.\n", encoding="utf-8")
    r = run(str(src), "--update", str(claims))
    assert "source_sha256 differs" in r.stderr
    r = run(str(src), "--update", str(claims), "--refresh-sha")
    assert r.exit_code == 0 and "source_sha256 updated" in r.stderr
    new = claims.read_text(encoding="utf-8")
    assert f"source_sha256: {anchor.sha256(src.read_bytes())}" in new and "amount: 7" in new
    assert check(claims).exit_code == 0


@pytest.mark.parametrize("name, data, what", [
    ("brief.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "a PDF"),
    ("saved.html", b"<!DOCTYPE html><html><body><p>Rates rose 2% in 2024.</p></body></html>", "a web page (HTML)"),
    ("page.txt", b"\xef\xbb\xbf<html lang='en'><p>Rates rose 2% in 2024.</p></html>", "a web page (HTML)"),
])
def test_an_original_is_sent_to_add_never_drafted_from_its_bytes(tmp_path: Path, name: str, data: bytes,
                                                                  what: str) -> None:
    """walk9: annotate on a saved page drafted 13 claims from its markup; on a PDF it said 'looks binary'."""
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "x.claims.yaml"
    result = CliRunner().invoke(app, ["annotate", str(src), "-o", str(out)])
    assert result.exit_code == 2
    assert f"{src}:1:1: {what}, not a source text: `briefcmp add {src} CORPUS`" in result.output
    assert not out.exists()
