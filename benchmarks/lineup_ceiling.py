"""The ceiling of issue 21 without the value: of the gold figure pairs a careful reader can tell are one
measure from the text alone, how many does the tool line up?

Each set judged so far holds ``readable.yaml`` next to its ``gold.yaml``: for every claim of every gold
relation (keyed by relation index and quote), a careful human reader's label with the value hidden:

- ``sentence``: the sentence alone tells the measure, subject, period and basis well enough to put the
  claim under this relation's question and no other question of the set (traps, other relations);
- ``brief``: the rest of the brief is needed (headline, an earlier sentence, the date line, the issuer);
- ``fellow``: only the other reports of the event tell it;
- ``value``: only the value would tell it (issue 21 rules value closeness out as evidence);
- ``gold``: the gold relation itself is doubtful for this claim (its note says why);

with ``needs`` (which of subject, period, measure, basis, unit came from outside the sentence) and a note.

A relation (or a gold pair) is as readable as its least readable claim. The classes printed are
cumulative: **sentence** (every claim ``sentence``), **+subject** (or ``brief`` needing only the subject,
which for one event's reports is the event's own), **brief** (every claim ``sentence`` or ``brief``),
**reach** (no claim ``value`` or ``gold``: within the issue's own rule); and **strict**, reach less the
claims whose basis came from outside their sentence (a lower bound). For each, the tool's relations
found and gold pairs found on the same batch path ``lineup_eval.py`` measures (init, add every brief,
``align --apply``, ``compare``), counted the way ``lineup_eval.score_set`` counts them.

Usage: python benchmarks/lineup_ceiling.py [dev | FOLDER ...] [--half s12] [--check] [--json] [--where]
  (default: every set of benchmarks/lineup/dev with a readable.yaml; --check validates the files only)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from lineup_eval import KIND_OF, REVISION_KINDS, run_set, score_set  # noqa: E402
from lineup_match import _pinned, _ref, claim_matches, norm  # noqa: E402

FILE = "readable.yaml"
LABELS = ("sentence", "brief", "fellow", "value", "gold")  # from most to least readable
NEEDS = ("subject", "period", "measure", "basis", "unit")
# cumulative classes: (name, test on the worst label and the union of needs of the claims)
CLASSES = (
    ("sentence", lambda worst, needs: worst == "sentence"),
    ("+subject", lambda worst, needs: worst == "sentence" or (worst == "brief" and needs <= {"subject"})),
    ("brief", lambda worst, needs: worst in ("sentence", "brief")),
    ("reach", lambda worst, needs: worst not in ("value", "gold")),
    # a stricter reader: a basis (y/y, q/q, on 2019) read from the brief's frame counts as unreadable too
    ("strict", lambda worst, needs: worst not in ("value", "gold") and "basis" not in needs),
)


class ReadableError(ValueError):
    """A readable.yaml that does not fit its gold.yaml: ``str()`` is ``path:line:col: message``."""


@dataclass
class Judged:
    label: str
    needs: frozenset[str]
    note: str = ""


@dataclass
class Item:
    """One gold relation or pair: how readable, and whether the tool found it."""

    worst: str
    needs: frozenset[str]
    found: bool
    what: str = ""
    where: str = ""  # a pair: where it ended after align, and its first difference (lineup_pairs), with --where


@dataclass
class SetCeiling:
    name: str
    relations: list[Item] = field(default_factory=list)
    pairs: list[Item] = field(default_factory=list)
    claims: list[Judged] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _where(path: Path, text: str, needle: str, nth: int = 0) -> str:
    """``path:line:col`` of the nth writing of needle (1:1 when it is not there)."""
    i = -1
    for _ in range(nth + 1 if needle else 0):
        i = text.find(needle, i + 1)
        if i < 0:
            break
    if i < 0:
        return f"{path}:1:1"
    line = text.count("\n", 0, i) + 1
    return f"{path}:{line}:{i - (text.rfind(chr(10), 0, i) + 1) + 1}"


def _yaml(path: Path, text: str):
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f"{mark.line + 1}:{mark.column + 1}" if mark else "1:1"
        raise ReadableError(f"{path}:{at}: invalid YAML: {exc.problem or exc.context}") from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise ReadableError(f"{path}:1:1: invalid YAML: {exc}") from None


def load(folder: Path) -> list[list[Judged]]:
    """The judgments of one set, per gold relation and claim; ``ReadableError`` when they do not fit gold."""
    path = folder / FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadableError(f"{path}:1:1: cannot read: {exc}") from None
    data = _yaml(path, text)
    gold_path = folder / "gold.yaml"
    try:
        gold_text = gold_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReadableError(f"{gold_path}:1:1: cannot read: {exc}") from None
    gold = _yaml(gold_path, gold_text) or {}
    if not isinstance(gold, dict):
        raise ReadableError(f"{gold_path}:1:1: expected a mapping")
    if not isinstance(data, dict) or not isinstance(data.get("relations"), list):
        raise ReadableError(f"{path}:1:1: expected a mapping with a list 'relations'")
    gold_rels = gold.get("relations") or []
    if len(data["relations"]) != len(gold_rels):
        raise ReadableError(f"{path}:1:1: {len(data['relations'])} relations, gold.yaml has {len(gold_rels)}")
    out = []
    for i, (r, g) in enumerate(zip(data["relations"], gold_rels)):
        if not isinstance(r, dict) or r.get("index") != i or not isinstance(r.get("claims"), list):
            raise ReadableError(f"{_where(path, text, 'index:', i)}: relation {i}: expected index {i} and a list "
                                "'claims'")
        gclaims = g.get("claims") or []
        if len(r["claims"]) != len(gclaims):
            raise ReadableError(f"{_where(path, text, 'index:', i)}: relation {i} has {len(r['claims'])} claims, "
                                f"gold has {len(gclaims)}")
        row = []
        for c, gc in zip(r["claims"], gclaims):
            quote = c.get("quote") if isinstance(c, dict) else None
            at = _where(path, text, str(quote or ""))
            if not isinstance(c, dict) or c.get("source") != gc.get("source") or quote != gc.get("quote"):
                raise ReadableError(f"{at}: relation {i}: claim does not match gold's "
                                    f"{gc.get('source')}: {gc.get('quote')!r}")
            label, needs = c.get("label"), c.get("needs") or []
            if label not in LABELS:
                raise ReadableError(f"{at}: relation {i}: label {label!r} is not one of {', '.join(LABELS)}")
            if not isinstance(needs, list) or not all(isinstance(n, str) and n in NEEDS for n in needs):
                raise ReadableError(f"{at}: relation {i}: needs {needs!r}: each one of {', '.join(NEEDS)}")
            row.append(Judged(label, frozenset(needs), str(c.get("note") or "")))
        out.append(row)
    return out


def _worst(judged: list[Judged]) -> tuple[str, frozenset[str]]:
    worst = max((j.label for j in judged), key=LABELS.index)
    return worst, frozenset().union(*(j.needs for j in judged))


def found_by_tool(folder: Path, run) -> tuple[list[bool], list[list[tuple[int, int, bool]]]]:
    """Per gold relation: found whole, and its pairs (i, j, found), counted as ``lineup_eval.score_set`` does."""
    from yaml import safe_load

    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    pinned = _pinned(run.claims, run.sources)

    def matching(item: dict) -> set[str]:
        out = set()
        for c in run.claims:
            if not claim_matches(c, item["source"], item["quote"], run.sources):
                continue
            ref = _ref(c)
            if ref in pinned:  # a claim pinned to one writing of its value: only the quote around it
                q = norm(item["quote"])
                i = run.sources.get(item["source"], "").find(q)
                if i >= 0 and not i <= pinned[ref] < i + len(q):
                    continue
            out.add(ref)
        return out

    rel_refs = [(r["kind"], {f"{c['brief']}:{c['claim']}" for c in r.get("claims") or []}) for r in run.relations]
    found, pairs = [], []
    for g in gold.get("relations") or []:
        revision = str(g.get("note", "")).startswith("revision:")
        kinds = REVISION_KINDS if revision else KIND_OF.get(g["kind"], {g["kind"]})
        quotes = [matching(q) for q in g.get("claims") or []]
        found.append(any(kind in kinds and all(q & refs for q in quotes) for kind, refs in rel_refs))
        row = []
        for i in range(len(quotes)):
            for j in range(i + 1, len(quotes)):
                a, b = g["claims"][i], g["claims"][j]
                if a["source"] == b["source"] and a["quote"] == b["quote"]:
                    continue
                row.append((i, j, any(kind in kinds and quotes[i] & refs and quotes[j] & refs
                                      for kind, refs in rel_refs)))
        pairs.append(row)
    return found, pairs


def ceiling(folder: Path, work: Path, where: bool = False) -> SetCeiling:
    """Judgments of one set against the tool's batch run; with ``where``, each pair's end after align."""
    out = SetCeiling(folder.name)
    judged = load(folder)
    run = run_set(folder, work / "batch")
    out.errors = list(run.errors)
    found, pairs = found_by_tool(folder, run)
    score = score_set(folder, run)  # the same counts as lineup_eval, or this script has drifted from it
    if (score.found, score.pairs_found, score.pairs) != (sum(found), sum(f for r in pairs for *_, f in r),
                                                         sum(len(r) for r in pairs)):
        out.errors.append(f"counts differ from lineup_eval.score_set: found {score.found}, pairs "
                          f"{score.pairs_found}/{score.pairs}")
    for n, (row, ok, prow) in enumerate(zip(judged, found, pairs)):
        out.claims += row
        out.relations.append(Item(*_worst(row), ok, f"{n}"))
        for i, j, hit in prow:
            out.pairs.append(Item(*_worst([row[i], row[j]]), hit, f"{n}.{i}-{n}.{j}"))
    if where:
        from lineup_pairs import pairs_of  # its pairs come in the same order as found_by_tool's

        rows = pairs_of(folder, work / "where")
        if len(rows) != len(out.pairs):
            out.errors.append(f"lineup_pairs gave {len(rows)} pairs, not {len(out.pairs)}")
        for item, r in zip(out.pairs, rows):
            item.where = r["where"] + (f" / {r['diff']}" if r.get("diff") else "")
    return out


def tally(items: list[Item]) -> dict[str, tuple[int, int]]:
    """Per cumulative class: (found, total)."""
    return {name: (sum(it.found for it in items if test(it.worst, it.needs)),
                   sum(1 for it in items if test(it.worst, it.needs))) for name, test in CLASSES}


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"


def report(sets: list[SetCeiling]) -> str:
    lines = ["relations found / gold, then gold pairs found / gold, by how readable they are without the value",
             f"{'set':34} " + " ".join(f"{name:>16}" for name, _ in CLASSES) + f" {'all':>16}"]
    for s in [*sets, None]:
        name = s.name if s else "total"
        rels = [it for x in ([s] if s else sets) for it in x.relations]
        prs = [it for x in ([s] if s else sets) for it in x.pairs]
        for what, items in (("rel", rels), ("pairs", prs)):
            t = tally(items)
            cells = [_pct(*t[n]) for n, _ in CLASSES] + [_pct(sum(i.found for i in items), len(items))]
            lines.append(f"{(name if what == 'rel' else ''):28} {what:>5} " + " ".join(f"{c:>16}" for c in cells))
    claims = [j for s in sets for j in s.claims]
    lines.append("")
    lines.append("claims by label: " + ", ".join(f"{k} {v}" for k, v in
                                                 sorted(Counter(j.label for j in claims).items(),
                                                        key=lambda kv: LABELS.index(kv[0]))))
    pairs = [it for s in sets for it in s.pairs]
    lines.append("gold pairs by least readable label (found / gold): " + ", ".join(
        f"{lab} {_pct(sum(p.found for p in pairs if p.worst == lab), sum(1 for p in pairs if p.worst == lab))}"
        for lab in LABELS if any(p.worst == lab for p in pairs)))
    lines.append("needs of a claim, commonest ten: " + ", ".join(
        f"{'+'.join(sorted(k, key=NEEDS.index)) or 'none'} {v}" for k, v in
        Counter(j.needs for j in claims).most_common(10)))
    missed = [p for p in pairs if not p.found and p.worst not in ("value", "gold")]
    lines.append(f"reachable pairs missed: {len(missed)}; by the needs of the pair, commonest ten: " + ", ".join(
        f"{'+'.join(sorted(k, key=NEEDS.index)) or 'none'} {v}" for k, v in
        Counter(p.needs for p in missed).most_common(10)))
    if any(p.where for p in missed):
        subsets = [(f"class {name}", lambda p, test=test: test(p.worst, p.needs)) for name, test in CLASSES
                   if name in ("sentence", "reach")]
        subsets.append(("whose measure both sentences state", lambda p: "measure" not in p.needs))
        for name, keep in subsets:
            lost = Counter(p.where for p in missed if keep(p))
            lines.append(f"reachable pairs missed, {name} ({sum(lost.values())}), where they ended / first "
                         "difference: " + ", ".join(f"{k} {v}" for k, v in lost.most_common(8)))
    for s in sets:
        for e in s.errors:
            lines.append(f"{s.name}: {e}")
    return "\n".join(lines)


def as_json(sets: list[SetCeiling]) -> dict:
    def block(items):
        return {n: {"found": a, "total": b} for n, (a, b) in tally(items).items()}
    return {"sets": [{"name": s.name, "relations": block(s.relations), "pairs": block(s.pairs),
                      "errors": s.errors} for s in sets],
            "relations": block([i for s in sets for i in s.relations]),
            "pairs": block([i for s in sets for i in s.pairs])}


def folders_for(args: list[str], half: str = "") -> list[Path]:
    """The set folders named, or the judged dev sets (of one half: the sets its README's table lists)."""
    if args and args != ["dev"]:
        return [Path(a) for a in args]
    dev = ROOT / "lineup" / "dev"
    judged = sorted(p.parent for p in dev.glob(f"*/{FILE}"))
    if not half:
        return judged
    names: set[str] = set()
    for readme in dev.glob(f"README-heldout-*-{half}.md"):
        names |= set(re.findall(r"^\| ([a-z0-9][a-z0-9-]*) \|", readme.read_text(encoding="utf-8"), re.M))
    return [f for f in judged if f.name in names]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="*", help="set folders (default: dev sets with a readable.yaml)")
    ap.add_argument("--half", default="", help="only the judged dev sets of this half (s11, s12, ...)")
    ap.add_argument("--check", action="store_true", help="only check each readable.yaml against its gold.yaml")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--where", action="store_true",
                    help="also say where each missed pair ended after align (lineup_pairs; a second run per set)")
    ns = ap.parse_args(argv)
    folders = folders_for(ns.sets, ns.half)
    bad = [f for f in folders if not (f / FILE).is_file()]
    for f in bad:
        print(f"{f / FILE}:1:1: no {FILE} here", file=sys.stderr)
    if not folders:
        print(f"{ROOT / 'lineup' / 'dev'}:1:1: no set with a {FILE}" + (f" in half {ns.half}" if ns.half else ""),
              file=sys.stderr)
    if bad or not folders:
        return 2
    try:
        judged = {f: load(f) for f in folders}
    except ReadableError as exc:
        print(exc, file=sys.stderr)
        return 2
    if ns.check:
        n = sum(len(r) for rows in judged.values() for r in rows)
        print(f"{len(folders)} sets, {sum(len(rows) for rows in judged.values())} relations, {n} claims judged: "
              "every quote matches gold.yaml")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        sets = [ceiling(f, Path(tmp) / f"{n}", ns.where) for n, f in enumerate(folders)]
    print(json.dumps(as_json(sets), indent=1) if ns.json else report(sets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
