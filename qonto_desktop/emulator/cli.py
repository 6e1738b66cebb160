"""Run the emulator from a terminal for a demo: print how to connect, serve until stopped."""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from qonto_desktop.emulator.emulator import Emulator


def describe(emulator: Emulator) -> str:
    """Return what a person needs to connect an app to a running emulator.

    This prints the emulator's own demo client secret and staging token on purpose:
    they exist only in this process.
    """
    confidential = emulator.confidential_client
    public = emulator.public_client
    user = emulator.user
    lines = [
        f"Qonto emulator running at {emulator.base_url}"
        + (" (sandbox mode)" if emulator.sandbox else ""),
        f"  Authorize URL: {emulator.authorize_url}",
        f"  Token URL:     {emulator.token_url}",
        f"  Revoke URL:    {emulator.revoke_url}",
        f"  JWKS URL:      {emulator.jwks_url}",
        f"  API base URL:  {emulator.api_base_url}",
        f"  Bank data:     a year of demo activity; files at {emulator.base_url}/files/"
        " (signed URLs: receipts 30 min, statements 15 min)",
        "  Rate limits:   "
        + (
            ", ".join(f"{count} per {seconds:g} s" for count, seconds in emulator.rate_limits)
            + " per IP address"
            if emulator.rate_limits
            else "none"
        ),
        "",
        "Confidential client (client_secret_post):",
        f"  client_id:     {confidential.client_id}",
        f"  client_secret: {confidential.client_secret}",
        "Public client (no secret, PKCE S256 required):",
        f"  client_id:     {public.client_id}",
        "Client approved for user access (identity_type=user only, client_secret_post):",
        f"  client_id:     {emulator.user_access_client.client_id}",
        f"  client_secret: {emulator.user_access_client.client_secret}",
        "Redirect URIs registered for every client:",
        *(f"  {uri}" for uri in confidential.redirect_uris),
    ]
    if emulator.sandbox:
        lines += ["", f"Sandbox staging token (X-Qonto-Staging-Token): {emulator.staging_token}"]
    lines += [
        "",
        f"Demo user: {user.first_name} {user.last_name} ({user.role})",
        f"  Sign in with {user.email} / {user.password}",
        "",
        "Press Ctrl+C to stop.",
    ]
    return "\n".join(lines) + "\n"


def serve(
    port: int,
    sandbox: bool,
    out: TextIO,
    stop: threading.Event | None = None,
    *,
    err: TextIO | None = None,
) -> int:
    """Serve the emulator with interactive consent until Ctrl+C or ``stop`` is set.

    Args:
        port: The port to bind on 127.0.0.1; 0 picks a free one.
        sandbox: Require the staging token, as Qonto's sandbox does.
        out: Where the connection details go.
        stop: Set it to stop serving; ``None`` serves until Ctrl+C.
        err: Where a failure to start is reported; standard error by default.

    Returns:
        0 after a clean stop, 1 if the emulator could not start.
    """
    emulator = Emulator(port=port, sandbox=sandbox, consent_mode="interactive")
    try:
        emulator.start()
    except OSError as error:
        reason = error.strerror or str(error)
        print(f"Cannot start the Qonto emulator on port {port}: {reason}.", file=err or sys.stderr)
        return 1
    stop = stop or threading.Event()
    try:
        out.write(describe(emulator))
        out.flush()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
    out.write("Qonto emulator stopped.\n")
    out.flush()
    return 0
