"""What the month-end export says of a client it did not finish, in the user's words."""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Text

_RESUMES = N_("What was downloaded is kept: export again to finish, nothing is downloaded twice.")


class ExportStoppedError(QontoDesktopError):
    """The export was cancelled before this client was done."""

    code = "export_stopped"
    message = N_("The export of {name} was stopped.")
    next_action = _RESUMES

    def __init__(self, name: Text) -> None:
        super().__init__(params={"name": name})


class ExportCancelledError(QontoDesktopError):
    """The user stopped the export: what a face's checkpoint raises once Cancel is pressed.

    Raised from the checkpoint given to
    :func:`~qonto_desktop.connections.export_run.export_month_end`, it is a clean cancel: every
    client not finished ends ``cancelled``, what was saved stays.
    """

    code = "export_cancelled"
    message = N_("The export was stopped.")
    next_action = _RESUMES


class NoConnectionToExportError(QontoDesktopError):
    """An export of every client, with no client connected."""

    code = "nothing_to_export"
    message = N_("There is no connected client to export.")
    next_action = N_("Connect a client first, then export its month.")
