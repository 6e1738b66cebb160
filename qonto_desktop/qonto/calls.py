"""A Business API call as the client describes it: method, path, scope, what it reads."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from urllib.parse import quote


@dataclass(frozen=True)
class Call:
    """One Business API call: its method and path, the scope it needs, what it is about."""

    method: str
    path: str
    scope: str | None
    thing: str  # a template naming what the call reads, for a 404: "the company"

    @property
    def endpoint(self) -> str:
        """``GET /v2/organization``, as the models name it."""
        return f"{self.method} {self.path}"

    def at(self, identifier: str) -> Call:
        """This call for one item: ``{id}`` in the path replaced by ``identifier``, escaped."""
        return replace(self, path=self.path.format(id=quote(identifier, safe="")))


# What a query holds: a value, or several for a repeated parameter (``status[]=a&status[]=b``).
Query = Mapping[str, str | Sequence[str]]
