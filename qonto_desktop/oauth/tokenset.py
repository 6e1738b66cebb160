"""The tokens of one grant, read and checked from a token endpoint answer (RFC 6749 §5.1)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qonto_desktop.oauth.errors import ResponseFormatError


@dataclass(frozen=True)
class TokenSet:
    """The tokens of one grant, as issued. Tokens never appear in ``repr``.

    Attributes:
        expires_at: when the access token expires, in seconds since the epoch.
        scopes: the scopes granted (RFC 6749 §5.1: the requested ones when the answer omits it).
        id_token: the ID token as received, unverified (never saved): see ``id_claims``.
        id_claims: the ID token's claims once verified (``TokenClient.exchange_code``); ``None``
            without an ID token, and after a refresh, whose ID token nothing reads.
        issued_at: when the answer arrived, in seconds since the epoch.
    """

    access_token: str = field(repr=False)
    token_type: str
    expires_at: float
    scopes: tuple[str, ...]
    refresh_token: str | None = field(default=None, repr=False)
    id_claims: Mapping[str, Any] | None = None
    issued_at: float = 0.0
    id_token: str | None = field(default=None, repr=False)


def token_set(data: Mapping[str, Any], requested_scopes: tuple[str, ...], now: float) -> TokenSet:
    """Check a successful token answer and return its :class:`TokenSet`.

    The ID token is kept as received; verifying it needs the issuer's keys (``oauth.id_token``).

    Raises:
        ResponseFormatError: a required field is missing or has the wrong type, or the token
            type is not ``bearer``.
    """
    access_token = data.get("access_token")
    if not isinstance(access_token, str) or not access_token:
        raise _bad("no access token")
    token_type = data.get("token_type")
    # RFC 6749 §5.1: token_type is case-insensitive; only bearer tokens are accepted.
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        raise _bad("token type is not bearer")
    expires_in = data.get("expires_in")
    if isinstance(expires_in, bool) or not isinstance(expires_in, int) or expires_in <= 0:
        raise _bad("expires_in is not a positive whole number")
    refresh_token = data.get("refresh_token")
    if refresh_token is not None and (not isinstance(refresh_token, str) or not refresh_token):
        raise _bad("refresh token is not text")
    scope = data.get("scope")
    if scope is None:
        scopes = requested_scopes
    elif isinstance(scope, str):
        scopes = tuple(scope.split())  # RFC 6749 §3.3: space-delimited
    else:
        raise _bad("scope is not text")
    id_token = data.get("id_token")
    if id_token is not None and (not isinstance(id_token, str) or not id_token):
        raise _bad("the ID token is not text")
    return TokenSet(
        access_token=access_token,
        token_type="bearer",
        expires_at=now + expires_in,
        scopes=scopes,
        refresh_token=refresh_token,
        issued_at=now,
        id_token=id_token,
    )


def _bad(what: str) -> ResponseFormatError:
    # The token client names the provider when it passes this on (TokenClient._token_set).
    return ResponseFormatError(detail=what)
