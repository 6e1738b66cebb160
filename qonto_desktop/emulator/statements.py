"""``GET /v2/statements[/{id}]`` and the statements' PDFs.

A month's statement appears on the 2nd of the next month at 00:00 UTC: the emulator's choice,
from Qonto's "usually appear in the first days of the month" (support-it.qonto.com art.
23950013416593). It holds the month's completed transactions only.
"""

from __future__ import annotations

import calendar
from typing import Any

from qonto_desktop.emulator import bank_json, bank_query
from qonto_desktop.emulator.activity import month_bounds
from qonto_desktop.emulator.api import not_found
from qonto_desktop.emulator.bank_api import Authorize, parsed
from qonto_desktop.emulator.bank_query import QueryError
from qonto_desktop.emulator.clock import Clock
from qonto_desktop.emulator.data import BankAccount, Organization
from qonto_desktop.emulator.held import Month
from qonto_desktop.emulator.ledger import Ledger
from qonto_desktop.emulator.messages import Request, Response, api_error, json_response


def available_from(month: Month) -> float:
    """When a month's statement appears: the 2nd of the next month, 00:00 UTC."""
    year, number = month
    return float(calendar.timegm((year + number // 12, number % 12 + 1, 2, 0, 0, 0)))


class Statements:
    """The statements of every account, built from the ledger on demand."""

    def __init__(
        self,
        *,
        ledger: Ledger,
        organizations: dict[str, Organization],
        authorize: Authorize,
        sign: bank_json.Signer,
        clock: Clock,
    ) -> None:
        self._ledger = ledger
        self._organizations = organizations
        self._authorize = authorize
        self._sign = sign
        self._clock = clock
        self._by_id: dict[str, tuple[Organization, BankAccount, Month]] | None = None

    def pdf(self, statement_id: str) -> bytes | None:
        """A statement's PDF by id, if it exists and has appeared."""
        found = self._index().get(statement_id)
        if found is None or available_from(found[2]) > self._clock.now():
            return None
        return self._pdf(*found)

    def listing(self, request: Request) -> Response:
        """``GET /v2/statements`` (scope ``organization.read``)."""
        owner = self._authorize(request, "organization.read")
        if isinstance(owner, Response):
            return owner
        query = parsed(request)
        organization = self._organizations[owner.organization_id]
        ids, ibans = query.get("bank_account_ids[]"), query.get("ibans[]")
        if ids and ibans:
            detail = "bank_account_ids and ibans are mutually exclusive"
            return api_error(422, "invalid", detail)
        accounts = [
            a
            for a in organization.bank_accounts
            if (ids is None or a.id in ids) and (ibans is None or a.iban in ibans)
        ]
        try:
            low = bank_query.period(query, "period_from")
            high = bank_query.period(query, "period_to")
            _, descending = bank_query.sort_by(query, frozenset({"period"}), "period:desc")
            page = bank_query.paging(query)
        except QueryError as error:
            return error.response
        now = self._clock.now()
        found = [
            (account, month)
            for account in accounts
            for month in self._ledger.months
            if available_from(month) <= now
            and (low is None or month >= low)
            and (high is None or month <= high)
        ]
        found.sort(key=lambda item: (item[1], item[0].id), reverse=descending)
        items, meta = page.cut(found)
        body = [self._answer(organization, account, month) for account, month in items]
        return json_response(200, {"statements": body, "meta": meta})

    def one(self, request: Request, statement_id: str) -> Response:
        """``GET /v2/statements/{id}`` (scope ``organization.read``), with a fresh URL."""
        owner = self._authorize(request, "organization.read")
        if isinstance(owner, Response):
            return owner
        found = self._index().get(statement_id)
        if (
            found is None
            or found[0].id != owner.organization_id
            or available_from(found[2]) > self._clock.now()
        ):
            return not_found(request)
        return json_response(200, {"statement": self._answer(*found)})

    def _answer(self, organization: Organization, account: BankAccount, month: Month) -> Any:
        return bank_json.statement(
            account.id, month, self._pdf(organization, account, month), self._sign
        )

    def _pdf(self, organization: Organization, account: BankAccount, month: Month) -> bytes:
        opening = self._ledger.opening_cents(account.id, month)
        closing = self._ledger.closing_cents(account.id, month)
        start, after = month_bounds(*month)
        count = sum(
            1
            for tx in self._ledger.month(account.id, month)
            if tx.status == "completed"
            and tx.settled_at is not None
            and start <= tx.settled_at < after
        )
        return bank_json.statement_pdf(organization, account.iban, month, (opening, closing, count))

    def _index(self) -> dict[str, tuple[Organization, BankAccount, Month]]:
        if self._by_id is None:
            self._by_id = {
                bank_json.statement_id(account.id, month): (organization, account, month)
                for organization in self._organizations.values()
                for account in organization.bank_accounts
                for month in self._ledger.months
            }
        return self._by_id
