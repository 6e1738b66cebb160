"""A bounded HTTP/1.1 request-head reader for the loopback receiver.

Only what the receiver needs: a request line and header fields (RFC 9112 §2-§5), each bounded,
so that no request, however hostile, makes it use much memory or time. Bodies are never read.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from typing import Final

MAX_LINE: Final = 8192  # request line, and each header line
MAX_HEADERS: Final = 100
MAX_HEAD_BYTES: Final = 32768

# RFC 9110 §5.6.2 token characters for methods and field names; origin-form target of visible
# ASCII (RFC 9112 §3.2.1), which also keeps control characters out of the logs.
_REQUEST_LINE: Final = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (/[!-~]*) HTTP/1\.[01]")
_FIELD: Final = re.compile(rb"([!#$%&'*+\-.^_`|~0-9A-Za-z]+):([ -~\t\x80-\xff]*)")


class HeadRefused(Exception):  # noqa: N818 - an answer to send, not an error of the app
    """The request head breaks a rule or a bound; answer with ``status`` and close."""

    def __init__(self, status: int, label: str) -> None:
        super().__init__(label)
        self.status = status
        self.label = label


@dataclass(frozen=True)
class Request:
    """One request head: method, origin-form target and header fields (names lower-cased)."""

    method: str
    target: str
    fields: dict[str, list[str]]

    def header(self, name: str) -> str | None:
        """The value of a field sent exactly once; ``None`` when absent or repeated."""
        values = self.fields.get(name, [])
        return values[0] if len(values) == 1 else None

    @property
    def is_prefetch(self) -> bool:
        """True for a speculative load (Chromium's ``Sec-Purpose``, older ``Purpose``/``X-Moz``)."""
        sec_purpose = " ".join(self.fields.get("sec-purpose", [])).lower()
        legacy = {
            v.strip().lower() for v in self.fields.get("purpose", []) + self.fields.get("x-moz", [])
        }
        return sec_purpose.startswith("prefetch") or "prefetch" in legacy


async def read_head(reader: asyncio.StreamReader) -> Request | None:
    """Read one request head, within the bounds of this module.

    Args:
        reader: the connection, whose ``limit`` is at least ``MAX_LINE + 2``.

    Returns:
        The request, or ``None`` when the client closed without sending a byte.

    Raises:
        HeadRefused: malformed (400), request line too long (414), header fields too big (431).
        asyncio.IncompleteReadError: the client stopped in the middle of the head.
    """
    try:
        line = await _read_line(reader, 414, "request line too long")
    except asyncio.IncompleteReadError as exc:
        if not exc.partial:
            return None
        raise
    if not line:  # RFC 9112 §2.2: ignore at least one empty line before the request line
        line = await _read_line(reader, 414, "request line too long")
    match = _REQUEST_LINE.fullmatch(line)
    if match is None:
        raise HeadRefused(400, "malformed request line")
    fields: dict[str, list[str]] = {}
    total, count = len(line), 0
    while field := await _read_line(reader, 431, "header line too long"):
        total, count = total + len(field), count + 1
        if count > MAX_HEADERS or total > MAX_HEAD_BYTES:
            raise HeadRefused(431, "too many header fields")
        parsed = _FIELD.fullmatch(field)
        if parsed is None:  # also RFC 9112 §5.2: obsolete line folding is refused
            raise HeadRefused(400, "malformed header field")
        name = parsed.group(1).decode("ascii").lower()
        fields.setdefault(name, []).append(parsed.group(2).strip(b" \t").decode("latin-1"))
    return Request(match.group(1).decode("ascii"), match.group(2).decode("ascii"), fields)


async def _read_line(reader: asyncio.StreamReader, status: int, label: str) -> bytes:
    try:
        raw = await reader.readuntil(b"\n")
    except asyncio.LimitOverrunError as exc:
        raise HeadRefused(status, label) from exc
    # RFC 9112 §2.2: a bare LF may end a line too.
    line = raw[:-2] if raw.endswith(b"\r\n") else raw[:-1]
    if len(line) > MAX_LINE:
        raise HeadRefused(status, label)
    return line
