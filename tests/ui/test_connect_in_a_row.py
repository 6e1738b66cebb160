"""Connecting clients one after another, from the window, against the emulator.

Two clicks from the window to Qonto's page; "Connect another client" signs in again at once
with a running tally while the list fills behind; a company already connected says so and
keeps its connection; a refusal says nothing was connected, with Qonto's codes under Details,
and Retry signs in again without going back to the form.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.qonto import scopes
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.main_window import MainWindow
from qonto_desktop.ui.workers import Workers
from tests.support.approval import follow
from tests.support.desks import connect_one
from tests.support.main_window import open_window
from tests.ui.conftest import MakeDialog

WAIT_MS = 20_000


class Browser:
    """A stand-in browser: registers the redirect URI, records each address, may approve.

    ``companies`` are the organizations the user picks in Qonto, one per sign-in, in turn
    (as an address parameter, which the emulator honours like the choice on its page).
    """

    def __init__(self, emulator: Emulator, *, approve: bool, companies: tuple[str, ...] = ()):
        self.emulator = emulator
        self.approve = approve
        self.companies = list(companies)
        self.urls: list[str] = []

    def __call__(self, url: str) -> bool:
        query = parse_qs(urlsplit(url).query)
        self.emulator.register_redirect_uri(query["redirect_uri"][0])
        self.urls.append(url)
        if self.companies:
            url = f"{url}&{urlencode({'organization_id': self.companies.pop(0)})}"
        if self.approve:
            follow(url)
        return True


class Clicks:
    """Clicks as a user makes them, counted."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, widget: QWidget) -> None:
        assert widget.isVisible(), widget.objectName()
        assert widget.isEnabled(), widget.objectName()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.count += 1


def window_with(qtbot: QtBot, desk: Desk, workers: Workers, browser: Browser) -> MainWindow:
    return open_window(qtbot, desk, workers, demo=True, open_browser=browser)


def opened_dialog(window: MainWindow, click: Clicks) -> ConnectDialog:
    click(window.empty.button)
    dialog = window.connect_dialog
    assert dialog is not None
    return dialog


def wait_for_result(qtbot: QtBot, dialog: ConnectDialog) -> None:
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)


def test_two_clicks_from_the_window_to_qontos_page(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    browser = Browser(emulator, approve=False)
    window = window_with(qtbot, desk, workers, browser)
    click = Clicks()
    dialog = opened_dialog(window, click)
    form = dialog.form
    # What shows: the permissions in plain words, and one button; the rest is folded away.
    preset = scopes.preset("bookkeeping_attachments")
    assert form.summary.text() == f"{preset.label('en')}\n{preset.description('en')}"
    assert not form.picker.isVisible()
    assert not form.advanced_part.isVisible()
    assert not form.environment.isVisible()
    assert form.connect_button.text() == "Sign in with Qonto"
    # Enter would do as well: the button has the focus once the dialog is up.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.connect_button)
    click(form.connect_button)
    qtbot.waitUntil(lambda: bool(browser.urls), timeout=WAIT_MS)
    assert click.count == 2
    asked = parse_qs(urlsplit(browser.urls[0]).query)["scope"][0].split()
    assert set(asked) == set(preset.scopes)
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_connect_another_signs_in_at_once_and_counts_the_session(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    first, second = emulator.organizations[0], emulator.organizations[1]
    companies = (first.id, second.id, first.id)
    browser = Browser(emulator, approve=True, companies=companies)
    window = window_with(qtbot, desk, workers, browser)
    click = Clicks()
    dialog = opened_dialog(window, click)
    page = dialog.result_page
    with qtbot.waitSignal(dialog.came_forward, timeout=WAIT_MS):  # Qonto answered
        click(dialog.form.connect_button)
    wait_for_result(qtbot, dialog)
    assert f"Connected to {first.name}" in page.text()
    assert page.tally.text() == "1 client connected this session"
    assert QApplication.focusWidget() is page.another
    qtbot.waitUntil(lambda: window.list.visible_names() == [first.name], timeout=WAIT_MS)

    with qtbot.waitSignal(dialog.came_forward, timeout=WAIT_MS):
        click(page.another)
        # The next sign-in starts at once: no stop on the form.
        assert dialog.pages.currentWidget() is dialog.waiting_page
    wait_for_result(qtbot, dialog)
    assert len(browser.urls) == 2
    assert f"Connected to {second.name}" in page.text()
    assert page.tally.text() == "2 clients connected this session"
    names = sorted([first.name, second.name])
    qtbot.waitUntil(lambda: sorted(window.list.visible_names()) == names, timeout=WAIT_MS)
    assert click.count == 3

    before = {c.organization_id: c for c in desk.index.load().connections}[first.id]
    click(page.another)
    wait_for_result(qtbot, dialog)
    assert f"{first.name} was already connected: access renewed" in page.text()
    assert page.tally.text() == "2 clients connected this session"  # the same client
    after = {c.organization_id: c for c in desk.index.load().connections}[first.id]
    assert (after.id, after.created_at) == (before.id, before.created_at)
    assert len(desk.index.load().connections) == 2
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_a_refusal_says_nothing_was_connected_and_retry_signs_in_again(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    emulator.consent_mode = "deny"
    browser = Browser(emulator, approve=True)
    window = window_with(qtbot, desk, workers, browser)
    click = Clicks()
    dialog = opened_dialog(window, click)
    page = dialog.result_page
    with qtbot.waitSignal(dialog.came_forward, timeout=WAIT_MS):
        click(dialog.form.connect_button)
    wait_for_result(qtbot, dialog)
    text = page.text()
    assert text.startswith("You refused access; nothing was connected")
    assert "access_denied" not in text  # Qonto's codes wait under Details
    assert "The resource owner denied the request." not in text
    assert not page.another.isVisible()
    assert QApplication.focusWidget() is page.retry
    click(page.details)
    text = page.text()
    assert "Qonto's code: access_denied" in text
    assert "Qonto said: “The resource owner denied the request.”" in text
    assert desk.index.load().connections == ()

    emulator.consent_mode = "approve"  # the client approves this time
    click(page.retry)
    assert dialog.pages.currentWidget() is dialog.waiting_page  # not back to the form
    wait_for_result(qtbot, dialog)
    assert len(browser.urls) == 2
    assert f"Connected to {emulator.organizations[0].name}" in page.text()
    assert not page.details.isVisible()
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_back_to_the_form_after_a_failure_keeps_the_choices(
    qtbot: QtBot, desk: Desk, emulator: Emulator, workers: Workers
) -> None:
    emulator.consent_mode = "deny"
    window = window_with(qtbot, desk, workers, Browser(emulator, approve=True))
    click = Clicks()
    dialog = opened_dialog(window, click)
    click(dialog.form.change)
    dialog.form.picker.checkbox("card.read").setChecked(True)
    chosen = dialog.form.picker.selected()
    click(dialog.form.connect_button)
    wait_for_result(qtbot, dialog)
    click(dialog.result_page.back)
    assert dialog.pages.currentWidget() is dialog.form
    assert dialog.form.picker.selected() == chosen
    assert dialog.form.summary.title.text() == "Your own choice of permissions"
    dialog.reject()
    qtbot.waitUntil(lambda: window.connect_dialog is None)


def test_connect_another_forgets_the_last_companys_id(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    browser = Browser(emulator, approve=True)
    dialog = make_dialog(open_browser=browser)
    picked = emulator.organizations[2]
    dialog.form.advanced.click()
    dialog.form.organization.organization_id.setText(picked.id)
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog)
    assert f"Connected to {picked.name}" in dialog.result_page.text()
    QTest.mouseClick(dialog.result_page.another, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog)
    assert "organization_id" in parse_qs(urlsplit(browser.urls[0]).query)
    assert "organization_id" not in parse_qs(urlsplit(browser.urls[1]).query)
    assert dialog.form.organization.values() == (None, None)
    assert f"Connected to {emulator.organizations[0].name}" in dialog.result_page.text()


def test_reconnecting_one_company_offers_no_other_client(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator, desk: Desk
) -> None:
    first = connect_one(desk, emulator, organization_id=emulator.organizations[1].id)
    dialog = make_dialog(reconnect=first, open_browser=Browser(emulator, approve=True))
    assert dialog.form.heading.text() == f"Reconnect {first.organization_name}"
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    wait_for_result(qtbot, dialog)
    page = dialog.result_page
    assert f"{first.organization_name} was already connected: access renewed" in page.text()
    assert not page.another.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.close_button)


def test_a_failure_before_the_browser_does_not_call_for_attention(
    qtbot: QtBot, make_dialog: MakeDialog, emulator: Emulator
) -> None:
    dialog = make_dialog(
        open_browser=Browser(emulator, approve=True), environments=("emulator", "sandbox")
    )
    dialog.form.advanced.click()
    dialog.form.environment.setCurrentIndex(1)  # the sandbox without its staging token
    QTest.keyClicks(dialog.form.registration.client_id, "sandbox-client")
    with qtbot.assertNotEmitted(dialog.came_forward):
        QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
        wait_for_result(qtbot, dialog)
    assert dialog.result_page.retry.isVisible()
