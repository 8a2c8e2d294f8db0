"""The five bundled sources from nothing: init -> annotate -> align --apply -> compare, no hand edit.

A new user's first run on the texts of ``briefs/sources/``: a fresh corpus, each text drafted by
``annotate --sentences`` (figures, and statements with values when the 'nlp' extra is there; the brief's title, publisher and date set as a user would type them, from
``briefs/*.claims.yaml``; nothing else is taken from the reviewed files), ``align --apply``, and
``compare --format json``. The relations found are matched to the reviewed corpus's relations
(``compare briefs/ --format json``): a reviewed relation counts as found when a found relation of
the same kind has, for each reviewed claim, a claim of the same brief whose quote overlaps the
reviewed quote and whose figure or date is written in it (see ``lineup_eval.claim_matches``).

Printed: found / reviewed by value type (figures, dates, categories, stances), and false
contradictions (found contradictions that match no reviewed contradiction). ``fromscratch()`` is
the function other benchmarks call; ``analyst`` is a hook run on the corpus after ``align --apply``
and before ``compare`` (a simulated analyst deciding candidates).

Usage: python benchmarks/fromscratch.py [-v] [--json] [--no-sentences] [--decisions [--split] [--dates] [--all]]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from lineup_eval import norm, value_written_in  # noqa: E402

BRIEFS = ROOT.parent / "briefs"
TYPES = {"quantity": "figures", "rank": "figures", "date": "dates", "category": "categories", "stance": "stances"}


@dataclass
class FromScratch:
    reviewed: Counter = field(default_factory=Counter)  # value type -> reviewed relations
    found: Counter = field(default_factory=Counter)  # value type -> of those, found
    relations: int = 0  # relations the fresh corpus shows
    contradictions: int = 0
    false_contradictions: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    keys_applied: int = 0
    statements_drafted: tuple[int, int] = (0, 0)  # reviewed category/stance claims a drafted statement overlaps
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def share(self, *types: str) -> tuple[int, int]:
        return sum(self.found[t] for t in types), sum(self.reviewed[t] for t in types)


def _compare(runner, app, corpus: Path, errors: list[str]) -> list[dict]:
    r = runner.invoke(app, ["compare", str(corpus), "--format", "json"])
    try:
        return json.loads(r.stdout)["relations"]
    except (ValueError, KeyError):
        errors.append(f"compare {corpus.name}: exit {r.exit_code}: {(r.output or '')[-300:]}")
        return []


def _set_metadata(claims_file: Path, reviewed: dict) -> None:
    """Title, publisher and date as a user types them into the drafted file's brief block."""
    text = claims_file.read_text(encoding="utf-8")
    head, sep, rest = text.partition("\nclaims:")
    lines, skipping = [], False
    for ln in head.split("\n"):
        if re.match(r"  (title|publisher|published):", ln):
            skipping = True  # and its folded continuation lines
            continue
        if skipping and ln.startswith("    "):
            continue
        skipping = False
        lines.append(ln)
    at = next(i for i, ln in enumerate(lines) if ln.startswith("brief:")) + 2  # after "  id:"
    for k in ("title", "publisher", "published"):
        if reviewed.get(k):
            lines.insert(at, f"  {k}: {json.dumps(str(reviewed[k]), ensure_ascii=False)}")
            at += 1
    claims_file.write_text("\n".join(lines) + sep + rest, encoding="utf-8")


def _kind(value: dict) -> str:
    if not isinstance(value, dict):
        return "?"
    return TYPES.get(value.get("type", ""), value.get("type", "?"))


def _matches(found: dict, reviewed: dict, texts: dict[str, str]) -> bool:
    if found["brief"] != reviewed["brief"]:
        return False
    fq, rq = norm(found["quote"]), norm(reviewed["quote"])
    text = texts.get(found["brief"], "")
    if not (fq in rq or rq in fq):
        i, j = text.find(rq), text.find(fq)
        if i < 0 or j < 0 or not (i < j + len(fq) and j < i + len(rq)):
            return False
    return value_written_in(found["value"], rq) if _kind(reviewed["value"]) in ("figures", "dates") else True


def fromscratch(work: Path, analyst: Optional[Callable[[Path], None]] = None, sentences: bool = True,
                apply: bool = True) -> FromScratch:
    """Run the path on the bundled sources in ``work`` and match it to the reviewed corpus (``sentences``:
    drafted with ``annotate --sentences``, statements with values, as issue 22's path is; ``apply``:
    ``align --apply`` before the analyst, else the analyst decides the sure groups too)."""
    import yaml
    from typer.testing import CliRunner

    from briefcmp.cli import app

    runner = CliRunner()
    out = FromScratch()
    t0 = time.perf_counter()
    corpus = work / "fromscratch"
    if corpus.exists():
        shutil.rmtree(corpus)
    runner.invoke(app, ["init", str(corpus)])
    texts: dict[str, str] = {}
    for claims in sorted(BRIEFS.glob("*.claims.yaml")):
        meta = (yaml.safe_load(claims.read_text(encoding="utf-8")) or {}).get("brief") or {}
        bid = meta["id"]
        src = BRIEFS / meta["source"]
        shutil.copy(src, corpus / "sources" / f"{bid}.txt")
        r = runner.invoke(app, ["annotate", str(corpus / "sources" / f"{bid}.txt"), "-o",
                                str(corpus / f"{bid}.claims.yaml"), *(["--sentences"] if sentences else [])])
        if r.exit_code != 0:
            out.errors.append(f"annotate {bid}: {r.output[-300:]}")
            continue
        _set_metadata(corpus / f"{bid}.claims.yaml", meta)
        texts[bid] = norm(src.read_text(encoding="utf-8"))
    before = (corpus / "briefcmp.yaml").read_text(encoding="utf-8")
    r = runner.invoke(app, ["align", str(corpus), *(["--apply"] if apply else [])])
    if r.exit_code not in (0, 1):
        out.errors.append(f"align: {r.output[-300:]}")
    after = (corpus / "briefcmp.yaml").read_text(encoding="utf-8")
    out.keys_applied = after.count("\n  ") - before.count("\n  ")  # rough: lines added to the config
    if analyst is not None:
        analyst(corpus)
    found = _compare(runner, app, corpus, out.errors)
    reviewed = _compare(runner, app, BRIEFS, out.errors)
    out.relations = len(found)
    for rel in reviewed:
        types = {_kind(c["value"]) for c in rel["claims"]}
        t = sorted(types)[0] if len(types) == 1 else "mixed"
        out.reviewed[t] += 1
        ok = any(f["kind"] == rel["kind"] and all(any(_matches(fc, rc, texts) for fc in f["claims"])
                                                  for rc in rel["claims"]) for f in found)
        out.found[t] += ok
        if not ok:
            out.missed.append(f"{t} {rel['kind']}: {rel.get('key')}")
    for f in found:
        if f["kind"] != "contradiction":
            continue
        out.contradictions += 1
        if not any(rel["kind"] == "contradiction" and all(any(_matches(fc, rc, texts) for rc in rel["claims"])
                                                          for fc in f["claims"]) for rel in reviewed):
            out.false_contradictions.append(f"{f.get('key')}: " + ", ".join(c["ref"] for c in f["claims"]))
    out.statements_drafted = _statements_drafted(corpus, texts)
    out.seconds = time.perf_counter() - t0
    return out


def _statements_drafted(corpus: Path, texts: dict[str, str]) -> tuple[int, int]:
    """(reviewed claims with a category or stance value that a drafted statement overlaps, all of them):
    how much of what the reviewed corpus says beyond figures the drafting found at all."""
    import yaml

    def statements(path: Path) -> tuple[str, list[dict]]:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        claims = [c for c in data.get("claims") or [] if isinstance(c.get("value"), dict)
                  and ("category" in c["value"] or "stance" in c["value"])]
        return (data.get("brief") or {}).get("id", ""), claims

    drafted = dict(statements(p) for p in corpus.glob("*.claims.yaml"))
    hit = total = 0
    for path in sorted(BRIEFS.glob("*.claims.yaml")):
        bid, reviewed = statements(path)
        for c in reviewed:
            total += 1
            q = {"brief": bid, "quote": str(c.get("quote") or ""), "value": c["value"]}
            hit += any(_matches({"brief": bid, "quote": str(d.get("quote") or ""), "value": d["value"]}, q, texts)
                       for d in drafted.get(bid, []))
    return hit, total


def report(r: FromScratch, verbose: bool = False) -> str:
    lines = ["| value type | reviewed relations | found |", "|---|---|---|"]
    for t in ("figures", "dates", "categories", "stances", "mixed"):
        if r.reviewed[t]:
            lines.append(f"| {t} | {r.reviewed[t]} | {r.found[t]} |")
    f, n = r.share("figures", "dates")
    fs, ns = r.share("categories", "stances")
    fa, na = r.share(*sorted(set(TYPES.values())), "mixed")
    lines += ["", f"figures and dates: {f}/{n} ({f / n if n else 1:.0%}); categories and stances: {fs}/{ns} "
              f"({fs / ns if ns else 1:.0%}); all: {fa}/{na} ({fa / na if na else 1:.0%}); relations shown: "
              f"{r.relations}; contradictions: {r.contradictions}, false: {len(r.false_contradictions)}; "
              f"{r.seconds:.1f} s",
              f"reviewed statements (categories, stances) that a drafted statement quotes: "
              f"{r.statements_drafted[0]}/{r.statements_drafted[1]}"]
    if verbose:
        lines += [*(f"  missed {m}" for m in r.missed),
                  *(f"  FALSE CONTRADICTION {x}" for x in r.false_contradictions), *(f"  error {e}" for e in r.errors)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--decisions", action="store_true", help="also with a simulated analyst answering "
                    "align --review from the reviewed corpus (benchmarks/fromscratch_review.py)")
    ap.add_argument("--split", action="store_true", help="with --decisions: the analyst also splits groups (s)")
    ap.add_argument("--dates", action="store_true", help="with --decisions: the analyst also types as-of dates (e)")
    ap.add_argument("--all", action="store_true", help="with --decisions: no align --apply first; the analyst "
                    "decides the sure groups too")
    ap.add_argument("--no-sentences", action="store_true", help="draft figures only (annotate without --sentences)")
    args = ap.parse_args(argv)
    if args.decisions:
        from fromscratch_review import main as with_decisions

        return with_decisions(["-v"] * args.verbose + ["--json"] * args.json + ["--split"] * args.split
                              + ["--dates"] * args.dates + ["--all"] * args.all)
    with tempfile.TemporaryDirectory() as tmp:
        r = fromscratch(Path(tmp), sentences=not args.no_sentences)
    if args.json:
        print(json.dumps({"reviewed": r.reviewed, "found": r.found, "false_contradictions": r.false_contradictions,
                          "relations": r.relations, "missed": r.missed, "errors": r.errors,
                          "statements_drafted": list(r.statements_drafted)}, indent=1))
    else:
        print(report(r, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
