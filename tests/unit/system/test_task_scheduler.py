"""Windows: the task definition schtasks reads, and the commands that create and delete it."""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from qonto_desktop.system import task_install, task_scheduler
from qonto_desktop.system.schedule_errors import TaskCommandError, TaskVariableError
from tests.support.schedulers import FakeRunner, make_request

NS = {"t": task_scheduler.NAMESPACE}
PROGRAM = (
    r"C:\Program Files\Qonto Desktop\python.exe",
    r"C:\Users\Zoé Martin\qonto desktop\main.py",
    "refresh",
    "--all",
)


def definition_of(tmp_path: Path) -> ET.Element:
    plan = task_scheduler.plan(make_request(tmp_path, PROGRAM))
    (task_file,) = plan.transient
    task_file.path.parent.mkdir(parents=True, exist_ok=True)
    task_file.path.write_bytes(task_file.text.encode(task_file.encoding))
    # The bytes as schtasks gets them (UTF-16, with its BOM); the file is the test's own.
    return ET.parse(task_file.path).getroot()  # noqa: S314


def test_the_definition_is_utf16_xml_that_runs_refresh_all_every_day(tmp_path: Path) -> None:
    task = definition_of(tmp_path)
    assert task.tag == f"{{{task_scheduler.NAMESPACE}}}Task"
    trigger = task.find("t:Triggers/t:CalendarTrigger", NS)
    assert trigger is not None
    assert trigger.findtext("t:ScheduleByDay/t:DaysInterval", namespaces=NS) == "1"
    assert trigger.findtext("t:StartBoundary", namespaces=NS) == "2026-12-07T12:00:00"
    assert trigger.findtext("t:RandomDelay", namespaces=NS) == "PT1H"
    assert task.findtext("t:Settings/t:StartWhenAvailable", namespaces=NS) == "true"
    assert task.findtext("t:Principals/t:Principal/t:LogonType", namespaces=NS) == (
        "InteractiveToken"
    )


def test_paths_with_spaces_are_quoted_as_windows_splits_them(tmp_path: Path) -> None:
    execute = definition_of(tmp_path).find("t:Actions/t:Exec", NS)
    assert execute is not None
    assert execute.findtext("t:Command", namespaces=NS) == PROGRAM[0]
    arguments = execute.findtext("t:Arguments", namespaces=NS)
    assert arguments == '"C:\\Users\\Zoé Martin\\qonto desktop\\main.py" refresh --all'
    assert arguments == subprocess.list2cmdline(PROGRAM[1:])
    assert execute.findtext("t:WorkingDirectory", namespaces=NS) == (
        r"C:\Program Files\Qonto Desktop"
    )


def test_schtasks_creates_from_the_definition_which_is_then_deleted(tmp_path: Path) -> None:
    plan = task_scheduler.plan(make_request(tmp_path, PROGRAM))
    definition = plan.transient[0].path
    seen: list[str] = []

    def read_definition(argv: object) -> None:
        seen.append(definition.read_bytes().decode("utf-16"))

    runner = FakeRunner(on_run=read_definition)
    task_install.install(plan, runner, unavailable=task_scheduler.UNAVAILABLE)
    assert runner.commands == [
        (
            "schtasks",
            "/Create",
            "/TN",
            r"Qonto Desktop\Renew connections",
            "/XML",
            str(definition),
            "/F",
        )
    ]
    assert seen == [plan.transient[0].text]
    assert not definition.exists()
    assert task_install.command_line(runner.commands[0], plan.system).startswith(
        'schtasks /Create /TN "Qonto Desktop\\Renew connections" /XML '
    )


def test_a_refused_create_leaves_no_definition_behind(tmp_path: Path) -> None:
    plan = task_scheduler.plan(make_request(tmp_path, PROGRAM))
    runner = FakeRunner()
    runner.fail("schtasks", "/Create", output="ERROR: Access is denied.")
    with pytest.raises(TaskCommandError) as raised:
        task_install.install(plan, runner, unavailable=task_scheduler.UNAVAILABLE)
    assert "Access is denied." in raised.value.message
    assert "nothing was installed." in raised.value.message
    assert not plan.transient[0].path.exists()


def test_removing_deletes_the_task_and_a_refusal_says_it_stays(tmp_path: Path) -> None:
    plan = task_scheduler.plan(make_request(tmp_path, PROGRAM))
    runner = FakeRunner()
    task_install.remove(plan, runner)
    assert runner.commands == [
        ("schtasks", "/Delete", "/TN", r"Qonto Desktop\Renew connections", "/F")
    ]
    runner.fail("schtasks", "/Delete", output="ERROR: Access is denied.")
    with pytest.raises(TaskCommandError, match="the task is still installed"):
        task_install.remove(plan, runner)


def test_installed_is_what_schtasks_query_says(tmp_path: Path) -> None:
    plan = task_scheduler.plan(make_request(tmp_path, PROGRAM))
    runner = FakeRunner()
    assert task_install.is_installed(plan, runner)
    runner.fail("schtasks", "/Query")
    assert not task_install.is_installed(plan, runner)


def test_a_moved_app_folder_cannot_be_carried_and_says_so(tmp_path: Path) -> None:
    request = make_request(tmp_path, PROGRAM, variables=[("QONTO_DESKTOP_HOME", r"D:\desk")])
    with pytest.raises(TaskVariableError) as raised:
        task_scheduler.plan(request)
    assert "QONTO_DESKTOP_HOME" in raised.value.message
    assert "user environment variable" in raised.value.next_action
