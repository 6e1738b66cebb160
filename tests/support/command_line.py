"""``main.py`` as a user runs it: a separate process, its own environment, its streams read.

:func:`run` runs one command to its end. :class:`RunningCommand` is for a command the test talks
to while it runs (``connect --no-browser`` waits for a pasted address): its output is read line
by line on two threads, so the test waits on lines with a deadline, never on a sleep.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

import requests

REPO = Path(__file__).resolve().parents[2]
MAIN = str(REPO / "main.py")
# The app as a command: ``python main.py`` here, the frozen executable in tests/frozen.
SOURCE = (sys.executable, MAIN)
TIMEOUT = 60.0

_APP_PREFIX = "QONTO_DESKTOP_"


def cli_env(
    home: Path,
    *,
    keyring_env: Mapping[str, str],
    emulator_url: str | None = None,
    extra: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """The environment of a ``main.py`` process: this one's, minus the app's own variables.

    Args:
        home: ``QONTO_DESKTOP_HOME``: every file the app writes goes under it.
        keyring_env: ``HOME``, ``XDG_RUNTIME_DIR`` and ``DBUS_SESSION_BUS_ADDRESS`` of the
            Secret Service to use (or of none).
        emulator_url: ``QONTO_DESKTOP_EMULATOR_URL``.
        extra: anything else, last.
    """
    env = {name: value for name, value in os.environ.items() if not name.startswith(_APP_PREFIX)}
    env.update(keyring_env)
    env["QONTO_DESKTOP_HOME"] = str(home)
    if emulator_url is not None:
        env["QONTO_DESKTOP_EMULATOR_URL"] = emulator_url
    env.update(extra or {})
    return env


def run(
    args: Sequence[str],
    env: Mapping[str, str],
    *,
    stdin: str | None = None,
    timeout: float = TIMEOUT,
    program: Sequence[str] = SOURCE,
) -> subprocess.CompletedProcess[str]:
    """Run ``main.py ARGS`` (or ``program ARGS``) from the repository's root to its end.

    Never raises on exit codes.
    """
    return subprocess.run(
        [*program, *args],
        cwd=REPO,
        env=dict(env),
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class RunningCommand:
    """``main.py ARGS`` running, its stdin open, its stdout and stderr read as lines arrive.

    Use it as a context manager: leaving kills the process if it still runs, and joins the
    reader threads.
    """

    def __init__(
        self, args: Sequence[str], env: Mapping[str, str], program: Sequence[str] = SOURCE
    ) -> None:
        self.process = subprocess.Popen(
            [*program, *args],
            cwd=REPO,
            env=dict(env),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self.process.stdout is not None
        assert self.process.stderr is not None
        self.out: list[str] = []
        self.err: list[str] = []
        self._err_lines: queue.Queue[str | None] = queue.Queue()
        self._readers = [
            threading.Thread(
                target=_read, args=(self.process.stdout, self.out, None), name="cli-stdout"
            ),
            threading.Thread(
                target=_read,
                args=(self.process.stderr, self.err, self._err_lines),
                name="cli-stderr",
            ),
        ]
        for reader in self._readers:
            reader.start()

    def __enter__(self) -> RunningCommand:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.finish()

    def stderr_line(self, wanted: Callable[[str], bool], timeout: float = TIMEOUT) -> str:
        """The next stderr line ``wanted`` accepts; lines before it are skipped (kept in err).

        Raises:
            AssertionError: the process closed stderr, or the deadline passed, first.
        """
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self._err_lines.get(timeout=max(left, 0.0))
            except queue.Empty:
                raise AssertionError(f"no such line in {timeout} s; stderr: {self.err}") from None
            if line is None:
                raise AssertionError(f"stderr closed first; stderr: {self.err}")
            if wanted(line):
                return line

    def send(self, line: str) -> None:
        """Type one line on the command's stdin."""
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def close_stdin(self) -> None:
        """End the command's input (as Ctrl-D would)."""
        assert self.process.stdin is not None
        if not self.process.stdin.closed:
            self.process.stdin.close()

    def finish(self, timeout: float = TIMEOUT) -> int:
        """Wait for the exit and for both streams to end; return the exit code."""
        self.close_stdin()
        code = self.process.wait(timeout=timeout)
        for reader in self._readers:
            reader.join(timeout=timeout)
        return code

    @property
    def stdout(self) -> str:
        """Everything printed on stdout so far."""
        return "".join(self.out)

    @property
    def stderr(self) -> str:
        """Everything printed on stderr so far."""
        return "".join(self.err)


def authorization_address(connecting: RunningCommand, timeout: float = TIMEOUT) -> str:
    """The address ``connect --no-browser`` asks the user to open in a browser."""
    return connecting.stderr_line(lambda line: "/oauth2/auth?" in line, timeout).strip()


def approve_elsewhere(address: str) -> str:
    """Open ``address`` as a browser on another computer would; return where it ended.

    The emulator (consent mode ``approve``) answers with its redirect at once; the redirect is
    not followed, as it could not be from another computer: that address is what gets pasted.
    """
    answer = requests.get(address, allow_redirects=False, timeout=TIMEOUT)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def _read(stream: IO[str], lines: list[str], notify: queue.Queue[str | None] | None) -> None:
    for line in stream:
        lines.append(line)
        if notify is not None:
            notify.put(line)
    stream.close()
    if notify is not None:
        notify.put(None)


def script_report(code: str, *args: str, env: Mapping[str, str]) -> dict[str, object]:
    """Run ``python -c code ARGS`` in the repository under ``env``; the JSON object its last
    line of output holds (the script watches the app from inside and reports)."""
    finished = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )
    report: dict[str, object] = json.loads(finished.stdout.strip().splitlines()[-1])
    return report
