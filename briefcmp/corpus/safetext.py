"""Text from sources and claims files made safe for a terminal (the one implementation).

``visible`` turns every control character (C0 but tab and line feed, DEL, C1: ESC
sequences, OSC 8 links, carriage returns that overwrite a line) and every bidirectional
override or isolate (the "Trojan Source" characters) into a visible ``\\x1b`` or
``\\u202e``, so a brief cannot clear the screen, hide text or reorder what is shown. A file
name that is not UTF-8 (its bytes decoded with surrogateescape) shows each such byte as ``\\xff``,
so printing it can never fail.

It lives at the bottom of the stages so that problems (``corpus.problems``) are made safe
where they are made; renderers use it as ``render.sanitize.terminal_safe``.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ufff9-\ufffb\ud800-\udfff]")
_UNSAFE_ONE_LINE = re.compile(_UNSAFE.pattern[:-1] + "\t\n]")


def _visible(m: "re.Match[str]") -> str:
    code = ord(m.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape): shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, one_line: bool = False) -> str:
    """``text`` with unsafe characters made visible; ``one_line`` also shows tab and line feed."""
    text = str(text)
    pattern = _UNSAFE_ONE_LINE if one_line else _UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_visible, text)
