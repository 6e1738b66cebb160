"""Which saved connection a person means by a few words: the rules, on plain names.

``ConnectionIndex.find`` turns the answer into a connection or an error; ``token``'s quick path
(:mod:`qonto_desktop.connections.quick_token`) asks the same rules of the records it read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

# What the rules look at, per connection: (id, organization slug, organization name).
Names = tuple[str, str, str]


def matching(query: str | None, names: Sequence[Names]) -> tuple[str, list[int]]:
    """The query as read (stripped) and the positions it decides on.

    A blank query means every connection (one is the only one; several are ambiguous).
    Otherwise the first rule that matches anything decides: exact id; exact organization slug;
    organization name ignoring case; the start of the organization name or slug, ignoring case.
    No position: nothing matches. Several: the deciding rule matched them all.
    """
    text = (query or "").strip()
    if not text:
        return text, list(range(len(names)))
    folded = text.casefold()
    rules: list[Callable[[Names], bool]] = [
        lambda n: n[0] == text,
        lambda n: bool(n[1]) and n[1] == text,
        lambda n: bool(n[2]) and n[2].casefold() == folded,
        lambda n: n[2].casefold().startswith(folded) or n[1].casefold().startswith(folded),
    ]
    for rule in rules:
        positions = [position for position, each in enumerate(names) if rule(each)]
        if positions:
            return text, positions
    return text, []
