"""A sync paused (Ctrl-Z, a lid closed, SIGSTOP) or its event loop held up: the time the reader was
not running is not charged to the requests in flight (`reader.stalls`). A site that answered at
once is not failed for it; one that really doesn't answer still fails, after one try more."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.config import FetchLimits
from reader.fetch import Fetcher
from reader.models import ErrorKind, FetchError
from reader.stalls import StallWatch
from tests.silent_host import SilentHost

# Smaller than the pause: without the watch, every request in flight would time out.
CONFIG = """[network]
connect_timeout = 1.0
read_timeout = 1.0
total_timeout = 2.0
retries = 0
"""
PAUSE = 5.0  # seconds stopped: past the total timeout, and past `stalls.GAP`

STORY = """<!doctype html><html><head><title>{title} | The Estuary Post</title></head><body>
<nav><a href="/">Home</a> <a href="/ferries">Ferries</a></nav>
<article><h1>{title}</h1><p class="byline">By Morwenna Tregear</p>
<p>The ferry company told passengers on Monday that the morning crossing would run to its winter
timetable from next week, leaving the quay twenty minutes later than in the summer months.</p>
<p>Commuters who catch the early train on the far bank said the change would cost them the
connection, and the parish council has asked the company to keep one early sailing on weekdays.</p>
<p>A spokesman said the company would look again at the timetable once the new vessel arrives
from the yard in the spring, and that season tickets bought before the change would be honoured.</p>
</article></body></html>"""

TITLES = [
    "Winter timetable for the morning ferry",
    "Parish council asks for an early sailing",
    "New vessel due from the yard in spring",
    "Season tickets to be honoured",
    "Quay repairs finished ahead of schedule",
    "Harbour master retires after thirty years",
]


def rss(title: str, links: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>ep-{n}</guid></item>"
        for n, (t, link) in enumerate(links)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>http://example.org/</link>{items}</channel></rss>"
    )


def start_sync(home: Path) -> subprocess.Popen[str]:
    """`reader sync` in a process group of its own (it and its workers), to stop as a shell's
    Ctrl-Z stops a job."""
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "sync"],
        env={**os.environ, "READER_HOME": str(home), "PYTHONIOENCODING": "utf-8"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def pause(sync: subprocess.Popen[str]) -> None:
    os.killpg(sync.pid, signal.SIGSTOP)


def resume(sync: subprocess.Popen[str]) -> None:
    os.killpg(sync.pid, signal.SIGCONT)


@pytest.fixture
def counted_silent_server() -> Iterator[tuple[str, list[socket.socket], threading.Event]]:
    """Accepts connections and never answers; gives its address, the connections it took, and
    an event set at the first."""
    host = SilentHost()
    yield host.url, host.held, host.first
    host.close()


def test_a_host_that_never_answers_still_fails_after_a_pause_tried_once_more(
    tmp_path: Path,
    httpserver: HTTPServer,
    counted_silent_server: tuple[str, list[socket.socket], threading.Event],
) -> None:
    silent, held, first = counted_silent_server
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(CONFIG)
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss("The Estuary Post", [("The story that never comes", silent + "never.html")]),
        content_type="application/rss+xml",
    )
    added = subprocess.run(
        [sys.executable, "-m", "reader", "add", httpserver.url_for("/feed.xml")],
        env={**os.environ, "READER_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    sync = start_sync(home)
    try:
        assert first.wait(60), "the sync never asked the silent host"
        pause(sync)
        time.sleep(PAUSE)
    finally:
        resume(sync)
    _, err = sync.communicate(timeout=120)
    assert sync.returncode == 1, err
    assert "The story that never comes" in err and "timed out" in err, err
    # Asked once more for the pause (not counted against `retries = 0`), and no more: the
    # second try saw no pause, and the host's silence is its own.
    assert len(held) == 2
    assert "paused" not in err


def test_a_request_across_an_event_loop_held_up_is_not_failed_for_it(
    httpserver: HTTPServer,
) -> None:
    """A TUI busy drawing holds up the loop the requests are on: a gap, like a stop."""

    def slow(request: Request) -> Response:
        time.sleep(0.3)  # answered while the loop is held up
        return Response(STORY.format(title=TITLES[0]), content_type="text/html")

    httpserver.expect_request("/story.html").respond_with_handler(slow)

    async def go() -> bytes:
        limits = FetchLimits(connect_timeout=0.5, read_timeout=0.5, total_timeout=0.5, retries=0)
        async with Fetcher(limits) as fetcher:
            fetcher.retries.stalls = StallWatch(gap=0.8, tick=0.1)
            request = asyncio.create_task(fetcher.get(httpserver.url_for("/story.html")))
            await asyncio.sleep(0.05)  # under way
            time.sleep(1.5)  # CPU work on the loop, past the total timeout and the gap
            return (await request).body

    assert TITLES[0].encode() in asyncio.run(go())


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
