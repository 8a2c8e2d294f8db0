"""Where the statement path loses each gold pair (issue 22): a diagnostic over benchmarks/facts sets.

Each set is drafted as the eval drafts it (``lineup_eval.run_set``, no align) and read as ``alignfacts`` reads
it (``factread.read_statements``). Every two quotes of one gold relation from two briefs are a gold pair, put
in the first class that loses it:

- ``not drafted``: no claim overlaps one of the quotes;
- ``no value``: a claim overlaps it, but none with a category or stance value written in the quote;
- ``not read``: drafted with a value, but ``read_statements`` reads no statement of it;
- then the likest two statements of the two quotes (by the shipped linker's probability) are compared:
  ``actor`` (neither one actor, one standing for the other, nor a body and its part), ``action`` (neither one
  lemma, one kind of step, one WordNet sense nor opposite steps), ``role`` (a fact and a forecast, ...),
  ``period`` (the stated periods do not meet, or lie in different years), ``not scored`` (no shared clause
  word: ``factlink.pairs`` never compares them), ``below bar`` (scored under the applied bar);
- ``linked``: the linker scores the pair at or above its applied bar, but ``align --apply`` keyed the two
  apart (doubt, one statement per brief: a candidate at most);
- ``keyed``: ``align --apply`` put the two statements under one key (whichever rule did).

Run it on the tuning halves only (never the check halves or ``test``: ``-v`` prints the quotes).

Usage: python benchmarks/facts_losses.py FOLDER ... [--cache DIR] [-v CLASS]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval as le  # noqa: E402

CLASSES = ("not drafted", "no value", "not read", "actor", "action", "role", "period", "not scored",
           "below bar", "linked", "keyed")


def _verdict(f: dict[str, float], p: float, scored: bool, bar: float) -> str:
    """The first test the pair fails, from its ``factlink`` features."""
    if not (f["actor_same"] or f["actor_stands_for"] or f["actor_part_of"]):
        return "actor"
    if not (f["action_same"] or f["action_family"] or f["action_wordnet"] or f["action_opposite"]):
        return "action"
    if not f["role_same"]:
        return "role"
    if f["years_apart"] or not f["periods_meet"]:
        return "period"
    if not scored:
        return "not scored"
    return "linked" if p >= bar else "below bar"


def _candidate_refs(corpus: Path) -> list[set[tuple[str, str]]]:
    """The (brief, claim) pairs of each candidate ``align`` still proposes on the applied corpus (never applied)."""
    import json

    from typer.testing import CliRunner

    from briefcmp.cli import app

    r = CliRunner().invoke(app, ["align", str(corpus), "--format", "json"])
    try:
        found = json.loads(r.stdout).get("candidates") or []
    except ValueError:
        return []
    return [{(c["brief"], c["claim"]) for c in g.get("claims") or []} for g in found]


def losses(folder: Path, work: Path, drafted: Path | None, likest: list | None = None,
           asked: list | None = None) -> list[tuple[str, str, str, str]]:
    """The set's gold pairs as (class, quote a, quote b, what the likest statements read as); ``likest``, when
    given, gets one (class, statement a, statement b, features by name, probability) per pair read on both sides
    (``facts_firstdiff.py`` reads them); ``asked``, when given, gets the class of each pair read on both sides and
    not keyed whose two quotes' claims sit in one candidate ``align`` proposes to a person (never applied)."""
    from yaml import safe_load

    from briefcmp.analysis import factlink
    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.factnominal import read_acts
    from briefcmp.analysis.factread import read_statements
    from briefcmp.corpus.cache import load_corpus

    aligned = le.run_set(folder, work / "aligned", align=True, drafted=drafted)
    key_of = {(c["brief"], c["claim"]): c.get("key") for c in aligned.claims}
    proposed = _candidate_refs(work / "aligned" / folder.name) if asked is not None else []
    le.run_set(folder, work, align=False, drafted=drafted)
    corpus = load_corpus([work / folder.name], cache=False).corpus
    claims = [c for c in corpus.claims()]
    statements, _ = read_statements(corpus, Entities(corpus.config))
    read_acts(statements)  # as alignfacts reads them
    sources = {p.stem: le.norm(p.read_text(encoding="utf-8")) for p in (work / folder.name / "sources").glob("*.txt")}
    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    linker = factlink.model()
    bar = linker.threshold if linker else 1.0
    ctx = factlink.Context(statements) if statements else None
    scored = {(i, j): x for i, j, x in factlink.described(statements, ctx)} if statements else {}
    index = {id(st): n for n, st in enumerate(statements)}

    def stage(q: dict) -> tuple[str, list[int]]:
        near = [c for c in claims if le.claim_matches({"brief": c.brief, "quote": le.norm(c.quote), "value": {}},
                                                      q["source"], q["quote"], sources)]
        if not near:
            return "not drafted", []
        # a category or stance value is never a figure the quote must write (``value_written_in``)
        valued = [c for c in near if c.value is not None and c.value.type in ("category", "stance")]
        if not valued:
            return "no value", []
        ids = {id(c) for c in valued}
        found = [index[id(st)] for st in statements if id(st.claim) in ids]
        return ("not read", []) if not found else ("", found)

    out = []
    for rel in gold.get("relations") or []:
        quotes = rel.get("claims") or []
        stages = [stage(q) for q in quotes]
        for n, qa in enumerate(quotes):
            for m in range(n + 1, len(quotes)):
                qb = quotes[m]
                if qa["source"] == qb["source"]:
                    continue
                (sa, xs), (sb, ys) = stages[n], stages[m]
                lost = next((s for s in CLASSES if s in (sa, sb)), "")
                if lost:
                    out.append((lost, qa["quote"], qb["quote"], ""))
                    continue
                best = None
                keyed = {key_of.get((statements[x].claim.brief, statements[x].claim.id)) for x in xs}
                if keyed & {key_of.get((statements[y].claim.brief, statements[y].claim.id)) for y in ys} - {None}:
                    out.append(("keyed", qa["quote"], qb["quote"], ""))
                    continue
                for x in xs:
                    for y in ys:
                        if statements[x].claim.brief == statements[y].claim.brief:
                            continue
                        i, j = min(x, y), max(x, y)
                        feats = scored.get((i, j))
                        p = linker.probability(feats) if feats is not None and linker else 0.0
                        if feats is None:
                            feats = factlink.features(statements[i], statements[j], ctx) + [0.0, 0.0, 0.0]
                        f = dict(zip(factlink.NAMES, feats))
                        verdict = _verdict(f, p, (i, j) in scored, bar)
                        rank = (CLASSES.index(verdict), p)
                        if best is None or rank > best[0]:
                            a, b = statements[i], statements[j]
                            best = (rank, verdict, f"{a.actor}/{a.action}/{a.role} ~ {b.actor}/{b.action}/{b.role}"
                                                   f" p={p:.2f}", (a, b, f, p))
                if asked is not None and best is not None:
                    ra = {(statements[x].claim.brief, statements[x].claim.id) for x in xs}
                    rb = {(statements[y].claim.brief, statements[y].claim.id) for y in ys}
                    if any(g & ra and g & rb for g in proposed):
                        asked.append(best[1])
                if best is None:
                    out.append(("not read", qa["quote"], qb["quote"], "one brief"))
                else:
                    out.append((best[1], qa["quote"], qb["quote"], best[2]))
                    if likest is not None:
                        likest.append((best[1], *best[3]))
    return out


def gold_folders(names: list[str]) -> list[Path] | None:
    """The set folders named, or None after saying which holds no gold.yaml (``path:1:1: message``)."""
    for name in names:
        if not (Path(name) / "gold.yaml").exists():
            print(f"{name}:1:1: no gold.yaml in this folder", file=sys.stderr)
            return None
    return [Path(name) for name in names]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--cache", help="a folder keeping each set's drafted corpus (scripts/train_factlinker.py's "
                                    "CACHE/drafted), so that a second run drafts nothing")
    ap.add_argument("-v", "--verbose", action="append", default=[], help="print the pairs of this class")
    args = ap.parse_args()
    total, asked = Counter(), Counter()
    folders = gold_folders(args.folders)
    if folders is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            (Path(tmp) / "aligned").mkdir(exist_ok=True)
            here: list = []
            found = losses(folder, Path(tmp), Path(args.cache) if args.cache else None, asked=here)
            counts = Counter(c for c, *_ in found)
            total.update(counts)
            asked.update(here)
            print(f"{folder.name}: " + ", ".join(f"{c} {counts[c]}" for c in CLASSES if counts[c])
                  + (f"; in one candidate {len(here)}" if here else ""))
            for c, qa, qb, how in found:
                if c in args.verbose:
                    print(f"  [{c}] {qa!r}\n      ~ {qb!r}\n      {how}")
    print("all: " + ", ".join(f"{c} {total[c]}" for c in CLASSES if total[c]) + f" (of {sum(total.values())})")
    print("of those not keyed, in one candidate (a person's decision away): "
          + ", ".join(f"{c} {asked[c]}" for c in CLASSES if asked[c]) + f" (of {sum(asked.values())})")
    print(ends(total, asked))
    return 0


# Where a gold pair ends, as ``lineup_pairs.py`` says it for figures: each class, the pairs a candidate holds apart.
ENDS = (("not drafted", ("not drafted",)), ("no value", ("no value",)), ("not read", ("not read",)),
        ("apart: actor", ("actor",)), ("apart: action", ("action",)), ("apart: role or period", ("role", "period")),
        ("apart: not compared", ("not scored",)), ("apart: below the bar", ("below bar", "linked")))


def ends(total: Counter, asked: Counter) -> str:
    """One line: where the gold pairs end (not drafted ... apart by the first difference, candidate, applied)."""
    parts = [f"{label} {sum(total[c] - asked[c] for c in classes)}" for label, classes in ENDS]
    return ("where each gold pair ends: " + ", ".join(parts) + f", candidate {sum(asked.values())}, applied "
            f"{total['keyed']} (of {sum(total.values())})")


if __name__ == "__main__":
    raise SystemExit(main())
