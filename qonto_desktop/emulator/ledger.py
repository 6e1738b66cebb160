"""The bank data of every account: a year of activity up to an anchor, built a month at a time.

The anchor is the emulator's clock at start, floored to the day (so a day's runs see the same
data). The account's balance at the anchor is its demo balance; each month's opening balance
is the next month's opening less that month's completed movements, so ``settled_balance``
runs transaction by transaction into the account's balance. Changes made afterwards
(:meth:`Ledger.change`) replace transactions and set their ``updated_at`` to the clock's now.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace

from qonto_desktop.emulator.activity import Draft, month_drafts
from qonto_desktop.emulator.clock import Clock
from qonto_desktop.emulator.data import Organization
from qonto_desktop.emulator.held import Month, Tx, months_back

HISTORY_MONTHS = 12
PENDING_WINDOW = 2 * 86_400


class Ledger:
    """Lazily generated, cached transactions per account and month; thread-safe.

    Args:
        organizations: Whose accounts it holds.
        clock: The emulator's clock (the anchor is read once, here).
        per_month: About how many transactions each account has a month.
    """

    def __init__(self, organizations: Sequence[Organization], clock: Clock, per_month: int) -> None:
        self._clock = clock
        self.anchor = float(int(clock.now()) // 86_400 * 86_400)
        self.per_month = per_month
        self.accounts = {a.id: (o, a) for o in organizations for a in o.bank_accounts}
        self._lock = threading.RLock()
        self._months: dict[tuple[str, Month], list[Tx]] = {}
        self._openings: dict[tuple[str, Month], int] = {}
        self._changed: dict[str, Tx] = {}
        self._where: dict[str, tuple[str, Month]] = {}
        self._balance_moves: dict[str, int] = {}
        self._attachments: dict[str, str] = {}

    @property
    def months(self) -> list[Month]:
        """The months of history, oldest first; the last is the anchor's."""
        moment = time.gmtime(self.anchor)
        return months_back(moment.tm_year, moment.tm_mon, HISTORY_MONTHS)

    def moved_cents(self, account_id: str) -> int:
        """How much the account's balance moved since the anchor (pending ones settling)."""
        with self._lock:
            return self._balance_moves.get(account_id, 0)

    def month(self, account_id: str, when: Month) -> list[Tx]:
        """The account's transactions of one month (changes applied), in settlement order."""
        with self._lock:
            generated = self._generated(account_id, when)
            return [self._changed.get(tx.id, tx) for tx in generated]

    def changed(self, account_id: str) -> Iterator[Tx]:
        """Every transaction of the account changed since the anchor."""
        with self._lock:
            return iter([tx for tx in self._changed.values() if tx.account.id == account_id])

    def opening_cents(self, account_id: str, when: Month) -> int:
        """The account's settled balance before the month's first transaction."""
        with self._lock:
            self._generated(account_id, when)
            return self._openings[(account_id, when)]

    def closing_cents(self, account_id: str, when: Month) -> int:
        """The account's settled balance at the end of the month (at the anchor for its month)."""
        with self._lock:
            later = next((m for m in self.months if m > when), None)
            if later is None:
                return self.accounts[account_id][1].balance_cents
            return self.opening_cents(account_id, later)

    def find(self, transaction_id: str) -> Tx | None:
        """A transaction already served, by id."""
        with self._lock:
            where = self._where.get(transaction_id)
            if where is None:
                return None
            return self._changed.get(transaction_id) or next(
                tx for tx in self._months[where] if tx.id == transaction_id
            )

    def attachment_owner(self, attachment_id: str) -> Tx | None:
        """The transaction an attachment (already served) belongs to."""
        with self._lock:
            owner = self._attachments.get(attachment_id)
            return self.find(owner) if owner else None

    def change(self, account_id: str, count: int, *, seed: int = 0) -> list[str]:
        """Change ``count`` transactions of the account's last two months, as Qonto users do.

        A pending one completes; otherwise a note is corrected, or a missing receipt arrives.
        Each gets ``updated_at`` = the clock's now.

        Returns:
            The ids changed.
        """
        now = round(self._clock.now(), 3)
        with self._lock:
            pool = [tx for when in self.months[-2:] for tx in self.month(account_id, when)]
            draws = random.Random(f"{account_id}:{seed}:{now}")  # noqa: S311 - demo data
            picked = draws.sample(pool, min(count, len(pool)))
            for tx in picked:
                self._changed[tx.id] = self._changed_version(tx, now)
            return [tx.id for tx in picked]

    def _changed_version(self, tx: Tx, now: float) -> Tx:
        if tx.status == "pending":
            signed = tx.draft.amount_cents * (1 if tx.draft.side == "credit" else -1)
            moved = self._balance_moves.get(tx.account.id, 0) + signed
            self._balance_moves[tx.account.id] = moved
            balance = tx.account.balance_cents + moved
            return replace(
                tx,
                status="completed",
                settled_at=now,
                settled_balance_cents=balance,
                updated_at=now,
            )
        if (
            tx.draft.attachment_required
            and tx.attachment_count == 0
            and not tx.draft.attachment_lost
        ):
            changed = replace(tx, attachment_count=1, updated_at=now)
            for attachment_id in changed.attachment_ids():
                self._attachments[attachment_id] = tx.id
            return changed
        return replace(tx, note=f"{tx.note or tx.draft.label} (corrigé)", updated_at=now)

    def _generated(self, account_id: str, when: Month) -> list[Tx]:
        key = (account_id, when)
        cached = self._months.get(key)
        if cached is not None:
            return cached
        _, account = self.accounts[account_id]
        history = self.months
        if when > history[-1] or when < history[0]:
            self._months[key] = []
            self._openings[key] = account.balance_cents if when > history[-1] else 0
            return []
        drafts = [
            d
            for d in month_drafts(account_id, *when, self.per_month)
            if d.emitted_at <= self.anchor
        ]
        drafts.sort(key=lambda d: (d.settled_at, d.index))
        net = sum(_signed(d) for d in drafts if self._completed(d))
        balance = self.closing_cents(account_id, when) - net
        self._openings[key] = balance
        made: list[Tx] = []
        for draft in drafts:
            status = (
                "declined"
                if draft.declined
                else ("completed" if self._completed(draft) else "pending")
            )
            if status == "completed":
                balance += _signed(draft)
            made.append(
                Tx(
                    draft=draft,
                    account=account,
                    status=status,
                    settled_at=draft.settled_at if status == "completed" else None,
                    settled_balance_cents=balance if status == "completed" else None,
                    updated_at=draft.settled_at if status == "completed" else draft.emitted_at,
                    note=draft.note,
                    attachment_count=draft.attachment_count,
                )
            )
            self._where[draft.id] = key
        self._months[key] = made
        for tx in made:
            for attachment_id in tx.attachment_ids():
                self._attachments[attachment_id] = tx.id
        return made

    def _completed(self, draft: Draft) -> bool:
        # Half of the last two days' movements still wait for settlement (the emulator's choice).
        recent = draft.emitted_at > self.anchor - PENDING_WINDOW and draft.index % 2 == 0
        return not draft.declined and draft.settled_at <= self.anchor and not recent


def _signed(draft: Draft) -> int:
    return draft.amount_cents if draft.side == "credit" else -draft.amount_cents
