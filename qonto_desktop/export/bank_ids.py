"""An account's identity as OFX's ``BANKACCTFROM`` writes it, read from its IBAN.

French banks' OFX files split the RIB inside a French IBAN (``FRkk BBBBB GGGGG CCCCCCCCCCC
KK``): bank code in ``BANKID``, branch in ``BRANCHID``, account number in ``ACCTID``, RIB key in
``ACCTKEY``; accounting software (EBP...) matches the account on them. Qonto's German, Italian
and Spanish IBANs split the same way by their national layouts. Any other IBAN: the BIC's bank
part as ``BANKID``, the IBAN (its last 22 characters, OFX's limit) as ``ACCTID``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BankIds:
    """``BANKID``, ``BRANCHID``, ``ACCTID``, ``ACCTKEY``."""

    bank_id: str
    branch_id: str | None
    account_id: str
    account_key: str | None


# Country: (bank, branch, account, key) as (start, end) slices of the BBAN; None when absent.
_Slice = tuple[int, int]
_LAYOUTS: dict[str, tuple[_Slice, _Slice | None, _Slice, _Slice | None]] = {
    "FR": ((0, 5), (5, 10), (10, 21), (21, 23)),
    "IT": ((1, 6), (6, 11), (11, 23), (0, 1)),
    "ES": ((0, 4), (4, 8), (10, 20), (8, 10)),
    "DE": ((0, 8), None, (8, 18), None),
}
_LENGTHS = {"FR": 23, "IT": 23, "ES": 20, "DE": 18}


def bank_ids(iban: str | None, bic: str | None, fallback: str) -> BankIds:
    """The OFX identity of an account; ``fallback`` (its Qonto id) when it has no IBAN."""
    compact = (iban or "").replace(" ", "").upper()
    country, bban = compact[:2], compact[4:]
    layout = _LAYOUTS.get(country)
    if layout is not None and len(bban) == _LENGTHS[country]:
        bank, branch, account, key = layout
        return BankIds(_cut(bban, bank), _part(bban, branch), _cut(bban, account), _part(bban, key))
    bank_id = (bic or "")[:8] or country or "QONTO"
    return BankIds(bank_id[:9], None, (compact or fallback)[-22:], None)


def _cut(text: str, where: _Slice) -> str:
    return text[where[0] : where[1]]


def _part(text: str, where: _Slice | None) -> str | None:
    return None if where is None else _cut(text, where)
