"""The README's run command does its job: a demo account connects through a real browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qonto_desktop.emulator.data import DEMO_ORGANIZATIONS
from tests.support.chromium import HeadlessChromium
from tests.support.secret_service import SecretServiceSession

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("language", "amount_ending"), [("en", ".00"), ("fr", ",00\u00a0€")])
@pytest.mark.keyring
def test_demo_connects_a_demo_account_in_a_real_browser(
    chromium: HeadlessChromium,
    secret_service: SecretServiceSession,
    tmp_path: Path,
    language: str,
    amount_ending: str,
) -> None:
    browser_home = tmp_path / "demo-browser"
    browser_home.mkdir()
    env = {
        **os.environ,
        "QONTO_DESKTOP_BROWSER": f"{sys.executable} -m tests.support.chromium {browser_home}",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "main.py", "demo", "--auto-approve", "--language", language],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert "Demo: not connected to Qonto" in result.stdout
    assert "Connected:" in result.stdout
    assert "Signed in as" in result.stdout
    assert any(line.endswith(amount_ending) for line in result.stdout.splitlines())
    assert "accountant" in result.stdout
    assert "•••• ••••" in result.stdout  # IBANs are masked
    assert "ory_at_" not in result.stdout + result.stderr  # no token is ever printed


@pytest.mark.keyring
def test_the_user_access_demo_connects_every_company_with_one_sign_in(
    chromium: HeadlessChromium, secret_service: SecretServiceSession, tmp_path: Path
) -> None:
    browser_home = tmp_path / "demo-browser"
    browser_home.mkdir()
    env = {
        **os.environ,
        "QONTO_DESKTOP_BROWSER": f"{sys.executable} -m tests.support.chromium {browser_home}",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run(
        [sys.executable, "main.py", "demo", "--auto-approve", "--user-access"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    connected = [line for line in result.stdout.splitlines() if line.startswith("Connected:")]
    assert len(connected) == len(DEMO_ORGANIZATIONS)  # one sign-in, every demo company
    for organization in DEMO_ORGANIZATIONS:
        assert f"Connected: {organization.name}" in result.stdout
    assert "ory_at_" not in result.stdout + result.stderr
