"""The task's command is this very app with absolute paths; its commands run for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qonto_desktop.system import scheduled_task
from qonto_desktop.system.scheduled_task import app_command, carried_variables, run_command


def test_frozen_the_executable_itself_runs_refresh_all(tmp_path: Path) -> None:
    command = app_command(frozen=True, executable="/opt/Qonto Desktop/QontoDesktop")
    assert command == ("/opt/Qonto Desktop/QontoDesktop", "refresh", "--all")


def test_from_source_the_interpreter_and_main_py_with_absolute_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = tmp_path / "main.py"
    main.write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    command = app_command(frozen=False, executable="venv/bin/python", main_script=main)
    assert command == (str(tmp_path / "venv/bin/python"), str(main), "refresh", "--all")


def test_the_interpreter_of_a_virtual_environment_is_not_resolved(tmp_path: Path) -> None:
    link = tmp_path / "venv" / "python"
    link.parent.mkdir()
    link.symlink_to(sys.executable)
    command = app_command(frozen=False, executable=str(link), main_script=tmp_path / "none.py")
    assert command == (str(link), "-m", "qonto_desktop", "refresh", "--all")


def test_this_checkout_runs_its_own_main_py() -> None:
    command = app_command()
    assert command[1] == str(scheduled_task.MAIN_SCRIPT)
    assert Path(command[1]).is_file()


def test_the_app_folder_variable_is_carried_as_an_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    carried = carried_variables({"QONTO_DESKTOP_HOME": "desk", "OTHER": "x"})
    assert carried == (("QONTO_DESKTOP_HOME", str(tmp_path / "desk")),)
    assert carried_variables({"QONTO_DESKTOP_HOME": "  "}) == ()


def test_a_command_runs_and_its_words_come_back() -> None:
    result = run_command([sys.executable, "-c", "import sys; print('out'); sys.exit(3)"])
    assert result == scheduled_task.CommandResult(3, "out")


def test_a_missing_program_is_an_answer_not_an_exception(tmp_path: Path) -> None:
    result = run_command([str(tmp_path / "no-such-scheduler")])
    assert result.returncode == 127
    assert result.output


def test_on_windows_no_console_window_opens_for_schtasks(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def fake_run(argv: list[str], **options: object) -> subprocess.CompletedProcess[str]:
        seen.update(options)
        return subprocess.CompletedProcess(argv, 0, "SUCCESS", "")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(subprocess, "CREATE_NO_WINDOW", 0x08000000, raising=False)
    monkeypatch.setattr(subprocess, "run", fake_run)
    assert run_command(["schtasks", "/Query"]) == scheduled_task.CommandResult(0, "SUCCESS")
    assert seen["creationflags"] == 0x08000000
    assert seen["stdin"] is subprocess.DEVNULL
