"""macOS: the launch agent's property list, and the launchctl commands that load and unload it."""

from __future__ import annotations

import plistlib
from pathlib import Path

from qonto_desktop.system import launchd_agent, task_install
from tests.support.schedulers import FakeRunner, make_request

PROGRAM = ("/Applications/Qonto Desktop.app/Contents/MacOS/QontoDesktop", "refresh", "--all")


def test_the_agent_runs_refresh_all_every_day_and_at_sign_in(tmp_path: Path) -> None:
    plan = launchd_agent.plan(make_request(tmp_path, PROGRAM), 501)
    (agent,) = plan.files
    assert (
        agent.path
        == tmp_path / "home" / "Library" / "LaunchAgents" / "com.qonto-desktop.renew.plist"
    )
    data = plistlib.loads(agent.text.encode("utf-8"))
    assert data["Label"] == "com.qonto-desktop.renew"
    assert data["ProgramArguments"] == list(PROGRAM)  # one word each: no shell, no quoting
    assert data["StartCalendarInterval"] == {"Hour": 12, "Minute": 0}
    assert data["RunAtLoad"] is True
    assert "EnvironmentVariables" not in data


def test_a_moved_app_folder_is_carried(tmp_path: Path) -> None:
    request = make_request(tmp_path, PROGRAM, variables=[("QONTO_DESKTOP_HOME", "/Users/z/desk")])
    (agent,) = launchd_agent.plan(request, 501).files
    data = plistlib.loads(agent.text.encode("utf-8"))
    assert data["EnvironmentVariables"] == {"QONTO_DESKTOP_HOME": "/Users/z/desk"}


def test_install_bootstraps_the_users_session_and_remove_boots_it_out(tmp_path: Path) -> None:
    plan = launchd_agent.plan(make_request(tmp_path, PROGRAM), 501)
    runner = FakeRunner()
    task_install.install(plan, runner, unavailable=launchd_agent.UNAVAILABLE)
    path = plan.files[0].path
    assert runner.commands == [
        ("launchctl", "print", "gui/501"),
        ("launchctl", "bootstrap", "gui/501", str(path)),
    ]
    assert plistlib.loads(path.read_bytes())["Label"] == "com.qonto-desktop.renew"
    assert task_install.is_installed(plan, runner)
    removal = task_install.remove(plan, runner)
    assert runner.commands[-1] == ("launchctl", "bootout", "gui/501/com.qonto-desktop.renew")
    assert removal.removed == (path,)
    assert not path.exists()
