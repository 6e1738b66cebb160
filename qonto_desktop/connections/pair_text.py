"""The text of a grant's tokens entry: a small JSON object holding both (see ``token_pair``).

On plain strings, apart from the secret store, so that ``token``'s quick path
(:mod:`~qonto_desktop.connections.quick_token`) reads an entry by the same rule.
"""

from __future__ import annotations

import json


def pair_text(access: str | None, refresh: str | None) -> str:
    """The entry's text: the same text for the same tokens."""
    return json.dumps({"access_token": access, "refresh_token": refresh}, separators=(",", ":"))


def pair_of(text: str) -> tuple[str | None, str | None]:
    """The access and refresh tokens the entry's text holds (either may be None).

    Raises:
        ValueError: not an entry this app wrote; the message says what is wrong, not what is
            in it.
    """
    try:
        document = json.loads(text)
    except ValueError:
        document = None
    if not isinstance(document, dict):
        raise ValueError("the tokens entry is not a JSON object")
    access, refresh = document.get("access_token"), document.get("refresh_token")
    if not all(value is None or isinstance(value, str) for value in (access, refresh)):
        raise ValueError("the tokens entry holds something else")
    return access, refresh
