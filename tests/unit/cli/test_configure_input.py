"""``configure`` with bad input: one clear message, exit code 1, and nothing saved.

The refusals run through the whole command line (``main``); what is accepted runs the command on
an in-memory keyring and shows the redirect URI the app will send.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from qonto_desktop.cli import configure, exit_codes
from qonto_desktop.cli.main import main
from qonto_desktop.cli.parser import UsageError, build_parser
from qonto_desktop.connections.desk import Desk, environment_of
from qonto_desktop.connections.registration import LOOPBACK_HOSTS, load_registration
from qonto_desktop.store.index import ConnectionIndex
from qonto_desktop.store.secrets import SecretStore
from qonto_desktop.system.paths import AppPaths
from tests.support.keyrings import MemoryKeyring

PORT_RULE = "The redirect port must be a whole number from 1024 to 65535."
SAVED = {"registrations": {"production": {"client_id": "firm-client", "redirect_port": 53001}}}


@pytest.fixture
def settings_file(app_home: Path) -> Path:
    """A settings file holding a good production registration."""
    path = app_home / "config" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(SAVED), encoding="utf-8")
    return path


def refused(argv: list[str], settings_file: Path) -> str:
    """Run ``argv``; check it exits 1, printed nothing on stdout, left the settings; its stderr."""
    before = settings_file.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, out=out, err=err) == exit_codes.ERROR
    assert out.getvalue() == ""
    assert settings_file.read_bytes() == before
    return err.getvalue()


@pytest.mark.parametrize("port", ["0", "80", "1023", "70000", "abc", "", "٥٣٠٠١"])
def test_a_refused_port_says_the_rule_and_saves_nothing(settings_file: Path, port: str) -> None:
    shown = refused(
        ["configure", "--environment", "production", "--redirect-port", port], settings_file
    )
    assert shown.startswith(PORT_RULE)
    assert "Developer Portal" in shown  # what to do
    assert len(shown.splitlines()) == 1


@pytest.mark.parametrize(
    ("client_id", "reason"),
    [
        ("", "Enter the client ID."),
        ("   ", "Enter the client ID."),
        ("firm client", "A client ID has no spaces or line breaks inside."),
        ("firm\nclient", "A client ID has no spaces or line breaks inside."),
        ("firm\x1b]0;owned\x07", "A client ID holds only letters, digits and ASCII signs such"),
        ("clïent", "A client ID holds only letters, digits and ASCII signs such"),
    ],
)
def test_a_refused_client_id_says_why_and_saves_nothing(
    settings_file: Path, client_id: str, reason: str
) -> None:
    shown = refused(
        ["configure", "--environment", "production", "--client-id", client_id], settings_file
    )
    assert shown.startswith(reason)
    assert "Copy the client ID of your app from Qonto's Developer Portal." in shown
    assert "\x1b" not in shown


def test_an_empty_client_id_is_refused_where_none_was_saved(app_home: Path) -> None:
    err = io.StringIO()
    assert main(["configure", "--environment", "sandbox", "--client-id", ""], err=err) == 1
    assert err.getvalue().startswith("Enter the client ID.")
    assert not (app_home / "config" / "settings.json").exists()


def test_a_huge_hostile_client_id_is_not_echoed(settings_file: Path) -> None:
    huge = "\x1b[2J" + "A" * 100_000
    shown = refused(
        ["configure", "--environment", "production", "--client-id", huge], settings_file
    )
    assert len(shown) < 300
    assert "AAAAAAAAAA" not in shown
    assert shown.startswith("This is too long for a client ID (more than 150 characters).")


def test_a_huge_host_is_refused_in_one_short_line(settings_file: Path) -> None:
    before = settings_file.read_bytes()
    err = io.StringIO()
    argv = ["configure", "--redirect-host", "\x1b[2J" + "h" * 100_000]
    assert main(argv, out=io.StringIO(), err=err) == exit_codes.USAGE
    assert len(err.getvalue()) < 400
    assert "\x1b" not in err.getvalue()
    assert settings_file.read_bytes() == before


def test_a_damaged_saved_port_names_the_settings_and_the_repair(settings_file: Path) -> None:
    damaged = {"registrations": {"production": {"client_id": "firm-client", "redirect_port": 0}}}
    settings_file.write_text(json.dumps(damaged), encoding="utf-8")
    shown = refused(["configure", "--environment", "production"], settings_file)
    assert shown == (
        "The app registration saved for Production in the settings is damaged: "
        f"{PORT_RULE} Correct it under App registration in the window (Connect a "
        "client), or with `main.py configure --environment production --redirect-port 52817`.\n"
    )


# --- accepted input, on an in-memory keyring -----------------------------------------------------


@pytest.fixture
def desk(app_home: Path) -> Desk:
    """A desk holding :data:`SAVED`, with an in-memory keyring."""
    paths = AppPaths(app_home / "config", app_home / "data", app_home / "logs")
    return Desk(
        paths=paths,
        secrets=SecretStore(MemoryKeyring()),
        index=ConnectionIndex(paths.data_dir / "connections.json"),
        settings=SAVED,
        environ={},
    )


def run(desk: Desk, **given: str) -> str:
    out = io.StringIO()
    options: dict[str, Any] = {
        "client_id": None,
        "redirect_port": None,
        "redirect_host": None,
        **given,
    }
    code = configure.run(
        desk,
        "production",
        **options,
        set_client_secret=False,
        set_staging_token=False,
        make_default=False,
        stdin=io.StringIO(),
        out=out,
    )
    assert code == exit_codes.OK
    return out.getvalue()


def test_localhost_is_saved_and_the_uri_shown_is_the_one_sent(desk: Desk) -> None:
    shown = run(desk, redirect_host="localhost")
    saved = json.loads(desk.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["registrations"]["production"]["redirect_host"] == "localhost"
    sent = load_registration(environment_of(desk, "production"), saved).redirect_uri
    assert sent == "http://localhost:53001/callback"
    assert f"  redirect URI:   {sent}\n" in shown
    assert "  redirect host:  localhost\n" in shown
    assert "  client secret:  none saved: add the one the Developer Portal gave" in shown


def test_back_to_the_ip_literal_drops_the_host_from_the_settings(desk: Desk) -> None:
    run(desk, redirect_host="localhost")
    moved = replace(desk, settings=json.loads(desk.paths.settings_file.read_text()))
    shown = run(moved, redirect_host="127.0.0.1", redirect_port=" 52817 ")
    saved = json.loads(desk.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["registrations"]["production"] == {
        "client_id": "firm-client",
        "redirect_port": 52817,
    }
    assert "  redirect URI:   http://127.0.0.1:52817/callback\n" in shown


def test_a_damaged_saved_port_is_repaired_by_giving_one(desk: Desk) -> None:
    broken = {"registrations": {"production": {"client_id": "firm-client", "redirect_port": 0}}}
    shown = run(replace(desk, settings=broken), redirect_port="52900")
    assert "http://127.0.0.1:52900/callback" in shown
    saved = json.loads(desk.paths.settings_file.read_text(encoding="utf-8"))
    assert saved["registrations"]["production"]["redirect_port"] == 52900


def test_the_parser_offers_exactly_the_hosts_the_app_knows() -> None:
    for host in LOOPBACK_HOSTS:
        assert (
            build_parser().parse_args(["configure", "--redirect-host", host]).redirect_host == host
        )
    for other in ("::1", "[::1]", "LOCALHOST", "127.0.0.2"):
        with pytest.raises(UsageError):
            build_parser().parse_args(["configure", "--redirect-host", other])


def test_connect_with_a_damaged_saved_port_says_how_to_repair_it(settings_file: Path) -> None:
    damaged = {"registrations": {"production": {"client_id": "firm-client", "redirect_port": 80}}}
    settings_file.write_text(json.dumps(damaged), encoding="utf-8")
    shown = refused(["connect", "--environment", "production", "--no-browser"], settings_file)
    assert shown.startswith(
        f"The app registration saved for Production in the settings is damaged: {PORT_RULE}"
    )
    assert "configure --environment production --redirect-port 52817" in shown
