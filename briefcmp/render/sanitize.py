"""Text from briefs made safe for a terminal: control characters and bidi overrides shown, not obeyed.

A brief (or a claims file) may contain ESC sequences, carriage returns, backspaces or
Unicode bidirectional overrides; printed as they are, they could recolour, hide or reorder
what the terminal shows. ``terminal_safe`` replaces each with a visible escape such as
``\\x1b`` or ``\\u202e``. Line breaks and tabs, which the layouts handle, are kept (unless
``one_line``).

The one implementation is ``corpus.safetext.visible``, at the bottom of the stages, so that
problems (whose messages quote files) are made safe where they are made.
"""

from __future__ import annotations

from briefcmp.corpus.safetext import visible


def terminal_safe(text: str, one_line: bool = False) -> str:
    """``text`` with control and bidi-override characters made visible (``\\x1b``, ``\\u202e``)."""
    return visible(text, one_line)
