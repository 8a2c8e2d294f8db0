"""The sets whose figures differ between two ``halves_eval.py --out`` files, per family.

usage: python benchmarks/halves_compare.py START.json END.json [family]
"""

from __future__ import annotations

import json
import sys

FIELDS = ("found", "pairs_found", "keys_right", "keys_wrong", "false_contradictions", "trap_failures", "errors",
          "fc", "dec_found", "asked", "drafted")


def _count(v) -> int:
    return len(v) if isinstance(v, list) else (v or 0)


def differences(start: dict, end: dict, families: list[str] | None = None) -> list[str]:
    """One line a set whose counts differ: family, half, set, and each count start -> end."""
    lines = []
    for family in families or sorted(set(start) & set(end)):
        a = {r["name"]: (h, r) for h, rows in start[family].items() for r in rows}
        b = {r["name"]: (h, r) for h, rows in end[family].items() for r in rows}
        for name in sorted(set(a) & set(b), key=lambda s: (a[s][0], s)):
            x, y = a[name][1], b[name][1]
            diffs = [f"{k} {_count(x.get(k))}->{_count(y.get(k))}" for k in FIELDS
                     if (k in x or k in y) and _count(x.get(k)) != _count(y.get(k))]
            if diffs:
                lines.append(f"{family:6} {a[name][0]:4} {name:32} " + ", ".join(diffs))
    return lines


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as fa, open(sys.argv[2], encoding="utf-8") as fb:
        start, end = json.load(fa), json.load(fb)
    print("\n".join(differences(start, end, sys.argv[3:4] or None)))


if __name__ == "__main__":
    main()
