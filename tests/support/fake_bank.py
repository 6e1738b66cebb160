"""An in-memory ``BankReader`` for the sync's unit tests: Qonto's paging, filters and refusals.

One :class:`FakeBank` holds one company's accounts and transactions; :meth:`FakeBank.reader`
is the sync's ``readers`` factory. Every request is counted in ``requests``. ``refuse`` names the
tokens Qonto answers 401 to; ``forbidden`` makes every call answer 403.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from qonto_desktop.qonto.banking import ALL_STATUSES, BankReader
from qonto_desktop.qonto.errors import ApiUnauthorizedError, ForbiddenError
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.statements import Month, Statement
from qonto_desktop.qonto.models.transactions import (
    Transaction,
    TransactionAttachment,
    TransactionPage,
)
from qonto_desktop.store.connection import Connection
from tests.support.bank_data import pages


@dataclass
class FakeBank:
    """One company as Qonto would serve it."""

    accounts: list[BankAccount]
    transactions: dict[str, list[Transaction]] = field(default_factory=dict)
    per_page: int = 3
    refuse: set[str] = field(default_factory=set)
    forbidden: bool = False
    requests: list[tuple[str, str, datetime | None]] = field(default_factory=list)
    after_page: Callable[[int], None] | None = None  # called after each page served
    tokens_used: list[str] = field(default_factory=list)  # by each reader made, in order
    expire_after: int | None = None  # the first token dies after this many requests

    def put(self, item: Transaction) -> None:
        """Add or replace (a correction) a transaction of its account."""
        items = self.transactions.setdefault(item.bank_account_id, [])
        items[:] = [t for t in items if t.id != item.id] + [item]

    def reader(self, token: str) -> _Reader:
        """The reader a sync gets with ``token``."""
        self.tokens_used.append(token)
        return _Reader(self, token)


class _Reader:
    def __init__(self, bank: FakeBank, token: str) -> None:
        self.bank = bank
        self.token = token

    def _send(self, what: str, account: str = "", since: datetime | None = None) -> None:
        self.bank.requests.append((what, account, since))
        expire = self.bank.expire_after
        if expire is not None and len(self.bank.requests) > expire and self.token.startswith("old"):
            raise ApiUnauthorizedError
        if self.token in self.bank.refuse:
            raise ApiUnauthorizedError
        if self.bank.forbidden:
            raise ForbiddenError(scope="organization.read")

    def bank_accounts(self) -> Iterator[BankAccount]:
        self._send("accounts")
        yield from self.bank.accounts

    def transactions(
        self,
        bank_account_id: str,
        *,
        updated_at_from: datetime | None,
        statuses: tuple[str, ...] = ALL_STATUSES,
    ) -> Iterator[TransactionPage]:
        items = sorted(
            (
                t
                for t in self.bank.transactions.get(bank_account_id, [])
                if t.status in statuses
                and (updated_at_from is None or t.updated_at >= updated_at_from)
            ),
            key=lambda t: (t.updated_at, t.id),
        )
        for number, page in enumerate(pages(items, self.bank.per_page)):
            self._send("transactions", bank_account_id, updated_at_from)
            yield page
            if self.bank.after_page is not None:
                self.bank.after_page(number)

    def statements(
        self, bank_account_ids: tuple[str, ...], period_from: Month, period_to: Month
    ) -> Iterator[Statement]:
        self._send("statements")
        yield from ()

    def statement(self, statement_id: str) -> Statement:
        raise NotImplementedError

    def attachment(self, attachment_id: str) -> TransactionAttachment:
        raise NotImplementedError

    def download(self, url: str, destination: Path) -> int:
        raise NotImplementedError


def readers(banks: dict[str, FakeBank]) -> Callable[[Connection, str], BankReader]:
    """The sync's ``readers``: each connection's bank, by connection id."""
    return lambda connection, token: banks[connection.id].reader(token)


@dataclass
class FakeTokens:
    """Tokens handed out per connection: ``old-<id>`` until refreshed, then ``new-<id>``."""

    refreshed_ids: list[str] = field(default_factory=list)

    def access(self, connection: Connection) -> str:
        return f"{'new' if connection.id in self.refreshed_ids else 'old'}-{connection.id}"

    def refreshed(self, connection: Connection, refused: str) -> str:
        self.refreshed_ids.append(connection.id)
        return f"new-{connection.id}"
