"""HTTPS verification switches to the OS certificate store once, when the HTTP stack is used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_os_store_is_used_once_an_api_client_is_built() -> None:
    code = (
        "import ssl\n"
        "from qonto_desktop.connections.context import resolve\n"
        "from qonto_desktop.connections.desk import open_desk\n"
        "from qonto_desktop.qonto import environments\n"
        "before = ssl.SSLContext.__module__\n"
        "resolve(open_desk(), environments.PRODUCTION, 'a-client').api('an-access-token')\n"
        "print(before, ssl.SSLContext.__module__)\n"
    )
    before, after = run(code).split()
    assert before == "ssl"
    assert after.startswith("truststore")


def test_the_cached_token_path_does_not_load_it() -> None:
    code = (
        "import sys\n"
        "import qonto_desktop.cli.token, qonto_desktop.connections.fresh\n"
        "print('truststore' in sys.modules, 'requests' in sys.modules)\n"
    )
    assert run(code) == "False False"
