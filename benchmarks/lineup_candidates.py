"""How precise align's candidates are, by the evidence they lack (issue 21, point 6: a calibrated threshold).

Runs each lineup set as ``lineup_eval`` does (init -> add every source; ``--drafted DIR`` keeps or reuses
the drafted corpora), then align's real path in process, and labels every pair of claims of two briefs that
a candidate would put under one key (a candidate to join a key applied in the same run: the claim with each
claim of that key) from the gold:

- ``right``: one gold relation holds both claims (any kind);
- ``trap``: a gold trap parts them;
- ``wrong``: both are in gold relations, none of them the same;
- ``unjudged``: a claim no gold relation names.

Pairs are tabulated by the kinds of evidence the candidate lacks (``analysis.missingevidence``), and by
its shape (``1/brief``: one claim per brief and one period; else ``mixed``); each candidate is labelled
too: all its judged pairs right, mixed, none right, or joining a trap. Precision is right / (right +
wrong + trap). ``FC risk``: judged pairs not right whose periods are one and whose values differ (keying them
would likely set them against each other). A class is applied only where it is at least 97% precise with
enough support; see RESULTS.md ("lane cand15"). The value is never a column of the classes.

Usage: python benchmarks/lineup_candidates.py [dev|SET_FOLDER ...] [--half s12 ...] [--drafted DIR] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval  # noqa: E402


def halves(base: Path) -> dict[str, list[str]]:
    """Half -> its sets, as evalall groups them: a set belongs to the first README-heldout-*.md (by name) whose
    table names it (a README without ``-sN``: ``s2``); the sets none names are ``old``."""
    sets = sorted(p.parent.name for p in base.glob("*/gold.yaml"))
    owner: dict[str, str] = {}
    for readme in sorted(base.glob("README-heldout-*.md")):
        tag = m.group(1) if (m := re.search(r"-(s\d+)\.md$", readme.name)) else "s2"
        table = re.findall(r"^\|\s*\**([a-z0-9][a-z0-9-]*)\**\s*\|", readme.read_text(encoding="utf-8"), re.M)
        owner.update((name, tag) for name in table if name in sets and name not in owner)
    out: dict[str, list[str]] = defaultdict(list)
    for name in sets:
        out[owner.get(name, "old")].append(name)
    return dict(out)


def _ref(m) -> str:
    return f"{m.claim.brief}:{m.claim.id}"


def label_pairs(folder: Path, corpus_dir: Path) -> list[dict]:
    """Every candidate of align on the drafted corpus, with its pairs labelled from the gold."""
    from yaml import safe_load

    from briefcmp.analysis import evidence
    from briefcmp.analysis.align import FIGURE_TYPES, align
    from briefcmp.analysis.missingevidence import missing
    from briefcmp.cli.app import default_paths
    from briefcmp.corpus.cache import load_corpus

    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    claims = lineup_eval._claims(corpus_dir, safe_load)
    sources = {p.stem: lineup_eval.norm(p.read_text(encoding="utf-8")) for p in (corpus_dir / "sources").glob("*.txt")}

    def matching(item: dict) -> set[str]:
        return {lineup_eval._ref(c) for c in claims
                if lineup_eval.claim_matches(c, item["source"], item["quote"], sources)}

    relations = [[matching(q) for q in g.get("claims") or []] for g in gold.get("relations") or []]
    traps = [(matching(t["claims"][0]), matching(t["claims"][1])) for t in gold.get("traps") or []
             if len(t.get("claims") or []) >= 2]
    in_gold = set().union(*(q for quotes in relations for q in quotes))

    def label(x: str, y: str) -> str:
        if any(x in a and y in b for quotes in relations for i, a in enumerate(quotes)
               for j, b in enumerate(quotes) if i != j):
            return "right"
        if any((x in a and y in b) or (x in b and y in a) for a, b in traps):
            return "trap"
        return "wrong" if x in in_gold and y in in_gold else "unjudged"

    result = align(load_corpus(default_paths([corpus_dir])).corpus)
    applied = {g.key: g.members for g in result.groups}
    rows = []
    for g in result.candidates:
        if not g.members or g.members[0].claim.value is None or g.members[0].claim.value.type not in FIGURE_TYPES:
            continue
        core = [] if g.new else applied.get(g.key, [])
        every = [*g.members, *core]
        per_brief = Counter(m.claim.brief for m in every)
        shape = "1/brief" if max(per_brief.values()) == 1 and len({m.period for m in every}) == 1 else "mixed"
        pairs = []
        for i, a in enumerate(g.members):
            for b in every[i + 1:]:
                if a.claim.brief != b.claim.brief:
                    lab = label(_ref(a), _ref(b))
                    pairs.append({"a": _ref(a), "b": _ref(b), "label": lab,
                                  "fc_risk": lab != "right" and lab != "unjudged" and a.dated and a.period == b.period
                                  and not evidence.close(a, b)})
        rows.append({"set": folder.name, "key": g.key, "new": g.new, "missing": list(missing(g.doubt)),
                     "shape": shape, "doubt": g.doubt, "pairs": pairs})
    return rows


def table(rows: list[dict], by_shape: bool = True) -> list[str]:
    cells: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        key = (", ".join(r["missing"]) or "-", r["shape"] if by_shape else "")
        cells[key]["groups"] += 1
        labels = {p["label"] for p in r["pairs"]} - {"unjudged"}
        cells[key]["g " + ("trap" if "trap" in labels else "all right" if labels == {"right"} else
                           "mixed" if "right" in labels else "none right")] += 1
        for p in r["pairs"]:
            cells[key][p["label"]] += 1
            cells[key]["fc_risk"] += p["fc_risk"]
    out = ["| evidence missing | shape | groups | all right/mixed/none/trap | pairs right | wrong | trap | unjudged | "
           "precision | FC risk |", "|---|---|---|---|---|---|---|---|---|---|"]
    total: Counter = Counter()
    for (what, shape), c in sorted(cells.items(), key=lambda kv: -kv[1]["right"]):
        judged = c["right"] + c["wrong"] + c["trap"]
        total.update(c)
        shapes = "/".join(str(c["g " + g]) for g in ("all right", "mixed", "none right", "trap"))
        out.append(f"| {what} | {shape} | {c['groups']} | {shapes} | {c['right']} | {c['wrong']} | {c['trap']} | "
                   f"{c['unjudged']} | "
                   f"{c['right'] / judged:.0%} | {c['fc_risk']} |" if judged else
                   f"| {what} | {shape} | {c['groups']} | {shapes} | 0 | 0 | 0 | {c['unjudged']} | n/a | 0 |")
    judged = total["right"] + total["wrong"] + total["trap"]
    shapes = "/".join(str(total["g " + g]) for g in ("all right", "mixed", "none right", "trap"))
    out.append(f"| **all** | | {total['groups']} | {shapes} | {total['right']} | {total['wrong']} | {total['trap']} | "
               f"{total['unjudged']} | {total['right'] / judged if judged else 0:.0%} | {total['fc_risk']} |")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sets", nargs="*", default=["dev"], help="dev, or set folders (with gold.yaml)")
    ap.add_argument("--half", action="append", default=[], help="only the sets of these halves (README-heldout-*)")
    ap.add_argument("--drafted", help="keep (or reuse) each set's drafted corpus in this folder")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    folders = [f for s in args.sets for f in lineup_eval.folders_for(s)]
    if args.half:
        owner = {s: h for base in {f.parent for f in folders} for h, ss in halves(base).items() for s in ss}
        folders = [f for f in folders if owner.get(f.name) in args.half]
    if not folders:
        print("no sets (folders with gold.yaml)", file=sys.stderr)
        return 2
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        kept = Path(args.drafted) if args.drafted else Path(tmp) / "drafted"
        kept.mkdir(parents=True, exist_ok=True)
        for folder in folders:
            corpus = kept / folder.name
            if not (corpus / "briefcmp.yaml").exists():
                shutil.rmtree(corpus, ignore_errors=True)
                lineup_eval.run_set(folder, Path(tmp) / "work", align=False, drafted=kept)
            rows += label_pairs(folder, corpus)
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print("\n".join(table(rows, by_shape=False)))
    print()
    print("\n".join(table(rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
