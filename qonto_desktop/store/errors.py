"""Errors of the secure storage (the OS keyring), in the user's words.

Each class says what happened to the keyring and what to do next. ``key`` names the entry
concerned (never its value); ``detail`` keeps the backend's own text for the log, never for the
message, since it is often cryptic ("WinError 1783").
"""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message, Text


class StorageError(QontoDesktopError):
    """Base of everything that goes wrong with the keyring."""

    code = "storage"
    message = N_("The app could not use this computer's secure storage (the keyring).")
    next_action = N_("Try again. If it keeps happening, open the log folder and report it.")

    def __init__(
        self,
        message: Text | None = None,
        *,
        next_action: Text | None = None,
        key: str | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message, next_action=next_action)
        self.key = key
        self.detail = detail


class NoSecureStorageError(StorageError):
    """No keyring that keeps secrets safely; ``next_action`` says what to install for the OS."""

    code = "no_secure_storage"
    message = N_(
        "There is no secure storage on this computer, so the app cannot keep a Qonto "
        "connection safely. It never stores secrets in plain files."
    )


class KeyringLockedError(StorageError):
    code = "keyring_locked"
    message = N_("The keyring is locked.")
    next_action = N_(
        "Unlock it (log in to your desktop session / enter the keyring password) and try again."
    )


class KeyringUnavailableError(StorageError):
    """The keyring exists but could not be opened (not running, or the unlock prompt failed)."""

    code = "keyring_unavailable"
    message = N_("The keyring could not be opened.")
    next_action = N_(
        "Make sure the keyring is running and unlocked (log in to your desktop session), "
        "then try again."
    )


class KeyringTimeoutError(StorageError):
    code = "keyring_timeout"
    message = N_("The keyring did not answer within {seconds:g} seconds.")
    next_action = N_(
        "It may be waiting for you to unlock it: look for a password prompt, unlock the "
        "keyring, and try again."
    )

    def __init__(self, seconds: float, *, key: str | None = None) -> None:
        super().__init__(Message(type(self).message, seconds=seconds), key=key)
        self.seconds = seconds


class SecretWriteError(StorageError):
    code = "secret_write"
    message = N_("The keyring refused to save a secret.")
    next_action = N_("Make sure the keyring is unlocked and not read-only, then try again.")


class SecretDeleteError(StorageError):
    code = "secret_delete"
    message = N_("The keyring refused to delete a secret.")
    next_action = N_("Make sure the keyring is unlocked, then try again.")


class EntryTooLargeError(StorageError):
    """An entry over the backend's size limit (Windows: 2,560 bytes, "WinError 1783")."""

    code = "entry_too_large"
    message = N_("The keyring refused a secret as too large.")
    next_action = N_("Report this, with the log: the app should have split the secret.")


class SecretMismatchError(StorageError):
    """The read-back after a write differed; the previous value was put back."""

    code = "secret_mismatch"
    message = N_("The keyring did not give back the secret the app had just saved.")
    next_action = N_(
        "Nothing was changed. Try again; if it keeps happening, the keyring may be damaged "
        "or another program may be changing it."
    )


class SecretDamagedError(StorageError):
    """A split secret whose parts are missing or stale: reported, never returned wrong."""

    code = "secret_damaged"
    message = N_("A secret saved in the keyring is incomplete or out of date.")
    next_action = N_("Save it again: reconnect the account, or enter the secret again in Settings.")


class PartialWriteError(StorageError):
    """A failed save could not be undone: some entries may hold the new value."""

    code = "partial_write"
    message = N_(
        "Saving to the keyring failed, and the previous secrets could not all be put back."
    )
    next_action = N_("Make sure the keyring is unlocked, then reconnect the accounts concerned.")


class InvalidSecretNameError(StorageError):
    code = "invalid_secret_name"
    message = N_("A name for a keyring entry is not valid.")
    next_action = N_(
        "Check the client ID in Settings: it must be printable ASCII without spaces or '#', "
        "at most 200 characters."
    )
