"""Why a gold statement is not drafted with a value, and whether drafted ones carry the right actor and polarity
(issue 22): a diagnostic over benchmarks/facts sets, per gold quote (not per pair, as ``facts_losses.py``).

Each set is drafted as the eval drafts it (``lineup_eval.run_set``, no align) and read as ``alignfacts`` reads it
(``factread.read_statements``). Every gold quote goes in the first class that holds it:

- ``no claim``: no claim of its brief overlaps the quote, with a reason read from where the quote stands: ``no
  sentence drafted`` (no claim anywhere in its sentence), ``participle`` / ``relative`` / ``reported`` /
  ``nominal`` (the quote opens at a participle, follows "which/who/that", follows a verb of saying, or holds no
  finite verb), ``other`` (its sentence has claims, elsewhere);
- ``no value``: a claim overlaps it, none with a category or stance value;
- ``not read``: drafted with a value, no statement read of it;
- ``no actor`` / ``thing actor``: its statement's actor is empty, or a common noun phrase read as the actor (an
  event or thing: "the decision", "the move", "gas deliveries"), not an entity, person or office;
- ``ok``: drafted with a value and an entity as actor.

Polarity: in a gold agreement, two quotes drafted with values yes and no (or support and oppose) are a
polarity error of one of them (``polarity``, counted per pair).

Run it on the tuning halves only (``-v`` prints the quotes).

Usage: python benchmarks/facts_causes.py FOLDER ... [--cache DIR] [-v CLASS]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))
sys.path.insert(0, str(ROOT))

import lineup_eval as le  # noqa: E402

_OPPOSED = ({"yes", "no"}, {"support", "oppose"})


def _reason(text: str, at: int, quote: str, claims_in_sentence: bool) -> str:
    """Where a quote no claim covers stands: the first reason that holds."""
    from briefcmp.analysis import nlp
    from briefcmp.analysis.factwords import SAYING

    if not claims_in_sentence:
        return "no sentence drafted"
    tokens = nlp.tag(quote)
    before = text[max(0, at - 60):at].rstrip()
    last = re.findall(r"[A-Za-z']+", before)[-1:]
    if tokens and tokens[0].tag in ("VBG", "VBN") and (not before or before[-1] in ",;:(" or last and last[0].lower()
                                                        in ("and", "by", "after", "before")):
        return "participle"
    if last and last[0].lower() in ("which", "who", "that", "whom"):
        return "relative" if last[0].lower() != "that" else "reported"
    if last and nlp.tag(last[0]) and nlp.tag(last[0])[0].lemma in SAYING | {"say", "tell", "add", "warn", "claim"}:
        return "reported"
    if not any(t.tag in ("VBD", "VBZ", "VBP", "MD") for t in tokens):
        return "nominal"
    return "other"


def causes(folder: Path, work: Path, drafted: Path | None):
    """(class, reason, source, quote, read) per gold quote, and the polarity errors as (quote a, quote b, values)."""
    from yaml import safe_load

    from briefcmp.analysis.entities import Entities
    from briefcmp.analysis.factread import read_statements
    from briefcmp.corpus.cache import load_corpus

    le.run_set(folder, work, align=False, drafted=drafted)
    corpus = load_corpus([work / folder.name], cache=False).corpus
    claims = list(corpus.claims())
    entities = Entities(corpus.config)
    statements, _ = read_statements(corpus, entities)
    by_claim = {}
    for st in statements:
        by_claim.setdefault(id(st.claim), []).append(st)
    sources = {p.stem: le.norm(p.read_text(encoding="utf-8")) for p in (work / folder.name / "sources").glob("*.txt")}
    gold = safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}

    def matches(c, q):
        return le.claim_matches({"brief": c.brief, "quote": le.norm(c.quote), "value": {}}, q["source"], q["quote"],
                                sources)

    def valued(c):
        return c.value is not None and c.value.type in ("category", "stance")

    out, values = [], {}
    seen = set()
    for part in ("relations", "traps"):
        for rel in gold.get(part) or []:
            for q in rel.get("claims") or []:
                k = (q["source"], q["quote"])
                if k in seen:
                    continue
                seen.add(k)
                near = [c for c in claims if matches(c, q)]
                text = sources.get(q["source"], "")
                nq = le.norm(q["quote"])
                if not near:
                    at = text.find(nq)
                    s0 = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1 if at >= 0 else 0
                    e0 = text.find(". ", at + len(nq)) if at >= 0 else -1
                    e0 = len(text) if e0 < 0 else e0
                    in_sentence = any(c.brief == q["source"] and valued(c) and s0 <= text.find(le.norm(c.quote)) < e0
                                      for c in claims)
                    reason = _reason(text, at, nq, in_sentence) if at >= 0 else "quote not found"
                    out.append(("no claim", reason, q["source"], q["quote"], ""))
                    continue
                good = [c for c in near if valued(c)]
                if not good:
                    out.append(("no value", "", q["source"], q["quote"], ""))
                    continue
                values[k] = {c.value.category or c.value.stance for c in good}
                sts = [st for c in good for st in by_claim.get(id(c), [])]
                if not sts:
                    out.append(("not read", "", q["source"], q["quote"], ""))
                    continue
                read = "; ".join(f"{st.actor}/{st.action}" for st in sts)
                kinds = {_actor_kind(st, entities) for st in sts}
                kind = next(k for k in ("ok", "event actor", "thing actor", "no actor") if k in kinds)
                out.append((kind, "", q["source"], q["quote"], read))
    polarity = []
    for rel in gold.get("relations") or []:
        if rel.get("kind") != "agreement":
            continue
        qs = [(q["source"], q["quote"]) for q in rel.get("claims") or []]
        for n, a in enumerate(qs):
            for b in qs[n + 1:]:
                va, vb = values.get(a), values.get(b)
                if va and vb and not (va & vb) and any(va | vb >= o and va & o and vb & o for o in _OPPOSED):
                    polarity.append((a[1], b[1], f"{sorted(va)} ~ {sorted(vb)}"))
    return out, polarity


def _actor_kind(st, entities) -> str:
    """"ok" for an entity, person or office; "event actor" for a noun of an act or state read as the actor ("the
    decision", "the move", "the ban"); "thing actor" for another common noun phrase; "no actor"."""
    from briefcmp.analysis import lexicon
    from briefcmp.analysis.factnouns import STATE_NOUNS, verb_of
    from briefcmp.analysis.factsubjects import BODY_NOUNS, GOVERNMENT_NOUNS, NATIONAL_TITLES, countries_ids

    actor = getattr(st.fact, "actor", "") or st.actor
    if not actor:
        return "no actor"
    if actor in countries_ids() or actor not in entities.adopted:
        return "ok"
    label = entities.label(actor)
    words = label.replace("-", " ").split()
    head = words[-1].lower() if words else ""
    if any(w[:1].isupper() for w in words) or head in BODY_NOUNS | GOVERNMENT_NOUNS | NATIONAL_TITLES:
        return "ok"
    lemma = lexicon.lemma(head)
    derived = verb_of(lemma)
    if derived and derived != lemma or lexicon.is_action(lemma) or lemma in STATE_NOUNS:
        return "event actor"
    return "thing actor"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--cache", help="a folder keeping each set's drafted corpus, so that a second run drafts nothing")
    ap.add_argument("-v", "--verbose", action="append", default=[], help="print the quotes of this class or reason")
    args = ap.parse_args()
    missing = [name for name in args.folders if not (Path(name) / "gold.yaml").exists()]
    if missing:  # every folder is checked before any is drafted
        print(f"{missing[0]}:1:1: no gold.yaml in this folder", file=sys.stderr)
        return 2
    total, reasons, pol = Counter(), Counter(), 0
    with tempfile.TemporaryDirectory() as tmp:
        for folder in map(Path, args.folders):
            found, polarity = causes(folder, Path(tmp), Path(args.cache) if args.cache else None)
            total.update(c for c, *_ in found)
            reasons.update(r for c, r, *_ in found if r)
            pol += len(polarity)
            for c, r, src, q, read in found:
                if c in args.verbose or r in args.verbose:
                    print(f"  [{c}{'/' + r if r else ''}] {folder.name}/{src}: {q!r}  {read}")
            if "polarity" in args.verbose:
                for a, b, v in polarity:
                    print(f"  [polarity] {folder.name}: {a!r} ~ {b!r} {v}")
    print("all: " + ", ".join(f"{c} {n}" for c, n in total.most_common()) + f" (of {sum(total.values())})")
    print("no claim: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
    print(f"polarity errors (agreement pairs drafted yes/no or support/oppose): {pol}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
