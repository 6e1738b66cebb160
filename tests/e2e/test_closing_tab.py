"""The receiver's last page closes its own tab in real Chromium: its script passes the policy.

A tab opened on the address (its history is that one page) may be closed by the page's script;
the Content Security Policy allows only the script whose hash it names, so a tab that closes
proves the hash right. The pages that do not end a sign-in keep their tab.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from qonto_desktop.oauth.errors import AuthorizationCancelledError
from qonto_desktop.oauth.loopback import Receiver
from tests.support.chromium_pipe import PipedChromium
from tests.support.components import require
from tests.support.loopback_client import STATE, listening

pytestmark = pytest.mark.browser

# The page waits 1.5 s before closing; Chromium here may be slow to start the tab.
CLOSES_WITHIN = 20.0


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[PipedChromium]:
    home = tmp_path / "browser-home"
    home.mkdir()
    with PipedChromium(require("chromium", "chromium"), home) as running:
        yield running


def genuine(receiver: Receiver) -> str:
    return f"{receiver.redirect_uri}?code=the-code&state={STATE}"


@pytest.mark.slow(seconds=4)
def test_the_connected_page_closes_its_tab(browser: PipedChromium) -> None:
    with listening(page_wait=30) as receiver, ThreadPoolExecutor(1) as pool:
        tab = browser.open_tab(genuine(receiver))
        code = pool.submit(receiver.wait, 30)
        assert code.result(timeout=30).code == "the-code"
        receiver.report_saved()
        assert browser.closes_by_itself(tab, CLOSES_WITHIN)


@pytest.mark.slow(seconds=4)
def test_the_cancelled_page_closes_its_tab(browser: PipedChromium) -> None:
    with listening() as receiver:
        receiver.cancel()
        with pytest.raises(AuthorizationCancelledError):
            receiver.wait()
        tab = browser.open_tab(genuine(receiver))
        assert browser.closes_by_itself(tab, CLOSES_WITHIN)
        receiver.close()


@pytest.mark.slow(seconds=4)
def test_a_page_that_ends_nothing_keeps_its_tab(browser: PipedChromium) -> None:
    with listening() as receiver:
        tab = browser.open_tab(f"{receiver.redirect_uri}?code=c&state=another-sign-in")
        # Twice the closing pages' delay, and a margin: it would have closed by now.
        assert not browser.closes_by_itself(tab, 5.0)
        receiver.close()
