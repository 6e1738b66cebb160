"""Receipts as Qonto lists them: alone, per transaction, or included in transactions.

``GET /v2/attachments/{id}`` answers ``{"attachment": {...}}``;
``GET /v2/transactions/{id}/attachments`` answers ``{"attachments": [...]}``; and
``includes[]=attachments`` puts the same ``attachments[]`` in each transaction. ``file_size`` is
a string in Qonto's examples and an integer in some public clients: both are read.
"""

from __future__ import annotations

import msgspec

from qonto_desktop.qonto.models.amounts import whole_of
from qonto_desktop.qonto.models.decoding import Unread, decode, decoder, items, text
from qonto_desktop.qonto.models.moments import moment
from qonto_desktop.qonto.models.transactions import TransactionAttachment
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

ATTACHMENT_ENDPOINT = "GET /v2/attachments/{id}"
ATTACHMENTS_ENDPOINT = "GET /v2/transactions/{id}/attachments"


class _AttachmentWire(msgspec.Struct):
    id: str | None = None
    created_at: str | None = None
    file_name: str | None = None
    file_size: object = None  # "16966" in Qonto's examples, 16966 elsewhere
    file_content_type: str | None = None
    url: str | None = None


class _OneBody(msgspec.Struct):
    attachment: msgspec.Raw = msgspec.Raw()


class _ListBody(msgspec.Struct):
    attachments: msgspec.Raw = msgspec.Raw()


def parse_attachment(body: bytes) -> TransactionAttachment:
    """Read ``GET /v2/attachments/{id}``.

    Raises:
        UnusableAnswerError: not JSON, or no attachment with an ``id``.
    """
    data = decode(_ONE, body, endpoint=ATTACHMENT_ENDPOINT)
    found, _ = read_attachments([data.attachment], "attachment")
    if not found:
        raise UnusableAnswerError(
            detail="attachment is missing or has no id", endpoint=ATTACHMENT_ENDPOINT
        )
    return found[0]


def parse_attachments(body: bytes) -> tuple[tuple[TransactionAttachment, ...], tuple[Unread, ...]]:
    """Read ``GET /v2/transactions/{id}/attachments``: the attachments, and what was left out.

    Raises:
        UnusableAnswerError: not JSON, or no ``attachments`` array.
    """
    data = decode(_LIST, body, endpoint=ATTACHMENTS_ENDPOINT)
    raw_items = items(data.attachments)
    if raw_items is None:
        raise UnusableAnswerError(
            detail="attachments is missing or not an array", endpoint=ATTACHMENTS_ENDPOINT
        )
    return read_attachments(raw_items, "attachments")


def read_attachments(
    raw_items: list[msgspec.Raw], path: str
) -> tuple[tuple[TransactionAttachment, ...], tuple[Unread, ...]]:
    """Read each attachment on its own; one without an ``id`` is dropped and listed."""
    found: list[TransactionAttachment] = []
    unread: list[Unread] = []
    for index, raw in enumerate(raw_items):
        where = f"{path}[{index}]"
        try:
            wire = _ATTACHMENT.decode(raw)
        except msgspec.DecodeError:
            unread.append(Unread(where, "dropped"))
            continue
        identifier = text(wire.id)
        if identifier is None:
            unread.append(Unread(where, "dropped"))
            continue
        size = whole_of(wire.file_size)
        if wire.file_size is not None and size is None:
            unread.append(Unread(f"{where}.file_size", "unreadable"))
        created_at = moment(wire.created_at)
        if wire.created_at is not None and created_at is None:
            unread.append(Unread(f"{where}.created_at", "unreadable"))
        found.append(
            TransactionAttachment(
                id=identifier,
                file_name=text(wire.file_name),
                content_type=text(wire.file_content_type),
                size=size,
                created_at=created_at,
                url=text(wire.url),
            )
        )
    return tuple(found), tuple(unread)


def included_attachments(
    raw: msgspec.Raw, path: str
) -> tuple[tuple[TransactionAttachment, ...], tuple[Unread, ...]]:
    """The ``attachments[]`` that ``includes[]=attachments`` put in a transaction, if any."""
    raw_items = items(raw)
    return read_attachments(raw_items, path) if raw_items is not None else ((), ())


_ATTACHMENT = decoder(_AttachmentWire)
_ONE = decoder(_OneBody)
_LIST = decoder(_ListBody)
