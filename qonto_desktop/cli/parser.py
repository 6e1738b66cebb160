"""The command line's grammar: every command, its options and their help."""

from __future__ import annotations

import argparse
import re
from typing import NoReturn

from qonto_desktop import APP_NAME, __version__
from qonto_desktop.connections.model import DEFAULT_TIMEOUT
from qonto_desktop.i18n.display import safe_text
from qonto_desktop.program import program_name

USAGE_LIMIT = 300
"""The most characters of argparse's own words, which quote what was typed."""
QUOTE_LIMIT = 60
QUOTED = re.compile(rf"'([^']{{{QUOTE_LIMIT + 1},}})'")

# The emulator's usual port, next to the app's loopback port 52817.
EMULATOR_PORT = 52818
ENVIRONMENTS = ("production", "sandbox", "custom", "emulator")


class UsageError(Exception):
    """A command line that cannot be understood."""


class Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad command line in one line, then exits 2."""

    def error(self, message: str) -> NoReturn:
        """Raise instead of printing the usage block and exiting."""
        # argparse quotes the user's words ('...' is not a port number, invalid choice: '...'):
        # each quoted word is capped, then the whole line, whatever was typed.
        quoted = QUOTED.sub(lambda match: f"'{safe_text(match[1], limit=QUOTE_LIMIT)}'", message)
        shown = safe_text(quoted, limit=USAGE_LIMIT)
        raise UsageError(f"{safe_text(self.prog)}: {shown} (see --help)")


def build_parser() -> Parser:
    """Return the parser of every command."""
    parser = Parser(
        prog=program_name(),  # as started: the executable, qonto-desktop, main.py...
        description=f"{APP_NAME}: connect Qonto bank accounts to your desk. "
        "Without a command, the window opens.",
        epilog="Exit codes: 0 ok, 1 error, 2 usage, 3 needs reconnecting, "
        "4 secure storage missing or locked, 5 network, 6 connection not found.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window in demo mode: the built-in emulator plays Qonto",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    _connect(commands.add_parser("connect", help="connect a Qonto organization (browser sign-in)"))
    status = commands.add_parser("status", help="list the connections and their state")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.add_argument("--check", action="store_true", help="also check each one live")
    token = commands.add_parser("token", help="print a fresh access token, and nothing else")
    token.add_argument("connection", nargs="?", help="id, slug or name (optional if only one)")
    token.add_argument("--json", action="store_true", help="token with its expiry, as JSON")
    refresh = commands.add_parser("refresh", help="renew access now (keeps connections alive)")
    which = refresh.add_mutually_exclusive_group(required=True)
    which.add_argument("connection", nargs="?", help="id, slug or name")
    which.add_argument("--all", action="store_true", help="every connection, one by one")
    sync = commands.add_parser(
        "sync", help="bring the local copy of the clients' bank data up to date"
    )
    sync.add_argument("names", nargs="*", metavar="NAME", help="id, slug or name of a client")
    sync.add_argument("--all", action="store_true", help="every client")
    sync.add_argument("--json", action="store_true", help="machine-readable summary")
    schedule = commands.add_parser(
        "schedule", help="the system's own daily refresh --all: show, install or remove it"
    )
    schedule.add_argument(
        "action",
        choices=("show", "install", "remove"),
        help="show exactly what install writes and runs; install; remove",
    )
    schedule.add_argument("--json", action="store_true", help="machine-readable output")
    disconnect = commands.add_parser("disconnect", help="revoke a connection and forget it")
    disconnect.add_argument("connection", help="id, slug or name")
    disconnect.add_argument(
        "--keep-consent", action="store_true", help="do not withdraw the app's consent in Qonto"
    )
    disconnect.add_argument(
        "--forget-data",
        action="store_true",
        help="also delete its bank data kept on this computer (transactions, and the "
        "statements and receipts the app saved for it)",
    )
    _configure(commands.add_parser("configure", help="set the app registration (client ID...)"))
    _demo(commands.add_parser("demo", help="try a demo account on the built-in emulator"))
    commands.add_parser(
        "self-test", help="check what a connection needs here (Qt, keyring, TLS, loopback)"
    )
    emulator = commands.add_parser("emulator", help="run the built-in Qonto emulator")
    emulator.add_argument(
        "--port",
        type=listen_port,
        default=EMULATOR_PORT,
        help=f"port on 127.0.0.1 (default {EMULATOR_PORT}; 0: any free)",
    )
    emulator.add_argument(
        "--sandbox", action="store_true", help="require X-Qonto-Staging-Token, as the sandbox"
    )
    return parser


def _connect(parser: Parser) -> None:
    parser.add_argument("--environment", choices=ENVIRONMENTS, help="default: the configured one")
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument("--scopes", nargs="+", metavar="SCOPE", help="permissions to ask for")
    chosen.add_argument("--preset", help="a permission preset, e.g. bookkeeping")
    parser.add_argument(
        "--organization-id", type=identifier, help="fix the organization (no picker)"
    )
    parser.add_argument(
        "--registration-id", type=identifier, help="an organization created by onboarding"
    )
    parser.add_argument(
        "--companies",
        metavar="all|ID,SIREN,...",
        help="with user access: the companies to add (default all), by ID or SIREN",
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="print the address instead; accept the redirected address pasted here",
    )
    parser.add_argument(
        "--language",
        choices=("en", "fr"),
        help="of the browser pages (default: the app's language, as in the settings)",
    )
    parser.add_argument(
        "--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help="default 300"
    )


def _configure(parser: Parser) -> None:
    parser.add_argument("--environment", choices=ENVIRONMENTS, help="default: the configured one")
    parser.add_argument("--client-id", help="the app's client ID from the Developer Portal")
    # Checked by the command, not here: the one port rule, with the window's words.
    parser.add_argument(
        "--redirect-port", metavar="PORT", help="port of the redirect URI (1024 to 65535)"
    )
    parser.add_argument(
        "--redirect-host",
        choices=("127.0.0.1", "localhost"),
        help="host of the redirect URI, as registered (default 127.0.0.1)",
    )
    parser.add_argument(
        "--client-secret", action="store_true", help="store the client secret (asked for)"
    )
    parser.add_argument(
        "--staging-token", action="store_true", help="store the sandbox staging token (asked for)"
    )
    parser.add_argument("--default", action="store_true", help="make it the default environment")
    parser.add_argument(
        "--user-access",
        choices=("yes", "no"),
        help="yes if Qonto approved the app for user access (one sign-in for all your companies)",
    )


def _demo(parser: Parser) -> None:
    parser.add_argument(
        "--auto-approve", action="store_true", help="approve without clicking (for scripts)"
    )
    parser.add_argument(
        "--user-access",
        action="store_true",
        help="Qonto's user access: one sign-in connects every demo company",
    )
    parser.add_argument(
        "--language",
        choices=("en", "fr"),
        help="of the browser pages (default: the app's language, as in the settings)",
    )
    parser.add_argument(
        "--firm",
        action="store_true",
        help="the demo firm: 40 client companies connected at once, a few needing attention",
    )
    parser.add_argument(
        "--timeout", type=seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS", help="default 300"
    )


def listen_port(text: str) -> int:
    """A TCP port to listen on, 0 (any free one) to 65535: the emulator's, not a redirect port."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 65535")
    return value


IDENTIFIER = re.compile(r"[A-Za-z0-9_-]{1,100}")


def identifier(text: str) -> str:
    """An identifier Qonto gave (a UUID in its documentation): letters, digits, ``-``, ``_``."""
    if IDENTIFIER.fullmatch(text) is None:
        shown = safe_text(text, limit=60)
        raise argparse.ArgumentTypeError(
            f"'{shown}' is not an identifier (at most 100 letters, digits, '-' or '_')"
        )
    return text


def seconds(text: str) -> float:
    """A timeout: more than 0 and at most an hour."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("the timeout must be between 0 and 3600 seconds")
    return value
