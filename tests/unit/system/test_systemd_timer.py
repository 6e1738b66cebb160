"""Linux: the user units are what systemd itself accepts, quoted so that odd paths survive."""

from __future__ import annotations

from pathlib import Path

import pytest

from qonto_desktop.system import systemd_timer
from qonto_desktop.system.schedule_errors import TaskProgramError
from qonto_desktop.system.scheduled_task import TaskRequest
from tests.support.schedulers import fake_program, make_request, systemd_verify

ODD_FOLDER = "qonto desk 100% $HOME été"
ODD_WORD = '/x/"dossier" \\ 100% $HOME/main.py'


def write_units(request: TaskRequest) -> list[Path]:
    plan = systemd_timer.plan(request)
    for task_file in plan.files:
        task_file.path.parent.mkdir(parents=True, exist_ok=True)
        task_file.path.write_text(task_file.text, encoding="utf-8")
    return [task_file.path for task_file in plan.files]


def test_the_units_go_to_the_users_systemd_folder(tmp_path: Path) -> None:
    plan = systemd_timer.plan(make_request(tmp_path))
    folder = tmp_path / "xdg" / "systemd" / "user"
    assert [f.path for f in plan.files] == [
        folder / "qonto-desktop-renew.service",
        folder / "qonto-desktop-renew.timer",
    ]
    assert plan.install == (
        ("systemctl", "--user", "daemon-reload"),
        ("systemctl", "--user", "enable", "--now", "qonto-desktop-renew.timer"),
    )
    assert plan.remove == (
        ("systemctl", "--user", "disable", "--now", "qonto-desktop-renew.timer"),
    )
    assert plan.after_remove == (("systemctl", "--user", "daemon-reload"),)


@pytest.mark.parametrize("base", ["", "relative/config"])
def test_without_an_absolute_xdg_config_home_the_folder_is_under_dot_config(
    tmp_path: Path, base: str
) -> None:
    folder = systemd_timer.unit_folder({"XDG_CONFIG_HOME": base}, tmp_path)
    assert folder == tmp_path / ".config" / "systemd" / "user"


def test_the_service_runs_once_and_the_timer_daily_catching_up(tmp_path: Path) -> None:
    request = make_request(tmp_path, variables=[("QONTO_DESKTOP_HOME", "/srv/desk")])
    service, timer = (f.text for f in systemd_timer.plan(request).files)
    assert "Type=oneshot\n" in service
    assert 'ExecStart="/opt/qonto desktop/QontoDesktop" "refresh" "--all"\n' in service
    assert 'Environment="QONTO_DESKTOP_HOME=/srv/desk"\n' in service
    for line in ("OnCalendar=daily", "Persistent=true", "RandomizedDelaySec=1h"):
        assert f"\n{line}\n" in timer
    assert "Unit=qonto-desktop-renew.service" in timer


def test_systemd_accepts_the_units_with_an_odd_path(tmp_path: Path) -> None:
    program = fake_program(tmp_path / ODD_FOLDER, "Qonto Desktop")
    request = make_request(
        tmp_path,
        (str(program), ODD_WORD, "refresh", "--all"),
        variables=[("QONTO_DESKTOP_HOME", '/a b% $x "q"')],
    )
    checked = systemd_verify(write_units(request), tmp_path / "runtime")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""


def test_systemd_verify_refuses_a_program_path_left_unquoted(tmp_path: Path) -> None:
    """The check above can fail: a path with spaces, unquoted, names another program."""
    program = fake_program(tmp_path / "with space", "renew")
    units = write_units(make_request(tmp_path, (str(program), "refresh", "--all")))
    service = units[0]
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace(f'"{program}"', str(program)), encoding="utf-8")
    checked = systemd_verify(units, tmp_path / "runtime")
    assert checked.returncode != 0
    assert "not executable" in checked.stderr


def test_systemd_verify_refuses_a_missing_program(tmp_path: Path) -> None:
    units = write_units(make_request(tmp_path, (str(tmp_path / "gone"), "refresh", "--all")))
    assert systemd_verify(units, tmp_path / "runtime").returncode != 0


@pytest.mark.parametrize(
    ("word", "written"),
    [
        ("plain", '"plain"'),
        ("a b", '"a b"'),
        ("100%", '"100%%"'),
        ("$HOME", '"$$HOME"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
    ],
)
def test_each_word_is_quoted_by_systemds_rules(word: str, written: str) -> None:
    assert systemd_timer.quote(word) == written


def test_an_environment_value_keeps_its_dollar_sign() -> None:
    assert systemd_timer.quote("A=$x%", variables=False) == '"A=$x%%"'


def test_a_control_character_is_refused() -> None:
    with pytest.raises(ValueError, match="control character"):
        systemd_timer.quote("line\nbreak")


@pytest.mark.parametrize("char", ['"', "'", "\\"])
def test_a_program_path_systemd_refuses_is_said_before_anything_is_written(
    tmp_path: Path, char: str
) -> None:
    with pytest.raises(TaskProgramError) as raised:
        systemd_timer.plan(make_request(tmp_path, (f"/opt/a{char}b/app", "refresh", "--all")))
    assert f"/opt/a{char}b/app" in raised.value.message
    assert "Move Qonto Desktop" in raised.value.next_action


def test_a_control_character_in_a_variable_is_refused_with_the_reason(tmp_path: Path) -> None:
    request = make_request(tmp_path, variables=[("QONTO_DESKTOP_HOME", "/a\nb")])
    with pytest.raises(TaskProgramError, match="control character"):
        systemd_timer.plan(request)
