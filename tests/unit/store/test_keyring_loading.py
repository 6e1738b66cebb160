"""keyring loads with the first keyring call, on that call's thread, not with the store.

The window builds its desk (and so a secret store) before its first frame, on the GUI thread;
keyring's imports (about 40 ms) must not be paid there. Run in a fresh interpreter: this one
has keyring loaded already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """\
import builtins, json, sys, threading
from qonto_desktop.connections.desk import open_desk

desk = open_desk()
loaded_with_the_desk = "keyring" in sys.modules
importers = []
original = builtins.__import__

def watch(name, *args, **kwargs):
    if name.startswith("keyring") and "keyring" not in sys.modules:
        importers.append(threading.current_thread() is threading.main_thread())
    return original(name, *args, **kwargs)

builtins.__import__ = watch
described = desk.secrets.describe_backend()
print(json.dumps({
    "loaded_with_the_desk": loaded_with_the_desk,
    "described": described,
    "loaded_on_the_main_thread": importers[:1],
}))
"""


def test_keyring_loads_with_the_first_call_on_its_own_thread(app_home: Path) -> None:
    env = {
        **os.environ,
        "QONTO_DESKTOP_HOME": str(app_home),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",  # no D-Bus needed
    }
    finished = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    seen = json.loads(finished.stdout)
    assert seen["loaded_with_the_desk"] is False
    assert seen["described"] == "none (keyring disabled)"
    assert seen["loaded_on_the_main_thread"] == [False]  # the guard's thread imported it
