"""The detail pane in an accountant's words: the company and its access first, the tokens under
a collapsed "Advanced", "Renew access", and a neutral safe button in the disconnect question."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QDateTime, QPoint, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import AccountSummary, Connection
from qonto_desktop.ui.dialogs.confirm_disconnect import ConfirmDisconnect
from qonto_desktop.ui.formatting import date_time
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.company_words import registration_words
from qonto_desktop.ui.panes.connection_view import ConnectionView
from qonto_desktop.ui.panes.sections import with_tag
from tests.support.desks import connect_one

# 7 March 2027 at noon, local time: the day cannot shift with the time zone.
LAPSES = QDateTime.fromString("2027-03-07T12:00:00", "yyyy-MM-ddTHH:mm:ss").toSecsSinceEpoch()


@pytest.fixture
def connection(desk: Desk, emulator: Emulator) -> Connection:
    connected = connect_one(desk, emulator, organization_id=emulator.organizations[1].id)
    return replace(connected, refresh_expires_at=float(LAPSES))


def shown_view(qtbot: QtBot, connection: Connection, language: str = "en") -> ConnectionView:
    view = ConnectionView(now=time.time, language=language)
    qtbot.addWidget(view)
    view.resize(900, 1400)
    view.show_connection(connection)
    view.set_backend("Secret Service (GNOME Keyring)")
    view.show()
    qtbot.waitExposed(view)
    return view


def visible_texts(root: QWidget) -> list[str]:
    """What the user can read now: visible labels' and buttons' text."""
    texts = [label.text() for label in root.findChildren(QLabel) if label.isVisibleTo(root)]
    buttons = root.findChildren(QPushButton)
    texts += [button.text() for button in buttons if button.isVisibleTo(root)]
    return [text for text in texts if text]


def top(view: ConnectionView, widget: QWidget) -> int:
    return widget.mapTo(view, QPoint(0, 0)).y()


def label_with(view: ConnectionView, text: str) -> QLabel:
    (found,) = [label for label in view.findChildren(QLabel) if label.text() == text]
    return found


def test_the_pane_leads_with_the_company_then_who_then_the_accounts(
    qtbot: QtBot, connection: Connection
) -> None:
    view = shown_view(qtbot, connection)
    assert view.registration.text() == "SIREN 912 543 089"
    assert view.access.text() == "Access valid until 7 March 2027"
    order = [
        view.name,
        view.legal_name,
        view.registration,
        view.status_words,
        view.access,
        view.test_button,
        label_with(view, "Signed in"),
        label_with(view, "Bank accounts"),
        label_with(view, "Permissions"),
        view.advanced.toggle,
    ]
    tops = [top(view, widget) for widget in order]
    assert tops == sorted(tops), [widget.objectName() or type(widget).__name__ for widget in order]
    assert len(set(tops)) == len(tops)
    texts = visible_texts(view)
    assert texts.index("Signed in") < texts.index("Camille Lefèvre") < texts.index("Accountant")


def test_balances_say_when_they_were_read(qtbot: QtBot, connection: Connection) -> None:
    view = shown_view(qtbot, connection)
    (as_of,) = view.findChildren(QLabel, "balances_as_of")
    assert as_of.text() == f"Balances as of {date_time(connection.verified_at, 'en')}"
    assert top(view, as_of) < top(view, label_with(view, "€74,120.85"))


def test_the_tokens_wait_under_a_collapsed_advanced(qtbot: QtBot, connection: Connection) -> None:
    view = shown_view(qtbot, connection)
    assert not view.advanced.expanded
    assert not view.copy_button.isVisible()
    seen = "\n".join(visible_texts(view)).casefold()
    for technical in ("token", "keyring", "secret service", "openid", "scope", connection.id):
        assert technical not in seen, technical
    view.advanced.toggle.click()
    assert view.copy_button.isVisible()
    seen = "\n".join(visible_texts(view))
    for fact in (
        "Access token expires",
        "Refresh token",
        "Secrets stored in",
        "Secret Service (GNOME Keyring)",
        "Copy access token",
        connection.id,
    ):
        assert fact in seen, fact
    assert "openid" in seen  # the permission codes, on their own row
    view.show_connection(replace(connection, verified_at=time.time()))  # the minute's re-read
    assert view.advanced.toggle.isChecked()
    assert view.copy_button.isVisible()


def test_renew_access_is_the_words_for_a_refresh(qtbot: QtBot, connection: Connection) -> None:
    view = shown_view(qtbot, connection)
    assert view.renew_button.text() == "Renew access"
    assert not [button.text() for button in view.buttons if "refresh" in button.text().casefold()]
    with qtbot.waitSignal(view.renew_requested) as asked:
        view.renew_button.click()
    assert asked.args == [connection.id]


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"state": "needs_reconnect"}, "Access ended: reconnect to use this company again."),
        (
            {"refresh_expires_at": float(LAPSES - 366 * 86400)},
            "Access ended on 6 March 2026: reconnect to use this company again.",
        ),
    ],
    ids=["needs-reconnect", "lapsed"],
)
def test_an_access_that_ended_says_what_to_do(
    qtbot: QtBot, connection: Connection, changes: dict[str, object], words: str
) -> None:
    view = shown_view(qtbot, replace(connection, **changes))  # type: ignore[arg-type]
    assert view.access.text() == words


def test_french_access_words(qtbot: QtBot, connection: Connection) -> None:
    view = shown_view(qtbot, connection, "fr")
    assert view.access.text().endswith("7 mars 2027")  # Qt's words need the translator


def test_a_main_account_named_main_is_not_tagged_twice(
    qtbot: QtBot, connection: Connection
) -> None:
    assert with_tag("Compte principal", "principal") == "Compte principal"
    assert with_tag("Compte PRINCIPAL", "principal") == "Compte PRINCIPAL"
    assert with_tag("Compte courant", "principal") == "Compte courant (principal)"
    account = AccountSummary("Main account", "FR76 •••• 0001", "EUR", 100, main=True)
    view = shown_view(qtbot, replace(connection, accounts=(account,)))
    texts = visible_texts(view)
    assert "Main account" in texts
    assert "Main account (main)" not in texts


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("912543089", "SIREN 912 543 089"),
        ("81948962600039", "SIREN 819 489 626"),  # a SIRET: its SIREN
        ("819 489 626", "SIREN 819 489 626"),
        ("12A34FC5", "Registration number 12A34FC5"),
        ("", ""),
    ],
)
def test_the_company_number_in_words(number: str, words: str) -> None:
    assert registration_words(number) == words


def test_a_company_without_number_shows_no_empty_line(qtbot: QtBot, connection: Connection) -> None:
    view = shown_view(qtbot, replace(connection, legal_number=""))
    assert not view.registration.isVisible()


def neutral(image: QImage) -> bool:
    """Every drawn pixel is grey: no channel stands out (a red cross would)."""
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor(image.pixelColor(x, y))
            if colour.alpha() > 40:
                channels = (colour.red(), colour.green(), colour.blue())
                if max(channels) - min(channels) > 24:
                    return False
    return True


def test_keep_the_connection_wears_a_neutral_icon(qtbot: QtBot, connection: Connection) -> None:
    dialog = ConfirmDisconnect(connection, None)
    qtbot.addWidget(dialog)
    keep = dialog.cancel_button
    assert keep.text() == "Keep the connection"
    assert keep.icon().cacheKey() == icon("keep").cacheKey()
    image = keep.icon().pixmap(QSize(32, 32)).toImage()
    assert not image.isNull()
    assert neutral(image)
    assert not neutral(icon("disconnect").pixmap(QSize(32, 32)).toImage())  # the check can fail
