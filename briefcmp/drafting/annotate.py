"""`briefcmp annotate`: draft a claims file from a source text.

The core is ``build_draft(text, ...) -> Draft``: brief metadata found in the
text, one claim per figure (``briefcmp.drafting.figures``), optionally one candidate
claim per sentence that takes a position, each with topics, subjects and a key
suggested from the corpus config. ``render_draft`` turns a draft into YAML
text; ``append_to_claims_file`` adds new claims to an existing file by
appending text, so every reviewed claim, comment and blank line stays exactly
as it was. Every drafted claim is ``status: draft``.
"""

from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from briefcmp.corpus import anchor, units
from briefcmp.drafting import sentences as sent
from briefcmp.drafting.figures import Figure, find_figures
from briefcmp.drafting.spans import SpanSet, excluded_spans
from briefcmp.corpus.model import Claim, Config, Corpus, KeyDef, PartialDate, Period, Value

SCHEMA_MODELINE = "# yaml-language-server: $schema=schemas/claims.schema.json"


class AnnotateError(Exception):
    """The draft cannot be made or written (unreadable source, unusable claims file): exit 2."""


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


@dataclass
class Draft:
    meta: BriefMeta
    claims: list[DraftClaim] = field(default_factory=list)
    already: int = 0  # with existing claims: figures found that were annotated already
    unanchored: list[int] = field(default_factory=list)  # source lines of passages repeated word for word:
    # no quote, prefix or suffix picks one occurrence, so they are not drafted (the CLI warns)


# --------------------------------------------------------------------------- metadata

_INSTITUTION = re.compile(r"\b(?:Institute|Institut|Center|Centre|Council|Foundation|Association|University|Agency|"
                          r"Ministry|Office|Society|Forum|Academy|Bureau|Commission|Endowment|Program|Programme|"
                          r"Think Tank|Policy Studies)\b")
_PUBLISHED_BY = re.compile(r"^(?:published by|publisher:?)\s+(.+?)\.?$|^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(.+?)\.?$",
                           re.I | re.M)
_PUBLISHED_ON = re.compile(r"\b(?:published|posted|released|dated?|updated)\b(?:\s+on)?:?\s*", re.I)


def brief_id_from(path: Path) -> str:
    """A brief id from a file name: lower-case letters, digits, ".", "_" and "-"."""
    stem = path.name.split(".")[0] if path.name.count(".") > 1 and path.name.endswith(".txt") else path.stem
    slug = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-._")
    return slug or "brief"


def find_metadata(prep: sent.Prepared) -> tuple[str, str, Optional[PartialDate]]:
    """(title, publisher, published) as far as the text states them.

    The title is the first non-empty line, unless a line near the top is repeated
    (web copies repeat the headline) or the first line names the publisher.
    """
    from briefcmp.drafting.dates import find_dates

    lines = [l.strip() for l in prep.text.split("\n") if l.strip()]
    head = lines[:12]
    # The header: the lines before the first paragraph of running text.
    body = next((i for i, l in enumerate(head) if len(l.split()) > 25), len(head))
    header = head[:body]
    publisher = ""
    m = _PUBLISHED_BY.search(prep.text)
    if m:
        publisher = (m.group(1) or m.group(2) or "").strip()
    if not publisher:
        for line in header[:5]:
            if _INSTITUTION.search(line) and len(line.split()) <= 8 and not re.search(r"[.?!/|:]", line):
                publisher = line
                break
    title = ""
    for line in head:
        if head.count(line) > 1 and len(line.split()) >= 3:
            title = line
            break
    if not title:
        title = next((l for l in head if l != publisher and len(l.split()) >= 2), lines[0] if lines else "")
    published = None
    top = "\n".join(prep.text.split("\n")[:20])
    for d in find_dates(top):
        if d.period is None or d.period.end is not None or d.period.start.precision.value == "year":
            continue
        line_start = top.rfind("\n", 0, d.start) + 1
        line_end = top.find("\n", d.end)
        line = top[line_start:line_end if line_end != -1 else len(top)]
        rest = line.replace(top[d.start:d.end], "")
        if len(re.findall(r"[A-Za-z]{2,}", rest)) <= 4 or _PUBLISHED_ON.search(line):
            published = d.period.start  # a dateline, or "Published on ..."
            break
    return title[:300], publisher[:200], published


def _reference_date(file_name: str) -> tuple[Optional[PartialDate], str]:
    """A date in the file name ("pism-2022-03-03.txt"): the year for dates the text gives without one."""
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.](\d\d)(?:[-_.](\d\d))?(?!\d)", file_name)
    if m:
        from briefcmp.corpus.load import parse_pdate

        d = parse_pdate("-".join(g for g in m.groups() if g))
        if d:
            return d, "the file name"
    return None, ""


def _language(text: str) -> str:
    words = re.findall(r"[a-z]+", text.lower()[:20000])
    if not words:
        return ""
    common = sum(1 for w in words if w in ("the", "and", "of", "to", "in", "is", "that", "for", "with"))
    return "en" if common / len(words) > 0.08 else ""


# --------------------------------------------------------------------------- suggestions

_STOPWORDS = frozenset("""
when date dates number how long length many much does did whether which what who
a an the and or of to in on at for from by with as is are was were be been its it this that these those
their his her our which who what when how does do did has have had not no yes than then there into over
under about between among such other any all each both more most less one two per also only s e g ie eg
""".split())


def _stem(word: str) -> str:
    """A light stemmer, enough to match "imports" to "import" and "totalled" to "total"."""
    w = word.lower().strip("'")
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
    stems = {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'-]+|[A-Z]{2,}", text) if w.lower() not in _STOPWORDS}
    if re.search(r"\b(?:1[89]|20)\d\d\b", text):
        stems.add("year")  # "in 2021" answers "in a year"
    return stems


class Suggester:
    """Topics, subjects and keys for a sentence, from the corpus config."""

    def __init__(self, config: Config) -> None:
        self.config = config
        # Topic vocabulary: label words weigh 2, description and key-label words 1, and a word
        # shared by several topics is worth less to each (it tells them apart less).
        entity_stems = self._entity_stems()
        raw: dict[str, dict[str, float]] = {}
        for tid, topic in config.topics.items():
            weights = raw.setdefault(tid, {})
            for w in _content_stems(topic.description) | _content_stems(" ".join(k.label for k in config.keys.values()
                                                                                 if tid in k.topics)):
                weights[w] = 1.0
            for w in _content_stems(f"{tid.replace('-', ' ')} {topic.label}"):
                weights[w] = 2.0
            for w in entity_stems:
                weights.pop(w, None)
        spread: dict[str, int] = {}
        for weights in raw.values():
            for w in weights:
                spread[w] = spread.get(w, 0) + 1
        self.topic_words: dict[str, dict[str, float]] = {
            tid: {w: x / spread[w] for w, x in weights.items()} for tid, weights in raw.items()}
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
        """Entities named in the text, in order of first mention; the longest name wins ("North Korea")."""
        if self._name_re is None:
            return ()
        out: list[str] = []
        for m in self._name_re.finditer(text):
            eid = self.entity_of[m.group()]
            if eid not in out:
                out.append(eid)
        return tuple(out)

    def topics(self, text: str, limit: int = 2) -> tuple[str, ...]:
        """The best-matching topics (a child topic beats its parent on a tie)."""
        words = _content_stems(text) - {"year"}
        scores = {tid: sum(x for w, x in kw.items() if w in words) for tid, kw in self.topic_words.items()}
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
            if k.subjects and not shared:
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
                existing: Iterable[Claim] = (), prepared: Optional[sent.Prepared] = None,
                corpus: Optional[Corpus] = None) -> Draft:
    """Draft claims for every figure (and, with ``positions``, every position) of ``source``.

    ``existing`` claims (already anchored: ``span`` set) mark figures that are
    annotated already; those are not drafted again. With the ``corpus`` (its
    config must be ``config``), a suggested key that would make the draft
    contradict another brief, the existing claims or itself is held back as a
    comment for the analyst.
    """
    config = config or Config()
    prep = prepared if prepared is not None else sent.prepare(source)
    suggest = Suggester(config)
    spans = [(s.start, s.end) for s in sent.split(prep.text)]
    figures = find_figures(prep.text, published=meta.published or meta.reference, sentence_spans=spans)
    existing = list(existing)
    taken_ids = {c.id for c in existing}
    existing = [c for c in existing if c.span is not None]
    annotated = _Annotated(existing)
    draft = Draft(meta)
    items: list[tuple[int, DraftClaim]] = []
    for fig in figures:
        claim = _figure_claim(prep, fig, suggest)
        if claim is None:
            draft.unanchored.append(_line_of(prep, fig.start))
            continue
        if annotated.covers(claim):
            draft.already += 1
            continue
        items.append((fig.start, claim))
    if positions:
        blocked = SpanSet(excluded_spans(prep.text))
        for s, e in spans:
            if blocked.overlaps(s, e):
                continue
            kind = position_kind(prep.text[s:e])
            if not kind:
                continue
            claim = _sentence_claim(prep, s, e, kind, suggest)
            if claim is None:
                draft.unanchored.append(_line_of(prep, s))
            elif not annotated.touches(claim.span):  # a sentence someone annotated already is left alone
                items.append((s, claim))
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


def _figure_claim(prep: sent.Prepared, fig: Figure, suggest: Suggester) -> Optional[DraftClaim]:
    s, e = fig.sentence
    anchored = _anchor(prep, s, e)
    if anchored is None:
        return None
    quote, span, prefix, suffix = anchored
    sentence_text = prep.text[s:e]
    subjects = suggest.subjects(sentence_text)
    value = fig.value
    key, score = suggest.key(value, subjects, sentence_text, _clause(prep.text, s, e, fig.start, fig.end),
                             prep.text[max(s, fig.start - 40):min(e, fig.end + 40)])
    topics = suggest.topics(sentence_text)
    if key:
        topics = tuple(dict.fromkeys((*suggest.config.keys[key].topics, *topics)))[:3]
    kind = "forecast" if fig.kind != "date" and _FORECAST_FIGURE.search(sentence_text) else "fact"
    return DraftClaim(
        id=_figure_id(fig, subjects), quote=quote, span=span, kind=kind, topics=topics, subjects=subjects,
        key=key, value=value, as_of=fig.as_of, prefix=prefix, suffix=suffix, phrase=prep.quote(fig.start, fig.end),
        figure_span=prep.norm_span(fig.start, fig.end), key_score=score)


_CLAUSE_BREAK = re.compile(r"[,;:()]|\s-\s|\s(?:and|but|while|whereas)\s")


def _clause(text: str, s: int, e: int, a: int, b: int) -> str:
    """The clause of the sentence [s, e) that holds the figure [a, b)."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, s, a)), default=s)
    end = min((m.start() for m in _CLAUSE_BREAK.finditer(text, b, e)), default=e)
    return text[start:end]


_FORECAST_FIGURE = re.compile(r"\b(?:will|is expected to|are expected to|is projected to|forecasts?|projected|"
                              r"by (?:the year )?20[3-9]\d)\b", re.I)


def _sentence_claim(prep: sent.Prepared, s: int, e: int, kind: str, suggest: Suggester) -> Optional[DraftClaim]:
    anchored = _anchor(prep, s, e)
    if anchored is None:
        return None
    quote, span, prefix, suffix = anchored
    text = prep.text[s:e]
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _STOPWORDS][:4]
    return DraftClaim(id=_slug("-".join(words)) or kind, quote=quote, span=span, kind=kind,
                      topics=suggest.topics(text), subjects=suggest.subjects(text), prefix=prefix, suffix=suffix)


def _anchor(prep: sent.Prepared, s: int, e: int) -> Optional[tuple[str, tuple[int, int], str, str]]:
    """(quote, normalised span, prefix, suffix): the original text of [s, e), made unambiguous.

    Works on the normalised text the way ``anchor.find_quote`` matches, with
    windows instead of whole-text slices, so repeated passages stay cheap.
    """
    quote = prep.quote(s, e)
    span = prep.norm_span(s, e)
    norm = prep.norm
    q = norm[span[0]:span[1]]
    if not quote or not q:
        return None
    if anchor.normalise(quote) != q:  # folding differs inside the span: quote the normalised text instead
        quote = q
    starts = []
    i = norm.find(q)
    while i != -1:
        starts.append(i)
        i = norm.find(q, i + 1)
    if starts == [span[0]]:
        return quote, span, "", ""
    # Repeated text (a headline printed twice): the words around it pick this occurrence.
    before = norm[max(0, span[0] - 400):span[0]].split()
    after = norm[span[1]:span[1] + 400].split()
    widest = (" ".join(before[-12:]), " ".join(after[:12]))
    if [j for j in starts if _fits(norm, j, len(q), *widest)] != [span[0]]:
        return None  # repeated word for word, context and all
    for n in range(1, 13):
        prefix = " ".join(before[-n:])
        suffix = " ".join(after[:n])
        for p, x in ((prefix, ""), ("", suffix), (prefix, suffix)):
            if not p and not x:
                continue
            hits = [j for j in starts if _fits(norm, j, len(q), p, x)]
            if hits == [span[0]]:
                return quote, span, p, x
    return None


def _fits(norm: str, i: int, length: int, prefix: str, suffix: str) -> bool:
    """Does the occurrence at ``i`` have ``prefix`` before it and ``suffix`` after it (as find_quote tests)?"""
    if prefix and not norm[max(0, i - len(prefix) - 1):i].rstrip().endswith(prefix):
        return False
    if suffix and not norm[i + length:i + length + len(suffix) + 1].lstrip().startswith(suffix):
        return False
    return True


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
        amount = f"{v.amount:g}".replace(".", "-").replace("+", "")
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


# --------------------------------------------------------------------------- YAML text

_PLAIN_FLOW = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._'/-]*$")
_RESERVED = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|"
                       r"null|Null|NULL|~|[-+]?[0-9][0-9_,.:eE+-]*|\.inf|\.nan)$")


# YAML's printable characters, less the ones PyYAML reads as line breaks (NEL, LS, PS) and the BOM.
_NONPRINTABLE = re.compile("[^\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_ESCAPE = re.compile("[\"\\\\\t]|" + _NONPRINTABLE.pattern)


def _printable(s: str) -> bool:
    return not _NONPRINTABLE.search(s)


def yaml_scalar(s: str, indent: int = 0, used: int = 0, flow: bool = False, width: int = 100) -> str:
    """A YAML scalar that reads back as exactly ``s``: plain, folded (``>-``) or double-quoted.

    ``indent`` is the indentation of the key the scalar belongs to (a folded block is
    indented two more); ``used`` is the column the value starts at, for the width.
    """
    if flow:
        if _PLAIN_FLOW.match(s) and not _RESERVED.match(s) and not s.endswith(" "):
            return s
        return _double_quoted(s)
    simple = (s and s == s.strip() and (s[0].isalnum() or s[0] == "(") and not _RESERVED.match(s)
              and ": " not in s and " #" not in s and not s.endswith(":") and "\t" not in s and _printable(s))
    if simple and used + len(s) <= width:
        return s
    quoted = _double_quoted(s)
    if used + len(quoted) <= width:
        return quoted
    if s and _printable(s) and s == s.strip() and "  " not in s and "\t" not in s:
        return ">-\n" + _fold(s, indent + 2, width)
    return quoted


def _double_quoted(s: str) -> str:
    def escape(m: re.Match) -> str:
        c = m.group()
        if c in "\"\\":
            return "\\" + c
        return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"

    return '"' + _ESCAPE.sub(escape, s) + '"'


def _fold(s: str, indent: int, width: int) -> str:
    """Lines of a folded block scalar; folding a line break gives back the single space."""
    pad = " " * indent
    lines, line = [], ""
    for word in s.split(" "):
        if line and indent + len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    # An empty "word" (never produced: runs of spaces are not folded) would change the text.
    return "\n".join(pad + l for l in lines)


def _flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(yaml_scalar(i, flow=True) for i in items) + "]"


def value_yaml(v: Value) -> str:
    """A value as a one-line flow mapping: {amount: 20, scale: billion, unit: USD, bound: approximate}."""
    def num(x: float) -> str:
        return f"{x:.10g}" if not float(x).is_integer() else str(int(x))

    parts: list[tuple[str, str]] = []
    if v.type == "quantity":
        parts.append(("amount", num(v.amount or 0.0)))
        if v.upper is not None:
            parts.append(("upper", num(v.upper)))
        if v.scale:
            parts.append(("scale", v.scale))
        if v.unit:
            parts.append(("unit", v.unit))
        if v.bound != "exact":
            parts.append(("bound", v.bound))
    elif v.type == "rank":
        parts.append(("rank", num(v.amount or 1)))
        if v.unit:
            parts.append(("of", v.unit))
    elif v.type == "date":
        parts.append(("date", str(v.date)))
    elif v.type == "stance":
        parts.append(("stance", v.stance))
    else:
        parts.append(("category", v.category))
    return "{" + ", ".join(f"{k}: {yaml_scalar(x, flow=True) if k in ('of', 'unit') else x}"
                           for k, x in parts) + "}"


def claim_yaml(c: DraftClaim, indent: int = 2) -> str:
    """One drafted claim as a YAML list item at ``indent``."""
    pad = " " * (indent + 2)
    note = f"  # figure: {json.dumps(c.phrase, ensure_ascii=False)}" if c.phrase and _printable(c.phrase) else ""
    lines = [f"{' ' * indent}- id: {c.id}{note}", f"{pad}status: draft"]
    if c.key:
        lines.append(f"{pad}key: {c.key}")
    elif c.key_held and _printable(c.key_held):
        lines.append(f"{pad}# key: {c.key_held_id}  (suggested, not set: its value would be a {c.key_held})")
    lines.append(f"{pad}kind: {c.kind}")
    if c.topics:
        lines.append(f"{pad}topics: {_flow_list(c.topics)}")
    if c.subjects:
        lines.append(f"{pad}subjects: {_flow_list(c.subjects)}")
    if c.prefix:
        lines.append(f"{pad}prefix: {yaml_scalar(c.prefix, indent + 2, indent + 10)}")
    lines.append(f"{pad}quote: {yaml_scalar(c.quote, indent + 2, indent + 9)}")
    if c.suffix:
        lines.append(f"{pad}suffix: {yaml_scalar(c.suffix, indent + 2, indent + 10)}")
    if c.value is not None:
        lines.append(f"{pad}value: {value_yaml(c.value)}")
    if c.as_of is not None:
        lines.append(f"{pad}as_of: {c.as_of}")
    return "\n".join(lines) + "\n"


def render_draft(draft: Draft) -> str:
    """The whole claims file for a new draft."""
    m = draft.meta
    out = [SCHEMA_MODELINE,
           "# Drafted by `briefcmp annotate`: every claim is `status: draft` until a person reviews it",
           "# (check the quote, value, as_of, topics, subjects and key; then delete the status line).",
           "format: 1", "brief:", f"  id: {m.id}", f"  title: {yaml_scalar(m.title or m.id, 2, 9)}"]
    if m.publisher:
        out.append(f"  publisher: {yaml_scalar(m.publisher, 2, 13)}")
    if m.published:
        out.append(f"  published: {m.published}")
    elif m.reference:
        out.append(f"  # published: {m.reference}   (not stated in the text; dates without a year were "
                   f"completed from {m.reference_from})")
    if m.language:
        out.append(f"  language: {m.language}")
    out.append(f"  source: {yaml_scalar(m.source, 2, 10)}")
    out.append(f"  source_sha256: {m.source_sha256}")
    if not draft.claims:
        out.append("claims: []")
        return "\n".join(out) + "\n"
    out.append("claims:")
    return "\n".join(out) + "\n" + "".join(claim_yaml(c) for c in draft.claims)


def append_to_claims_file(existing: str, claims: list[DraftClaim]) -> str:
    """``existing`` with ``claims`` added to its ``claims:`` list; existing text is kept byte for byte.

    New items go after the last item of the list (before any later top-level key),
    with the list's own indentation and line endings. ``claims: []`` (or an empty
    ``claims:``) is the one line that changes: it becomes ``claims:``.
    """
    if not claims:
        return existing
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.problems import Problems

    problems = Problems()
    data = yamlsafe.parse(existing, "claims file", problems)
    if data is None or not isinstance(data, yamlsafe.YMap):
        raise AnnotateError("the claims file is not a YAML mapping: " + "; ".join(p.format() for p in problems))
    newline = "\r\n" if "\r\n" in existing else "\n"
    lines = existing.splitlines(keepends=True)
    claims_value = data.get("claims")
    if "claims" in data and claims_value is not None and not isinstance(claims_value, yamlsafe.YList):
        raise AnnotateError("claims: is not a list")
    top_keys = sorted((mark[0], key) for key, mark in data.key_marks.items())
    if "claims" not in data:
        body = "claims:" + newline + _items(claims, 2, newline)
        sep = "" if not existing or existing.endswith(("\n", "\r")) else newline
        return existing + sep + body
    claims_line = data.key_marks["claims"][0]
    later = [line for line, key in top_keys if line > claims_line]
    items = claims_value if isinstance(claims_value, yamlsafe.YList) else None
    if items is None or not items.item_marks:
        # "claims:" with nothing, or "claims: []": the one line that has to change.
        idx = claims_line - 1
        line = lines[idx]
        m = re.match(r"^(\s*claims\s*:)\s*(?:\[\s*\])?\s*(#.*)?(\r?\n)?$", line)
        if not m:
            raise AnnotateError(f"line {claims_line}: cannot add claims to this claims: line; "
                                "write `claims:` on a line of its own")
        comment = f"  {m.group(2)}" if m.group(2) else ""
        lines[idx] = m.group(1) + comment + newline
        indent = 2
        insert_at = idx + 1
        if later:
            insert_at = max(insert_at, _insert_line(lines, later[0]))
        else:
            insert_at = len(lines)
    else:
        if items.mark[0] == claims_line and lines[claims_line - 1].split(":", 1)[1].strip().startswith("["):
            raise AnnotateError(f"line {claims_line}: claims are written as a [flow list]; "
                                "write them as a block list (one `- id:` per claim) to add drafts")
        line, col = items.item_marks[0]
        dash = lines[line - 1][:col - 1].rstrip()
        if not dash.endswith("-"):
            raise AnnotateError(f"line {line}: cannot tell the indentation of the claims list")
        indent = len(dash) - 1
        insert_at = _insert_line(lines, later[0]) if later else len(lines)
    before = lines[:insert_at]
    if before and not before[-1].endswith(("\n", "\r")):
        before[-1] = before[-1] + newline
    return "".join(before) + _items(claims, indent, newline) + "".join(lines[insert_at:])


def _insert_line(lines: list[str], next_key_line: int) -> int:
    """Insert before the next top-level key, but after the claims' trailing lines (not its own comments)."""
    i = next_key_line - 1
    while i > 0 and (not lines[i - 1].strip() or lines[i - 1].lstrip().startswith("#")) \
            and not lines[i - 1].startswith((" ", "\t")):
        i -= 1
    return i


def _items(claims: list[DraftClaim], indent: int, newline: str) -> str:
    text = "".join(claim_yaml(c, indent) for c in claims)
    return text.replace("\n", newline) if newline != "\n" else text


# --------------------------------------------------------------------------- files


@dataclass
class AnnotateSettings:
    source: Path
    output: Optional[Path] = None  # None: stdout
    update: Optional[Path] = None  # an existing claims file to add to
    positions: bool = False


@dataclass
class AnnotateResult:
    text: str  # the claims file text to write (or print)
    draft: Draft
    target: Optional[Path]  # where to write; None for stdout
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False  # --update found nothing new


def read_source(path: Path) -> tuple[str, bytes]:
    """The text and bytes of a source file; AnnotateError with a located message when unusable."""
    from briefcmp.corpus.load import MAX_SOURCE_BYTES
    from briefcmp.corpus.problems import Problems
    from briefcmp.corpus import yamlsafe

    try:
        if path.is_dir():
            raise AnnotateError(f"{path}: is a folder; give a source text file")
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except FileNotFoundError:
        raise AnnotateError(f"{path}: no such file") from None
    except OSError as exc:
        raise AnnotateError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise AnnotateError(f"{path}:1:1: file is larger than {MAX_SOURCE_BYTES:,} bytes")
    problems = Problems()
    text = yamlsafe.decode(data, str(path), problems) if len(data) <= yamlsafe.MAX_BYTES else None
    if text is None:
        if not problems:  # larger than the YAML limit but within the source limit: decode directly
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise AnnotateError(f"{path}: byte {exc.start} is not valid UTF-8; save the file as UTF-8") from None
        else:
            p = problems[0]
            raise AnnotateError(f"{p.path}:{p.line}:{p.col}: {p.message}")
    if not text.strip():
        raise AnnotateError(f"{path}:1:1: the source text is empty")
    return text, data


def run_annotate(settings: AnnotateSettings) -> AnnotateResult:
    """Read the source (and the claims file to update), build the draft, and produce the text to write."""
    from briefcmp.corpus.cache import load_corpus
    from briefcmp.corpus.load import find_root

    src = settings.source
    text, data = read_source(src)
    warnings: list[str] = []
    target = settings.update or settings.output
    if target is not None and str(target) == "-":
        target = None
    base = target.resolve().parent if target is not None else None
    root = find_root(base if base is not None else src.resolve().parent) or \
        (find_root(Path.cwd()) if base is None else None)
    if base is None:
        base = root or Path.cwd().resolve()
    config = Config()
    corpus: Optional[Corpus] = None
    if root is not None:
        loaded = load_corpus([root], anchor_quotes=False)
        corpus, config = loaded.corpus, loaded.corpus.config
        if any(p.severity >= 2 and p.path == config.path for p in loaded.problems):
            warnings.append(f"{config.path} has problems (run `briefcmp check`); suggestions may be incomplete")
    else:
        warnings.append("no briefcmp.yaml found above the output: no topics, subjects or keys are suggested")
    rel = Path(os.path.relpath(src.resolve(), base)).as_posix()
    if root is not None and not src.resolve().is_relative_to(root.resolve()):
        warnings.append(f"{src} is outside the corpus folder {root}; copy it into {root}/sources/ "
                        "so that `briefcmp check` can read it")
    prep = sent.prepare(text)
    title, publisher, published = find_metadata(prep)
    reference, ref_from = _reference_date(src.name) if published is None else (None, "")
    meta = BriefMeta(id=brief_id_from(src), title=title, source=rel, source_sha256=anchor.sha256(data),
                     publisher=publisher, published=published, language=_language(text),
                     reference=reference, reference_from=ref_from)
    if settings.update is None:
        draft = build_draft(text, meta=meta, config=config, positions=settings.positions, prepared=prep,
                            corpus=corpus)
        return AnnotateResult(render_draft(draft), draft, target, warnings)
    return _update(settings.update, src, prep, meta, config, settings.positions, warnings, corpus)


def _update(path: Path, source: Path, prep: sent.Prepared, meta: BriefMeta, config: Config, positions: bool,
            warnings: list[str], corpus: Optional[Corpus]) -> AnnotateResult:
    from briefcmp.corpus import yamlsafe
    from briefcmp.corpus.load import parse_claims_file
    from briefcmp.corpus.problems import Problems, Severity

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AnnotateError(f"{path}: no such claims file (leave out --update to start a new one)") from None
    except OSError as exc:
        raise AnnotateError(f"{path}: cannot read: {exc.strerror}") from None
    problems = Problems()
    existing_text = yamlsafe.decode(raw, str(path), problems)
    parsed = yamlsafe.parse(existing_text, str(path), problems) if existing_text is not None else None
    errors = [p for p in problems if p.severity == Severity.ERROR]
    if errors or parsed is None or existing_text is None:
        raise AnnotateError("cannot update: " + (errors[0].format() if errors else f"{path}: unreadable"))
    brief = parse_claims_file(parsed, str(path), Problems(), config)
    if brief is None:
        raise AnnotateError(f"cannot update: {path}: not a claims file (it needs a brief: section with id, "
                            "title and source)")
    if brief.source and (path.resolve().parent / brief.source).resolve() != source.resolve():
        raise AnnotateError(f"cannot update: {path} annotates {brief.source}, not {source}")
    if brief.source_sha256 and brief.source_sha256 != meta.source_sha256:
        warnings.append(f"{path}: the source changed since it was annotated (source_sha256 differs); "
                        "review the existing quotes")
    for c in brief.claims:
        if c.quote:
            c.span = anchor.find_quote(prep.norm, c.quote, c.prefix, c.suffix).span
    if brief.published:
        meta.published = brief.published
    meta.id = brief.id or meta.id
    draft = build_draft(prep.original, meta=meta, config=config, positions=positions, existing=brief.claims,
                        prepared=prep, corpus=corpus)
    new_text = append_to_claims_file(existing_text, draft.claims)
    if raw.startswith(b"\xef\xbb\xbf"):
        new_text = "\ufeff" + new_text
    return AnnotateResult(new_text, draft, path, warnings, unchanged=not draft.claims)
