"""The token (RFC 6749 §3.2) and revocation (RFC 7009) endpoints, with client authentication."""

from __future__ import annotations

import hmac
from typing import Any

from qonto_desktop.emulator.clients import ClientRegistry, DemoClient
from qonto_desktop.emulator.data import DemoUser
from qonto_desktop.emulator.grants import GrantError, GrantStore, IssuedTokens
from qonto_desktop.emulator.idtoken import IdTokenSigner
from qonto_desktop.emulator.issued import SECRET_FORM_FIELDS
from qonto_desktop.emulator.messages import (
    NO_STORE,
    Request,
    Response,
    json_response,
    oauth_error,
    parse_form,
)


class _RefusedError(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


class TokenEndpoints:
    """Answers ``POST /oauth2/token`` and ``POST /oauth2/revoke``.

    Args:
        clients: The registered clients.
        grants: The codes and tokens.
        user: The demo user, described in ID tokens.
        signer: Signs ID tokens.
    """

    def __init__(
        self, *, clients: ClientRegistry, grants: GrantStore, user: DemoUser, signer: IdTokenSigner
    ) -> None:
        self._clients = clients
        self._grants = grants
        self._user = user
        self._signer = signer

    def token(self, request: Request) -> Response:
        """Answer a token request: code exchange or refresh."""
        try:
            form = self._read_form(request)
            grant_type = form.get("grant_type")
            if not grant_type:
                return oauth_error(400, "invalid_request", "The 'grant_type' parameter is missing.")
            client = self._authenticate(request, form)
            if grant_type == "authorization_code":
                issued = self._grants.redeem_code(
                    _required(form, "code"),
                    client_id=client.client_id,
                    redirect_uri=form.get("redirect_uri"),
                    code_verifier=form.get("code_verifier"),
                )
            elif grant_type == "refresh_token":
                scope = form.get("scope")
                issued = self._grants.refresh(
                    _required(form, "refresh_token"),
                    client_id=client.client_id,
                    scopes=tuple(s for s in scope.split(" ") if s) if scope else None,
                )
            else:
                return oauth_error(
                    400,
                    "unsupported_grant_type",
                    f"The authorization grant type '{grant_type}' is not supported.",
                )
        except _RefusedError as refused:
            return refused.response
        except GrantError as error:
            return oauth_error(400, error.error, error.description)
        return json_response(200, self._answer(issued), NO_STORE)

    def revoke(self, request: Request) -> Response:
        """Answer a revocation request (RFC 7009 §2)."""
        try:
            form = self._read_form(request)
            client = self._authenticate(request, form)
            self._grants.revoke(_required(form, "token"), client_id=client.client_id)
        except _RefusedError as refused:
            return refused.response
        except GrantError as error:
            return oauth_error(400, error.error, error.description)
        # RFC 7009 §2.2: 200 whether or not the token was known.
        return Response(200, headers=NO_STORE)

    def _read_form(self, request: Request) -> dict[str, str]:
        form = _read_form(request)
        self._grants.issued.add_fields(form, SECRET_FORM_FIELDS)  # whatever was sent, even wrong
        return form

    def _authenticate(self, request: Request, form: dict[str, str]) -> DemoClient:
        """Authenticate the client by client_secret_post, or none for the public client."""
        client = self._clients.find(form.get("client_id", ""))
        if client is None:
            raise _RefusedError(oauth_error(401, "invalid_client", "Client authentication failed."))
        method = "none" if client.is_public else "client_secret_post"
        if (request.header("authorization") or "").lower().startswith("basic "):
            # Hydra allows only the registered method; RFC 6749 §2.3: one method per request.
            raise _RefusedError(
                oauth_error(
                    401,
                    "invalid_client",
                    f"The OAuth 2.0 Client supports client authentication method '{method}', "
                    "but method 'client_secret_basic' was requested.",
                )
            )
        secret = form.get("client_secret")
        if client.client_secret is None:
            if secret is not None:
                raise _RefusedError(
                    oauth_error(
                        401,
                        "invalid_client",
                        "The OAuth 2.0 Client supports client authentication method 'none', "
                        "but method 'client_secret_post' was requested.",
                    )
                )
            return client
        if secret is None or not hmac.compare_digest(
            secret.encode(), client.client_secret.encode()
        ):
            raise _RefusedError(oauth_error(401, "invalid_client", "Client authentication failed."))
        return client

    def _answer(self, issued: IssuedTokens) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "access_token": issued.access_token,
            "expires_in": issued.expires_in,
        }
        if issued.refresh_token is not None:
            answer["refresh_token"] = issued.refresh_token
        if "openid" in issued.scopes:
            answer["id_token"] = self._signer.id_token(
                user=self._user,
                client_id=issued.consent.client_id,
                issued_at=issued.issued_at,
                access_token=issued.access_token,
                nonce=issued.consent.nonce,
            )
            self._grants.issued.add(answer["id_token"])
        answer["scope"] = " ".join(issued.scopes)
        answer["token_type"] = "bearer"
        return answer


def _read_form(request: Request) -> dict[str, str]:
    if request.method != "POST":
        raise _RefusedError(oauth_error(405, "invalid_request", "Use POST for this endpoint."))
    if request.media_type != "application/x-www-form-urlencoded":
        # RFC 6749 §4.1.3 and RFC 7009 §2.1: parameters come form-encoded.
        raise _RefusedError(
            oauth_error(
                400,
                "invalid_request",
                "The request must be sent as application/x-www-form-urlencoded.",
            )
        )
    try:
        form = parse_form(request.body.decode("utf-8"))
    except UnicodeDecodeError:
        form = None
    if form is None:
        raise _RefusedError(
            oauth_error(400, "invalid_request", "The form is malformed or repeats a parameter.")
        )
    return form


def _required(form: dict[str, str], name: str) -> str:
    value = form.get(name)
    if not value:
        raise _RefusedError(
            oauth_error(400, "invalid_request", f"The '{name}' parameter is missing.")
        )
    return value
