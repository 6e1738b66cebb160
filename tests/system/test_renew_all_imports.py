"""``refresh --all`` with tokens due loads what a refresh needs, not keyring or the Business API.

Run as ``main.py refresh --all`` runs, in a fresh interpreter on a real GNOME Keyring: the
connections name the app's Secret Service backend, so the batch opens it directly (no keyring,
no backend discovery), and a refresh calls no Business API, so its client stays unloaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qonto_desktop.emulator import Emulator
from qonto_desktop.store.secret_service import Keyring as KeptKeyring
from tests.support.command_line import cli_env, script_report
from tests.support.desks import connect_one, make_desk
from tests.support.keyrings import backend_of

NOT_NEEDED = ("keyring", "qonto_desktop.qonto.api")

SCRIPT = f"""\
import io, json, sys
from qonto_desktop.cli.main import main

out, err = io.StringIO(), io.StringIO()
code = main(["refresh", "--all"], out=out, err=err)
loaded = [name for name in {NOT_NEEDED!r} if name in sys.modules]
print(json.dumps({{"code": code, "out": out.getvalue(), "err": err.getvalue(),
                   "loaded": loaded}}))
"""


@pytest.mark.keyring
@pytest.mark.slow(seconds=5)
def test_a_batch_opens_the_named_keyring_and_loads_no_business_api(
    app_home: Path, keyring_env: dict[str, str]
) -> None:
    with Emulator(consent_mode="approve") as emulator:
        emulator.access_token_lifetime = 60.0  # under the refresh margin: due at once
        desk = make_desk(app_home, emulator, backend_of(KeptKeyring))
        for organization in emulator.organizations:
            connect_one(desk, emulator, organization_id=organization.id)
        env = cli_env(app_home, keyring_env=keyring_env, emulator_url=emulator.base_url)
        result = script_report(SCRIPT, env=env)
        refreshed = emulator.events["refreshed"]
    assert result["code"] == 0, result["err"]
    assert str(result["out"]).count("access renewed") == len(emulator.organizations)
    assert refreshed == len(emulator.organizations)
    assert result["loaded"] == []
