"""Hostile names through every command: nothing raw reaches stdout, stderr or the log file.

The emulator's organizations, accounts and user carry terminal escape sequences, CR/LF that
fake a status line, a bidi override, NUL, HTML and 100,000 characters. Each command runs in
this process as ``main.py`` would (its own logging set up, the emulator as Qonto, a memory
keyring); every stream and the log file are checked line by line, and each name must still be
recognisable in its escaped form.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

from qonto_desktop.cli import exit_codes
from qonto_desktop.cli.main import main
from qonto_desktop.connections.desk import open_desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator.faults import Fault
from qonto_desktop.qonto.environments import EMULATOR_URL_VARIABLE
from qonto_desktop.system import browser
from qonto_desktop.system.log_choice import LEVEL_VARIABLE
from qonto_desktop.system.logs import LOG_FILE_NAME
from tests.support.approval import follow
from tests.support.hostile_names import (
    ACCOUNT_SHOWN,
    ESCAPES_SHOWN,
    FAKE_LINE_SHOWN,
    HTML,
    HUGE,
    LONG,
    USER_SHOWN,
    assert_display_safe,
    make_hostile,
)
from tests.support.keyrings import MemoryKeyring

LONG_ARGUMENT = "é\x1b[2J" * (LONG // 6) + "x" * 4  # what a shell can pass: about 100,000


@dataclass(frozen=True)
class Ran:
    """What one command printed, and its exit code."""

    code: int
    out: str
    err: str


@pytest.fixture
def hostile_emulator(
    app_home: Path, monkeypatch: pytest.MonkeyPatch, redirect_port: int
) -> Iterator[Emulator]:
    """The emulator with hostile names, configured as the emulator environment of the app."""
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    monkeypatch.setattr(browser, "open_url", follow)
    monkeypatch.setenv(LEVEL_VARIABLE, "DEBUG")
    emulator = Emulator(consent_mode="approve")
    make_hostile(emulator)
    with emulator:
        monkeypatch.setenv(EMULATOR_URL_VARIABLE, emulator.base_url)
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        port = str(redirect_port)
        assert command("configure", "--environment", "emulator", "--redirect-port", port).code == 0
        yield emulator


def command(*words: str) -> Ran:
    """Run ``main.py WORDS`` in this process; check what it printed is display-safe.

    JSON is data: it keeps a long name whole (escaped), so its lines are not bounded.
    """
    out, err = io.StringIO(), io.StringIO()
    code = main(list(words), out=out, err=err, stdin=io.StringIO())
    ran = Ran(code, out.getvalue(), err.getvalue())
    label = " ".join(word[:20] for word in words)
    assert_display_safe(ran.out, f"stdout of {label}", bounded="--json" not in words)
    assert_display_safe(ran.err, f"stderr of {label}")
    return ran


def log_text(app_home: Path) -> str:
    return (app_home / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")


@pytest.mark.slow(seconds=3)
def test_every_command_shows_hostile_names_escaped(
    app_home: Path, hostile_emulator: Emulator
) -> None:
    emulator = hostile_emulator
    first = command(
        "connect", "--environment", "emulator", "--organization-id", emulator.organizations[0].id
    )
    assert first.code == 0, first.err
    assert ESCAPES_SHOWN in first.out
    assert ACCOUNT_SHOWN in first.out
    assert USER_SHOWN in first.out
    for organization in emulator.organizations[1:3]:
        ran = command("connect", "--environment", "emulator", "--organization-id", organization.id)
        assert ran.code == 0, ran.err

    status = command("status")
    assert status.code == 0, status.err
    assert ESCAPES_SHOWN in status.out
    assert FAKE_LINE_SHOWN in status.out
    assert HTML in status.out  # a terminal shows HTML as text: kept, but cut short
    assert "✓ Token OK" not in status.out.split("\n")  # never a line of its own

    checked = command("status", "--check")
    assert checked.code == 0, checked.err
    assert checked.out.count("live check:") == 3
    assert FAKE_LINE_SHOWN in checked.out

    listed = command("status", "--json")
    data = json.loads(listed.out)
    names = {c["organization"]["name"] for c in data["connections"]}
    assert names == {o.name for o in emulator.organizations[:3]}  # JSON keeps the data whole
    assert HUGE in names

    connections = {c["organization"]["name"]: c["id"] for c in data["connections"]}
    one = command("refresh", connections[emulator.organizations[1].name])
    assert one.code == 0, one.err
    assert one.out.startswith(FAKE_LINE_SHOWN + ": access renewed")

    # One connection's refresh token near its end is refreshed, and the refresh fails.
    desk = open_desk()
    failing = connections[emulator.organizations[0].name]
    desk.index.update(failing, refresh_expires_at=desk.now() + 86_400)
    emulator.faults.set("token", Fault(status=503, times=1))
    every = command("refresh", "--all")
    assert every.code != 0
    (error_line,) = every.err.strip().split("\n")
    assert error_line.startswith(ESCAPES_SHOWN + ": ")
    assert every.out.count("still fresh") == 2

    token = command("token", "--json", connections[emulator.organizations[2].name])
    assert token.code == 0, token.err
    assert json.loads(token.out)["organization"] == HUGE

    several = command("token")  # several connections: the error lists them by name
    assert several.code == exit_codes.NOT_FOUND
    assert several.out == ""
    assert ESCAPES_SHOWN[:40] in several.err

    gone = command("disconnect", connections[emulator.organizations[1].name])
    assert gone.code == 0, gone.err
    assert gone.out.startswith(FAKE_LINE_SHOWN + ": disconnected")

    log = log_text(app_home)
    assert_display_safe(log, "the log file")
    assert "\\x1b" not in log  # no name is logged; the one hostile text that is, is below


def test_a_hostile_value_that_reaches_the_log_is_one_short_safe_line(
    app_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", MemoryKeyring)
    # The level variable is the user's text that the log quotes when it is not a level.
    monkeypatch.setenv(LEVEL_VARIABLE, "\x1b]0;pwned\x07\u202e" + "v" * LONG)
    assert command("status").code == 0
    log = log_text(app_home)
    assert_display_safe(log, "the log file")
    assert "Ignored QONTO_DESKTOP_LOG_LEVEL='\\x1b]0;pwned\\x07" in log


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(("status", LONG_ARGUMENT), id="status"),
        pytest.param(("token", LONG_ARGUMENT), id="token"),
        pytest.param(("refresh", LONG_ARGUMENT), id="refresh"),
        pytest.param(("disconnect", LONG_ARGUMENT), id="disconnect"),
        pytest.param(("connect", "--organization-id", LONG_ARGUMENT), id="connect"),
        pytest.param(("connect", "--environment", LONG_ARGUMENT), id="connect-environment"),
        pytest.param(("configure", "--redirect-port", LONG_ARGUMENT), id="configure-port"),
        pytest.param(("emulator", "--port", "9" * LONG), id="emulator-port"),
    ],
)
def test_a_long_hostile_argument_is_not_echoed_back_whole(
    app_home: Path, words: tuple[str, ...]
) -> None:
    ran = command(*words)
    assert ran.code != 0
    assert ran.err  # the refusal is said
    assert ran.out == ""


def test_a_long_client_id_is_not_shown_whole(
    app_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", MemoryKeyring)
    ran = command("configure", "--environment", "production", "--client-id", LONG_ARGUMENT)
    # Refused or saved, what is printed stays short and safe (checked by command).
    assert len(ran.out + ran.err) < 2_000
