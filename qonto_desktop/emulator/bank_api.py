"""``GET /v2/bank_accounts``, ``/v2/transactions[/{id}[/attachments]]``, ``/v2/attachments/{id}``.

Rules and sources in docs/qonto-facts.md "Bank data". Transactions of another organization's
account are answered 404, as if unknown (the emulator's choice).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from urllib.parse import parse_qsl

from qonto_desktop.emulator import bank_json, bank_query
from qonto_desktop.emulator.api import not_found
from qonto_desktop.emulator.bank_filters import field_of, filtered
from qonto_desktop.emulator.bank_query import QueryError
from qonto_desktop.emulator.data import Answering, BankAccount, Organization
from qonto_desktop.emulator.grants import TokenOwner
from qonto_desktop.emulator.held import Tx
from qonto_desktop.emulator.ledger import Ledger
from qonto_desktop.emulator.messages import Request, Response, api_error, json_response

Authorize = Callable[[Request, str], TokenOwner | Response]
"""(request, scope) → the token's owner, or the 401/403 answer."""
INCLUDES = frozenset({"vat_details", "labels", "attachments"})


def parsed(request: Request) -> dict[str, list[str]]:
    """The query, every value of each name kept in order."""
    query: dict[str, list[str]] = {}
    for key, value in parse_qsl(request.query, keep_blank_values=True):
        query.setdefault(key, []).append(value)
    return query


class BankApi:
    """Answers the bank data calls from the ledger.

    Args:
        ledger: The transactions.
        organizations: Who owns which account.
        authorize: Checks the token and its scope (``BusinessApi.authorize``).
        sign: Makes a download URL for (kind, path).
        answering: How amounts are written now.
    """

    def __init__(
        self,
        *,
        ledger: Ledger,
        organizations: dict[str, Organization],
        authorize: Authorize,
        sign: bank_json.Signer,
        answering: Callable[[], Answering],
    ) -> None:
        self._ledger = ledger
        self._organizations = organizations
        self._authorize = authorize
        self._sign = sign
        self._answering = answering

    def bank_accounts(self, request: Request) -> Response:
        """``GET /v2/bank_accounts`` (scope ``organization.read``), paged."""
        owner = self._authorize(request, "organization.read")
        if isinstance(owner, Response):
            return owner
        try:
            page = bank_query.paging(parsed(request))
        except QueryError as error:
            return error.response
        organization = current(self._ledger, self._organizations[owner.organization_id])
        answering = self._answering()
        accounts = [a.to_api(organization.id, answering) for a in organization.bank_accounts]
        items, meta = page.cut(accounts)
        return json_response(200, {"bank_accounts": items, "meta": meta})

    def transactions(self, request: Request) -> Response:
        """``GET /v2/transactions`` (scope ``organization.read``)."""
        owner = self._authorize(request, "organization.read")
        if isinstance(owner, Response):
            return owner
        query = parsed(request)
        try:
            account = self._account(owner, query)
            if account is None:
                return not_found(request)
            found = filtered(self._ledger, account, query)
            field, descending = bank_query.sort_by(query, bank_query.SORT_FIELDS, "settled_at:desc")
            page = bank_query.paging(query)
        except QueryError as error:
            return error.response

        def key(tx: Tx) -> tuple[bool, float, str]:
            value = field_of(tx, field)
            missing = value is None  # no settled_at: listed last either way (emulator's choice)
            number = 0.0 if value is None else (-value if descending else value)
            return missing, number, tx.id

        found.sort(key=key)
        items, meta = page.cut(found)
        includes = set(query.get("includes[]", [])) & INCLUDES
        answering = self._answering()
        body = [bank_json.transaction(tx, includes, answering, self._sign) for tx in items]
        return json_response(200, {"transactions": body, "meta": meta})

    def one(self, request: Request, transaction_id: str, listing: bool) -> Response:
        """``GET /v2/transactions/{id}``, or its ``/attachments`` (scope ``attachment.read``)."""
        owner = self._authorize(request, "attachment.read" if listing else "organization.read")
        if isinstance(owner, Response):
            return owner
        tx = self._ledger.find(transaction_id)
        if tx is None or tx.account.id not in _account_ids(
            self._organizations[owner.organization_id]
        ):
            return not_found(request)
        if listing:
            attachments = [
                bank_json.attachment(tx, n, self._sign) for n in range(tx.attachment_count)
            ]
            return json_response(200, {"attachments": attachments})
        includes = set(parsed(request).get("includes[]", [])) & INCLUDES
        answer = bank_json.transaction(tx, includes, self._answering(), self._sign)
        return json_response(200, {"transaction": answer})

    def attachment(self, request: Request, attachment_id: str) -> Response:
        """``GET /v2/attachments/{id}`` (scope ``organization.read``), with a fresh URL."""
        owner = self._authorize(request, "organization.read")
        if isinstance(owner, Response):
            return owner
        tx = self._ledger.attachment_owner(attachment_id)
        accounts = _account_ids(self._organizations[owner.organization_id])
        if tx is None or tx.account.id not in accounts or attachment_id not in tx.attachment_ids():
            return not_found(request)
        number = tx.attachment_ids().index(attachment_id)
        return json_response(200, {"attachment": bank_json.attachment(tx, number, self._sign)})

    def _account(self, owner: TokenOwner, query: dict[str, list[str]]) -> BankAccount | None:
        account_id, iban = bank_query.one(query, "bank_account_id"), bank_query.one(query, "iban")
        if not account_id and not iban:
            raise QueryError(api_error(422, "missing", "bank_account_id or iban is missing"))
        for account in self._organizations[owner.organization_id].bank_accounts:
            if (account.id == account_id) if account_id else (account.iban == iban):
                return account
        return None


def current(ledger: Ledger, organization: Organization) -> Organization:
    """The organization with its accounts' balances as they are now."""
    accounts = tuple(
        replace(
            account,
            balance_cents=account.balance_cents + ledger.moved_cents(account.id),
            authorized_balance_cents=account.authorized_balance_cents
            + ledger.moved_cents(account.id),
        )
        for account in organization.bank_accounts
    )
    return replace(organization, bank_accounts=accounts)


def _account_ids(organization: Organization) -> set[str]:
    return {account.id for account in organization.bank_accounts}
