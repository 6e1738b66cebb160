"""Routing of one request: rate limits and bank switches, faults, the sandbox gate, the endpoint."""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from qonto_desktop.emulator import pages
from qonto_desktop.emulator.api import (
    CONSENTS_PATH,
    MEMBERSHIP_PATH,
    ORGANIZATION_PATH,
    USER_ORGANIZATIONS_PATH,
    BusinessApi,
    not_found,
)
from qonto_desktop.emulator.bank_routes import BankRoutes
from qonto_desktop.emulator.browser import BrowserLeg
from qonto_desktop.emulator.discovery import DISCOVERY_PATH, JWKS_PATH, Discovery
from qonto_desktop.emulator.faults import Fault, Faults
from qonto_desktop.emulator.messages import (
    Request,
    Response,
    api_error,
    html_response,
    json_response,
    oauth_error,
)
from qonto_desktop.emulator.pages import CONSENT_PATH, LOGIN_PATH
from qonto_desktop.emulator.token_endpoint import TokenEndpoints
from qonto_desktop.emulator.wording import pick

logger = logging.getLogger(__name__)

AUTHORIZE_PATH = "/oauth2/auth"
TOKEN_PATH = "/oauth2/token"
REVOKE_PATH = "/oauth2/revoke"
STAGING_HEADER = "X-Qonto-Staging-Token"

Handler = Callable[[Request], Response]
ONELOGIN_URL = "https://qonto.onelogin.com/login"


class Application:
    """Turns requests into responses; the HTTP server only carries bytes.

    Args:
        browser: The authorization and consent pages.
        tokens: The token and revocation endpoints.
        api: The Business API.
        discovery: The issuer's keys and metadata.
        faults: The faults tests switch on.
        staging_token: The sandbox staging token every non-browser request must carry;
            ``None`` outside sandbox mode.
        stopping: Set when the emulator stops; cuts fault delays short.
        sign_in_redirects: Whether an unstaged request gets the 302 to OneLogin now, instead
            of the sign-in page with status 200 (Qonto documents both).
        bank: The bank data calls and downloads, their rate limits and switches.
    """

    def __init__(
        self,
        *,
        browser: BrowserLeg,
        tokens: TokenEndpoints,
        api: BusinessApi,
        discovery: Discovery,
        faults: Faults,
        staging_token: str | None,
        stopping: threading.Event,
        sign_in_redirects: Callable[[], bool] = lambda: False,
        bank: BankRoutes | None = None,
    ) -> None:
        self._routes: dict[str, tuple[str, Handler]] = {
            AUTHORIZE_PATH: ("auth", browser.authorize),
            LOGIN_PATH: ("auth", browser.sign_in),
            CONSENT_PATH: ("auth", browser.decide),
            TOKEN_PATH: ("token", tokens.token),
            REVOKE_PATH: ("revoke", tokens.revoke),
            JWKS_PATH: ("jwks", discovery.jwks),
            DISCOVERY_PATH: ("discovery", discovery.configuration),
            ORGANIZATION_PATH: ("organization", api.organization),
            MEMBERSHIP_PATH: ("membership", api.membership),
            CONSENTS_PATH: ("consents", api.revoke_consent),
            USER_ORGANIZATIONS_PATH: ("user_organizations", api.user_organizations),
        }
        self._faults = faults
        self._staging_token = staging_token
        self._stopping = stopping
        self._sign_in_redirects = sign_in_redirects
        self._bank = bank

    def handle(self, request: Request) -> Response | None:
        """Answer one request; ``None`` means close the connection without an answer."""
        gated = self._bank.gate(request) if self._bank is not None else None
        if gated is not None:
            return gated
        routed = self._bank.route(request.path) if self._bank is not None else None
        known: tuple[str | None, Handler] | None = routed or self._routes.get(request.path)
        name, handler = known or (None, not_found)
        fault = self._faults.take(name) if name is not None else None
        if fault is not None:
            logger.info("fault on %s", name)
            self._stopping.wait(fault.delay)
            if fault.drop:
                return None
            injected = _injected(fault, oauth=name in {"auth", "token", "revoke"})
            if injected is not None:
                return injected
        # Downloads are presigned addresses: nothing but the URL is asked for.
        if name not in {"auth", "files"} and not self._staged(request):
            return self._unstaged(request)
        response = handler(request)
        if fault is not None and fault.missing_fields:
            return _without(response, fault.missing_fields)
        return response

    def _unstaged(self, request: Request) -> Response:
        # Qonto's sandbox answers its OneLogin sign-in, not JSON, without the staging token:
        # https://docs.qonto.com/guides/developer-portal/sandbox-access
        if self._sign_in_redirects():
            return Response(302, b"", None, (("Location", ONELOGIN_URL),))
        language = pick(None, request.header("accept-language"))
        return html_response(200, pages.sandbox_sign_in_page(language))

    def _staged(self, request: Request) -> bool:
        if self._staging_token is None:
            return True
        sent = request.header(STAGING_HEADER)
        return sent is not None and hmac.compare_digest(sent.encode(), self._staging_token.encode())


def _injected(fault: Fault, *, oauth: bool) -> Response | None:
    if fault.rate_limited:
        # Qonto documents the 429, not its body or headers: its error shape, and Retry-After
        # (RFC 6585 §4, RFC 9110 §10.2.3), which the client honours when present.
        return api_error(
            429, "too_many_requests", "Too many requests", headers=(("Retry-After", "10"),)
        )
    if fault.status is not None:
        if oauth:
            default = "server_error" if fault.status >= 500 else "invalid_request"
            error = fault.oauth_error or default
            return oauth_error(fault.status, error, f"Injected fault: HTTP {fault.status}.")
        return api_error(fault.status, fault.api_code or f"http_{fault.status}", fault.detail)
    if fault.html:
        return html_response(200, pages.fault_page())
    if fault.malformed_json:
        return Response(200, b'{"access_token": "ory_at_', "application/json; charset=utf-8")
    return None


def _without(response: Response, fields: tuple[str, ...]) -> Response:
    """Remove keys from a JSON answer, or query parameters from a redirect."""
    location = response.header("location")
    if location is not None:
        parts = urlsplit(location)
        kept = [
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in fields
        ]
        others = [(k, v) for k, v in response.headers if k.lower() != "location"]
        stripped = urlunsplit(parts._replace(query=urlencode(kept)))
        headers = (*others, ("Location", stripped))
        return Response(response.status, response.body, response.content_type, headers)
    if response.status >= 300 or not (response.content_type or "").startswith("application/json"):
        return response
    payload = json.loads(response.body)
    for dotted in fields:
        *parents, last = dotted.split(".")
        target = payload
        for key in parents:
            target = target.get(key) if isinstance(target, dict) else None
        if isinstance(target, dict):
            target.pop(last, None)
    return json_response(response.status, payload, response.headers)
