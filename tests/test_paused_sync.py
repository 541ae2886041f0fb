"""A sync paused (Ctrl-Z, a lid closed, SIGSTOP) or its event loop held up: the time the reader was
not running is not charged to the requests in flight (`reader.stalls`). A site that answered at
once is not failed for it; one that really doesn't answer still fails, after one try more. Told
here in process; a real `reader sync` stopped and resumed is tests/test_stopped_sync.py."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import FetchLimits
from reader.fetch import Fetcher
from reader.models import ErrorKind, FetchError
from reader.stalls import StallWatch
from tests.silent_host import SilentHost

STORY = """<!doctype html><html><head><title>{title} | The Estuary Post</title></head><body>
<article><h1>{title}</h1><p>The ferry company told passengers on Monday that the morning
crossing would run to its winter timetable from next week.</p></article></body></html>"""
TITLE = "Winter timetable for the morning ferry"


@pytest.fixture
def counted_silent_server() -> Iterator[tuple[str, list[socket.socket], threading.Event]]:
    """Accepts connections and never answers; gives its address, the connections it took, and
    an event set at the first."""
    host = SilentHost()
    yield host.url, host.held, host.first
    host.close()


async def _until(condition: Callable[[], bool]) -> None:
    """Until `condition` holds, the event loop running meanwhile: a request "under way" is one
    the server has seen, not one a fixed 0.05 s was taken to start on a loaded machine."""
    deadline = time.monotonic() + 40  # a guard against a hang, not a measure
    while not condition():
        assert time.monotonic() < deadline, "the request never reached the server"
        await asyncio.sleep(0.01)


def test_a_request_across_an_event_loop_held_up_is_not_failed_for_it(
    httpserver: HTTPServer,
) -> None:
    """A TUI busy drawing holds up the loop the requests are on: a gap, like a stop."""
    arrived = threading.Event()

    def slow(request: Request) -> Response:
        if not arrived.is_set():
            arrived.set()
            time.sleep(0.3)  # answered while the loop is held up
        # A try again answers at once: its 0.5 s are not a race with a loaded machine.
        return Response(STORY.format(title=TITLE), content_type="text/html")

    httpserver.expect_request("/story.html").respond_with_handler(slow)

    async def go() -> bytes:
        limits = FetchLimits(connect_timeout=0.5, read_timeout=0.5, total_timeout=0.5, retries=0)
        async with Fetcher(limits) as fetcher:
            fetcher.retries.stalls = StallWatch(gap=0.8, tick=0.1)
            request = asyncio.create_task(fetcher.get(httpserver.url_for("/story.html")))
            await _until(arrived.is_set)  # under way
            time.sleep(1.5)  # CPU work on the loop, past the total timeout and the gap
            return (await request).body

    assert TITLE.encode() in asyncio.run(go())


def test_a_request_that_times_out_with_the_loop_running_is_failed_as_before(
    counted_silent_server: tuple[str, list[socket.socket], threading.Event],
) -> None:
    silent, held, _ = counted_silent_server

    async def go() -> FetchError:
        limits = FetchLimits(connect_timeout=0.5, read_timeout=0.3, total_timeout=1.0, retries=1)
        async with Fetcher(limits) as fetcher:  # the watch as it is: no gap of 3 s here
            with pytest.raises(FetchError) as failed:
                await fetcher.get(silent + "story.html")
            return failed.value

    error = asyncio.run(go())
    assert error.kind == ErrorKind.TIMEOUT and "paused" not in error.message
    assert len(held) == 2  # the one retry configured, no more


def test_a_request_cut_off_by_a_second_pause_says_the_reader_was_paused(
    counted_silent_server: tuple[str, list[socket.socket], threading.Event],
) -> None:
    """Tried again once after a pause, and cut off by another: the failure is the reader's."""
    silent, held, first = counted_silent_server

    async def go() -> FetchError:
        limits = FetchLimits(connect_timeout=1.0, read_timeout=1.0, total_timeout=1.0, retries=0)
        async with Fetcher(limits) as fetcher:
            fetcher.retries.stalls = StallWatch(gap=0.8, tick=0.1)
            request = asyncio.create_task(fetcher.get(silent + "story.html"))
            await _until(first.is_set)  # under way
            time.sleep(1.5)  # the first try cut off
            await _until(lambda: len(held) == 2)  # the second under way
            time.sleep(1.5)  # and cut off too
            with pytest.raises(FetchError) as failed:
                await request
            return failed.value

    error = asyncio.run(go())
    assert error.kind == ErrorKind.TIMEOUT and "the reader having been paused" in error.message
    assert len(held) == 2


def test_a_try_again_begun_before_the_heartbeat_saw_the_pause_is_not_cut_off_by_it(
    counted_silent_server: tuple[str, list[socket.socket], threading.Event],
) -> None:
    """As the loop wakes, a request's timeout may come before the heartbeat's tick: its try
    again then begins before the gap is noted. That try, timing out on its own with the loop
    running, is the host's failure (kept as unanswered), not a second pause of the reader's."""
    silent, held, first = counted_silent_server

    async def go() -> tuple[FetchError, dict[str, float]]:
        limits = FetchLimits(connect_timeout=1.0, read_timeout=0.3, total_timeout=1.0, retries=0)
        async with Fetcher(limits) as fetcher:
            # The heartbeat's first tick long after the pause: the request's timeout comes first.
            # A gap far past the try again's timeout: a busy machine's delays are not a pause.
            fetcher.retries.stalls = StallWatch(gap=2.0, tick=30.0)
            request = asyncio.create_task(fetcher.get(silent + "story.html"))
            await _until(first.is_set)  # under way
            time.sleep(3.0)  # the one pause: past the read timeout and the gap
            with pytest.raises(FetchError) as failed:
                await request
            return failed.value, fetcher.retries.unanswered.record()["hosts"]

    error, unanswered_hosts = asyncio.run(go())
    assert error.kind == ErrorKind.TIMEOUT and "paused" not in error.message, error.message
    assert len(held) == 2  # tried again once for the pause
    assert unanswered_hosts  # the host's silence is remembered for the next requests to it


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def _serve_later(port: int, after: float) -> Iterator[None]:
    """A site that comes up on `port` `after` seconds from now (refused until then), as one
    reached again once a woken laptop has rejoined its Wi-Fi."""
    import http.server

    class Story(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = STORY.format(title=TITLE).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    servers: list[http.server.ThreadingHTTPServer] = []

    def start() -> None:
        time.sleep(after)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Story)
        servers.append(server)
        server.serve_forever()

    threading.Thread(target=start, daemon=True).start()
    yield
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("paused_first", [True, False], ids=["after-a-pause", "no-pause"])
def test_a_connection_refused_just_after_a_wake_is_tried_until_the_network_is_back(
    httpserver: HTTPServer, paused_first: bool
) -> None:
    """A lid opened mid-sync: for a few seconds the Wi-Fi is not back, and every request is
    refused at once. Those are tried again after short waits, not failed; with no pause, a
    refused connection fails at once, as before."""

    def slow(request: Request) -> Response:
        time.sleep(1.0)  # in flight across the pause: the heartbeat runs
        return Response(STORY.format(title=TITLE), content_type="text/html")

    httpserver.expect_request("/story.html").respond_with_handler(slow)
    port = _free_port()

    async def go() -> str:
        limits = FetchLimits(read_timeout=5.0, total_timeout=8.0, retries=0)
        async with Fetcher(limits) as fetcher:
            fetcher.retries.stalls = StallWatch(gap=0.8, tick=0.1)
            under_way = asyncio.create_task(fetcher.get(httpserver.url_for("/story.html")))
            await asyncio.sleep(0.1)
            if paused_first:
                time.sleep(1.5)  # the lid closed
                await asyncio.sleep(0.2)  # woken: the heartbeat sees the gap
            with _serve_later(port, 1.0):
                try:
                    await fetcher.get(f"http://127.0.0.1:{port}/story.html")
                except FetchError as error:
                    return error.message
                finally:
                    await under_way
            return "ok"

    said = asyncio.run(go())
    if paused_first:
        assert said == "ok"
    else:
        assert "cannot connect" in said or "refused" in said, said
