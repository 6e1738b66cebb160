"""Checks of an authorization request (``GET /oauth2/auth``), in Hydra's order and words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from qonto_desktop.emulator import pkce
from qonto_desktop.emulator.clients import ClientRegistry, DemoClient
from qonto_desktop.emulator.data import Organization

MIN_STATE_LENGTH = 8
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)


@dataclass(frozen=True)
class AuthorizationRequest:
    """A valid authorization request, waiting for the user's decision.

    Attributes:
        client: The client asking.
        redirect_uri: Where the answer goes (registered, matched exactly).
        scopes: The requested scopes, each allowed for the client.
        state: The client's state, echoed back.
        code_challenge: The S256 PKCE challenge, if sent.
        organization_id: The organization fixed by ``organization_id`` or
            ``registration_id``; ``None`` lets the user pick.
        nonce: The OpenID Connect nonce, if sent.
        user_flow: ``identity_type=user``: one consent for several organizations.
        language: The language of the pages this request walks through (see ``wording``).
    """

    client: DemoClient
    redirect_uri: str
    scopes: tuple[str, ...]
    state: str
    code_challenge: str | None
    organization_id: str | None
    nonce: str | None = None
    user_flow: bool = False
    language: str = "en"


@dataclass(frozen=True)
class ErrorPage:
    """A request so wrong that nothing may be redirected: show a page (status 400)."""

    message: str


@dataclass(frozen=True)
class ErrorRedirect:
    """An error reported to the client through its redirect URI (RFC 6749 §4.1.2.1)."""

    redirect_uri: str
    error: str
    description: str
    state: str | None

    @property
    def location(self) -> str:
        """The redirect URI with ``error``, ``error_description`` and ``state``."""
        params = {"error": self.error, "error_description": self.description}
        if self.state:
            params["state"] = self.state
        return add_query(self.redirect_uri, params)


def add_query(uri: str, params: dict[str, str]) -> str:
    """Append parameters to a URI, keeping its own query (RFC 6749 §3.1.2)."""
    return uri + ("&" if "?" in uri else "?") + urlencode(params)


def check_authorization_request(
    query: str, clients: ClientRegistry, organizations: Sequence[Organization]
) -> AuthorizationRequest | ErrorPage | ErrorRedirect:
    """Check an authorization request's query string.

    Args:
        query: The raw query string of ``GET /oauth2/auth``.
        clients: The registered clients.
        organizations: The signed-in user's organizations.

    Returns:
        The request if valid; otherwise a page (bad client or redirect URI: RFC 6749
        §4.1.2.1 forbids redirecting) or an error redirect.
    """
    values: dict[str, list[str]] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        values.setdefault(key, []).append(value)

    client_ids = values.get("client_id", [])
    client = clients.find(client_ids[0]) if len(client_ids) == 1 else None
    if client is None:
        return ErrorPage("The OAuth 2.0 Client does not exist or its 'client_id' is invalid.")
    redirect_uris = values.get("redirect_uri", [])
    if len(redirect_uris) != 1 or redirect_uris[0] not in client.redirect_uris:
        # RFC 6749 §3.1.2.3 and §4.1.2.1: exact match, and never redirect to an unknown URI.
        return ErrorPage(
            "The 'redirect_uri' parameter does not match any of the OAuth 2.0 Client's "
            "pre-registered redirect urls."
        )
    redirect_uri = redirect_uris[0]
    states = values.get("state", [])
    state = states[0] if len(states) == 1 else None

    repeated = sorted(key for key, items in values.items() if len(items) > 1)
    if repeated:
        # RFC 6749 §3.1: parameters must not be included more than once.
        return ErrorRedirect(
            redirect_uri,
            "invalid_request",
            f"The parameter '{repeated[0]}' was included more than once.",
            state,
        )
    params = {key: items[0] for key, items in values.items()}
    # The flow is checked before the scopes: a client not approved for the User OAuth flow
    # hears that, not that user_organization.read is not its scope.
    checks = (_check_response_type, _check_state, _check_identity_type, _check_scopes)
    for check in (*checks, _check_challenge):
        refusal = check(client, params)
        if refusal is not None:
            return ErrorRedirect(redirect_uri, *refusal, state)
    user_flow = params.get("identity_type") == "user"
    # In the User OAuth flow the user ticks organizations on the consent page; Qonto documents
    # no pre-selection there, so the parameters are not applied.
    organization = None if user_flow else _pick_organization(params, organizations)
    if isinstance(organization, tuple):
        return ErrorRedirect(redirect_uri, *organization, state)
    return AuthorizationRequest(
        client=client,
        redirect_uri=redirect_uri,
        scopes=_scopes(params),
        state=params["state"],
        code_challenge=params.get("code_challenge"),
        organization_id=organization.id if organization else None,
        nonce=params.get("nonce"),
        user_flow=user_flow,
    )


Refusal = tuple[str, str]
"""An OAuth error code and its description."""


def _scopes(params: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for s in params.get("scope", "").split(" ") if s))


def _check_response_type(client: DemoClient, params: dict[str, str]) -> Refusal | None:
    if params.get("response_type") == "code":
        return None
    return (
        "unsupported_response_type",
        "The authorization server does not support obtaining a token using this method.",
    )


def _check_state(client: DemoClient, params: dict[str, str]) -> Refusal | None:
    if len(params.get("state", "")) >= MIN_STATE_LENGTH:
        return None
    # Hydra (fosite) rejects states shorter than 8 characters for lack of entropy.
    return (
        "invalid_state",
        "Request parameter 'state' must be at least be 8 characters long to ensure "
        "sufficient entropy.",
    )


def _check_scopes(client: DemoClient, params: dict[str, str]) -> Refusal | None:
    scopes = _scopes(params)
    if not scopes:
        return ("invalid_request", "The request is missing the 'scope' parameter.")
    for scope in scopes:
        if scope not in client.allowed_scopes:
            return (
                "invalid_scope",
                f"The OAuth 2.0 Client is not allowed to request scope '{scope}'.",
            )
    return None


def _check_identity_type(client: DemoClient, params: dict[str, str]) -> Refusal | None:
    # The User OAuth flow is only for apps Qonto approved, and such an app may use no other
    # flow (docs/qonto-facts.md, "User OAuth flow"). Qonto does not document the error it
    # answers; RFC 6749 §4.1.2.1's unauthorized_client is the one that fits.
    identity_type = params.get("identity_type")
    if identity_type is not None and identity_type != "user":
        return ("invalid_request", "The 'identity_type' parameter must be 'user'.")
    if identity_type == "user" and not client.user_access:
        return ("unauthorized_client", "The OAuth 2.0 Client may not use the User OAuth flow.")
    if identity_type is None and client.user_access:
        return (
            "unauthorized_client",
            "The OAuth 2.0 Client is approved for the User OAuth flow only: "
            "send identity_type=user.",
        )
    return None


def _check_challenge(client: DemoClient, params: dict[str, str]) -> Refusal | None:
    challenge = params.get("code_challenge")
    method = params.get("code_challenge_method")
    reason: str | None = None
    if challenge is None:
        if client.is_public:
            # RFC 9700 §2.1.1: public clients must use PKCE; Hydra enforces it for them.
            reason = (
                "Clients must include a code_challenge when performing the authorize code "
                "flow, but it is missing."
            )
        elif method is not None:
            reason = "The 'code_challenge_method' was sent without a 'code_challenge'."
    elif method != "S256":
        # RFC 9700 §2.1.1: only S256 is accepted; 'plain' exposes the verifier.
        reason = "The 'code_challenge_method' must be 'S256'."
    elif not pkce.is_valid_challenge(challenge):
        reason = "The 'code_challenge' must be base64url of a SHA-256 digest (43 characters)."
    return None if reason is None else ("invalid_request", reason)


def _pick_organization(
    params: dict[str, str], organizations: Sequence[Organization]
) -> Organization | Refusal | None:
    """Return the organization the request fixes, ``None``, or a refusal.

    Qonto documents each parameter alone (retrieve_authorization): ``organization_id``
    restricts the flow to that organization, ``registration_id`` pre-selects the one created
    through the Onboarding API. It states no rule for both at once, so none is enforced: the
    restriction wins over the pre-selection.
    """
    found: dict[str, Organization] = {}
    for name in ("organization_id", "registration_id"):
        value = params.get(name)
        if value is None:
            continue
        if _UUID.fullmatch(value) is None:
            return ("invalid_request", f"The '{name}' parameter must be a UUID.")
        value = value.lower()
        match = next(
            (
                org
                for org in organizations
                if (org.id if name == "organization_id" else org.registration_id) == value
            ),
            None,
        )
        if match is None:
            return (
                "invalid_request",
                f"The '{name}' does not name one of the user's organizations.",
            )
        found[name] = match
    return found.get("organization_id") or found.get("registration_id")
