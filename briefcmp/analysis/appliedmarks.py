"""What ``align --apply`` wrote into a claims file as ``# align:`` comments, read in one pass.

``alignedit`` marks what it inferred and wrote: an as-of (``as_of: 2024  # align: why``) and a currency
(``value: {..., unit: EUR}  # align: currency: why``). ``align`` reads both kinds again as the first run
read them (``evidence.aligned_periods``, ``briefunits.aligned_units``); one read of the file gives both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_ID_LINE = re.compile(r"^\s*(?:-\s+)?id:\s*(['\"]?)([^'\"#\s]+)\1\s*(?:#.*)?$")
_ALIGNED_AS_OF = re.compile(r"^\s*as_of:\s*\S+\s+#\s*align:")
_ALIGNED_UNIT = re.compile(r"^\s*value:\s*\{.*\}\s*#\s*align:\s*currency:\s*(?P<why>.*)$")


@dataclass(frozen=True)
class Marks:
    """The ``# align:`` comments of one claims file, by claim id."""

    as_ofs: dict[str, list[str]] = field(default_factory=dict)  # claim id -> its as-of lines align wrote
    currencies: dict[str, str] = field(default_factory=dict)  # claim id -> why align gave it its currency

    def periods(self, why: str = "") -> set[str]:
        """The ids whose as-of align wrote, with a comment beginning ``why``."""
        return {cid for cid, lines in self.as_ofs.items() if any(f"# align: {why}" in line for line in lines)}


NONE = Marks()


def read(claims_path: str) -> Marks:
    """The ``# align:`` comments of the claims file at ``claims_path`` (none when it cannot be read)."""
    try:
        text = Path(claims_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return NONE
    marks, current = Marks(), ""
    for line in text.splitlines():
        if "align:" not in line and "id:" not in line:
            continue  # (most lines: neither a claim's id nor a comment of align's)
        m = _ID_LINE.match(line)
        if m:
            current = m.group(2)
            continue
        if not current:
            continue
        if _ALIGNED_AS_OF.match(line):
            marks.as_ofs.setdefault(current, []).append(line)
        u = _ALIGNED_UNIT.match(line)
        if u:
            marks.currencies[current] = u.group("why").strip()
    return marks
