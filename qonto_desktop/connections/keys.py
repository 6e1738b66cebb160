"""The names of the app's keyring entries; the only place they are spelled."""

from __future__ import annotations


def refresh_token_key(connection_id: str) -> str:
    """A connection's refresh token."""
    return f"conn/{connection_id}/refresh_token"


def access_token_key(connection_id: str) -> str:
    """A connection's access token."""
    return f"conn/{connection_id}/access_token"


def grant_refresh_token_key(grant_id: str) -> str:
    """The refresh token of a grant shared by several connections (Qonto's user access)."""
    return f"grant/{grant_id}/refresh_token"


def grant_access_token_key(grant_id: str) -> str:
    """The access token of a grant shared by several connections."""
    return f"grant/{grant_id}/access_token"


def client_secret_key(environment: str, client_id: str) -> str:
    """An app registration's client secret."""
    return f"client/{environment}/{client_id}/secret"


def staging_token_key(environment: str) -> str:
    """An environment's sandbox staging token."""
    return f"env/{environment}/staging_token"


def tokens_key(connection_id: str) -> str:
    """A connection's access and refresh tokens, together (see ``token_pair``)."""
    return f"conn/{connection_id}/tokens"


def grant_tokens_key(grant_id: str) -> str:
    """The tokens of a grant shared by several connections, together."""
    return f"grant/{grant_id}/tokens"


def pair_key_of(connection_id: str, grant_id: str | None) -> str:
    """The entry of both tokens a connection uses: its grant's, when it shares one."""
    return grant_tokens_key(grant_id) if grant_id is not None else tokens_key(connection_id)
