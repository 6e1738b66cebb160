"""The query of ``GET /v2/transactions`` and ``GET /v2/statements``: filters, sort and pages.

Parameters, defaults and the 400/422 codes are S's (``openapi_v2.yml``) and
https://docs.qonto.com/api-reference/using-the-apis/pagination; see docs/qonto-facts.md.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from qonto_desktop.emulator.messages import Response, api_error

STATUSES = frozenset({"pending", "declined", "completed"})
SORT_FIELDS = frozenset({"updated_at", "settled_at", "emitted_at"})
MAX_PER_PAGE = 100
T = TypeVar("T")


class QueryError(Exception):
    """A parameter Qonto refuses; ``response`` is the answer."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


def invalid(code: str, detail: str, parameter: str, status: int = 400) -> QueryError:
    """A refusal naming its parameter."""
    return QueryError(api_error(status, code, detail, source={"parameter": parameter}))


@dataclass(frozen=True)
class Paging:
    """``page`` and ``per_page`` (min 1; per_page at most 100, both 100 and 1 by default)."""

    page: int
    per_page: int

    def cut(self, items: Sequence[T]) -> tuple[list[T], dict[str, Any]]:
        """The page's items and the ``meta`` object."""
        total = len(items)
        pages = max(1, -(-total // self.per_page))
        start = (self.page - 1) * self.per_page
        meta = {
            "current_page": self.page,
            "next_page": self.page + 1 if self.page < pages else None,
            "prev_page": self.page - 1 if self.page > 1 else None,
            "total_pages": pages,
            "total_count": total,
            "per_page": self.per_page,
        }
        return list(items[start : start + self.per_page]), meta


def paging(query: dict[str, list[str]]) -> Paging:
    """Read ``page``/``per_page``; outside their ranges is a 400 (the emulator's choice)."""
    values = []
    for name, default, high in (("page", 1, None), ("per_page", MAX_PER_PAGE, MAX_PER_PAGE)):
        text = one(query, name)
        value = (
            int(text) if text is not None and text.isdigit() else (default if text is None else 0)
        )
        if value < 1 or (high is not None and value > high):
            raise invalid(
                "invalid_parameter", f"{name} must be between 1 and {high or 'the last page'}", name
            )
        values.append(value)
    return Paging(values[0], values[1])


def one(query: dict[str, list[str]], name: str) -> str | None:
    """The parameter's last value, or ``None``."""
    values = query.get(name)
    return values[-1] if values else None


def moment(query: dict[str, list[str]], name: str) -> float | None:
    """An ISO 8601 time parameter in epoch seconds; a bad one is 400 ``date_invalid``."""
    text = one(query, name)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise invalid("date_invalid", f"{name} is not an ISO 8601 date", name) from None
    if parsed.tzinfo is None:
        return float(calendar.timegm(parsed.timetuple())) + parsed.microsecond / 1e6
    return parsed.timestamp()


def statuses(query: dict[str, list[str]]) -> frozenset[str]:
    """``status[]``, ``completed`` by default; an unknown one is 400 ``status_invalid``."""
    asked = frozenset(query.get("status[]", ["completed"]))
    if not asked <= STATUSES:
        raise invalid("status_invalid", "status must be pending, declined or completed", "status")
    return asked


def sort_by(query: dict[str, list[str]], fields: frozenset[str], default: str) -> tuple[str, bool]:
    """``sort_by=field:order``: the field and whether descending; else 400 ``sort_invalid``."""
    field, _, order = (one(query, "sort_by") or default).partition(":")
    if field not in fields or order not in {"asc", "desc"}:
        raise invalid("sort_invalid", "sort_by must be field:asc or field:desc", "sort_by")
    return field, order == "desc"


_PERIOD = re.compile(r"(0[1-9]|1[0-2])-(\d{4})")


def period(query: dict[str, list[str]], name: str) -> tuple[int, int] | None:
    """``MM-YYYY`` as (year, month); a bad one is a 400 (the emulator's choice of code)."""
    text = one(query, name)
    if text is None:
        return None
    found = _PERIOD.fullmatch(text)
    if found is None:
        raise invalid("date_invalid", f"{name} must be MM-YYYY", name)
    return int(found.group(2)), int(found.group(1))
