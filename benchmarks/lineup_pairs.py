"""Where the gold pairs of a lineup set end after align, and why pairs of one relation end apart.

Runs a set as ``lineup_eval`` does (init -> add every source), then align's real path in process
(``analysis.align.align`` on the loaded corpus), and for each gold pair of claims (two quotes of one
gold relation) says where it ended:

- ``applied``: one sure group (``align --apply`` keys them together)
- ``candidate``: one candidate group (a person is asked)
- ``apart``: each in another group; ``one grouped``: only one in a group; ``neither grouped``
- ``not drafted``: a quote no claim matches

and, for a pair not together, the first difference of the two figures as grouping sees them, in this
order: ``subject``, ``unit``, ``words none`` (``measure.word_match`` finds no match), ``words maybe``,
``period``, ``kind`` (fact/forecast, vintage, basis), else ``same`` (alike, kept apart by something
else: a group's constraints, evidence). With ``--words`` it counts the words found on one side only of
the pairs whose words differ (what step 2 of issue 21 attacks).

Usage: python benchmarks/lineup_pairs.py SET_FOLDER ... [-v] [--words] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval  # noqa: E402
from lineup_match import meant  # noqa: E402

ORDER = ("applied", "candidate", "apart", "one grouped", "neither grouped", "not drafted")


def _ref(m) -> str:
    return f"{m.claim.brief}:{m.claim.id}"  # as lineup_eval names a claim


def _members(corpus_dir: Path):
    """align run on the corpus; every figure as grouping saw it (ref -> Member) and the result."""
    from briefcmp.analysis import align as align_mod
    from briefcmp.analysis import grouping
    from briefcmp.cli.app import default_paths
    from briefcmp.corpus.cache import load_corpus

    seen: dict[str, list] = {}
    real = grouping.new_keys

    def spy(rest, *args, **kw):
        for m in rest:  # a conversion ("USD 5.0 billion (EUR 4.6 billion)") is one member per expression
            seen.setdefault(_ref(m), []).append(m)
        return real(rest, *args, **kw)

    grouping.new_keys = spy
    try:
        corpus = load_corpus(default_paths([corpus_dir])).corpus
        result = align_mod.align(corpus)
    finally:
        grouping.new_keys = real
    return seen, result


def _shown(m) -> dict:
    """What grouping read of a figure, for --json."""
    return {"subjects": list(m.subjects), "unit": m.unit, "period": m.period, "how": m.period_how,
            "kind": m.claim.kind, "basis": m.basis, "vintage": m.vintage, "from": m.subjects_from}


_CLOSENESS = ("subject", "unit", "words none", "words maybe", "period", "kind", "same")


def _bucket_unit(unit: str) -> str:
    from briefcmp.corpus import units

    return "" if units.is_physical(unit) else unit  # as grouping buckets: "kt" and "tonnes" share one


def first_difference(a, b) -> tuple[str, str]:
    """The first thing that tells two described figures apart, and what it is."""
    from briefcmp.analysis.measure import word_match

    if a.subjects != b.subjects:
        return "subject", f"{a.subjects} / {b.subjects}"
    if (a.dim, _bucket_unit(a.unit)) != (b.dim, _bucket_unit(b.unit)):
        return "unit", f"{a.unit} / {b.unit}"
    match = word_match(a.words, b.words)
    words = f"{' '.join(sorted(a.words - b.words)) or '-'} / {' '.join(sorted(b.words - a.words)) or '-'}"
    if not match:
        return "words none", words
    if match == "maybe":
        return "words maybe", words
    if a.period != b.period:
        return "period", f"{a.period} ({a.period_how}) / {b.period} ({b.period_how})"
    if (a.claim.kind, a.vintage, a.basis) != (b.claim.kind, b.vintage, b.basis):
        return "kind", f"{a.claim.kind} {a.vintage} {a.basis} / {b.claim.kind} {b.vintage} {b.basis}"
    return "same", words


def pairs_of(folder: Path, work: Path) -> list[dict]:
    from yaml import safe_load

    run = lineup_eval.run_set(folder, work, align=False)
    seen, result = _members(work / folder.name)
    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    where: dict[str, list[tuple[str, int]]] = {}
    for kind, groups in (("applied", result.groups), ("candidate", result.candidates)):
        for i, g in enumerate(groups):
            for m in g.members:
                where.setdefault(_ref(m), []).append((kind, i))

    def matching(item: dict) -> set[str]:
        return {lineup_eval._ref(c) for c in run.claims
                if lineup_eval.claim_matches(c, item["source"], item["quote"], run.sources)}

    values = {lineup_eval._ref(c): c["value"] for c in run.claims}
    out = []
    for rel in gold.get("relations") or []:
        items = rel.get("claims") or []
        # a quote writing two figures names the one its partners share (lineup_match.meant), not the first
        quotes = list(zip(items, meant([matching(q) for q in items], values)))
        for i in range(len(quotes)):
            for j in range(i + 1, len(quotes)):
                (qa, ra), (qb, rb) = quotes[i], quotes[j]
                if qa["source"] == qb["source"] and qa["quote"] == qb["quote"]:
                    continue
                row = {"set": folder.name, "relation": rel.get("kind"), "note": str(rel.get("note", ""))[:80],
                       "a": f"{qa['source']}: {qa['quote'][:70]}", "b": f"{qb['source']}: {qb['quote'][:70]}"}
                if not ra or not rb:
                    out.append({**row, "where": "not drafted", "diff": "", "detail": ""})
                    continue
                # figures first: a quote of a figure may also match a date claim of its sentence
                pairs = sorted(((x, y) for x in ra for y in rb), key=lambda p: (not (p[0] in seen and p[1] in seen), p))
                state = "neither grouped"
                for kind in ("applied", "candidate"):
                    if any({g for k, g in where.get(x, []) if k == kind} & {g for k, g in where.get(y, []) if k == kind}
                           for x, y in pairs):
                        state = kind
                        break
                else:
                    grouped = [(bool(where.get(x)), bool(where.get(y))) for x, y in pairs]
                    state = "apart" if any(p == (True, True) for p in grouped) else \
                        "one grouped" if any(any(p) for p in grouped) else "neither grouped"
                diff = detail = ""
                if state not in ("applied", "candidate"):
                    x, y = pairs[0]
                    if x in seen and y in seen:
                        # of a conversion's expressions, the two closest (the euros of "USD 5.0 billion (EUR 4.6
                        # billion)" against "4.6 billion euros")
                        ma, mb = max(((a, b) for a in seen[x] for b in seen[y]),
                                     key=lambda p: _CLOSENESS.index(first_difference(*p)[0]))
                        diff, detail = first_difference(ma, mb)
                        row["words_a"], row["words_b"] = sorted(ma.words), sorted(mb.words)
                        row["seen_a"], row["seen_b"] = _shown(ma), _shown(mb)
                    else:
                        diff, detail = "not described", ""
                out.append({**row, "where": state, "diff": diff, "detail": detail})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="+", help="set folders (with gold.yaml), or a folder of them")
    ap.add_argument("-v", "--verbose", action="store_true", help="each pair not together, with its difference")
    ap.add_argument("--words", action="store_true", help="count the words on one side only of pairs whose words differ")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    folders = [f for s in args.sets for f in lineup_eval.folders_for(s)]
    if not folders:
        print("no sets (folders with gold.yaml)", file=sys.stderr)
        return 2
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            rows += pairs_of(folder, Path(tmp))
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    states = Counter(r["where"] for r in rows)
    print(f"{len(rows)} gold pairs: " + ", ".join(f"{k} {states[k]}" for k in ORDER))
    diffs = Counter(r["diff"] for r in rows if r["diff"])
    print("first difference of the pairs not together: " + ", ".join(f"{k} {n}" for k, n in diffs.most_common()))
    for state in ("apart", "one grouped", "neither grouped"):
        d = Counter(r["diff"] for r in rows if r["where"] == state)
        print(f"  {state}: " + ", ".join(f"{k} {n}" for k, n in d.most_common()))
    if args.words:
        one_side = Counter()
        for r in rows:
            if r["diff"] in ("words none", "words maybe", "same") and "words_a" in r:
                a, b = set(r["words_a"]), set(r["words_b"])
                one_side.update(a ^ b)
        print("words on one side only: " + ", ".join(f"{w} {n}" for w, n in one_side.most_common(60)))
    if args.verbose:
        for r in rows:
            if r["where"] not in ("applied", "candidate"):
                print(f"{r['set']} [{r['where']}] {r['diff']}: {r['detail']}\n    {r['a']}\n    {r['b']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
