"""Masking of secrets in log text: the second line of defence behind "never log a secret".

The app never passes a token, code, secret, state or full callback address to a logger on
purpose; :class:`RedactingFilter` catches what slips through anyway (a library's debug line, an
exception message quoting a server's answer). It works on text, by shape, so it cannot know
everything: it masks what looks like a secret and leaves identifiers and paths readable.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"

# Already-masked text must stay as it is, so redaction can run twice (one filter per handler).
_NOT_DONE = r"(?!\[redacted\])"

# Ory Hydra's opaque tokens, as Qonto issues them: access, refresh, authorization code.
_HYDRA_TOKEN = re.compile(r"\bory_(?:at|rt|ac)_[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*")
# A JSON Web Token (the ID token): base64url header starting '{"', payload, signature.
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
# RFC 6750 §2.1: "Authorization: Bearer <token>"; the scheme is case-insensitive.
_BEARER = re.compile(rf"(?i)\b(bearer)\s+{_NOT_DONE}[^\s\"',;]+")

SECRET_FIELDS = (
    "access_token",
    "refresh_token",
    "id_token",
    "client_secret",
    "code_verifier",
    "staging_token",
    "X-Qonto-Staging-Token",
    "password",
    "token",
    "code",
    "state",
    "nonce",
)
"""Names whose value is masked in ``name=value``, ``name: value``, JSON and ``repr`` text."""

_FIELD = re.compile(
    r"(?P<head>(?<![\w-])(?:"
    + "|".join(re.escape(name) for name in SECRET_FIELDS)
    + r")(?![\w-])[\"']?[ \t]*[:=][ \t]*)"
    + _NOT_DONE
    + r"(?!(?:None|null)\b)"  # an absent value says something useful and hides nothing
    + r"(?:\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|[^\s&,;\"'<>(){}\[\]]+)",
    re.IGNORECASE,
)

# ISO 13616: country, check digits, then 11-30 letters or digits; printed whole or in fours.
_IBAN = re.compile(
    r"\b(?P<head>[A-Z]{2}[0-9]{2})"
    r"(?P<rest>[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)\b"
)

# The catch-all: a long run of base64url characters that is not part of a file path.
_LONG_RUN = re.compile(r"(?<![A-Za-z0-9_/\\-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_/\\-])")
_UUID = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")
_HEX = re.compile(r"[0-9a-fA-F]{40,}")


def redact(text: str) -> str:
    """Return ``text`` with everything shaped like a secret or an IBAN masked.

    Masked: Qonto (Ory Hydra) tokens and codes, JWTs, ``Bearer`` credentials, the values of
    fields named like :data:`SECRET_FIELDS`, IBANs (country, check digits and last four kept),
    and runs of 32 or more base64url characters mixing upper case, lower case and digits, or
    of 40 or more hex digits. UUIDs, file paths, words and numbers are left alone. Running it
    twice gives the same text.
    """
    text = _IBAN.sub(_mask_iban, text)
    text = _HYDRA_TOKEN.sub(REDACTED, text)
    text = _JWT.sub(REDACTED, text)
    text = _BEARER.sub(lambda match: f"{match.group(1)} {REDACTED}", text)
    text = _FIELD.sub(_mask_field, text)
    return _LONG_RUN.sub(_mask_long_run, text)


def _mask_iban(match: re.Match[str]) -> str:
    tail = match.group("rest").replace(" ", "")[-4:]
    return f"{match.group('head')} •••• {tail}"


def _mask_field(match: re.Match[str]) -> str:
    value = match.group(0)[len(match.group("head")) :]
    quote = value[0] if value[:1] in {'"', "'"} else ""
    return f"{match.group('head')}{quote}{REDACTED}{quote}"


def _mask_long_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if _UUID.fullmatch(run):
        return run
    base64_like = (
        any(c.isupper() for c in run)
        and any(c.islower() for c in run)
        and any(c.isdigit() for c in run)
    )
    return REDACTED if base64_like or _HEX.fullmatch(run) else run


# Renders exceptions exactly as logging.Formatter does, so exc_text reads the same.
_EXCEPTION_FORMATTER = logging.Formatter()
_DONE_MARK = "qonto_desktop_redacted"


class RedactingFilter(logging.Filter):
    """A handler filter that masks secrets in a record before any formatter sees it.

    It rewrites the record itself: the message is formatted with its arguments and masked
    (``args`` becomes ``None``), the exception text is rendered and masked into ``exc_text``
    (which :class:`logging.Formatter` prints instead of rendering the exception again), and
    ``stack_info`` is masked. So whatever formatter the handler has, it prints masked text,
    and handlers that see the record later see it masked too. It never drops a record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record in place; always keep it."""
        if record.__dict__.get(_DONE_MARK):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the text, drop the arguments unseen
            message = f"{record.msg} [log arguments could not be formatted]"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _EXCEPTION_FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record.__dict__[_DONE_MARK] = True
        return True
