"""One connection attempt, run on a worker thread and steered from the window.

The use case blocks while it waits for the browser; this object lets the window show the
address, open it again, pass on a pasted address, and cancel, all from the GUI thread. A grant
Qonto issued but that will not be saved (Cancel after the browser came back) is revoked on a
thread of its own, so that neither Cancel nor closing the window waits for Qonto.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from qonto_desktop.connections.attempt import Attempt
from qonto_desktop.connections.connect import connect_client
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import (
    AuthorizationCancelledError,
    QontoDesktopError,
    StateMismatchError,
)
from qonto_desktop.connections.grant import AbandonedGrant, revoke_abandoned
from qonto_desktop.connections.model import ConnectRequest
from qonto_desktop.ui import browser
from qonto_desktop.ui.workers import Workers


class ConnectFlow(QObject):
    """A running connection attempt. Only one should run at a time (Qonto's CSRF cookie).

    Signals (all delivered on the GUI thread):
        waiting(url, redirect_uri, deadline): listening; the browser was asked to open ``url``;
            ``deadline`` is a ``time.monotonic()`` value.
        answered(): Qonto sent the browser back (approved): the window comes to the front.
        succeeded(Connected or CompanyChoice), failed(QontoDesktopError): the end, exactly
            one of them.
    """

    waiting = Signal(str, str, float)
    answered = Signal()
    succeeded = Signal(object)
    failed = Signal(object)
    _open = Signal(str)

    def __init__(
        self,
        desk: Desk,
        workers: Workers,
        request: ConnectRequest,
        *,
        open_browser: Callable[[str], bool] = browser.open_url,
        use_case: Callable[..., object] = connect_client,
        parent: QObject | None = None,
    ) -> None:
        """Prepare the attempt; ``use_case`` is ``connect_client`` or, for Qonto's user access,
        ``companies.sign_in`` (``succeeded`` then carries the companies to pick from)."""
        super().__init__(parent)
        self._use_case = use_case
        self._desk = desk
        self._workers = workers
        self._request = request
        self._open_browser = open_browser
        self._lock = threading.Lock()
        self._attempt: Attempt | None = None
        self._url = ""
        self._cancelled = False
        self._running = False
        self._open.connect(self._open_in_browser)

    @property
    def running(self) -> bool:
        """True from ``start`` until ``succeeded`` or ``failed``."""
        return self._running

    @property
    def url(self) -> str:
        """The authorization address, once waiting (to copy or open again)."""
        return self._url

    def start(self) -> None:
        """Begin: checks first, then the receiver, then the browser."""
        self._running = True
        self._workers.run(self._work, self._succeed, self._fail)

    def cancel(self) -> None:
        """Stop waiting; ``failed`` follows with a cancellation. Safe at any moment."""
        with self._lock:
            self._cancelled = True
            attempt = self._attempt
        if attempt is not None:
            attempt.cancel()

    def open_again(self) -> bool:
        """Ask the browser to open the address once more."""
        return bool(self._url) and self._open_browser(self._url)

    def offer_pasted(self, address: str) -> None:
        """Complete the attempt with the address the browser ended on.

        Raises:
            CallbackFormatError: not a Qonto answer at all.
            StateMismatchError: an answer, but to another attempt (or this one is over).
        """
        with self._lock:
            attempt = self._attempt
        if attempt is None:
            raise StateMismatchError()
        attempt.offer_pasted(address)

    # --- On the worker thread ------------------------------------------------------------

    def _work(self) -> object:
        return self._use_case(
            self._desk,
            self._request,
            self._hop_to_browser,
            on_waiting=self._listening,
            on_abandoned=self._revoke_elsewhere,
            checkpoint=self._stop_if_cancelled,
        )

    def _revoke_elsewhere(self, grant: AbandonedGrant) -> None:
        """Revoke a grant that will not be saved, on a thread of its own.

        Not on the worker: Cancel and closing wait for the worker, never for this. The thread
        is not a daemon, so a revocation under way when the window closes still gets its
        answer (bounded by the HTTP timeouts) before the process exits.
        """
        threading.Thread(
            target=revoke_abandoned,
            args=(grant,),
            name="revoke-abandoned-grant",
        ).start()

    def _stop_if_cancelled(self, step: str) -> None:
        with self._lock:
            cancelled = self._cancelled
        if cancelled:  # the browser had come back: stop before the next step, save nothing
            raise AuthorizationCancelledError()
        if step == "authorized":  # the first step after Qonto's answer came back
            self.answered.emit()

    def _listening(self, attempt: Attempt) -> None:
        with self._lock:
            self._attempt = attempt
            cancelled = self._cancelled
        if cancelled:
            attempt.cancel()
            return
        self._url = attempt.url
        deadline = time.monotonic() + self._request.timeout
        self.waiting.emit(attempt.url, attempt.redirect_uri, deadline)

    def _hop_to_browser(self, url: str) -> bool:
        self._open.emit(url)  # the desktop's browser is opened from the GUI thread
        return True

    # --- On the GUI thread ---------------------------------------------------------------

    def _open_in_browser(self, url: str) -> None:
        self._open_browser(url)

    def _succeed(self, connection: object) -> None:
        self._running = False
        self.succeeded.emit(connection)

    def _fail(self, error: QontoDesktopError) -> None:
        self._running = False
        with self._lock:
            cancelled = self._cancelled
        self.failed.emit(AuthorizationCancelledError() if cancelled else error)
