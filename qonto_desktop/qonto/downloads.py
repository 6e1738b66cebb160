"""Fetching the files Qonto hands out (receipts, statements) from their presigned addresses.

The address is presigned storage (``X-Amz-Expires=1800`` in Qonto's examples): it carries its
own credential, so no Authorization header and no staging token go with it. A third party never
sees the connection's token. The download keeps the process's pace like every call to Qonto (the
same IP address), and lands atomically: a cut or a short body leaves nothing at the destination.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import requests

from qonto_desktop.oauth.errors import NetworkError
from qonto_desktop.qonto.api import check_busy
from qonto_desktop.qonto.environments import STAGING_HEADER
from qonto_desktop.qonto.errors import (
    SERVICE,
    FileDownloadError,
    FileUrlExpiredError,
    TruncatedDownloadError,
)
from qonto_desktop.qonto.user_access import ORGANIZATION_HEADER
from qonto_desktop.system.files import stream_atomically
from qonto_desktop.system.http import TIMEOUT, Sender, new_session

CHUNK = 64 * 1024
# S3 says "Request has expired" (403, AccessDenied); other stores say "expired" or "expiry".
_EXPIRED_WORD = b"expir"
_EXPIRED_STATUSES = (400, 403)
_ERROR_BODY_READ = 4096  # enough for an S3 error document; a refusal is never read further
# Only what the address needs; None removes a header a shared session would add.
_HEADERS: dict[str, str | None] = {
    "Accept": "*/*",
    "Authorization": None,
    STAGING_HEADER: None,
    ORGANIZATION_HEADER: None,
}


def download(
    url: str, destination: Path, *, sender: Sender, session: requests.Session | None
) -> int:
    """GET ``url`` into ``destination`` (temporary file, fsync, rename); the bytes written.

    Raises:
        FileUrlExpiredError: the address's lifetime is over.
        TruncatedDownloadError: fewer bytes came than ``Content-Length`` said.
        FileDownloadError: another refusal.
        RateLimitedError, ServiceUnavailableError, NetworkError: as for any call.
    """
    own = session or new_session(requests.Session)
    try:
        try:
            response = sender.send(
                lambda: own.get(url, headers=_HEADERS, timeout=TIMEOUT, stream=True),
                idempotent=True,
            )
        except requests.RequestException:
            raise NetworkError(service=SERVICE) from None
        with response:
            _check(response)
            return stream_atomically(destination, _body(response))
    finally:
        if session is None:
            own.close()


def _check(response: requests.Response) -> None:
    status = response.status_code
    if status < 300:
        return
    check_busy(response)
    head = next(response.iter_content(_ERROR_BODY_READ), b"")
    if status in _EXPIRED_STATUSES and _EXPIRED_WORD in head.lower():
        raise FileUrlExpiredError
    raise FileDownloadError(status)


def _body(response: requests.Response) -> Iterator[bytes]:
    """The body's pieces; raises :class:`TruncatedDownloadError` if it ends early."""
    announced = response.headers.get("Content-Length", "").strip()
    encoded = response.headers.get("Content-Encoding", "identity").strip().lower() != "identity"
    received = 0
    try:
        for chunk in response.iter_content(CHUNK):
            received += len(chunk)
            yield chunk
    except requests.RequestException as cut:  # requests' name for a body cut short or garbled
        raise TruncatedDownloadError from cut
    # Content-Length counts the bytes sent; when they were compressed, the file is longer.
    if announced.isdigit() and not encoded and received != int(announced):
        raise TruncatedDownloadError
