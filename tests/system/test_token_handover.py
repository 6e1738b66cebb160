"""``token`` beyond the common case: the quick path hands over, and the user sees the full path.

Each case is one the quick path (``connections.quick_token``) must not answer itself: the
process's output, exit code and log are those of the application API, and the full path is
seen to have run (it sets up the log; the quick path does not). Run as ``main.py token`` runs,
on a real GNOME Keyring, the connection made through the emulator.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple, cast

import pytest

from qonto_desktop.cli.exit_codes import exit_code
from qonto_desktop.cli.render import error_line
from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.store.connection import Connection
from qonto_desktop.store.index import AmbiguousError, NotFoundError
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from qonto_desktop.system.log_choice import LEVEL_VARIABLE
from qonto_desktop.system.logs import LOG_FILE_NAME
from tests.support.command_line import cli_env
from tests.support.desks import connect_one, make_desk
from tests.support.keyrings import backend_of
from tests.support.token_process import token_process
from tests.support.tokens import saved

# What only the full path loads: the log, and the application API's reading of the index.
FULL_PATH = ("logging", "qonto_desktop.connections.fresh", "qonto_desktop.store.secrets")


class Stage(NamedTuple):
    desk: Desk
    connection: Connection
    emulator: Emulator
    env: dict[str, str]


@pytest.fixture
def stage(app_home: Path, keyring_env: dict[str, str]) -> Iterator[Stage]:
    with Emulator(consent_mode="approve") as emulator:
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        connection = connect_one(desk, emulator)
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        yield Stage(desk, connection, emulator, env)


def run(env: dict[str, str], *words: str) -> dict[str, object]:
    return token_process(env, *words, watched=FULL_PATH)


def assert_reported(result: dict[str, object], error: QontoDesktopError) -> None:
    """The process said ``error`` as the command line says it, and nothing on stdout."""
    assert result["code"] == exit_code(error)
    assert result["err"] == error_line(error) + "\n"
    assert result["out"] == ""
    assert result["loaded"] == list(FULL_PATH)


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_name_that_matches_nothing_is_reported_by_the_full_path(stage: Stage) -> None:
    assert_reported(run(stage.env, "no-such-company"), NotFoundError("no-such-company"))


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_two_connections_and_no_name_are_ambiguous(stage: Stage) -> None:
    other = dataclasses.replace(
        stage.connection,
        id="other-connection",
        organization_id="other-organization",
        organization_name="Another Company",
        organization_slug="another-company",
    )
    stage.desk.index.save(other)
    both = stage.desk.index.load().connections
    assert_reported(run(stage.env), AmbiguousError(None, list(both)))


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_connection_needing_a_new_sign_in_is_reported(stage: Stage) -> None:
    stage.desk.index.save(dataclasses.replace(stage.connection, state="needs_reconnect"))
    result = run(stage.env)
    assert result["code"] == 3
    assert "sign" in str(result["err"]).casefold()
    assert result["out"] == ""
    assert result["loaded"] == list(FULL_PATH)


@pytest.mark.keyring
@pytest.mark.slow(seconds=6)
def test_a_token_due_is_refreshed_under_the_full_path(stage: Stage) -> None:
    kept = saved(stage.desk, stage.connection).access
    stage.desk.index.save(dataclasses.replace(stage.connection, access_expires_at=time.time() - 1))
    result = run(stage.env)
    assert result["code"] == 0
    assert result["err"] == ""
    assert stage.emulator.events["refreshed"] == 1
    renewed = saved(stage.desk, stage.connection).access
    assert renewed != kept
    assert result["out"] == f"{renewed}\n"
    assert "qonto_desktop.connections.fresh" in cast(list[str], result["loaded"])


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_damaged_index_is_kept_aside_as_the_full_path_does(stage: Stage) -> None:
    index = stage.desk.index.path
    document = json.loads(index.read_text(encoding="utf-8"))
    document["connections"].append({"id": 42})  # a record no version wrote
    index.write_text(json.dumps(document), encoding="utf-8")
    kept = saved(stage.desk, stage.connection).access
    result = run(stage.env)
    assert result["code"] == 0
    assert result["out"] == f"{kept}\n"  # the readable connection still gets its token
    assert result["loaded"] == list(FULL_PATH)
    copies = [path for path in index.parent.iterdir() if path.name != index.name]
    assert copies, "the damaged index was not kept aside: the quick path answered"


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_damaged_settings_file_is_reported(stage: Stage) -> None:
    settings = stage.desk.paths.settings_file
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[not settings", encoding="utf-8")
    result = run(stage.env)
    assert result["code"] != 0
    assert str(settings) in str(result["err"])
    assert result["out"] == ""
    assert "logging" in cast(list[str], result["loaded"])  # the desk stopped it, not the API


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_log_level_asked_for_gets_its_log(stage: Stage, app_home: Path) -> None:
    kept = str(saved(stage.desk, stage.connection).access)
    result = run({**stage.env, LEVEL_VARIABLE: "DEBUG"})
    assert result["code"] == 0
    assert result["out"] == f"{kept}\n"
    log = (app_home / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "connections.json" in log  # the full path's debug line of its index read
    assert kept not in log
