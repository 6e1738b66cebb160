"""Demo mode: the built-in emulator plays Qonto in this process, and a desk is wired to it.

Demo connections live apart from real ones (their own folders and keyring service), so trying
the app never touches real data. The emulator forgets its tokens when the app closes: a demo
connection then needs reconnecting.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping
from dataclasses import replace
from types import TracebackType
from typing import TextIO

from qonto_desktop.connections.attempt import Attempt
from qonto_desktop.connections.companies import sign_in
from qonto_desktop.connections.company_grant import add_companies
from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.connections.demo_firm import EXTRA_COMPANIES, connect_firm, forget_firm
from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.connections.registration import CALLBACK_PATH
from qonto_desktop.connections.roster import attention
from qonto_desktop.emulator import ConsentMode, Emulator
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.oauth.redirect import LOOPBACK_HOST
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.environments import EMULATOR_URL_VARIABLE
from qonto_desktop.qonto.presentation import money
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.entry_format import SERVICE
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system import browser
from qonto_desktop.system.paths import AppPaths

BANNER = "Demo: not connected to Qonto. The built-in emulator plays Qonto on this computer."
DEMO_ENVIRONMENT = "emulator"


class DemoMode:
    """The emulator in this process and a desk that talks to it; a context manager."""

    def __init__(
        self,
        environ: Mapping[str, str] | None = None,
        *,
        consent_mode: ConsentMode = "interactive",
        user_access: bool = False,
        firm: bool = False,
        language: str = "en",
    ) -> None:
        """Prepare the demo; ``user_access`` registers the emulator's client Qonto approved for
        its user access (one sign-in for every demo company) instead of its public one;
        ``firm`` opens the demo firm instead: its 40 companies connected at once."""
        self._environ = dict(os.environ if environ is None else environ)
        self._consent_mode: ConsentMode = consent_mode
        self._language = language
        self.firm = firm
        self.emulator = self._emulator()
        self._user_access = user_access or firm
        self._secret_key: str | None = None
        self._secrets: SecretStore | None = None

    def __enter__(self) -> Desk:
        """Start the emulator and return the demo desk (the firm's: every company connected)."""
        self.emulator.start()
        try:
            return self._firm_desk() if self.firm else self._desk()
        except BaseException:
            self.emulator.stop()
            raise

    def become_firm(self) -> Desk:
        """Leave the one-company demo for the demo firm: a new emulator, every company connected.

        For the window's demo, whose user chooses the firm after it started. The one-company
        demo's connections stay in their own folder, as after closing the app.
        """
        self._forget_client_secret()
        self.emulator.stop()
        self.firm = self._user_access = True
        self.emulator = self._emulator()
        self.emulator.start()
        return self._firm_desk()

    def _emulator(self) -> Emulator:
        extra = EXTRA_COMPANIES if self.firm else 0
        return Emulator(consent_mode=self._consent_mode, extra_organizations=extra)

    def _firm_desk(self) -> Desk:
        desk = self._desk()
        forget_firm(desk)  # a previous firm's connections died with its emulator
        self.emulator.consent_mode = "approve"  # the firm's one sign-in needs no clicks
        try:
            connect_firm(desk, DEMO_ENVIRONMENT, language=self._language)
        finally:
            self.emulator.consent_mode = self._consent_mode
        return desk

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """Stop the emulator (and forget its client secret, which dies with it)."""
        try:
            self._forget_client_secret()
        finally:
            self.emulator.stop()

    def _forget_client_secret(self) -> None:
        if self._secrets is not None and self._secret_key is not None:
            self._secrets.delete(self._secret_key)
        self._secrets = self._secret_key = None

    def _desk(self) -> Desk:
        real = open_desk(self._environ)
        # Demo connections get their own data folder; settings (language, window) are shared.
        folder = real.paths.data_dir / ("demo-firm" if self.firm else "demo")
        paths = AppPaths(real.paths.config_dir, folder, real.paths.log_dir)
        # The emulator registers the app's redirect URI as Qonto's Developer Portal would.
        port = _free_port()
        self.emulator.register_redirect_uri(f"http://{LOOPBACK_HOST}:{port}{CALLBACK_PATH}")
        client = (
            self.emulator.user_access_client if self._user_access else self.emulator.public_client
        )
        registration: dict[str, object] = {"client_id": client.client_id, "redirect_port": port}
        if self._user_access:
            registration["access"] = "user"
        registrations = dict(real.settings.get("registrations") or {})
        registrations[DEMO_ENVIRONMENT] = registration
        settings = {**real.settings, "registrations": registrations}
        desk = replace(
            real,
            paths=paths,
            secrets=SecretStore(service=f"{SERVICE}-demo"),
            index=type(real.index)(paths.data_dir / "connections.json"),
            settings=settings,
            environ={**self._environ, EMULATOR_URL_VARIABLE: self.emulator.base_url},
        )
        if client.client_secret is not None:  # the approved client is a portal app: a secret
            self._secrets = desk.secrets
            self._secret_key = client_secret_key(DEMO_ENVIRONMENT, client.client_id)
            desk.secrets.set(self._secret_key, client.client_secret)
        return desk


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK_HOST, 0))
        return int(probe.getsockname()[1])


def run_demo(
    *,
    out: TextIO,
    auto_approve: bool,
    language: str,
    timeout: float,
    user_access: bool = False,
    firm: bool = False,
) -> int:
    """Connect one demo organization in the browser and show what the connection reaches.

    With ``user_access``, one sign-in connects every demo company (Qonto's user access); with
    ``firm``, the demo firm's 40 companies are connected at once, without a browser.
    """
    print(BANNER, file=out)
    consent: ConsentMode = "approve" if auto_approve else "interactive"
    if firm:
        with DemoMode(consent_mode=consent, firm=True, language=language) as desk:
            describe_firm(desk.index.load().connections, desk.now(), out, language)
        return 0
    mode = DemoMode(consent_mode=consent, user_access=user_access)
    with mode as desk:
        user = mode.emulator.user

        def waiting(attempt: Attempt) -> None:
            print("Opening your browser to sign in to the demo Qonto...", file=out)
            print(f"If it does not open, visit this address:\n  {attempt.url}", file=out)
            print(f"Demo sign-in: {user.email} / {user.password}", file=out)
            out.flush()

        request = ConnectRequest(
            DEMO_ENVIRONMENT, scopes.DEFAULT_SCOPES, language=language, timeout=timeout
        )
        if user_access:
            choice = sign_in(desk, request, browser.open_url, on_waiting=waiting)
            connections = add_companies(desk, choice, choice.companies)
        else:
            connections = (connect(desk, request, browser.open_url, on_waiting=waiting),)
    for connection in connections:
        _describe(connection, out, language)
    return 0


def describe_firm(
    connections: tuple[Connection, ...], now: float, out: TextIO, language: str
) -> None:
    """The demo firm's companies, one line each, those needing attention said so."""
    print(f"\nThe demo firm: {len(connections)} client companies connected.", file=out)
    words = {
        "reconnect": "to reconnect",
        "failing": "could not be checked",
        "ending": "access ends within 14 days",
        None: "",
    }
    for connection in connections:
        name = safe_text(connection.organization_name, limit=40)
        siren = safe_text(connection.legal_number, limit=20) or "-"
        total = connection.qonto_total
        balance = "-" if total is None else money(total[0], total[1], language)
        note = words[attention(connection, now)]
        print(f"  {name:<32} SIREN {siren:<10} {balance:>16}  {note}".rstrip(), file=out)
    needing = sum(1 for connection in connections if attention(connection, now) is not None)
    print(
        f"{needing} need attention. To see the firm in the window, start the window's demo",
        file=out,
    )
    print('and choose "Open the demo firm".', file=out)


def _describe(connection: Connection, out: TextIO, language: str) -> None:
    """What one demo connection reaches, as ``run_demo`` prints it."""
    shown = safe_text  # names come from the (emulated) server: one safe line each
    name, legal = shown(connection.organization_name), shown(connection.legal_name)
    print(f"\nConnected: {name} ({legal})", file=out)
    print(f"Signed in as {shown(connection.user_name)}, {shown(connection.role)}", file=out)
    granted = shown(scopes.join(connection.scopes_granted), limit=900)
    print(f"Permissions granted: {granted}", file=out)
    for account in connection.accounts:
        cents = account.balance_cents
        balance = "-" if cents is None else money(cents, account.currency, language)
        where = "  (at another bank)" if account.external else ""
        name, iban = shown(account.name), shown(account.masked_iban)
        print(f"  {name:<28} {iban}  {balance:>16}{where}", file=out)
