"""The command-line runs the scale bench times, each with a check that it did what it says.

``refresh --all`` with every token due must renew all N (the emulator counts the refreshes and
the command prints one ``refreshed`` line each); with nothing due it must renew none; ``token``
must print the same cached token every time; the emulator must see no refresh meanwhile.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.measure import Command, run_process
from bench.scale_stage import ScaleStage
from qonto_desktop.store.entry_format import SERVICE

REPO = Path(__file__).resolve().parents[1]
# ``refresh --all`` one after another: about 0.25 s a connection on this machine, and more
# under load; the limit only stops a hung run.
SECONDS_PER_CONNECTION = 1.5


def succeeded(result: subprocess.CompletedProcess[str]) -> None:
    """Stop the bench when a measured process failed."""
    if result.returncode != 0:
        raise SystemExit(f"{result.args!r} failed ({result.returncode}): {result.stderr}")


def renewed_lines(result: subprocess.CompletedProcess[str]) -> int:
    """How many connections ``refresh --all`` says it renewed."""
    return sum(1 for line in result.stdout.splitlines() if line.endswith(": access renewed"))


@dataclass
class CliCommands:
    """The commands, and what the emulator had counted when each check last ran."""

    all_due: Command
    nothing_due: Command
    status: Command
    token: Command
    keyring_read: Command
    count: int
    seen: Counter[str] = field(default_factory=Counter)

    def renew_once(self, stage: ScaleStage) -> None:
        """Run ``refresh --all`` once, untimed, checking that it renewed all N."""
        self.seen["refreshed"] = stage.emulator.events["refreshed"]  # the floor's, since
        self.all_due.check(run_process(self.all_due.argv, stage.env, REPO, timeout=3600))

    def check_untouched(self, stage: ScaleStage) -> None:
        """Stop the bench when the emulator saw a refresh since the last check."""
        if stage.emulator.events["refreshed"] != self.seen["refreshed"]:
            raise SystemExit("a refresh happened while nothing was due")


def cli_commands(stage: ScaleStage, count: int) -> CliCommands:
    """The commands to time on ``stage``; ``token`` is run once here for its token."""
    python, emulator = sys.executable, stage.emulator
    refresh_timeout = 60 + SECONDS_PER_CONNECTION * count
    connection_id = stage.connections[0].id
    token_argv = (python, "main.py", "token", connection_id)
    commands: CliCommands

    def all_renewed(result: subprocess.CompletedProcess[str]) -> None:
        succeeded(result)
        refreshed = emulator.events["refreshed"]
        if renewed_lines(result) != count or refreshed - commands.seen["refreshed"] != count:
            raise SystemExit(
                f"refresh --all did not renew all {count} ({refreshed} - {commands.seen}): "
                f"{result.stdout[-500:]}"
            )
        commands.seen["refreshed"] = refreshed

    def none_renewed(result: subprocess.CompletedProcess[str]) -> None:
        succeeded(result)
        if renewed_lines(result) or emulator.events["refreshed"] != commands.seen["refreshed"]:
            raise SystemExit("refresh --all renewed a token while nothing was due")

    printed: list[str] = []

    def same_token(result: subprocess.CompletedProcess[str]) -> None:
        succeeded(result)
        token = result.stdout.strip()
        if not token or (printed and token != printed[0]):
            raise SystemExit("main.py token printed no token, or another one: it refreshed")
        printed[:1] = [token]

    read = f"import keyring; keyring.get_password({SERVICE!r}, {stage.first_entry!r})"
    refresh_argv = (python, "main.py", "refresh", "--all")
    commands = CliCommands(
        all_due=Command(
            "`refresh --all`, every token due", refresh_argv, all_renewed, refresh_timeout
        ),
        nothing_due=Command(
            "`refresh --all`, nothing due", refresh_argv, none_renewed, refresh_timeout
        ),
        status=Command("`status`", (python, "main.py", "status"), succeeded),
        token=Command("`token <id>` (cached)", token_argv, same_token),
        keyring_read=Command(
            '`python -c "import keyring; keyring.get_password(…)"` (baseline)',
            (python, "-c", read),
            succeeded,
        ),
        count=count,
    )
    commands.seen["refreshed"] = emulator.events["refreshed"]
    return commands
