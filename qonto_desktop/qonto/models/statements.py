"""Monthly statements as ``GET /v2/statements`` lists them (PDF files behind short-lived URLs)."""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.qonto.models.decoding import Unread


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month; Qonto writes it ``MM-YYYY`` (``period_from``, ``period``)."""

    year: int
    month: int

    @property
    def qonto_text(self) -> str:
        """``11-2026``, as Qonto's statement parameters and answers write it."""
        return f"{self.month:02d}-{self.year:04d}"

    @property
    def label(self) -> str:
        """``2026-11``, as folder names and the command line write it."""
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True)
class Statement:
    """One account's statement for one month; ``file_url`` is short-lived: download at once."""

    id: str
    bank_account_id: str
    period: Month
    file_name: str | None
    content_type: str | None
    size: int | None
    file_url: str | None
    unread: tuple[Unread, ...] = ()
