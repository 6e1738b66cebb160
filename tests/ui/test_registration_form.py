"""The app registration and organization inputs: checked as typed, remembered per environment."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.errors import ConfigurationError
from qonto_desktop.connections.keys import client_secret_key, staging_token_key
from qonto_desktop.connections.registration import (
    AppRegistration,
    check_redirect_port,
    load_registration,
)
from qonto_desktop.i18n.localize import localize
from qonto_desktop.qonto import environments
from qonto_desktop.qonto.authorization import EXAMPLE_UUID
from qonto_desktop.system.settings import load_settings
from qonto_desktop.ui.connect.organization_fields import OrganizationFields
from qonto_desktop.ui.connect.registration_form import (
    RegistrationDraft,
    RegistrationForm,
    parse_port,
    save_registration,
)
from qonto_desktop.ui.language import current_language, set_language

SAVED = {"registrations": {"production": {"client_id": "prod-client", "redirect_port": 52999}}}


@pytest.fixture
def form(qtbot: QtBot) -> RegistrationForm:
    shown = RegistrationForm()
    qtbot.addWidget(shown)
    shown.show()
    shown.set_environment(environments.PRODUCTION, SAVED, "Production")
    return shown


@pytest.fixture
def organization(qtbot: QtBot) -> OrganizationFields:
    shown = OrganizationFields()
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_saved_registration_is_shown_with_its_redirect_uri(form: RegistrationForm) -> None:
    assert form.client_id.text() == "prod-client"
    assert form.redirect_port.text() == "52999"
    assert form.redirect_uri.text() == "http://127.0.0.1:52999/callback"
    assert form.redirect_uri.isReadOnly()
    assert form.problems() == []
    assert not form.staging_token.isVisibleTo(form)
    draft = form.draft()
    assert draft == RegistrationDraft(AppRegistration("production", "prod-client", 52999))


def test_copy_puts_the_exact_redirect_uri_on_the_clipboard(
    qtbot: QtBot, form: RegistrationForm
) -> None:
    QTest.mouseClick(form.copy_redirect_uri, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "http://127.0.0.1:52999/callback"


def test_an_empty_client_id_is_explained_in_words(qtbot: QtBot, form: RegistrationForm) -> None:
    form.client_id.clear()
    assert form.client_id_message.text() == "Enter the client ID."
    assert form.client_id_message.isVisibleTo(form)
    assert form.draft() is None
    QTest.keyClicks(form.client_id, "x")
    assert not form.client_id_message.isVisibleTo(form)
    assert form.draft() is not None


PORT_RULE = "The redirect port must be a whole number from 1024 to 65535."


@pytest.mark.parametrize("typed", ["0", "80", "1023", "65536", "port", "-1", "", "١٢٣"])
def test_a_port_outside_1024_to_65535_is_refused(form: RegistrationForm, typed: str) -> None:
    form.redirect_port.setText(typed)
    assert form.problems() == [PORT_RULE]
    assert form.redirect_port_message.text() == PORT_RULE
    assert form.redirect_port_message.isVisibleTo(form)
    assert form.redirect_uri.text() == ""
    assert not form.copy_redirect_uri.isEnabled()
    assert form.draft() is None
    assert parse_port(typed) is None


def test_the_window_refuses_a_port_in_the_words_of_configure(form: RegistrationForm) -> None:
    form.redirect_port.setText("80")
    with pytest.raises(ConfigurationError) as refused:
        check_redirect_port("80")
    assert form.redirect_port_message.text() == refused.value.message


def test_the_redirect_uri_follows_the_port_as_typed(qtbot: QtBot, form: RegistrationForm) -> None:
    form.redirect_port.clear()
    QTest.keyClicks(form.redirect_port, "1")
    assert form.redirect_uri.text() == ""  # port 1: not yet a port the app can use
    QTest.keyClicks(form.redirect_port, "8080")
    assert form.redirect_uri.text() == "http://127.0.0.1:18080/callback"


def test_the_redirect_uri_follows_the_host_chosen(qtbot: QtBot, form: RegistrationForm) -> None:
    assert form.redirect_host.currentData() == "127.0.0.1"
    assert form.redirect_host.currentText() == "127.0.0.1 (recommended)"
    form.redirect_host.setCurrentIndex(form.redirect_host.findData("localhost"))
    assert form.redirect_uri.text() == "http://localhost:52999/callback"
    draft = form.draft()
    assert draft is not None
    assert draft.registration.redirect_host == "localhost"
    assert draft.registration.redirect_uri == form.redirect_uri.text()
    QTest.mouseClick(form.copy_redirect_uri, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "http://localhost:52999/callback"


def test_a_saved_localhost_registration_is_shown_as_sent(qtbot: QtBot) -> None:
    form = RegistrationForm()
    qtbot.addWidget(form)
    saved = {
        "registrations": {
            "production": {
                "client_id": "prod-client",
                "redirect_port": 53010,
                "redirect_host": "localhost",
            }
        }
    }
    form.set_environment(environments.PRODUCTION, saved, "Production")
    assert form.redirect_host.currentData() == "localhost"
    registration = load_registration(environments.PRODUCTION, saved)
    assert (
        form.redirect_uri.text() == registration.redirect_uri == ("http://localhost:53010/callback")
    )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("   ", "Enter the client ID."),
        ("my client", "A client ID has no spaces or line breaks inside."),
        ("my\tclient", "A client ID has no spaces or line breaks inside."),
        ("clïent", "A client ID holds only letters, digits and ASCII signs such as - and _."),
        (
            "c\x1b[2Jlient",
            "A client ID holds only letters, digits and ASCII signs such as - and _.",
        ),
        ("x" * 151, "This is too long for a client ID (more than 150 characters)."),
    ],
)
def test_a_malformed_client_id_is_refused_with_its_reason(
    form: RegistrationForm, typed: str, reason: str
) -> None:
    form.client_id.setText(typed)
    assert form.client_id_message.text() == reason
    assert form.client_id_message.isVisibleTo(form)
    assert form.problems() == [reason]
    assert form.draft() is None


def test_a_uuid_like_or_other_printable_client_id_is_accepted(form: RegistrationForm) -> None:
    for typed in ("0c1d2e3f-aaaa-bbbb-cccc-0123456789ab", "firm_app.client~1", "x" * 150):
        form.client_id.setText(typed)
        assert form.problems() == []


def test_the_sandbox_asks_for_its_staging_token(form: RegistrationForm) -> None:
    form.set_environment(environments.SANDBOX, SAVED, "Sandbox")
    assert form.staging_token.isVisibleTo(form)
    assert form.staging_token.echoMode() == form.staging_token.EchoMode.Password
    assert form.client_secret.echoMode() == form.client_secret.EchoMode.Password
    assert form.client_id.text() == ""
    assert form.problems() == ["Enter the client ID."]


def test_what_was_typed_is_kept_per_environment(qtbot: QtBot, form: RegistrationForm) -> None:
    QTest.keyClicks(form.client_secret, "secret")
    form.set_environment(environments.SANDBOX, SAVED, "Sandbox")
    QTest.keyClicks(form.client_id, "sandbox-client")
    form.set_environment(environments.PRODUCTION, SAVED, "Production")
    assert (form.client_id.text(), form.client_secret.text()) == ("prod-client", "secret")
    form.set_environment(environments.SANDBOX, SAVED, "Sandbox")
    assert form.client_id.text() == "sandbox-client"


def test_the_demo_registration_is_preset_and_read_only(form: RegistrationForm) -> None:
    demo = environments.emulator("http://127.0.0.1:52818")
    form.set_environment(demo, {}, "Demo")
    assert form.client_id.text() == environments.EMULATOR_PUBLIC_CLIENT_ID
    assert form.client_id.isReadOnly()
    assert form.redirect_port.isReadOnly()
    assert not form.client_secret.isVisibleTo(form)
    assert "nothing to set up" in form.note.text()
    draft = form.draft()
    assert draft is not None
    assert draft.preset


def test_ids_are_checked_as_typed(qtbot: QtBot, organization: OrganizationFields) -> None:
    assert organization.problems() == []
    assert organization.values() == (None, None)
    QTest.keyClicks(organization.organization_id, "acme")
    assert organization.message.isVisibleTo(organization)
    assert organization.message.text() == (
        f"Not a valid organization ID: it looks like {EXAMPLE_UUID}."
    )
    organization.organization_id.setText(EXAMPLE_UUID)
    assert organization.problems() == []
    assert not organization.message.isVisibleTo(organization)
    QTest.keyClicks(organization.registration_id, "12")
    assert organization.problems() == [
        f"Not a valid registration ID: it looks like {EXAMPLE_UUID}.",
        "Give an organization ID or a registration ID, not both.",
    ]
    organization.organization_id.clear()
    organization.registration_id.setText(f" {EXAMPLE_UUID.upper()} ")
    assert organization.problems() == []
    assert organization.values() == (None, EXAMPLE_UUID.upper())


def test_saving_puts_secrets_in_the_keyring_and_the_rest_in_the_settings(desk: Desk) -> None:
    registration = AppRegistration("sandbox", "sandbox-client", 52999)
    draft = RegistrationDraft(registration, client_secret="s", staging_token="t")
    settings = save_registration(desk, draft)
    assert settings is not None
    assert settings["registrations"]["sandbox"] == {
        "client_id": "sandbox-client",
        "redirect_port": 52999,
    }
    assert settings["registrations"]["emulator"] == desk.settings["registrations"]["emulator"]
    assert load_settings(desk.paths) == settings
    assert desk.secrets.get(client_secret_key("sandbox", "sandbox-client")) == "s"
    assert desk.secrets.get(staging_token_key("sandbox")) == "t"


def test_saving_an_unchanged_or_preset_registration_writes_nothing(desk: Desk) -> None:
    same = environment_of(desk, "emulator")
    registration = AppRegistration(
        same.name, desk.settings["registrations"]["emulator"]["client_id"], 0
    )
    assert save_registration(desk, RegistrationDraft(registration)) is None
    assert save_registration(desk, RegistrationDraft(registration, preset=True)) is None
    assert not desk.paths.settings_file.exists()


@pytest.mark.parametrize("damaged", [0, 80, "port", None, 70000, True])
def test_a_damaged_saved_port_is_explained_and_saving_the_form_repairs_it(
    qtbot: QtBot, desk: Desk, damaged: object
) -> None:
    section = {"client_id": "prod-client", "redirect_port": damaged}
    broken = replace(desk, settings={"registrations": {"production": section}})
    form = RegistrationForm()
    qtbot.addWidget(form)
    form.set_environment(environments.PRODUCTION, broken.settings, "Production")
    assert form.note.text() == (
        "The app registration saved for Production in the settings is damaged: "
        f"{PORT_RULE} Correct it under App registration in the window (Connect a client), "
        "or with `main.py configure --environment production --redirect-port 52817`."
    )
    assert form.redirect_port.text() == "52817"  # the default, offered as the repair
    assert form.problems() == []
    draft = form.draft()
    assert draft is not None
    repaired = save_registration(broken, draft)
    assert repaired is not None
    assert load_settings(desk.paths) == repaired
    assert load_registration(environments.PRODUCTION, repaired).redirect_uri == (
        "http://127.0.0.1:52817/callback"
    )


def test_a_damaged_saved_client_id_is_shown_with_its_reason(qtbot: QtBot) -> None:
    form = RegistrationForm()
    qtbot.addWidget(form)
    saved = {"registrations": {"production": {"client_id": "prod client", "redirect_port": 53000}}}
    form.set_environment(environments.PRODUCTION, saved, "Production")
    assert form.note.text().startswith(
        "The app registration saved for Production in the settings is damaged: A client ID has "
        "no spaces or line breaks inside."
    )
    assert form.client_id.text() == "prod client"  # as saved, to correct
    assert form.redirect_port.text() == "53000"  # what was right is kept
    assert form.problems() == ["A client ID has no spaces or line breaks inside."]
    assert form.draft() is None
    form.client_id.setText("prod-client")
    draft = form.draft()
    assert draft is not None
    assert draft.registration == AppRegistration("production", "prod-client", 53000)


def test_in_french_the_reasons_are_those_of_the_french_command_line(form: RegistrationForm) -> None:
    before = current_language()
    set_language("fr")
    try:
        form.redirect_port.setText("80")
        form.client_id.setText("prod client")
        with pytest.raises(ConfigurationError) as refused:
            check_redirect_port("80")
        assert form.redirect_port_message.text() == localize(refused.value, "fr")[0]
        assert form.redirect_port_message.text() == (
            "Le port de redirection doit être un nombre entier de 1024 à 65535."
        )
        assert form.client_id_message.text() == (
            "Un identifiant client ne contient ni espace ni saut de ligne."
        )
    finally:
        set_language(before)
