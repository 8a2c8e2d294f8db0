"""Suggest topics, subjects and a registered key for a drafted claim, from the corpus config."""

from __future__ import annotations

import re
from typing import Optional

from briefcmp.analysis.entities import fold_spelling
from briefcmp.corpus import units
from briefcmp.corpus.functionwords import FUNCTION_WORDS
from briefcmp.corpus.model import Config, KeyDef, Value

# --------------------------------------------------------------------------- suggestions

# Function words a key's name keeps: modals and pronouns say how sure and whose a statement is
# ("future-government-should-reinstate"), and the rest have always been kept, so drafted ids stay as they were.
_KEPT_IN_NAMES = frozenset("""
can could should would we i you your he she they them above after again against because before being below
but during few further having here if itself just nor now off once out own same so some through too until very
where while whom why
""".split())
# Words a key's name leaves out: the other function words (corpus/functionwords.py), the words of a
# question ("how long", "what date") and abbreviations' pieces.
STOPWORDS = (FUNCTION_WORDS - _KEPT_IN_NAMES) | frozenset("""
date dates number long length many much whether yes among less one two per s e g ie eg
""".split())


def _stem(word: str) -> str:
    """A light stemmer, enough to match "imports" to "import" and "totalled" to "total"."""
    w = fold_spelling(word.lower().strip("'"))  # "defence" meets "defense", "programme" meets "program"
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ("ing", "ed"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[:-len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # "planned" -> "plan"
            elif len(w) > 3 and w[-1] == w[-2] == "l":
                w = w[:-1]  # "totalled" -> "total"
            return w
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _content_stems(text: str) -> set[str]:
    stems = {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]+|[A-Z]{2,}", text) if w.lower() not in STOPWORDS}
    if re.search(r"\b(?:1[89]|20)\d\d\b", text):
        stems.add("year")  # "in 2021" answers "in a year"
    return stems


class Suggester:
    """Topics, subjects and keys for a sentence, from the corpus config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        # Topic vocabulary: terms (one or more word stems) that count only when every word is there:
        # "price caps" is evidence for sanctions, "prices" alone is not (a wrong topic is worse than
        # none). Label words weigh 2, description terms and key-label words 1, and a term several
        # topics share is worth less to each (it tells them apart less).
        entity_stems = self._entity_stems()
        raw: dict[str, dict[frozenset[str], float]] = {}
        for tid, topic in config.topics.items():
            weights = raw.setdefault(tid, {})
            for w in _content_stems(" ".join(k.label for k in config.keys.values() if tid in k.topics)):
                weights[frozenset({w})] = 1.0
            for term in _terms(topic.description):
                weights[term] = max(weights.get(term, 0.0), 1.0)
            for w in _content_stems(f"{tid.replace('-', ' ')} {topic.label}"):
                weights[frozenset({w})] = 2.0
            for term in [t for t in weights if t & entity_stems or t & _UNIT_STEMS]:
                del weights[term]
        spread: dict[frozenset[str], int] = {}
        for weights in raw.values():
            for term in weights:
                spread[term] = spread.get(term, 0) + 1
        self.topic_words: dict[str, dict[frozenset[str], float]] = {
            tid: {t: x / spread[t] for t, x in weights.items()} for tid, weights in raw.items()}
        names: list[tuple[str, str]] = []
        for eid, e in config.entities.items():
            for name in {e.label, *e.aliases}:
                for form in _name_forms(name):
                    names.append((form, eid))
        names.sort(key=lambda n: len(n[0]), reverse=True)
        self.entity_of = {}
        for name, eid in names:
            self.entity_of.setdefault(name, eid)
        # One alternation, longest names first, so "North Korea" wins over "Korea".
        self._name_re = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in self.entity_of) + r")(?!\w)") \
            if names else None
        self.entity_stems = self._entity_stems()
        self.key_words = {k.id: _content_stems(f"{k.label} {k.description}") - self.entity_stems
                          for k in config.keys.values()}

    def _entity_stems(self) -> set[str]:
        out: set[str] = set()
        for e in self.config.entities.values():
            out |= _content_stems(" ".join((e.label, *e.aliases)))
        return out

    def subjects(self, text: str) -> tuple[str, ...]:
        """Entities named in the text, in order of first mention; the longest name wins ("North Korea").

        In Japanese, Korean or Chinese text a registered entity is also found by its country's
        name in that script (ロシア for an entity labelled "Russia"), without word boundaries."""
        if self._name_re is None:
            return ()
        found: list[tuple[int, str]] = [(m.start(), self.entity_of[m.group()]) for m in self._name_re.finditer(text)]
        if not text.isascii() and _CJK.search(text):
            found += [(m.start(), self._cjk_of[m.group()]) for m in self._cjk_names().finditer(text)]
            found.sort()
        return tuple(dict.fromkeys(eid for _, eid in found))

    def _cjk_names(self) -> re.Pattern:
        if not hasattr(self, "_cjk_re"):
            from briefcmp.analysis.countrydata import cjk_country_names

            table = cjk_country_names()
            self._cjk_of = {}
            for eid, e in self.config.entities.items():
                for name in (e.label, *e.aliases):
                    for form in table.get(name, ()):
                        self._cjk_of.setdefault(form, eid)
            self._cjk_of.update({n: eid for n, eid in self.entity_of.items() if _CJK.search(n)})
            self._cjk_re = re.compile("|".join(re.escape(n) for n in sorted(self._cjk_of, key=len, reverse=True))
                                      or r"(?!)")
        return self._cjk_re

    def topics(self, text: str, limit: int = 2) -> tuple[str, ...]:
        """The best-matching topics (a child topic beats its parent on a tie).

        Text in another script has no English words to go by: it takes the topics of the keys
        whose ``terms`` it names (防衛費 -> the defence budget key's topics)."""
        if not text.isascii() and _CJK.search(text):
            found = [t for k in self.config.keys.values() if k.topics and
                     any(w in text for _, words in k.terms for w in words) for t in k.topics]
            if found:
                return tuple(dict.fromkeys(found))[:limit]
        words = _content_stems(text) - {"year"}
        scores = {tid: sum(x for t, x in kw.items() if t <= words) for tid, kw in self.topic_words.items()}
        best = max(scores.values(), default=0)
        if best < 1:
            return ()
        chosen = [t for t, s in sorted(scores.items(), key=lambda ts: -ts[1]) if s >= max(1.0, best * 0.75)]
        chosen = [t for t in chosen if not any(t != o and t in self.config.topic_ancestors(o)[1:] for o in chosen)]
        return tuple(chosen[:limit])

    def key(self, value: Optional[Value], subjects: tuple[str, ...], sentence: str, clause: str,
            nearby: str = "") -> tuple[str, float]:
        """A registered key that fits, and how well.

        It must take the value's type and unit, share a subject with the sentence, and
        have more than half of its wording in the sentence; the score adds the share of
        its wording in the figure's own clause (and, a little, right ``nearby``) and the
        share of its subjects named.
        """
        if value is None or value.type not in ("quantity", "rank", "date"):
            return "", 0.0
        words, near, close = _content_stems(sentence), _content_stems(clause), _content_stems(nearby)
        best: list[tuple[float, str]] = []
        for k in self.config.keys.values():
            if k.type != value.type or not _unit_fits(k, value):
                continue
            shared = set(k.subjects) & set(subjects)
            if k.subjects and not set(k.subjects) <= set(subjects):  # every subject of the key named (issue 12)
                continue
            kw = self.key_words[k.id] - ({"year"} if value.type == "date" else set())  # every date has a year
            if not kw:
                continue
            wording = _overlap(kw, words) / len(kw)
            if wording > 0.5:
                subject_share = len(shared) / len(k.subjects) if k.subjects else 0.5
                best.append((wording + _overlap(kw, near) / len(kw) + subject_share
                             + 0.5 * _overlap(kw, close) / len(kw), k.id))
        best.sort(reverse=True)
        if not best or (len(best) > 1 and best[1][0] == best[0][0]):
            return "", 0.0  # none, or a tie: leave the choice to the analyst
        return best[0][1], best[0][0]


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _terms(description: str) -> list[frozenset[str]]:
    """The terms of a topic description: "Economic and financial sanctions, price caps" ->
    {economic}, {financial, sanction}, {price, cap}."""
    out = []
    for term in re.split(r"[,;:.()]|\band\b|\bor\b", description):
        stems = frozenset(_content_stems(term) - {"year"})
        if stems:
            out.append(stems)
    return out


# Unit and period words a key label carries ("(percent) in a period"): no evidence of a topic.
_UNIT_STEMS = frozenset("percent period count year rank usd eur dollar".split())


def _overlap(key_words: set[str], words: set[str]) -> int:
    """How many key words the text has; "annex" matches "annexation", "crimea" matches "crimean"."""
    n = 0
    for k in key_words:
        if k in words or (len(k) >= 4 and any(w.startswith(k) or (len(w) >= 4 and k.startswith(w)) for w in words)):
            n += 1
    return n


def _unit_fits(key: KeyDef, value: Value) -> bool:
    if value.type != "quantity":
        return True
    if key.unit and units.is_physical(key.unit) and units.is_physical(value.unit):  # "GW" fits a key in MW
        return units.comparable(key.unit, 0.0)[0] == units.comparable(value.unit, 0.0)[0]
    if key.unit:
        return units.canonical_unit(key.unit) == units.canonical_unit(value.unit)
    return True


def _name_forms(name: str) -> list[str]:
    """A name and its adjective forms: Japan -> Japanese, Russia -> Russian, Ukraine -> Ukrainian."""
    forms = [name]
    if len(name) >= 4 and name[-1].isalpha() and name[0].isupper() and not name.isupper():
        base = name
        forms += [base + "n", base + "ese", base + "ian", base + "i"]
        if base[-1] in "aeiou":
            forms += [base[:-1] + "ian", base[:-1] + "ese", base[:-1] + "an"]
    return forms


