"""The connect dialog: sign in through the browser, see it done, connect the next client.

Pages: the form (:mod:`.connect_form`: the permissions in plain words, the rest under
Advanced), waiting for the browser, the companies of a user-access sign-in, and the result.
Saving the registration and the whole sign-in run on worker threads; only one attempt runs at a
time, and closing the dialog cancels it and waits for it to end.

An accountant connects many clients in a row: after a success, "Connect another client"
starts the next sign-in at once with the same choices, and the dialog keeps the tally of the
session. When Qonto sends the browser back, the dialog comes to the front (or, where the
system refuses to give it the focus, asks for attention), so that the browser does not stay
in front saying "return to the app".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QStackedWidget, QVBoxLayout, QWidget

from qonto_desktop.connections.companies import Company, CompanyChoice, sign_in
from qonto_desktop.connections.connect import connect_client
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import AuthorizationCancelledError, StateMismatchError
from qonto_desktop.connections.model import (
    DEFAULT_TIMEOUT,
    Connected,
    Connection,
    ConnectRequest,
)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui import browser
from qonto_desktop.ui.connect.company_page import CompanyPage
from qonto_desktop.ui.connect.company_steps import CompanySteps
from qonto_desktop.ui.connect.connect_form import ConnectForm
from qonto_desktop.ui.connect.flow import ConnectFlow
from qonto_desktop.ui.connect.registration_form import save_registration
from qonto_desktop.ui.connect.result_page import ResultPage
from qonto_desktop.ui.connect.waiting_page import WaitingPage
from qonto_desktop.ui.plain import safe_text
from qonto_desktop.ui.workers import Workers

# How long closing the dialog waits for a cancelled attempt to end (receiver stopped, joined).
STOP_WAIT_MS = 5000
# Qt platforms without windows to raise (tests, screenshots): raising there only warns.
WINDOWLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
PAGE_LANGUAGES = ("en", "fr")  # the receiver's browser pages exist in these languages

STYLE = """
QLabel[role="message"] { color: #a1261b; }
QLabel[role="hint"] { color: #50555c; }
QLabel#badge { border: 1px solid; border-radius: 3px; padding: 0px 5px; font-weight: bold; }
QLabel#badge[kind="sensitive"] { background: #fff4e0; border-color: #c98a1b; color: #5c3b00; }
QLabel#badge[kind="money"] { background: #fce8e6; border-color: #c5473d; color: #6b1a14; }
QLabel[role="warning"] { background: #fff4e0; border: 1px solid #c98a1b; color: #5c3b00;
    border-radius: 3px; padding: 4px 6px; }
QToolButton#change_permissions, QToolButton#advanced, QToolButton#details { padding: 2px 0px; }
"""


class ConnectDialog(QDialog):
    """Connect (or reconnect) clients' Qonto companies, one after another.

    Signals:
        connected(Connection): the connection was saved (new, or an existing one renewed).
        settings_changed(dict): the app registration was saved; the new settings.
        came_forward(): Qonto's answer brought the window to the front (or asked for
            attention).
    """

    connected = Signal(object)
    settings_changed = Signal(object)
    came_forward = Signal()

    def __init__(
        self,
        desk: Desk,
        workers: Workers,
        *,
        environments: Sequence[str],
        language: str = "en",
        reconnect: Connection | None = None,
        open_browser: Callable[[str], bool] = browser.open_url,
        timeout: float = DEFAULT_TIMEOUT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self._desk = desk
        self._workers = workers
        self._language = language
        self._open_browser = open_browser
        self._timeout = timeout
        self._flow: ConnectFlow | None = None
        self._in_browser = False  # the running attempt sent the user to the browser
        self._user_access = False
        self.companies = CompanySteps(workers, self)  # a user-access sign-in's companies
        self._saving = False
        self._stop_requested = False
        self._connected = False
        self.session: dict[str, Connection] = {}  # what this dialog connected, by id
        self._reconnecting = reconnect is not None  # one given company: no "another"
        self.form = ConnectForm(desk, environments, language, reconnect, self)
        self.waiting_page = WaitingPage(self)
        self.result_page = ResultPage(self)
        self.company_page = CompanyPage(self)
        self.pages = QStackedWidget(self)
        for page in (self.form, self.waiting_page, self.company_page, self.result_page):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self.pages)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(
            self.tr("Reconnect {organization}").format(
                organization=safe_text(reconnect.display_name)
            )
            if reconnect is not None
            else self.tr("Connect a client")
        )
        self.setMinimumSize(680, 560)
        self.resize(760, 640)
        self.form.connect_button.clicked.connect(self._connect)
        self.form.close_button.clicked.connect(self.reject)
        self.waiting_page.cancel_requested.connect(self._cancel)
        self.waiting_page.open_again_requested.connect(self._open_again)
        self.waiting_page.address_offered.connect(self._offer)
        self.result_page.retry_requested.connect(self._connect)
        self.result_page.another_requested.connect(self._another)
        self.result_page.back_requested.connect(self._show_form)
        self.result_page.close_requested.connect(self._close_result)
        self.company_page.add_requested.connect(self._add_companies)
        self.company_page.cancel_requested.connect(self._drop_choice)
        self.companies.added.connect(self._added)
        self.companies.failed.connect(self._failed)
        self._show_form()

    @property
    def desk(self) -> Desk:
        """The desk, with the settings as last saved from this dialog."""
        return self._desk

    def flow(self) -> ConnectFlow | None:
        """The running attempt, if any."""
        return self._flow

    @property
    def busy(self) -> bool:
        """True while the registration is being saved, an attempt runs or companies are added."""
        return self._saving or self._flow is not None or self.companies.adding

    # --- Connect -------------------------------------------------------------------------

    def _connect(self) -> None:
        draft = self.form.registration.draft()
        if self.busy or draft is None or self.form.problems():
            return
        self._stop_requested = False
        self._in_browser = False
        self._user_access = draft.registration.user_access
        self._saving = True
        self._update_connect()
        self.waiting_page.starting()
        self.pages.setCurrentWidget(self.waiting_page)
        self.waiting_page.cancel.setFocus()
        desk = self._desk
        self._workers.run(lambda: save_registration(desk, draft), self._saved, self._failed)

    def _saved(self, settings: dict[str, Any] | None) -> None:
        self._saving = False
        if settings is not None:
            self._desk = replace(self._desk, settings=settings)
            self.form.desk = self._desk
            self.settings_changed.emit(settings)
        if self._stop_requested:
            self._show_form()
            return
        organization_id, registration_id = self.form.organization.values()
        if self._user_access:  # one sign-in for every company: no pre-selection applies
            organization_id = registration_id = None
        request = ConnectRequest(
            environment=self.form.environment_name(),
            scopes=self.form.picker.selected(),
            organization_id=organization_id,
            registration_id=registration_id,
            language=self._language if self._language in PAGE_LANGUAGES else "en",
            timeout=self._timeout,
        )
        flow = ConnectFlow(
            self._desk,
            self._workers,
            request,
            open_browser=self._open_browser,
            use_case=sign_in if self._user_access else connect_client,
            parent=self,
        )
        flow.waiting.connect(self._waiting)
        flow.answered.connect(self.come_forward)
        flow.succeeded.connect(self._succeeded)
        flow.failed.connect(self._failed)
        self._flow = flow
        self._update_connect()
        flow.start()

    def _waiting(self, url: str, redirect_uri: str, deadline: float) -> None:
        self._in_browser = True
        self.waiting_page.start(url, redirect_uri, deadline)

    def _succeeded(self, result: Connected | CompanyChoice) -> None:
        self.come_forward()
        if isinstance(result, CompanyChoice):
            self._choose(result)
            return
        connection = result.connection
        self._connected = True
        self._end_flow()
        self.session[connection.id] = connection
        self.result_page.show_success(connection, self._language, renewed=result.renewed)
        self._show_result()
        self.connected.emit(connection)

    def _failed(self, error: QontoDesktopError) -> None:
        self._saving = False
        self._end_flow()
        if isinstance(error, AuthorizationCancelledError) or self._stop_requested:
            self._show_form()
            return
        self.come_forward()  # a refusal, a time-out: the user is still in the browser
        self.result_page.show_failure(error)
        self._show_result(self.result_page.retry)

    def _show_result(self, focus: QWidget | None = None) -> None:
        """The result page, its tally, the focus on what comes next (the next client)."""
        page = self.result_page
        page.set_tally(len(self.session))
        if self._reconnecting:
            page.another.hide()
        if focus is None:
            focus = page.close_button if self._reconnecting else page.another
        self.pages.setCurrentWidget(page)
        focus.setFocus()

    def _another(self) -> None:
        """The next client: the same choices, but not the IDs of the last one's company."""
        self.form.organization.forget()
        self._connect()

    def come_forward(self) -> None:
        """Qonto answered: bring this window to the front, or ask for attention; once.

        Some systems refuse to hand the focus to another application's window; the alert
        (a flashing task bar entry, a bouncing dock icon) is the most they allow. Nothing
        happens when the attempt never sent the user to the browser.
        """
        if not self._in_browser:
            return
        self._in_browser = False
        if QGuiApplication.platformName() not in WINDOWLESS_PLATFORMS:
            self.raise_()
            self.activateWindow()
            QApplication.alert(self, 0)
        self.came_forward.emit()

    def _end_flow(self) -> None:
        self.waiting_page.stop()
        if self._flow is not None:
            self._flow.deleteLater()
            self._flow = None
        self._update_connect()

    # --- User access: pick the companies -------------------------------------------------

    def _choose(self, choice: CompanyChoice) -> None:
        self._end_flow()
        self.companies.hold(choice)
        if self._stop_requested:  # closed or cancelled as the list arrived
            self._drop_choice()
            return
        self.company_page.show_choice(choice)
        self.pages.setCurrentWidget(self.company_page)

    def _add_companies(self, picked: tuple[Company, ...]) -> None:
        self.companies.add(self._desk, picked)
        self._update_connect()

    def _added(self, connections: tuple[Connection, ...]) -> None:
        self._connected = True
        self._update_connect()
        self.session.update((connection.id, connection) for connection in connections)
        self.result_page.show_companies(connections)
        self._show_result()
        for connection in connections:
            self.connected.emit(connection)

    def _drop_choice(self) -> None:
        """Add nothing: the sign-in's grant is revoked, on a thread of its own."""
        self.companies.drop()
        self._show_form()

    # --- While waiting -------------------------------------------------------------------

    def _cancel(self) -> None:
        self._stop_requested = True
        self.waiting_page.cancel.setEnabled(False)
        if self._flow is not None:
            self._flow.cancel()

    def _open_again(self) -> None:
        if self._flow is not None:
            self._flow.open_again()

    def _offer(self, address: str) -> None:
        try:
            if self._flow is None:
                raise StateMismatchError()
            self._flow.offer_pasted(address)
        except QontoDesktopError as error:
            self.waiting_page.show_paste_error(error)

    # --- Pages and closing ---------------------------------------------------------------

    def _show_form(self) -> None:
        self.waiting_page.cancel.setEnabled(True)
        self.pages.setCurrentWidget(self.form)
        self._update_connect()
        self.form.focus_first()

    def _close_result(self) -> None:
        """Accepted once connected; rejected after a failure."""
        if self._connected:
            self.accept()
        else:
            self.reject()

    def _update_connect(self) -> None:
        self.form.set_busy(self.busy)

    def done(self, result: int) -> None:
        """Close; a running attempt is cancelled first and waited for, briefly."""
        self._stop_requested = True
        if self._flow is not None:
            self._flow.cancel()
        if self.busy:
            self._workers.wait_for_done(STOP_WAIT_MS)
        self.companies.drop()  # closed while picking: the sign-in is revoked
        super().done(result)
