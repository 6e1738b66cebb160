"""The Business API calls the app makes: organization, membership, user organizations, disconnect.

Errors are answered in Qonto's documented shape (``messages.api_error``). What a member sees
depends on the role the emulator plays (:data:`ROLES_WITHOUT_BALANCES`,
:data:`ROLES_WITHOUT_ORGANIZATION`); see docs/qonto-facts.md for the sources. A token of the
User OAuth flow names its organization with each call (``X-Qonto-Organization-Id``); see
:mod:`qonto_desktop.emulator.user_flow`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from urllib.parse import parse_qsl

from qonto_desktop.emulator.data import Answering, DemoUser, Organization
from qonto_desktop.emulator.grants import GrantStore, TokenOwner
from qonto_desktop.emulator.messages import Request, Response, api_error, json_response
from qonto_desktop.emulator.user_flow import ORGANIZATION_HEADER, user_organizations

ORGANIZATION_PATH = "/v2/organization"
MEMBERSHIP_PATH = "/v2/membership"
CONSENTS_PATH = "/v2/oauth2/consents"
USER_ORGANIZATIONS_PATH = "/v2/user_organizations"

# https://docs.qonto.com/api-reference/business-api/organization-accounts/business-accounts/list:
# only owners, admins and members with the balance permission see currency and balances.
ROLES_WITHOUT_BALANCES = frozenset({"manager", "employee"})
# Qonto answers 403 "User does not have sufficient permissions for this action." when the
# role lacks the right (S /v2/membership); which role meets it where is the emulator's choice.
ROLES_WITHOUT_ORGANIZATION = frozenset({"employee"})
ROLE_FORBIDDEN = "User does not have sufficient permissions for this action."

# RFC 6750 §3: a 401 names the scheme the resource server expects.
_CHALLENGE = (("WWW-Authenticate", 'Bearer realm="qonto"'),)


class BusinessApi:
    """Answers ``/v2/...`` requests with the demo data, for a valid Bearer token.

    Args:
        grants: Where access tokens are checked.
        user: The demo user.
        organizations: The user's organizations.
        role: The member's role now (the user's own by default); read on every request.
        amounts_as_strings: Whether amounts are written as decimal strings now.
        current: The organization as it is now (its balances moved by settled transactions).
    """

    def __init__(
        self,
        *,
        grants: GrantStore,
        user: DemoUser,
        organizations: Sequence[Organization],
        role: Callable[[], str] | None = None,
        amounts_as_strings: Callable[[], bool] = lambda: False,
        current: Callable[[Organization], Organization] = lambda organization: organization,
    ) -> None:
        self._grants = grants
        self._user = user
        self._organizations = {org.id: org for org in organizations}
        self._role = role or (lambda: user.role)
        self._amounts_as_strings = amounts_as_strings
        self._current = current

    def organization(self, request: Request) -> Response:
        """Answer ``GET /v2/organization`` (scope ``organization.read``).

        ``include_external_accounts=true`` adds the accounts at other banks (S
        ``/v2/organization``; the default is false).
        """
        owner = self._owner(request, "GET", "organization.read")
        if isinstance(owner, Response):
            return owner
        role = self._role()
        if role in ROLES_WITHOUT_ORGANIZATION:
            return api_error(403, "forbidden", ROLE_FORBIDDEN)
        query = dict(parse_qsl(request.query, keep_blank_values=True))
        answering = Answering(
            external=query.get("include_external_accounts", "").lower() == "true",
            amounts_as_strings=self._amounts_as_strings(),
            balances=role not in ROLES_WITHOUT_BALANCES,
        )
        organization = self._current(self._organizations[owner.organization_id])
        return json_response(200, {"organization": organization.to_api(answering)})

    def membership(self, request: Request) -> Response:
        """Answer ``GET /v2/membership`` (scope ``membership.read``)."""
        owner = self._owner(request, "GET", "membership.read")
        if isinstance(owner, Response):
            return owner
        organization = self._organizations[owner.organization_id]
        user = replace(self._user, role=self._role())
        return json_response(200, {"membership": user.membership(organization)})

    def user_organizations(self, request: Request) -> Response:
        """Answer ``GET /v2/user_organizations`` (User OAuth flow only)."""
        owner = self._owner(request, "GET", "user_organization.read", organization=False)
        if isinstance(owner, Response):
            return owner
        if not owner.user_flow:
            return api_error(403, "forbidden", "only available in the User OAuth flow")
        listed = [self._organizations[org_id] for org_id in owner.organization_ids]
        return json_response(200, user_organizations(listed, self._user))

    def revoke_consent(self, request: Request) -> Response:
        """Answer ``DELETE /v2/oauth2/consents``: disconnect the app from the organization.

        Qonto documents the scope ``organization.read`` for it (see docs/qonto-facts.md).
        """
        owner = self._owner(request, "DELETE", "organization.read")
        if isinstance(owner, Response):
            return owner
        self._grants.revoke_consent(
            client_id=owner.client_id,
            user_id=owner.user_id,
            organization_id=owner.organization_id,
        )
        return Response(204)

    def authorize(self, request: Request, scope: str) -> TokenOwner | Response:
        """Check a GET's token and scope, and the organization it names; else the answer."""
        return self._owner(request, "GET", scope)

    def _owner(
        self, request: Request, method: str, scope: str | None, *, organization: bool = True
    ) -> TokenOwner | Response:
        if request.method != method:
            return api_error(405, "method_not_allowed", f"Use {method} for this endpoint.")
        scheme, _, token = (request.header("authorization") or "").partition(" ")
        # RFC 6750 §2.1 / RFC 7235 §2.1: the scheme name is case-insensitive.
        if scheme.lower() != "bearer" or not token.strip():
            return _unauthorized("missing access token")
        owner = self._grants.authenticate(token.strip())
        if owner is None:
            return _unauthorized("invalid, expired or revoked access token")
        if scope is not None and scope not in owner.scopes:
            return api_error(403, "forbidden", "missing required oauth scope")
        return _named_organization(owner, request) if organization else owner


def _named_organization(owner: TokenOwner, request: Request) -> TokenOwner | Response:
    """A User OAuth flow token speaks for the organization the request names."""
    if not owner.user_flow:
        return owner
    named = (request.header(ORGANIZATION_HEADER) or "").strip()
    if named not in owner.organization_ids:
        # Qonto: missing, or not an organization consented to, is a 403.
        detail = f"{ORGANIZATION_HEADER} is missing or names no consented organization"
        return api_error(403, "forbidden", detail)
    return replace(owner, organization_id=named)


def _unauthorized(detail: str) -> Response:
    # S /v2/membership: 401 "unauthorized", "You must be authenticated to perform this action"
    return api_error(401, "unauthorized", detail, headers=_CHALLENGE)


def not_found(request: Request) -> Response:
    """Answer a path the emulator does not serve (S: 404 ``not_found``, ``source.parameter``)."""
    return api_error(404, "not_found", "Resource not found", source={"parameter": "path"})
