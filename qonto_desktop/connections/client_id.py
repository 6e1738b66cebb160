"""The one rule for a client ID, at ``configure``, in the window's form and in a firm's build.

RFC 6749 §A.1 allows a client ID of visible ASCII and spaces (``%x20-7E``); Qonto's are
UUID-like, but nothing documents that they must be, so any printable ASCII is accepted but for
two things. A space inside is refused: Qonto's never hold one, and one there is a paste gone
wrong. ``#`` is refused, and so is a client ID longer than :data:`MAX_LENGTH`, because the
client secret's keyring entry is named after the client ID (``connections.keys``), and entry
names hold no ``#`` and at most 200 characters (``store.secrets``): a client ID accepted here
always gets its secret saved. The reasons never repeat what was typed (it may be anything, of
any length).
"""

from __future__ import annotations

from typing import Final

from qonto_desktop.i18n.message import N_, Message
from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.qonto.errors import SERVICE

# Far above any client ID a provider issues (a UUID is 36), and short enough for the longest
# keyring entry name holding one, "client/production/<client ID>/secret", to stay within 200.
MAX_LENGTH: Final = 150


def client_id_problem(text: str) -> Message | None:
    """Why ``text`` (surrounding spaces aside) is not a client ID, or None when it is one."""
    client_id = text.strip()
    if not client_id:
        return Message(N_("Enter the client ID."))
    if len(client_id) > MAX_LENGTH:
        return Message(
            N_("This is too long for a client ID (more than {limit} characters)."),
            limit=MAX_LENGTH,
        )
    if any(char.isspace() for char in client_id):
        return Message(N_("A client ID has no spaces or line breaks inside."))
    if not all("!" <= char <= "~" for char in client_id):
        return Message(
            N_("A client ID holds only letters, digits and ASCII signs such as - and _.")
        )
    if "#" in client_id:
        return Message(N_("A client ID with # cannot be used: its secret could not be saved."))
    return None


def check_client_id(text: str) -> str:
    """``text`` as a client ID (surrounding spaces removed).

    Raises:
        ConfigurationError: it is not one; the message says why and what to do.
    """
    problem = client_id_problem(text)
    if problem is not None:
        raise ConfigurationError(
            problem,
            next_action=Message(
                N_("Copy the client ID of your app from {service}'s Developer Portal."),
                service=SERVICE,
            ),
        )
    return text.strip()
