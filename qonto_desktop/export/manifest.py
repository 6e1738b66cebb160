"""``manifest.json``: what the folder holds, where it came from, and whether it adds up.

Deterministic: keys sorted, money in integer cents, no time of the export, so an export with
nothing new writes the same bytes. It lists every file with its SHA-256; it is the truth of the
folder (a later export removes what an earlier manifest listed and it no longer writes).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from qonto_desktop.export.values import ClientPeriod

MANIFEST = "manifest.json"
FORMAT = "qonto-desktop-export/1"


def manifest_bytes(
    client: ClientPeriod,
    formats: Sequence[str],
    accounts: Sequence[Mapping[str, object]],
    files: Mapping[str, str],
    not_downloaded: Sequence[str],
) -> bytes:
    """The manifest of one export folder."""
    period = client.period
    document = {
        "format": FORMAT,
        "client": {
            "name": client.client_name,
            "siren": client.siren,
            "connection_id": client.connection_id,
        },
        "period": {
            "label": period.label,
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
        },
        "formats": list(formats),
        "accounts": list(accounts),
        "files": dict(files),
        "receipts_not_downloaded": sorted(not_downloaded),
    }
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def earlier_files(folder: Path) -> list[str]:
    """The files an earlier export's manifest in ``folder`` listed; none when unreadable."""
    try:
        document = json.loads((folder / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return []
    files = document.get("files") if isinstance(document, dict) else None
    if not isinstance(files, dict):
        return []
    return [name for name in files if isinstance(name, str)]
