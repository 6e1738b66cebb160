"""Connecting through Qonto's user access in tests: the emulator's approved client, auto-approve."""

from __future__ import annotations

from dataclasses import replace

import requests

from qonto_desktop.connections.companies import CompanyChoice, sign_in
from qonto_desktop.connections.company_grant import add_companies
from qonto_desktop.connections.company_pick import pick
from qonto_desktop.connections.connect import ConnectRequest
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.emulator import Emulator
from qonto_desktop.store.connection import Connection
from tests.support.approval import follow
from tests.support.desks import EVERYTHING, registering


def user_access_desk(desk: Desk, emulator: Emulator) -> Desk:
    """The desk with the emulator's approved client as its registration, marked for user access."""
    client = emulator.user_access_client
    assert client.client_secret is not None
    desk.secrets.set(client_secret_key("emulator", client.client_id), client.client_secret)
    registration = {"client_id": client.client_id, "redirect_port": 0, "access": "user"}
    return replace(desk, settings={"registrations": {"emulator": registration}})


def sign_in_companies(desk: Desk, emulator: Emulator) -> CompanyChoice:
    """Sign in once with user access (auto-approve: every organization consented to)."""
    request = ConnectRequest(environment="emulator", scopes=EVERYTHING, timeout=30)
    return sign_in(desk, request, follow, on_waiting=registering(emulator))


def connect_companies(
    desk: Desk, emulator: Emulator, entries: tuple[str, ...] | None = None
) -> tuple[Connection, ...]:
    """Sign in once and add the companies ``entries`` name (every one by default)."""
    choice = sign_in_companies(desk, emulator)
    return add_companies(desk, choice, pick(choice, entries))


def grant_accepted(emulator: Emulator, token: str) -> bool:
    """Whether the Business API accepts a user-access token now (the list needs no header)."""
    answer = requests.get(
        emulator.base_url + "/v2/user_organizations",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    return answer.status_code == 200
