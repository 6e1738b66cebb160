"""Qonto's error bodies, read for what they say: Business API errors and OAuth errors.

Both readers never raise: an error body that cannot be read (Qonto's 404 may be a blank
``text/plain`` page) gives an empty value, and the caller falls back on the HTTP status.
Texts are kept as sent; pass them through ``i18n.display.safe_text`` before showing them.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec


@dataclass(frozen=True)
class ApiErrorItem:
    """One item of ``errors[]``: ``code``, ``detail`` (or the older ``message``), ``source``.

    ``source`` holds the string members of Qonto's ``source`` object, such as
    ``("pointer", "/external_transfers/1/amount")`` or ``("parameter", "id")``.
    """

    code: str | None
    detail: str | None
    source: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ApiErrorBody:
    """A Business API error body: ``{"errors": [...], "trace_id": ...}`` or ``{"message": ...}``."""

    errors: tuple[ApiErrorItem, ...] = ()
    message: str | None = None
    trace_id: str | None = None

    @property
    def details(self) -> tuple[str, ...]:
        """Every human-readable text in the body, in order: the details, then ``message``."""
        texts = [item.detail for item in self.errors if item.detail]
        if self.message:
            texts.append(self.message)
        return tuple(texts)

    @property
    def codes(self) -> tuple[str, ...]:
        """Every machine-readable ``code``, in order."""
        return tuple(item.code for item in self.errors if item.code)


@dataclass(frozen=True)
class OAuthErrorBody:
    """An OAuth error body (RFC 6749 §5.2): ``error``, ``error_description``, ``error_uri``."""

    error: str | None = None
    error_description: str | None = None
    error_uri: str | None = None


def parse_api_error(body: bytes) -> ApiErrorBody:
    """Read a Business API error body; an unreadable one gives an empty :class:`ApiErrorBody`."""
    data = _json_object(body)
    raw_errors = data.get("errors")
    errors = (
        tuple(_item(entry) for entry in raw_errors if isinstance(entry, dict))
        if isinstance(raw_errors, list)
        else ()
    )
    return ApiErrorBody(errors, _string(data.get("message")), _string(data.get("trace_id")))


def parse_oauth_error(body: bytes) -> OAuthErrorBody:
    """Read an OAuth error body; an unreadable one gives an empty :class:`OAuthErrorBody`."""
    data = _json_object(body)
    return OAuthErrorBody(
        _string(data.get("error")),
        _string(data.get("error_description")),
        _string(data.get("error_uri")),
    )


def _item(entry: dict[str, object]) -> ApiErrorItem:
    source = entry.get("source")
    members = (
        tuple((key, value) for key, value in source.items() if isinstance(value, str))
        if isinstance(source, dict)
        else ()
    )
    # Some of Qonto's examples put the text in "message" instead of "detail".
    detail = _string(entry.get("detail")) or _string(entry.get("message"))
    return ApiErrorItem(_string(entry.get("code")), detail, members)


def _json_object(body: bytes) -> dict[str, object]:
    try:
        data = _OBJECT.decode(body)
    except msgspec.DecodeError:
        return {}
    return data


def _string(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


_OBJECT = msgspec.json.Decoder(dict[str, object])
