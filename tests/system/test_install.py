"""Installable like any Python app: ``pip install .`` into a fresh venv, then run what it installed.

pip resolves the dependencies as for any user (from the package index; its cache makes a later
run quick). The source is copied first, so that setuptools' build folders never land in the
checkout, and every command runs outside it, so that only the installed package can answer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from tests.support.command_line import REPO, cli_env

# What a clean clone would not have: version control, local environments, build output, caches.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)
INSTALL_TIMEOUT = 540.0

pytestmark = [
    pytest.mark.slow(seconds=20),
    pytest.mark.keyring,
    pytest.mark.timeout(INSTALL_TIMEOUT + 60),
]


def run(
    args: Sequence[str], env: Mapping[str, str], cwd: Path, timeout: float = 120.0
) -> subprocess.CompletedProcess[str]:
    """Run one command to its end, its output read."""
    return subprocess.run(
        list(args),
        cwd=cwd,
        env=dict(env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def outside_env() -> dict[str, str]:
    """This environment without anything that would point Python at the checkout or the app."""
    return {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}
        and not name.startswith("QONTO_DESKTOP_")
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the project installed by ``pip install .``; returns its bin folder."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    venv.EnvBuilder(with_pip=True, clear=True).create(root / "venv")
    bin_dir = root / "venv" / ("Scripts" if os.name == "nt" else "bin")
    env = {**outside_env(), "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    pip = run(
        [str(bin_dir / "python"), "-m", "pip", "install", "."],
        env,
        cwd=source,
        timeout=INSTALL_TIMEOUT,
    )
    assert pip.returncode == 0, pip.stdout[-3000:] + pip.stderr[-3000:]
    return bin_dir


def test_the_package_runs_from_the_venv_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = run(
        [str(installed / "python"), "-c", "import qonto_desktop; print(qonto_desktop.__file__)"],
        outside_env(),
        cwd=tmp_path,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.parent)  # not the checkout


def test_qonto_desktop_self_test_passes(
    installed: Path, tmp_path: Path, app_home: Path, keyring_env: dict[str, str]
) -> None:
    env = cli_env(app_home, keyring_env=keyring_env, extra={"QT_QPA_PLATFORM": "offscreen"})
    env = {name: value for name, value in env.items() if name != "PYTHONPATH"}
    result = run([str(installed / "qonto-desktop"), "--self-test"], env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Everything a Qonto connection needs is here." in result.stdout


def test_python_dash_m_qonto_desktop_shows_its_help(installed: Path, tmp_path: Path) -> None:
    result = run(
        [str(installed / "python"), "-m", "qonto_desktop", "--help"], outside_env(), tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m qonto_desktop")
