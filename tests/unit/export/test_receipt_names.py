"""Receipt names: ``date_amount_counterparty_shortid.ext``, safe, unique, numbered."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from qonto_desktop.export.names import MAX_BYTES
from qonto_desktop.export.receipts import booking_day, place_receipts
from qonto_desktop.export.values import ReceiptFile
from tests.support.bank_values import transaction


def receipt(attachment_id: str, name: str | None = "facture.pdf") -> ReceiptFile:
    return ReceiptFile(attachment_id, Path(attachment_id), name, "application/pdf")


def test_the_name_says_date_amount_counterparty_and_id() -> None:
    paid = transaction("3f2a9c1b-77aa-4c1e", 3, -4590, attachment_ids=("a1",))
    (placed,) = place_receipts([paid], {"a1": receipt("a1")})
    assert placed.name == "2026-11-03_-45,90_SNCF_3f2a9c1b.pdf"


def test_several_receipts_of_one_transaction_are_numbered() -> None:
    paid = transaction("3f2a9c1b-77aa", 3, -4590, attachment_ids=("a1", "a2", "a3"))
    found = place_receipts([paid], {a: receipt(a) for a in ("a1", "a2", "a3")})
    assert [p.name for p in found] == [
        f"2026-11-03_-45,90_SNCF_3f2a9c1b-{n}.pdf" for n in (1, 2, 3)
    ]


def test_a_receipt_not_downloaded_is_not_named() -> None:
    paid = transaction("t-1", 3, -100, attachment_ids=("a1", "a2"))
    assert [p.receipt.attachment_id for p in place_receipts([paid], {"a2": receipt("a2")})] == [
        "a2"
    ]


def test_ids_sharing_their_start_do_not_collide_even_by_case() -> None:
    first = transaction("ABCDEF12-0001", 3, -100, attachment_ids=("a1",))
    second = transaction("abcdef12-0002", 3, -100, attachment_ids=("a2",))
    names = [
        p.name for p in place_receipts([first, second], {"a1": receipt("a1"), "a2": receipt("a2")})
    ]
    assert len({n.casefold() for n in names}) == 2
    assert names[0].endswith("_ABCDEF12.pdf")
    assert names[1].endswith("_abcdef12-000.pdf")


def test_unsafe_and_long_counterparties_make_safe_names() -> None:
    hostile = transaction(
        "id-1", 3, -100, counterparty='CON/..\\<evil>:"*?|' + "é" * 300, attachment_ids=("a1",)
    )
    (placed,) = place_receipts([hostile], {"a1": receipt("a1", "../../etc/passwd")})
    assert "/" not in placed.name
    assert "\\" not in placed.name
    assert not any(c in placed.name for c in '<>:"*?|')
    assert len(placed.name.encode("utf-8")) < 255
    assert len(placed.name.encode("utf-8")) <= MAX_BYTES + 60
    assert placed.name.endswith("_id-1.pdf")


def test_no_counterparty_falls_back_to_the_label_then_a_word() -> None:
    bare = transaction("id-1", 3, 2500, counterparty=None, attachment_ids=("a1",))
    (placed,) = place_receipts([bare], {"a1": receipt("a1")})
    assert placed.name == "2026-11-03_25,00_Paiement id-1_id-1.pdf"
    nothing = replace(bare, label=None)
    (placed,) = place_receipts([nothing], {"a1": receipt("a1")})
    assert placed.name == "2026-11-03_25,00_sans-nom_id-1.pdf"


def test_a_payment_just_after_midnight_in_paris_is_named_by_its_french_day() -> None:
    # 23:30 UTC on 30 November is 00:30 on 1 December in Paris: December's, as its period says.
    late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    paid = transaction(
        "3f2a9c1b-77aa", 3, -4590, settled_at=late, emitted_at=late, attachment_ids=("a1",)
    )
    (placed,) = place_receipts([paid], {"a1": receipt("a1")})
    assert placed.name.startswith("2026-12-01_")
    assert booking_day(paid) == date(2026, 12, 1)
