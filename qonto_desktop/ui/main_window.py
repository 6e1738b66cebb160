"""The main window: connections on the left, the selected one on the right, a menu above.

Every network and keyring call runs on :class:`Workers`; results come back on the GUI thread.
Closing the window cancels a running connect flow and waits, bounded, for the workers.

At start-up the window can show a light shell first (title, menu, banners and "Loading your
connections…"), then import and build the list just after its first frame is painted, and the
detail pane, the actions and the keep-alive just after the list's first frame: see
``build_later``. The index is read on a worker meanwhile either way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop import APP_NAME
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.preferences import KEEP_ALIVE, keep_alive_on
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui import browser
from qonto_desktop.ui.clipboard import CLEAR_AFTER_MS, TokenClipboard
from qonto_desktop.ui.icons import app_icon, icon
from qonto_desktop.ui.language import set_language
from qonto_desktop.ui.menu_actions import MenuActions
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.shortcuts import set_standard_shortcut
from qonto_desktop.ui.window_geometry import geometry_file, load_geometry, save_geometry
from qonto_desktop.ui.workers import Workers

if TYPE_CHECKING:  # the dialog loads when first opened, the pane when the window builds it
    from qonto_desktop.connections.model import BackendDescription, Connection, IndexLoad
    from qonto_desktop.ui.connect.dialog import ConnectDialog
    from qonto_desktop.ui.keep_alive_window import WindowKeepAlive
    from qonto_desktop.ui.month_end.service import MonthEndService
    from qonto_desktop.ui.month_end.window_actions import MonthEndActions
    from qonto_desktop.ui.panes.actions import ConnectionActions
    from qonto_desktop.ui.panes.connection_list import ConnectionList
    from qonto_desktop.ui.panes.connection_pane import ConnectionPane
    from qonto_desktop.ui.panes.connection_view import ConnectionView
    from qonto_desktop.ui.panes.empty_state import EmptyState

log = logging.getLogger(__name__)

CLOSE_WAIT_MS = 10_000  # closing waits at most this long for running tasks
REREAD_MS = 60_000
RENEW_ALL_KEYS = "Ctrl+Shift+R"
LOADING, EMPTY, CONNECTIONS = range(3)


class MainWindow(QMainWindow):
    """Qonto Desktop's window.

    Args:
        desk: the connections and their storage.
        demo: demo mode (the built-in emulator plays Qonto): a permanent banner says so.
        language: ``"en"`` or ``"fr"``, for numbers, amounts and dates.
        open_browser: the browser seam, passed on to the connect dialog.
        workers: the worker pool (one of the window's own by default).
        clipboard_clear_ms: how long a copied access token stays on the clipboard.
        build_later: show a light shell first; import and build the list (and the empty state)
            just after the window's first frame is painted, then the detail pane, the actions
            and the keep-alive just after the first frame that shows the list (or the empty
            state); ``pane_built`` is emitted then. By default the window is complete when the
            constructor returns.
        demo_firm: in demo mode, what opens the demo firm (on a worker) and returns its desk:
            the empty state then offers it beside connecting one company.
        month_end: the month-end work (export, missing receipts); without it the window
            offers no month-end action.

    Signals:
        pane_built(): the connection pane and the empty state exist (``pane``, ``list``,
            ``view``, ``connection_actions`` and ``empty`` may be used from then on).
    """

    pane_built = Signal()

    def __init__(
        self,
        desk: Desk,
        *,
        demo: bool = False,
        language: str = "en",
        open_browser: Callable[[str], bool] = browser.open_url,
        workers: Workers | None = None,
        parent: QWidget | None = None,
        clipboard_clear_ms: int = CLEAR_AFTER_MS,
        build_later: bool = False,
        demo_firm: Callable[[], Desk] | None = None,
        month_end: MonthEndService | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.demo = demo
        self._demo_firm = demo_firm
        self.language = language
        set_language(language)
        self._open_browser = open_browser
        self.workers = workers if workers is not None else Workers(self)
        self.environments = (
            ("emulator", "production", "sandbox") if demo else ("production", "sandbox")
        )
        self.backend: str | None = None
        self._name_storage_after_load = False  # set when reading starts: see _name_storage()
        self._read_once = False  # the first read is shown (or its failure)
        self.closing = False
        self.connect_dialog: ConnectDialog | None = None
        self._select_after_load: str | None = None
        # Built by build_pane(), at once or just after the first frame (build_later).
        self.pane: ConnectionPane
        self.list: ConnectionList
        self.view: ConnectionView
        self.connection_actions: ConnectionActions
        self.empty: EmptyState
        self.list_ready = False  # the list and the empty state (the pane's first half)
        self.pane_ready = False  # the whole pane, the actions and the keep-alive
        self._build_later = build_later
        self._until_built: Callable[[], None] | None = None  # the last read, while unbuilt
        self.keep_alive: WindowKeepAlive | None = None  # built with the pane
        self.notice = MessageBar(parent=self)
        self.clipboard = TokenClipboard(clipboard_clear_ms, self)
        demo_word = self.tr("Demo")  # lupdate reads no tr() inside an f-string
        self.setWindowTitle(f"{APP_NAME} — {demo_word}" if demo else APP_NAME)
        self.setMinimumSize(920, 580)
        self.menu_actions = MenuActions(self, desk, self.workers, self.notice, demo=demo)
        self._month_end_service = month_end
        self.month_end: MonthEndActions | None = None  # with a service: built with the menu
        self._build_shell()
        self._build_menu()
        self.menu_actions.settings_saved.connect(self._settings_saved)
        geometry = load_geometry(geometry_file(desk.paths.config_dir))
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        # Re-read every minute: expiry words stay true, and refreshes by scripts show up.
        self.reread_timer = QTimer(self)
        self.reread_timer.setInterval(REREAD_MS)
        self.reread_timer.timeout.connect(self._reread_now)
        self.reread_timer.start()
        if build_later:  # once the loading words are painted: see eventFilter()
            self.loading.installEventFilter(self)
        else:
            self.build_list()
            self._start_reading()

    def _start_reading(self) -> None:
        """Read the connections on a worker; the keyring is named once they and the pane are."""
        self._name_storage_after_load = True
        self.reload()

    def _name_storage(self) -> None:
        """Name the keyring, on a worker, once: after the first list is shown, and the pane built.

        Naming it loads keyring's backend, SecretStorage, jeepney and cryptography (about 40 ms
        of imports): on a worker beside the index read they took the GIL from the GUI thread
        building the list, and beside the list's first frame from its painting and its first
        search. Only the detail pane and the About box show the words.
        """
        if not (self._name_storage_after_load and self._read_once and self.pane_ready):
            return
        if self.closing:
            return
        self._name_storage_after_load = False
        desk = self.desk
        self.workers.run(lambda: _storage(desk), self._backend_found, self._backend_unknown)

    # --- Building ------------------------------------------------------------------------

    def _build_shell(self) -> None:
        self.demo_banner = MessageBar(closable=False, parent=self)
        if self.demo:
            self.demo_banner.show_message(
                "warning",
                self.tr(
                    "Demo: not connected to Qonto. The built-in emulator plays Qonto on this "
                    "computer; no real account or money is involved."
                ),
            )
            self.demo_banner.setAccessibleName(self.tr("Demo mode"))
        self.index_banner = MessageBar(parent=self)
        self.loading = QLabel(self.tr("Loading your connections…"), self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.loading)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)
        for bar in (self.demo_banner, self.index_banner, self.notice):
            layout.addWidget(bar)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """With ``build_later``: build the list once the loading words have been painted, and
        the rest of the pane once the list (or the empty state) has been."""
        if event.type() == QEvent.Type.Paint:
            if watched is self.loading:
                self.loading.removeEventFilter(self)
                # Queued: runs after this frame is on screen, and never once the window is
                # gone. The workers start then too: their imports would compete for the GIL.
                QTimer.singleShot(0, self, self._start_reading)
                QTimer.singleShot(0, self, self.build_list)
            elif self.list_ready and watched in (self.pane, self.empty):
                self.pane.removeEventFilter(self)
                self.empty.removeEventFilter(self)
                # After this frame, once the event loop has gone round: what was typed or
                # clicked meanwhile is answered first.
                QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.build_pane))
        return super().eventFilter(watched, event)

    def build_list(self) -> None:
        """Import and build the list and the empty state (once; not once closing)."""
        if self.list_ready or self.closing:
            return
        from qonto_desktop.ui.panes.connection_pane import ConnectionPane  # noqa: PLC0415
        from qonto_desktop.ui.panes.empty_state import EmptyState  # noqa: PLC0415

        self.pane = ConnectionPane(
            self.desk,
            self.workers,
            self.clipboard,
            self.notice,
            now=self.desk.now,
            language=self.language,
            parent=self.pages,
            build_details=not self._build_later,
        )
        self.list = self.pane.list
        self.empty = EmptyState(self.pages)
        for page in (self.empty, self.pane):
            self.pages.addWidget(page)
        self.pane.connect_requested.connect(self.connect_new)
        self.pane.reconnect_requested.connect(self.open_connect)
        self.pane.reload_requested.connect(self.reload)
        self.empty.connect_requested.connect(self.connect_new)
        if self._demo_firm is not None:
            self.empty.offer_firm()
            self.empty.firm_requested.connect(self.open_demo_firm)
        if self.backend is not None:
            self.pane.set_backend(self.backend)
        self.list_ready = True
        if self._build_later:  # the rest once the list, or the empty state, is on screen
            self.pane.installEventFilter(self)
            self.empty.installEventFilter(self)
        waiting, self._until_built = self._until_built, None
        if waiting is not None:  # the list was read before it existed: show it now
            waiting()
        if not self._build_later:
            self.build_pane()

    def build_pane(self) -> None:
        """Build the rest: the detail pane, the actions, the icons, the keep-alive (once)."""
        if self.pane_ready or self.closing:
            return
        self.build_list()
        self.pane.build_details()
        self.view = self.pane.view
        self.connection_actions = self.pane.connection_actions
        self._set_icons()
        if self.month_end is not None:
            self.view.offer_export()
            self.view.export_requested.connect(self.month_end.open_export)
        self.pane_ready = True
        self._build_keep_alive()
        log.info("main window ready")
        self.pane_built.emit()
        self._name_storage()  # when the first list was shown before the pane was built

    def _build_keep_alive(self) -> None:
        """The background renewals and Renew all (their first turn comes well after this)."""
        from qonto_desktop.ui.keep_alive_window import WindowKeepAlive  # noqa: PLC0415

        self.keep_alive = WindowKeepAlive(
            self, lambda: self.desk, self.workers, self.notice, self.list.update_connection
        )
        self.renew_action.setShortcut(QKeySequence(RENEW_ALL_KEYS))  # after the first frame
        self.renew_action.setEnabled(True)

    def renew_all(self) -> None:
        """Open Renew all: every due connection renewed now, with its progress and outcomes."""
        if self.keep_alive is not None and not self.closing:
            self.keep_alive.renew_all()

    def _set_icons(self) -> None:
        """The window's and the menu's icons: SVG, so they load the icon engine (not at start)."""
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.setWindowIcon(app_icon())  # dialogs inherit it
        self.setWindowIcon(app_icon())
        self.connect_action.setIcon(icon("add"))
        self.menu_actions.set_icons()

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.connect_action = menu.addAction(self.tr("&Connect a client…"))
        set_standard_shortcut(self.connect_action, QKeySequence.StandardKey.New)
        self.connect_action.triggered.connect(self.connect_new)
        self.renew_action = menu.addAction(self.tr("&Renew all connections…"))
        self.renew_action.setEnabled(False)  # until the keep-alive is built with the pane
        self.renew_action.triggered.connect(self.renew_all)
        self._build_month_end(menu)
        menu.addAction(self.menu_actions.settings)
        menu.addAction(self.menu_actions.log_folder)
        menu.addSeparator()
        quit_action = menu.addAction(self.tr("&Quit"))
        set_standard_shortcut(quit_action, QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.menu_actions.about)
        self.menuBar().setAccessibleName(self.tr("Menu bar"))

    def _build_month_end(self, menu: QMenu) -> None:
        """Export… and Missing receipts…, when the window has the month-end work."""
        if self._month_end_service is None:
            return
        from qonto_desktop.ui.month_end.window_actions import MonthEndActions  # noqa: PLC0415

        self.month_end = MonthEndActions(
            self,
            self._month_end_service,
            self.workers,
            lambda: self.desk,
            lambda: self.list if self.list_ready else None,
            language=self.language,
        )
        menu.addSeparator()
        menu.addAction(self.month_end.export)
        menu.addAction(self.month_end.missing)
        menu.addSeparator()

    # --- The list ------------------------------------------------------------------------

    def reload(self, select: object = None) -> None:
        """Read the connections again (on a worker); select ``select`` once shown."""
        self._select_after_load = select if isinstance(select, str) else None
        desk = self.desk
        self.workers.run(lambda: _connections(desk), self._loaded, self._load_failed)

    def _reread_now(self) -> None:
        if self.pane_ready and not self.workers.busy:
            self.reload(select=self.view.connection.id if self.view.connection else None)

    def _loaded(self, load: object) -> None:
        from qonto_desktop.connections.model import IndexLoad  # noqa: PLC0415 - loaded by now

        if self.closing or not isinstance(load, IndexLoad):
            return
        if not self.list_ready:
            self._until_built = partial(self._loaded, load)
            return
        if load.problem is not None:
            self.index_banner.show_error(load.problem)
        else:
            self.index_banner.clear()
        self.list.set_connections(load.connections)
        page = CONNECTIONS if load.connections else EMPTY
        moved = page != self.pages.currentIndex()
        self.pages.setCurrentIndex(page)
        if self._select_after_load is not None:
            self.list.select(self._select_after_load)
        if moved:  # focus only follows a change of page, never steals it on a re-read
            (self.list.view if load.connections else self.empty.button).setFocus()
        self._read_once = True
        # Queued behind the list's first frame: the worker's imports would take the GIL from it.
        QTimer.singleShot(0, self, self._name_storage)
        if self.month_end is not None and load.connections:  # the counts, after the list
            QTimer.singleShot(0, self, self.month_end.refresh_counts)

    def _load_failed(self, error: QontoDesktopError) -> None:
        if self.closing:
            return
        if not self.list_ready:
            self._until_built = partial(self._load_failed, error)
            return
        self.index_banner.show_error(error)
        self.pages.setCurrentIndex(EMPTY)
        self._read_once = True
        self._name_storage()

    def _backend_found(self, description: object) -> None:
        from qonto_desktop.connections.model import BackendDescription  # noqa: PLC0415
        from qonto_desktop.ui.keyring_words import backend_words  # noqa: PLC0415 - after the shell

        if isinstance(description, BackendDescription):
            self._show_backend(backend_words(description))

    def _backend_unknown(self, error: QontoDesktopError) -> None:
        from qonto_desktop.ui.keyring_words import unknown_backend_words  # noqa: PLC0415

        self._show_backend(unknown_backend_words(error))

    def _show_backend(self, words: str) -> None:
        """Where the secrets are stored, in words, for the detail pane and the About box."""
        self.backend = words
        if self.list_ready:
            self.pane.set_backend(words)
        self.menu_actions.set_backend(words)

    def open_demo_firm(self) -> None:
        """Leave the one-company demo for the demo firm: its 40 companies, then the list."""
        if self._demo_firm is None or self.closing:
            return
        self.workers.run(self._demo_firm, self._demo_firm_opened, self._demo_firm_failed)

    def _demo_firm_opened(self, desk: object) -> None:
        if self.closing or not isinstance(desk, Desk):
            return
        self._demo_firm = None  # one firm per run: its emulator now plays Qonto
        self.empty.firm_button.hide()
        self._set_desk(desk)
        self.reload()

    def _demo_firm_failed(self, error: QontoDesktopError) -> None:
        if self.closing:
            return
        self.empty.firm_opening(False)
        self.notice.show_error(error)

    # --- Connecting ----------------------------------------------------------------------

    def connect_new(self) -> None:
        """Open the connect dialog for a new organization."""
        self.open_connect()

    def open_connect(self, reconnect: Connection | None = None) -> ConnectDialog:
        """Open the connect dialog (one at a time); ``reconnect`` keeps the organization."""
        if self.connect_dialog is not None:
            self.connect_dialog.raise_()
            self.connect_dialog.activateWindow()
            return self.connect_dialog
        from qonto_desktop.ui.connect.dialog import ConnectDialog  # noqa: PLC0415 - loads on use

        dialog = ConnectDialog(
            self.desk,
            self.workers,
            environments=self.environments,
            language=self.language,
            reconnect=reconnect,
            open_browser=self._open_browser,
            parent=self,
        )
        dialog.connected.connect(self._connected)
        dialog.settings_changed.connect(self._settings_changed)
        dialog.finished.connect(self._connect_closed)
        self.connect_dialog = dialog
        dialog.open()
        return dialog

    def _connected(self, connection: Connection) -> None:
        from qonto_desktop.ui.panes.status import display_name  # noqa: PLC0415 - with the pane

        self.notice.show_message(
            "success", self.tr("%1 is connected.").replace("%1", display_name(connection))
        )
        self.reload(select=connection.id)

    def _connect_closed(self) -> None:
        dialog, self.connect_dialog = self.connect_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _settings_changed(self, settings: Mapping[str, Any]) -> None:
        self._set_desk(replace(self.desk, settings=dict(settings)))

    def _settings_saved(self, saved: Mapping[str, Any]) -> None:
        settings = {k: v for k, v in self.desk.settings.items() if k != "language"}
        if "language" in saved:
            settings["language"] = saved["language"]
        settings.pop(KEEP_ALIVE, None)
        if KEEP_ALIVE in saved:
            settings[KEEP_ALIVE] = saved[KEEP_ALIVE]
        self._set_desk(replace(self.desk, settings=settings))
        if self.keep_alive is not None:
            self.keep_alive.set_enabled(keep_alive_on(settings))

    def _set_desk(self, desk: Desk) -> None:
        self.desk = desk
        if self.pane_ready:
            self.connection_actions.desk = desk
        self.menu_actions.desk = desk

    # --- Closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Cancel a running connect flow, wait (bounded) for the workers, remember the size."""
        self.closing = True
        self.reread_timer.stop()
        if self.keep_alive is not None:
            self.keep_alive.stop()  # a renewal running ends at its next chunk
        if self.pane_ready:
            self.connection_actions.stopped = True
        if self.month_end is not None:
            self.month_end.stop()  # an export running stops at its next checkpoint
        if self.connect_dialog is not None:
            self.connect_dialog.reject()  # cancels its flow and waits for it
        if not self.workers.wait_for_done(CLOSE_WAIT_MS):
            log.warning("a background task was still running when the window closed")
        self.clipboard.clear_now()
        save_geometry(geometry_file(self.desk.paths.config_dir), self.saveGeometry())
        super().closeEvent(event)


# On a worker, after the first frame: the application API's listing loads there, not before.
def _connections(desk: Desk) -> IndexLoad:
    from qonto_desktop.connections.listing import list_connections  # noqa: PLC0415

    return list_connections(desk)


def _storage(desk: Desk) -> BackendDescription:
    from qonto_desktop.connections.listing import describe_storage  # noqa: PLC0415

    return describe_storage(desk)
