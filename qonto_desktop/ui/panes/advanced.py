"""The detail pane's "Advanced" section, collapsed at first: what a script or support needs.

The tokens' expiry, where the secrets are kept, the permission codes, the connection's id and
"Copy access token". It stays one widget while connections come and go, so that once opened it
stays open; its facts are laid out again for each connection shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from qonto_desktop.connections.model import Connection
from qonto_desktop.ui.formatting import date_time, days_left, time_left
from qonto_desktop.ui.icons import icon
from qonto_desktop.ui.panes.facts import add_row, fact_grid


class AdvancedSection(QWidget):
    """A toggle ("Advanced") over the technical facts and "Copy access token".

    Signals:
        copy_requested(): the user asked for a valid access token on the clipboard.
    """

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QToolButton(self)
        self.toggle.setText(self.tr("Advanced"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAccessibleName(self.tr("Advanced"))
        self.toggle.setAccessibleDescription(
            self.tr("Shows the tokens, where they are stored and Copy access token.")
        )
        self.toggle.toggled.connect(self._toggled)
        self.body = QWidget(self)
        self._grid_host = QWidget(self.body)
        self._grid: QGridLayout = fact_grid()
        self._grid_host.setLayout(self._grid)
        self.copy_button = QPushButton(icon("copy"), self.tr("Copy access token"), self.body)
        self.copy_button.setAccessibleName(self.tr("Copy access token"))
        self.copy_button.setAccessibleDescription(
            self.tr("Copies a valid access token; the clipboard is cleared after 60 seconds.")
        )
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_requested)
        body = self._body_layout = QVBoxLayout(self.body)
        body.setContentsMargins(0, 2, 0, 0)
        body.setSpacing(8)
        body.addWidget(self._grid_host)
        body.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self._toggled(False)

    @property
    def expanded(self) -> bool:
        """True while the technical facts are shown."""
        return self.toggle.isChecked()

    def show_facts(
        self, connection: Connection, *, now: float, language: str, backend: str | None
    ) -> None:
        """Lay out the technical facts of ``connection``."""
        host = QWidget(self.body)
        grid = fact_grid()
        host.setLayout(grid)
        self._facts(
            grid, host=host, connection=connection, now=now, language=language, backend=backend
        )
        self._body_layout.replaceWidget(self._grid_host, host)
        self._grid_host.setParent(None)  # out of findChildren at once, deleted later
        self._grid_host.deleteLater()
        self._grid_host, self._grid = host, grid

    def _toggled(self, expanded: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.toggle.setArrowType(arrow)
        self.body.setVisible(expanded)

    def _facts(
        self,
        grid: QGridLayout,
        *,
        host: QWidget,
        connection: Connection,
        now: float,
        language: str,
        backend: str | None,
    ) -> None:
        expires = connection.access_expires_at
        access = f"{date_time(expires, language)} ({time_left(expires - now, language)})"
        add_row(grid, host, self.tr("Access token expires"), access)
        if connection.refresh_expires_at is None:
            refresh = self.tr(
                "No refresh token: the connection ends when the access token expires."
            )
        else:
            days = int(connection.refresh_days_left(now) or 0)
            until = date_time(connection.refresh_expires_at, language)
            until_words = self.tr("until %1").replace("%1", until)
            refresh = f"{days_left(days, language)} ({until_words})"
        add_row(grid, host, self.tr("Refresh token"), refresh)
        if connection.grant_id is not None:
            shared = self.tr("One sign-in shared with the other companies it added (user access)")
            add_row(grid, host, self.tr("Sign-in"), shared)
        add_row(grid, host, self.tr("Last renewed"), date_time(connection.refreshed_at, language))
        verified = date_time(connection.verified_at, language)
        if connection.verified_at is not None:  # say what the date rests on
            verified = self.tr("%1 (company and accounts read from Qonto)").replace("%1", verified)
        add_row(grid, host, self.tr("Last checked"), verified)
        add_row(grid, host, self.tr("Secrets stored in"), backend or self.tr("Looking up…"))
        codes = " ".join(connection.scopes_granted) or "—"
        add_row(grid, host, self.tr("Permission codes"), codes)
        add_row(grid, host, self.tr("Connection ID"), connection.id)
