"""What reading one client's bank data offers, whoever serves it (Qonto, or a test's fake).

The application's sync and export work against this protocol; :mod:`qonto_desktop.qonto.bank_api`
implements it on Qonto's Business API, under the process's rate limiter.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Protocol

from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.statements import Month, Statement
from qonto_desktop.qonto.models.transactions import TransactionAttachment, TransactionPage

# Every status the filter accepts (docs/qonto-facts.md, "Bank data"): a mirror wants them all,
# so that a transaction that changes status is seen changing.
ALL_STATUSES = ("pending", "declined", "completed")


class BankReader(Protocol):
    """One connection's bank data. Every method may raise the API's typed errors."""

    def bank_accounts(self) -> Iterator[BankAccount]:
        """Every account of the company, page after page (``GET /v2/bank_accounts``)."""
        ...

    def transactions(
        self,
        bank_account_id: str,
        *,
        updated_at_from: datetime | None,
        statuses: tuple[str, ...] = ALL_STATUSES,
        settled_at_from: datetime | None = None,
        settled_at_to: datetime | None = None,
    ) -> Iterator[TransactionPage]:
        """Pages of transactions changed since ``updated_at_from``, oldest change first.

        Sent as ``sort_by=updated_at:asc`` with ``includes[]=attachments``, so a sync that
        stops half-way resumes from the last ``updated_at`` it kept. ``settled_at_from`` and
        ``settled_at_to`` (both included) narrow them to the ones settled in a period: the
        export reads its receipts' fresh addresses so, a page of 100 a request.
        """
        ...

    def statements(
        self, bank_account_ids: tuple[str, ...], period_from: Month, period_to: Month
    ) -> Iterator[Statement]:
        """The statements of those accounts for those months, both ends included."""
        ...

    def statement(self, statement_id: str) -> Statement:
        """One statement again, with a fresh ``file_url``."""
        ...

    def attachment(self, attachment_id: str) -> TransactionAttachment:
        """One attachment again, with a fresh ``url`` (valid 30 minutes)."""
        ...

    def download(self, url: str, destination: Path) -> int:
        """Fetch a file URL Qonto handed out into ``destination``, atomically; its size.

        The URL is presigned: no Authorization header goes with it.

        Raises:
            FileUrlExpiredError: the URL's lifetime is over (fetch the item again).
        """
        ...
