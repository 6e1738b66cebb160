"""The browser leg without a browser: the emulator approves and its redirect is read directly."""

from __future__ import annotations

import contextlib
import threading
from concurrent.futures import Future

import requests

from qonto_desktop.emulator import DemoClient, Emulator
from qonto_desktop.oauth.callback import parse_query
from qonto_desktop.oauth.flow import AuthorizationRequest, PendingAuthorization, start

REDIRECT_URI = "http://127.0.0.1:52817/callback"  # registered by default; nothing listens


def approved_code(
    emulator: Emulator,
    scopes: tuple[str, ...],
    *,
    client: DemoClient | None = None,
) -> tuple[PendingAuthorization, str]:
    """Start an authorization, let the (auto-approving) emulator answer, return its code."""
    chosen = client or emulator.confidential_client
    pending = start(
        AuthorizationRequest(
            authorize_url=emulator.authorize_url,
            client_id=chosen.client_id,
            redirect_uri=REDIRECT_URI,
            scopes=scopes,
        )
    )
    answer = requests.get(pending.url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    code = parse_query(answer.headers["Location"].partition("?")[2]).code
    assert code
    return pending, code


class FollowingBrowser:
    """A stand-in browser that follows the approval in the background and keeps each page."""

    def __init__(self) -> None:
        self._loads: list[Future[str]] = []

    def open(self, url: str) -> bool:
        """Start loading ``url`` (following Qonto's redirect to the loopback), like a browser."""
        loaded: Future[str] = Future()
        threading.Thread(target=_keep, args=(url, loaded), name="follow", daemon=True).start()
        self._loads.append(loaded)
        return True

    @property
    def answered(self) -> bool:
        """True once the last load got its page."""
        return bool(self._loads) and self._loads[-1].done()

    def last_page(self, timeout: float = 30.0) -> str:
        """The page the last load ended on, once the receiver answered it."""
        return self._loads[-1].result(timeout)


def _keep(url: str, loaded: Future[str]) -> None:
    try:
        loaded.set_result(requests.get(url, timeout=30).text)
    except requests.RequestException as exc:
        loaded.set_exception(exc)


def follow(url: str) -> bool:
    """Open ``url`` as a browser would, following the redirect to the app's loopback receiver.

    Like a real browser, in the background: the receiver holds the browser's request open until
    the app reports the outcome, which it does only after this returns.
    """
    threading.Thread(target=_load, args=(url,), name="follow", daemon=True).start()
    return True


def _load(url: str) -> None:
    with contextlib.suppress(requests.RequestException):  # a receiver already gone, say
        requests.get(url, timeout=30)
