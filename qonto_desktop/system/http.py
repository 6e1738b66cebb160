"""One HTTP policy for every call the app makes: sessions, resends, back-off and Retry-After.

The numbers live here and nowhere else. A request that may have reached the server is resent
only when it is idempotent (a GET): a code or refresh token presented twice can be refused or
revoke the grant (RFC 9700 §4.2.4), so token requests are resent only while they certainly never
left this computer. Requests to Qonto keep the process-wide pace of
:mod:`qonto_desktop.system.rate_limit` (a :class:`Limiter`).
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import requests
from urllib3.exceptions import NewConnectionError

from qonto_desktop.system.http_pool import mount_shared
from qonto_desktop.system.tls import trust_os_certificates

log = logging.getLogger(__name__)

T = TypeVar("T")
S = TypeVar("S", bound=requests.Session)

# (connect, read) seconds: a dead network fails fast, a slow Qonto still gets time to answer.
TIMEOUT = (10.0, 30.0)

# Jitter spreads the resends of many clients; it is not a secret, but one generator for all.
_RANDOM = random.SystemRandom()


@dataclass(frozen=True)
class RetryPolicy:
    """How often one request is sent, and how long to wait between sends.

    Attributes:
        attempts: sends in all, the first included.
        first_wait: the back-off before the first resend; it doubles with each resend.
        max_wait: the cap of any one wait. A longer ``Retry-After`` is not waited for: the
            answer goes back to the caller, whose error carries the wait for the user.
        statuses: answers worth resending, for idempotent requests only.
        jitter: the share of each back-off drawn at random (0: none).
        schedule: fixed waits instead of the doubling ones (one per resend).
    """

    attempts: int
    first_wait: float = 0.5
    max_wait: float = 5.0
    statuses: frozenset[int] = frozenset()
    jitter: float = 0.5
    schedule: tuple[float, ...] | None = None

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("attempts must be at least 1")
        if not 0 <= self.jitter <= 1:
            raise ValueError("jitter is a share between 0 and 1")
        if self.schedule is not None and len(self.schedule) != self.attempts - 1:
            raise ValueError("a schedule has one wait per resend")

    @classmethod
    def fixed(cls, waits: tuple[float, ...]) -> RetryPolicy:
        """A policy that waits exactly ``waits`` (one per resend) and resends no answer."""
        return cls(attempts=len(waits) + 1, max_wait=max(waits, default=0.0), schedule=waits)

    def backoff(self, resend: int, draw: Callable[[], float]) -> float:
        """The wait before resend number ``resend`` (1 for the first), capped at ``max_wait``."""
        if self.schedule is not None:
            return self.schedule[resend - 1]
        wait = min(self.max_wait, self.first_wait * 2.0 ** (resend - 1))
        return wait * (1 - self.jitter * draw())


# Token requests: only a send that never reached the server is repeated (see the module doc).
TOKEN_RETRY = RetryPolicy(attempts=3, first_wait=0.5, max_wait=4.0)
# Business API calls: a GET is also resent after a throttled or unavailable answer.
API_RETRY = RetryPolicy(attempts=3, first_wait=0.5, max_wait=5.0, statuses=frozenset({429, 503}))
# Reading bank data in bulk (sync, export): a throttled or failing answer is waited out rather
# than failing a client. Qonto documents no Retry-After (docs/qonto-facts.md, "Rate limits"): one
# sent is honoured up to the cap; else the waits double from 1 s (1, 2, 4, 8, 16 s), each drawn in
# its upper half so that many threads do not resend together, never more than 60 s.
BANK_DATA_RETRY = RetryPolicy(
    attempts=6, first_wait=1.0, max_wait=60.0, statuses=frozenset({429, 502, 503, 504})
)
NO_RETRY = RetryPolicy(attempts=1)


class Limiter(Protocol):
    """A pace shared by every request of the process (for bulk work within Qonto's limits)."""

    def acquire(self) -> None:
        """Block until one more request may be sent."""

    def hold(self, seconds: float) -> None:
        """The server asked for a pause: no request of the process goes out for ``seconds``."""


class Sender:
    """Sends one request under a :class:`RetryPolicy`, waiting between sends."""

    def __init__(
        self,
        policy: RetryPolicy,
        *,
        pause: Callable[[float], None] = time.sleep,
        now: Callable[[], float] = time.time,
        draw: Callable[[], float] = _RANDOM.random,
        limiter: Limiter | None = None,
    ) -> None:
        """Set up the sender; ``pause``, ``now`` and ``draw`` are injectable for tests."""
        self.policy = policy
        self._pause = pause
        self._now = now
        self._draw = draw
        self._limiter = limiter

    def send(self, request: Callable[[], T], *, idempotent: bool) -> T:
        """Run ``request`` until it gives an answer to keep, or the policy says stop.

        Args:
            request: one send; a :class:`requests.Response` it returns may be resent by status.
            idempotent: sending it twice does no harm (a GET), so it may be resent after it
                reached the server.

        Raises:
            requests.RequestException: the last transport failure, when no resend is allowed.
        """
        attempts = self.policy.attempts
        for attempt in range(1, attempts + 1):
            if self._limiter is not None:
                self._limiter.acquire()
            try:
                result = request()
            except requests.RequestException as exc:
                if attempt == attempts or not may_resend(exc, idempotent=idempotent):
                    raise
                wait = self.policy.backoff(attempt, self._draw)
                log.info("request failed before an answer, sending again (attempt %d)", attempt)
            else:
                answer = _resendable(result, self.policy, idempotent=idempotent)
                if answer is None or attempt == attempts:
                    return result
                asked = retry_after(answer, self._now())
                if asked is not None and asked > self.policy.max_wait:
                    return result  # too long to wait here: the caller reports it
                if asked is not None and self._limiter is not None:
                    self._limiter.hold(asked)
                wait = asked if asked is not None else self.policy.backoff(attempt, self._draw)
                log.info("HTTP %d, sending again (attempt %d)", answer.status_code, attempt)
                answer.close()
            self._pause(wait)
        raise AssertionError("unreachable")  # pragma: no cover


def _resendable(
    result: object, policy: RetryPolicy, *, idempotent: bool
) -> requests.Response | None:
    """The answer when it is one the policy resends, else None."""
    if not idempotent or not isinstance(result, requests.Response):
        return None
    return result if result.status_code in policy.statuses else None


def may_resend(exc: requests.RequestException, *, idempotent: bool) -> bool:
    """True when a failed send may be repeated: it never arrived, or repeating does no harm.

    A read timeout is not repeated even for a GET: the caller has already waited its whole
    read timeout, and a TLS failure would only fail again.
    """
    if never_reached(exc):
        return True
    if not idempotent or isinstance(exc, requests.exceptions.SSLError):
        return False
    return isinstance(exc, requests.ConnectionError) and not isinstance(exc, requests.Timeout)


def never_reached(exc: requests.RequestException) -> bool:
    """True when the request certainly did not reach the server, so resending it is safe.

    A refused or unresolved connection, or a connect timeout, sent nothing. A reset, a read
    timeout or a TLS failure may come after the server got the request.
    """
    if isinstance(exc, requests.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.SSLError | requests.exceptions.ProxyError):
        return False
    if isinstance(exc, requests.ConnectionError):
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        return isinstance(reason, NewConnectionError)
    return False


def retry_after(response: requests.Response, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (RFC 9110 §10.2.3), or None.

    Both forms count: whole seconds, and an HTTP-date (measured from ``now``). A date already
    past, a fraction or a negative number is no usable wait, as if the header were absent.
    """
    value = response.headers.get("Retry-After", "").strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:  # RFC 9110 §5.6.7: an HTTP-date is in GMT; "-0000" says unknown
        return None
    wait = when.timestamp() - (time.time() if now is None else now)
    return wait if wait > 0 else None


def new_session(make: Callable[[], S]) -> S:
    """A session (``make`` builds it) whose HTTPS is verified against the OS certificate store.

    It sends through the process's pool of connections (:mod:`qonto_desktop.system.http_pool`).
    """
    trust_os_certificates()
    session = make()
    mount_shared(session)
    return session
