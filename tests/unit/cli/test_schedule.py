"""``schedule show|install|remove``: what is installed, shown first; JSON like the neighbours."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from qonto_desktop.cli import exit_codes, schedule
from qonto_desktop.cli.main import main
from qonto_desktop.connections.desk import Desk, open_desk
from tests.support.schedulers import FakeRunner

SERVICE = "qonto-desktop-renew.service"


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's config folder, and a user manager that cannot be reached."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "no-runtime"))
    return tmp_path / "xdg" / "systemd" / "user"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_show_prints_the_files_and_commands_and_installs_nothing(xdg: Path) -> None:
    code, out, err = run(["schedule", "show"])
    assert (code, err) == (exit_codes.OK, "")
    assert "(systemd, qonto-desktop-renew.timer): not installed." in out
    assert f"It writes {xdg / SERVICE}:\n[Unit]\n" in out
    assert "Type=oneshot\nExecStart=" in out
    assert "  systemctl --user enable --now qonto-desktop-renew.timer" in out
    assert not xdg.exists()


def test_show_json_holds_the_exact_texts(xdg: Path) -> None:
    code, out, _ = run(["schedule", "show", "--json"])
    data = json.loads(out)
    assert code == exit_codes.OK
    assert data["installed"] is False
    assert data["runs"][-2:] == ["refresh", "--all"]
    assert [Path(f["path"]).name for f in data["files"]] == [SERVICE, "qonto-desktop-renew.timer"]
    assert "Persistent=true" in data["files"][1]["text"]
    assert data["install_commands"][-1] == [
        "systemctl",
        "--user",
        "enable",
        "--now",
        "qonto-desktop-renew.timer",
    ]


def test_install_without_a_user_manager_fails_with_what_to_do(xdg: Path) -> None:
    code, out, err = run(["schedule", "install"])
    assert code == exit_codes.ERROR
    assert out == ""
    assert "systemctl --user cannot be used here" in err
    assert "loginctl enable-linger" in err
    assert not xdg.exists()


def desk() -> Desk:
    return open_desk()


def test_install_then_remove_with_the_scheduler_answering(xdg: Path) -> None:
    runner = FakeRunner()
    out = io.StringIO()
    assert schedule.run(desk(), "install", as_json=False, out=out, runner=runner) == 0
    assert out.getvalue().endswith("Installed: the system now runs refresh --all every day.\n")
    assert (xdg / SERVICE).is_file()
    out = io.StringIO()
    assert schedule.run(desk(), "remove", as_json=True, out=out, runner=runner) == 0
    data = json.loads(out.getvalue())
    assert data["was_installed"] is True
    assert [Path(path).name for path in data["removed_files"]] == [
        SERVICE,
        "qonto-desktop-renew.timer",
    ]
    assert data["failed_commands"] == []
    assert not (xdg / SERVICE).exists()


def test_remove_when_nothing_is_installed_says_so(xdg: Path) -> None:
    code, out, _ = run(["schedule", "remove"])
    assert code == exit_codes.OK
    assert out == "No scheduled renewal was installed: nothing to remove.\n"


def test_a_wrong_action_is_a_usage_error(xdg: Path) -> None:
    code, _, err = run(["schedule", "start"])
    assert code == exit_codes.USAGE
    assert "invalid choice" in err
