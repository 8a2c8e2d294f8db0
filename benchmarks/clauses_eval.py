"""Clause recall: statements drafted from sentences written for this benchmark (benchmarks/clauses/sentences.yaml).

Each sentence lists the statements a careful reader drafts from it (actor, verb lemma, value); background
sentences list none. ``read_facts`` is run on each (with the sentence's home country, if given), and a
statement counts as found when a fact has its actor (one of the ids listed), verb and value. Recall: found /
expected; precision: facts that match an expected statement / facts drafted (a background sentence's facts are
all wrong). Printed by half: ``tune`` (rules may be read against it) and ``check`` (look only at the figures).

    .venv/bin/python benchmarks/clauses_eval.py [--half tune|check] [-v]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefcmp.analysis.entities import Entities  # noqa: E402
from briefcmp.analysis.facts import read_facts  # noqa: E402
from briefcmp.analysis.factsubjects import Context  # noqa: E402

DATA = Path(__file__).resolve().parent / "clauses" / "sentences.yaml"


def _as_set(x) -> set[str]:
    return {str(v) for v in (x if isinstance(x, list) else [x])}


def score(rows: list[dict], verbose: bool = False) -> dict:
    """Expected, found, drafted and right counts over ``rows`` (and the misses and extras, when verbose)."""
    expected = found = drafted = right = 0
    notes: list[str] = []
    for row in rows:
        context = Context(row.get("home", ""))
        facts = read_facts(row["text"], Entities(None), context=context)
        got = [(f.actor, f.verb, f.value) for f in facts]
        want = [(_as_set(w["actor"]), _as_set(w["verb"]), str(w["value"])) for w in row.get("facts") or []]
        used: set[int] = set()
        for actors, verbs, value in want:
            expected += 1
            k = next((k for k, (a, v, val) in enumerate(got) if k not in used and a in actors and v in verbs
                      and val == value), None)
            if k is None:
                notes.append(f"  missed {sorted(actors)[0]}/{sorted(verbs)[0]}/{value}: {row['text']}  got {got}")
            else:
                used.add(k)
                found += 1
        drafted += len(got)
        right += len(used)
        for k, g in enumerate(got):
            if k not in used and not any(g[0] in a and g[1] in v for a, v, _ in want):
                notes.append(f"  extra {g}: {row['text']}")
    return {"expected": expected, "found": found, "drafted": drafted, "right": right, "notes": notes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "check"), action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    rows = yaml.safe_load(DATA.read_text())["sentences"]
    for half in args.half or ("tune", "check"):
        s = score([r for r in rows if r["half"] == half])
        recall = s["found"] / max(s["expected"], 1)
        precision = s["right"] / max(s["drafted"], 1)
        print(f"clauses {half}: recall {s['found']}/{s['expected']} ({100 * recall:.0f}%), "
              f"precision {s['right']}/{s['drafted']} ({100 * precision:.0f}%)")
        if args.verbose and half == "tune":  # the check half is read by its figures only
            print("\n".join(s["notes"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
