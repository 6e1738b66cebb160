"""``disconnect --forget-data`` deletes the client's bank data kept here, and says so."""

from __future__ import annotations

import io

import pytest

from qonto_desktop.cli import disconnect
from qonto_desktop.cli.main import main
from qonto_desktop.connections.desk import Desk
from qonto_desktop.emulator import Emulator
from qonto_desktop.mirror.bank_mirror import open_mirror
from tests.support.bank_data import transaction
from tests.support.desks import connect_one


def test_the_flag_is_offered(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["disconnect", "--help"]) == 0
    assert "--forget-data" in capsys.readouterr().out


@pytest.mark.parametrize("forget", [True, False])
def test_disconnect_says_what_became_of_the_data(
    desk: Desk, emulator: Emulator, forget: bool
) -> None:
    connection = connect_one(desk, emulator)
    mirror = open_mirror(desk.paths)
    mirror.save_page(connection.id, "org", "acc-1", [transaction(1)])
    mirror.close()
    out, err = io.StringIO(), io.StringIO()
    code = disconnect.run(
        desk, connection.id, keep_consent=False, forget_data=forget, out=out, err=err
    )
    assert code == 0
    said = "Its bank data kept on this computer is deleted." in out.getvalue()
    assert said is forget
    mirror = open_mirror(desk.paths)
    assert (connection.id in mirror.counts()) is not forget
    mirror.close()
