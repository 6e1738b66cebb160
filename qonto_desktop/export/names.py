"""File and folder names that Windows, macOS and Linux all accept, and a person recognises.

Server text (a client's name, a counterparty) becomes a name by: Unicode NFC (macOS would
otherwise show two spellings of "é" as two files), the characters Windows forbids and control
characters replaced by ``_``, runs of spaces folded, no leading space, no trailing dot or space
(Windows drops them), Windows' reserved device names (``CON``, ``NUL``, ``COM1``...) prefixed
with ``_``, and a length limit in characters and in UTF-8 bytes (255 bytes per name on Linux).
"""

from __future__ import annotations

import re
import unicodedata

from qonto_desktop.export.period import Period

_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_SPACES = re.compile(r"\s+")
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{kind}{digit}" for kind in ("COM", "LPT") for digit in ("123456789¹²³")
}
MAX_CHARS = 80
MAX_BYTES = 160


def safe_name(text: str | None, *, limit: int = MAX_CHARS, fallback: str = "_") -> str:
    """``text`` as one safe name component (no folder separator), ``fallback`` when empty."""
    cleaned = unicodedata.normalize("NFC", text or "")
    cleaned = _FORBIDDEN.sub("_", _SPACES.sub(" ", cleaned)).strip()
    cleaned = _shorten(cleaned, limit).rstrip(". ")
    if not cleaned:
        return fallback
    if cleaned.split(".")[0].rstrip(" ").upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def _shorten(text: str, limit: int) -> str:
    text = text[:limit]
    while len(text.encode("utf-8")) > MAX_BYTES:
        text = text[:-1]
    return text


def client_folder(client_name: str, siren: str | None, connection_id: str) -> str:
    """``Boulangerie Martin (123456789)``; without a SIREN, a short id of the connection.

    Two clients of the same name stay apart by their SIREN (or their connection).
    """
    tag = safe_name(siren, limit=20, fallback="") if siren else ""
    if not tag:
        tag = safe_name(connection_id, limit=8, fallback="client")
    return f"{safe_name(client_name, limit=60, fallback='Client')} ({tag})"


def period_folder(period: Period) -> str:
    """``2026-11``, ``2026-Q4`` or ``2026-11-03_2026-11-20``."""
    return period.label


def account_tag(name: str | None, iban: str | None, key: str) -> str:
    """``Compte principal_4567``: the account's name and the end of its IBAN (else of its id)."""
    identifier = (iban or "").replace(" ", "")[-4:] or safe_name(key, limit=8)
    return f"{safe_name(name, limit=40, fallback='compte')}_{safe_name(identifier)}"


def extension(file_name: str | None, content_type: str | None) -> str:
    """The receipt's extension: its original one when plain, else from its content type."""
    if file_name and "." in file_name:
        given = file_name.rsplit(".", 1)[1].lower()
        if re.fullmatch(r"[a-z0-9]{1,8}", given):
            return f".{given}"
    kind = (content_type or "").split(";")[0].strip().lower()
    return _BY_TYPE.get(kind, ".bin")


_BY_TYPE = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/heic": ".heic",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/tiff": ".tif",
    "text/plain": ".txt",
    "application/xml": ".xml",
    "text/xml": ".xml",
}
