"""Build a draft from a source text: one claim per figure (and per position sentence), each
anchored to a verbatim quote, with suggested topics, subjects and key."""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from briefcmp.analysis.align import FORECAST_WORDS
from briefcmp.analysis.measure import REPORTED_FORECAST
from briefcmp.analysis import views
from briefcmp.analysis.periodbases import in_base
from briefcmp.analysis.document import Document
from briefcmp.corpus import units
from briefcmp.corpus.fields import MAX_EXACT, plain_number
from briefcmp.corpus.model import Claim, Config, Corpus, PartialDate, Period, Value
from briefcmp.corpus.numerals import convention
from briefcmp.corpus import progress
from briefcmp.corpus import sentences as sent
from briefcmp.drafting.alternates import merge_alternates
from briefcmp.drafting.cjknumbers import FORECAST as CJK_FORECAST
from briefcmp.drafting.figures import Figure, find_figures
from briefcmp.drafting.homecurrency import home_dollars
from briefcmp.drafting.quoteanchor import quote_anchor
from briefcmp.drafting.spans import SpanSet, excluded_spans
from briefcmp.drafting.suggester import STOPWORDS, Suggester

# --------------------------------------------------------------------------- results


@dataclass
class BriefMeta:
    id: str
    title: str
    source: str  # as written in the claims file (relative to it)
    source_sha256: str
    publisher: str = ""
    published: Optional[PartialDate] = None
    language: str = ""
    reference: Optional[PartialDate] = None  # completes yearless dates when nothing is published
    reference_from: str = ""  # where ``reference`` came from, for the comment in the draft


@dataclass
class DraftClaim:
    """A drafted claim; spans are offsets in ``anchor.normalise(source)``."""

    id: str
    quote: str
    span: tuple[int, int]
    kind: str = "fact"
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    key: str = ""
    value: Optional[Value] = None
    as_of: Optional[Period] = None
    prefix: str = ""
    suffix: str = ""
    phrase: str = ""  # the figure as written, shown in a comment
    figure_span: Optional[tuple[int, int]] = None
    key_score: float = 0.0
    key_held: str = ""  # a suggested key left as a comment: why it is not set
    key_held_id: str = ""
    cites: str = ""  # the news agency the sentence (or its paragraph) cites: drafting.cites
    note: str = ""  # how else the figure may read, shown as a comment


@dataclass
class Draft:
    meta: BriefMeta
    claims: list[DraftClaim] = field(default_factory=list)
    already: int = 0  # with existing claims: figures found that were annotated already
    unanchored: list[int] = field(default_factory=list)  # source lines of passages repeated word for word:
    # no quote, prefix or suffix picks one occurrence, so they are not drafted (the CLI warns)
    rejected: int = 0  # with --update: figures drafted before and deleted by the user since; not re-added
    too_large: list[tuple[int, str]] = field(default_factory=list)  # (offset in the source, figure) not drafted:
    # more than a claims file holds, or more digits than a number keeps (the CLI says where)


def fingerprint(claim: DraftClaim) -> str:
    """What identifies a drafted figure across runs, whatever its id, subjects or key became:
    its sentence, its phrase and its value."""
    import hashlib

    from briefcmp.corpus.anchor import normalise

    value = claim.value.display() if claim.value is not None else claim.kind
    text = f"{normalise(claim.quote)}|{claim.phrase}|{value}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


# --------------------------------------------------------------------------- positions

_RECOMMEND = re.compile(r"\b(?:should|ought to|must|needs? to|it is (?:imperative|essential|crucial|vital|"
                        r"necessary|important) (?:that|to|for)|recommend\w*|would do well to)\b", re.I)
_FORECAST = re.compile(r"\b(?:will|(?:is|are) (?:likely|unlikely|expected|set|poised|bound) to|may|might|could|"
                       r"forecasts?|projected|predicts?|anticipates?|is expected|in the (?:near|long|coming) "
                       r"(?:term|future|years))\b", re.I)
_ASSESS = re.compile(r"\b(?:suggests?|demonstrates?|shows?|proves?|indicates?|reflects?|means that|it is (?:clear|"
                     r"evident|obvious|likely|unlikely)|seems?|appears? to|arguably|clearly|turning point|"
                     r"(?:is|was|are|were) (?:a|an) (?:\w+ )?(?:mistake|success|failure|consequence|sign))\b", re.I)


def position_kind(sentence: str) -> str:
    """recommendation | forecast | assessment for a sentence that takes a position, else ""."""
    if sentence.rstrip().endswith("?") or len(sentence.split()) < 6:
        return ""
    if _RECOMMEND.search(sentence):
        return "recommendation"
    if _FORECAST.search(sentence):
        return "forecast"
    if _ASSESS.search(sentence):
        return "assessment"
    return ""


# --------------------------------------------------------------------------- the draft


def build_draft(source: str, *, meta: BriefMeta, config: Optional[Config] = None, positions: bool = False,
                existing: Iterable[Claim] = (), document: Optional[Document] = None,
                corpus: Optional[Corpus] = None) -> Draft:
    """Draft claims for every figure (and, with ``positions``, every position) of ``source``.

    ``existing`` claims (already anchored: ``span`` set) mark figures that are
    annotated already; those are not drafted again. With the ``corpus`` (its
    config must be ``config``), a suggested key that would make the draft
    contradict another brief, the existing claims or itself is held back as a
    comment for the analyst. ``document``: ``source`` already read (``analysis.document``).
    """
    config = config or Config()
    document = document if document is not None else Document(source)
    prep = document.prepared
    suggest = Suggester(config)
    spans = document.sentence_spans
    prep.__dict__["_sentence_spans"] = spans  # for ``_short_quotes``
    figures = home_dollars(prep.text, _find_figures(prep.text, meta, spans, config.fiscal_year_start), config,
                           meta.publisher or "")
    figures = merge_alternates(prep.text, figures)  # "9.1 trillion yen ($64 billion)": one claim, two expressions
    existing = list(existing)
    taken_ids = {c.id for c in existing}
    existing = [c for c in existing if c.span is not None]
    annotated = _Annotated(existing)
    draft = Draft(meta)
    items: list[tuple[int, DraftClaim]] = []
    # The corpus's other publishers: a brief citing one rewrites a report of the corpus (drafting.cites).
    known = tuple(sorted({b.publisher for b in corpus.briefs if b.publisher and b.id != meta.id
                          and b.publisher != meta.publisher})) if corpus is not None else ()
    for fig in figures:
        if _too_large(fig.value):  # `check` would refuse it, or a float would not keep every digit
            draft.too_large.append((prep.origin[fig.start] if fig.start < len(prep.origin) else 0,
                                    prep.quote(fig.start, fig.end)))
            continue
        fig = _without_controls(prep, fig)
        if fig is None:  # a control character inside the figure itself
            continue
        claim = _figure_claim(prep, fig, suggest, _before(prep.text, spans, fig.sentence[0]), known)
        if claim is None:
            draft.unanchored.append(_line_of(prep, fig.start))
            continue
        if annotated.covers(claim):
            draft.already += 1
            continue
        items.append((fig.start, claim))
    if positions:
        from briefcmp.analysis.entities import Entities
        from briefcmp.drafting.factclaims import fact_claims

        entities, registered = Entities(config), set(config.entities)
        blocked = SpanSet(excluded_spans(prep.text))
        carried, last_end = "", 0  # the actor of the paragraph's last statement, for "It also froze ..."
        # the first statement loads the tagger and its tables (a second or two): a bar says so on a terminal
        bar = progress.TerminalProgress(len(spans), "reading statements") if progress.wanted() else None
        for n, (s, e) in enumerate(spans):
            if bar is not None:
                bar(n, len(spans))
            if "\n\n" in prep.text[last_end:s]:
                carried = ""
            last_end = e
            if blocked.overlaps(s, e) or _CONTROL.search(prep.text, s, e):  # a quote must hold no control character
                continue
            facts, read = fact_claims(prep, s, e, entities, registered, suggest.topics(prep.text[s:e]),
                                      meta.published or meta.reference, quote_anchor, DraftClaim, carried)
            carried = read[-1].actor if read else carried
            if read:  # actions and recommendations, one claim each (none when their clauses repeat verbatim)
                for claim in facts:
                    if not annotated.touches(claim.span):
                        items.append((s, claim))
                if not facts:
                    draft.unanchored.append(_line_of(prep, s))
                continue
            kind = position_kind(prep.text[s:e])
            if not kind:
                continue
            claim = _sentence_claim(prep, s, e, kind, suggest)
            if claim is None:
                draft.unanchored.append(_line_of(prep, s))
            elif not annotated.touches(claim.span):  # a sentence someone annotated already is left alone
                items.append((s, claim))
        if bar is not None:
            bar.close()
    items.sort(key=lambda it: it[0])
    _one_value_per_key([c for _, c in items], existing)
    counters: dict[str, int] = {}
    for _, claim in items:
        claim.id = _unique_id(claim.id, taken_ids, counters)
        taken_ids.add(claim.id)
        draft.claims.append(claim)
    if corpus is not None:
        _hold_conflicting_keys(draft, corpus, existing)
    return draft


def _too_large(v: Optional[Value]) -> bool:
    """A quantity or rank beyond what a claims file keeps exactly (``fields.MAX_EXACT``)."""
    if v is None or v.type not in ("quantity", "rank"):
        return False
    return any(x is not None and abs(x) >= MAX_EXACT for x in (v.amount, v.upper))


# What `check` refuses in a claims file's text (yamlsafe's control characters): a quote holds none.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _without_controls(prep: sent.Prepared, fig: Figure) -> Optional[Figure]:
    """``fig`` with its sentence cut to the stretch between control characters (ESC, BEL...) that
    holds the figure: the quote stays verbatim (so it anchors) and holds none. None when the
    figure itself holds one."""
    text = prep.text
    s, e = fig.sentence
    memo = prep.__dict__.setdefault("_has_control", {})
    if (s, e) not in memo:  # once per sentence
        memo[(s, e)] = _CONTROL.search(text, s, e) is not None
    if not memo[(s, e)]:
        return fig
    if _CONTROL.search(text, fig.start, fig.end) is not None:
        return None
    before = [m.end() for m in _CONTROL.finditer(text, s, fig.start)]
    after = _CONTROL.search(text, fig.end, e)
    cut = (before[-1] if before else s, after.start() if after else e)
    return dataclasses.replace(fig, sentence=cut)


def _find_figures(text: str, meta: BriefMeta, spans: list[tuple[int, int]], fiscal_start: int) -> list[Figure]:
    """The figures of a prepared text, read the way its language writes them (``meta.language``)."""
    from briefcmp.corpus.language import CJK, DECIMAL_COMMA

    published = meta.published or meta.reference
    if meta.language in CJK or meta.language in DECIMAL_COMMA:
        from briefcmp.drafting.intl import find_intl_figures

        return find_intl_figures(text, meta.language, published=published, sentence_spans=spans,
                                 fiscal_start=fiscal_start)
    # "81,4%", "51 770 560": an English text that writes a decimal comma or groups digits with spaces is
    # read with its numbers written the English way (the same length: every offset holds)
    written = convention(text)
    figures = find_figures(written.text, published=published, sentence_spans=spans, fiscal_start=fiscal_start)
    if written.notes:  # "1,234" read as 1.234: the figure says how else it reads
        starts = [a for a, _, _ in written.notes]
        for i, f in enumerate(figures):
            k = bisect.bisect_left(starts, f.start)
            if k < len(starts) and written.notes[k][1] <= f.end and not f.note:
                figures[i] = dataclasses.replace(f, note=written.notes[k][2])
    return figures


def _hold_conflicting_keys(draft: Draft, corpus: Corpus, existing: list[Claim]) -> None:
    """Keys whose drafted value would contradict the corpus become comments: a draft must pass
    `briefcmp check`, and the analyst should see the conflict before the key is set."""
    from briefcmp.analysis.crossref import relations_for_key

    meta = draft.meta
    by_key: dict[str, list[DraftClaim]] = {}
    for c in draft.claims:
        if c.key:
            by_key.setdefault(c.key, []).append(c)
    if not by_key:
        return
    others: dict[str, list[Claim]] = {}
    for c in [*(c for c in corpus.claims() if c.brief != meta.id), *existing]:
        if c.key in by_key:
            others.setdefault(c.key, []).append(c)
    for key, drafted in by_key.items():
        as_claims = {}
        for d in drafted:
            as_of, inferred = d.as_of, False
            if as_of is None and meta.published is not None:
                as_of, inferred = Period(meta.published), True
            as_claims[d.id] = Claim(id=d.id, brief=meta.id, quote=d.quote, kind=d.kind, topics=d.topics,
                                    subjects=d.subjects, key=key, value=d.value, as_of=as_of,
                                    as_of_inferred=inferred, status="draft", path="(draft)")
        relations = relations_for_key(key, [*others.get(key, []), *as_claims.values()], corpus)
        for rel in relations:
            if rel.severity != "error":
                continue
            mine = [c for c in rel.claims if c.brief == meta.id and c.id in as_claims]
            theirs = [c.ref for c in rel.claims if c not in mine]
            for c in mine:
                d = next(x for x in drafted if x.id == c.id)
                if d.key:
                    d.key_held = f"{rel.kind} with {', '.join(theirs) or 'another drafted claim'}"
                    d.key_held_id, d.key = d.key, ""


def _one_value_per_key(claims: list[DraftClaim], existing: list[Claim]) -> None:
    """A brief must not contradict itself through a suggested key: where two claims would give a key
    different values for the same period, only the best-fitting draft keeps it."""
    kept: dict[str, list[tuple[Value, Optional[Period]]]] = {}
    for c in existing:
        if c.key and c.value is not None:
            kept.setdefault(c.key, []).append((c.value, c.as_of))
    for c in sorted((c for c in claims if c.key), key=lambda c: -c.key_score):
        if any(not same_value(v, c.value) and _same_period(p, c.as_of) for v, p in kept.get(c.key, [])):
            c.key = ""
        else:
            kept.setdefault(c.key, []).append((c.value, c.as_of))


def _same_period(a: Optional[Period], b: Optional[Period]) -> bool:
    """Periods that may be compared: overlapping, or not known (both then take the publication date)."""
    if a is None or b is None:
        return True
    (a0, a1), (b0, b1) = a.span(), b.span()
    return a0 <= b1 and b0 <= a1


def _line_of(prep: sent.Prepared, pos: int) -> int:
    """The 1-based source line of prepared offset ``pos``."""
    return prep.line_of(prep.origin[pos] if pos < len(prep.origin) else len(prep.original))


_PRONOUN_SUBJECT = re.compile(r"\s*(?:It|Its|They|Their|The\s+(?:country|company|government|economy|state|bank|"
                              r"region)(?:'s)?)\b")


def _before(text: str, spans: list[tuple[int, int]], start: int) -> str:
    """The sentence before the one starting at ``start``, when it is in the same paragraph."""
    i = bisect.bisect_left(spans, (start, -1)) - 1
    if i < 0 or "\n\n" in text[spans[i][1]:start]:
        return ""
    return text[spans[i][0]:spans[i][1]]


def _figure_claim(prep: sent.Prepared, fig: Figure, suggest: Suggester, before: str = "",
                  known: tuple[str, ...] = ()) -> Optional[DraftClaim]:
    s, e = fig.sentence
    anchored = quote_anchor(prep, s, e)
    if anchored is None:
        return None
    quote, span, prefix, suffix = anchored
    sentence_text = prep.text[s:e]
    subjects, topics = _sentence_facts(prep, s, e, suggest, before)
    value = fig.value
    clause = _clause(prep.text, s, e, fig.start, fig.end, _clause_breaks(prep, s, e))
    statement = _own_clause(prep.text, s, e, fig.start, fig.end)
    key, score = suggest.key(value, subjects, sentence_text, clause,
                             prep.text[max(s, fig.start - 40):min(e, fig.end + 40)])
    # Topics from the measured words: the figure's clause, else its statement, else the sentence ("Solar
    # capacity stood at 16.5 gigawatts, unchanged since the feed-in tariff lapsed" is energy, not trade).
    topics = suggest.topics(clause) or suggest.topics(statement) or topics
    if key:
        topics = tuple(dict.fromkeys((*suggest.config.keys[key].topics, *topics)))[:3]
    kind = "forecast" if fig.kind != "date" and (_FORECAST_FIGURE.search(statement) or (
        not statement.isascii() and CJK_FORECAST.search(statement)) or _reported_forecast(
        prep.text, s, statement, fig) or _a_view(prep.text, s, statement, fig)) else "fact"
    from briefcmp.drafting.cites import cites_for

    para_s = prep.text.rfind("\n\n", 0, s) + 1
    para_e = prep.text.find("\n\n", e)
    return DraftClaim(
        id=_figure_id(fig, subjects), quote=quote, span=span, kind=kind, topics=topics, subjects=subjects,
        key=key, value=value, as_of=fig.as_of, prefix=prefix, suffix=suffix, phrase=prep.quote(fig.start, fig.end),
        figure_span=prep.norm_span(fig.start, fig.end), key_score=score, note=fig.note,
        cites=cites_for(prep.text, (s, e), (para_s, para_e if para_e >= 0 else len(prep.text)), known))


def _sentence_facts(prep: sent.Prepared, s: int, e: int, suggest: Suggester,
                    before: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(subjects, topics) of the sentence [s, e), found once per sentence: a dense sentence holds
    hundreds of figures, and reading it again for each would take their square."""
    memo = prep.__dict__.setdefault("_sentence_facts", {})
    facts = memo.get((s, e))
    if facts is None:
        text = prep.text[s:e]
        subjects = suggest.subjects(text)
        if not subjects and before and _PRONOUN_SUBJECT.match(text):
            subjects = suggest.subjects(before)  # "Its share ...": the subject of the sentence before
        facts = memo[(s, e)] = (subjects, suggest.topics(text))
    return facts


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s-\s|\s(?:and|but|while|whereas)\s")


def _clause(text: str, s: int, e: int, a: int, b: int, breaks: Optional[list[tuple[int, int]]] = None) -> str:
    """The clause of the sentence [s, e) that holds the figure [a, b); ``breaks``: the sentence's clause
    breaks, when already found (once per sentence, not once per figure)."""
    if breaks is None:
        breaks = [m.span() for m in _CLAUSE_BREAK.finditer(text, s, e)]
    i = bisect.bisect_right(breaks, (a, a))
    while i > 0 and breaks[i - 1][1] > a:
        i -= 1
    start = breaks[i - 1][1] if i > 0 else s
    j = bisect.bisect_left(breaks, (b, -1))
    end = breaks[j][0] if j < len(breaks) else e
    return text[start:end]


def _clause_breaks(prep: sent.Prepared, s: int, e: int) -> list[tuple[int, int]]:
    memo = prep.__dict__.setdefault("_clause_breaks", {})
    if (s, e) not in memo:
        memo[(s, e)] = [m.span() for m in _CLAUSE_BREAK.finditer(prep.text, s, e)]
    return memo[(s, e)]


# Where one statement ends and another begins: "grew 5.05 percent in 2023, and the plan expects ..."
# (a forecast verb makes only its own clause a forecast), "..., against 80 GW at the end of 2023" (a
# comparison base is a fact). Commas alone do not part clauses: "Demand will, the ministry says, rise".
# An elliptical clause goes on with the one before: "expects 3 percent in 2024, and 3.5 percent in 2025".
_STATEMENT_BREAK = re.compile(r";\s|,\s+(?:and|but|while|whereas|although|though|yet)\s(?![\d$€£¥~]|(?:by|to|in|"
                              r"at|of|from|about|around|nearly|some|almost|over|under|up|down|roughly|more|less|"
                              r"then|as\s+much)\b)|\s[-–—]\s|"
                              r",\s+(?=(?:against|up\s+from|down\s+from|compared\s+(?:with|to)|from|versus)\s)")


def _own_clause(text: str, s: int, e: int, a: int, b: int) -> str:
    """The statement of sentence [s, e) that holds the figure [a, b)."""
    start = max((m.end() for m in _STATEMENT_BREAK.finditer(text, s, min(e, a + 12)) if m.end() <= a), default=s)
    end = min((m.start() for m in _STATEMENT_BREAK.finditer(text, b, e)), default=e)
    return text[start:end]


_FORECAST_FIGURE = FORECAST_WORDS  # shared with align: a forecast is never compared as a fact


def _reported_forecast(text: str, s: int, statement: str, fig: Figure) -> bool:
    """Whether the figure is the object of a forecast reported after the fact ("economists, who had expected
    annual inflation of 48.3%"): after the phrase in its statement, outside a comparison base ("to climb to
    4.2% from 4.1% in October": 4.1% is October's outcome). The figure before it is the outcome."""
    if _FORECAST_OF.search(text, max(s, fig.start - 60), fig.start):
        return True  # "the Treasury's forecast of a 0.1% fall", "expectations of a 0.2% drop": the noun's object
    at = text.find(statement, s)
    return at >= 0 and any(at + m.start() < fig.start for m in REPORTED_FORECAST.finditer(statement)) and \
        not in_base(text[s:fig.sentence[1]], (fig.start - s, fig.end - s))


# A forecast named as a noun whose object is the figure right after it
_FORECAST_OF = re.compile(r"\b(?:forecasts?|projections?|predictions?|expectations?|consensus(?:\s+estimate)?)\s+"
                          r"(?:of|for)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}?(?:[$€£¥]|US\$)?$", re.I)


def _a_view(text: str, s: int, statement: str, fig: Figure) -> bool:
    """Whether the figure is a view in its statement (``analysis.views``): the brief's own estimate ("we estimate
    the deficit at 8.2%", "our 2.2% forecast") or a forecast named after it ("the 6.7% the budget had counted on")."""
    at = text.find(statement, s)
    return at >= 0 and at <= fig.start and views.a_view(statement, (fig.start - at, fig.end - at))


def _sentence_claim(prep: sent.Prepared, s: int, e: int, kind: str, suggest: Suggester) -> Optional[DraftClaim]:
    anchored = quote_anchor(prep, s, e)
    if anchored is None:
        return None
    quote, span, prefix, suffix = anchored
    text = prep.text[s:e]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in STOPWORDS][:4]
    return DraftClaim(id=_slug("-".join(words)) or kind, quote=quote, span=span, kind=kind,
                      topics=suggest.topics(text), subjects=suggest.subjects(text), prefix=prefix, suffix=suffix)


class _Annotated:
    """The existing claims by where they quote, to ask "is this figure annotated already?" quickly."""

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = sorted((c for c in claims if c.span is not None), key=lambda c: c.span[0])
        self.starts = [c.span[0] for c in self.claims]
        self.longest = max((c.span[1] - c.span[0] for c in self.claims), default=0)

    def touches(self, span: tuple[int, int]) -> bool:
        """True when an existing claim quotes any part of ``span``."""
        lo = bisect.bisect_left(self.starts, span[0] - self.longest)
        hi = bisect.bisect_left(self.starts, span[1])
        return any(c.span[1] > span[0] for c in self.claims[lo:hi])

    def covers(self, claim: DraftClaim) -> bool:
        """True when an existing claim quotes this figure's place with the same value."""
        fa, fb = claim.figure_span or claim.span
        lo = bisect.bisect_left(self.starts, fa - self.longest)
        hi = bisect.bisect_left(self.starts, fb)
        return any(c.span[1] > fa and same_value(c.value, claim.value) for c in self.claims[lo:hi])


def same_value(a: Optional[Value], b: Optional[Value]) -> bool:
    """Same normalised value: base amount and unit (durations in days), rank, or date."""
    if a is None or b is None or a.type != b.type:
        return False
    if a.type == "quantity":
        ua, xa = units.comparable(units.canonical_unit(a.unit), a.base_amount or 0.0)
        ub, xb = units.comparable(units.canonical_unit(b.unit), b.base_amount or 0.0)
        return _unit_key(ua) == _unit_key(ub) and abs(xa - xb) <= 1e-6 * max(abs(xa), abs(xb), 1e-9)
    if a.type == "rank":
        return a.amount == b.amount
    if a.type == "date":
        return str(a.date) == str(b.date)
    return (a.category, a.stance) == (b.category, b.stance)


def _unit_key(unit: str) -> str:
    u = unit.lower()
    return u[:-1] if u.endswith("s") and not u.endswith("ss") else u


def _figure_id(fig: Figure, subjects: tuple[str, ...]) -> str:
    v = fig.value
    if v.type == "rank":
        body = f"rank-{int(v.amount or 0)}"
    elif v.type == "date":
        body = f"date-{v.date}"
    else:
        unit = {"percent": "pct", "percentage-points": "pp"}.get(v.unit, v.unit.lower())
        amount = plain_number(v.amount or 0.0).replace(".", "-")
        body = "-".join(p for p in (unit, amount, v.scale) if p)
    head = subjects[0] if subjects else ""
    return _slug(f"{head}-{body}" if head else body) or "figure"


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:60].strip("-")


def _unique_id(base: str, taken: set[str], counters: Optional[dict[str, int]] = None) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is free (``counters`` remembers where to resume)."""
    if base not in taken:
        return base
    counters = {} if counters is None else counters
    n = counters.get(base, 2)
    while f"{base}-{n}" in taken:
        n += 1
    counters[base] = n + 1
    return f"{base}-{n}"


