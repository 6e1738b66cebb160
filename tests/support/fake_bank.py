"""An in-memory ``BankReader`` for the sync's unit tests: Qonto's paging, filters and refusals.

One :class:`FakeBank` holds one company's accounts and transactions; :meth:`FakeBank.reader`
is the sync's ``readers`` factory. Every request is counted in ``requests``. ``refuse`` names the
tokens Qonto answers 401 to; ``forbidden`` makes every call answer 403. For the export, it
serves statements (``statement_list``) and files: every statement and attachment has the
address ``file://<id>``; ``files`` holds their bytes and ``expired`` the addresses that answer
as expired once (a fresh one is ``file://<id>?fresh``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from qonto_desktop.qonto.banking import ALL_STATUSES, BankReader
from qonto_desktop.qonto.errors import ApiUnauthorizedError, FileUrlExpiredError, ForbiddenError
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
    statement_list: list[Statement] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # by statement or attachment id
    expired: set[str] = field(default_factory=set)  # addresses answered "expired" once
    revoke_after_downloads: int | None = None  # every token refused after this many downloads
    revoked: bool = False

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
        if self.token in self.bank.refuse or self.bank.revoked:
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
        settled_at_from: datetime | None = None,
        settled_at_to: datetime | None = None,
    ) -> Iterator[TransactionPage]:
        def settled(t: Transaction) -> bool:
            if settled_at_from is None and settled_at_to is None:
                return True
            when = t.settled_at
            return when is not None and not (
                (settled_at_from is not None and when < settled_at_from)
                or (settled_at_to is not None and when > settled_at_to)
            )

        items = sorted(
            (
                t
                for t in self.bank.transactions.get(bank_account_id, [])
                if t.status in statuses
                and (updated_at_from is None or t.updated_at >= updated_at_from)
                and settled(t)
            ),
            key=lambda t: (t.updated_at, t.id),
        )
        for number, page in enumerate(pages(items, self.bank.per_page)):
            self._send("transactions", bank_account_id, updated_at_from)
            yield _with_urls(page) if settled_at_from is not None else page
            if self.bank.after_page is not None:
                self.bank.after_page(number)

    def statements(
        self, bank_account_ids: tuple[str, ...], period_from: Month, period_to: Month
    ) -> Iterator[Statement]:
        self._send("statements")
        for item in self.bank.statement_list:
            if item.bank_account_id in bank_account_ids and period_from <= item.period <= period_to:
                yield replace(item, file_url=f"file://{item.id}")

    def statement(self, statement_id: str) -> Statement:
        self._send("statement", statement_id)
        (found,) = [s for s in self.bank.statement_list if s.id == statement_id]
        return replace(found, file_url=f"file://{statement_id}?fresh")

    def attachment(self, attachment_id: str) -> TransactionAttachment:
        self._send("attachment", attachment_id)
        return TransactionAttachment(
            attachment_id, "facture.pdf", "application/pdf", None, None,
            f"file://{attachment_id}?fresh",
        )  # fmt: skip

    def download(self, url: str, destination: Path) -> int:
        self.bank.requests.append(("download", url, None))
        limit = self.bank.revoke_after_downloads
        downloads = sum(1 for r in self.bank.requests if r[0] == "download")
        if limit is not None and downloads > limit:
            self.bank.revoked = True
        if self.token in self.bank.refuse or self.bank.revoked:
            raise ApiUnauthorizedError
        if url in self.bank.expired:
            self.bank.expired.discard(url)
            raise FileUrlExpiredError
        data = self.bank.files[url.removeprefix("file://").removesuffix("?fresh")]
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(data)
        return len(data)


def _with_urls(page: TransactionPage) -> TransactionPage:
    """The page as a period's listing gives it: each receipt with its address."""
    return replace(
        page,
        transactions=tuple(
            replace(t, attachments=tuple(_listed(i) for i in t.attachment_ids))
            for t in page.transactions
        ),
    )


def _listed(attachment_id: str) -> TransactionAttachment:
    return TransactionAttachment(
        attachment_id, "facture.pdf", "application/pdf", None, None, f"file://{attachment_id}"
    )


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
