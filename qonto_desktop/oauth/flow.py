"""The two steps of the authorization-code flow with PKCE, on plain data.

``start`` checks the request and builds the address to open in the browser; ``finish`` checks
what came back and exchanges the code, at most once.
"""

from __future__ import annotations

import hmac
import threading
import time
from dataclasses import dataclass, field
from typing import Protocol

from authlib.oauth2.rfc6749.parameters import prepare_grant_uri

from qonto_desktop.i18n.message import N_, Message
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
    # Parameters the authorization server defines beyond RFC 6749, already checked by the caller.
    extra: tuple[tuple[str, str], ...] = ()
    service: str | None = None


class OneShot:
    """A claim that succeeds once: the attempt's code is sent for exchange at most once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._taken = False

    def take(self) -> bool:
        """Claim it; True only for the first caller, whatever the threads."""
        with self._lock:
            taken, self._taken = self._taken, True
        return not taken


@dataclass(frozen=True)
class PendingAuthorization:
    """One authorization in progress. Its secrets never appear in ``repr``."""

    url: str = field(repr=False)
    state: str = field(repr=False)
    code_verifier: str = field(repr=False)
    redirect_uri: str
    client_id: str
    scopes: tuple[str, ...]
    extra: tuple[tuple[str, str], ...]
    started_at: float
    # Owned by this attempt (and shared by its copies): no process-wide record of finished ones.
    claim: OneShot = field(default_factory=OneShot, repr=False, compare=False)
    service: str | None = None
    # Sent when ``openid`` is asked; the ID token must echo it (OpenID Connect Core §3.1.2.1).
    nonce: str | None = field(default=None, repr=False)


# Set by the flow itself: a caller's extra parameters may not replace them.
RESERVED = frozenset(
    {
        "client_id",
        "response_type",
        "redirect_uri",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method",
        "nonce",
    }
)


class CodeExchanger(Protocol):
    """The one thing ``finish`` needs from the token client."""

    def exchange_code(
        self,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str,
        requested_scopes: tuple[str, ...],
        nonce: str | None = None,
    ) -> TokenSet:
        """Redeem an authorization code; an ID token must echo ``nonce``."""
        ...


def start(request: AuthorizationRequest) -> PendingAuthorization:
    """Check the request and build the authorization address with fresh state and PKCE.

    Raises:
        ConfigurationError: the client ID is empty, no scope is given, or the redirect URI is
            not ``http://127.0.0.1:<port>/...`` or ``http://localhost:<port>/...``.
        ValueError: an extra parameter would replace one the flow sets.
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
    clashing = sorted(name for name, _ in request.extra if name in RESERVED)
    if clashing:  # a caller's mistake, not the user's: no message for the user
        raise ValueError(f"extra authorization parameters replace the flow's own: {clashing}")

    state = pkce.new_state()
    verifier = pkce.new_verifier()
    nonce = pkce.new_state() if "openid" in request.scopes else None
    extra = {
        **dict(request.extra),
        "code_challenge": pkce.challenge(verifier),
        "code_challenge_method": "S256",
        **({"nonce": nonce} if nonce is not None else {}),
    }
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
        extra=tuple(request.extra),
        started_at=time.time(),
        service=request.service,
        nonce=nonce,
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
    if not pending.claim.take():
        raise AlreadyFinishedError(service=pending.service)
    return tokens.exchange_code(
        code=params.code,
        redirect_uri=pending.redirect_uri,
        code_verifier=pending.code_verifier,
        requested_scopes=pending.scopes,
        nonce=pending.nonce,
    )


def authorization_error(
    error: str, description: str | None, service: str | None = None
) -> AuthorizationError:
    """Return the typed error for an ``error=`` redirect (RFC 6749 §4.1.2.1)."""
    cls = AUTHORIZATION_ERRORS.get(error, AuthorizationError)
    return cls(oauth_error=error, detail=description, service=service)
