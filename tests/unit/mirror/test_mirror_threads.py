"""Two clients synced at once on two threads: neither corrupts nor locks the other out."""

from __future__ import annotations

import threading
from pathlib import Path

from qonto_desktop.mirror.bank_mirror import Mirror
from tests.support.bank_data import transaction

PAGES = 40


def test_two_threads_write_pages_at_once(tmp_path: Path) -> None:
    mirror = Mirror(tmp_path / "m.sqlite3")
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def sync(client: str) -> None:
        try:
            start.wait()
            for page in range(PAGES):
                items = [transaction(page * 5 + n) for n in range(5)]
                mirror.save_page(client, f"org-{client}", "acc-1", items)
                mirror.counts()  # readers go on while the other thread writes
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=sync, args=(c,)) for c in ("c1", "c2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = mirror.counts()
    assert counts["c1"].transactions == counts["c2"].transactions == PAGES * 5
    assert mirror.cursor("c1", "acc-1") == transaction(PAGES * 5 - 1).updated_at
    mirror.close()


def test_a_second_mirror_object_on_the_same_file_sees_the_writes(tmp_path: Path) -> None:
    one = Mirror(tmp_path / "m.sqlite3")
    other = Mirror(tmp_path / "m.sqlite3")  # another process, as far as SQLite knows
    one.save_page("c1", "org-1", "acc-1", [transaction(1)])
    assert other.cursor("c1", "acc-1") == transaction(1).updated_at
    one.close()
    other.close()
