"""A secret's keyring entries: its head and its chunks, read, written and removed together.

The layout itself is :mod:`.chunks`; this module carries it out over :class:`.KeyringCalls`.
Writing and reading back, and undoing a failed write, are the secret store's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from qonto_desktop.store import chunks
from qonto_desktop.store.errors import SecretDeleteError
from qonto_desktop.store.keyring_calls import KeyringCalls


@dataclass(frozen=True)
class Before:
    """A secret as it was before a write: its value (None: absent or damaged), its chunks."""

    value: str | None
    chunks: int


class Entries:
    """The entries of the app's secrets in one service, each at most ``budget`` code units."""

    def __init__(self, calls: KeyringCalls, budget: int) -> None:
        self.calls = calls
        self.budget = budget

    def lay_out(self, key: str, value: str) -> chunks.Layout:
        """The entries ``value`` takes (refused here when too large, before any write)."""
        return chunks.lay_out(value, self.budget, key=key)

    def head(self, key: str) -> chunks.Head | None:
        """The head entry of ``key``, or None when there is none.

        Raises:
            SecretDamagedError: a head this app did not write.
        """
        text = self.calls.get(key)
        return None if text is None else chunks.parse_head(text, key=key)

    def value(self, key: str, head: chunks.Head) -> str:
        """The value ``head`` stands for, reassembled and checked when chunked."""
        if head.inline is not None:
            return head.inline
        parts = [self.calls.get(chunks.chunk_name(key, index)) for index in range(head.count)]
        return chunks.join(head, parts, key=key)

    def read(self, key: str) -> str | None:
        """The value of ``key``, or None when there is none."""
        head = self.head(key)
        return None if head is None else self.value(key, head)

    def write(self, key: str, layout: chunks.Layout) -> int:
        """Write the chunks, then the head (the commit point); return the chunk count."""
        for index, part in enumerate(layout.chunks):
            self.calls.set(chunks.chunk_name(key, index), part)
        self.calls.set(key, layout.head)
        return len(layout.chunks)

    def write_inline(self, key: str, layout: chunks.Layout) -> str | None:
        """Write a value held in its head alone, and read it back at once: what was read.

        Raises:
            SecretDamagedError: what was read back is not a head this app wrote.
        """
        if layout.chunks:
            raise ValueError("a chunked value is written by write()")
        text = self.calls.set_and_get(key, layout.head)
        return None if text is None else self.value(key, chunks.parse_head(text, key=key))

    def erase(self, key: str, extent: int = 0) -> None:
        """Remove the head, then every chunk (see :meth:`drop_chunks`)."""
        if self.calls.get(key) is not None:
            self._delete(key)
        self.drop_chunks(key, 0, extent)

    def drop_chunks(self, key: str, start: int, extent: int) -> None:
        """Delete the chunks from ``start`` on: every one below ``extent``, then up to a gap."""
        for index in range(start, chunks.MAX_CHUNKS):
            name = chunks.chunk_name(key, index)
            if self.calls.get(name) is not None:
                self._delete(name)
            elif index >= extent:
                return

    def _delete(self, name: str) -> None:
        try:
            self.calls.delete(name)
        except SecretDeleteError:
            if self.calls.get(name) is not None:  # backends refuse to delete what is not there
                raise
