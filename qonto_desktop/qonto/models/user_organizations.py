"""The companies of a user-level grant: ``GET /v2/user_organizations`` (``identity_type=user``)."""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from qonto_desktop.qonto.models.decoding import Unread, decode, decoder, items, text
from qonto_desktop.qonto.models.unusable import UnusableAnswerError

USER_ORGANIZATIONS_ENDPOINT = "GET /v2/user_organizations"


class _UserOrganizationWire(msgspec.Struct):
    id: str | None = None
    name: str | None = None
    legal_name: str | None = None
    legal_number: str | None = None
    legal_country: str | None = None
    membership_role: str | None = None


class _UserOrganizationsBody(msgspec.Struct):
    organizations: msgspec.Raw = msgspec.Raw()


@dataclass(frozen=True)
class UserOrganization:
    """One company the user consented to; its ``id`` goes in ``X-Qonto-Organization-Id``."""

    id: str
    name: str | None
    legal_name: str | None
    legal_number: str | None
    legal_country: str | None
    membership_role: str | None

    @property
    def display_name(self) -> str:
        """The name to show: ``name``, else ``legal_name``, else the id."""
        return self.name or self.legal_name or self.id


@dataclass(frozen=True)
class UserOrganizations:
    """The companies listed; an item without an ``id`` is dropped and noted in ``unread``."""

    organizations: tuple[UserOrganization, ...]
    unread: tuple[Unread, ...] = ()


def parse_user_organizations(body: bytes) -> UserOrganizations:
    """Read ``GET /v2/user_organizations``.

    Raises:
        UnusableAnswerError: not JSON, or no ``organizations`` array.
    """
    raw_items = items(decode(_BODY, body, endpoint=USER_ORGANIZATIONS_ENDPOINT).organizations)
    if raw_items is None:
        raise UnusableAnswerError(
            detail="organizations is missing or not an array", endpoint=USER_ORGANIZATIONS_ENDPOINT
        )
    found: list[UserOrganization] = []
    unread: list[Unread] = []
    for index, raw in enumerate(raw_items):
        try:
            wire = _ITEM.decode(raw)
        except msgspec.DecodeError:
            wire = None
        identifier = text(wire.id) if wire is not None else None
        if wire is None or identifier is None:
            unread.append(Unread(f"organizations[{index}]", "dropped"))
            continue
        found.append(
            UserOrganization(
                id=identifier,
                name=text(wire.name),
                legal_name=text(wire.legal_name),
                legal_number=text(wire.legal_number),
                legal_country=text(wire.legal_country),
                membership_role=text(wire.membership_role),
            )
        )
    return UserOrganizations(tuple(found), tuple(unread))


_BODY = decoder(_UserOrganizationsBody)
_ITEM = decoder(_UserOrganizationWire)
