"""Hostile HTTP traffic for a loopback receiver: generated requests, their checks, idle crowds.

Every request is built from a fixed seed, so a failure replays exactly. Each carries a marker
such as ``<x-probe-123>`` (raw, or percent-encoded) in its path, query or header fields: no
answer may ever contain it unescaped. Many requests are "near misses" of the genuine callback
(right state and code, but one thing wrong): none may complete the receiver. Used by
``tests/unit/oauth/test_loopback_hostile.py`` and ``bench/receiver_hostile.py``.
"""

from __future__ import annotations

import random
import selectors
import socket
import string
import threading
from collections import Counter
from dataclasses import dataclass, field
from types import TracebackType

from tests.support.loopback_client import HOST, STATE, call, exchange, host_field

SEED = 8252
REQUESTS = 10_000
CLIENTS = 4
IDLE = 100
HEALTH_EVERY = 250
TCHAR = string.ascii_letters + string.digits + "!#$%&'*+-.^_`|~"
VISIBLE = "".join(chr(c) for c in range(0x21, 0x7F))


@dataclass(frozen=True)
class Probe:
    """One generated request and what may come back."""

    kind: str
    data: bytes
    allowed: frozenset[int]  # statuses; empty: the server must close without a word
    head_only: bool = False


@dataclass
class Tally:
    """What the clients saw; merged under a lock."""

    sent: int = 0
    wrong_answers: list[str] = field(default_factory=list)
    reflections: int = 0
    false_completions: int = 0
    unanswered: int = 0
    crashes: int = 0
    kinds: Counter[str] = field(default_factory=Counter)


def head(
    method: str, target: str, fields: list[tuple[str, str]], version: str = "HTTP/1.1"
) -> bytes:
    lines = [f"{method} {target} {version}", *(f"{name}: {value}" for name, value in fields)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def generate(  # noqa: PLR0911, PLR0912 - one branch per kind
    number: int, port: int, address: str = HOST
) -> Probe:
    """Build request ``number`` for ``address``: deterministic, whatever thread sends it."""
    rng = random.Random(SEED * 1_000_003 + number)  # noqa: S311 - seeded on purpose: replayable
    marker = f"<x-probe-{number}>"
    encoded = f"%3Cx-probe-{number}%3E"
    ok_host = ("Host", host_field(address, port))
    genuine_query = f"code={marker}&state={STATE}"

    def junk(length: int, alphabet: str = VISIBLE) -> str:
        return "".join(rng.choice(alphabet) for _ in range(length))

    kind = rng.choice(
        [
            "wrong-state", "wrong-state", "near-miss", "near-miss", "near-miss", "random-path",
            "random-method", "junk-fields", "long-line", "long-field", "many-fields", "big-head",
            "binary", "truncated", "empty", "bad-field", "body", "encoded", "pipelined",
        ]
    )  # fmt: skip
    if kind == "wrong-state":
        wrong = rng.choice(
            [junk(20, TCHAR), STATE[:-1], STATE + "x", STATE.upper(), marker, "", encoded]
        )
        query = rng.choice([f"code={marker}&state={wrong}", f"error={encoded}&state={wrong}"])
        return Probe(kind, head("GET", f"/callback?{query}", [ok_host]), frozenset({400}))
    if kind == "near-miss":  # the genuine callback, but for one thing
        flaw = rng.randrange(12)
        target = f"/callback?{genuine_query}"
        if flaw == 0:
            host = rng.choice(["evil.example", f"evil.example:{port}", marker, f"{HOST}:1"])
            return Probe(kind, head("GET", target, [("Host", host)]), frozenset({400}))
        if flaw == 1:
            return Probe(kind, head("GET", target, []), frozenset({400}))
        if flaw == 2:
            method = rng.choice(["POST", "PUT", "DELETE", "OPTIONS", "get", "Get", "CONNECT"])
            return Probe(kind, head(method, target, [ok_host]), frozenset({405}))
        if flaw == 3:
            return Probe(kind, head("HEAD", target, [ok_host]), frozenset({200}), head_only=True)
        if flaw == 4:
            purpose = rng.choice([("Sec-Purpose", "prefetch"), ("Purpose", "prefetch")])
            return Probe(kind, head("GET", target, [ok_host, purpose]), frozenset({204}))
        if flaw == 5:
            path = rng.choice(["/callback/", "/Callback", "/favicon.ico", f"/callback{marker}"])
            return Probe(kind, head("GET", f"{path}?{genuine_query}", [ok_host]), frozenset({404}))
        if flaw == 6:
            query = f"{genuine_query}&state={STATE}"
            return Probe(kind, head("GET", f"/callback?{query}", [ok_host]), frozenset({400}))
        if flaw == 7:
            query = f"code=a&code={marker}&state={STATE}"
            return Probe(kind, head("GET", f"/callback?{query}", [ok_host]), frozenset({400}))
        if flaw == 8:
            absolute = f"http://{host_field(address, port)}{target}"
            return Probe(kind, head("GET", absolute, [ok_host]), frozenset({400}))
        if flaw == 9:
            data = head("GET", target, [ok_host])
            return Probe(kind, data[: rng.randrange(1, len(data) - 2)], frozenset({400}))
        if flaw == 10:
            version = rng.choice(["HTTP/1.2", "HTTP/2.0", "http/1.1", "HTTP/1.1 "])
            return Probe(kind, head("GET", target, [ok_host], version), frozenset({400}))
        return Probe(kind, head("GET", target, [ok_host, ok_host]), frozenset({400}))
    if kind == "random-path":
        path = "/" + junk(rng.randrange(0, 60)) + marker + junk(rng.randrange(0, 20))
        return Probe(kind, head("GET", path, [ok_host]), frozenset({400, 404}))
    if kind == "random-method":
        method = junk(rng.randrange(1, 12), TCHAR)
        if method in ("GET", "HEAD"):
            method = "X" + method
        target = rng.choice(["/callback", f"/callback?{genuine_query}", f"/{marker}"])
        return Probe(kind, head(method, target, [ok_host]), frozenset({405}))
    if kind == "junk-fields":
        fields = [ok_host] + [
            ("X-" + junk(rng.randrange(1, 20), TCHAR), junk(rng.randrange(0, 80)) + marker)
            for _ in range(rng.randrange(1, 30))
        ]
        rng.shuffle(fields)
        target = f"/callback?code={marker}&state=not-{marker}"
        return Probe(kind, head("GET", target, fields), frozenset({400}))
    if kind == "long-line":
        target = f"/callback?{genuine_query}&pad=" + marker + "a" * rng.randrange(8200, 30000)
        return Probe(kind, head("GET", target, [ok_host]), frozenset({414}))
    if kind == "long-field":
        value = marker + "v" * rng.randrange(8200, 20000)
        return Probe(
            kind,
            head("GET", f"/callback?{genuine_query}", [ok_host, ("X-Long", value)]),
            frozenset({431}),
        )
    if kind == "many-fields":
        fields = [ok_host] + [(f"X-{i}", marker) for i in range(rng.randrange(101, 160))]
        return Probe(kind, head("GET", f"/callback?{genuine_query}", fields), frozenset({431}))
    if kind == "big-head":
        fields = [ok_host] + [(f"X-{i}", marker + "b" * 4000) for i in range(rng.randrange(9, 20))]
        return Probe(kind, head("GET", f"/callback?{genuine_query}", fields), frozenset({431}))
    if kind == "binary":
        data = rng.randbytes(rng.randrange(1, 4096)) + marker.encode()
        if data.startswith((b"\n", b"\r\n")):
            data = b"\x00" + data
        return Probe(kind, data, frozenset({400}))
    if kind == "truncated":
        data = head("GET", f"/callback?{genuine_query}", [ok_host, ("X-Probe", marker)])
        return Probe(kind, data[: rng.randrange(1, len(data) - 2)], frozenset({400}))
    if kind == "empty":
        return Probe(kind, b"", frozenset())
    if kind == "bad-field":
        bad = rng.choice(
            [f"X-A: a\rb{marker}", f"X-A: \x00{marker}", f"X-A : {marker}", f" folded {marker}",
             f"no colon {marker}", f"X\x7fA: {marker}", f"X-A: {marker}\x01"]
        )  # fmt: skip
        ok = host_field(address, port)
        text = f"GET /callback?{genuine_query} HTTP/1.1\r\nHost: {ok}\r\n{bad}\r\n\r\n"
        return Probe(kind, text.encode("latin-1"), frozenset({400}))
    if kind == "body":
        body = (marker * rng.randrange(1, 200)).encode()
        fields = [ok_host, ("Content-Length", str(len(body)))]
        data = head("POST", f"/callback?{genuine_query}", fields) + body
        return Probe(kind, data, frozenset({405}))
    if kind == "encoded":
        query = f"error={encoded}&error_description={encoded}&state={encoded}"
        target = rng.choice([f"/callback?{query}", f"/{encoded}?{query}"])
        return Probe(kind, head("GET", target, [ok_host, ("X-E", encoded)]), frozenset({400, 404}))
    # pipelined: a wrong-state request, then the genuine one on the same connection (never read)
    first = head("GET", f"/callback?code={marker}&state=wrong", [ok_host])
    return Probe(
        kind, first + head("GET", f"/callback?{genuine_query}", [ok_host]), frozenset({400})
    )


class IdleCrowd:
    """Holds ``size`` connections open to the receiver: half silent, half slow (a few bytes)."""

    def __init__(self, port: int, size: int, address: str = HOST) -> None:
        self._port = port
        self._address = address
        self._size = size
        self._selector = selectors.DefaultSelector()
        self._wake_in, self._wake_out = socket.socketpair()
        self._lock = threading.Lock()
        self._frozen = False
        self.reopened = 0
        self.lost = 0
        self._thread = threading.Thread(target=self._run, name="idle-crowd")

    def __enter__(self) -> IdleCrowd:
        self._selector.register(self._wake_in, selectors.EVENT_READ, None)
        for number in range(self._size):
            self._open(number)
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._wake_out.send(b"x")
        self._thread.join()
        for key in list(self._selector.get_map().values()):
            key.fileobj.close()  # type: ignore[union-attr]
        self._selector.close()
        self._wake_out.close()

    def freeze(self) -> int:
        """Stop replacing dropped connections; return how many are open right now."""
        with self._lock:
            self._frozen = True
            return len(self._selector.get_map()) - 1

    def _open(self, number: int) -> None:
        sock = socket.create_connection((self._address, self._port), timeout=10)
        if number % 2:
            sock.sendall(b"GET /callback?state=slow-" + str(number).encode())  # then stalls
        sock.setblocking(False)
        self._selector.register(sock, selectors.EVENT_READ, number)

    def _run(self) -> None:
        while True:
            for key, _ in self._selector.select():
                if key.data is None:
                    return
                sock: socket.socket = key.fileobj  # type: ignore[assignment]
                try:
                    if sock.recv(4096):
                        continue  # an answer to an idle connection: ignore it, stay open
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    pass  # dropped with a reset after the server's read timeout
                with self._lock:
                    self._selector.unregister(sock)
                    sock.close()
                    if not self._frozen:
                        try:
                            self._open(key.data)
                            self.reopened += 1
                        except OSError:
                            self.lost += 1  # the receiver stopped listening: it must not have


def check(number: int, probe: Probe, raw: bytes, seen: Tally) -> None:
    """Judge one answer against what the probe allows."""
    if b"<x-probe-" in raw:
        seen.reflections += 1
    if not probe.allowed:
        if raw:
            seen.wrong_answers.append(f"{number} {probe.kind}: answered {raw[:40]!r}")
        return
    status_line, _, rest = raw.partition(b"\r\n")
    fields, _, body = rest.partition(b"\r\n\r\n")
    status = int(status_line.split(b" ")[1]) if status_line.startswith(b"HTTP/1.1 ") else 0
    if status not in probe.allowed:
        seen.wrong_answers.append(f"{number} {probe.kind}: {status_line[:40]!r}")
    if b"Referrer-Policy: no-referrer" not in fields or b"Cache-Control: no-store" not in fields:
        seen.wrong_answers.append(f"{number} {probe.kind}: security headers missing")
    if status == 200 and not probe.head_only:  # the success or failure page: it completed
        seen.false_completions += 1
    if probe.head_only and body:
        seen.wrong_answers.append(f"{number} {probe.kind}: HEAD answered with a body")


def run_client(
    client: int,
    port: int,
    tally: Tally,
    lock: threading.Lock,
    *,
    address: str = HOST,
    clients: int = CLIENTS,
) -> None:
    """Send this client's share of the requests to ``address``, check every answer, and check
    health often. ``clients`` is how many share the :data:`REQUESTS` between them."""
    seen = Tally()
    for number in range(client, REQUESTS, clients):
        if number % HEALTH_EVERY < clients:
            try:
                seen.crashes += call(port, "/favicon.ico", address=address).status != 404
            except OSError:
                seen.crashes += 1
        probe = generate(number, port, address)
        seen.kinds[probe.kind] += 1
        seen.sent += 1
        try:
            raw = exchange(port, probe.data, address=address)
        except OSError:
            seen.unanswered += 1
            continue
        check(number, probe, raw, seen)
    with lock:
        tally.sent += seen.sent
        tally.wrong_answers += seen.wrong_answers
        tally.reflections += seen.reflections
        tally.false_completions += seen.false_completions
        tally.unanswered += seen.unanswered
        tally.crashes += seen.crashes
        tally.kinds.update(seen.kinds)
