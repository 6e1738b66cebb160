"""What the emulator issued, and whether its Business API accepts a token now."""

from __future__ import annotations

import requests

from qonto_desktop.emulator import Emulator
from tests.support.token_worker import API_PATH


def access_tokens(emulator: Emulator) -> list[str]:
    """Every access token the emulator issued."""
    return [secret for secret in emulator.issued_secrets() if secret.startswith("ory_at_")]


def api_accepts(emulator: Emulator, token: str) -> bool:
    """Whether the Business API accepts ``token`` now."""
    answer = requests.get(
        emulator.base_url + API_PATH, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    return answer.status_code == 200
