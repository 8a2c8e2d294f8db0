"""Topic suggestion needs real evidence: a whole description term, not one common word of it."""

from __future__ import annotations

import pytest

from briefcmp.corpus.model import Config, Topic
from briefcmp.drafting.suggester import Suggester


def _suggester() -> Suggester:
    cfg = Config()
    for tid, label, description in [
        ("economy", "Economy", "GDP growth, inflation, unemployment, public spending, interest rates."),
        ("sanctions", "Sanctions", "Economic and financial sanctions, asset freezes, export controls, price caps."),
        ("trade", "Trade", "Exports, imports, tariffs, quotas, investment."),
        ("defence", "Defence", "Military spending, defence budgets, armed forces."),
        ("health", "Health", "Hospitals, vaccines, life expectancy."),
    ]:
        cfg.topics[tid] = Topic(id=tid, label=label, description=description)
    return Suggester(cfg)


@pytest.mark.parametrize("sentence, topics", [
    ("Consumer prices rose 3.25 percent on average in 2023.", ()),  # "prices" alone is not "price caps"
    ("Wheat prices fell 8 percent.", ()),
    ("The price cap on crude oil stayed at 60 dollars.", ("sanctions",)),
    ("Inflation averaged 3.25 percent in 2023.", ("economy",)),
    ("Military spending rose 5 percent.", ("defence",)),  # a whole two-word term
    ("Life expectancy was 73 years.", ("health",)),
    ("Exports fell 4.4 percent in 2023.", ("trade",)),
])
def test_topics_need_a_whole_term(sentence: str, topics: tuple[str, ...]) -> None:
    assert _suggester().topics(sentence) == topics


def _init_suggester() -> Suggester:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.parse import parse_config
    from briefcmp.corpus.problems import Problems
    from briefcmp.corpus.scaffold import CONFIG_EMPTY, CONFIG_HEAD

    problems = Problems()
    text = CONFIG_HEAD + CONFIG_EMPTY
    return Suggester(parse_config(yamlsafe.parse(text, "briefcmp.yaml", problems), "briefcmp.yaml", problems))


@pytest.mark.parametrize("sentence, topics", [
    ("Consumer prices rose 3.25 percent on average in 2023.", ()),
    ("Reservoir storage stood at 41 percent of capacity.", ()),  # water, not energy storage
    ("Battery storage capacity doubled to 8 gigawatts.", ("energy",)),
    ("Inflation averaged 3.25 percent in 2023.", ("economy",)),
])
def test_init_taxonomy_topics(sentence: str, topics: tuple[str, ...]) -> None:
    assert _init_suggester().topics(sentence) == topics
