"""``main.py self-test``: passes on a real Secret Service; with no session bus, says what to do."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.secret_service import SecretServiceSession

REPO = Path(__file__).resolve().parents[2]


def self_test() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "self-test"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


@pytest.mark.keyring
def test_everything_is_there(secret_service: SecretServiceSession) -> None:
    result = self_test()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok      Secure storage: Secret Service" in result.stdout
    assert "Everything a Qonto connection needs is here." in result.stdout


@pytest.mark.keyring
def test_without_a_session_bus_it_says_what_to_do(
    secret_service: SecretServiceSession, no_session_bus: None
) -> None:
    result = self_test()
    assert result.returncode != 0
    assert "FAILED  Secure storage" in result.stdout
    assert "desktop session" in result.stdout
