"""Text made safe for a terminal: every control or invisible formatting character escaped.

The journal may hold text typed before rdvlog refused such characters, or written by another
program; shown raw, a C1 control such as U+009B (CSI) or ESC drives the terminal (moves the
cursor, rewrites earlier lines, sets the window title) and a bidi override reorders what the
reader sees. So every view that reaches a terminal passes user text through ``printable``,
and JSON output through ``json_safe`` (issue #11, item 9). A leaf module outside ``render/``:
every message of ``attempt add`` goes through it, and that command loads no view
(tests/test_startup.py).
"""

from __future__ import annotations

import re
import unicodedata

# Candidates only (a fast test); ``_unsafe`` decides by Unicode category.
_SUSPECT = re.compile(r"[^\x20-\x7e\xa0-\xac\xae-\xff]")
# Zero-width joiner: emoji sequences need it, and it moves nothing.
_HARMLESS_FORMAT = frozenset({"\u200d"})


def _unsafe(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in _HARMLESS_FORMAT
    # Cc: C0, DEL and C1 controls; Cs: lone surrogates (unencodable); Zl, Zp: line and
    # paragraph separators, which some terminals break lines on.
    return category in ("Cc", "Cs", "Zl", "Zp")


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str, *, keep: str = "\n\t") -> str:
    """``text`` with every control and invisible formatting character (except those in
    ``keep``) written as an escape: ``\\x9b``, ``\\u202e``."""
    if not _SUSPECT.search(text):
        return text
    return "".join(
        _escaped(char) if char not in keep and (char < " " or _unsafe(char)) else char
        for char in text
    )


def json_safe(document: str) -> str:
    """Serialised JSON with the controls JSON leaves raw (DEL, C1, bidi…) as ``\\uXXXX``:
    still the same JSON value, and harmless on a terminal."""
    if not _SUSPECT.search(document):
        return document
    return "".join(
        _json_escape(char) if char not in "\n\t" and _unsafe(char) else char for char in document
    )


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON spells characters beyond the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
