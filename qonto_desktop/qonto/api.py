"""The few Qonto Business API calls the app makes: who and what a connection reaches.

``GET /v2/organization``, ``GET /v2/membership`` and ``DELETE /v2/oauth2/consents``, with
Qonto's error shapes turned into typed errors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import requests

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.answers import json_object, looks_like_html
from qonto_desktop.oauth.errors import (
    NetworkError,
    RateLimitedError,
    ResponseFormatError,
    ServiceUnavailableError,
)
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.errors import SERVICE, SandboxStagingTokenError
from qonto_desktop.qonto.models.user_organizations import (
    UserOrganizations,
    parse_user_organizations,
)
from qonto_desktop.qonto.user_access import ORGANIZATION_HEADER
from qonto_desktop.system.http import API_RETRY, TIMEOUT, Sender, new_session, retry_after


class ApiError(QontoDesktopError):
    """Qonto's Business API answered with an error the other classes do not name."""

    code = "api"
    message = N_("Qonto's API refused the request.")
    next_action = N_("Try again later.")


class ApiUnauthorizedError(ApiError):
    """HTTP 401: the access token is unknown, expired or revoked."""

    code = "api_unauthorized"
    message = N_("Qonto no longer accepts this connection's access.")
    next_action = N_("Refresh the connection; if that fails, reconnect it.")


class MissingScopeError(ApiError):
    """HTTP 403: the grant lacks the scope the call needs ("missing required oauth scope")."""

    code = "missing_scope"
    message = N_("This connection was not given the permission this needs.")
    next_action = N_("Reconnect and tick the missing permission.")


@dataclass(frozen=True)
class BankAccount:
    """One bank account of an organization."""

    id: str
    name: str
    iban: str
    bic: str
    currency: str
    balance_cents: int
    main: bool
    status: str


@dataclass(frozen=True)
class Organization:
    """The organization a connection is bound to."""

    id: str
    name: str
    slug: str
    legal_name: str
    bank_accounts: tuple[BankAccount, ...]


@dataclass(frozen=True)
class Membership:
    """The signed-in user's membership of the organization."""

    id: str
    first_name: str
    last_name: str
    email: str
    role: str


class QontoApi:
    """Business API calls made with one access token."""

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
        """Prepare calls; nothing is sent yet.

        Args:
            organization_id: the company each call names (``X-Qonto-Organization-Id``), for a
                token of Qonto's user access; ``None`` for a per-organization token.
            sender: sends each call under the API policy (a GET is resent after a throttled
                or unavailable answer); by default :data:`API_RETRY`.

        Raises:
            SandboxStagingTokenError: the environment needs a staging token and none is given.
        """
        self._environment = environment
        self._headers = {
            "Authorization": f"Bearer {access_token}",
            "Accept": "application/json",
            **environment.request_headers(staging_token),
        }
        if organization_id is not None:
            self._headers[ORGANIZATION_HEADER] = organization_id
        self._session = session
        self._sender = sender or Sender(API_RETRY)

    def organization(self) -> Organization:
        """``GET /v2/organization`` (needs ``organization.read``)."""
        data = _field(self._request("GET", "/v2/organization"), "organization")
        accounts = data.get("bank_accounts")
        if accounts is None:
            accounts = []
        if not isinstance(accounts, list):
            raise ResponseFormatError(detail="bank_accounts is not a list", service=SERVICE)
        return Organization(
            id=_text(data, "id"),
            name=_text(data, "name"),
            slug=_text(data, "slug"),
            legal_name=_text(data, "legal_name", required=False),
            bank_accounts=tuple(_bank_account(item) for item in accounts),
        )

    def membership(self) -> Membership:
        """``GET /v2/membership`` (needs ``membership.read``)."""
        data = _field(self._request("GET", "/v2/membership"), "membership")
        return Membership(
            id=_text(data, "id"),
            first_name=_text(data, "first_name", required=False),
            last_name=_text(data, "last_name", required=False),
            email=_text(data, "email", required=False),
            role=_text(data, "role"),
        )

    def user_organizations(self) -> UserOrganizations:
        """``GET /v2/user_organizations``: the companies of a user-access grant.

        Raises:
            UnusableAnswerError: the answer has no list of organizations.
        """
        body = self._request("GET", "/v2/user_organizations")
        return parse_user_organizations(json.dumps(body).encode())

    def revoke_consent(self) -> None:
        """``DELETE /v2/oauth2/consents``: the "disconnect my app" of Qonto's web app."""
        self._request("DELETE", "/v2/oauth2/consents")

    def _request(self, method: str, path: str) -> dict[str, Any]:
        session = self._session or new_session(requests.Session)
        try:
            response = self._sender.send(
                lambda: session.request(
                    method,
                    self._environment.api_url(path),
                    headers=self._headers,
                    timeout=TIMEOUT,
                    allow_redirects=False,  # the sandbox redirects to its sign-in page
                ),
                idempotent=method == "GET",
            )
        except requests.RequestException:
            raise NetworkError(service=SERVICE) from None
        finally:
            if self._session is None:
                session.close()
        status = response.status_code
        if status == 429:
            raise RateLimitedError(retry_after=retry_after(response), service=SERVICE)
        if status >= 500:
            raise ServiceUnavailableError(status, service=SERVICE)
        if looks_like_html(response) or 300 <= status < 400:
            if self._environment.needs_staging_token:
                raise SandboxStagingTokenError(status=status, service=SERVICE)
            raise ResponseFormatError(
                detail="a web page instead of JSON", status=status, service=SERVICE
            )
        if status == 401:
            raise ApiUnauthorizedError()
        if status == 403:
            raise MissingScopeError()
        if status >= 400:
            raise ApiError(
                Message(N_("Qonto's API refused the request (HTTP {status})."), status=status)
            )
        if status == 204 or not response.content:
            return {}
        body = json_object(response)
        if body is None:
            raise ResponseFormatError(
                detail="the answer is not a JSON object", status=status, service=SERVICE
            )
        return body


def _field(body: dict[str, Any], name: str) -> dict[str, Any]:
    value = body.get(name)
    if not isinstance(value, dict):
        raise ResponseFormatError(detail=f"no {name} in the answer", service=SERVICE)
    return value


def _text(data: dict[str, Any], name: str, *, required: bool = True) -> str:
    value = data.get(name)
    if isinstance(value, str):
        return value
    if value is None and not required:
        return ""
    raise ResponseFormatError(detail=f"{name} is missing or not text", service=SERVICE)


def _bank_account(item: object) -> BankAccount:
    if not isinstance(item, dict):
        raise ResponseFormatError(detail="a bank account is not an object", service=SERVICE)
    cents = item.get("balance_cents")
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise ResponseFormatError(detail="balance_cents is not a whole number", service=SERVICE)
    return BankAccount(
        id=_text(item, "id"),
        name=_text(item, "name", required=False),
        iban=_text(item, "iban", required=False),
        bic=_text(item, "bic", required=False),
        currency=_text(item, "currency"),
        balance_cents=cents,
        main=bool(item.get("main", False)),
        status=_text(item, "status", required=False),
    )
