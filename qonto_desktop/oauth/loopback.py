"""The one-shot loopback receiver that hears the browser come back from the sign-in service.

RFC 8252 §7.3: a native app receives the authorization response on a loopback redirect URI.
The receiver binds ``127.0.0.1:<port>`` before the browser opens (for a ``localhost`` redirect
URI also ``[::1]:<port>``, where the system has IPv6 on loopback: browsers may try it first),
answers every request with a small page, and completes once across its sockets: on the first
``GET`` to the callback path whose query carries a ``code`` or an ``error`` and the state of the
pending sign-in. Everything else is answered and ignored. The server runs an asyncio loop on its
own thread, so slow or hostile clients never block the genuine callback.

The browser that brought a code is told the truth: its request is held open until the app
reports the connection saved (:meth:`Receiver.report_saved`) or failed
(:meth:`Receiver.report_failed`), for at most ``page_wait`` seconds; then, or on a cancel, the
page says that Qonto answered and the app is finishing.

After a cancel the receiver lingers (``linger`` seconds, :data:`CANCEL_LINGER` by default): a
browser that comes back late with this sign-in's state is told the sign-in was cancelled, and
nothing completes. Every other request is answered as before. A new receiver on the same port
ends the lingering one (see :mod:`qonto_desktop.oauth.loopback_linger`).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import socket
import threading
from types import TracebackType
from typing import Final

from qonto_desktop.i18n.localize import Explained
from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth import loopback_linger, outcome_pages, pages
from qonto_desktop.oauth.browser_wait import DEFAULT_TIMEOUT
from qonto_desktop.oauth.callback import CallbackParams, parse_query
from qonto_desktop.oauth.errors import (
    AuthorizationCancelledError,
    AuthorizationTimeoutError,
    ConfigurationError,
    PortUnavailableError,
    ReceiverError,
)
from qonto_desktop.oauth.loopback_bind import IPV6_LOOPBACK, bind_loopback
from qonto_desktop.oauth.loopback_http import HeadRefused, Request
from qonto_desktop.oauth.loopback_linger import CANCEL_LINGER
from qonto_desktop.oauth.loopback_server import (
    LoopbackServer,
    Reply,
    bind_failure_reason,
)
from qonto_desktop.oauth.redirect import LOOPBACK_HOST, parse_redirect_uri

logger = logging.getLogger(__name__)


_ALLOW: Final = (("Allow", "GET, HEAD"),)
_Outcome = CallbackParams | ReceiverError
# How long the browser that brought a code waits for the app to say whether it was saved.
PAGE_WAIT: Final = 10.0


class Receiver:
    """Listens on the loopback redirect URI for the browser's one answer.

    Use it as a context manager: entering binds the port (so a busy port fails before any
    browser opens) and starts the serving thread; leaving stops it and frees the port.

    Example::

        with Receiver("http://127.0.0.1:52817/callback") as receiver:
            receiver.expect(pending.state)
            open_browser(pending.url)
            params = receiver.wait()
    """

    def __init__(
        self,
        redirect_uri: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        language: str = "en",
        service: str | None = None,
        page_wait: float = PAGE_WAIT,
        linger: float = CANCEL_LINGER,
    ) -> None:
        """Prepare a receiver; nothing is bound until it is entered.

        Args:
            redirect_uri: ``http://127.0.0.1:<port>/<path>`` or ``http://localhost:<port>/<path>``;
                port 0 picks a free port.
            timeout: seconds from entering until the receiver gives up.
            language: ``"en"`` or ``"fr"``, for the pages the browser shows.
            service: the provider's name, for the errors' messages.
            page_wait: how long the browser that brought a code waits for the outcome.
            linger: how long, after a cancel, a late browser is still told it was cancelled
                (0: the port is freed at once).

        Raises:
            ConfigurationError: a bad redirect URI, timeout or language.
        """
        address = parse_redirect_uri(redirect_uri, any_port=True, service=service)
        self._host, self._port, self._path = address.host, address.port, address.path
        self._configured_uri = redirect_uri
        self._service = service
        if language not in pages.LANGUAGES:
            raise ConfigurationError(
                Message(N_("No pages in language {language!r}."), language=language)
            )
        if not timeout > 0:
            raise ConfigurationError(
                N_("The sign-in timeout must be a positive number of seconds.")
            )
        self._timeout = timeout
        self._language = language
        self._page_wait = max(0.0, page_wait)
        self._linger = max(0.0, linger)
        self._lingers = False  # cancelled, and answering late browsers for a while
        self._closing = False
        self._timer: asyncio.TimerHandle | None = None
        self._report: tuple[str, Explained | None] | None = None
        self._reported = asyncio.Event()
        self._dual = False
        self._held = False
        self._hosts: frozenset[str] = frozenset()
        self._lock = threading.Lock()
        self._expected: str | None = None
        self._outcome: _Outcome | None = None
        self._settled = threading.Event()
        self._server = LoopbackServer(self._respond, self._refuse)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_open = False
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port; the one actually bound once entered (useful with port 0)."""
        return self._port

    @property
    def service(self) -> str | None:
        """The provider's name its errors show (None: "the server")."""
        return self._service

    @property
    def redirect_uri(self) -> str:
        """The redirect URI, with the port actually bound once entered."""
        return f"http://{self._host}:{self._port}{self._path}"

    @property
    def listens_on_ipv6(self) -> bool:
        """True once entered when ``[::1]`` is served too (``localhost`` with IPv6 loopback)."""
        return self._dual

    def __enter__(self) -> Receiver:
        """Bind the port and start serving.

        Raises:
            PortUnavailableError: the port is taken or forbidden.
        """
        if self._thread is not None or self._settled.is_set():
            raise RuntimeError("a Receiver serves one sign-in; create a new one")
        if self._port:  # a cancelled sign-in still lingering there gives the port up
            loopback_linger.hand_over(self._port)
        socks = self._bind()
        self._port = socks[0].getsockname()[1]
        self._dual = len(socks) > 1
        # RFC 8252 §8.3 and DNS rebinding: only our own origin may talk to the receiver.
        hosts = {f"{LOOPBACK_HOST}:{self._port}", f"localhost:{self._port}"}
        if self._dual:
            hosts.add(f"[{IPV6_LOOPBACK}]:{self._port}")
        self._hosts = frozenset(hosts)
        loop = asyncio.new_event_loop()
        self._loop, self._loop_open = loop, True
        self._thread = threading.Thread(
            target=self._run, args=(loop, socks), name=f"oauth-receiver-{self._port}", daemon=True
        )
        self._thread.start()
        logger.info("listening on %s%s", self.redirect_uri, " (IPv4, IPv6)" if self._dual else "")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop serving and free the port; after a cancel, only once the linger is over."""
        with self._lock:
            lingers = self._lingers
        if not lingers:
            self.close()

    def expect(self, state: str) -> None:
        """Set the state of the pending authorization; until then every answer is refused.

        Raises:
            ConfigurationError: an empty state.
        """
        if not state:
            raise ConfigurationError(N_("The sign-in state must not be empty."))
        with self._lock:
            self._expected = state

    def wait(self, timeout: float | None = None) -> CallbackParams:
        """Block until the browser's answer, the timeout or a cancel.

        Later calls give the same outcome again: there is never a second answer. After a code,
        the receiver keeps the browser's request open until :meth:`report_saved`,
        :meth:`report_failed`, ``page_wait`` or :meth:`close` (no new connection is accepted);
        after a cancel it lingers (see the module); after anything else it stops and frees the
        port here.

        Args:
            timeout: wait at most this many seconds; ``None`` waits for the receiver's own
                timeout (counted from entering).

        Returns:
            The parameters of the genuine callback; ``error`` is set when the server refused.

        Raises:
            AuthorizationTimeoutError: no answer in time.
            AuthorizationCancelledError: ``cancel()`` or ``close()`` was called.
            ReceiverError: the receiver stopped unexpectedly.
        """
        if self._thread is None:
            raise RuntimeError("enter the Receiver before waiting")
        if not self._settled.wait(timeout):
            self._settle(AuthorizationTimeoutError(service=self._service))
        with self._lock:
            outcome, held, lingers = self._outcome, self._held, self._lingers
        if held and isinstance(outcome, CallbackParams):
            return outcome  # the browser waits for the outcome; close() ends everything
        if not lingers:
            self.close()
        if isinstance(outcome, CallbackParams):
            return outcome
        assert outcome is not None  # noqa: S101 - _settled is only set with an outcome
        raise outcome.with_traceback(None)

    def report_saved(self) -> None:
        """Tell the waiting browser the connection is saved; safe from any thread, once."""
        self._tell((outcome_pages.SAVED, None))

    def report_failed(self, error: Explained) -> None:
        """Tell the waiting browser the connection failed, why and what to do; once."""
        self._tell((outcome_pages.FAILED, error))

    def offer(self, params: CallbackParams) -> bool:
        """Complete the sign-in with an answer that came another way: an address the user pasted.

        The same rules as for the browser apply: the right state, and only the first answer.

        Returns:
            True when it was this sign-in's answer and completed it; False changes nothing.
        """
        if not self._belongs(params) or not self._settle(params):
            return False
        logger.info("the answer arrived as a pasted address")
        self._wake()
        return True

    def cancel(self) -> None:
        """End a ``wait()`` promptly with ``AuthorizationCancelledError``; safe from any thread.

        A browser still waiting for the outcome is answered at once: the app is finishing. A
        cancel that ends the wait for the browser's answer leaves the receiver lingering.
        """
        cancelled = AuthorizationCancelledError(service=self._service)
        lingers = self._settle(cancelled, linger=True) and self._lingers
        self._tell((outcome_pages.FINISHING, None))
        if lingers:
            loopback_linger.add(self._port, self)  # before anyone can ask for the port again
            with self._lock:
                if self._loop is not None and self._loop_open:
                    self._loop.call_soon_threadsafe(self._begin_linger)
        else:
            self._wake()

    def close(self) -> None:
        """Stop serving (a linger too), close every socket, join the thread; safe again."""
        with self._lock:
            self._closing, self._lingers = True, False
        self.cancel()
        self._wake()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    # --- Between threads ----------------------------------------------------------------------

    def _settle(self, outcome: _Outcome, *, held: bool = False, linger: bool = False) -> bool:
        """Record the outcome unless one exists: the first one wins, forever.

        ``held``: it came with a browser request held open for the outcome page. ``linger``:
        a cancel, after which the receiver lingers if a browser was sent to sign in (decided
        here, before ``wait()`` can wake, so it never frees the port under a linger).
        """
        with self._lock:
            if self._outcome is not None:
                return False
            self._outcome = outcome
            self._held = held
            self._lingers = linger and self._may_linger()
        self._settled.set()
        return True

    def _tell(self, report: tuple[str, Explained | None]) -> None:
        """Record what the held browser page will say; the first report wins."""
        with self._lock:
            if self._report is not None:
                return
            self._report = report
            if self._loop is not None and self._loop_open:
                self._loop.call_soon_threadsafe(self._reported.set)

    def _wake(self) -> None:
        with self._lock:
            if self._loop is not None and self._loop_open:
                self._loop.call_soon_threadsafe(self._server.stop)

    def _bind(self) -> list[socket.socket]:
        try:
            return bind_loopback(self._host, self._port)
        except OSError as exc:
            reason = bind_failure_reason(exc)
            raise PortUnavailableError(
                self._port, self._configured_uri, reason=reason, service=self._service
            ) from exc

    # --- The receiver's thread ----------------------------------------------------------------

    def _run(self, loop: asyncio.AbstractEventLoop, socks: list[socket.socket]) -> None:
        self._timer = loop.call_later(self._timeout, self._expire)
        try:
            loop.run_until_complete(self._server.serve(*socks))
        except Exception as exc:  # a bug must still end wait(), never kill the thread silently
            logger.error("the receiver stopped on an unexpected %s", type(exc).__name__)
        finally:
            self._timer.cancel()
            loopback_linger.remove(self._port, self)
            stopped = N_("The app stopped listening for the browser's answer.")
            self._settle(ReceiverError(stopped, service=self._service))
            with self._lock:
                self._loop_open = False
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
            for sock in socks:
                sock.close()
            logger.info("stopped listening on port %d", self._port)

    def _expire(self) -> None:
        with self._lock:
            if self._lingers:
                return  # the linger has its own end
        self._settle(AuthorizationTimeoutError(service=self._service))
        self._server.stop()

    def _begin_linger(self) -> None:
        """After a cancel: keep answering for ``linger`` seconds, then stop (on the loop)."""
        with self._lock:
            if not self._lingers:
                return  # close() came first
        if self._timer is not None:
            self._timer.cancel()
        loop = asyncio.get_running_loop()
        self._timer = loop.call_later(self._linger, self._server.stop)
        logger.info("cancelled: a late browser is told so for %d s", round(self._linger))

    def _refuse(self, refused: HeadRefused) -> Reply:
        return Reply(self._page(refused.status, "bad-request"), refused.label)

    def _respond(self, request: Request) -> Reply:
        """Decide the answer to one complete request; complete the sign-in if it is the one."""
        if request.header("host") not in self._hosts:
            return Reply(self._page(400, "bad-request"), "wrong or missing Host")
        if request.method not in ("GET", "HEAD"):
            return Reply(self._page(405, "bad-request", extra=_ALLOW), "method not allowed")
        if request.is_prefetch:
            # Browsers load links speculatively; spending the one-shot answer on that would lose it.
            return Reply(pages.response(204), "prefetch ignored")
        head_only = request.method == "HEAD"
        path, _, query = request.target.partition("?")
        if path != self._path:
            return Reply(self._page(404, "not-found", head_only=head_only), "not found")
        if head_only:  # HEAD never completes: a check of the URL is not the browser's answer
            return Reply(pages.response(200, head_only=True), "head")
        return self._complete(parse_query(query))

    def _complete(self, params: CallbackParams) -> Reply:
        """Complete the sign-in with these parameters if they are its answer."""
        held = not params.error  # a code: the browser waits to hear how it ended
        belongs = self._belongs(params)
        if belongs and self._cancelled():
            # RFC 9110 §15.5.11: this sign-in is gone for good; nothing is exchanged or saved.
            return Reply(self._page(410, "cancelled"), "cancelled: a late answer")
        if not belongs or not self._settle(params, held=held):
            return Reply(self._page(400, "wrong-state"), "not this sign-in")
        if params.error:
            logger.info("the browser brought back an error answer")
            page, shown = outcome_pages.refusal(
                params.error, params.error_description or "", self._language, self._service
            )
            return Reply(self._page(200, page, values=shown), "completed (error)", final=True)
        logger.info("the browser brought back an authorization code")
        return Reply(b"", "completed (code)", final=True, later=self._outcome_page)

    async def _outcome_page(self) -> bytes:
        """The page for the browser that brought the code, once the app knows (bounded)."""
        with self._lock:
            reported = self._report is not None
        if self._page_wait > 0 and not reported:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._reported.wait(), self._page_wait)
        with self._lock:
            kind, error = self._report or (outcome_pages.FINISHING, None)
        page, shown = outcome_pages.reported(kind, error, self._language)
        return self._page(200, page, values=shown)

    def _may_linger(self) -> bool:
        """Whether a cancel now leaves the receiver lingering; call it holding the lock."""
        serving = self._loop is not None and self._loop_open
        sent = self._expected is not None  # only a browser sent to sign in can come back late
        return serving and sent and not self._closing and self._linger > 0

    def _cancelled(self) -> bool:
        with self._lock:
            return isinstance(self._outcome, AuthorizationCancelledError)

    def _belongs(self, params: CallbackParams) -> bool:
        with self._lock:
            expected = self._expected
        if expected is None or params.state is None or not params.is_answer:
            return False
        # RFC 6749 §10.12: the state ties the answer to this sign-in; compared in constant time.
        return hmac.compare_digest(params.state.encode(), expected.encode())

    def _page(
        self,
        status: int,
        page: str,
        *,
        head_only: bool = False,
        extra: tuple[tuple[str, str], ...] = (),
        values: dict[str, str] | None = None,
    ) -> bytes:
        body = pages.render(page, self._language, **(values or {}))
        return pages.response(status, body, head_only=head_only, extra_headers=extra)
