"""How one secret is laid out over keyring entries small enough for every OS.

Windows Credential Manager holds at most 2,560 bytes per entry, as UTF-16, so sizes here are
counted in UTF-16 code units. A secret that fits goes in its head entry; a larger one is split::

    <key>      "v1:0:<value>"                    the whole value, inline
    <key>      "v1:<n>:<sha256 prefix of value>"  the value is in n chunks:
    <key>#0 .. <key>#<n-1>                       its parts, in order

Reassembly checks the count and the digest, so a missing, partial or stale set of chunks is
reported as damaged, never returned as a wrong value. The head is written last and read first:
it is the commit point.
"""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.store.entry_format import DIGEST_CHARS, VERSION, head_fields
from qonto_desktop.store.errors import EntryTooLargeError, SecretDamagedError

# A bound on reassembly and clean-up loops: 256 chunks of 1,000 characters is far beyond any
# token; a larger "secret" is a mistake.
MAX_CHUNKS = 256


def units(text: str) -> int:
    """The size of ``text`` as Windows stores it: UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def digest(value: str) -> str:
    """The prefix of the value's SHA-256 that its head entry records."""
    # OpenSSL's libcrypto is 4 MiB of the first frame's memory: it loads with a long secret.
    import hashlib  # noqa: PLC0415

    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def chunk_name(key: str, index: int) -> str:
    """The entry name of chunk ``index`` of ``key``."""
    return f"{key}#{index}"


@dataclass(frozen=True)
class Layout:
    """A value laid out as entries: the head, then its chunks (none when inline)."""

    head: str
    chunks: tuple[str, ...]


def lay_out(value: str, budget: int, *, key: str) -> Layout:
    """Split ``value`` into entries of at most ``budget`` UTF-16 code units each.

    Raises:
        EntryTooLargeError: the value would need more than ``MAX_CHUNKS`` entries.
    """
    inline = f"{VERSION}:0:{value}"
    if units(inline) <= budget:
        return Layout(inline, ())
    parts: list[str] = []
    current: list[str] = []
    size = 0
    for char in value:  # by code point, so a surrogate pair is never cut in two
        width = units(char)
        if size + width > budget:
            parts.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    parts.append("".join(current))
    if len(parts) > MAX_CHUNKS:
        too_large = N_("This secret is too large for the keyring ({count} characters).")
        raise EntryTooLargeError(Message(too_large, count=len(value)), key=key)
    return Layout(f"{VERSION}:{len(parts)}:{digest(value)}", tuple(parts))


@dataclass(frozen=True)
class Head:
    """What a head entry says: the inline value, or the chunk count and the digest."""

    count: int
    digest: str
    inline: str | None


def parse_head(text: str, *, key: str) -> Head:
    """Read a head entry.

    Raises:
        SecretDamagedError: not a head this app wrote.
    """
    fields = head_fields(text)
    if fields is None:
        raise SecretDamagedError(key=key, detail="the head entry has an unknown format")
    count, payload = fields
    if count > MAX_CHUNKS:
        raise SecretDamagedError(key=key, detail=f"the head entry claims {count} chunks")
    if count == 0:
        return Head(0, "", payload)
    if len(payload) != DIGEST_CHARS:
        raise SecretDamagedError(key=key, detail="the head entry has no valid digest")
    return Head(count, payload, None)


def join(head: Head, parts: list[str | None], *, key: str) -> str:
    """Reassemble a chunked value, checking that every part is there and current.

    Raises:
        SecretDamagedError: a chunk is missing, or the parts do not match the head's digest.
    """
    missing = [index for index, part in enumerate(parts) if part is None]
    if len(parts) != head.count or missing:
        raise SecretDamagedError(key=key, detail=f"chunks missing: {missing}")
    value = "".join(part for part in parts if part is not None)
    if digest(value) != head.digest:
        raise SecretDamagedError(key=key, detail="the chunks do not match the head's digest")
    return value
