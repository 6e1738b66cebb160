"""Where the bank data calls and downloads are routed, behind the rate limits and switches.

Every ``/v2/...`` call counts against its IP's rate limits (``rate_limits.py``); the switches
(``bank_switches.py``) add latency to every call and download, and 503s or 429s to API calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from qonto_desktop.emulator.bank_api import BankApi
from qonto_desktop.emulator.bank_switches import BankSwitches
from qonto_desktop.emulator.downloads import Downloads
from qonto_desktop.emulator.file_urls import FILES_PREFIX
from qonto_desktop.emulator.messages import Request, Response, api_error
from qonto_desktop.emulator.rate_limits import RateLimits
from qonto_desktop.emulator.statements import Statements

Handler = Callable[[Request], Response]
API_PREFIX = "/v2/"


class BankRoutes:
    """Routes the bank data paths, and gates every API call and download."""

    def __init__(
        self,
        *,
        api: BankApi,
        statements: Statements,
        downloads: Downloads,
        switches: BankSwitches,
        limits: RateLimits,
        stopping: threading.Event,
    ) -> None:
        self._api = api
        self._statements = statements
        self._downloads = downloads
        self._switches = switches
        self._limits = limits
        self._stopping = stopping

    def route(self, path: str) -> tuple[str, Handler] | None:
        """The fault name and handler of a bank data path or a download, else ``None``."""
        if path.startswith(FILES_PREFIX):
            return "files", self._get(self._downloads.handle)
        fixed: dict[str, tuple[str, Handler]] = {
            "/v2/bank_accounts": ("bank_accounts", self._api.bank_accounts),
            "/v2/transactions": ("transactions", self._api.transactions),
            "/v2/statements": ("statements", self._statements.listing),
        }
        if path in fixed:
            return fixed[path]
        parts = path.split("/")  # "", "v2", kind, id[, "attachments"]
        if len(parts) not in {4, 5} or not parts[3]:
            return None
        one = parts[3]
        dynamic: dict[tuple[str, str], tuple[str, Handler]] = {
            ("transactions", ""): (
                "transaction",
                lambda request: self._api.one(request, one, listing=False),
            ),
            ("transactions", "attachments"): (
                "transaction_attachments",
                lambda request: self._api.one(request, one, listing=True),
            ),
            ("statements", ""): ("statement", lambda request: self._statements.one(request, one)),
            ("attachments", ""): (
                "attachment",
                lambda request: self._api.attachment(request, one),
            ),
        }
        return dynamic.get((parts[2], parts[4] if len(parts) == 5 else ""))

    def gate(self, request: Request) -> Response | None:
        """The rate limits' and switches' answer to a request, or ``None`` to serve it."""
        downloading = request.path.startswith(FILES_PREFIX)
        if not downloading and not request.path.startswith(API_PREFIX):
            return None
        if self._switches.latency:
            self._stopping.wait(self._switches.latency)
        if downloading:
            return None
        if self._switches.take_storm() or self._limits.admit(request.client) is not None:
            return self._too_many()
        if self._switches.take_server_error():
            return api_error(503, "service_unavailable", "Service temporarily unavailable")
        return None

    def _too_many(self) -> Response:
        # Qonto documents the 429, not its body or headers (docs/qonto-facts.md): Qonto's error
        # shape, and Retry-After only when the switch asks for it.
        seconds = self._switches.retry_after
        headers = () if seconds is None else (("Retry-After", str(seconds)),)
        return api_error(429, "too_many_requests", "Too many requests", headers=headers)

    @staticmethod
    def _get(handler: Handler) -> Handler:
        def only_get(request: Request) -> Response:
            if request.method not in {"GET", "HEAD"}:
                return Response(405, b"", None, (("Allow", "GET, HEAD"),))
            return handler(request)

        return only_get
