"""Debian's Chromium, headless, as the browser the app opens in end-to-end tests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


class HeadlessChromium:
    """Opens addresses in headless Chromium, as the system browser would; one page per call.

    Each page is loaded with ``--dump-dom``: Chromium follows the redirects (Qonto's 302 to the
    loopback), prints the final page and exits. ``close`` ends any still running.
    """

    def __init__(self, executable: str, home: Path, *, accept_language: str | None = None) -> None:
        """``accept_language``: what the browser asks sites for (``--accept-lang``), e.g.
        ``"fr-FR,fr"``; ``None`` keeps Chromium's own (English here)."""
        self._executable = executable
        self._home = home
        self.accept_language = accept_language
        self._processes: list[subprocess.Popen[str]] = []

    def open(self, url: str) -> bool:
        """Start loading ``url`` in the background, like a browser the app cannot wait for."""
        profile = self._home / f"profile-{len(self._processes)}"
        profile.mkdir(parents=True)
        process = subprocess.Popen(
            [
                self._executable,
                "--headless",
                "--no-sandbox",  # root in CI; the sandbox needs an unprivileged user
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                *([f"--accept-lang={self.accept_language}"] if self.accept_language else []),
                "--dump-dom",
                url,
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env={"HOME": str(self._home), "PATH": "/usr/bin:/bin"},
        )
        self._processes.append(process)
        return True

    def last_page(self, timeout: float = 60.0) -> str:
        """Wait for the last opened page to finish loading and return its final DOM."""
        out, _ = self._processes[-1].communicate(timeout=timeout)
        return out

    def close(self) -> None:
        """End every Chromium this object started."""
        for process in self._processes:
            if process.poll() is None:
                process.kill()
            process.communicate()


def main(argv: list[str]) -> int:
    """``python -m tests.support.chromium HOME URL``: load one page, as a system browser would.

    Used as ``QONTO_DESKTOP_BROWSER`` when the app itself runs in a subprocess.
    """
    home, url = Path(argv[0]), argv[1]
    browser = HeadlessChromium(shutil.which("chromium") or "chromium", home)
    browser.open(url)
    try:
        browser.last_page()
    finally:
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
