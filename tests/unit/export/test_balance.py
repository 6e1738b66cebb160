"""The balance check: settled transactions explain the balance, or the first gap is named."""

from __future__ import annotations

from dataclasses import replace

from qonto_desktop.export.balance import check_balance
from tests.support.bank_values import chained, transaction


def test_a_chain_of_balances_is_explained() -> None:
    items = chained(50_000, [transaction("a", 2, -1000), transaction("b", 4, 2500)])
    check = check_balance(items)
    assert (check.opening_cents, check.closing_cents, check.sum_cents) == (50_000, 51_500, 1500)
    assert (check.explained, check.first_break, check.count) == (True, None, 2)


def test_a_missing_transaction_is_flagged_at_the_first_break() -> None:
    items = chained(
        50_000,
        [transaction("a", 2, -1000), transaction("gone", 3, -700), transaction("b", 4, 2500)],
    )
    check = check_balance((items[0], items[2]))
    assert check.explained is False
    assert check.first_break == "b"
    assert check.closing_cents == 50_800


def test_the_opening_balance_given_is_checked_too() -> None:
    items = chained(50_000, [transaction("a", 2, -1000)])
    assert check_balance(items, balance_before_cents=50_000).explained is True
    late = check_balance(items, balance_before_cents=49_000)
    assert (late.explained, late.first_break, late.opening_cents) == (False, "a", 49_000)


def test_ties_are_taken_in_the_order_their_balances_chain() -> None:
    first, second = chained(
        10_000, [transaction("z-first", 5, -300), transaction("a-second", 5, -200)]
    )
    check = check_balance((second, first))  # the same instant; ids sort the other way
    assert check.explained is True
    assert check.closing_cents == 9_500


def test_pending_transactions_are_left_out() -> None:
    items = chained(10_000, [transaction("a", 2, -300)])
    pending = transaction("p", 3, -999, status="pending", settled_at=None)
    check = check_balance((*items, pending))
    assert (check.count, check.sum_cents, check.explained) == (1, -300, True)


def test_without_balances_nothing_can_be_said() -> None:
    check = check_balance((transaction("a", 2, -300),))
    assert check.explained is None
    assert check.closing_cents is None
    empty = check_balance(())
    assert empty.explained is None
    assert check_balance((), balance_before_cents=700).closing_cents == 700


def test_exactness_on_cents_that_floats_would_round() -> None:
    items = chained(0, [transaction("a", 2, 10), transaction("b", 3, 20)])
    assert check_balance(items).closing_cents == 30
    assert replace(items[1], settled_balance_cents=30).settled_balance_cents == 30
