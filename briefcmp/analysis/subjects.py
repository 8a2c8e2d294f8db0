"""Whose figure it is when the figure's own text does not say: the brief's main subject, and the
subject of the release a brief reports.

Two rules of how news is written, used by ``align`` after a figure's clause, sentence, the
sentence before and the title have named no subject:

- **The brief's main subject** (``main_subject``): a brief that names one country or
  registered entity only is about it; one that names several is about the one it names
  far more than the others (at least ``MAIN_MENTIONS`` times, and at least ``MAIN_RATIO``
  times as often as any other: a wire story on Japan's economy mentioning Germany once).
  A country named once, only by its adjective and outside the lead paragraph ("the CEO pointed
  to American technology companies"), describes a side matter: it is not what the brief is about
  ("German economic output grew slightly", the lead of a statistics release, is).
- **The release's subject** (``adopt_release_subjects``): a brief that names no country at all
  ("Budget 2025: Government pegs capex at ...", a newsletter's "July jobs report at a
  glance") reports a release other briefs name. Its figures are matched with those of other
  briefs published within ``RELEASE_DAYS`` days that have the same unit, measured words alike
  ("sure" or "maybe"), no other stated period, and a value that agrees. When at least two of
  its figures (two values) match, and all matches give one and the same subject, the brief
  reports that release: each matched figure gets the subject (``subjects_from`` = "release").
  A figure that agrees with none gets none, so a subject taken from other reports never
  decides a contradiction alone; and ``evidence`` scores it below every subject a brief states.

- **The event's subject** (``adopt_event_subjects``): a report that names no one for a figure is
  no report about nobody. A brief whose figures (at least ``EVENT_VALUES`` distinct values, one at least
  not a percentage, or ``EVENT_VALUES + 1`` percentages) are the very values that other reports
  published within ``RELEASE_DAYS`` days give for one subject, and for no other subject as often
  (half as often at most), reports that event: its figures that name no one take that subject
  (``subjects_from`` = "event"), whatever their wording ("$9.3 billion in the black" and "a surplus of
  $9.3 billion"). Not in a brief whose figures name two subjects or more (a brief naming two
  countries, each with figures): there a figure naming no one may be either's; only those whose value
  is one of the event's take it. ``evidence`` scores an event subject below every subject a brief
  states, and one whose value differs from a figure of its period never decides a contradiction.
  A figure whose subject is only a guess (its title's, the sentence before's, the brief's main subject, the one
  country it names, or a body
  named by words any country uses with no country near: "(central-bank)") takes the event's subject too,
  when its own value is one that other reports give that subject in their own text (clause, sentence)
  or in two reports at least, and none gives it the guessed subject, nor states a figure of the brief for
  it: a guess never keeps apart two figures that the other reports' subjects would join.

Cost: figures are indexed by (dimension, unit, measured word) and publication day, and each
subjectless figure looks at no more than ``MAX_SCAN`` of them per word (linear).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from typing import Callable, Iterable, Optional, Sequence

MAIN_MENTIONS = 3  # a brief naming several countries is about one it names at least this often...
MAIN_RATIO = 2.0  # ...and this many times as often as any other
MAX_SCAN = 200  # figures of one unit, word and week looked at per subjectless figure (keeps the cost linear)
RELEASE_MATCHES = 2  # figures of a brief that must agree with one release before it takes the release's subject
EVENT_VALUES = 2  # distinct values a brief must share with other reports of one subject to report its event
TITLE_MANY = 3  # a title naming this many countries is about several: the brief has no main subject
EVENT = "event"  # Member.subjects_from of a subject taken from the event a brief reports
LEAD = "lead"  # Member.subjects_from of a brief's main subject that only its lead says (another named as often)


# The world named as what a headline is about: "World food prices rise", "Global air traffic hits a record",
# "IMF sees world growth stuck at 3.2%"; not "the world's largest carmaker" (a rank of something else), nor the
# world after a preposition ("exports to the world", "the biggest in the world"): ``title_world``.
_WORLD_WORD = re.compile(r"\b(?:[Ww]orld|WORLD|[Gg]lobal|GLOBAL|[Gg]lobally|[Ww]orldwide)\b(?!['’]s\b|\s+(?:Bank|Cup|Series)\b)")
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|in|across|around|than|among|from|to|into|with|for|by|on|over|at)\s+"
                                 r"(?:the\s+|its\s+|their\s+)?$", re.I)

def title_world(title: str) -> bool:
    """Whether a headline makes the world what it is about (see ``_WORLD_WORD``)."""
    for m in _WORLD_WORD.finditer(title):
        if not _PREPOSITION_BEFORE.search(title, max(0, m.start() - 16), m.start()):
            return True
    return False


# "Drought, war push global hunger past 300 million": the world's measure, then its figure; not a name's
# ("Renko global sales rise 5%", "Chile's global exports"): the world word follows a lower-case word (a verb's)
_WORLD_FIGURE = re.compile(r"(?:^|[^\w'’])[a-z]+\s+(?:global|world|worldwide)\s+(?:[a-z]+\s+){1,2}?(?:(?:past|to|at|above|below|"
                           r"over|near|of)\s+)?(?:US\$|[$€£¥₹])?\d")


def title_world_figure(title: str) -> bool:
    """Whether a headline gives the world's figure, whatever it names as the cause ("Drought, war push global
    hunger past 300 million": what pushes is a cause, the figure is the world's)."""
    return bool(_WORLD_FIGURE.search(title))


def lead_world(lead: str, entities) -> bool:
    """Whether a story's lead sentence makes the world what it reports, before its verb names anyone
    ("Global air passenger demand rose 10.4% in 2024, the airlines' association said": the world's
    figures, however often the story goes on to name one market)."""
    from briefcmp.analysis import clauses
    from briefcmp.analysis.measure import _CLAUSE_BREAK

    first = next(iter(clauses.breaks(_CLAUSE_BREAK, lead)), None)
    clause = lead[:first.start()] if first is not None else lead
    head = _FIRST_NUMBER.split(clause, 1)[0]  # what the clause names before its figure
    return bool(head.strip()) and title_world(head) and not entities.subjects(head)


_FIRST_NUMBER = re.compile(r"\d")


def main_subject(mentions: Sequence[tuple[str, bool]], lead_first: str = "",
                 lead_only: str = "") -> tuple[tuple[str, ...], str]:
    """(subjects, how) for a brief from its entity mentions in order, each (entity id, named by an
    adjective outside the lead): the one entity named ("whole brief"), or the one that dominates
    ("main subject"), or the one the lead paragraph names first (``lead_first``, by name) when it is
    named more often than any other ("main subject": the lead says what a story is about; "the
    Philippines still ranks among Asia's fastest-growing, ahead of Vietnam and Indonesia"), or as often as
    any other when it is the only one the lead sentence and the title name (``lead_only``: "Colombia's economy
    grew 2.0%" with the United States named once further down: "lead", ``LEAD``), else none."""
    counts = Counter(eid for eid, _ in mentions)
    if not counts:
        return (), ""
    nouns = {eid for eid, adjective in mentions if not adjective}
    side = {eid for eid, n in counts.items() if n == 1 and eid not in nouns}
    if len(counts) > len(side):  # "... declined in British Columbia": a side matter beside what the brief names
        counts = Counter({eid: n for eid, n in counts.items() if eid not in side})
    if len(counts) == 1:
        (eid, n), = counts.items()
        # "American technology companies", once: an adjective of something else, not the brief's subject
        return ((eid,), "whole brief") if n >= 2 or eid in nouns else ((), "")
    (top, n), (_, second) = counts.most_common(2)
    if n >= MAIN_MENTIONS and n >= MAIN_RATIO * second and top in nouns:
        return (top,), "main subject"
    if top == lead_first and n >= 2 and n > second and top in nouns:
        return (top,), "main subject"
    if lead_only in nouns and counts[lead_only] == n:  # (another as often: a guess, decides no contradiction alone)
        return (lead_only,), LEAD
    return (), ""


def _money(m) -> bool:
    """Whether a figure is an amount of money (its unit a currency)."""
    from briefcmp.analysis.countrydata import currency_country as of_code
    from briefcmp.corpus import units

    return bool(m.unit) and bool(units.is_currency(m.unit) or of_code(m.unit))


def currency_country(members: Sequence) -> str:
    """The country whose own currency all the money figures of ``members`` (one brief's) are in
    ("trillion won": South Korea; "Rs 11.21 lakh crore": India), or "": none for a currency of several
    countries (euro, dollar) or two currencies."""
    from briefcmp.analysis.countrydata import currency_country as of_code

    codes = {m.unit.upper() for m in members if _money(m)}
    return of_code(next(iter(codes))) if len(codes) == 1 else ""


_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$")  # "$23.7bn", not "US$", "A$", "NZ$"
CURRENCY = "currency of its money figures"  # Member.subjects_from of a subject read from the brief's currency


def currency_subject(members: Sequence, ctx) -> None:
    """A brief that names no country, whose money figures are all in one country's own currency
    ("Rs 11.21 lakh crore", "656.6 trillion won"), is about that country: its figures with no subject
    take it (weaker evidence than a subject the brief names: ``evidence.SUBJECT_WEIGHT``). ``ctx``: the
    brief's ``briefcontext._Context``."""
    if not ctx.ok or ctx.brief_subjects or ctx.title_subjects:
        return
    # (a bare "$" names no country: ``add`` read whose dollar it is from the countries the text names, so it is no
    # evidence of its own; "Production rose, helped by Guyana" makes no round-up of results Guyana's)
    country = currency_country(members)
    if not country or all(_BARE_DOLLAR.search(m.claim.quote or "") for m in members if _money(m)):
        return
    for m in members:
        if not m.subjects:
            m.subjects, m.subjects_from, m.lead = (country,), CURRENCY, country


def _stated(m) -> bool:
    return bool(m.subjects) and not any(s.startswith("(") for s in m.subjects) and \
        m.subjects_from not in ("release", EVENT, REPORTS, "issuer")


REPORTS = "reports of the event"  # Member.subjects_from of a subject taken from what the event's other reports are about
TOPIC_WORDS = 2  # words of its title and lead a brief must share with the reports of one subject to report their event


def topic_words(text: str) -> frozenset[str]:
    """The words a title and lead say an event with ("gdp", "quarter", "growth", "sales", "organic"): lower case,
    four letters or more, no function word, month or weekday, no number."""
    from briefcmp.corpus.functionwords import FUNCTION_WORDS, MONTH_NAMES, WEEKDAYS

    stop = FUNCTION_WORDS | {w.lower() for w in MONTH_NAMES | WEEKDAYS}
    return frozenset(w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in stop)


def own_subject(ctx, entities) -> tuple[tuple[str, ...], frozenset[str]]:
    """(what a brief says it is about, what it names) for ``adopt_reported_subjects`` (``ctx``: its
    ``briefcontext._Context``): its title's subject, else its main subject, but a body named by words any country
    uses ("Central Bank cuts rate"), which says whose only with its country; a brief whose title names several
    names them all (``SEVERAL``): it is about them, no one of them its subject."""
    own = ctx.title_subjects or ctx.brief_subjects
    own = () if own and all(x in entities.adopted and not entities.distinctive(x) for x in own) else own
    return own, ctx.mentioned | ({SEVERAL} if ctx.several else frozenset())


SEVERAL = "(several)"  # in what a brief names: its title names several subjects


def adopt_reported_subjects(members: Iterable, briefs: dict, days: int, last: Optional[dict] = None) -> list:
    """A figure that names no one (or only its brief's body whose country no text names: "Central Bank cuts
    rate", not a body its own clause names, "the finance ministry expects 2.4%"), in a brief
    that names no subject at all (no title, lead, dateline or main subject but such a body), is of the subject the corpus's reports of the same event are about: the subject (title's or main)
    of the briefs published within ``days`` days whose titles and leads share at least ``TOPIC_WORDS`` words with
    its own, when one subject shares more than any other (never decided by a figure's value), and the brief names
    no other subject or names that one too (no title naming several). ``briefs``: brief id -> ((its own subject,
    the subjects it names: ``own_subject``), publication day, topic words). The subject stays inferred (``subjects_from`` =
    ``REPORTS``: it may key an agreement, never decides a contradiction alone). ``last``: brief id -> the last day its
    date may be, for a date of a month only ("Outubro de 2024": any day of October, within ``days`` of the reports
    of that month). Returns the members that took one."""
    by_brief: dict[str, list] = defaultdict(list)
    for m in members:  # (a body named by words any country uses, no text naming its country: "(central-bank)")
        if not m.subjects or m.subjects_from in _WEAK and all(x.startswith("(") and not _region(x) for x in m.subjects):
            by_brief[m.claim.brief].append(m)
    about = sorted((day.toordinal(), bid, subject, words) for bid, ((subject, _), day, words) in briefs.items()
                   if subject and day is not None)
    days_of = [a[0] for a in about]
    adopted = []
    for bid in sorted(by_brief):
        (own, named), day, words = briefs.get(bid, (((), frozenset()), None, frozenset()))
        if own or day is None or not words or SEVERAL in named:
            continue
        end = (last or {}).get(bid) or day
        lo, hi = bisect.bisect_left(days_of, day.toordinal() - days), bisect.bisect_right(days_of, end.toordinal() + days)
        best: dict[tuple, int] = {}
        for _, other, subject, theirs in about[lo:min(hi, lo + MAX_SCAN)]:
            shared = len(words & theirs)
            if other != bid and shared >= TOPIC_WORDS:
                best[subject] = max(best.get(subject, 0), shared)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or len(ranked) > 1 and ranked[1][1] >= ranked[0][1]:
            continue  # no report of the event, or two subjects' reports alike: whose it is stays unsaid
        subject = ranked[0][0]
        if named and not set(subject) <= named:
            continue  # a brief naming others, never the event's subject, is about something else
        for m in by_brief[bid]:
            m.subjects, m.subjects_from, m.lead = subject, REPORTS, subject[0]
            adopted.append(m)
    return adopted


def _same_period(a, b) -> bool:
    """Whether two figures may be of one period: equal periods, or one of them states none."""
    return not a.period_how or not b.period_how or a.period == b.period


def adopt_release_subjects(members: Iterable, references: Iterable, word_match: Callable, close: Callable,
                           days: int, vague: frozenset[str] = frozenset()) -> list:
    """Give the release's subject to the subjectless figures of a brief that reports the release (see
    the module docstring). ``references``: figures whose stated subjects may be shared (any brief);
    ``close(a, b)``: their values agree; ``vague``: words that alone never make two measures alike
    (figures are compared only when they share another word). Returns the members that took a subject."""
    index: dict[tuple, list] = defaultdict(list)  # (dimension, unit, word) -> figures, by day
    for o in references:
        if _stated(o) and o.published is not None:
            for w in o.words - vague:
                index[(o.dim, o.unit, w)].append(o)
    for lst in index.values():
        lst.sort(key=lambda o: o.published)
    days_of = {k: [o.published.toordinal() for o in lst] for k, lst in index.items()}
    orphans: dict[str, list] = defaultdict(list)
    for m in members:
        if not m.subjects and m.published is not None and m.words - vague:
            orphans[m.claim.brief].append(m)
    adopted = []
    for brief in sorted(orphans):
        agreeing: dict[int, set] = {}
        for m in orphans[brief]:
            day, seen, found = m.published.toordinal(), set(), set()
            for w in sorted(m.words - vague):
                k = (m.dim, m.unit, w)
                if k not in index:
                    continue
                lo, hi = bisect.bisect_left(days_of[k], day - days), bisect.bisect_right(days_of[k], day + days)
                for o in index[k][lo:min(hi, lo + MAX_SCAN)]:
                    if id(o) in seen:
                        continue
                    seen.add(id(o))
                    if o.claim.brief != brief and o.subjects not in found and _same_period(m, o) and close(m, o) \
                            and word_match(m.words, o.words) in ("sure", "maybe"):
                        found.add(o.subjects)
            if found:
                agreeing[id(m)] = found
        found = set().union(*agreeing.values()) if agreeing else set()
        took = [m for m in orphans[brief] if id(m) in agreeing]
        if len(found) != 1:
            continue
        (subjects,) = found
        need = 1 if subjects == (currency_country(orphans[brief]),) else RELEASE_MATCHES
        if len({(m.unit, m.claim.value.base_amount) for m in took}) < need:
            continue
        for m in took:
            m.subjects, m.subjects_from, m.lead = subjects, "release", subjects[0]
            adopted.append(m)
    return adopted


def adopt_event_subjects(members: Iterable, references: Iterable, close: Callable, days: int) -> list:
    """Give the event's subject to the figures that name no one in a brief that reports the event (see the
    module docstring); then to those whose subject is a guess (``_guessed``) whose value other reports state
    for the event's subject in their own text, unless they state a figure of the guessed subject too.
    ``references``: figures whose stated subjects may be shared; ``close(a, b)``: their values agree.
    Returns the members that took a subject."""
    index: dict[tuple, list] = defaultdict(list)  # (dimension, unit, value rounded) -> stated figures, by day
    for o in references:
        if _stated(o) and o.published is not None and o.claim.value.base_amount is not None:
            index[(o.dim, o.unit, _bin(o))].append(o)
    for lst in index.values():
        lst.sort(key=lambda o: o.published)
    days_of = {k: [o.published.toordinal() for o in lst] for k, lst in index.items()}
    by_brief: dict[str, list] = defaultdict(list)
    for m in members:
        by_brief[m.claim.brief].append(m)
    adopted = []
    for brief in sorted(by_brief):
        own = by_brief[brief]
        for guesses in (False, True):
            orphans = [m for m in own if (not m.subjects or guesses and _guessed(m)) and m.published is not None
                       and m.claim.value.base_amount is not None]
            if not orphans or guesses and not any(m.subjects for m in orphans):
                continue
            found = _event(brief, orphans, index, days_of, close, days)
            if found is None:
                continue
            subjects, matched, strong, briefs = found
            named = {x for m in own if _stated(m) for x in m.subjects}
            several = len(named - set(subjects)) >= 1 and len(named) >= 2  # two countries, each with figures
            for m in orphans:
                if guesses and not m.subjects:
                    continue  # (those the first pass left keep none)
                if m.subjects:  # a guess: yields only where other reports give its value to the event's subject, in
                    # their own text or in two reports at least, and none to the guessed one (nor a figure of the brief)
                    if m.subjects == subjects or m.subjects in matched[id(m)] or \
                            subjects not in strong[id(m)] and len(briefs[id(m)].get(subjects, ())) < 2 or \
                            any(m.subjects in strong[id(x)] for x in orphans):
                        continue
                elif several and subjects not in matched[id(m)]:
                    continue
                m.subjects, m.subjects_from, m.lead = subjects, EVENT, subjects[0]
                adopted.append(m)
    return adopted


def _event(brief: str, orphans: list, index: dict, days_of: dict, close: Callable, days: int):
    """(the event's subjects, the subjects each orphan's value agrees with, those of them stated in the text, the
    briefs giving it each subject) for one brief's figures, or None when they report no one event (see
    ``adopt_event_subjects``)."""
    values: dict[tuple, set] = defaultdict(set)  # subjects -> the distinct (unit, value) the brief shares
    matched: dict[int, set] = defaultdict(set)
    strong: dict[int, set] = defaultdict(set)  # the subjects of the agreeing figures whose own text names them
    briefs: dict[int, dict] = defaultdict(lambda: defaultdict(set))  # subjects -> the briefs giving them the value
    for m in orphans:
        day = m.published.toordinal()
        for k in {(m.dim, m.unit, b) for b in (_bin(m) - 1, _bin(m), _bin(m) + 1)}:
            if k not in index:
                continue
            lo, hi = bisect.bisect_left(days_of[k], day - days), bisect.bisect_right(days_of[k], day + days)
            for o in index[k][lo:min(hi, lo + MAX_SCAN)]:
                if o.claim.brief != brief and o.claim.brief not in briefs[id(m)][o.subjects] and \
                        _same_period(m, o) and close(m, o):
                    matched[id(m)].add(o.subjects)
                    briefs[id(m)][o.subjects].add(o.claim.brief)
                    values[o.subjects].add((m.unit, m.claim.value.base_amount))
                    if o.subjects_from in _STRONG:
                        strong[id(m)].add(o.subjects)
    if not values:
        return None
    ranked = sorted(values.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    subjects, shared = ranked[0]
    second = len(ranked[1][1]) if len(ranked) > 1 else 0
    percents = sum(1 for unit, _ in shared if unit in ("percent", "percentage-points"))
    enough = len(shared) >= EVENT_VALUES and (len(shared) > percents or percents > EVENT_VALUES)
    if not enough or 2 * second > len(shared):
        return None
    return subjects, matched, strong, briefs


# Where a figure's subject came from when its own text named it (or a reader did): stronger than any guess.
_STRONG = ("claim", "clause", "sentence", "two named before")
# A subject carried from the sentence before ("For Irish households, the refinancing rate matters. It falls to
# 3.15%": not Ireland's rate) is read from the text around a figure, not from its own: a guess too.
_CARRIED = "previous sentence"


def _guessed(m) -> bool:
    """Whether a figure's subject is a guess its text does not make (``_WEAK``: its title's, the brief's main
    subject or the one entity it names; or the sentence before's), or a body named by words any country uses whose country no text
    around it names ("(central-bank)")."""
    return m.subjects_from in (*_WEAK[:-1], _CARRIED) or \
        bool(m.subjects) and all(x.startswith("(") and not _region(x) for x in m.subjects)


def _region(subject: str) -> bool:
    """Whether a subject in parentheses is a region the text does not delimit ("(asia)", "(region)": never
    another's), not a body whose country no text names."""
    from briefcmp.analysis.measure import _GENERIC_SUBJECT

    inner = subject.strip("()").replace("-", " ")
    return any(_GENERIC_SUBJECT.fullmatch(form) for form in (inner, inner.title(), inner.upper()))


def _bin(m) -> int:
    """A coarse bucket of a figure's value (about 1% wide, on a log scale), so that values that agree
    within rounding fall in the same bucket or the next one."""
    import math

    x = abs(m.claim.value.base_amount or 0.0)
    return int(math.floor(math.log(x) / math.log(1.01))) if x > 0 else -10**9


_WEAK = ("title", "whole brief", "main subject", "lead", "issuer", "")  # subjects a figure's own sentence did not give


def carry_subjects(members: Sequence) -> None:
    """A list item that leaves its measure to the figure before it in its sentence ("global growth at 3.2
    percent for 2024 and 3.1 percent for 2025", ``ellipsis``) is of that figure's subject too, when its own
    text names none (its subject came from the title or the whole brief)."""
    before = None
    for m in members:
        if before is not None and m.elided and m.subjects_from in _WEAK and m.sentence >= 0 and \
                m.sentence == before.sentence and m.claim.brief == before.claim.brief and \
                before.subjects_from in ("clause", "sentence"):
            m.subjects, m.subjects_from, m.lead = before.subjects, "sentence", before.lead
        before = m
