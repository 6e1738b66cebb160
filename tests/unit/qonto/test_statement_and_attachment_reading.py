"""Statements and attachments read from Qonto's documented shapes and their variants."""

from __future__ import annotations

import json

import pytest

from qonto_desktop.qonto.models import UnusableAnswerError
from qonto_desktop.qonto.models.attachments import parse_attachment, parse_attachments
from qonto_desktop.qonto.models.decoding import Unread
from qonto_desktop.qonto.models.statements import (
    Month,
    month_of,
    parse_statement,
    parse_statements,
)
from tests.support.bank_bodies import ACCOUNT_ID, STATEMENT, TRANSACTION, page, with_fields

ATTACHMENT = TRANSACTION["attachments"][0]


def test_the_documented_statement_page_is_read() -> None:
    read = parse_statements(page("statements", [STATEMENT], next_page=2))
    assert read.next_page == 2
    (statement,) = read.statements
    assert (statement.id, statement.bank_account_id) == (STATEMENT["id"], ACCOUNT_ID)
    assert statement.period == Month(2024, 8)
    assert (statement.file_name, statement.content_type, statement.size) == (
        "releve-08-2024.pdf",
        "application/pdf",
        16966,
    )
    assert statement.file_url is not None
    assert read.unread == ()


def test_one_statement_alone_is_read() -> None:
    assert parse_statement(json.dumps({"statement": STATEMENT}).encode()).period.label == "2024-08"


def test_a_file_size_as_an_integer_is_read_too() -> None:
    changed = with_fields(STATEMENT, file={**STATEMENT["file"], "file_size": 16966})
    assert parse_statements(page("statements", [changed])).statements[0].size == 16966


def test_a_statement_without_a_file_block_is_kept_and_says_so() -> None:
    read = parse_statements(page("statements", [with_fields(STATEMENT, file=None)]))
    assert read.statements[0].file_url is None
    assert Unread("statements[0].file.file_url", "missing") in read.unread


@pytest.mark.parametrize("period", ["2024-08", "13-2024", "8-2024", None])
def test_a_statement_without_a_readable_period_is_dropped(period: str | None) -> None:
    read = parse_statements(page("statements", [with_fields(STATEMENT, period=period), STATEMENT]))
    assert len(read.statements) == 1
    assert read.unread == (Unread("statements[0]", "dropped"),)


def test_months_read_as_qonto_writes_them() -> None:
    assert month_of("01-2023") == Month(2023, 1)
    assert month_of(" 12-2023 ") == Month(2023, 12)
    assert month_of("00-2023") is None


def test_statements_without_a_list_is_unusable() -> None:
    with pytest.raises(UnusableAnswerError):
        parse_statements(b'{"statement": {}}')
    with pytest.raises(UnusableAnswerError):
        parse_statement(b'{"statement": {"id": "x"}}')


def test_the_documented_attachment_is_read() -> None:
    attachment = parse_attachment(json.dumps({"attachment": ATTACHMENT}).encode())
    assert (attachment.id, attachment.size, attachment.content_type) == (
        ATTACHMENT["id"],
        16966,
        "application/pdf",
    )
    assert attachment.created_at is not None


@pytest.mark.parametrize("size", [16966, "16966", 16966.0, " 16966 "])
def test_file_size_as_string_or_number(size: object) -> None:
    body = json.dumps({"attachment": {**ATTACHMENT, "file_size": size}}).encode()
    assert parse_attachment(body).size == 16966


def test_an_unreadable_file_size_is_none_and_listed() -> None:
    body = json.dumps({"attachments": [{**ATTACHMENT, "file_size": "16 kB"}]}).encode()
    found, unread = parse_attachments(body)
    assert found[0].size is None
    assert unread == (Unread("attachments[0].file_size", "unreadable"),)


def test_a_transactions_attachments_drop_the_one_without_id() -> None:
    body = json.dumps({"attachments": [{"file_name": "x"}, ATTACHMENT]}).encode()
    found, unread = parse_attachments(body)
    assert [a.id for a in found] == [ATTACHMENT["id"]]
    assert unread == (Unread("attachments[0]", "dropped"),)


def test_an_attachment_answer_without_an_id_is_unusable() -> None:
    with pytest.raises(UnusableAnswerError):
        parse_attachment(b'{"attachment": {"file_name": "x"}}')
    with pytest.raises(UnusableAnswerError):
        parse_attachments(b"{}")
