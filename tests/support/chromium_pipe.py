"""Headless Chromium driven over its DevTools pipe: open a tab, see whether it closes itself.

``--remote-debugging-pipe`` makes Chromium read DevTools commands from its file descriptor 3
and write answers and events to 4, each message JSON ended by a NUL byte: no WebSocket client
needed. Only what the tests ask is here: open a tab on an address, and wait for that tab to be
destroyed (a page's own ``window.close()``) or for a deadline.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

_WIRING = """
import os, sys
commands, answers = os.dup(int(sys.argv[1])), os.dup(int(sys.argv[2]))
os.dup2(commands, 3)
os.dup2(answers, 4)
os.set_inheritable(3, True)  # dup2 onto the same number keeps close-on-exec
os.set_inheritable(4, True)
os.execv(sys.argv[3], sys.argv[3:])
"""


class PipedChromium:
    """One headless Chromium with its own profile; a context manager that ends it."""

    def __init__(self, executable: str, home: Path) -> None:
        self._executable = executable
        self._home = home
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> PipedChromium:
        commands_read, self._commands = os.pipe()
        self._answers, answers_write = os.pipe()
        profile = self._home / "profile-piped"
        profile.mkdir(parents=True, exist_ok=True)
        arguments = [
            self._executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # A small Python puts the pipe's ends on fds 3 and 4, then becomes Chromium (a shell
        # cannot: its redirections take one-digit descriptors only).
        self._process = subprocess.Popen(
            [sys.executable, "-c", _WIRING, str(commands_read), str(answers_write), *arguments],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(commands_read, answers_write),
            env={"HOME": str(self._home), "PATH": "/usr/bin:/bin"},
        )
        os.close(commands_read)
        os.close(answers_write)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._answers, selectors.EVENT_READ)
        self.send("Target.setDiscoverTargets", {"discover": True})
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._process.kill()
        self._process.wait()
        self._selector.close()
        os.close(self._commands)
        os.close(self._answers)

    def send(self, method: str, params: dict[str, Any], timeout: float = 30.0) -> dict[str, Any]:
        """Send one command and return its result (events seen meanwhile are kept)."""
        self._next_id += 1
        number = self._next_id
        message = json.dumps({"id": number, "method": method, "params": params}).encode()
        os.write(self._commands, message + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            received = self._receive(deadline)
            if received is None:
                raise TimeoutError(f"no answer to {method}")
            if received.get("id") == number:
                if "error" in received:
                    raise RuntimeError(f"{method}: {received['error']}")
                result: dict[str, Any] = received.get("result", {})
                return result
            self._events.append(received)

    def open_tab(self, url: str) -> str:
        """Open a new tab on ``url``; return its target ID."""
        return str(self.send("Target.createTarget", {"url": url})["targetId"])

    def closes_by_itself(self, target: str, timeout: float) -> bool:
        """Wait up to ``timeout`` seconds for the tab to be destroyed; True if it was."""
        deadline = time.monotonic() + timeout
        while True:
            for event in self._events:
                if _destroyed(event, target):
                    return True
            self._events.clear()
            received = self._receive(deadline)
            if received is None:
                return False
            self._events.append(received)

    def _receive(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not self._selector.select(left):
                return None
            chunk = os.read(self._answers, 65536)
            if not chunk:
                return None
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        parsed: dict[str, Any] = json.loads(message)
        return parsed


def _destroyed(event: dict[str, Any], target: str) -> bool:
    return (
        event.get("method") == "Target.targetDestroyed"
        and event.get("params", {}).get("targetId") == target
    )
