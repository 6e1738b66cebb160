"""What only Qonto's services cause, and Qonto's name for the generic OAuth errors.

The ``oauth`` layer speaks of ``{service}``; everything here that raises or builds one of its
errors, or configures a piece of it, gives :data:`SERVICE`.
"""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import OAuthError

SERVICE = "Qonto"


class SandboxStagingTokenError(OAuthError):
    """The sandbox answered with its sign-in page: its staging token is missing or wrong."""

    code = "sandbox_staging_token"
    message = N_("The sandbox staging token is missing or wrong (Qonto answered with a web page).")
    next_action = N_(
        "Copy the staging token from Qonto's Developer Portal into the Sandbox settings, "
        "then try again."
    )


def with_detail(message: Message, detail: str | None) -> Message:
    """``message`` followed by what Qonto said, quoted; the detail is made display-safe."""
    if not detail:
        return message
    return Message(N_("{message} Qonto says: “{detail}”"), message=message, detail=detail)


class ApiError(QontoDesktopError):
    """Qonto's Business API refused a request for a reason the other classes do not name.

    ``detail`` is the first ``errors[].detail`` (or the older ``message``) Qonto sent, kept for
    the user; ``code_sent`` its first ``code``.
    """

    code = "api"
    message = N_("Qonto's API refused the request (HTTP {status}).")
    next_action = N_(
        "Check what was asked; if it keeps happening, open the log folder and report it."
    )

    def __init__(
        self,
        status: int,
        *,
        detail: str | None = None,
        code_sent: str | None = None,
        message: Message | None = None,
    ) -> None:
        base = message or Message(type(self).message, status=status)
        super().__init__(with_detail(base, detail))
        self.status = status
        self.detail = detail
        self.code_sent = code_sent


class ApiUnauthorizedError(ApiError):
    """HTTP 401: the access token is unknown, expired or revoked."""

    code = "api_unauthorized"
    message = N_("Qonto no longer accepts this connection's access.")
    next_action = N_("Refresh the connection; if that fails, reconnect it.")

    def __init__(self, *, detail: str | None = None, code_sent: str | None = None) -> None:
        super().__init__(401, code_sent=code_sent, message=Message(type(self).message), detail=None)
        self.detail = detail  # Qonto's words for a 401 add nothing the message does not say


class ForbiddenError(ApiError):
    """HTTP 403 although the grant holds the scope: the member's role does not allow it.

    ``scope`` is the scope the call needs. Whether the grant holds it is decided by the
    caller, who knows the connection (see :class:`MissingScopeError`).
    """

    code = "forbidden"
    message = N_("Your role in this company does not allow this.")
    next_action = N_(
        "Ask an owner or admin of the company in Qonto to give your role this right, "
        "or connect with an account that has it."
    )

    def __init__(
        self, *, scope: str | None, detail: str | None = None, code_sent: str | None = None
    ) -> None:
        super().__init__(
            403, detail=detail, code_sent=code_sent, message=Message(type(self).message)
        )
        self.scope = scope


class MissingScopeError(ApiError):
    """HTTP 403 and the connection's grant lacks the scope the call needs."""

    code = "missing_scope"
    message = N_("This connection was not given the permission this needs ({scope}).")
    next_action = N_("Reconnect and tick the missing permission.")

    def __init__(self, *, scope: str, detail: str | None = None) -> None:
        super().__init__(403, detail=detail, message=Message(type(self).message, scope=scope))
        self.scope = scope


class ApiNotFoundError(ApiError):
    """HTTP 404: what the call names is gone, or this connection cannot reach it."""

    code = "api_not_found"
    message = N_(
        "Qonto did not find {thing}: it no longer exists, or this connection cannot reach it."
    )
    next_action = N_(
        "Check it in Qonto's web app; if it is still there, reconnect to the right company."
    )

    def __init__(
        self, *, thing: Message, detail: str | None = None, code_sent: str | None = None
    ) -> None:
        found = Message(type(self).message, thing=thing)
        super().__init__(404, detail=detail, code_sent=code_sent, message=found)


def missing_scope_or_role(error: ForbiddenError, scopes_granted: tuple[str, ...]) -> ApiError:
    """A 403 as the user should hear it: the permission not granted, or the role's limit.

    Qonto answers 403 for both; only the connection's grant tells them apart, so the layer
    that holds the connection calls this.
    """
    if error.scope is not None and error.scope not in scopes_granted:
        return MissingScopeError(scope=error.scope, detail=error.detail)
    return error


class FileUrlExpiredError(QontoDesktopError):
    """A file address Qonto handed out (a receipt, a statement) is no longer valid.

    Qonto's file addresses are presigned and short-lived (30 minutes for receipts): the item is
    read again for a fresh one, and the user sees this only if that fails too.
    """

    code = "file_url_expired"
    message = N_("Qonto's download address for a file expired before the file was fetched.")
    next_action = N_("Try again: the app asks Qonto for a new address.")


class TruncatedDownloadError(QontoDesktopError):
    """A file from Qonto arrived shorter than announced; nothing was kept of it."""

    code = "download_truncated"
    message = N_("The download of a file from Qonto stopped before its end; nothing was kept.")
    next_action = N_("Try again; if it keeps happening, check the network connection.")


class FileDownloadError(QontoDesktopError):
    """Qonto's file storage refused a download for a reason other than an expired address."""

    code = "download_refused"
    message = N_("Qonto's file storage refused a download (HTTP {status}).")
    next_action = N_("Try again. If it keeps happening, open the log folder and report it.")

    def __init__(self, status: int) -> None:
        super().__init__(params={"status": status})
        self.status = status


class RepeatedPageError(QontoDesktopError):
    """A paged list named, as the next page, one already read: reading on would never end."""

    code = "page_repeated"
    message = N_("Qonto sent the same page of {thing} twice; the reading was stopped.")
    next_action = N_("Try again. If it keeps happening, open the log folder and report it.")

    def __init__(self, *, thing: Message, page: int) -> None:
        super().__init__(params={"thing": thing})
        self.page = page
