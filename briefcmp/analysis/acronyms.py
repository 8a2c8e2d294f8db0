"""Abbreviations a text defines, so that "UTOP" measures what "underlying trading operating profit" does.

A report defines an abbreviation once, in parentheses, either way round: "organic growth (OG)",
"million bushels (mb)", or "UTOP (underlying trading operating profit)", and then writes the short form
alone, in that brief or in another report of the same corpus. ``definitions(text)`` finds the pairs by
the Schwartz-Hearst rule (Schwartz & Hearst, "A simple algorithm for identifying abbreviation
definitions in biomedical text", PSB 2003): the short form's characters are found, right to left, in the
words just before the parenthesis, its first character at the start of a word. The PyPI package
``abbreviations`` 0.2.5 implements the same rule but only the "long form (SF)" order and was last released
in 2019, so the rule is written here (about forty lines).

``table(texts)`` joins the definitions of a corpus (a short form given two different long forms is
left out: which one a lone use means cannot be told); ``defined(table)`` makes it the one
``long_form(token)`` answers from while a corpus is aligned (``analysis.align``), so that
``measure.measured_words`` reads a lone short form as its long form. A long form written as a name
("Monetary Policy Committee (MPC)", "Food and Agriculture Organization (FAO)": every word capitalised) is
a name, not a measure, and is not given.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections import Counter
from typing import Iterable, Iterator, Optional

_PAREN = re.compile(r"\(([^()\n]{1,80})\)")
# a short form: one token of 2-10 characters, starting with a letter, with at least one capital, or a
# lower-case one of 2-4 letters ("mb", "bcm"); a base or a note may follow it: "(CPI, 2003=100)"
_SHORT = re.compile(r"[A-Za-z][A-Za-z0-9&./-]{1,9}\Z")
_TOKEN_BEFORE = re.compile(r"([A-Za-z][A-Za-z0-9&./-]{1,9})\s*\Z")
_WORDS = re.compile(r"[A-Za-z0-9][\w'&.-]*")
_CAPS = re.compile(r"[A-Z]")
_FUNCTION = frozenset("a an the of and for in on to at by with".split())

_CURRENT: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("briefcmp_acronyms", default={})


def _is_short(token: str) -> bool:
    if not _SHORT.match(token):
        return False
    letters = re.sub(r"[^A-Za-z]", "", token)
    return len(letters) >= 2 and (bool(_CAPS.search(token)) or (token.islower() and len(token) <= 4))


def _best_long_form(short: str, text: str) -> Optional[str]:
    """The shortest end of ``text`` whose characters hold ``short``'s in order, its first at a word start."""
    chars = [c.lower() for c in short if c.isalnum()]
    s, i = len(chars) - 1, len(text) - 1
    while s >= 0:
        c = chars[s]
        while i >= 0 and (text[i].lower() != c or (s == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = text.rfind(" ", 0, i + 1) + 1
    return text[start:].strip()


def _acceptable(short: str, long: str) -> bool:
    words = _WORDS.findall(long)
    n = len(short)
    if not words or len(long) <= len(short) or short.lower() in long.lower().split():
        return False
    if len(words) > min(n + 5, 2 * n):
        return False
    content = [w for w in words if w.lower() not in _FUNCTION]
    # each content word starts with one of the short form's letters: "trading operating profit", never a
    # stretch of a sentence that only happens to hold its letters
    initials = {c.lower() for c in short if c.isalpha()}
    return bool(content) and all(w[0].lower() in initials or w[0].isdigit() for w in content)


def definitions(text: str) -> list[tuple[str, str]]:
    """(short form, long form) pairs ``text`` defines in parentheses, in either order."""
    out = []
    for m in _PAREN.finditer(text):
        inside = m.group(1).strip()
        head = re.split(r"[,;]", inside, maxsplit=1)[0].strip()
        if _is_short(head) and " " not in head:  # long form (SF)
            before = text[max(0, m.start() - 200):m.start()].rstrip()
            words = before.split()
            window = " ".join(words[-min(len(head) + 5, 2 * len(head)):])
            long = _best_long_form(head, window)
            if long and _acceptable(head, long):
                out.append((head, long))
            continue
        prev = _TOKEN_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if prev and prev.end(1) == len(text[:m.start()].rstrip()) and _CAPS.search(prev.group(1)) and \
                sum(c.isupper() for c in prev.group(1)) >= 2 and len(inside.split()) > 1:  # SF (long form)
            long = _best_long_form(prev.group(1), inside)
            if long and _acceptable(prev.group(1), long) and \
                    inside.lower().split()[-len(long.split()):] == long.lower().split() and \
                    all(w.lower() in _FUNCTION for w in inside.split()[:len(inside.split()) - len(long.split())]):
                out.append((prev.group(1), long))
    return out


def _is_name(long: str) -> bool:
    content = [w for w in _WORDS.findall(long) if w.lower() not in _FUNCTION]
    return bool(content) and all(w[0].isupper() for w in content)


def table(texts: Iterable[str]) -> dict[str, str]:
    """Short form -> long form over a corpus's texts; a short form defined two ways is left out, and so is
    one that stands for a name (it stays a word as written, as a name's other spellings do)."""
    seen: dict[str, Counter] = {}
    for text in texts:
        for short, long in definitions(text):
            key = re.sub(r"\s+", " ", long.lower())
            seen.setdefault(short, Counter())[key if not _is_name(long) else ""] += 1
    return {short: next(iter(longs)) for short, longs in seen.items() if len(longs) == 1 and "" not in longs}


@contextlib.contextmanager
def defined(acronyms: dict[str, str]) -> Iterator[None]:
    """Make ``acronyms`` the table ``long_form`` answers from (for one corpus's alignment)."""
    token = _CURRENT.set(acronyms)
    try:
        yield
    finally:
        _CURRENT.reset(token)


def long_form(token: str) -> Optional[str]:
    """The long form of a short form the corpus defines, else None."""
    return _CURRENT.get().get(token)
