"""The five bundled sources from nothing, with a simulated analyst answering `align --review`.

Runs ``fromscratch.fromscratch`` twice in one process: automatic (init -> annotate ->
``align --apply`` -> compare) and with decisions, where after ``align --apply`` an analyst
answers every prompt ``align --review`` asks, through the same core the command uses
(``briefcmp.analysis.decide``: ``accept`` keys a group as ``--apply`` does, ``reject`` records it).
The analyst knows the reviewed corpus (``briefs/``): it answers **y** when every claim of
the group matches a reviewed claim (same brief, overlapping quote, the figure written in
it) and those reviewed claims share one key, else **n**. With ``--split`` it answers **s**
when two or more of the claims share a key and the others not, keeping those (one
decision), then **y** on them. Like a person, it runs ``--review`` again while new
proposals appear (an accepted key draws in claims that join it), at most five rounds.

Printed: the relations found (of the reviewed corpus's, by value type) automatic and with
decisions, false contradictions, the decisions asked and decisions per relation found.
Targets (issue 22): with decisions at least 80% of the reviewed relations, at most 1.5
decisions per relation found.

With ``--lineup dev`` (or test, or a set folder) the same analyst answers on the lineup sets
(``lineup_eval.run_set``), from each set's ``gold.yaml``: gold relations that share a quote are
one question; a group holding both claims of a trap is answered n.

With ``--all`` nothing is applied before the analyst (no ``align --apply``): every group, sure
ones included, is decided by a person.

With ``--dates`` the analyst, before answering y, types the as-of the reviewed corpus gives a claim
that has none (a brief with no publication date) or only its publication date where the reviewed
claim states another (``e``, as ``align --review`` takes it; one decision per group edited).

Usage: python benchmarks/fromscratch_review.py [-v] [--split] [--dates] [--json] [--lineup dev [--all]]
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
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

from fromscratch import BRIEFS, FromScratch, _matches, fromscratch  # noqa: E402
from lineup_eval import norm  # noqa: E402

ROUNDS = 5


@dataclass
class Analyst:
    """What the simulated analyst was asked and answered."""

    split: bool = False
    dates: bool = False  # e: the analyst types the as-of a reader gives before keying (counted as a decision)
    # Asked to add claims to a key, the analyst compares them with the key's claims of their period when it has
    # some (those `align --review` shows first), not with every claim under it: a key holding one measure's
    # 2024, 2025 and 2026 figures spans three gold relations, and the strict rule answers n to every claim of
    # 2026 joining it, where a person reading the prompt answers y (lane figreview14; off by default).
    same_period: bool = False
    asked: int = 0
    answers: Counter = field(default_factory=Counter)  # y / n / s
    failed: list[str] = field(default_factory=list)  # accepts that could not be written
    rounds: int = 0
    log: list[str] = field(default_factory=list)


def _as_dict(claim) -> dict:
    v = claim.value
    value: dict = {}
    if v is not None:
        value = {"type": v.type}
        if v.amount is not None:
            value["amount"] = v.amount
        if v.date is not None:
            value["date"] = str(v.date)
        if v.category:
            value["category"] = v.category
    return {"brief": claim.brief, "quote": claim.quote, "value": value}


class Oracle:
    """Which questions a careful reader puts a drafted claim under; ``answer`` is the analyst's reply."""

    def keys(self, claim) -> set[str]:
        raise NotImplementedError

    def apart(self, claims) -> bool:
        """Whether two of the claims must never share a key (a trap)."""
        return False

    def as_of(self, claim) -> str:
        """The as-of a careful reader gives the claim ("" when it says none or several)."""
        return ""

    def answer(self, group, keyed: list) -> tuple[str, list[str]]:
        """y / n, or s with the refs to keep (``keyed``: claims already under a registered key joined)."""
        members = [m.claim for m in group.members]
        common = None
        for c in [*keyed, *members]:
            ks = self.keys(c)
            common = ks if common is None else common & ks
        if common and not self.apart([*keyed, *members]):
            return "y", []
        counts = Counter(k for c in members for k in self.keys(c))
        if keyed:
            base = set.intersection(*(self.keys(c) for c in keyed))
            counts = Counter({k: n for k, n in counts.items() if k in base})
        best = [k for k, n in counts.most_common(1) if n >= (1 if keyed else 2)]
        if best:
            keep = [c for c in members if best[0] in self.keys(c)]
            if not self.apart([*keyed, *keep]):
                return "s", [c.ref for c in keep]
        return "n", []


class Reviewed(Oracle):
    """The reviewed corpus's keys for a drafted claim (same brief, overlapping quote, figure written in it)."""

    def __init__(self, corpus_path: Path) -> None:
        from briefcmp.corpus.cache import load_corpus

        reviewed = load_corpus([BRIEFS], cache=False).corpus
        self.texts = {p.stem: norm(p.read_text(encoding="utf-8")) for p in (corpus_path / "sources").glob("*.txt")}
        self.by_brief: dict[str, list[tuple[dict, str]]] = {}
        self.periods: dict[str, list[tuple[dict, str]]] = {}
        for b in reviewed.briefs:
            for c in b.claims:
                if c.key:
                    self.by_brief.setdefault(b.id, []).append((_as_dict(c), c.key))
                    if c.as_of is not None and not c.as_of_inferred:
                        self.periods.setdefault(b.id, []).append((_as_dict(c), str(c.as_of)))

    def as_of(self, claim) -> str:
        d = _as_dict(claim)
        found = {p for r, p in self.periods.get(claim.brief, ()) if _matches(d, r, self.texts)}
        return found.pop() if len(found) == 1 else ""

    def keys(self, claim) -> set[str]:
        d = _as_dict(claim)
        word = _number_word(d["value"].get("amount"))
        # A figure written as a word in the reviewed quote ("the four disputed islands") is written there too.
        loose = {**d, "value": {k: v for k, v in d["value"].items() if k != "amount"}} if word else None
        return {key for r, key in self.by_brief.get(claim.brief, ())
                if _matches(d, r, self.texts)
                or (loose is not None and re.search(rf"\b{word}\b", r["quote"], re.I) and _matches(loose, r, self.texts))}


_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def _number_word(amount) -> str:
    """"four", "twenty-seven" for a whole number under 100 (a pattern: hyphen or space), else ""."""
    if amount is None or float(amount) != int(amount) or not 0 <= int(amount) < 100:
        return ""
    n = int(amount)
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + (f"[- ]{_ONES[n % 10]}" if n % 10 else "")


class Gold(Oracle):
    """A lineup set's gold: relations that share a quote are one question; traps are never joined."""

    def __init__(self, folder: Path, corpus_path: Path) -> None:
        from yaml import safe_load

        gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
        self.sources = {p.stem: norm(p.read_text(encoding="utf-8")) for p in (corpus_path / "sources").glob("*.txt")}
        rels = [r.get("claims") or [] for r in gold.get("relations") or []]
        parent = list(range(len(rels)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        seen: dict[tuple[str, str], int] = {}
        for i, quotes in enumerate(rels):
            for q in quotes:
                j = seen.setdefault((q["source"], norm(q["quote"])), i)
                parent[root(i)] = root(j)
        self.quotes = [(q["source"], q["quote"], f"q{root(i)}") for i, quotes in enumerate(rels) for q in quotes]
        self.traps = [t["claims"][:2] for t in gold.get("traps") or [] if len(t.get("claims") or []) >= 2]

    def _hits(self, claim, source: str, quote: str) -> bool:
        from lineup_eval import claim_matches

        return claim_matches(_as_dict(claim) | {"quote": norm(claim.quote)}, source, quote, self.sources)

    def keys(self, claim) -> set[str]:
        return {k for source, quote, k in self.quotes if self._hits(claim, source, quote)}

    def apart(self, claims) -> bool:
        return any(any(self._hits(c, a["source"], a["quote"]) for c in claims)
                   and any(self._hits(c, b["source"], b["quote"]) for c in claims) for a, b in self.traps)


def make_analyst(stats: Analyst, oracle_for):
    """The analyst hook: ``oracle_for(corpus_path)`` gives the ``Oracle`` it answers from."""
    def analyst(corpus_path: Path) -> None:
        from briefcmp.analysis.decide import ReviewError, accept, pending, reject, split, start
        from briefcmp.corpus.cache import load_corpus

        def reload():
            return load_corpus([corpus_path], cache=False).corpus

        oracle = oracle_for(corpus_path)
        for _ in range(ROUNDS):
            session = start(reload(), reload)
            queue = list(session.proposals)
            if not queue:
                break
            stats.rounds += 1
            while queue:
                g = pending(session, queue.pop(0))
                if g is None:  # keyed with another group meanwhile: --review does not ask
                    continue
                under = set(session.under.get(g.key, ())) if not g.new else set()  # keyed before and in this session
                keyed = [c for b in session.corpus.briefs for c in b.claims if c.ref in under]
                if stats.same_period and keyed:
                    periods = {m.period for m in g.members if m.period}
                    keyed = [c for c in keyed if str(c.as_of or "") in periods] or keyed
                ans, keep = oracle.answer(g, keyed)
                if ans == "s" and not stats.split:
                    ans = "n"
                stats.asked += 1
                stats.answers[ans] += 1
                stats.log.append(f"{ans} {g.key}: {', '.join(m.claim.ref for m in g.members)}")
                try:
                    if ans == "y":
                        g = _dates(session, g, oracle, stats) if stats.dates else g
                        accept(session, g)
                    elif ans == "n":
                        reject(session, g)
                    else:
                        queue[:0] = split(session, g, keep)  # each part is asked, as --review asks it
                except ReviewError as exc:
                    stats.failed.append(f"{g.key}: {exc}")

    return analyst


def _dates(session, group, oracle: Oracle, stats: Analyst):
    """e before y: the as-of of claims with none (an undated brief), or with only the publication date where
    the reader gives another, typed as ``align --review``'s e writes it (one decision for the group)."""
    from dataclasses import replace

    from briefcmp.drafting.valueedit import ValueEditError, parse_as_of, set_as_ofs

    edits = {}
    for m in group.members:
        c = m.claim
        want = oracle.as_of(c)
        if want and (c.as_of is None or c.as_of_inferred and str(c.as_of) != want):
            edits[c.ref] = want
    if not edits:
        return group
    stats.asked += 1
    stats.answers["e"] += 1
    stats.log.append(f"e {group.key}: as of " + ", ".join(f"{r} {p}" for r, p in sorted(edits.items())))
    try:
        session.written += set_as_ofs(session.reload(), {r: parse_as_of(p) for r, p in edits.items()})
    except ValueEditError as exc:
        stats.failed.append(f"{group.key}: as-of: {exc}")
        return group
    fresh = {c.ref: c for b in session.reload().briefs for c in b.claims}
    return replace(group, members=[replace(m, claim=fresh.get(m.claim.ref, m.claim), period=edits[m.claim.ref],
                                           period_how="") if m.claim.ref in edits else m for m in group.members])


def run(split: bool = False, dates: bool = False, everything: bool = False) -> tuple[FromScratch, FromScratch, Analyst]:
    """Automatic and with the analyst (``everything``: nothing applied before the analyst)."""
    stats = Analyst(split=split, dates=dates)
    with tempfile.TemporaryDirectory() as tmp:
        auto = fromscratch(Path(tmp) / "auto")
    with tempfile.TemporaryDirectory() as tmp:
        decided = fromscratch(Path(tmp) / "review", analyst=make_analyst(stats, Reviewed), apply=not everything)
    return auto, decided, stats


def lineup(folders: list[Path], split: bool = False, everything: bool = False,
           dates: bool = False) -> list[tuple[str, object, object, Analyst]]:
    """Each lineup set automatic and with the analyst answering from its gold: (name, score, score, stats).
    ``everything``: no ``--apply`` before the analyst, who then decides the sure groups too."""
    from lineup_eval import run_set, score_set

    out = []
    for folder in folders:
        stats = Analyst(split=split, dates=dates)
        with tempfile.TemporaryDirectory() as tmp:
            auto = score_set(folder, run_set(folder, Path(tmp)))
        with tempfile.TemporaryDirectory() as tmp:
            decided = score_set(folder, run_set(folder, Path(tmp), align=not everything,
                                                analyst=make_analyst(stats, lambda c, f=folder: Gold(f, c))))
        out.append((folder.name, auto, decided, stats))
    return out


def lineup_report(rows, verbose: bool = False) -> str:
    lines = ["| set | gold | found automatic | found with decisions | decisions | false contr. auto / with decisions | "
             "traps joined auto / with decisions |", "|---|---|---|---|---|---|---|"]
    tot = Counter()
    for name, auto, decided, stats in rows:
        lines.append(f"| {name} | {decided.gold} | {auto.found} | {decided.found} | {stats.asked} | "
                     f"{len(auto.false_contradictions)} / {len(decided.false_contradictions)} | "
                     f"{len(auto.trap_failures)} / {len(decided.trap_failures)} |")
        tot.update(gold=decided.gold, auto=auto.found, found=decided.found, asked=stats.asked,
                   false_auto=len(auto.false_contradictions), false=len(decided.false_contradictions),
                   traps_auto=len(auto.trap_failures), traps=len(decided.trap_failures))
        if verbose:
            lines += [f"  {name}: {x}" for x in stats.log] + [f"  {name}: FAILED {x}" for x in stats.failed]
            lines += [f"  {name}: TRAP JOINED {x}" for x in decided.trap_failures]
            lines += [f"  {name}: FALSE CONTRADICTION {x}" for x in decided.false_contradictions]
    per = f"{tot['asked'] / tot['found']:.2f}" if tot["found"] else "n/a"
    lines.append(f"| **all** | {tot['gold']} | {tot['auto']} | {tot['found']} | {tot['asked']} | "
                 f"{tot['false_auto']} / {tot['false']} | {tot['traps_auto']} / {tot['traps']} |")
    lines.append(f"\ndecisions per relation found: {per}")
    return "\n".join(lines)


def _total(r: FromScratch) -> tuple[int, int]:
    return sum(r.found.values()), sum(r.reviewed.values())


def report(auto: FromScratch, decided: FromScratch, stats: Analyst, verbose: bool = False) -> str:
    lines = ["| value type | reviewed relations | found automatic | found with decisions |", "|---|---|---|---|"]
    for t in ("figures", "dates", "categories", "stances", "mixed"):
        if decided.reviewed[t]:
            lines.append(f"| {t} | {decided.reviewed[t]} | {auto.found[t]} | {decided.found[t]} |")
    fa, n = _total(auto)
    fd, _ = _total(decided)
    per = f"{stats.asked / fd:.2f}" if fd else "n/a (nothing found)"
    lines += ["", f"automatic: {fa}/{n} ({fa / n if n else 0:.0%}), false contradictions {len(auto.false_contradictions)}",
              f"with decisions ({'y/n' + '/s' * stats.split + '/e' * stats.dates} analyst): {fd}/{n} ({fd / n if n else 0:.0%}), "
              f"false contradictions {len(decided.false_contradictions)}; decisions asked {stats.asked} "
              f"(y {stats.answers['y']}, n {stats.answers['n']}, s {stats.answers['s']}, e {stats.answers['e']}; "
              f"{stats.rounds} review "
              f"round{'s' * (stats.rounds != 1)}); decisions per relation found {per}",
              "targets: with decisions >= 80% of the reviewed relations, <= 1.5 decisions per relation found"]
    if verbose:
        lines += [f"  {x}" for x in stats.log] + [f"  FAILED {x}" for x in stats.failed]
        lines += [f"  FALSE CONTRADICTION {x}" for x in decided.false_contradictions]
        lines += [f"  error {e}" for e in [*auto.errors, *decided.errors]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--split", action="store_true", help="the analyst also splits groups (s)")
    ap.add_argument("--dates", action="store_true", help="the analyst also types the as-of the reviewed corpus gives "
                    "a claim with none or only its publication date (e, one decision per group), before y")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--lineup", metavar="dev|test|FOLDER", help="run the lineup sets instead, answering from gold.yaml")
    ap.add_argument("--all", action="store_true", help="no align --apply first; the analyst decides the sure groups "
                    "too")
    args = ap.parse_args(argv)
    if args.lineup:
        from lineup_eval import folders_for

        print(lineup_report(lineup(folders_for(args.lineup), args.split, args.all, args.dates), args.verbose))
        return 0
    auto, decided, stats = run(args.split, args.dates, args.all)
    if args.json:
        print(json.dumps({"reviewed": sum(decided.reviewed.values()), "found_automatic": sum(auto.found.values()),
                          "found_with_decisions": sum(decided.found.values()), "decisions": stats.asked,
                          "answers": stats.answers, "false_contradictions": decided.false_contradictions,
                          "failed": stats.failed}, indent=1))
    else:
        print(report(auto, decided, stats, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
