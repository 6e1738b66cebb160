"""Qonto's ``meta`` of a paged answer (``GET /v2/transactions``, ``GET /v2/statements``...)."""

from __future__ import annotations

import msgspec


class PageMeta(msgspec.Struct):
    """``meta``: which page this is and which comes next (``next_page`` null on the last)."""

    current_page: int | None = None
    next_page: int | None = None
    total_pages: int | None = None
    total_count: int | None = None
