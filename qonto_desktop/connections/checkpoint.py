"""Cancellation as an argument: a use case calls its ``checkpoint`` between steps.

Raising from the checkpoint stops the use case there: the window raises a cancellation when the
user pressed Cancel; tests raise to simulate a crash between two saves.
"""

from __future__ import annotations

from collections.abc import Callable

Checkpoint = Callable[[str], None]


def carry_on(step: str) -> None:
    """The checkpoint of a use case nobody can cancel: every step goes ahead."""
