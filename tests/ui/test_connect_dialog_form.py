"""The connect dialog's form: keyboard order, accessible names, and where the registration goes."""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.qonto import scopes
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.settings import load_settings
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.workers import Workers
from tests.support.keyrings import HangingKeyring, MemoryKeyring, files_containing
from tests.ui.conftest import MakeDialog

# The permission boxes shown; user_organization.read only with Qonto's user access.
SCOPE_BOXES = [
    f"scope_{scope.name}"
    for _, members in scopes.by_group()
    for scope in members
    if scope.name != "user_organization.read"
]
# Folded, the form is two disclosures and two buttons: Sign in is the fourth stop at most.
MOST_TABS_TO_CONNECT = 3


def recording(opened: list[str]) -> Callable[[str], bool]:
    """A browser that only writes down the addresses it is asked to open."""

    def open_url(url: str) -> bool:
        opened.append(url)
        return True

    return open_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def tab_walk(qtbot: QtBot, dialog: ConnectDialog, first: QWidget) -> list[str]:
    """Object names met pressing Tab from ``first`` until the focus comes back to it."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    seen: list[str] = []
    for _ in range(200):
        widget = QApplication.focusWidget()
        assert widget is not None
        seen.append(widget.objectName())
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is first:
            return seen
    raise AssertionError(f"the focus never came back: {seen}")


def test_folded_the_form_is_a_few_stops_and_sign_in_comes_first(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    dialog = make_dialog()
    walked = tab_walk(qtbot, dialog, dialog.form.change)
    assert walked == ["change_permissions", "advanced", "close_form", "connect"]
    assert walked.index("connect") <= MOST_TABS_TO_CONNECT


def test_tab_walks_every_control_in_visual_order(qtbot: QtBot, make_dialog: MakeDialog) -> None:
    dialog = make_dialog(environments=("production", "sandbox"))
    form = dialog.form
    assert form.advanced.is_open  # no client ID yet: Advanced opened by itself
    assert not form.connect_button.isEnabled()
    QTest.keyClicks(form.registration.client_id, "my-client")
    form.change.click()
    registration = ["client_id", "client_secret", "redirect_host", "redirect_port", "redirect_uri"]
    expected = [
        "change_permissions",
        "preset",
        "scope_search",
        SCOPE_BOXES[0],  # the permissions are one stop; the arrow keys move inside
        "raw_scopes",
        "advanced",
        "environment",
        *registration,
        "copy_redirect_uri",
        "user_access",
        "organization_id",
        "registration_id",
        "close_form",
        "connect",
    ]
    walked = tab_walk(qtbot, dialog, form.change)
    assert walked == expected
    form.environment.setCurrentIndex(1)  # the sandbox adds its staging token
    walked = tab_walk(qtbot, dialog, form.environment)
    assert walked[:8] == ["environment", *registration, "copy_redirect_uri", "staging_token"]


def test_the_permission_last_used_is_the_tab_stop(qtbot: QtBot, make_dialog: MakeDialog) -> None:
    dialog = make_dialog()
    picker = dialog.form.picker
    dialog.form.change.click()
    walked = tab_walk(qtbot, dialog, dialog.form.change)
    first = walked.index(SCOPE_BOXES[0])
    focus = picker.checkbox(SCOPE_BOXES[0].removeprefix("scope_"))
    focus.setFocus()
    qtbot.waitUntil(focus.hasFocus)
    for _ in range(3):
        widget = QApplication.focusWidget()
        assert widget is not None
        QTest.keyClick(widget, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is picker.checkbox(SCOPE_BOXES[3].removeprefix("scope_"))
    again = tab_walk(qtbot, dialog, dialog.form.change)
    assert again == [*walked[:first], SCOPE_BOXES[3], *walked[first + 1 :]]


def test_the_demo_registration_is_read_only_and_skipped_where_disabled(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    dialog = make_dialog()
    assert not dialog.form.advanced.is_open  # nothing to set up: Advanced stays folded
    dialog.form.advanced.click()
    walked = tab_walk(qtbot, dialog, dialog.form.environment)
    # Port 0 (any free port): no fixed address to copy; the Demo has no secret.
    assert walked[:6] == [
        "environment",
        "client_id",
        "redirect_port",
        "redirect_uri",
        "organization_id",
        "registration_id",
    ]
    registration = dialog.form.registration
    assert registration.client_id.isReadOnly()
    assert registration.redirect_port.isReadOnly()
    assert registration.client_secret.isHidden()
    assert registration.staging_token.isHidden()


def test_no_placeholder_looks_like_a_value(make_dialog: MakeDialog) -> None:
    dialog = make_dialog(environments=("production",))
    for edit in (
        dialog.form.organization.organization_id,
        dialog.form.organization.registration_id,
    ):
        assert edit.placeholderText() == ""


def test_a_mistyped_id_opens_advanced_and_stops_sign_in(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    dialog = make_dialog()
    form = dialog.form
    form.organization.organization_id.setText("not-an-id")
    assert form.advanced.is_open
    assert not form.connect_button.isEnabled()
    assert form.problem_summary.text() == "Correct the messages above to sign in."


def test_a_saved_registration_leaves_advanced_folded(make_dialog: MakeDialog, desk: Desk) -> None:
    settings = {
        **desk.settings,
        "environment": "production",
        "registrations": {"production": {"client_id": "firm-client", "redirect_port": 53100}},
    }
    dialog = make_dialog(on=replace(desk, settings=settings), environments=("production",))
    assert not dialog.form.advanced.is_open
    assert dialog.form.connect_button.isEnabled()
    assert not dialog.form.where.isVisible()  # production goes without saying


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    dialog = make_dialog(environments=("sandbox",))
    # Everything Tab can reach, on every page (the combo boxes' popups are windows of their own).
    reachable = [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.window() is dialog
    ]
    interactive = [widget for widget in reachable if widget.objectName()]
    names = {widget.objectName() for widget in interactive}
    for expected in ("connect", "pasted_address", "use_address", "cancel", "retry", "close"):
        assert expected in names
    for widget in interactive:
        assert widget.accessibleName(), widget.objectName()
        assert widget.accessibleDescription(), widget.objectName()
    assert [w.metaObject().className() for w in reachable if not w.objectName()] == []


def test_the_dialog_has_a_sensible_size(make_dialog: MakeDialog) -> None:
    dialog = make_dialog()
    assert dialog.minimumWidth() >= 600
    assert dialog.minimumHeight() >= 500
    assert dialog.width() >= 760
    assert dialog.height() >= 640


def test_the_registration_is_saved_with_its_secret_in_the_keyring_only(
    qtbot: QtBot,
    make_dialog: MakeDialog,
    keyring_backend: MemoryKeyring,
    desk: Desk,
    app_home: Path,
) -> None:
    opened: list[str] = []
    dialog = make_dialog(environments=("production",), open_browser=recording(opened))
    changed: list[dict[str, Any]] = []
    dialog.settings_changed.connect(changed.append)
    port = free_port()
    registration = dialog.form.registration
    QTest.keyClicks(registration.client_id, "my-client")
    QTest.keyClicks(registration.client_secret, "s3cret-value")
    registration.redirect_port.clear()
    QTest.keyClicks(registration.redirect_port, str(port))
    assert registration.redirect_uri.text() == f"http://127.0.0.1:{port}/callback"
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    query = parse_qs(urlsplit(opened[0]).query)
    assert opened[0].startswith("https://oauth.qonto.com/oauth2/auth?")
    assert query["client_id"] == ["my-client"]
    assert query["redirect_uri"] == [f"http://127.0.0.1:{port}/callback"]
    QTest.mouseClick(dialog.waiting_page.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=10_000)
    saved = {"client_id": "my-client", "redirect_port": port}
    assert load_settings(desk.paths)["registrations"]["production"] == saved
    assert changed
    assert changed[-1]["registrations"]["production"] == saved
    assert dialog.desk.settings["registrations"]["production"] == saved
    assert desk.secrets.get(client_secret_key("production", "my-client")) == "s3cret-value"
    assert files_containing(app_home, "s3cret-value") == []


def test_cancel_while_the_registration_is_saved_opens_no_browser(
    qtbot: QtBot, desk: Desk, workers: Workers
) -> None:
    hanging = HangingKeyring()
    slow = replace(desk, secrets=SecretStore(hanging, timeout=30))
    opened: list[str] = []
    dialog = ConnectDialog(
        slow, workers, environments=("production",), open_browser=recording(opened)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.form.registration.client_id, "my-client")
    QTest.keyClicks(dialog.form.registration.client_secret, "s3cret-value")
    QTest.mouseClick(dialog.form.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(hanging.entered.is_set, timeout=10_000)
    assert dialog.pages.currentWidget() is dialog.waiting_page
    assert dialog.busy
    QTest.mouseClick(dialog.waiting_page.cancel, Qt.MouseButton.LeftButton)
    hanging.release()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert dialog.pages.currentWidget() is dialog.form
    assert dialog.flow() is None
    assert opened == []
