"""The token client: code exchange, refresh and revocation (RFC 6749 §4.1.3, §6; RFC 7009).

Authlib's requests client builds the requests and authenticates the app (``client_secret_post``,
or ``none`` for a public client with PKCE); :mod:`qonto_desktop.system.http` decides what may be
resent; this module turns every answer into a :class:`TokenSet` or a typed error.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import requests
from authlib.integrations.requests_client import OAuth2Session

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import Text
from qonto_desktop.oauth import answers
from qonto_desktop.oauth.errors import (
    OAuthError,
    ResponseFormatError,
)
from qonto_desktop.oauth.tokenset import TokenSet, token_set
from qonto_desktop.system.http import TIMEOUT, TOKEN_RETRY, Sender, new_session
from qonto_desktop.system.rate_limit import process_limiter

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClientCredentials:
    """The app registration from the provider's developer portal. The secret is optional (PKCE)."""

    client_id: str
    client_secret: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Issuer:
    """Who signs the ID tokens, and where its keys are published (OpenID Connect)."""

    issuer: str
    jwks_url: str


class TokenClient:
    """Talks to one token endpoint for one app registration."""

    def __init__(
        self,
        *,
        token_url: str,
        revoke_url: str,
        credentials: ClientCredentials,
        headers: Mapping[str, str] | None = None,
        html_error: type[OAuthError] = ResponseFormatError,
        service: Text | None = None,
        timeout: tuple[float, float] = TIMEOUT,
        sender: Sender | None = None,
        now: Callable[[], float] = time.time,
        id_issuer: Issuer | None = None,
    ) -> None:
        """Set up the client.

        Args:
            headers: sent with every request (the sandbox's staging token).
            html_error: the error an HTML answer becomes (the sandbox's sign-in page means
                its staging token is missing or wrong).
            service: the provider's name, for the errors' messages ("the server" if not given).
            sender: sends each request under the token policy (a send that may have
                reached the server is never repeated); by default :data:`TOKEN_RETRY`, at the
                process's pace (:func:`~qonto_desktop.system.rate_limit.process_limiter`).
            now: the clock the token lifetimes start from, injectable for tests.
            id_issuer: verify the ID token of a code exchange against this issuer's keys;
                without it, an ID token is not read (no ``id_claims``).
        """
        self._service = service
        self._token_url = token_url
        self._revoke_url = revoke_url
        self._credentials = credentials
        self._headers = dict(headers or {})
        self._html_error = html_error
        self._timeout = timeout
        self._sender = sender or Sender(TOKEN_RETRY, limiter=process_limiter())
        self._now = now
        self._id_issuer = id_issuer

    def exchange_code(
        self,
        *,
        code: str,
        redirect_uri: str,
        code_verifier: str,
        requested_scopes: tuple[str, ...],
        nonce: str | None = None,
    ) -> TokenSet:
        """Redeem an authorization code (RFC 6749 §4.1.3 with RFC 7636 §4.5).

        An ID token in the answer is verified (signature, issuer, audience, expiry, ``nonce``)
        before the tokens are handed back; when it fails, the grant is revoked at once.

        Args:
            nonce: the ``nonce`` the authorization request carried, which the ID token must echo.

        Raises:
            TokenError: the server refused (a subclass per RFC 6749 §5.2 code).
            IdTokenError: the ID token failed a check (the tokens were revoked, best effort).
            OutcomeUnknownError: the request may have reached the server; it is never resent.
            NetworkError, RateLimitedError, ServiceUnavailableError, ResponseFormatError.
        """
        data = self._call(
            lambda session: session.fetch_token(
                self._token_url,
                grant_type="authorization_code",
                code=code,
                redirect_uri=redirect_uri,
                code_verifier=code_verifier,
                **self._request_options(),
            )
        )
        tokens = self._token_set(data, requested_scopes)
        issuer = self._id_issuer
        if tokens.id_token is None or issuer is None:
            return tokens
        try:
            claims = self._verified_claims(issuer, tokens.id_token, nonce)
            return replace(tokens, id_claims=claims)
        except OAuthError:
            self._revoke_unwanted(tokens)
            raise

    def fetch_keys_ahead(self) -> None:
        """Fetch the issuer's keys on a thread of their own while the user signs in.

        The exchange then needs only the token request, so a Cancel or a close right after
        the browser came back waits for one answer at most. A failure is left for the
        exchange to meet and report; the thread is bounded by the request's timeout.
        """
        issuer = self._id_issuer
        if issuer is None:
            return
        threading.Thread(
            target=self._fetch_keys, args=(issuer,), name="oauth-keys", daemon=True
        ).start()

    def _fetch_keys(self, issuer: Issuer) -> None:
        from qonto_desktop.oauth import id_token as verifier  # noqa: PLC0415  (sign-in only)

        fetch = verifier.http_fetch(
            headers=self._headers,
            html_error=self._html_error,
            service=self._service,
            timeout=self._timeout,
        )
        try:
            verifier.key_set(issuer.jwks_url, fetch)
        except QontoDesktopError as exc:  # the exchange fetches again and says why
            log.debug("the issuer's keys could not be fetched ahead: %s", exc.code)

    def _verified_claims(self, issuer: Issuer, id_token: str, nonce: str | None) -> dict[str, Any]:
        """The ID token's claims once verified; the verifier and its key cache load only now."""
        from qonto_desktop.oauth import id_token as verifier  # noqa: PLC0415  (sign-in only)

        expected = verifier.Expected(
            issuer=issuer.issuer,
            client_id=self._credentials.client_id,
            nonce=nonce,
            jwks_url=issuer.jwks_url,
        )
        fetch = verifier.http_fetch(
            headers=self._headers,
            html_error=self._html_error,
            service=self._service,
            timeout=self._timeout,
        )
        try:
            return verifier.verify(id_token, expected, fetch, self._now())
        except ResponseFormatError as exc:
            raise ResponseFormatError(detail=exc.detail, service=self._service) from None
        except verifier.IdTokenError as exc:
            raise verifier.IdTokenError(detail=exc.detail, service=self._service) from None

    def _revoke_unwanted(self, tokens: TokenSet) -> None:
        """End a grant that will not be used, best effort (the refresh token ends it whole)."""
        token, hint = (
            (tokens.refresh_token, "refresh_token")
            if tokens.refresh_token
            else (tokens.access_token, "access_token")
        )
        try:
            self.revoke(token, token_type_hint=hint)
        except QontoDesktopError as exc:
            log.warning("a refused grant was not revoked (%s); it lasts until it expires", exc.code)

    def refresh(self, refresh_token: str, *, previous_scopes: tuple[str, ...]) -> TokenSet:
        """Trade a refresh token for new tokens (RFC 6749 §6); the server may rotate it.

        Raises:
            InvalidGrantError: the refresh token expired, was rotated or revoked: reconnect.
            Same as :meth:`exchange_code` otherwise.
        """
        data = self._call(
            lambda session: session.refresh_token(
                self._token_url, refresh_token=refresh_token, **self._request_options()
            )
        )
        return self._token_set(data, previous_scopes)

    def revoke(self, token: str, *, token_type_hint: str) -> None:
        """Revoke a token (RFC 7009 §2.1); an unknown token counts as revoked (§2.2).

        Raises:
            Same as :meth:`exchange_code`.
        """
        response = self._call(
            lambda session: session.revoke_token(
                self._revoke_url,
                token=token,
                token_type_hint=token_type_hint,
                **self._request_options(),
            )
        )
        answers.check(
            response, html_error=self._html_error, expect_json=False, service=self._service
        )

    def _request_options(self) -> dict[str, Any]:
        return {
            "headers": {
                "Accept": "application/json",
                "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
                **self._headers,
            },
            "timeout": self._timeout,
            "allow_redirects": False,  # a redirect is the sandbox's sign-in page, not an answer
        }

    def _check(self, response: requests.Response) -> requests.Response:
        answers.check(
            response, html_error=self._html_error, expect_json=True, service=self._service
        )
        return response

    def _token_set(self, data: Any, scopes: tuple[str, ...]) -> TokenSet:
        """The answer as a TokenSet; a malformed one is reported as this provider's."""
        try:
            return token_set(data, scopes, self._now())
        except ResponseFormatError as exc:
            raise ResponseFormatError(detail=exc.detail, service=self._service) from None

    def _call(self, request: Callable[[OAuth2Session], Any]) -> Any:
        """Run one request under the token policy; a transport failure becomes a typed error."""
        credentials = self._credentials
        method = "client_secret_post" if credentials.client_secret else "none"

        def send() -> Any:
            with new_session(
                lambda: OAuth2Session(
                    client_id=credentials.client_id,
                    client_secret=credentials.client_secret,
                    token_endpoint_auth_method=method,
                    revocation_endpoint_auth_method=method,
                )
            ) as session:
                session.register_compliance_hook("access_token_response", self._check)
                session.register_compliance_hook("refresh_token_response", self._check)
                return request(session)

        try:
            # POSTs: resent only while they never reached the server (system.http).
            return self._sender.send(send, idempotent=False)
        except requests.RequestException as exc:
            raise answers.network_error(exc, self._service) from None
