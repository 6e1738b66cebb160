"""Moments as Qonto writes them: ISO 8601 with ``Z`` or an offset, read as aware datetimes."""

from __future__ import annotations

from datetime import UTC, datetime


def moment(value: str | None) -> datetime | None:
    """An ISO 8601 time; Qonto's are UTC, so one without an offset is read as UTC."""
    if value is None:
        return None
    try:
        read = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return read if read.tzinfo is not None else read.replace(tzinfo=UTC)
