"""The Qonto emulator: a local, strict stand-in for Qonto's OAuth server and Business API."""

from __future__ import annotations

import logging
import secrets
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import get_args

from qonto_desktop.emulator.api import BusinessApi
from qonto_desktop.emulator.app import AUTHORIZE_PATH, REVOKE_PATH, TOKEN_PATH, Application
from qonto_desktop.emulator.bank import Bank
from qonto_desktop.emulator.bank_api import current
from qonto_desktop.emulator.browser import BrowserLeg, ConsentMode
from qonto_desktop.emulator.challenges import Challenges
from qonto_desktop.emulator.clients import ClientRegistry, DemoClient
from qonto_desktop.emulator.clock import Clock, SystemClock
from qonto_desktop.emulator.data import (
    DEMO_ORGANIZATIONS,
    DEMO_USER,
    Answering,
    DemoUser,
    Organization,
    generated_organizations,
)
from qonto_desktop.emulator.discovery import JWKS_PATH, Discovery
from qonto_desktop.emulator.extra_accounts import with_second_account
from qonto_desktop.emulator.faults import Faults
from qonto_desktop.emulator.grants import ACCESS_TOKEN_LIFETIME, GrantStore
from qonto_desktop.emulator.idtoken import IdTokenSigner
from qonto_desktop.emulator.rate_limits import QONTO_LIMITS, RateLimits
from qonto_desktop.emulator.server import LOOPBACK, EmulatorServer, ServerThread
from qonto_desktop.emulator.token_endpoint import TokenEndpoints

logger = logging.getLogger(__name__)

DEFAULT_PER_MONTH = 40
"""Transactions a month per account in demos and tests: enough to page (the emulator's choice)."""


class Emulator:
    """Qonto's OAuth server (Ory Hydra behaviour) and Business API, on 127.0.0.1.

    Use it as a context manager: entering starts it on a thread, leaving stops it and
    joins every thread it started.

    Args:
        port: The port to bind; 0 picks a free one.
        sandbox: Require ``X-Qonto-Staging-Token`` on token, revoke and API requests.
        consent_mode: ``interactive`` shows sign-in and consent pages; ``approve`` and
            ``deny`` decide at once.
        clock: Where every expiry reads the time; the system clock by default.
        staging_token: The sandbox staging token; generated when sandbox and ``None``.
        redirect_uris: Redirect URIs registered for every demo client besides the defaults.
        access_token_lifetime: Seconds an access token lives (Qonto: 3600); tests shorten it
            (``access_token_lifetime`` may be changed while running).
        extra_organizations: How many generated organizations the user has besides the three
            demo ones (tests of many connections); the same ones on every run.
        amounts_as_strings: Write amounts as decimal strings, as public clients report them
            (``amounts_as_strings`` may be changed while running).
        sign_in_redirects: In sandbox mode, answer a request without the staging token with
            the 302 to OneLogin Qonto documents, instead of the sign-in page (changeable while
            running).
        transactions_per_month: About how many transactions each account has a month (the
            bench asks for 300).
        rate_limits: (requests, seconds) allowed per client IP on ``/v2/...``; Qonto's by
            default, empty for none.
        two_accounts: Give each generated organization a second account (the bench's 300
            clients with two accounts each).

    Attributes:
        member_role: The role the signed-in member has in every organization (``accountant``
            by default); ``manager`` sees no balances, ``employee`` may not read the
            organization (403). May be changed while running.
        bank_switches: The bank data calls' faults (latency, 503s, 429 storms, expired URLs,
            cut downloads, ``Retry-After`` on a 429).
    """

    def __init__(
        self,
        *,
        port: int = 0,
        sandbox: bool = False,
        consent_mode: ConsentMode = "interactive",
        clock: Clock | None = None,
        staging_token: str | None = None,
        redirect_uris: Iterable[str] = (),
        access_token_lifetime: float = ACCESS_TOKEN_LIFETIME,
        extra_organizations: int = 0,
        amounts_as_strings: bool = False,
        sign_in_redirects: bool = False,
        transactions_per_month: int = DEFAULT_PER_MONTH,
        rate_limits: Sequence[tuple[int, float]] = QONTO_LIMITS,
        two_accounts: bool = False,
    ) -> None:
        self._requested_port = port
        self.sandbox = sandbox
        self.consent_mode = consent_mode
        self._clock: Clock = clock or SystemClock()
        if sandbox and staging_token is None:
            staging_token = secrets.token_urlsafe(24)
        self.staging_token = staging_token
        self._clients = ClientRegistry(redirect_uris)
        self.faults = Faults()
        self.user: DemoUser = DEMO_USER
        generated = generated_organizations(extra_organizations)
        if two_accounts:
            generated = tuple(with_second_account(org) for org in generated)
        self.organizations: tuple[Organization, ...] = DEMO_ORGANIZATIONS + generated
        self._grants = GrantStore(self._clock, access_token_lifetime=access_token_lifetime)
        self._challenges = Challenges(self._clock)
        self._server: EmulatorServer | None = None
        self._thread: ServerThread | None = None
        self._lock = threading.Lock()
        self.member_role: str = self.user.role
        self.amounts_as_strings = amounts_as_strings
        self.sign_in_redirects = sign_in_redirects
        limits = RateLimits(self._clock, rate_limits)
        self.rate_limits = limits.limits
        self._bank = Bank(self.organizations, self._clock, transactions_per_month, limits)
        self.bank_switches = self._bank.switches

    def change_transactions(self, bank_account_id: str, count: int, *, seed: int = 0) -> list[str]:
        """Change ``count`` recent transactions of an account, as Qonto users do.

        A pending one completes, a missing receipt arrives, or a note is corrected; each
        gets ``updated_at`` = the clock's now. Returns the ids changed.
        """
        return self._bank.ledger.change(bank_account_id, count, seed=seed)

    def forget_rate_limits(self) -> None:
        """Empty the per-IP windows, as ten quiet minutes would (between a bench's phases)."""
        self._bank.limits.forget()

    @property
    def bank_requests(self) -> Counter[str]:
        """The bank data requests received so far by route (``transactions``, ``files``...)."""
        return self._bank.requests.snapshot()

    def requests_reached(self, total: int) -> threading.Event:
        """An event set once ``total`` bank data requests in all have arrived (a test kills a
        process at the request it chose)."""
        return self._bank.requests.reached(total)

    @property
    def events(self) -> Counter[str]:
        """How many codes were redeemed, refreshes made and refused, and grants revoked so far."""
        return Counter(self._grants.events)

    def issued_secrets(self) -> set[str]:
        """Every secret issued or received so far, for tests that search for leaks.

        Codes, access, refresh and ID tokens issued; the confidential client's secret and the
        staging token; every ``state`` and ``code_challenge`` received at the authorization
        endpoint and every code, verifier, token and client secret received at the token and
        revocation endpoints, accepted or not.
        """
        fixed = {
            self.confidential_client.client_secret,
            self.user_access_client.client_secret,
            self.staging_token,
        }
        return self._grants.issued.values() | {value for value in fixed if value}

    @property
    def consent_mode(self) -> ConsentMode:
        """How the consent step is decided; may be changed while running."""
        return self._consent_mode

    @consent_mode.setter
    def consent_mode(self, mode: ConsentMode) -> None:
        if mode not in get_args(ConsentMode):
            raise ValueError(f"unknown consent mode {mode!r}")
        self._consent_mode = mode

    @property
    def access_token_lifetime(self) -> float:
        """Seconds an access token issued from now on lives; may be changed while running."""
        return self._grants.access_token_lifetime

    @access_token_lifetime.setter
    def access_token_lifetime(self, seconds: float) -> None:
        self._grants.access_token_lifetime = seconds

    @property
    def confidential_client(self) -> DemoClient:
        """The demo client with a secret (``client_secret_post``)."""
        return self._clients.confidential

    @property
    def public_client(self) -> DemoClient:
        """The demo client without a secret (PKCE required)."""
        return self._clients.public

    @property
    def user_access_client(self) -> DemoClient:
        """The demo client Qonto approved for the User OAuth flow (and only that flow)."""
        return self._clients.user_access

    @property
    def port(self) -> int:
        """The port served on (the actual one once started)."""
        server = self._server
        return server.server_address[1] if server is not None else self._requested_port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``.

        Raises:
            RuntimeError: If the port is not known yet (port 0 and not started).
        """
        if self.port == 0:
            raise RuntimeError("the emulator picks its port when it starts: start it first")
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def authorize_url(self) -> str:
        """The authorization endpoint."""
        return self.base_url + AUTHORIZE_PATH

    @property
    def token_url(self) -> str:
        """The token endpoint."""
        return self.base_url + TOKEN_PATH

    @property
    def revoke_url(self) -> str:
        """The token revocation endpoint (RFC 7009)."""
        return self.base_url + REVOKE_PATH

    @property
    def jwks_url(self) -> str:
        """Where the ID tokens' signing keys are published."""
        return self.base_url + JWKS_PATH

    @property
    def api_base_url(self) -> str:
        """The Business API base; paths are ``/v2/...``."""
        return self.base_url

    def register_redirect_uri(self, uri: str) -> None:
        """Register one more redirect URI for every demo client (thread-safe)."""
        self._clients.register_redirect_uri(uri)

    def start(self) -> None:
        """Bind 127.0.0.1 and serve on a thread.

        Raises:
            RuntimeError: If already running.
            OSError: If the port is busy.
        """
        with self._lock:
            if self._thread is not None:
                raise RuntimeError("the emulator is already running")
            server = EmulatorServer(self._requested_port)
            self._server = server
            stopping = threading.Event()
            server.application = self._application(stopping)
            self._thread = ServerThread(server, stopping)
            self._thread.start()
        logger.info("Qonto emulator serving on port %d", self.port)

    def stop(self) -> None:
        """Stop serving, close the socket and join every thread; harmless if stopped."""
        with self._lock:
            thread, self._thread = self._thread, None
            if thread is None:
                return
            thread.stop()
            self._server = None
        logger.info("Qonto emulator stopped")

    def __enter__(self) -> Emulator:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _application(self, stopping: threading.Event) -> Application:
        browser = BrowserLeg(
            clients=self._clients,
            user=self.user,
            organizations=self.organizations,
            grants=self._grants,
            challenges=self._challenges,
            consent_mode=lambda: self.consent_mode,
        )
        signer = IdTokenSigner(issuer=self.base_url)
        tokens = TokenEndpoints(
            clients=self._clients, grants=self._grants, user=self.user, signer=signer
        )
        endpoints = {
            "authorization_endpoint": self.authorize_url,
            "token_endpoint": self.token_url,
            "revocation_endpoint": self.revoke_url,
        }
        api = BusinessApi(
            grants=self._grants,
            user=self.user,
            organizations=self.organizations,
            role=lambda: self.member_role,
            amounts_as_strings=lambda: self.amounts_as_strings,
            current=lambda organization: current(self._bank.ledger, organization),
        )
        bank = self._bank.routes(
            api=api,
            base_url=lambda: self.base_url,
            answering=lambda: Answering(amounts_as_strings=self.amounts_as_strings),
            stopping=stopping,
        )
        return Application(
            browser=browser,
            tokens=tokens,
            api=api,
            discovery=Discovery(signer, endpoints),
            faults=self.faults,
            staging_token=self.staging_token if self.sandbox else None,
            stopping=stopping,
            sign_in_redirects=lambda: self.sign_in_redirects,
            bank=bank,
        )
