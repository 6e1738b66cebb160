"""The keyring's share of a renew-all: N times (read, write, read back) of one entry, serial.

The issue's floor for ``refresh --all`` (``⌈N / pool⌉`` refresh round trips) leaves the keyring
out, and GNOME Keyring serves one request at a time and rewrites its file on every write. This
is the keyring's own floor on the same daemon, through the same library (SecretStorage, as the
app's client): a bare process that finds an entry of the size of a grant's tokens, reads it,
writes it and reads it back, N times one after the other: the four D-Bus calls a rotation
cannot do without (``SearchItems``, ``GetSecret``, ``SetSecret``, ``GetSecret``), on one
connection with one encrypted session, without decrypting (the floor is the daemon's). The
entry is its own (another service name) and removed afterwards, so the collection is the size
the renew-all sees.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from bench.measure import Samples

SERVICE = "qonto-bench-keyring-floor"

# Run in a process of its own: argv[1] is N, argv[2] the entry's size in characters.
SCRIPT = f"""
import sys, time
import secretstorage
from secretstorage.util import DBusAddressWrapper, format_secret
count, size = int(sys.argv[1]), int(sys.argv[2])
attributes = {{"service": {SERVICE!r}, "username": "floor"}}
bus = secretstorage.dbus_init()
collection = secretstorage.get_default_collection(bus)
item = collection.create_item("floor", attributes, b"x" * size, replace=True)
session = item.session
search = DBusAddressWrapper(collection.collection_path, "org.freedesktop.Secret.Collection", bus)
value = b"y" * size
started = time.perf_counter()
for _ in range(count):
    (found,) = search.call("SearchItems", "a{{ss}}", attributes)
    entry = DBusAddressWrapper(found[0], "org.freedesktop.Secret.Item", bus)
    entry.call("GetSecret", "o", session.object_path)
    entry.call("SetSecret", "(oayays)", format_secret(session, value, "text/plain"))
    entry.call("GetSecret", "o", session.object_path)
print(time.perf_counter() - started)
item.delete()
"""


def keyring_floor(env: Mapping[str, str], cwd: Path, count: int, size: int, runs: int) -> Samples:
    """The seconds of ``count`` serial read/write/read-back cycles, once per run."""
    seconds = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(count), str(size)],
            env=dict(env),
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=60 + count,
            check=False,
        )
        if result.returncode != 0:
            raise SystemExit(f"the keyring floor failed: {result.stderr[-500:]}")
        seconds.append(float(result.stdout.strip().splitlines()[-1]))
    return Samples(f"keyring floor: {count} times (read, write, read back), serial", tuple(seconds))
