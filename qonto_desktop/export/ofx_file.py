"""One bank account's settled transactions of the period as an OFX 1.0.2 file (``ofxtools``).

OFX 1.0.2 in SGML, with every element closed, in Windows-1252 as French banks' own OFX files
are: the version and character set the widest range of accounting software reads. ``FITID`` is
Qonto's transaction id, so software that de-duplicates on it (EBP...) imports a period twice
without doubles. ``NAME`` is limited to 32 characters: a longer counterparty is cut there and
given whole at the start of ``MEMO``. Nothing depends on the time of the export: the server
date and the balance date are the end of the period, so an export with nothing new writes the
same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, time, timedelta

from ofxtools.header import OFXHeaderV1
from ofxtools.models import (
    BANKACCTFROM,
    BANKMSGSRSV1,
    BANKTRANLIST,
    LEDGERBAL,
    SIGNONMSGSRSV1,
    SONRS,
    STATUS,
    STMTRS,
    STMTTRN,
    STMTTRNRS,
)
from ofxtools.models.ofx import OFX

from qonto_desktop.export.balance import BalanceCheck, settled
from qonto_desktop.export.bank_ids import bank_ids
from qonto_desktop.export.money import cents_decimal
from qonto_desktop.export.period import Period
from qonto_desktop.qonto.models.bank_accounts import BankAccount
from qonto_desktop.qonto.models.transactions import Transaction

NAME_LIMIT = 32
MEMO_LIMIT = 255
CHARSET = "cp1252"
_TYPES = {
    "card": "POS",
    "direct_debit": "DIRECTDEBIT",
    "qonto_fee": "FEE",
    "cheque": "CHECK",
    "check": "CHECK",
}


def ofx_bytes(
    account: BankAccount,
    transactions: tuple[Transaction, ...],
    period: Period,
    balance: BalanceCheck,
) -> bytes:
    """The OFX file of ``account``: its completed transactions and its closing balance."""
    start = datetime.combine(period.start, time(), UTC)
    end = datetime.combine(period.end + timedelta(days=1), time(), UTC) - timedelta(seconds=1)
    ids = bank_ids(account.iban, account.bic, account.key)
    statement = STMTRS(
        curdef=account.currency or "EUR",
        bankacctfrom=BANKACCTFROM(
            bankid=ids.bank_id,
            branchid=ids.branch_id,
            acctid=ids.account_id,
            accttype="CHECKING",
            acctkey=ids.account_key,
        ),
        banktranlist=BANKTRANLIST(
            *(_entry(t) for t in settled(transactions)), dtstart=start, dtend=end
        ),
        ledgerbal=LEDGERBAL(balamt=cents_decimal(_closing(account, balance)), dtasof=end),
    )
    ok = STATUS(code=0, severity="INFO")
    document = OFX(
        signonmsgsrsv1=SIGNONMSGSRSV1(sonrs=SONRS(status=ok, dtserver=end, language="FRA")),
        bankmsgsrsv1=BANKMSGSRSV1(STMTTRNRS(trnuid="0", status=ok, stmtrs=statement)),
    )
    header = str(OFXHeaderV1(102, encoding="USASCII", charset="1252")).replace("\n", "\r\n")
    body = ET.tostring(document.to_etree(), encoding="unicode", method="html")
    return (header + body + "\r\n").encode(CHARSET, errors="replace")


def _entry(transaction: Transaction) -> STMTTRN:
    t = transaction
    counterparty = _plain(t.counterparty or t.label or "")
    name = counterparty[:NAME_LIMIT].rstrip()
    memo_parts = [counterparty] if len(counterparty) > NAME_LIMIT else []
    memo_parts += [_plain(x) for x in (t.label, t.note, t.reference) if x and _plain(x) != name]
    memo = " - ".join(dict.fromkeys(p for p in memo_parts if p))[:MEMO_LIMIT].rstrip()
    kind = _TYPES.get(t.operation_type or "", "CREDIT" if t.side == "credit" else "DEBIT")
    posted = t.settled_at or t.emitted_at or t.updated_at
    return STMTTRN(
        trntype=kind,
        dtposted=posted,
        dtuser=t.emitted_at,
        trnamt=cents_decimal(t.signed_cents),
        fitid=t.id,
        name=name or None,
        memo=memo or None,
    )


def _plain(text: str | None) -> str:
    """Text in the file's character set, on one line (what cp1252 lacks becomes ``?``)."""
    flat = " ".join((text or "").split())
    return flat.encode(CHARSET, errors="replace").decode(CHARSET)


def _closing(account: BankAccount, balance: BalanceCheck) -> int:
    """The settled balance at the end of the period; the opening one when nothing settled."""
    for known in (balance.closing_cents, balance.opening_cents):
        if known is not None:
            return known
    return account.balance_cents or 0
