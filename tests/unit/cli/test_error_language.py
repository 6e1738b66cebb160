"""The command line prints an error in the settings' language, else the environment's."""

from __future__ import annotations

import json

import pytest

from qonto_desktop.cli.render import error_line
from qonto_desktop.store.index_errors import NotFoundError
from qonto_desktop.system.paths import app_paths

ENGLISH = "There is no connection yet. Connect one first."
FRENCH = "Il n\u2019y a encore aucune connexion. Commencez par créer une connexion."


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def save_language(language: str) -> None:
    path = app_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"language": language}), encoding="utf-8")


def test_english_by_default() -> None:
    assert error_line(NotFoundError(None)) == ENGLISH


def test_english_for_the_c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert error_line(NotFoundError(None)) == ENGLISH


def test_french_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert error_line(NotFoundError(None)) == FRENCH


def test_the_settings_choice_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "fr_FR.UTF-8")
    save_language("en")
    assert error_line(NotFoundError(None)) == ENGLISH
    save_language("fr")
    monkeypatch.setenv("LC_ALL", "C")
    assert error_line(NotFoundError(None)) == FRENCH
