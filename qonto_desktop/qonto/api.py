"""The few Qonto Business API calls the app makes: who and what a connection reaches.

``GET /v2/organization`` (with the accounts at other banks), ``GET /v2/membership`` and
``DELETE /v2/oauth2/consents``. Answers are read by the tolerant models of
:mod:`qonto_desktop.qonto.models`; error bodies are read for what Qonto says
(:func:`~qonto_desktop.qonto.models.parse_api_error`) and turned into typed errors.
"""

from __future__ import annotations

import requests

from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.answers import looks_like_html
from qonto_desktop.oauth.errors import (
    NetworkError,
    RateLimitedError,
    ResponseFormatError,
    ServiceUnavailableError,
)
from qonto_desktop.qonto.calls import Call, Query
from qonto_desktop.qonto.environments import Environment
from qonto_desktop.qonto.errors import (
    SERVICE,
    ApiError,
    ApiNotFoundError,
    ApiUnauthorizedError,
    ForbiddenError,
    SandboxStagingTokenError,
)
from qonto_desktop.qonto.models import (
    Membership,
    Organization,
    UnusableAnswerError,
    parse_api_error,
    parse_membership,
    parse_organization,
)
from qonto_desktop.qonto.models.user_organizations import (
    UserOrganizations,
    parse_user_organizations,
)
from qonto_desktop.qonto.user_access import ORGANIZATION_HEADER, USER_ORGANIZATIONS_SCOPE
from qonto_desktop.system.http import API_RETRY, TIMEOUT, Sender, new_session, retry_after
from qonto_desktop.system.rate_limit import process_limiter

# https://docs.qonto.com/api-reference/business-api/organization-accounts/organizations/retrieve-the-authenticated-organization-and-list-bank-accounts
# (S /v2/organization): include_external_accounts adds the accounts at other banks.
ORGANIZATION = Call("GET", "/v2/organization", "organization.read", N_("the company"))
MEMBERSHIP = Call("GET", "/v2/membership", "membership.read", N_("your membership of the company"))
# https://docs.qonto.com/api-reference/business-api/authentication/oauth2/revoke-oauth-consents
CONSENTS = Call("DELETE", "/v2/oauth2/consents", "organization.read", N_("this app's consent"))
# https://docs.qonto.com/api-reference/business-api/organization-accounts/organizations/get-user-organizations
USER_ORGANIZATIONS = Call(
    "GET", "/v2/user_organizations", USER_ORGANIZATIONS_SCOPE, N_("the list of your companies")
)


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
        self._sender = sender or Sender(API_RETRY, limiter=process_limiter())

    def organization(self) -> Organization:
        """``GET /v2/organization?include_external_accounts=true`` (needs ``organization.read``).

        Raises:
            UnusableAnswerError: no organization with an ``id`` in the answer.
        """
        return parse_organization(
            self.request(ORGANIZATION, params={"include_external_accounts": "true"})
        )

    def membership(self) -> Membership:
        """``GET /v2/membership`` (needs ``membership.read``)."""
        return parse_membership(self.request(MEMBERSHIP))

    def user_organizations(self) -> UserOrganizations:
        """``GET /v2/user_organizations``: the companies of a user-access grant.

        Raises:
            UnusableAnswerError: the answer has no list of organizations.
        """
        return parse_user_organizations(self.request(USER_ORGANIZATIONS))

    def revoke_consent(self) -> None:
        """``DELETE /v2/oauth2/consents``: the "disconnect my app" of Qonto's web app."""
        self.request(CONSENTS)

    def request(self, call: Call, params: Query | None = None) -> bytes:
        """Send ``call`` under the sender's policy; the body of a successful answer.

        Raises:
            ApiError: (and its subclasses) Qonto refused; ``RateLimitedError``,
                ``ServiceUnavailableError``, ``NetworkError`` and the format errors otherwise.
        """
        session = self._session or new_session(requests.Session)
        try:
            response = self._sender.send(
                lambda: session.request(
                    call.method,
                    self._environment.api_url(call.path),
                    params=params,
                    headers=self._headers,
                    timeout=TIMEOUT,
                    allow_redirects=False,  # the sandbox redirects to its sign-in page
                ),
                idempotent=call.method == "GET",
            )
        except requests.RequestException:
            raise NetworkError(service=SERVICE) from None
        finally:
            if self._session is None:
                session.close()
        _check(response, call, self._environment)
        return response.content


def check_busy(response: requests.Response) -> None:
    """Raise for an answer that says "not now": throttled (429) or failing (5xx)."""
    status = response.status_code
    if status == 429:
        raise RateLimitedError(retry_after=retry_after(response), service=SERVICE)
    if status >= 500:
        raise ServiceUnavailableError(status, service=SERVICE)


def _check(response: requests.Response, call: Call, environment: Environment) -> None:
    """Raise the typed error an answer that is not a success stands for."""
    check_busy(response)
    status = response.status_code
    if looks_like_html(response) or 300 <= status < 400:
        if environment.needs_staging_token:
            raise SandboxStagingTokenError(status=status, service=SERVICE)
        raise ResponseFormatError(
            detail="a web page instead of JSON", status=status, service=SERVICE
        )
    if status < 400:
        return  # the models read the body, and say when nothing usable is in it
    body = parse_api_error(response.content)
    detail = body.details[0] if body.details else None
    code = body.codes[0] if body.codes else None
    if status == 401:
        raise ApiUnauthorizedError(detail=detail, code_sent=code)
    if status == 403:
        raise ForbiddenError(scope=call.scope, detail=detail, code_sent=code)
    if status == 404:
        raise ApiNotFoundError(thing=Message(call.thing), detail=detail, code_sent=code)
    raise ApiError(status, detail=detail, code_sent=code)


__all__ = [
    "ApiError",
    "ApiNotFoundError",
    "ApiUnauthorizedError",
    "ForbiddenError",
    "Membership",
    "Organization",
    "QontoApi",
    "UnusableAnswerError",
]
