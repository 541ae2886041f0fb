"""A sync paused (Ctrl-Z, a lid closed, SIGSTOP) or its event loop held up: the time the reader was
not running is not charged to the requests in flight (`reader.stalls`). A site that answered at
once is not failed for it; one that really doesn't answer still fails, after one try more. Told
here in process; a real `reader sync` stopped and resumed is tests/test_stopped_sync.py."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator

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


def test_a_request_across_an_event_loop_held_up_is_not_failed_for_it(
    httpserver: HTTPServer,
) -> None:
    """A TUI busy drawing holds up the loop the requests are on: a gap, like a stop."""

    def slow(request: Request) -> Response:
        time.sleep(0.3)  # answered while the loop is held up
        return Response(STORY.format(title=TITLE), content_type="text/html")

    httpserver.expect_request("/story.html").respond_with_handler(slow)

    async def go() -> bytes:
        limits = FetchLimits(connect_timeout=0.5, read_timeout=0.5, total_timeout=0.5, retries=0)
        async with Fetcher(limits) as fetcher:
            fetcher.retries.stalls = StallWatch(gap=0.8, tick=0.1)
            request = asyncio.create_task(fetcher.get(httpserver.url_for("/story.html")))
            await asyncio.sleep(0.05)  # under way
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
    silent, held, _ = counted_silent_server

    async def go() -> FetchError:
        limits = FetchLimits(connect_timeout=1.0, read_timeout=1.0, total_timeout=1.0, retries=0)
        async with Fetcher(limits) as fetcher:
            fetcher.retries.stalls = StallWatch(gap=0.8, tick=0.1)
            request = asyncio.create_task(fetcher.get(silent + "story.html"))
            await asyncio.sleep(0.05)
            time.sleep(1.5)  # the first try cut off
            await asyncio.sleep(0.1)  # the second under way
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
    silent, held, _ = counted_silent_server

    async def go() -> tuple[FetchError, dict[str, float]]:
        limits = FetchLimits(connect_timeout=1.0, read_timeout=0.3, total_timeout=1.0, retries=0)
        async with Fetcher(limits) as fetcher:
            # The heartbeat's first tick long after the pause: the request's timeout comes first.
            # A gap far past the try again's timeout: a busy machine's delays are not a pause.
            fetcher.retries.stalls = StallWatch(gap=2.0, tick=30.0)
            request = asyncio.create_task(fetcher.get(silent + "story.html"))
            await asyncio.sleep(0.05)  # under way
            time.sleep(3.0)  # the one pause: past the read timeout and the gap
            with pytest.raises(FetchError) as failed:
                await request
            return failed.value, fetcher.retries.unanswered.record()["hosts"]

    error, unanswered_hosts = asyncio.run(go())
    assert error.kind == ErrorKind.TIMEOUT and "paused" not in error.message, error.message
    assert len(held) == 2  # tried again once for the pause
    assert unanswered_hosts  # the host's silence is remembered for the next requests to it
