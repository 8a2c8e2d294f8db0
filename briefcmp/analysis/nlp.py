"""Words of a sentence with their part of speech and lemma, from the optional 'nlp' extra.

``tag(text)`` gives ``Token``s (the word as written, its offsets in ``text``, its Penn
Treebank tag and its lemma), or None when the extra is not installed; callers then draft
and align as without it (sentence claims with no value, no fact keys).

- Tags: TextBlob's Pattern tagger, ``textblob.en.tag`` (the Brill tagger and English lexicon of CLiPS Pattern,
  shipped inside the textblob wheel: nothing is downloaded). TextBlob's default NLTK tagger
  is not used: its model is a separate download.
- Lemmas: lemminflect (its lemma tables ship in the wheel), by the word's part of speech:
  "froze" is "freeze", "sanctions" (a noun) is "sanction".

Both are imported lazily, once per process (about half a second: never on the start-up path).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    tag: str  # Penn Treebank: NNP, VBD, MD, ...
    lemma: str  # lower case

    @property
    def verb(self) -> bool:
        return self.tag.startswith("VB")

    @property
    def noun(self) -> bool:
        return self.tag.startswith("NN")


_UPOS = (("VB", "VERB"), ("NN", "NOUN"), ("JJ", "ADJ"), ("RB", "ADV"))


@lru_cache(maxsize=1)
def _pattern():
    """TextBlob's ``textblob.en`` (the Pattern tagger and its lexicon), loaded without running textblob's
    package ``__init__``: that imports TextBlob's classes and through them NLTK, about a second on first use
    (``add --sentences`` on a short brief) for nothing used here. The modules loaded this way are taken out
    of ``sys.modules`` again, so that an ``import textblob`` elsewhere finds the package as usual."""
    import importlib.util
    import sys
    import types

    if "textblob" in sys.modules:
        return importlib.import_module("textblob.en")
    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textblob")
    stub = types.ModuleType("textblob")
    stub.__path__ = list(spec.submodule_search_locations)
    sys.modules["textblob"] = stub
    try:
        return importlib.import_module("textblob.en")
    finally:
        for name in [m for m in sys.modules if m == "textblob" or m.startswith("textblob.")]:
            if name == "textblob" and sys.modules[name] is not stub:
                continue
            del sys.modules[name]


@lru_cache(maxsize=1)
def _engine():
    """(tag function, lemma function), or None without the 'nlp' extra."""
    try:
        import lemminflect

        pattern = _pattern()
    except Exception:  # ImportError, or a broken install: drafting goes on without values
        return None

    def tagger(text: str) -> list:
        return pattern.tag(text, tokenize=True)  # what TextBlob's PatternTagger.tag does

    @lru_cache(maxsize=50_000)
    def lemma(word: str, tag: str) -> str:
        low = word.lower()
        if tag.startswith("NNP"):
            return low
        upos = next((u for p, u in _UPOS if tag.startswith(p)), "")
        if not upos or tag == "JJ":  # an adjective is its own lemma (lemminflect gives "oth" for "other")
            return low
        found = lemminflect.getLemma(low, upos=upos)
        return found[0].lower() if found else low

    def is_verb(word: str) -> bool:
        return bool(lemminflect.getAllLemmas(word.lower(), upos="VERB"))

    return tagger, lemma, is_verb


@lru_cache(maxsize=None)
def _optional(module: str, attr: str = ""):
    """A module of the 'nlp' extra (or one of its attributes), imported once; None without the extra."""
    try:
        found = importlib.import_module(module)
        return getattr(found, attr) if attr else found
    except Exception:  # ImportError, or a broken install
        return None


def _lexicon():
    """The Pattern tagger's English lexicon; None without the extra."""
    try:
        return _pattern().lexicon
    except Exception:  # ImportError, or a broken install
        return None


def _lemminflect():
    return _optional("lemminflect")


def is_verb_base(word: str) -> bool:
    """Whether ``word`` is the base form of an English verb (lemminflect's tables); False without the extra."""
    tables = _lemminflect()
    return bool(tables and tables.getAllInflections(word.lower(), upos="VERB"))


def is_verb_form(word: str) -> bool:
    """Whether ``word`` can be a form of a verb ("has", "suspended", "bans"); False without the extra."""
    tables = _lemminflect()
    return bool(tables and tables.getAllLemmas(word.lower(), upos="VERB"))


def is_common_word(word: str) -> bool:
    """Whether the tagger's English lexicon knows ``word`` in lower case ("parliament", "final"): a capitalised
    word it does not know ("Bundestag", "Engie") is a name. False without the extra."""
    lexicon = _lexicon()
    return bool(lexicon is not None and lexicon.get(word.lower()))


def is_adjective(word: str) -> bool:
    """Whether the tagger's English lexicon reads ``word`` in lower case as an adjective first ("neutral",
    "landlocked"; not "coal"). False without the extra."""
    lexicon = _lexicon()
    return bool(lexicon is not None and lexicon.get(word.lower()) == "JJ")


def lemma(word: str, tag: str) -> Optional[str]:
    """The lemma of ``word`` read as Penn tag ``tag`` (what ``tag()`` gives its tokens); None without the
    extra. Callers go through ``analysis.document.lemma``, the one entry point."""
    engine = _engine()
    return None if engine is None else engine[1](word, tag)


def available() -> bool:
    """Whether the 'nlp' extra is installed (``tag`` gives tokens)."""
    return _engine() is not None


_PARTICLES = frozenset({"out", "off", "up", "down", "over", "through"})  # "to rule out", "to call off"
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
MAX_CHARS = 2_000  # a "sentence" longer than this is a table or a list, not a statement


def tag(text: str) -> Optional[list[Token]]:
    """The tokens of ``text`` with tags and lemmas; None without the extra (or for an over-long text)."""
    engine = _engine()
    if engine is None or len(text) > MAX_CHARS:
        return None
    tagger, lemma, is_verb = engine
    plain = text.translate(_APOSTROPHES)  # the lexicon knows "n't" and "'s" with ASCII apostrophes
    found: list[tuple[str, int, str]] = []
    pos = 0
    for word, t in tagger(plain):
        i = plain.find(word, pos)
        if i < 0:  # the tokenizer rewrote the word: skip it rather than guess an offset
            continue
        found.append((word, i, t))
        pos = i + len(word)
    tags = [t for _, _, t in found]
    for n in range(len(found) - 1):
        if found[n][0].lower() == "no" and found[n + 1][0].lower() == "longer":
            tags[n] = tags[n + 1] = "RB"  # "will no longer lend": an adverb of the verb group, as "not" is
    for n, (word, _, t) in enumerate(found):
        if t in ("JJ", "NN") and n and is_verb(word):
            k = n - 1
            while k > 0 and tags[k] == "RB":
                k -= 1
            before = found[k][0].lower()
            governs = tags[k] == "MD" and (before not in ("may", "can", "will") or k < n - 1) or before in (
                "do", "does", "did") or (  # ("will no longer import": an adverb after it, "will" is no noun)
                tags[k] == "TO" and k and (found[k - 1][0].lower() in ("not", "whether") or (
                    tags[k - 1] in ("VBN", "VBD", "NN", "JJ") or tags[k - 1] in ("NNP", "NNPS") and k >= 2 and (
                        found[k - 2][0].lower() == "for" or tags[k - 2] in ("NNP", "DT")))
                                           and n + 1 < len(found) and (tags[n + 1] in ("NNS", "NN", "DT", "PRP$")
                                                                       or found[n + 1][0].lower() in _PARTICLES)))
            # "not to default", "compelled to levy sanctions", "a mistake to ban imports", "asked the Constitutional
            # Court to strike down": "to" after a verb, a noun, a name or an adjective, before an object, is an
            # infinitive's
            if governs or n + 1 < len(found) and (tags[n + 1] in ("DT", "PRP$") and tags[k] in ("MD", "TO") or tags[
                    n + 1] in ("NNS", "NNP", "NNPS") and tags[k] == "MD" and k == n - 1 and k and tags[k - 1] in (
                    "NN", "NNS", "NNP", "NNPS", "PRP")):
                # "should not open the fund", "should press Beijing", "does not target trade", "platforms will check
                # ages" (a modal right after its subject, an object after the word): the word a modal
                # or "do not" governs is a verb, whatever the lexicon calls it ("may", "can" and "will" are
                # nouns too, and "to" a preposition)
                tags[n] = "VB"
    for n, (word, _, t) in enumerate(found):
        if t == "JJ" and 0 < n < len(found) - 1 and found[n - 1][0].lower() in _BE | _HAVE \
                and tags[n + 1] in ("VBN", "VBD"):
            tags[n] = "RB"  # "have long called", "has fully complied": a word between an auxiliary and its participle
    for n, (word, _, t) in enumerate(found):
        if t == "VBD" and n:
            k = n - 1
            while k > 0 and tags[k] == "RB":
                k -= 1
            if found[k][0].lower() in _BE | _HAVE:
                # "are paused", "was not lifted", "has not yet retaliated": a past form after "be" or "have" is a
                # participle
                tags[n] = "VBN"
    for n, (word, _, t) in enumerate(found):
        if t == "NNS" and 1 < n < len(found) - 1 and found[n - 1][0].lower() == "longer" \
                and found[n - 2][0].lower() == "no" and tags[n + 1] in _OBJECT_OPENERS and is_verb(word):
            tags[n] = "VBZ"  # "Estonia no longer funds the project": "no longer" is an adverb, its word a verb
    _repair_finite(found, tags, is_verb)
    _finite_participle(found, tags)
    _finite_after_insert(found, tags)
    _present_after_subject(found, tags, is_verb)
    for n, (word, _, t) in enumerate(found):
        if t in ("NN", "NNS") and 0 < n and n + 2 < len(found) and tags[n - 1] in ("NNP", "NNPS", "PRP") \
                and tags[n + 1] == "TO" and tags[n + 2] == "VB" and is_verb(word):
            tags[n] = "VBP"  # "Japan need to orient ...": a name, a verb the lexicon calls a noun, "to" and a verb
    return [Token(text[i:i + len(word)], i, i + len(word), t, lemma(word, t)) for (word, i, _), t in zip(found, tags)]


_HAVE = frozenset({"has", "have", "had"})
_OBJECT_OPENERS = frozenset({"DT", "NNP", "NNPS", "NNS", "NN", "PRP$", "JJ", "CD"})  # tags an object starts with
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})  # "it" and "you" are objects too
_OPENERS = frozenset({",", ";", ":", "and", "but", "that", "because", "so", "while", "as", "if", "when"})


def _opening_name(found: list[tuple[str, int, str]], tags: list[str], k: int) -> bool:
    """Whether the proper noun at ``k`` ends a run of proper nouns that opens its clause."""
    while k > 0 and tags[k - 1] in ("NNP", "NNPS"):
        k -= 1
    return k == 0 or tags[k - 1] in (",", ":", ".", "CC") or found[k - 1][0].lower() in ("that", "the")


def _repair_finite(found: list[tuple[str, int, str]], tags: list[str], is_verb) -> None:
    """Mend in place the lexicon's first reading where the grammar around a word says it is a verb: after a
    subject pronoun ("it grants Ethiopia a base", "they need help": the lexicon's noun is a finite verb), after
    "to" and before an object ("intends to exempt YouTube": an infinitive), and an "-ing" form after "be"
    ("was not ruling out": a progressive). Closed-class words only: no verb is listed."""
    for n in range(1, len(found)):
        word, t = found[n][0], tags[n]
        low = word.lower()
        if t in ("VB", "VBP", "VBZ") and found[n - 1][0].lower() in ("the", "a", "an"):
            tags[n] = "NNS" if t == "VBZ" else "NN"  # "said the permit breached ...": an article's word is a noun
            continue
        if t == "RB" and n >= 2 and found[n - 1][0].lower() in ("not", "n't") and n + 1 < len(found) \
                and (found[n - 2][0].lower() in ("do", "does", "did") or tags[n - 2] == "MD") \
                and tags[n + 1] in ("PRP", "DT", "NNP", "NNPS", "PRP$", "NNS") and is_verb(word):
            tags[n] = "VB"  # "did not back it", "would not back the plan": "do" or a modal with "not" governs a verb
            continue
        if t == "VBN" and found[n - 1][0].lower() in ("which", "who"):
            tags[n] = "VBD"  # "Sweden, which applied in May": no auxiliary, so a finite past
            continue
        k = n - 1
        while k > 0 and tags[k] == "RB":
            k -= 1
        before = found[k][0].lower()
        nxt = tags[n + 1] if n + 1 < len(found) else "."
        if k < n - 1 and tags[k] in ("NN", "NNS", "NNP", "NNPS", "PRP") and (
                t == "VBN" and nxt in _OBJECT_OPENERS or t == "NNS" and nxt in _OBJECT_OPENERS and is_verb(word)) \
                and (k == 0 or tags[k - 1] not in ("IN", "TO")) and not (k and found[k - 1][0].lower() in _BE | _HAVE):
            # "The embargo never covered medicines", "The ruling also bars Telegram": a noun, an adverb, then a word
            # with an object after it is the noun's finite verb (no auxiliary before it: a participle needs one;
            # a noun after a noun never has an adverb between)
            tags[n] = "VBD" if t == "VBN" else "VBZ"
            continue
        if t not in ("NN", "NNS", "JJ"):
            continue
        after_said = k and tags[k - 1] in ("VBD", "VBZ", "VBP") and found[k - 1][0].lower() in ("say", "says", "said")
        subject = before in _SUBJECT_PRONOUNS or before == "it" and (k == 0 or found[k - 1][0].lower() in _OPENERS
                                                                     or after_said)
        if t in ("NN", "NNS") and k == n - 1 and subject and nxt in ("DT", "NNP", "PRP", "PRP$", "NNS", "IN", "RB") \
                and is_verb(word):
            tags[n] = "VBZ" if low.endswith("s") and before in ("it", "he", "she") else "VBP" if before != "it" \
                else tags[n]  # "it grants"; "they need"
        elif t == "NNS" and tags[k] in ("NNP", "NNPS") and _opening_name(found, tags, k) and low.endswith("s") \
                and nxt in ("DT", "WP", "WDT", "PRP$") and is_verb(word):
            tags[n] = "VBZ"  # "Switzerland already fulfils what ...": a name opening the clause, then its verb
        elif tags[k] == "MD" and t in ("NN", "JJ") and k + 1 < n and found[k + 1][0].lower() in ("not", "n't") \
                and is_verb(word):
            tags[n] = "VB"  # "will not arrest", "may not extend": a modal with "not" governs a verb
        elif tags[k] == "TO" and k and tags[k - 1].startswith(("VB", "NN", "JJ")) and nxt in (
                "DT", "NNP", "NNPS", "PRP", "PRP$") and is_verb(word) and not low.endswith("s"):
            tags[n] = "VB"  # "intends to exempt YouTube", "was asked to block the plan"
        elif before in _BE and low.endswith("ing") and is_verb(word) and t == "NN" and nxt in ("IN", "RP", "DT", "RB",
                                                                                                "NNS", "PRP$"):
            tags[n] = "VBG"  # "was not ruling out", "is considering sanctions"


_SUBJECT_TAGS = frozenset({"DT", "JJ", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "PRP", "PRP$", "CC", "RB"})


def _finite_participle(found: list[tuple[str, int, str]], tags: list[str]) -> None:
    """A clause needs a finite verb: in a stretch between breaks with none (no past, present or modal), a past
    participle right after the noun phrase that opens the stretch is the finite past ("The two leaders condemned
    the deployment"; the lexicon's first reading of "condemned" is the participle). Not before "by" (a passive
    left without its auxiliary: "the ship seized by ..."), not after a preposition's noun."""
    n = len(found)
    lo = 0
    while lo < n:
        hi = lo
        while hi < n and tags[hi] not in (",", ":", ".", "(", ")") and found[hi][0].lower() not in _CLAUSE_OPENERS \
                and not (hi > lo and found[hi - 1][0].lower() in _SAID and tags[hi - 1].startswith("VB")):
            hi += 1  # (a reported clause without "that" starts after "said": "said the law flouted ...")
        finite = any(tags[m] in ("VBD", "VBZ", "VBP", "MD") for m in range(lo, hi))
        k = lo
        while k < hi and tags[k] in _SUBJECT_TAGS and found[k][0].lower() not in ("of", "for"):
            k += 1
        m = k - 1
        while m > lo and tags[m] in ("RB", "JJ") and m > k - 3:
            m -= 1  # "Jakarta first banned": an adverb (or "first") between the subject and its verb
        alone = sum(tags[x].startswith("VB") or tags[x] == "MD" for x in range(lo, hi)) == 1
        if not finite and lo <= m < k < hi and tags[k] == "VBN" and tags[m][:2] in ("NN", "PR") \
                and tags[m] != "PRP$" and (k + 1 >= n or found[k + 1][0].lower() != "by") \
                and (k + 1 < n and (tags[k + 1] in ("DT", "NNP", "NNPS", "NN", "NNS", "PRP$", "JJ", "CD", "PRP")
                                    or alone and tags[k + 1] in ("IN", "TO", "RP"))):
            # (a preposition after it only when no other verb stands in the stretch: "the assets frozen in 2022
            # remain" has its own)
            tags[k] = "VBD"
        lo = hi + (hi < n and tags[hi] in (",", ":", ".", "(", ")") or hi < n and found[hi][0].lower() in
                   _CLAUSE_OPENERS)


_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whether", "because", "while", "although", "when", "if", "but"})

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOUN_PHRASE = frozenset({"DT", "JJ", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "CC"})


def _finite_after_insert(found: list[tuple[str, int, str]], tags: list[str]) -> None:
    """A sentence needs a finite verb: when a noun phrase opens it, an appositive or a relative clause set off by
    commas follows ("The regulator, AKEP, ..."; "The regulator ARECOMS, which sits under the ministry, ..."), and
    nothing outside the relative clause is finite, the past participle that the closing comma (and at most one
    adverb) leads to is the finite past ("... renewed the suspension"; "... first halted shipments"). Not before
    "by" (a passive participle), not without an object after it."""
    n = len(found)
    lo = 0
    while lo < n:
        hi = lo
        while hi < n and tags[hi] not in (";", ":", ".") and found[hi][0] not in (";", ":"):
            hi += 1
        _mend_segment(found, tags, lo, hi)
        lo = hi + 1


def _mend_segment(found: list[tuple[str, int, str]], tags: list[str], lo: int, hi: int) -> None:
    k = lo
    while k < hi and tags[k] in _NOUN_PHRASE:
        k += 1
    if k == lo or k >= hi or tags[k] != ",":
        return  # no noun phrase opening the segment, up to a comma
    relative = False
    finite_outside = False
    closing = []  # indices of commas that close an inserted phrase
    inserted = 0
    for m in range(k, hi):
        if tags[m] == ",":
            if relative or inserted:
                closing.append(m)
            relative = m + 1 < hi and found[m + 1][0].lower() in ("which", "who")
            inserted = m + 1
            continue
        if tags[m] in _FINITE and not relative:
            if m > inserted:  # a finite verb of the main clause: the tagger found it
                finite_outside = True
    if finite_outside or not closing:
        return
    c = closing[0]
    v = c + 1
    if v < hi and tags[v] in ("RB", "JJ") and v + 1 < hi and tags[v + 1] == "VBN":
        v += 1
    if v + 1 < hi and tags[v] == "VBN" and found[v + 1][0].lower() != "by" and (tags[v + 1] in _OBJECT_OPENERS or (
            found[v + 1][0].lower() in _PARTICLES and v + 2 < hi and tags[v + 2] in _OBJECT_OPENERS)):
        tags[v] = "VBD"  # (a particle before the object: "Noboa, for his part, set up a committee")


def _present_after_subject(found: list[tuple[str, int, str]], tags: list[str], is_verb) -> None:
    """"The law ends the ban", "The decision concerns TikTok": in a clause with no finite verb, a plural noun
    the lexicon reads first right after the head of an opening noun phrase, and before an article, a possessive
    or a name, is the phrase's verb in the present (two noun phrases never meet without one)."""
    n = len(found)
    for m in range(2, n - 1):
        if tags[m] in ("NNS", "VBN") and tags[m - 1] == "CC" and tags[m + 1] in ("DT", "PRP$", "PRP", "NNP"):
            # "extends the lifetime ... and ends the ban", "renewed the suspension ... and applied it": a verb
            # coordinated with a finite one shares its tense (no auxiliary stands before it)
            k = m - 2
            while k >= 0 and tags[k] not in (",", ";", ":", ".") and found[k][0].lower() not in _CLAUSE_OPENERS:
                k -= 1
            finite = [x for x in range(k + 1, m - 1) if tags[x] in _FINITE]
            if finite and not any(found[x][0].lower() in _BE | _HAVE for x in finite) and (
                    tags[m] == "NNS" and tags[finite[-1]] == "VBZ" and is_verb(found[m][0])
                    or tags[m] == "VBN" and tags[finite[-1]] == "VBD"):
                tags[m] = "VBZ" if tags[m] == "NNS" else "VBD"
            continue
        if tags[m] != "NNS" or tags[m - 1] != "NN" or tags[m + 1] not in ("DT", "PRP$", "NNP") \
                or not found[m][0].lower().endswith("s") or not is_verb(found[m][0]):
            continue
        k = m - 1
        while k > 0 and tags[k - 1] in ("NN", "JJ", "NNP"):
            k -= 1
        if k == 0 or tags[k - 1] not in ("DT", "PRP$"):
            continue
        opening = k - 1
        if opening and tags[opening - 1] not in (",", ";", ":", ".", "CC") and found[opening - 1][0].lower() \
                not in _CLAUSE_OPENERS:
            continue  # not the phrase opening its clause ("rules on the law ends ..." is no subject)
        end = m + 1
        while end < n and tags[end] not in (",", ";", ":", ".") and found[end][0].lower() not in _CLAUSE_OPENERS:
            end += 1
        if not any(tags[x] in _FINITE for x in range(opening, end)):
            tags[m] = "VBZ"

_SAID = frozenset({"said", "says", "argued", "argues", "warned", "warns", "added", "noted", "claimed", "insisted"})


def words(text: str) -> list[str]:
    """Lower-case lemmas of the content words of ``text`` (nouns, verbs, adjectives), or plain lower-case
    words without the extra."""
    tokens = tag(text)
    if tokens is None:
        return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text)]
    return [t.lemma for t in tokens if t.tag[:2] in ("NN", "VB", "JJ")]
