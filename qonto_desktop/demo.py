"""Demo mode on the command line: connect a demo account through the built-in emulator.

Nothing here is real Qonto: the emulator plays Qonto's OAuth server and API in this process,
so a newcomer can see the whole journey without an account. The tokens are not kept.
"""

from __future__ import annotations

from typing import TextIO

from qonto_desktop import browser
from qonto_desktop.emulator import Emulator
from qonto_desktop.oauth.authorize import authorize
from qonto_desktop.oauth.flow import AuthorizationRequest, PendingAuthorization
from qonto_desktop.oauth.loopback import Receiver
from qonto_desktop.oauth.tokens import ClientCredentials, TokenClient
from qonto_desktop.qonto import environments, scopes
from qonto_desktop.qonto.api import QontoApi
from qonto_desktop.qonto.presentation import masked_iban, money

BANNER = "Demo: not connected to Qonto. The built-in emulator plays Qonto on this computer."


def run_demo(*, out: TextIO, auto_approve: bool, language: str, timeout: float) -> int:
    """Connect one demo organization in the browser and show what the connection reaches."""
    print(BANNER, file=out)
    with Emulator(consent_mode="approve" if auto_approve else "interactive") as emulator:
        environment = environments.emulator(emulator.base_url)
        client = emulator.confidential_client
        request = AuthorizationRequest(
            authorize_url=environment.authorize_url,
            client_id=client.client_id,
            redirect_uri="http://127.0.0.1:0/callback",
            scopes=scopes.preset("bookkeeping").scopes,
        )
        token_client = TokenClient(
            token_url=environment.token_url,
            revoke_url=environment.revoke_url,
            credentials=ClientCredentials(client.client_id, client.client_secret),
        )

        def waiting(receiver: Receiver, pending: PendingAuthorization) -> None:
            emulator.register_redirect_uri(receiver.redirect_uri)
            print("Opening your browser to sign in to the demo Qonto...", file=out)
            print(f"If it does not open, visit this address:\n  {pending.url}", file=out)
            print(f"Demo sign-in: {emulator.user.email} / {emulator.user.password}", file=out)
            out.flush()

        tokens = authorize(
            request,
            token_client,
            browser.open_url,
            timeout=timeout,
            language=language,
            on_waiting=waiting,
        )
        api = QontoApi(environment, tokens.access_token)
        organization = api.organization()
        membership = api.membership()
    print(f"\nConnected: {organization.name} ({organization.legal_name})", file=out)
    print(
        f"Signed in as {membership.first_name} {membership.last_name}, {membership.role}", file=out
    )
    print(f"Permissions granted: {scopes.join(tokens.scopes)}", file=out)
    for account in organization.bank_accounts:
        balance = money(account.balance_cents, account.currency, language)
        print(f"  {account.name:<28} {masked_iban(account.iban)}  {balance:>16}", file=out)
    return 0
