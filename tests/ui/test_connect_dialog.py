"""The connect dialog against the emulator: every way an attempt can end, driven as a user would.

The browser is a seam: openers here register the receiver's redirect URI with the emulator
(the desk listens on any free port) and then follow the approval, only record the address, or
do nothing at all.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.errors import (
    AuthorizationTimeoutError,
    CallbackFormatError,
    InvalidScopeError,
    PortUnavailableError,
    StateMismatchError,
)
from qonto_desktop.qonto import scopes
from qonto_desktop.qonto.errors import SERVICE, SandboxStagingTokenError
from qonto_desktop.store.errors import KeyringLockedError, NoSecureStorageError
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.workers import Workers
from tests.support.approval import follow
from tests.support.desks import connect_one
from tests.support.keyrings import LockedKeyring, backend_of
from tests.ui.conftest import MakeDialog

WAIT_MS = 20_000


class Browser:
    """A stand-in browser: registers the redirect URI, records each address, may follow it."""

    def __init__(self, emulator: Emulator, *, approve: bool = False) -> None:
        self.emulator = emulator
        self.approve = approve
        self.urls: list[str] = []

    def __call__(self, url: str) -> bool:
        self.emulator.register_redirect_uri(redirect_uri_of(url))
        self.urls.append(url)
        if self.approve:
            follow(url)
        return True


def first_address(qtbot: QtBot, browser: Browser) -> str:
    """The address the browser was asked to open: asked right after the waiting page shows."""
    qtbot.waitUntil(lambda: bool(browser.urls), timeout=WAIT_MS)
    return browser.urls[0]


def never_opens(calls: list[str]) -> Callable[[str], bool]:
    """An opener that only remembers it was asked."""

    def open_url(url: str) -> bool:
        calls.append(url)
        return True

    return open_url


def click(qtbot: QtBot, widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def start_waiting(qtbot: QtBot, dialog: ConnectDialog) -> int:
    """Press Connect and wait for the waiting page; return the receiver's port."""
    click(qtbot, dialog.form.connect_button)
    qtbot.waitUntil(lambda: bool(dialog.waiting_page.url.text()), timeout=WAIT_MS)
    assert dialog.pages.currentWidget() is dialog.waiting_page
    flow = dialog.flow()
    assert flow is not None
    port = urlsplit(redirect_uri_of(flow.url)).port
    assert port
    return port


def redirect_uri_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["redirect_uri"][0]


def wait_for_failure(qtbot: QtBot, dialog: ConnectDialog, error: QontoDesktopError) -> str:
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)
    text = dialog.result_page.text()
    assert error.message in text
    assert error.next_action in text
    assert dialog.result_page.retry.isVisible()
    assert "Traceback" not in text
    return text


def test_connecting_shows_the_organization_and_saves_it(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator, desk: Desk
) -> None:
    dialog = make_dialog(open_browser=Browser(emulator, approve=True))
    with qtbot.waitSignal(dialog.connected, timeout=WAIT_MS) as connected:
        click(qtbot, dialog.form.connect_button)
    connection = connected.args[0]
    organization = emulator.organizations[0]
    assert connection.organization_name == organization.name
    assert dialog.pages.currentWidget() is dialog.result_page
    text = dialog.result_page.text()
    assert organization.name in text
    assert all(account.masked_iban in text for account in connection.accounts)
    assert not dialog.result_page.retry.isVisible()
    assert desk.index.load().connections == (connection,)
    qtbot.waitUntil(lambda: dialog.flow() is None)
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.result_page.close_button)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted


def test_an_answer_to_another_attempt_is_refused_inline_then_the_real_one_completes(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    browser = Browser(emulator)
    dialog = make_dialog(open_browser=browser)
    port = start_waiting(qtbot, dialog)
    flow = dialog.flow()
    assert flow is not None
    redirect_uri = f"http://127.0.0.1:{port}/callback"
    page = dialog.waiting_page
    QTest.keyClicks(page.pasted, f"{redirect_uri}?code=stolen&state=another-attempt-state")
    click(qtbot, page.use_address)
    assert StateMismatchError.message in page.paste_error.text()
    page.pasted.clear()
    QTest.keyClicks(page.pasted, "https://example.com/not-an-answer")
    click(qtbot, page.use_address)
    assert CallbackFormatError(service=SERVICE).message in page.paste_error.text()
    assert dialog.pages.currentWidget() is page
    assert dialog.flow() is flow
    assert flow.running
    with qtbot.waitSignal(dialog.connected, timeout=WAIT_MS):
        follow(first_address(qtbot, browser))


def test_no_answer_in_time_shows_the_timeout(qtbot: QtBot, make_dialog: MakeDialog) -> None:
    calls: list[str] = []
    dialog = make_dialog(open_browser=never_opens(calls), timeout=1.0)
    click(qtbot, dialog.form.connect_button)
    wait_for_failure(qtbot, dialog, AuthorizationTimeoutError(service=SERVICE))
    assert len(calls) == 1


def late_answer(url: str) -> requests.Response:
    """What a browser left on Qonto's pages gets when it comes back after all."""
    state = parse_qs(urlsplit(url).query)["state"][0]
    return requests.get(redirect_uri_of(url), params={"code": "late", "state": state}, timeout=10)


def on_port(desk: Desk, port: int) -> Desk:
    """The desk with its registration on one fixed port, as a real registration has."""
    registration = {**desk.settings["registrations"]["emulator"], "redirect_port": port}
    return replace(desk, settings={"registrations": {"emulator": registration}})


def test_cancel_returns_to_the_form_tells_a_late_browser_and_connect_takes_the_port(
    qtbot: QtBot, make_dialog: MakeDialog, workers: Workers, desk: Desk, redirect_port: int
) -> None:
    dialog = make_dialog(on=on_port(desk, redirect_port), open_browser=never_opens([]))
    port = start_waiting(qtbot, dialog)
    assert port == redirect_port
    flow = dialog.flow()
    assert flow is not None
    url = flow.url
    assert not dialog.form.connect_button.isEnabled()  # one attempt at a time
    click(qtbot, dialog.waiting_page.cancel)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)
    assert dialog.pages.currentWidget() is dialog.form
    assert dialog.form.connect_button.isEnabled()
    late = late_answer(url)
    assert late.status_code == 410
    assert "This sign-in was cancelled" in late.text
    assert start_waiting(qtbot, dialog) == port  # the next sign-in takes the port over
    click(qtbot, dialog.waiting_page.cancel)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)


def test_a_busy_port_is_reported_before_any_browser_opens(
    qtbot: QtBot, make_dialog: MakeDialog, desk: Desk
) -> None:
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        registration = {**desk.settings["registrations"]["emulator"], "redirect_port": port}
        busy = replace(desk, settings={"registrations": {"emulator": registration}})
        calls: list[str] = []
        dialog = make_dialog(on=busy, open_browser=never_opens(calls))
        assert str(port) in dialog.form.registration.redirect_uri.text()
        click(qtbot, dialog.form.connect_button)
        expected = PortUnavailableError(port, f"http://127.0.0.1:{port}/callback", service=SERVICE)
        wait_for_failure(qtbot, dialog, expected)
    assert calls == []


def test_the_address_the_browser_ended_on_can_be_pasted(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    browser = Browser(emulator)
    dialog = make_dialog(open_browser=browser)
    start_waiting(qtbot, dialog)
    answer = requests.get(first_address(qtbot, browser), allow_redirects=False, timeout=10)
    assert answer.status_code == 302
    QTest.keyClicks(dialog.waiting_page.pasted, answer.headers["Location"])
    with qtbot.waitSignal(dialog.connected, timeout=WAIT_MS) as connected:
        click(qtbot, dialog.waiting_page.use_address)
    assert connected.args[0].organization_name == emulator.organizations[0].name


def test_the_waiting_page_counts_down_copies_and_opens_again(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    browser = Browser(emulator)
    dialog = make_dialog(open_browser=browser)
    start_waiting(qtbot, dialog)
    page = dialog.waiting_page
    # Five minutes by default; a slow machine may have used a few seconds already.
    assert re.fullmatch(r"Time left: (5:00|4:[0-5]\d)", page.time_left.text())
    assert 240 <= page.progress.value() <= page.progress.maximum() <= 300
    shown = page.time_left.text()
    qtbot.waitUntil(lambda: page.time_left.text() != shown, timeout=3000)  # ticks every second
    click(qtbot, page.copy_url)
    assert QGuiApplication.clipboard().text() == first_address(qtbot, browser)
    click(qtbot, page.open_again)
    assert browser.urls == [browser.urls[0]] * 2


def test_the_sandbox_without_a_staging_token_stops_before_the_browser(
    qtbot: QtBot, make_dialog: MakeDialog, desk: Desk
) -> None:
    calls: list[str] = []
    dialog = make_dialog(environments=("sandbox",), open_browser=never_opens(calls))
    saved: list[object] = []
    dialog.settings_changed.connect(saved.append)
    QTest.keyClicks(dialog.form.registration.client_id, "sandbox-client")
    click(qtbot, dialog.form.connect_button)
    wait_for_failure(
        qtbot, dialog, SandboxStagingTokenError("The sandbox staging token is not set.")
    )
    assert calls == []
    assert saved
    assert dialog.desk.settings["registrations"]["sandbox"]["client_id"] == "sandbox-client"


def test_a_permission_qonto_refuses_shows_invalid_scope(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    dialog = make_dialog(open_browser=Browser(emulator, approve=True))
    dialog.form.picker.checkbox("beneficiary.trust").setChecked(True)
    assert "beneficiary.trust" in dialog.form.picker.raw_scopes.text()
    click(qtbot, dialog.form.connect_button)
    wait_for_failure(qtbot, dialog, InvalidScopeError(service=SERVICE))


@pytest.mark.parametrize(
    ("backend", "error"),
    [(backend_of(fail.Keyring), NoSecureStorageError), (LockedKeyring(), KeyringLockedError)],
    ids=["missing", "locked"],
)
def test_a_keyring_problem_shows_before_any_browser(
    qtbot: QtBot,
    make_dialog: MakeDialog,
    desk: Desk,
    backend: KeyringBackend,
    error: type[QontoDesktopError],
) -> None:
    calls: list[str] = []
    without = replace(desk, secrets=SecretStore(backend, timeout=2.0))
    dialog = make_dialog(on=without, open_browser=never_opens(calls))
    click(qtbot, dialog.form.connect_button)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    assert error.message in dialog.result_page.text()
    assert calls == []


def test_closing_mid_flow_cancels_it_and_leaves_only_the_answer_to_a_late_browser(
    qtbot: QtBot, make_dialog: MakeDialog, workers: Workers, desk: Desk, redirect_port: int
) -> None:
    fixed = on_port(desk, redirect_port)
    dialog = make_dialog(on=fixed, open_browser=never_opens([]))
    port = start_waiting(qtbot, dialog)
    flow = dialog.flow()
    assert flow is not None
    url = flow.url
    dialog.reject()
    assert not dialog.isVisible()
    assert workers.wait_for_done(0)  # already over: the dialog waited for it
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)
    assert late_answer(url).status_code == 410  # the receiver lingers, completing nothing
    again = make_dialog(on=fixed, open_browser=never_opens([]))
    assert start_waiting(qtbot, again) == port  # and gives the port up to the next sign-in
    again.reject()
    qtbot.waitUntil(lambda: again.flow() is None, timeout=WAIT_MS)


def test_reconnect_keeps_the_organization_and_offers_its_permissions(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator, desk: Desk
) -> None:
    organization = emulator.organizations[2]
    chosen = ("openid", "offline_access", "organization.read", "membership.read", "card.read")
    first = connect_one(desk, emulator, chosen, organization_id=organization.id)
    dialog = make_dialog(
        environments=("production", "emulator"),
        reconnect=first,
        open_browser=Browser(emulator, approve=True),
    )
    form = dialog.form
    assert form.environment_name() == "emulator"
    assert not form.environment.isEnabled()
    assert form.organization.organization_id.text() == organization.id
    assert form.organization.organization_id.isReadOnly()
    assert not form.organization.registration_id.isEnabled()
    assert form.picker.selected() == scopes.validate(chosen)
    assert organization.name in dialog.windowTitle()
    with qtbot.waitSignal(dialog.connected, timeout=WAIT_MS) as connected:
        click(qtbot, form.connect_button)
    assert connected.args[0].id == first.id
    assert connected.args[0].organization_name == organization.name


def test_closing_after_a_failure_rejects_the_dialog(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    emulator.consent_mode = "deny"
    dialog = make_dialog(open_browser=Browser(emulator, approve=True))
    click(qtbot, dialog.form.connect_button)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.finished):
        click(qtbot, dialog.result_page.close_button)
    assert dialog.result() == ConnectDialog.DialogCode.Rejected
