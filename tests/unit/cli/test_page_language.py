"""A sign-in started from the command line shows its browser pages in the app's language."""

from __future__ import annotations

from typing import Any

import pytest

from qonto_desktop.cli.main import main
from qonto_desktop.connections import demo


@pytest.mark.parametrize(
    ("environment", "argv", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, [], "fr"),
        ({"LANG": "fr_FR.UTF-8"}, ["--language", "en"], "en"),
        ({"LANG": "C"}, [], "en"),
        ({"LANG": "C"}, ["--language", "fr"], "fr"),
    ],
)
def test_demo_pages_follow_the_apps_language_unless_asked(
    environment: dict[str, str],
    argv: list[str],
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    asked: list[str] = []

    def run_demo(**options: Any) -> int:
        asked.append(options["language"])
        return 0

    monkeypatch.setattr(demo, "run_demo", run_demo)
    assert main(["demo", *argv]) == 0
    assert asked == [expected]
