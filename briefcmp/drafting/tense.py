"""Which way a sentence looks from its date line, for a date written without its year ("on February 19").

A yearless date takes the publication year (``drafting.figures``), then moves: a month after the date line's
is last year's unless the sentence looks ahead ("storage reached 95% on November 1" written in September);
a month well before it is next year's when the sentence only looks ahead ("the bank next reviews the rate on
February 19" written in December).
"""

from __future__ import annotations

import re

_PAST = re.compile(r"\b(?:was|were|had|did|[a-z]{3,}ed)\b")
_FUTURE = re.compile(r"\b(?:will|shall|would|may|might|could|upcoming|next|coming|due|expected|planned|scheduled|"
                     r"to be held|is to)\b", re.I)
# Irregular past verbs ("said in February it would", "prices hit a record in February"), read after the
# verbs a modal governs are taken out ("will cut"); and a participle that still looks ahead ("will be
# published in March")
_SAID = re.compile(r"\b(?:said|told|made|gave|took|saw|rose|fell|grew|began|became|came|went|left|kept|held|met|"
                   r"sold|bought|paid|spent|won|lost|brought|thought|knew|found|wrote|spoke|cut|set|put|hit)\b", re.I)
_MODAL_VERB = re.compile(r"\b(?:will|would|may|might|could|shall|to)\s+[a-z]+", re.I)
_TO_BE_DONE = re.compile(r"\b(?:will|shall|would|is\s+to|are\s+to|to)\s+be\s+[a-z]+ed\b", re.I)


def looks_ahead(sentence: str) -> bool:
    """A modal verb or a word of the future ("will", "next", "due", "scheduled")."""
    return bool(_FUTURE.search(sentence))


def looks_back(sentence: str) -> bool:
    """A past verb of the regular kind, or was/were/had/did."""
    return bool(_PAST.search(sentence))


def only_ahead(sentence: str) -> bool:
    """Looks ahead and has no past verb once the future's own words are set aside."""
    return looks_ahead(sentence) and not _PAST.search(_FUTURE.sub(" ", _TO_BE_DONE.sub(" ", sentence))) \
        and not _SAID.search(_MODAL_VERB.sub(" ", sentence))


def own_clause(before: str, after: str) -> str:
    """The clause a date stands in, from the text of its sentence before and after it: "The bank, which has
    already cut the rate, next reviews it on [February 19]" -> "next reviews it on" (the past is another
    clause's)."""
    return re.split(r"[,;:()]|\s[-–—]\s", before)[-1] + " " + re.split(r"[,;:()]|\s[-–—]\s", after)[0]
