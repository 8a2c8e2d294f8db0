"""Terminal sanitising for every output path that prints text from sources or claims files.

``terminal_safe(text)``: control characters (ESC sequences, OSC 8 links, carriage
returns, C1 controls) and bidirectional overrides become visible escapes such as
``\\x1b`` and ``\\u202e``; tab and line feed are kept unless ``one_line``.
"""

from __future__ import annotations

from briefcmp.corpus.safetext import visible


def terminal_safe(text: str, one_line: bool = False) -> str:
    """``text`` with every control and bidi-override character made visible."""
    return visible(text, one_line)
