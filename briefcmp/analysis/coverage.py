"""Coverage: which brief says something about which topic, and where the gaps are.

A claim on a child topic also covers its parents. Each cell of the topic-by-brief
matrix has a state, from least to most: ``none`` (no claim), ``covered`` (claims, no
figure), ``figures`` (at least one quantity or rank), ``conflict`` (one of the brief's
claims on the topic takes part in a contradiction or disagreement).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from briefcmp.analysis.topics import topic_order
from briefcmp.corpus.model import Corpus, Relation

CELL_STATES = ("none", "covered", "figures", "conflict")
_FIGURES = ("quantity", "rank")
_CONFLICTS = ("contradiction", "disagreement")


@dataclass
class Cell:
    topic: str
    brief: str
    claims: int = 0  # claims on the topic (or one of its descendants)
    figures: int = 0  # of which carry a quantity or a rank
    conflicts: int = 0  # contradictions and disagreements these claims take part in

    @property
    def state(self) -> str:
        if self.conflicts:
            return "conflict"
        if self.figures:
            return "figures"
        return "covered" if self.claims else "none"


@dataclass
class Gap:
    """A topic that only one brief covers."""

    topic: str
    brief: str
    claims: int


@dataclass
class Coverage:
    topics: list[str]  # rows, in taxonomy order (unregistered topics last)
    briefs: list[str]  # columns, in corpus order
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    depth: dict[str, int] = field(default_factory=dict)  # 0 for root topics, 1 for their children...

    def cell(self, topic: str, brief: str) -> Cell:
        return self.cells.get((topic, brief)) or Cell(topic, brief)

    def row(self, topic: str) -> list[Cell]:
        return [self.cell(topic, b) for b in self.briefs]

    def covered_by(self, topic: str) -> list[str]:
        return [b for b in self.briefs if self.cell(topic, b).claims]

    @property
    def gaps(self) -> list[Gap]:
        """Topics one brief only covers (meaningful when there are at least two briefs)."""
        if len(self.briefs) < 2:
            return []
        out = []
        for t in self.topics:
            by = self.covered_by(t)
            if len(by) == 1:
                out.append(Gap(t, by[0], self.cell(t, by[0]).claims))
        return out

    @property
    def uncovered(self) -> list[str]:
        """Topics of the taxonomy no brief covers."""
        return [t for t in self.topics if not self.covered_by(t)]


def compute_coverage(corpus: Corpus, relations: Iterable[Relation], topics: Iterable[str] = (),
                     briefs: Iterable[str] = ()) -> Coverage:
    """The topic-by-brief matrix; ``topics`` keeps those topics and their descendants, ``briefs`` those briefs."""
    config = corpus.config
    order = topic_order(config)
    used = {t for c in corpus.claims() for t in c.topics}
    rows = sorted(set(order) | used, key=lambda t: (order.get(t, len(order)), t))
    wanted_topics = set(topics)
    if wanted_topics:
        rows = [t for t in rows if wanted_topics.intersection(config.topic_ancestors(t))]
    wanted_briefs = set(briefs)
    columns = [b.id for b in corpus.briefs if not wanted_briefs or b.id in wanted_briefs]

    conflicts: dict[str, set[str]] = defaultdict(set)  # claim ref -> ids of its conflicting relations
    for r in relations:
        if r.kind in _CONFLICTS:
            for c in r.claims:
                conflicts[c.ref].add(r.id)
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)  # a relation counts once per cell
    cov = Coverage(rows, columns, depth={t: len(config.topic_ancestors(t)) - 1 for t in rows})
    keep_rows, keep_cols = set(rows), set(columns)
    for brief in corpus.briefs:
        if brief.id not in keep_cols:
            continue
        for claim in brief.claims:
            # Each topic counts once per claim, even when the claim names a topic and its parent.
            reached = {a for t in claim.topics for a in config.topic_ancestors(t)} & keep_rows
            for t in reached:
                cell = cov.cells.setdefault((t, brief.id), Cell(t, brief.id))
                cell.claims += 1
                if claim.value is not None and claim.value.type in _FIGURES:
                    cell.figures += 1
                seen[(t, brief.id)].update(conflicts.get(claim.ref, ()))
                cell.conflicts = len(seen[(t, brief.id)])
    return cov
