"""A renewal's outcome in words: each client's kind and words, the summary, the notice."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from qonto_desktop.connections.errors import NeedsReconnectError, NoRefreshTokenError
from qonto_desktop.connections.model import RefreshResult
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.ui.renew_outcome import (
    LISTED,
    background_notice,
    kind_of,
    names,
    outcome_of,
    summary,
)
from tests.support.connections import sample


def result(
    name: str, *, refreshed: bool = False, error: QontoDesktopError | None = None
) -> RefreshResult:
    connection = sample(id=name.lower().replace(" ", "-"), organization_name=name)
    return RefreshResult(connection, refreshed=refreshed, error=error)


def test_each_outcome_has_its_kind(qapp: QApplication) -> None:
    assert kind_of(result("A", refreshed=True)) == "renewed"
    assert kind_of(result("A")) == "valid"
    assert kind_of(result("A", error=NeedsReconnectError("A"))) == "reconnect"
    assert kind_of(result("A", error=NoRefreshTokenError("A"))) == "reconnect"
    assert kind_of(result("A", error=QontoDesktopError("Down.", next_action="Wait."))) == "failed"


def test_a_failure_says_what_happened_and_what_to_do(qapp: QApplication) -> None:
    failed = outcome_of(
        result("Acme", error=QontoDesktopError("Qonto is down.", next_action="Wait."))
    )
    assert failed.words.splitlines() == ["Failed.", "Qonto is down.", "What to do: Wait."]
    assert failed.name == "Acme"


def test_a_hostile_name_is_shown_as_one_plain_line(qapp: QApplication) -> None:
    outcome = outcome_of(result("Evil\nCorp <b>x</b>", refreshed=True))
    assert "\n" not in outcome.name


def test_the_summary_counts_every_kind(qapp: QApplication) -> None:
    outcomes = [
        outcome_of(result("A", refreshed=True)),
        outcome_of(result("B", refreshed=True)),
        outcome_of(result("C")),
        outcome_of(result("D", error=NeedsReconnectError("D"))),
    ]
    assert summary(outcomes) == "Renewed: 2. Still valid: 1. To reconnect: 1. Failed: 0."


def test_the_background_says_nothing_when_nothing_happened(qapp: QApplication) -> None:
    assert background_notice([outcome_of(result("A")), outcome_of(result("B"))]) is None
    assert background_notice([]) is None


def test_the_background_names_the_clients_that_need_the_user(qapp: QApplication) -> None:
    outcomes = [outcome_of(result("A", refreshed=True))] + [
        outcome_of(result(f"Client {i}", error=NeedsReconnectError(f"Client {i}")))
        for i in range(LISTED + 2)
    ]
    notice = background_notice(outcomes)
    assert notice is not None
    kind, words = notice
    assert kind == "warning"
    assert words.startswith("Connections renewed in the background: 1. To reconnect: Client 0,")
    assert words.endswith("Client 4 and 2 more.")
    assert names(outcomes, "failed") == ""


def test_a_renewal_alone_is_good_news(qapp: QApplication) -> None:
    assert background_notice([outcome_of(result("A", refreshed=True))]) == (
        "info",
        "Connections renewed in the background: 1.",
    )
