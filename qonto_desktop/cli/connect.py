"""``connect``: sign in to Qonto from a terminal, with or without a browser on this computer."""

from __future__ import annotations

import threading
from typing import TextIO

from qonto_desktop.cli import connect_companies
from qonto_desktop.cli.connect_companies import CompaniesWithoutUserAccessError, uses_user_access
from qonto_desktop.cli.render import describe_connection, error_line
from qonto_desktop.connections.attempt import Attempt
from qonto_desktop.connections.connect import connect_client
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.errors import CallbackFormatError, StateMismatchError
from qonto_desktop.connections.model import ConnectRequest
from qonto_desktop.system import browser

ALREADY_CONNECTED = "Already connected: access renewed (same connection, its history kept)."


def run(
    desk: Desk,
    request: ConnectRequest,
    *,
    no_browser: bool,
    stdin: TextIO,
    out: TextIO,
    err: TextIO,
    companies: str | None = None,
) -> int:
    """Connect one organization and describe it; with user access, the companies picked.

    With ``no_browser`` the address is printed and the answer is taken from whichever comes
    first: the browser reaching this computer, or the address it ended on, pasted on stdin
    (remote desktop, another machine). The state is checked either way.
    """

    def waiting(attempt: Attempt) -> None:
        if no_browser:
            print("Open this address in a browser and approve in Qonto:", file=err)
            print(f"  {attempt.url}", file=err)
            print(
                "Then paste here the address the browser ended on (it starts with "
                f"{attempt.redirect_uri}), or just wait if the browser runs on this computer.",
                file=err,
            )
            reader = threading.Thread(
                target=_read_pasted, args=(attempt, stdin, err), name="pasted-address", daemon=True
            )
            reader.start()
        else:
            print("Your browser opens Qonto's sign-in page; approve there.", file=err)
            print(f"If it does not open, visit:\n  {attempt.url}", file=err)
        err.flush()

    opener = (lambda url: True) if no_browser else browser.open_url
    if uses_user_access(desk, request.environment):
        return connect_companies.run(desk, request, companies, opener, waiting, out=out, err=err)
    if companies is not None:
        raise CompaniesWithoutUserAccessError()
    connected = connect_client(desk, request, opener, on_waiting=waiting)
    if connected.renewed:  # never a silent replacement
        print(ALREADY_CONNECTED, file=out)
    print(describe_connection(connected.connection, desk.now()), file=out)
    return 0


def _read_pasted(attempt: Attempt, stdin: TextIO, err: TextIO) -> None:
    """Offer each pasted line to the attempt until one is this sign-in's answer."""
    for line in stdin:
        address = line.strip()
        if not address:
            continue
        try:
            attempt.offer_pasted(address)
        except CallbackFormatError as exc:
            print(error_line(exc), file=err)
            continue
        except StateMismatchError:
            print(
                "That address belongs to another sign-in attempt (or this one already finished).",
                file=err,
            )
            continue
        return
