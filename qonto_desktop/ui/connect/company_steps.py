"""The companies of a user-access sign-in, from the pick to their saving or their revocation.

The connect dialog holds the :class:`CompanyChoice` here while the accountant picks; adding runs
on a worker, and a choice dropped (Cancel, the dialog closed) is revoked on a thread of its own,
so that neither Cancel nor closing waits for Qonto.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from qonto_desktop.connections.companies import Company, CompanyChoice
from qonto_desktop.connections.company_grant import add_companies
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import QontoDesktopError
from qonto_desktop.connections.grant import AbandonedGrant, revoke_abandoned
from qonto_desktop.ui.workers import Workers


class CompanySteps(QObject):
    """Hold a choice, add from it, or drop it.

    Signals (on the GUI thread):
        added(tuple[Connection, ...]): the companies are saved.
        failed(QontoDesktopError): nothing was saved; the sign-in's grant was abandoned.
    """

    added = Signal(object)
    failed = Signal(object)

    def __init__(self, workers: Workers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers = workers
        self._choice: CompanyChoice | None = None
        self._adding = False

    @property
    def adding(self) -> bool:
        """True while the picked companies are being saved."""
        return self._adding

    @property
    def choice(self) -> CompanyChoice | None:
        """The choice waiting for the pick, if any."""
        return self._choice

    def hold(self, choice: CompanyChoice) -> None:
        """Keep ``choice`` until it is added or dropped (a choice held before is dropped)."""
        self.drop()
        self._choice = choice

    def add(self, desk: Desk, picked: tuple[Company, ...]) -> bool:
        """Save ``picked`` on a worker; False when there is no choice or one is being added."""
        choice = self._choice
        if choice is None or self._adding:
            return False
        self._adding = True
        self._workers.run(
            lambda: add_companies(desk, choice, picked, on_abandoned=revoke_elsewhere),
            self._added,
            self._failed,
        )
        return True

    def drop(self) -> None:
        """Add nothing: the held choice's grant is revoked (not while it is being added)."""
        if self._adding:
            return
        choice, self._choice = self._choice, None
        if choice is not None:
            revoke_elsewhere(choice.grant)

    def _added(self, connections: object) -> None:
        self._adding = False
        self._choice = None
        self.added.emit(connections)

    def _failed(self, error: QontoDesktopError) -> None:
        self._adding = False
        self._choice = None  # add_companies abandoned the grant
        self.failed.emit(error)


def revoke_elsewhere(grant: AbandonedGrant) -> None:
    """Revoke a grant that will not be saved, on a thread of its own (see ``ConnectFlow``)."""
    threading.Thread(target=revoke_abandoned, args=(grant,), name="revoke-abandoned-grant").start()


__all__ = ["CompanySteps", "revoke_elsewhere"]
