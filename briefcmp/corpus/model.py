"""The typed objects every part of briefcmp works on.

Loading (``briefcmp.corpus.load``) turns YAML into these; analysis (``crossref``,
``coverage``) and rendering take them. Nothing here reads files or prints.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Optional

from briefcmp.corpus.kinds import RELATION_KINDS  # noqa: F401  (re-exported)

FORMAT_VERSION = 1

CLAIM_KINDS = ("fact", "forecast", "recommendation", "assessment")
VALUE_TYPES = ("quantity", "rank", "date", "category", "stance")
STANCES = ("support", "oppose", "mixed", "neutral")
# Indian reporting counts in lakhs (100,000) and crores (10 million): "Rs 11.11 lakh crore" is 11.11e12.
SCALES = {"": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "lakh": 10**5, "crore": 10**7, "lakh crore": 10**12}
# Bounds say how a figure relates to the true value: "at least 100" is true for 100..inf.
BOUNDS = ("exact", "approximate", "at-least", "more-than", "at-most", "less-than", "up-to")
CLAIM_STATUSES = ("reviewed", "draft")


class Precision(str, Enum):
    """How much of a date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a day, a month or only a year (``2022``, ``2022-03``, ``2022-03-03``)."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        if self.day:
            return Precision.DAY
        return Precision.MONTH if self.month else Precision.YEAR

    def start(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def end(self) -> date:
        if self.day:
            return date(self.year, self.month, self.day)
        if self.month:  # the month's last day, computed without stepping into the next year (9999-12)
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, slots=True)
class Period:
    """What a figure refers to: one partial date, or an interval ``start/end``."""

    start: PartialDate
    end: Optional[PartialDate] = None

    def span(self) -> tuple[date, date]:
        return self.start.start(), (self.end or self.start).end()

    def __str__(self) -> str:
        return f"{self.start}/{self.end}" if self.end else str(self.start)


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far apart two figures under one key may be and still agree."""

    relative: float = 0.0  # fraction of the larger magnitude, e.g. 0.05 for 5%
    absolute: float = 0.0  # in the key's unit (after scale)

    def __str__(self) -> str:
        parts = []
        if self.relative:
            parts.append(f"{self.relative * 100:g}%")
        if self.absolute:
            parts.append(f"{self.absolute:g}")
        return " or ".join(parts) or "exact"


@dataclass(frozen=True, slots=True)
class Value:
    """A typed value of a claim. ``type`` says which of the fields are set."""

    type: str
    amount: Optional[float] = None  # quantity (as written, before scale) or rank
    upper: Optional[float] = None  # quantity range "between amount and upper"
    scale: str = ""
    unit: str = ""  # ISO 4217 code for money (USD, JPY, RUB, ...) or a unit name
    bound: str = "exact"
    date: Optional[PartialDate] = None
    category: str = ""
    stance: str = ""
    # Other expressions of the same figure, each (amount, upper, scale, unit, bound): a conversion in
    # parentheses ("9.1 trillion yen ($64 billion)") or an alternative ("$3.1 trillion, or $3.2 trillion,
    # depending on the exchange rate"); either may match. Plain tuples, so the cache stores them as is.
    alternates: tuple[tuple, ...] = ()
    stands_for: str = ""  # set when compare reads the claim through an alternate: the main value's display

    def expressions(self) -> list["Value"]:
        """The value itself (without its alternates), then each alternate as a Value."""
        if not self.alternates:
            return [self]
        main = Value(self.type, self.amount, self.upper, self.scale, self.unit, self.bound)
        return [main, *(Value("quantity", a, u, s, unit, b or "exact") for a, u, s, unit, b in self.alternates)]

    @property
    def base_amount(self) -> Optional[float]:
        """The amount in base units (scale applied)."""
        if self.amount is None:
            return None
        return self.amount * SCALES.get(self.scale, 1)

    @property
    def base_upper(self) -> Optional[float]:
        if self.upper is None:
            return None
        return self.upper * SCALES.get(self.scale, 1)

    def display(self) -> str:
        """Human form: "~USD 4.1 billion", "22nd", "2022-02-24", "yes", "oppose"."""
        if self.type == "quantity":
            prefix = {
                "approximate": "~", "at-least": "≥", "more-than": ">", "at-most": "≤",
                "less-than": "<", "up-to": "up to ",
            }.get(self.bound, "")
            amount = _num(self.amount)
            if self.upper is not None:
                amount += f"–{_num(self.upper)}"
            scale = f" {self.scale}" if self.scale else ""
            unit = self.unit
            if self.stands_for:  # compared in this alternate: "USD 64 billion (alternate of JPY 9.1 trillion)"
                return f"{dataclasses.replace(self, stands_for='').display()} (alternate of {self.stands_for})"
            if self.alternates:  # "JPY 9.1 trillion (or USD 64 billion)"
                main = self.expressions()
                return f"{main[0].display()} ({'; '.join('or ' + v.display() for v in main[1:])})"
            if unit == "percent":
                return f"{prefix}{amount}{scale}%"
            if unit and unit.isupper() and len(unit) == 3:
                return f"{prefix}{unit} {amount}{scale}"
            return f"{prefix}{amount}{scale} {unit}".rstrip()
        if self.type == "rank":
            return ordinal(int(self.amount or 0))
        if self.type == "date":
            return str(self.date)
        if self.type == "stance":
            return self.stance
        return self.category


def _num(x: Optional[float]) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.10g}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


Mark = tuple[int, int]


@dataclass(slots=True)
class Claim:
    """One claim of one brief, anchored to a quote of its source."""

    id: str
    brief: str  # brief id
    quote: str
    text: str = ""
    kind: str = "fact"
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    key: str = ""
    value: Optional[Value] = None
    as_of: Optional[Period] = None
    as_of_inferred: bool = False  # True when as_of was taken from the publication date
    cites: str = ""
    note: str = ""
    prefix: str = ""
    suffix: str = ""
    status: str = "reviewed"
    acknowledges: tuple[str, ...] = ()  # ids of reviewed conflicts this claim knowingly takes part in
    path: str = ""  # claims file, as given to the tool
    line: int = 0
    col: int = 0
    # Filled by anchoring: the quote's character offsets in the source text, as one number
    # (start << 32 | end; -1 for none): a tuple of two numbers costs 80 bytes more a claim.
    packed_span: int = -1

    @property
    def span(self) -> Optional[tuple[int, int]]:
        """(start, end) of the quote in the normalised source text, or None when it was not found."""
        p = self.packed_span
        return None if p < 0 else (p >> 32, p & 0xFFFFFFFF)

    @span.setter
    def span(self, span: Optional[tuple[int, int]]) -> None:
        self.packed_span = -1 if span is None else (span[0] << 32) | span[1]

    @property
    def ref(self) -> str:
        """``brief#claim``: how a claim is named everywhere."""
        return f"{self.brief}#{self.id}"


@dataclass(frozen=True, slots=True)
class Original:
    """The file a source text was extracted from (``briefcmp add``): a PDF, web page, Markdown or text."""

    name: str  # its file name when it was added
    type: str  # one of ORIGINAL_TYPES
    sha256: str
    path: str = ""  # relative to the claims file, when it is kept inside the corpus (then checked for changes)
    metadata_from: tuple[tuple[str, str], ...] = ()  # (brief field, where the document states it)


ORIGINAL_TYPES = ("pdf", "html", "md", "txt")
# "corpus": the year of a wire dateline that gives none, or the one reading of a date in numbers ("04/12/2024")
# near the corpus's other briefs (ingest.metadata.settle_date)
METADATA_ORIGINS = ("pdf-metadata", "json-ld", "html-meta", "html-title", "html-byline", "front-matter", "text",
                    "corpus")
METADATA_FIELDS = ("title", "publisher", "published", "url")


@dataclass(slots=True)
class Brief:
    """One source document and its claims."""

    id: str
    title: str
    source: str  # path as written in the claims file (relative to it)
    path: str = ""  # claims file path
    publisher: str = ""
    authors: tuple[str, ...] = ()
    published: Optional[PartialDate] = None
    url: str = ""
    language: str = ""
    source_sha256: str = ""
    note: str = ""
    claims: list[Claim] = field(default_factory=list)
    source_path: str = ""  # resolved path of the source text
    source_text: Optional[str] = None  # normalised (see briefcmp.corpus.anchor)
    line: int = 0
    col: int = 0
    source_mark: tuple[int, int] = (0, 0)  # where `source:` is written, for problems about the source
    original: Optional[Original] = None  # what the source text was extracted from


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str
    description: str = ""
    parent: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KeyDef:
    """A registered question that claims from different briefs can answer."""

    id: str
    label: str
    type: str  # one of VALUE_TYPES
    description: str = ""
    unit: str = ""
    tolerance: Tolerance = Tolerance()
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    values: tuple[str, ...] = ()  # allowed categories, when type is category
    line: int = 0
    # The measure's words in other languages: (("ja", ("防衛費", "防衛予算")), ("ko", ("국방비",))).
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(slots=True)
class Config:
    """The corpus configuration: taxonomy, entities and key registry."""

    topics: dict[str, Topic] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    keys: dict[str, KeyDef] = field(default_factory=dict)
    title: str = ""
    path: str = ""
    # Keys listed under keys: whose entry is invalid (reported in the config): claims using them
    # are compared as under an unregistered key, without an "unknown key" error each.
    broken_keys: tuple[str, ...] = ()
    fiscal_year_start: int = 1  # the month fiscal years start (4: April, as in Japan); 1: calendar years
    check_select: tuple[str, ...] = ()  # the check: table (rules or prefixes; see corpus/rules.py)
    check_ignore: tuple[str, ...] = ()

    def topic_ancestors(self, topic: str) -> list[str]:
        """The topic and its parents, nearest first (cycles are cut)."""
        out: list[str] = []
        while topic and topic not in out:
            out.append(topic)
            parent = self.topics.get(topic)
            topic = parent.parent if parent else ""
        return out


@dataclass(slots=True)
class Corpus:
    """A loaded corpus: config, briefs (in path order), and the folder it came from."""

    root: str
    config: Config
    briefs: list[Brief] = field(default_factory=list)
    discovered: str = ""  # the corpus folder as shown, when it was found from the working folder (no PATH)

    def claims(self):
        for brief in self.briefs:
            yield from brief.claims

    def brief(self, brief_id: str) -> Optional[Brief]:
        return next((b for b in self.briefs if b.id == brief_id), None)



def relation_id_text(key: str, kind: str, digest: int) -> str:
    """``KEY:KIND:HASH``, HASH the digest as 10 hex digits (see ``analysis.rules.base.relation_id``)."""
    return f"{key}:{kind}:{digest:010x}"


@dataclass(slots=True)
class Relation:
    """A finding about claims that share a key. ``id`` is stable: key, kind and a hash of the sorted claim refs."""

    kind: str
    severity: str  # "error" (contradiction), "warning", "info"
    key: str
    claims: list[Claim]
    explanation: str
    topic: str = ""
    origins: int = 0  # independent origins (claims citing the same upstream source count once)
    # The hash part of ``id`` as a number: an id is text only when asked for (at 10,000 briefs,
    # 139,000 id strings would take 14 MB).
    digest: int = 0
    reviewed: Optional[str] = None  # status from the reviewed-conflicts file, when one matches
    # The values in conflict: claim refs grouped by agreeing value (one tuple per side). A claim
    # that joins a side agrees with it within the tolerance, for the same period. Empty: one
    # side per claim (relations that are not a conflict between values).
    sides: tuple[tuple[str, ...], ...] = ()
    # Claims whose as-of date was inferred (from the publication date) and decides the kind:
    # with the other claims' period they would contradict them. `check` warns at them.
    inferred_decides: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return relation_id_text(self.key, self.kind, self.digest)
