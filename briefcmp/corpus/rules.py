"""The rules `check` reports, and which of them a run shows (``--select``/``--ignore``, as ruff reads them).

Every problem names its rule (``[quote-not-found]``); conflicts are named by their relation
kind (``[contradiction]``). ``RULES`` lists them all (tests/test_check_rules.py fails when a
rule is reported that is not listed). A selector is a rule name, a prefix of whole words
(``yaml`` is every ``yaml-*`` rule, ``quote`` both quote rules) or ``ALL``. As in ruff, the
most specific selector decides, and an ignore wins over a select of the same specificity:
``--select yaml --ignore yaml-depth`` is every yaml rule but one, ``--ignore yaml --select
yaml-depth`` only that one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional

from briefcmp.corpus.problems import suggest

CONFLICT_RULES = ("contradiction", "disagreement", "annotation-problem")

# name -> what it reports (kept short: `check --statistics` and the docs show them)
RULES: dict[str, str] = {
    # conflicts with the corpus (relation kinds)
    "contradiction": "claims under one key give values that differ beyond tolerance",
    "disagreement": "briefs take opposed positions on one question",
    "annotation-problem": "claims under one key cannot be compared (type, unit or currency)",
    # reviews
    "review-stale": "a reviewed conflict matches no conflict of the corpus",
    "acknowledgement-stale": "a claim acknowledges a conflict that no longer exists",
    "acknowledgement-unjustified": "a claim acknowledges a conflict without saying why",
    # the review of drafts and the shape of the corpus
    "draft-claim": "a claim drafted by annotate or add and not yet reviewed",
    "no-topic": "a claim without topics",
    "lonely-key": "a key used by one brief that looks like a shared key",
    "as-of-inferred": "an inferred as-of date decides a relation",
    # sources and quotes
    "quote-not-found": "a quote does not occur in the source text",
    "quote-ambiguous": "a quote occurs several times in the source text",
    "source-missing": "the source text is missing",
    "source-changed": "the source text changed since the claims were annotated",
    "source-hash-missing": "the brief records no sha256 of its source",
    "source-outside-corpus": "the source text lies outside the corpus",
    "original-missing": "the recorded original is missing",
    "original-changed": "the original changed since it was added",
    "original-outside-corpus": "the recorded original lies outside the corpus",
    "outside-corpus": "a path leads outside the corpus",
    # fields and values
    "missing-field": "a required field is missing",
    "unknown-field": "a field the format does not define",
    "wrong-type": "a field has the wrong type",
    "bad-value": "a value is not allowed",
    "bad-id": "an id is not lower-case letters, digits, '.', '_' or '-'",
    "bad-date": "a date is not a real date",
    "leading-zero": "a number written with a leading zero",
    "duplicate-id": "two claims share an id",
    "duplicate-key": "a mapping repeats a key",
    "duplicate-brief": "two claims files share a brief id",
    "unknown-key": "a claim uses a key that is not registered",
    "unknown-topic": "a topic that is not in the taxonomy",
    "unknown-entity": "a subject that is not a registered entity",
    "unknown-rule": "briefcmp.yaml's check: table names a rule that does not exist",
    "key-type": "a claim's value type differs from its key's",
    "key-unit": "a claim's unit differs from its key's",
    "topic-cycle": "topics that are each other's parents",
    "claim-dropped": "a claim that could not be read",
    "no-claims": "a claims file without claims",
    "format-version": "a format version this briefcmp does not read",
    # reading files
    "yaml-syntax": "the file is not valid YAML",
    "yaml-alias": "a YAML alias (refused)",
    "yaml-tag": "a YAML tag (refused)",
    "yaml-key": "a YAML key that is not text",
    "yaml-depth": "the YAML is nested too deeply",
    "encoding": "the file is not UTF-8",
    "control-character": "a control character in the file",
    "empty-file": "the file is empty",
    "file-too-large": "the file is too large to read",
    "unreadable": "the file cannot be read",
}

# Shown last under a cap (GitHub's annotation limit, --max-per-rule): they come by the dozen
# for every new brief and matter less than a conflict or a quote that is not found.
REVIEW_NOISE = ("draft-claim", "no-topic")


class RuleError(ValueError):
    """A selector that names no rule; the message has a did-you-mean."""


def _words(name: str) -> list[str]:
    return name.split("-")


def matches(selector: str, rule: str) -> bool:
    """Whether ``selector`` (a name, a prefix of whole words, or ALL) covers ``rule``."""
    if selector == "ALL":
        return True
    sel = _words(selector)
    return _words(rule)[:len(sel)] == sel


def _specificity(selector: str) -> int:
    return 0 if selector == "ALL" else len(_words(selector))


def unknown(selector: str) -> Optional[str]:
    """None when the selector covers a rule, else the message saying so (with a did-you-mean)."""
    if any(matches(selector, r) for r in RULES):
        return None
    prefixes = {"-".join(_words(r)[:n]) for r in RULES for n in range(1, len(_words(r)) + 1)}
    return f'unknown rule "{selector}"{suggest(selector, sorted(prefixes))}; `briefcmp check --help` lists the rules'


def check_selectors(selectors: Iterable[str]) -> None:
    """RuleError for the first selector that names no rule."""
    for s in selectors:
        message = unknown(s)
        if message:
            raise RuleError(message)


@dataclass(frozen=True)
class RuleSelection:
    """Layers of (select, ignore), the config's first and the command line's last, each overriding
    what came before for the rules it names (a layer's select, when given, starts afresh)."""

    layers: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    def enabled(self, rule: str) -> bool:
        on = True
        for select, ignore in self.layers:
            if select:
                on = False
            best = -1
            for s in select:
                if matches(s, rule) and _specificity(s) > best:
                    best, on = _specificity(s), True
            for s in ignore:
                if matches(s, rule) and _specificity(s) >= best:
                    best, on = _specificity(s), False
        return on

    @property
    def everything(self) -> bool:
        return not any(select or ignore for select, ignore in self.layers)


def priority(rule: str) -> int:
    """Within one severity, what to show first under a cap: conflicts, then the rest, then drafts."""
    if rule in CONFLICT_RULES:
        return 0
    return 2 if rule in REVIEW_NOISE else 1
