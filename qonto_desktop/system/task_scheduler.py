"""Windows: a Task Scheduler task, created by ``schtasks /Create /XML`` from a task definition.

The task runs ``refresh --all`` every day as the signed-in user (the Credential Manager is
theirs), with a random delay of up to an hour; a run missed while the computer was off starts
as soon as it can (``StartWhenAvailable``). The definition is written next to the settings for
``schtasks`` to read, then deleted: Task Scheduler keeps its own copy.
"""

from __future__ import annotations

import subprocess
from pathlib import PureWindowsPath
from xml.etree import ElementTree as ET

from qonto_desktop import APP_NAME
from qonto_desktop.i18n.message import N_
from qonto_desktop.system.schedule_errors import TaskVariableError
from qonto_desktop.system.scheduled_task import TaskFile, TaskPlan, TaskRequest

SYSTEM = "schtasks"
TASK_NAME = f"{APP_NAME}\\Renew connections"
NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task"
DEFINITION = "renew-task.xml"

UNAVAILABLE = N_(
    "Task Scheduler does not answer. Check that the “Task Scheduler” service is running, "
    "then try again."
)


def definition_text(request: TaskRequest) -> str:
    """The task definition, in the XML Task Scheduler reads (declared UTF-16, as it expects)."""
    ET.register_namespace("", NAMESPACE)
    task = ET.Element(_tag("Task"), version="1.2")
    info = ET.SubElement(task, _tag("RegistrationInfo"))
    _text(info, "Description", f"{APP_NAME}: renew the Qonto connections every day")
    _text(info, "URI", "\\" + TASK_NAME)
    trigger = ET.SubElement(ET.SubElement(task, _tag("Triggers")), _tag("CalendarTrigger"))
    start = request.now.replace(hour=12, minute=0, second=0, microsecond=0)
    _text(trigger, "StartBoundary", start.strftime("%Y-%m-%dT%H:%M:%S"))
    _text(trigger, "RandomDelay", "PT1H")
    _text(ET.SubElement(trigger, _tag("ScheduleByDay")), "DaysInterval", "1")
    principal = ET.SubElement(ET.SubElement(task, _tag("Principals")), _tag("Principal"))
    principal.set("id", "Author")
    _text(principal, "LogonType", "InteractiveToken")
    _text(principal, "RunLevel", "LeastPrivilege")
    settings = ET.SubElement(task, _tag("Settings"))
    for name, value in (
        ("MultipleInstancesPolicy", "IgnoreNew"),
        ("DisallowStartIfOnBatteries", "false"),
        ("StopIfGoingOnBatteries", "false"),
        ("StartWhenAvailable", "true"),
        ("RunOnlyIfNetworkAvailable", "true"),
        ("ExecutionTimeLimit", "PT30M"),
        ("Priority", "7"),
    ):
        _text(settings, name, value)
    actions = ET.SubElement(task, _tag("Actions"), Context="Author")
    execute = ET.SubElement(actions, _tag("Exec"))
    program, *arguments = request.program
    _text(execute, "Command", program)  # the path as it is: Task Scheduler needs no quotes here
    _text(execute, "Arguments", subprocess.list2cmdline(arguments))
    _text(execute, "WorkingDirectory", str(PureWindowsPath(program).parent))
    ET.indent(task)
    body = ET.tostring(task, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-16"?>\n' + body + "\n"


def plan(request: TaskRequest) -> TaskPlan:
    """What installing the task writes and runs.

    Raises:
        TaskVariableError: the app's folder was moved by a variable the task cannot carry.
    """
    for name, value in request.variables:
        raise TaskVariableError(name, value)
    definition = request.work_dir / DEFINITION
    return TaskPlan(
        system=SYSTEM,
        scheduler="Task Scheduler",
        name=TASK_NAME,
        program=request.program,
        files=(),
        transient=(TaskFile(definition, definition_text(request), encoding="utf-16"),),
        install=(("schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(definition), "/F"),),
        remove=(("schtasks", "/Delete", "/TN", TASK_NAME, "/F"),),
        query=("schtasks", "/Query", "/TN", TASK_NAME),
    )


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, _tag(name))
    element.text = value
    return element
