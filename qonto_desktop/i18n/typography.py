"""French typography for texts written with plain apostrophes and spaces.

Catalogues are easier to write and review with ``'`` and ordinary spaces; what the user reads
has typographic apostrophes and the non-breaking spaces French puts before ``: ; ? !`` and
inside « ». Text between backticks (a command, an address) is left exactly as written.
"""

from __future__ import annotations

import functools
import re

NBSP = "\u00a0"
_BEFORE_PUNCTUATION = re.compile(r" (?=[:;?!»])")


@functools.lru_cache(maxsize=1024)
def typeset(french: str) -> str:
    """Apply French typography outside `code` spans."""
    parts = french.split("`")
    for index in range(0, len(parts), 2):
        text = parts[index].replace("'", "\u2019")
        text = _BEFORE_PUNCTUATION.sub(NBSP, text)
        parts[index] = text.replace("« ", "«" + NBSP)
    return "`".join(parts)
