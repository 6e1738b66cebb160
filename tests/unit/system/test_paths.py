"""Where the app writes: one folder under QONTO_DESKTOP_HOME, else the system's places."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from qonto_desktop import APP_ID
from qonto_desktop.system.paths import HOME_VARIABLE, AppPaths, app_paths


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
