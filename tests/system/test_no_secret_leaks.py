"""No secret leaks: a whole cycle at DEBUG level, then every secret is looked for everywhere.

"Everywhere" is every file under ``QONTO_DESKTOP_HOME`` (logs, settings, index, locks) and
everything each command printed. Two things are printed by design and left out, and nothing
else: the stdout of ``main.py token`` (the access token is what it is for; its stderr is
searched), and the one line of ``connect --no-browser`` that is the address to open (its
``state`` and ``code_challenge`` must reach the browser; the rest of its output is searched).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from qonto_desktop.emulator import Emulator
from tests.conftest import Figure
from tests.support.command_line import (
    RunningCommand,
    approve_elsewhere,
    authorization_address,
    cli_env,
    run,
)

# Shapes of Qonto's secrets, searched for on top of each value the emulator saw.
SECRET_SHAPES = ("ory_at_", "ory_rt_", "ory_ac_", "eyJ")


def encodings(needle: str) -> tuple[bytes, ...]:
    """How a secret may be written to a file: UTF-8, or UTF-16 (Windows-style logs)."""
    return (needle.encode("utf-8"), needle.encode("utf-16-le"))


@pytest.mark.keyring
def test_no_secret_in_files_logs_or_output_after_a_debug_cycle(
    app_home: Path, keyring_env: dict[str, str], redirect_port: int, figure: Figure
) -> None:
    printed: list[tuple[str, str]] = []  # (where, text): every stream searched

    def command(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        result = run(list(args), env, stdin=stdin)
        assert result.returncode == 0, f"{args}: {result.stderr}"
        printed.append((f"{' '.join(args)}: stderr", result.stderr))
        if args[0] != "token":  # its stdout is the token, by design
            printed.append((f"{' '.join(args)}: stdout", result.stdout))
        return result

    with Emulator(consent_mode="approve") as emulator:
        client = emulator.confidential_client
        assert client.client_secret is not None
        redirect_uri = f"http://127.0.0.1:{redirect_port}/callback"
        emulator.register_redirect_uri(redirect_uri)
        env = cli_env(
            app_home,
            keyring_env=keyring_env,
            emulator_url=emulator.base_url,
            extra={"QONTO_DESKTOP_LOG_LEVEL": "DEBUG"},
        )

        configured = command(
            "configure",
            "--environment",
            "emulator",
            "--client-id",
            client.client_id,
            "--redirect-port",
            str(redirect_port),
            "--client-secret",
            stdin=client.client_secret + "\n",
        )
        assert "client secret:  stored in the keyring" in configured.stdout
        with RunningCommand(["connect", "--environment", "emulator", "--no-browser"], env) as cmd:
            address = authorization_address(cmd)
            cmd.send(approve_elsewhere(address))
            assert cmd.finish() == 0, cmd.stderr
        assert cmd.stderr.count(address) == 1
        printed.append(("connect: stdout", cmd.stdout))
        printed.append(("connect: stderr", cmd.stderr.replace(address, "<address to open>")))
        listed = command("status", "--json")
        assert client.client_id in listed.stdout  # the confidential client, with its secret
        command("status")
        command("token")
        command("token", "--json")
        command("refresh", "--all")
        command("refresh", emulator.organizations[0].name)
        command("token")
        command("disconnect", emulator.organizations[0].name)
        secrets = emulator.issued_secrets()

    assert {client.client_secret} < secrets
    assert emulator.events["code_redeemed"] == 1
    assert emulator.events["refreshed"] == 1  # `refresh --all` found it still fresh
    files = [path for path in app_home.rglob("*") if path.is_file()]
    log_text = (app_home / "logs" / "qonto-desktop.log").read_text(encoding="utf-8")
    assert " DEBUG " in log_text  # the logs were written at DEBUG level
    contents = {str(path.relative_to(app_home)): path.read_bytes() for path in files}
    contents.update({where: text.encode("utf-8") for where, text in printed})
    hits = [
        f"{where}: {needle[:10]}... ({len(needle)} characters)"
        for needle in sorted(secrets) + list(SECRET_SHAPES)
        for where, data in contents.items()
        if any(form in data for form in encodings(needle))
    ]
    searched = sum(len(data) for data in contents.values())

    figure("secrets issued", len(secrets))
    figure("files searched", len(files))
    figure("bytes searched", searched)
    figure("hits", len(hits))
    assert hits == []
