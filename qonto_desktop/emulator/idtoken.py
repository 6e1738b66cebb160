"""OpenID Connect ID tokens: real three-part JWTs signed with HS256 and a random key."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from typing import Any

from qonto_desktop.emulator.data import DemoUser

ID_TOKEN_LIFETIME = 3600.0


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class IdTokenSigner:
    """Signs ID tokens with a key made fresh for each emulator.

    Args:
        issuer: The ``iss`` claim: the emulator's base URL.
    """

    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self._key = secrets.token_bytes(32)

    def sign(self, claims: dict[str, Any]) -> str:
        """Return ``header.payload.signature`` for these claims (HS256)."""
        header = {"alg": "HS256", "typ": "JWT"}
        signing_input = (
            _b64url(json.dumps(header, separators=(",", ":")).encode())
            + "."
            + _b64url(json.dumps(claims, separators=(",", ":")).encode())
        )
        signature = hmac.new(self._key, signing_input.encode("ascii"), hashlib.sha256).digest()
        return signing_input + "." + _b64url(signature)

    def id_token(
        self,
        *,
        user: DemoUser,
        client_id: str,
        issued_at: float,
        nonce: str | None = None,
    ) -> str:
        """Return an ID token describing the user for one client.

        Args:
            user: The signed-in user.
            client_id: The audience.
            issued_at: The ``iat`` claim, in epoch seconds.
            nonce: The ``nonce`` of the authorization request, echoed when given.
        """
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "sub": user.id,
            "aud": [client_id],
            "exp": int(issued_at + ID_TOKEN_LIFETIME),
            "iat": int(issued_at),
            "auth_time": int(issued_at),
            "jti": secrets.token_hex(16),
            "email": user.email,
            "email_verified": True,
            "given_name": user.first_name,
            "family_name": user.last_name,
        }
        if nonce is not None:
            claims["nonce"] = nonce
        return self.sign(claims)
