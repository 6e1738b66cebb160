"""Single-use secrets of one authorization: the ``state`` and the PKCE pair (RFC 7636)."""

from __future__ import annotations

import re
import secrets

from authlib.oauth2.rfc7636 import create_s256_code_challenge

# RFC 7636 §4.1: 43 to 128 characters of [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~".
VERIFIER_PATTERN = re.compile(r"[A-Za-z0-9\-._~]{43,128}")

# 48 random bytes give a 64-character verifier, inside RFC 7636's 43..128.
VERIFIER_BYTES = 48

# 32 random bytes: far above Hydra's 8-character minimum, and unguessable (RFC 6749 §10.10).
STATE_BYTES = 32


def new_state() -> str:
    """Return a fresh, unguessable ``state`` value (43 URL-safe characters)."""
    return secrets.token_urlsafe(STATE_BYTES)


def new_verifier() -> str:
    """Return a fresh PKCE code verifier."""
    return secrets.token_urlsafe(VERIFIER_BYTES)


def challenge(verifier: str) -> str:
    """Return the S256 code challenge of ``verifier`` (RFC 7636 §4.2).

    Raises:
        ValueError: the verifier does not follow RFC 7636 §4.1.
    """
    if not VERIFIER_PATTERN.fullmatch(verifier):
        raise ValueError("a PKCE code verifier must be 43-128 unreserved characters")
    return str(create_s256_code_challenge(verifier))
