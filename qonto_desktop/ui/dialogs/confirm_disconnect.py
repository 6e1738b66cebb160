"""The disconnect conversation: ask first, saying exactly what will be revoked and deleted;
then say what was done, and what Qonto could not be told."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.model import Connection, DisconnectReport, NotRevoked
from qonto_desktop.i18n.localize import localize
from qonto_desktop.ui.formatting import fill
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.language import current_language
from qonto_desktop.ui.panes.message_bar import Kind
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.plain import plain_label


class ConfirmDisconnect(QDialog):
    """A small window-modal question; open it with ``open()``.

    Signals:
        confirmed(bool): the user chose to disconnect; True to withdraw the consent too.
            Whether to delete the bank data kept here too is :attr:`forget` (unticked by
            default, so that a hurried disconnection keeps the books' sources).
    """

    confirmed = Signal(bool)

    def __init__(
        self, connection: Connection, backend: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.connection = connection
        name = display_name(connection)
        self.setWindowTitle(self.tr("Disconnect %1?").replace("%1", name))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        title = plain_label(QLabel(self.tr("Disconnect %1?").replace("%1", name), self))
        font = QFont(title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        title.setFont(font)
        title.setWordWrap(True)
        self._name = name
        self._keyring = backend or self.tr("the keyring")
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.withdraw = QCheckBox(self.tr("Also withdraw the consent in Qonto"), self)
        self.withdraw.setChecked(True)
        self.withdraw.toggled.connect(self._explain)
        self._explain()
        self.withdraw.setAccessibleName(self.tr("Also withdraw the consent in Qonto"))
        self.withdraw.setAccessibleDescription(
            self.tr("When ticked, Qonto no longer lists Qonto Desktop among the authorized apps.")
        )
        self.forget = QCheckBox(self.tr("Also delete its bank data kept on this computer"), self)
        self.forget.setAccessibleName(self.tr("Also delete its bank data kept on this computer"))
        self.forget.setAccessibleDescription(
            self.tr(
                "When ticked, its transactions and the statements and receipts the app saved "
                "for it are deleted from this computer."
            )
        )
        buttons = QDialogButtonBox(self)
        self.disconnect_button = QPushButton(self.tr("Disconnect"), self)
        self.disconnect_button.setAccessibleName(self.tr("Disconnect"))
        self.disconnect_button.setAccessibleDescription(
            self.tr("Revokes and deletes the tokens now.")
        )
        self.disconnect_button.setAutoDefault(False)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Keep the connection"))
        # The safe answer wears the intact link, not the style's red cross for "Cancel".
        self.cancel_button.setIcon(icon("keep"))
        self.cancel_button.setAccessibleName(self.tr("Keep the connection"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Closes this without changing anything.")
        )
        self.cancel_button.setDefault(True)  # a destructive action is never the default
        buttons.addButton(self.disconnect_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.disconnect_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.withdraw)
        layout.addWidget(self.forget)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.accepted.connect(lambda: self.confirmed.emit(self.withdraw.isChecked()))
        self.cancel_button.setFocus()

    def _explain(self) -> None:
        lines = [self.tr("Qonto Desktop will:")]
        if self.withdraw.isChecked():
            lines.append(
                self.tr("• withdraw the app's consent in Qonto for %1,").replace("%1", self._name)
            )
        lines.append(self.tr("• revoke the refresh token and the access token at Qonto,"))
        lines.append(
            self.tr("• delete both tokens from %1, and forget the connection.").replace(
                "%1", self._keyring
            )
        )
        lines.append("")
        if self.connection.grant_id is not None:
            lines.append(
                self.tr(
                    "This company shares one sign-in with other companies (user access): while "
                    "any of them stays connected, only this company is forgotten here and "
                    "nothing is revoked."
                )
            )
        lines.append(
            self.tr(
                "Scripts that use this connection stop working. To use it again, connect it again."
            )
        )
        self.explanation.setText("\n".join(lines))
        self.explanation.setAccessibleName(self.explanation.text())


def not_revoked_words(problem: NotRevoked) -> str:
    """One thing Qonto could not be told about, and why, in the window's language."""
    translate = QCoreApplication.translate
    if problem.error is not None:
        reason = localize(problem.error, current_language())[0]
    else:
        reason = translate("ConfirmDisconnect", "no valid access token to withdraw it with")
    items = {
        "consent": translate("ConfirmDisconnect", "the consent (%1)"),
        "refresh_token": translate("ConfirmDisconnect", "the refresh token (%1)"),
        "access_token": translate("ConfirmDisconnect", "the access token (%1)"),
    }
    return items[problem.item].replace("%1", reason)


def disconnect_outcome(report: DisconnectReport) -> tuple[Kind, str]:
    """What to tell the user once a disconnect is done: a message kind and its words."""
    kind, words = _revocation_outcome(report)
    translate = QCoreApplication.translate
    if report.data_forgotten:
        data = translate("ConfirmDisconnect", "Its bank data kept on this computer is deleted too.")
        return kind, f"{words} {data}"
    if report.data_error is not None:
        reason = localize(report.data_error, current_language())[0]
        data = translate(
            "ConfirmDisconnect", "Its bank data kept on this computer could not be deleted: %1"
        ).replace("%1", reason)
        return "warning", f"{words} {data}"
    return kind, words


def _revocation_outcome(report: DisconnectReport) -> tuple[Kind, str]:
    name = display_name(report.connection)
    if len(report.still_sharing) == 1:  # user access: the sign-in serves another company
        return "success", QCoreApplication.translate(
            "ConfirmDisconnect",
            "%1 is disconnected. Its sign-in stays in use by one other company; Qonto is told "
            "when that one is disconnected.",
        ).replace("%1", name)
    if report.still_sharing:
        return "success", fill(
            QCoreApplication.translate(
                "ConfirmDisconnect",
                "%1 is disconnected. Its sign-in stays in use by %2 other companies; Qonto is "
                "told when the last of them is disconnected.",
            ),
            name,
            str(len(report.still_sharing)),
        )
    if report.not_revoked:
        words = [not_revoked_words(problem) for problem in report.not_revoked]
        listed = words[0]
        for word in words[1:]:  # French puts a non-breaking space before ";"
            listed = fill(QCoreApplication.translate("ConfirmDisconnect", "%1; %2"), listed, word)
        return "warning", fill(
            QCoreApplication.translate(
                "ConfirmDisconnect",
                "%1 is disconnected and its tokens are deleted from the keyring, but Qonto "
                "could not be told about: %2. You can also remove the app's access in "
                "Qonto's web app.",
            ),
            name,
            listed,
        )
    if report.consent_revoked:
        return "success", QCoreApplication.translate(
            "ConfirmDisconnect",
            "%1 is disconnected: the consent is withdrawn in Qonto, the tokens are revoked and "
            "deleted from the keyring.",
        ).replace("%1", name)
    return "success", QCoreApplication.translate(
        "ConfirmDisconnect",
        "%1 is disconnected: the tokens are revoked and deleted from the keyring.",
    ).replace("%1", name)
