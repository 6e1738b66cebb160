"""The connect dialog's first page: one button to sign in, the rest folded away.

What an accountant reads: the permissions asked for, in plain words, and "Sign in with Qonto".
The permission picker is under "Change"; the environment, the app registration and the
organization or registration IDs are under "Advanced", which opens by itself only when
something there is missing or wrong (no client ID yet, a damaged saved registration, an ID
mistyped). With a registration that comes with the app or was saved before, "Sign in with
Qonto" is the one click after "Connect a client".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.model import Connection
from qonto_desktop.connections.registration import default_environment
from qonto_desktop.ui.connect.disclosure import Disclosure
from qonto_desktop.ui.connect.organization_fields import OrganizationFields
from qonto_desktop.ui.connect.permission_summary import PermissionSummary
from qonto_desktop.ui.connect.registration_form import RegistrationForm, button
from qonto_desktop.ui.connect.scope_picker import ScopePicker, scrolling
from qonto_desktop.ui.connect.waiting_page import heading
from qonto_desktop.ui.panes.error_view import message_label
from qonto_desktop.ui.plain import safe_text

# The permissions an accountant connecting a client needs: read-only, with the documents.
ACCOUNTANT_PRESET = "bookkeeping_attachments"


class ConnectForm(QWidget):
    """The first page: the permissions in plain words, Sign in, and the rest folded away."""

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
        self._ready = False  # parts open by themselves only once the form is whole
        names = list(dict.fromkeys(environments))
        if reconnect is not None and reconnect.environment not in names:
            names.insert(0, reconnect.environment)
        if not names:
            raise ValueError("the connect dialog needs at least one environment to offer")
        self.heading = heading(self, "form_heading")
        self._title = (
            self.tr("Reconnect {client}").format(client=safe_text(reconnect.display_name))
            if reconnect is not None
            else self.tr("Connect a client")
        )
        self.heading.setText(self._title)
        self.intro = message_label(self, "form_intro", role="plain")
        self.environment = QComboBox(self)
        self.environment.setObjectName("environment")
        self.environment.setAccessibleName(self.tr("Environment"))
        self.environment.setAccessibleDescription(self.tr("Which Qonto to connect to."))
        self._labels = {
            "production": self.tr("Production"),
            "sandbox": self.tr("Sandbox"),
            "emulator": self.tr("Demo"),
        }
        for name in names:
            self.environment.addItem(self._labels.get(name, name), name)
        self.where = message_label(self, "form_where", role="hint")
        self.registration = RegistrationForm(self)
        self.organization = OrganizationFields(self)
        self.picker = ScopePicker(language, self)
        self.summary = PermissionSummary(self.picker, language, self)
        self.change = Disclosure(
            "change_permissions",
            self.tr("Change"),
            self.tr("Shows every permission, to ask for more or fewer."),
            self.picker,
            self,
        )
        self.advanced_part = self._advanced_part()
        self.advanced = Disclosure(
            "advanced",
            self.tr("Advanced"),
            self.tr("Environment, app registration, redirect address, organization."),
            self.advanced_part,
            self,
        )
        self.problem_summary = message_label(self, "form_problems")
        self.close_button = button(
            self, "close_form", self.tr("Close"), self.tr("Closes this window.")
        )
        self.connect_button = button(
            self,
            "connect",
            self.tr("Sign in with Qonto"),
            self.tr("Opens Qonto in your browser: sign in with your client's account and approve."),
        )
        self.connect_button.setDefault(True)
        self._layout()
        self.environment.currentIndexChanged.connect(self._environment_changed)
        for part in (self.registration, self.organization, self.picker):
            part.changed.connect(self._validate)
        self.registration.user_access.toggled.connect(self._access_changed)
        self._choose_first(reconnect, names)
        self._ready = True
        self._environment_changed()
        for first, second in zip(self.controls(), self.controls()[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _choose_first(self, reconnect: Connection | None, names: list[str]) -> None:
        """Reconnecting: the same environment, company and permissions; else the defaults."""
        if reconnect is not None:
            self.environment.setCurrentIndex(self.environment.findData(reconnect.environment))
            self.environment.setEnabled(False)
            if reconnect.organization_id:
                self.organization.fix_organization(
                    reconnect.organization_id, safe_text(reconnect.display_name)
                )
            self.picker.set_selected(reconnect.scopes_requested)
            return
        self.picker.apply_preset(ACCOUNTANT_PRESET)
        if "emulator" not in names:  # the Demo comes first in demo mode
            chosen = self.environment.findData(default_environment(self.desk.settings))
            self.environment.setCurrentIndex(max(chosen, 0))

    def _advanced_part(self) -> QWidget:
        part = QWidget(self)
        part.setObjectName("advanced_part")
        where = QLabel(self.tr("Environment"), part)
        where.setBuddy(self.environment)
        environment_row = QHBoxLayout()
        environment_row.addWidget(where)
        environment_row.addWidget(self.environment, 1)
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addLayout(environment_row)
        column.addWidget(self.registration)
        column.addWidget(self.organization)
        return part

    def _layout(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 4, 0)
        column.setSpacing(10)
        permissions = QLabel(self.tr("What the app may do"), body)
        permissions.setObjectName("permissions_heading")
        font = permissions.font()
        font.setBold(True)
        permissions.setFont(font)
        column.addWidget(self.intro)
        column.addWidget(self.where)
        column.addSpacing(6)
        column.addWidget(permissions)
        column.addWidget(self.summary)
        column.addWidget(self.change)
        column.addWidget(self.picker)
        self.picker.setMinimumHeight(380)
        column.addWidget(self.advanced)
        column.addWidget(self.advanced_part)
        column.addStretch(1)
        # The page scrolls rather than squeezing its fields when a part opens.
        area = scrolling(self, "form_column", body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_summary, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(area, 1)
        layout.addLayout(buttons)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order (what is folded away is skipped by Tab)."""
        return [
            self.change,
            *self.picker.controls(),
            self.advanced,
            self.environment,
            *self.registration.controls(),
            *self.organization.controls(),
            self.close_button,
            self.connect_button,
        ]

    def environment_name(self) -> str:
        """The selected environment's name."""
        return str(self.environment.currentData())

    def problems(self) -> list[str]:
        """Everything that stops Sign in, in the user's words."""
        return self._advanced_problems() + self.picker.problems()

    def _advanced_problems(self) -> list[str]:
        problems = self.registration.problems()
        if not self._user_access():  # an organization cannot be fixed with user access
            problems += self.organization.problems()
        return problems

    def _user_access(self) -> bool:
        return self.registration.user_access.isChecked()

    def set_busy(self, busy: bool) -> None:
        """Only one attempt at a time: Sign in is off while one runs."""
        self._busy = busy
        self._validate()

    def focus_first(self) -> None:
        """Sign in when it can be pressed; else the first control that needs the user."""
        if self.connect_button.isEnabled():
            self.connect_button.setFocus()
            return
        shown = [w for w in self.controls() if w.isEnabled() and w.isVisibleTo(self)]
        needing = [w for w in shown if w.parentWidget() in (self.registration, self.organization)]
        (needing or shown)[0].setFocus()

    def _environment_changed(self) -> None:
        environment = environment_of(self.desk, self.environment_name())
        label = self.environment.currentText()
        ready, self._ready = self._ready, False  # its fields change one by one: judge after
        self.registration.set_environment(environment, self.desk.settings, label)
        self._ready = ready
        self.where.setText(
            ""
            if environment.name == "production"
            else self.tr("Environment: {environment} (change it under Advanced).").format(
                environment=label
            )
        )
        self.where.setVisible(environment.name != "production")
        self._access_changed()
        if self._ready and self.registration.damaged:
            self.advanced.open_part()
        self._validate()

    def _access_changed(self) -> None:
        """User access: its permission is always asked for, and no organization is fixed."""
        user_access = self.registration.user_access.isChecked()
        self.picker.set_user_access(user_access)
        self.organization.setVisible(not user_access)
        self.heading.setText(
            self.tr("Connect your clients' companies (one sign-in for all)")
            if user_access
            else self._title
        )
        self.intro.setText(
            self.tr(
                "Sign in to Qonto in your browser and approve: every company you can reach is "
                "offered next."
            )
            if user_access
            else self.tr(
                "Qonto opens in your browser: sign in with your client's account (or yours, if "
                "they invited you), choose the company and approve. The app does the rest."
            )
        )

    def _validate(self) -> None:
        problems = self.problems()
        if self._ready and self._advanced_problems():  # something there needs the user
            self.advanced.open_part()
        if self._ready and self.picker.problems():
            self.change.open_part()
        self.problem_summary.setText(
            self.tr("Correct the messages above to sign in.") if problems else ""
        )
        self.problem_summary.setAccessibleDescription(" ".join(problems))
        self.problem_summary.setVisible(bool(problems))
        self.connect_button.setEnabled(not problems and not self._busy)
