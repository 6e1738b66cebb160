"""``token`` with a fresh cached token, at the floor: one index read, one keyring read, and
nothing else loaded: no HTTP stack, no OAuth library, no keyring (so none of its backend
discovery or entry-point machinery), no file lock, no log file, nothing only writes or a
connection's context need.

Run as ``main.py token`` runs, in a fresh interpreter on a real GNOME Keyring; the connection
is made through the emulator as a user makes it.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest

from qonto_desktop.emulator import Emulator
from qonto_desktop.store.backend_names import APP_SECRET_SERVICE
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from tests.support.command_line import REPO, cli_env
from tests.support.desks import connect_one, make_desk
from tests.support.keyrings import backend_of
from tests.support.tokens import saved

# Chosen for what each would cost or mean on the quick path: the HTTP stack (requests, urllib3),
# the OAuth library, keyring itself (its import runs its discovery set-up and entry points),
# importlib.metadata (the entry-point machinery keyring and its jaraco libraries load), the file
# lock (only writes take it) and the refresh machinery; then what only something else needs:
# the log file's rotating handler (with pickle; it loads with the first record written), the
# temporary files of writes (tempfile, shutil), the environments and scopes (a context's), the
# other values of the application API, the renderer and the parser, platformdirs (Linux computes
# its folders), datetime and glob; and cryptography's OpenSSL backend module (with its RSA and
# EC modules), which SecretStorage's own read asks for only to hand a cipher its ignored
# ``backend`` argument.
HEAVY = (
    "requests",
    "urllib3",
    "authlib",
    "keyring",
    "keyring.backends",
    "importlib.metadata",
    "importlib_metadata",
    "filelock",
    "qonto_desktop.connections.renewal",
    "qonto_desktop.connections.context",
    "logging.handlers",
    "pickle",
    "tempfile",
    "shutil",
    "qonto_desktop.qonto.environments",
    "qonto_desktop.qonto.scopes",
    "qonto_desktop.qonto.scope_catalogue",
    "qonto_desktop.connections.model",
    "qonto_desktop.oauth.redirect",
    "qonto_desktop.cli.render",
    "qonto_desktop.cli.parser",
    "argparse",
    "platformdirs",
    "datetime",
    "glob",
    "cryptography.hazmat.backends.openssl.backend",
)

SCRIPT = f"""\
import io, json, sys
index_reads, log_opens = [], []

def audit(event, args):
    if event == "open" and str(args[0]).endswith("connections.json"):
        index_reads.append(str(args[1]))
    if event == "open" and ".log" in str(args[0]):
        log_opens.append(str(args[1]))

sys.addaudithook(audit)
from qonto_desktop.cli.main import main

out, err = io.StringIO(), io.StringIO()
code = main(sys.argv[1:], out=out, err=err)
loaded = [name for name in {HEAVY!r} if name in sys.modules]
print(json.dumps({{"code": code, "out": out.getvalue(), "err": err.getvalue(),
                   "loaded": loaded, "index_reads": index_reads, "log_opens": log_opens}}))
"""


def token_process(env: dict[str, str], *words: str) -> dict[str, object]:
    finished = subprocess.run(
        [sys.executable, "-c", SCRIPT, "token", *words],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, object] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_cached_token_loads_nothing_heavy_and_reads_the_index_once(
    app_home: Path, keyring_env: dict[str, str]
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        connection = connect_one(desk, emulator)
        kept = saved(desk, connection).access
        env = cli_env(app_home, keyring_env=keyring_env)
        plain = token_process(env)
        named = token_process(env, connection.organization_slug, "--json")
    assert connection.keyring_backend == APP_SECRET_SERVICE  # named when it was saved
    assert plain == {
        "code": 0,
        "out": f"{kept}\n",
        "err": "",
        "loaded": [],
        "index_reads": ["r"],
        "log_opens": [],  # nothing logged, so no log file opened
    }
    assert named["code"] == 0
    assert json.loads(str(named["out"]))["access_token"] == kept
    assert named["loaded"] == []
    assert named["index_reads"] == ["r"]


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_a_connection_saved_before_backends_were_named_still_gets_its_token(
    app_home: Path, keyring_env: dict[str, str]
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        connection = connect_one(desk, emulator)
        old = dataclasses.replace(connection, keyring_backend="")
        desk.index.save(old)  # as an index written by 0.1 holds it
        kept = saved(desk, connection).access
        result = token_process(cli_env(app_home, keyring_env=keyring_env))
    assert result["code"] == 0
    assert result["out"] == f"{kept}\n"
    assert "keyring" in cast(list[str], result["loaded"])  # the usual choice, as before


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_the_users_keyring_configuration_wins_over_the_name(
    app_home: Path, keyring_env: dict[str, str]
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        connect_one(desk, emulator)
        env = cli_env(
            app_home,
            keyring_env=keyring_env,
            extra={"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"},
        )
        result = token_process(env)
    # keyring's null backend, as configured, was asked: it holds no token, so (as before this
    # change) the connection reads as needing a new sign-in.
    assert result["code"] == 3
    assert "keyring" in cast(list[str], result["loaded"])
    assert result["out"] == ""
