"""The words a person reads on a page, and the English ones left on a page meant to be French.

A page's visible text is its title and its body's text, without scripts, styles and ``<code>``
(identifiers such as a client ID or a scope name read the same in every language). A word is
"English left" when it is a common English word, or a word of the same page in English, unless
it is French too or a name (:data:`SAME_IN_BOTH`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Words spelled alike in both languages, and names: not English left on a French page.
SAME_IN_BOTH = frozenset(
    {
        "qonto", "desktop", "oauth", "sepa", "iban", "get", "e-mail", "client_id",
        "redirect_uri", "sarl", "sas", "sasu", "eurl", "sa", "description", "application",
        "action", "transactions", "clients", "client", "webhooks", "camille", "lefèvre",
        "boulangerie", "martin", "atelier", "lumière", "architecture", "durand", "conseil",
        "code", "a", "en", "date", "type", "service", "minute", "minutes", "maintenance", "http",
        "page",
        # Qonto's "Developer Portal" is a name; French says "scopes" for OAuth's too.
        "developer", "portal", "scopes",
    }
)  # fmt: skip
# Common English words a French page has no reason to show.
COMMON_ENGLISH = frozenset(
    {
        "the", "and", "to", "of", "in", "on", "is", "was", "were", "you", "your", "this", "that",
        "it", "for", "with", "not", "no", "nothing", "back", "go", "sign", "signed", "access",
        "app", "account", "accounts", "connect", "connected", "connection", "cancel",
        "cancelled", "approve", "deny", "refused", "allow", "choose", "organization",
        "organizations", "password", "read", "write", "make", "create", "change", "manage",
        "details", "error", "tab", "close", "again", "try", "request", "continue", "here", "what",
        "why", "do", "saved", "failed", "answered", "from", "by", "as", "be", "has", "have",
        "can", "may", "will", "please", "later", "something", "went", "wrong", "emulator",
        "permissions", "company", "companies", "ask", "asks", "invite", "members", "teams",
        "cards", "invoices", "payments", "transfers", "beneficiaries", "sign-in", "look",
        "finishing", "done", "ok", "yes",
    }
)  # fmt: skip
_SKIPPED = {"script", "style", "code"}
_WORD = re.compile(r"[^\W\d_](?:[\w'\u2019-]*[^\W\d_])?")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The text a person reads on ``html`` (its title included)."""
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def words(html: str) -> set[str]:
    """The visible words, lower-cased; e-mail addresses and numbers left out."""
    kept = (token for token in visible_text(html).split() if "@" not in token)
    return {match.lower() for token in kept for match in _WORD.findall(token)}


def english_left(french: str, english: str | None = None) -> set[str]:
    """The English words on the French page ``french`` (its English twin adds suspects)."""
    suspects = COMMON_ENGLISH | (words(english) if english is not None else set())
    return {word for word in words(french) if word in suspects and word not in SAME_IN_BOTH}
