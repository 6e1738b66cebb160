"""Which page tells the browser how its sign-in ended, and the words put into it.

The receiver decides when; this module decides what: the app's report (saved, failed, nothing
yet) or the server's ``error=`` answer, worded for a person in the page's language, with the
server's codes kept for the page's "Details". Every value is made safe here and escaped by
:func:`qonto_desktop.oauth.pages.render`.
"""

from __future__ import annotations

from typing import Final

from qonto_desktop.i18n.display import safe_text
from qonto_desktop.i18n.localize import Explained, localize
from qonto_desktop.i18n.message import Text
from qonto_desktop.oauth.errors import AUTHORIZATION_ERRORS, AuthorizationError

SAVED: Final = "saved"
FAILED: Final = "failed"
FINISHING: Final = "finishing"  # the app said nothing (yet)
_LIMIT: Final = 300  # characters of a reason or a next action: a page, not a log


def reported(kind: str, error: Explained | None, language: str) -> tuple[str, dict[str, str]]:
    """The page for the browser that brought the code, from the app's report.

    Returns:
        The page's name and its values.
    """
    if kind == SAVED:
        return "success", {}
    if kind == FAILED and error is not None:
        return "not-saved", _worded(error, language)
    return "finishing", {}


def refusal(
    error: str, description: str, language: str, service: Text | None
) -> tuple[str, dict[str, str]]:
    """The page for an ``error=`` answer: what happened in a person's words, the codes aside.

    Returns:
        ``refused`` for ``access_denied``, else ``failure`` with the app's own words for that
        error (RFC 6749 §4.1.2.1); both carry the code and the server's description.
    """
    codes = {"error": error[:200], "error_description": description[:1000]}
    if error == "access_denied":
        return "refused", codes
    cls = AUTHORIZATION_ERRORS.get(error, AuthorizationError)
    return "failure", codes | _worded(cls(service=service), language)


def _worded(error: Explained, language: str) -> dict[str, str]:
    message, next_action = localize(error, language)
    return {
        "reason": safe_text(message, limit=_LIMIT),
        "next_action": safe_text(next_action, limit=_LIMIT),
    }
