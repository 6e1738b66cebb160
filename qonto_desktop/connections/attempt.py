"""A connect in progress, as the faces see it: its address, and a pasted answer or a Cancel.

The use case hands an :class:`Attempt` to ``on_waiting`` once the receiver listens; the window
and the command line show its address and pass on what the user pastes through it, so the
paste-the-address rules (the address's form, this attempt's state, only the first answer) are
written once, here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from qonto_desktop.oauth.callback import parse_pasted_address
from qonto_desktop.oauth.errors import StateMismatchError
from qonto_desktop.oauth.flow import PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver


@dataclass(frozen=True)
class Attempt:
    """One sign-in waiting for the browser's answer."""

    receiver: Receiver = field(repr=False)
    pending: PendingAuthorization = field(repr=False)

    @property
    def url(self) -> str:
        """The authorization address to open in a browser (to show, copy or open again)."""
        return self.pending.url

    @property
    def redirect_uri(self) -> str:
        """Where the browser comes back to: the address a pasted answer starts with."""
        return self.receiver.redirect_uri

    def offer_pasted(self, address: str) -> None:
        """Complete the attempt with the address the browser ended on.

        Raises:
            CallbackFormatError: not a sign-in answer at all.
            StateMismatchError: an answer, but to another attempt (or this one is over).
        """
        params = parse_pasted_address(
            address, self.receiver.redirect_uri, service=self.receiver.service
        )
        if not self.receiver.offer(params):
            raise StateMismatchError()

    def cancel(self) -> None:
        """Stop waiting: the use case ends with a cancellation; safe from any thread."""
        self.receiver.cancel()


OnWaiting = Callable[[Attempt], None]
