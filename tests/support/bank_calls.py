"""Calling the emulator's bank data endpoints in tests: a token with the documents scopes."""

from __future__ import annotations

from typing import Any

import requests

from qonto_desktop.emulator import Emulator
from tests.support.emulator_flow import SCOPE, TIMEOUT, connect

BANK_SCOPE = SCOPE + " attachment.read"


def bank_token(emulator: Emulator, scope: str = BANK_SCOPE) -> str:
    """An access token of the public demo client for the first organization."""
    token: str = connect(emulator, emulator.public_client, scope=scope)["access_token"]
    return token


def bank_get(
    emulator: Emulator,
    path: str,
    token: str,
    params: dict[str, Any] | list[tuple[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> requests.Response:
    """GET a Business API path with a Bearer token."""
    sent = {"Authorization": f"Bearer {token}", **(headers or {})}
    return requests.get(emulator.api_base_url + path, params=params, headers=sent, timeout=TIMEOUT)


def all_transactions(
    emulator: Emulator, token: str, params: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Every page of ``GET /v2/transactions``, followed by ``meta.next_page``."""
    found: list[dict[str, Any]] = []
    page: int | None = 1
    while page is not None:
        answer = bank_get(emulator, "/v2/transactions", token, [*params, ("page", str(page))])
        assert answer.status_code == 200, answer.text
        found += answer.json()["transactions"]
        page = answer.json()["meta"]["next_page"]
    return found
