"""The command line: help, version, and a one-line complaint with exit 2 for a bad command."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qonto_desktop import APP_NAME, __version__
from qonto_desktop.cli.exit_codes import OK as EXIT_OK
from qonto_desktop.cli.exit_codes import USAGE as EXIT_USAGE
from qonto_desktop.cli.main import main

REPO = Path(__file__).resolve().parents[3]


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    printed = capsys.readouterr()
    assert "demo" in printed.out
    assert "emulator" in printed.out
    assert printed.err == ""


@pytest.mark.parametrize("command", ["demo", "emulator"])
def test_each_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == EXIT_OK
    assert f"main.py {command}" in capsys.readouterr().out  # the program as started


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == f"{APP_NAME} {__version__}"


@pytest.fixture
def root_logger_restored() -> Iterator[None]:
    """Take back the handlers the window's start installs on the root logger.

    Left in place, their redacting filter rewrites the records later tests capture.
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.mark.parametrize(("argv", "demo"), [([], False), (["--demo"], True)])
@pytest.mark.usefixtures("root_logger_restored")
def test_no_command_opens_the_window(
    argv: list[str], demo: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qonto_desktop.ui import app

    opened: list[bool] = []

    def run_window(*, demo: bool) -> int:
        opened.append(demo)
        return 0

    monkeypatch.setattr(app, "run_window", run_window)
    assert main(argv) == EXIT_OK
    assert opened == [demo]


@pytest.mark.parametrize(
    "argv",
    [
        ["bogus"],
        ["--bogus"],
        ["emulator", "--bogus"],
        ["emulator", "--port", "99999"],
        ["emulator", "--port", "-1"],
        ["emulator", "--port", "http"],
        ["emulator", "--port"],
        ["demo", "--language", "de"],
        ["demo", "--timeout", "0"],
        ["demo", "--timeout", "3601"],
        ["demo", "--timeout", "soon"],
        ["demo", "extra"],
    ],
    ids=" ".join,
)
def test_a_bad_command_line_is_one_line_and_exit_2(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert main(argv, out=out) == EXIT_USAGE
    printed = capsys.readouterr()
    lines = printed.err.splitlines()
    assert len(lines) == 1, printed.err
    assert lines[0].startswith("main.py")  # the program as started, then the command
    assert lines[0].endswith("(see --help)")
    assert printed.out == ""
    assert out.getvalue() == ""


def test_the_port_error_names_the_value(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["emulator", "--port", "99999"]) == EXIT_USAGE
    assert "99999" in capsys.readouterr().err


def test_main_py_refuses_a_bad_flag_in_one_line() -> None:
    finished = subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--bogus"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert finished.returncode == 2
    assert len(finished.stderr.splitlines()) == 1, finished.stderr
    assert "--bogus" in finished.stderr
    assert finished.stdout == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["connect", "--environment", "prod\x1b]0;pwned\x07" * 20_000],
        ["emulator", "--port", "1\n2" * 30_000],
        ["status", "x\u202e" * 50_000],
        ["connect", "--organization-id", "\x1b[2J" + "a" * 100_000],
    ],
    ids=["invalid-choice", "type-error", "unrecognized", "identifier"],
)
def test_a_usage_error_quotes_a_long_value_short_and_escaped(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == EXIT_USAGE
    (line,) = capsys.readouterr().err.splitlines()
    assert line.isprintable()
    assert len(line) < 400
    assert line.endswith("(see --help)")


def test_the_reason_after_a_long_quoted_value_still_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["emulator", "--port", "p" * 100_000]) == EXIT_USAGE
    assert "…' is not a port number" in capsys.readouterr().err


def test_an_organization_id_is_an_identifier(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["connect", "--organization-id", "not an id"]) == EXIT_USAGE
    assert "'not an id' is not an identifier" in capsys.readouterr().err
