"""A full disk during a real export (a small tmpfs, ``main.py`` against the emulator): one
clear message with what to do, no half-written or temporary file, and once there is room the
same export completes with the bytes of a clean one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qonto_desktop.cli import exit_codes
from qonto_desktop.connections.month_end_period import previous_month
from qonto_desktop.emulator import Emulator
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)
from tests.support.month_end_checks import folder_files
from tests.support.small_disk import grow, small_disk


def connect(env: dict[str, str], organization_id: str) -> None:
    args = ["connect", "--environment", "emulator", "--no-browser"]
    with RunningCommand([*args, "--organization-id", organization_id], env) as cmd:
        cmd.send(approve_elsewhere(authorization_address(cmd)))
        assert cmd.finish() == 0, cmd.stderr


def contents(folder: Path) -> dict[str, bytes]:
    return {name: data for name, (data, _) in folder_files(folder).items()}


@pytest.mark.slow(seconds=20)
@pytest.mark.keyring
def test_a_full_disk_says_so_leaves_no_partial_file_and_a_rerun_completes(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int, tmp_path: Path
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        emulator.register_redirect_uri(f"http://127.0.0.1:{redirect_port}/callback")
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        configure = ["configure", "--environment", "emulator"]
        assert run([*configure, "--redirect-port", str(redirect_port)], env).returncode == 0
        connect(env, emulator.organizations[0].id)
        period = previous_month(date.today()).label
        clean = tmp_path / "clean"
        assert run(["export", "--all", "--period", period, "--to", str(clean)], env).returncode == 0
        (expected,) = [p for p in clean.rglob(period) if p.is_dir()]

        with small_disk(tmp_path / "disk", "16k") as disk:
            full = run(["export", "--all", "--period", period, "--to", str(disk)], env)
            assert full.returncode == exit_codes.ERROR, full.stderr
            said = full.stderr
            assert "is full" in said, said
            assert "Free some space on that disk and export again." in said
            assert "Traceback" not in said
            left = [p for p in disk.rglob("*") if p.is_file()]
            assert not any(p.name.endswith(".tmp") for p in left), left
            assert not any(p.name == "manifest.json" for p in left)  # nothing claims completion
            written = [f for d in disk.rglob(period) if d.is_dir() for f in contents(d).items()]
            assert len(written) == len(left)
            assert all(contents(expected).get(name) == data for name, data in written)  # whole

            grow(disk, "8m")
            again = run(["export", "--all", "--period", period, "--to", str(disk)], env)
            assert again.returncode == 0, again.stderr
            (resumed,) = [p for p in disk.rglob(period) if p.is_dir()]
            assert contents(resumed) == contents(expected)
