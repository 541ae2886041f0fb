"""The status line's answer to the key just pressed is the one read: `A`'s "Marked N headlines
read · U marks them unread again" was hidden under the notice an `R` a moment before left on the
line's row, and replaced by the refresh on opening's "Refreshed 20 of 24 feeds" before it could
be read (acc35a E7). Pilot on the synced demo data, a feed of a server of the test's own that
answers only when the test lets it."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.library import Library
from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_feeds import no_feed
from tests.tui_pilot import notices, notices_raised, running, status, until

UNDO = "U marks them unread again"


def test_a_notice_shown_gives_way_to_the_answer_to_the_next_key(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            assert isinstance(app.screen, MainScreen)
            # Shown an hour, not its own 3 s: at load those ran out before the look, and the
            # notice was gone whether A took it back or not.
            raised = notices_raised(app, timeout=3600)
            await pilot.press("R")  # All feeds: no feed to rename
            await until(pilot, lambda: no_feed("rename") in raised, "the notice")
            await pilot.press("A", "y")  # "All feeds": asked first, as C
            await until(pilot, lambda: UNDO in status(app), "A's answer")
            assert notices(app) == []  # nothing over the line's row

    asyncio.run(run())


class _HeldFeed(BaseHTTPRequestHandler):
    """Answers 404, once the test sets `release`: a refresh held in its middle."""

    release = threading.Event()

    def do_GET(self) -> None:
        self.release.wait(30)
        self.send_error(404)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def held_feed() -> Iterator[str]:
    _HeldFeed.release = threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HeldFeed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    _HeldFeed.release.set()
    server.shutdown()
    server.server_close()


def test_a_refresh_ending_does_not_cover_the_answer_to_a_key(
    synced_dir: Path, held_feed: str
) -> None:
    async def subscribe() -> None:
        async with Library(synced_dir) as lib:
            lib.add_feed(held_feed)

    asyncio.run(subscribe())

    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            app.action_refresh()
            await until(pilot, lambda: "Refreshing" in status(app), "the refresh")
            await pilot.press("A", "y")  # "All feeds": asked first, as C
            await until(pilot, lambda: UNDO in status(app), "A's answer")
            # The other feeds come in meanwhile: their progress waits too.
            await pilot.pause(0.5)
            assert UNDO in status(app)
            _HeldFeed.release.set()
            await until(pilot, lambda: not app._busy, "the refresh's end")
            await pilot.pause()
            assert UNDO in status(app)
            app.notice_over()  # its seconds over (or the list left): the refresh's result
            await pilot.pause()
            assert status(app).startswith("Refreshed"), status(app)

    asyncio.run(run())
