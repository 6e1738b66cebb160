"""The issuer's published documents: its signing keys and its OpenID Provider metadata.

Hydra serves ``/.well-known/jwks.json`` (https://www.ory.sh/docs/hydra/jwks) and
``/.well-known/openid-configuration`` (OpenID Connect Discovery 1.0 §4); the client fetches
the first to verify ID tokens.
"""

from __future__ import annotations

from qonto_desktop.emulator.idtoken import ALGORITHM, IdTokenSigner
from qonto_desktop.emulator.messages import Request, Response, json_response, oauth_error

JWKS_PATH = "/.well-known/jwks.json"
DISCOVERY_PATH = "/.well-known/openid-configuration"


class Discovery:
    """Answers the two ``/.well-known/`` documents of one emulator.

    Args:
        signer: Holds the key the ID tokens are signed with.
        endpoints: The addresses the metadata names, by their OpenID Discovery name
            (``authorization_endpoint``, ``token_endpoint``, ``revocation_endpoint``).
    """

    def __init__(self, signer: IdTokenSigner, endpoints: dict[str, str]) -> None:
        self._signer = signer
        self._endpoints = dict(endpoints)

    def jwks(self, request: Request) -> Response:
        """Answer ``GET /.well-known/jwks.json``: the public key only (RFC 7517 §5)."""
        if request.method != "GET":
            return oauth_error(405, "invalid_request", "Use GET for this endpoint.")
        return json_response(200, self._signer.jwks())

    def configuration(self, request: Request) -> Response:
        """Answer ``GET /.well-known/openid-configuration`` (OpenID Connect Discovery §4.2)."""
        if request.method != "GET":
            return oauth_error(405, "invalid_request", "Use GET for this endpoint.")
        issuer = self._signer.issuer
        return json_response(
            200,
            {
                "issuer": issuer,
                **self._endpoints,
                "jwks_uri": issuer + JWKS_PATH,
                "response_types_supported": ["code"],
                "grant_types_supported": ["authorization_code", "refresh_token"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": [ALGORITHM],
                "token_endpoint_auth_methods_supported": ["client_secret_post", "none"],
                "code_challenge_methods_supported": ["S256"],
            },
        )
