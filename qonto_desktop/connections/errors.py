"""The errors the faces handle by type: the use cases' own, and those of the parts below.

The window and the command line import error classes from here only, never from ``oauth`` or
``store``; every one is a :class:`QontoDesktopError`.
"""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message, Text, with_reason
from qonto_desktop.mirror.errors import (
    MirrorCorruptError,
    MirrorDamagedError,
    MirrorError,
    MirrorNewerError,
)
from qonto_desktop.oauth.errors import (
    AccessDeniedError,
    AuthorizationCancelledError,
    CallbackFormatError,
    ConfigurationError,
    OAuthError,
    StateMismatchError,
)
from qonto_desktop.program import program_name
from qonto_desktop.store.errors import StorageError

__all__ = [
    "AccessDeniedError",
    "AuthorizationCancelledError",
    "CallbackFormatError",
    "ConfigurationError",
    "MirrorCorruptError",
    "MirrorDamagedError",
    "MirrorError",
    "MirrorNewerError",
    "NeedsReconnectError",
    "NoRefreshTokenError",
    "NotConfiguredError",
    "OAuthError",
    "QontoDesktopError",
    "RenewalStoppedError",
    "StateMismatchError",
    "StorageError",
]


class NeedsReconnectError(QontoDesktopError):
    """Qonto no longer accepts the connection's refresh token: only a new sign-in helps."""

    code = "needs_reconnect"
    message = N_("Qonto no longer accepts the connection to {name}.")
    next_action = N_("Reconnect it: sign in to Qonto again from the app (the same organization).")

    def __init__(self, name: Text, *, reason: Text | None = None) -> None:
        message = Message(type(self).message, name=name)
        super().__init__(with_reason(message, reason) if reason else message)
        self.name = str(name)


class RenewalStoppedError(QontoDesktopError):
    """A renew-all stopped before its end (the window closed, or the keep-alive was turned off)."""

    code = "renewal_stopped"
    message = N_("The renewal was stopped before the end.")
    next_action = N_(
        "What was renewed is saved. The rest is renewed at the next renewal, or with Renew all."
    )


class NoRefreshTokenError(QontoDesktopError):
    """A connection made without ``offline_access``: it cannot be renewed, only reconnected."""

    code = "no_refresh_token"
    message = N_("The connection to {name} has no refresh token: it ends when its access expires.")
    next_action = N_(
        "Reconnect it with the permission “Stay connected without signing in again” "
        "(offline_access) ticked."
    )

    def __init__(self, name: Text) -> None:
        super().__init__(params={"name": name})
        self.name = str(name)


class NotConfiguredError(QontoDesktopError):
    """No app registration (client ID) is set for an environment."""

    code = "not_configured"
    message = N_("No Qonto app registration is set up for {environment}.")
    next_action = N_(
        "Enter your app's client ID from Qonto's Developer Portal: "
        "`{program} configure --environment {environment} --client-id <ID>`."
    )

    def __init__(self, environment: str) -> None:
        super().__init__(params={"environment": environment, "program": program_name()})
