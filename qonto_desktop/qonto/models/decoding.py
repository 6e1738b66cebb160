"""Reading Qonto's JSON: msgspec decoders that never make a float, and what could not be read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, TypeVar

import msgspec

from qonto_desktop.qonto.models.unusable import UnusableAnswerError

T = TypeVar("T")

Reason = Literal["missing", "unreadable", "disagrees", "dropped"]


@dataclass(frozen=True)
class Unread:
    """One part of an answer that was left out, and why.

    ``field`` is a path in the app's terms (``bank_accounts[2].balance``), never a value Qonto
    sent; ``reason`` is one of ``missing``, ``unreadable``, ``disagrees`` (two fields that
    should agree do not) and ``dropped`` (a list item left out).
    """

    field: str
    reason: Reason


def decoder(shape: type[T]) -> msgspec.json.Decoder[T]:
    """A decoder for ``shape`` whose untyped numbers become ``Decimal``, never ``float``."""
    return msgspec.json.Decoder(shape, float_hook=Decimal)


def decode(reader: msgspec.json.Decoder[T], body: bytes | msgspec.Raw, *, endpoint: str) -> T:
    """Decode ``body`` or raise :class:`UnusableAnswerError` naming ``endpoint``."""
    try:
        return reader.decode(body)
    except msgspec.DecodeError as error:
        # msgspec's messages name the JSON path and the expected type, not the value sent.
        raise UnusableAnswerError(detail=str(error), endpoint=endpoint) from None


def absent(raw: msgspec.Raw) -> bool:
    """Whether a field kept raw was not in the answer, or was ``null``."""
    return bytes(raw).strip() in {b"", b"null"}


def items(raw: msgspec.Raw) -> list[msgspec.Raw] | None:
    """The items of a JSON array kept raw, to be read one by one; None if it is no array."""
    if absent(raw):
        return None
    try:
        return _RAW_LIST.decode(raw)
    except msgspec.DecodeError:
        return None


def text(value: str | None) -> str | None:
    """Qonto's text, with empty or blank strings (external accounts' ``bic``) read as absent."""
    if value is None or not value.strip():
        return None
    return value


_RAW_LIST = msgspec.json.Decoder(list[msgspec.Raw])
