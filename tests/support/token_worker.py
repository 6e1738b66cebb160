"""``python -m tests.support.token_worker CALLS [NAME...]``: a script needing CALLS tokens.

It waits for one line on stdin (so several workers start together), then CALLS times runs
``main.py token`` (naming each NAME in turn, if given) as a separate process and at once uses
what it printed on the Business API of ``QONTO_DESKTOP_EMULATOR_URL``, as
``curl -H "Authorization: Bearer $(main.py token)"`` would. At the end it prints one JSON list:
a :class:`Call` per call.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict, dataclass

import requests

from tests.support.command_line import run

API_PATH = "/v2/organization"


@dataclass(frozen=True)
class Call:
    """One ``main.py token`` and the API's verdict on what it printed.

    Attributes:
        returned: wall-clock time the command exited.
        code: its exit code.
        lines: how many lines it printed on stdout.
        token: the first line of stdout ("" if none).
        status: the API's HTTP status for that token, right after (0: not tried).
        stderr: what the command printed on stderr.
    """

    returned: float
    code: int
    lines: int
    token: str
    status: int
    stderr: str


def one_call(api_url: str, name: str | None = None) -> Call:
    """Get a token from ``main.py token [NAME]`` and use it at once."""
    result = run(["token"] if name is None else ["token", name], os.environ)
    returned = time.time()
    lines = result.stdout.splitlines()
    token = lines[0] if lines else ""
    status = 0
    if result.returncode == 0 and token:
        answer = requests.get(
            api_url + API_PATH, headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        status = answer.status_code
    return Call(returned, result.returncode, len(lines), token, status, result.stderr)


def main(argv: list[str]) -> int:
    """Wait for the go line, make the calls, print them as JSON."""
    calls = int(argv[0])
    names: list[str | None] = list(argv[1:]) or [None]
    api_url = os.environ["QONTO_DESKTOP_EMULATOR_URL"]
    sys.stdin.readline()
    made = [asdict(one_call(api_url, names[i % len(names)])) for i in range(calls)]
    print(json.dumps(made))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
