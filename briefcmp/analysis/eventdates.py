"""Date claims lined up by event: "Russia annexed Crimea in 2014" in two briefs answer one question.

A date claim answers "when did <event> happen?". Two date claims share a key when their
sentences name the same event (an event word of ``EVENTS``, read through ``document.lemma``)
next to the date, and the names around that event word overlap (the same actors or the same
object: "Russia's annexation of the Crimean Peninsula", "Russia annexed Crimea"). The key is
then applied whether the dates agree or not, so different dates for one event contradict.

Precision first (a false contradiction costs more than a miss):
- the sentence must hold that one date claim (two dates: which is the event's is unclear);
- a date after "since", "until", "by", "before", "after", "from" or "between" is a bound, not the event's date;
- an event that happens again (a call, a summit, sanctions, a visit) is keyed only when every
  date of the group falls within ``REPEAT_DAYS`` days and every claim names the same two names
  at least: further apart, it is another occurrence, and no group (not even a candidate) is
  proposed; "again", "another", "second", "further" mark a repeat (a candidate only);
- claims join when the names around their event words overlap; a group is applied only when
  one name at least (two for a recurring event) is common to all of them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Callable, Optional

from briefcmp.analysis.document import lemma
from briefcmp.analysis.countrydata import slug
from briefcmp.corpus.functionwords import FUNCTION_WORDS

REPEAT_DAYS = 3
REACH = 20  # the event word at most this many words from the date
WINDOW = 8  # words either side of the event word whose names say whose event it is

# event -> its words (lemmas, lowercase). ``once``: the event happens once for the names it takes.
EVENTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "annexation": (("annex", "annexation", "annexed"), True),
    "invasion": (("invasion", "invade", "invaded"), True),
    "declaration": (("declaration",), True),
    "treaty": (("treaty",), True),
    "tenure-end": (("resign", "resignation", "resigned"), True),  # and _TENURE_END's phrases
    "call": (("phone", "telephone", "phoned", "call"), False),
    "summit": (("summit",), False),
    "visit": (("visit",), False),
    "sanctions": (("sanction", "sanctions"), False),
}
_WORD_EVENT = {w: e for e, (ws, _) in EVENTS.items() for w in ws}
_CALL_NOUN = re.compile(r"\b(?:a|the|phone|telephone|video|their|his|her)\s+calls?\b", re.I)
_REPEAT = re.compile(r"\b(?:again|another|second|third|new\s+round|further|latest|additional)\b", re.I)
_BOUND = re.compile(r"\b(?:since|until|till|by|before|after|from|between|through|to)\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$",
                    re.I)
_TENURE_END = re.compile(r"\b(?:tenure|term|era|premiership|presidency|reign)\b[^.;]{0,30}?\bended\b|"
                         r"\bstepped\s+down\b|\bleft\s+office\b", re.I)
_PRONOUN = re.compile(r"\b(?:[Hh]is|[Hh]er|[Hh]e|[Ss]he)\b")
_ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_CLAUSE_END = re.compile(r"[,;:()]|\s[-–—]\s")
_TOKEN = re.compile(r"[A-Za-z](?:[A-Za-z'’-]|\.(?=[A-Za-z]))*")  # "U.S" inside, no sentence's full stop
_MONTHS = ("january february march april may june july august september october november december").split()
# Capitalised words that name nobody: the function words (corpus/functionwords.py), titles and linking adverbs.
_TITLES = FUNCTION_WORDS | frozenset("president prime minister foreign secretary chancellor king queen premier "
                                     "however although since meanwhile still yet".split())


def _date_at(text: str, d: str) -> Optional[tuple[int, int]]:
    """Where the date ``d`` (YYYY, YYYY-MM or YYYY-MM-DD) is written in ``text``."""
    if not _ISO.fullmatch(d) or not 1 <= int(d[5:7] or 1) <= 12:
        return None  # a period ("2024-04/2025-03", "2024-Q1"): no one day or month of an event
    parts = d.split("-")
    spans = []
    if len(parts) >= 2:
        mon = _MONTHS[int(parts[1]) - 1]
        mname = rf"(?:{mon}|{mon[:3]}\.?)"
        if len(parts) == 3:
            day = str(int(parts[2]))
            pat = rf"\b{mname}\s+{day}(?:st|nd|rd|th)?\b|\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{mname}\b"
        else:
            pat = rf"\b{mname},?\s+{parts[0]}\b"
        spans = [m.span() for m in re.finditer(pat, text, re.I)]
    else:
        spans = [m.span() for m in re.finditer(rf"(?<![\d.,-]){parts[0]}(?!\d|[,.]\d)", text)]
    return spans[0] if len(spans) == 1 else None


def _stem(word: str) -> str:
    return re.sub(r"['’]s$", "", word).lower()[:5]


def event_of(sentence: str, at: tuple[int, int], lang: str = "en", previous: str = "") -> Optional[tuple[str, frozenset[str], int, str]]:
    """(event, the name stems around its word, the event word's offset, the words around it) for the date
    at ``at``; None when no event word is near the date, or two are as near."""
    if _BOUND.search(sentence[max(0, at[0] - 24):at[0]]):
        return None
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(sentence)]
    date_i = sum(1 for _, pos in tokens if pos < at[0])  # the date stands before this token
    best = None
    phrases = {sum(1 for _, p in tokens if p < m.start()): "tenure-end" for m in _TENURE_END.finditer(sentence)}
    for i, (tok, pos) in enumerate(tokens):
        lem = lemma(tok.lower(), lang=lang)
        event = phrases.get(i) or _WORD_EVENT.get(tok.lower()) or _WORD_EVENT.get(lem)
        if event is None:
            continue
        if event == "call" and tok.lower() not in ("phone", "telephone", "phoned") and not (
                tok.lower() in ("call", "calls") and _CALL_NOUN.search(sentence, max(0, pos - 10), pos + len(tok))):
            continue  # "called for restraint", "called on Moscow": no phone call
        distance = abs(i - date_i)
        if distance > REACH or _other_clause(sentence, at, pos):
            continue
        names = frozenset(_stem(t) for t, _ in tokens[max(0, i - WINDOW):i + WINDOW + 1]
                          if t[0].isupper() and t.lower() not in _TITLES and t.lower().rstrip(".") not in _MONTHS
                          and t.lower() not in _WORD_EVENT)
        if best is None or distance < best[0]:
            near = tokens[max(0, i - WINDOW):i + WINDOW + 1]
            a, b = near[0][1], near[-1][1] + len(near[-1][0])
            a = max([a, *(m.end() for m in _CLAUSE_END.finditer(sentence, a, pos))])
            b = min([b, *(m.start() for m in _CLAUSE_END.finditer(sentence, pos, b))])
            best = (distance, event, names, pos, sentence[a:b])
        elif distance == best[0] and event != best[1]:
            best = (distance, "", frozenset(), pos, "")  # two events as near: which is the date's is unclear
    if best is not None and best[1] and _PRONOUN.search(best[4]):
        # "Abe met Putin nine times before his tenure ended": whose, the sentence's start names
        best = (*best[:2], best[2] | frozenset(_stem(t) for t, p in tokens if p < best[3] and t[0].isupper()
                                               and t.lower() not in _TITLES and t.lower() not in _MONTHS), *best[3:])
    if best is not None and best[1] and not best[2] and previous and _PRONOUN.search(best[4]):
        # "His era, which ended in 2020 as he stepped down": whose, the sentence before names
        best = (*best[:2], frozenset(_stem(t) for t in _TOKEN.findall(previous) if t[0].isupper() and
                                     t.lower() not in _TITLES and t.lower() not in _MONTHS), *best[3:])
    if best is None or not best[1] or not best[2]:
        return None  # no event near the date, or two, or nobody's
    return best[1], best[2], best[3], best[4]


# Where another clause begins: a semicolon, colon, parenthesis or dash, or a comma before a conjunction or a pronoun
# subject (", and Moscow called off", ", he stopped short of"); an appositive's commas (", President X,") part nothing.
_CLAUSE_START = re.compile(r"[;:()]|\s[-–—]\s|,\s+(?:and|but|while|whereas|although|though|which|who|when|after|"
                           r"before|as|he|she|it|they|we)\b", re.I)


def _other_clause(sentence: str, at: tuple[int, int], pos: int) -> bool:
    """Whether an event word at ``pos`` stands in another clause than the date at ``at`` ("refused in August 2022
    to let inspectors in, and Moscow called off a meeting of the treaty's commission": the refusal's date, not
    the treaty's)."""
    return bool(_CLAUSE_START.search(sentence, pos, at[0]) if pos < at[0] else _CLAUSE_START.search(sentence, at[1], pos))


def _day(d: str) -> Optional[date]:
    try:
        return date.fromisoformat(d) if len(d) == 10 else None
    except ValueError:
        return None


def _close(dates: list[str]) -> bool:
    days = [_day(d) for d in dates]
    if any(x is None for x in days):
        return len(set(dates)) == 1
    return (max(days) - min(days)).days <= REPEAT_DAYS  # type: ignore[type-var]


def date_groups(corpus, entities, context_of: Callable, member_cls, group_cls, taken: set[str]) -> tuple[list, list]:
    """(sure groups, candidates) of unkeyed date claims that name one event.

    ``context_of(brief)`` gives align's sentence context; ``member_cls`` and ``group_cls`` are align's
    ``Member`` and ``Group`` (this module does not import align: align calls it)."""
    found: list[tuple[object, str, frozenset[str], tuple[str, ...], bool]] = []
    shown: dict[str, str] = {}  # name stem -> how it is written, for the explanation
    for brief in corpus.briefs:
        dated = [c for c in brief.claims if c.value is not None and c.value.type == "date" and not c.key
                 and c.value.date is not None and c.span is not None]
        if not dated:
            continue
        ctx = context_of(brief)
        if not getattr(ctx, "ok", False):
            continue
        nearest: dict[tuple[int, int], tuple[int, object]] = {}  # (sentence, event word) -> its nearest date
        for c in dated:
            si = ctx.sentence_index(c.span[0])
            s0, s1 = ctx.sentences[si]
            sentence = ctx.text[s0:s1]
            at = _date_at(sentence, str(c.value.date))
            if at is None:
                continue
            before = ctx.sentences[si - 1] if si > 0 else (s0, s0)
            ev = event_of(sentence, at, brief.language or "en",
                          ctx.text[before[0]:before[1]] if ctx.block_of(before[0]) == ctx.block_of(s0) else "")
            if ev is None:
                continue
            event, names, pos, around = ev
            distance = abs(pos - at[0])
            # whose event it is: the entities next to the event word ("Russia's annexation of Crimea"),
            # not every country of the sentence
            item = (c, event, names, entities.subjects(around), bool(_REPEAT.search(sentence)))
            for m in _TOKEN.finditer(around):
                shown.setdefault(_stem(m.group()), re.sub(r"['’]s$", "", m.group()))
            if (si, pos) in nearest:  # two dates, one event word: only the nearer date is the event's
                d0, other = nearest[(si, pos)]
                if d0 == distance:
                    nearest[(si, pos)] = (d0, None)
                if d0 <= distance:
                    continue
            nearest[(si, pos)] = (distance, item)
        found += [item for _, item in nearest.values() if item is not None]
    # Join claims of one event whose names overlap (connected components, bounded per event).
    by_event: dict[str, list] = defaultdict(list)
    for f in found:
        by_event[f[1]].append(f)
    sure, maybe = [], []
    for event, items in sorted(by_event.items()):
        parent = list(range(len(items)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i in range(len(items)):
            for j in range(i + 1, min(len(items), i + 200)):  # bounded: linear in the claims
                if items[i][2] & items[j][2]:
                    parent[root(i)] = root(j)
        comps: dict[int, list] = defaultdict(list)
        for i, it in enumerate(items):
            comps[root(i)].append(it)
        for comp in comps.values():
            if len(comp) < 2:
                continue
            once = EVENTS[event][1]
            dates = [str(c.value.date) for c, *_ in comp]
            if not once and not _close(dates):
                continue  # a call, a summit, sanctions days or years apart: other occurrences, not a question
            doubt = ""
            if any(rep for *_, rep in comp):
                doubt = "the event may be a repeat (\"again\", \"another\", \"further\")"
            shared = frozenset.intersection(*(n for _, _, n, _, _ in comp))
            if not doubt and len(shared) < (1 if once else 2):
                # names that overlap only pair by pair ("Japan" here, "Russia" there): maybe two events
                doubt = "the claims share no name (or, for an event that recurs, fewer than two) all together"
            subjects = tuple(sorted(set.intersection(*(set(s) for *_, s, _ in comp))))
            words = (event, *sorted(shared))
            members = [member_cls(c, subjects, "sentence", "", "date", frozenset(words), {w: w for w in words}, words,
                                  subjects[0] if subjects else "", str(c.value.date), "stated")
                       for c, *_ in sorted(comp, key=lambda it: it[0].ref)]
            base = slug("-".join([*subjects, event, "date"]))[:60].strip("-")
            key, n = base, 2
            while key in taken:
                key, n = f"{base}-{n}", n + 1
            if not doubt:
                taken.add(key)
            who = " and ".join(entities.label(x) for x in subjects)
            names = ", ".join(sorted(shown.get(x, x) for x in shared)) or "(a chain of overlapping names)"
            why = (f"event {event} named next to each date; shared names: {names}; "
                   f"dates {', '.join(sorted(set(dates)))}")
            (maybe if doubt else sure).append(group_cls(key, True, f"{who}: date of the {event}" if who else f"Date of the {event}", "", members, why,
                                                        not doubt, subjects, (), doubt))
    return sure, maybe


def add_groups(result, corpus, entities, context_of: Callable, member_cls, group_cls, taken: set[str]) -> None:
    """Add ``date_groups`` to align's ``result``: sure groups to apply, the others as candidates."""
    sure, maybe = date_groups(corpus, entities, context_of, member_cls, group_cls, taken)
    result.groups += sure
    result.candidates += maybe
