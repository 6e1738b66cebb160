"""The connect dialog: choose where and what to connect, sign in through the browser, see it done.

Three pages: the form (environment, app registration, organization, permissions), waiting for
the browser, and the result. Saving the registration and the whole sign-in run on worker threads;
only one attempt runs at a time, and closing the dialog cancels it and waits for it to end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.companies import Company, CompanyChoice, sign_in
from qonto_desktop.connections.connect import connect
from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.errors import AuthorizationCancelledError, StateMismatchError
from qonto_desktop.connections.model import DEFAULT_TIMEOUT, Connection, ConnectRequest
from qonto_desktop.connections.registration import default_environment
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui import browser
from qonto_desktop.ui.connect.company_page import CompanyPage
from qonto_desktop.ui.connect.company_steps import CompanySteps
from qonto_desktop.ui.connect.flow import ConnectFlow
from qonto_desktop.ui.connect.organization_fields import OrganizationFields
from qonto_desktop.ui.connect.registration_form import (
    RegistrationForm,
    button,
    save_registration,
)
from qonto_desktop.ui.connect.scope_picker import ScopePicker, scrolling
from qonto_desktop.ui.connect.waiting_page import ResultPage, WaitingPage, heading
from qonto_desktop.ui.panes.error_view import message_label
from qonto_desktop.ui.plain import safe_text
from qonto_desktop.ui.workers import Workers

# How long closing the dialog waits for a cancelled attempt to end (receiver stopped, joined).
STOP_WAIT_MS = 5000
PAGE_LANGUAGES = ("en", "fr")  # the receiver's browser pages exist in these languages

STYLE = """
QLabel[role="message"] { color: #a1261b; }
QLabel[role="hint"] { color: #50555c; }
QLabel#badge { border: 1px solid; border-radius: 3px; padding: 0px 5px; font-weight: bold; }
QLabel#badge[kind="sensitive"] { background: #fff4e0; border-color: #c98a1b; color: #5c3b00; }
QLabel#badge[kind="money"] { background: #fce8e6; border-color: #c5473d; color: #6b1a14; }
QLabel[role="warning"] { background: #fff4e0; border: 1px solid #c98a1b; color: #5c3b00;
    border-radius: 3px; padding: 4px 6px; }
"""


class ConnectForm(QWidget):
    """The first page: environment, app registration, organization, permissions."""

    def __init__(
        self,
        desk: Desk,
        environments: Sequence[str],
        language: str,
        reconnect: Connection | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connect_form")
        self.desk = desk
        self._busy = False
        names = list(dict.fromkeys(environments))
        if reconnect is not None and reconnect.environment not in names:
            names.insert(0, reconnect.environment)
        if not names:
            raise ValueError("the connect dialog needs at least one environment to offer")
        self.heading = heading(self, "form_heading")
        self._title = (
            self.tr("Reconnect (same organization, change permissions)")
            if reconnect is not None
            else self.tr("Connect a Qonto organization")
        )
        self.heading.setText(self._title)
        self.environment = QComboBox(self)
        self.environment.setObjectName("environment")
        self.environment.setAccessibleName(self.tr("Environment"))
        self.environment.setAccessibleDescription(self.tr("Which Qonto to connect to."))
        labels = {"production": self.tr("Production"), "sandbox": self.tr("Sandbox")}
        labels["emulator"] = self.tr("Demo")
        for name in names:
            self.environment.addItem(labels.get(name, name), name)
        self.registration = RegistrationForm(self)
        self.organization = OrganizationFields(self)
        self.picker = ScopePicker(language, self)
        self.problem_summary = message_label(self, "form_problems")
        self.close_button = button(
            self, "close_form", self.tr("Close"), self.tr("Closes this window.")
        )
        self.connect_button = button(
            self,
            "connect",
            self.tr("Connect"),
            self.tr("Opens Qonto in your browser to sign in and approve."),
        )
        self.connect_button.setDefault(True)
        self._layout()
        self.environment.currentIndexChanged.connect(self._environment_changed)
        for part in (self.registration, self.organization, self.picker):
            part.changed.connect(self._validate)
        self.registration.user_access.toggled.connect(self._access_changed)
        if reconnect is not None:
            self.environment.setCurrentIndex(self.environment.findData(reconnect.environment))
            self.environment.setEnabled(False)
            if reconnect.organization_id:
                self.organization.fix_organization(
                    reconnect.organization_id, safe_text(reconnect.display_name)
                )
            self.picker.set_selected(reconnect.scopes_requested)
        elif "emulator" not in names:  # the Demo comes first in demo mode
            chosen = self.environment.findData(default_environment(desk.settings))
            self.environment.setCurrentIndex(max(chosen, 0))
        self._environment_changed()
        for first, second in zip(self.controls(), self.controls()[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _layout(self) -> None:
        where = QLabel(self.tr("Environment"), self)
        where.setBuddy(self.environment)
        left_content = QWidget()
        left = QVBoxLayout(left_content)
        left.setContentsMargins(0, 0, 4, 0)
        left.setSpacing(12)
        environment_row = QHBoxLayout()
        environment_row.addWidget(where)
        environment_row.addWidget(self.environment, 1)
        left.addLayout(environment_row)
        for part in (self.registration, self.organization):
            left.addWidget(part)
        left.addStretch(1)
        # The left column scrolls rather than squeezing its fields when messages appear.
        left_area = scrolling(self, "form_column", left_content)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(left_area, 4)
        columns.addWidget(self.picker, 5)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_summary, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order (left column, permissions, buttons)."""
        parts: list[QWidget] = [self.environment]
        for part in (self.registration, self.organization, self.picker):
            parts.extend(part.controls())
        return [*parts, self.close_button, self.connect_button]

    def environment_name(self) -> str:
        """The selected environment's name."""
        return str(self.environment.currentData())

    def problems(self) -> list[str]:
        """Everything that stops Connect, in the user's words."""
        problems = self.registration.problems()
        if not self._user_access():  # an organization cannot be fixed with user access
            problems += self.organization.problems()
        return problems + self.picker.problems()

    def _user_access(self) -> bool:
        return self.registration.user_access.isChecked()

    def set_busy(self, busy: bool) -> None:
        """Only one attempt at a time: Connect is off while one runs."""
        self._busy = busy
        self._validate()

    def focus_first(self) -> None:
        """Put the focus on the first control that can take it."""
        next(widget for widget in self.controls() if widget.isEnabled()).setFocus()

    def _environment_changed(self) -> None:
        environment = environment_of(self.desk, self.environment_name())
        label = self.environment.currentText()
        self.registration.set_environment(environment, self.desk.settings, label)
        self._access_changed()

    def _access_changed(self) -> None:
        """User access: its permission is always asked for, and no organization is fixed."""
        user_access = self.registration.user_access.isChecked()
        self.picker.set_user_access(user_access)
        self.organization.setVisible(not user_access)
        self.heading.setText(
            self.tr("Connect your Qonto companies (one sign-in for all)")
            if user_access
            else self._title
        )

    def _validate(self) -> None:
        problems = self.problems()
        self.problem_summary.setText(
            self.tr("Correct the messages above to connect.") if problems else ""
        )
        self.problem_summary.setAccessibleDescription(" ".join(problems))
        self.problem_summary.setVisible(bool(problems))
        self.connect_button.setEnabled(not problems and not self._busy)


class ConnectDialog(QDialog):
    """Connect (or reconnect) a Qonto organization.

    Signals:
        connected(Connection): the connection was saved.
        settings_changed(dict): the app registration was saved; the new settings.
    """

    connected = Signal(object)
    settings_changed = Signal(object)

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
        self._user_access = False
        self.companies = CompanySteps(workers, self)  # a user-access sign-in's companies
        self._saving = False
        self._stop_requested = False
        self._connected = False
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
            else self.tr("Connect a Qonto organization")
        )
        self.setMinimumSize(680, 560)
        self.resize(760, 640)
        self.form.connect_button.clicked.connect(self._connect)
        self.form.close_button.clicked.connect(self.reject)
        self.waiting_page.cancel_requested.connect(self._cancel)
        self.waiting_page.open_again_requested.connect(self._open_again)
        self.waiting_page.address_offered.connect(self._offer)
        self.result_page.retry_requested.connect(self._show_form)
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
            use_case=sign_in if self._user_access else connect,
            parent=self,
        )
        flow.waiting.connect(self.waiting_page.start)
        flow.succeeded.connect(self._succeeded)
        flow.failed.connect(self._failed)
        self._flow = flow
        self._update_connect()
        flow.start()

    def _succeeded(self, result: Connection | CompanyChoice) -> None:
        if isinstance(result, CompanyChoice):
            self._choose(result)
            return
        connection = result
        self._connected = True
        self._end_flow()
        self.result_page.show_success(connection, self._language)
        self.pages.setCurrentWidget(self.result_page)
        self.result_page.close_button.setFocus()
        self.connected.emit(connection)

    def _failed(self, error: QontoDesktopError) -> None:
        self._saving = False
        self._end_flow()
        if isinstance(error, AuthorizationCancelledError) or self._stop_requested:
            self._show_form()
            return
        self.result_page.show_failure(error)
        self.pages.setCurrentWidget(self.result_page)
        self.result_page.retry.setFocus()

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
        self.result_page.show_companies(connections)
        self.pages.setCurrentWidget(self.result_page)
        self.result_page.close_button.setFocus()
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
