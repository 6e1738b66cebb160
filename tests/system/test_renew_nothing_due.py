"""``refresh --all`` with nothing due costs about a ``status``: one index read, nothing sent.

Run as ``main.py refresh --all`` runs, in a fresh interpreter on a real GNOME Keyring, with
connections made through the emulator: what is due is decided from the index alone, so neither
the HTTP stack, the OAuth library, the file lock nor the refresh machinery is loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from tests.support.command_line import cli_env, script_report
from tests.support.desks import connect_one, make_desk
from tests.support.keyrings import backend_of

HEAVY = (
    "requests",
    "urllib3",
    "authlib",
    "filelock",
    "qonto_desktop.connections.renewal",
    "qonto_desktop.connections.renew_all",
    "qonto_desktop.connections.context",
)

SCRIPT = f"""\
import io, json, sys
index_reads = []

def audit(event, args):
    if event == "open" and str(args[0]).endswith("connections.json"):
        index_reads.append(str(args[1]))

sys.addaudithook(audit)
from qonto_desktop.cli.main import main

out, err = io.StringIO(), io.StringIO()
code = main(["refresh", "--all"], out=out, err=err)
loaded = [name for name in {HEAVY!r} if name in sys.modules]
print(json.dumps({{"code": code, "out": out.getvalue(), "err": err.getvalue(),
                   "loaded": loaded, "index_reads": len(index_reads)}}))
"""


@pytest.mark.keyring
@pytest.mark.slow(seconds=4)
def test_nothing_due_loads_no_refresh_machinery_and_reads_the_index_once(
    app_home: Path, keyring_env: dict[str, str]
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        for organization in emulator.organizations:
            connect_one(desk, emulator, organization_id=organization.id)
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        result = script_report(SCRIPT, env=env)
        refreshed = emulator.events["refreshed"]
    assert result["code"] == 0, result["err"]
    assert str(result["out"]).count("still fresh") == len(emulator.organizations)
    assert result["loaded"] == []
    assert result["index_reads"] == 1
    assert refreshed == 0
