"""Figures reach the run's summary from the report, as they do from an xdist worker."""

from __future__ import annotations

from typing import Literal

import pytest

from tests import conftest
from tests.conftest import Figure


def report(
    when: Literal["setup", "call", "teardown"], properties: list[tuple[str, object]]
) -> pytest.TestReport:
    """A test's report as a worker sends it: its phase and user properties."""
    return pytest.TestReport(
        "tests/x.py::test_x", ("tests/x.py", 1, "test_x"), {}, "passed", None, when,
        user_properties=properties,
    )  # fmt: skip


def test_a_figure_rides_on_the_report(
    figure: Figure, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    figure("elapsed (s)", 1.5)
    assert request.node.user_properties == [("figure: elapsed (s)", "1.5")]
    kept: list[tuple[str, str, str]] = []
    monkeypatch.setattr(conftest, "_FIGURES", kept)
    properties: list[tuple[str, object]] = [("figure: calls", "100"), ("other", "x")]
    conftest.pytest_runtest_logreport(report("call", properties))
    conftest.pytest_runtest_logreport(report("teardown", properties))
    assert kept == [("tests/x.py::test_x", "calls", "100")]  # once, and only figures
