"""The library search path programs started by the executable get back."""

from __future__ import annotations

import pytest

from qonto_desktop.system.child_environment import restore_library_path

BUNDLE = "/var/tmp/_MEIabc123"  # noqa: S108 - a name, never opened


def test_the_users_path_comes_back_from_where_the_bootloader_kept_it() -> None:
    env = {"LD_LIBRARY_PATH": f"{BUNDLE}:/opt/mine", "LD_LIBRARY_PATH_ORIG": "/opt/mine"}
    assert restore_library_path(env, frozen=True, platform="linux") is True
    assert env == {"LD_LIBRARY_PATH": "/opt/mine"}


def test_without_a_path_of_the_users_the_bundles_is_removed() -> None:
    env = {"LD_LIBRARY_PATH": BUNDLE, "HOME": "/home/a"}
    assert restore_library_path(env, frozen=True, platform="linux") is True
    assert env == {"HOME": "/home/a"}


@pytest.mark.parametrize(
    ("frozen", "platform"), [(False, "linux"), (True, "win32"), (True, "darwin")]
)
def test_source_runs_windows_and_macos_are_left_alone(frozen: bool, platform: str) -> None:
    env = {"LD_LIBRARY_PATH": f"{BUNDLE}:/opt/mine", "LD_LIBRARY_PATH_ORIG": "/opt/mine"}
    assert restore_library_path(env, frozen=frozen, platform=platform) is False
    assert env == {"LD_LIBRARY_PATH": f"{BUNDLE}:/opt/mine", "LD_LIBRARY_PATH_ORIG": "/opt/mine"}


def test_nothing_to_restore_changes_nothing() -> None:
    env = {"HOME": "/home/a"}
    assert restore_library_path(env, frozen=True, platform="linux") is False
    assert env == {"HOME": "/home/a"}
