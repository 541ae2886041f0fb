"""What timed out on its last try is asked once, not 1 + retries times (`reader.unanswered`): a
re-sync with one dead host no longer waits three timeouts for it; a host that answers anything
has its tries back, so a transient failure there is tried again as before."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import FetchLimits
from reader.fetch import Fetcher
from reader.library import Library
from reader.models import ErrorKind, FetchError
from tests.silent_host import Listener, SilentHost, request_path

# The whole deadline far past the read timeout: a loaded machine holding the loop 2 s had its
# one "no complete answer within 2 s" (never tried again) come first, and a dead page was asked
# once in a first sync (a flake at load 20).
LIMITS = FetchLimits(
    connect_timeout=1.0, read_timeout=0.3, total_timeout=20.0, retries=2, backoff=0.01
)

STORY = """<!doctype html><html><head><title>{title} | Fenland Gazette</title></head><body>
<article><h1>{title}</h1><p class="byline">By Ada Pinchbeck</p>
<p>The drainage board agreed on Tuesday to replace the two oldest pumps at the sluice before the
autumn rains, after an engineer's report found both running at half their rated flow.</p>
<p>Farmers along the lode had complained of standing water on the lower fields for most of last
winter, and the board's chairman said the work could not wait for next year's budget.</p>
<p>The new pumps are expected to be in place by the end of September.</p>
</article></body></html>"""


@pytest.fixture
def silent() -> Iterator[tuple[str, list[socket.socket]]]:
    """A host that accepts connections and never answers; its address and the connections."""
    host = SilentHost()
    yield host.url, host.held
    host.close()


async def counted(count: Callable[[], int], expected: int) -> int:
    """`count()` once it has come to `expected`, or what it is 10 s on: a loaded machine's
    host thread takes in a connection the reader made (and gave up on) a moment later."""
    deadline = time.monotonic() + 10.0
    while count() < expected and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    return count()


async def failing(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as failed:
        await fetcher.get(url)
    return failed.value


def test_an_address_that_timed_out_is_asked_once_and_its_host_too(
    silent: tuple[str, list[socket.socket]],
) -> None:
    base, held = silent

    async def go() -> None:
        async with Fetcher(LIMITS) as fetcher:
            error = await failing(fetcher, base + "never.html")
            assert error.kind == ErrorKind.TIMEOUT
            # 1 + retries: it may have been a passing failure.
            assert await counted(lambda: len(held), 3) == 3
            await failing(fetcher, base + "never.html")
            # Asked once: it timed out on its last try.
            assert await counted(lambda: len(held), 4) == 4
            await failing(fetcher, base + "other.html")
            # Its host's last request timed out: asked once too.
            assert await counted(lambda: len(held), 5) == 5

    asyncio.run(go())


def test_a_host_that_answers_has_its_retries_back(httpserver: HTTPServer) -> None:
    """One slow page on a host that answers: once it has answered again, a passing 503 there is
    tried again as before."""

    def slow(request: Request) -> Response:
        time.sleep(0.6)  # past the read timeout
        return Response("late", content_type="text/html")

    httpserver.expect_request("/slow.html").respond_with_handler(slow)
    httpserver.expect_request("/index.html").respond_with_data(
        "<p>home</p>", content_type="text/html"
    )
    httpserver.expect_oneshot_request("/busy.html").respond_with_data("busy", status=503)
    httpserver.expect_request("/busy.html").respond_with_data(
        STORY.format(title="Pumps to be replaced at the sluice"), content_type="text/html"
    )

    async def go() -> bytes:
        async with Fetcher(LIMITS) as fetcher:
            await failing(fetcher, httpserver.url_for("/slow.html"))
            await asyncio.sleep(1.5)  # the server (one request at a time) done with the slow ones
            await fetcher.get(httpserver.url_for("/index.html"))
            return (await fetcher.get(httpserver.url_for("/busy.html"))).body

    assert b"Pumps to be replaced" in asyncio.run(go())
    busy = [r for r, _ in httpserver.log if r.path == "/busy.html"]
    assert len(busy) == 2


def rss(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>fg-{n}</guid></item>"
        for n, (t, link) in enumerate(items)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Fenland Gazette</title>'
        f"<link>http://example.org/</link>{body}</channel></rss>"
    )


def test_the_next_sync_asks_a_dead_host_once(
    tmp_path: Path, httpserver: HTTPServer, silent: tuple[str, list[socket.socket]]
) -> None:
    """Kept in the data directory: the re-sync at the gate, with nothing new, doesn't wait
    three timeouts for the one story that never comes."""
    base, held = silent
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(
            [
                ("Pumps to be replaced at the sluice", httpserver.url_for("/sluice.html")),
                ("The story that never comes", base + "never.html"),
            ]
        ),
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/sluice.html").respond_with_data(
        STORY.format(title="Pumps to be replaced at the sluice"), content_type="text/html"
    )

    async def sync() -> list[str]:
        lib = Library(tmp_path / "data", limits=LIMITS)
        try:
            if not lib.store.feed_urls():
                lib.store.add_feed(httpserver.url_for("/feed.xml"))
            report = await lib.sync()
            return [entry.title for entry, _ in report.article_failures]
        finally:
            await lib.aclose()

    assert asyncio.run(sync()) == ["The story that never comes"]
    assert asyncio.run(counted(lambda: len(held), 3)) == 3
    assert asyncio.run(sync()) == ["The story that never comes"]
    assert asyncio.run(counted(lambda: len(held), 4)) == 4


def test_a_timeout_noted_under_a_clock_ahead_is_not_remembered() -> None:
    """A laptop whose clock was a year ahead noted its timeouts then: back on time, they would
    have kept those addresses from their tries for a year (acc29b T14's kind)."""
    from reader.unanswered import Unanswered

    url, host = "https://ledger.example/feed.xml", "ledger.example"
    year_ahead = time.time() + 365 * 86400
    unanswered = Unanswered()
    timeout = FetchError(ErrorKind.TIMEOUT, "ledger.example timed out", url, retryable=True)
    unanswered.remember({"addresses": {url: year_ahead}, "hosts": {host: year_ahead}})
    assert unanswered.retries(url, host, 2, timeout) == 2
    a_minute_ago = time.time() - 60
    unanswered.remember({"addresses": {url: a_minute_ago}, "hosts": {host: a_minute_ago}})
    assert unanswered.retries(url, host, 2, timeout) == 0  # a timeout of a minute ago still counts


class HotelHost(Listener):
    """A host on a hotel network, one thread per connection: /stall.html sends its head and half
    its body, then nothing (/late.html so the first time only); /drop.html breaks off its first `drops` answers a third of the way
    (or, with `hold` set, goes on trickling its body until `hold` is cleared: its head came
    before whatever the test does meanwhile); any other page comes whole. Counts each path's
    requests."""

    def __init__(self, drops: int = 0, hold: bool = False, port: int = 0) -> None:
        self.drops = drops
        self.asked: dict[str, int] = {}
        self.holding = threading.Event()
        if hold:
            self.holding.set()
        self._lock = threading.Lock()
        super().__init__(self._accept, port=port)
        self.url = f"http://127.0.0.1:{self.port}/"

    def _accept(self) -> None:
        self.answer_each(self._answer)

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(5.0)
        path = request_path(conn)
        if path is None:
            return
        with self._lock:
            self.asked[path] = tried = self.asked.get(path, 0) + 1
            self.held.append(conn)  # closed with the host
        body = STORY.format(title="Pumps to be replaced at the sluice").encode() * 20
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        )
        if path == "/stall.html" or (path == "/late.html" and tried == 1):
            conn.sendall(body[: len(body) // 2])
            return  # and nothing more
        if path == "/drop.html" and tried <= self.drops:
            sent = len(body) // 3
            conn.sendall(body[:sent])
            while self.holding.is_set() and sent < len(body) - 1 and not self._stop.is_set():
                conn.sendall(body[sent : sent + 1])  # bytes coming: no timeout of its own
                sent += 1
                time.sleep(0.02)
            conn.shutdown(socket.SHUT_RDWR)
            return
        conn.sendall(body)
        conn.shutdown(socket.SHUT_RDWR)


# A read timeout a loaded machine's whole answers stay well inside: a page timing out that
# should have come would be tried no more, its host having timed out.
HOTEL = FetchLimits(
    connect_timeout=2.0, read_timeout=1.0, total_timeout=60.0, retries=2, backoff=0.01
)


@pytest.fixture
def hotel() -> Iterator[Callable[..., HotelHost]]:
    hosts: list[HotelHost] = []

    def start(**kwargs: Any) -> HotelHost:
        hosts.append(HotelHost(**kwargs))
        return hosts[-1]

    yield start
    for host in hosts:
        host.close()


def test_a_dropped_answer_is_tried_again_after_its_neighbour_timed_out(
    hotel: Callable[..., HotelHost],
) -> None:
    """acc36a G10: one stalled page timed out for good, then the next page on that host broke
    off twice: its host had answered (its head came), so it is tried again and comes whole."""
    host = hotel(drops=2)

    async def go() -> bytes:
        async with Fetcher(HOTEL) as fetcher:
            assert (await failing(fetcher, host.url + "stall.html")).kind == ErrorKind.TIMEOUT
            return (await fetcher.get(host.url + "drop.html")).body

    assert b"Pumps to be replaced" in asyncio.run(go())
    asyncio.run(counted(lambda: sum(host.asked.values()), 6))
    assert host.asked == {"/stall.html": 3, "/drop.html": 3}


def test_an_answer_broken_off_as_its_neighbour_times_out_is_tried_again(
    hotel: Callable[..., HotelHost],
) -> None:
    """The page's head came before its neighbour's last timeout, its body was broken off after:
    "asked once" is for timeouts, not for a host answering in the same seconds."""
    host = hotel(drops=1, hold=True)

    async def go() -> bytes:
        async with Fetcher(HOTEL) as fetcher:
            dropping = asyncio.create_task(fetcher.get(host.url + "drop.html"))
            assert (await failing(fetcher, host.url + "stall.html")).kind == ErrorKind.TIMEOUT
            assert not dropping.done()  # still coming, its head long since
            host.holding.clear()  # now broken off
            return (await dropping).body

    assert b"Pumps to be replaced" in asyncio.run(go())
    asyncio.run(counted(lambda: sum(host.asked.values()), 5))
    assert host.asked == {"/stall.html": 3, "/drop.html": 2}


def test_a_page_stalling_where_one_stalled_is_asked_once(
    hotel: Callable[..., HotelHost],
) -> None:
    """After one page stalled (its head, half its body, then nothing) for good, the next page's
    head came and its body stalled too: its host stalls, and that page is not tried again, as
    a timeout is not where a neighbour timed out. Its head gave no tries back: a host stalling
    every body gave each new page its three tries, only the give-up after 12 capping them
    (sync37's tester)."""
    host = hotel()

    async def go() -> FetchError:
        async with Fetcher(HOTEL) as fetcher:
            await failing(fetcher, host.url + "stall.html")
            return await failing(fetcher, host.url + "late.html")

    assert asyncio.run(go()).kind == ErrorKind.TIMEOUT
    asyncio.run(counted(lambda: sum(host.asked.values()), 4))
    assert host.asked == {"/stall.html": 3, "/late.html": 1}


def test_a_host_whose_page_came_whole_has_its_tries_back(hotel: Callable[..., HotelHost]) -> None:
    """After one page stalled for good, another came whole: the host answers, and the next
    page whose body stalls is tried again (and comes)."""
    host = hotel()

    async def go() -> bytes:
        async with Fetcher(HOTEL) as fetcher:
            await failing(fetcher, host.url + "stall.html")
            await fetcher.get(host.url + "whole.html")
            return (await fetcher.get(host.url + "late.html")).body

    assert b"Pumps to be replaced" in asyncio.run(go())
    asyncio.run(counted(lambda: sum(host.asked.values()), 6))
    assert host.asked == {"/stall.html": 3, "/whole.html": 1, "/late.html": 2}


def test_a_page_that_timed_out_is_still_asked_once_after_an_offline_try(
    hotel: Callable[..., HotelHost],
) -> None:
    """A try that could not connect (offline) says nothing of whether the page answers in
    time: the page that stalled before is asked once when the network is back (acc36a's
    observation: a first sync back online asked each stalled page three times)."""
    host = hotel()

    async def go() -> None:
        async with Fetcher(HOTEL) as fetcher:
            await failing(fetcher, host.url + "stall.html")
            await counted(lambda: sum(host.asked.values()), 3)
            assert host.asked == {"/stall.html": 3}
            host.close()  # offline: connections refused
            refused = await failing(fetcher, host.url + "stall.html")
            assert refused.kind == ErrorKind.NETWORK
            back = hotel(port=host.port)
            await failing(fetcher, host.url + "stall.html")
            await counted(lambda: sum(back.asked.values()), 1)
            assert back.asked == {"/stall.html": 1}

    asyncio.run(go())
