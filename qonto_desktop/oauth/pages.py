"""What the loopback receiver sends back to the browser: small static pages and their headers.

The pages live in ``resources/pages/`` as ``string.Template`` files: ``layout.html`` holds the
shared frame and style, ``<page>.<language>.html`` the words. The pages that end a sign-in carry
one script, :data:`CLOSE_SCRIPT`, that tries to close their tab (browsers let a script close only a
tab whose history is that one page, so their words make sense when it stays open); the Content
Security Policy allows that script by its hash and no other.
"""

from __future__ import annotations

import base64
import hashlib
import html
from email.utils import formatdate
from functools import cache
from http import HTTPStatus
from string import Template
from typing import Final

from qonto_desktop.system.resources import resource_path

LANGUAGES: Final = ("en", "fr")
PAGES: Final = (
    "success",
    "not-saved",
    "finishing",
    "failure",
    "refused",
    "cancelled",
    "wrong-state",
    "not-found",
    "bad-request",
)
# The pages that end the sign-in: they try to close their tab (the app has the next step).
CLOSING: Final = frozenset({"success", "not-saved", "finishing", "failure", "refused", "cancelled"})
# The one script any page runs, inlined; the policy below names its hash (CSP Level 3 §8.4).
# After a moment, so a glance at the browser still sees how it ended.
CLOSE_SCRIPT: Final = "setTimeout(function () { window.close(); }, 1500);"
_SCRIPT_HASH: Final = base64.b64encode(hashlib.sha256(CLOSE_SCRIPT.encode()).digest()).decode()

# Sent with every response, whatever its status.
SECURITY_HEADERS: Final[tuple[tuple[str, str], ...]] = (
    # RFC 9111 §5.2.2.5: the page answers a one-time sign-in; nothing may keep a copy.
    ("Cache-Control", "no-store"),
    # RFC 9700 §4.2: the callback URL carries the code; it must never leave in a Referer.
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    # No frame, no remote anything: the page's own inline style, data: images, and only the
    # one script whose hash is given (any other inline or injected script is refused).
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{_SCRIPT_HASH}'",
    ),
    ("Content-Type", "text/html; charset=utf-8"),
)


@cache
def _template(name: str) -> Template:
    return Template(resource_path("pages", name).read_text(encoding="utf-8"))


def render(page: str, language: str, **values: str) -> bytes:
    """Render one page in one language, HTML-escaping every value put into it.

    Args:
        page: one of ``PAGES``.
        language: one of ``LANGUAGES``.
        **values: the page's ``$placeholders`` (``failure`` takes ``reason``,
            ``next_action``, ``error`` and ``error_description``; ``refused`` the last two;
            ``not-saved`` the first two); each is escaped with ``html.escape(quote=True)``.

    Returns:
        The page, encoded as UTF-8.

    Raises:
        ValueError: unknown page or language.
        KeyError: a placeholder of the page was not given a value.
    """
    if page not in PAGES or language not in LANGUAGES:
        raise ValueError(f"no page {page!r} in language {language!r}")
    escaped = {name: html.escape(value, quote=True) for name, value in values.items()}
    content = _template(f"{page}.{language}.html").substitute(escaped)
    # ``content`` is our own template with escaped values: it goes into the frame as markup.
    script = f"<script>{CLOSE_SCRIPT}</script>" if page in CLOSING else ""
    frame = _template("layout.html").substitute(
        lang=language, page=page, content=content, script=script
    )
    return frame.encode("utf-8")


def response(
    status: int,
    body: bytes = b"",
    *,
    head_only: bool = False,
    extra_headers: tuple[tuple[str, str], ...] = (),
) -> bytes:
    """Build one complete HTTP/1.1 response, after which the connection closes.

    Args:
        status: the HTTP status code.
        body: the page; dropped for ``204`` and for answers to ``HEAD``.
        head_only: answer a ``HEAD`` request: headers only, no ``Content-Length``
            (RFC 9110 §9.3.2 lets a server omit the header fields only known from the body).
        extra_headers: more header fields, e.g. ``Allow`` for ``405``.

    Returns:
        The bytes to write to the socket.
    """
    phrase = HTTPStatus(status).phrase
    headers = [*SECURITY_HEADERS, *extra_headers, ("Date", formatdate(usegmt=True))]
    # RFC 9110 §15.3.5: a 204 has no content, so neither a body nor its length.
    send_body = not head_only and status != HTTPStatus.NO_CONTENT
    if send_body:
        headers.append(("Content-Length", str(len(body))))
    # One response per connection: the receiver never reads a second request.
    headers.append(("Connection", "close"))
    head = f"HTTP/1.1 {status} {phrase}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    return (head + "\r\n").encode("ascii") + (body if send_body else b"")
