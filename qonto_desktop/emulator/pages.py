"""The emulator's HTML pages: sign-in, consent, errors. Everything echoed is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from qonto_desktop.emulator.authorize import AuthorizationRequest
from qonto_desktop.emulator.data import DemoUser, Organization
from qonto_desktop.emulator.scopes import describe

LOGIN_PATH = "/oauth2/auth/login"
CONSENT_PATH = "/oauth2/auth/consent"

_STYLE = """
body { font-family: system-ui, sans-serif; background: #f4f3ef; color: #1d1d1b; margin: 0; }
main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem;
       border-radius: 12px; box-shadow: 0 2px 12px rgba(0,0,0,.08); }
h1 { font-size: 1.4rem; } .hint { color: #5c5c57; font-size: .9rem; }
.error { color: #b3261e; } label { display: block; margin: .8rem 0 .2rem; }
input[type=email], input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
button { margin: 1rem .5rem 0 0; padding: .6rem 1.2rem; border-radius: 8px;
         border: 1px solid #1d1d1b; }
button.primary { background: #1d1d1b; color: #fff; }
"""


def _layout(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f'<body><main><p class="hint">Qonto emulator</p><h1>{escape(title)}</h1>'
        f"{body}</main></body></html>\n"
    )


def _error_line(error: str | None) -> str:
    return f'<p class="error" role="alert">{escape(error)}</p>' if error else ""


def error_page(message: str) -> str:
    """Return the page shown when an authorization request cannot be redirected."""
    body = (
        f'<p class="error" role="alert">{escape(message)}</p>'
        "<p>The application that sent you here is not set up correctly. "
        "You can close this tab.</p>"
    )
    return _layout("The request could not be processed", body)


def sign_in_page(challenge: str, user: DemoUser, error: str | None = None) -> str:
    """Return the sign-in form, filled in with the demo user's credentials."""
    body = (
        f"{_error_line(error)}"
        f'<form method="post" action="{LOGIN_PATH}">'
        f'<input type="hidden" name="login_challenge" value="{escape(challenge)}">'
        '<label for="email">E-mail</label>'
        f'<input id="email" type="email" name="email" value="{escape(user.email)}" required>'
        '<label for="password">Password</label>'
        f'<input id="password" type="password" name="password" value="{escape(user.password)}">'
        f'<p class="hint">Demo account: {escape(user.email)} / password '
        f"<code>{escape(user.password)}</code></p>"
        '<button class="primary" type="submit" name="action" value="sign_in">Sign in</button>'
        '<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>'
        "</form>"
    )
    return _layout("Sign in to Qonto", body)


def consent_page(
    challenge: str,
    request: AuthorizationRequest,
    organizations: Sequence[Organization],
    error: str | None = None,
) -> str:
    """Return the consent form: organization (unless fixed), permissions, Approve or Deny.

    Args:
        challenge: The consent challenge the form posts back.
        request: The authorization request being decided.
        organizations: The user's organizations; only the fixed one is shown if the
            request names one.
        error: A message to show above the form.
    """
    if request.user_flow:
        options = "".join(
            f'<label><input type="checkbox" name="{escape(ticked(org.id))}" checked> '
            f'{escape(org.name)} <span class="hint">({escape(org.legal_form)})</span></label>'
            for org in organizations
        )
        picker = (
            "<fieldset><legend>Choose the organizations this app may reach</legend>"
            f"{options}</fieldset>"
        )
    elif request.organization_id is not None:
        fixed = next(org for org in organizations if org.id == request.organization_id)
        picker = f"<p>Organization: <strong>{escape(fixed.name)}</strong></p>"
    else:
        options = "".join(
            f'<label><input type="radio" name="organization_id" value="{escape(org.id)}"'
            f"{' checked' if i == 0 else ''}> {escape(org.name)} "
            f'<span class="hint">({escape(org.legal_form)})</span></label>'
            for i, org in enumerate(organizations)
        )
        picker = f"<fieldset><legend>Choose an organization</legend>{options}</fieldset>"
    permissions = "".join(
        f'<li>{escape(describe(scope))} <span class="hint">({escape(scope)})</span></li>'
        for scope in request.scopes
    )
    body = (
        f"{_error_line(error)}"
        f"<p>The application <code>{escape(request.client.client_id)}</code> asks to:</p>"
        f"<ul>{permissions}</ul>"
        f'<form method="post" action="{CONSENT_PATH}">'
        f'<input type="hidden" name="consent_challenge" value="{escape(challenge)}">'
        f"{picker}"
        '<button class="primary" type="submit" name="action" value="approve">Approve</button>'
        '<button type="submit" name="action" value="deny">Deny</button>'
        "</form>"
    )
    return _layout("Allow access to your Qonto account?", body)


def ticked(organization_id: str) -> str:
    """The consent form's checkbox name for one organization (User OAuth flow)."""
    return f"organization.{organization_id}"


def sandbox_sign_in_page() -> str:
    """Return the page the sandbox answers when the staging token is missing or wrong."""
    body = (
        "<p>Sign in to the Qonto sandbox through the Developer Portal to continue.</p>"
        '<form method="get" action="/signin"><button type="submit">Sign in</button></form>'
    )
    return _layout("Sign in | Qonto", body)


def fault_page() -> str:
    """Return the page an ``html`` fault answers with."""
    return _layout("Qonto", "<p>Something went wrong. Please try again later.</p>")
