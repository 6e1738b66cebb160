"""Text from outside made safe to show: in a terminal, a log line or a plain-text widget.

A name Qonto sends, or an argument a user types, is data. :func:`safe_text` turns it into one
line that cannot move the cursor, retitle a terminal, fake a status line or reorder what is
around it, and that stays short:

- control characters (C0, DEL, C1) and the Unicode line and paragraph separators are escaped
  visibly (``\\n``, ``\\t``, ``\\x1b``, ``\\u2028``), so no escape sequence survives;
- invisible format characters (category Cf: bidi overrides and isolates, marks, zero-width
  space, BOM, tags, ...) are removed, except the zero-width joiner and non-joiner, which
  emoji sequences and Persian or Indic names need;
- a lone surrogate, which no UTF-8 stream can write, becomes U+FFFD;
- the result holds at most ``limit`` code points; longer text is cut on a character boundary
  (never inside a combining sequence, an emoji sequence or an escape) and ends with "…".

The function is idempotent, and printable ASCII within the limit comes back unchanged. It does
not escape backslashes: that would break idempotence, and display text need not be reversible.
"""

from __future__ import annotations

import re
import unicodedata

ELLIPSIS = "…"

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\u2028": "\\u2028", "\u2029": "\\u2029"}

# Category Cf as of Unicode 15, without U+200C/U+200D; tests check it against unicodedata.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_FORMAT}\ud800-\udfff]")
# What safe_text writes for one escaped character: one unit, never cut in half.
_ESCAPE_TOKEN = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|[nrt])")

_ZWJ = "\u200d"
_EXTENDING = frozenset({"Mn", "Me", "Mc"})


def safe_text(value: object, *, limit: int = 200) -> str:
    """Return ``value`` as one display-safe line of at most ``limit`` code points.

    Args:
        value: any text (or object, shown through ``str``); ``None`` gives ``""``; bytes are
            read as UTF-8, undecodable bytes becoming U+FFFD.
        limit: the most code points the result may hold, the ellipsis included.

    Raises:
        ValueError: ``limit`` is less than 1.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        text = bytes(value).decode("utf-8", errors="replace")
    else:
        text = value if isinstance(value, str) else str(value)
    # The common case, printable text that fits, costs two C-level checks.
    if len(text) <= limit and text.isprintable():
        return text
    shown = _cleaned_prefix(text, limit)
    if len(shown) <= limit:
        return shown
    return shown[: _cut(shown, limit - len(ELLIPSIS))] + ELLIPSIS


def _cleaned_prefix(text: str, limit: int) -> str:
    """The cleaned text, or a cleaned prefix of it longer than ``limit`` when it is long.

    Characters are cleaned one by one, so a cleaned prefix is a prefix of the cleaned whole:
    a 100,000-character argument costs only the few hundred characters the cut looks at.
    """
    window = 2 * limit
    while True:
        part = text[:window]
        # str.isprintable is False for every character _UNSAFE matches (and a few more, such
        # as no-break spaces): a C-level check that clears most names at once.
        if not part.isprintable() and _UNSAFE.search(part) is not None:
            part = _UNSAFE.sub(_replacement, part)
        if len(part) > limit or window >= len(text):
            return part
        window *= 4


def _replacement(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    point = ord(char)
    if point <= 0x9F:
        return f"\\x{point:02x}"
    if 0xD800 <= point <= 0xDFFF:
        return "\ufffd"
    return ""


def _cut(text: str, room: int) -> int:
    """The longest prefix length within ``room`` that ends on a character boundary."""
    end = 0
    while end < len(text):
        following = _cluster_end(text, end)
        if following > room:
            break
        end = following
    return end


def _cluster_end(text: str, start: int) -> int:
    """Where the grapheme-ish character starting at ``start`` ends."""
    escape = _ESCAPE_TOKEN.match(text, start)
    if escape is not None:
        return escape.end()
    end = start + 1
    # Two regional indicators make one flag (UAX #29, GB12).
    if (
        end < len(text)
        and _is_regional_indicator(text[start])
        and _is_regional_indicator(text[end])
    ):
        end += 1
    while end < len(text) and _extends(text[end - 1], text[end]):
        end += 1
    return end


def _extends(previous: str, char: str) -> bool:
    """Whether ``char`` belongs to the same user-perceived character as ``previous``."""
    if char == "\\":
        return False  # an escape starts a character of its own
    if _ZWJ in (previous, char):
        return True  # emoji ZWJ sequences (UAX #29, GB9 and GB11)
    if 0x1F3FB <= ord(char) <= 0x1F3FF:
        return True  # emoji skin-tone modifiers
    if _is_hangul_continuation(char) and _is_hangul(previous):
        return True  # conjoining jamo (UAX #29, GB6-GB8)
    return unicodedata.category(char) in _EXTENDING


def _is_regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _is_hangul(char: str) -> bool:
    point = ord(char)
    return 0x1100 <= point <= 0x11FF or 0xAC00 <= point <= 0xD7A3 or 0xD7B0 <= point <= 0xD7FF


def _is_hangul_continuation(char: str) -> bool:
    point = ord(char)
    return 0x1160 <= point <= 0x11FF or 0xD7B0 <= point <= 0xD7FF
