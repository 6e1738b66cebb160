"""One connection's bank data on Qonto's Business API: the :class:`BankReader` sync and export use.

Every call goes through :class:`~qonto_desktop.qonto.api.QontoApi`'s one way of sending and of
reading refusals, under :data:`~qonto_desktop.system.http.BANK_DATA_RETRY` and the process's rate
limiter. Parameters are sent as Qonto documents them (docs/qonto-facts.md, "Bank data").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import requests

from qonto_desktop.i18n.message import N_
from qonto_desktop.qonto import downloads
from qonto_desktop.qonto.api import QontoApi
from qonto_desktop.qonto.banking import ALL_STATUSES
from qonto_desktop.qonto.calls import Call
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.models.attachments import parse_attachment, parse_attachments
from qonto_desktop.qonto.models.bank_accounts import BankAccount, parse_bank_accounts
from qonto_desktop.qonto.models.decoding import Unread
from qonto_desktop.qonto.models.statements import (
    Month,
    Statement,
    parse_statement,
    parse_statements,
)
from qonto_desktop.qonto.models.transaction_reading import parse_transaction, parse_transactions
from qonto_desktop.qonto.models.transactions import (
    Transaction,
    TransactionAttachment,
    TransactionPage,
)
from qonto_desktop.qonto.pages import PER_PAGE, follow
from qonto_desktop.system.http import BANK_DATA_RETRY, Sender
from qonto_desktop.system.rate_limit import process_limiter

log = logging.getLogger(__name__)

READ = "organization.read"
# https://docs.qonto.com/api-reference/business-api/organization-accounts/business-accounts/list
BANK_ACCOUNTS = Call("GET", "/v2/bank_accounts", READ, N_("the bank accounts"))
# https://docs.qonto.com/api-reference/business-api/transactions-statements/transactions/list-transactions
TRANSACTIONS = Call("GET", "/v2/transactions", READ, N_("the transactions"))
TRANSACTION = Call("GET", "/v2/transactions/{id}", READ, N_("the transaction"))
# https://docs.qonto.com/api-reference/business-api/transactions-statements/statements/list-statements
STATEMENTS = Call("GET", "/v2/statements", READ, N_("the statements"))
STATEMENT = Call("GET", "/v2/statements/{id}", READ, N_("the statement"))
# https://docs.qonto.com/api-reference/business-api/expense-management/attachments/retrieve-an-attachment
ATTACHMENT = Call("GET", "/v2/attachments/{id}", READ, N_("the receipt"))
# https://docs.qonto.com/api-reference/business-api/expense-management/attachments-in-transactions/list-attachments-for-a-transaction
TRANSACTION_ATTACHMENTS = Call(
    "GET", "/v2/transactions/{id}/attachments", "attachment.read", N_("the transaction's receipts")
)


class QontoBankApi:
    """:class:`~qonto_desktop.qonto.banking.BankReader` on Qonto's Business API, one token."""

    def __init__(
        self,
        environment: Environment,
        access_token: str,
        *,
        staging_token: str | None = None,
        session: requests.Session | None = None,
        sender: Sender | None = None,
        organization_id: str | None = None,
    ) -> None:
        """Prepare calls as :class:`QontoApi` does; by default under :data:`BANK_DATA_RETRY`.

        Raises:
            SandboxStagingTokenError: the environment needs a staging token and none is given.
        """
        self._sender = sender or Sender(BANK_DATA_RETRY, limiter=process_limiter())
        self._session = session
        self._api = QontoApi(
            environment,
            access_token,
            staging_token=staging_token,
            session=session,
            sender=self._sender,
            organization_id=organization_id,
        )

    def bank_accounts(self) -> Iterator[BankAccount]:
        """Every account of the company, page after page."""

        def read(page: int) -> tuple[tuple[BankAccount, ...], int | None]:
            body = self._api.request(BANK_ACCOUNTS, {"page": str(page), "per_page": PER_PAGE})
            found = parse_bank_accounts(body)
            _log_dropped(BANK_ACCOUNTS, found.unread)
            return found.accounts, found.next_page

        for accounts in follow(read, thing=BANK_ACCOUNTS.thing):
            yield from accounts

    def transactions(
        self,
        bank_account_id: str,
        *,
        updated_at_from: datetime | None,
        statuses: tuple[str, ...] = ALL_STATUSES,
        settled_at_from: datetime | None = None,
        settled_at_to: datetime | None = None,
    ) -> Iterator[TransactionPage]:
        """Pages of the account's transactions changed since ``updated_at_from``, oldest first.

        ``settled_at_from``/``settled_at_to`` narrow them to a period (Qonto's filters).
        """
        query: dict[str, str | list[str]] = {
            "bank_account_id": bank_account_id,
            "sort_by": "updated_at:asc",
            "includes[]": ["attachments"],
            "status[]": list(statuses),
            "per_page": PER_PAGE,
        }
        for name, moment in (
            ("updated_at_from", updated_at_from),
            ("settled_at_from", settled_at_from),
            ("settled_at_to", settled_at_to),
        ):
            if moment is not None:
                query[name] = qonto_moment(moment)

        def read(page: int) -> tuple[TransactionPage, int | None]:
            body = self._api.request(TRANSACTIONS, {**query, "page": str(page)})
            found = parse_transactions(body, bank_account_id=bank_account_id)
            _log_dropped(TRANSACTIONS, found.unread)
            return found, found.next_page

        yield from follow(read, thing=TRANSACTIONS.thing)

    def transaction(self, transaction_id: str) -> Transaction:
        """One transaction again, with its attachments."""
        body = self._api.request(TRANSACTION.at(transaction_id), {"includes[]": ["attachments"]})
        return parse_transaction(body)

    def statements(
        self, bank_account_ids: tuple[str, ...], period_from: Month, period_to: Month
    ) -> Iterator[Statement]:
        """The statements of those accounts for those months, both ends included."""
        if not bank_account_ids:
            return  # without an account Qonto would list every account's statements
        query = {
            "bank_account_ids[]": list(bank_account_ids),
            "period_from": period_from.qonto_text,
            "period_to": period_to.qonto_text,
            "per_page": PER_PAGE,
        }

        def read(page: int) -> tuple[tuple[Statement, ...], int | None]:
            found = parse_statements(self._api.request(STATEMENTS, {**query, "page": str(page)}))
            _log_dropped(STATEMENTS, found.unread)
            return found.statements, found.next_page

        for statements in follow(read, thing=STATEMENTS.thing):
            yield from statements

    def statement(self, statement_id: str) -> Statement:
        """One statement again, with a fresh ``file_url``."""
        return parse_statement(self._api.request(STATEMENT.at(statement_id)))

    def attachment(self, attachment_id: str) -> TransactionAttachment:
        """One attachment again, with a fresh ``url`` (valid 30 minutes)."""
        return parse_attachment(self._api.request(ATTACHMENT.at(attachment_id)))

    def transaction_attachments(self, transaction_id: str) -> tuple[TransactionAttachment, ...]:
        """The attachments of one transaction (needs ``attachment.read``)."""
        found, unread = parse_attachments(
            self._api.request(TRANSACTION_ATTACHMENTS.at(transaction_id))
        )
        _log_dropped(TRANSACTION_ATTACHMENTS, unread)
        return found

    def download(self, url: str, destination: Path) -> int:
        """Fetch a presigned file address into ``destination``, atomically; its size."""
        return downloads.download(url, destination, sender=self._sender, session=self._session)


def qonto_moment(moment: datetime) -> str:
    """``2026-11-03T09:12:45.120Z``: UTC with milliseconds, as Qonto's examples write times.

    Microseconds are cut, never rounded up, so the filter never skips a change at the cursor.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _log_dropped(call: Call, unread: tuple[Unread, ...]) -> None:
    """Say in the log which items were left out (paths only, never a value Qonto sent)."""
    dropped = [item.field for item in unread if item.reason == "dropped"]
    if dropped:
        log.warning("%s: %d item(s) could not be read: %s", call.path, len(dropped), dropped)
