"""Counted nouns in messages: "1 key", "2 keys", never "1 keys"."""

from __future__ import annotations

from typing import Optional

_IRREGULAR = {"figure or sentence": "figures or sentences", "was": "were", "is": "are", "it": "them",
              "change over time": "changes over time", "forecast vs fact": "forecasts vs facts"}


def plural(noun: str, n: int, plural_form: Optional[str] = None) -> str:
    """``noun`` as it goes with ``n``: singular for exactly 1, else the plural."""
    if n == 1:
        return noun
    return plural_form or _IRREGULAR.get(noun) or (noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou"
                                                   else noun + ("es" if noun.endswith(("s", "x", "ch", "sh")) else "s"))


def count(n: int, noun: str, plural_form: Optional[str] = None) -> str:
    """``"1 key"``, ``"3 keys"``, ``"1,200 claims"``."""
    return f"{n:,} {plural(noun, n, plural_form)}"
