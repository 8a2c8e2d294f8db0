"""Where a figure's number is written in its quote: every writing of the value (``_figure_spans``) and the
one a claim stands for (``_figure_at``). Split from ``align``, whose ``describe`` reads a figure's clause around it.
"""

from __future__ import annotations

from typing import Optional

from briefcmp.analysis.measure import _NUMBER
from briefcmp.corpus.numerals import english_digits


def _figure_at(text: str, value, nth: int = 0) -> Optional[tuple[int, int]]:
    """Where the figure's number is written in ``text`` (digits only), if it can be told: its ``nth``
    writing when one quote holds the value twice ("2.1% in 2025, 1.9% in 2026 and 2.1% in 2027")."""
    if value.amount is None:
        return None
    spans = _figure_spans(text, value)
    return spans[min(nth, len(spans) - 1)] if spans else None


def _figure_spans(text: str, value) -> list[tuple[int, int]]:
    for written in (text, english_digits(text)):  # "81,4%", "51 770 560" (same length: offsets hold)
        out = []
        for m in _NUMBER.finditer(written):
            try:
                x = float(m.group().replace(",", ""))
            except ValueError:
                continue
            if abs(x - abs(value.amount)) <= 1e-9 * max(abs(x), 1.0):  # (a sign is written before the digits)
                out.append(m.span())
        if out:
            return out
    return []
