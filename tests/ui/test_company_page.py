"""The connect dialog with Qonto's user access: one sign-in, then the companies to add."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.companies import Company, CompanyChoice
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import disconnect
from qonto_desktop.connections.keys import grant_tokens_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.dialogs.confirm_disconnect import ConfirmDisconnect, disconnect_outcome
from tests.support.approval import follow
from tests.support.user_access import connect_companies, grant_accepted, user_access_desk
from tests.ui.conftest import MakeDialog

WAIT_MS = 20_000


def approving(emulator: Emulator) -> Callable[[str], bool]:
    """A browser that registers the redirect URI, then approves (every company ticked)."""

    def open_url(url: str) -> bool:
        emulator.register_redirect_uri(parse_qs(urlsplit(url).query)["redirect_uri"][0])
        follow(url)
        return True

    return open_url


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def user_desk(desk: Desk, emulator: Emulator) -> Desk:
    return user_access_desk(desk, emulator)


def open_picker(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> ConnectDialog:
    dialog = make_dialog(on=user_desk, open_browser=approving(emulator))
    form = dialog.form
    assert form.registration.user_access.isChecked()
    assert not form.organization.isVisibleTo(form)  # no pre-selection with user access
    assert "user_organization.read" in form.picker.selected()
    click(form.connect_button)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.company_page, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.flow() is None, timeout=WAIT_MS)
    return dialog


def rows(dialog: ConnectDialog) -> list[list[str]]:
    table = dialog.company_page.table
    items = [table.topLevelItem(i) for i in range(table.topLevelItemCount())]
    return [[item.text(c) for c in range(table.columnCount())] for item in items if item]


def test_the_picker_lists_every_company_ticked_and_adds_the_ones_kept(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    page = dialog.company_page
    listed = rows(dialog)
    assert [row[0] for row in listed] == [o.name for o in emulator.organizations]
    first = emulator.organizations[0]
    assert listed[0][:4] == [first.name, first.legal_name, first.legal_number, "accountant"]
    count = len(emulator.organizations)
    assert page.add.text() == f"Add {count} companies"
    assert user_desk.index.load().connections == ()  # nothing saved before the pick
    page.item(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert page.add.text() == f"Add {count - 1} companies"
    kept = [o for i, o in enumerate(emulator.organizations) if i != 1]
    with qtbot.waitSignals([dialog.connected] * len(kept), timeout=WAIT_MS):
        click(page.add)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    assert f"{len(kept)} companies connected" in dialog.result_page.text()
    saved = user_desk.index.load().connections
    assert {c.organization_id for c in saved} == {o.id for o in kept}
    assert len({c.grant_id for c in saved}) == 1
    assert emulator.events["code_redeemed"] == 1


def test_unticking_every_company_disables_add(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    page = dialog.company_page
    for i in range(page.table.topLevelItemCount()):
        page.item(i).setCheckState(0, Qt.CheckState.Unchecked)
    assert not page.add.isEnabled()
    page.item(0).setCheckState(0, Qt.CheckState.Checked)
    assert page.add.text() == "Add 1 company"
    assert page.add.isEnabled()


def test_cancelling_the_pick_adds_nothing_and_revokes_the_sign_in(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    click(dialog.company_page.cancel)
    assert dialog.pages.currentWidget() is dialog.form
    qtbot.waitUntil(lambda: emulator.events["revoked"] == 1, timeout=WAIT_MS)
    assert user_desk.index.load().connections == ()


def test_companies_already_connected_are_shown_as_such(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    (old,) = connect_companies(user_desk, emulator, (emulator.organizations[2].id,))
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    statuses = [row[4] for row in rows(dialog)]
    assert statuses == ["", "", "Already connected", *[""] * (len(statuses) - 3)]
    with qtbot.waitSignals([dialog.connected] * len(statuses), timeout=WAIT_MS):
        click(dialog.company_page.add)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.result_page, timeout=WAIT_MS)
    moved = user_desk.index.get(old.id)
    assert moved.grant_id != old.grant_id
    old_grant = old.grant_id or ""
    assert user_desk.secrets.get(grant_tokens_key(old_grant)) is None


def test_hostile_company_names_are_shown_as_plain_safe_text(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    choice = dialog.companies.choice
    assert choice is not None
    hostile = Company("x", "<b>Evil</b>\x1b]0;pwned\x07\nSARL", "", "", "")
    dialog.company_page.show_choice(
        CompanyChoice((hostile,), choice.environment, choice.context, choice.tokens, ())
    )
    (row,) = rows(dialog)
    assert "\x1b" not in row[0]
    assert "\n" not in row[0]
    assert "<b>Evil</b>" in row[0]  # shown as written, never as markup
    assert grant_accepted(emulator, choice.tokens.access_token)


def test_disconnecting_a_company_that_shares_its_sign_in_says_what_stays(
    qtbot: QtBot, user_desk: Desk, emulator: Emulator
) -> None:
    first, *others = connect_companies(user_desk, emulator)
    asking = ConfirmDisconnect(first, None)
    qtbot.addWidget(asking)
    assert "shares one sign-in" in asking.explanation.text()
    report = disconnect(user_desk, first.id)
    kind, text = disconnect_outcome(report)
    assert kind == "success"
    assert f"stays in use by {len(others)} other companies" in text


def test_closing_the_dialog_while_picking_revokes_the_sign_in(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    dialog.reject()
    qtbot.waitUntil(lambda: emulator.events["revoked"] == 1, timeout=WAIT_MS)
    assert user_desk.index.load().connections == ()


def test_the_registration_checkbox_switches_the_form_to_user_access(
    qtbot: QtBot, make_dialog: MakeDialog
) -> None:
    form = make_dialog(environments=("production",)).form
    QTest.keyClicks(form.registration.client_id, "my-client")
    name = "user_organization.read"
    assert not form.registration.user_access.isChecked()
    assert name not in form.picker.selected()
    assert form.organization.isVisibleTo(form)
    form.registration.user_access.setChecked(True)
    assert name in form.picker.selected()
    assert not form.organization.isVisibleTo(form)
    draft = form.registration.draft()
    assert draft is not None
    assert draft.registration.user_access
    form.registration.user_access.setChecked(False)
    assert name not in form.picker.selected()
    assert form.organization.isVisibleTo(form)


def test_the_keyboard_ticks_and_adds(
    qtbot: QtBot, make_dialog: MakeDialog, user_desk: Desk, emulator: Emulator
) -> None:
    dialog = open_picker(qtbot, make_dialog, user_desk, emulator)
    page = dialog.company_page
    dialog.activateWindow()
    qtbot.waitUntil(page.table.hasFocus)
    QTest.keyClick(page.table, Qt.Key.Key_Space)  # the first company, current to begin with
    assert page.item(0).checkState(0) == Qt.CheckState.Unchecked
    assert page.add.text() == f"Add {len(emulator.organizations) - 1} companies"
    QTest.keyClick(page.table, Qt.Key.Key_Space)
    assert page.item(0).checkState(0) == Qt.CheckState.Checked
