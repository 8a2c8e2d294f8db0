"""`briefcmp annotate`: draft a claims file from a source text.

The core is ``build_draft(text, ...) -> Draft``: brief metadata found in the
text, one claim per figure (``briefcmp.figures``), optionally one candidate
claim per sentence that takes a position, each with topics, subjects and a key
suggested from the corpus config. ``render_draft`` turns a draft into YAML
text; ``append_to_claims_file`` adds new claims to an existing file by
appending text, so every reviewed claim, comment and blank line stays exactly
as it was. Every drafted claim is ``status: draft``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from briefcmp import anchor, units
from briefcmp import sentences as sent
from briefcmp.figures import Figure, excluded_spans, find_figures
from briefcmp.model import Claim, Config, KeyDef, PartialDate, Period, Value

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


@dataclass
class Draft:
    meta: BriefMeta
    claims: list[DraftClaim] = field(default_factory=list)
    already: int = 0  # with existing claims: figures found that were annotated already


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


def find_metadata(prep: sent.Prepared, file_name: str = "") -> tuple[str, str, Optional[PartialDate]]:
    """(title, publisher, published) as far as the text states them.

    The title is the first non-empty line, unless a line near the top is repeated
    (web copies repeat the headline) or the first line names the publisher.
    """
    from briefcmp.figures import find_dates

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


def _reference_date(text_dates: Iterable, file_name: str) -> tuple[Optional[PartialDate], str]:
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.](\d\d)(?:[-_.](\d\d))?(?!\d)", file_name)
    if m:
        from briefcmp.load import parse_pdate

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
        self.topic_words: dict[str, set[str]] = {}
        for tid, topic in config.topics.items():
            self.topic_words[tid] = _content_stems(f"{tid.replace('-', ' ')} {topic.label} {topic.description}")
        for key in config.keys.values():
            for tid in key.topics:
                if tid in self.topic_words:
                    self.topic_words[tid] |= _content_stems(key.label) - self._entity_stems()
        names: list[tuple[str, str]] = []
        for eid, e in config.entities.items():
            for name in {e.label, *e.aliases}:
                for form in _name_forms(name):
                    names.append((form, eid))
        names.sort(key=lambda n: len(n[0]), reverse=True)
        self.names = names
        self._name_re = re.compile("|".join(rf"(?<![\w.])({re.escape(n)})(?![\w])" for n, _ in names)) \
            if names else None
        self.key_words = {k.id: _content_stems(f"{k.label} {k.description}") for k in config.keys.values()}

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
            eid = self.names[m.lastindex - 1][1]
            if eid not in out:
                out.append(eid)
        return tuple(out)

    def topics(self, text: str, limit: int = 2) -> tuple[str, ...]:
        """The best-matching topics (a child topic beats its parent on a tie)."""
        words = _content_stems(text)
        scores = {tid: len(words & kw) for tid, kw in self.topic_words.items()}
        best = max(scores.values(), default=0)
        if best < 1:
            return ()
        chosen = [t for t, s in scores.items() if s == best]
        chosen = [t for t in chosen if not any(t != o and t in self.config.topic_ancestors(o)[1:] for o in chosen)]
        return tuple(chosen[:limit])

    def key(self, value: Optional[Value], subjects: tuple[str, ...], sentence: str, clause: str) -> tuple[str, float]:
        """A registered key that fits, and how well: same value type and unit, its subjects named in the
        sentence, and its wording in the sentence and (weighing more) in the figure's own clause."""
        if value is None or value.type not in ("quantity", "rank", "date"):
            return "", 0.0
        words, near = _content_stems(sentence), _content_stems(clause)
        entity_stems = self._entity_stems()
        best: list[tuple[float, str]] = []
        for k in self.config.keys.values():
            if k.type != value.type or not _unit_fits(k, value) or not set(k.subjects) <= set(subjects):
                continue
            kw = self.key_words[k.id] - entity_stems
            if not kw:
                continue
            score = len(kw & words) / len(kw)
            if score >= 0.5:
                best.append((score + len(kw & near) / len(kw), k.id))
        best.sort(reverse=True)
        if not best or (len(best) > 1 and best[1][0] == best[0][0]):
            return "", 0.0  # none, or a tie: leave the choice to the analyst
        return best[0][1], best[0][0]


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
                existing: Iterable[Claim] = ()) -> Draft:
    """Draft claims for every figure (and, with ``positions``, every position) of ``source``.

    ``existing`` claims (already anchored: ``span`` set) mark figures that are
    annotated already; those are not drafted again.
    """
    config = config or Config()
    prep = sent.prepare(source)
    suggest = Suggester(config)
    spans = [(s.start, s.end) for s in sent.split(prep.text)]
    figures = find_figures(prep.text, published=meta.published or meta.reference, sentence_spans=spans)
    existing = [c for c in existing if c.span is not None]
    taken_ids = {c.id for c in existing}
    draft = Draft(meta)
    items: list[tuple[int, DraftClaim]] = []
    for fig in figures:
        claim = _figure_claim(prep, fig, suggest)
        if claim is None:
            continue
        if _annotated(claim, existing):
            draft.already += 1
            continue
        items.append((fig.start, claim))
    if positions:
        blocked = excluded_spans(prep.text)
        for s, e in spans:
            if any(x < e and s < y for x, y in blocked):
                continue
            kind = position_kind(prep.text[s:e])
            if not kind:
                continue
            claim = _sentence_claim(prep, s, e, kind, suggest)
            if claim is not None and not any(c.span == claim.span and c.value is None for c in existing):
                items.append((s, claim))
    items.sort(key=lambda it: it[0])
    _one_value_per_key([c for _, c in items], existing)
    for _, claim in items:
        claim.id = _unique_id(claim.id, taken_ids)
        taken_ids.add(claim.id)
        draft.claims.append(claim)
    return draft


def _one_value_per_key(claims: list[DraftClaim], existing: list[Claim]) -> None:
    """A brief must not contradict itself through a suggested key: where drafted claims (or existing ones)
    give a key different values, only the best-fitting draft keeps it."""
    by_key: dict[str, list[DraftClaim]] = {}
    for c in claims:
        if c.key:
            by_key.setdefault(c.key, []).append(c)
    for key, group in by_key.items():
        given = [c.value for c in existing if c.key == key and c.value is not None]
        best = max(group, key=lambda c: c.key_score)
        for c in group:
            clash = [v for v in given if not same_value(v, c.value)]
            if c is not best and not same_value(c.value, best.value):
                clash.append(best.value)
            if clash:
                c.key = ""


def _figure_claim(prep: sent.Prepared, fig: Figure, suggest: Suggester) -> Optional[DraftClaim]:
    s, e = fig.sentence
    anchored = _anchor(prep, s, e)
    if anchored is None:
        return None
    quote, span, prefix, suffix = anchored
    sentence_text = prep.text[s:e]
    subjects = suggest.subjects(sentence_text)
    value = fig.value
    key, score = suggest.key(value, subjects, sentence_text, _clause(prep.text, s, e, fig.start, fig.end))
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
    """(quote, normalised span, prefix, suffix): the original text of [s, e), made unambiguous."""
    quote = prep.quote(s, e)
    span = prep.norm_span(s, e)
    if not quote:
        return None
    a = anchor.find_quote(prep.norm, quote)
    if a.span == span:
        return quote, span, "", ""
    if a.total == 0:  # folding differs inside the span: quote the normalised text instead
        quote = prep.norm[span[0]:span[1]]
        a = anchor.find_quote(prep.norm, quote)
        if a.span == span:
            return quote, span, "", ""
    # Repeated text (a headline printed twice): the words before it pick this occurrence.
    before = prep.norm[:span[0]].rstrip()
    after = prep.norm[span[1]:].lstrip()
    for n in range(1, 13):
        prefix = " ".join(before.split(" ")[-n:]) if before else ""
        suffix = " ".join(after.split(" ")[:n]) if after else ""
        for p, x in ((prefix, ""), ("", suffix), (prefix, suffix)):
            if not p and not x:
                continue
            a = anchor.find_quote(prep.norm, quote, p, x)
            if a.span == span:
                return quote, span, p, x
    return None


def _annotated(claim: DraftClaim, existing: list[Claim]) -> bool:
    """True when an existing claim quotes this figure's place with the same value."""
    fa, fb = claim.figure_span or claim.span
    for c in existing:
        a, b = c.span
        if a < fb and fa < b and same_value(c.value, claim.value):
            return True
    return False


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


def _unique_id(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


# --------------------------------------------------------------------------- YAML text

_PLAIN_FLOW = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._'/-]*$")
_RESERVED = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|"
                       r"null|Null|NULL|~|[-+]?[0-9][0-9_,.:eE+-]*|\.inf|\.nan)$")


def _printable(s: str) -> bool:
    return all(c in "\t" or (" " <= c <= "~") or (c >= "\xa0" and c not in "\u2028\u2029\ufeff\ufffe\uffff")
               for c in s)


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
    out = []
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif not _printable(c) or c == "\t":
            out.append(f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


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
    from briefcmp import yamlsafe
    from briefcmp.problems import Problems

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
    force: bool = False


@dataclass
class AnnotateResult:
    text: str  # the claims file text to write (or print)
    draft: Draft
    target: Optional[Path]  # where to write; None for stdout
    warnings: list[str] = field(default_factory=list)
    unchanged: bool = False  # --update found nothing new


def read_source(path: Path) -> tuple[str, bytes]:
    """The text and bytes of a source file; AnnotateError with a located message when unusable."""
    from briefcmp.load import MAX_SOURCE_BYTES
    from briefcmp.problems import Problems
    from briefcmp import yamlsafe

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
    from briefcmp.load import CONFIG_NAME, find_root, parse_config, read_yaml
    from briefcmp.problems import Problems

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
    if root is not None:
        problems = Problems()
        cfg = read_yaml(root / CONFIG_NAME, str(root / CONFIG_NAME), problems)
        if cfg is not None:
            config = parse_config(cfg, str(root / CONFIG_NAME), problems)
        if any(p.severity >= 2 for p in problems):
            warnings.append(f"{root / CONFIG_NAME} has problems (run `briefcmp check`); suggestions may be incomplete")
    else:
        warnings.append("no briefcmp.yaml found above the output: no topics, subjects or keys are suggested")
    rel = Path(os.path.relpath(src.resolve(), base)).as_posix()
    if root is not None and not src.resolve().is_relative_to(root.resolve()):
        warnings.append(f"{src} is outside the corpus folder {root}; copy it into {root}/sources/ "
                        "so that `briefcmp check` can read it")
    prep = sent.prepare(text)
    title, publisher, published = find_metadata(prep, src.name)
    reference, ref_from = (None, "")
    if published is None:
        reference, ref_from = _reference_date((), src.name)
    meta = BriefMeta(id=brief_id_from(src), title=title, source=rel, source_sha256=anchor.sha256(data),
                     publisher=publisher, published=published, language=_language(text),
                     reference=reference, reference_from=ref_from)
    if settings.update is None:
        draft = build_draft(text, meta=meta, config=config, positions=settings.positions)
        return AnnotateResult(render_draft(draft), draft, target, warnings)
    return _update(settings.update, src, text, meta, config, settings.positions, warnings)


def _update(path: Path, source: Path, text: str, meta: BriefMeta, config: Config, positions: bool,
            warnings: list[str]) -> AnnotateResult:
    from briefcmp import yamlsafe
    from briefcmp.load import parse_claims_file
    from briefcmp.problems import Problems, Severity

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
    norm = anchor.normalise(text)
    for c in brief.claims:
        if c.quote:
            c.span = anchor.find_quote(norm, c.quote, c.prefix, c.suffix).span
    if brief.published:
        meta.published = brief.published
    draft = build_draft(text, meta=meta, config=config, positions=positions, existing=brief.claims)
    taken = {c.id for c in brief.claims}
    for c in draft.claims:
        if c.id in taken:
            c.id = _unique_id(c.id, taken)
        taken.add(c.id)
    new_text = append_to_claims_file(existing_text, draft.claims)
    if raw.startswith(b"\xef\xbb\xbf"):
        new_text = "\ufeff" + new_text
    return AnnotateResult(new_text, draft, path, warnings, unchanged=not draft.claims)
