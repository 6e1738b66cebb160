"""HTTPS verified against the operating system's certificate store.

Companies that inspect TLS install their root certificate in the OS store; Python's own
bundle would not know it. ``truststore`` makes every SSL context use the OS store (it also
updates a ``requests`` already imported), and verification is never turned off. Only the HTTP
stack imports this module (:mod:`qonto_desktop.system.http`, the per-connection context), so the
quick paths never load truststore.
"""

from __future__ import annotations

import threading

import truststore

_lock = threading.Lock()
_done = False


def trust_os_certificates() -> None:
    """Verify HTTPS against the OS store from now on; only the first call does anything."""
    global _done  # noqa: PLW0603 - one process-wide switch, as truststore's own
    with _lock:
        if _done:
            return
        truststore.inject_into_ssl()
        _done = True
