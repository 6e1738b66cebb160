"""The transactions CSV: French Excel's dialect read back, RFC 4180, formulas kept inert."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from qonto_desktop.export.csv_files import csv_bytes
from qonto_desktop.export.money import cents_text
from qonto_desktop.export.rows import EXCEL, PLAIN, Dialect, headers, transaction_row
from qonto_desktop.qonto.models.transactions import Transaction
from tests.support.bank_values import transaction

ACCOUNT = "FR7616958000011234567890142"


def file_of(dialect: Dialect, *items: Transaction) -> bytes:
    rows = (transaction_row(dialect, t, ACCOUNT, ("r1.pdf", "r2.pdf")) for t in items)
    return csv_bytes(dialect, headers(dialect), rows)


def test_french_excel_file_reads_back_with_the_french_dialect() -> None:
    paid = transaction(
        "t-1", 3, -123456, label='Repas; "client"\nnoté', vat_amount_cents=-20576,
        vat_rate=Decimal("5.5"), note="Réunion", reference="FAC-12",
    )  # fmt: skip
    data = file_of(EXCEL, paid)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2
    assert data.endswith(b"\r\n")
    text = data.decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert header[:4] == ["Date", "Libellé", "Contrepartie", "Montant"]
    record = dict(zip(header, row, strict=True))
    assert record["Date"] == "03/11/2026"
    assert record["Libellé"] == 'Repas; "client"\nnoté'
    assert Decimal(record["Montant"].replace(",", ".")) == Decimal("-1234.56")
    assert record["Montant TVA"] == "-205,76"
    assert record["Taux TVA"] == "5,5"
    assert record["Justificatifs"] == "r1.pdf | r2.pdf"
    assert record["Identifiant Qonto"] == "t-1"
    assert record["Compte"] == ACCOUNT


def test_plain_file_is_rfc4180_with_english_headers_and_iso_dates() -> None:
    data = file_of(PLAIN, transaction("t-1", 3, -4590, label="A, B"))
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.split(b"\r\n")
    assert lines[0] == (
        b"date,label,counterparty,amount,currency,vat_amount,vat_rate,category,note,reference,"
        b"receipts,status,account,qonto_id"
    )
    (row,) = list(csv.DictReader(io.StringIO(data.decode(), newline="")))
    assert (row["date"], row["label"], row["amount"], row["vat_rate"]) == (
        "2026-11-03", "A, B", "-45.90", "20",
    )  # fmt: skip


def test_server_text_that_looks_like_a_formula_is_inert_in_excel_only() -> None:
    hostile = transaction(
        "t-1", 3, -100, label="=HYPERLINK(\"http://x\")", counterparty="+33 6", note="-2+3",
        reference="@SUM(A1)", category="\tcat",
    )  # fmt: skip
    header, row = list(
        csv.reader(io.StringIO(file_of(EXCEL, hostile).decode("utf-8-sig")), delimiter=";")
    )
    cells = dict(zip(header, row, strict=True))
    assert cells["Libellé"] == '\'=HYPERLINK("http://x")'
    assert cells["Contrepartie"] == "'+33 6"
    assert cells["Note"] == "'-2+3"
    assert cells["Référence"] == "'@SUM(A1)"
    assert cells["Catégorie"] == "'\tcat"
    assert cells["Montant"] == "-1,00"  # our own number is not text
    (plain,) = list(csv.DictReader(io.StringIO(file_of(PLAIN, hostile).decode())))
    assert plain["label"] == '=HYPERLINK("http://x")'


def test_money_is_exact_text_of_cents() -> None:
    assert cents_text(10 + 20, decimal_mark=",") == "0,30"
    assert cents_text(-123456) == "-1234.56"
    assert cents_text(-5) == "-0.05"
    assert cents_text(0) == "0.00"
    assert cents_text(10**17 + 1) == "1000000000000000.01"
    rows = [
        transaction_row(EXCEL, transaction(f"t{i}", 3, c), ACCOUNT, ())
        for i, c in enumerate((10, 20))
    ]
    total = sum(Decimal(r[3].replace(",", ".")) for r in rows)
    assert total == Decimal("0.30")


@given(st.lists(st.integers(min_value=-(10**12), max_value=10**12), min_size=1, max_size=20))
def test_amounts_read_back_exactly_from_both_files(amounts: list[int]) -> None:
    items = [transaction(f"t{i}", 3, cents) for i, cents in enumerate(amounts)]
    french = list(
        csv.reader(io.StringIO(file_of(EXCEL, *items).decode("utf-8-sig")), delimiter=";")
    )
    plain = list(csv.DictReader(io.StringIO(file_of(PLAIN, *items).decode())))
    assert [Decimal(r[3].replace(",", ".")) * 100 for r in french[1:]] == amounts
    assert [Decimal(r["amount"]) * 100 for r in plain] == amounts
