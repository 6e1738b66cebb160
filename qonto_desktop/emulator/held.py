"""A transaction as the emulator holds it, and the months of its history."""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.emulator.activity import Draft
from qonto_desktop.emulator.data import BankAccount


@dataclass(frozen=True, slots=True)
class Tx:
    """One transaction as the emulator holds it; ``settled_balance_cents`` None unless completed."""

    draft: Draft
    account: BankAccount
    status: str
    settled_at: float | None
    settled_balance_cents: int | None
    updated_at: float
    note: str | None
    attachment_count: int

    @property
    def id(self) -> str:
        """The transaction's UUID."""
        return self.draft.id

    def attachment_ids(self) -> tuple[str, ...]:
        """The ids of its attachments, derived from its own."""
        return tuple(f"{self.draft.id[:-4]}a{n:03d}" for n in range(self.attachment_count))


Month = tuple[int, int]


def months_back(year: int, month: int, count: int) -> list[Month]:
    """``count`` months ending with (year, month), oldest first."""
    index = year * 12 + month - 1
    return [(i // 12, i % 12 + 1) for i in range(index - count + 1, index + 1)]
