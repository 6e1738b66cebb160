"""The bank data side of the emulator, assembled: ledger, URLs, endpoints, limits, switches."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from qonto_desktop.emulator.api import BusinessApi
from qonto_desktop.emulator.bank_api import BankApi
from qonto_desktop.emulator.bank_routes import BankRoutes
from qonto_desktop.emulator.bank_switches import BankSwitches
from qonto_desktop.emulator.clock import Clock
from qonto_desktop.emulator.data import Answering, Organization
from qonto_desktop.emulator.downloads import Downloads
from qonto_desktop.emulator.file_urls import ATTACHMENT_LIFETIME, STATEMENT_LIFETIME, UrlSigner
from qonto_desktop.emulator.ledger import Ledger
from qonto_desktop.emulator.rate_limits import RateLimits
from qonto_desktop.emulator.statements import Statements

LIFETIMES = {"attachment": ATTACHMENT_LIFETIME, "statement": STATEMENT_LIFETIME}


class Bank:
    """What the emulator holds of its organizations' banking, across restarts of its server.

    Args:
        organizations: The organizations served.
        clock: The emulator's clock.
        per_month: About how many transactions each account has a month.
        limits: The per-IP rate limits.
    """

    def __init__(
        self,
        organizations: Sequence[Organization],
        clock: Clock,
        per_month: int,
        limits: RateLimits,
    ) -> None:
        self.ledger = Ledger(organizations, clock, per_month)
        self.switches = BankSwitches()
        self.limits = limits
        self._organizations = {org.id: org for org in organizations}
        self._clock = clock
        self._signer = UrlSigner()

    def routes(
        self,
        *,
        api: BusinessApi,
        base_url: Callable[[], str],
        answering: Callable[[], Answering],
        stopping: threading.Event,
    ) -> BankRoutes:
        """The routes a freshly started server answers with."""

        def sign(kind: str, path: str) -> str:
            lifetime = LIFETIMES[kind]
            issued = self._clock.now()
            if self.switches.take_expired_url():
                issued -= lifetime + 1
            return self._signer.sign(base_url(), path, issued, lifetime)

        statements = Statements(
            ledger=self.ledger,
            organizations=self._organizations,
            authorize=api.authorize,
            sign=sign,
            clock=self._clock,
        )
        bank_api = BankApi(
            ledger=self.ledger,
            organizations=self._organizations,
            authorize=api.authorize,
            sign=sign,
            answering=answering,
        )
        downloads = Downloads(
            signer=self._signer,
            clock=self._clock,
            ledger=self.ledger,
            statement_pdf=statements.pdf,
            switches=self.switches,
        )
        return BankRoutes(
            api=bank_api,
            statements=statements,
            downloads=downloads,
            switches=self.switches,
            limits=self.limits,
            stopping=stopping,
        )
