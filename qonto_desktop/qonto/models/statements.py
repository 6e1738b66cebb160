"""Monthly statements as ``GET /v2/statements`` lists them (PDF files behind short-lived URLs)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import msgspec

from qonto_desktop.qonto.models.amounts import whole_of
from qonto_desktop.qonto.models.decoding import Unread, decode, decoder, items, text
from qonto_desktop.qonto.models.paging import PageMeta
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

STATEMENTS_ENDPOINT = "GET /v2/statements"
STATEMENT_ENDPOINT = "GET /v2/statements/{id}"
_PERIOD = re.compile(r"(\d{2})-(\d{4})")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; Qonto writes it ``MM-YYYY`` (``period_from``, ``period``)."""

    year: int
    month: int

    @property
    def qonto_text(self) -> str:
        """``11-2026``, as Qonto's statement parameters and answers write it."""
        return f"{self.month:02d}-{self.year:04d}"

    @property
    def label(self) -> str:
        """``2026-11``, as folder names and the command line write it."""
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Statement:
    """One account's statement for one month; ``file_url`` is short-lived: download at once."""

    id: str
    bank_account_id: str
    period: Month
    file_name: str | None
    content_type: str | None
    size: int | None
    file_url: str | None
    unread: tuple[Unread, ...] = ()


@dataclass(frozen=True)
class StatementPage:
    """One page of ``GET /v2/statements``."""

    statements: tuple[Statement, ...]
    next_page: int | None
    unread: tuple[Unread, ...] = ()


def month_of(value: str | None) -> Month | None:
    """The month of Qonto's ``MM-YYYY`` (``08-2024``), or None."""
    found = _PERIOD.fullmatch(value.strip()) if value is not None else None
    if found is None or not 1 <= int(found[1]) <= 12:
        return None
    return Month(int(found[2]), int(found[1]))


class _FileWire(msgspec.Struct):
    file_name: str | None = None
    file_content_type: str | None = None
    file_size: object = None  # "16966" in Qonto's example; an integer is read too
    file_url: str | None = None


class _StatementWire(msgspec.Struct):
    id: str | None = None
    bank_account_id: str | None = None
    period: str | None = None
    file: _FileWire | None = None


class _PageBody(msgspec.Struct):
    statements: msgspec.Raw = msgspec.Raw()
    meta: PageMeta | None = None


class _OneBody(msgspec.Struct):
    statement: msgspec.Raw = msgspec.Raw()


def parse_statements(body: bytes) -> StatementPage:
    """Read one page of ``GET /v2/statements``.

    Raises:
        UnusableAnswerError: not JSON, or no ``statements`` array.
    """
    data = decode(_PAGE, body, endpoint=STATEMENTS_ENDPOINT)
    raw_items = items(data.statements)
    if raw_items is None:
        raise UnusableAnswerError(
            detail="statements is missing or not an array", endpoint=STATEMENTS_ENDPOINT
        )
    kept: list[Statement] = []
    unread: list[Unread] = []
    for index, raw in enumerate(raw_items):
        statement, problems = _read(raw, f"statements[{index}]")
        unread.extend(problems)
        if statement is not None:
            kept.append(statement)
    next_page = data.meta.next_page if data.meta is not None else None
    return StatementPage(tuple(kept), next_page, tuple(unread))


def parse_statement(body: bytes) -> Statement:
    """Read ``GET /v2/statements/{id}`` (``{"statement": {...}}``).

    Raises:
        UnusableAnswerError: not JSON, or no statement with an id, an account and a period.
    """
    data = decode(_ONE, body, endpoint=STATEMENT_ENDPOINT)
    statement, _ = _read(data.statement, "statement")
    if statement is None:
        raise UnusableAnswerError(detail="statement is unreadable", endpoint=STATEMENT_ENDPOINT)
    return statement


def _read(raw: msgspec.Raw, where: str) -> tuple[Statement | None, list[Unread]]:
    try:
        wire = _STATEMENT.decode(raw)
    except msgspec.DecodeError:
        return None, [Unread(where, "dropped")]
    identifier, account, period = text(wire.id), text(wire.bank_account_id), month_of(wire.period)
    if identifier is None or account is None or period is None:
        return None, [Unread(where, "dropped")]
    file = wire.file or _FileWire()
    size = whole_of(file.file_size)
    unread = []
    if file.file_size is not None and size is None:
        unread.append(Unread(f"{where}.file.file_size", "unreadable"))
    if text(file.file_url) is None:
        unread.append(Unread(f"{where}.file.file_url", "missing"))
    statement = Statement(
        id=identifier,
        bank_account_id=account,
        period=period,
        file_name=text(file.file_name),
        content_type=text(file.file_content_type),
        size=size,
        file_url=text(file.file_url),
        unread=tuple(unread),
    )
    return statement, unread


_STATEMENT = decoder(_StatementWire)
_PAGE = decoder(_PageBody)
_ONE = decoder(_OneBody)
