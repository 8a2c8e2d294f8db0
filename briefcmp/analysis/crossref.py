"""Cross-referencing: compare the claims that share a key and say what was found.

``analyse(corpus, filters) -> Analysis`` is the whole core: it groups claims by key,
classifies each group into relations (``model.Relation``), and adds coverage and
key suggestions. Nothing here prints; renderers in ``briefcmp.render`` take the result.

The comparison of the claims under one key is ``analysis.bykey``, built from the rules in
``analysis.rules`` (one module per kind of finding).

Cost is linear in the number of claims apart from sorting: claims are grouped by key,
then by period, then by value, each step a sort and a sweep; no step visits all pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Optional

from briefcmp.analysis.bykey import relations_for_key
from briefcmp.analysis.parallel import relations_for_keys
from briefcmp.analysis.rules.base import (  # noqa: F401  (re-exported: the API of the analysis)
    ERROR, INFO, SEVERITIES, WARNING, as_of_text, count_origins, origin, relation_id,
)
from briefcmp.analysis.topics import in_topics, topic_order
from briefcmp.corpus.model import RELATION_KINDS, Claim, Config, Corpus, KeyDef, Relation

if TYPE_CHECKING:  # imported lazily at run time: not every command needs them
    from briefcmp.analysis.coverage import Coverage
    from briefcmp.analysis.suggest import Suggestion
    from briefcmp.analysis.undecided import Undecided

# Relation kinds that mean the briefs conflict (``--only contradictions``, coverage "conflict").
CONFLICT_KINDS = ("contradiction", "disagreement")

ONLY = {"contradictions": CONFLICT_KINDS, "agreements": ("agreement",)}


@dataclass(frozen=True)


class Filters:
    """Which relations to keep. Empty tuples mean "all". Topics include their child topics."""

    topics: tuple[str, ...] = ()
    briefs: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {"topics": list(self.topics), "briefs": list(self.briefs), "subjects": list(self.subjects),
                "keys": list(self.keys), "kinds": list(self.kinds)}

    def accepts(self, claims: Iterable[Claim], config: Config, key: str = "") -> bool:
        """Whether a group of claims (a relation, a suggestion, or one claim) passes the brief, key,
        subject and topic filters. Subjects and topics are pooled over the claims and ``key``'s
        definition; a topic filter includes child topics. ``kinds`` is for relations only."""
        claims = list(claims)
        if self.briefs and not any(c.brief in self.briefs for c in claims):
            return False
        if self.keys and not (key in self.keys if key else any(c.key in self.keys for c in claims)):
            return False
        keydef = config.keys.get(key) if key else None
        if self.subjects:
            subjects = set(keydef.subjects if keydef else ())
            subjects.update(s for c in claims for s in c.subjects)
            if not subjects.intersection(self.subjects):
                return False
        if self.topics:
            topics = set(keydef.topics if keydef else ())
            topics.update(t for c in claims for t in c.topics)
            if not in_topics(topics, self.topics, config):
                return False
        return True


@dataclass


class Analysis:
    """One analysis of a corpus: every renderer and every output format starts from this."""

    corpus: Corpus
    relations: list[Relation]  # after filters, in report order (see ``sort_relations``)
    filters: Filters = Filters()
    all_relations: list[Relation] = field(default_factory=list)  # before filters
    coverage: Optional["Coverage"] = None
    suggestions: list["Suggestion"] = field(default_factory=list)
    suggested: bool = False  # suggestions were asked for (an empty list then means "none found")
    undecided: Optional["Undecided"] = None  # groups `align` would leave undecided (set by the CLI)
    corpus_arg: str = ""  # the corpus as the user names it, for the commands a report suggests

    def counts(self) -> dict[str, int]:
        """Number of (filtered) relations of each kind, in RELATION_KINDS order."""
        c = Counter(r.kind for r in self.relations)
        return {k: c[k] for k in RELATION_KINDS if c[k]}

    def failing(self, kinds: Iterable[str]) -> list[Relation]:
        """The (filtered) relations of these kinds that nobody has marked as reviewed."""
        wanted = set(kinds)
        return [r for r in self.relations if r.kind in wanted and not r.reviewed]

    def by_topic(self) -> list[tuple[str, list[Relation]]]:
        """Relations grouped by topic, in taxonomy order ("" = no topic, last)."""
        groups: dict[str, list[Relation]] = defaultdict(list)
        for r in self.relations:
            groups[r.topic].append(r)
        order = topic_order(self.corpus.config)
        return sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order) + (kv[0] == "")), kv[0]))


def analyse(corpus: Corpus, filters: Optional[Filters] = None, *, coverage: bool = True,
            suggestions: bool = False) -> Analysis:
    """Compare every group of claims sharing a key; add coverage and (on request) key suggestions."""
    filters = filters or Filters()
    relations = find_relations(corpus)
    kept = [r for r in relations if matches(r, filters, corpus.config)] if filters != Filters() else list(relations)
    analysis = Analysis(corpus, kept, filters, relations)
    if coverage:
        from briefcmp.analysis.coverage import compute_coverage

        analysis.coverage = compute_coverage(corpus, relations, filters.topics, filters.briefs)
    if suggestions:
        from briefcmp.analysis.suggest import suggest_keys

        analysis.suggested = True
        analysis.suggestions = [s for s in suggest_keys(corpus) if filters.accepts(s.claims, corpus.config)]
    return analysis


def find_relations(corpus: Corpus, kinds: Optional[Iterable[str]] = None,
                   every_kind_for: Iterable[str] = (), unexplained: Iterable[str] = ()) -> list[Relation]:
    """Every relation in the corpus, sorted (see ``sort_relations``).

    ``kinds``: make only relations of these kinds where that saves work (see
    ``bykey.relations_for_key``), except under the keys in ``every_kind_for``. The relations
    returned are those of the full list, in the same order. ``unexplained``: kinds whose
    explanations may be left empty (see ``bykey.relations_for_key``), except under those keys.
    """
    from briefcmp.analysis.undated import date_undated

    date_undated(corpus)  # a brief with no publication date: no earlier than the latest date it cites
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims():
        if claim.key:
            by_key[claim.key].append(claim)
    order = topic_order(corpus.config)
    wanted = None if kinds is None else frozenset(kinds)
    full = set(every_kind_for)
    bare = frozenset(unexplained)

    def make(key: str) -> list[Relation]:
        every = key in full
        return by_time(relations_for_key(key, by_key[key], corpus, order, None if every else wanted,
                                         () if every else bare))

    relations = relations_for_keys(sorted(by_key), by_key, make)
    return sort_relations(relations, corpus.config)


def matches(relation: Relation, filters: Filters, config: Config) -> bool:
    """Whether a relation passes the filters (a topic filter includes child topics)."""
    if filters.kinds and relation.kind not in filters.kinds:
        return False
    return filters.accepts(relation.claims, config, relation.key)


def by_time(relations: list[Relation]) -> list[Relation]:
    """One key's relations by earliest as-of, then id: the order ``sort_relations`` keeps."""
    first_day: dict[int, int] = {}  # by id(claim): a claim is in several relations (all alive here)

    def start(c: Claim) -> int:
        day = first_day.get(id(c))
        if day is None:
            day = first_day[id(c)] = c.as_of.start.start().toordinal()  # type: ignore[union-attr]
        return day

    def when(r: Relation) -> int:
        return min((start(c) for c in r.claims if c.as_of is not None), default=0)

    return sorted(relations, key=lambda r: (when(r), r.id))


def sort_relations(relations: list[Relation], config: Config) -> list[Relation]:
    """Report order: topic (taxonomy order), kind (most alarming first), key, then (``by_time``)
    earliest as-of and id. The relations of each key come sorted by ``by_time``, and the sort is
    stable: the keys of this sort, one tuple per relation of the corpus, stay small."""
    order = topic_order(config)
    kinds = {k: i for i, k in enumerate(RELATION_KINDS)}
    return sorted(relations, key=lambda r: (order.get(r.topic, len(order) + (r.topic == "")), r.topic,
                                            kinds.get(r.kind, len(kinds)), r.key))

_REF = re.compile(r"^([a-z0-9][a-z0-9._-]*)#([a-z0-9][a-z0-9._-]*)$")


def parse_ref(text: str) -> Optional[tuple[str, str]]:
    """``brief#claim`` -> (brief, claim), or None."""
    m = _REF.match(text.strip())
    return (m.group(1), m.group(2)) if m else None


@dataclass


class Detail:
    """Everything known about one key or one claim: the claims and the relations they are in."""

    target: str
    key: str  # the key shown (for a claim: its key, possibly "")
    keydef: Optional[KeyDef]
    claims: list[Claim]
    relations: list[Relation]
    claim: Optional[Claim] = None  # set when the target is one claim
    relation: Optional[Relation] = None  # set when the target is a relation id


def detail(analysis: Analysis, target: str) -> Detail:
    """Look up ``KEY``, ``BRIEF#CLAIM`` or a relation id (``KEY:KIND:HASH``); LookupError
    (with a did-you-mean hint) when unknown."""
    from briefcmp.corpus.problems import suggest

    corpus = analysis.corpus
    ref = parse_ref(target)
    if ref is not None:
        brief = corpus.brief(ref[0])
        if brief is None:
            raise LookupError(f'no brief "{ref[0]}"{suggest(ref[0], [b.id for b in corpus.briefs])}')
        claim = next((c for c in brief.claims if c.id == ref[1]), None)
        if claim is None:
            raise LookupError(f'brief {brief.id} has no claim "{ref[1]}"{suggest(ref[1], [c.id for c in brief.claims])}')
        rels = [r for r in analysis.all_relations if any(c is claim for c in r.claims)]
        return Detail(target, claim.key, corpus.config.keys.get(claim.key), [claim], rels, claim)
    key = target.strip()
    if not key:
        raise LookupError("give a key id or a claim as BRIEF#CLAIM (an empty name selects nothing)")
    if ":" in key:  # keys and claim ids never hold ":"; relation ids do
        rel = next((r for r in analysis.all_relations if r.id == key), None)
        if rel is None:
            hint = suggest(key, sorted(r.id for r in analysis.all_relations))
            raise LookupError(f'no relation "{key}"{hint}; give a key id, a claim as BRIEF#CLAIM or a relation id')
        return Detail(target, rel.key, corpus.config.keys.get(rel.key), sorted(rel.claims, key=lambda c: c.ref),
                      [rel], relation=rel)
    claims = sorted((c for c in corpus.claims() if c.key == key), key=lambda c: c.ref)
    if key not in corpus.config.keys and not claims:
        known = set(corpus.config.keys) | {c.key for c in corpus.claims() if c.key}
        hint = suggest(key, sorted(known))
        raise LookupError(f'no key "{key}"{hint}; give a key id or a claim as BRIEF#CLAIM')
    rels = [r for r in analysis.all_relations if r.key == key]
    return Detail(target, key, corpus.config.keys.get(key), claims, rels)
