"""Loader and check rules, table-driven over positive and negative example files.

Each tests/fixtures/load/*.claims.yaml states on its first line the exact set of
problems (rule@line:col) that checking it must report, or "clean".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefcmp.gate.check import CheckSettings, run_check
from briefcmp.corpus.fields import parse_pdate, parse_period
from briefcmp.corpus.load import load_corpus, source_text
from briefcmp.corpus.model import PartialDate, Precision

LOAD = Path(__file__).parent / "fixtures" / "load"
CASES = sorted(LOAD.glob("*.claims.yaml"))


def expected(path: Path) -> set[str]:
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# expect:"), f"{path.name} must start with '# expect:'"
    words = header.split(":", 1)[1].split()
    return set() if words == ["clean"] else set(words)


@pytest.mark.parametrize("path", CASES, ids=[p.name.removesuffix(".claims.yaml") for p in CASES])
def test_example_file(path: Path) -> None:
    report = run_check(CheckSettings(paths=[path])).report
    found = {f"{p.rule}@{p.line}:{p.col}" for p in report.problems}
    assert found == expected(path), "\n".join(p.format() for p in report.problems)
    for p in report.problems:  # every problem names its file and says something useful
        assert p.path.endswith(path.name) and len(p.message) > 15


def test_clean_file_values() -> None:
    result = load_corpus([LOAD / "good-minimal.claims.yaml"])
    brief = result.corpus.briefs[0]
    assert brief.published == PartialDate(2022, 3) and brief.published.precision is Precision.MONTH
    trade = brief.claims[0]
    assert trade.value.base_amount == 20e9 and trade.value.unit == "USD" and trade.value.bound == "approximate"
    assert str(trade.as_of) == "2021" and not trade.as_of_inferred
    second = brief.claims[2]
    assert second.span is not None and second.span[0] > source_text(brief).index("Japan froze assets.")


def test_yaml_11_traps_stay_text() -> None:
    brief = load_corpus([LOAD / "traps.claims.yaml"]).corpus.briefs[0]
    assert brief.title == "NO" and brief.language == "no" and brief.note == "12:30"
    assert brief.claims[0].value.category == "yes" and brief.claims[0].note == "on"
    assert brief.published.precision is Precision.YEAR


def test_figure_without_as_of_takes_publication_date_marked_inferred(tmp_path: Path) -> None:
    (tmp_path / "briefcmp.yaml").write_text("topics: {t: {label: T}}\n")
    (tmp_path / "s.txt").write_text("It cost $5 billion.\n")
    (tmp_path / "b.claims.yaml").write_text(
        "brief: {id: b, title: B, published: 2022-03-03, source: s.txt}\n"
        "claims:\n  - {id: c, topics: [t], quote: It cost $5 billion., value: {amount: 5, scale: bn, unit: $}}\n")
    claim = load_corpus([tmp_path]).corpus.briefs[0].claims[0]
    assert str(claim.as_of) == "2022-03-03" and claim.as_of_inferred
    assert claim.value.scale == "billion" and claim.value.base_amount == 5e9


@pytest.mark.parametrize("text, want", [
    ("2022", (2022, 0, 0)), ("2022-03", (2022, 3, 0)), ("2022-03-03", (2022, 3, 3)), ("2024-02-29", (2024, 2, 29)),
    ("2022-02-30", None), ("2023-02-29", None), ("2022-13", None), ("2022-00", None), ("22", None),
    ("2022-3-3", None), ("March 2022", None), ("", None),
])
def test_parse_pdate(text: str, want) -> None:
    got = parse_pdate(text)
    assert (got and (got.year, got.month, got.day)) == want if want else got is None


def test_parse_period() -> None:
    assert str(parse_period("2014/2021")) == "2014/2021"
    assert parse_period("2021/2014") is None
    assert parse_period("2014/") is None
    assert parse_period("2021-03").span()[1].day == 31


def _corpus(tmp_path: Path, source: bytes, source_name: str = "s.txt") -> Path:
    (tmp_path / "briefcmp.yaml").write_text("topics: {t: {label: T}}\n")
    if source_name == "s.txt":
        (tmp_path / "s.txt").write_bytes(source)
    (tmp_path / "b.claims.yaml").write_text(
        f"brief:\n  id: b\n  title: B\n  source: {source_name}\nclaims:\n  - {{id: c, topics: [t], quote: x}}\n")
    return tmp_path


@pytest.mark.parametrize("data, rule", [
    (b"caf\xe9 au lait\n", "encoding"),
    (b"\x00\x01\x02binary", "encoding"),
])
def test_unreadable_source_is_reported_at_the_source(tmp_path: Path, data: bytes, rule: str) -> None:
    report = run_check(CheckSettings(paths=[_corpus(tmp_path, data)])).report
    assert [p.rule for p in report.problems] == [rule]
    assert report.problems[0].path.endswith("s.txt")


def test_symlink_out_of_the_corpus_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("x\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link.txt").symlink_to(outside)
    report = run_check(CheckSettings(paths=[_corpus(corpus, b"", "link.txt")])).report
    assert [p.rule for p in report.problems] == ["source-outside-corpus"]


def test_source_with_bom_and_crlf_anchors(tmp_path: Path) -> None:
    report = run_check(CheckSettings(paths=[_corpus(tmp_path, b"\xef\xbb\xbfTitle\r\n\r\nx marks\r\nthe spot\r\n")])).report
    assert [p.rule for p in report.problems] == ["source-hash-missing"]


def test_lonely_key_that_looks_like_a_shared_key_is_warned(tmp_path: Path) -> None:
    (tmp_path / "briefcmp.yaml").write_text(
        "topics: {t: {label: T}}\nkeys:\n"
        "  japan-russia-trade-total: {label: a, type: quantity}\n"
        "  japan-russia-trade-totals: {label: b, type: quantity}\n")
    (tmp_path / "s.txt").write_text("Trade was $5 billion.\n")
    for brief, key in (("a", "japan-russia-trade-total"), ("b", "japan-russia-trade-total"),
                       ("c", "japan-russia-trade-totals")):
        (tmp_path / f"{brief}.claims.yaml").write_text(
            f"brief: {{id: {brief}, title: B, source: s.txt}}\nclaims:\n"
            f"  - {{id: x, key: {key}, topics: [t], quote: Trade was $5 billion.}}\n")
    report = run_check(CheckSettings(paths=[tmp_path])).report
    lonely = [p for p in report.problems if p.rule == "lonely-key"]
    assert len(lonely) == 1 and lonely[0].path.endswith("c.claims.yaml")
    assert '"japan-russia-trade-total" (used by 2 briefs)' in lonely[0].message
