"""The download address: ``/files/attachments/...`` and ``/files/statements/...``, no token.

A URL is checked like a presigned S3 URL: a bad signature or an expired one is a 403 with an
S3-like XML body (``SignatureDoesNotMatch``, ``AccessDenied`` "Request has expired"). Every
answer carries ``Content-Length``; a cut download declares the whole length, sends half, and
closes the connection.
"""

from __future__ import annotations

from collections.abc import Callable

from qonto_desktop.emulator import bank_json
from qonto_desktop.emulator.bank_switches import BankSwitches
from qonto_desktop.emulator.clock import Clock
from qonto_desktop.emulator.file_urls import FILES_PREFIX, UrlSigner, s3_error
from qonto_desktop.emulator.ledger import Ledger
from qonto_desktop.emulator.messages import Request, Response

_XML = "application/xml"


class Downloads:
    """Serves the files behind the URLs the API hands out."""

    def __init__(
        self,
        *,
        signer: UrlSigner,
        clock: Clock,
        ledger: Ledger,
        statement_pdf: Callable[[str], bytes | None],
        switches: BankSwitches,
    ) -> None:
        self._signer = signer
        self._clock = clock
        self._ledger = ledger
        self._statement_pdf = statement_pdf
        self._switches = switches

    def handle(self, request: Request) -> Response:
        """Answer one GET on the download address."""
        refused = self._signer.check(request.path, request.query, self._clock.now())
        if refused == "signature":
            mismatch = s3_error(
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided.",
            )
            return Response(403, mismatch, _XML)
        if refused == "expired":
            return Response(403, s3_error("AccessDenied", "Request has expired"), _XML)
        body = self._body(request.path[len(FILES_PREFIX) :].split("/"))
        if body is None:
            return Response(404, s3_error("NoSuchKey", "The specified key does not exist."), _XML)
        if self._switches.take_truncated():
            return Response(
                200, body[: len(body) // 2], "application/pdf", declared_length=len(body)
            )
        return Response(200, body, "application/pdf")

    def _body(self, parts: list[str]) -> bytes | None:
        if len(parts) != 3:
            return None
        kind, identifier, _ = parts
        if kind == "statements":
            return self._statement_pdf(identifier)
        if kind == "attachments":
            tx = self._ledger.attachment_owner(identifier)
            if tx is None or identifier not in tx.attachment_ids():
                return None
            return bank_json.receipt_pdf(tx, tx.attachment_ids().index(identifier))
        return None
