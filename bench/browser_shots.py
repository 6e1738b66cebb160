"""The pages the demo shows in the browser, as PNGs: the emulator's and the app's receiver's.

Used by ``bench/screenshots.py``. Each page is rendered by the code that serves it, written to a
file and shot by headless Chromium (``--screenshot``), in each language. Without Chromium the
shots are skipped, with a word.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from qonto_desktop.emulator import Emulator
from qonto_desktop.emulator import pages as emulator_pages
from qonto_desktop.emulator.authorize import AuthorizationRequest
from qonto_desktop.i18n.localize import localize
from qonto_desktop.oauth import pages as receiver_pages
from qonto_desktop.oauth.errors import InvalidScopeError

STATES = (
    "browser-sign-in",
    "browser-consent",
    "browser-connected",
    "browser-refused",
    "browser-failure",
    "browser-cancelled",
)
SIZE = "900,720"
SCOPES = ("openid", "offline_access", "organization.read", "membership.read", "attachment.read")


def page(state: str, language: str, emulator: Emulator) -> str:
    """The HTML of one state, as its server renders it."""
    if state == "browser-sign-in":
        return emulator_pages.sign_in_page("challenge", emulator.user, language=language)
    if state == "browser-consent":
        request = AuthorizationRequest(
            client=emulator.public_client,
            redirect_uri=emulator.public_client.redirect_uris[0],
            scopes=SCOPES,
            state="state-of-the-shot",
            code_challenge=None,
            organization_id=None,
        )
        chosen = replace(request, language=language)
        return emulator_pages.consent_page("challenge", chosen, emulator.organizations)
    name = state.removeprefix("browser-")
    reason, next_action = localize(InvalidScopeError(service="Qonto"), language)
    values = {
        "refused": {"error": "access_denied", "error_description": ""},
        "failure": {
            "error": "invalid_scope",
            "error_description": "",
            "reason": reason,
            "next_action": next_action,
        },
    }.get(name, {})
    served = {"connected": "success"}.get(name, name)
    return receiver_pages.render(served, language, **values).decode("utf-8")


def shoot(out: Path, languages: list[str], only: set[str]) -> list[Path]:
    """Save ``<state>-<language>.png`` under ``out`` for the browser states in ``only``."""
    wanted = [state for state in STATES if state in only]
    chromium = shutil.which("chromium")
    if not wanted:
        return []
    if chromium is None:
        print("no chromium here: the browser pages are not shot")
        return []
    saved: list[Path] = []
    with Emulator() as emulator, tempfile.TemporaryDirectory(prefix="qonto-pages-") as folder:
        for language in languages:
            for state in wanted:
                source = Path(folder) / f"{state}-{language}.html"
                source.write_text(page(state, language, emulator), encoding="utf-8")
                target = out / f"{state}-{language}.png"
                home = Path(folder) / "home"
                home.mkdir(exist_ok=True)
                subprocess.run(
                    [
                        chromium,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--hide-scrollbars",
                        f"--user-data-dir={home / 'profile'}",
                        f"--window-size={SIZE}",
                        f"--screenshot={target}",
                        source.as_uri(),
                    ],
                    check=True,
                    capture_output=True,
                    env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
                    timeout=120,
                )
                saved.append(target)
                print(f"saved {target}")
    return saved
