"""One long-lived thread that runs a secret store's keyring calls, each with a deadline.

A locked or hung keyring can block a call for ever (an unlock prompt nobody sees), and neither
keyring nor SecretStorage bounds an ordinary D-Bus call with a timeout of its own. So the calls
go to this worker and the caller waits at most its deadline. One thread serves every call of a
store, in order: no thread is started per call, and a backend's connection (the Secret
Service's D-Bus socket) is only ever used from that one thread.

The thread is a daemon: a call still hung when the program ends never keeps it alive. It also
ends when its store is garbage-collected (the store holds the only reference to the worker).
"""

from __future__ import annotations

import queue
import threading
import weakref
from collections.abc import Callable
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Job(Generic[T]):
    """One call handed to the worker: done once it returned or raised."""

    def __init__(self, call: Callable[[], T]) -> None:
        self.call: Callable[[], object] = call
        self.done = threading.Event()
        self.outcome: list[T] = []
        self.failure: BaseException | None = None

    def run(self) -> None:
        """Run the call, keeping what it returned or raised for the waiting thread."""
        try:
            self.outcome.append(cast("T", self.call()))
        except BaseException as error:  # handed to the waiting thread, re-raised there
            self.failure = error
        finally:
            self.call = _spent  # drop the closure (it may hold secrets) once run
            self.done.set()


def _spent() -> None:
    raise AssertionError("a keyring job ran twice")


_STOP = None
# How long a keyring call may take before it counts as hung (the secret store's default).
KEYRING_TIMEOUT = 10.0
KEYRING_WORKER = "keyring-worker"  # the threads' name


def _serve(jobs: queue.SimpleQueue[Job[object] | None]) -> None:
    while (job := jobs.get()) is not _STOP:
        job.run()
        del job  # what it returned or raised is the caller's now, not this frame's


class KeyringWorker:
    """The worker thread of one secret store, started on the first call.

    Args:
        name: the thread's name (shows in thread dumps and logs).
    """

    def __init__(self, name: str = KEYRING_WORKER) -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[Job[object] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        # The thread sees only the queue, never this object: when the store goes, it stops.
        weakref.finalize(self, self._jobs.put, _STOP)

    @property
    def thread(self) -> threading.Thread | None:
        """The worker thread, once started."""
        return self._thread

    def submit(self, call: Callable[[], T]) -> Job[T]:
        """Queue ``call``; it runs after every call queued before it."""
        job = Job(call)
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=_serve, args=(self._jobs,), name=self._name, daemon=True
                )
                self._thread.start()
        self._jobs.put(job)  # type: ignore[arg-type]  # the queue holds jobs of any result type
        return job
