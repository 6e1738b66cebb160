"""Presigned-like download addresses: an expiry and an HMAC signature in the URL, no token.

Shaped like the S3 URL in Qonto's attachment example (``X-Amz-Date``, ``X-Amz-Expires``,
``X-Amz-Signature``; https://docs.qonto.com/api-reference/business-api/expense-management/
attachments/retrieve-an-attachment). The signature is an HMAC-SHA256 of the path, the date and
the lifetime under a key made when the emulator starts; it is not S3's algorithm.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import secrets
import time
from urllib.parse import parse_qsl, quote, urlencode

FILES_PREFIX = "/files/"
ATTACHMENT_LIFETIME = 1800
"""Seconds an attachment's URL lives: Qonto's 30 minutes (``X-Amz-Expires=1800``)."""
STATEMENT_LIFETIME = 900
"""Seconds a statement's URL lives: the emulator's choice (Qonto says only "short-lived")."""
_DATE = "%Y%m%dT%H%M%SZ"


class UrlSigner:
    """Signs and checks download addresses with a key of its own."""

    def __init__(self) -> None:
        self._key = secrets.token_bytes(32)

    def sign(self, base_url: str, path: str, issued_at: float, lifetime: int) -> str:
        """The full URL for ``path`` (under :data:`FILES_PREFIX`), valid ``lifetime`` seconds."""
        date = time.strftime(_DATE, time.gmtime(int(issued_at)))
        query = {
            "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
            "X-Amz-Date": date,
            "X-Amz-Expires": str(lifetime),
            "X-Amz-SignedHeaders": "host",
            "X-Amz-Signature": self._signature(path, date, str(lifetime)),
        }
        return f"{base_url}{quote(path)}?{urlencode(query)}"

    def check(self, path: str, query: str, now: float) -> str | None:
        """Why the URL may not be used (``"expired"``, ``"signature"``), or ``None``."""
        fields = dict(parse_qsl(query, keep_blank_values=True))
        date, lifetime = fields.get("X-Amz-Date", ""), fields.get("X-Amz-Expires", "")
        expected = self._signature(path, date, lifetime)
        if not hmac.compare_digest(expected, fields.get("X-Amz-Signature", "")):
            return "signature"
        issued = _epoch(date)
        if issued is None or not lifetime.isdigit() or now >= issued + int(lifetime):
            return "expired"
        return None

    def _signature(self, path: str, date: str, lifetime: str) -> str:
        message = f"{path}\n{date}\n{lifetime}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()


def _epoch(date: str) -> float | None:
    try:
        return float(calendar.timegm(time.strptime(date, _DATE)))
    except ValueError:
        return None


def s3_error(code: str, message: str) -> bytes:
    """An S3-like XML error body, as a presigned URL's host answers it."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    ).encode()
