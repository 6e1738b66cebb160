"""The emulator's HTML pages: sign-in, consent, errors. Everything echoed is escaped.

Each page is written in English or French (``language``; see :mod:`.wording`); identifiers
(client IDs, scope names) stand in ``<code>``, as they read the same in both.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from qonto_desktop.emulator.authorize import AuthorizationRequest
from qonto_desktop.emulator.data import DemoUser, Organization
from qonto_desktop.emulator.scopes import describe
from qonto_desktop.emulator.wording import say

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


def _layout(title: str, body: str, language: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f'<body><main><p class="hint">{escape(say("Qonto emulator", language))}</p>'
        f"<h1>{escape(title)}</h1>{body}</main></body></html>\n"
    )


def _markup(text: str, language: str, **markup: str) -> str:
    """``text`` in ``language``, escaped, with ``{markup}`` put in as given (already safe)."""
    return escape(say(text, language)).format(**markup)


def _error_line(error: str | None) -> str:
    return f'<p class="error" role="alert">{escape(error)}</p>' if error else ""


def error_page(message: str, language: str = "en") -> str:
    """Return the page shown when an authorization request cannot be redirected.

    Args:
        message: one of the English texts :func:`.wording.say` knows.
        language: the page's language.
    """
    body = (
        f'<p class="error" role="alert">{escape(say(message, language))}</p>'
        "<p>"
        + escape(
            say(
                "The application that sent you here is not set up correctly. "
                "You can close this tab.",
                language,
            )
        )
        + "</p>"
    )
    return _layout(say("The request could not be processed", language), body, language)


def sign_in_page(
    challenge: str, user: DemoUser, error: str | None = None, language: str = "en"
) -> str:
    """Return the sign-in form, filled in with the demo user's credentials.

    ``error``: one of the English texts :func:`.wording.say` knows, shown above the form.
    """
    hint = _markup(
        "Demo account: {email} / password {password}",
        language,
        email=escape(user.email),
        password=f"<code>{escape(user.password)}</code>",
    )
    body = (
        f"{_error_line(say(error, language) if error else None)}"
        f'<form method="post" action="{LOGIN_PATH}">'
        f'<input type="hidden" name="login_challenge" value="{escape(challenge)}">'
        f'<label for="email">{escape(say("E-mail", language))}</label>'
        f'<input id="email" type="email" name="email" value="{escape(user.email)}" required>'
        f'<label for="password">{escape(say("Password", language))}</label>'
        f'<input id="password" type="password" name="password" value="{escape(user.password)}">'
        f'<p class="hint">{hint}</p>'
        '<button class="primary" type="submit" name="action" value="sign_in">'
        f"{escape(say('Sign in', language))}</button>"
        '<button type="submit" name="action" value="cancel" formnovalidate>'
        f"{escape(say('Cancel', language))}</button>"
        "</form>"
    )
    return _layout(say("Sign in to Qonto", language), body, language)


def consent_page(
    challenge: str,
    request: AuthorizationRequest,
    organizations: Sequence[Organization],
    error: str | None = None,
) -> str:
    """Return the consent form: organization (unless fixed), permissions, Approve or Deny.

    Args:
        challenge: The consent challenge the form posts back.
        request: The authorization request being decided; its ``language`` is the page's.
        organizations: The user's organizations; only the fixed one is shown if the
            request names one.
        error: One of the English texts :func:`.wording.say` knows, shown above the form.
    """
    language = request.language
    if request.user_flow:
        options = "".join(
            f'<label><input type="checkbox" name="{escape(ticked(org.id))}" checked> '
            f'{escape(org.name)} <span class="hint">({escape(org.legal_form)})</span></label>'
            for org in organizations
        )
        legend = escape(say("Choose the organizations this app may reach", language))
        picker = f"<fieldset><legend>{legend}</legend>{options}</fieldset>"
    elif request.organization_id is not None:
        fixed = next(org for org in organizations if org.id == request.organization_id)
        name = f"<strong>{escape(fixed.name)}</strong>"
        picker = f"<p>{_markup('Organization: {name}', language, name=name)}</p>"
    else:
        options = "".join(
            f'<label><input type="radio" name="organization_id" value="{escape(org.id)}"'
            f"{' checked' if i == 0 else ''}> {escape(org.name)} "
            f'<span class="hint">({escape(org.legal_form)})</span></label>'
            for i, org in enumerate(organizations)
        )
        legend = escape(say("Choose an organization", language))
        picker = f"<fieldset><legend>{legend}</legend>{options}</fieldset>"
    permissions = "".join(
        f"<li>{escape(describe(scope, language))} "
        f'<span class="hint">(<code>{escape(scope)}</code>)</span></li>'
        for scope in request.scopes
    )
    client = f"<code>{escape(request.client.client_id)}</code>"
    body = (
        f"{_error_line(say(error, language) if error else None)}"
        f"<p>{_markup('The application {client} asks to:', language, client=client)}</p>"
        f"<ul>{permissions}</ul>"
        f'<form method="post" action="{CONSENT_PATH}">'
        f'<input type="hidden" name="consent_challenge" value="{escape(challenge)}">'
        f"{picker}"
        '<button class="primary" type="submit" name="action" value="approve">'
        f"{escape(say('Approve', language))}</button>"
        '<button type="submit" name="action" value="deny">'
        f"{escape(say('Deny', language))}</button>"
        "</form>"
    )
    return _layout(say("Allow access to your Qonto account?", language), body, language)


def ticked(organization_id: str) -> str:
    """The consent form's checkbox name for one organization (User OAuth flow)."""
    return f"organization.{organization_id}"


def sandbox_sign_in_page(language: str = "en") -> str:
    """Return the page the sandbox answers when the staging token is missing or wrong."""
    body = (
        "<p>"
        + escape(
            say("Sign in to the Qonto sandbox through the Developer Portal to continue.", language)
        )
        + '</p><form method="get" action="/signin"><button type="submit">'
        + escape(say("Sign in", language))
        + "</button></form>"
    )
    return _layout(say("Sign in | Qonto", language), body, language)


def fault_page(language: str = "en") -> str:
    """Return the page an ``html`` fault answers with."""
    text = escape(say("Something went wrong. Please try again later.", language))
    return _layout("Qonto", f"<p>{text}</p>", language)
