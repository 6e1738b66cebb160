"""The one client ID rule: printable ASCII as RFC 6749 §A.1 allows, no spaces, no ``#``, and short
enough that its client secret can always be saved."""

from __future__ import annotations

import pytest

from qonto_desktop.connections.client_id import MAX_LENGTH, check_client_id, client_id_problem
from qonto_desktop.connections.errors import ConfigurationError
from qonto_desktop.connections.keys import client_secret_key
from qonto_desktop.qonto.environments import ENVIRONMENT_NAMES
from qonto_desktop.store.secrets import SecretStore
from tests.support.keyrings import MemoryKeyring


@pytest.mark.parametrize(
    "accepted",
    [
        "0c1d2e3f-aaaa-bbbb-cccc-0123456789ab",  # Qonto's look
        "firm-app_1.client~x",  # not a UUID: accepted all the same
        "!$%&'()*+,-./:;<=>?@[\\]^_`{|}~",  # every sign but the space and #
        "x" * MAX_LENGTH,
    ],
)
def test_printable_ascii_without_spaces_is_a_client_id(accepted: str) -> None:
    assert client_id_problem(accepted) is None
    assert check_client_id(f"  {accepted}\n") == accepted


@pytest.mark.parametrize(
    ("refused", "reason"),
    [
        ("", "Enter the client ID."),
        (" \t\n", "Enter the client ID."),
        ("firm client", "A client ID has no spaces or line breaks inside."),
        ("firm\u00a0client", "A client ID has no spaces or line breaks inside."),
        (
            "firm\x00client",
            "A client ID holds only letters, digits and ASCII signs such as - and _.",
        ),
        (
            "firm\x7fclient",
            "A client ID holds only letters, digits and ASCII signs such as - and _.",
        ),
        ("clïent", "A client ID holds only letters, digits and ASCII signs such as - and _."),
        (
            "firm\u202eclient",
            "A client ID holds only letters, digits and ASCII signs such as - and _.",
        ),
        ("firm#1", "A client ID with # cannot be used: its secret could not be saved."),
        ("x" * (MAX_LENGTH + 1), "This is too long for a client ID (more than 150 characters)."),
    ],
)
def test_anything_else_is_refused_with_its_reason(refused: str, reason: str) -> None:
    problem = client_id_problem(refused)
    assert problem is not None
    assert problem.english() == reason
    with pytest.raises(ConfigurationError) as raised:
        check_client_id(refused)
    assert raised.value.message == reason
    assert (
        raised.value.next_action == "Copy the client ID of your app from Qonto's Developer Portal."
    )


def test_a_huge_client_id_is_not_repeated() -> None:
    with pytest.raises(ConfigurationError) as raised:
        check_client_id("A" * 100_000)
    assert len(str(raised.value)) < 200


@pytest.mark.parametrize("environment", ENVIRONMENT_NAMES)
def test_the_longest_client_id_accepted_gets_its_secret_saved(environment: str) -> None:
    store = SecretStore(MemoryKeyring())
    key = client_secret_key(environment, "x" * MAX_LENGTH)
    store.set(key, "the-secret")
    assert store.get(key) == "the-secret"
