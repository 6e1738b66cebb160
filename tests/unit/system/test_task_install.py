"""Installing a scheduled task leaves nothing half-done, and says what stayed when it must."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from qonto_desktop.system import systemd_timer, task_install
from qonto_desktop.system.schedule_errors import (
    SchedulerUnavailableError,
    TaskCommandError,
    TaskFileError,
)
from qonto_desktop.system.scheduled_task import TaskPlan
from tests.support.schedulers import FakeRunner, make_request

RELOAD = ("systemctl", "--user", "daemon-reload")
ENABLE = ("systemctl", "--user", "enable", "--now", "qonto-desktop-renew.timer")
DISABLE = ("systemctl", "--user", "disable", "--now", "qonto-desktop-renew.timer")


def linux_plan(tmp_path: Path) -> TaskPlan:
    return systemd_timer.plan(make_request(tmp_path))


def install(plan: TaskPlan, runner: FakeRunner) -> None:
    task_install.install(plan, runner, unavailable=systemd_timer.UNAVAILABLE)


def test_install_writes_the_units_then_reloads_and_enables(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    runner = FakeRunner()
    install(plan, runner)
    assert runner.commands == [("systemctl", "--user", "show-environment"), RELOAD, ENABLE]
    for task_file in plan.files:
        assert task_file.path.read_text(encoding="utf-8") == task_file.text
    assert task_install.is_installed(plan, runner)


def test_without_a_user_manager_nothing_is_written_and_the_way_out_is_said(
    tmp_path: Path,
) -> None:
    plan = linux_plan(tmp_path)
    runner = FakeRunner()
    runner.fail("systemctl", "--user", "show-environment", output="Failed to connect to bus")
    with pytest.raises(SchedulerUnavailableError) as raised:
        install(plan, runner)
    assert raised.value.message == (
        "systemctl --user cannot be used here (Failed to connect to bus); nothing was installed."
    )
    assert "loginctl enable-linger" in raised.value.next_action
    assert runner.commands == [("systemctl", "--user", "show-environment")]
    assert not (tmp_path / "xdg").exists()


def test_a_failed_enable_takes_everything_back(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    runner = FakeRunner()
    runner.fail(*ENABLE, output="Unit file is masked.")
    with pytest.raises(TaskCommandError) as raised:
        install(plan, runner)
    assert raised.value.message == (
        "“systemctl --user enable --now qonto-desktop-renew.timer” failed "
        "(Unit file is masked.); nothing was installed."
    )
    assert raised.value.left == ()
    assert runner.commands[-2:] == [DISABLE, RELOAD]
    assert not any(task_file.path.exists() for task_file in plan.files)
    assert not task_install.is_installed(plan, runner)


def test_a_file_that_cannot_be_taken_back_is_named(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    timer = plan.files[1].path

    def block_the_timer(argv: Sequence[str]) -> None:
        if tuple(argv) == ENABLE:  # something else put a folder where the timer was
            timer.unlink()
            timer.mkdir()

    runner = FakeRunner(on_run=block_the_timer)
    runner.fail(*ENABLE, output="")
    with pytest.raises(TaskCommandError) as raised:
        install(plan, runner)
    assert raised.value.left == (timer,)
    assert f"these files stayed: {timer}." in raised.value.message
    assert "(it said nothing)" in raised.value.message
    assert not plan.files[0].path.exists()


def test_a_folder_that_cannot_be_written_leaves_no_file(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    folder = plan.files[0].path.parent
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder", encoding="utf-8")
    runner = FakeRunner()
    with pytest.raises(TaskFileError) as raised:
        install(plan, runner)
    assert str(plan.files[0].path) in raised.value.message
    assert runner.commands == [("systemctl", "--user", "show-environment")]


def test_remove_disables_deletes_then_reloads(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    runner = FakeRunner()
    install(plan, runner)
    removal = task_install.remove(plan, runner)
    assert runner.commands[-2:] == [DISABLE, RELOAD]
    assert removal.removed == tuple(task_file.path for task_file in plan.files)
    assert removal.failed == ()
    assert not task_install.is_installed(plan, runner)


def test_remove_without_a_user_manager_still_deletes_the_units(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    install(plan, FakeRunner())
    runner = FakeRunner()
    runner.fail("systemctl", output="Failed to connect to bus")
    removal = task_install.remove(plan, runner)
    assert [command for command, _ in removal.failed] == [
        "systemctl --user disable --now qonto-desktop-renew.timer",
        "systemctl --user daemon-reload",
    ]
    assert not any(task_file.path.exists() for task_file in plan.files)


def test_a_unit_that_cannot_be_deleted_is_an_error(tmp_path: Path) -> None:
    plan = linux_plan(tmp_path)
    install(plan, FakeRunner())
    service = plan.files[0].path
    service.unlink()
    service.mkdir()
    with pytest.raises(TaskFileError, match="could not be deleted"):
        task_install.remove(plan, FakeRunner())
    shutil.rmtree(service)
