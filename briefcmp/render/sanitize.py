"""Text from briefs made safe for a terminal: control characters and bidi overrides shown, not obeyed.

A brief (or a claims file) may contain ESC sequences, carriage returns, backspaces or
Unicode bidirectional overrides; printed as they are, they could recolour, hide or reorder
what the terminal shows. ``terminal_safe`` replaces each with a visible escape such as
``\\x1b`` or ``\\u202e``. Line breaks and tabs, which the layouts handle, are kept.
"""

from __future__ import annotations

import re
import unicodedata

# C0 (but tab and newline), DEL, C1; bidi embeddings/overrides/isolates and marks;
# line/paragraph separators (they break lines behind the layout's back).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _visible(m: re.Match) -> str:
    ch = m.group(0)
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with control and bidi-override characters made visible (``\\x1b``, ``\\u202e``)."""
    text = str(text)
    if _UNSAFE.search(text) is None and text.isprintable():
        return text
    text = _UNSAFE.sub(_visible, text)
    # Anything else the Unicode database calls a control or format character that can
    # still be harmful (e.g. unassigned private controls) is shown the same way.
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc",) else f"\\x{ord(ch):02x}"
                   for ch in text)
