"""connect tells the browser the truth: "connected" only once saved, else why it failed.

The stand-in browser follows the approval in the background, as a real one would, and keeps
the page the loopback finally answered; the emulator plays Qonto, its faults included.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator, Fault
from qonto_desktop.oauth.errors import AuthorizationCancelledError, ServiceUnavailableError
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.errors import StorageError
from tests.support.approval import FollowingBrowser
from tests.support.desks import EVERYTHING, make_desk, registering
from tests.support.keyrings import FailingSetKeyring, MemoryKeyring


def _connect(
    desk: Desk, emulator: Emulator, browser: FollowingBrowser, **options: object
) -> Connection:
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=30)
    return connect(
        desk,
        request,
        browser.open,
        on_waiting=registering(emulator),
        **options,  # type: ignore[arg-type]
    )


def test_the_page_says_connected_only_after_the_save(desk: Desk, emulator: Emulator) -> None:
    browser = FollowingBrowser()
    answered_before: list[bool] = []

    def look(step: str) -> None:  # between the exchange and the save
        answered_before.append(browser.answered)

    connection = _connect(desk, emulator, browser, checkpoint=look)
    page = browser.last_page()
    assert answered_before == [False, False]  # neither after the exchange nor the verification
    assert "You are connected" in page
    assert "saved the connection" in page
    assert desk.index.load().connections == (connection,)


def test_a_failed_exchange_says_so_and_why_and_saves_nothing(
    desk: Desk, emulator: Emulator, keyring_backend: MemoryKeyring
) -> None:
    emulator.faults.set("token", Fault(status=500, times=10))
    browser = FollowingBrowser()
    with pytest.raises(ServiceUnavailableError) as caught:
        _connect(desk, emulator, browser)
    page = browser.last_page()
    assert "The connection failed" in page
    assert "Nothing was saved" in page
    assert html.escape(caught.value.message) in page  # the app's own reason, in the page
    assert "You are connected" not in page
    assert desk.index.load().connections == ()
    assert not any(name.startswith("conn/") for name in keyring_backend.names())


def test_a_keyring_failure_after_the_exchange_is_shown_as_a_failure(
    app_home: Path, emulator: Emulator
) -> None:
    desk = make_desk(app_home, emulator, FailingSetKeyring())
    browser = FollowingBrowser()
    with pytest.raises(StorageError) as caught:
        _connect(desk, emulator, browser)
    page = browser.last_page()
    assert "The connection failed" in page
    assert html.escape(caught.value.message) in page
    assert emulator.events["revoked"] == 1  # the grant still ends at Qonto


def test_a_cancel_after_the_browser_came_back_is_shown_as_such(
    desk: Desk, emulator: Emulator
) -> None:
    def cancel(step: str) -> None:
        raise AuthorizationCancelledError()

    browser = FollowingBrowser()
    with pytest.raises(AuthorizationCancelledError):
        _connect(desk, emulator, browser, checkpoint=cancel)
    page = browser.last_page()
    assert "The connection failed" in page
    assert "The connection was cancelled" in page
    assert desk.index.load().connections == ()


def test_the_page_follows_the_requests_language(desk: Desk, emulator: Emulator) -> None:
    browser = FollowingBrowser()
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=30, language="fr")
    connect(desk, request, browser.open, on_waiting=registering(emulator))
    assert "Vous êtes connecté" in browser.last_page()
