"""Candidate keys: claims of different briefs that look like answers to the same question.

Only claims without a shared key are considered (no key, or a key no other brief uses).
They are bucketed by (topics, subjects, kind of value: its type and, for figures, what it
measures); only claims in the same bucket are compared, so the cost stays linear in the
number of claims for buckets of bounded size. Within a bucket, claims are clustered by
wording (shared content words); figures of the same kind need less shared wording.
Nothing is ever merged: the result is a list for a person to review.

Figures (quantities) are grouped by the engine of `briefcmp align` (subjects, unit, measured
words, period; see ``briefcmp.analysis.align``), so `compare --suggest` lists what `align`
would key and what it leaves as candidates; the wording buckets below cover the other claims
and the figures align could not place.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass

from briefcmp.corpus import units
from briefcmp.corpus.functionwords import FUNCTION_WORDS, PERCENT_WORDS, SAYING, SCALE_WORDS
from briefcmp.corpus.model import Claim, Config, Corpus

# Jaccard similarity of content words needed to put two claims together.
FIGURE_THRESHOLD = 0.25  # same topics, subjects and unit already say a lot
WORDING_THRESHOLD = 0.25
MAX_CLUSTERS_PER_BUCKET = 50  # bounds the work per claim in a pathological bucket

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_STOP = FUNCTION_WORDS | SCALE_WORDS | PERCENT_WORDS | SAYING | frozenset(("up", "will"))


@dataclass
class Suggestion:
    """Claims that may answer the same question; ``key`` is an existing key to reuse, if any."""

    id: str
    claims: list[Claim]
    reason: str
    key: str = ""
    score: float = 0.0  # mean wording similarity to the first claim, 0..1


def words(claim: Claim, config: Config) -> frozenset[str]:
    """Content words of the paraphrase (or the quote), without subject names and stop words."""
    text = (claim.text or claim.quote).lower()
    names = set()
    for s in claim.subjects:
        e = config.entities.get(s)
        for name in (s, *(e.aliases if e else ()), e.label if e else ""):
            names.update(_WORD.findall(name.lower()))
    return frozenset(_stem(w) for w in _WORD.findall(text) if w not in _STOP and w not in names and not w.isdigit())


def _stem(word: str) -> str:
    """A crude suffix strip, so that "sanctions" meets "sanctioned" and "imports" meets "imported"."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _signature(claim: Claim) -> tuple[str, str]:
    v = claim.value
    if v is None:
        return ("none", "")
    if v.type == "quantity":
        return ("quantity", units.comparable(units.canonical_unit(v.unit), 0.0)[0])
    if v.type == "rank":
        return ("rank", " ".join(v.unit.lower().split()))
    return (v.type, "")


def _leaf_topics(claim: Claim, config: Config) -> tuple[str, ...]:
    """The claim's topics without those implied by a more specific one it also names."""
    implied = {a for t in claim.topics for a in config.topic_ancestors(t)[1:]}
    return tuple(sorted(set(claim.topics) - implied))


def suggest_keys(corpus: Corpus) -> list[Suggestion]:
    """Candidate groups of claims to put under one key, most similar first."""
    from briefcmp.analysis.align import align
    from briefcmp.analysis.decisions import corpus_store, screen

    store = corpus_store(corpus)  # what a person decided in `align --review` holds here too
    result = screen(align(corpus), store, corpus)
    apart = store.apart()[0] if store.decisions else set()
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for c in corpus.claims():
        if c.key:
            by_key[c.key].append(c)
    aligned = [_from_group(g, by_key.get(g.key, []) if not g.new else []) for g in [*result.groups, *result.candidates]]
    placed = [frozenset(c.ref for c in s.claims) for s in aligned]
    rest = [s for s in _by_wording(corpus) if not any(frozenset(c.ref for c in s.claims) <= p for p in placed)
            and not any(frozenset((a.ref, b.ref)) in apart for i, a in enumerate(s.claims) for b in s.claims[i + 1:])]
    out = aligned + rest
    out.sort(key=lambda s: (-round(s.score, 6), s.id))
    return out


def _from_group(g, keyed: list[Claim]) -> Suggestion:
    """A group of the align engine as a suggestion (with the claims already under its key, if any)."""
    claims = sorted([*keyed, *(m.claim for m in g.members)], key=lambda c: c.ref)
    unit = g.unit or "counts"
    reason = (f"same subjects {', '.join(g.subjects) or '(none)'}, "
              f"{'both' if len(claims) == 2 else 'all'} give quantity in {unit}; "
              + "; ".join(p for p in g.reason.split("; ") if p.startswith(("shared words", "period"))))
    if not g.new:
        reason += f"; if they answer the same question, give them all key {g.key}"
    elif g.sure:
        reason += f"; `briefcmp align --apply` keys them as {g.key}"
    else:
        reason += f"; not sure ({g.doubt}): if they answer the same question, register a key for them"
    refs = [c.ref for c in claims]
    digest = hashlib.sha1("\n".join(refs).encode("utf-8")).hexdigest()[:10]
    return Suggestion(f"suggest:{digest}", claims, reason, "" if g.new else g.key, 1.0 if g.sure else 0.5)


def _by_wording(corpus: Corpus) -> list[Suggestion]:
    """Claims alike by topics, subjects, kind of value and wording."""
    config = corpus.config
    briefs_by_key: dict[str, set[str]] = defaultdict(set)
    for c in corpus.claims():
        if c.key:
            briefs_by_key[c.key].add(c.brief)
    buckets: dict[tuple, list[Claim]] = defaultdict(list)
    for c in corpus.claims():
        if c.key and len(briefs_by_key[c.key]) > 1:
            continue  # already compared under a shared key
        topics, subjects = _leaf_topics(c, config), tuple(sorted(set(c.subjects)))
        if not topics and not subjects:
            continue  # nothing says what it is about
        buckets[(topics, subjects, _signature(c))].append(c)

    out: list[Suggestion] = []
    for bucket_key in sorted(buckets):
        claims = sorted(buckets[bucket_key], key=lambda c: c.ref)
        if len({c.brief for c in claims}) < 2:
            continue
        vtype, dim = bucket_key[2]
        figure = vtype in ("quantity", "rank")
        threshold = FIGURE_THRESHOLD if figure else WORDING_THRESHOLD
        clusters: list[tuple[frozenset[str], list[tuple[Claim, float]]]] = []
        for c in claims:
            w = words(c, config)
            for rep, members in clusters:
                sim = jaccard(w, rep)
                if sim >= threshold:
                    members.append((c, sim))
                    break
            else:
                if len(clusters) < MAX_CLUSTERS_PER_BUCKET:
                    clusters.append((w, [(c, 1.0)]))
        for _, members in clusters:
            group = [c for c, _ in members]
            if len({c.brief for c in group}) < 2:
                continue
            score = sum(s for _, s in members[1:]) / (len(members) - 1)
            out.append(_suggestion(group, score, bucket_key, figure, dim, vtype))
    out.sort(key=lambda s: (-round(s.score, 6), s.id))
    return out


def _suggestion(group: list[Claim], score: float, bucket_key: tuple, figure: bool, dim: str, vtype: str) -> Suggestion:
    topics, subjects, _ = bucket_key
    keys = sorted({c.key for c in group if c.key})
    what = f"{vtype} in {dim}" if figure and dim else ("figures" if figure else vtype if vtype != "none" else "")
    parts = [f"topics {', '.join(topics) or '(none)'}", f"subjects {', '.join(subjects) or '(none)'}"]
    reason = "same " + " and ".join(parts)
    if what:
        reason += f", both give {what}" if len(group) == 2 else f", all give {what}"
    reason += f"; wording {score:.0%} alike"
    if len(keys) == 1:
        reason += f"; if they answer the same question, give them all key {keys[0]}"
    elif keys:
        reason += f"; they use different keys ({', '.join(keys)}): if they answer the same question, use one"
    else:
        reason += "; if they answer the same question, register a key for them"
    refs = sorted(c.ref for c in group)
    digest = hashlib.sha1("\n".join(refs).encode("utf-8")).hexdigest()[:10]
    return Suggestion(f"suggest:{digest}", group, reason, keys[0] if len(keys) == 1 else "", score)
