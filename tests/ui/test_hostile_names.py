"""Hostile names in every view of the window: shown as text, escaped, short; never as HTML.

The emulator's organizations, accounts and user carry escape sequences, CR/LF that fake a
status line, a bidi override, NUL, ``<img>`` and ``<b>`` HTML and 100,000 characters. Each
view that names a connection is checked: every label's text() holds no control character and
no long line, a label whose text holds ``<`` is plain text, and tooltips are escaped.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.oauth.errors import OAuthError
from qonto_desktop.store.connection import Connection
from qonto_desktop.ui.connect.dialog import ConnectDialog
from qonto_desktop.ui.connect.result_page import ResultPage
from qonto_desktop.ui.dialogs.confirm_disconnect import ConfirmDisconnect
from qonto_desktop.ui.panes.connection_view import ConnectionView
from qonto_desktop.ui.panes.delegate import row_name
from qonto_desktop.ui.panes.error_view import ErrorView
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.workers import Workers
from tests.support.desks import connect_one, make_desk
from tests.support.hostile_names import (
    ACCOUNT_SHOWN,
    ESCAPES,
    ESCAPES_SHOWN,
    FAKE_LINE,
    FAKE_LINE_SHOWN,
    HTML,
    USER_SHOWN,
    assert_display_safe,
    make_hostile,
    unsafe_characters,
)
from tests.support.keyrings import MemoryKeyring
from tests.support.main_window import open_window

Hostile = tuple[Desk, dict[str, Connection]]


@pytest.fixture
def hostile(app_home: Path) -> Iterator[Hostile]:
    """A desk with the three hostile organizations connected, by their raw names."""
    emulator = Emulator(consent_mode="approve")
    make_hostile(emulator)
    with emulator:
        desk = make_desk(app_home, emulator, MemoryKeyring())
        connections = {
            organization.name: connect_one(desk, emulator, organization_id=organization.id)
            for organization in emulator.organizations[:3]
        }
        yield desk, connections


def huge(connections: dict[str, Connection]) -> Connection:
    return next(c for name, c in connections.items() if name.startswith(HTML))


def assert_shown_safely(widget: QWidget) -> str:
    """Check every label, title and tooltip in ``widget``; return the labels' text."""
    labels = [widget] if isinstance(widget, QLabel) else []
    labels += widget.findChildren(QLabel)
    texts = []
    for label in labels:
        text = label.text()
        assert_display_safe(text, f"label {label.objectName() or type(label).__name__}")
        if "<" in text:  # an organization's HTML must not be rendered
            assert label.textFormat() == Qt.TextFormat.PlainText, text[:80]
        texts.append(text)
    for part in [widget, *widget.findChildren(QWidget)]:
        assert_display_safe(part.windowTitle(), "a window title")
        tip = part.toolTip()
        assert_display_safe(tip, "a tooltip")
        assert "<img" not in tip
        assert "<b>" not in tip
    return "\n".join(texts)


def test_list_rows_and_their_tooltips(qtbot: QtBot, hostile: Hostile, workers: Workers) -> None:
    desk, _ = hostile
    window = open_window(qtbot, desk, workers)
    model = window.list.model
    assert model.rowCount() == 3
    painted = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        name = row_name(index)  # what the delegate paints
        assert_display_safe(name, "a painted row")
        assert name == index.data(Qt.ItemDataRole.DisplayRole)
        painted.append(name)
        spoken = str(index.data(Qt.ItemDataRole.AccessibleTextRole))
        assert_display_safe(spoken, "a row's accessible text")
        tip = str(index.data(Qt.ItemDataRole.ToolTipRole))
        assert_display_safe(tip, "a row's tooltip")
        assert tip.startswith("<p>")  # rich text, so that its escapes read as characters
        assert "<img" not in tip
    assert ESCAPES_SHOWN in painted
    assert FAKE_LINE_SHOWN in painted
    assert any(name.startswith(HTML) and name.endswith("…") for name in painted)
    assert any(
        "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;Big"
        in str(model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
        for row in range(3)
    )
    assert_shown_safely(window)


def test_the_detail_pane_title_sections_and_accounts(qtbot: QtBot, hostile: Hostile) -> None:
    _, connections = hostile
    view = ConnectionView(now=time.time)
    qtbot.addWidget(view)
    view.show()
    view.show_connection(connections[ESCAPES])
    text = assert_shown_safely(view)
    assert view.name.text() == ESCAPES_SHOWN
    assert ACCOUNT_SHOWN in text
    assert USER_SHOWN in text
    assert any(line.startswith(HTML) for line in text.split("\n"))  # the huge account, cut
    view.show_connection(huge(connections))
    assert view.name.text().startswith(HTML)  # literally: the text format is plain
    assert view.name.textFormat() == Qt.TextFormat.PlainText
    assert_shown_safely(view)
    view.show_connection(connections[FAKE_LINE])
    assert view.name.text() == FAKE_LINE_SHOWN
    assert_shown_safely(view)


def test_the_message_bar_after_an_action(qtbot: QtBot, hostile: Hostile, workers: Workers) -> None:
    desk, connections = hostile
    window = open_window(qtbot, desk, workers)
    target = huge(connections)
    assert window.list.select(target.id)
    window.view.test_button.click()
    qtbot.waitUntil(window.view.message.isVisible)
    words = window.view.message.text
    assert words.startswith(f"Connection OK: Qonto answered for {HTML}")
    assert_display_safe(words, "the message bar")
    assert_shown_safely(window.view.message)


def test_the_confirm_disconnect_dialog_and_its_title(qtbot: QtBot, hostile: Hostile) -> None:
    _, connections = hostile
    for connection in connections.values():
        dialog = ConfirmDisconnect(connection, "Secret Service")
        qtbot.addWidget(dialog)
        assert_shown_safely(dialog)
        assert "\n" not in dialog.windowTitle()
    dialog = ConfirmDisconnect(connections[FAKE_LINE], None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"Disconnect {FAKE_LINE_SHOWN}?"
    dialog = ConfirmDisconnect(huge(connections), None)
    qtbot.addWidget(dialog)
    title = next(label for label in dialog.findChildren(QLabel) if label.text().startswith("Disc"))
    assert title.text().startswith(f"Disconnect {HTML}")
    assert title.textFormat() == Qt.TextFormat.PlainText


def test_the_reconnect_dialog_title_and_the_connected_page(
    qtbot: QtBot, hostile: Hostile, workers: Workers
) -> None:
    desk, connections = hostile
    dialog = ConnectDialog(desk, workers, environments=("emulator",), reconnect=huge(connections))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith(f"Reconnect {HTML}")
    assert_shown_safely(dialog)
    dialog.reject()
    page = ResultPage()
    qtbot.addWidget(page)
    for connection in connections.values():
        page.show_success(connection, "en")
        assert_shown_safely(page)
    page.show_success(connections[ESCAPES], "en")
    assert f"Connected to {ESCAPES_SHOWN}" in page.text()
    assert USER_SHOWN in page.text()


def test_qonto_s_own_words_in_an_error_are_shown_as_text(qtbot: QtBot) -> None:
    view = ErrorView()
    qtbot.addWidget(view)
    view.show_error(OAuthError(oauth_error="access_denied", detail=FAKE_LINE + HTML * 5000))
    text = assert_shown_safely(view)
    assert FAKE_LINE_SHOWN in text
    assert unsafe_characters(view.text()) == []


def test_finished_words_with_a_path_in_them_are_shown_as_one_safe_line(qtbot: QtBot) -> None:
    # Words built before they reach a message (a path, a system's reason) are not a template.
    words = f"The log folder /home/{FAKE_LINE}/{HTML} cannot be created."
    view = ErrorView()
    qtbot.addWidget(view)
    view.show_error(QontoDesktopError(words, next_action=f"Check {ESCAPES}."))
    assert FAKE_LINE_SHOWN in assert_shown_safely(view)
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("info", words + "z" * 5_000)
    assert bar.text.startswith(f"The log folder /home/{FAKE_LINE_SHOWN}/{HTML}")
    assert_shown_safely(bar)
