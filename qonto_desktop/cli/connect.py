"""``connect``: sign in to Qonto from a terminal, with or without a browser on this computer."""

from __future__ import annotations

import threading
from typing import TextIO

from qonto_desktop.cli.render import describe_connection
from qonto_desktop.connections.connect import ConnectRequest, connect
from qonto_desktop.connections.desk import open_desk
from qonto_desktop.oauth.callback import parse_pasted_address
from qonto_desktop.oauth.errors import CallbackFormatError
from qonto_desktop.oauth.flow import PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.system import browser


def run(
    request: ConnectRequest, *, no_browser: bool, stdin: TextIO, out: TextIO, err: TextIO
) -> int:
    """Connect one organization and describe it.

    With ``no_browser`` the address is printed and the answer is taken from whichever comes
    first: the browser reaching this computer, or the address it ended on, pasted on stdin
    (remote desktop, another machine). The state is checked either way.
    """
    desk = open_desk()

    def waiting(receiver: Receiver, pending: PendingAuthorization) -> None:
        if no_browser:
            print("Open this address in a browser and approve in Qonto:", file=err)
            print(f"  {pending.url}", file=err)
            print(
                "Then paste here the address the browser ended on (it starts with "
                f"{receiver.redirect_uri}), or just wait if the browser runs on this computer.",
                file=err,
            )
            reader = threading.Thread(
                target=_read_pasted, args=(receiver, stdin, err), name="pasted-address", daemon=True
            )
            reader.start()
        else:
            print("Your browser opens Qonto's sign-in page; approve there.", file=err)
            print(f"If it does not open, visit:\n  {pending.url}", file=err)
        err.flush()

    opener = (lambda url: True) if no_browser else browser.open_url
    connection = connect(desk, request, opener, on_waiting=waiting)
    print(describe_connection(connection, desk.now()), file=out)
    return 0


def _read_pasted(receiver: Receiver, stdin: TextIO, err: TextIO) -> None:
    """Offer each pasted line to the receiver until one is this sign-in's answer."""
    for line in stdin:
        address = line.strip()
        if not address:
            continue
        try:
            params = parse_pasted_address(address, receiver.redirect_uri, service=receiver.service)
        except CallbackFormatError as exc:
            print(f"{exc.message} {exc.next_action}", file=err)
            continue
        if receiver.offer(params):
            return
        print(
            "That address belongs to another sign-in attempt (or this one already finished).",
            file=err,
        )
