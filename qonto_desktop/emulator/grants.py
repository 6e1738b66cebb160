"""Authorization codes, token families, rotation and revocation, with no HTTP in sight.

A *family* is everything issued from one authorization code: the first access and refresh
tokens and every pair rotated from them. Revoking one token of a family revokes it whole.
Rotation follows Hydra's graceful refresh token rotation, as Qonto runs it (60 s of grace):
using a refresh token revokes the access token issued with it and no other; using it again
after the grace period revokes the family
(https://www.ory.sh/docs/hydra/guides/graceful-token-refresh).
"""

from __future__ import annotations

import secrets
import threading
from collections import Counter
from dataclasses import dataclass, field

from qonto_desktop.emulator import pkce
from qonto_desktop.emulator.clock import Clock
from qonto_desktop.emulator.issued import IssuedSecrets

CODE_LIFETIME = 10 * 60.0
ACCESS_TOKEN_LIFETIME = 60 * 60.0
REFRESH_TOKEN_LIFETIME = 90 * 24 * 60 * 60.0
REFRESH_GRACE_PERIOD = 60.0


@dataclass(frozen=True)
class Consent:
    """What the user approved on the consent page, bound to one authorization code.

    Attributes:
        client_id: The client the user approved.
        redirect_uri: The redirect URI of the authorization request.
        scopes: The granted scopes.
        user_id: Who approved.
        organization_id: The organization the tokens are bound to; empty in the User OAuth
            flow, whose tokens name one with each call.
        code_challenge: The S256 PKCE challenge, if one was sent.
        nonce: The OpenID Connect nonce, if one was sent.
        organization_ids: The organizations consented to in the User OAuth flow; empty in
            the per-organization flow.
    """

    client_id: str
    redirect_uri: str
    scopes: tuple[str, ...]
    user_id: str
    organization_id: str
    code_challenge: str | None = None
    nonce: str | None = None
    organization_ids: tuple[str, ...] = ()

    @property
    def user_flow(self) -> bool:
        """Whether this is a User OAuth flow consent (``identity_type=user``)."""
        return bool(self.organization_ids)

    def covers(self, organization_id: str) -> bool:
        """Whether the consent reaches this organization."""
        if self.user_flow:
            return organization_id in self.organization_ids
        return organization_id == self.organization_id


@dataclass(frozen=True)
class IssuedTokens:
    """A fresh access token, and a refresh token when ``offline_access`` was granted."""

    access_token: str
    refresh_token: str | None
    scopes: tuple[str, ...]
    expires_in: int
    issued_at: float
    consent: Consent


@dataclass(frozen=True)
class TokenOwner:
    """Who a valid access token speaks for, and with which scopes.

    Attributes:
        organization_id: The organization of a per-organization grant; empty for a User
            OAuth flow grant until a request names one (``X-Qonto-Organization-Id``).
        organization_ids: The organizations a User OAuth flow grant reaches; empty otherwise.
    """

    client_id: str
    user_id: str
    organization_id: str
    scopes: tuple[str, ...]
    organization_ids: tuple[str, ...] = ()

    @property
    def user_flow(self) -> bool:
        """Whether the token comes from the User OAuth flow."""
        return bool(self.organization_ids)


class GrantError(Exception):
    """A request the token or revocation endpoint refuses (RFC 6749 §5.2 error codes)."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


@dataclass
class _Family:
    consent: Consent
    revoked: bool = False


@dataclass
class _Code:
    consent: Consent
    expires_at: float
    family_id: str | None = None


@dataclass
class _Token:
    family_id: str
    scopes: tuple[str, ...]
    expires_at: float
    revoked: bool = False
    rotated_at: float | None = None
    # For a refresh token: the access token issued together with it.
    paired_access: str | None = None


@dataclass
class _State:
    codes: dict[str, _Code] = field(default_factory=dict)
    families: dict[str, _Family] = field(default_factory=dict)
    access: dict[str, _Token] = field(default_factory=dict)
    refresh: dict[str, _Token] = field(default_factory=dict)


class GrantStore:
    """Every code and token the emulator issued; safe to use from any thread.

    Args:
        clock: Where every expiry reads the time.
        access_token_lifetime: Seconds an access token lives (Qonto: one hour); tests shorten
            it to see expiries happen.
        issued: Where every code and token issued is also noted; a new one when ``None``.

    Attributes:
        events: How many times each thing happened (``code_redeemed``, ``refreshed``,
            ``refresh_refused``, ``revoked``: a live grant ended at the revocation endpoint),
            for tests that count what the server saw.
        issued: Every code and token issued so far, for tests that search for leaks.
    """

    def __init__(
        self,
        clock: Clock,
        *,
        access_token_lifetime: float = ACCESS_TOKEN_LIFETIME,
        issued: IssuedSecrets | None = None,
    ) -> None:
        if access_token_lifetime <= 0:
            raise ValueError("access_token_lifetime must be positive")
        self._clock = clock
        self._access_lifetime = access_token_lifetime
        self._lock = threading.Lock()
        self._state = _State()
        self.events: Counter[str] = Counter()
        self.issued = issued if issued is not None else IssuedSecrets()

    @property
    def access_token_lifetime(self) -> float:
        """Seconds an access token issued from now on lives."""
        return self._access_lifetime

    @access_token_lifetime.setter
    def access_token_lifetime(self, seconds: float) -> None:
        if seconds <= 0:
            raise ValueError("access_token_lifetime must be positive")
        self._access_lifetime = seconds

    def issue_code(self, consent: Consent) -> str:
        """Return a new single-use authorization code, valid 10 minutes."""
        code = "ory_ac_" + secrets.token_urlsafe(32)
        self.issued.add(code)
        with self._lock:
            self._state.codes[code] = _Code(consent, self._clock.now() + CODE_LIFETIME)
        return code

    def redeem_code(
        self, code: str, *, client_id: str, redirect_uri: str | None, code_verifier: str | None
    ) -> IssuedTokens:
        """Exchange an authorization code for tokens (RFC 6749 §4.1.3).

        Raises:
            GrantError: ``invalid_grant`` for any code that may not be exchanged.
        """
        with self._lock:
            now = self._clock.now()
            record = self._state.codes.get(code)
            if record is None:
                raise GrantError("invalid_grant", "The authorization code is not valid.")
            if record.family_id is not None:
                # RFC 6749 §4.1.2 / RFC 9700 §4.2.4: a replayed code revokes what it issued.
                self._state.families[record.family_id].revoked = True
                raise GrantError("invalid_grant", "The authorization code has already been used.")
            consent = record.consent
            if consent.client_id != client_id:
                raise GrantError(
                    "invalid_grant", "The authorization code was issued to another client."
                )
            if now >= record.expires_at:
                raise GrantError("invalid_grant", "The authorization code has expired.")
            if redirect_uri != consent.redirect_uri:
                # RFC 6749 §4.1.3: redirect_uri must be identical to the authorization request's.
                raise GrantError(
                    "invalid_grant",
                    "The 'redirect_uri' does not match the one of the authorization request.",
                )
            _check_pkce(consent.code_challenge, code_verifier)
            family_id = secrets.token_hex(16)
            self._state.families[family_id] = _Family(consent)
            record.family_id = family_id
            self.events["code_redeemed"] += 1
            return self._issue(family_id, consent.scopes, now)

    def refresh(
        self, refresh_token: str, *, client_id: str, scopes: tuple[str, ...] | None = None
    ) -> IssuedTokens:
        """Rotate a refresh token into a new pair (RFC 6749 §6, RFC 9700 §4.14.2).

        Args:
            refresh_token: The refresh token presented.
            client_id: The authenticated client.
            scopes: A narrower set of scopes to ask for, or ``None`` for all granted.

        Raises:
            GrantError: ``invalid_grant`` for a token that may not be used,
                ``invalid_scope`` for scopes beyond the grant.
        """
        with self._lock:
            try:
                issued = self._refresh(refresh_token, client_id, scopes)
            except GrantError:
                self.events["refresh_refused"] += 1
                raise
            self.events["refreshed"] += 1
            return issued

    def _refresh(
        self, refresh_token: str, client_id: str, scopes: tuple[str, ...] | None
    ) -> IssuedTokens:
        """The checks and the rotation of :meth:`refresh`; the caller holds the lock."""
        now = self._clock.now()
        record = self._state.refresh.get(refresh_token)
        if record is None:
            raise GrantError("invalid_grant", "The refresh token is not valid.")
        family = self._state.families[record.family_id]
        if family.revoked or record.revoked:
            raise GrantError("invalid_grant", "The refresh token has been revoked.")
        if record.rotated_at is not None and now > record.rotated_at + REFRESH_GRACE_PERIOD:
            # Hydra's reuse detection (graceful token refresh) and RFC 9700 §4.14.2: a rotated
            # refresh token used after the grace period revokes the whole family.
            family.revoked = True
            raise GrantError("invalid_grant", "The refresh token has already been used.")
        if family.consent.client_id != client_id:
            raise GrantError("invalid_grant", "The refresh token was issued to another client.")
        if now >= record.expires_at:
            raise GrantError("invalid_grant", "The refresh token has expired.")
        if scopes is not None and not set(scopes) <= set(record.scopes):
            raise GrantError(
                "invalid_scope", "The requested scope exceeds the scope originally granted."
            )
        if record.rotated_at is None:
            record.rotated_at = now
        # Hydra: "the access token it was issued with will be revoked. Other access tokens
        # will not be revoked" (graceful token refresh), so a competing client keeps its own.
        paired = self._state.access.get(record.paired_access or "")
        if paired is not None:
            paired.revoked = True
        granted = record.scopes if scopes is None else tuple(scopes)
        return self._issue(record.family_id, granted, now)

    def revoke(self, token: str, *, client_id: str) -> None:
        """Revoke the family of an access or refresh token (RFC 7009 §2.1).

        An unknown token is ignored, as RFC 7009 §2.2 requires.

        Raises:
            GrantError: ``unauthorized_client`` if the token belongs to another client.
        """
        with self._lock:
            record = self._state.access.get(token) or self._state.refresh.get(token)
            if record is None:
                return
            family = self._state.families[record.family_id]
            if family.consent.client_id != client_id:
                # RFC 7009 §2.1: the server verifies the token was issued to this client.
                raise GrantError("unauthorized_client", "The token was issued to another client.")
            if not family.revoked:
                self.events["revoked"] += 1
            family.revoked = True

    def revoke_consent(self, *, client_id: str, user_id: str, organization_id: str) -> int:
        """Revoke every family (and unused code) of one client and user reaching an organization.

        Returns:
            How many families were revoked.
        """
        with self._lock:
            count = 0
            for family in self._state.families.values():
                consent = family.consent
                if (
                    (consent.client_id, consent.user_id) == (client_id, user_id)
                    and consent.covers(organization_id)
                    and not family.revoked
                ):
                    family.revoked = True
                    count += 1
            for code, record in list(self._state.codes.items()):
                consent = record.consent
                if (
                    record.family_id is None
                    and (consent.client_id, consent.user_id) == (client_id, user_id)
                    and consent.covers(organization_id)
                ):
                    del self._state.codes[code]
            return count

    def authenticate(self, access_token: str) -> TokenOwner | None:
        """Return who an access token speaks for, or ``None`` if unknown, expired or revoked."""
        with self._lock:
            record = self._state.access.get(access_token)
            if record is None or record.revoked or self._clock.now() >= record.expires_at:
                return None
            family = self._state.families[record.family_id]
            if family.revoked:
                return None
            consent = family.consent
            return TokenOwner(
                consent.client_id,
                consent.user_id,
                consent.organization_id,
                record.scopes,
                consent.organization_ids,
            )

    def _issue(self, family_id: str, scopes: tuple[str, ...], now: float) -> IssuedTokens:
        access = "ory_at_" + secrets.token_urlsafe(32)
        self._state.access[access] = _Token(family_id, scopes, now + self._access_lifetime)
        refresh: str | None = None
        if "offline_access" in scopes:
            refresh = "ory_rt_" + secrets.token_urlsafe(32)
            self._state.refresh[refresh] = _Token(
                family_id, scopes, now + REFRESH_TOKEN_LIFETIME, paired_access=access
            )
        self.issued.add(access, refresh)
        return IssuedTokens(
            access_token=access,
            refresh_token=refresh,
            scopes=scopes,
            expires_in=int(self._access_lifetime),
            issued_at=now,
            consent=self._state.families[family_id].consent,
        )


def _check_pkce(challenge: str | None, verifier: str | None) -> None:
    if challenge is None:
        if verifier is not None:
            # RFC 9700 §2.1.1: a verifier without a challenge is a PKCE downgrade attempt.
            raise GrantError(
                "invalid_grant",
                "A 'code_verifier' was sent but the authorization request had no code_challenge.",
            )
        return
    if verifier is None:
        raise GrantError("invalid_grant", "The PKCE 'code_verifier' is missing.")
    if not pkce.is_valid_verifier(verifier):
        # RFC 7636 §4.1: 43 to 128 characters of [A-Za-z0-9-._~].
        raise GrantError(
            "invalid_grant", "The PKCE code verifier must be 43 to 128 unreserved characters."
        )
    if not pkce.verifier_matches(verifier, challenge):
        # RFC 7636 §4.6: the server recomputes the challenge and compares.
        raise GrantError(
            "invalid_grant", "The PKCE code challenge did not match the code verifier."
        )
