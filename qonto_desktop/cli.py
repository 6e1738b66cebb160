"""The command line: parses arguments and runs one command; ``main.py`` hands argv here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from qonto_desktop import APP_NAME, __version__
from qonto_desktop.errors import QontoDesktopError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

# The emulator's usual port, next to the app's loopback port 52817.
EMULATOR_PORT = 52818


class UsageError(Exception):
    """A command line that cannot be understood."""


class Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad command line in one line, then exits 2."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing the usage block and exiting."""
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> Parser:
    """Return the parser of every command."""
    parser = Parser(
        prog="qonto-desktop",
        description=f"{APP_NAME}: connect Qonto bank accounts to your desk.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    demo = commands.add_parser(
        "demo",
        help="connect a demo Qonto account through the built-in emulator (no Qonto needed)",
    )
    demo.add_argument(
        "--auto-approve",
        action="store_true",
        help="approve in the emulator without clicking (for scripts and tests)",
    )
    demo.add_argument("--language", choices=("en", "fr"), default="en")
    demo.add_argument("--timeout", type=_positive_seconds, default=300.0, metavar="SECONDS")

    emulator = commands.add_parser(
        "emulator", help="run the built-in Qonto emulator (OAuth server and API) on 127.0.0.1"
    )
    emulator.add_argument(
        "--port",
        type=_port,
        default=EMULATOR_PORT,
        help=f"port to listen on (default {EMULATOR_PORT}; 0: any free)",
    )
    emulator.add_argument(
        "--sandbox",
        action="store_true",
        help="behave like Qonto's sandbox: require the X-Qonto-Staging-Token header",
    )
    return parser


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command named in ``argv``; return the process exit code."""
    stdout = out or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print, then ask to exit
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    if args.command is None:
        parser.print_help(stdout)
        return EXIT_OK
    try:
        return COMMANDS[args.command](args, stdout)
    except QontoDesktopError as exc:
        print(f"{exc.message} {exc.next_action}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR


def _emulator(args: argparse.Namespace, out: TextIO) -> int:
    from qonto_desktop.emulator.cli import serve

    return serve(args.port, args.sandbox, out)


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    from qonto_desktop.demo import run_demo

    return run_demo(
        out=out, auto_approve=args.auto_approve, language=args.language, timeout=args.timeout
    )


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "demo": _demo,
    "emulator": _emulator,
}


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 65535")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("the timeout must be between 0 and 3600 seconds")
    return value
