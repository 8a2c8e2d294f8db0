"""One actor under its many names within a corpus, for ``factrefs``: names nested in one another ("the court", "the
Supreme Court", "the Federal Supreme Court"), a proper name's head before "of", initials spelled out ("U.N.
Secretary-General"), and whether a person's name is written with a national title. Split from ``factrefs`` (its
size, session 17).
"""

from __future__ import annotations

import re

from briefcmp.analysis.entities import Entities


def _titled(name: str, text: str) -> bool:
    """Whether ``text`` writes a national title right before the person's name ("President Yoon Suk Yeol"), or
    the name as the corpus registered it opens with one ("President Ana Rojas")."""
    from briefcmp.analysis.factsubjects import NATIONAL_TITLES

    if name.split(" ", 1)[0].lower() in NATIONAL_TITLES:
        return True
    # a surname alone is titled by the title before its given names too ("President Ana Rojas": Rojas)
    for m in re.finditer(rf"\b{re.escape(name)}\b", text[:200_000]):
        before = re.findall(r"[A-Za-z][\w'-]*", text[max(0, m.start() - 60):m.start()])[-3:]
        for word in reversed(before):
            if word.lower() in NATIONAL_TITLES:
                return True
            if not word[:1].isupper():
                break  # only given names stand between a title and the name
    return False


def _longer_names(actors: set[str], entities: Entities, countries: frozenset[str]) -> dict[str, str]:
    """{actor: the one other actor whose name holds the actor's whole name}: "Security Council" -> "United Nations
    Security Council", "the junta" -> "Niger's military junta", "the court" -> "the Constitutional Court of Ruritania"
    (a proper name's head before "of"), "U.N. Secretary-General" -> "United Nations Secretary-General" (initials
    spelled out), when no other actor's name holds it so (names compared without "the" and case)."""
    written = {a: re.sub(r"^the ", "", " ".join(entities.label(a).split()), flags=re.I)
               for a in actors if a not in countries}
    labels = {a: w.lower() for a, w in written.items()}
    heads = {a: _proper_head(w) for a, w in written.items()}

    def holds(big: str, small: str) -> bool:
        """Whether actor ``big``'s name ends with ``small``'s, or its proper head before "of" is or ends with it."""
        name, head = labels[big], heads[big]
        return name.endswith(" " + labels[small]) or bool(head) and (head == labels[small]
                                                                     or head.endswith(" " + labels[small]))

    out = {}
    for a, label in labels.items():
        if not label:
            continue
        longer = [b for b in labels if b != a and labels[b] != label and holds(b, a)]
        if len(longer) > 1:
            # names nested in one another ("court", "Supreme Court", "Federal Supreme Court") are one body under
            # ever fuller names: the fullest; names that branch ("Supreme Court", "lower court") leave it unread
            longer.sort(key=lambda b: len(labels[b]))
            if all(holds(longer[-1], b) for b in longer[:-1]):
                longer = longer[-1:]
        if not longer and _INITIALS.search(written[a]):
            longer = [b for b in labels if b != a and _abbreviates(written[a].split(), labels[b].split())]
        if len(longer) == 1:
            out[a] = longer[0]
    return out


# Initials written with points ("U.N.", "E.U.") or in capitals ("UN", "OAS"): the words they stand for.
_INITIALS = re.compile(r"\b(?:[A-Za-z]\.){2,}|\b[A-Z]{2,4}\b")


def _proper_head(name: str) -> str:
    """The head of a proper name that goes on with "of" ("Constitutional Court of Ruritania" -> "constitutional
    court"), lower case; "" for a name without "of" or a common noun phrase ("state of emergency")."""
    head, of, _ = name.partition(" of ")
    if not of or not all(w[:1].isupper() for w in head.split()):
        return ""
    return head.lower()


def _abbreviates(short: list[str], long: list[str]) -> bool:
    """Whether a name written with initials ("U.N. Secretary-General", as written) is ``long`` spelled out
    ("united nations secretary-general", lower case): each initial the first letter of one word, in order, the
    other words the same."""
    i = 0
    for w in short:
        letters = w.replace(".", "") if _INITIALS.fullmatch(w) else ""
        if letters and letters.isascii() and letters.isalpha():
            part = long[i:i + len(letters)]
            if len(part) < len(letters) or any(x[:1] != c.lower() for x, c in zip(part, letters)):
                return False
            i += len(letters)
        elif i < len(long) and long[i] == w.lower():
            i += 1
        else:
            return False
    return i == len(long) and len(long) > len(short)
