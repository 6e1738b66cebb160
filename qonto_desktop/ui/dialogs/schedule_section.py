"""Settings' scheduled renewal: the system's own daily ``refresh --all``, shown, then installed.

The section shows exactly what installing writes and runs before the user installs it; the
scheduler is asked, installed and removed on a worker. ``runner`` is the seam that runs the
scheduler's commands (``systemctl``, ``schtasks``, ``launchctl``), which tests replace.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.schedule import (
    Removal,
    Runner,
    ScheduledTask,
    install_task,
    remove_task,
    run_command,
    task_status,
)
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.ui.panes.message_bar import MessageBar
from qonto_desktop.ui.workers import Workers


class ScheduleSection(QGroupBox):
    """Install or remove the scheduled task that renews every connection once a day."""

    def __init__(
        self,
        desk: Desk,
        workers: Workers,
        *,
        runner: Runner = run_command,
        platform: str = sys.platform,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Renewal while the window is closed"), parent)
        self._desk = desk
        self._workers = workers
        self._runner = runner
        self._platform = platform
        self.task: ScheduledTask | None = None
        intro = QLabel(
            self.tr(
                "Connections not renewed for 90 days end. The system can start Qonto Desktop "
                "once a day to renew them, even when this window is closed. Installing writes "
                "and runs exactly this:"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.state = QLabel(self.tr("Checking…"), self)
        self.state.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName(self.tr("What installing writes and runs"))
        self.details.setMinimumHeight(160)
        # Wide enough for a unit's longest line (ExecStart=) without scrolling, at any font size.
        self.details.setMinimumWidth(self.details.fontMetrics().horizontalAdvance("x" * 76))
        self.install = QPushButton(self.tr("&Install the scheduled renewal"), self)
        self.remove = QPushButton(self.tr("&Remove it"), self)
        for button in (self.install, self.remove):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setEnabled(False)
        self.install.clicked.connect(self._install)
        self.remove.clicked.connect(self._remove)
        self.message = MessageBar(closable=False, parent=self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.install)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        """Ask (on a worker) what the task is and whether it is installed."""
        desk, runner, platform = self._desk, self._runner, self._platform
        self._workers.run(
            lambda: task_status(desk, runner=runner, platform=platform), self._shown, self._failed
        )

    def _install(self) -> None:
        self._busy(self.tr("Installing…"))
        desk, runner, platform = self._desk, self._runner, self._platform
        self._workers.run(
            lambda: install_task(desk, runner=runner, platform=platform),
            self._installed,
            self._failed,
        )

    def _remove(self) -> None:
        self._busy(self.tr("Removing…"))
        desk, runner, platform = self._desk, self._runner, self._platform
        self._workers.run(
            lambda: remove_task(desk, runner=runner, platform=platform),
            self._removed,
            self._failed,
        )

    def _busy(self, words: str) -> None:
        self.install.setEnabled(False)
        self.remove.setEnabled(False)
        self.message.clear()
        self.state.setText(words)

    def _shown(self, task: ScheduledTask) -> None:
        self.task = task
        self.details.setPlainText(self._plan_text(task))
        self._show_state(task.installed)

    def _show_state(self, installed: bool) -> None:
        if self.task is not None:
            self.task = replace(self.task, installed=installed)
        self.state.setText(
            self.tr("Installed: the system renews the connections every day.")
            if installed
            else self.tr("Not installed.")
        )
        self.install.setEnabled(not installed)
        self.remove.setEnabled(installed)

    def _installed(self, task: ScheduledTask) -> None:
        self._shown(task)
        self.message.show_message("info", self.tr("The scheduled renewal is installed."))

    def _removed(self, removal: Removal) -> None:
        self._show_state(False)
        if removal.failed:
            command, result = removal.failed[0]
            self.message.show_message(
                "warning",
                self.tr("Removed, but “%1” failed (%2).")
                .replace("%1", safe_text(command, limit=2000))
                .replace("%2", safe_text(result.output) or self.tr("it said nothing")),
            )
        else:
            self.message.show_message("info", self.tr("The scheduled renewal is removed."))

    def _failed(self, error: QontoDesktopError) -> None:
        if self.task is None:
            self.state.setText(self.tr("The scheduled renewal cannot be offered here."))
        else:
            self._show_state(self.task.installed)
        self.message.show_error(error)

    def _plan_text(self, task: ScheduledTask) -> str:
        plan = task.plan
        lines = [self.tr("Every day, it runs:"), task.program_line, ""]
        for task_file in plan.files:
            lines += [self.tr("It writes %1:").replace("%1", str(task_file.path)), task_file.text]
        for task_file in plan.transient:
            lines += [
                self.tr("It writes %1 for the scheduler to read, then deletes it:").replace(
                    "%1", str(task_file.path)
                ),
                task_file.text,
            ]
        lines.append(self.tr("Then it runs:"))
        lines += [f"  {line}" for line in task.command_lines(plan.install)]
        lines += ["", self.tr("Removing it runs:")]
        lines += [f"  {line}" for line in task.command_lines((*plan.remove, *plan.after_remove))]
        return "\n".join(lines)
