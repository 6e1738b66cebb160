"""The connect dialog of a firm's build: it opens on the build's environment, ready to connect."""

from __future__ import annotations

from dataclasses import replace

from qonto_desktop.connections.baked import BakedRegistration
from qonto_desktop.connections.desk import Desk
from tests.support.baked import Bake, bake
from tests.ui.conftest import MakeDialog

__all__ = ["bake"]

BOTH = ("production", "sandbox")
SANDBOX_FIRM = BakedRegistration("sandbox", "firm-sandbox-client", 53002)


def test_a_sandbox_build_opens_on_the_sandbox_with_its_client_id(
    bake: Bake, make_dialog: MakeDialog
) -> None:
    bake(SANDBOX_FIRM)
    form = make_dialog(environments=BOTH).form
    assert form.environment_name() == "sandbox"
    assert form.environment.currentText() == "Sandbox"
    assert form.registration.client_id.text() == "firm-sandbox-client"
    assert form.registration.redirect_port.text() == "53002"
    assert not form.registration.client_id.isReadOnly()  # the user may still change it


def test_a_plain_build_opens_on_production_with_nothing_filled_in(
    bake: Bake, make_dialog: MakeDialog
) -> None:
    form = make_dialog(environments=BOTH).form
    assert form.environment_name() == "production"
    assert form.registration.client_id.text() == ""


def test_the_users_saved_environment_and_registration_win(
    bake: Bake, make_dialog: MakeDialog, desk: Desk
) -> None:
    bake(SANDBOX_FIRM)
    settings = {
        **desk.settings,
        "environment": "production",
        "registrations": {"sandbox": {"client_id": "my-own-client", "redirect_port": 53100}},
    }
    form = make_dialog(on=replace(desk, settings=settings), environments=BOTH).form
    assert form.environment_name() == "production"
    form.environment.setCurrentIndex(form.environment.findData("sandbox"))
    assert form.registration.client_id.text() == "my-own-client"
    assert form.registration.redirect_port.text() == "53100"


def test_the_demo_still_comes_first_in_demo_mode(bake: Bake, make_dialog: MakeDialog) -> None:
    bake(SANDBOX_FIRM)
    form = make_dialog(environments=("emulator", *BOTH)).form
    assert form.environment_name() == "emulator"


def test_a_firms_build_signs_in_with_one_click_advanced_folded(
    bake: Bake, make_dialog: MakeDialog
) -> None:
    bake(BakedRegistration("production", "firm-production-client", 53004))
    form = make_dialog(environments=BOTH).form
    assert form.environment_name() == "production"
    assert not form.advanced.is_open  # nothing missing: the registration is the build's
    assert form.connect_button.isEnabled()
    assert form.connect_button.isDefault()
