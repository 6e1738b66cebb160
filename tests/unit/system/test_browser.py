"""The one place that opens a browser: a configured command, run with the address only."""

from __future__ import annotations

import subprocess
import webbrowser
from pathlib import Path
from typing import Any

import pytest

from qonto_desktop.system.browser import BROWSER_VARIABLE, open_url

URL = "https://oauth.example.test/oauth2/auth?client_id=a&state=s t$HOME;`id`"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every process the module starts, so a test can wait for it to end (real processes)."""
    processes: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def spawn(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process: subprocess.Popen[bytes] = real_popen(*args, **kwargs)
        processes.append(process)
        return process

    monkeypatch.setattr(subprocess, "Popen", spawn)  # the module calls subprocess.Popen
    return processes


def fake_browser(folder: Path, output: Path) -> Path:
    """A 'browser' that writes its arguments, one a line, to ``output``."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "fake-browser"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > '{output}'\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def wait_all(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        assert process.wait(timeout=10) == 0


def test_the_configured_command_gets_the_address_as_its_only_argument(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    output = tmp_path / "opened.txt"
    script = fake_browser(tmp_path, output)
    assert open_url(URL, {BROWSER_VARIABLE: str(script)})
    assert len(started) == 1
    wait_all(started)
    assert output.read_text(encoding="utf-8") == URL + "\n"


def test_the_command_may_carry_quoted_words(
    tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    output = tmp_path / "opened.txt"
    script = fake_browser(tmp_path / "my browsers", output)
    command = f"/bin/sh '{script}' --new-window"
    assert open_url(URL, {BROWSER_VARIABLE: f"  {command}  "})
    wait_all(started)
    assert output.read_text(encoding="utf-8").splitlines() == ["--new-window", URL]


def test_the_environment_is_read_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, started: list[subprocess.Popen[bytes]]
) -> None:
    output = tmp_path / "opened.txt"
    monkeypatch.setenv(BROWSER_VARIABLE, str(fake_browser(tmp_path, output)))
    assert open_url(URL)
    wait_all(started)
    assert output.read_text(encoding="utf-8") == URL + "\n"


def test_a_missing_command_is_false(tmp_path: Path) -> None:
    assert not open_url(URL, {BROWSER_VARIABLE: str(tmp_path / "no-such-browser")})


def test_a_command_that_cannot_run_is_false(tmp_path: Path) -> None:
    script = tmp_path / "not-executable"
    script.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    script.chmod(0o644)
    assert not open_url(URL, {BROWSER_VARIABLE: str(script)})


def test_without_a_command_the_system_browser_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, int]] = []

    def system_open(url: str, new: int = 0) -> bool:
        asked.append((url, new))
        return True

    monkeypatch.setattr(webbrowser, "open", system_open)
    assert open_url(URL, {BROWSER_VARIABLE: "  "})
    assert asked == [(URL, 2)]


def test_a_system_browser_failure_is_false(monkeypatch: pytest.MonkeyPatch) -> None:
    def system_open(url: str, new: int = 0) -> bool:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr(webbrowser, "open", system_open)
    assert not open_url(URL, {})
