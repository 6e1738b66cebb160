"""The scheduled renewal as the faces use it: planned for this app, installed, replaced, removed."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from qonto_desktop.connections.desk import Desk, open_desk
from qonto_desktop.connections.schedule import (
    SchedulerUnavailableError,
    TaskVariableError,
    UnsupportedSystemError,
    install_task,
    planned_task,
    remove_task,
    task_status,
)
from qonto_desktop.system.paths import AppPaths
from qonto_desktop.system.scheduled_task import app_command
from tests.support.schedulers import FakeRunner, systemd_verify


def make_desk(tmp_path: Path, **extra: str) -> Desk:
    environ = {"HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "xdg"), **extra}
    paths = AppPaths(tmp_path / "config", tmp_path / "data", tmp_path / "logs")
    return open_desk(environ, paths=paths, settings={})


def test_installed_units_run_this_app_and_systemd_accepts_them(tmp_path: Path) -> None:
    desk = make_desk(tmp_path, QONTO_DESKTOP_HOME=str(tmp_path / "desk home"))
    runner = FakeRunner()
    task = install_task(desk, runner=runner, platform="linux")
    assert task.installed
    service, timer = (task_file.path for task_file in task.plan.files)
    assert service.parent == tmp_path / "xdg" / "systemd" / "user"
    assert task.plan.program == app_command()
    text = service.read_text(encoding="utf-8")
    assert f'Environment="QONTO_DESKTOP_HOME={tmp_path / "desk home"}"' in text
    checked = systemd_verify([service, timer], tmp_path / "runtime")
    assert checked.returncode == 0, checked.stderr
    assert task_status(desk, runner=runner, platform="linux").installed


def test_installing_again_replaces_the_task(tmp_path: Path) -> None:
    desk = make_desk(tmp_path)
    install_task(desk, runner=FakeRunner(), platform="linux")
    runner = FakeRunner()
    install_task(desk, runner=runner, platform="linux")
    assert [command[2] for command in runner.commands] == [
        "disable",
        "daemon-reload",
        "show-environment",
        "daemon-reload",
        "enable",
    ]


def test_removing_what_is_not_installed_runs_nothing(tmp_path: Path) -> None:
    runner = FakeRunner()
    removal = remove_task(make_desk(tmp_path), runner=runner, platform="linux")
    assert not removal.was_installed
    assert runner.commands == []


def test_the_real_systemctl_without_a_user_manager_installs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As in a container: ``systemctl --user`` finds no bus, and nothing is left behind."""
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "no-runtime"))
    desk = make_desk(tmp_path)
    with pytest.raises(SchedulerUnavailableError) as raised:
        install_task(desk, platform="linux")
    assert raised.value.message.startswith("systemctl --user cannot be used here (")
    assert "loginctl enable-linger" in raised.value.next_action
    assert not (tmp_path / "xdg").exists()
    assert not task_status(desk, platform="linux").installed


def test_on_windows_the_definition_is_written_beside_the_settings(tmp_path: Path) -> None:
    plan = planned_task(make_desk(tmp_path), platform="win32")
    assert plan.files == ()
    assert plan.transient[0].path == tmp_path / "config" / "renew-task.xml"


def test_on_windows_a_moved_app_folder_is_refused_before_anything(tmp_path: Path) -> None:
    desk = make_desk(tmp_path, QONTO_DESKTOP_HOME=str(tmp_path / "desk"))
    runner = FakeRunner()
    with pytest.raises(TaskVariableError):
        install_task(desk, runner=runner, platform="win32")
    assert runner.commands == []


def test_on_macos_the_agent_goes_to_the_users_launch_agents(tmp_path: Path) -> None:
    desk = make_desk(tmp_path)
    task = install_task(desk, runner=FakeRunner(), platform="darwin")
    (agent,) = task.plan.files
    assert agent.path.parent == tmp_path / "home" / "Library" / "LaunchAgents"
    assert plistlib.loads(agent.path.read_bytes())["ProgramArguments"] == list(app_command())


def test_another_system_is_told_what_to_schedule_itself(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedSystemError) as raised:
        planned_task(make_desk(tmp_path), platform="sunos5")
    assert "refresh --all" in raised.value.next_action
