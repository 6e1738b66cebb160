"""Connect for real through a ``localhost`` registration, and a failed exchange told truly.

Real parts only: headless Chromium opens the address as the system browser would, the emulator
plays Qonto, the real Secret Service keeps the tokens. The registration says
``http://localhost:<port>/callback``, registered as such with the emulator: Chromium may come
back on ::1 or 127.0.0.1, and the receiver listens on both.
"""

from __future__ import annotations

import socket
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.keys import tokens_key
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth.errors import ServiceUnavailableError
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.store.secrets import SecretStore
from tests.support.chromium import HeadlessChromium
from tests.support.desks import EVERYTHING, make_desk
from tests.support.keyrings import backend_of
from tests.support.loopback_client import HOST, IPV6_HOST, loopback_addresses
from tests.support.secret_items import entry_names
from tests.support.secret_service import SecretServiceSession

pytestmark = [pytest.mark.browser, pytest.mark.keyring]


def free_port_on_both() -> int:
    """A port free on 127.0.0.1 and, where there is one, on ::1, right now."""
    for _ in range(20):
        with socket.socket() as v4:
            v4.bind((HOST, 0))
            port = int(v4.getsockname()[1])
            if len(loopback_addresses()) == 1:
                return port
            with socket.socket(socket.AF_INET6) as v6:
                v6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                try:
                    v6.bind((IPV6_HOST, port))
                except OSError:
                    continue
                return port
    raise AssertionError("no port free on both loopback addresses")


@pytest.fixture
def localhost_desk(
    app_home: Path, emulator: Emulator, secret_service: SecretServiceSession
) -> tuple[Desk, str]:
    """A desk whose registration uses ``http://localhost:<port>/callback``; and its service."""
    port = free_port_on_both()
    emulator.register_redirect_uri(f"http://localhost:{port}/callback")
    service = f"qonto-desktop-test-{uuid.uuid4().hex[:12]}"
    desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
    registration = {
        "client_id": emulator.public_client.client_id,
        "redirect_port": port,
        "redirect_host": "localhost",
    }
    return (
        replace(
            desk,
            secrets=SecretStore(backend_of(KeptKeyring), service=service, timeout=15),
            settings={"registrations": {"emulator": registration}},
        ),
        service,
    )


def test_a_localhost_registration_connects_in_chromium(
    localhost_desk: tuple[Desk, str], emulator: Emulator, chromium: HeadlessChromium
) -> None:
    desk, service = localhost_desk
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=60)
    connection = connect(desk, request, chromium.open)
    page = chromium.last_page()
    assert "You are connected" in page
    assert "saved the connection" in page
    assert desk.index.load().connections == (connection,)
    assert connection.organization_name == emulator.organizations[0].name
    assert tokens_key(connection.id) in entry_names(service)
    assert emulator.events["code_redeemed"] == 1


def test_a_failed_exchange_is_told_to_the_browser_and_nothing_is_saved(
    localhost_desk: tuple[Desk, str], emulator: Emulator, chromium: HeadlessChromium
) -> None:
    desk, service = localhost_desk
    emulator.faults.set("token", Fault(status=500, times=10))
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=60)
    with pytest.raises(ServiceUnavailableError) as caught:
        connect(desk, request, chromium.open)
    page = chromium.last_page()
    # The app says why (its error); the browser says it failed, with the same reason.
    assert "HTTP 500" in caught.value.message
    assert "The connection failed" in page
    assert caught.value.message in page  # the DOM as Chromium parsed it: unescaped
    assert "You are connected" not in page
    assert desk.index.load().connections == ()
    assert entry_names(service) == set()
