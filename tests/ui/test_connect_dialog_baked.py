"""The connect dialog of a firm's build: it opens on the build's environment, ready to connect."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from qonto_desktop.build_registration import BakedRegistration
from qonto_desktop.connections.desk import Desk
from qonto_desktop.ui.connect_dialog import ConnectDialog
from qonto_desktop.ui.workers import Workers
from tests.support.baked import Bake, bake

__all__ = ["bake"]

BOTH = ("production", "sandbox")
SANDBOX_FIRM = BakedRegistration("sandbox", "firm-sandbox-client", 53002)


@pytest.fixture
def open_dialog(qtbot: QtBot, desk: Desk, workers: Workers) -> Iterator[Any]:
    made: list[ConnectDialog] = []

    def make(on: Desk = desk, environments: tuple[str, ...] = BOTH) -> ConnectDialog:
        dialog = ConnectDialog(on, workers, environments=environments)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append(dialog)
        return dialog

    yield make
    for dialog in made:
        dialog.reject()


def test_a_sandbox_build_opens_on_the_sandbox_with_its_client_id(
    bake: Bake, open_dialog: Any
) -> None:
    bake(SANDBOX_FIRM)
    form = open_dialog().form
    assert form.environment_name() == "sandbox"
    assert form.environment.currentText() == "Sandbox"
    assert form.registration.client_id.text() == "firm-sandbox-client"
    assert form.registration.redirect_port.text() == "53002"
    assert not form.registration.client_id.isReadOnly()  # the user may still change it


def test_a_plain_build_opens_on_production_with_nothing_filled_in(
    bake: Bake, open_dialog: Any
) -> None:
    form = open_dialog().form
    assert form.environment_name() == "production"
    assert form.registration.client_id.text() == ""


def test_the_users_saved_environment_and_registration_win(
    bake: Bake, open_dialog: Any, desk: Desk
) -> None:
    bake(SANDBOX_FIRM)
    settings = {
        **desk.settings,
        "environment": "production",
        "registrations": {"sandbox": {"client_id": "my-own-client", "redirect_port": 53100}},
    }
    form = open_dialog(replace(desk, settings=settings)).form
    assert form.environment_name() == "production"
    form.environment.setCurrentIndex(form.environment.findData("sandbox"))
    assert form.registration.client_id.text() == "my-own-client"
    assert form.registration.redirect_port.text() == "53100"


def test_the_demo_still_comes_first_in_demo_mode(bake: Bake, open_dialog: Any) -> None:
    bake(SANDBOX_FIRM)
    form = open_dialog(environments=("emulator", *BOTH)).form
    assert form.environment_name() == "emulator"
