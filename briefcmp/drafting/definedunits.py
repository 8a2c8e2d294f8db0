"""Unit abbreviations a text defines for itself: "million bushels (mb)", "mb (million bushels)".

Market and agency copy defines a short form once and then writes its figures in it ("Exports
-25 mb", "crush -15 mb to 2.410 bb"). A definition is a long form, a scale word and a unit (a
plural noun, or a physical unit of ``corpus/unittable``; without a scale word only the latter), next
to a short form in parentheses whose letters are the long form's in order, the first one a word's
first letter (the test of Schwartz and Hearst's abbreviation finder, 2003). A short form that
opens with its scale word's initial has siblings of the other scales: where "mb" is a million
bushels, "bb" is a billion and "kb" a thousand, as the trade writes them. A unit the text writes in
full after a number ("470 million bushels") also gives its initials ("mb") when no other unit of the
text has the same. Nothing here is a list of abbreviations: a text that defines none gets none.
"""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.corpus.unittable import WORDS as PHYSICAL_WORDS
from briefcmp.drafting.unitwords import After, plural_noun

_SCALES = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t"}
_INITIALS = {"k": "thousand", "m": "million", "b": "billion"}  # ("t" is a thousand in "tb/d", a trillion elsewhere)
_SHORT = r"[A-Za-z]{2,5}"
_LONG_WORD = r"[A-Za-z]+"
# "470 million bushels (mb)": the long form is some of the words before the parenthesis
_SHORT_AFTER = re.compile(r"\b((?:" + _LONG_WORD + r"\s+){0,3}" + _LONG_WORD + r")\s*\((" + _SHORT + r")\)")
# "mb (million bushels)": the short form first, the long form is all of the parenthesis
_LONG_AFTER = re.compile(r"\b(" + _SHORT + r")\s*\(((?:" + _LONG_WORD + r"\s+){1,3}" + _LONG_WORD + r")\)")


# a scale word and the unit after a number: "470 million bushels", "1.2 billion cubic metres"
_WRITTEN_IN_FULL = re.compile(r"\d\s+((?:thousand|million|billion|trillion)\s+[a-z]+(?:\s+[a-z]+)?)\b")


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short``'s letters are ``long``'s in order, its first on the first letter of
    ``long``'s first word and on a word's start (Schwartz and Hearst's test)."""
    s, text = short.lower(), long.lower()
    if not s or not text or s[0] != text[0]:
        return False
    j = len(text) - 1
    for i in range(len(s) - 1, -1, -1):
        while j >= 0 and (text[j] != s[i] or (i == 0 and j > 0 and text[j - 1].isalpha())):
            j -= 1
        if j < 0:
            return False
        j -= 1
    return True


def _unit_of(words: list[str]) -> Optional[tuple[str, str]]:
    """(scale, unit) when ``words`` are a scale word and a unit, or a physical unit alone."""
    scale = _SCALES.get(words[0].lower()) and words[0].lower()
    rest = words[1:] if scale else words
    if not rest:
        return None
    phrase = " ".join(rest).lower()
    if phrase in PHYSICAL_WORDS:
        return scale or "", PHYSICAL_WORDS[phrase]
    if scale and len(rest) == 1 and plural_noun(rest[0]) and rest[0].isalpha():
        return scale, rest[0].lower()
    return None


class DefinedUnits:
    """The short forms a text defines, read after a number with ``after``."""

    def __init__(self, text: str) -> None:
        self.forms: dict[str, tuple[str, str]] = {}
        for m in _SHORT_AFTER.finditer(text):
            words, short = m.group(1).split(), m.group(2)
            for k in range(len(words) - 1, -1, -1):  # the shortest run of words before it that it abbreviates
                got = _unit_of(words[k:])
                if got is not None and abbreviates(short, " ".join(words[k:])):
                    self._define(short, got)
                    break
        for m in _LONG_AFTER.finditer(text):
            short, words = m.group(1), m.group(2).split()
            got = _unit_of(words)
            if got is not None and abbreviates(short, " ".join(words)):
                self._define(short, got)
        self._initialisms(text)
        self.pattern = re.compile(r"\s?(" + "|".join(sorted(map(re.escape, self.forms), key=len, reverse=True))
                                  + r")\b(?![/.\-]?\w)") if self.forms else None

    def _initialisms(self, text: str) -> None:
        """"470 million bushels" in the text, "Exports -25 mb" in its table: a unit the text writes in full
        after a number gives its initials ("mb": the scale's and each word's first letter), when no other
        unit of the text has the same ones and the text defines no other meaning for them."""
        seen: dict[str, set[tuple[str, str]]] = {}
        for m in _WRITTEN_IN_FULL.finditer(text):
            words = m.group(1).split()
            for k in (len(words), 2):  # "million metric tons" and "million metric"... the longest that is a unit
                got = _unit_of(words[:k]) if k <= len(words) else None
                if got is not None:
                    seen.setdefault("".join(w[0] for w in words[:k]).lower(), set()).add(got)
                    break
        for short, units in seen.items():
            if len(units) == 1 and len(short) >= 2 and short not in {f.lower() for f in self.forms}:
                self.forms[short] = next(iter(units))

    def _define(self, short: str, got: tuple[str, str]) -> None:
        scale, unit = got
        self.forms.setdefault(short, got)
        if scale and short[0].lower() == _SCALES[scale]:
            for initial, other in _INITIALS.items():  # "mb" a million bushels: "bb" a billion
                letter = initial.upper() if short[0].isupper() else initial
                self.forms.setdefault(letter + short[1:], (other, unit))

    def after(self, text: str, pos: int) -> Optional[After]:
        """The unit of a defined short form written right after a number ending at ``pos``."""
        if self.pattern is None:
            return None
        m = self.pattern.match(text, pos)
        if not m:
            return None
        scale, unit = self.forms[m.group(1)]
        return After("count", unit, scale, m.end())
