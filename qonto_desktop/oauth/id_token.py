"""Verifying an OpenID Connect ID token (OpenID Connect Core §3.1.3.7) before trusting it.

Only RS256 under a key the issuer publishes is accepted: ``none`` and the HMAC algorithms are
refused whatever the token says, since a key set's public key must never serve as an HMAC
secret. The claims checked are the issuer, the audience, the expiry, the issue time and the
nonce the app sent. The ID token only tells who signed in (``sub``); names come from elsewhere.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass
from typing import Any, TypeGuard

from joserfc import jws, jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet, RSAKey

from qonto_desktop.i18n.message import N_
from qonto_desktop.oauth.errors import OAuthError
from qonto_desktop.oauth.jwks import Fetch, http_fetch, key_set

__all__ = ["Expected", "IdTokenError", "http_fetch", "key_set", "verify"]

log = logging.getLogger(__name__)

ALGORITHM = "RS256"
# Clocks differ a little between this computer and the issuer.
LEEWAY = 300.0
MAX_SUBJECT = 255


class IdTokenError(OAuthError):
    """The ID token failed a check: the sign-in is not trusted and nothing is saved.

    ``detail`` says which check, in the app's own words (never the token's content).
    """

    code = "id_token_refused"
    message = N_("The sign-in could not be confirmed: {service}'s identity token failed a check.")
    next_action = N_(
        "Nothing was saved. Connect again; if it keeps failing, check this computer's clock "
        "and the environment's addresses."
    )


@dataclass(frozen=True)
class Expected:
    """What a valid ID token for this sign-in says.

    Attributes:
        issuer: the ``iss`` (compared without a final slash).
        client_id: the app, which the ``aud`` must contain.
        nonce: the ``nonce`` sent with the authorization request, or ``None`` if none was.
        jwks_url: where the issuer publishes its keys.
    """

    issuer: str
    client_id: str
    nonce: str | None
    jwks_url: str


def verify(id_token: object, expected: Expected, fetch: Fetch, now: float) -> dict[str, Any]:
    """Check the ID token's signature and claims; return its claims.

    Args:
        id_token: the ``id_token`` of the token endpoint's answer.
        fetch: gets the issuer's key set (kept per process by :func:`jwks.key_set`).
        now: the current time, in seconds since the epoch.

    Raises:
        IdTokenError: any check failed.
        OAuthError: the issuer's keys could not be fetched.
    """
    if not isinstance(id_token, str):
        raise _refused("the ID token is not text")
    try:
        header = jws.extract_compact(id_token.encode("ascii")).protected
    except (JoseError, ValueError, UnicodeError):
        raise _refused("the ID token is not a signed JWT") from None
    if header.get("alg") != ALGORITHM:
        raise _refused("the ID token is not signed with RS256")
    key = _signing_key(header.get("kid"), expected.jwks_url, fetch)
    try:
        claims = jwt.decode(id_token, key, algorithms=[ALGORITHM]).claims
    except JoseError:
        raise _refused("the ID token's signature does not verify") from None
    _check_claims(claims, expected, now)
    return claims


def _signing_key(kid: object, url: str, fetch: Fetch) -> RSAKey:
    """The issuer's RS256 key with this id; the set is fetched again once if it lacks it."""
    for again in (False, True):
        found = _find(key_set(url, fetch, again=again), kid)
        if found is not None:
            return found
    raise _refused("the ID token is signed with a key the issuer does not publish")


def _find(keys: KeySet, kid: object) -> RSAKey | None:
    candidates = [
        key
        for key in keys.keys
        if isinstance(key, RSAKey)
        and key.get("use", "sig") == "sig"
        and key.get("alg", ALGORITHM) == ALGORITHM
    ]
    if kid is None:  # RFC 7515 §4.1.4: without a kid, only a single key is unambiguous
        return candidates[0] if len(candidates) == 1 else None
    return next((key for key in candidates if key.kid == kid), None)


def _check_claims(claims: dict[str, Any], expected: Expected, now: float) -> None:
    issuer = claims.get("iss")
    if not isinstance(issuer, str) or issuer.rstrip("/") != expected.issuer.rstrip("/"):
        raise _refused("the ID token comes from another issuer")
    audience = claims.get("aud")
    audiences = [audience] if isinstance(audience, str) else audience
    if not isinstance(audiences, list) or expected.client_id not in audiences:
        raise _refused("the ID token was issued for another app")
    party = claims.get("azp")
    if party is not None and party != expected.client_id:  # Core §3.1.3.7 point 5
        raise _refused("the ID token was issued for another app")
    expires, issued = claims.get("exp"), claims.get("iat")
    if not _is_time(expires) or not _is_time(issued):
        raise _refused("the ID token has no valid expiry or issue time")
    if expires <= now - LEEWAY:
        raise _refused("the ID token has expired")
    if issued > now + LEEWAY or issued > expires:
        raise _refused("the ID token's issue time is in the future")
    subject = claims.get("sub")
    # Core §2: "It MUST NOT exceed 255 ASCII characters in length" (it keys a saved connection).
    if not isinstance(subject, str) or not subject or len(subject) > MAX_SUBJECT:
        raise _refused("the ID token names no valid subject")
    if expected.nonce is not None:
        nonce = claims.get("nonce")
        if not isinstance(nonce, str) or not hmac.compare_digest(
            nonce.encode(), expected.nonce.encode()
        ):
            raise _refused("the ID token's nonce is not the one this sign-in sent")


def _is_time(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _refused(reason: str) -> IdTokenError:
    log.warning("ID token refused: %s", reason)
    return IdTokenError(detail=reason)
