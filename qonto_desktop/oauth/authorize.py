"""The browser leg from end to end: listen, open the browser, wait, exchange the code.

The browser that brought the code back keeps waiting (boundedly) for the page that says how it
ended, so :func:`authorization` keeps the receiver open while the caller saves the tokens: the
caller reports success with :meth:`Authorized.report_saved`; an error that leaves the block (or
one it reports) becomes the failure page, with the error's message and next action.

The request asks the server to show its pages in the app's language: OpenID Connect Core
§3.1.2.1 ``ui_locales``, which a server that does not know it ignores (RFC 6749 §3.1).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.localize import Explained
from qonto_desktop.oauth.browser_wait import DEFAULT_TIMEOUT
from qonto_desktop.oauth.flow import (
    AuthorizationRequest,
    CodeExchanger,
    PendingAuthorization,
    finish,
    start,
)
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.tokenset import TokenSet


@dataclass(frozen=True)
class Authorized:
    """Tokens the server issued, and the browser still waiting to hear how it ended."""

    tokens: TokenSet = field(repr=False)
    receiver: Receiver = field(repr=False)

    def report_saved(self) -> None:
        """Tell the browser the connection is saved (say it only once it is)."""
        self.receiver.report_saved()

    def report_failed(self, error: Explained) -> None:
        """Tell the browser the connection failed: the error's message and next action."""
        self.receiver.report_failed(error)


@contextmanager
def authorization(
    request: AuthorizationRequest,
    tokens: CodeExchanger,
    open_browser: Callable[[str], object],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    language: str = "en",
    on_waiting: Callable[[Receiver, PendingAuthorization], None] | None = None,
) -> Iterator[Authorized]:
    """Run one authorization: the receiver listens BEFORE the browser opens.

    Args:
        request: what to ask for; its redirect URI's port may be 0 (any free port).
        tokens: the token client that redeems the code.
        open_browser: opens the authorization address (the one browser seam).
        on_waiting: told the receiver and the pending authorization once the browser is asked
            to open, so a caller can show the address or cancel from another thread.
        language: the app's language: the receiver's pages, and the ``ui_locales`` asked of
            the server (unless the request's extra parameters already name one).

    Yields:
        The tokens, with the browser waiting for the outcome until the block ends.

    Raises:
        PortUnavailableError: before any browser opens, when the port is taken or forbidden.
        OAuthError: timeout, cancel, refusal, wrong state, or a failed exchange.
    """
    receiver = Receiver(
        request.redirect_uri, timeout=timeout, language=language, service=request.service
    )
    extra = request.extra
    if all(name != "ui_locales" for name, _ in extra):
        extra = (*extra, ("ui_locales", language))
    with receiver:
        pending = start(replace(request, redirect_uri=receiver.redirect_uri, extra=extra))
        receiver.expect(pending.state)
        if on_waiting is not None:
            on_waiting(receiver, pending)
        open_browser(pending.url)
        params = receiver.wait()
        try:
            issued = finish(pending, params, tokens)
            yield Authorized(issued, receiver)
        except Exception as exc:
            receiver.report_failed(exc if isinstance(exc, QontoDesktopError) else _unexpected())
            raise


def authorize(
    request: AuthorizationRequest,
    tokens: CodeExchanger,
    open_browser: Callable[[str], object],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    language: str = "en",
    on_waiting: Callable[[Receiver, PendingAuthorization], None] | None = None,
) -> TokenSet:
    """:func:`authorization` for a caller that saves nothing: the page says it is finishing."""
    with authorization(
        request, tokens, open_browser, timeout=timeout, language=language, on_waiting=on_waiting
    ) as authorized:
        return authorized.tokens


def _unexpected() -> QontoDesktopError:
    return QontoDesktopError()  # "Something went wrong" and what to do: nothing more is known
