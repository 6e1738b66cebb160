"""The run starts with the longest tests, so that under xdist none starts near the end."""

from __future__ import annotations

import pytest

from tests.conftest import expected_seconds


def test_the_collection_is_sorted_longest_first(request: pytest.FixtureRequest) -> None:
    seconds = [expected_seconds(item) for item in request.session.items]
    assert seconds == sorted(seconds, reverse=True)
    assert expected_seconds(request.node) == 0.0  # an unmarked test: after every slow one


@pytest.mark.parametrize(
    ("marker", "expected"),
    [(pytest.mark.slow(seconds=90), 90.0), (pytest.mark.slow, 1.0), (pytest.mark.keyring, 0.0)],
)
def test_a_slow_marker_says_how_long(
    request: pytest.FixtureRequest, marker: pytest.MarkDecorator, expected: float
) -> None:
    request.node.add_marker(marker)
    assert expected_seconds(request.node) == expected
