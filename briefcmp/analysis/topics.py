"""The topic taxonomy as the analysis and the renderers use it: order and ancestry."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from briefcmp.corpus.model import Config


def in_topics(topics: Iterable[str], wanted: Iterable[str], config: Config) -> bool:
    """True when one of ``topics`` is one of ``wanted`` or a descendant of one."""
    wanted = set(wanted)
    return any(wanted.intersection(config.topic_ancestors(t)) for t in topics)


def topic_order(config: Config) -> dict[str, int]:
    """Taxonomy order: each root topic (in config order) followed by its descendants."""
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for tid, topic in config.topics.items():
        if topic.parent and topic.parent in config.topics and topic.parent != tid:
            children[topic.parent].append(tid)
        else:
            roots.append(tid)
    order: dict[str, int] = {}

    def visit(tid: str) -> None:
        if tid in order:
            return
        order[tid] = len(order)
        for child in children[tid]:
            visit(child)

    for tid in roots:
        visit(tid)
    for tid in config.topics:  # topics caught in a parent cycle
        visit(tid)
    return order
