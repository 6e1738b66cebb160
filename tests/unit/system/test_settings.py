"""The settings file: missing means defaults; anything unreadable is a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qonto_desktop.oauth.errors import ConfigurationError
from qonto_desktop.system.paths import AppPaths, app_paths
from qonto_desktop.system.settings import SettingsFileError, load_settings


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    root = tmp_path / "home"
    made = AppPaths(root / "config", root / "data", root / "logs")
    made.config_dir.mkdir(parents=True)
    return made


def test_a_missing_file_means_default_settings(paths: AppPaths) -> None:
    assert load_settings(paths) == {}


def test_a_missing_folder_means_default_settings(tmp_path: Path) -> None:
    assert load_settings(AppPaths(tmp_path / "no", tmp_path / "no", tmp_path / "no")) == {}


def test_the_settings_are_read(paths: AppPaths) -> None:
    settings = {"environment": "sandbox", "custom_environment": {"token_url": "https://x"}}
    paths.settings_file.write_text(json.dumps(settings), encoding="utf-8")
    assert load_settings(paths) == settings


def test_the_default_paths_are_the_app_homes(app_home: Path) -> None:
    settings_file = app_paths().settings_file
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"language": "fr"}', encoding="utf-8")
    assert load_settings() == {"language": "fr"}


@pytest.mark.parametrize("text", ["{", "", "{'single': 'quotes'}", '{"a": 1,}'])
def test_invalid_json_is_an_error_naming_the_file(paths: AppPaths, text: str) -> None:
    paths.settings_file.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsFileError) as caught:
        load_settings(paths)
    assert str(paths.settings_file) in caught.value.message
    assert "not valid JSON" in caught.value.message
    assert isinstance(caught.value, ConfigurationError)


def test_the_error_gives_the_line(paths: AppPaths) -> None:
    paths.settings_file.write_text('{\n  "a": 1,\n  oops\n}', encoding="utf-8")
    with pytest.raises(SettingsFileError, match="line 3"):
        load_settings(paths)


@pytest.mark.parametrize("text", ["[]", '"text"', "42", "null", "true"])
def test_json_that_is_not_an_object_is_an_error(paths: AppPaths, text: str) -> None:
    paths.settings_file.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsFileError) as caught:
        load_settings(paths)
    assert str(paths.settings_file) in caught.value.message
    assert "not a JSON object" in caught.value.message


def test_a_folder_in_place_of_the_file_is_an_error(paths: AppPaths) -> None:
    paths.settings_file.mkdir()
    with pytest.raises(SettingsFileError) as caught:
        load_settings(paths)
    assert str(paths.settings_file) in caught.value.message


def test_a_file_that_is_not_utf8_is_an_error(paths: AppPaths) -> None:
    # A settings file saved in Latin-1 by an editor: RFC 8259 §8.1 JSON is UTF-8.
    paths.settings_file.write_bytes('{"name": "Société"}'.encode("latin-1"))
    with pytest.raises(SettingsFileError) as caught:
        load_settings(paths)
    assert str(paths.settings_file) in caught.value.message


def test_a_file_with_a_byte_order_mark_is_read(paths: AppPaths) -> None:
    paths.settings_file.write_bytes(b"\xef\xbb\xbf" + b'{"language": "fr"}')
    assert load_settings(paths) == {"language": "fr"}
