"""``disconnect CONNECTION [--keep-consent] [--forget-data]``: revoke at Qonto, forget it here."""

from __future__ import annotations

from typing import TextIO

from qonto_desktop.cli.render import name_of
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.disconnect import DisconnectReport, NotRevoked, disconnect
from qonto_desktop.connections.listing import find_connection
from qonto_desktop.i18n.display import safe_text

ITEMS = {
    "consent": "the consent",
    "refresh_token": "the refresh token",
    "access_token": "the access token",
}


def not_revoked_words(problem: NotRevoked) -> str:
    """What Qonto could not be told about, and why, in English."""
    reason = (
        problem.error.message
        if problem.error is not None
        else "no valid access token to withdraw it with"
    )
    return f"{ITEMS[problem.item]} ({safe_text(reason)})"


def run(
    desk: Desk,
    query: str,
    *,
    keep_consent: bool,
    forget_data: bool = False,
    out: TextIO,
    err: TextIO,
) -> int:
    """Disconnect one connection; report what Qonto could not be told."""
    connection = find_connection(desk, query)
    report = disconnect(
        desk, connection.id, revoke_consent=not keep_consent, forget_data=forget_data
    )
    if report.still_sharing:
        others = len(report.still_sharing)
        print(
            f"{name_of(report.connection)}: disconnected. Its sign-in stays in use by "
            + ("one other company" if others == 1 else f"{others} other companies")
            + "; Qonto is told when the last of them is disconnected.",
            file=out,
        )
        _data_words(report, out, err)
        return 0
    print(f"{name_of(report.connection)}: disconnected; its tokens are deleted.", file=out)
    if report.consent_revoked:
        print("The app's access was also withdrawn in Qonto.", file=out)
    for problem in report.not_revoked:
        print(f"Could not revoke {not_revoked_words(problem)}.", file=err)
    if report.not_revoked:
        print(
            "Qonto honours what was not revoked until it expires; you can also withdraw the "
            "app's access in Qonto's web app.",
            file=err,
        )
    _data_words(report, out, err)
    return 0


def _data_words(report: DisconnectReport, out: TextIO, err: TextIO) -> None:
    """What became of the bank data kept on this computer, when its deletion was asked."""
    if report.data_forgotten:
        files = report.files_deleted
        print(
            "Its bank data kept on this computer is deleted"
            + (f" ({files} saved file{'s' if files != 1 else ''})." if files else "."),
            file=out,
        )
    elif report.data_error is not None:
        print(
            f"Its bank data kept on this computer could not be deleted: "
            f"{safe_text(report.data_error.message)}",
            file=err,
        )
