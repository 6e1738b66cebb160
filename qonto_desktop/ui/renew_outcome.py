"""A renewal's outcome in plain words: per client, and for the whole renewal.

Each client's outcome is one of four: renewed; still valid (nothing to do); to reconnect (Qonto
no longer accepts it, or it cannot be renewed: only a new sign-in helps, and the connection is
kept); failed (Qonto or the keyring could not be reached: it is worth trying again). The words
say what happened and, when something is wrong, what to do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication

from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.i18n.localize import localize
from qonto_desktop.ui.language import current_language
from qonto_desktop.ui.panes.status import display_name
from qonto_desktop.ui.plain import safe_text

Kind = Literal["failed", "reconnect", "renewed", "valid"]
ORDER: tuple[Kind, ...] = ("failed", "reconnect", "renewed", "valid")  # what needs the user first
LISTED = 5  # clients named in a one-line summary, then "and N more"


@dataclass(frozen=True)
class Outcome:
    """One client's outcome: its kind, its connection and name, and what to tell the user."""

    kind: Kind
    connection_id: str
    name: str
    words: str


def kind_of(result: RefreshResult) -> Kind:
    """What happened to one connection."""
    if isinstance(result.error, NeedsReconnectError | NoRefreshTokenError):
        return "reconnect"
    if result.error is not None:
        return "failed"
    return "renewed" if result.refreshed else "valid"


def outcome_of(result: RefreshResult) -> Outcome:
    """One connection's outcome in words."""
    translate = QCoreApplication.translate
    kind = kind_of(result)
    name = display_name(result.connection)
    if kind == "renewed":
        return Outcome(kind, result.connection.id, name, translate("RenewOutcome", "Renewed"))
    if kind == "valid":
        return Outcome(
            kind,
            result.connection.id,
            name,
            translate("RenewOutcome", "Still valid: nothing to renew"),
        )
    error = result.error
    message, next_action = localize(error, current_language()) if error else ("", "")
    if kind == "reconnect":
        lines = [translate("RenewOutcome", "To reconnect (kept in the list).")]
    else:
        lines = [translate("RenewOutcome", "Failed.")]
    if message:
        lines.append(safe_text(message, limit=400))
    if next_action:
        what = translate("RenewOutcome", "What to do: %1")
        lines.append(what.replace("%1", safe_text(next_action, limit=400)))
    return Outcome(kind, result.connection.id, name, "\n".join(lines))


def counts(outcomes: Iterable[Outcome]) -> Counter[Kind]:
    """How many of each kind."""
    return Counter(outcome.kind for outcome in outcomes)


def summary(outcomes: Iterable[Outcome]) -> str:
    """The whole renewal in one sentence: how many renewed, valid, to reconnect, failed."""
    number = counts(outcomes)
    return (
        QCoreApplication.translate(
            "RenewOutcome", "Renewed: %1. Still valid: %2. To reconnect: %3. Failed: %4."
        )
        .replace("%1", str(number["renewed"]))
        .replace("%2", str(number["valid"]))
        .replace("%3", str(number["reconnect"]))
        .replace("%4", str(number["failed"]))
    )


def names(outcomes: Iterable[Outcome], kind: Kind) -> str:
    """The names of the clients of ``kind``, a few of them, then how many more."""
    listed = [outcome.name for outcome in outcomes if outcome.kind == kind]
    shown = ", ".join(listed[:LISTED])
    if len(listed) > LISTED:
        more = QCoreApplication.translate("RenewOutcome", "and %1 more")
        shown = f"{shown} {more.replace('%1', str(len(listed) - LISTED))}"
    return shown


def background_notice(outcomes: list[Outcome]) -> tuple[str, str] | None:
    """What the window says after a background renewal, as ``(kind, words)``; None if nothing.

    Nothing when nothing was renewed and nothing went wrong: most turns renew nothing.
    """
    translate = QCoreApplication.translate
    number = counts(outcomes)
    if not number["renewed"] and not number["reconnect"] and not number["failed"]:
        return None
    parts = [
        translate("RenewOutcome", "Connections renewed in the background: %1.").replace(
            "%1", str(number["renewed"])
        )
    ]
    if number["reconnect"]:
        parts.append(
            translate("RenewOutcome", "To reconnect: %1.").replace(
                "%1", names(outcomes, "reconnect")
            )
        )
    if number["failed"]:
        parts.append(
            translate(
                "RenewOutcome", "Could not be renewed: %1. Try Renew all (menu File) later."
            ).replace("%1", names(outcomes, "failed"))
        )
    kind = "warning" if number["reconnect"] or number["failed"] else "info"
    return kind, " ".join(parts)
