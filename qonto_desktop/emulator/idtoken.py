"""OpenID Connect ID tokens as Hydra issues them: RS256, a published key, standard claims only.

Hydra signs ID tokens with an RSA key whose public half it publishes at
``/.well-known/jwks.json`` (https://www.ory.sh/docs/hydra/jwks); Qonto's carry no name or
e-mail claims, so who signed in comes from ``GET /v2/membership``.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey

from qonto_desktop.emulator.data import DemoUser

ID_TOKEN_LIFETIME = 3600.0
ALGORITHM = "RS256"
RSA_KEY_BITS = 2048


def at_hash(access_token: str) -> str:
    """The ``at_hash`` claim: half the token's SHA-256, base64url (OpenID Connect Core §3.1.3.6)."""
    digest = hashlib.sha256(access_token.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest[: len(digest) // 2]).rstrip(b"=").decode("ascii")


class IdTokenSigner:
    """Signs ID tokens with an RSA key made for each emulator, on first use.

    Args:
        issuer: The ``iss`` claim: the emulator's base URL.
    """

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self._lock = threading.Lock()
        self._key: RSAKey | None = None

    @property
    def key(self) -> RSAKey:
        """The signing key; made at the first need (about 60 ms), so idle emulators pay nothing."""
        with self._lock:
            if self._key is None:
                kid = "public:" + secrets.token_hex(8)  # Hydra's key ids read "public:<id>"
                self._key = RSAKey.generate_key(
                    RSA_KEY_BITS,
                    parameters={"kid": kid, "use": "sig", "alg": ALGORITHM},
                    private=True,
                )
            return self._key

    def jwks(self) -> dict[str, Any]:
        """The JSON Web Key Set of the public key (RFC 7517 §5)."""
        return {"keys": [self.key.as_dict(private=False)]}

    def sign(self, claims: dict[str, Any]) -> str:
        """Return the compact JWS of these claims, signed RS256 with the published key."""
        key = self.key
        header = {"alg": ALGORITHM, "kid": key.kid, "typ": "JWT"}
        return jwt.encode(header, claims, key, algorithms=[ALGORITHM])

    def id_token(
        self,
        *,
        user: DemoUser,
        client_id: str,
        issued_at: float,
        access_token: str,
        nonce: str | None = None,
    ) -> str:
        """Return an ID token for one client: Hydra's claims, nothing about the person.

        Args:
            user: The signed-in user (only their subject identifier is told).
            client_id: The audience.
            issued_at: The ``iat`` claim, in epoch seconds.
            access_token: The access token issued with it, hashed into ``at_hash``.
            nonce: The ``nonce`` of the authorization request, echoed when given.
        """
        now = int(issued_at)
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": user.id,
            "aud": [client_id],
            "exp": int(issued_at + ID_TOKEN_LIFETIME),
            "iat": now,
            "auth_time": now,
            "rat": now,
            "at_hash": at_hash(access_token),
            "jti": secrets.token_hex(16),
        }
        if nonce is not None:
            claims["nonce"] = nonce
        return self.sign(claims)
