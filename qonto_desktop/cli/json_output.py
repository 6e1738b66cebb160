"""JSON on a terminal, with nothing a terminal would act on: ``token --json`` needs only this,
not the rest of :mod:`.render` (translations, money, scopes)."""

from __future__ import annotations

import json


def json_text(data: object, *, indent: int | None = 2) -> str:
    """``data`` as JSON (UTF-8 kept readable), safe to print in a terminal.

    Nothing is cut or changed: characters a terminal would act on are written as ``\\uXXXX``
    escapes, which any JSON reader turns back into the same text.
    """
    text = json.dumps(data, indent=indent, ensure_ascii=False)
    if text.isprintable():  # json.dumps escapes C0 controls; the newlines are its indentation
        return text
    return "".join(
        char if char.isprintable() or char == "\n" else _json_escape(char) for char in text
    )


def _json_escape(char: str) -> str:
    """One character as JSON writes it with ``ensure_ascii``: ``\\uXXXX``, or a UTF-16 pair."""
    point = ord(char)
    if point <= 0xFFFF:
        return f"\\u{point:04x}"
    point -= 0x10000
    return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
