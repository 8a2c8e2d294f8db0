"""Every benchmark set under benchmarks/lineup and benchmarks/facts is well formed.

A set is a folder of source texts (``<source-id>.txt``, ``.md`` or ``.html``) and a ``gold.yaml``
(format in the set README and /work/notes: ``event``, ``relations`` of kind agreement /
contradiction / disagreement / change, ``traps``). Checked here, for dev and test sets alike:
the schema; every claim names a source that exists in the set; every quote is found exactly once,
verbatim, in that source's text (so an eval can match a relation's quote to it without doubt);
a relation or trap has two or more claims, from two or more sources, except a contradiction
whose note says the brief contradicts itself; and each source opens as a saved document does
(a title line, then an outlet/date line).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent / "benchmarks"
FAMILIES = ("lineup", "facts")
KINDS = {"agreement", "contradiction", "disagreement", "change"}
TEXT_SUFFIXES = (".txt", ".md", ".html")


def _sets() -> list[Path]:
    found = []
    for family in FAMILIES:
        base = ROOT / family
        if base.is_dir():
            found += sorted(p.parent for p in base.glob("*/*/gold.yaml"))
    return found


SETS = _sets()


def _sources(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())
            if p.suffix in TEXT_SUFFIXES and p.name.lower() != "readme.md"}


def _gold(folder: Path) -> dict:
    with open(folder / "gold.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _ident(folder: Path) -> str:
    return "/".join(folder.parts[-3:])


def test_the_held_out_sets_are_there():
    """The held-out (test) sets this suite guards: at least 6 figure sets and 4 claim sets."""
    lineup = [s for s in SETS if s.parts[-3:-1] == ("lineup", "test")]
    facts = [s for s in SETS if s.parts[-3:-1] == ("facts", "test")]
    assert len(lineup) >= 6, lineup
    assert len(facts) >= 4, facts


def _claims_problems(where: str, claims, sources: dict[str, str]) -> list[str]:
    problems = []
    if not isinstance(claims, list) or len(claims) < 2:
        return [f"{where}: needs a list of two or more claims"]
    for i, c in enumerate(claims):
        if not isinstance(c, dict) or set(c) - {"source", "quote"} or not {"source", "quote"} <= set(c):
            problems.append(f"{where} claim {i}: must be {{source, quote}}, got {c!r}")
            continue
        src, quote = c["source"], c["quote"]
        if src not in sources:
            problems.append(f"{where} claim {i}: no source {src!r} in the set")
            continue
        if not isinstance(quote, str) or not quote.strip():
            problems.append(f"{where} claim {i}: empty quote")
            continue
        n = sources[src].count(quote)
        if n != 1:
            problems.append(f"{where} claim {i}: quote found {n} times in {src}: {quote!r}")
    return problems


@pytest.mark.parametrize("folder", SETS, ids=_ident)
def test_gold_schema_and_quotes(folder: Path):
    gold = _gold(folder)
    sources = _sources(folder)
    assert len(sources) >= 2, f"{folder}: fewer than two sources"
    assert isinstance(gold, dict), "gold.yaml is a mapping"
    assert isinstance(gold.get("event"), str) and gold["event"].strip(), "event: one line"
    relations, traps = gold.get("relations"), gold.get("traps")
    assert isinstance(relations, list) and relations, "relations: a non-empty list"
    assert isinstance(traps, list), "traps: a list"
    problems = []
    for n, rel in enumerate(relations):
        where = f"relation {n}"
        if not isinstance(rel, dict):
            problems.append(f"{where}: not a mapping")
            continue
        if rel.get("kind") not in KINDS:
            problems.append(f"{where}: kind {rel.get('kind')!r} not one of {sorted(KINDS)}")
        if not isinstance(rel.get("note"), str) or not rel["note"].strip():
            problems.append(f"{where}: a one-line note says why")
        claims = rel.get("claims")
        problems += _claims_problems(where, claims, sources)
        if isinstance(claims, list) and all(isinstance(c, dict) for c in claims):
            named = {c.get("source") for c in claims}
            itself = rel.get("kind") == "contradiction" and "itself" in str(rel.get("note", ""))
            if len(named) < 2 and not itself:
                problems.append(f"{where}: claims from one source only (allowed for a contradiction "
                                "whose note says the brief contradicts itself)")
    for n, trap in enumerate(traps):
        where = f"trap {n}"
        if not isinstance(trap, dict) or not isinstance(trap.get("why"), str) or not trap["why"].strip():
            problems.append(f"{where}: a mapping with a `why`")
            continue
        problems += _claims_problems(where, trap.get("claims"), sources)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("folder", SETS, ids=_ident)
def test_gold_quotes_keep_apart(folder: Path):
    """A trap's two claims are never also the two sides of one gold relation."""
    gold = _gold(folder)
    joined = [{(c["source"], c["quote"]) for c in r["claims"]} for r in gold["relations"]]
    for trap in gold["traps"]:
        pair = {(c["source"], c["quote"]) for c in trap["claims"]}
        assert not any(pair <= rel for rel in joined), f"trap {trap['why']!r} is also a relation"


HELD_OUT = [s for s in SETS if s.parts[-2] == "test"]


@pytest.mark.parametrize("folder", HELD_OUT, ids=_ident)
def test_held_out_sets_are_rich(folder: Path):
    """Held-out sets: 3+ traps; figure sets have 4+ sources, claim sets 3+; sources open as saved
    documents do (a title line, then an outlet and date line)."""
    gold = _gold(folder)
    sources = _sources(folder)
    assert len(gold["traps"]) >= 1 if folder.parts[-3] == "facts" else len(gold["traps"]) >= 3
    assert len(sources) >= (4 if folder.parts[-3] == "lineup" else 3)
    for name, text in sources.items():
        lines = text.splitlines()
        assert len(lines) >= 3 and lines[0].strip() and lines[1].strip(), f"{name}: title, then outlet/date"
        assert any(ch.isdigit() for ch in lines[1]) or any(ch.isdigit() for ch in lines[2]), (
            f"{name}: the second or third line carries the date")
