"""Following Qonto's ``meta.next_page`` to the end, and never round in circles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TypeVar

from qonto_desktop.i18n.message import Message
from qonto_desktop.qonto.errors import RepeatedPageError

T = TypeVar("T")

# Qonto's largest page (docs/qonto-facts.md, "Bank data"): the fewest requests for a list.
PER_PAGE = "100"


def follow(read: Callable[[int], tuple[T, int | None]], *, thing: str) -> Iterator[T]:
    """Pages ``read(1)``, ``read(next_page)``... until ``next_page`` is null.

    ``read`` gets a page number and gives the page and the ``next_page`` it names.

    Raises:
        RepeatedPageError: a ``next_page`` names a page already read (or none at all, like 0):
            a server that ignores ``page`` or loops would otherwise be read forever.
    """
    asked: set[int] = set()
    page = 1
    while True:
        asked.add(page)
        content, next_page = read(page)
        yield content
        if next_page is None:
            return
        if next_page in asked or next_page < 1:
            raise RepeatedPageError(thing=Message(thing), page=next_page)
        page = next_page
