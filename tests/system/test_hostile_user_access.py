"""Hostile company names through ``connect --companies`` and the disconnects of a shared grant.

The emulator's organizations carry terminal escapes, a faked status line, a bidi override, NUL,
HTML and 100,000 characters; ``GET /v2/user_organizations`` lists them. The command runs in
this process as ``main.py`` would; stdout, stderr and the log file are checked line by line.
"""

from __future__ import annotations

import io
from pathlib import Path

import keyring
import pytest

from qonto_desktop.cli.main import main
from qonto_desktop.emulator import Emulator
from qonto_desktop.qonto.environments import EMULATOR_URL_VARIABLE
from qonto_desktop.system import browser
from qonto_desktop.system.log_choice import LEVEL_VARIABLE
from qonto_desktop.system.logs import LOG_FILE_NAME
from tests.support.approval import follow
from tests.support.hostile_names import (
    ESCAPES,
    ESCAPES_SHOWN,
    FAKE_LINE_SHOWN,
    assert_display_safe,
    make_hostile,
)
from tests.support.keyrings import MemoryKeyring


def command(*words: str, stdin: str = "") -> tuple[int, str, str]:
    """Run ``main.py WORDS`` in this process; what it printed must be display-safe."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(words), out=out, err=err, stdin=io.StringIO(stdin))
    label = " ".join(word[:20] for word in words)
    assert_display_safe(out.getvalue(), f"stdout of {label}")
    assert_display_safe(err.getvalue(), f"stderr of {label}")
    return code, out.getvalue(), err.getvalue()


@pytest.mark.slow(seconds=3)
def test_the_companies_of_one_sign_in_are_listed_and_added_escaped(
    app_home: Path, monkeypatch: pytest.MonkeyPatch, redirect_port: int
) -> None:
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    monkeypatch.setattr(browser, "open_url", follow)
    monkeypatch.setenv(LEVEL_VARIABLE, "DEBUG")
    emulator = Emulator(consent_mode="approve")
    make_hostile(emulator)
    with emulator:
        monkeypatch.setenv(EMULATOR_URL_VARIABLE, emulator.base_url)
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        client = emulator.user_access_client
        configured = command(
            "configure",
            "--environment",
            "emulator",
            "--client-id",
            client.client_id,
            "--client-secret",
            "--redirect-port",
            str(redirect_port),
            "--user-access",
            "yes",
            stdin=f"{client.client_secret}\n",
        )
        assert configured[0] == 0, configured[2]

        code, out, err = command("connect", "--environment", "emulator", "--companies", "all")
        assert code == 0, err
        assert ESCAPES_SHOWN in err  # the list of companies, before the choice
        assert FAKE_LINE_SHOWN in err
        assert ESCAPES_SHOWN in out  # the connections added

        code, out, err = command("connect", "--environment", "emulator", "--companies", ESCAPES)
        assert code != 0
        assert ESCAPES_SHOWN in err  # the entry that matched nothing, escaped

        code, out, err = command("disconnect", emulator.organizations[0].slug)
        assert code == 0, err
        assert "stays in use" in out
    assert_display_safe((app_home / "logs" / LOG_FILE_NAME).read_text("utf-8"), "the log file")
