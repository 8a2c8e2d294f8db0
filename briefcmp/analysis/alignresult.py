"""What ``align`` returns: each figure as align sees it (``Member``), the groups it proposes to key together
(``Group``) and the whole result (``AlignResult``). Split from ``analysis.align`` (its size); align re-exports them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from briefcmp.corpus.model import Claim


@dataclass
class Member:
    """A figure claim as align sees it."""

    claim: Claim
    subjects: tuple[str, ...]
    subjects_from: str  # "claim" | "clause" | "sentence" | "two named before" | "previous sentence" | "title" | "whole brief"
    unit: str  # canonical unit ("" for a count without unit)
    dim: str  # what compares: the unit, or "duration"
    words: frozenset[str]
    shown: dict[str, str]  # normalised word -> how it reads, in clause order
    order: tuple[str, ...]
    lead: str = ""  # the subject named first: "Kenya's exports to Uganda" leads with kenya
    period: str = ""  # the as-of a reader gives it ("2023", "2024-04/2025-03"), see analysis.periods
    period_how: str = ""  # stated | relative | drafted | claim | release (shared with reports of one release) | ""
    published: Optional[date] = None
    alternate: bool = False  # a conversion in parentheses or an alternative reading of another figure
    vintage: str = ""  # "budgeted", "preliminary", "revised": which estimate of the period it is, when said
    hint: str = ""  # the brief's main period, for a figure that states none (see _brief_hints)
    headline: str = ""  # the period the brief's title states ("Japan's 2024 trade deficit"), see _brief_hints
    the_period: str = ""  # "quarter" when its clause says "in the quarter": the brief's own period (_brief_hints)
    headline_from: str = ""  # "title" | "lead": where ``headline`` was read (a lead's period yields to the release's)
    sentence: int = -1  # the index of its sentence in the brief, and where its figure is written (-1: unknown)
    at: int = -1
    elided: str = ""  # "bare" | "gapped": its clause leaves the measure or the verb to the figure before (ellipsis)
    words_from: str = ""  # where measured words not in its own clause came from ("" : its clause)
    basis: str = ""  # the base its own clause states ("yoy", "qoq"...), even where its words leave it out
    item_year: str = ""  # the one year a list item writes ("..., 1.1% in 2025"): its period (ellipsis.carry)
    item_quarter: int = 0  # the quarter a list item of quarters names ("7.25% in the second"), see ellipsis
    item_base: bool = False  # a list item that says what it is compared with ("and by 48.6% compared with ...")
    outcome: bool = False  # drafted as a forecast, yet every forecast phrase of its sentence comes after it (figurerole)
    view: bool = False  # a view no budget's wording makes a fact: the brief's own, or one held before the outcome (views)
    unit_from: str = ""  # where a currency its figure does not write came from (briefunits; "" : as written)
    period_read: Optional[tuple] = None  # what its period was read from, for another fiscal year (fiscalissuer)
    listed: bool = False  # its period is the one the line introducing its list names (titleperiods.introduces)

    @property
    def dated(self) -> bool:
        return bool(self.period_how)


@dataclass
class Group:
    """Claims proposed to share one key (``new``: a key to register)."""

    key: str
    new: bool
    label: str
    unit: str
    members: list[Member]
    reason: str
    sure: bool
    subjects: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    doubt: str = ""  # why a candidate is not sure: the evidence it lacks
    score: float = 0.0  # the evidence score (analysis.evidence), set by align

    @property
    def id(self) -> str:
        refs = "\n".join(sorted(m.claim.ref for m in self.members))
        return "align:" + hashlib.sha1(f"{self.key}\n{refs}".encode()).hexdigest()[:10]


@dataclass
class AlignResult:
    groups: list[Group] = field(default_factory=list)  # sure: applied by --apply
    candidates: list[Group] = field(default_factory=list)  # unsure: for a person to decide
    entities: dict[str, str] = field(default_factory=dict)  # entity id -> label to register
    considered: int = 0  # unkeyed figure claims looked at
    figures: list = field(default_factory=list, repr=False)  # every figure described (for reviewgroups)
