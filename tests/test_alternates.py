"""One figure, several expressions: a conversion or an alternative is one claim with alternates,
drafted so, read by `check`, and compared in the expression that matches (issue 21, item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefcmp.analysis.crossref import find_relations
from briefcmp.cli.app import app
from briefcmp.corpus.cache import load_corpus
from briefcmp.corpus.model import Brief, Claim, Config, Corpus, KeyDef, PartialDate, Period, Tolerance, Topic, Value
from briefcmp.drafting.claimsyaml import value_yaml
from briefcmp.drafting.draft import BriefMeta, build_draft

META = BriefMeta(id="t", title="T", source="t.txt", source_sha256="0" * 64)


def q(amount: float, unit: str, scale: str = "", alternates: tuple = ()) -> Value:
    return Value("quantity", amount=amount, scale=scale, unit=unit, alternates=alternates)


def drafted(text: str) -> list[str]:
    return [f"{c.phrase} = {value_yaml(c.value)}" for c in build_draft(text, meta=META).claims if c.value is not None]


# --------------------------------------------------------------------------- drafting

@pytest.mark.parametrize("text, expected", [
    ("The cabinet approved 9.1 trillion yen ($64 billion) for defense.",
     ["9.1 trillion yen = {amount: 9.1, scale: trillion, unit: JPY, alternates: [{amount: 64, scale: billion, unit: USD}]}"]),
    ("Output was $3.1 trillion, or $3.2 trillion, depending on the exchange rate.",
     ["$3.1 trillion = {amount: 3.1, scale: trillion, unit: USD, alternates: [{amount: 3.2, scale: trillion, unit: USD}]}"]),
    ("GDP came to 591.48 trillion yen, or $4.21 trillion, last year.",
     ["591.48 trillion yen = {amount: 591.48, scale: trillion, unit: JPY, alternates: [{amount: 4.21, scale: trillion, unit: USD}]}"]),
    ("Russia shipped 68 billion cubic metres (2.4 trillion cubic feet) of gas.",
     ["68 billion cubic metres = {amount: 68, scale: billion, unit: cubic metres, alternates: "
      "[{amount: 2.4, scale: trillion, unit: cubic feet}]}"]),
    # the same amount written twice is one figure, with nothing to add
    ("The kiwi fell to 56.23 U.S. cents (US$0.5623) after the data.", ["56.23 U.S. cents = {amount: 0.5623, unit: USD}"]),
])
def test_a_conversion_or_an_alternative_is_drafted_as_one_claim(text, expected):
    assert drafted(text) == expected


@pytest.mark.parametrize("text", [
    "Sales were $5 billion ($4.8 billion a year earlier).",  # another figure in parentheses
    "Sales were $5 billion (up 4%) this year.",
    "Diluted earnings per share were NT$12.54 (US$1.94 per ADR unit).",  # another measure in the parentheses
    "Exports rose 5% to $64 billion, and imports 3% to $50 billion.",
])
def test_other_figures_stay_their_own_claims(text):
    assert all("alternates" not in d for d in drafted(text))
    assert len(drafted(text)) >= 2


# --------------------------------------------------------------------------- compare

def _corpus(values: list[tuple[str, Value]], keydef: KeyDef) -> Corpus:
    briefs = []
    for i, (brief, v) in enumerate(values):
        claim = Claim(id=f"c{i}", brief=brief, quote="q", key="k", value=v, as_of=Period(PartialDate(2024)))
        briefs.append(Brief(brief, brief, "src", claims=[claim]))
    return Corpus("root", Config(topics={"t": Topic("t", "T")}, keys={"k": keydef}), briefs)


CONVERTED = q(9.1, "JPY", "trillion", ((64.0, None, "billion", "USD", "exact"),))


def test_a_conversion_agrees_or_conflicts_like_the_value() -> None:
    key = KeyDef("k", "Defense budget", "quantity")
    rels = find_relations(_corpus([("a", CONVERTED), ("b", q(64, "USD", "billion"))], key))
    assert [r.kind for r in rels] == ["agreement"]
    assert "USD 64 billion (alternate of JPY 9.1 trillion)" in rels[0].explanation
    rels = find_relations(_corpus([("a", CONVERTED), ("b", q(70, "USD", "billion")), ("c", q(70, "USD", "billion"))], key))
    assert sorted(r.kind for r in rels) == ["agreement", "contradiction"]
    bad = next(r for r in rels if r.kind == "contradiction")
    assert "alternate of JPY 9.1 trillion" in bad.explanation
    # in its own currency it is compared as written, the conversion shown beside it
    rels = find_relations(_corpus([("a", CONVERTED), ("b", q(9.1, "JPY", "trillion"))], key))
    assert [r.kind for r in rels] == ["agreement"] and "alternate of" not in rels[0].explanation
    assert "JPY 9.1 trillion (or USD 64 billion)" in rels[0].explanation


def test_a_key_in_another_currency_reads_the_alternate() -> None:
    key = KeyDef("k", "Defense budget", "quantity", unit="USD")
    rels = find_relations(_corpus([("a", CONVERTED), ("b", q(64, "USD", "billion"))], key))
    assert [r.kind for r in rels] == ["agreement"]
    key = KeyDef("k", "Defense budget", "quantity", unit="EUR")
    rels = find_relations(_corpus([("a", CONVERTED), ("b", q(60, "EUR", "billion"))], key))
    assert [r.kind for r in rels] == ["annotation-problem"]  # no expression in euros: no conversion is made


def test_either_alternative_may_match() -> None:
    key = KeyDef("k", "GDP", "quantity", tolerance=Tolerance(0.001))
    either = q(3.1, "USD", "trillion", ((3.2, None, "trillion", "USD", "exact"),))
    for other in (3.1, 3.2):
        rels = find_relations(_corpus([("a", either), ("b", q(other, "USD", "trillion"))], key))
        assert [r.kind for r in rels] == ["agreement"], other
    rels = find_relations(_corpus([("a", either), ("b", q(3.2, "USD", "trillion"))], key))
    assert "USD 3.2 trillion (alternate of USD 3.1 trillion)" in rels[0].explanation
    rels = find_relations(_corpus([("a", either), ("b", q(3.5, "USD", "trillion"))], key))
    assert [r.kind for r in rels] == ["contradiction"]


# --------------------------------------------------------------------------- the claims file

def _files(tmp_path: Path, value: str) -> Path:
    root = tmp_path / "c"
    assert CliRunner().invoke(app, ["init", str(root)]).exit_code == 0
    (root / "sources" / "a.txt").write_text("Japan\n\nThe cabinet approved 9.1 trillion yen ($64 billion) for defense.\n")
    (root / "a.claims.yaml").write_text(
        "format: 1\nbrief: {id: a, title: Japan, source: sources/a.txt, published: 2024-03-01}\nclaims:\n"
        f"  - id: budget\n    quote: \"9.1 trillion yen ($64 billion)\"\n    topics: [economy]\n    value: {value}\n")
    return root


def test_check_reads_alternates(tmp_path: Path) -> None:
    root = _files(tmp_path, "{amount: 9.1, scale: trillion, unit: JPY, alternates: [{amount: 64, scale: bn, unit: $}]}")
    res = CliRunner().invoke(app, ["check", str(root), "--ignore", "source-hash-missing"])
    assert res.exit_code == 0, res.output
    for cache in (False, True, True):  # read, then written to the cache and read back from it
        (claim,) = load_corpus([root], cache=cache).corpus.briefs[0].claims
        assert claim.value.alternates == ((64.0, None, "billion", "USD", "exact"),)


@pytest.mark.parametrize("value, message", [
    ("{amount: 9.1, unit: JPY, alternates: {amount: 64}}", "alternates must be a list"),
    ("{amount: 9.1, unit: JPY, alternates: [{amount: 64, colour: red}]}", 'unknown field "colour"'),
    ("{amount: 9.1, unit: JPY, alternates: [{unit: USD}]}", 'required field "amount"'),
])
def test_a_bad_alternate_is_located(tmp_path: Path, value: str, message: str) -> None:
    root = _files(tmp_path, value)
    res = CliRunner().invoke(app, ["check", str(root)])
    assert res.exit_code != 0 and message in res.output
    assert "a.claims.yaml:7:" in res.output  # on the claim's value line


def test_a_conversion_bridges_a_key_of_two_currencies() -> None:
    # "591.48 trillion yen, or $4.21 trillion" with another brief's yen and a third's dollars: one key,
    # each currency compared on its own, the converted figure in both
    key = KeyDef("k", "Nominal GDP", "quantity", tolerance=Tolerance(0.01))
    both = q(591.48, "JPY", "trillion", ((4.21, None, "trillion", "USD", "exact"),))
    rels = find_relations(_corpus([("a", both), ("b", q(591, "JPY", "trillion")), ("c", q(4.2, "USD", "trillion"))], key))
    assert sorted((r.kind, tuple(c.brief for c in r.claims)) for r in rels) == \
        [("agreement", ("a", "b")), ("agreement", ("a", "c"))]
    rels = find_relations(_corpus([("a", both), ("b", q(591, "JPY", "trillion")), ("c", q(4.5, "USD", "trillion"))], key))
    assert sorted(r.kind for r in rels) == ["agreement", "contradiction"]
    # with nothing written in both, two currencies under one key are still an annotation problem
    rels = find_relations(_corpus([("b", q(591, "JPY", "trillion")), ("c", q(4.2, "USD", "trillion"))], key))
    assert [r.kind for r in rels] == ["annotation-problem"]


# --------------------------------------------------------------------------- the whole path

def test_init_annotate_align_compare_with_a_conversion(tmp_path: Path, draft_corpus) -> None:
    """A yen figure with its dollar conversion agrees with a report in yen and with one in dollars."""
    import json

    texts = {
        "wire": "Japan GDP\n\nWire | 15 February 2024\n\nJapan's nominal gross domestic product in 2023 came to "
                "591.48 trillion yen, or $4.21 trillion, the government said on Thursday.\n",
        "daily": "Japan economy\n\nDaily | 15 February 2024\n\nJapan's nominal gross domestic product in 2023 was "
                 "591.48 trillion yen, the cabinet office said.\n",
        "agency": "Japan output\n\nAgency | 16 February 2024\n\nJapan's nominal gross domestic product in 2023 was "
                  "$4.21 trillion, the government said.\n",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    runner = CliRunner()
    root = draft_corpus(tmp_path / "c", [tmp_path / f"{name}.txt" for name in texts])
    assert "alternates: [{amount: 4.21, scale: trillion, unit: USD}]" in (root / "wire.claims.yaml").read_text()
    assert runner.invoke(app, ["align", str(root), "--apply"]).exit_code in (0, 1)
    r = runner.invoke(app, ["compare", str(root), "--format", "json"])
    relations = json.loads(r.stdout)["relations"]
    found = {(x["kind"], tuple(sorted(c["brief"] for c in x["claims"]))) for x in relations}
    assert ("agreement", ("daily", "wire")) in found and ("agreement", ("agency", "wire")) in found
    assert not [x for x in relations if x["kind"] in ("contradiction", "annotation-problem")]
    dollars = next(x for x in relations if x["kind"] == "agreement" and "agency" in {c["brief"] for c in x["claims"]})
    assert "USD 4.21 trillion (alternate of JPY 591.48 trillion)" in dollars["explanation"]


def test_a_value_edit_keeps_the_alternates() -> None:
    from briefcmp.drafting.valueedit import _set_value, parse_value

    text = ("claims:\n  - id: budget\n    quote: \"9.1 trillion yen ($64 billion)\"\n"
            "    value: {amount: 9.1, scale: trillion, unit: JPY, alternates: [{amount: 64, scale: billion, unit: USD}]}\n")
    claim = Claim(id="budget", brief="a", quote="q", value=CONVERTED, line=2)
    edited = _set_value(text, claim, parse_value(CONVERTED, "9.12"))
    assert "value: {amount: 9.12, scale: trillion, unit: JPY, alternates: [{amount: 64, scale: billion, unit: USD}]}" \
        in edited
    assert edited.replace("9.12", "9.1") == text  # nothing else changed
