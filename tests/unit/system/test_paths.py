"""Where the app writes: one folder under QONTO_DESKTOP_HOME, else the system's places."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest

from qonto_desktop import APP_ID
from qonto_desktop.system.folders import HOME_VARIABLE
from qonto_desktop.system.paths import AppPaths, app_paths
from tests.support.command_line import REPO


def test_home_variable_puts_everything_under_one_folder(tmp_path: Path) -> None:
    paths = app_paths({HOME_VARIABLE: str(tmp_path / "home")})
    root = (tmp_path / "home").resolve()
    assert paths == AppPaths(root / "config", root / "data", root / "logs")
    assert paths.settings_file == root / "config" / "settings.json"


def test_home_variable_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = app_paths({HOME_VARIABLE: " relative/home "})
    assert paths.config_dir == tmp_path.resolve() / "relative" / "home" / "config"
    assert paths.config_dir.is_absolute()


def test_home_variable_expands_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    paths = app_paths({HOME_VARIABLE: "~/portable"})
    assert paths.data_dir == tmp_path.resolve() / "portable" / "data"


def test_default_environment_is_read(app_home: Path) -> None:
    # The autouse fixture set QONTO_DESKTOP_HOME in os.environ.
    assert app_paths().log_dir == app_home.resolve() / "logs"


@pytest.mark.parametrize("environ", [{}, {HOME_VARIABLE: ""}, {HOME_VARIABLE: "   "}])
def test_without_home_the_system_places_are_used(environ: dict[str, str]) -> None:
    paths = app_paths(environ)
    assert paths == AppPaths(
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )
    assert paths.settings_file.name == "settings.json"
    assert APP_ID in paths.config_dir.parts


def test_nothing_is_created(tmp_path: Path) -> None:
    app_paths({HOME_VARIABLE: str(tmp_path / "home")})
    assert not (tmp_path / "home").exists()


def platformdirs_paths() -> AppPaths:
    return AppPaths(
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
    )


XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@pytest.mark.parametrize(
    "xdg",
    [
        {},  # the defaults under the home folder
        {name: "/elsewhere/" + name.lower() for name in XDG},  # absolute: used
        {name: "relative/" + name.lower() for name in XDG},  # relative: ignored
        dict.fromkeys(XDG, ""),  # blank: ignored
        {"XDG_DATA_HOME": "/data/only", "XDG_STATE_HOME": "state"},  # a mix
        {"XDG_CONFIG_HOME": "/trailing/slash/"},
    ],
)
@pytest.mark.parametrize("home", ["{tmp}", "{tmp}/", "relative-home", None])
def test_the_system_places_are_platformdirs_own(
    xdg: dict[str, str], home: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The folders computed without platformdirs (Linux) are exactly platformdirs' answer, in
    # every case that route takes, and platformdirs decides the others (a relative HOME).
    for name in XDG:
        monkeypatch.delenv(name, raising=False)
    for name, value in xdg.items():
        monkeypatch.setenv(name, value)
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home.format(tmp=tmp_path))
    assert app_paths({}) == platformdirs_paths()


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG route is Linux's")
def test_linux_finds_its_folders_without_importing_platformdirs(tmp_path: Path) -> None:
    environ = {key: value for key, value in os.environ.items() if key != HOME_VARIABLE}
    environ["HOME"] = str(tmp_path)
    code = (
        "import sys; from qonto_desktop.system.paths import app_paths; "
        "print(app_paths().data_dir, 'platformdirs' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == [str(tmp_path / ".local" / "share" / APP_ID), "False"]
