"""The browser leg of the flow: ``GET /oauth2/auth``, the sign-in page and the consent page."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal
from urllib.parse import parse_qsl

from qonto_desktop.emulator import pages
from qonto_desktop.emulator.authorize import (
    AuthorizationRequest,
    ErrorPage,
    ErrorRedirect,
    add_query,
    check_authorization_request,
)
from qonto_desktop.emulator.challenges import Challenges
from qonto_desktop.emulator.clients import ClientRegistry
from qonto_desktop.emulator.data import DemoUser, Organization
from qonto_desktop.emulator.grants import Consent, GrantStore
from qonto_desktop.emulator.issued import SECRET_AUTHORIZE_PARAMETERS
from qonto_desktop.emulator.messages import Request, Response, html_response, parse_form, redirect
from qonto_desktop.emulator.wording import pick

ConsentMode = Literal["interactive", "approve", "deny"]

# Pages carrying a challenge must not be cached or framed.
_PAGE_HEADERS = (("Cache-Control", "no-store"), ("X-Frame-Options", "DENY"))


class BrowserLeg:
    """Serves the pages the user's browser walks through.

    Args:
        clients: The registered clients.
        user: The demo user who signs in.
        organizations: The user's organizations.
        grants: Where authorization codes are issued.
        challenges: Where requests wait between pages.
        consent_mode: Returns the current consent mode on each request.
    """

    def __init__(
        self,
        *,
        clients: ClientRegistry,
        user: DemoUser,
        organizations: Sequence[Organization],
        grants: GrantStore,
        challenges: Challenges,
        consent_mode: Callable[[], ConsentMode],
    ) -> None:
        self._clients = clients
        self._user = user
        self._organizations = organizations
        self._grants = grants
        self._challenges = challenges
        self._consent_mode = consent_mode

    def authorize(self, request: Request) -> Response:
        """Answer ``GET /oauth2/auth``."""
        received = parse_qsl(request.query, keep_blank_values=True)
        asked = [value for name, value in received if name == "ui_locales"]
        language = pick(asked[0] if len(asked) == 1 else None, request.header("accept-language"))
        if request.method not in {"GET", "HEAD"}:
            message = "Use GET for the authorization endpoint."
            return _page(405, pages.error_page(message, language))
        self._grants.issued.add_fields(received, SECRET_AUTHORIZE_PARAMETERS)  # even if refused
        checked = check_authorization_request(request.query, self._clients, self._organizations)
        if isinstance(checked, ErrorPage):
            return _page(400, pages.error_page(checked.message, language))
        if isinstance(checked, ErrorRedirect):
            return redirect(checked.location)
        checked = replace(checked, language=language)
        mode = self._consent_mode()
        if mode != "interactive":
            return self._decide_at_once(checked, mode)
        challenge = self._challenges.open(checked, "login")
        return _page(200, pages.sign_in_page(challenge, self._user, language=language))

    def sign_in(self, request: Request) -> Response:
        """Answer the sign-in form (``POST /oauth2/auth/login``)."""
        form = _form(request)
        challenge = form.get("login_challenge", "") if form else ""
        pending = self._challenges.peek(challenge, "login") if form else None
        expired = "This sign-in has expired or was already used."
        if form is None or pending is None:
            return _page(400, pages.error_page(expired, _browser_language(request)))
        language = pending.language
        action = form.get("action", "sign_in")
        if action not in {"sign_in", "cancel"}:
            return _page(400, pages.error_page("Unknown action.", language))
        if action == "sign_in" and not self._credentials_match(form):
            wrong = "Wrong e-mail or password."
            return _page(200, pages.sign_in_page(challenge, self._user, wrong, language))
        if self._challenges.take(challenge, "login") is None:
            return _page(400, pages.error_page(expired, language))
        if action == "cancel":
            return _denied(pending)
        consent_challenge = self._challenges.open(pending, "consent")
        return _page(200, pages.consent_page(consent_challenge, pending, self._organizations))

    def decide(self, request: Request) -> Response:
        """Answer the consent form (``POST /oauth2/auth/consent``)."""
        form = _form(request)
        challenge = form.get("consent_challenge", "") if form else ""
        pending = self._challenges.peek(challenge, "consent") if form else None
        decided = "This request has expired or was already decided."
        if form is None or pending is None:
            return _page(400, pages.error_page(decided, _browser_language(request)))
        action = form.get("action")
        if action not in {"approve", "deny"}:
            return _page(400, pages.error_page("Unknown action.", pending.language))
        organization_id = pending.organization_id or form.get("organization_id", "")
        ticked = tuple(o.id for o in self._organizations if form.get(pages.ticked(o.id)) == "on")
        refusal = self._refusal(pending, organization_id, ticked)
        if action == "approve" and refusal is not None:
            page = pages.consent_page(challenge, pending, self._organizations, refusal)
            return _page(200, page)
        if self._challenges.take(challenge, "consent") is None:
            return _page(400, pages.error_page(decided, pending.language))
        if action == "deny":
            return _denied(pending)
        return self._approve(pending, organization_id, ticked if pending.user_flow else ())

    def _decide_at_once(self, request: AuthorizationRequest, mode: ConsentMode) -> Response:
        """The ``approve`` and ``deny`` modes: approve ticks every organization (user flow)."""
        if mode == "deny":
            return _denied(request)
        if request.user_flow:
            return self._approve(request, "", tuple(o.id for o in self._organizations))
        return self._approve(request, request.organization_id or self._organizations[0].id)

    def _refusal(
        self, request: AuthorizationRequest, organization_id: str, ticked: tuple[str, ...]
    ) -> str | None:
        """Why an approval cannot be taken as posted, or None."""
        if request.user_flow:
            return None if ticked else "Choose at least one organization."
        known = organization_id in {o.id for o in self._organizations}
        return None if known else "Choose one of your organizations."

    def _credentials_match(self, form: dict[str, str]) -> bool:
        email_ok = form.get("email", "").strip().lower() == self._user.email.lower()
        password_ok = hmac.compare_digest(
            form.get("password", "").encode(), self._user.password.encode()
        )
        return email_ok and password_ok

    def _approve(
        self,
        request: AuthorizationRequest,
        organization_id: str,
        organization_ids: tuple[str, ...] = (),
    ) -> Response:
        code = self._grants.issue_code(
            Consent(
                client_id=request.client.client_id,
                redirect_uri=request.redirect_uri,
                scopes=request.scopes,
                user_id=self._user.id,
                organization_id=organization_id,
                code_challenge=request.code_challenge,
                nonce=request.nonce,
                organization_ids=organization_ids,
            )
        )
        # Hydra also echoes the granted scope next to code and state.
        params = {"code": code, "scope": " ".join(request.scopes), "state": request.state}
        return redirect(add_query(request.redirect_uri, params))


def _denied(request: AuthorizationRequest) -> Response:
    # RFC 6749 §4.1.2.1: access_denied when the resource owner refuses.
    refusal = ErrorRedirect(
        request.redirect_uri,
        "access_denied",
        "The resource owner denied the request.",
        request.state,
    )
    return redirect(refusal.location)


def _browser_language(request: Request) -> str:
    """The language of a page that belongs to no sign-in (any more): the browser's."""
    return pick(None, request.header("accept-language"))


def _page(status: int, page: str) -> Response:
    return html_response(status, page, _PAGE_HEADERS)


def _form(request: Request) -> dict[str, str] | None:
    if request.method != "POST" or request.media_type != "application/x-www-form-urlencoded":
        return None
    try:
        return parse_form(request.body.decode("utf-8"))
    except UnicodeDecodeError:
        return None
