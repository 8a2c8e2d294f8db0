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


# In JSON: the characters above that JSON itself leaves raw (C0 controls are escaped by every
# encoder; DEL, C1, bidi controls and line/paragraph separators are not).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufff9-\ufffb]")


def _json_escape(m: "re.Match[str]") -> str:
    return f"\\u{ord(m.group()):04x}"


def json_visible(text: str) -> str:
    """JSON text with the unsafe characters that JSON leaves raw written as ``\\u202e``-style escapes:
    the same data (they only occur inside strings), still valid JSON, and nothing a terminal obeys."""
    if text.isascii() and "\x7f" not in text:  # the common case, at memory speed (the regex scans at ~70 MB/s)
        return text
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(_json_escape, text)
