"""An issuer's signing keys (a JSON Web Key Set, RFC 7517 §5), fetched once per process.

The keys change only when the issuer rotates them, so each address is fetched once and kept;
a token signed with a key id the kept set lacks makes one more fetch (OpenID Connect Core
§10.1.1: a rotated key is published before it is used).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import requests
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from qonto_desktop.i18n.message import Text
from qonto_desktop.oauth import answers
from qonto_desktop.oauth.errors import OAuthError, ResponseFormatError
from qonto_desktop.system.http import API_RETRY, TIMEOUT, Sender, new_session

Fetch = Callable[[str], Mapping[str, Any]]
"""Gets the JSON body of a key set's address."""

_lock = threading.Lock()
_kept: dict[str, KeySet] = {}


def key_set(url: str, fetch: Fetch, *, again: bool = False) -> KeySet:
    """The key set published at ``url``: the one kept, or fetched (``again``: fetched anew).

    Raises:
        ResponseFormatError: the answer is not a key set.
        OAuthError: the fetch failed (see :func:`http_fetch`).
    """
    with _lock:
        kept = None if again else _kept.get(url)
    if kept is not None:
        return kept
    body = fetch(url)
    try:
        keys = KeySet.import_key_set(body)  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError, KeyError):
        raise ResponseFormatError(detail="the key set cannot be read") from None
    with _lock:
        _kept[url] = keys
    return keys


def forget_all() -> None:
    """Drop every kept key set (for tests that start issuers with new keys at one address)."""
    with _lock:
        _kept.clear()


def http_fetch(
    *,
    headers: Mapping[str, str],
    html_error: type[OAuthError],
    service: Text | None,
    sender: Sender | None = None,
    timeout: tuple[float, float] = TIMEOUT,
) -> Fetch:
    """A :data:`Fetch` over HTTPS under the app's policy: a GET, so resent when it may be.

    Args:
        headers: sent with the request (the sandbox's staging token).
        html_error: what a web page instead of JSON means.
        service: the provider's name, for the errors' messages.
    """
    chosen = sender or Sender(API_RETRY)

    def fetch(url: str) -> Mapping[str, Any]:
        def send() -> requests.Response:
            with new_session(requests.Session) as session:
                return session.get(
                    url,
                    headers={"Accept": "application/json", **headers},
                    timeout=timeout,
                    allow_redirects=False,
                )

        try:
            response = chosen.send(send, idempotent=True)
        except requests.RequestException as exc:
            raise answers.network_error(exc, service) from None
        return answers.check(response, html_error=html_error, expect_json=True, service=service)

    return fetch
