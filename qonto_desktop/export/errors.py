"""What can stop an export, each with the next thing to do."""

from __future__ import annotations

from qonto_desktop.errors import ConfigurationError, QontoDesktopError
from qonto_desktop.i18n.message import N_


class UnknownPeriodError(ConfigurationError):
    """The period given is not a month, a quarter or two dates."""

    code = "unknown_period"
    message = N_("“{period}” is not a period the export knows.")
    next_action = N_(
        "Give a month (2026-11), a quarter (2026-Q4) or two dates (2026-11-03_2026-11-20)."
    )


class ExportError(QontoDesktopError):
    """The export's files could not all be written."""

    code = "export"


class DestinationNotWritableError(ExportError):
    """The destination folder cannot be written to; nothing was written."""

    code = "destination_not_writable"
    message = N_("The export cannot write to {folder}.")
    next_action = N_(
        "Choose a folder you can write to, or change its permissions, and export again."
    )


class DiskFullError(ExportError):
    """The disk filled up during the export; no half-written file was left."""

    code = "disk_full"
    message = N_("The disk holding {folder} is full: the export stopped before the end.")
    next_action = N_("Free some space on that disk and export again.")


class ExportWriteError(ExportError):
    """Any other failure of the file system while writing the export."""

    code = "export_write"
    message = N_("The export could not write {file}: {reason}.")
    next_action = N_("Check the folder and the disk, then export again.")


class DownloadUnreadableError(ExportError):
    """A statement or receipt downloaded for the export cannot be read back."""

    code = "download_unreadable"
    message = N_("The downloaded file {file} cannot be read: {reason}.")
    next_action = N_("Export again: the file will be downloaded again.")
