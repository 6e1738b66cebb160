"""``status [--json] [--check]``: every connection, where its secrets live, and a live check."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from qonto_desktop.cli.render import (
    clock,
    connection_data,
    describe_connection,
    error_line,
    json_text,
    note_line,
    scope_words,
)
from qonto_desktop.connections.desk import Desk
from qonto_desktop.connections.listing import describe_storage, list_connections
from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.program import program_name

if TYPE_CHECKING:  # verify brings the HTTP stack: the dispatch hands it in for --check only
    from qonto_desktop.connections.verify import Verification


def check_words(verification: Verification) -> str:
    """What a live check rests on, in one line: the request made, or why none was."""
    renewed = "token renewed, then " if verification.token_renewed else ""
    if verification.checked:
        return f"ok ({renewed}company and accounts read from Qonto at {clock(verification.at)})"
    scope = verification.missing_scope or ""
    read = " (only who signed in was read)" if verification.membership is not None else ""
    return (
        f"not checked{read}: this connection may not read the company; "
        f"reconnect and tick {scope_words(scope)}"
        + ("; the token was renewed" if verification.token_renewed else "")
    )


def run(
    desk: Desk,
    *,
    as_json: bool,
    verify: Callable[[Desk, str], Verification] | None,
    out: TextIO,
    err: TextIO,
) -> int:
    """List the connections; given ``verify`` (``--check``), verify each against Qonto now.

    The command dispatch passes ``connections.verify.verify`` only for ``--check``, so a plain
    listing never loads the HTTP stack.

    Returns 0, or 1 when a live check failed or could not check, or the index needed repair
    (the reason is shown).
    """
    loaded = list_connections(desk)
    connections = list(loaded.connections)
    checks: dict[str, str] = {}
    passed: dict[str, bool] = {}
    check = verify is not None
    if verify is not None:
        for position, connection in enumerate(connections):
            try:
                verification = verify(desk, connection.id)
            except QontoDesktopError as exc:
                checks[connection.id] = f"failed: {error_line(exc)}"
                passed[connection.id] = False
                continue
            connections[position] = verification.connection
            checks[connection.id] = check_words(verification)
            passed[connection.id] = verification.checked
    storage = describe_storage(desk).words
    now = desk.now()
    if as_json:
        data: dict[str, Any] = {
            "secrets_stored_in": storage,
            "problem": loaded.problem.message if loaded.problem else None,
            "connections": [
                {
                    **connection_data(c, now),
                    **({"check": checks[c.id], "checked": passed[c.id]} if check else {}),
                }
                for c in connections
            ],
        }
        out.write(json_text(data) + "\n")
    else:
        if loaded.problem is not None:
            print(error_line(loaded.problem), file=err)
        if not connections:
            print(f"No connection yet. Connect one with `{program_name()} connect`.", file=out)
        for connection in connections:
            print(describe_connection(connection, now), file=out)
            if check:
                print(f"  live check: {checks[connection.id]}", file=out)
            for note in connection.notes:
                print(f"  not read: {note_line(note)}", file=out)
            print(file=out)
        print(f"Secrets are stored in: {storage}", file=out)
    failed = not all(passed.values())
    return 1 if failed or loaded.problem is not None else 0
