"""The optional organization ID or registration ID of a sign-in, checked as the user types.

The fields start empty with no placeholder: a grey example ID reads as one filled in.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from qonto_desktop.connections.registration import EXAMPLE_UUID, UUID_PATTERN
from qonto_desktop.ui.connect.registration_form import line_edit
from qonto_desktop.ui.panes.error_view import message_label


class OrganizationFields(QGroupBox):
    """An optional organization ID or registration ID, checked as the user types."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Company (optional)"), parent)
        self.setObjectName("organization_fields")
        self.hint = message_label(self, "organization_hint", role="hint")
        self.hint.setText(self.tr("Leave both empty to choose the company in Qonto."))
        self.organization_id = line_edit(
            self,
            "organization_id",
            self.tr("Organization ID"),
            self.tr("Optional. Locks the sign-in to this organization."),
        )
        self.registration_id = line_edit(
            self,
            "registration_id",
            self.tr("Registration ID"),
            self.tr("Optional. Preselects the organization created through Qonto's onboarding."),
        )
        self.message = message_label(self, "organization_message")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.hint)
        form.addRow(self.tr("Organization ID"), self.organization_id)
        form.addRow(self.tr("Registration ID"), self.registration_id)
        form.addRow(self.message)
        for edit in (self.organization_id, self.registration_id):
            edit.textChanged.connect(self._on_edited)
        self._on_edited()

    def controls(self) -> list[QWidget]:
        """The interactive controls, in tab order."""
        return [self.organization_id, self.registration_id]

    def fix_organization(self, organization_id: str, name: str) -> None:
        """Reconnecting: the organization is given and cannot change."""
        self.hint.setText(
            self.tr("Reconnecting {organization}: the company stays the same.").format(
                organization=name
            )
        )
        self.organization_id.setText(organization_id)
        self.organization_id.setReadOnly(True)
        self.registration_id.clear()
        self.registration_id.setEnabled(False)

    def forget(self) -> None:
        """Empty both IDs for the next client (they name one company); a fixed one stays."""
        if not self.organization_id.isReadOnly():
            self.organization_id.clear()
            self.registration_id.clear()

    def values(self) -> tuple[str | None, str | None]:
        """The organization ID and registration ID typed, None for an empty one."""
        return (
            self.organization_id.text().strip() or None,
            self.registration_id.text().strip() or None,
        )

    def problems(self) -> list[str]:
        """What is wrong with the IDs typed, in the user's words."""
        found = []
        organization, registration = self.values()
        if organization and not UUID_PATTERN.fullmatch(organization):
            found.append(
                self.tr("Not a valid organization ID: it looks like {example}.").format(
                    example=EXAMPLE_UUID
                )
            )
        if registration and not UUID_PATTERN.fullmatch(registration):
            found.append(
                self.tr("Not a valid registration ID: it looks like {example}.").format(
                    example=EXAMPLE_UUID
                )
            )
        if organization and registration:
            found.append(self.tr("Give an organization ID or a registration ID, not both."))
        return found

    def _on_edited(self) -> None:
        problems = self.problems()
        self.message.setText("\n".join(problems))
        self.message.setVisible(bool(problems))
        self.changed.emit()
