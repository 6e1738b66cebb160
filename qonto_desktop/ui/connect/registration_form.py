"""The app registration of one environment: client ID, secret, redirect address, staging token.

What the user registered in Qonto's Developer Portal, remembered per environment: the client ID
and redirect address (host and port) in the settings, the client secret and the sandbox's
staging token in the keyring (``connections.registration.save_registration``, run on a worker).
The client ID and the port are checked by the same rules as ``configure``, and refused in the
same words. The Demo's registration is preset and read-only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from qonto_desktop.connections.registration import (
    CALLBACK_PATH,
    LOOPBACK_HOST,
    MAX_PORT,
    MIN_PORT,
    Access,
    AppRegistration,
    Environment,
    LoopbackHost,
    RegistrationDraft,
    client_id_problem,
    port_problem,
    registration_problem,
    save_registration,
    saved_registration,
)
from qonto_desktop.i18n.localize import localize
from qonto_desktop.ui.language import current_language
from qonto_desktop.ui.panes.error_view import message_label

__all__ = ["RegistrationDraft", "RegistrationForm", "save_registration", "saved_registration"]


def parse_port(text: str) -> int | None:
    """The port typed, or None when the one port rule refuses it."""
    return int(text.strip()) if port_problem(text) is None else None


def line_edit(
    parent: QWidget, name: str, accessible_name: str, description: str, *, secret: bool = False
) -> QLineEdit:
    """A line edit with its object name, accessible name and description set."""
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible_name)
    edit.setAccessibleDescription(description)
    edit.setToolTip(description)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def button(parent: QWidget, name: str, text: str, description: str) -> QPushButton:
    """A push button with its object name, accessible name and description set."""
    pushed = QPushButton(text, parent)
    pushed.setObjectName(name)
    pushed.setAccessibleName(text.replace("&", ""))
    pushed.setAccessibleDescription(description)
    # Left auto-default (Qt's default in dialogs): Enter presses the focused button, and the
    # dialog's default button only when focus is elsewhere (a text field).
    return pushed


class RegistrationForm(QGroupBox):
    """The registration inputs of the selected environment, validated as the user types."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("App registration"), parent)
        self.setObjectName("registration_form")
        self._environment: Environment | None = None
        self._preset = False
        self.damaged = False  # the saved registration cannot be read: shown for repair
        self._drafts: dict[str, tuple[tuple[str, str, str, str], LoopbackHost]] = {}
        self.note = message_label(self, "registration_note", role="hint")
        self.client_id = line_edit(
            self,
            "client_id",
            self.tr("Client ID"),
            self.tr("The client ID of your app in Qonto's Developer Portal, for this environment."),
        )
        self.client_id_message = message_label(self, "client_id_message")
        self.client_secret = line_edit(
            self,
            "client_secret",
            self.tr("Client secret"),
            self.tr(
                "Optional. Saved in this computer's keyring. Leave empty to keep the saved one."
            ),
            secret=True,
        )
        self.client_secret.setPlaceholderText(self.tr("Optional; kept in the keyring"))
        self.redirect_port = line_edit(
            self,
            "redirect_port",
            self.tr("Redirect port"),
            self.tr(
                "The port of the redirect URI registered in the Developer Portal ({low} to {high})."
            ).format(low=MIN_PORT, high=MAX_PORT),
        )
        self.redirect_port.setMaxLength(5)
        self.redirect_port_message = message_label(self, "redirect_port_message")
        self.redirect_host = QComboBox(self)
        self.redirect_host.setObjectName("redirect_host")
        self.redirect_host.setAccessibleName(self.tr("Redirect host"))
        self.redirect_host.setAccessibleDescription(
            self.tr("The host of the redirect URI registered in the Developer Portal.")
        )
        self.redirect_host.setToolTip(self.redirect_host.accessibleDescription())
        self.redirect_host.addItem(self.tr("127.0.0.1 (recommended)"), "127.0.0.1")
        self.redirect_host.addItem(self.tr("localhost"), "localhost")
        self.redirect_uri = line_edit(
            self,
            "redirect_uri",
            self.tr("Redirect URI to register"),
            self.tr("Register exactly this address as a redirect URI in Qonto's Developer Portal."),
        )
        self.redirect_uri.setReadOnly(True)
        self.copy_redirect_uri = button(
            self,
            "copy_redirect_uri",
            self.tr("Copy"),
            self.tr("Puts the redirect URI on the clipboard, to paste in the Developer Portal."),
        )
        self.copy_redirect_uri.setAccessibleName(self.tr("Copy the redirect URI"))
        self.copy_redirect_uri.clicked.connect(self._copy_redirect_uri)
        self.staging_token = line_edit(
            self,
            "staging_token",
            self.tr("Staging token"),
            self.tr("The Sandbox staging token from the Developer Portal. Saved in the keyring."),
            secret=True,
        )
        self.staging_token.setPlaceholderText(self.tr("Leave empty to keep the saved one"))
        self.user_access = QCheckBox(self.tr("Approved for user access"), self)
        self.user_access.setObjectName("user_access")
        self.user_access.setAccessibleName(self.tr("Approved for user access"))
        self.user_access.setAccessibleDescription(
            self.tr(
                "Only for apps Qonto approved for its user access; such an app cannot connect "
                "one company at a time."
            )
        )
        self.user_access.setToolTip(self.user_access.accessibleDescription())
        # The explanation wraps under the box, so the form keeps the width of its fields.
        self.user_access_hint = message_label(self, "user_access_hint", role="hint")
        self.user_access_hint.setText(
            self.tr("One sign-in for all your companies, for apps Qonto approved for it.")
        )
        self._access_drafts: dict[str, bool] = {}
        self._layout(QFormLayout(self))
        self._form.addRow(self.user_access)
        self._form.addRow(self.user_access_hint)
        self.user_access.toggled.connect(self._on_edited)
        for edit in (self.client_id, self.client_secret, self.redirect_port, self.staging_token):
            edit.textChanged.connect(self._on_edited)
        self.redirect_host.currentIndexChanged.connect(self._on_edited)

    def _layout(self, form: QFormLayout) -> None:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.note)
        form.addRow(self.tr("Client ID"), self.client_id)
        form.addRow("", self.client_id_message)
        form.addRow(self.tr("Client secret"), self.client_secret)
        address_row = QHBoxLayout()
        address_row.addWidget(self.redirect_host, 1)
        address_row.addWidget(self.redirect_port, 1)
        form.addRow(self.tr("Redirect host and port"), address_row)
        form.addRow("", self.redirect_port_message)
        uri_row = QHBoxLayout()
        uri_row.addWidget(self.redirect_uri, 1)
        uri_row.addWidget(self.copy_redirect_uri)
        form.addRow(self.tr("Redirect URI"), uri_row)
        form.addRow(self.tr("Staging token"), self.staging_token)
        self._form = form
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
        for row in range(form.rowCount()):  # a field's name stays on one line
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            name = None if item is None else item.widget()
            if isinstance(name, QLabel):
                name.setWordWrap(False)

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order."""
        return [
            self.client_id,
            self.client_secret,
            self.redirect_host,
            self.redirect_port,
            self.redirect_uri,
            self.copy_redirect_uri,
            self.staging_token,
            self.user_access,
        ]

    def set_environment(
        self, environment: Environment, settings: Mapping[str, Any], label: str
    ) -> None:
        """Show the registration of ``environment`` (called ``label`` in the window).

        What was typed for another environment is kept for when it comes back.
        """
        if self._environment is not None:
            self._drafts[self._environment.name] = (self._texts(), self._host())
            self._access_drafts[self._environment.name] = self.user_access.isChecked()
        self._environment = environment
        self._preset = environment.default_client_id is not None
        saved = saved_registration(environment, settings)
        fresh = ((saved.client_id, "", str(saved.redirect_port), ""), saved.redirect_host)
        # The Demo's registration comes with the app: shown as it is, never edited.
        texts, host = fresh if self._preset else self._drafts.get(environment.name, fresh)
        self.note.setText(self._note(environment, settings, label))
        edits = (self.client_id, self.client_secret, self.redirect_port, self.staging_token)
        self.redirect_host.setCurrentIndex(max(self.redirect_host.findData(host), 0))
        for edit, text in zip(edits, texts, strict=True):
            edit.setText(text)
            edit.setCursorPosition(0)
        access = saved.user_access if self._preset else None
        self.user_access.setChecked(
            self._access_drafts.get(environment.name, saved.user_access)
            if access is None
            else access
        )
        self.user_access.setEnabled(not self._preset)
        self.client_id.setReadOnly(self._preset)
        self.redirect_port.setReadOnly(self._preset)
        self.redirect_host.setEnabled(not self._preset)
        self._form.setRowVisible(self.client_secret, not self._preset)
        self._form.setRowVisible(self.staging_token, environment.needs_staging_token)
        self._on_edited()

    def _note(self, environment: Environment, settings: Mapping[str, Any], label: str) -> str:
        if self._preset:
            self.damaged = False
            return self.tr("The Demo uses the emulator's own app registration: nothing to set up.")
        damage = registration_problem(environment, settings)
        self.damaged = damage is not None
        if damage is not None:  # shown with defaults below: connecting saves the repair
            return " ".join(localize(damage, current_language()))
        return self.tr(
            "Create an app in Qonto's Developer Portal for {environment}, register the "
            "redirect URI below, and enter its client ID."
        ).format(environment=label)

    def _host(self) -> LoopbackHost:
        return "localhost" if self.redirect_host.currentData() == "localhost" else LOOPBACK_HOST

    def _texts(self) -> tuple[str, str, str, str]:
        return (
            self.client_id.text(),
            self.client_secret.text(),
            self.redirect_port.text(),
            self.staging_token.text(),
        )

    def _on_edited(self) -> None:
        language = current_language()
        problem = client_id_problem(self.client_id.text())
        self.client_id_message.setText("" if problem is None else localize(problem, language)[0])
        port = parse_port(self.redirect_port.text())
        any_port = self._preset and self.redirect_port.text() == "0"  # the Demo's free port
        problem = None if any_port else port_problem(self.redirect_port.text())
        self.redirect_port_message.setText(
            "" if problem is None else localize(problem, language)[0]
        )
        for label in (self.client_id_message, self.redirect_port_message):
            label.setVisible(bool(label.text()))
        if any_port:
            free = self.tr("<any free port>")
            self.redirect_uri.setText(f"http://{LOOPBACK_HOST}:{free}{CALLBACK_PATH}")
        elif port is not None:
            self.redirect_uri.setText(self._registration(port).redirect_uri)
        else:
            self.redirect_uri.clear()
        self.redirect_uri.setCursorPosition(0)
        self.copy_redirect_uri.setEnabled(port is not None)
        self.changed.emit()

    def problems(self) -> list[str]:
        """What stops the registration from being used, in the user's words."""
        labels = (self.client_id_message, self.redirect_port_message)
        return [label.text() for label in labels if label.text()]

    def draft(self) -> RegistrationDraft | None:
        """The registration as typed, or None while it has problems."""
        if self._environment is None or self.problems():
            return None
        port = parse_port(self.redirect_port.text())
        return RegistrationDraft(
            self._registration(0 if port is None else port),
            client_secret=self.client_secret.text().strip(),
            staging_token=self.staging_token.text().strip(),
            preset=self._preset,
        )

    def _registration(self, port: int) -> AppRegistration:
        """The registration as typed: its ``redirect_uri`` is the one the app will send."""
        name = "" if self._environment is None else self._environment.name
        access: Access = "user" if self.user_access.isChecked() else "organization"
        return AppRegistration(name, self.client_id.text().strip(), port, self._host(), access)

    def _copy_redirect_uri(self) -> None:
        QGuiApplication.clipboard().setText(self.redirect_uri.text())
