"""The one reading of a figure's period, for drafting and align alike (issue 21, point 2).

``read`` is ``analysis.periods.resolve``: the period the figure's own clause states, a comparison base
never taken for it ("climbed 23.1%, from EUR 2.7 billion in 2023": not 2023), relative periods read
against the publication date. Align keys with it; drafting writes it as the claim's ``as_of`` where it
reads one (``drafting.asof.AsOf.figure_period``), so the as-of a person reads in the claims file is the
period align lines the figure up under. Where it reads none, drafting's own date reader
(``drafting.asof``: the sentence before, a list's heading) still dates the figure, and align takes that
as-of as drafted.

Measured before one reader was kept (``benchmarks/period_readers.py``, RESULTS "one period reader"):
the two readers agreed on 73% of the tuning halves' figures; where only align read a period it was
mostly a relative one drafting never resolved ("the third quarter", "last month").
"""

from __future__ import annotations

from datetime import date
from typing import Optional

from briefcmp.analysis import periods
from briefcmp.corpus.fields import parse_period
from briefcmp.corpus.model import PartialDate, Period


def read(sentence: str, figure: tuple[int, int], published: Optional[date], country: str = "",
         own_year: str = "") -> tuple[str, str]:
    """(period, how) of the figure at ``figure`` in ``sentence`` (``periods.resolve``)."""
    return periods.resolve(sentence, figure, published, country, own_year)


def published_day(published: Optional[PartialDate]) -> Optional[date]:
    """The day relative periods are read against: a publication date known to the month at least (one
    known to the year only dates no "last month")."""
    return published.start() if published is not None and published.month else None


def as_period(value: str) -> Optional[Period]:
    """A period as ``read`` writes it ("2024", "2024-07/2024-09", "2024-10-03") as a claim's as-of, or None."""
    return parse_period(value) if value else None


# Countries whose fiscal years differ (the calendar's, April's named by its start, October's): a reading that
# changes with them depends on whose figure it is
_WHOSE = ("japan", "united-states")


def drafted(sentence: str, figure: tuple[int, int], published: Optional[PartialDate]) -> Optional[Period]:
    """The as-of drafting writes for the figure when the one reader reads its period, else None. Drafting
    does not know whose figure it is yet: a reading that depends on whose fiscal year it is ("FY24",
    "2024-25", "the current fiscal year") is left to align, which reads it with the figure's subjects."""
    day = published_day(published)
    value, how = read(sentence, figure, day)
    if not how or any(read(sentence, figure, day, country) != (value, how) for country in _WHOSE):
        return None
    return as_period(value)
