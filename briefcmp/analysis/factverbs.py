"""The verb group of a statement in a tagged sentence: where it starts, which verb is its action, and its shape.

``predicate`` says whether a verb heads a verb group (not a participle used as an adjective); ``action_verb``
walks past auxiliaries, modals, adverbs and frames ("has since quietly eased", "refused to join", "stopped
short of confirming whether X would", "are hereby required to") to the action; ``free_participle`` finds a
participle clause whose subject is the main clause's (", calling the sanctions unlawful", "answered by
withdrawing its envoys"); ``passive_group``, ``embedded_at``, ``group_start`` and ``coordinated_at`` read the
group's voice, an embedded clause and coordination. Split from ``briefcmp.analysis.facts``, which reads
the statements.
"""

from __future__ import annotations

from typing import Optional

from briefcmp.analysis import nlp
from briefcmp.analysis.factclauses import OPEN_WH, past_time, unsaid
from briefcmp.analysis.factforms import CALLING
from briefcmp.analysis.factwords import (
    ADVISABLE, AUX, BREAK_TAGS, DIRECTING, DISPOSED, FRAMES, HEDGING, INTENT_NOUNS, JUDGING, MISTAKEN, NOT_ACTIONS,
    PHRASAL, QUOTE_MARKS, SAYING, TIME,
)


def predicate(tokens: list[nlp.Token], i: int, in_chain: bool) -> bool:
    """Whether the verb at ``i`` heads a verb group (not a participle used as an adjective: "designated
    persons", "frozen assets", nor a participle clause: ", calling it ...")."""
    t = tokens[i]
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and prev.verb and (prev.lemma in AUX or prev.lemma in FRAMES) and t.tag in ("VBN", "VBG"):
        return False  # part of the group that started before
    if prev is not None and prev.tag == "TO" and i >= 3 and tokens[i - 3].lemma == "for" and tokens[i - 2].noun:
        return True  # "it would be a mistake for Japan to divert aid"
    if prev is not None and prev.lemma in ("not", "never") and t.tag in ("VBD", "VBZ", "VBP") and not any(
            x.tag == "MD" or x.verb and x.lemma in AUX for x in tokens[max(0, i - 3):i - 1]):
        return True  # "The embargo never covered medicines": a finite verb after its adverb, no auxiliary before
    if prev is not None and prev.tag in ("MD", "TO") or prev is not None and prev.lemma in ("not", "never"):
        return False  # "would join", "to join": the group starts at the modal (handled by the caller's scan)
    if t.tag == "MD":
        return True
    if t.tag == "VBG":
        return False  # "calling it ...", "excluding banks": a participle clause, not a statement of its own
    if t.tag in ("VBD", "VBN") and _object_after_aside(tokens, i):
        return False  # "to lift, with immediate effect, the ban imposed on X": the verb's object, and what modifies it
    if t.tag == "VBN":
        if nxt is not None and nxt.tag[:2] in ("NN", "JJ") and (prev is None or prev.tag in ("DT", "JJ", "PRP$", "IN",
                                                                                          "CD", "POS", "CC", "VBD",
                                                                                          "VBN", "VBZ", "VBP")):
            if not (prev is not None and prev.tag == "CC" and in_chain):
                return False  # "selected Russian banks", "the frozen assets"
        if prev is not None and prev.text == "," and nxt is not None and nxt.tag in ("DT", "PRP$", "NNS", "NN"):
            return True  # "Japan, in a statement, condemned the attack": a participle takes no object
        return prev is not None and (prev.tag.startswith(("NN", "PRP")) or prev.tag in ("RB", "CC")
                                     or prev.lemma in AUX)
    return True


_NOUN_PHRASE = frozenset({"DT", "PDT", "JJ", "JJS", "JJR", "NN", "NNS", "NNP", "NNPS", "CC", "PRP$", "POS", "CD"})


def _object_after_aside(tokens: list[nlp.Token], i: int) -> bool:
    """Whether the past form at ``i`` follows a noun phrase that a comma-closed aside puts after a verb ("decided
    to lift, with immediate effect, the suspension and all sanctions imposed on X"): that noun phrase is the
    verb's object, and the past form a participle that describes it, not a new clause's verb."""
    k = i
    while k > 0 and tokens[k - 1].tag in _NOUN_PHRASE and tokens[k - 1].text != ",":
        k -= 1
    if k == i or not tokens[i - 1].noun or k < 4 or tokens[k - 1].text != ",":
        return False
    m = k - 2  # back over the aside to its opening comma; an aside holds no verb
    while m > 0 and tokens[m].text != "," and not tokens[m].verb and tokens[m].tag != "MD" and k - m <= 8:
        m -= 1
    # (not a verb that reports or frames a clause: "said, in a statement, the troops withdrew" is a clause of its own)
    return m > 0 and m < k - 2 and tokens[m].text == "," and tokens[m - 1].tag in ("VB", "VBD", "VBN", "VBZ", "VBP") \
        and tokens[m - 1].lemma not in FRAMES | NOT_ACTIONS


def action_verb(tokens: list[nlp.Token], i: int) -> Optional[int]:
    """The index of the action verb of the group starting at ``i``: past auxiliaries, modals, "not",
    and frames ("refused to", "stopped short of confirming whether X would", "is considering")."""
    j = i
    n = len(tokens)
    for _ in range(12):
        t = tokens[j]
        k = j + 1
        while k < n and (tokens[k].tag in ("RB", "MD", "TO") or tokens[k].lemma in ("not", "n't")
                         or _adverbial(tokens, k)  # "has since quietly eased": a preposition with no object
                         or tokens[k].tag == "PRP" and tokens[k].lemma.endswith(("self", "selves"))  # "does not itself"
                         or tokens[k].text in ("n", "'", "\u2019", "t")
                         or tokens[k].text.lower() == "more" and tokens[k - 1].lemma == "once"  # "had once more ruled"
                         or t.lemma == "rule" and tokens[k].lemma == "out"
                         or t.lemma == "leave" and tokens[k].lemma == "open"):  # "left open whether"
            k += 1
        nxt = tokens[k] if k < n else None
        directed = _directed_to(tokens, j, k) if t.verb and t.lemma in DIRECTING else -1
        if directed > j:  # "ordered the ministry to close the port", "were instructed to return"
            j = directed
            continue
        if t.tag == "MD" or (t.verb and (t.lemma in AUX or t.lemma in FRAMES or t.lemma == "remain" and nxt is not None
                                         and nxt.text.lower() in DISPOSED)):  # "remains free to enter"
            if nxt is not None and nxt.verb:
                j = k
                continue
            if t.lemma == "be" and nxt is not None and nxt.lemma in ("a", "an") and k + 1 < n \
                    and tokens[k + 1].lemma in MISTAKEN:
                k, nxt = k + 1, tokens[k + 1]  # "it would be a mistake to ban": as "unwise to ban"
            if t.lemma in ("be", "remain") and nxt is not None and (
                    nxt.lemma in ADVISABLE or nxt.text.lower() in DISPOSED or nxt.lemma in MISTAKEN):
                # "would be wise not to follow", "is unlikely to lift", "is ready to resume"
                m = k + 1
                while m < n and (tokens[m].tag == "RB" or tokens[m].lemma in ("advised", "not")):
                    m += 1
                if m + 1 < n and tokens[m].tag == "TO" and tokens[m + 1].verb:
                    j = m + 1
                    continue
            m = past_time(tokens, k) if t.lemma in FRAMES else k  # "voted on Tuesday to withdraw"
            if k < m + 1 < n and tokens[m].tag == "TO" and tokens[m + 1].verb:
                j = m + 1
                continue
            if t.lemma == "have" and nxt is not None and nxt.lemma == "no" and k + 3 < n \
                    and tokens[k + 1].lemma in INTENT_NOUNS and tokens[k + 2].lemma in ("to", "of") \
                    and tokens[k + 3].verb:
                j = k + 3  # "has no plans to amend the act": not amending it (the value reads the frame)
                continue
            if t.lemma == "stop" and nxt is not None and nxt.lemma == "short":  # "stopped short of confirming"
                m = k + 1
                if m < n and tokens[m].lemma == "of" and m + 1 < n and tokens[m + 1].verb:
                    j = m + 1
                    continue
            if nxt is not None and t.lemma in SAYING | {"deny"} and nxt.tag in ("IN", "NNP") and nxt.lemma != "that":
                m = k  # "announced on Monday that ...": past a short time phrase
                while m < n and m - k < 4 and tokens[m].tag in ("IN", "NNP", "CD", "DT", "NN") \
                        and tokens[m].lemma not in ("that", "whether"):
                    m += 1
                if m < n and (tokens[m].lemma in ("that", "whether") or tokens[m].tag == "PRP" and m > k
                              and tokens[m].lemma in ("it", "they")):  # "said on Monday it would not renew"
                    k, nxt = m, tokens[m]
            if nxt is not None and (t.lemma in SAYING | HEDGING | {"deny"} or t.lemma == "rule" and k > j + 1) and (
                    nxt.lemma in ("whether", "that") or nxt.tag == "PRP" and nxt.lemma in ("it", "they")
                    or nxt.lemma in OPEN_WH and unsaid(tokens, i, j + 1)):  # "has not said how it will respond"
                # "confirming whether Japan would join": the action is the embedded one
                m = k + 1  # the embedded verb group: a modal, a finite verb, or "to" and a verb (past quote marks)
                while m < n and not (tokens[m].tag in ("MD", "VBD", "VBZ", "VBP") or tokens[m].verb
                                     and tokens[m - 1].tag == "TO") and (tokens[m].tag not in BREAK_TAGS
                                                                         or tokens[m].text in QUOTE_MARKS):
                    m += 1
                if m < n and tokens[m].verb or m < n and tokens[m].tag == "MD":
                    j = m
                    continue
                if t.lemma == "leave":
                    return None  # "left open whether ...": the open question is all it says
            if t.lemma in AUX or t.tag == "MD":
                return None if not t.verb or t.lemma in AUX else j
        return j if t.verb else None
    return None


# What may stand between a verb of directing and its "to": the one directed, a common noun phrase ("the banks under
# its supervision", "its members", "internet providers overnight").
_ADDRESSEE = frozenset({"DT", "PDT", "PRP$", "JJ", "NN", "NNS", "POS", "CD", "CC", "RB", "IN"})


def _directed_to(tokens: list[nlp.Token], j: int, k: int) -> int:
    """The index of the act a verb of directing at ``j`` directs (``k``: the first word after it and its adverbs),
    or -1. A passive ("has been instructed to make the ban permanent") directs its subject; an active one a common
    noun phrase ("told its members to freeze", "ordered internet providers overnight to cut access"), and the act is
    the subject's own decision. Not a named addressee ("ordered Ruritania to withdraw": another state's act, at
    most) nor a court's order (``JUDGING``): both tell another party what to do, which it has not done."""
    n = len(tokens)
    if tokens[j].tag == "VBN" and k < n and tokens[k].verb and tokens[k - 1].tag == "TO" \
            and any(x.lemma == "be" for x in tokens[max(0, j - 3):j]):
        return k  # "were directed to return": the one directed is the subject
    m, nouns = k, 0
    while m < n and m - k <= 8 and (tokens[m].tag in _ADDRESSEE or tokens[m].tag == "NNP" and tokens[m].lemma in TIME) \
            and tokens[m].lemma not in ("that", "whether", "if"):  # ("told lenders late on Friday to freeze")
        nouns += tokens[m].noun
        m += 1
    if m == k and m < n and tokens[m].tag == "PRP" and tokens[m].lemma in ("it", "them"):
        m, nouns = m + 1, 1  # "told them to leave"
    if not nouns or m + 1 >= n or tokens[m].tag != "TO" or not tokens[m + 1].verb:
        return -1
    lo = j
    while lo > 0 and tokens[lo - 1].tag not in BREAK_TAGS:
        lo -= 1
    if any(x.lemma in JUDGING for x in tokens[lo:j]) or any(x.lemma in JUDGING for x in tokens[k:m]):
        return -1
    return m + 1


# Participles that work as prepositions ("including", "following the vote", "according to", "given the risk"):
# they open no action of the subject's. A closed class of English grammar.
_PREPOSITIONAL = frozenset("include exclude follow accord regard concern consider give pend bar notwithstand start "
                           "begin compare depend exempt save".split())


def free_participle(tokens: list[nlp.Token], i: int) -> bool:
    """Whether the -ing form at ``i`` opens a participle clause whose subject is the main clause's ("..., calling
    the sanctions unlawful", "answered by withdrawing its envoys"): after a comma or "by", not a preposition in
    participle form, not a report ("saying ...": read as what is said)."""
    t = tokens[i]
    return t.tag == "VBG" and i > 0 and (tokens[i - 1].text == "," or tokens[i - 1].lemma == "by") \
        and t.lemma not in _PREPOSITIONAL and t.lemma not in SAYING \
        and (t.lemma not in NOT_ACTIONS or t.lemma in CALLING) \
        and i + 1 < len(tokens) and tokens[i + 1].tag not in BREAK_TAGS


def _adverbial(tokens: list[nlp.Token], k: int) -> bool:
    """Whether the preposition at ``k`` stands as an adverb inside a verb group ("has since eased", "has since
    quietly eased"): a verb or an adverb follows it at once, so it has no object of its own."""
    return tokens[k].tag == "IN" and tokens[k].lemma not in ("that", "whether", "if", "because", "as", "than") \
        and k + 1 < len(tokens) and (tokens[k + 1].tag in ("RB", "VBN", "VBD") or tokens[k + 1].tag == "VBG"
                                     and tokens[k - 1].lemma == "be")


def passive_group(tokens: list[nlp.Token], i: int, j: int) -> bool:
    """Whether the verb group i..j is a passive ("were banned", "has been frozen"; "has been cut", which the tagger
    may read as a past tense: after a form of "be" it is the participle)."""
    if tokens[j].tag == "VBN":
        return any(tokens[k].lemma == "be" for k in range(i, j))
    k = j - 1
    while k >= i and tokens[k].tag in ("RB", "RBR"):
        k -= 1
    return tokens[j].tag in ("VBD", "VB") and k >= i and tokens[k].lemma == "be" and tokens[k].verb \
        and tokens[j].lemma != "be"


def embedded_at(tokens: list[nlp.Token], i: int, j: int) -> Optional[int]:
    """The index after "whether"/"that" inside the verb group i..j, if the group embeds a clause."""
    for k in range(j - 1, i, -1):
        if tokens[k].lemma in ("whether", "that", "if") or tokens[k].lemma in OPEN_WH and unsaid(tokens, i, k):
            return k + 1
    return None


def group_start(tokens: list[nlp.Token], lo: int, j: int) -> int:
    """The first modal, auxiliary or verb from ``lo`` on (the embedded verb group)."""
    for k in range(lo, j + 1):
        if tokens[k].tag == "MD" or tokens[k].verb:
            return k
    return j


def coordinated_at(tokens: list[nlp.Token], clause_start: int, i: int) -> bool:
    """Whether the verb at ``i`` continues the previous verb's subject ("... and joined")."""
    k = i - 1
    while k >= clause_start and tokens[k].tag in ("RB", "MD") or (k >= 0 and tokens[k].lemma in AUX
                                                                  and tokens[k].verb and k >= clause_start):
        k -= 1
    return k >= 0 and tokens[k].tag == "CC" and tokens[k].lemma in ("and", "or", "but")


def acting(tokens: list[nlp.Token], j: int, lemma: str) -> bool:
    """Whether the verb at ``j`` states an act: not a verb of saying or being (``NOT_ACTIONS``), unless it makes a
    request ("asked Moscow to close its base") or, with its particle, a phrasal verb of its own ("called off the
    talks" cancelled them, whatever "called" alone says). ``lemma``: the verb as read ("called the expulsions
    unacceptable" is read as "condemn")."""
    if lemma not in NOT_ACTIONS or requested(tokens, j):
        return True
    return j + 1 < len(tokens) and tokens[j + 1].tag in ("IN", "RP") \
        and (tokens[j].lemma, tokens[j + 1].lemma) in PHRASAL


def requested(tokens: list[nlp.Token], j: int) -> bool:
    """Whether "ask" at ``j`` makes a request of someone ("asked Moscow to close its base", "asked Taiwan for aid"):
    an act with an addressee, not a question ("asked whether ...", "when asked about it")."""
    if tokens[j].lemma != "ask":
        return False
    k = j + 1
    while k < len(tokens) and k - j <= 6 and (tokens[k].noun or tokens[k].tag in ("DT", "JJ", "PRP", "PRP$", "POS")):
        k += 1
    return j + 1 < k < len(tokens) and (tokens[k].tag == "TO" and k + 1 < len(tokens) and tokens[k + 1].verb
                                        or tokens[k].lemma == "for")


def _form(tag: str) -> str:
    """A finite verb's form: past (the tagger reads a past as a participle at times), or its own tag."""
    return "past" if tag in ("VBD", "VBN") else tag


def listed_verb(tokens: list[nlp.Token], clause_start: int, i: int, before: str) -> bool:
    """Whether the verb at ``i`` continues a list of actions of one subject ("It shut the border, closed its
    airspace and halted trade"; "Jakarta banned ore exports in 2014, relaxed the ban in 2017, and then restored
    it"): right after a comma, in the form of the list's verb before it (``before``: its tag), with the list closed
    later in the sentence by "and"/"or" and a verb of that form. A verb after a comma without such a close is
    another clause's ("Sweden, which applied in May, remains outside")."""
    n = len(tokens)
    if clause_start != i or i < 2 or tokens[i - 1].text != "," or not before \
            or tokens[i].tag not in ("VBD", "VBN", "VBZ", "VBP") or _form(tokens[i].tag) != _form(before):
        return False
    for k in range(i + 1, n):
        if tokens[k].text in (";", ":") or tokens[k].tag == "." or tokens[k].lemma in ("which", "who", "that"):
            return False
        if tokens[k].tag == "CC" and tokens[k].lemma in ("and", "or"):
            m = k + 1
            while m < n and tokens[m].tag == "RB":
                m += 1  # "and then restored"
            if m < n and tokens[m].tag in ("VBD", "VBN", "VBZ", "VBP") and _form(tokens[m].tag) == _form(before):
                return True
    return False


def inside_group(tokens: list[nlp.Token]) -> list[nlp.Token]:
    """The tokens with the commas around an adverb set off inside a verb group read as adverbs ("Armenia will not,
    however, prevent ...", "The bank has, therefore, raised ..."): the group goes on past them. Only between a modal
    or an auxiliary (or "not" after one) and a verb. A word the tagger calls an adjective between a name or pronoun
    and its finite verb is an adverb too ("Rama first announced"): the statements' reading only, not the tagger's."""
    out = list(tokens)
    for k in range(1, len(tokens) - 3):
        before, after = tokens[k - 1], tokens[k + 3]
        modal = before.tag == "MD" or before.lemma in ("not", "n't") and k >= 2 and tokens[k - 2].tag == "MD"
        if tokens[k].text != "," or tokens[k + 1].tag != "RB" or tokens[k + 2].text != "," or not (
                modal or before.verb and before.lemma in AUX
                or before.lemma in ("not", "n't") and k >= 2 and tokens[k - 2].verb):
            continue
        if modal and not after.verb and after.tag in ("NN", "JJ") and nlp.is_verb_base(after.text):
            # "will not, however, block the accord": the word a modal governs is a verb, whatever the lexicon says
            after = out[k + 3] = nlp.Token(after.text, after.start, after.end, "VB", nlp.lemma(after.text, "VB") or
                                           after.lemma)
        if after.verb:
            for m in (k, k + 2):
                out[m] = nlp.Token(tokens[m].text, tokens[m].start, tokens[m].end, "RB", ",")
    for k in range(1, len(out) - 1):
        if out[k].tag == "JJ" and out[k - 1].tag in ("NNP", "NNPS", "PRP") and out[k + 1].tag in ("VBD", "VBZ", "VBP"):
            # "Rama first announced", "he later withdrew": no adjective stands between a subject and its verb
            out[k] = nlp.Token(out[k].text, out[k].start, out[k].end, "RB", out[k].lemma)
    return out


def past_clause(tokens: list[nlp.Token], k: int) -> bool:
    """Whether the first verb of the clause from ``k`` (up to a break) is in the past ("when the president vetoed
    the bill", "when Switzerland did not join", "when the talks had collapsed"): an event the sentence asserts, where
    a present or a modal ("when the bank cuts rates", "when it will") makes a condition or a time to come."""
    for t in tokens[k:]:
        if t.tag in BREAK_TAGS:
            return False
        if t.tag == "MD":
            return False
        if t.verb and t.tag != "VBG":
            return t.tag in ("VBD", "VBN")
    return False
