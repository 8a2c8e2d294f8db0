"""The object of an action verb in a tagged sentence: where it ends and what it is about.

``object_end`` finds where a verb's object ends (a clause break, a relative word, a coordinated verb,
a phrase of time or reason); ``object_words`` gives its content lemmas, scope words ("selected",
"all", "mild"), nouns and the entities it names; ``head_noun`` the noun that says what it is.
Shared by ``briefcmp.analysis.facts`` (verbs) and ``briefcmp.analysis.factnouns`` (action nouns).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefcmp.analysis import nlp
from briefcmp.analysis.factwords import AUX, BREAK_TAGS, IDLE, MORE, SCOPE, TIME, VAGUE_NOUNS

MAX_OBJECT_TOKENS = 14


@dataclass
class Fact:
    """One actor's action (or advised action) read from a sentence; offsets are into the sentence."""

    actor: str  # entity id
    actors: tuple[str, ...]  # every actor of the verb (for the quote: "Japan and South Korea")
    verb: str  # lemma
    start: int  # the quote: from the subject (or the coordinated verb) to the end of the object
    end: int
    object_start: int
    object_end: int
    kind: str  # fact | forecast | recommendation
    value: str  # yes | no | undecided | support | oppose
    words: tuple[str, ...]  # object content lemmas, in order, without scope words and entity names
    shown: tuple[str, ...]  # the same words as written
    scope: tuple[str, ...] = ()  # scope words on the object, as lemmas
    others: tuple[str, ...] = field(default=())  # entities named in the object (Russia in "sanctions on Russia")
    object_text: str = ""  # the object as written ("the assets of Russian individuals")
    nouns: tuple[str, ...] = ()  # the object's nouns (lemmas), without times ("Friday", "last week"): what it is
    undergone: bool = False  # the actor undergoes the action, no agent said ("Internet access has been cut")

    @property
    def value_type(self) -> str:
        return "stance" if self.kind == "recommendation" else "category"


def object_words(sentence: str, obj: list[nlp.Token], names: list[tuple[int, int, str]], actors: tuple[str, ...]
                  ) -> tuple[list[str], list[str], list[str], list[str], tuple[str, ...], str]:
    """(content lemmas, the same as written, scope words, nouns, entities named, the object as the question
    shows it) of an object's tokens."""
    o_start, o_end = obj[0].start, obj[-1].end
    others = tuple(dict.fromkeys(e for a, b, e in names if a >= o_start and b <= o_end and e not in actors))
    in_names = [(a, b) for a, b, _ in names]
    words: list[str] = []
    shown: list[str] = []
    scope: list[str] = []
    nouns: list[str] = []
    for n_obj, tok in enumerate(obj):
        if any(a <= tok.start < b for a, b in in_names):
            continue
        low = tok.text.lower()
        if (low in SCOPE or tok.lemma in SCOPE) and tok.tag[:2] in ("JJ", "DT", "VB", "PD", "RB"):
            scope.append(low if low in SCOPE else tok.lemma)
        elif tok.lemma in IDLE:
            continue
        elif tok.lemma in MORE or tok.text.lower() in MORE:
            if "+more" not in nouns:
                nouns.append("+more")
        elif tok.lemma in TIME or tok.tag == "CD" or not re.match(r"[A-Za-z]", tok.text):
            continue  # "on Friday", "in 2014", "last week": when, not what
        elif tok.tag[:2] in ("NN", "JJ", "VB") and tok.lemma not in AUX:
            words.append(tok.lemma)
            shown.append(tok.text)
            if (tok.noun or tok.verb and n_obj and obj[n_obj - 1].tag in ("IN", "DT", "PRP$")) \
                    and tok.lemma not in VAGUE_NOUNS:
                nouns.append(tok.text.lower() if tok.verb else tok.lemma)  # "exports of maize" (VBP)
    last = len(obj)
    while last > 1 and (obj[last - 1].lemma in TIME or obj[last - 1].tag in ("CD", "IN", "DT", "RB")
                        or obj[last - 1].lemma in ("this", "that")):
        last -= 1  # "... on Friday", "earlier this year": the question leaves the time out
    return words, shown, scope, nouns, others, sentence[o_start:obj[last - 1].end]


def _listed(tokens: list[nlp.Token], k: int) -> bool:
    """Whether tokens from ``k`` are the next item of a list of nouns: nouns (adjectives before them), then a
    comma or "and"/"or" and a noun or adjective."""
    m = k
    while m < len(tokens) and m - k < 4 and tokens[m].tag[:2] in ("NN", "JJ"):
        m += 1
    return m > k and tokens[m - 1].noun and m + 1 < len(tokens) and (
        tokens[m].text == "," or tokens[m].lemma in ("and", "or")) and tokens[m + 1].tag[:2] in ("NN", "JJ")


def object_end(tokens: list[nlp.Token], j: int, stops: frozenset[int] = frozenset()) -> int:
    """The index after the verb's object: up to a clause break, a relative word, a coordinated verb or a
    phrase of time (``stops``: token indices where one starts)."""
    n = len(tokens)
    k = j + 1
    while k < n and k - j <= MAX_OBJECT_TOKENS:
        t = tokens[k]
        if k in stops and k > j + 1:
            break
        if t.text == "," and k > j + 1 and tokens[k - 1].noun and _listed(tokens, k + 1):
            k += 1  # "gallium, germanium and antimony": one object listed
            continue
        if t.text == "." and tokens[k - 1].text in ("No", "no", "Nos") and k + 1 < n and tokens[k + 1].tag == "CD":
            k += 1  # "the No. 6 reactor"
            continue
        if t.tag in BREAK_TAGS or t.lemma in ("which", "who", "while", "whereas", "but", "because", "although",
                                                "though", "as", "after", "when", "since", "if", "unless",
                                                "that", "whether", "until", "till", "once", "before", "so",
                                                "despite", "amid", "according", "what", "where", "how") \
                and not (t.lemma == "what" and k == j + 1):  # "fulfils what the ruling requires": the object
            break
        if t.noun and t.lemma in TIME and k > j + 1 and k + 1 < n and tokens[k + 1].tag in ("IN", "RB", "RBR"):
            break  # "... hours after the discharge", "days later"
        if t.tag == "IN" and k > j + 1 and any(tokens[m].lemma in TIME and tokens[m].noun
                                                for m in range(k + 1, min(k + 3, n))):
            break  # "... on the day of the first discharge", "in recent weeks": when, not what
        if t.lemma == "in" and any(condition_at(tokens, m) for m in range(k + 1, min(k + 3, n))):
            break  # "... in the event Russia invades": a condition, not the object
        if t.lemma in ("following", "amid", "due", "ahead", "despite") or (
                t.lemma == "in" and k + 1 < n and tokens[k + 1].lemma in ("response", "line", "addition", "order",
                                                                           "exchange", "return", "retaliation")):
            break  # "sanctions against Russia in response to ...": the reason is not the object
        if t.tag == "CC" and k + 1 < n:
            m = k + 1
            while m < n and (tokens[m].tag in ("RB", "MD") or tokens[m].lemma in AUX and tokens[m].verb
                             and m + 1 < n and tokens[m + 1].verb):
                m += 1
            if m < n and tokens[m].verb and tokens[m].tag in ("VBD", "VBN", "VBZ", "VBP", "VB"):
                break  # "... and joined the sanctions": a coordinated verb
            m = k + 1
            while m < n and tokens[m].tag in ("NNP", "NNPS", "DT", "PRP", "NNS", "NN") and m - k <= 4:
                m += 1
            if m > k + 1 and m < n and (tokens[m].tag in ("VBD", "VBZ", "VBP", "MD")):
                break  # "... invade Ukraine and Japan had to shift": a new clause with its own subject
        if t.tag in ("VBD", "VBZ", "VBP") and k > j + 1 and tokens[k - 1].tag not in ("IN", "DT", "JJ", "PRP$", "TO"):
            if tokens[j + 1].lemma == "what" and not any(x.tag in ("VBD", "VBZ", "VBP") for x in tokens[j + 2:k]):
                k += 1  # "what the judgment requires": the free relative's own verb
                continue
            break  # a new finite verb (a relative clause without "which"); after "of" it is a mis-tagged noun
        if k > j + 1 and tokens[k - 1].tag in ("NN", "NNS") and (t.tag in ("DT", "NNP") and t.lemma != "no"
                                                                 or t.tag == "PRP" and t.lemma in ("it", "they", "we")):
            m = k + 1
            while m < n and m - k <= 4 and tokens[m].tag in ("NNP", "NNPS", "JJ", "NN", "NNS", "CD"):
                m += 1
            if m < n and (tokens[m].tag in ("VBD", "VBZ", "VBP", "MD") or tokens[m].tag == "VBN" and (
                    m + 1 >= n or tokens[m + 1].tag not in ("DT", "PRP$", "NN", "NNS"))):
                # "the packages the European Union adopted", "the ban it imposed in 2023": a relative clause
                # without "that" (a participle the tagger reads in a past form: no object of its own follows)
                break
        k += 1
    return k


def head_noun(obj: list[nlp.Token]) -> str:
    """The lemma of the last noun of the object's first run of nouns ("export bans on items": ban)."""
    head = ""
    for t in obj:
        if t.noun and t.tag not in ("NNP", "NNPS"):
            head = t.lemma
        elif head and t.tag not in ("JJ",):
            break
    return head


def condition_at(tokens: list[nlp.Token], i: int) -> bool:
    """ "event" in "in the event (that)", "case" in "in case": a condition starts after it."""
    return tokens[i].lemma in ("event", "case") and i >= 1 and tokens[i - 1].lemma in ("the", "in") and (
        i + 1 < len(tokens) and tokens[i + 1].tag not in ("IN", "TO"))


RESTRICTED_TO = frozenset({"use", "user", "purpose", "application", "end-use", "end-user"})


def restriction_at(tokens: list[nlp.Token], lo: int, hi: int) -> int:
    """The index of a phrase in tokens[lo:hi] (or just after) that limits an action to some uses ("for military
    end uses", "for military users"), or -1: it makes the action partial (scope "selected")."""
    for k in range(lo, min(hi + 1, len(tokens))):
        if tokens[k].lemma == "for" and any(_restricting(t) for t in tokens[k + 1:k + 5]):
            return k
    return -1


def _restricting(t: nlp.Token) -> bool:
    return t.lemma in RESTRICTED_TO or t.text.lower().rstrip("s") in RESTRICTED_TO  # "uses" is tagged a verb


def restriction_end(tokens: list[nlp.Token], k: int) -> int:
    """The index of the last word of the limiting phrase at ``k`` ("for military end uses and military users")."""
    last = k
    for m in range(k + 1, min(k + 10, len(tokens))):
        if tokens[m].tag in BREAK_TAGS:
            break
        if _restricting(tokens[m]):
            last = m
    return last
