"""A user-visible text as a template with an identity and named parameters.

The template (the English text, with ``{name}`` placeholders) is the message's identity: it is
the msgid looked up in the gettext catalogue. Code marks every such template with :func:`N_` so
``pybabel extract -k N_`` finds it; a :class:`Message` keeps the template and its parameters
apart until it is rendered, so a translation is chosen before the values are put in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from qonto_desktop.i18n.display import safe_text

Lookup = Callable[[str], str]


def N_(template: str) -> str:  # noqa: N802 - the gettext marker's customary name
    """Mark ``template`` as a message to extract; it is returned unchanged."""
    return template


class Message:
    """A template and the values of its placeholders, rendered in one language on demand.

    A parameter may itself be a :class:`Message` (a reason, a term): it is translated in the
    same language as the sentence holding it. A message without parameters is literal text,
    never passed through ``str.format``.
    """

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params: Mapping[str, object] = params

    def __repr__(self) -> str:
        return f"Message({self.template!r}, {dict(self.params)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, dict(self.params)) == (other.template, dict(other.params))

    def __hash__(self) -> int:
        return hash(self.template)

    def __str__(self) -> str:
        return self.english()

    def english(self) -> str:
        """The message in English: its template, with its values put in."""
        return render(self, _same)

    def messages(self) -> Iterator[Message]:
        """This message and every message among its parameters, depth first."""
        yield self
        for value in self.params.values():
            if isinstance(value, Message):
                yield from value.messages()


class Term(Message):
    """A noun with its article ("the token url", "l'adresse d'émission des jetons").

    Put at the start of a sentence, it takes a capital there: French gives each term its own
    article, so its sentences often open with the placeholder.
    """

    __slots__ = ()


Text = str | Message


def as_message(text: Text) -> Message:
    """``text`` as a Message: a plain string becomes a literal message of its own."""
    return text if isinstance(text, Message) else Message(text)


SEMICOLONS = N_("{first}; {rest}")
COMMAS = N_("{first}, {rest}")


def listing(parts: Sequence[Text], separator: str = SEMICOLONS) -> Text:
    """Several parts as one text, joined by ``separator`` (a template, translated too)."""
    if not parts:
        return ""
    joined = parts[-1]
    for part in reversed(parts[:-1]):
        joined = Message(separator, first=part, rest=joined)
    return joined


def _same(template: str) -> str:
    return template


class _Decimal(float):
    """A number shown with a decimal comma (French): 2.5 secondes -> 2,5 secondes."""

    __slots__ = ()

    def __format__(self, format_spec: str) -> str:
        return format(float(self), format_spec).replace(".", ",")


def _value(value: object, lookup: Lookup, decimal_comma: bool) -> object:
    """A parameter ready for ``str.format``: a nested message rendered in the same language.

    Text put into a sentence came from a user, a server or the system: it is made safe for a
    terminal, a log line or a widget (controls escaped, bidi controls removed, length capped).
    """
    if isinstance(value, Message):  # a part of the sentence: a term is not capitalised
        return render(value, lookup, decimal_comma=decimal_comma, sentence=False)
    if decimal_comma and isinstance(value, float):
        return _Decimal(value)
    if isinstance(value, str):
        return safe_text(value)
    return value


def render(
    message: Message, lookup: Lookup, *, decimal_comma: bool = False, sentence: bool = True
) -> str:
    """``message`` with its template passed through ``lookup``, then its values put in.

    A ``sentence`` that opens with a :class:`Term` gets a capital there; a part of a sentence
    (a reason, a list) is left as it is. A translation that does not fit its values (a
    placeholder the English lacks) falls back to the English template: a message is always
    shown, if need be in English.
    """
    translated = lookup(message.template)
    if not message.params:
        return translated
    values = {name: _value(value, lookup, decimal_comma) for name, value in message.params.items()}
    try:
        text = translated.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError):
        translated = message.template
        text = translated.format_map(values)
    if sentence and _starts_with_a_term(translated, message.params):
        return text[:1].upper() + text[1:]  # "l'identifiant ... n'est pas valide" opens it
    return text


def _starts_with_a_term(template: str, params: Mapping[str, object]) -> bool:
    """True when the sentence opens with a placeholder holding a :class:`Term`."""
    if not template.startswith("{") or template.startswith("{{"):
        return False
    name = template[1:].split("}", 1)[0]
    for separator in "!:.[":
        name = name.split(separator, 1)[0]
    return isinstance(params.get(name), Term)


def with_reason(message: Message, reason: Text) -> Message:
    """``message`` followed by its reason in parentheses: "... port 52817. (reason)".

    A reason given as plain text is looked up too: the app's own reasons are templates (a
    stored one comes back as text), and any other text, an OS message, stays as it is.
    """
    return Message(N_("{message} ({reason})"), message=message, reason=as_message(reason))
