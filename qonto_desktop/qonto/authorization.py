"""Qonto's own authorization parameters: which organization, which app registration.

Qonto's authorization endpoint takes ``organization_id`` (sign in to that organization) and
``registration_id`` (a partner's registration); both are UUIDs. The generic OAuth flow sends
them as extra parameters, checked here.
"""

from __future__ import annotations

import re

from qonto_desktop.i18n.message import N_, Message, Term
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto.errors import SERVICE

UUID_PATTERN = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
EXAMPLE_UUID = "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b"


def authorization_parameters(
    organization_id: str | None, registration_id: str | None
) -> tuple[tuple[str, str], ...]:
    """The extra authorization parameters for the IDs given; blank ones are left out.

    Raises:
        ConfigurationError: an ID is not a UUID.
    """
    given = (
        ("organization_id", _uuid_or_none(organization_id, N_("organization ID"))),
        ("registration_id", _uuid_or_none(registration_id, N_("registration ID"))),
    )
    return tuple((name, value) for name, value in given if value is not None)


def _uuid_or_none(value: str | None, what: str) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not UUID_PATTERN.fullmatch(text):
        term = Term(what)
        raise ConfigurationError(
            Message(N_("The {what} {text!r} is not valid."), what=term, text=text),
            next_action=Message(
                N_("Copy the {what} from {service}; it looks like {example}."),
                what=term,
                service=SERVICE,
                example=EXAMPLE_UUID,
            ),
        )
    return text.lower()
