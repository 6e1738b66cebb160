"""The result page on its own: the main account's marker, the tally, a refusal's details."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from qonto_desktop.oauth.errors import AccessDeniedError, InvalidScopeError
from qonto_desktop.qonto.errors import SERVICE
from qonto_desktop.store.connection import AccountSummary
from qonto_desktop.ui.connect.result_page import ResultPage
from tests.support.connections import sample


def page_of(qtbot: QtBot) -> ResultPage:
    page = ResultPage()
    qtbot.addWidget(page)
    page.show()
    return page


def account_cells(page: ResultPage) -> list[str]:
    return [label.text() for label in page.accounts.findChildren(QLabel)]


def test_a_main_account_named_so_is_not_marked_twice(qtbot: QtBot) -> None:
    page = page_of(qtbot)
    page.show_success(sample(), "en")  # its main account is called "Main account"
    assert "Main account" in account_cells(page)
    savings = AccountSummary("Savings", "FR76 •••• •••• 1111", "EUR", 100, main=True)
    other = page_of(qtbot)
    other.show_success(sample(accounts=(savings,)), "en")
    assert "Savings (main)" in account_cells(other)


def test_the_tally_counts_and_says_nothing_at_zero(qtbot: QtBot) -> None:
    page = page_of(qtbot)
    page.show_success(sample(), "en")
    page.set_tally(0)
    assert not page.tally.isVisible()
    page.set_tally(1)
    assert page.tally.text() == "1 client connected this session"
    page.set_tally(3)
    assert page.tally.text() == "3 clients connected this session"


def test_only_qontos_answers_have_details(qtbot: QtBot) -> None:
    page = page_of(qtbot)
    denied = AccessDeniedError(service=SERVICE, oauth_error="access_denied", detail="No.")
    page.show_failure(denied)
    assert page.details.isVisible()
    assert not page.codes.isVisible()
    page.details.click()
    assert page.codes.text() == "Qonto's code: access_denied\nQonto said: “No.”"
    page.show_failure(InvalidScopeError(service=SERVICE))  # a new failure starts folded
    assert not page.codes.isVisible()
    assert page.heading.text() == "The connection did not succeed"
    page.show_failure(AccessDeniedError(service=SERVICE))  # no code came with it
    assert not page.details.isVisible()
