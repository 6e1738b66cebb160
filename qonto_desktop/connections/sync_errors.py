"""What a sync tells about one client that could not be synced, in the user's words."""

from __future__ import annotations

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.i18n.message import N_, Text

# The scopes reading bank data needs: the accounts, transactions and statements
# (organization.read), the receipts (attachment.read) (docs/qonto-facts.md, "Bank data").
DOCUMENT_SCOPES = ("organization.read", "attachment.read")
SYNC_SCOPE = "organization.read"  # all a sync reads; the receipts are the export's


class DocumentsPermissionError(QontoDesktopError):
    """The client's grant lacks a scope that reading bank data needs (or Qonto answered 403)."""

    code = "documents_permission"
    message = N_("{name} did not give the app the permission to read its bank documents.")
    next_action = N_(
        "Reconnect it with the documents permission: tick “Read bank accounts, balances and "
        "transactions” (organization.read) and “Download receipts and attached documents” "
        "(attachment.read)."
    )

    def __init__(self, name: Text) -> None:
        super().__init__(params={"name": name})


class SyncStoppedError(QontoDesktopError):
    """The sync was cancelled before this client was done."""

    code = "sync_stopped"
    message = N_("The sync of {name} was stopped.")
    next_action = N_("What was read is kept: the next sync goes on from there.")

    def __init__(self, name: Text) -> None:
        super().__init__(params={"name": name})


TOKEN_REFUSED_TWICE = N_("Qonto refused its access token again after a refresh")
