"""The browser leg from end to end: listen, open the browser, wait, exchange the code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from qonto_desktop.oauth.flow import (
    AuthorizationRequest,
    CodeExchanger,
    PendingAuthorization,
    finish,
    start,
)
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.redirect import DEFAULT_TIMEOUT
from qonto_desktop.oauth.tokenset import TokenSet


def authorize(
    request: AuthorizationRequest,
    tokens: CodeExchanger,
    open_browser: Callable[[str], object],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    language: str = "en",
    on_waiting: Callable[[Receiver, PendingAuthorization], None] | None = None,
) -> TokenSet:
    """Run one authorization: the receiver listens BEFORE the browser opens.

    Args:
        request: what to ask for; its redirect URI's port may be 0 (any free port).
        tokens: the token client that redeems the code.
        open_browser: opens the authorization address (the one browser seam).
        on_waiting: told the receiver and the pending authorization once the browser is asked
            to open, so a caller can show the address or cancel from another thread.

    Raises:
        PortUnavailableError: before any browser opens, when the port is taken or forbidden.
        OAuthError: timeout, cancel, refusal, wrong state, or a failed exchange.
    """
    receiver = Receiver(
        request.redirect_uri, timeout=timeout, language=language, service=request.service
    )
    with receiver:
        pending = start(replace(request, redirect_uri=receiver.redirect_uri))
        receiver.expect(pending.state)
        if on_waiting is not None:
            on_waiting(receiver, pending)
        open_browser(pending.url)
        params = receiver.wait()
    return finish(pending, params, tokens)
