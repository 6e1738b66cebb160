"""The command line: parses arguments and runs one command; ``main.py`` hands argv here.

Each command imports what it needs when it runs, so that ``token`` starts quickly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from qonto_desktop.errors import QontoDesktopError
from qonto_desktop.program import QT_PROBE_FLAG
from qonto_desktop.system.child_environment import restore_library_path

if TYPE_CHECKING:
    import argparse

    from qonto_desktop.connections.desk import Desk

Command = Callable[["argparse.Namespace", TextIO, TextIO, TextIO], int]


def main(
    argv: Sequence[str] | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """Run the command named in ``argv``; return the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    restore_library_path()  # the executable's libraries are for itself, not for a browser
    if words[:1] == [
        QT_PROBE_FLAG
    ]:  # the self-test's child process (qonto_desktop.connections.self_test)
        return _qt_probe(words[1:])
    if words[:1] == ["--self-test"]:  # as a double-clickable app's users expect to spell it
        words[0] = "self-test"
    if words in ([], ["--demo"]):  # the window, the common case: no parser to build first
        return _window(demo=bool(words))
    if sys.platform == "win32":  # the Windows executable typed in a terminal: answer there
        from qonto_desktop.system.console import attach_parent_console

        attach_parent_console()
    return _command(words, out or sys.stdout, err or sys.stderr, stdin or sys.stdin)


def _command(words: list[str], stdout: TextIO, stderr: TextIO, stdin: TextIO) -> int:
    """Parse the command line and run its command; errors become one line and an exit code."""
    token_words = _plain_token(words)
    if token_words is not None:  # the scripts' command, on its quick path: no parser to build
        query, as_json = token_words
        return _run(lambda: _print_token(query, as_json, stdout), stderr)
    args = _parse(words, stdout, stderr)
    if isinstance(args, int):
        return args
    if args.command is None:
        return _window(demo=args.demo)
    command = COMMANDS[args.command]
    return _run(lambda: command(args, stdin, stdout, stderr), stderr)


def _plain_token(words: list[str]) -> tuple[str | None, bool] | None:
    """``token [CONNECTION] [--json]`` spelled plainly (the connection, then or before the one
    flag; nothing starting with ``-`` but ``--json``), or None: then the parser decides, and
    says what is wrong. What this accepts, the parser reads the same way."""
    if words[:1] != ["token"] or len(words) > 3:
        return None
    rest = words[1:]
    as_json = "--json" in rest
    if as_json:
        rest.remove("--json")
    if len(rest) > 1 or any(word.startswith("-") or not word for word in rest):
        return None
    return (rest[0] if rest else None), as_json


def _run(command: Callable[[], int], stderr: TextIO) -> int:
    """Run a parsed command with the log set up; its error becomes one line and an exit code."""
    from qonto_desktop.system.logs import setup_logging

    setup_logging()
    try:
        return command()
    except QontoDesktopError as exc:
        from qonto_desktop.cli import exit_codes
        from qonto_desktop.cli.render import error_line

        print(error_line(exc), file=stderr)
        return exit_codes.exit_code(exc)
    except KeyboardInterrupt:
        from qonto_desktop.cli import exit_codes

        print("Stopped.", file=stderr)
        return exit_codes.ERROR


def _parse(words: list[str], stdout: TextIO, stderr: TextIO) -> argparse.Namespace | int:
    """The parsed command line, or the exit code when there is nothing more to do."""
    from qonto_desktop.cli import exit_codes
    from qonto_desktop.cli.parser import UsageError, build_parser

    try:
        return build_parser().parse_args(words)
    except UsageError as exc:
        print(exc, file=stderr)
        return exit_codes.USAGE
    except SystemExit as exc:  # --help and --version print, then ask to exit
        return exc.code if isinstance(exc.code, int) else exit_codes.OK


def _qt_probe(words: list[str]) -> int:
    from qonto_desktop.ui.qt_probe import main as probe

    return probe(words)


def _window(*, demo: bool) -> int:
    from qonto_desktop.system.logs import setup_logging

    setup_logging()
    from qonto_desktop.ui.app import run_window

    return run_window(demo=demo)


def _desk() -> Desk:
    """The desk of this command: paths and settings read once, here at the edge."""
    from qonto_desktop.connections.desk import open_desk

    return open_desk()


def _environment(args: argparse.Namespace, desk: Desk) -> str:
    """The environment named on the command line, else the configured default."""
    if args.environment:
        return str(args.environment)
    from qonto_desktop.connections.registration import default_environment

    return default_environment(desk.settings)


def _connect(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import connect, render
    from qonto_desktop.connections.model import ConnectRequest
    from qonto_desktop.qonto import scopes

    desk = _desk()
    chosen = tuple(args.scopes) if args.scopes else None
    if chosen is None:
        chosen = scopes.preset(args.preset).scopes if args.preset else scopes.DEFAULT_SCOPES
    request = ConnectRequest(
        environment=_environment(args, desk),
        scopes=chosen,
        organization_id=args.organization_id,
        registration_id=args.registration_id,
        language=args.language or render.language(),
        timeout=args.timeout,
    )
    return connect.run(
        desk,
        request,
        no_browser=args.no_browser,
        companies=args.companies,
        stdin=stdin,
        out=out,
        err=err,
    )


def _status(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import status

    if not args.check:  # listing reads the index and the keyring: no HTTP stack to load
        return status.run(_desk(), as_json=args.json, verify=None, out=out, err=err)
    from qonto_desktop.connections.verify import verify

    return status.run(_desk(), as_json=args.json, verify=verify, out=out, err=err)


def _token(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    return _print_token(args.connection, bool(args.json), out)


def _print_token(query: str | None, as_json: bool, out: TextIO) -> int:
    from qonto_desktop.cli import token

    return token.run(_desk(), query, as_json=as_json, out=out)


def _refresh(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import refresh

    return refresh.run(_desk(), args.connection, every=args.all, out=out, err=err)


def _sync(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import sync

    return sync.run(_desk(), args.names, every=args.all, as_json=args.json, out=out, err=err)


def _schedule(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import schedule

    return schedule.run(_desk(), args.action, as_json=args.json, out=out)


def _disconnect(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import disconnect

    return disconnect.run(
        _desk(),
        args.connection,
        keep_consent=args.keep_consent,
        forget_data=args.forget_data,
        out=out,
        err=err,
    )


def _configure(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import configure

    desk = _desk()
    return configure.run(
        desk,
        _environment(args, desk),
        client_id=args.client_id,
        redirect_port=args.redirect_port,
        redirect_host=args.redirect_host,
        set_client_secret=args.client_secret,
        set_staging_token=args.staging_token,
        make_default=args.default,
        user_access=None if args.user_access is None else args.user_access == "yes",
        stdin=stdin,
        out=out,
    )


def _demo(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import render
    from qonto_desktop.connections.demo import run_demo

    return run_demo(
        out=out,
        auto_approve=args.auto_approve,
        language=args.language or render.language(),
        timeout=args.timeout,
        user_access=args.user_access,
        firm=args.firm,
    )


def _emulator(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.emulator.cli import serve

    return serve(args.port, args.sandbox, out, err=err)


def _self_test(args: argparse.Namespace, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    from qonto_desktop.cli import self_test

    return self_test.run(out=out)


COMMANDS: dict[str, Command] = {
    "connect": _connect,
    "status": _status,
    "token": _token,
    "refresh": _refresh,
    "sync": _sync,
    "schedule": _schedule,
    "disconnect": _disconnect,
    "configure": _configure,
    "demo": _demo,
    "emulator": _emulator,
    "self-test": _self_test,
}
