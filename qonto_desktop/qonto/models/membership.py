"""Who signed in: the membership of ``GET /v2/membership``."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from qonto_desktop.qonto.models.decoding import decode, decoder, text
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

MEMBERSHIP_ENDPOINT = "GET /v2/membership"


class _MembershipWire(msgspec.Struct):
    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    role: str | None = None
    status: str | None = None


class _MembershipBody(msgspec.Struct):
    membership: _MembershipWire


@dataclass(frozen=True)
class Membership:
    """The signed-in user's membership of the organization.

    ``role`` is Qonto's word (owner, admin, manager, reporting, employee, accountant), kept as
    sent so a role Qonto adds later still reads.
    """

    id: str
    first_name: str | None
    last_name: str | None
    email: str | None
    role: str | None
    status: str | None

    @property
    def display_name(self) -> str:
        """The name to show: first and last name, else the e-mail address, else the id."""
        full = " ".join(part for part in (self.first_name, self.last_name) if part)
        return full or self.email or self.id


def parse_membership(body: bytes) -> Membership:
    """Read ``GET /v2/membership``.

    Raises:
        UnusableAnswerError: not JSON, no ``membership`` object, or no ``id`` in it.
    """
    wire = decode(_BODY, body, endpoint=MEMBERSHIP_ENDPOINT).membership
    identifier = text(wire.id)
    if identifier is None:
        raise UnusableAnswerError(detail="membership.id is empty", endpoint=MEMBERSHIP_ENDPOINT)
    return Membership(
        id=identifier,
        first_name=text(wire.first_name),
        last_name=text(wire.last_name),
        email=text(wire.email),
        role=text(wire.role),
        status=text(wire.status),
    )


_BODY = decoder(_MembershipBody)
