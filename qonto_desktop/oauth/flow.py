"""The two steps of the authorization-code flow with PKCE, on plain data.

``start`` checks the request and builds the address to open in the browser; ``finish`` checks
what came back and exchanges the code, at most once.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Protocol

from authlib.oauth2.rfc6749.parameters import prepare_grant_uri

from qonto_desktop.i18n.message import N_, Message, Term
from qonto_desktop.oauth import pkce
from qonto_desktop.oauth.callback import CallbackParams
from qonto_desktop.oauth.errors import (
    AUTHORIZATION_ERRORS,
    AlreadyFinishedError,
    AuthorizationError,
    CallbackFormatError,
    ConfigurationError,
    StateMismatchError,
    service_name,
)
from qonto_desktop.oauth.redirect import parse_redirect_uri
from qonto_desktop.oauth.tokenset import TokenSet


@dataclass(frozen=True)
class AuthorizationRequest:
    """What the user asked for: which app, which permissions, which organization.

    ``service`` is the provider's name its errors show (None: "the server").
    """

    authorize_url: str
    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    organization_id: str | None = None
    registration_id: str | None = None
    service: str | None = None


@dataclass(frozen=True)
class PendingAuthorization:
    """One authorization in progress. Its secrets never appear in ``repr``."""

    url: str = field(repr=False)
    state: str = field(repr=False)
    code_verifier: str = field(repr=False)
    redirect_uri: str
    client_id: str
    scopes: tuple[str, ...]
    organization_id: str | None
    started_at: float
    service: str | None = None


UUID_PATTERN = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
EXAMPLE_UUID = "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"


class CodeExchanger(Protocol):
    """The one thing ``finish`` needs from the token client."""

    def exchange_code(
        self, *, code: str, redirect_uri: str, code_verifier: str, requested_scopes: tuple[str, ...]
    ) -> TokenSet:
        """Redeem an authorization code."""
        ...


_finished: set[bytes] = set()
_finished_lock = threading.Lock()


def start(request: AuthorizationRequest) -> PendingAuthorization:
    """Check the request and build the authorization address with fresh state and PKCE.

    Raises:
        ConfigurationError: the client ID is empty, an organization or registration ID is not
            a UUID, no scope is given, or the redirect URI is not ``http://127.0.0.1:<port>/...``.
    """
    client_id = request.client_id.strip()
    if not client_id:
        raise ConfigurationError(
            N_("The client ID is empty."),
            next_action=Message(
                N_("Copy your app's client ID from {service}'s Developer Portal."),
                service=service_name(request.service),
            ),
        )
    if not request.scopes:
        raise ConfigurationError(N_("Choose at least one permission."))
    if any(not name or any(ch.isspace() for ch in name) for name in request.scopes):
        raise ConfigurationError(N_("A permission name is empty or contains a space."))
    parse_redirect_uri(request.redirect_uri, any_port=False, service=request.service)
    organization_id = _uuid_or_none(request.organization_id, N_("organization ID"), request)
    registration_id = _uuid_or_none(request.registration_id, N_("registration ID"), request)

    state = pkce.new_state()
    verifier = pkce.new_verifier()
    extra = {"code_challenge": pkce.challenge(verifier), "code_challenge_method": "S256"}
    if organization_id:
        extra["organization_id"] = organization_id
    if registration_id:
        extra["registration_id"] = registration_id
    url = prepare_grant_uri(
        request.authorize_url,
        client_id=client_id,
        response_type="code",
        redirect_uri=request.redirect_uri,
        scope=" ".join(request.scopes),
        state=state,
        **extra,
    )
    return PendingAuthorization(
        url=str(url),
        state=state,
        code_verifier=verifier,
        redirect_uri=request.redirect_uri,
        client_id=client_id,
        scopes=tuple(request.scopes),
        organization_id=organization_id,
        started_at=time.time(),
        service=request.service,
    )


def finish(
    pending: PendingAuthorization, params: CallbackParams, tokens: CodeExchanger
) -> TokenSet:
    """Check the browser's answer and exchange its code for tokens, at most once per attempt.

    Raises:
        StateMismatchError: the answer's ``state`` is not this attempt's (RFC 6749 §10.12).
        AuthorizationError: the server answered ``error=...`` (a subclass per RFC 6749 §4.1.2.1).
        CallbackFormatError: the answer has neither code nor error.
        AlreadyFinishedError: this attempt's code was already sent for exchange.
        OAuthError: the token exchange failed (see ``TokenClient.exchange_code``).
    """
    if params.state is None or not hmac.compare_digest(
        params.state.encode(), pending.state.encode()
    ):
        raise StateMismatchError(service=pending.service)
    if params.error:
        raise authorization_error(params.error, params.error_description, pending.service)
    if not params.code:
        raise CallbackFormatError(service=pending.service)
    # A code redeemed twice may revoke the grant (RFC 9700 §4.2.4): claim the attempt first.
    key = hashlib.sha256(pending.state.encode()).digest()
    with _finished_lock:
        if key in _finished:
            raise AlreadyFinishedError(service=pending.service)
        _finished.add(key)
    return tokens.exchange_code(
        code=params.code,
        redirect_uri=pending.redirect_uri,
        code_verifier=pending.code_verifier,
        requested_scopes=pending.scopes,
    )


def authorization_error(
    error: str, description: str | None, service: str | None = None
) -> AuthorizationError:
    """Return the typed error for an ``error=`` redirect (RFC 6749 §4.1.2.1)."""
    cls = AUTHORIZATION_ERRORS.get(error, AuthorizationError)
    return cls(oauth_error=error, detail=description, service=service)


def _uuid_or_none(value: str | None, what: str, request: AuthorizationRequest) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not UUID_PATTERN.fullmatch(text):
        term = Term(what)
        raise ConfigurationError(
            Message(N_("The {what} {text!r} is not valid."), what=term, text=text),
            next_action=Message(
                N_("Copy the {what} from {service}; it looks like {example}."),
                what=term,
                service=service_name(request.service),
                example=EXAMPLE_UUID,
            ),
        )
    return text.lower()
