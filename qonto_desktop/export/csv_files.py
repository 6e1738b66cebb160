"""The CSV files' bytes: French Excel (BOM, ``;``, CRLF) or RFC 4180 (``,``, CRLF)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from qonto_desktop.export.rows import Dialect


def csv_bytes(dialect: Dialect, header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The file: the header row, then ``rows``; quoted where a cell needs it, lines end CRLF."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=dialect.delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if dialect.bom else "utf-8")
